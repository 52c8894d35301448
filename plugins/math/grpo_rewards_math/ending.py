"""Where a completion's own answer ends, before the answer is read.

A model does not always stop when it has answered. These are not part of its answer and
are cut off first:

1. **After an end-of-turn token** the decoder kept (``<|im_end|>``, ``</s>``, ``<|eot_id|>``,
   ``<|endoftext|>``, ``<|end_of_text|>``, ``<｜end▁of▁sentence｜>``, ``<end_of_turn>``,
   ``<|return|>``, ...), or a user's turn starting (``[INST]``, ``<|im_start|>user``): what
   follows is a turn the model invented ("user: are you sure?").
   Not when the next turn is the assistant's own or a tool's result: a tool call answered by
   ``<tool_response>``, or a harmony ``analysis`` message followed by its ``final`` one,
   continue the same answer. ``</s>`` closing an HTML ``<s>`` on its line is a strikethrough.
2. **After a stated answer, a new few-shot block.** A base model prompted with
   "Question:/Answer:" (lm-eval GSM8K) or "Problem:/Solution:" (Minerva) answers, then writes
   the next "Question:" with its own solution and answer; harnesses cut it at that stop
   sequence. A header at the start of a line (``Problem:``, ``Question:``, ``Q:``,
   ``Problem 2:``, ``## Problem``, ``**Question:**``, ``Human:``, ``User:``, the same words in
   the languages :mod:`.extract` reads, and the label the prompt itself repeats for its
   examples) ends the completion once an answer has been stated before it: a box, an
   ``<answer>`` tag, or an answer marker followed by a value ("The answer is 18", ``#### 18``,
   "Final Answer: The final answer is $5$"). A header before any stated answer is part of the
   reasoning ("Question: how many eggs are left?") and the completion is read whole; a
   header inside ``<think>`` (or another reasoning block) never cuts.

3. **A cut-off copy of a repeated answer line.** A completion stopped by the token limit while
   looping on its answer ("The answer is 18.\nThe answer is 18.\nThe answer is 1", ``#### 18``
   twice then ``####``) ends before the copy the limit cut off: the answer it kept repeating
   counts, not a prefix of it.

So for a few-shot continuation only the first problem's answer is read, and a
self-correction written before the next header still corrects it. A policy that writes
several "problems" to hedge gains nothing: their answers are never read.

Everything here is a linear scan. A completion with no end token, no header and no repeated
last line is returned unchanged after a few regex searches (its last 800 characters for the
repetition).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .extract import ANSWER_MARKER_RE, CORRECTION_CUE_RE
from .latex import find_boxed

__all__ = ["answer_text", "prompt_header"]

_END_TOKEN = re.compile(
    r"<\|(?:im_end|endoftext|end_of_text|eot_id|eom_id|end|return|EOT)\|>|</s>|<end_of_turn>|<eos>"
    r"|<[|｜]end[▁_ ]of[▁_ ]sentence[|｜]>"
    # a user's turn starting without the end token before it (the decoder dropped it, or ``[INST]`` is plain text)
    r"|\[INST\]|<\|user\|>|<\|im_start\|>\s*(?:user|system)\b|<\|start_header_id\|>\s*(?:user|system)\b|<start_of_turn>\s*user\b"
)
# After an end token: the assistant's own next message, or a tool's result, continues the answer.
_OWN_TURN = re.compile(
    r"\s*(?:(?:<\|im_start\|>|<\|start_header_id\|>|<\|start\|>|<start_of_turn>|<\|)\s*)?"
    r"(?:assistant|model|tool|ipython|function)\b|\s*(?:<\|im_start\|>\s*user\s*)?<tool_response>",
    re.IGNORECASE,
)
# Every token but [INST] starts with one of these: a pattern with a literal first character is searched fast.
_END_HINT = re.compile(r"<(?:\||/s>|end_of_turn>|eos>|｜|start_of_turn>)")
_END_SCAN = re.compile(_END_TOKEN.pattern + r"|<s>|\n")  # a strikethrough <s>...</s> lives on one line

_LABEL_WORDS = (
    "problem", "question", "q", "human", "user",
    "problème", "exercice", "aufgabe", "frage", "problema", "pregunta", "ejercicio", "pergunta", "questão", "domanda",
    "esercizio", "задача", "вопрос", "bài toán", "câu hỏi", "soal", "pertanyaan",
    "问题", "題目", "题目", "问", "問題", "問", "質問", "문제", "질문",
)  # fmt: skip
_LABELS = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_LABEL_WORDS, key=len, reverse=True))
_LABEL_START = "".join(sorted({w[0] for w in _LABEL_WORDS}))
# Whitespace runs are never matched by two adjacent quantifiers, so a hostile line costs linear time.
_HEADER_BODY = (
    r"[ \t]*(?P<hash>\#{1,6}[ \t]*)?(?P<bold>(?:\*\*|__)[ \t]*)?(?P<label>" + _LABELS + r")"
    r"(?P<num>[ \t]*(?:\d{1,3}|\#\d{1,3}|\(\d{1,3}\)))?[ \t]*(?:(?:\*\*|__)[ \t]*)?(?P<end>[:：]|\.(?!\d)|$)"
)
_HEADER_LINE = re.compile(_HEADER_BODY, re.IGNORECASE | re.MULTILINE)  # a header at a given position
# Scanned on its newline, with a look at the label's first letter: three times as fast as ``^`` and the alternation.
_HEADER = re.compile(r"\n(?=[ \t#*_]*[" + _LABEL_START + "])" + _HEADER_BODY, re.IGNORECASE | re.MULTILINE)
_REASONING_OPEN = re.compile(r"<think(?:ing)?>|<\|begin_of_thought\|>|<\|channel\|>\s*analysis", re.IGNORECASE)
_REASONING_CLOSE = re.compile(r"</think(?:ing)?>|<\|end_of_thought\|>|<\|channel\|>\s*final\s*<\|message\|>", re.IGNORECASE)
_VALUE = re.compile(r"\d|\$|\\\(|\\\[|\\boxed|\\frac")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?。！？])[ \t]+")
_REPEAT_CHARS = 800  # an answer line is far shorter; a unit the window cuts never equals the next one
_SPACES = re.compile(r"[ \t*]*")
_BLANK = re.compile(r"\s*")
_MARKER_GAP = re.compile(r"[ \t*:：]*")
_MAX_WORDS = 3  # "The answer is B.", "The answer is yes."
_MAX_MARKERS = 32

_PROMPT_LABEL = re.compile(
    r"^[ \t]*(?:\#{1,6}[ \t]*)?(?:(?:\*\*|__)[ \t]*)?([^\W\d_][\w'-]*(?:[ \t][^\W\d_][\w'-]*){0,2})"
    r"(?:[ \t]+\d{1,3})?[ \t]*(?:(?:\*\*|__)[ \t]*)?[:：]",
    re.MULTILINE,
)
# A label with one of these words is the answer's side of an example, not a block header.
_ANSWER_SIDE = re.compile(
    r"(?:^|\s)(?:answers?|solutions?|explanation|reasoning|rationale|steps?|hint|note|output|response|assistant|model|"
    r"bot|gpt|ai|system|lösung|antwort|solución|respuesta|réponse|resposta|risposta|ответ|решение|答案|解答|解|答|答え)(?:\s|$)",
    re.IGNORECASE,
)
_PROMPT_CHARS = 20_000


def answer_text(completion: str, prompt_pattern: re.Pattern[str] | None = None, *, numbered_parts: bool = False) -> str:
    """``completion`` up to where the model stopped answering (see the module docstring).

    Args:
        completion: the completion's text.
        prompt_pattern: the block header the prompt repeats (from :func:`prompt_header`), if any.
        numbered_parts: the gold has several parts, so ``Problem 2:`` may name a part of the
            answer rather than a new problem; numbered headers then do not cut.
    """
    text = _before_end_token(completion)
    cut = _before_next_block(text, prompt_pattern, numbered_parts)
    if len(cut) < len(text) or len(text) < len(completion):
        return cut  # the model stopped by itself: its last line is no cut-off copy
    return _without_truncated_repeat(text)


def _before_next_block(text: str, prompt_pattern: re.Pattern[str] | None, numbered_parts: bool) -> str:
    """``text`` up to the first block header after its first stated answer."""
    headers = _headers(text, 0, prompt_pattern, numbered_parts)
    start = _answer_region(text) if headers else None  # (no header at all is the common case)
    headers = [h for h in headers if start is not None and h >= start]
    if not headers or start is None:
        return text
    stated = _first_statement(text, start, headers[-1])  # only a statement before some header matters
    later = next((h for h in headers if stated is not None and h >= stated), None)
    return text[:later] if later is not None else text


def _without_truncated_repeat(text: str) -> str:
    """``text`` without a last unit that is a cut-off copy of an answer statement written twice just before it."""
    kept = text.rstrip()
    tail = kept[-_REPEAT_CHARS:]
    piece_at = max(tail.rfind("\n"), tail.rfind(" "))
    if piece_at < 0 or tail.find(tail[piece_at + 1 :], 0, piece_at) < 0:
        return text  # the last word appears nowhere before it: no repetition (the common case, one search)
    units = [u for u in map(str.strip, tail.split("\n")) if u][-3:]  # lines first
    if len(units) < 3 or units[0] != units[1]:
        units = [u for u in _SENTENCE_BREAK.split(units[-1]) if u][-3:] if units else []  # "... 18. The answer is"
    if len(units) < 3:
        return text
    first, second, last = units
    if first != second or last == second or not second.startswith(last) or _first_statement(second, 0, len(second)) is None:
        return text
    return kept[: len(kept) - len(last)].rstrip()


def _before_end_token(text: str) -> str:
    """``text`` up to the first end-of-turn token that is not followed by the assistant's own next turn."""
    if _END_HINT.search(text) is None and "[INST]" not in text:
        return text  # no token at all (the common case): one search for "<" and a substring search
    strike = False
    for match in (_END_SCAN if "<s>" in text else _END_TOKEN).finditer(text):
        token = match.group(0)
        if token in ("\n", "<s>"):
            strike = token == "<s>"
        elif token == "</s>" and strike:
            strike = False  # "<s>5</s> 6": struck-through text, not an end of sequence
        elif not _OWN_TURN.match(text, match.end()) and text[: match.start()].strip():
            return text[: match.start()]  # (a token before any text ends nothing: nothing was said yet)
    return text


