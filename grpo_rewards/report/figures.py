"""The report's plots, made with plotly (its JavaScript is inlined once per page, so the page needs no network).

Each function returns an HTML fragment (a ``<div>`` and the script that draws
it). Only reward names, verdict kinds and numbers go into a figure; free text
(prompts, completions, reasons) stays in the page's escaped HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import ConfigError

__all__ = [
    "correlation_heatmap",
    "figure_html",
    "group_std_histogram",
    "latency_boxes",
    "plotly",
    "plotly_js",
    "score_histogram",
    "verdict_bars",
]

_COLOURS = {"correct": "#2e7d32", "incorrect": "#c62828", "partial": "#f9a825", "unverifiable": "#8e24aa", "scored": "#1565c0"}
_CONFIG = {"displaylogo": False, "responsive": True}


def plotly() -> Any:
    """The plotly package, or a :class:`ConfigError` saying how to install it."""
    try:
        import plotly.graph_objects as go
    except ImportError:
        raise ConfigError("--report needs plotly: pip install 'grpo-rewards[report]' (or pip install plotly)") from None
    return go


def plotly_js() -> str:
    """plotly.js itself, to inline once in the page."""
    plotly()
    from plotly.offline import get_plotlyjs

    return str(get_plotlyjs())


def figure_html(fig: Any, div_id: str, height: int = 320) -> str:
    """One figure as a ``<div>`` that draws itself with the inlined plotly.js."""
    fig.update_layout(height=height, margin={"l": 50, "r": 20, "t": 40, "b": 40}, template="plotly_white")
    return str(fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, config=_CONFIG))


def score_histogram(name: str, scores: Sequence[float], output_range: tuple[float, float], div_id: str) -> str:
    """How one reward's scores spread over the judged samples, binned over its declared output range."""
    go = plotly()
    lo, hi = output_range
    size = (hi - lo) / 20 or 0.05
    bins = {"start": lo - size / 2, "end": hi + size / 2, "size": size}
    fig = go.Figure(go.Histogram(x=list(scores), xbins=bins, marker_color="#1565c0"))
    fig.update_layout(title=f"{name}: scores ({len(scores)} judged)", xaxis_title="score", yaxis_title="samples", bargap=0.05)
    fig.update_xaxes(range=[lo - size, hi + size])
    return figure_html(fig, div_id, height=280)


def verdict_bars(counts: Mapping[str, Mapping[str, int]], div_id: str) -> str:
    """One stacked bar per reward: how many samples got each verdict."""
    go = plotly()
    names = list(counts)
    kinds = [k for k in ("correct", "incorrect", "partial", "scored", "unverifiable") if any(counts[n].get(k) for n in names)]
    traces = [
        go.Bar(name=kind, y=names, x=[counts[n].get(kind, 0) for n in names], orientation="h", marker_color=_COLOURS[kind])
        for kind in kinds
    ]
    fig = go.Figure(traces)
    fig.update_layout(barmode="stack", title="verdicts per reward", xaxis_title="samples")
    return figure_html(fig, div_id, height=120 + 40 * len(names))


def latency_boxes(seconds: Mapping[str, Sequence[float]], div_id: str) -> str:
    """Per reward, the distribution of milliseconds per sample (log scale)."""
    go = plotly()
    traces = [go.Box(name=name, y=[max(s * 1e3, 1e-3) for s in values], boxpoints="outliers") for name, values in seconds.items()]
    fig = go.Figure(traces)
    fig.update_layout(title="latency per sample", yaxis_title="ms", yaxis_type="log", showlegend=False)
    return figure_html(fig, div_id)


def group_std_histogram(stds: Sequence[float], div_id: str) -> str:
    """The spread of the total reward within each group; a bar at 0 is groups that teach nothing."""
    go = plotly()
    fig = go.Figure(go.Histogram(x=list(stds), nbinsx=30, marker_color="#6d4c41"))
    fig.update_layout(title="std of the total reward within each group", xaxis_title="std", yaxis_title="groups")
    return figure_html(fig, div_id, height=280)


def correlation_heatmap(names: Sequence[str], matrix: Sequence[Sequence[float | None]], div_id: str) -> str:
    """Pearson correlation between each pair of rewards over the samples both scored."""
    go = plotly()
    z = [[v for v in row] for row in matrix]
    text = [["" if v is None else f"{v:+.2f}" for v in row] for row in matrix]
    fig = go.Figure(
        go.Heatmap(z=z, x=list(names), y=list(names), zmin=-1, zmax=1, colorscale="RdBu", text=text, texttemplate="%{text}")
    )
    fig.update_layout(title="correlation between rewards")
    return figure_html(fig, div_id, height=160 + 50 * len(names))
