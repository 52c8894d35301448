"""The reward contract: what a plugin implements.

Subclass :class:`Reward`, set its class attributes, implement :meth:`Reward.score`
(and :meth:`Reward.prepare` for per-group work such as parsing the gold answer
once), then register the class from your plugin's ``register_rewards`` hook::

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

Reward objects are pickled into worker processes, so keep them small: options
only, and build heavy state lazily inside ``prepare``/``score``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from .options import NoOptions
from .verdict import Verdict

__all__ = ["Cost", "Group", "Isolation", "Manifest", "Reward", "Sample"]

Cost = Literal["cpu", "sandbox"]
Isolation = Literal["process", "inline"]


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
            are linear-time and cannot hang, or that manage their own isolation.
        preload: modules imported once in each warm worker, so a task costs milliseconds.
        failure_reasons: this reward's own unverifiable reasons that mean *our* side failed
            (an endpoint down, a model that does not load). ``check`` counts them as failures
            and exits 1, as it does for the core's ``crash``, ``timeout`` or ``sandbox_unavailable``.
    """

    required_columns: tuple[str, ...] = ()
    output_range: tuple[float, float] = (0.0, 1.0)
    default_timeout: float = 10.0
    cost: Cost = "cpu"
    isolation: Isolation = "process"
    preload: tuple[str, ...] = ()
    failure_reasons: tuple[str, ...] = ()


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


class Reward:
    """Base class of every reward. See the module docstring for an example.

    Class attributes a subclass sets:
        name: unique snake_case name; also the metric key ``rewards/<name>/mean``.
        description: one line for ``grpo-rewards rewards``.
        manifest: a :class:`Manifest`.
        Options: a frozen dataclass of typed options (see :mod:`grpo_rewards.options`).
    """

    name: ClassVar[str]
    description: ClassVar[str] = ""
    manifest: ClassVar[Manifest] = Manifest()
    Options: ClassVar[type] = NoOptions

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

    def prepare(self, group: Group) -> Any:
        """Per-group work done once for all its completions (parse the gold, ...).

        Runs in the same process as :meth:`score`, under the same deadline.
        The return value is passed to :meth:`score` as ``prepared``.
        """
        return None

    def score(self, sample: Sample, prepared: Any) -> Verdict:
        """Judge one completion. Raise nothing on purpose: return a verdict.

        An exception becomes ``unverifiable(crash)`` with the traceback attached.
        """
        raise NotImplementedError(f"{type(self).__name__} must implement score()")

    def score_group(self, group: Group) -> list[Verdict]:
        """Judge a whole group at once. Override for group-relative rewards.

        The default prepares once and scores each sample. Inline rewards and
        group-relative rewards are scored through this method; process rewards
        that keep the default get a deadline per sample.
        """
        prepared = self.prepare(group)
        return [self.score(sample, prepared) for sample in group.samples]

    def score_batch(self, groups: Sequence[Group]) -> list[list[Verdict]]:
        """Judge many groups. Only inline rewards are called through this.

        Override to spread work over your own executor (the code reward sends
        the whole batch to its sandbox pool this way).
        """
        return [self.score_group(group) for group in groups]

    def preflight(self) -> str | None:
        """Check, before training loads a model, that this reward can score at all.

        ``grpo-rewards train`` calls this once per reward, in the training process.
        Raise :class:`~grpo_rewards.SandboxUnavailable` (for ``cost="sandbox"``
        rewards whose engine, image or daemon is missing) or another
        :class:`~grpo_rewards.GrpoRewardsError` whose message says what to do.
        Return an optional one-line status for the preflight report
        (``"sandbox ready: 2 warm containers"``). Keep it to a few seconds.
        The default checks nothing.
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

    @classmethod
    def overrides(cls, method: str) -> bool:
        """True when the subclass overrides ``method`` of :class:`Reward`."""
        return getattr(cls, method) is not getattr(Reward, method)
