"""The report's HTML: sections of escaped text around the figures, one self-contained page.

Every text that comes from data or a reward (prompts, completions, reasons,
answers, details) goes through :func:`html.escape` and is shown in
``white-space: pre-wrap`` blocks, so whitespace is kept and nothing in it can
become markup. The page loads nothing: CSS, plotly.js and the small filter
script are inline.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..checking import AppliedReward, CheckReport
from ..data import InputRow
from ..diagnostics import Diagnostics
from ..verdict import Verdict

__all__ = ["drilldown", "groups_table", "page", "reasons_table", "summary_table"]

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#263238;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:22px}
nav{padding:8px 24px;background:#eceff1}nav a{margin-right:14px}
section{padding:12px 24px}h2{border-bottom:1px solid #ccc;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f0f0f0}.num{text-align:right}.grid{display:flex;flex-wrap:wrap;gap:12px}.grid>div{flex:1 1 420px}
pre,.pre{white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,monospace;margin:2px 0;background:#f5f5f5}
pre{padding:4px}.callout{border-left:4px solid #f9a825;background:#fff8e1;padding:6px 10px;margin:6px 0}
.error{border-color:#c62828;background:#ffebee}
.badge{display:inline-block;border-radius:3px;padding:0 6px;margin-right:4px;color:#fff;font-size:12px}
.correct{background:#2e7d32}.incorrect{background:#c62828}.partial{background:#f9a825;color:#222}.unverifiable{background:#8e24aa}
.scored{background:#1565c0}details.row{background:#fff;border:1px solid #ddd;margin:3px 0;padding:2px 8px}
details.row>summary{cursor:pointer}.muted{color:#777}
"""

SCRIPT = """
function grFilter(){
  const q=document.getElementById('gr-q').value.toLowerCase();
  const k=document.getElementById('gr-kind').value;
  let shown=0;
  for(const r of document.querySelectorAll('details.row')){
    const ok=(!q||r.textContent.toLowerCase().includes(q))&&(!k||r.dataset.kinds.split(' ').includes(k));
    r.style.display=ok?'':'none'; if(ok) shown++;
  }
  document.getElementById('gr-count').textContent=shown+' shown';
}
function grOpen(open){for(const r of document.querySelectorAll('details.row')) if(r.style.display!=='none') r.open=open;}
"""


def e(value: Any) -> str:
    """Escape anything for HTML text or an attribute."""
    return html.escape(str(value), quote=True)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _td(value: Any, num: bool = False) -> str:
    return f'<td class="num">{e(value)}</td>' if num else f"<td>{e(value)}</td>"


def _label(verdict: Verdict, role: str) -> str:
    return "scored" if verdict.is_judgment and role != "correctness" else verdict.kind


def badge(verdict: Verdict, role: str, name: str = "") -> str:
    """A coloured verdict label: kind (or ``role`` for shaping and penalty rewards) and score."""
    kind = _label(verdict, role)
    text = role if kind == "scored" else verdict.kind
    score = "None" if verdict.score is None else f"{verdict.score:+.2f}" if kind == "scored" else f"{verdict.score:.2f}"
    prefix = f"{e(name)}: " if name else ""
    return f'<span class="badge {kind}">{prefix}{e(text)} {e(score)}</span>'


def summary_table(report: CheckReport, diag: Diagnostics) -> str:
    """One line per reward: plugin, role, weight, counts, mean and timings."""
    rows = []
    for item in report.rewards:
        s = report.summaries[item.name]
        rows.append(
            [
                _td(item.name),
                _td(item.selected.registered.plugin_label),
                _td(item.reward.manifest.role),
                _td(f"{item.selected.weight:g}", True),
                _td(s.count, True),
                _td("-" if s.mean is None else f"{s.mean:.3f}", True),
                *(_td(s.verdicts[k], True) for k in ("correct", "incorrect", "partial", "unverifiable")),
                _td(", ".join(f"{r} {c}" for r, c in s.unverifiable.items()) or "-"),
                _td(f"{s.p50_seconds * 1e3:.1f} / {s.p99_seconds * 1e3:.1f}", True),
            ]
        )
    scored = [t for t in diag.totals if t is not None]
    if len(report.rewards) > 1:
        mean = f"{sum(scored) / len(scored):.3f}" if scored else "-"
        rows.append([_td("total (weighted)"), _td(""), _td(""), _td(""), _td(len(scored), True), _td(mean, True)] + [_td("")] * 6)
    headers = ("reward", "plugin", "role", "weight", "n", "mean", "correct", "incorrect", "partial", "unverifiable")
    return _table((*headers, "unverifiable reasons", "p50 / p99 ms"), rows, "summary")


def reasons_table(item: AppliedReward, verdicts: Iterable[Verdict], top: int = 12) -> str:
    """The most frequent (verdict, reason) pairs of one reward, reasons shown with their whitespace."""
    counts: dict[tuple[str, str], int] = {}
    for v in verdicts:
        key = (_label(v, item.reward.manifest.role), v.reason or "(no reason)")
        counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values()) or 1
    ordered = sorted(counts.items(), key=lambda kv: -kv[1])[:top]
    rows = [
        [f'<td><span class="badge {kind}">{e(kind)}</span></td>', f'<td><span class="pre">{e(reason)}</span></td>', _td(n, True)]
        + [_td(f"{n / total:.0%}", True)]
        for (kind, reason), n in ordered
    ]
    more = f'<p class="muted">{len(counts) - top} more distinct reasons</p>' if len(counts) > top else ""
    return f"<h3>{e(item.name)}</h3>" + _table(("verdict", "reason", "samples", "share"), rows, "reasons") + more


