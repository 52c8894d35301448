"""Where a completion's own answer ends: end-of-turn tokens, and new few-shot blocks after a stated answer.

The unit tests read :func:`answer_text` directly; the reward tests score through the real pool, and
show that writing more "problems" after an answer never earns what the first answer did not.
"""

from __future__ import annotations

import pytest
from grpo_rewards_math import MathOptions, MathReward
from grpo_rewards_math.ending import answer_text, prompt_header

from grpo_rewards import Sample, WorkerPool, score_samples

FIRST = "She has $16 - 7 = 9$ eggs and sells them for $9 \\times 2 = 18$ dollars."

# (header style, first block's ending, the next block)
BLOCKS = [
    ("minerva", "Final Answer: The final answer is $18$. I hope it is correct.", "Problem:\nSolve $x+1=6$.\n\nSolution:\n$x=5$."),
    ("gsm8k hash", "#### 18", "Question: Tom has 20 apples and eats 8. How many are left?\nAnswer: 12\n#### 12"),
    ("lm-eval cot", "The answer is 18.", "Q: What is 2 + 3?\nA: 2 + 3 = 5. The answer is 5."),
    ("numbered", "The answer is $\\boxed{18}$.", "Problem 2: Solve $2x = 8$.\nSolution: $x = \\boxed{4}$."),
    ("numbered, period", "The answer is $\\boxed{18}$.", "Problem 2. Solve $2x = 8$.\n$x = \\boxed{4}$."),
    ("markdown heading", "$\\boxed{18}$", "## Problem\nSolve $2x = 8$.\n\n## Solution\n$\\boxed{4}$"),
    ("bold", "**Answer:** 18", "**Question:** Solve $2x = 8$.\n\n**Answer:** 4"),
    ("answer tag", "<answer>18</answer>", "Question: Solve $2x = 8$.\n<answer>4</answer>"),
    ("new chat turn", "The answer is 18.", "Human: What is 2 + 3?\n\nAssistant: The answer is 5."),
    ("chinese", "答案：18", "问题：小明有 10 元，花了 3 元，还剩多少元？\n答案：7"),
    ("french", "Réponse : 18", "Question : Marie a 10 pommes et en mange 3.\nRéponse : 7"),
    ("german", "Antwort: 18", "Aufgabe: Anna hat 10 Äpfel und isst 3.\nAntwort: 7"),
    ("russian", "Ответ: 18", "Задача: У Маши 10 яблок, она съела 3.\nОтвет: 7"),
    ("japanese", "答え：18", "問題：りんごが10個あり、3個食べました。\n答え：7"),
]


@pytest.mark.parametrize(("ending", "block"), [(e, b) for _, e, b in BLOCKS], ids=[name for name, _, _ in BLOCKS])
def test_a_new_block_after_a_stated_answer_ends_the_completion(ending: str, block: str) -> None:
    completion = f"{FIRST}\n{ending}\n\n{block}\n\n{block}"
    assert answer_text(completion).rstrip() == f"{FIRST}\n{ending}"


def test_a_header_before_any_stated_answer_is_part_of_the_reasoning() -> None:
    completion = "Question: how many eggs are left?\n16 - 7 = 9.\nQ: and the money?\n9 * 2 = 18.\n\nThe answer is 18."
    assert answer_text(completion) == completion
    restated = "**Problem:** Janet's ducks lay 16 eggs.\n\n**Solution:** 9 eggs at \\$2 is $\\boxed{18}$."
    assert answer_text(restated) == restated


def test_only_the_first_problem_is_read_but_corrections_before_the_next_header_count() -> None:
    corrected = "The answer is 16.\nWait, I forgot the muffins: 9 eggs, so the answer is 18.\n"
    completion = corrected + "\nQuestion: Tom has 20 apples and gives away 4. How many are left?\nAnswer: The answer is 16."
    assert answer_text(completion) == corrected + "\n"


def test_a_header_that_goes_on_with_a_correction_is_not_a_new_problem() -> None:
    completion = "The answer is 16.\n\nQ: Wait, did I subtract the muffin eggs? 9 * 2 = 18. The answer is 18."
    assert answer_text(completion) == completion


