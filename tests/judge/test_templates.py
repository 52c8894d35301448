"""Rendering a request: marked blocks, one-pass placeholders, cutting, labels; template files."""

from __future__ import annotations

import re

import pytest
from grpo_rewards_judge.templates import BUILTIN, load_template, render

from grpo_rewards import ConfigError


def _render(kind="correctness", completions=("Paris",), **fields):
    fields.setdefault("prompt", "Capital of France?")
    fields.setdefault("reference", "Paris")
    return render(BUILTIN[kind], completions=list(completions), max_chars=fields.pop("max_chars", 1000), **fields)


def test_every_value_sits_in_a_block_marked_with_the_requests_code():
    rendered = _render()
    system, user = (m["content"] for m in rendered.messages)
    assert f"<<<NAME {rendered.nonce}>>>" in system and "VERDICT: CORRECT" in system
    for name, text in [("PROMPT", "Capital of France?"), ("REFERENCE", "Paris"), ("CANDIDATE", "Paris")]:
        assert f"<<<{name} {rendered.nonce}>>>\n{text}\n<<<END {name} {rendered.nonce}>>>" in user


def test_the_code_differs_between_requests_and_never_occurs_in_the_texts():
    one, two = _render(completions=["Paris"]), _render(completions=["Lyon"])
    assert one.nonce != two.nonce and re.fullmatch(r"[0-9a-f]{12}", one.nonce)
    assert _render(completions=["Paris"]).nonce == one.nonce  # deterministic, so a re-run sends the same request


def test_placeholders_in_a_completion_are_not_expanded():
    rendered = _render(completions=["{reference} {prompt} {rubric}"], reference="SECRET-GOLD")
    user = rendered.messages[1]["content"]
    assert user.count("SECRET-GOLD") == 1  # only in the reference block
    assert "{reference} {prompt} {rubric}" in user


def test_a_long_completion_is_cut_in_the_middle_with_a_marker():
    text = "HEAD" + "x" * 5000 + "TAIL"
    rendered = _render(completions=[text], max_chars=1000)
    user = rendered.messages[1]["content"]
    assert rendered.truncated_chars == (len(text) - 1000,)
    assert f"[... {len(text) - 1000} characters cut by the grader ...]" in user
    assert "HEAD" in user and "TAIL" in user and len(user) < 1000 + 1000


def test_ranking_labels_are_drawn_from_the_request_and_the_order_is_shuffled():
    texts = [f"candidate number {i}" for i in range(6)]
    rendered = _render("ranking", texts, rubric="be right")
    assert len(set(rendered.labels)) == 6 and all(re.fullmatch(r"[A-Z0-9]{3}", label) for label in rendered.labels)
    user = rendered.messages[1]["content"]
    shown = [int(m) for m in re.findall(r"candidate number (\d)", user)]
    assert sorted(shown) == list(range(6)) and shown != list(range(6))
    for i, label in enumerate(rendered.labels):
        assert f"<<<CANDIDATE {label} {rendered.nonce}>>>\ncandidate number {i}\n" in user
    assert _render("ranking", texts[::-1], rubric="be right").labels != rendered.labels[::-1]


def test_a_template_file_replaces_the_user_message(tmp_path):
    path = tmp_path / "grade.txt"
    path.write_text('Grade this {"json": "braces stay"}:\n{completion}\nagainst {reference}')
    template = load_template("correctness", str(path))
    assert template.kind == "verdict" and template.fingerprint != BUILTIN["correctness"].fingerprint
    rendered = render(template, prompt="p", completions=["c"], reference="r", max_chars=1000)
    assert rendered.messages[1]["content"].startswith('Grade this {"json": "braces stay"}:\n<<<CANDIDATE ')


def test_a_template_file_without_its_slot_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("no slot here {prompt}")
    (tmp_path / "b.txt").write_text("all of {completions}, or one at a time {completion}")
    with pytest.raises(ConfigError, match=r"lacks \{completion\}"):
        load_template("rubric", str(tmp_path / "a.txt"))
    with pytest.raises(ConfigError, match=r"uses \{completion\}"):
        load_template("ranking", str(tmp_path / "b.txt"))
    with pytest.raises(ConfigError, match="cannot read"):
        load_template("rubric", str(tmp_path / "missing.txt"))
