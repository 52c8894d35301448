"""Reading an answer stated in prose: the value a sentence asserts, never a variable, a label or a unit.

A *clause* is the text that states the result: what follows "the answer is",
``Answer:``, ``####``, ``答案：`` ..., or a concluding sentence ("Thus the smallest
$k$ is 12."). :func:`clause_value` returns the answer span of a clause,
:func:`asserted_choice` the choice letter it asserts.

* The value is read after the clause's last copula ("is", "=", "是", "est", ...):
  "the smallest $k$ is 12" reads 12, not ``k``; a clause with no copula must hold
  exactly one value ("In total, Janet has 36 eggs left" reads 36).
* A unit or a word after the value is not part of it ("180 miles in total").
* Negated text is never read: "the answer is 5, not 6" reads 5; "a = 6 and b = 9
  does not work" reads nothing.
* Values joined by "or" are a hedge and read as such (the comparison then fails),
  unless they are one number spelt twice ("$\\frac14$, or 25%": the exact one is read) or,
  for a gold that lists that many values, its list ("$x = 3$ or $x = -2$");
  values joined by "and" or commas read as a list.

Everything here is a regular expression over one clause (a few hundred characters
at most) or a linear scan, and imports nothing heavy.
"""

from __future__ import annotations

import re

from .latex import mask_math, math_spans, normalize
from .numbers import Num, parse_number
from .units import strip_text_units

__all__ = ["asserted_choice", "clause_value", "is_negated", "looks_like_code", "looks_like_math", "question_numbers"]

MAX_CLAUSE_CHARS = 600

