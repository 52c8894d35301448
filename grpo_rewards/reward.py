"""The reward contract: what a plugin implements.

A reward declares its **execution unit** by the class it subclasses, and
implements that unit's one scoring method:

* :class:`Reward` (unit ``sample``): implement ``score(sample, prepared)``, and
  ``prepare(group)`` for work done once per group. Answer checkers such as ``math``.
* :class:`GroupReward` (unit ``group``): implement ``score_group(group)``.
  Group-relative shaping such as ``length``.
* :class:`BatchReward` (unit ``batch``): implement ``score_batch(groups)``. Rewards
  that spread a whole batch over an executor of their own: ``code`` (its sandbox
  pool), an LLM judge (concurrent HTTP requests), a reward model (GPU batches).

Why classes and not a manifest field: the unit decides which method the core
calls, so it belongs with the method. Each base makes its method abstract, so
mypy checks the signature of your override and a reward that forgets it is
refused at registration; and a reward cannot declare one unit while
implementing another (defining ``score_batch`` on a :class:`Reward` is
refused too, instead of being silently never called). The :class:`Manifest`
keeps the facts about where and how expensively it runs (``isolation``,
``cost``, ``default_timeout``, ``preload``). The core scores every
``(unit, isolation)`` pair through a small table of strategies
(:mod:`grpo_rewards.strategies`); a batch cannot run in the killable pool
(see :class:`BatchReward`).

A sample reward::

    @dataclass(frozen=True)
    class ExactOptions:
        column: str = "answer"

    class Exact(Reward):
        name = "exact"
        description = "1 if the completion equals the gold column, else 0."
        manifest = Manifest(required_columns=("answer",))
        Options = ExactOptions

        def required_columns(self) -> tuple[str, ...]:
            return (self.options.column,)

        def prepare(self, group: Group) -> str:
            return str(group.row[self.options.column]).strip()

        def score(self, sample: Sample, prepared: str) -> Verdict:
            if sample.completion.strip() == prepared:
                return Verdict.correct(answer=prepared)
            return Verdict.incorrect("differs from gold", answer=sample.completion.strip())

Register the class from your plugin's ``register_rewards`` hook. Reward
objects are pickled into worker processes (and, later, to other machines), so
keep them small: options only, and build heavy state lazily inside the
scoring methods.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from .options import NoOptions
from .verdict import Verdict

__all__ = [
    "UNITS",
    "BaseReward",
    "BatchReward",
    "Cost",
    "Group",
    "GroupReward",
    "Isolation",
    "Manifest",
    "ROLES",
    "Reward",
    "Role",
    "Sample",
    "Unit",
    "unit_problem",
]

Cost = Literal["cpu", "sandbox"]
Role = Literal["correctness", "shaping", "penalty"]
ROLES: tuple[Role, ...] = ("correctness", "shaping", "penalty")
Isolation = Literal["process", "inline"]
Unit = Literal["sample", "group", "batch"]

#: Each unit and the one method the core calls to score it.
UNITS: Mapping[Unit, str] = {"sample": "score", "group": "score_group", "batch": "score_batch"}


@dataclass(frozen=True)
class Manifest:
    """What a reward needs and promises.

    Attributes:
        required_columns: dataset columns the reward reads (besides the prompt and completion).
        output_range: the lowest and highest score it can give.
        default_timeout: seconds one sample may take before it is unverifiable(timeout).
        cost: ``"cpu"`` for pure computation, ``"sandbox"`` when it executes code in the sandbox.
        isolation: ``"process"`` (default) scores in the core's killable worker pool;
            ``"inline"`` scores in the caller's process and is only for rewards that
            are linear-time and cannot hang, or that manage their own isolation
            (every :class:`BatchReward`).
        preload: modules imported once in each warm worker, so a task costs milliseconds.
        failure_reasons: this reward's own unverifiable reasons that mean *our* side failed
            (an endpoint down, a model that does not load). ``check`` counts them as failures
            and exits 1, as it does for the core's ``crash``, ``timeout`` or ``sandbox_unavailable``.
        role: what the score means. ``"correctness"`` (default): the verdict judges
            whether the output is right (``math``, ``code``, ``format``). ``"shaping"``:
            a score that steers behaviour relative to other completions (``length``).
            ``"penalty"``: a score that only takes away (``repetition``). ``check``
            shows a shaping or penalty reward's score under that label instead of
            "correct"/"incorrect", which would read as a correctness judgment.

    Scores must lie inside ``output_range``: a verdict outside it is not used
    (it becomes ``unverifiable(crash)`` naming the breach), never clamped.
    """

    required_columns: tuple[str, ...] = ()
    output_range: tuple[float, float] = (0.0, 1.0)
    default_timeout: float = 10.0
    cost: Cost = "cpu"
    isolation: Isolation = "process"
    preload: tuple[str, ...] = ()
    failure_reasons: tuple[str, ...] = ()
    role: Role = "correctness"


@dataclass(frozen=True)
class Sample:
    """One completion to score, with everything TRL or ``check`` knows about it.

    Attributes:
        completion: the completion's text (for chat messages, the assistant content).
        prompt: the prompt as text (chat messages are rendered one per line as ``role: content``).
        row: the dataset columns of this sample (``answer``, ``tests``, ...).
        completion_ids: token ids of the completion, when the trainer gives them.
        completion_messages: the raw chat messages, for conversational data.
        prompt_messages: the raw prompt messages, for conversational data.
        index: position of the sample in its batch (or input line in ``check``).
    """

    completion: str
    prompt: str = ""
    row: Mapping[str, Any] = field(default_factory=dict)
    completion_ids: Sequence[int] | None = None
    completion_messages: Sequence[Mapping[str, Any]] | None = None
    prompt_messages: Sequence[Mapping[str, Any]] | None = None
    index: int = 0


@dataclass(frozen=True)
class Group:
    """Completions that share a prompt (and the columns the reward reads).

    ``row`` holds the shared columns; ``prepare`` runs once per group.
    """

    key: str
    prompt: str
    row: Mapping[str, Any]
    samples: tuple[Sample, ...]


class BaseReward(abc.ABC):
    """What every reward has, whatever its unit. Subclass :class:`Reward`, :class:`GroupReward` or :class:`BatchReward`.

    Class attributes a subclass sets:
        name: unique snake_case name; also the metric key ``rewards/<name>/mean``.
        description: one line for ``grpo-rewards rewards``.
        manifest: a :class:`Manifest`.
        Options: a frozen dataclass of typed options (see :mod:`grpo_rewards.options`).

    ``unit`` is set by the three bases and is not yours to change.
    """

    name: ClassVar[str]
    description: ClassVar[str] = ""
    manifest: ClassVar[Manifest] = Manifest()
    Options: ClassVar[type] = NoOptions
    unit: ClassVar[Unit]

    def __init__(self, options: Any = None, *, timeout: float | None = None) -> None:
        self.options = options if options is not None else self.Options()
        self.timeout = float(timeout) if timeout is not None else self.manifest.default_timeout

    def required_columns(self) -> tuple[str, ...]:
        """Columns this instance reads. Override when an option renames a column."""
        return self.manifest.required_columns

    def output_range(self) -> tuple[float, float]:
        """The lowest and highest score this instance gives. Override when an option changes it."""
        return self.manifest.output_range

    def applies_to(self, row: Mapping[str, Any]) -> bool:
        """Whether this reward has anything to judge in ``row``.

        ``check`` run without ``--reward`` applies each installed reward to the
        rows this says yes to. Defaults to "every required column is present";
        override when a reward reads one of several column sets (the code
        reward takes ``tests``, or ``test`` with ``entry_point``).
        """
        return all(column in row for column in self.required_columns())

    def group_columns(self) -> tuple[str, ...]:
        """Columns that, with the prompt, decide which samples form a group.

        Defaults to :meth:`required_columns`. Override to leave out columns that
        differ between completions of one prompt (a per-completion correctness
        flag, say), which would otherwise split a group apart.
        """
        return self.required_columns()

    def preflight(self) -> str | None:
        """Check, before training loads a model, that this reward can score at all.

        ``grpo-rewards train`` calls this once per reward, in the training process (with the
        Ray executor: on each node that would score the reward).
        Raise :class:`~grpo_rewards.SandboxUnavailable` (for ``cost="sandbox"``
        rewards whose engine, image or daemon is missing) or another
        :class:`~grpo_rewards.GrpoRewardsError` whose message says what to do.
        Return a one-line status for the preflight report when you checked
        something (``"sandbox ready: 2 warm containers"``); ``None`` (the
        default) says there is nothing to check, and the trainer warns about a
        ``cost="sandbox"`` reward that says so. Keep it to a few seconds.
        """
        return None

    def lint(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Problems with the data itself (a gold answer that cannot parse, ...).

        ``check`` calls this once with every row and prints each message.
        Messages should name the row, e.g. ``"line 3: gold '...' does not parse"``.
        Rows carry their input line under the key ``"__line__"``.
        """
        return []

    def __repr__(self) -> str:
        return f"<reward {self.name} {self.options!r}>"


