"""Infobox → Markdown: per subject, one row per attribute with its value(s), times and citations.

A row reads `算力 Compute │ 2,250 TOPS (2025-11-05) [source] → 3,000 TOPS …`:
facts in time order (a progression when there are several), then targets
and forecasts marked as such. Each row's id is `<subject>-<attribute>`; the
ids today's readers may hold (`#fig-tops-3000`) are extra anchors on the row
that carries that value. Disagreements follow the box, one warning each,
saying which subject, which attribute and how far apart in time.
"""
from __future__ import annotations

from build_scripts.knowledge.extract import unit_rules
from build_scripts.knowledge.infobox import ClaimValue, Difference, Infobox, InfoboxRow
from build_scripts.knowledge.overview import load_overview_wording
from build_scripts.pages.cite_menu import cite_data
from build_scripts.pages.markdown_text import escape
from build_scripts.pages.review import checked_mark, review_of
from build_scripts.pages.variants import as_written

STATUS_LABELS = {"target": "目标", "forecast": "预计"}
# Stories cited after each value (its source count follows): a row lists up to a dozen values, and a
# third marker each, with its quote and its reference, took topic pages over 300 KB at 2,000 articles.
VALUE_CITATIONS = 2


def value_label(value: ClaimValue) -> str:
    """`超 2,200 TOPS`, `近 1 亿 clips`, `全固态电池`."""
    from build_scripts.pages.render_topics import format_value  # render_topics renders the infobox through this module

    if isinstance(value.value, str):
        return value.value
    # the word the overview says it with (overview.yml numbers: zh qualifiers): "最高 3,000 TOPS" in both places
    mark = load_overview_wording()["numbers"]["zh"]["qualifiers"].get(value.qualifier, "")
    # a unit units.yml does not read (a pattern's: wheels, level) is said as the overview says it
    unit = unit_rules().unit_names.get(value.unit) or load_overview_wording()["numbers"]["zh"]["units"].get(value.unit, value.unit)
    unit = f" {unit}" if unit else ""
    return f"{mark + ' ' if mark else ''}{format_value(value.value, value.high)}{unit}"


def _shown(value: ClaimValue) -> str:
    """The value as the row shows it: a value in words (全固态电池) is the source's own."""
    label = escape(value_label(value))
    return as_written(label) if isinstance(value.value, str) else label


def _when(value: ClaimValue) -> str:
    """The time the value holds; a publication date is said to be one ("2025-11-11 报道")."""
    if value.as_of is None:
        return "日期不详"
    return value.as_of.label if value.dated_by == "sentence" else f"{value.as_of.label} 报道"


def _sources(value: ClaimValue) -> str:
    count, independent = value.source_count, value.independent_count
    if count <= 1:
        return ""
    note = f"{count} 个来源"
    if independent < count:
        note += f"，{independent} 份独立报道（转载只算一份）"
    return f' <small class="kb-count">{note}</small>'


def _value_text(value: ClaimValue) -> str:
    from build_scripts.pages.render_topics import citations_text

    status = STATUS_LABELS.get(value.status, "")
    when = _when(value)
    when = f"{status}，{when}" if status else when
    # Search indexes the value and its time (`2,250 TOPS`), not the citations:
    # their quoted words are found on the articles' own pages.
    return (
        f"**{_shown(value)}**{checked_mark(review_of(value.claims))} <small>（{escape(when)}）</small> "
        f'<span data-search-exclude="true">{citations_text(value.citations, limit=VALUE_CITATIONS)}{_sources(value)}</span>'
    )


def row_markdown(row: InfoboxRow) -> str:
    parts = []
    if row.facts:
        # Dated facts in time order read as a progression; an undated one cannot be placed in it.
        dated = [v for v in row.facts if v.as_of is not None]
        undated = [v for v in row.facts if v.as_of is None]
        parts.append(" · ".join(filter(None, [" → ".join(_value_text(v) for v in dated), *(_value_text(v) for v in undated)])))
    if row.plans:
        parts.append(" · ".join(_value_text(v) for v in row.plans))
    said = "<br>".join(parts)
    if row.differences:
        said += ' <small class="kb-differ">来源不一致，见下</small>'
    anchors = "".join(f'<span id="{a}" class="kb-old-anchor"></span>' for a in row.anchors)
    return (
        f'{anchors}<span class="kb-attr">{escape(row.attribute.label_zh)}</span> {said}\n'
        f"{{: #{row.id} .kb-figure .kb-claim{cite_data(row.citations[0])} }}"
    )


def difference_markdown(difference: Difference) -> list[str]:
    from build_scripts.pages.render_topics import citations_text

    subject, attribute = difference.subject, difference.attribute
    kind = "目标" if difference.status != "fact" else "事实"
    title = f"来源不一致：{subject.label_zh} · {attribute.label_zh}"
    lines = [
        f'!!! warning "{escape(title)}"',
        "",
        f"    同一主体（{escape(subject.label_zh)}）、同一属性（{escape(attribute.label_zh)}），"
        f"均为{kind}陈述，相隔 {difference.days_apart} 天，数值不能同时成立。[↑](#{difference.row_id})",
        "",
    ]
    for value in difference.values:
        quote = value.citations[0].quote
        lines.append(
            f"    - **{escape(value_label(value))}**（{escape(_when(value))}）："
            f'<span data-search-exclude="true">«{as_written(escape(quote))}» {citations_text(value.citations, limit=VALUE_CITATIONS)}</span>'
        )
    if difference.more:
        lines.append(f"    - 另有 {difference.more} 个不同数值未列出 · {difference.more} more values not listed")
    lines.append("")
    return lines


def infobox_markdown(infobox: Infobox) -> list[str]:
    if not infobox.rows:
        return ["来源中没有此主题可归属到具体产品与属性的数字。", ""]
    lines = ["每个数值注明所属主体、属性、时间与全部来源；目标与预测单独标注，不同时间的数值按先后列出。", ""]
    for subject, rows in infobox.subjects:
        lines += [f"### {escape(subject.label_zh)} {{#subject-{subject.id}}}", ""]
        for row in rows:
            lines += [row_markdown(row), ""]
    for difference in infobox.differences:
        lines += difference_markdown(difference)
    return lines