_NEGATION = re.compile(
    r"\b(?:not|no\s+longer|never|cannot|isn't|aren't|wasn't|doesn't|don't|didn't|won't|can't|fails?|impossible|"
    r"nicht|kein|pas|n'est|no\s+es|não|non\s+è|не)\b|不是|不对|不行|并非|而非|不成立|でない|ではない|아니",
    re.IGNORECASE,
)
_DENIED_PREDICATE = re.compile(
    r"\b(?:do|does|did|is|are|was|were|can|could|will|would|should|may|might)\s+not$|"
    r"\b(?:isn't|aren't|wasn't|weren't|doesn't|don't|didn't|won't|can't|cannot|couldn't|fails?)$|(?:不是|不对|不行|不成立)$",
    re.IGNORECASE,
)
# "B, not A or D", "5 rather than 6", "D。不是 C": a contrast after the asserted value, which stands.
_CONTRAST = re.compile(
    r"[,;，。、]\s*(?:and\s+|but\s+)?(?:not|rather\s+than|instead\s+of|nicht|pas|no|не)\b|[,;，。、]?\s*(?:而不是|不是|而非)",
    re.IGNORECASE,
)
_COPULA = re.compile(
    r"(?<![<>!=\\])=(?![=>])|(?<!\d):(?!\d)|\b(?:is|are|was|were|equals?|be|becomes?|gives|yields|comes\s+to|totals?|"
    r"has|have|had|makes?|made|takes?|took|costs?|gets?|got|needs?|earns?|pays?|paid|leaves|remains?|gave|measures?|"
    r"(?:simplifies|reduces|sums?|amounts?|works\s+out|evaluates)\s+to|is\s+equal\s+to|"
    r"est|sont|vaut|ist|sind|beträgt|es|son|é|são|è|sono|равн[аоы]?|будет|это|là|adalah)\b|是|为|為|等于|等於|は|です|이다|은|는",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:or|either|maybe|perhaps|possibly|could|might|unless|otherwise|else|oder|ou|o|или)\b|或者?|还是|または|또는",
    re.IGNORECASE,
)
_DISJUNCTIONS = frozenset(("or", "oder", "ou", "o", "или", "或", "或者", "または", "또는"))
_OPEN_RANGE = re.compile(
    r"\b(?:give\s+or\s+take|or\s+so|or\s+any(?:thing)?|or\s+whatever|or\s+something|more\s+or\s+less|roughly|or\s+thereabouts)\b",
    re.IGNORECASE,
)
# "not 8 but 18", "nicht 8, sondern 18", "pas 53 mais 35", "不是 10，而是 12": the value after the correction stands.
_CORRECTIVE = re.compile(
    r"\b(?:but|sondern|mais|sino|ma|но)\b|而是|却是|[;；]\s*(?=(?:it\s+is|it's|es|ist|est|è|é|是|это)\b)", re.IGNORECASE
)
# "..., so b = 3": a conclusion inside the clause.
_CONNECTIVE = re.compile(r"[,;]\s*(?:so|hence|therefore|thus|which\s+means|giving|i\.e\.)\s+|所以|因此|于是", re.IGNORECASE)
_LIST_JOIN = re.compile(
    r"^\s*(?:,|;|and|und|et|y|e|и|&|\\text\{\s*and\s*\}|和|与|及|、|，|\\quad|\\qquad)?\s*(?:and\s+)?$", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(
    r",\s*(?=(?:since|because|as|which|where|when|so|but|then|hence|thus|giving|so\s+that|i\.e\.|that\s+is)\b)|"
    r"\s(?:since|because|which\s+(?:is|means|gives)|where|for\s+(?:all|every|each)|when|if)\s|[;(（]|\.\s",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.^{/])[-−]?(?:[$€£¥₹]\s?)?(?:\d{1,3}(?:(?:,|\\,|\{,\}| )\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s*/\s*\d+(?:\.\d+)?)?(?:\s*(?:%|\\%|percent))?(?![A-Za-z0-9_]|\.\d)"
)
_LABEL = re.compile(  # a variable, a point's or a figure's name: never the answer a sentence states
    r"^(?:[A-Za-z](?:_\{?\w{1,3}\}?|'{1,2})?|[A-Z]{2,4}|\\(?:angle|triangle|overline\{)\s*[A-Z]{1,4}\}?|[a-zA-Z]\([a-z]\))$"
)
_CODE = re.compile(
    r"[`\"]|;\s*(?:[a-z_]+\.|import\b|print\b|return\b)|==|\bimport\b|\bdef\b|\blambda\b|\bprint\s*\(|\bos\.|__|\breturn\b|\bexec\b|\beval\b"
)
_CHOICE_TOKEN = re.compile(r"(?<![A-Za-z\\])(?:\(([A-Ja-j])\)|\[([A-J])\]|([A-J]))(?![A-Za-z'’-])")
_LEADING_CHOICE = re.compile(r"^(?:\\text\{|\\textbf\{)?\(?([A-J])\)?\}?\s*(?:[.):。，,]|$)")
_CHOICE_LIST = re.compile(r"^\s*(?:,|/|or|and|&|或|和)?\s*(?:or\s+)?$", re.IGNORECASE)
_CHOICE_WORD = re.compile(r"\b(?i:option|choice|answer|letter)\s*:?\s*(?:\(([A-Ja-j])\)|([A-J]))(?![A-Za-z])")
_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+")
_TEXT_BLOCK = re.compile(r"\\text\{[^{}]*\}|\\(?:begin|end)\{[^{}]*\}(?:\{[^{}]*\})?")
_CJK = "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
_WORD = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]{{2,}}")  # each CJK character is a word
_MATH_WORDS = frozenset(
    "sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln exp sqrt lim max min det mod gcd lcm "
    "pi inf infty infinity and or no none undefined dne".split()
)
_LEADING_FILLER = re.compile(
    r"^\s*(?:(?:that|about|approximately|roughly|exactly|around|only|just|simply|then|now|therefore|thus|so|hence|"
    r"a\s+total\s+of|in\s+total|equal\s+to|given\s+by|the\s+value|at|of)\b[\s,]*)+",
    re.IGNORECASE,
)


def is_negated(text: str) -> bool:
    """Whether ``text`` denies something ("x = 6 does not work") once a trailing contrast ("B, not A") is cut."""
    return _NEGATION.search(_before_contrast(text)) is not None