class Reward(BaseReward):
    """A reward scored one sample at a time (unit ``sample``). See the module docstring for an example.

    ``prepare`` runs once per group (parse the gold answer once), ``score``
    once per sample. With ``isolation="process"`` each sample gets its own
    deadline in the worker pool, and the pool spreads one group's samples
    over several workers.
    """

    unit: ClassVar[Unit] = "sample"

    def prepare(self, group: Group) -> Any:
        """Per-group work done once for all its completions (parse the gold, ...).

        Runs in the same process as :meth:`score`, under the same deadline.
        The return value is passed to :meth:`score` as ``prepared``.
        """
        return None

    @abc.abstractmethod
    def score(self, sample: Sample, prepared: Any) -> Verdict:
        """Judge one completion. Raise nothing on purpose: return a verdict.

        An exception becomes ``unverifiable(crash)`` with the traceback attached.
        """


class GroupReward(BaseReward):
    """A reward that judges a whole group at once (unit ``group``): group-relative shaping.

    With ``isolation="process"`` each group is one pool task whose deadline is
    ``timeout`` times the group's size; a hang or a crash makes the whole
    group unverifiable.
    """

    unit: ClassVar[Unit] = "group"

    @abc.abstractmethod
    def score_group(self, group: Group) -> list[Verdict]:
        """One verdict per sample of ``group``, in order. An exception makes every one ``unverifiable(crash)``."""


