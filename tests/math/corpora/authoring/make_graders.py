"""Write ../graders.jsonl from the hand-written cases in this folder.

Run from anywhere: ``python tests/math/corpora/authoring/make_graders.py``. The output is
deterministic (fixed seed), so re-running it reproduces the committed file byte for byte.
Every label comes from the case tables (``right`` / ``wrong`` / ``contested`` lists and
hand-written ``Row``s); this script only spreads each form over a few styles.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cases_latex  # noqa: E402
import cases_numbers  # noqa: E402
import cases_prose  # noqa: E402
import cases_prose2  # noqa: E402
import cases_structures  # noqa: E402
from dsl import Case, Row  # noqa: E402
from styles import STYLES, compatible, render  # noqa: E402

OUT = HERE.parent / "graders.jsonl"


class StylePicker:
    """Round-robin over the styles, skipping those a form cannot be written in."""

    def __init__(self) -> None:
        self._cycle = itertools.cycle(STYLES)

    def pick(self, form: str, count: int) -> list[str]:
        chosen: list[str] = []
        for style in self._cycle:
            if style not in chosen and compatible(style, form):
                chosen.append(style)
            if len(chosen) == count:
                return chosen
        raise AssertionError("unreachable")


def case_rows(case: Case, picker: StylePicker, rng: random.Random, seen: set[tuple[str, str]]) -> Iterator[dict]:
    """Every (style, form) row of one case."""
    forms: list[tuple[str, bool, str, bool, int]] = [(f, True, "", False, case.per_form) for f in case.right]
    for i, w in enumerate(case.wrong):
        form, note = (w, "") if isinstance(w, str) else w
        # Two wrong forms in three get one style fewer, so about 40% of all rows are wrong.
        forms.append((form, False, note, False, max(1, case.per_form - (i % 3 != 0))))
    forms += [(f, label, note, True, 1) for f, label, note in case.contested]
    for form, label, note, contested, count in forms:
        for style in picker.pick(form, count):
            response = render(style, form, rng)
            for _ in range(20):  # a template drawn twice for one pair: draw again
                if (case.gold, response) not in seen:
                    break
                response = render(style, form, rng)
            seen.add((case.gold, response))
            yield {
                "style": style,
                "category": case.category,
                "gold": case.gold,
                "response": response,
                "label": label,
                "note": "; ".join(n for n in (note, case.note) if n),
                **({"contested": True} if contested else {}),
            }


def prose_row(r: Row) -> dict:
    out = {"style": r.style, "category": r.category, "gold": r.gold, "response": r.response, "label": r.label, "note": r.note}
    if r.contested:
        out["contested"] = True
    return out


def build() -> list[dict]:
    rng = random.Random(20240611)
    picker = StylePicker()
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for case in cases_numbers.CASES + cases_latex.CASES + cases_structures.CASES:
        rows.extend(case_rows(case, picker, rng, seen))
    rows.extend(prose_row(r) for r in cases_prose.ROWS + cases_prose2.ROWS)
    counters: dict[str, int] = {}
    for r in rows:
        counters[r["category"]] = counters.get(r["category"], 0) + 1
        r["id"] = f"g-{r['category']}-{counters[r['category']]:03d}"
        if not r["note"]:
            del r["note"]
    keys = ("id", "style", "category", "gold", "response", "label", "contested", "note")
    return [{k: r[k] for k in keys if k in r} for r in rows]


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
