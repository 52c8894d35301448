"""One reading of prompts and completions: text or chat messages mean the same in TRL and in check."""

from __future__ import annotations

import pytest
from grpo_test_rewards import Echo

from grpo_rewards import RewardFunction
from grpo_rewards.data import InputRow
from grpo_rewards.messages import chat_messages, completion_text, is_chat, prompt_text, to_sample

CHAT_PROMPT = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "2+2?"}]
CHAT_COMPLETION = [{"role": "assistant", "content": [{"type": "text", "text": "4"}, {"type": "image"}]}]


@pytest.mark.parametrize(
    ("completion", "text"),
    [
        ("plain", "plain"),
        ([{"role": "assistant", "content": "a"}, {"role": "tool", "content": "x"}, {"content": "b"}], "ab"),
        ({"role": "assistant", "content": "one message"}, "one message"),
        (CHAT_COMPLETION, "4"),
        ([{"role": "assistant", "content": None}], ""),
    ],
)
def test_completion_text(completion, text):
    assert completion_text(completion) == text


def test_completion_text_refuses_what_is_not_a_completion():
    with pytest.raises(TypeError, match="got int"):
        completion_text(4)


def test_prompt_text():
    assert prompt_text(None) == "" and prompt_text("q") == "q"
    assert prompt_text(CHAT_PROMPT) == "system: be brief\nuser: 2+2?"


def test_what_counts_as_chat():
    assert is_chat(CHAT_PROMPT) and is_chat([]) and is_chat(tuple(CHAT_PROMPT))
    assert not is_chat("text") and not is_chat([{"role": "user"}]) and not is_chat(["a"]) and not is_chat(None)
    assert chat_messages(CHAT_PROMPT) is CHAT_PROMPT and chat_messages("text") is None


def test_trl_and_check_build_the_same_sample():
    row = {"answer": "4"}
    from_trl = RewardFunction(Echo()).samples([CHAT_PROMPT], [CHAT_COMPLETION], [[1, 2]], {"answer": ["4"]})[0]
    from_check = InputRow(0, CHAT_PROMPT, CHAT_COMPLETION, {**row, "completion_ids": [1, 2]}).sample()
    direct = to_sample(CHAT_PROMPT, CHAT_COMPLETION, row=row, completion_ids=[1, 2])
    for sample in (from_trl, from_check):
        assert (sample.completion, sample.prompt, sample.completion_ids) == (direct.completion, direct.prompt, [1, 2])
        assert sample.prompt_messages == CHAT_PROMPT and sample.completion_messages == CHAT_COMPLETION
