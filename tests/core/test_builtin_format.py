"""The built-in ``format`` reward, scored through the real core (score_samples, reward_funcs)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import grpo_rewards
from grpo_rewards import ConfigError, PluginManager, Sample, Verdict, score_samples
from grpo_rewards.cli import build_cli
from grpo_rewards.testing import check_reward_contract

REASONING = "17 * 24 = 17 * 20 + 17 * 4 = 340 + 68 = 408."
GOOD = f"<think>\n{REASONING}\n</think>\n\nThe product is \\boxed{{408}}."
GOOD_BLOCK = f"<think>\n{REASONING}\n</think>\n<answer>\n408\n</answer>"
PROMPT = "What is 17 * 24? Think first, then answer."
PREFILLED_PROMPT = "<|im_start|>user\nWhat is 17 * 24?<|im_end|>\n<|im_start|>assistant\n<think>\n"
CHAT_PROMPT = [{"role": "user", "content": "What is 17 * 24?"}]


@pytest.fixture
def manager(plugin_manager: PluginManager) -> PluginManager:
    """The installed plugins, built-ins included, as the process-wide manager (grpo_rewards.testing)."""
    return plugin_manager


def judge(manager: PluginManager, completion: str, prompt: Any = PROMPT, **options: Any) -> Verdict:
    reward = manager.registry.create("format", options)
    messages = prompt if isinstance(prompt, list) else None
    text = grpo_rewards.bridge.prompt_text(prompt)
    (verdict,) = score_samples(reward, [Sample(completion, prompt=text, prompt_messages=messages)])
    return verdict


def assert_rejected(verdict: Verdict, problem: str) -> None:
    assert (verdict.kind, verdict.score) == ("incorrect", 0.0), verdict
    assert verdict.details["problem"] == problem, verdict
    assert verdict.reason


# ------------------------------------------------------------------------------ what passes


def test_strict_accepts_think_then_answer(manager: PluginManager) -> None:
    verdict = judge(manager, GOOD)
    assert (verdict.kind, verdict.score) == ("correct", 1.0)
    assert verdict.answer == "The product is \\boxed{408}."
    assert verdict.details["think_prefilled"] is False
    assert verdict.details["prefill_from"] == "prompt"


def test_strict_answer_block(manager: PluginManager) -> None:
    verdict = judge(manager, GOOD_BLOCK, answer_block=True)
    assert (verdict.kind, verdict.score, verdict.answer) == ("correct", 1.0, "408")


def test_strict_allows_surrounding_whitespace_and_code_outside_tags(manager: PluginManager) -> None:
    completion = f"\n<think>\nCheck with code:\n```python\nprint(17 * 24)\n```\n{REASONING}\n</think>\n`408` is the answer.\n"
    assert judge(manager, completion).score == 1.0


def test_soft_accepts_preamble_and_tag_spelling(manager: PluginManager) -> None:
    completion = f"Sure, let me work it out. <Think >{REASONING}</THINK> It is 408."
    assert judge(manager, completion, mode="soft").score == 1.0
    assert_rejected(judge(manager, completion), "malformed_tag")
    assert_rejected(judge(manager, f"Sure. {GOOD}"), "text_before_reasoning")


def test_soft_answer_block_with_text_around(manager: PluginManager) -> None:
    completion = f"<think>{REASONING}</think>\nSo: <answer>408</answer> (checked)."
    assert judge(manager, completion, mode="soft", answer_block=True).score == 1.0
    assert_rejected(judge(manager, completion, answer_block=True), "text_outside_answer")


def test_boxed_scratch_work_in_reasoning_is_fine_with_an_answer_block(manager: PluginManager) -> None:
    completion = f"<think>{REASONING} So \\boxed{{408}}.</think><answer>408</answer>"
    assert judge(manager, completion, answer_block=True).score == 1.0
    assert judge(manager, completion.replace("<answer>408</answer>", "408 \\boxed{408}")).score == 1.0


def test_custom_tag_names(manager: PluginManager) -> None:
    completion = f"<reasoning>{REASONING}</reasoning><solution>408</solution>"
    verdict = judge(manager, completion, think_tag="reasoning", answer_tag="solution", answer_block=True)
    assert (verdict.score, verdict.answer) == (1.0, "408")


# ------------------------------------------------------------------------------ prefilled <think>


def test_prompt_ending_in_think_means_prefilled(manager: PluginManager) -> None:
    verdict = judge(manager, f"{REASONING}\n</think>\n\n408", prompt=PREFILLED_PROMPT)
    assert (verdict.score, verdict.details["think_prefilled"], verdict.details["prefill_from"]) == (1.0, True, "prompt")


def test_prefilled_prompt_and_a_second_opening_is_a_duplicate(manager: PluginManager) -> None:
    assert_rejected(judge(manager, GOOD, prompt=PREFILLED_PROMPT), "duplicate_tag")
    assert_rejected(judge(manager, GOOD, prompt=PREFILLED_PROMPT, mode="soft"), "duplicate_tag")


def test_plain_prompt_needs_the_opening_tag(manager: PluginManager) -> None:
    verdict = judge(manager, f"{REASONING}</think>408")
    assert_rejected(verdict, "missing_open_tag")
    assert "think_prefilled=true" in verdict.reason


def test_explicit_option_overrides_the_prompt(manager: PluginManager) -> None:
    prefilled_form = f"{REASONING}</think>408"
    assert judge(manager, prefilled_form, think_prefilled=True).details["prefill_from"] == "option"
    assert judge(manager, prefilled_form, think_prefilled="true").score == 1.0
    assert_rejected(judge(manager, prefilled_form, prompt=PREFILLED_PROMPT, think_prefilled=False), "missing_open_tag")


def test_conversational_prompt_accepts_either_form(manager: PluginManager) -> None:
    for completion, prefilled in ((GOOD, False), (f"{REASONING}</think>408", True)):
        verdict = judge(manager, completion, prompt=CHAT_PROMPT)
        assert (verdict.score, verdict.details["think_prefilled"], verdict.details["prefill_from"]) == (
            1.0,
            prefilled,
            "completion",
        )


def test_continued_assistant_message_ending_in_think_is_prefilled(manager: PluginManager) -> None:
    prompt = [*CHAT_PROMPT, {"role": "assistant", "content": "<think>\n"}]
    assert judge(manager, f"{REASONING}</think>408", prompt=prompt).details["prefill_from"] == "prompt"
    assert_rejected(judge(manager, GOOD, prompt=prompt), "duplicate_tag")


# ------------------------------------------------------------------------------ exploits: every one scores 0

EXPLOITS = [
    ("empty reasoning", "<think></think>408", {}, "short_reasoning"),
    ("whitespace reasoning", "<think>  \n\t </think>408", {}, "short_reasoning"),
    ("punctuation reasoning", "<think>......!!!???---</think>408", {}, "short_reasoning"),
    ("zero-width reasoning", "<think>" + "\u200b" * 40 + "</think>408", {}, "short_reasoning"),
    ("token reasoning", "<think>ok</think>408", {}, "short_reasoning"),
    ("empty reasoning, soft", "Here: <think> </think> 408", {"mode": "soft"}, "short_reasoning"),
    ("duplicated blocks", f"<think>{REASONING}</think><think>{REASONING}</think>408", {}, "duplicate_tag"),
    ("duplicated blocks, soft", f"<think>{REASONING}</think>408<think>{REASONING}</think>", {"mode": "soft"}, "duplicate_tag"),
    ("nested blocks", f"<think>{REASONING}<think>{REASONING}</think>more</think>408", {}, "duplicate_tag"),
    ("two closing tags", f"<think>{REASONING}</think>408</think>", {}, "duplicate_tag"),
    (
        "case-variant second block, soft",
        f"<think>{REASONING}</think>408 <THINK>{REASONING}</THINK>",
        {"mode": "soft"},
        "duplicate_tag",
    ),
    ("answer only inside reasoning", f"<think>{REASONING} The answer is 408.</think>", {}, "no_answer"),
    ("answer inside reasoning, blank after", f"<think>{REASONING} So 408.</think>\n  \n", {}, "no_answer"),
    ("boxed answer only in reasoning", f"<think>{REASONING} \\boxed{{408}}</think>See above.", {}, "answer_in_reasoning"),
    (
        "answer block inside reasoning",
        f"<think>{REASONING}<answer>408</answer></think>done",
        {"answer_block": True},
        "answer_in_reasoning",
    ),
    (
        "answer block before reasoning",
        f"<answer>408</answer><think>{REASONING}</think>",
        {"answer_block": True, "mode": "soft"},
        "answer_in_reasoning",
    ),
    ("empty answer block", f"<think>{REASONING}</think><answer> \n </answer>", {"answer_block": True}, "empty_answer"),
    (
        "two answer blocks",
        f"<think>{REASONING}</think><answer>408</answer><answer>409</answer>",
        {"answer_block": True},
        "duplicate_tag",
    ),
    (
        "nested answer blocks",
        f"<think>{REASONING}</think><answer><answer>408</answer></answer>",
        {"answer_block": True},
        "duplicate_tag",
    ),
    ("missing answer block", f"<think>{REASONING}</think>408", {"answer_block": True}, "missing_answer_block"),
    ("answer tags reversed", f"<think>{REASONING}</think></answer>408<answer>", {"answer_block": True}, "tag_order"),
    ("tags in a code fence", f"The format is:\n```\n<think>{REASONING}</think>\n```\n408", {"mode": "soft"}, "tag_in_code"),
    (
        "tags in a tilde fence",
        f"~~~xml\n<think>{REASONING}</think>\n<answer>408</answer>\n~~~",
        {"mode": "soft", "answer_block": True},
        "tag_in_code",
    ),
    ("tags in an unclosed fence", f"```\n<think>{REASONING}</think>408", {"mode": "soft"}, "tag_in_code"),
    ("tags in inline code", f"`<think>` {REASONING} `</think>` 408", {"mode": "soft"}, "tag_in_code"),
    ("closing tag in inline code", f"<think>{REASONING} ``</think>`` 408", {}, "tag_in_code"),
    ("second block hidden in a fence", f"{GOOD}\n```\n<think>{REASONING}</think>\n```", {}, "tag_in_code"),
    ("self-closing tag", f"<think/>{REASONING}</think>408", {"mode": "soft"}, "malformed_tag"),
    ("tag with attributes", f'<think type="x">{REASONING}</think>408', {"mode": "soft"}, "malformed_tag"),
    ("spaced tag, strict", f"< think >{REASONING}</think>408", {}, "malformed_tag"),
    ("never closed (truncated)", f"<think>{REASONING} and then", {}, "unclosed_reasoning"),
    ("look-alike closing tag", f"<think>{REASONING}</th\u0456nk>408", {}, "unclosed_reasoning"),
    ("other tag name", f"<thinking>{REASONING}</thinking>408", {}, "unclosed_reasoning"),
    ("tags reversed", f"</think>{REASONING}<think>408", {}, "tag_order"),
    ("no tags at all", "The product is 408.", {"mode": "soft"}, "unclosed_reasoning"),
    ("empty completion", "", {"mode": "soft"}, "unclosed_reasoning"),
]


@pytest.mark.parametrize(("case", "completion", "options", "problem"), EXPLOITS, ids=[e[0] for e in EXPLOITS])
def test_exploit_scores_zero(manager: PluginManager, case: str, completion: str, options: dict[str, Any], problem: str) -> None:
    assert_rejected(judge(manager, completion, **options), problem)


def test_adversarial_inputs_finish_and_fail(manager: PluginManager) -> None:
    """Patterns that make backtracking parsers quadratic; here they are one linear pass each."""
    cases = [
        ("<" * 200_000, 0.0),
        ("<think" * 50_000, 0.0),
        ("< think " * 50_000 + "</think>x", 0.0),
        ("`" * 100_000 + "<think>", 0.0),
        ("<think>" + "`a" * 100_000 + "</think>x", 1.0),  # backticks pair up before </think>: valid
        ("<think>" + "`a" * 100_001 + "</think>x`", 0.0),  # one more: </think> is inside a span
    ]
    for completion, expected in cases:
        assert judge(manager, completion, mode="soft").score == expected


# ------------------------------------------------------------------------------ options


@pytest.mark.parametrize(
    "options",
    [{"min_think_chars": 0}, {"min_answer_chars": 0}, {"think_tag": "Think!"}, {"answer_tag": "think"}, {"mode": "loose"}],
)
def test_bad_options_fail_at_creation(manager: PluginManager, options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="format"):
        manager.registry.create("format", options)


def test_manifest_is_inline_and_binary(manager: PluginManager) -> None:
    reward = manager.registry.create("format")
    assert reward.manifest.isolation == "inline"
    assert reward.manifest.output_range == (0.0, 1.0)
    assert reward.required_columns() == ()


# ------------------------------------------------------------------------------ through the TRL bridge


def test_trl_call_with_strings_and_chat_messages(manager: PluginManager) -> None:
    (func,), weights = grpo_rewards.reward_funcs(["format:0.2"], manager=manager)
    assert (func.__name__, weights) == ("format", [0.2])
    scores = func(
        prompts=[PROMPT, PROMPT, PREFILLED_PROMPT],
        completions=[GOOD, "<think></think>408", f"{REASONING}</think>408"],
        completion_ids=[[1, 2, 3]] * 3,
        trainer_state=None,
        answer=["408"] * 3,
    )
    assert scores == [1.0, 0.0, 1.0]
    chat = pickle.loads(pickle.dumps(func))
    two_turns = [{"role": "assistant", "content": GOOD}, {"role": "assistant", "content": GOOD}]
    scores = chat(
        prompts=[CHAT_PROMPT] * 3,
        completions=[
            [{"role": "assistant", "content": GOOD}],
            [{"role": "assistant", "content": f"{REASONING}</think>408"}],
            two_turns,
        ],
        trainer_state=None,
    )
    assert scores == [1.0, 1.0, 0.0]


def test_keeps_the_trl_contract(manager: PluginManager) -> None:
    """Standard and chat formats agree once the prefill is known (auto cannot see a chat template)."""
    completions = [GOOD, "<think></think>408", f"{REASONING}</think>408"]
    assert check_reward_contract("format", prompts=[PROMPT] * 2, completions=completions[:2]) == [1.0, 0.0]
    for prefilled, expected in (("true", [0.0, 0.0, 1.0]), ("false", [1.0, 0.0, 0.0])):
        options = {"think_prefilled": prefilled}
        assert check_reward_contract("format", prompts=[PROMPT] * 3, completions=completions, options=options) == expected


# ------------------------------------------------------------------------------ the demo data


def test_demo_file_scores_as_its_rows_expect(tmp_path: Path) -> None:
    """``make demo`` runs ``check`` on examples/format.jsonl; each row says what format should give it."""
    examples = Path(__file__).resolve().parents[2] / "examples" / "format.jsonl"
    output = tmp_path / "out.jsonl"
    result = CliRunner().invoke(build_cli(), ["check", str(examples), "--output", str(output), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in examples.read_text(encoding="utf-8").splitlines()]
    scored = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [r["rewards"]["format"]["score"] for r in scored] == [float(row["expect_format"]) for row in rows]
    assert {"format", "length", "repetition"} <= set(json.loads(result.stdout)["rewards"])