def _answer_region(text: str) -> int | None:
    """Where a stated answer may begin: after the first closed reasoning block; ``None`` inside an unclosed one."""
    opened = _REASONING_OPEN.search(text)
    closed = _REASONING_CLOSE.search(text)
    if closed is not None:
        return closed.end()
    return None if opened is not None else 0


def _headers(text: str, start: int, prompt_pattern: re.Pattern[str] | None, numbered_parts: bool) -> list[int]:
    """Where the block headers on the lines after ``start`` begin, in order (a header on the text's first
    line is never after a stated answer)."""
    found = [m.start() + 1 for m in _HEADER.finditer(text, start) if _counts(text, m, numbered_parts)]
    if prompt_pattern is not None:
        found = sorted(found + [m.start() + 1 for m in prompt_pattern.finditer(text, start)])
    return found


def _counts(text: str, match: re.Match[str], numbered_parts: bool) -> bool:
    """Whether a header match starts a new block ("Question: wait, is 16 right?" goes on with the same problem)."""
    if match.group("num") is not None and numbered_parts:
        return False
    return _is_header(match) and not CORRECTION_CUE_RE.match(text, _line_rest(text, match.end()))


def _line_rest(text: str, at: int) -> int:
    """Where the text after a header starts on its line (spaces and ``*`` skipped)."""
    return _skip(_SPACES, text, at)