def _before_contrast(text: str) -> str:
    match = _CONTRAST.search(text)
    return text if match is None else text[: match.start()]


def looks_like_code(text: str) -> bool:
    """Code punctuation or keywords: an answer built from them is never read as math."""
    return _CODE.search(text) is not None


def _before_negation(clause: str) -> str:
    """The asserted part of a clause: after a correction ("not 8 but 18"), before a contrast or a denial."""
    negation = _NEGATION.search(clause)
    if negation is not None:
        corrective = _CORRECTIVE.search(clause, negation.end())
        if (
            corrective is not None
            and corrective.start() - negation.end() <= 24
            and _values(clause[negation.end() : corrective.start()])
        ):
            return clause[corrective.end() :]
    clause = _before_contrast(clause)
    match = _NEGATION.search(clause)
    if match is None:
        return clause
    if _DENIED_PREDICATE.search(clause[: match.end()]):
        return ""  # "a = 6 and b = 9 does not work": the clause denies, it states nothing
    return clause[: match.start()]


def _conclusion(clause: str) -> str:
    """The part after the last "..., so" that states something ("a = 6 does not work, so b = 3" -> "b = 3")."""
    parts = _CONNECTIVE.split(clause)
    for part in reversed(parts):
        if _values(part):
            return part
    return clause


def _hedged(clause: str) -> bool:
    """Several different values offered with "maybe", "or", "could", "if ... else", or an open range: no single answer."""
    if _OPEN_RANGE.search(clause):
        return True  # "roughly 20, give or take a few", "9 (or any other value)"
    if not _HEDGE.search(mask_math(clause)):
        return False
    return len({value for _, value in _values(clause)}) > 1


def _after_last_copula(clause: str) -> tuple[str, bool]:
    """The text after the last copula outside math that is followed by a value, and whether there was a copula."""
    masked = mask_math(clause)
    matches = list(_COPULA.finditer(masked))
    if not matches:
        return clause, False
    for match in reversed(matches):
        rest = clause[match.end() :]
        if _values(_cut(rest)) or _pure_math(_stop(_cut(rest))):
            return rest, True
    return clause[matches[-1].end() :], True


def _candidates(text: str) -> list[tuple[int, str]]:
    """Values in ``text`` with their positions: math segments, then bare numbers outside them."""
    spans = math_spans(text)
    found = [(start, text[start:end].strip()) for start, end in spans]
    masked = mask_math(text)
    for match in _NUMBER.finditer(masked):
        if "#" not in match.group(0):
            found.append((match.start(), match.group(0).strip()))
    return sorted(found)


def _values(text: str) -> list[tuple[int, str]]:
    return [(at, value) for at, value in _candidates(text) if not _LABEL.match(value.strip())]


def _only_or(clause: str) -> bool:
    """The clause offers alternatives with a plain "or" and nothing else ("maybe 3 or -2", "3 or so" are real hedges)."""
    words = [word.lower() for word in _HEDGE.findall(mask_math(clause))]
    return bool(words) and all(word in _DISJUNCTIONS for word in words) and not _OPEN_RANGE.search(clause)


def _restated(clause: str) -> str | None:
    """The exact value of a clause that gives one number in two or three spellings joined by "or"
    ("$\\frac{1}{4}$, or 25%", "1/2, or equivalently 0.5", "$\\frac13$ (or about 0.333)"); None otherwise."""
    if not _only_or(clause):
        return None
    read = [(value, parse_number(normalize(value))) for _, value in _values(_after_last_copula(clause)[0])]
    numbers = [(value, number) for value, number in read if number is not None]
    if not 2 <= len(read) <= 3 or len(numbers) < len(read):
        return None
    anchor = next(((v, n) for v, n in numbers if n.exact), numbers[0])  # the exact spelling is the answer
    return anchor[0] if all(_same_number(anchor[1], n) for _, n in numbers) else None


