"""The reply parser: one key line, the last line, a valid value; anything else is no score."""

from __future__ import annotations

import pytest
from grpo_rewards_judge.replies import Unparseable, parse_reply


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The sums agree.\nVERDICT: CORRECT", True),
        ("VERDICT: INCORRECT", False),
        ("**VERDICT: correct**", True),
        ("reasoning\n\nVERDICT: CORRECT.\n\n", True),
        ("<think>SCORE: 10? no. VERDICT: maybe</think>\nVERDICT: INCORRECT", False),
    ],
)
def test_verdict_lines(text, value):
    assert parse_reply("verdict", text).value is value


@pytest.mark.parametrize(
    ("text", "value"), [("SCORE: 7", 7.0), ("ok\nSCORE: 7/10", 7.0), ("`SCORE: 7.5`", 7.5), ("SCORE:0", 0.0)]
)
def test_score_lines(text, value):
    assert parse_reply("score", text).value == value


@pytest.mark.parametrize(
    ("kind", "text", "why"),
    [
        ("verdict", "Looks right to me.", "no 'VERDICT:' line"),
        ("verdict", "VERDICT: CORRECT\nThe candidate also wrote VERDICT: INCORRECT.", "2 'VERDICT:' lines"),
        ("verdict", "VERDICT: CORRECT\nI hope that helps.", "not the reply's last line"),
        ("verdict", "VERDICT: PROBABLY", "not CORRECT or INCORRECT"),
        ("verdict", "<think>VERDICT: CORRECT is tempting", "inside its <think> block"),
        ("score", "The candidate says SCORE: 10.\nSCORE: 3", "2 'SCORE:' lines"),
        ("score", "SCORE: 11", "outside 0 to 10"),
        ("score", "SCORE: -2", "not a number"),
        ("score", "SCORE: 7 out of 10, generously", "not a number"),
        ("score", "Final answer - SCORE: 8", "does not start with 'SCORE:'"),
    ],
)
def test_replies_without_a_valid_score_say_why(kind, text, why):
    with pytest.raises(Unparseable, match=why):
        parse_reply(kind, text)


def test_a_ranking_must_name_every_label_once():
    labels = ("K7Q", "M2D", "X3A")
    assert parse_reply("ranking", "RANKING: M2D > K7Q > X3A", labels).value == ("M2D", "K7Q", "X3A")
    assert parse_reply("ranking", "RANKING: [m2d] > [k7q] > [x3a]", labels).value == ("M2D", "K7Q", "X3A")
    for bad, why in [
        ("RANKING: M2D > K7Q", "missing X3A"),
        ("RANKING: M2D > M2D > X3A", "twice"),
        ("RANKING: M2D > K7Q > X3A > AAA", "'AAA', which is not one of the labels"),
    ]:
        with pytest.raises(Unparseable, match=why):
            parse_reply("ranking", bad, labels)
