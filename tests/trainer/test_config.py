"""TrainConfig: defaults, then a YAML/TOML/JSON file, then flags; every mistake named."""

from __future__ import annotations

import pytest
from grpo_rewards_trainer import TrainConfig, load_config_file, resolve_config

from grpo_rewards import ConfigError


def test_later_layers_win_and_types_are_converted(tmp_path):
    path = tmp_path / "run.yaml"
    path.write_text("model: a/b\nmax-steps: 5\nlearning_rate: 1e-5\nrewards: [math, 'format:0.2']\nload_in_4bit: true\n")
    config = resolve_config(load_config_file(path), {"max_steps": "7", "lora_r": "8"})
    assert config.model == "a/b"
    assert config.max_steps == 7 and config.lora_r == 8
    assert config.learning_rate == pytest.approx(1e-5)  # YAML reads 1e-5 as a string; the type hint converts it
    assert config.rewards == ["math", "format:0.2"]
    assert config.load_in_4bit is True
    assert config.num_generations == TrainConfig().num_generations


def test_toml_and_json_files(tmp_path):
    toml = tmp_path / "run.toml"
    toml.write_text('model = "m"\nrewards = ["math"]\n[reward_options.math]\nmode = "strict"\n[grpo]\ntop_p = 0.9\n')
    json_file = tmp_path / "run.json"
    json_file.write_text('{"model": "m", "target_modules": "q_proj, v_proj"}')
    config = resolve_config(load_config_file(toml))
    assert config.reward_options == {"math": {"mode": "strict"}}
    assert config.grpo == {"top_p": 0.9}
    assert resolve_config(load_config_file(json_file)).target_modules == ["q_proj", "v_proj"]


def test_reward_options_merge_per_key_across_layers():
    config = resolve_config(
        {"reward_options": {"math": {"mode": "strict", "timeout": 3}}}, {"reward_options": {"math": {"mode": "lenient"}}}
    )
    assert config.reward_options == {"math": {"mode": "lenient", "timeout": 3}}


def test_unknown_setting_names_its_source_and_suggests():
    with pytest.raises(ConfigError, match=r"run.yaml: unknown setting 'max_step'.*did you mean max_steps.*'grpo'"):
        resolve_config({"max_step": 3}, sources=("run.yaml",))


def test_wrong_type_names_the_setting():
    with pytest.raises(ConfigError, match="'num_generations'.*expected int"):
        resolve_config({"num_generations": "eight"})
    with pytest.raises(ConfigError, match="'backend'.*not one of auto, unsloth, trl"):
        resolve_config({"backend": "vllm"})


def test_bad_reward_spec_and_bad_files(tmp_path):
    with pytest.raises(ConfigError, match="weight 'x' is not a number"):
        resolve_config({"rewards": ["math:x"]})
    broken = tmp_path / "bad.yaml"
    broken.write_text("model: [unclosed\n")
    with pytest.raises(ConfigError, match="bad.yaml does not parse"):
        load_config_file(broken)
    (tmp_path / "x.ini").write_text("a=1")
    with pytest.raises(ConfigError, match="unknown type '.ini'"):
        load_config_file(tmp_path / "x.ini")
    with pytest.raises(ConfigError, match="does not exist"):
        load_config_file(tmp_path / "missing.yaml")


def test_replace_checks_types():
    config = TrainConfig(model="m").replace(max_steps="3")
    assert config.max_steps == 3 and config.model == "m"
