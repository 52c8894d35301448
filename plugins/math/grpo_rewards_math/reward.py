"""The ``math`` reward: is the completion's final answer the gold answer?

Verdicts and what they mean:

* ``correct``: the final answer equals the gold.
* ``incorrect(reason)``, a judgment of the model's output:
  ``wrong_answer``; ``no_answer`` (nothing states a final answer, or reasoning
  opened with ``<think>`` never closed); ``hedged`` (alternatives offered for one
  answer: ``\\boxed{5} or \\boxed{6}``); ``not_math`` (prose or code);
  ``unparseable_answer``; ``not_a_choice``; ``wrong_variable``; and the guards,
  decided before any parser runs: ``answer_too_long``, ``answer_too_deep``,
  ``answer_too_big`` (factorials, binomials, towers, products too large to
  evaluate), ``too_many_answers`` (more boxed answers than a reply holds) and
  ``unevaluated_answer`` (an integral, limit, derivative, determinant or matrix power left for the grader
  when the gold has none).
  A hostile answer is never ``unverifiable``: that would teach a policy how to
  escape the penalty of a wrong one.
* ``unverifiable(reason)``, our failure, not the model's: ``gold_unparseable``
  (the dataset's gold cannot be read; the model is not punished for our data),
  and, from the core, ``timeout`` (honest SymPy work past the deadline) or
  ``crash``.

Scoring runs in the core's killable worker pool, so a hang in SymPy becomes
``unverifiable(timeout)`` at the deadline; nothing here sets a timer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from grpo_rewards import Group, Manifest, Reward, Sample, Verdict

from .answer import Judgement
from .ending import answer_text, prompt_header
from .extract import Extraction, extract_answers
from .gold import Gold, Limits
from .options import MathOptions

__all__ = ["MathReward"]


def _question(prompt: str, row: Mapping[str, Any]) -> str:
    """The question's text: the prompt, else a ``problem`` or ``question`` column."""
    if prompt:
        return prompt
    for column in ("problem", "question"):
        if isinstance(row.get(column), str):
            return str(row[column])
    return ""


@lru_cache(maxsize=256)
def _question_numbers(prompt: str) -> frozenset[str]:
    from .prose import question_numbers

    return question_numbers(prompt)


_PRELOAD = ("sympy", "math_verify", "latex2sympy2_extended", "grpo_rewards_math.symbolic", "grpo_rewards_math.warm")


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
        from .gold import asks_for_order, choice_options, gold_text, read_gold

        question = _question(group.prompt, group.row)
        order = self.options.list_order
        ordered = order == "ordered" or (order == "auto" and asks_for_order(question))
        return read_gold(gold_text(group.row.get(self.options.gold_column)), ordered, choice_options(question))

    @property
    def _limits(self) -> Limits:
        return Limits(self.options.tolerance, self.options.max_answer_chars, self.options.max_nesting)

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        if not prepared.ok:
            return Verdict.unverifiable("gold_unparseable", prepared.problem, gold=prepared.raw[:200])
        question = _question(sample.prompt, sample.row)
        text = answer_text(sample.completion, prompt_header(question), numbered_parts=prepared.parts > 1)
        found = extract_answers(text, self.options.mode)
        if found.box_count and not found.answers:
            return Verdict.incorrect("too_many_answers", boxes=found.box_count)
        if found.hedged:
            return Verdict.incorrect("hedged", answer=found.answers[0][:200] if found.answers else None, why=found.why_none)
        if not found.answers:
            return Verdict.incorrect("no_answer", why=found.why_none)
        if found.is_clause:
            known = _question_numbers(question)
            judgement, value = prepared.judge_clause(
                found.answers[0],
                self._limits,
                after_marker=found.source == "phrase",
                known=known,
                decimal_comma=found.decimal_comma,
            )
            shown = value if value is not None else found.answers[0][:200]
            return self._verdict(prepared, judgement, shown, found.source, clause=found.answers[0][:200])
        return self._judge_spans(prepared, found)

    def _verdict(self, gold: Gold, judgement: Judgement, shown: str, source: str, **details: Any) -> Verdict:
        assert gold.answer is not None
        if judgement.reason == "gold_unparseable":
            return Verdict.unverifiable("gold_unparseable", f"gold {gold.answer.text!r} does not parse as math", answer=shown)
        if judgement.equal:
            return Verdict.correct(answer=shown, source=source, gold=gold.answer.text, **details)
        return Verdict.incorrect(
            judgement.reason, answer=shown, source=source, gold=gold.answer.text, **judgement.detail, **details
        )

    def _spans(self, gold: Gold, found: Extraction) -> tuple[tuple[str, ...], str]:
        policy = self.options.multiple_boxed
        if policy == "last" or (policy == "auto" and found.joiner == ""):
            return found.answers[-1:], ""
        if policy == "reject" and len(found.boxes) > 1:
            return found.boxes, "or"
        if found.joiner == "or" and len(found.answers) == gold.size > 1:
            return found.answers, "and"  # "x = 2 or x = 3" lists the two solutions the gold lists
        return found.answers, found.joiner

    def _judge_spans(self, gold: Gold, found: Extraction) -> Verdict:
        spans, joiner = self._spans(gold, found)
        limits = self._limits
        shown = spans[0] if len(spans) == 1 else (" or " if joiner == "or" else ", ").join(spans)
        judgements = [gold.judge(span, limits) for span in spans]
        guarded = next((j for j in judgements if j.reason.startswith("answer_too")), None)
        if guarded is not None:
            return self._verdict(gold, guarded, shown, found.source)
        if all(j.equal for j in judgements):
            return self._verdict(gold, judgements[0], shown, found.source)
        multi_part = self.options.multiple_boxed == "auto" and len(spans) == 1 and len(found.boxes) == gold.parts > 1
        if joiner == "and" or multi_part:
            parts = spans if joiner == "and" else found.boxes
            together = ", ".join(parts)
            if gold.size == 1 and gold.parts > 1:
                together = f"({together})"  # boxes that together are the gold's pair
            return self._verdict(gold, gold.judge(together, limits), together, found.source)
        if len(spans) > 1:
            assert gold.answer is not None
            return Verdict.incorrect("hedged", answer=shown, source=found.source, gold=gold.answer.text, answers=list(spans))
        return self._verdict(gold, judgements[0], shown, found.source)

    def lint(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Golds that do not parse, that hide several boxed answers, or that a bare parse truncates.

        Golds are read in the worker pool under the reward's deadline, like samples.
        """
        from .lint import lint_golds

        return lint_golds(rows, self.options.gold_column, self.timeout, self.manifest.preload)
