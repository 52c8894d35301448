"""``grpo-rewards new-plugin NAME``: a plugin distribution that installs and passes its own tests as generated.

:func:`render` gives the files (path -> text) for a name; :func:`write` puts
them in a new folder. The generated reward is small but real: it compares the
completion's final answer (the text after the last ``</think>``) with a gold
column, so the author starts from working code, a contract test, verdict
tests and sample rows for ``grpo-rewards check``, and edits from there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

__all__ = ["PluginNames", "names_for", "render", "write"]

_NAME = re.compile(r"^[a-z][a-z0-9]*([_-][a-z0-9]+)*$")


@dataclass(frozen=True)
class PluginNames:
    """Every name the scaffold derives from one: ``my-check`` -> reward ``my_check``, ..."""

    reward: str  # my_check: the reward name and entry-point name
    distribution: str  # grpo-rewards-my-check
    package: str  # grpo_rewards_my_check
    cls: str  # MyCheckReward


def names_for(name: str) -> PluginNames:
    """Check ``name`` (lowercase words joined by ``_`` or ``-``) and derive the other names."""
    if not _NAME.match(name):
        raise ConfigError(
            f"plugin name {name!r}: use lowercase letters and digits, words joined by '_' or '-' (e.g. exact_answer)"
        )
    reward = name.replace("-", "_")
    words = reward.split("_")
    return PluginNames(
        reward=reward,
        distribution="grpo-rewards-" + "-".join(words),
        package="grpo_rewards_" + reward,
        cls="".join(w.capitalize() for w in words) + "Reward",
    )


_PYPROJECT = """\
[build-system]
requires = ["setuptools>=69"]
build-backend = "setuptools.build_meta"

[project]
name = "{distribution}"
version = "0.1.0"
description = "grpo-rewards plugin: the {reward} reward"
requires-python = ">=3.10"
dependencies = ["grpo-rewards"]

[project.optional-dependencies]
test = ["pytest>=8"]

# This entry point is the whole integration: grpo-rewards finds the plugin through it.
[project.entry-points.grpo_rewards]
{reward} = "{package}.plugin"

[tool.setuptools.packages.find]
include = ["{package}*"]

[tool.pytest.ini_options]
testpaths = ["tests"]
"""

_INIT = '''"""The {reward} reward for grpo-rewards."""

from .plugin import {cls}

__all__ = ["{cls}"]
'''

_PLUGIN = '''"""The {reward} reward: the completion's final answer equals the row's gold column.

Edit :meth:`{cls}.score` to judge what your task needs. Keep the contract:
return a Verdict (never a bare float), scores inside ``output_range``, and
``Verdict.unverifiable(...)`` when *you* cannot judge (never 0.0 for that).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from grpo_rewards import Group, Manifest, Reward, Sample, Verdict, hookimpl


@dataclass(frozen=True)
class {cls}Options:
    """Options, settable as --option {reward}.KEY=VALUE or in a config file."""

    column: str = field(default="answer", metadata={{"help": "column holding the gold answer"}})
    case_sensitive: bool = field(default=False, metadata={{"help": "compare with case"}})


def final_answer(completion: str) -> str:
    """The text after the last </think> (the whole completion when there is none), stripped."""
    return completion.rpartition("</think>")[2].strip()


