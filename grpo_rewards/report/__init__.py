"""``check --report report.html``: one self-contained HTML page of what ``check`` found.

The page holds a summary per reward, a histogram of each reward's scores,
verdict and reason breakdowns, latency distributions, the GRPO view (groups,
zero-variance groups, the spread of the total within groups, correlations)
and a per-row drill-down with each reward's verdict, reason, answer and
details. Plots are plotly figures; plotly.js is inlined, so the page opens
offline from a ``file://`` URL and loads nothing (its Content-Security-Policy
forbids it). Install plotly with ``pip install 'grpo-rewards[report]'``.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from pathlib import Path

from ..checking import CheckReport
from ..data import InputRow
from ..diagnostics import Diagnostics
from ..insight import Insight
from . import figures
from .page import drilldown, e, groups_table, page, reasons_table, summary_table

__all__ = ["MAX_ROWS", "build_report", "write_report"]

#: Rows listed in the drill-down; larger checks say how to narrow them.
MAX_ROWS = 2000


def _callouts(messages: Sequence[str], cls: str = "") -> str:
    return "".join(f'<div class="callout {cls}"><span class="pre">{e(m)}</span></div>' for m in messages)


def _overview(report: CheckReport, insight: Insight, problems: Sequence[str]) -> str:
    lint = [f"{name}: {m}" for name, messages in report.lint.items() for m in messages]
    return (
        summary_table(report, insight.diagnostics)
        + _callouts(problems, "error")
        + _callouts(lint)
        + _callouts([f"seed: {m}" for m in insight.seed])
    )


def _scores(report: CheckReport) -> str:
    parts = []
    for index, item in enumerate(report.rewards):
        scores = [v.score for v in report.verdicts[item.name].values() if v.score is not None]
        if scores:
            parts.append(f"<div>{figures.score_histogram(item.name, scores, item.reward.output_range(), f'hist-{index}')}</div>")
        else:
            parts.append(f'<div class="callout">{e(item.name)}: no sample was judged, so there is no score to plot</div>')
    return '<div class="grid">' + "".join(parts) + "</div>"


def _verdicts(report: CheckReport) -> str:
    counts = {}
    for item in report.rewards:
        s = report.summaries[item.name]
        if item.reward.manifest.role == "correctness":
            counts[item.name] = {k: s.verdicts[k] for k in ("correct", "incorrect", "partial", "unverifiable")}
        else:
            counts[item.name] = {"scored": s.count - s.verdicts["unverifiable"], "unverifiable": s.verdicts["unverifiable"]}
    bars = figures.verdict_bars(counts, "verdict-bars") if counts else ""
    tables = "".join(reasons_table(item, report.verdicts[item.name].values()) for item in report.rewards)
    return bars + tables


def _latency(report: CheckReport) -> str:
    seconds = {item.name: [v.seconds for v in report.verdicts[item.name].values()] for item in report.rewards}
    return figures.latency_boxes(seconds, "latency") if any(seconds.values()) else "<p>no samples</p>"


def _grpo(rows: Sequence[InputRow], report: CheckReport, insight: Insight) -> str:
    diag = insight.diagnostics
    if not diag.groups:
        return (
            f'<p class="callout">No two rows share a prompt ({len(rows)} rows), so there are no groups. GRPO compares the'
            " completions of one prompt: score several completions per prompt to see zero-variance groups and advantages.</p>"
        )
    frac = diag.frac_zero_std
    per_reward = ", ".join(f"{name} {z}/{n}" for name, (z, n) in diag.zero_std_by_reward().items() if n)
    facts = (
        f"<p id='frac-zero'>{len(diag.zero_std_groups)} of {len(diag.comparable)} groups"
        f" ({0 if frac is None else frac:.0%}) have zero variance in the total reward: they give no gradient"
        f" (TRL's frac_reward_zero_std). Per reward: {e(per_reward) or '-'}. {len(diag.groups)} prompts have"
        f" 2 or more completions; {diag.singletons} rows have a prompt of their own.</p>"
    )
    stds = [g.std for g in diag.comparable if g.std is not None]
    names = list(diag.weights)
    matrix = [[_correlation(diag, a, b) for b in names] for a in names]
    heat = figures.correlation_heatmap(names, matrix, "correlations") if len(names) > 1 else ""
    return (
        facts
        + figures.group_std_histogram(stds, "group-std")
        + "<h3>zero-variance groups</h3>"
        + groups_table(rows, report, diag)
        + heat
    )


def _correlation(diag: Diagnostics, a: str, b: str) -> float | None:
    if a == b:
        return 1.0
    return diag.correlations.get((a, b), diag.correlations.get((b, a), (None, 0)))[0]


def build_report(
    source: str,
    rows: Sequence[InputRow],
    report: CheckReport,
    insight: Insight,
    problems: Sequence[str] = (),
    *,
    max_rows: int = MAX_ROWS,
) -> str:
    """The report page as a string. ``problems`` are plugin errors and bad rows, shown at the top."""
    js = figures.plotly_js()
    when = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    totals = [t for t in insight.diagnostics.totals if t is not None]
    mean = f", mean total {math.fsum(totals) / len(totals):.3f}" if totals else ""
    subtitle = f"{source}: {len(rows)} rows, rewards {', '.join(i.name for i in report.rewards) or 'none'}{mean}; {when}"
    sections = [
        ("summary", "Summary", _overview(report, insight, problems)),
        ("scores", "Scores", _scores(report)),
        ("verdicts", "Verdicts and reasons", _verdicts(report)),
        ("latency", "Latency", _latency(report)),
        ("grpo", "GRPO groups", _grpo(rows, report, insight)),
        ("rows", "Rows", drilldown(rows, report, insight.diagnostics, max_rows)),
    ]
    return page("grpo-rewards check", subtitle, sections, js)


def write_report(path: Path, *args: object, **kwargs: object) -> Path:
    """Write :func:`build_report`'s page to ``path`` (its folder is created); returns the path."""
    text = build_report(*args, **kwargs)  # type: ignore[arg-type]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
