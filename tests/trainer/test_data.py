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


def test_the_trainer_reads_through_the_same_loader_as_check(tmp_path, monkeypatch):
    import gzip

    (tmp_path / "d.csv.gz").write_bytes(gzip.compress(b"prompt,answer\n2+2=,4\n"))
    assert read_dataset(str(tmp_path / "d.csv.gz")).rows == [{"prompt": "2+2=", "answer": "4"}]
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    datasets = pytest.importorskip("datasets")
    data = datasets.Dataset.from_list([{"prompt": "a", "answer": "1"}, {"prompt": "b", "answer": "2"}])
    datasets.DatasetDict({"train": data, "eval": data.select([1])}).save_to_disk(str(tmp_path / "saved"))
    assert [r["prompt"] for r in read_dataset(str(tmp_path / "saved")).rows] == ["a", "b"]
    assert [r["prompt"] for r in read_dataset(str(tmp_path / "saved"), split="eval").rows] == ["b"]
    with pytest.raises(InputError, match="not UTF-8"):
        (tmp_path / "bad.jsonl").write_bytes(b'{"prompt": "a"}\n{"prompt": "\xff"}\n')
        read_dataset(str(tmp_path / "bad.jsonl"))