class {cls}(Reward):
    name = "{reward}"  # unique, snake_case; also the metric key rewards/{reward}/mean
    description = "1 when the final answer equals the gold column, else 0."
    manifest = Manifest(required_columns=("answer",), output_range=(0.0, 1.0), default_timeout=2.0, role="correctness")
    Options = {cls}Options

    def required_columns(self) -> tuple[str, ...]:
        return (self.options.column,)

    def _normal(self, text: str) -> str:
        text = " ".join(text.split())
        return text if self.options.case_sensitive else text.casefold()

    def prepare(self, group: Group) -> str | None:
        """Once per group of completions sharing a prompt: the normalised gold."""
        gold = group.row.get(self.options.column)
        return None if gold is None or not str(gold).strip() else self._normal(str(gold))

    def score(self, sample: Sample, gold: str | None) -> Verdict:
        if gold is None:
            return Verdict.unverifiable("gold_missing", f"column {{self.options.column!r}} is empty")
        answer = final_answer(sample.completion)
        if not answer:
            return Verdict.incorrect("no answer after </think>", answer="")
        if self._normal(answer) == gold:
            return Verdict.correct("matches the gold answer", answer=answer)
        return Verdict.incorrect(f"expected {{gold!r}}, got {{self._normal(answer)!r}}", answer=answer)

    def lint(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Rows whose gold is missing or empty: their samples cannot be judged."""
        column = self.options.column
        empty = [row["__line__"] for row in rows if not str(row.get(column) or "").strip()]
        return [f"line {{line}}: gold column {{column!r}} is empty" for line in empty]


@hookimpl
def register_rewards(register: Any) -> None:
    register({cls})
'''

_TEST = '''"""The plugin's own tests, with the fixtures and helpers grpo-rewards ships for pytest."""

from grpo_rewards.testing import assert_verdict, check_reward_contract, score_verdicts


def test_the_trl_contract(plugin_manager):
    scores = check_reward_contract(
        "{reward}",
        prompts=["2+2?", "2+2?", "Capital of France?"],
        completions=["<think>2 and 2</think> 4", "<think>hmm</think> 5", "Paris"],
        columns={{"answer": ["4", "4", "paris"]}},
    )
    assert scores == [1.0, 0.0, 1.0]


def test_verdicts_say_why(plugin_manager):
    assert_verdict("{reward}", "<think>x</think> 5", columns={{"answer": "4"}}, kind="incorrect", reason_contains="expected '4'")
    assert_verdict("{reward}", "<think>x</think>", columns={{"answer": "4"}}, kind="incorrect", reason="no answer after </think>")
    assert_verdict("{reward}", "4", columns={{"answer": ""}}, kind="unverifiable", reason="gold_missing")


def test_options(plugin_manager):
    (verdict,) = score_verdicts("{reward}", ["PARIS"], columns={{"answer": ["paris"]}}, options={{"case_sensitive": True}})
    assert verdict.kind == "incorrect"
'''

_README = """\
# {distribution}

The `{reward}` reward for [grpo-rewards](https://pypi.org/project/grpo-rewards/):
1 when the completion's final answer (after the last `</think>`) equals the
row's `answer` column, else 0.

```sh
pip install -e '.[test]'
pytest                                   # the contract test and verdict tests
grpo-rewards rewards {reward}            # its options
grpo-rewards check examples/sample.jsonl --reward {reward}
```

Edit `{package}/plugin.py`. In TRL:
`grpo_rewards.reward_funcs(["{reward}"])`.
"""

_SAMPLES = [
    {"prompt": "2+2?", "completion": "<think>2 and 2 make 4</think> 4", "answer": "4"},
    {"prompt": "2+2?", "completion": "<think>maybe 5</think> 5", "answer": "4"},
    {"prompt": "Capital of France?", "completion": "<think>easy</think> Paris", "answer": "paris"},
    {"prompt": "Capital of France?", "completion": "<think>hmm</think> Lyon", "answer": "paris"},
]


def render(name: str) -> dict[str, str]:
    """The generated files for plugin ``name``: relative path -> text."""
    n = names_for(name)
    values = {"reward": n.reward, "distribution": n.distribution, "package": n.package, "cls": n.cls}
    return {
        "pyproject.toml": _PYPROJECT.format(**values),
        "README.md": _README.format(**values),
        f"{n.package}/__init__.py": _INIT.format(**values),
        f"{n.package}/plugin.py": _PLUGIN.format(**values),
        f"tests/test_{n.reward}.py": _TEST.format(**values),
        "examples/sample.jsonl": "".join(json.dumps(row) + "\n" for row in _SAMPLES),
    }


def write(name: str, parent: Path, *, force: bool = False) -> Path:
    """Write the plugin into ``parent/<distribution>``; returns that folder.

    Refuses to touch an existing, non-empty folder unless ``force``.
    """
    target = parent / names_for(name).distribution
    if target.exists() and any(target.iterdir()) and not force:
        raise ConfigError(f"{target} already exists and is not empty; pick another --dir, or pass --force to overwrite")
    for relative, text in render(name).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target