def test_headers_inside_reasoning_blocks_never_cut() -> None:
    think = "<think>\nThe answer is 16?\nQuestion: what does she sell? Nine eggs.\n</think>\n\nSo $\\boxed{18}$."
    assert answer_text(think) == think
    unclosed = "<think>\nThe answer is 16.\nQuestion: is it? Let me see"
    assert answer_text(unclosed) == unclosed
    after = "<think>\nnine eggs\n</think>\n$\\boxed{18}$\n\nProblem: Solve $x + 1 = 5$.\n<think>\nfour\n</think>\n$\\boxed{4}$"
    assert answer_text(after) == "<think>\nnine eggs\n</think>\n$\\boxed{18}$\n\n"


def test_numbered_headers_name_parts_when_the_gold_has_several() -> None:
    completion = "Problem 1: the smaller root is $\\boxed{3}$.\n\nProblem 2: the larger root is $\\boxed{5}$."
    assert answer_text(completion, numbered_parts=True) == completion
    assert answer_text(completion) == "Problem 1: the smaller root is $\\boxed{3}$.\n\n"


def test_words_that_only_start_like_a_header_do_not_cut() -> None:
    for line in ("Questions: none remain.", "Problem solving: check 9 * 2.", "## Problem analysis", "Problem.", "Question"):
        completion = f"The answer is 18.\n{line}\nSo the answer is 20."
        assert answer_text(completion) == completion, line


@pytest.mark.parametrize(
    ("completion", "expected"),
    [
        ("The answer is 18.\nThe answer is 18.\nThe answer is 1", "The answer is 18.\nThe answer is 18."),
        ("#### 18\n#### 18\n####", "#### 18\n#### 18"),
        ("Answer: $125$.\n\nAnswer: $125$.\n\nAnswer: $12", "Answer: $125$.\n\nAnswer: $125$."),
        ("The answer is 18. The answer is 18. The answer is", "The answer is 18. The answer is 18."),
        ("The answer is 18.\nThe answer is 18.\nThe answer is 18.", None),  # nothing cut off
        ("The answer is 12.\nThe answer is 1", None),  # one copy is no loop
        ("Check: 9 * 2 = 18.\nCheck: 9 * 2 = 18.\nCheck: 9 * 2 = 1", None),  # a loop that states no answer
        (
            "The answer is 18.\nThe answer is 18.\nThe answer is 1<|im_end|>",
            "The answer is 18.\nThe answer is 18.\nThe answer is 1",
        ),
    ],
)
def test_a_cut_off_copy_of_a_repeated_answer_line_is_dropped(completion: str, expected: str | None) -> None:
    assert answer_text(completion) == (completion if expected is None else expected)


@pytest.mark.parametrize(
    ("completion", "expected"),
    [
        ("The answer is 18<|im_end|>", "The answer is 18"),
        ("#### 18</s>\n\nQuestion: more?\n#### 7</s>", "#### 18"),
        ("So $\\boxed{18}$.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nAnd 20?", "So $\\boxed{18}$."),
        ("\\boxed{18}<｜end▁of▁sentence｜>", "\\boxed{18}"),
        ("**Answer:** 18<end_of_turn>\n<start_of_turn>user\nAnd 20?<end_of_turn>", "**Answer:** 18"),
        ("The answer is 18.<|endoftext|>Human: What is 2 + 2?", "The answer is 18."),
        ("The answer is 18.<|end_of_text|>", "The answer is 18."),
        ("<s>5</s> The product is 6.<|im_end|>", "<s>5</s> The product is 6."),
        ("The answer is 18. [INST] And with 20 eggs? [/INST] The answer is 26.", "The answer is 18. "),
        ("The answer is 18.\n<|im_start|>user\nAnd 20?\n<|im_start|>assistant\n26", "The answer is 18.\n"),
        ("<|im_end|>The answer is 18.", "<|im_end|>The answer is 18."),  # nothing was said before it
    ],
)
def test_an_end_of_turn_token_ends_the_completion(completion: str, expected: str) -> None:
    assert answer_text(completion) == expected


def test_the_assistants_next_turn_or_a_tool_result_continues_the_answer() -> None:
    tool = (
        "<tool_call>\n{}\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n42\n</tool_response><|im_end|>\n"
        "<|im_start|>assistant\nThe answer is $\\boxed{42}$."
    )
    assert answer_text(tool + "<|im_end|>") == tool
    harmony = "<|channel|>analysis<|message|>Maybe 5.<|end|><|start|>assistant<|channel|>final<|message|>The answer is 6."
    assert answer_text(harmony + "<|return|>") == harmony


