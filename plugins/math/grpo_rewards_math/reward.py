"""The ``math`` reward: is the completion's final answer the gold answer?

Verdicts:

* ``correct`` / ``incorrect(reason)``; reasons: ``wrong_answer``, ``no_answer``,
  ``hedged`` (several different boxed answers), ``not_math`` (prose or code),
  ``unparseable_answer``, ``answer_too_long``, ``answer_too_deep``, ``not_a_choice``, ``wrong_variable``;
* ``unverifiable("gold_unparseable")`` when the gold itself cannot be read:
  the model is not punished for our data.

Scoring runs in the core's killable worker pool, so a hang in SymPy becomes
``unverifiable(timeout)`` at the deadline; nothing here sets a timer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from grpo_rewards import Group, Manifest, Reward, Sample, Verdict

from .extract import extract_answers
from .gold import Gold
from .latex import nesting_depth
from .options import MathOptions

__all__ = ["MathReward"]

_PRELOAD = ("sympy", "math_verify", "latex2sympy2_extended", "grpo_rewards_math.symbolic")


class MathReward(Reward):
    """Answer equivalence against a gold column; see the module docstring."""

    name = "math"
    description = "1 if the final answer equals the gold answer (numbers, LaTeX, sets, intervals, matrices, equations), else 0."
    manifest = Manifest(required_columns=("answer",), default_timeout=5.0, preload=_PRELOAD)
    Options = MathOptions
    options: MathOptions

    def required_columns(self) -> tuple[str, ...]:
        return (self.options.gold_column,)

    def prepare(self, group: Group) -> Any:
        from .gold import gold_text, read_gold

        return read_gold(gold_text(group.row.get(self.options.gold_column)))

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        if not prepared.ok:
            return Verdict.unverifiable("gold_unparseable", prepared.problem, gold=prepared.raw[:200])
        found = extract_answers(sample.completion, self.options.mode)
        if not found.answers:
            return Verdict.incorrect("no_answer", why=found.why_none)
        spans = found.answers
        if len(spans) > 1 and self.options.multiple_boxed == "last":
            spans = spans[-1:]
        refused = self._refuse(spans)
        return refused if refused is not None else self._judge_spans(prepared, spans, found.source)

    def _refuse(self, spans: Sequence[str]) -> Verdict | None:
        """Answers too long or too deeply nested to hand to a parser: incorrect, unparsed."""
        for span in spans:
            if len(span) > self.options.max_answer_chars:
                return Verdict.incorrect("answer_too_long", answer=span[:80] + "…", chars=len(span))
            depth = nesting_depth(span)
            if depth > self.options.max_nesting:
                return Verdict.incorrect("answer_too_deep", answer=span[:80] + "…", depth=depth)
        return None

    def _judge_spans(self, prepared: Gold, spans: Sequence[str], source: str) -> Verdict:
        gold = prepared.answer
        assert gold is not None
        judgements = [prepared.judge(span, self.options.tolerance) for span in spans]
        shown = spans[0] if len(spans) == 1 else " | ".join(spans)
        if any(j.reason == "gold_unparseable" for j in judgements):
            return Verdict.unverifiable("gold_unparseable", f"gold {gold.text!r} does not parse as math", answer=shown)
        if all(j.equal for j in judgements):
            return Verdict.correct(answer=shown, source=source, gold=gold.text)
        if len(spans) > 1:
            return Verdict.incorrect("hedged", answer=shown, source=source, gold=gold.text, answers=list(spans))
        return Verdict.incorrect(judgements[0].reason, answer=shown, source=source, gold=gold.text)

    def lint(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Golds that do not parse, that hide several boxed answers, or that a bare parse truncates.

        Golds are read in the worker pool under the reward's deadline, like samples.
        """
        from .lint import lint_golds

        return lint_golds(rows, self.options.gold_column, self.timeout, self.manifest.preload)
