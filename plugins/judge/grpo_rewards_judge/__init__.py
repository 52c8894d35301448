"""grpo-rewards-judge: an LLM judge over any OpenAI-compatible endpoint, as the ``judge`` reward.

See ``docs/judge.md``. The pieces a user or another plugin may reuse:

* :class:`JudgeReward` and :class:`JudgeOptions`;
* :mod:`grpo_rewards_judge.templates` (the built-in prompts) and
  :mod:`grpo_rewards_judge.replies` (the strict reply parser);
* :mod:`grpo_rewards_judge.limits` (the process-wide limiter behind a small interface);
* :mod:`grpo_rewards_judge.testing` (a scripted OpenAI-compatible server for tests and demos).
"""

from __future__ import annotations

from .options import JudgeOptions
from .reward import JudgeReward

__all__ = ["JudgeOptions", "JudgeReward"]