def _same_number(a: Num, b: Num) -> bool:
    """The same value (a percent read either way), or ``b`` a decimal of 2+ places that rounds the exact ``a`` (0.333 for 1/3)."""
    mine = {a.value, a.value / 100} if a.percent else {a.value}
    theirs = {b.value, b.value / 100} if b.percent else {b.value}
    if mine & theirs:
        return True
    if not a.exact or b.exact or b.places is None or b.places < 2:
        return False  # "0.3 or 1/3" is two answers: a one-place rounding is too coarse to restate a value
    places = b.places
    return any(abs(x - y) * 2 * 10**places <= 1 for x in mine for y in theirs)


def _disjunction_list(clause: str, solutions: int) -> str | None:
    """The values of "x = 3 or x = -2" as a list: exactly the ``solutions`` a gold lists, and no hedge but "or"."""
    if not _only_or(clause):
        return None
    rest = _cut(_after_last_copula(clause)[0])
    values = _values(rest)
    if not values:
        return None
    answer, used = _joined(rest, values)
    return answer.replace(" or ", ", ") if used == len(values) == solutions else None


def _joined(text: str, values: list[tuple[int, str]]) -> tuple[str, int]:
    """The leading values of a clause that form one answer, and how many there are.

    Values joined by "and"/commas form a list (", "); joined by "or", a hedge (" or ").
    """
    spans = [values[0][1]]
    hedge = False
    for (at, value), (next_at, next_value) in zip(values, values[1:], strict=False):
        between = text[at + len(value) : next_at].replace("$", " ")
        if _HEDGE.search(between) and len(between) < 30:
            hedge = True
        elif not _LIST_JOIN.match(between):
            break
        spans.append(next_value)
    return (" or " if hedge else ", ").join(spans), len(spans)


_TRAILING_STOP = re.compile(r"[\s.。!！?？,，;；:：]+$")


def looks_like_math(span: str, max_words: int = 1) -> bool:
    """True when ``span`` reads as one math answer rather than prose or code.

    Allows LaTeX commands, ``\\text{...}``, function names and at most
    ``max_words`` plain words (a unit such as ``cm``), and no code punctuation.
    """
    if not span.strip() or looks_like_code(span):
        return False
    bare = _LATEX_COMMAND.sub(" ", _TEXT_BLOCK.sub(" ", span))
    words = [w for w in _WORD.findall(bare) if w.lower() not in _MATH_WORDS]
    return len(words) <= max_words


_NAMED_VALUES = frozenset(("\\emptyset", "\\mathbb{R}", "\\infty", "-\\infty"))


def _pure_math(span: str) -> bool:
    """One math answer and nothing else: no words left once a known unit is dropped (``56 slices`` is not)."""
    if not span or _LABEL.match(span):
        return False
    bare = strip_text_units(span)
    if looks_like_math(bare, max_words=0) or parse_number(bare) is not None:
        return True
    return normalize(span) in _NAMED_VALUES


def _cut(text: str) -> str:
    """``text`` up to its first clause break ("since", "because", "; ", "(" outside math)."""
    match = _CLAUSE_BREAK.search(mask_math(text))
    return text if match is None else text[: match.start()]


def _stop(text: str) -> str:
    return _TRAILING_STOP.sub("", _LEADING_FILLER.sub("", text)).strip()


