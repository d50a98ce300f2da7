"""All topics' timelines → one site timeline page, newest first, labelled by topic."""
from __future__ import annotations

from build_scripts.knowledge.compose import KnowledgeBase
from build_scripts.pages.cite_menu import cite_data
from build_scripts.pages.markdown_text import escape
from build_scripts.pages.render_topics import citations_text


def render_site_timeline(kb: KnowledgeBase) -> str:
    merged: dict[str, tuple] = {}
    for page in kb.topics:
        for entry in page.timeline:
            stored = merged.setdefault(entry.ids[0], (entry, []))
            stored[1].append(page.topic)
    ordered = sorted(merged.values(), key=lambda item: (item[0].when.sort_date, item[0].ids[0]), reverse=True)
    lines = [
        "---", "title: 时间线 Timeline", "---", "",
        "# 时间线 Timeline", "",
        "所有主题的已发生事件与计划，最新的在上；相对日期（今年、明年……）按文章发布日期推算并注明。", "",
    ]
    year = None
    for entry, topics in ordered:
        if entry.when.year != year:
            year = entry.when.year
            lines += [f"## {year} {{#y{year}}}", ""]
        labels = " ".join(f"[{escape(t.title_zh)}](topics/{t.slug}.md){{ .kb-topic }}" for t in topics)
        status = "计划 planned" if entry.planned else "已发生 past"
        resolved = " <small>(resolved)</small>" if entry.resolved else ""
        extra = "".join(f'<span id="{i}"></span>' for i in entry.ids[1:])
        lines.append(
            f"{extra}**{entry.when.label}**{{ .kb-when }} <small class=\"kb-status\">{status}</small> "
            f"{labels} {escape(entry.text)} {citations_text(entry.citations, from_dir='')}{resolved}\n"
            f"{{: #{entry.ids[0]} .kb-event{cite_data(entry.citations[0])} }}"
        )
        lines.append("")
    return "\n".join(lines)
