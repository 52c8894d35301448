"""Docs that cannot rot: every serve flag, every verl result key and every TRL setting is documented."""

from __future__ import annotations

from pathlib import Path

from grpo_rewards.cli.serve import serve
from grpo_rewards.integrations import verl
from grpo_rewards.verdict import Verdict

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_serve_flag_is_in_serve_md():
    text = (DOCS / "serve.md").read_text()
    for param in serve.params:
        for flag in param.opts:
            if flag.startswith("--"):
                assert f"`{flag}`" in text or f"`{flag}`," in text, f"{flag} is not in docs/serve.md"


def test_every_key_the_verl_adapter_returns_is_in_verl_md():
    text = (DOCS / "verl.md").read_text()
    result = verl.result_dict({"math": Verdict.correct()}, {"math": 1.0}, ["math"])
    for key in result:
        assert f"`{key.replace('math', 'NAME')}`" in text, f"{key} is not in docs/verl.md"
    for name in verl.__all__:
        if name.startswith("compute_score"):
            assert f"`{name}`" in text


def test_every_trl_cli_setting_is_in_trl_cli_md():
    from grpo_rewards import trl

    text = (DOCS / "trl-cli.md").read_text()
    for variable in (trl.OPTIONS_ENV, trl.SERVICE_ENV, trl.REWARDS_ENV):
        assert f"`{variable}" in text
