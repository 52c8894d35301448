"""Validate the labelled math corpora and print what they contain.

Usage (from the repository root)::

    .venv/bin/python tests/math/corpora/check_corpora.py              # schema, ids, counts
    .venv/bin/python tests/math/corpora/check_corpora.py --baseline   # + math-verify agreement
    .venv/bin/python tests/math/corpora/check_corpora.py --baseline --disagreements out.jsonl

A plain script, not a pytest test: it checks the data files themselves (schema, unique ids,
minimum sizes, label balance) and exits 1 naming the file, line and field of every problem.
``--baseline`` scores every row with ``verify(parse('$' + gold + '$'), parse(response))``, the
gold-wrapped math-verify one-liner, and prints its agreement with the human labels per
category, with false positives (wrong answers it accepts) and false negatives counted apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Spec:
    """What one corpus file must look like."""

    name: str
    text_field: str
    required: tuple[str, ...]
    min_rows: int
    min_styles: int
    id_prefix: str
    optional: tuple[str, ...] = ("contested", "note")


SPECS = (
    Spec("graders.jsonl", "response", ("id", "style", "category", "gold", "response", "label"), 1500, 10, "g-"),
    Spec("completions.jsonl", "completion", ("id", "style", "category", "problem", "gold", "completion", "label"), 500, 8, "c-"),
)

# Wrong answers should be a large minority: enough to measure false positives, not a majority.
WRONG_SHARE = (0.30, 0.60)
CONTESTED_MAX_SHARE = 0.03


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")


def load(path: Path, report: Report) -> list[dict]:
    """Every row of a JSONL file; malformed lines are reported, not fatal."""
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            report.error(f"{path.name}:{lineno}", f"not JSON ({exc.msg}); fix the line or regenerate the file")
            continue
        if not isinstance(value, dict):
            report.error(f"{path.name}:{lineno}", "a row must be a JSON object")
            continue
        value["_line"] = lineno
        rows.append(value)
    return rows


def check_row(spec: Spec, row: dict, report: Report) -> None:
    where = f"{spec.name}:{row['_line']}"
    for key in spec.required:
        if key not in row:
            report.error(where, f"missing field {key!r}")
    extra = set(row) - set(spec.required) - set(spec.optional) - {"_line"}
    if extra:
        report.error(where, f"unknown field(s) {sorted(extra)}; allowed extras are {list(spec.optional)}")
    for key in spec.required:
        if key == "label":
            if not isinstance(row.get(key), bool):
                report.error(where, f"field 'label' must be true or false, got {row.get(key)!r}")
        elif key in row and not isinstance(row[key], str):
            report.error(where, f"field {key!r} must be a string")
        elif key in row and key != spec.text_field and not row[key].strip():
            report.error(where, f"field {key!r} is empty")
    if "contested" in row and row["contested"] is not True:
        report.error(where, "field 'contested' is only written as true; leave it out otherwise")
    if isinstance(row.get("id"), str) and not row["id"].startswith(spec.id_prefix):
        report.error(where, f"id {row['id']!r} must start with {spec.id_prefix!r}")


def check_file(spec: Spec, rows: list[dict], report: Report) -> None:
    for row in rows:
        check_row(spec, row, report)
    ids = Counter(r.get("id") for r in rows)
    for dup, n in ids.items():
        if n > 1:
            report.error(spec.name, f"id {dup!r} is used {n} times")
    if len(rows) < spec.min_rows:
        report.error(spec.name, f"{len(rows)} rows; at least {spec.min_rows} are required")
    styles = {r.get("style") for r in rows}
    if len(styles) < spec.min_styles:
        report.error(spec.name, f"{len(styles)} styles; at least {spec.min_styles} are required")
    labelled = [r for r in rows if isinstance(r.get("label"), bool)]
    if labelled:
        wrong = sum(not r["label"] for r in labelled) / len(labelled)
        if not WRONG_SHARE[0] <= wrong <= WRONG_SHARE[1]:
            report.error(
                spec.name, f"{wrong:.0%} of rows are wrong answers; keep it within {WRONG_SHARE[0]:.0%}-{WRONG_SHARE[1]:.0%}"
            )
        contested = sum(bool(r.get("contested")) for r in labelled) / len(labelled)
        if contested > CONTESTED_MAX_SHARE:
            report.error(spec.name, f"{contested:.1%} of rows are contested; at most {CONTESTED_MAX_SHARE:.0%}")
    dup_pairs = Counter((r.get("gold"), r.get(spec.text_field)) for r in rows)
    for (gold, text), n in dup_pairs.items():
        if n > 1:
            report.error(spec.name, f"the pair gold={gold!r}, {spec.text_field}={str(text)[:60]!r} appears {n} times")


def table(title: str, counts: dict[str, Counter]) -> str:
    """A fixed-width table: one line per key with its true/false/contested counts."""
    lines = [f"{title:<28} {'rows':>5} {'true':>5} {'false':>5} {'contested':>9}"]
    for key in sorted(counts):
        c = counts[key]
        lines.append(f"{key:<28} {c['rows']:>5} {c['true']:>5} {c['false']:>5} {c['contested']:>9}")
    total = Counter()
    for c in counts.values():
        total.update(c)
    lines.append(f"{'TOTAL':<28} {total['rows']:>5} {total['true']:>5} {total['false']:>5} {total['contested']:>9}")
    return "\n".join(lines)


def tally(rows: Iterable[dict], key: str) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        c = out[str(r.get(key))]
        c["rows"] += 1
        c["true" if r.get("label") else "false"] += 1
        c["contested"] += bool(r.get("contested"))
    return out


def math_verify_baseline() -> Callable[[str, str], bool]:
    """The gold-wrapped one-liner every new grader must beat."""
    from math_verify import parse, verify

    def grade(gold: str, text: str) -> bool:
        try:
            return bool(verify(parse("$" + gold + "$"), parse(text)))
        except Exception:  # noqa: BLE001 - a crash of the baseline counts as "not accepted"
            return False

    return grade


def agreement(spec: Spec, rows: list[dict], grade: Callable[[str, str], bool], sink: list[dict]) -> str:
    """Per-category agreement of ``grade`` with the labels, false positives and negatives apart."""
    per: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        verdict = grade(r["gold"], r[spec.text_field])
        c = per[r["category"]]
        c["rows"] += 1
        c["agree"] += verdict == r["label"]
        c["wrong_rows"] += not r["label"]
        c["fp"] += verdict and not r["label"]
        c["right_rows"] += r["label"]
        c["fn"] += r["label"] and not verdict
        if verdict != r["label"]:
            sink.append(
                {
                    "file": spec.name,
                    "id": r["id"],
                    "label": r["label"],
                    "baseline": verdict,
                    "gold": r["gold"],
                    "text": r[spec.text_field],
                }
            )
    lines = [f"{'category':<28} {'rows':>5} {'agree':>7} {'FP':>9} {'FN':>9}"]
    total = Counter()
    for cat in sorted(per):
        c = per[cat]
        total.update(c)
        lines.append(_agreement_line(cat, c))
    lines.append(_agreement_line("TOTAL", total))
    return "\n".join(lines)


def _agreement_line(name: str, c: Counter) -> str:
    fp = f"{c['fp']}/{c['wrong_rows']}"
    fn = f"{c['fn']}/{c['right_rows']}"
    return f"{name:<28} {c['rows']:>5} {c['agree'] / c['rows']:>7.1%} {fp:>9} {fn:>9}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", action="store_true", help="score every row with gold-wrapped math-verify")
    parser.add_argument("--disagreements", type=Path, help="write the baseline's disagreements here (JSONL)")
    args = parser.parse_args(argv)
    report = Report()
    grade = math_verify_baseline() if args.baseline else None
    sink: list[dict] = []
    for spec in SPECS:
        path = HERE / spec.name
        if not path.exists():
            report.error(spec.name, "file is missing")
            continue
        rows = load(path, report)
        check_file(spec, rows, report)
        print(f"\n== {spec.name}: {len(rows)} rows, {len({r.get('style') for r in rows})} styles")
        print(table("style", tally(rows, "style")))
        print()
        print(table("category", tally(rows, "category")))
        if grade is not None:
            print(f"\n-- baseline verify(parse('$'+gold+'$'), parse({spec.text_field})) vs labels")
            print(agreement(spec, [r for r in rows if "id" in r and "label" in r], grade, sink))
    if args.disagreements:
        args.disagreements.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in sink), encoding="utf-8")
    for line in report.errors:
        print(f"ERROR {line}", file=sys.stderr)
    print(f"\n{len(report.errors)} problem(s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
