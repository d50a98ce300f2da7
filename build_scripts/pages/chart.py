"""Milestones → an inline SVG chart, drawn at build time (no script, works offline and in print).

One row per milestone: a dot on the day it was first announced, a band over
the period it was due, a diamond where a source reports it done, a dashed
band where a later source moved it; coloured by status. An event only ever
reported as done has a diamond and no dot: nobody announced it ahead. Every mark links to
the paragraph it rests on. The SVG keeps its width and sits in a box that
scrolls sideways on a phone, with the row labels in the chart itself.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from build_scripts.knowledge.corroborate import Citation
from build_scripts.knowledge.milestones import STATUSES, Milestone
from build_scripts.pages.voice import zh

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
    font: int  # px: the svg keeps its size, so this is the size a reader sees


WIDE = Layout(210, 460, 26, False, "kb-chart-wide", 12)
COMPACT = Layout(0, 340, 44, True, "kb-chart-compact", 13)


def _link(citation: Citation, prefix: str) -> str:
    return f"{prefix}sources/{citation.article.slug}/#{citation.paragraph_id}"


# Not the page's prose: search results and previews leave the chart, its legend and the filters out
# (Material's search reads the first attribute, Pagefind the second).
UNSEARCHED = 'data-search-exclude="true" data-pagefind-ignore="all"'
MARKS = {  # what each mark means, in the order the legend lists them
    "announced": "● 宣布", "due": "▬ 截止期", "done": "◆ 报道兑现", "moved": "┅ 改期至", "as_of": "┆ 截至日期",
}


def done_at(m: Milestone) -> tuple[dt.date, dt.date] | None:
    """Where a source reports the event done: the period it names, else the day of the first report."""
    if m.status not in ("done", "late"):
        return None
    if m.done is not None:
        return m.done.start, m.done.end
    if not m.plans and m.due is not None:  # only ever reported: the period it happened in
        return m.due.start, m.due.end
    said = sorted(r.said_on for r in m.reports if r.state == "happened" and r.said_on)
    return (said[0], said[0]) if said else None


def _marks(m: Milestone) -> set[str]:
    """The marks a milestone's row draws, so the legend names no mark the chart lacks."""
    done = done_at(m)
    marks = {"done"} if done else set()
    # A date a promise was made on; an event reported as having happened was never announced ahead of it.
    if m.announced and m.plans and not (done and m.announced >= done[0]):
        marks.add("announced")
    if m.due and m.plans:
        marks.add("due")
    if m.moved_to:
        marks.add("moved")
    return marks


def _charted(milestones) -> list[Milestone]:
    return [m for m in milestones if m.due is not None or m.done is not None]


def legend(milestones, as_of: dt.date | None) -> str:
    """The statuses and marks the chart draws, as HTML beside it (readable at any width, and in print)."""
    rows = _charted(milestones)
    if not rows:
        return ""
    drawn = set().union(*(_marks(m) for m in rows)) | ({"as_of"} if as_of else set())
    items = "".join(
        f'<span class="kb-legend-item"><span class="kb-swatch" style="background:{COLOURS[s]}"></span>{label}</span>'
        for s, (label, _en) in STATUSES.items() if any(m.status == s for m in rows)
    )
    marks = "".join(f'<span class="kb-legend-item">{text}</span>' for mark, text in MARKS.items() if mark in drawn)
    return f'<p class="kb-chart-legend" {UNSEARCHED}>{items} {marks}</p>'


def milestone_chart(milestones: list[Milestone] | tuple[Milestone, ...], as_of: dt.date | None, prefix: str, anchor_prefix: str = "") -> str:
    """The chart as one line of HTML (a div holding a wide and a compact svg); "" when no milestone has a date.

    `prefix` leads from the page to the site root ("../" from /promises/);
    `anchor_prefix` leads to the page listing the milestone rows ("" on it).
    The stylesheet shows the compact one on narrow screens, the wide one elsewhere and in print.
    """
    rows = _charted(milestones)
    if not rows:
        return ""
    labels = _row_labels(rows)
    svgs = "".join(_svg(rows, labels, as_of, prefix, anchor_prefix, layout) for layout in (WIDE, COMPACT))
    return f'<div class="kb-chart-box" {UNSEARCHED}>{svgs}</div>'


def _when(m: Milestone) -> str:
    return (m.done or m.moved_to or m.due).label


def _row_labels(rows: list[Milestone]) -> list[str]:
    """Subject and kind; with the date too where two rows would read the same (IRON · 发布, twice)."""
    plain = [f"{_short(m.subject, 16)} · {zh(m.kind_label)}" for m in rows]
    labels = [f"{text} · {_when(m)}" if plain.count(text) > 1 else text for text, m in zip(plain, rows)]
    return [f"{text} ({labels[:i].count(text) + 1})" if labels.count(text) > 1 else text for i, text in enumerate(labels)]


