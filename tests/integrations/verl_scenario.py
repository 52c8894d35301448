"""One small batch through verl 0.9.1's own reward code, with the grpo-rewards adapter loaded the way verl loads it.

Run as ``python verl_scenario.py VERL_DEPS ADAPTER_PATH WORKDIR [SERVICE_URL]``: it appends VERL_DEPS to
``sys.path`` (after the environment's packages), builds verl ``DataProto``
batches with a byte-level tokenizer, and scores them through

* ``get_custom_reward_fn`` + the legacy ``NaiveRewardManager`` (``compute_score``),
* the reward loop: ``RewardLoopWorker`` -> ``load_reward_manager`` -> the loop's
  ``NaiveRewardManager.run_single`` (``compute_score_async``), assembled as
  ``RewardLoopManager.compute_rm_score`` assembles it,
* ``BatchRewardManager`` (``compute_score_batch``).

It prints one JSON object: per path, the reward at each response's last token and the extra info.
"""

from __future__ import annotations

import json
import sys

sys.path.append(sys.argv[1])

import numpy as np  # noqa: E402
import torch  # noqa: E402
from grpo_rewards_trainer.toy import build_toy_tokenizer  # noqa: E402
from omegaconf import OmegaConf  # noqa: E402
from verl import DataProto  # noqa: E402

ADAPTER, WORKDIR = sys.argv[2], sys.argv[3]
SERVICE = sys.argv[4] if len(sys.argv) > 4 else None
PASSING = "<think>read nothing, print 8</think>\n```python\nprint(4 + 4)\n```"
FAILING = "<think>print the wrong thing</think>\n```python\nprint(4 * 3)\n```"
SAMPLES = [  # (data_source, prompt, response, ground_truth)
    ("openai/gsm8k", "2+3=", "<think>2 plus 3 makes 5</think>\\boxed{5}", "5"),
    ("openai/gsm8k", "2+3=", "<think>2 plus 3 makes 6</think>\\boxed{6}", "5"),
    ("openai/gsm8k", "2+3=", "<think>both</think>\\boxed{5} or \\boxed{6}", "5"),
    ("openai/gsm8k", "7+1=", "<think>seven plus one makes eight</think>\\boxed{8}", "\\frac{"),
    ("codecontests", "print 8", PASSING, {"tests": [{"input": "", "output": "8"}]}),
    ("codecontests", "print 8", FAILING, {"tests": [{"input": "", "output": "8"}]}),
]
REWARDS = {"openai/gsm8k": ["math", "format:0.2"], "codecontests": ["code"]}


def tokenizer():
    tok = build_toy_tokenizer([s[2] for s in SAMPLES] + [s[1] for s in SAMPLES] * 5, vocab_size=300)
    tok.save_pretrained(f"{WORKDIR}/tokenizer")
    return tok


def batch(tok) -> DataProto:
    """Prompts left-padded, responses right-padded, as verl's rollout leaves them."""
    prompts = [tok(s[1])["input_ids"] for s in SAMPLES]
    responses = [tok(s[2])["input_ids"] + [tok.eos_token_id] for s in SAMPLES]
    width_p, width_r = max(map(len, prompts)), max(map(len, responses)) + 2
    pad = tok.pad_token_id
    p = torch.tensor([[pad] * (width_p - len(x)) + x for x in prompts])
    r = torch.tensor([x + [pad] * (width_r - len(x)) for x in responses])
    mask_p = torch.tensor([[0] * (width_p - len(x)) + [1] * len(x) for x in prompts])
    mask_r = torch.tensor([[1] * (len(x) - 1) + [0] * (width_r - len(x) + 1) for x in responses])  # eos not scored
    non_tensors = {
        "data_source": np.array([s[0] for s in SAMPLES], dtype=object),
        "reward_model": np.array([{"ground_truth": s[3]} for s in SAMPLES], dtype=object),
        "extra_info": np.array([{"prompt": s[1], "index": i} for i, s in enumerate(SAMPLES)], dtype=object),
    }
    tensors = {"prompts": p, "responses": r, "attention_mask": torch.cat([mask_p, mask_r], dim=1)}
    return DataProto.from_dict(tensors=tensors, non_tensors=non_tensors)


def config(name: str):
    kwargs = {"rewards": REWARDS} if SERVICE is None else {"rewards": REWARDS, "service": SERVICE}
    return OmegaConf.create(
        {
            "actor_rollout_ref": {"model": {"path": f"{WORKDIR}/tokenizer", "tokenizer_path": None}},
            "reward": {
                "num_workers": 1,
                "custom_reward_function": {"path": ADAPTER, "name": name, "reward_kwargs": kwargs},
                "reward_manager": {"source": "register", "name": "naive", "module": {"path": None, "name": None}},
                "reward_model": {"enable": False, "enable_resource_pool": False},
                "sandbox_fusion": None,
            },
        }
    )


def last_token_rewards(data: DataProto, tensor) -> list[float]:
    lengths = data.batch["attention_mask"][:, data.batch["prompts"].shape[-1] :].sum(-1)
    return [float(tensor[i, int(lengths[i]) - 1]) for i in range(len(data))] + [float(tensor.sum())]


def plain(info) -> dict:
    return {k: [v.item() if hasattr(v, "item") else v for v in list(values)] for k, values in info.items()}


def legacy(tok, data):
    from verl.trainer.ppo.reward import get_custom_reward_fn
    from verl.workers.reward_manager.naive import NaiveRewardManager

    manager = NaiveRewardManager(tok, num_examine=0, compute_score=get_custom_reward_fn(config("compute_score")))
    out = manager(data, return_dict=True)
    return {"rewards": last_token_rewards(data, out["reward_tensor"]), "extra": plain(out["reward_extra_info"])}


def reward_loop(data):
    from verl.experimental.reward_loop.reward_loop import RewardLoopWorker

    worker = RewardLoopWorker(config("compute_score_async"))
    outputs = worker.loop.run_until_complete(worker.compute_score_batch(data))
    scores = [o["reward_score"] for o in outputs]
    infos = [o.get("reward_extra_info", {}) for o in outputs]
    extra = {key: np.array([info[key] for info in infos]) for key in infos[0]}  # as RewardLoopManager.compute_rm_score
    rm_scores = worker.reward_manager.assemble_rm_scores(data, scores)
    return {"rewards": last_token_rewards(data, rm_scores), "extra": plain(extra)}


def batch_manager(tok, data):
    from verl.trainer.ppo.reward import get_custom_reward_fn
    from verl.workers.reward_manager.batch import BatchRewardManager

    manager = BatchRewardManager(tok, num_examine=0, compute_score=get_custom_reward_fn(config("compute_score_batch")))
    out = manager(data, return_dict=True)
    return {"rewards": last_token_rewards(data, out["reward_tensor"]), "extra": plain(out["reward_extra_info"])}


def main() -> None:
    tok = tokenizer()
    results = {"legacy": legacy(tok, batch(tok)), "reward_loop": reward_loop(batch(tok)), "batch": batch_manager(tok, batch(tok))}
    print(json.dumps(results, default=repr))


if __name__ == "__main__":
    main()
