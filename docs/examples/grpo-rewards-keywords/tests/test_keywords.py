"""The plugin author's own tests, using the fixtures grpo-rewards ships for pytest."""

from grpo_rewards.testing import check_reward_contract


def test_keywords_through_the_trl_contract(plugin_manager):
    scores = check_reward_contract(
        "keywords",
        prompts=["Name two primes", "Name two primes", "Name a colour"],
        completions=["<think>2 and 3</think> two and three", "<think>two, three</think> four", "Red."],
        columns={"keywords": [["two", "three"], ["two", "three"], ["red"]]},
    )
    assert scores == [1.0, 0.0, 1.0]


def test_partial_credit_and_case_option(plugin_manager):
    scores = check_reward_contract(
        "keywords",
        prompts=["q"],
        completions=["Alpha only"],
        columns={"keywords": [["alpha", "beta"]]},
        options={"case_sensitive": True},
    )
    assert scores == [0.0]
