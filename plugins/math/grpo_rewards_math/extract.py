"""Find the final answer in a completion (or in a reference solution).

Only the final answer counts (the reward has already cut the completion where the model
stopped answering: an end-of-turn token, a new few-shot block; see :mod:`.ending`), in this order:

1. **Reasoning is skipped**: only the text after the last ``</think>`` is read; a
   completion that opens ``<think>`` and never closes it has no answer.
2. **Boxed answers** (``\\boxed{}``, ``\\fbox{}``, and the slip ``\\beginboxed{}``).
   Boxes written together ("``\\boxed{-4}`` and ``\\boxed{2}``") are one answer made of
   several parts; joined by "or" they are a hedge. A box followed by more reasoning
   and a later box was corrected: the last group counts. Every distinct box is kept
   too, for a multi-part question whose gold lists one value per part.
3. In lenient mode, when nothing is boxed: ``<answer>...</answer>``, then the last
   **answer marker** ("the answer is", ``Answer:``, ``####``, "Final Answer: The final
   answer is", "答案：", "Réponse :", ...) and the clause after it, else the last bold
   statement that holds a value.
4. Else the last **concluding sentence** ("Thus the smallest $k$ is 12.",
   "Hence the chance that Bob wins is 3/5.") that is not negated, or a short
   one-line reply read whole. A completion cut off mid-sentence states nothing.
5. Else a final line that is a math expression by itself.

After a correction ("Wait, let me redo it", a second attempt) only what follows is read.

For 3 and 4 the result is a *clause*; :mod:`.prose` reads its value (or its choice
letter) once the gold says what kind of answer to look for.

An answer is always a whole span or a value stated by a clause, never a number
fished out of code, so ``"<code> or 0"`` never reads as ``0``. Every pattern here is
linear in the completion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .latex import Boxed, find_boxed, mask_math, math_segments, normalize
from .prose import is_negated, looks_like_math

__all__ = [
    "ANSWER_MARKER_RE",
    "CORRECTION_CUE_RE",
    "Extraction",
    "MAX_BOXES",
    "extract_answers",
    "final_segment",
    "looks_like_math",
]

Source = Literal["boxed", "phrase", "sentence", "final_line", "none"]
Joiner = Literal["", "and", "or"]

MAX_BOXES = 64  # more boxed answers than this is not an answer (too_many_answers)


@dataclass(frozen=True)
class Extraction:
    """What was found.

    Attributes:
        answers: for ``boxed``/``final_line``, the answer spans of the final answer (usually
            one; several when boxes are written together); for ``phrase``/``sentence``, the
            one clause that states the answer.
        source: where the answer came from.
        why_none: why nothing was found, when ``answers`` is empty.
        joiner: how several spans are joined: ``"and"`` (a list) or ``"or"`` (a hedge).
        boxes: every distinct boxed answer of the final text, in order.
        box_count: how many boxes the final text holds (checked against :data:`MAX_BOXES`).
        hedged: an alternative answer follows the stated one ("(if inclusive, the answer would be 5)").
        decimal_comma: the answer marker is in a language that writes ``3,5`` for 3.5.
    """

    answers: tuple[str, ...]
    source: Source
    why_none: str = ""
    joiner: Joiner = ""
    boxes: tuple[str, ...] = ()
    box_count: int = 0
    hedged: bool = False
    decimal_comma: bool = False

    @property
    def is_clause(self) -> bool:
        return self.source in ("phrase", "sentence")


_THINK_OPEN = re.compile(r"<think(?:ing)?>", re.IGNORECASE)
_THINK_CLOSE = re.compile(r"</think(?:ing)?>", re.IGNORECASE)

# Answer markers in several languages; the answer follows the match.
_PHRASES = [
    r"final\s+answer\s*(?:is|:|=)?",
    r"(?:the\s+)?(?:correct\s+|final\s+|right\s+)?answers?\s*(?:is|are|:|=|would\s+be|should\s+be|will\s+be|must\s+be)",
    r"(?:the\s+)?(?:correct|right|best)\s+(?:option|choice)\s*(?:is|:)",
    r"####",
    r"(?:最终|正确)?答案\s*(?:应该|应)?\s*(?:是|为|為|：|:)",
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
ANSWER_MARKER_RE = _PHRASE_RE  # the answer markers, for :mod:`.ending`
_CONCLUSION = re.compile(
    r"^\W*(?:so|thus|therefore|hence|consequently|finally|altogether|overall|in\s+total|in\s+conclusion|in\s+summary|"
    r"this\s+(?:gives|means)|which\s+gives|we\s+(?:get|find|obtain|conclude|have)|the\s+(?:result|total)\s+is|"
    r"所以|因此|故|于是|综上|从而|即|donc|ainsi|alors|also|daher|somit|insgesamt|por\s+lo\s+tanto|entonces|portanto|"
    r"quindi|итак|следовательно|таким\s+образом|よって|したがって|따라서)\b",
    re.IGNORECASE,
)
_FILLER_END = re.compile(r"(?:です|である|だ|입니다|이다|예요|이에요|となります|になります)\s*$")
_SENTENCE_END = re.compile(r"(?<=[^\s\d])\.(?=\s|$)|(?<=\d)\.(?=\s+[A-Z]|\s*$)|。|！|!(?=\s|$)|？|\?(?=\s|$)|；|\n")
_MARKDOWN = re.compile(r"\*\*|__|^#+\s*|^>\s*|^[-*]\s+(?!\d)|^[ \t]*\\item\s+", re.MULTILINE)
_GLUE = re.compile(
    r"^(?:[\s$,;&~]|\\quad|\\qquad|\\[,;:!]|\\text\{\s*(?:and|or|,)?\s*\}|\band\b|\bor\b|\bund\b|\boder\b|\bet\b|\bou\b|"
    r"\by\b|\bo\b|和|或|与|及|、|，|\\\\|\\\]|\\\[|\\\)|\\\()*$",
    re.IGNORECASE,
)
_HEDGE_CHARS = 60
_HEDGE_WORDS = re.compile(r"\b(?:or|maybe|perhaps|possibly|alternatively|either|otherwise)\b|或者?|也可能|还是", re.IGNORECASE)
_CORRECTION = re.compile(
    r"\b(?:wait|actually|mistake|error|wrong|redo|recheck|re-check|correct(?:ion|ed)?|no,|oops)\b|不对|错了|重新", re.IGNORECASE
)
_CORRECTION_CUE = re.compile(
    r"\b(?:wait|hmm+|actually|oops|mistake|an\s+error|was\s+wrong|is\s+wrong|not\s+right|doesn't\s+look\s+right|"
    r"re-?(?:solve|compute|do|calculate|check|examine)|let\s+me\s+(?:redo|recompute|recalculate|re-solve|fix)|"
    r"second\s+attempt|attempt\s+2|two\s+attempts\s+disagree|careful\s+recomputation)\b|不对|错了|重新",
    re.IGNORECASE,
)
CORRECTION_CUE_RE = _CORRECTION_CUE  # "wait", "let me redo it", ..., for :mod:`.ending`
_COMMA_MARKER = re.compile(r"respuesta|réponse|antwort|ergebnis|resposta|risposta|ответ|đáp|jawaban", re.IGNORECASE)
_ALTERNATIVE = re.compile(
    r"\b(?:if\b[^.\n]{0,120}\b(?:the\s+answer|it)\s+would\s+(?:instead\s+)?be|otherwise\s+the\s+answer|alternatively,?\s+the\s+answer)\b",
    re.IGNORECASE,
)
_OR = re.compile(r"\bor\b|\boder\b|\bou\b|\bo\b|或", re.IGNORECASE)
_BOLD = re.compile(r"\*\*([^*\n]{1,300})\*\*")
_HEADING = re.compile(r"^(?:step|case|part|note|check|verification|solution|problem)\b", re.IGNORECASE)
_HAS_VALUE = re.compile(  # a number, math, or a choice letter a sentence asserts
    r"\d|(?:\bis|\bbe|:)\s*\(?[A-J]\)?(?![A-Za-z'])|\$[^$]+\$|\\\(|\\\[|\([A-J]\)|\b(?i:option|choice)\s+\(?[A-J]\b"
)
_FLUFF = re.compile(
    r"\b(?:let\s+me\s+know|hope\s+(?:this|that|it)\s+helps|feel\s+free|any\s+(?:other\s+)?questions|happy\s+to\s+help)\b",
    re.IGNORECASE,
)
_COMPLETE = re.compile(r"[.!?。！？)\]}$*`'\"✓]")
_BOX_LABEL = re.compile(r"(?<![\\\w])([A-Za-z](?:_\{?\w{1,3}\}?)?)\s*=\s*\$?\s*$")
_BOX_OPEN = re.compile(r"\\(?:begin)?boxed\s*\{")
_WINDOW = 3000
_OVERLAP = 200  # a match may straddle two windows
_SHORT_REPLY_CHARS = 120
_NORMALIZE_CHARS = 4000
_LOOKBACK_SENTENCES = 4


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern``, searched from the end in windows (answers sit near the end of long texts)."""
    end = len(text)
    while end > 0:
        start = max(0, end - _WINDOW)
        found = None
        for found in pattern.finditer(text, start, min(len(text), end + _OVERLAP)):  # noqa: B007 - keep the last one
            pass
        if found is not None:
            return found
        end = start
    return None


