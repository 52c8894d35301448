"""One training rank for the many-ranks-one-node test: ``accelerate launch ... rank_train.py CONFIG_JSON OUT_PREFIX``.

It trains with ``grpo_rewards_trainer`` as ``grpo-rewards train`` does, records
what each reward function was called with and returned, and writes that, the
service it scored through and whether this process started a worker pool of
its own to ``OUT_PREFIX.RANK.json``.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from grpo_rewards_trainer import TrainConfig
from grpo_rewards_trainer.run import TrainingRun

from grpo_rewards.bridge import AsyncRewardFunction
from grpo_rewards.pool import current_pool

#: Completions with known scores, scored by every rank after training (the trained toy model writes noise).
PROBE = {
    "prompts": ["2+3=", "2+3=", "4+4=", "4+4="],
    "completions": [
        "<think>two and three make five in all</think> \\boxed{5}",
        "<think>two and three make six, I think</think> \\boxed{6}",
        "<think>print the sum of four and four</think>\n```python\nprint(4 + 4)\n```\n\\boxed{8}",
        "<think>print the wrong sum of four and four</think>\n```python\nprint(4 * 3)\n```",
    ],
    "answer": ["5", "5", "8", "8"],
    "tests": [[{"input": "", "output": "5"}]] * 2 + [[{"input": "", "output": "8"}]] * 2,
}

_SKIP = ("trainer_state", "log_extra", "log_metric", "completion_ids", "environments")


def _recording(func: Any, calls: list[dict[str, Any]]) -> Any:
    """``func``, recording each call; async when ``func`` is (TRL awaits async reward functions together)."""

    def keep(kwargs: dict[str, Any], scores: Any) -> Any:
        calls.append({"reward": func.__name__, "kwargs": {k: v for k, v in kwargs.items() if k not in _SKIP}, "scores": scores})
        return scores

    if isinstance(func, AsyncRewardFunction):

        async def record_async(**kwargs: Any) -> Any:
            return keep(kwargs, await func(**kwargs))

        record_async.__name__ = func.__name__
        return record_async

    def record(**kwargs: Any) -> Any:
        return keep(kwargs, func(**kwargs))

    record.__name__ = func.__name__
    return record


def _sandbox_owners() -> list[str]:
    """The owner label of every sandbox container on the engine (``host:pid:start``)."""
    import docker
    from grpo_rewards_sandbox.docker_backend import LABEL, OWNER_LABEL

    containers = docker.from_env().containers.list(filters={"label": LABEL})
    return [c.labels.get(OWNER_LABEL, "") for c in containers]


def main() -> None:
    config = TrainConfig(**json.loads(sys.argv[1]))
    run = TrainingRun.prepare(config)
    originals = list(run.trainer.reward_funcs)
    calls: list[dict[str, Any]] = []
    run.trainer.reward_funcs = [_recording(f, calls) for f in originals]
    result = run.execute()
    probes = {f.__name__: getattr(f, "func", f)(**PROBE) for f in originals}
    functions = [getattr(f, "func", f) for f in originals]  # AsyncRewardFunction wraps the reward function
    health = functions[0].client.health()
    record = {
        "rank": int(os.environ["RANK"]),
        "pid": os.getpid(),
        "funcs": [type(f).__name__ for f in functions],
        "awaited": [isinstance(f, AsyncRewardFunction) for f in originals],
        "service": health,
        "local_pool": current_pool() is not None,
        "sandbox_owners": _sandbox_owners(),
        "calls": calls,
        "probes": probes,
        "steps": [h for h in result.log_history if "rewards/math/mean" in h],
    }
    with open(f"{sys.argv[2]}.{record['rank']}.json", "w", encoding="utf-8") as out:
        json.dump(record, out, default=repr)


if __name__ == "__main__":
    main()
