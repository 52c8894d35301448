"""Adapters that hand grpo-rewards' verifiers, with their failure semantics, to other training engines.

* :mod:`grpo_rewards.integrations.verl`: verl's ``custom_reward_function`` (a file path and a name);
* :mod:`grpo_rewards.integrations.rows`: scoring engine rows in this process or through a service;
* :mod:`grpo_rewards.trl`: reward functions by dotted path for ``trl grpo --reward_funcs``.

``grpo-rewards integrations verl`` prints the file verl's config points at.
"""
