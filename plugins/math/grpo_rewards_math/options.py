"""Options of the ``math`` reward (set with ``-o math.KEY=VALUE``, a config file or Python)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["MathOptions"]


@dataclass(frozen=True)
class MathOptions:
    """Typed options of :class:`grpo_rewards_math.MathReward`."""

    gold_column: str = field(default="answer", metadata={"help": "dataset column holding the gold answer"})
    mode: Literal["strict", "lenient"] = field(
        default="lenient",
        metadata={
            "help": "strict: only a final \\boxed{} counts; lenient: also 'the answer is ...' (several languages) or a final line"
        },
    )
    tolerance: float = field(
        default=1e-6, metadata={"help": "relative tolerance when either answer is a decimal; exact values always compare exactly"}
    )
    multiple_boxed: Literal["auto", "reject", "last"] = field(
        default="auto",
        metadata={
            "help": "several different boxed answers: auto (boxes written together are one answer, 'or' between them"
            " is a hedge, a later box corrects an earlier one), reject (any two different boxes earn nothing) or last"
        },
    )
    list_order: Literal["auto", "ordered", "unordered"] = field(
        default="auto",
        metadata={
            "help": "a bare list gold (1, 4, 5): auto (ordered when the question says 'respectively', 'in increasing"
            " order', ... or the answer labels positions), ordered, or unordered"
        },
    )
    max_answer_chars: int = field(
        default=1000, metadata={"help": "a longer answer span is incorrect (answer_too_long) without being parsed"}
    )
    max_nesting: int = field(
        default=40,
        metadata={"help": "an answer nesting brackets deeper than this is incorrect (answer_too_deep) without being parsed"},
    )

    def __post_init__(self) -> None:
        if not 0 <= self.tolerance < 1:
            raise ValueError(f"tolerance must be in [0, 1), got {self.tolerance}")
        if self.max_answer_chars < 1:
            raise ValueError(f"max_answer_chars must be positive, got {self.max_answer_chars}")
        if self.max_nesting < 1:
            raise ValueError(f"max_nesting must be positive, got {self.max_nesting}")
        if not self.gold_column:
            raise ValueError("gold_column must name a column")
