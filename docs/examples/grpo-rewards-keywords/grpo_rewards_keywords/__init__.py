"""Example grpo-rewards plugin: the share of required keywords a completion's answer mentions."""