def _svg(rows: list[Milestone], labels: list[str], as_of: dt.date | None, prefix: str, anchor_prefix: str, layout: Layout) -> str:
    left, plot, row = layout.label_width, layout.plot_width, layout.row
    dates = [d for m in rows for d in (m.announced if "announced" in _marks(m) else None, m.due and m.due.start,
                                       m.due and m.due.end, *(done_at(m) or ()), m.moved_to and m.moved_to.end) if d]
    dates += [as_of] if as_of else []
    first = dt.date(min(dates).year, 1, 1)
    last = dt.date(max(dates).year, 12, 31)
    span = max((last - first).days, 1)

    def _x(date: dt.date) -> float:
        return left + 6 + (plot - 6) * (date - first).days / span

    rows_end = TOP + row * len(rows) + 4
    height = rows_end + (layout.font + 8 if as_of else 4)  # the as-of date on a line of its own, below the rows
    width = left + plot + 12
    small = layout.font - 1
    parts = [
        f'<svg class="kb-chart {layout.css}" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="承诺时间图" font-size="{layout.font}">'
    ]
    # Lines and axis labels in the text colour (currentColor), faded: legible on the dark scheme as on the light one.
    for year in range(first.year, last.year + 1):
        x = _x(dt.date(year, 1, 1))
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{rows_end}" stroke="currentColor" stroke-opacity="0.3" stroke-width="0.6"/>')
        parts.append(f'<text x="{x + 3:.1f}" y="{TOP - 12}" fill="currentColor" fill-opacity="0.75">{year}</text>')
        if last.year - first.year < 3 and not layout.label_above:  # a short span: quarters too, where there is room
            for quarter in (2, 3, 4):
                qx = _x(dt.date(year, 3 * quarter - 2, 1))
                parts.append(f'<line x1="{qx:.1f}" y1="{TOP - 4}" x2="{qx:.1f}" y2="{rows_end}" stroke="currentColor" stroke-opacity="0.15" stroke-width="0.5"/>')
                parts.append(f'<text x="{qx + 2:.1f}" y="{TOP - 1}" fill="currentColor" fill-opacity="0.6" font-size="{small}">Q{quarter}</text>')
    if as_of:
        x = _x(as_of)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{rows_end}" stroke="currentColor" stroke-dasharray="3 3"/>')
        # Left of the line when there is room for it (about 8 em), else right of it.
        anchor, tx = ("end", x - 3) if x - left > 8 * layout.font else ("start", x + 3)
        parts.append(f'<text class="kb-chart-as-of" x="{tx:.1f}" y="{height - 5}" fill="currentColor" text-anchor="{anchor}">'
                     f'截至 {as_of.isoformat()}</text>')
    for i, (m, label) in enumerate(zip(rows, labels)):
        y = TOP + row * i + (row * 0.68 if layout.label_above else row / 2)
        colour = COLOURS[m.status]
        marks = _marks(m)
        text = html.escape(f"{label} · {_when(m)}" if layout.label_above and _when(m) not in label else label)
        label_y = y - 11 if layout.label_above else y + 4
        parts.append(
            f'<a href="{anchor_prefix}#{m.id}"><text x="4" y="{label_y:.1f}" fill="currentColor">{text}'
            f'<title>{html.escape(zh(m.text))} — {html.escape(zh(m.status_label))}</title></text></a>'
        )
        plan = m.plans[0].citation if m.plans else m.reports[0].citation
        if "announced" in marks and m.due and m.announced < m.due.start:
            x1, x2 = _x(m.announced), _x(m.due.start)
            parts.append(f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="1.5" stroke-opacity="0.5"/>')
        if "announced" in marks:
            parts.append(_mark(_link(plan, prefix), f"宣布 {m.announced.isoformat()}：{plan.quote}",
                               f'<circle cx="{_x(m.announced):.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'))
        if "due" in marks:
            x1, x2 = _x(m.due.start), _x(m.due.end)
            parts.append(_mark(_link(plan, prefix), f"截止期 {m.due.label}：{plan.quote}",
                               f'<rect x="{x1:.1f}" y="{y - 6:.1f}" width="{max(x2 - x1, 3):.1f}" height="12" rx="2" fill="{colour}" fill-opacity="0.75"/>'))
        if "moved" in marks:
            moved = next((r.citation for r in m.reports if r.period == m.moved_to), plan)
            x1, x2 = _x(m.moved_to.start), _x(m.moved_to.end)
            parts.append(_mark(_link(moved, prefix), f"改至 {m.moved_to.label}：{moved.quote}",
                               f'<rect x="{x1:.1f}" y="{y - 6:.1f}" width="{max(x2 - x1, 3):.1f}" height="12" rx="2" fill="none" stroke="{colour}" stroke-dasharray="3 2" stroke-width="1.5"/>'))
        if "done" in marks:
            start, end = done_at(m)
            report = next((r.citation for r in m.reports if r.state == "happened"), plan)
            x = _x(start + (end - start) / 2)
            parts.append(_mark(_link(report, prefix), f"报道兑现 {_when(m)}：{report.quote}",
                               f'<path class="kb-chart-done" d="M{x:.1f} {y - 7:.1f} l6 7 l-6 7 l-6 -7 z" fill="{colour}" stroke="#fff"/>'))
    parts.append("</svg>")
    return "".join(parts)


def _mark(href: str, title: str, shape: str) -> str:
    return f'<a href="{html.escape(href, quote=True)}"><title>{html.escape(title[:300])}</title>{shape}</a>'


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
