"""The one reader of rows: every format, one bad row at a time, dataset folders and names, grouped rows."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import sys

import pytest

from grpo_rewards import InputError
from grpo_rewards.data import Columns, read_rows, row_from_record
from grpo_rewards.loaders import open_records

ROWS = [{"prompt": f"p{i}", "completion": f"c{i}", "answer": str(i)} for i in range(5)]


def records(source, **kwargs):
    return list(open_records(source, **kwargs))


def good(pairs):
    return [r for _, r in pairs if not isinstance(r, InputError)]


def errors(pairs):
    return [r for _, r in pairs if isinstance(r, InputError)]


def jsonl_bytes(rows):
    return b"".join(json.dumps(r).encode() + b"\n" for r in rows)


def test_invalid_utf8_in_one_jsonl_line_spoils_that_line_only(tmp_path):
    lines = [json.dumps({"completion": f"row {i}"}).encode() for i in range(1, 1001)]
    lines[899] = b'{"completion": "bad \xff\xfe byte"}'
    path = tmp_path / "rows.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = read_rows(path)
    assert len(result.rows) == 999 and [e.line for e in result.errors] == [900]
    assert "not UTF-8" in str(result.errors[0]) and f"{path}:900:" in str(result.errors[0])
    assert result.rows[898].line == 899 and result.rows[899].line == 901


def test_json_rows_with_bad_bytes_are_single_bad_rows_and_escaped_surrogates_are_data(tmp_path):
    body = b'[{"completion": "a"},\n {"completion": "b\xff"},\n {"completion": "\\ud800 lone"}]'
    wrapped = b'{"meta": [1, {"x": 2}], "rows": ' + body + b"}"
    for path, data in ((tmp_path / "list.json", body), (tmp_path / "obj.json", wrapped)):
        path.write_bytes(data)
        pairs = records(path)
        assert [r["completion"] for r in good(pairs)] == ["a", "\ud800 lone"]
        (error,) = errors(pairs)
        assert error.line == 2 and "not UTF-8" in str(error) and "line 2" in str(error)


def test_a_json_file_that_is_not_a_list_of_rows_is_one_clear_error(tmp_path):
    (tmp_path / "x.json").write_text('{"data": []}')
    (error,) = errors(records(tmp_path / "x.json"))
    assert "must hold a list of rows" in str(error)
    (tmp_path / "y.json").write_text('[{"completion": "a"}, {"completion": ')
    pairs = records(tmp_path / "y.json")
    assert good(pairs) == [{"completion": "a"}] and "invalid JSON" in str(errors(pairs)[0])


@pytest.mark.parametrize(("suffix", "compress"), [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)])
def test_compressed_text_files(tmp_path, suffix, compress):
    (tmp_path / f"rows.jsonl{suffix}").write_bytes(compress(jsonl_bytes(ROWS)))
    (tmp_path / f"rows.json{suffix}").write_bytes(compress(json.dumps(ROWS).encode()))
    assert good(records(tmp_path / f"rows.jsonl{suffix}")) == ROWS
    assert good(records(tmp_path / f"rows.json{suffix}")) == ROWS


def test_a_truncated_gzip_keeps_the_rows_before_the_break(tmp_path):
    many = [{"completion": f"c{i}" * 20} for i in range(3000)]
    data = gzip.compress(jsonl_bytes(many))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    pairs = records(tmp_path / "cut.jsonl.gz")
    rows, (error,) = good(pairs), errors(pairs)
    assert 0 < len(rows) < 3000 and rows == many[: len(rows)]
    assert error.line is None and "cannot read past line" in str(error)


def test_csv_and_tsv(tmp_path):
    (tmp_path / "rows.csv").write_bytes(b'prompt,completion,answer\np0,"multi\nline",0\np1,c1\np2,"bad \xff",2\n\np3,c3,3\n')
    pairs = records(tmp_path / "rows.csv")
    assert good(pairs) == [
        {"prompt": "p0", "completion": "multi\nline", "answer": "0"},
        {"prompt": "p3", "completion": "c3", "answer": "3"},
    ]
    assert [(e.line, "cells" in str(e) or "UTF-8" in str(e)) for e in errors(pairs)] == [(4, True), (5, True)]
    (tmp_path / "rows.tsv").write_text("prompt\tcompletion\nq\tc\n")
    assert good(records(tmp_path / "rows.tsv")) == [{"prompt": "q", "completion": "c"}]


def test_parquet_and_a_file_that_only_claims_to_be_parquet(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow

    pq.write_table(pyarrow.Table.from_pylist(ROWS), tmp_path / "rows.parquet")
    assert good(records(tmp_path / "rows.parquet")) == ROWS
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 this is not parquet at all PAR1")
    (error,) = errors(records(tmp_path / "bad.parquet"))
    assert error.line is None and "not a readable Parquet file" in str(error)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (jsonl_bytes(ROWS), ROWS),
        (json.dumps(ROWS, indent=2).encode(), ROWS),
        (json.dumps({"rows": ROWS}, indent=2).encode(), ROWS),
        (gzip.compress(jsonl_bytes(ROWS)), ROWS),
        (b"prompt,completion,answer\np0,c0,0\n", [{"prompt": "p0", "completion": "c0", "answer": "0"}]),
    ],
    ids=["jsonl", "json", "json-rows", "gzip", "csv"],
)
def test_standard_input_is_told_apart_by_its_first_bytes(monkeypatch, data, expected):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert good(records("-")) == expected


def test_standard_input_parquet(monkeypatch):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow

    buffer = io.BytesIO()
    pq.write_table(pyarrow.Table.from_pylist(ROWS), buffer)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(buffer.getvalue())))
    assert good(records("-")) == ROWS


def test_sources_that_cannot_be_opened_raise_at_once(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        open_records(tmp_path / "absent.jsonl")
    (tmp_path / "rows.txt").write_text("x")
    with pytest.raises(InputError, match="unknown file type '.txt'"):
        open_records(tmp_path / "rows.txt")
    (tmp_path / "rows.jsonl").write_text("{}\n")
    with pytest.raises(InputError, match="applies to dataset folders"):
        open_records(tmp_path / "rows.jsonl", split="test")


# ----------------------------------------------------------------------------- datasets


@pytest.fixture
def datasets(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # nothing here may reach outside the machine
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    return pytest.importorskip("datasets")


def test_save_to_disk_folders_dataset_and_dataset_dict(tmp_path, datasets):
    train, test = datasets.Dataset.from_list(ROWS[:3]), datasets.Dataset.from_list(ROWS[3:])
    train.save_to_disk(str(tmp_path / "one"))
    datasets.DatasetDict({"train": train, "test": test}).save_to_disk(str(tmp_path / "two"))
    datasets.DatasetDict({"a": train, "b": test}).save_to_disk(str(tmp_path / "three"))
    assert good(records(tmp_path / "one")) == ROWS[:3]
    assert good(records(tmp_path / "two")) == ROWS[:3]  # train by default
    assert good(records(tmp_path / "two", split="test")) == ROWS[3:]
    (error,) = errors(records(tmp_path / "three"))
    assert "has splits a, b" in str(error)
    (error,) = errors(records(tmp_path / "two", split="validation"))
    assert "no split 'validation'; it has train, test" in str(error)


def test_a_folder_of_data_files_loads_through_datasets(tmp_path, datasets):
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "train.jsonl").write_bytes(jsonl_bytes(ROWS))
    assert good(records(tmp_path / "folder")) == ROWS


def test_a_dataset_script_runs_where_datasets_still_runs_scripts(tmp_path, datasets):
    script = tmp_path / "tiny.py"
    script.write_text(
        "import datasets\n"
        "class Tiny(datasets.GeneratorBasedBuilder):\n"
        "    def _info(self):\n"
        "        return datasets.DatasetInfo(features=datasets.Features({'completion': datasets.Value('string')}))\n"
        "    def _split_generators(self, dl):\n"
        "        return [datasets.SplitGenerator(name='train')]\n"
        "    def _generate_examples(self):\n"
        "        yield 0, {'completion': 'from a script'}\n"
    )
    pairs = records(script)
    if int(datasets.__version__.split(".")[0]) < 4:
        assert good(pairs) == [{"completion": "from a script"}]
    else:
        (error,) = errors(pairs)
        assert f"datasets {datasets.__version__} no longer runs dataset scripts" in str(error)
        assert "save_to_disk folder" in str(error)


def test_a_dataset_name_that_cannot_be_reached_is_one_clear_error(datasets):
    (error,) = errors(records("nobody-here/no-such-dataset"))
    message = str(error)
    assert "'nobody-here/no-such-dataset' is not a file or folder here" in message
    assert "could not load it by name" in message and "HF_HUB_OFFLINE" in message


# ----------------------------------------------------------------------------- rows for check


def test_grouped_rows_become_one_row_per_completion(tmp_path):
    chat = [{"role": "assistant", "content": "chat answer"}]
    data = [
        {"prompt": "q1", "completions": ["a", chat, {"index": 2, "text": "vllm text"}], "answer": "a"},
        {"prompt": "q2", "completion": "single"},
        {"prompt": "q3", "completions": []},
        {"prompt": "q4", "completions": ["ok", 7]},
    ]
    (tmp_path / "g.jsonl").write_bytes(jsonl_bytes(data))
    result = read_rows(tmp_path / "g.jsonl")
    assert [(r.label, r.sample().completion) for r in result.rows] == [
        ("1[0]", "a"),
        ("1[1]", "chat answer"),
        ("1[2]", "vllm text"),
        ("2", "single"),
    ]
    assert all(r.columns == {"answer": "a"} and r.prompt == "q1" for r in result.rows[:3])
    assert [(e.line, e.field) for e in result.errors] == [(3, "completions"), (4, "completions")]
    assert "empty list" in str(result.errors[0]) and "item 1" in str(result.errors[1])


def test_an_adapter_row_holds_one_completion_and_a_list_is_refused_naming_its_field():
    row = row_from_record({"prompt": "q", "completion": "a", "answer": "1"}, path="batch", line=3)
    assert (row.line, row.completion, row.completion_index, dict(row.columns)) == (3, "a", None, {"answer": "1"})
    for record, field in (({"completions": ["a", "b"]}, "completions"), ({"completion": ["a", "b"]}, "completion")):
        with pytest.raises(InputError, match="list of completions") as caught:
            row_from_record(record, path="batch", line=2)
        assert (caught.value.line, caught.value.field) == (2, field)
    with pytest.raises(InputError, match="a list of completions") as caught:
        row_from_record({"completion": 42}, path="batch", line=1)  # what check says of the same row
    assert caught.value.field == "completion"


def test_prompt_and_completion_columns_can_be_named(tmp_path):
    data = [{"question": "q", "output": "o", "outputs": ["x", "y"], "answer": "1"}]
    (tmp_path / "n.jsonl").write_bytes(jsonl_bytes(data))
    flat = read_rows(tmp_path / "n.jsonl", columns=Columns(prompt="question", completion="output"))
    assert [(r.prompt, r.completion) for r in flat.rows] == [("q", "o")]
    assert set(flat.rows[0].columns) == {"outputs", "answer"}
    grouped = read_rows(tmp_path / "n.jsonl", columns=Columns(prompt="question", completion="outputs"))
    assert [(r.label, r.completion) for r in grouped.rows] == [("1[0]", "x"), ("1[1]", "y")]
    missing = read_rows(tmp_path / "n.jsonl", columns=Columns(completion="response"))
    assert [(e.line, e.field) for e in missing.errors] == [(1, "response")]
