from dataclasses import dataclass, field
from typing import Literal

import pytest

from grpo_rewards import ConfigError, describe_options, parse_options
from grpo_rewards.options import parse_option_assignment


@dataclass(frozen=True)
class Opts:
    column: str = field(default="answer", metadata={"help": "gold column"})
    mode: Literal["strict", "lenient"] = "lenient"
    tolerance: float = 0.0
    retries: int = 1
    binary: bool = False
    languages: tuple[str, ...] = ("python",)
    limit: int | None = None


def test_strings_are_converted_by_type_hint():
    o = parse_options(
        Opts,
        {"mode": "strict", "tolerance": "1e-3", "retries": "3", "binary": "yes", "languages": "python, cpp", "limit": "none"},
    )
    assert o == Opts(mode="strict", tolerance=1e-3, retries=3, binary=True, languages=("python", "cpp"), limit=None)
    assert parse_options(Opts, {"limit": "5"}).limit == 5


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ({"mode": "loose"}, ["'mode'", "strict", "lenient"]),
        ({"retries": "two"}, ["'retries'", "int"]),
        ({"retries": 1.5}, ["'retries'", "integer"]),
        ({"binary": "maybe"}, ["'binary'", "true or false"]),
        ({"colum": "x"}, ["unknown option 'colum'", "column"]),
    ],
)
def test_bad_values_name_the_reward_and_option(raw, words):
    with pytest.raises(ConfigError) as info:
        parse_options(Opts, raw, owner="reward 'demo'")
    message = str(info.value)
    assert "reward 'demo'" in message
    for word in words:
        assert word in message


def test_describe_lists_types_defaults_and_help():
    info = {o.name: o for o in describe_options(Opts)}
    assert info["column"].help == "gold column" and info["column"].default == "answer"
    assert info["mode"].type == "strict|lenient"


def test_option_assignment_parsing():
    assert parse_option_assignment("math.mode=strict") == ("math", "mode", "strict")
    assert parse_option_assignment("code.cmd=a=b") == ("code", "cmd", "a=b")
    with pytest.raises(ConfigError, match="REWARD.KEY=VALUE"):
        parse_option_assignment("mode=strict")
