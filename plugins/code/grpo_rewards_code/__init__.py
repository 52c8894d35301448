"""grpo-rewards-code: a tamper-proof code-execution reward over the grpo-rewards sandbox.

The ``code`` reward runs the completion's program in the sandbox against the
row's tests (stdin/stdout cases, MBPP-style asserts or a HumanEval ``check``)
and scores the fraction passed. See ``docs/code-reward.md``.
"""

from .options import CodeOptions
from .reward import CodeReward

__all__ = ["CodeOptions", "CodeReward"]