def groups_table(rows: Sequence[InputRow], report: CheckReport, diag: Diagnostics, limit: int = 50) -> str:
    """The zero-variance groups: where they start, the prompt, and the one total every completion got."""
    zero = diag.zero_std_groups
    if not zero:
        return '<p class="zero-groups">None: every group with two or more scored completions has some spread.</p>'
    body = []
    for group in zero[:limit]:
        lines = ", ".join(str(rows[p].line) for p in group.positions)
        values = ", ".join(
            f"{item.name} {'/'.join(sorted({_score_text(report, item.name, p) for p in group.positions}))}"
            for item in report.rewards
        )
        total = "-" if group.mean is None else f"{group.mean:.2f}"
        body.append([_td(lines), f'<td><span class="pre">{e(group.prompt[:300])}</span></td>', _td(total, True), _td(values)])
    more = f'<p class="muted">{len(zero) - limit} more zero-variance groups</p>' if len(zero) > limit else ""
    return _table(("lines", "prompt", "total", "per reward"), body, "zero-groups") + more


def _score_text(report: CheckReport, name: str, position: int) -> str:
    verdict = report.verdicts[name].get(position)
    if verdict is None:
        return "-"
    return "None" if verdict.score is None else f"{verdict.score:.2f}"


def _details_block(verdict: Verdict) -> str:
    shown = {k: v for k, v in verdict.details.items() if k != "traceback"}
    parts = []
    if verdict.answer is not None:
        parts.append(f"<div>answer:</div><pre class='answer'>{e(verdict.answer)}</pre>")
    if shown:
        parts.append(f"<div>details:</div><pre>{e(json.dumps(shown, indent=1, ensure_ascii=False, default=repr))}</pre>")
    if verdict.details.get("traceback"):
        parts.append(f"<div>traceback:</div><pre>{e(verdict.details['traceback'])}</pre>")
    return "".join(parts)


def _row_html(position: int, row: InputRow, report: CheckReport, diag: Diagnostics, advantage: dict[int, float]) -> str:
    kinds, badges, cells = [], [], []
    for item in report.rewards:
        verdict = report.verdicts[item.name].get(position)
        if verdict is None:
            continue
        role = item.reward.manifest.role
        kinds.append(_label(verdict, role))
        badges.append(badge(verdict, role, item.name))
        cells.append(
            f'<tr><td>{e(item.name)}</td><td>{badge(verdict, role)}</td><td><span class="pre reason">{e(verdict.reason)}</span>'
            f"{_details_block(verdict)}</td><td class='num'>{verdict.seconds * 1e3:.1f}</td></tr>"
        )
    total = diag.totals[position]
    extra = f" total {total:.2f}" if total is not None else " total None"
    extra += f", advantage {advantage[position]:+.2f}" if position in advantage else ""
    sample = row.sample()
    return (
        f'<details class="row" data-line="{row.line}" data-kinds="{e(" ".join(sorted(set(kinds))))}">'
        f"<summary>line {row.line} {''.join(badges)}<span class='muted'>{e(extra)}</span></summary>"
        f"<div>prompt:</div><pre class='prompt'>{e(sample.prompt)}</pre>"
        f"<div>completion:</div><pre class='completion'>{e(sample.completion)}</pre>"
        f"<table class='verdicts'><thead><tr><th>reward</th><th>verdict</th><th>reason</th><th>ms</th></tr></thead>"
        f"<tbody>{''.join(cells)}</tbody></table></details>"
    )


def drilldown(rows: Sequence[InputRow], report: CheckReport, diag: Diagnostics, max_rows: int) -> str:
    """Every row (up to ``max_rows``) as a collapsed block that opens to its prompt, completion and each verdict."""
    advantage = diag.advantage_of()
    kinds = sorted({_label(v, i.reward.manifest.role) for i in report.rewards for v in report.verdicts[i.name].values()})
    options = "".join(f'<option value="{e(k)}">{e(k)}</option>' for k in kinds)
    controls = (
        '<p><input id="gr-q" placeholder="filter rows by text" oninput="grFilter()" size="40"> '
        f'<select id="gr-kind" onchange="grFilter()"><option value="">any verdict</option>{options}</select> '
        '<button onclick="grOpen(true)">open all</button> <button onclick="grOpen(false)">close all</button> '
        f'<span id="gr-count" class="muted">{min(len(rows), max_rows)} shown</span></p>'
    )
    body = "".join(_row_html(i, rows[i], report, diag, advantage) for i in range(min(len(rows), max_rows)))
    cut = (
        f'<p class="callout">The first {max_rows} of {len(rows)} rows are listed; use check --limit or --sample for others.</p>'
        if len(rows) > max_rows
        else ""
    )
    return controls + cut + body


def page(title: str, subtitle: str, sections: Sequence[tuple[str, str, str]], plotly_js: str) -> str:
    """The whole document: ``sections`` are (id, heading, inner HTML); headings and ids are escaped here."""
    nav = "".join(f'<a href="#{e(sid)}">{e(heading)}</a>' for sid, heading, _ in sections)
    body = "".join(f'<section id="{e(sid)}"><h2>{e(heading)}</h2>{inner}</section>' for sid, heading, inner in sections)
    js = plotly_js.replace("</script", "<\\/script")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval';"
        " style-src 'unsafe-inline'; img-src data:; font-src data:\">"
        f"<title>{e(title)}</title><style>{CSS}</style><script>{js}</script><script>{SCRIPT}</script></head>"
        f"<body><header><h1>{e(title)}</h1><div>{e(subtitle)}</div></header><nav>{nav}</nav>{body}</body></html>"
    )
