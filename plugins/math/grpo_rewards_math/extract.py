"""Find the final answer in a completion (or in a reference solution).

Only the final answer counts:

* with reasoning, only the text after the last ``</think>`` is read; a completion
  that opens ``<think>`` and never closes it has no answer;
* ``\\boxed{}`` answers come first. Several *different* boxed answers are all
  returned, so the caller can refuse a hedge instead of merging them into a set;
* in lenient mode, when nothing is boxed, the last "the answer is ..." phrase
  (in several languages), else a final line that is a math expression by itself.

An answer is always a whole span of text, never a number fished out of one,
so ``"<code> or 0"`` never reads as ``0``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .latex import find_boxed, math_segments, normalize, strip_text_units

__all__ = ["Extraction", "extract_answers", "final_segment", "looks_like_math"]

Source = Literal["boxed", "phrase", "final_line", "none"]


@dataclass(frozen=True)
class Extraction:
    """What was found: distinct answer spans (usually one), where they came from, and why none if empty."""

    answers: tuple[str, ...]
    source: Source
    why_none: str = ""


_THINK_OPEN = re.compile(r"<think(?:ing)?>", re.IGNORECASE)
_THINK_CLOSE = re.compile(r"</think(?:ing)?>", re.IGNORECASE)

# "the answer is" in several languages; the answer follows the match.
_PHRASES = [
    r"final\s+answer\s*(?:is|:|=)?",
    r"(?:the\s+)?(?:correct\s+)?answer\s*(?:is|:|=|would\s+be|should\s+be)",
    r"(?:the\s+)?(?:correct|right)\s+(?:option|choice)\s*(?:is|:)",
    r"(?:最终|正确)?答案\s*(?:应该|应)?\s*(?:是|为|：|:)",
    r"故答案为|所以答案是|答\s*[：:]",
    r"答えは|答え\s*[：:]|解答\s*[：:]",
    r"(?:정답|답)\s*(?:은|는|[：:])",
    r"(?:la\s+)?respuesta\s+(?:final\s+)?es|respuesta(?:\s+final)?\s*:",
    r"(?:la\s+)?réponse\s+(?:finale\s+)?est|réponse(?:\s+finale)?\s*:",
    r"(?:die\s+)?(?:endgültige\s+)?antwort\s+(?:ist|lautet)|antwort\s*:|ergebnis\s*:",
    r"(?:a\s+)?resposta\s+(?:final\s+)?é|resposta(?:\s+final)?\s*:",
    r"(?:la\s+)?risposta\s+(?:finale\s+)?è|risposta\s*:",
    r"(?:правильный\s+)?ответ\s*(?:[:—–-]|будет|равен|это)",
    r"đáp\s+án(?:\s+là)?\s*:?|câu\s+trả\s+lời\s+là",
    r"jawaban(?:nya)?\s*(?:adalah|:)",
]
_PHRASE_RE = re.compile("|".join(f"(?:{p})" for p in _PHRASES), re.IGNORECASE)
_FILLER_END = re.compile(r"(?:です|である|だ|입니다|이다|예요|이에요|となります|になります)\s*$")
_SENTENCE_END = re.compile(r"(?<=\S)\.(?=\s|$)(?!\d)|。|！|!(?=\s|$)|；")
_CLAUSE_BREAK = re.compile(r"[,，]\s*(?=[^\W\d_])")
_MARKDOWN = re.compile(r"\*\*|__|^#+\s*|^>\s*|^[-*]\s+|^\s*\\item\s+", re.MULTILINE)
_CODE_MARKERS = re.compile(r"[`;'\"]|==|\bimport\b|\bdef\b|\blambda\b|\bprint\s*\(|\bos\.|__|\breturn\b|\bexec\b|\beval\b")
_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+")
_TEXT_BLOCK = re.compile(r"\\(?:text|begin|end)\{[^{}]*\}")
_SHORT_REPLY_CHARS = 40
_SHORT_REPLY_WORDS = 3
_MATH_WORDS = frozenset(
    "sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln exp sqrt lim max min det mod gcd lcm "
    "pi inf infty infinity and or no none undefined dne".split()
)


def final_segment(completion: str) -> str | None:
    """The text after the last ``</think>``; ``None`` when reasoning was opened and never closed."""
    closes = list(_THINK_CLOSE.finditer(completion))
    if closes:
        return completion[closes[-1].end() :]
    if _THINK_OPEN.search(completion):
        return None
    return completion


def looks_like_math(span: str, max_words: int = 1) -> bool:
    """True when ``span`` reads as one math answer rather than prose or code.

    Allows LaTeX commands, ``\\text{...}``, function names and at most
    ``max_words`` plain words (a unit such as ``cm``), and no code punctuation.
    """
    if not span.strip() or _CODE_MARKERS.search(span):
        return False
    bare = _LATEX_COMMAND.sub(" ", _TEXT_BLOCK.sub(" ", span))
    words = [w for w in re.findall(r"[^\W\d_]{2,}", bare) if w.lower() not in _MATH_WORDS]
    return len(words) <= max_words


def _clean(span: str) -> str:
    span = _MARKDOWN.sub("", span).strip()
    span = _FILLER_END.sub("", span).strip()
    return span.strip(" \t*:：,，")


def _phrase_answer(segment: str) -> str | None:
    matches = list(_PHRASE_RE.finditer(segment))
    for match in reversed(matches):
        rest = segment[match.end() :].lstrip(" \t*:：")
        if rest.startswith("\n"):
            rest = rest.lstrip()  # "**Final Answer**\n\n42"
        line = rest.split("\n", 1)[0]
        segments = math_segments(line)
        if segments:
            return segments[0]
        end = _SENTENCE_END.search(line)
        span = _clean(line[: end.start()] if end else line)
        if span and not looks_like_math(span):
            span = _clean(_CLAUSE_BREAK.split(span, 1)[0])  # "5 apples, I think, but ..." -> "5 apples"
        if span:
            return span
    return None


def _final_line_answer(segment: str) -> str | None:
    lines = [line for line in segment.strip().splitlines() if line.strip()]
    if not lines:
        return None
    line = _clean(lines[-1])
    if line.startswith(("$$", "\\[")) or line.endswith(("$$", "\\]")):
        line = _clean(" ".join(lines[-3:]))  # a display block split over lines
    segments = math_segments(line)
    if segments:
        return segments[-1]
    span = line.rstrip(".。")
    words = _SHORT_REPLY_WORDS if len(lines) == 1 and len(span) <= _SHORT_REPLY_CHARS else 0  # a bare "Monday" reply
    return span if looks_like_math(strip_text_units(span), max_words=words) else None


def _distinct(spans: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for span in spans:
        seen.setdefault(normalize(span), span)
    return tuple(seen.values())


def extract_answers(completion: str, mode: Literal["strict", "lenient"] = "lenient") -> Extraction:
    """The final answer(s) of ``completion``; see the module docstring for the rules."""
    segment = final_segment(completion)
    if segment is None:
        return Extraction((), "none", "reasoning opened with <think> was never closed")
    boxes = [b.content for b in find_boxed(segment) if b.content]
    if boxes:
        return Extraction(_distinct(boxes), "boxed")
    if mode == "strict":
        return Extraction((), "none", "no \\boxed{} answer after the reasoning")
    phrase = _phrase_answer(segment)
    if phrase:
        return Extraction((phrase,), "phrase")
    line = _final_line_answer(segment)
    if line:
        return Extraction((line,), "final_line")
    return Extraction((), "none", "no boxed answer, no 'the answer is', and the last line is not a math expression")