def final_segment(completion: str) -> str | None:
    """The text after the last ``</think>``; ``None`` when reasoning was opened and never closed."""
    last = _last_match(_THINK_CLOSE, completion)
    if last is not None:
        return completion[last.end() :]
    if _THINK_OPEN.search(completion):
        return None
    return completion


def _clean(span: str) -> str:
    span = _MARKDOWN.sub("", span).strip()
    span = _FILLER_END.sub("", span).strip()
    return span.strip(" \t*:：,，")


def _distinct(spans: list[str]) -> tuple[str, ...]:
    """Spans that differ once normalised (a span too long to be an answer is kept as written: the guards refuse it)."""
    seen: dict[str, str] = {}
    for span in spans:
        seen.setdefault(normalize(span) if len(span) <= _NORMALIZE_CHARS else span, span)
    return tuple(seen.values())


def _boxed(segment: str, boxes: list[Boxed]) -> Extraction:
    """The final group of boxes written together; earlier groups were corrected."""
    group = [boxes[-1]]
    joiner: Joiner = ""
    for before, after in zip(reversed(boxes[:-1]), reversed(boxes[1:]), strict=True):
        between = segment[before.end : after.start]
        label = _BOX_LABEL.search(between)
        if label is not None:
            between = between[: label.start()]  # "$a=\\boxed{3}$ and $b=\\boxed{2}$"
        if _GLUE.match(between):
            if _OR.search(between):
                joiner = "or"
        elif len(between) <= _HEDGE_CHARS and _HEDGE_WORDS.search(between) and not _CORRECTION.search(between):
            joiner = "or"  # "\boxed{5}. Or maybe \boxed{6}."
        else:
            break  # reasoning between the two: the later box corrects the earlier one
        group.insert(0, before)
    parts = _distinct([_labelled(segment, b) if len(group) > 1 else b.content for b in group])
    if len(parts) > 1 and joiner != "or":
        joiner = "and"
    everything = _distinct([_labelled(segment, b) for b in boxes]) if len(boxes) > 1 else (boxes[0].content,)
    return Extraction(parts, "boxed", joiner=joiner if len(parts) > 1 else "", boxes=everything, box_count=len(boxes))


