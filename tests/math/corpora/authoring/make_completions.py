"""Write ../completions.jsonl: long completions to GSM8K, MATH and olympiad problems.

Run from anywhere: ``python tests/math/corpora/authoring/make_completions.py``. Deterministic
(fixed seed). GSM8K completions come from gsm8k_templates.py (numbers drawn per instance, an
arithmetic slip at one step for the wrong ones), multilingual ones from multilingual.py, and
MATH/olympiad ones from the worked problems in math_problems_a.py and math_problems_b.py,
and long exploratory ones from long_form.py.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gsm8k_render  # noqa: E402
import math_problems_a  # noqa: E402
import math_problems_b  # noqa: E402
import math_render  # noqa: E402
from gsm8k_templates_more import TEMPLATES  # noqa: E402
from long_form import long_rows  # noqa: E402
from multilingual import lingual_rows  # noqa: E402

OUT = HERE.parent / "completions.jsonl"


def style_stream(styles: tuple[str, ...], rng: random.Random, n: int) -> list[str]:
    """``n`` styles, each style about equally often, in shuffled order."""
    out: list[str] = []
    while len(out) < n:
        block = list(styles)
        rng.shuffle(block)
        out.extend(block)
    return out


def gsm8k_rows(rng: random.Random) -> list[dict]:
    rows: list[dict] = []
    styles = style_stream(gsm8k_render.STYLES, rng, 2000)
    for t in TEMPLATES:
        rows += [dict(r, source="gsm8k") for r in gsm8k_render.variants(t, rng.randrange(10**9), rng, styles)]
    return rows


def math_rows(rng: random.Random) -> list[dict]:
    rows: list[dict] = []
    styles = style_stream(math_render.STYLES, rng, 2000)
    for i, p in enumerate(math_problems_a.PROBLEMS + math_problems_b.PROBLEMS):
        source = "olympiad" if p.kind == "olympiad" else "math"
        rows += [dict(r, source=source) for r in math_render.rows_for(p, rng, styles, i)]
    return rows


def build() -> list[dict]:
    rng = random.Random(31337)
    rows = gsm8k_rows(rng) + math_rows(rng) + [dict(r, source="gsm8k") for r in lingual_rows(rng)]
    rows += [dict(r, source="long") for r in long_rows()]
    counters: dict[str, int] = {}
    out = []
    seen: set[tuple[str, str]] = set()
    for r in rows:
        if (r["gold"], r["completion"]) in seen:  # two instances drew the same numbers
            continue
        seen.add((r["gold"], r["completion"]))
        counters[r["source"]] = counters.get(r["source"], 0) + 1
        rid = f"c-{r['source']}-{counters[r['source']]:04d}"
        out.append({"id": rid, **{k: r[k] for k in ("style", "category", "problem", "gold", "completion", "label")}})
    return out


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