def test_the_prompt_header_is_the_label_its_examples_repeat() -> None:
    fewshot = (
        "Exercise: Sam has 3 pens and buys 2. How many?\nWorked solution: 3 + 2 = 5. The answer is 5.\n\n"
        "Exercise 2: Janet has 16 eggs and uses 7. How many are left?\nWorked solution:"
    )
    pattern = prompt_header(fewshot)
    assert pattern is not None
    assert pattern.search("9.\nExercise: Tom has 20 apples.") and pattern.search("9.\n**Exercise 3:** more")
    assert not pattern.search("9.\nWorked solution: 9")
    assert prompt_header("Exercise: 1 + 1?\nResult: 2\n\nExercise: 2 + 3?\nResult:").pattern == pattern.pattern  # not "Result"
    completion = "16 - 7 = 9. The answer is 9.\n\nExercise: Tom has 20 apples and eats 8.\nWorked solution: The answer is 12."
    assert answer_text(completion, pattern) == "16 - 7 = 9. The answer is 9.\n\n"
    assert answer_text(completion) == completion  # "Exercise" is no header of ours without the prompt


@pytest.mark.parametrize(
    "prompt",
    [
        "Janet's ducks lay 16 eggs per day. How much does she make?",
        "Note: answer briefly.\nQuestion: what is 2 + 2?",  # each label once: not a few-shot prompt
        "Which is largest?\nA: 3\nB: 4\n\nWhich is smallest?\nA: 1\nB: 2",  # option letters
        "Question: 1 + 1?\nAnswer: 2\n\nQuestion: 2 + 2?\nAnswer:",  # labels we know already
        "system: be brief\nuser: 1 + 1?\nassistant: 2\nuser: 2 + 2?",
        "Question: 1 + 1?\nContext: sums\nAnswer: 2\n\nQuestion: 2 + 2?\nContext: sums\nAnswer:",  # not "Context"
    ],
)
def test_prompts_without_a_new_header(prompt: str) -> None:
    assert prompt_header(prompt) is None


def _score(pool: WorkerPool, rows: list[tuple[str, str, str]]) -> list[str]:
    reward = MathReward(MathOptions())
    samples = [Sample(c, prompt=p or f"p{i}", row={"answer": g}) for i, (g, c, p) in enumerate(rows)]
    return [v.kind for v in score_samples(reward, samples, plugin="math", pool=pool)]


def test_writing_more_problems_never_earns_what_the_first_answer_did_not(math_pool: WorkerPool) -> None:
    wrong_first = (
        "7 + 9 = 15, so the answer is 15.\n\nQuestion: What is 7 + 9?\nAnswer: The answer is 16.\n\nQuestion: again\nAnswer: 16"
    )
    right_first = "7 + 9 = 16, so the answer is 16.\n\nQuestion: What is 7 + 8?\nAnswer: The answer is 15."
    boxes = "$\\boxed{15}$\n\nProblem: the same sum.\nSolution: $\\boxed{16}$\n\nProblem: again.\nSolution: $\\boxed{16}$"
    fewshot = "Exercise: 1 + 1?\nResult: 2\n\nExercise: 2 + 3?\nResult: 5\n\nExercise: 7 + 9?\nResult:"
    custom = "7 + 9 = 15. The answer is 15.\n\nExercise: 7 + 9 again?\nResult: The answer is 16."
    rows = [("16", wrong_first, ""), ("16", right_first, ""), ("16", boxes, ""), ("16", custom, fewshot), ("15", custom, fewshot)]
    assert _score(math_pool, rows) == ["incorrect", "correct", "incorrect", "incorrect", "correct"]


def test_a_continued_turn_after_an_end_token_is_not_read(math_pool: WorkerPool) -> None:
    invented = (
        "So $\\boxed{18}$.<|im_end|>\n<|im_start|>user\nAre you sure? It is 20.<|im_end|>\n<|im_start|>assistant\n$\\boxed{20}$"
    )
    rows = [("18", invented, ""), ("20", invented, ""), ("18", "#### 18</s>", ""), ("18", "The answer is 18<|eot_id|>", "")]
    assert _score(math_pool, rows) == ["correct", "incorrect", "correct", "correct"]