def _answer_tag(segment: str) -> str | None:
    """The content of the last ``<answer>...</answer>``."""
    start = segment.rfind("<answer>")
    end = segment.find("</answer>", start) if start >= 0 else -1
    if end < 0:
        return None
    return _clean(segment[start + len("<answer>") : end]) or None


def _labelled(segment: str, box: Boxed) -> str:
    """``a=\\boxed{3}`` -> ``a=3``: a box that names what it holds."""
    label = _BOX_LABEL.search(segment[max(0, box.start - 24) : box.start])
    return f"{label.group(1)}={box.content}" if label else box.content


def _marker_clause(segment: str) -> tuple[str, bool] | None:
    """The clause after the last answer marker, and whether the marker's language writes decimal commas."""
    last = _last_match(_PHRASE_RE, segment)
    if last is None:
        return None
    clause = _marker_rest(segment, last)
    return (clause, _COMMA_MARKER.search(last.group(0)) is not None) if clause else None


def _marker_rest(segment: str, last: re.Match[str]) -> str | None:
    rest = segment[last.end() :].lstrip(" \t*:：")
    if rest.startswith("\n"):
        rest = rest.lstrip()  # "**Final Answer**\n\n42"
    line = rest.split("\n", 1)[0]
    if line.lstrip().startswith(("$$", "\\[")) and not math_segments(line):
        line = " ".join(rest.split("\n", 4)[:4])  # a display block over several lines
    end = _sentence_end(line)
    clause = _clean(line[:end])
    return clause or None


