"""What the trainer hands to Unsloth and GRPOConfig, checked without a GPU."""

from __future__ import annotations

from grpo_rewards_trainer import TrainConfig
from grpo_rewards_trainer.backends import unsloth_model_kwargs, unsloth_peft_kwargs
from grpo_rewards_trainer.run import grpo_kwargs


def test_fast_inference_passes_vllm_settings_through_to_unsloth():
    config = TrainConfig(model="m", fast_inference=True, gpu_memory_utilization=0.45, lora_r=32, load_in_4bit=True)
    kwargs = unsloth_model_kwargs(config)
    assert kwargs == {
        "model_name": "m",
        "max_seq_length": 2048,
        "load_in_4bit": True,
        "fast_inference": True,
        "gpu_memory_utilization": 0.45,
        "max_lora_rank": 32,
    }


def test_without_fast_inference_no_vllm_settings_are_sent():
    kwargs = unsloth_model_kwargs(TrainConfig(model="m"))
    assert kwargs["fast_inference"] is False
    assert "gpu_memory_utilization" not in kwargs and "max_lora_rank" not in kwargs


def test_lora_settings_reach_get_peft_model():
    config = TrainConfig(lora_r=8, lora_alpha=16, lora_dropout=0.1, target_modules=["q_proj"], seed=3)
    assert unsloth_peft_kwargs(config) == {
        "r": 8,
        "lora_alpha": 16,
        "lora_dropout": 0.1,
        "target_modules": ["q_proj"],
        "bias": "none",
        "use_gradient_checkpointing": "unsloth",
        "random_state": 3,
    }


def test_grpo_kwargs_follow_grpoconfig_names_and_let_grpo_override():
    config = TrainConfig(
        output_dir="o",
        max_steps=4,
        num_generations=4,
        per_device_train_batch_size=8,
        save_steps=2,
        loss_type="dr_grpo",
        report_to="tensorboard, wandb",
        grpo={"top_p": 0.9, "temperature": 0.7},
    )
    kwargs = grpo_kwargs(config, weights=[1.0, 0.2], cuda=False, bf16=False)
    assert kwargs["reward_weights"] == [1.0, 0.2]
    assert kwargs["use_cpu"] is True and kwargs["bf16"] is False
    assert kwargs["save_strategy"] == "steps" and kwargs["save_steps"] == 2
    assert kwargs["loss_type"] == "dr_grpo" and "scale_rewards" not in kwargs
    assert kwargs["report_to"] == ["tensorboard", "wandb"]
    assert kwargs["top_p"] == 0.9 and kwargs["temperature"] == 0.7  # --grpo wins over the named setting
    assert grpo_kwargs(TrainConfig(), weights=[1.0], cuda=True, bf16=True)["report_to"] == "none"
