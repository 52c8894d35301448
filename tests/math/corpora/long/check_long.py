"""Validate ``completions_long.jsonl`` and print what it contains.

Usage (from the repository root)::

    .venv/bin/python tests/math/corpora/long/check_long.py                 # schema, ids, lengths, counts
    .venv/bin/python tests/math/corpora/long/check_long.py --baseline      # + gold-wrapped math-verify
    .venv/bin/python tests/math/corpora/long/check_long.py --baseline --disagreements /tmp/dis.jsonl

A plain script, not a pytest test. It checks every row's fields and types, unique ids, the
length range (1,500 to 8,000 characters), the minimum size (400 rows), the share of wrong rows
(30-60%), the share of contested rows (at most 5%) and that no model style holds more than 9%
of the rows, and exits 1 naming the line and field of every problem. ``--baseline`` scores each
row with ``verify(parse('$' + gold + '$'), parse(completion))`` and prints its agreement with the
human labels per category, per source and per model style, false positives (wrong answers it
accepts) and false negatives (right answers it rejects) counted apart.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

PATH = Path(__file__).resolve().parent / "completions_long.jsonl"
REQUIRED = {"id": str, "model_style": str, "category": str, "problem": str, "gold": str, "completion": str, "label": bool}
OPTIONAL = {"contested": bool, "note": str}
MIN_ROWS, MIN_LEN, MAX_LEN = 400, 1500, 8000
WRONG_SHARE = (0.30, 0.60)
CONTESTED_MAX, STYLE_MAX = 0.05, 0.09


def load(path: Path, errors: list[str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: not JSON ({exc.msg}); regenerate with authoring/make_long.py")
            continue
        row["_line"] = n
        rows.append(row)
    return rows


def check_row(row: dict, errors: list[str]) -> None:
    where = f"line {row['_line']} ({row.get('id', '?')})"
    for key, typ in REQUIRED.items():
        if not isinstance(row.get(key), typ):
            errors.append(f"{where}: field {key!r} missing or not {typ.__name__}")
    for key in set(row) - set(REQUIRED) - set(OPTIONAL) - {"_line"}:
        errors.append(f"{where}: unknown field {key!r}")
    for key, typ in OPTIONAL.items():
        if key in row and not isinstance(row[key], typ):
            errors.append(f"{where}: field {key!r} is not {typ.__name__}")
    if row.get("contested") is False:
        errors.append(f"{where}: write 'contested' only when it is true")
    text = row.get("completion", "")
    if isinstance(text, str) and not MIN_LEN <= len(text) <= MAX_LEN:
        errors.append(f"{where}: completion has {len(text)} characters, want {MIN_LEN}-{MAX_LEN}")
    if not str(row.get("id", "")).startswith("L-"):
        errors.append(f"{where}: ids start with 'L-'")


def check_all(rows: list[dict], errors: list[str]) -> None:
    for row in rows:
        check_row(row, errors)
    dup = [k for k, v in Counter(r.get("id") for r in rows).items() if v > 1]
    if dup:
        errors.append(f"duplicate ids: {dup[:10]}")
    if len(rows) < MIN_ROWS:
        errors.append(f"{len(rows)} rows, want at least {MIN_ROWS}")
    if rows:
        wrong = sum(not r.get("label") for r in rows) / len(rows)
        if not WRONG_SHARE[0] <= wrong <= WRONG_SHARE[1]:
            errors.append(f"wrong share {wrong:.1%} outside {WRONG_SHARE}")
        contested = sum(bool(r.get("contested")) for r in rows) / len(rows)
        if contested > CONTESTED_MAX:
            errors.append(f"contested share {contested:.1%} above {CONTESTED_MAX:.0%}")
        style, n = Counter(r.get("model_style") for r in rows).most_common(1)[0]
        if n / len(rows) > STYLE_MAX:
            errors.append(f"model style {style!r} holds {n / len(rows):.1%} of rows, above {STYLE_MAX:.0%}")


def source(row: dict) -> str:
    """``L-math-algebra-key-03`` -> ``math-algebra``; ``L-gsm8k-zh-...`` -> ``gsm8k-zh``."""
    parts = row["id"].split("-")
    if parts[1] in ("math", "gsm8k") and parts[2] in (
        "algebra",
        "counting",
        "geometry",
        "numtheory",
        "precalc",
        "intalg",
        "zh",
        "ja",
        "ru",
        "fr",
        "de",
        "es",
        "pt",
    ):
        return f"{parts[1]}-{parts[2]}"
    return parts[1]


def table(title: str, rows: list[dict], key) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    print(f"\n| {title} | rows | true | false | contested |\n|---|---|---|---|---|")
    for name in sorted(groups):
        g = groups[name]
        t = sum(r["label"] for r in g)
        print(f"| {name} | {len(g)} | {t} | {len(g) - t} | {sum(bool(r.get('contested')) for r in g)} |")


def describe(rows: list[dict]) -> None:
    lengths = sorted(len(r["completion"]) for r in rows)
    q = statistics.quantiles(lengths, n=10)
    true = sum(r["label"] for r in rows)
    print(f"{len(rows)} rows: {true} true, {len(rows) - true} false, {sum(bool(r.get('contested')) for r in rows)} contested")
    print(
        f"length: min {lengths[0]}, p10 {q[0]:.0f}, median {statistics.median(lengths):.0f}, p90 {q[-1]:.0f}, max {lengths[-1]}"
    )
    table("category", rows, lambda r: r["category"])
    table("source", rows, source)
    table("model_style", rows, lambda r: r["model_style"])


def baseline(rows: list[dict], out: Path | None) -> None:
    from math_verify import parse, verify

    results = []
    for r in rows:
        try:
            ok = bool(verify(parse("$" + r["gold"] + "$"), parse(r["completion"])))
        except Exception:  # noqa: BLE001 - the baseline's own failure counts as not accepted
            ok = False
        results.append((r, ok))
    agree = sum(ok == r["label"] for r, ok in results)
    fp = sum(ok and not r["label"] for r, ok in results)
    fn = sum(r["label"] and not ok for r, ok in results)
    n_false = sum(not r["label"] for r in rows)
    n_true = len(rows) - n_false
    print(
        f"\nbaseline (gold-wrapped math-verify): {agree}/{len(rows)} = {agree / len(rows):.1%} agreement; "
        f"FP {fp}/{n_false} = {fp / n_false:.1%}; FN {fn}/{n_true} = {fn / n_true:.1%}"
    )
    for title, key in (("category", lambda r: r["category"]), ("source", source), ("model_style", lambda r: r["model_style"])):
        groups: dict[str, list] = defaultdict(list)
        for r, ok in results:
            groups[key(r)].append((r, ok))
        print(f"\n| {title} | rows | agree | FP | FN |\n|---|---|---|---|---|")
        for name in sorted(groups):
            g = groups[name]
            a = sum(ok == r["label"] for r, ok in g)
            gfp = sum(ok and not r["label"] for r, ok in g)
            gfn = sum(r["label"] and not ok for r, ok in g)
            nf = sum(not r["label"] for r, _ in g)
            print(f"| {name} | {len(g)} | {a / len(g):.1%} | {gfp}/{nf} | {gfn}/{len(g) - nf} |")
    if out is not None:
        with out.open("w", encoding="utf-8") as fh:
            for r, ok in results:
                if ok != r["label"]:
                    row = {k: v for k, v in r.items() if k != "_line"}
                    fh.write(json.dumps({"baseline": ok, **row}, ensure_ascii=False) + "\n")
        print(f"\ndisagreements written to {out}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", action="store_true", help="score every row with gold-wrapped math-verify")
    ap.add_argument("--disagreements", type=Path, help="with --baseline: write the rows it gets wrong here")
    args = ap.parse_args()
    errors: list[str] = []
    rows = load(PATH, errors)
    check_all(rows, errors)
    for e in errors:
        print(f"{PATH.name}: {e}", file=sys.stderr)
    if errors:
        return 1
    describe(rows)
    if args.baseline:
        baseline(rows, args.disagreements)
    return 0


if __name__ == "__main__":
    sys.exit(main())
