"""Milestones → an inline SVG chart, drawn at build time (no script, works offline and in print).

One row per milestone: a dot on the day it was first announced, a band over
the period it was due, a diamond where a source reports it done, a dashed
band where a later source moved it; coloured by status. Every mark links to
the paragraph it rests on. The SVG keeps its width and sits in a box that
scrolls sideways on a phone, with the row labels in the chart itself.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from build_scripts.knowledge.corroborate import Citation
from build_scripts.knowledge.milestones import STATUSES, Milestone

COLOURS = {
    "upcoming": "#3949ab", "done": "#2e7d32", "late": "#ef6c00", "moved": "#8e24aa",
    "overdue": "#c62828", "dropped": "#616161", "undated": "#9e9e9e",
}
TOP = 28


@dataclass(frozen=True)
class Layout:
    """Wide: labels left of the bars. Compact (phones): each label above its bar, 360 px wide."""

    label_width: int
    plot_width: int
    row: int
    label_above: bool
    css: str


WIDE = Layout(200, 460, 26, False, "kb-chart-wide")
COMPACT = Layout(0, 340, 40, True, "kb-chart-compact")


def _link(citation: Citation, prefix: str) -> str:
    return f"{prefix}sources/{citation.article.slug}/#{citation.paragraph_id}"


def legend() -> str:
    """The colours, as HTML beside the chart (readable at any width, and in print)."""
    items = "".join(
        f'<span class="kb-legend-item"><span class="kb-swatch" style="background:{COLOURS[s]}"></span>{zh} {en}</span>'
        for s, (zh, en) in STATUSES.items()
    )
    marks = "".join(f'<span class="kb-legend-item">{m}</span>' for m in (
        "● 宣布 announced", "▬ 截止期 due", "◆ 报道兑现 reported done", "┆ 截至日期 as of"))
    return f'<p class="kb-chart-legend">{items} {marks}</p>'


def milestone_chart(milestones: list[Milestone] | tuple[Milestone, ...], as_of: dt.date | None, prefix: str, anchor_prefix: str = "") -> str:
    """The chart as one line of HTML (a div holding a wide and a compact svg); "" when no milestone has a date.

    `prefix` leads from the page to the site root ("../" from /promises/);
    `anchor_prefix` leads to the page listing the milestone rows ("" on it).
    The stylesheet shows the compact one on narrow screens, the wide one elsewhere and in print.
    """
    rows = [m for m in milestones if m.due is not None or m.done is not None]
    if not rows:
        return ""
    svgs = "".join(_svg(rows, as_of, prefix, anchor_prefix, layout) for layout in (WIDE, COMPACT))
    return f'<div class="kb-chart-box">{svgs}</div>'


def _svg(rows: list[Milestone], as_of: dt.date | None, prefix: str, anchor_prefix: str, layout: Layout) -> str:
    left, plot, row = layout.label_width, layout.plot_width, layout.row
    dates = [d for m in rows for d in (m.announced, m.due and m.due.start, m.due and m.due.end, m.done and m.done.end,
                                       m.moved_to and m.moved_to.end) if d]
    dates += [as_of] if as_of else []
    first = dt.date(min(dates).year, 1, 1)
    last = dt.date(max(dates).year, 12, 31)
    span = max((last - first).days, 1)

    def _x(date: dt.date, first: dt.date, last: dt.date) -> float:
        return left + 6 + (plot - 6) * (date - first).days / span

    height = TOP + row * len(rows) + 8
    width = left + plot + 12
    parts = [
        f'<svg class="kb-chart {layout.css}" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="承诺时间图 Milestone chart" font-size="11">'
    ]
    for year in range(first.year, last.year + 1):
        x = _x(dt.date(year, 1, 1), first, last)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height}" stroke="#bbb" stroke-width="0.6"/>')
        parts.append(f'<text x="{x + 3:.1f}" y="{TOP - 12}" fill="#666">{year}</text>')
        if last.year - first.year < 3:  # a short span: quarters too
            for quarter in (2, 3, 4):
                qx = _x(dt.date(year, 3 * quarter - 2, 1), first, last)
                parts.append(f'<line x1="{qx:.1f}" y1="{TOP - 4}" x2="{qx:.1f}" y2="{height}" stroke="#ddd" stroke-width="0.5"/>')
                parts.append(f'<text x="{qx + 2:.1f}" y="{TOP - 1}" fill="#999" font-size="9">Q{quarter}</text>')
    if as_of:
        x = _x(as_of, first, last)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height}" stroke="#333" stroke-dasharray="3 3"/>')
        parts.append(f'<text x="{x - 3:.1f}" y="{TOP - 12}" fill="#333" text-anchor="end">{as_of.isoformat()}</text>')
    for i, m in enumerate(rows):
        y = TOP + row * i + (row * 0.68 if layout.label_above else row / 2)
        colour = COLOURS[m.status]
        when = (m.done or m.moved_to or m.due).label
        text = f"{m.subject} · {m.kind_label.split(' ')[0]}"
        label = html.escape(f"{text} · {when}" if layout.label_above else _short(text))
        label_y = y - 10 if layout.label_above else y + 4
        parts.append(
            f'<a href="{anchor_prefix}#{m.id}"><text x="4" y="{label_y:.1f}" fill="currentColor">{label}'
            f'<title>{html.escape(m.text)} — {html.escape(m.status_label)}</title></text></a>'
        )
        plan = m.plans[0].citation if m.plans else m.reports[0].citation
        if m.announced and m.due and m.announced < m.due.start:
            x1, x2 = _x(m.announced, first, last), _x(m.due.start, first, last)
            parts.append(f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="1.5" stroke-opacity="0.5"/>')
        if m.announced:
            parts.append(_mark(_link(plan, prefix), f"宣布 announced {m.announced.isoformat()}: {plan.quote}",
                               f'<circle cx="{_x(m.announced, first, last):.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'))
        if m.due:
            x1, x2 = _x(m.due.start, first, last), _x(m.due.end, first, last)
            parts.append(_mark(_link(plan, prefix), f"{m.due.label}: {plan.quote}",
                               f'<rect x="{x1:.1f}" y="{y - 6:.1f}" width="{max(x2 - x1, 3):.1f}" height="12" rx="2" fill="{colour}" fill-opacity="0.75"/>'))
        if m.moved_to:
            moved = next((r.citation for r in m.reports if r.period == m.moved_to), plan)
            x1, x2 = _x(m.moved_to.start, first, last), _x(m.moved_to.end, first, last)
            parts.append(_mark(_link(moved, prefix), f"改至 moved to {m.moved_to.label}: {moved.quote}",
                               f'<rect x="{x1:.1f}" y="{y - 6:.1f}" width="{max(x2 - x1, 3):.1f}" height="12" rx="2" fill="none" stroke="{colour}" stroke-dasharray="3 2" stroke-width="1.5"/>'))
        if m.done and m.status in ("done", "late") and m.plans:
            report = next((r.citation for r in m.reports if r.state == "happened"), plan)
            x = _x(m.done.start, first, last)
            parts.append(_mark(_link(report, prefix), f"报道兑现 reported done {m.done.label}: {report.quote}",
                               f'<path d="M{x:.1f} {y - 7:.1f} l6 7 l-6 7 l-6 -7 z" fill="{colour}" stroke="#fff"/>'))
    parts.append("</svg>")
    return "".join(parts)


def _mark(href: str, title: str, shape: str) -> str:
    return f'<a href="{html.escape(href, quote=True)}"><title>{html.escape(title[:300])}</title>{shape}</a>'


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
