"""Rebuild ``completions_long.jsonl`` from the hand-written pieces (byte for byte: fixed seed).

Usage (from the repository root)::

    python3 tests/math/corpora/long/authoring/make_long.py

Every problem asks for a fixed set of variants (a right and a wrong solution, then special
endings from its own answer form or from a shared rotation); each variant goes to the frame
(model family) used least so far among those that can write it, so no frame dominates.
Labels come from the variant, which comes from the hand-written content: never from a grader.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import variants  # noqa: E402
from catalog import PROBLEMS  # noqa: E402
from frame_base import Frame, render  # noqa: E402
from frames_en import FRAMES as EN_FRAMES  # noqa: E402
from frames_lang import FRAMES as LANG_FRAMES  # noqa: E402
from model import Problem  # noqa: E402
from variants import GENERIC, Script, v_correct, v_wrong  # noqa: E402
from variants_special import SPECIAL  # noqa: E402

OUT = HERE.parent / "completions_long.jsonl"
SEED = 20240617
MIN_LEN, MAX_LEN = 1500, 8000
FRAMES: list[Frame] = EN_FRAMES + LANG_FRAMES

VARIANTS = {"correct": v_correct, "wrong": v_wrong, **GENERIC, **SPECIAL}
NEEDS = {
    "think_right": {"tags"},
    "think_wrong": {"tags"},
    "cont_right": {"base"},
    "cont_wrong": {"base"},
    "units_right": {"slot"},
    "units_wrong": {"slot"},
    "eq_right": {"slot"},
    "eq_wrong": {"slot"},
    "roots_right": {"box"},
    "roots_wrong": {"box"},
    "multibox_right": {"box"},
    "multibox_wrong": {"box"},
    "mc_letter": {"slot"},
    "mc_letter_value": {"say"},
    "mc_negated": {"say"},
}
ROTATION = [
    "fix",
    "unfix",
    "think_right",
    "truncated",
    "trail_right",
    "cont_right",
    "loop_after",
    "fix",
    "unfix",
    "trail_wrong",
    "cont_wrong",
    "think_wrong",
    "loop_none",
    "truncated",
    "trail_right",
    "loop_after",
]
MC_ROTATION = [
    ("mc_letter", "mc_wrong_letter", "mc_letter_value", "mc_wrong_value"),
    ("mc_letter_value", "mc_wrong_value", "mc_value_only", "mc_wrong_letter"),
    ("mc_negated", "mc_wrong_letter", "mc_letter", "mc_value_only"),
]


def specials_of(p: Problem, flip: int) -> list[str]:
    """The answer-form variants a problem's extras allow (right/wrong alternating between problems)."""
    x, out = p.extras, []
    pairs = (
        ("units", "units_right", "units_wrong"),
        ("eq", "eq_right", "eq_wrong"),
        ("inter", "multibox_right", "multibox_wrong"),
    )
    for key, good, bad in pairs:
        if key in x:
            out.append(good if flip % 2 == 0 else bad)
    if "roots" in x:
        out.append("roots_right")
    if "roots_wrong" in x:
        out.append("roots_wrong")
    if "decimal" in x:
        out.append("decimal_exact")
    if "rounded" in x:
        out.append("decimal_rounded")
    return out


def plan(p: Problem, i: int, rotation: list[str]) -> list[str]:
    if "choices" in p.extras:
        return list(MC_ROTATION[i % len(MC_ROTATION)])
    wanted = 8 if p.lang == "en" else int(p.extras.get("rows", 3))
    names = ["correct", "wrong"] + specials_of(p, i)
    while len(names) < wanted:
        for k, name in enumerate(rotation):
            if fits_any(p, name):
                rotation.append(rotation.pop(k))
                names.append(name)
                break
    return names[: max(wanted, len(names))]


def fits_any(p: Problem, name: str) -> bool:
    if name in ("cont_right", "cont_wrong") and not p.integer_gold:
        return False
    return any(f.accepts(p, frozenset(NEEDS.get(name, ()))) for f in FRAMES)


