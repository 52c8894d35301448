"""The languages the ``code`` reward scores: one row each.

A row names the sandbox's language (whose row there says how to compile and
run it: ``grpo_rewards_sandbox.languages``), the tags a fenced block may carry
for it (```` ```cpp ````, ```` ```c++ ````), and the test formats it supports.
Only Python runs the assert and HumanEval formats (the trusted harness calls
Python functions); every language runs stdin/stdout tests, compared the same
checker-style way.

Which language a sample is in comes, first found first:

1. the row's language column (option ``language_column``, default
   ``language``), when the row has it: the dataset says;
2. the ``language`` option, unless it is ``auto``;
3. with ``language=auto``, the tag of the fenced block taken (an untagged
   block, or bare code, is Python).

Adding a language: a row here, a row in the sandbox's table, and its
toolchain in the sandbox image's package list.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AUTO", "LANGUAGES", "CodeLanguage", "by_tag", "resolve"]

AUTO = "auto"
STDIO_ONLY = frozenset({"stdio"})


@dataclass(frozen=True)
class CodeLanguage:
    """One language: the sandbox's name for it, its fence tags (lower case), and the test formats it runs."""

    name: str
    aliases: frozenset[str]
    formats: frozenset[str] = STDIO_ONLY

    def runs(self, format: str) -> bool:
        return format in self.formats


LANGUAGES: dict[str, CodeLanguage] = {
    row.name: row
    for row in (
        CodeLanguage(
            "python",
            frozenset({"python", "python3", "py", "py3", "python3.11", "python3.12"}),
            frozenset({"stdio", "asserts", "humaneval"}),
        ),
        CodeLanguage("c", frozenset({"c"})),
        CodeLanguage("cpp", frozenset({"cpp", "c++", "cc", "cxx"})),
        CodeLanguage("java", frozenset({"java"})),
        CodeLanguage("javascript", frozenset({"javascript", "js", "node", "nodejs"})),
        CodeLanguage("go", frozenset({"go", "golang"})),
        CodeLanguage("rust", frozenset({"rust", "rs"})),
    )
}

_TAGS = {alias: row for row in LANGUAGES.values() for alias in row.aliases}


def by_tag(tag: str) -> CodeLanguage | None:
    """The language a fence tag (or a language column's value) names, case-insensitively; None if none."""
    return _TAGS.get(tag.strip().lower())


def resolve(name: str) -> CodeLanguage:
    """The language called ``name`` (a name or any alias); ``ValueError`` listing the languages otherwise."""
    row = by_tag(name)
    if row is None:
        raise ValueError(f"the code reward runs no language {name!r}; it runs {', '.join(LANGUAGES)} (or auto)")
    return row
