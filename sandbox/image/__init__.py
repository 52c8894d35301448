"""The sandbox image definition, shipped as package data (see ``grpo_rewards_sandbox.image_build``)."""