def clause_value(
    clause: str,
    *,
    after_marker: bool = False,
    known: frozenset[str] = frozenset(),
    decimal_comma: bool = False,
    solutions: int = 1,
) -> str | None:
    """The answer span a clause states, or ``None`` when it states none.

    See the module docstring for the rules; a clause that is itself one math
    expression is returned whole. ``after_marker``: the clause follows "the answer
    is" (its copula), so its value comes first. ``known``: numbers the question
    itself gives; when a clause holds several values, one the question did not give is the answer
    ("Jamal will be 42 years old in 6 years"). ``decimal_comma``: the answer marker was in a language
    that writes ``3,5`` for 3.5. ``solutions``: how many values the gold lists; exactly that many
    values joined by a plain "or" are its list, not a hedge ("The solutions are $x = 3$ or $x = -2$."
    for gold ``-2, 3``), as boxes joined by "or" are.
    """
    clause = clause.strip()[:MAX_CLAUSE_CHARS]
    if not clause or looks_like_code(clause):
        return None
    clause = _before_negation(_conclusion(_locale_decimals(clause, decimal_comma)))
    restated = _restated(clause)
    if restated is not None:
        return restated  # "$\\frac14$, or 25%": one value in two spellings
    if _pure_math(_stop(clause)):
        return _stop(clause)  # "x = 3 \\text{ or } x = -2" is one math answer; the comparison decides
    if _hedged(clause):
        return _disjunction_list(clause, solutions) if solutions > 1 else None
    if after_marker and _pure_math(_stop(_cut(clause))):
        return _stop(_cut(clause))
    rest, had_copula = _after_last_copula(clause)
    if had_copula:
        rest = _cut(rest)
        if _pure_math(_stop(rest)):
            return _stop(rest)
    values = _values(rest)
    if not values and had_copula:
        rest = _cut(clause)
        values = _values(rest)[-1:]  # "Therefore $x=5$ is the only solution."
    if not values:
        return None
    answer, used = _joined(rest, values)
    if not had_copula and used < len({value for _, value in values}):
        fresh = {value for _, value in values if _digits(value) not in known}
        return fresh.pop() if len(fresh) == 1 else None  # several values: only one the question did not give
    return answer


_COMMA_DECIMAL_LANGUAGE = re.compile(
    r"\b(?:die|der|das|ist|sind|und|la|le|les|il|elle|est|reste|respuesta|es|una|un|el|resposta|é|risposta|è|och|är|het|is\s+gelijk)\b|"
    r"[\u0400-\u04ff]|€",
    re.IGNORECASE,
)
_COMMA_DECIMAL = re.compile(r"(?<![\d,])(\d+),(\d{1,2})(?![\d,])")


def _locale_decimals(clause: str, decimal_comma: bool = False) -> str:
    """``3,5`` is 3.5 in a sentence written in a language that uses decimal commas ("Die Antwort ist 3,5.")."""
    if "," not in clause or not (decimal_comma or _COMMA_DECIMAL_LANGUAGE.search(clause)):
        return clause
    return _COMMA_DECIMAL.sub(r"\1.\2", clause)


def _digits(value: str) -> str:
    return re.sub(r"[^\d.]", "", value)


def question_numbers(prompt: str) -> frozenset[str]:
    """The numbers a question states (``known`` for :func:`clause_value`)."""
    return frozenset(_digits(m.group(0)) for m in _NUMBER.finditer(prompt[-4000:]))


def asserted_choice(clause: str) -> str | None:
    """The choice letter a clause asserts ("C. Since A fails" -> C; "B, not A or D" -> B; "D。不是 C" -> D)."""
    leading = _LEADING_CHOICE.match(clause.strip())
    if leading:
        return leading.group(1).upper()
    clause = _before_negation(clause.strip()[:MAX_CLAUSE_CHARS])
    word = _CHOICE_WORD.search(clause)
    if word:
        return (word.group(1) or word.group(2)).upper()
    rest, _ = _after_last_copula(clause)
    for text in (rest, clause):
        text = text.replace("\\text{", " ").replace("\\textbf{", " ")
        letters = [
            (match, next(g for g in match.groups() if g).upper())
            for match in _CHOICE_TOKEN.finditer(text)
            if not (match.group(0) in ("A", "I") and _is_pronoun(text, match.start()))  # "A fails", "I think"
        ]
        if letters:
            first, letter = letters[0]
            if len(letters) > 1 and _CHOICE_LIST.match(text[first.end() : letters[1][0].start()]) and letters[1][1] != letter:
                return None  # "B or C", "A, B or D": a hedge
            return letter
    return None


def _is_pronoun(text: str, at: int) -> bool:
    after = text[at + 1 : at + 3]
    return after[:1] == " " and after[1:2].isalpha() and after[1:2].islower()
