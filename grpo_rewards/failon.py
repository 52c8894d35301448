"""``check --fail-on``: conditions on the verdicts that make ``check`` exit 1, for CI.

A condition is ``[REWARD.]WHAT[OP VALUE]``; several are separated by commas
or given as several ``--fail-on`` flags, and any one that holds fails the run:

* ``WHAT`` is a verdict kind (``correct``, ``incorrect``, ``partial``,
  ``unverifiable``), an unverifiable reason (``timeout``, ``crash``,
  ``gold_unparseable``, ...), ``mean`` (the mean score of judged samples) or
  ``lint`` (messages from the reward's data lint);
* without ``OP VALUE`` it holds when there is at least one (``incorrect``
  means ``incorrect>0``); ``mean`` needs one (``mean<0.8``);
* ``OP`` is ``>``, ``>=``, ``<``, ``<=`` or ``=``; ``VALUE`` is a count, a
  percentage of the reward's scored rows (``incorrect>10%``) or, for
  ``mean``, a score;
* without ``REWARD.`` the condition is checked for every reward on its own.

Examples: ``--fail-on unverifiable,incorrect`` (everything must be correct),
``--fail-on 'incorrect>5%'``, ``--fail-on 'math.mean<0.8' --fail-on timeout``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .errors import ConfigError
from .summary import RewardSummary

__all__ = ["FailOn", "fail_on_breaches", "parse_fail_on"]

_KINDS = ("correct", "incorrect", "partial", "unverifiable")
_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "=": operator.eq,
}
_CONDITION = re.compile(
    r"^(?:(?P<reward>[a-z][a-z0-9_]*)\.)?(?P<what>[a-z][a-z0-9_]*)(?:(?P<op>>=|<=|>|<|=)(?P<value>[0-9.]+)(?P<pct>%)?)?$"
)


@dataclass(frozen=True)
class FailOn:
    """One parsed condition."""

    text: str
    reward: str | None
    what: str
    op: str
    value: float
    percent: bool

    def measure(self, summary: RewardSummary, lint: int) -> tuple[float, str] | None:
        """The measured value for one reward and how to say it, or None when it has nothing to measure."""
        if self.what == "mean":
            return None if summary.mean is None else (summary.mean, f"mean {summary.mean:.3f}")
        if self.what == "lint":
            count = lint
        elif self.what in _KINDS:
            count = summary.verdicts.get(self.what, 0)
        else:
            count = summary.unverifiable.get(self.what, 0)
        if self.percent:
            share = 100.0 * count / summary.count if summary.count else 0.0
            return share, f"{self.what} {count} of {summary.count} ({share:.1f}%)"
        return float(count), f"{self.what} {count}"

    def breaches(self, summaries: Mapping[str, RewardSummary], lint: Mapping[str, Sequence[str]]) -> list[str]:
        """One line per reward for which the condition holds."""
        names = [self.reward] if self.reward else list(summaries)
        out = []
        for name in names:
            if name not in summaries:
                continue
            measured = self.measure(summaries[name], len(lint.get(name, ())))
            if measured is not None and _OPS[self.op](measured[0], self.value):
                out.append(f"--fail-on {self.text}: {name}: {measured[1]}")
        return out


def _parse_one(text: str) -> FailOn:
    match = _CONDITION.match(text)
    if match is None:
        raise ConfigError(
            f"--fail-on {text!r}: expected [REWARD.]WHAT[OP VALUE], e.g. incorrect, 'incorrect>10%', 'math.mean<0.8'"
        )
    what, op, value = match["what"], match["op"], match["value"]
    if what == "mean" and (op is None or match["pct"]):
        raise ConfigError(f"--fail-on {text!r}: mean needs a score to compare with, e.g. 'mean<0.8'")
    try:
        number = float(value) if value is not None else 0.0
    except ValueError:
        raise ConfigError(f"--fail-on {text!r}: {value!r} is not a number") from None
    return FailOn(text, match["reward"], what, op or ">", number, bool(match["pct"]))


def parse_fail_on(flags: Iterable[str], rewards: Iterable[str] = ()) -> list[FailOn]:
    """Every condition in ``flags`` (each may hold several, comma-separated).

    Raises ConfigError for a condition that does not parse or names a reward not in ``rewards`` (when given).
    """
    known = set(rewards)
    conditions = [_parse_one(part.strip()) for flag in flags for part in flag.split(",") if part.strip()]
    for condition in conditions:
        if known and condition.reward and condition.reward not in known:
            raise ConfigError(
                f"--fail-on {condition.text!r}: {condition.reward!r} is not a selected reward ({', '.join(sorted(known))})"
            )
    return conditions


def fail_on_breaches(
    conditions: Sequence[FailOn], summaries: Mapping[str, RewardSummary], lint: Mapping[str, Sequence[str]]
) -> list[str]:
    """Every breach of every condition, in order."""
    return [line for condition in conditions for line in condition.breaches(summaries, lint)]