def pick_frame(p: Problem, name: str, n: int, used: Counter, here: set[str], rng: random.Random):
    """The least-used frame that can write this variant at a length in range, with its text."""
    needs = frozenset(NEEDS.get(name, ()))
    fits = [f for f in FRAMES if f.accepts(p, needs)]
    if not fits:
        raise SystemExit(f"{p.key}: no frame can write variant {name!r} (needs {sorted(needs)})")
    fresh = [f for f in fits if f.name not in here] + [f for f in fits if f.name in here]
    fresh.sort(key=lambda f: (used[f.name] + (3 if f.name in here else 0), rng.random()))
    errors = []
    for frame in fresh:
        try:
            script, text = compose(p, name, frame, f"L-{p.source}-{p.key}-{n:02d}")
        except LengthError as exc:
            errors.append(str(exc))
            continue
        return frame, script, text
    raise SystemExit("no frame writes this row at a length in range:\n  " + "\n  ".join(errors))


def compose(p: Problem, name: str, frame: Frame, rid: str) -> tuple[Script, str]:
    """The shortest padding level (see frame_base.writeup_text) that reaches MIN_LEN."""
    kind = "think" if frame.kind in ("think", "stream") else "chat"
    text, fits = "", []
    for pad in range(6):
        rng = random.Random(f"{SEED}/{rid}/{pad}")
        variants.VERBOSE["on"] = pad >= 2
        script: Script = VARIANTS[name](p, kind, rng)
        script.needs = frozenset(NEEDS.get(name, ())) | script.needs
        try:
            text = render(frame, p, script, rng, pad)
        except ValueError:
            continue
        if MIN_LEN <= len(text) <= MAX_LEN:
            fits.append((script, text))
        if len(text) > MAX_LEN:
            break
    if fits:  # any verbosity that fits: real completions spread over the whole range
        return random.Random(f"{SEED}/{rid}/pick").choice(fits)
    raise LengthError(f"{p.key} / {name} / {frame.name}: {len(text)} characters (want {MIN_LEN}-{MAX_LEN})")


class LengthError(Exception):
    pass


def build_row(p: Problem, name: str, frame: Frame, n: int, script: Script, text: str) -> dict:
    rid = f"L-{p.source}-{p.key}-{n:02d}"
    category = script.category
    if category == "standard":
        category = p.extras.get("category", "multilingual" if p.lang != "en" else "standard")
    elif p.lang != "en":
        category = "multilingual"
    row = {
        "id": rid,
        "model_style": frame.name,
        "category": category,
        "problem": p.text,
        "gold": p.gold,
        "completion": text,
        "label": script.label,
    }
    if script.contested:
        row["contested"] = True
    row["note"] = script.note if p.lang == "en" else f"{p.lang}: {script.note}"
    return row


def substitute(p: Problem, name: str, n: int, used: Counter, here: set[str], rng: random.Random, rotation: list[str]):
    """A shared-rotation variant that cannot be written at length for this problem: try the next ones."""
    for k, other in enumerate(list(rotation)):
        if other == name or not fits_any(p, other):
            continue
        try:
            found = pick_frame(p, other, n, used, here, rng)
        except SystemExit:
            continue
        rotation.append(rotation.pop(k))
        return found
    raise SystemExit(f"{p.key}: no shared variant fits at length")


def build() -> list[dict]:
    rng = random.Random(SEED)
    used: Counter = Counter()
    rotation = list(ROTATION)
    rows = []
    for i, p in enumerate(PROBLEMS):
        here: set[str] = set()
        for n, name in enumerate(plan(p, i, rotation), 1):
            try:
                frame, script, text = pick_frame(p, name, n, used, here, rng)
            except SystemExit:
                if name not in GENERIC:
                    raise
                frame, script, text = substitute(p, name, n, used, here, rng, rotation)
            used[frame.name] += 1
            here.add(frame.name)
            rows.append(build_row(p, name, frame, n, script, text))
    return rows


def main() -> None:
    rows = build()
    ids = Counter(r["id"] for r in rows)
    dup = [k for k, v in ids.items() if v > 1]
    if dup:
        raise SystemExit(f"duplicate ids: {dup[:5]}")
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
