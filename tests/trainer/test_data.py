"""Reading training data and shaping prompts for GRPOTrainer."""

from __future__ import annotations

import pytest
from grpo_rewards_trainer.data import format_prompts, read_dataset

from grpo_rewards import InputError


def test_text_prompts_become_chat_messages_or_stay_text(write_rows):
    rows = read_dataset(str(write_rows("d.jsonl", [{"q": "2+2=", "answer": "4"}])))
    chat = format_prompts(rows, "q", "Think step by step.", chat=True)
    assert chat == [
        {
            "q": "2+2=",
            "answer": "4",
            "prompt": [{"role": "system", "content": "Think step by step."}, {"role": "user", "content": "2+2="}],
        }
    ]
    text = format_prompts(rows, "q", "Think step by step.", chat=False)
    assert text[0]["prompt"] == "Think step by step.\n\n2+2="
    assert format_prompts(rows, "q", None, chat=False)[0]["prompt"] == "2+2="


def test_chat_prompts_stay_messages_and_gain_a_system_prompt_once(write_rows):
    messages = [{"role": "user", "content": "hi"}]
    system_first = [{"role": "system", "content": "mine"}, *messages]
    rows = read_dataset(str(write_rows("d.jsonl", [{"prompt": messages}, {"prompt": system_first}])))
    shaped = format_prompts(rows, "prompt", "be brief", chat=False)
    assert shaped[0]["prompt"] == [{"role": "system", "content": "be brief"}, *messages]
    assert shaped[1]["prompt"] == system_first


def test_json_and_parquet(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    (tmp_path / "d.json").write_text('{"rows": [{"prompt": "a"}, {"prompt": "b"}]}')
    assert [r["prompt"] for r in read_dataset(str(tmp_path / "d.json")).rows] == ["a", "b"]
    pq.write_table(pa.table({"prompt": ["x"], "answer": ["1"]}), tmp_path / "d.parquet")
    assert read_dataset(str(tmp_path / "d.parquet")).rows == [{"prompt": "x", "answer": "1"}]


def test_bad_input_names_the_file_and_line(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"prompt": "a"}\n[1]\n')
    with pytest.raises(InputError, match=r"d.jsonl:2: expected a JSON object"):
        read_dataset(str(tmp_path / "d.jsonl"))
    with pytest.raises(InputError, match="no such file"):
        read_dataset(str(tmp_path / "missing.jsonl"))
