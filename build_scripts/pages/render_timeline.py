"""All topics' milestones → one site timeline page, newest first, labelled by topic.

Each row is a milestone (knowledge/milestones.py): it says what happens to
what, once however many articles state it, at the precision its source gave
(a week stays a week), with its status as of the newest article.
"""
from __future__ import annotations

from build_scripts.knowledge.compose import KnowledgeBase
from build_scripts.pages.markdown_text import escape
from build_scripts.pages.promises import milestone_row, row_pages


def render_site_timeline(kb: KnowledgeBase) -> str:
    titles = {p.topic.slug: p.topic for p in kb.topics}
    lines = [
        "---", "title: 时间线", "---", "",
        "# 时间线", "",
        "所有主题的承诺与已发生事件，最新的在上；相对时间（今年、明年、年底……）按文章发布日期推算，"
        "原文说法附后，推算规则见[承诺与兑现](promises.md#time-rules)。", "",
    ]
    dated = [m for m in kb.milestones if m.last_date is not None]
    rows = row_pages(kb.milestones)
    year = None
    for m in sorted(dated, key=lambda m: (m.last_date, m.id), reverse=True):
        if m.last_date.year != year:
            year = m.last_date.year
            lines += [f"## {year} {{#y{year}}}", ""]
        topic = titles.get(m.topic)
        label = f"[{escape(topic.title_zh)}](topics/{topic.slug}.md){{ .kb-topic }}" if topic else "<small>全站</small>"
        # Its citations are on its topic's promises page: this page lists every topic's rows.
        lines += [milestone_row(m, "", with_topic=label, cited_on=rows[m.id]), ""]
    return "\n".join(lines)
