"""How ``check`` shows its findings in a terminal: verdicts per row, failures, lint, summary, GRPO diagnostics.

Texts are shown as they are: a reason keeps its whitespace (newlines, tabs and
other control characters appear escaped, as ``repr`` writes them, and runs of
spaces stay), and an extracted program keeps its lines. A shaping or penalty
reward's score is labelled with its role, never "correct"/"incorrect".
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..checking import AppliedReward, CheckReport
from ..data import InputRow
from ..diagnostics import Diagnostics
from ..safetext import printable
from ..verdict import Verdict

__all__ = ["AUTO_ROWS", "cell", "print_report", "rows_to_show", "visible"]

#: ``--show auto`` prints every row up to this many, else the first this many rows not fully correct.
AUTO_ROWS = 60
_STYLE = {"correct": "green", "incorrect": "red", "partial": "yellow", "unverifiable": "magenta"}
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def visible(text: str, width: int = 120) -> str:
    """``text`` on one line with control characters escaped as ``repr`` does; spaces are kept, never collapsed."""
    out = "".join(_ESCAPES.get(ch, ch if ch.isprintable() or ch == " " else repr(ch)[1:-1]) for ch in str(text))
    return out if len(out) <= width else out[: width - 1] + "…"


def program_lines(text: str, *, max_lines: int = 8, width: int = 100) -> list[str]:
    """A multi-line text (a program) as its first lines, each kept whole up to ``width``, tabs shown as spaces."""
    lines = str(text).expandtabs(4).splitlines()
    shown = [visible(line, width) for line in lines[:max_lines]]
    if len(lines) > max_lines:
        shown.append(f"… {len(lines) - max_lines} more line(s)")
    return shown


def _score(verdict: Verdict) -> str:
    return "None" if verdict.score is None else f"{verdict.score:.2f}"


def cell(verdict: Verdict, role: str = "correctness") -> str:
    """Rich markup for one verdict: its kind (or the reward's role), score, reason and answer."""
    if verdict.is_judgment and role != "correctness":
        text = f"[cyan]{role} {verdict.score:+.2f}[/cyan]"
    else:
        style = _STYLE[verdict.kind]
        text = f"[{style}]{verdict.kind} {_score(verdict)}[/{style}]"
    reason = verdict.reason
    if verdict.kind == "unverifiable" and "message" in verdict.details:
        reason += f": {verdict.details['message']}"
    if reason:
        text += f"\n{escape(visible(reason))}"
    if verdict.answer is not None:
        answer = str(verdict.answer)
        if "\n" in answer.strip():
            text += "\n[dim]answer:[/dim]\n" + "\n".join(f"[dim]{escape(line)}[/dim]" for line in program_lines(answer))
        else:
            text += f"\n[dim]answer: {escape(visible(answer, 60))}[/dim]"
    return text


def rows_to_show(rows: Sequence[InputRow], report: CheckReport, show: str) -> tuple[list[int], str | None]:
    """Row positions to print, and a note saying what was left out (``--show auto`` stops at :data:`AUTO_ROWS`)."""
    if show == "none":
        return [], None
    everything = [i for i in range(len(rows)) if i in report.done]  # fewer than all after Ctrl-C
    if show == "all" or (show == "auto" and len(everything) <= AUTO_ROWS):
        return everything, None
    not_correct = [i for i in everything if any(i in v and v[i].kind != "correct" for v in report.verdicts.values())]
    if show == "failures" or len(not_correct) <= AUTO_ROWS:
        note = None if show == "failures" else f"{len(rows)} rows: showing the {len(not_correct)} not fully correct"
        return not_correct, note
    return not_correct[:AUTO_ROWS], (
        f"showing the first {AUTO_ROWS} of {len(not_correct)} rows not fully correct ({len(rows)} rows in all);"
        " --show failures prints all of them, --show all every row"
    )


def _role(item: AppliedReward) -> str:
    return item.reward.manifest.role


def _cell_at(item: AppliedReward, report: CheckReport, position: int) -> str:
    verdict = report.verdicts[item.name].get(position)
    return "[dim]-[/dim]" if verdict is None else cell(verdict, _role(item))


def _verdict_table(rows: Sequence[InputRow], report: CheckReport, shown: list[int], diag: Diagnostics | None) -> Table:
    table = Table(title="verdicts per row", show_lines=True)
    table.add_column("line", justify="right")
    for item in report.rewards:
        weight = f" x{item.selected.weight:g}" if item.selected.weight != 1 else ""
        table.add_column(item.name + weight)
    totals = diag is not None and (len(report.rewards) > 1 or any(i.selected.weight != 1 for i in report.rewards))
    advantages = diag.advantage_of() if diag is not None and diag.groups else {}
    if totals:
        table.add_column("total", justify="right")
    if advantages:
        table.add_column("adv.", justify="right")
    for i in shown:
        cells = [_cell_at(item, report, i) for item in report.rewards]
        if totals and diag is not None:
            total = diag.totals[i]
            cells.append("[dim]None[/dim]" if total is None else f"{total:.2f}")
        if advantages:
            cells.append(f"{advantages[i]:+.2f}" if i in advantages else "[dim]-[/dim]")
        table.add_row(rows[i].label, *cells)
    return table


def print_report(
    console: Console,
    rows: Sequence[InputRow],
    report: CheckReport,
    show: str,
    diag: Diagnostics | None = None,
    seed_notes: Sequence[str] = (),
) -> None:
    """Everything ``check`` prints on stdout in table format."""
    shown, note = rows_to_show(rows, report, show)
    if shown and report.rewards:
        console.print(_verdict_table(rows, report, shown, diag))
    if note:
        console.print(f"[dim]{escape(note)}[/dim]")
    _print_failures(console, report)
    _print_lint(console, report, seed_notes)
    _print_summary(console, report, diag)
    if diag is not None:
        print_diagnostics(console, rows, diag)


def _print_failures(console: Console, report: CheckReport) -> None:
    for item in report.rewards:
        crashes = [v for v in report.verdicts[item.name].values() if v.reason in ("crash", "memory") and not v.is_judgment]
        if crashes:
            first = crashes[0]
            console.print(
                f"[red bold]{len(crashes)} sample(s) crashed in reward {item.name!r}"
                f" (plugin {item.selected.registered.plugin_label!r}).[/red bold] First:"
            )
            console.print(escape(printable(first.details.get("traceback") or first.details.get("message", ""))), highlight=False)


def _print_lint(console: Console, report: CheckReport, seed_notes: Sequence[str]) -> None:
    for name, messages in report.lint.items():
        for message in messages:
            console.print(f"[yellow bold]lint[/yellow bold] {name}: {escape(printable(message))}")
    for message in seed_notes:
        console.print(f"[yellow bold]seed[/yellow bold] {escape(printable(message))}")


def _verdict_counts(item: AppliedReward, report: CheckReport) -> str:
    s = report.summaries[item.name]
    if _role(item) != "correctness":
        scored = s.count - s.verdicts["unverifiable"]
        return f"{scored} scored / {s.verdicts['unverifiable']}"
    return " / ".join(str(s.verdicts[k]) for k in ("correct", "incorrect", "partial", "unverifiable"))


def _print_summary(console: Console, report: CheckReport, diag: Diagnostics | None) -> None:
    caption = "verdicts: correct / incorrect / partial / unverifiable (shaping, penalty: scored / unverifiable)"
    table = Table(title="summary per reward", caption=caption)
    for column in ("reward", "plugin", "n", "mean", "verdicts", "unverifiable", "p50/p99 ms"):
        numeric = column in ("n", "mean", "p50/p99 ms")
        table.add_column(column, justify="right" if numeric else "left", overflow="fold", no_wrap=column == "verdicts")
    for item in report.rewards:
        s = report.summaries[item.name]
        mean = "-" if s.mean is None else f"{s.mean:.3f}"
        reasons = ", ".join(f"{r} {c}" for r, c in s.unverifiable.items()) or "-"
        timing = f"{s.p50_seconds * 1e3:.1f} / {s.p99_seconds * 1e3:.1f}"
        name = item.name + (f" x{item.selected.weight:g}" if item.selected.weight != 1 else "")
        table.add_row(
            name, item.selected.registered.plugin_label, str(s.count), mean, _verdict_counts(item, report), reasons, timing
        )
    if diag is not None and len(report.rewards) > 1:
        scored = [t for t in diag.totals if t is not None]
        mean = f"{sum(scored) / len(scored):.3f}" if scored else "-"
        table.add_row(
            "[bold]total[/bold]", "weighted", str(len(scored)), mean, "", f"{len(diag.totals) - len(scored)} unscorable", ""
        )
    console.print(table)
    for item in report.rewards:
        for note in report.summaries[item.name].notes:
            console.print(f"[yellow]{escape(note)}[/yellow]")


def _group_line(rows: Sequence[InputRow], diag: Diagnostics) -> str:
    sizes = sorted(len(g.positions) for g in diag.groups)
    spread = f"{sizes[0]}" if sizes[0] == sizes[-1] else f"{sizes[0]}-{sizes[-1]}"
    alone = f"; {diag.singletons} row(s) have a prompt of their own" if diag.singletons else ""
    return f"{len(diag.groups)} prompts with 2+ completions ({spread} each){alone}"


def _last_line(prompt: str) -> str:
    """The part of a prompt that tells groups apart: its last non-empty line (the question, after any system text)."""
    lines = [line for line in prompt.splitlines() if line.strip()]
    return lines[-1] if lines else prompt


def print_diagnostics(console: Console, rows: Sequence[InputRow], diag: Diagnostics, *, preview: int = 3) -> None:
    """The GRPO view: groups, zero-variance share, an advantage preview and correlations."""
    console.print("[bold]GRPO diagnostics[/bold] (what GRPOTrainer computes from these rewards)")
    if not diag.groups:
        console.print(
            f"  groups: none: no two rows share a prompt ({len(rows)} rows). GRPO compares completions of one prompt;"
            " score several completions per prompt to see zero-variance groups and advantages."
        )
        return
    console.print(f"  groups: {_group_line(rows, diag)}")
    frac = diag.frac_zero_std
    zero = len(diag.zero_std_groups)
    if frac is not None:
        style = "red bold" if frac >= 0.5 else "yellow" if frac > 0 else "green"
        console.print(
            f"  zero variance: [{style}]{zero} of {len(diag.comparable)} groups ({frac:.0%})[/{style}] have the same"
            " total for every completion and give no gradient (TRL's frac_reward_zero_std)"
        )
    per_reward = ", ".join(f"{name} {z}/{n}" for name, (z, n) in diag.zero_std_by_reward().items() if n)
    if per_reward:
        console.print(f"  zero variance per reward: {per_reward}")
    if zero:
        lines = ", ".join(str(rows[g.positions[0]].line) for g in diag.zero_std_groups[:10])
        console.print(f"  [dim]zero-variance groups start at lines {lines}{', ...' if zero > 10 else ''}[/dim]")
    table = Table(title="advantage preview (total -> advantage, scale_rewards=group)", show_lines=True)
    table.add_column("lines")
    table.add_column("prompt", max_width=40, overflow="ellipsis", no_wrap=True)
    table.add_column("completions")
    for group in diag.groups[:preview]:
        pairs = [
            f"{rows[p].line}: {'None' if t is None else f'{t:.2f}'} -> {a:+.2f}"
            for p, t, a in zip(group.positions, group.totals, group.advantages, strict=True)
        ]
        lines = f"{rows[group.positions[0]].line}-{rows[group.positions[-1]].line}"
        table.add_row(
            lines, escape(visible(_last_line(group.prompt), 40)), "\n".join(pairs[:8]) + ("\n…" if len(pairs) > 8 else "")
        )
    console.print(table)
    pairs = [f"{a}~{b} {r:+.2f} (n={n})" for (a, b), (r, n) in diag.correlations.items() if r is not None]
    if pairs:
        console.print("  correlations: " + ", ".join(pairs))