def _skip(pattern: re.Pattern[str], text: str, at: int) -> int:
    """The end of ``pattern`` (which matches the empty string) matched at ``at``."""
    match = pattern.match(text, at)
    return match.end() if match is not None else at


def _is_header(match: re.Match[str]) -> bool:
    """``Problem:``, ``Problem 2.``, ``## Problem``, ``**Problem 2**``; not ``Problem.`` or a bare ``Question`` line."""
    end, numbered = match.group("end"), match.group("num") is not None
    if end in (":", "："):
        return True
    if end == ".":
        return numbered
    return numbered or bool(match.group("hash") or match.group("bold"))


def _first_statement(text: str, start: int, end: int) -> int | None:
    """Where the first answer stated between ``start`` and ``end`` ends (a box, an ``<answer>`` tag, a marker with a value)."""
    ends = []
    box = next((b for b in find_boxed(text[start:end]) if b.content), None) if "box" in text else None
    if box is not None:
        ends.append(start + box.end)
    opened = text.find("<answer>", start, end)
    closed = text.find("</answer>", opened, end) if opened >= 0 else -1
    if closed >= 0:
        ends.append(closed)
    marker = _first_marker(text, start, end)
    if marker is not None:
        ends.append(marker)
    return min(ends) if ends else None


def _first_marker(text: str, start: int, end: int) -> int | None:
    """The end of the line that states the first marked answer ("The answer is 18.", ``#### 18``)."""
    for count, match in enumerate(ANSWER_MARKER_RE.finditer(text, start, end)):
        if count >= _MAX_MARKERS:
            return None
        rest = _skip(_MARKER_GAP, text, match.end())
        if text.startswith("\n", rest):
            rest = _skip(_BLANK, text, rest)  # "**Final Answer**\n\n42"
        line_end = text.find("\n", rest)
        line_end = len(text) if line_end < 0 else line_end
        clause = text[rest:line_end].strip(" \t*.。")
        if clause and not _HEADER_LINE.match(clause) and (_VALUE.search(clause) or len(clause.split()) <= _MAX_WORDS):
            return line_end
    return None


@lru_cache(maxsize=256)
def prompt_header(prompt: str) -> re.Pattern[str] | None:
    """The label each example of a few-shot prompt starts with ("Exercise:"), as a header pattern.

    That is the first line-start label the prompt repeats; ``None`` when it is one this
    module knows already (``Question:``, ``Problem:``, ``User:``), a label of the answer's side
    ("Answer:", "Solution:", "Assistant:"), a single letter (option lists "A: 5"), or when the
    prompt repeats no label (not a few-shot prompt).
    """
    seen: dict[str, int] = {}
    for match in _PROMPT_LABEL.finditer(prompt[-_PROMPT_CHARS:]):
        label = " ".join(match.group(1).split()).lower()
        seen[label] = seen.get(label, 0) + 1
    first = next((label for label, count in seen.items() if count >= 2), None)  # dicts keep first-seen order
    if first is None or len(first) == 1 or _ANSWER_SIDE.search(first) or _HEADER_LINE.match(first + ":"):
        return None
    body = re.escape(first).replace(r"\ ", r"[ \t]+")
    return re.compile(
        r"\n[ \t]*(?:\#{1,6}[ \t]*)?(?:(?:\*\*|__)[ \t]*)?" + body + r"(?:[ \t]+\d{1,3})?[ \t]*(?:(?:\*\*|__)[ \t]*)?[:：]",
        re.IGNORECASE | re.MULTILINE,
    )
