"""Normalising and splitting text into word tokens that cosmetic tricks cannot tell apart.

Used by the ``repetition`` reward. Every step is one linear pass:

1. NFKC, so fullwidth and other compatibility forms fold to plain characters;
   then ``casefold``.
2. Invisible characters (zero-width spaces and joiners, soft hyphens, bidi
   controls, variation selectors, tag characters, fillers) are removed, so they
   can neither split a word apart nor make two copies of it differ.
3. Common Cyrillic and Greek look-alikes of Latin letters map to the Latin letter.
4. Tokens: a run of letters and digits is a word; each CJK ideograph or kana is a
   token of its own (those scripts put no spaces between words); sentence
   punctuation (``. , ; : ! ?`` and their CJK forms) is the one token ``"."``
   whichever mark it is; any other symbol (emoji, ``+``, ``}``) is a token of
   its own. Whitespace of any kind only separates.
5. A word longer than :data:`LONG_WORD` characters is cut into pieces of
   :data:`PIECE` characters, so a loop glued into one word (``abcabcabc...``)
   still repeats.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["LONG_WORD", "PIECE", "normalize", "tokens"]

LONG_WORD = 24
PIECE = 6

_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
_LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04bb\u03bf\u03b1\u03bd\u03c1\u03b9\u03ba",
    "aeopcyxijsdhoavpik",
)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_PUNCT = frozenset(".,;:!?\u3002\uff0c\u3001\uff1b\uff1a\uff01\uff1f\u00a1\u00bf")
_SPLIT = re.compile(r"\w+|\S")
_HAS_CJK = re.compile(f"[{_CJK}]")
_CJK_PARTS = re.compile(f"[{_CJK}]|[^{_CJK}]+")


def normalize(text: str) -> str:
    """Steps 1-3: the text as the repetition check compares it."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _INVISIBLE.sub("", text).translate(_LOOKALIKES)


def _pieces(word: str) -> list[str]:
    if len(word) <= LONG_WORD:
        return [word]
    return [word[i : i + PIECE] for i in range(0, len(word), PIECE)]


def _word(word: str, out: list[str]) -> None:
    if not word.isascii() and _HAS_CJK.search(word):
        for part in _CJK_PARTS.findall(word):
            out.extend(_pieces(part))
    elif len(word) > LONG_WORD:
        out.extend(_pieces(word))
    else:
        out.append(word)


def tokens(text: str) -> list[str]:
    """The tokens of ``text`` (steps 1-5)."""
    out: list[str] = []
    for token in _SPLIT.findall(normalize(text)):
        if token in _PUNCT:
            out.append(".")
        elif len(token) == 1:  # a symbol, or a one-character word
            out.append(token)
        else:
            _word(token, out)
    return out
