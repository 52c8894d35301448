"""The pieces behind `check --output`: ordered streaming writes, resuming, encoding, blocks, unusable data."""

from __future__ import annotations

import io
import json

import pytest

from grpo_rewards import InputError, Verdict
from grpo_rewards.checking import CheckReport, is_data_problem, prompt_blocks
from grpo_rewards.data import InputRow
from grpo_rewards.errors import ConfigError
from grpo_rewards.messages import to_sample
from grpo_rewards.output import RowWriter, encode_record, entries_for, read_resume


def rows(n: int) -> list[InputRow]:
    return [InputRow(line, "p", f"c{line}", {}) for line in range(1, n + 1)]


class Sink(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.flushes: list[int] = []

    def flush(self) -> None:
        self.flushes.append(len(self.getvalue().splitlines()))


def test_rows_are_written_in_input_order_as_soon_as_every_row_before_them_is_done():
    data = rows(5)
    errors = [InputError("bad", path="f", line=3), InputError("broke", path="f", line=None)]
    data = [r for r in data if r.line != 3]
    sink = Sink()
    writer = RowWriter(sink, entries_for(data, errors), lambda p: {"line": data[p].line, "rewards": {}})
    assert sink.getvalue() == b""
    writer.done([1])  # line 2: waits for line 1
    assert sink.getvalue() == b""
    writer.done([0])  # lines 1, 2, then the bad line 3 at once
    assert [json.loads(x)["line"] for x in sink.getvalue().splitlines()] == [1, 2, 3]
    writer.done([3, 2])  # lines 5 and 4, then the error about the whole file
    lines = [json.loads(x) for x in sink.getvalue().splitlines()]
    assert [x["line"] for x in lines] == [1, 2, 3, 4, 5, None] and "broke" in lines[-1]["error"]
    assert sink.flushes == [3, 6]  # flushed after each write


def test_any_string_encodes_and_reads_back_as_itself():
    text = "\ud800 \udfff \x1b[31m \x00 \u2028 é 😀"
    line = encode_record({"s": text})
    assert line.decode("utf-8").endswith("\n")
    assert json.loads(line) == {"s": text}


def test_resume_drops_a_line_cut_short_and_refuses_a_file_that_is_not_check_output(tmp_path):
    out = tmp_path / "out.jsonl"
    good = {"line": 1, "rewards": {"echo": Verdict.correct().to_dict()}}
    grouped = {"line": 2, "completion_index": 1, "rewards": {"echo": Verdict.unverifiable("timeout").to_dict()}}
    out.write_bytes(encode_record(good) + encode_record(grouped) + b'{"line": 3, "rew')
    resumed = read_resume(out)
    assert resumed.keys == {(1, 0), (2, 1)} and resumed.dropped_partial_line
    assert [v.kind for v in resumed.verdicts["echo"]] == ["correct", "unverifiable"]
    assert out.read_bytes().endswith(b"\n") and out.read_bytes().count(b"\n") == 2
    (tmp_path / "other.jsonl").write_text('{"something": "else"}\n')
    with pytest.raises(ConfigError, match="other.jsonl:1 is not a line that check --output writes"):
        read_resume(tmp_path / "other.jsonl")


def test_blocks_keep_each_prompt_together_unless_no_reward_reads_groups():
    prompts = ["a", "b", "a", "c", "b", "a"]
    samples = [to_sample(p, "x", row={}) for p in prompts]
    assert prompt_blocks(samples, 2, split_groups=False) == [[0, 2, 5], [1, 4], [3]]
    assert prompt_blocks(samples, 2, split_groups=True) == [[0, 2], [5], [1, 4], [3]]
    assert sorted(p for b in prompt_blocks(samples, 4, split_groups=False) for p in b) == list(range(6))


def test_unusable_data_fails_only_when_it_is_every_row():
    from types import SimpleNamespace

    from grpo_rewards.checking import AppliedReward

    item = AppliedReward(SimpleNamespace(name="tests_reward", plugin="some-plugin"), [0, 1])  # type: ignore[arg-type]
    bad = Verdict.unverifiable("no_tests", "column 'tests' is empty", data_error=True)
    assert is_data_problem(bad) and is_data_problem(Verdict.unverifiable("gold_unparseable"))
    assert not is_data_problem(Verdict.unverifiable("timeout")) and not is_data_problem(Verdict.incorrect())
    report = CheckReport([item], verdicts={"tests_reward": {0: bad, 1: Verdict.correct()}})
    assert report.unusable() == []
    report.verdicts["tests_reward"][1] = bad
    (message,) = report.unusable()
    assert "reward 'tests_reward' (plugin 'some-plugin') could not use the data of any of its 2 rows" in message
    assert "no_tests 2" in message and "column 'tests' is empty" in message
