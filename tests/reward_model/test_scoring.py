"""The reward model on real tiny models: scores, batching, determinism, truncation, templates, failures."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from grpo_rewards.testing import check_reward_contract


def test_every_completion_gets_a_score_with_its_raw_logit(make_rm, score, pairs):
    verdicts = score(make_rm(), pairs)
    assert [v.kind for v in verdicts] == ["partial"] * len(pairs)
    assert all(math.isfinite(v.score) and v.score == v.details["raw"] for v in verdicts)
    assert len({v.score for v in verdicts}) == len(pairs)  # the model reads the completion
    assert all(v.details["tokens"] > 3 and v.details["metrics"]["tokens"] == v.details["tokens"] for v in verdicts)


def test_the_trl_contract_in_standard_and_chat_format(tiny_rm, plugin_manager):
    scores = check_reward_contract(
        "reward_model", prompts=["2+3?", "2+3?"], completions=["5", "six"], options={"model": str(tiny_rm)}
    )
    assert all(isinstance(s, float) for s in scores) and scores[0] != scores[1]


def test_batch_size_sets_the_forward_passes_but_not_the_scores(make_rm, score, loaded_model):
    pairs = [("Say hello.", "hello " * (i % 7 + 1)) for i in range(40)]
    one_by_one = [v.score for v in score(make_rm(batch_size=1), pairs)]
    reward = make_rm(batch_size=32)
    seen = []
    loaded_model(reward).register_forward_pre_hook(
        lambda module, args, kwargs: seen.append(kwargs["input_ids"].shape[0]), with_kwargs=True
    )
    batched = [v.score for v in score(reward, pairs)]
    assert seen == [32, 8]
    assert batched == pytest.approx(one_by_one, abs=1e-5)


def test_scores_are_the_same_every_time_and_in_a_fresh_process(make_rm, score, pairs, tiny_rm):
    first = [v.score for v in score(make_rm(), pairs)]
    assert [v.score for v in score(make_rm(), pairs)] == first
    code = (
        "from grpo_rewards_reward_model import RewardModelOptions, RewardModelReward\n"
        "from grpo_rewards import Sample, score_samples\n"
        f"pairs = {pairs!r}\n"
        f"r = RewardModelReward(RewardModelOptions(model={str(tiny_rm)!r}))\n"
        "print(repr([v.score for v in score_samples(r, [Sample(c, prompt=p) for p, c in pairs])]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert eval(out.strip().splitlines()[-1]) == first


def test_a_long_input_loses_its_beginning_and_says_so(make_rm, score):
    filler = "blah " * 200
    pairs = [
        ("q", filler + "The answer is 5."),
        ("q", "Other words entirely. " + filler + "The answer is 5."),
        ("q", filler + "No."),
    ]
    verdicts = score(make_rm(max_length=24), pairs)
    assert all(v.details["tokens"] == 24 and v.details["truncated_tokens"] > 100 for v in verdicts)
    assert verdicts[0].score == verdicts[1].score != verdicts[2].score  # only the kept end decides
    assert all(v.details["metrics"]["truncated"] == 1.0 for v in verdicts)


def test_the_chat_template_frames_prompt_and_completion(make_rm, plain_rm, score):
    chat = score(make_rm(template="chat"), [("Say hello.", "hello")])[0]
    plain = score(make_rm(template="plain"), [("Say hello.", "hello")])[0]
    assert chat.details["tokens"] > plain.details["tokens"] and chat.score != plain.score
    auto_without_template = score(make_rm(model=str(plain_rm)), [("Say hello.", "hello")])[0]
    assert auto_without_template.kind == "partial"
    (refused,) = score(make_rm(model=str(plain_rm), template="chat"), [("Say hello.", "hello")])
    assert refused.reason == "model_unavailable" and "template=plain" in refused.details["message"]


def test_a_model_that_does_not_load_is_unavailable_for_every_row(make_rm, score, pairs, tmp_path):
    verdicts = score(make_rm(model=str(tmp_path / "missing")), pairs)
    assert [v.reason for v in verdicts] == ["model_unavailable"] * len(pairs) and verdicts[0].score is None
    assert "cannot load reward model" in verdicts[0].details["message"]


def test_a_classifier_with_two_labels_is_refused(make_rm, score, tmp_path):
    from grpo_rewards_reward_model.toy import build_toy_reward_model

    path = build_toy_reward_model(tmp_path / "two", num_labels=2)
    (verdict,) = score(make_rm(model=str(path)), [("q", "a")])
    assert verdict.reason == "model_unavailable" and "has 2 labels" in verdict.details["message"]


def test_a_gpu_asked_for_without_one_is_unavailable(make_rm, score):
    import torch

    if torch.cuda.is_available():
        pytest.skip("a GPU is visible")
    (verdict,) = score(make_rm(device="cuda:0"), [("q", "a")])
    assert verdict.reason == "model_unavailable" and "torch sees no GPU" in verdict.details["message"]


def test_a_non_finite_score_is_a_model_error_not_a_number(make_rm, score, pairs, loaded_model):
    reward = make_rm()
    model = loaded_model(reward)
    model.score.register_forward_hook(lambda module, args, output: output * float("nan"))
    verdicts = score(reward, pairs)
    assert [v.reason for v in verdicts] == ["model_error"] * len(pairs)


def test_preflight_loads_the_model_and_scores_a_probe(make_rm, tmp_path):
    from grpo_rewards import RewardError

    said = make_rm().preflight()
    assert "on cpu (float32" in said and "parameters" in said
    with pytest.raises(RewardError, match="cannot load reward model"):
        make_rm(model=str(tmp_path / "missing")).preflight()