def _sentence_end(text: str) -> int:
    """Where the first sentence of ``text`` ends (math is never split)."""
    masked = mask_math(text)
    match = _SENTENCE_END.search(masked)
    return match.start() if match else len(text)


def _sentences(text: str) -> list[str]:
    masked = mask_math(text)
    out, start = [], 0
    for match in _SENTENCE_END.finditer(masked):
        out.append(text[start : match.start()])
        start = match.end()
    out.append(text[start:])
    return [_clean(s) for s in out if _clean(s)]


def _bold_clause(segment: str) -> str | None:
    """The last bold statement of the final lines that holds a value: "**Sofia made a profit of $80,000.**"."""
    tail = segment[-800:]
    last = None
    for match in _BOLD.finditer(tail):
        content = match.group(1).strip()
        if _HAS_VALUE.search(content) and not _HEADING.match(content):
            last = content
    return _clean(last) if last else None


def _concluding_sentence(segment: str) -> str | None:
    short = _clean(segment.strip())
    if short and len(short) <= _SHORT_REPLY_CHARS and "\n" not in short:
        return short  # a short reply: the whole line is the clause
    if _COMPLETE.search(segment.rstrip()[-1:] or " ") is None:
        return None  # cut off mid-sentence (a truncated completion): no sentence states its result
    sentences = [s for s in _sentences(segment[-2000:]) if not _FLUFF.search(s)]
    for index, sentence in enumerate(reversed(sentences[-_LOOKBACK_SENTENCES:])):
        if is_negated(sentence):
            continue
        if _CONCLUSION.match(sentence) or (index == 0 and _HAS_VALUE.search(sentence)):
            return sentence
    return None


def _final_line(segment: str) -> str | None:
    lines = [line for line in segment.strip().splitlines() if line.strip()]
    if not lines:
        return None
    line = _clean(lines[-1])
    if line.startswith(("$$", "\\[")) or line.endswith(("$$", "\\]")):
        line = _clean(" ".join(lines[-3:]))  # a display block split over lines
    segments = math_segments(line)
    if len(segments) == 1 and mask_math(line).strip(" .。#$\\()[]") == "":
        return segments[0]  # the whole line is one math block
    span = line.rstrip(".。")
    return span if not segments and looks_like_math(span) else None


def extract_answers(completion: str, mode: Literal["strict", "lenient"] = "lenient") -> Extraction:
    """The final answer(s) of ``completion``; see the module docstring for the rules."""
    segment = final_segment(completion)
    if segment is None:
        return Extraction((), "none", "reasoning opened with <think> was never closed")
    boxes = [b for b in find_boxed(segment) if b.content]
    if len(boxes) > MAX_BOXES:
        return Extraction((), "boxed", "too many boxed answers", box_count=len(boxes))
    if boxes:
        return _boxed(segment, boxes)
    if "boxed" in segment and _BOX_OPEN.search(segment):
        return Extraction((), "none", "the boxed answer is never closed (a truncated completion)")
    if mode == "strict":
        return Extraction((), "none", "no \\boxed{} answer after the reasoning")
    tagged = _answer_tag(segment)
    if tagged:
        return Extraction((tagged,), "phrase")
    found = _stated(segment)
    if found is not None:
        return found
    return Extraction((), "none", "no boxed answer, no 'the answer is', and no sentence that states a result")


def _stated(segment: str, depth: int = 0) -> Extraction | None:
    """An answer stated without a box; after a correction ("Wait, let me redo it") only what follows counts."""
    correction = _last_match(_CORRECTION_CUE, segment)
    if correction is not None and depth < 3:
        later = _stated(segment[correction.end() :], depth + 1)
        if later is not None:
            return later
    marked = _marker_clause(segment)
    bold = None if marked else _bold_clause(segment)
    if bold is not None:
        marked = (bold, False)
    if marked is not None:
        clause, comma = marked
        alternative = _ALTERNATIVE.search(segment, max(0, segment.rfind(clause)))
        if alternative is not None:
            return Extraction((clause,), "phrase", "an alternative answer follows: " + alternative.group(0)[:80], hedged=True)
        return Extraction((clause,), "phrase", decimal_comma=comma)
    sentence = _concluding_sentence(segment)
    if sentence:
        return Extraction((sentence,), "sentence")
    line = _final_line(segment)
    return Extraction((line,), "final_line") if line else None