class BatchReward(BaseReward):
    """A reward that takes every group of a batch in one call (unit ``batch``).

    For rewards that spread the work over an executor of their own: the
    ``code`` reward sends the whole batch to its sandbox pool, an LLM judge
    sends concurrent HTTP requests, a reward model batches on a GPU. The core
    cannot split the call or give each sample a deadline, so a batch reward
    must declare ``isolation="inline"`` and bound its own calls (registration
    refuses ``"process"``); an exception makes every sample of the batch
    ``unverifiable(crash)``.
    """

    unit: ClassVar[Unit] = "batch"

    @abc.abstractmethod
    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        """One list of verdicts per group, each with one verdict per sample, in order."""


_BASES: Mapping[Unit, type[BaseReward]] = {"sample": Reward, "group": GroupReward, "batch": BatchReward}
_SCORED = {"sample": "one sample at a time", "group": "a whole group at once", "batch": "a whole batch in one call"}


def unit_problem(reward_cls: type[BaseReward]) -> str | None:
    """Why ``reward_cls`` does not declare exactly one unit and implement its method; None when it does.

    The registry refuses a reward with a problem, naming its plugin.
    """
    bases = [base for base in _BASES.values() if issubclass(reward_cls, base)]
    if len(bases) != 1:
        which = " and ".join(b.__name__ for b in bases) or "only BaseReward"
        return f"subclasses {which}: subclass exactly one of Reward, GroupReward or BatchReward"
    base = bases[0]
    if reward_cls.unit != base.unit:
        return f"sets unit = {reward_cls.unit!r}, but the unit comes from its base class {base.__name__} ({base.unit!r})"
    for unit, method in UNITS.items():
        if unit != base.unit and hasattr(reward_cls, method):
            return (
                f"is a {base.__name__} (scored {_SCORED[base.unit]}) but defines {method}(), which the core never calls "
                f"for it: subclass grpo_rewards.{_BASES[unit].__name__} to be scored {_SCORED[unit]}"
            )
    missing = sorted(getattr(reward_cls, "__abstractmethods__", ()))
    if missing:
        return f"does not implement {', '.join(m + '()' for m in missing)}: a {base.__name__} is scored {_SCORED[base.unit]}"
    return None
