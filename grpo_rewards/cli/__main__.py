"""``python -m grpo_rewards.cli ARGS``: the same as the ``grpo-rewards`` command."""

from . import main

main()
