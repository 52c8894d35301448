"""Out of memory on a batch: split it and retry, down to one input; what still fails is unverifiable(memory).

The out-of-memory error is raised at the model call boundary (a forward pre-hook
on the real model), so the splitting code under test runs for real.
"""

from __future__ import annotations

import pytest


def _oom_over(limit, kind="cuda", seen=None):
    import torch

    def hook(module, args, kwargs):
        ids = kwargs["input_ids"]
        if seen is not None:
            seen.append(ids.shape[0])
        if ids.shape[0] * ids.shape[1] > limit:
            if kind == "cuda":
                raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB (injected)")
            raise RuntimeError("[enforce fail at alloc_cpu.cpp:117] DefaultCPUAllocator: can't allocate memory (injected)")

    return hook


@pytest.mark.parametrize("kind", ["cuda", "cpu"])
def test_a_batch_that_does_not_fit_is_split_until_it_does(make_rm, score, loaded_model, kind):
    pairs = [("Say hello.", "hello there") for _ in range(8)]
    pairs = [(p, c + "!" * i) for i, (p, c) in enumerate(pairs)]
    expected = [v.score for v in score(make_rm(batch_size=8), pairs)]
    reward = make_rm(batch_size=8)
    width = max(v.details["tokens"] for v in score(reward, pairs[:1] + pairs[-1:]))
    seen = []
    loaded_model(reward).register_forward_pre_hook(_oom_over(2 * width, kind, seen), with_kwargs=True)
    verdicts = score(reward, pairs)
    assert [v.score for v in verdicts] == pytest.approx(expected, abs=1e-5)
    assert seen == [8, 4, 2, 2, 4, 2, 2]


def test_an_input_too_big_even_alone_is_unverifiable_memory_and_the_rest_are_scored(make_rm, score, loaded_model):
    pairs = [("q", "short"), ("q", "long " * 60), ("q", "fine"), ("q", "also fine")]
    reward = make_rm(batch_size=4)
    lengths = [v.details["tokens"] for v in score(reward, pairs)]
    loaded_model(reward).register_forward_pre_hook(_oom_over(max(lengths) - 1), with_kwargs=True)
    verdicts = score(reward, pairs)
    assert verdicts[1].reason == "memory" and verdicts[1].score is None
    assert "one input of" in verdicts[1].details["message"] and "injected" in verdicts[1].details["message"]
    assert [v.kind for i, v in enumerate(verdicts) if i != 1] == ["partial"] * 3


def test_any_other_error_is_not_retried(make_rm, score, loaded_model, pairs):
    reward = make_rm()
    calls = []

    def broken(module, args, kwargs):
        calls.append(1)
        raise ValueError("shape mismatch (injected)")

    loaded_model(reward).register_forward_pre_hook(broken, with_kwargs=True)
    verdicts = score(reward, pairs)
    assert calls == [1] and [v.reason for v in verdicts] == ["crash"] * len(pairs)
    assert "shape mismatch" in verdicts[0].details["message"]
