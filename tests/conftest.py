"""Shared fixtures. The `plugin_manager` and `register_plugin` fixtures come from grpo_rewards.testing."""
