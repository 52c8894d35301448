"""Finding the program in a completion."""

from __future__ import annotations

import pytest
from grpo_rewards_code.extract import extract_code, fenced_blocks


def test_last_python_block_by_default():
    text = "First try:\n```python\nprint(1)\n```\nBetter:\n```python\nprint(2)\n```\n"
    assert extract_code(text) == "print(2)"
    assert extract_code(text, mode="first_block") == "print(1)"


def test_tagged_block_wins_over_untagged_output_block():
    text = "```python\nprint(3)\n```\nIt prints:\n```\n3\n```"
    assert extract_code(text) == "print(3)"


def test_other_languages_are_never_taken():
    text = "```bash\npython x.py\n```\n```text\nhello\n```"
    assert extract_code(text) is None


def test_untagged_block_when_no_tagged_one():
    assert extract_code("```\nx = 1\n```") == "x = 1"


@pytest.mark.parametrize("tag", ["python", "Python", "py", "python3", "py3"])
def test_python_aliases(tag):
    assert extract_code(f"```{tag}\nx = 1\n```") == "x = 1"


def test_tilde_fences_longer_fences_and_indentation():
    assert extract_code("~~~python\na = 1\n~~~") == "a = 1"
    assert extract_code("````python\n```\ninner\n```\n````") == "```\ninner\n```"
    assert extract_code("   ```python\nb = 2\n   ```") == "b = 2"


def test_unclosed_block_runs_to_the_end():
    assert extract_code("Here:\n```python\ndef f():\n    return 1") == "def f():\n    return 1"


def test_no_code_and_blank_blocks():
    assert extract_code("The answer is 4.") is None
    assert extract_code("```python\n   \n```") is None
    assert extract_code("   ", mode="whole") is None


def test_whole_completion_mode():
    assert extract_code("x = 1\nprint(x)", mode="whole") == "x = 1\nprint(x)"


def test_inline_backticks_are_not_fences():
    assert fenced_blocks("use `print` or ``` `x` ``` here") == []


def test_bare_python_with_no_fences_is_the_program():
    code = "import sys\n\ndef add(a, b):\n    return a + b\n"
    assert extract_code(code) == code.strip("\n")
    assert extract_code("<think>plan: add them</think>\nprint(sum(map(int, input().split())))") == (
        "print(sum(map(int, input().split())))"
    )


@pytest.mark.parametrize("text", ["The answer is 4.", "4", "hello", "x", "see above", "Use a loop: for each item add it."])
def test_prose_and_bare_values_are_not_programs(text):
    assert extract_code(text) is None


def test_a_fenced_block_in_another_language_stops_the_bare_code_fallback():
    assert extract_code("```text\nprint(1)\n```\nprint(2)") is None
