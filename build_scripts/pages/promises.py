"""Milestones → the 承诺与兑现 Promises page, the rows topic pages and the timeline share, and the time rules.

A row says what happens and to what (subject and kind), when it is due in
the source's own words and as the period they resolve to, its status as of
the newest article, and the sentences the plan and the status rest on.
"""
from __future__ import annotations


import datetime as dt
import html
import json
from collections.abc import Sequence

from build_scripts.knowledge.compose import KnowledgeBase
from build_scripts.knowledge.milestones import STATUSES, Milestone
from build_scripts.knowledge.timing import load_time_rules
from build_scripts.pages.cite_menu import cite_data
from build_scripts.pages.chart import UNSEARCHED, legend, milestone_chart
from build_scripts.pages.markdown_text import escape, yaml_string
from build_scripts.pages.review import checked_mark
from build_scripts.pages.render_topics import citations_text
from build_scripts.pages.variants import as_written
from build_scripts.pages.voice import zh

PROMISES_PATH = "promises.md"  # the index: counts per topic and status, the time rules
SITE_WIDE_FILTER = "site-wide"  # the topic filter's value for company events on no topic page


def promises_path(topic: str) -> str:
    """The page holding a milestone's row: promises/<topic slug>.md, or promises/site-wide.md.

    One page per topic, not one for all: at 2,000 articles the single page
    held 330 rows and their chart, 700 KB. A row stays on its topic's page
    however many articles come, so its link (`promises/iron/#m-…`) lasts."""
    return f"promises/{topic or SITE_WIDE_FILTER}.md"


# A topic's promises page holds at most this many rows; a topic with more has
# a page per year of its milestones' periods (promises/<topic>/<year>/), and
# the undated ones a page per month they were first reported in
# (…/undated-<YYYY-MM>/): at 2,000 articles the VLA topic had 308 rows,
# 289 of them undated, 580 KB; flying cars' 96 rows with their footnotes
# made 362 KB. The topic's page lists these pages and forwards a link to a
# row it held.
TOPIC_PAGE_ROWS = 50


def _year(m: Milestone) -> str:
    """The page of a topic with many milestones a row is on: the year of the period it is named by
    (its id says it too), so it never moves; an undated one's by the month it was first reported."""
    period = m.due or m.done or m.moved_to
    if period is not None:
        return str(period.start.year)
    said = [s.said_on for s in m.sightings if s.said_on]
    return f"undated-{min(said):%Y-%m}" if said else "undated"


def _year_label(key: str) -> str:
    if key.startswith("undated-"):
        return f"时间未定（{key[len('undated-'):]} 报道）"
    return "时间未定" if key == "undated" else key


def row_pages(milestones: Sequence[Milestone]) -> dict[str, str]:
    """Milestone id → the docs path of the page holding its row (all of a topic's milestones, or all milestones)."""
    counts: dict[str, int] = {}
    for m in milestones:
        counts[m.topic] = counts.get(m.topic, 0) + 1
    return {m.id: (promises_path(m.topic) if counts[m.topic] <= TOPIC_PAGE_ROWS
                   else f"{promises_path(m.topic)[:-len('.md')]}/{_year(m)}.md") for m in milestones}


def _resolved(m: Milestone) -> str:
    """The source's words for the time, and how relative ones were read."""
    said = []
    for s in m.sightings:
        if not s.when_text or any(s.when_text == w for w, _ in said):
            continue
        if s.relative and s.period is not None and s.said_on:
            said.append((s.when_text, f"“{as_written(escape(s.when_text))}” → {s.period.label}（按发布日期 {s.said_on.isoformat()} 推算）"))
        elif s.relative and s.period is not None and s.anchor:
            said.append((s.when_text, f"“{as_written(escape(s.when_text))}” → {s.period.label}（文章无日期，按文中最晚日期 {s.anchor.isoformat()} 推算）"))
        elif s.relative:
            said.append((s.when_text, f"“{as_written(escape(s.when_text))}”（文章无日期，未推算）"))
        else:
            said.append((s.when_text, f"“{as_written(escape(s.when_text))}”"))
    return "；".join(text for _, text in said)


STATE_ZH = {"planned": "计划", "happened": "已发生", "dropped": "放弃", "delayed": "推迟"}


def _read_as(s) -> str:
    """How a sentence was read, in the page's words: "计划 · 2026 Q4 · 将"."""
    parts = [STATE_ZH.get(s.state, s.state), s.period.label if s.period else "", s.marker,
             "主体按文章推断" if s.read == "borrowed" else ""]
    return " · ".join(p for p in parts if p)


# How many sources' readings a status badge's tooltip names: one per outlet and reading, they were
# 4.5 KB on a row 24 outlets reported, and grow with every republication.
READINGS_SHOWN = 8


def milestone_row(m: Milestone, from_dir: str, with_topic: str = "", cited_on: str = "") -> str:
    """One milestone as a Markdown paragraph with a stable id and data attributes for the filters.

    With `cited_on` (the docs path of the page listing its citations, as seen
    from this one), the row links there instead of listing its citations: a
    page listing every topic's milestones stays light."""
    due = m.due.label if m.due else "时间未定"
    # How each sentence was read (knowledge/clauses.py), on hover: "计划 · 2026 Q4 · 将"
    readings = list(dict.fromkeys(f"{s.citation.article.outlet or s.citation.article.title}：{_read_as(s)}" for s in m.sightings))
    read_as = "；".join(readings[:READINGS_SHOWN]) + (f"；另 {len(readings) - READINGS_SHOWN} 条" if len(readings) > READINGS_SHOWN else "")
    badge = f'<span class="kb-badge kb-s-{m.status}" title="{html.escape(read_as, quote=True)}">{escape(zh(m.status_label))}</span>'
    if not m.confident:  # its subject is only the article's: listed, never headlined
        badge += ' <span class="kb-badge kb-unsure" title="句中未点名主体，按文章主题推断">主体推断</span>'
    said = _resolved(m)
    plan_citations = [s.citation for s in m.plans] or [s.citation for s in m.reports[:1]]
    basis = [s.citation for s in m.reports if s.citation not in plan_citations]
    shown = m.done or m.moved_to or m.due
    anchors = "".join(f'<span id="{a}" class="kb-old-anchor"></span>' for a in m.anchors)
    parts = [
        f"{anchors}{badge} **{escape(zh(m.text))}**{checked_mark(m.review)}",
        f"· **{escape(shown.label if shown else due)}**{{ .kb-when }}",
        f"<small>原定 {escape(due)}</small>" if m.plans and shown is not None and shown.label != due else "",
        f"<small>原文：{said}</small>" if said else "",
        with_topic,
        f"<br>{'承诺' if m.plans else '报道'}："
        + (f"<small>{m.announced.isoformat()}</small> " if m.announced else "")
        + (f"[{len({c.article.report for c in m.citations})} 个来源]({cited_on}#{m.id}){{ .kb-sources }}" if cited_on
           else citations_text(plan_citations, from_dir)),
    ]
    if m.status_note:
        parts.append(f"<br>{escape(zh(m.status_note))}")
    if basis and not cited_on:
        parts.append(f" 依据：{citations_text(basis, from_dir)}")
    attributes = f'data-topic="{m.topic or SITE_WIDE_FILTER}" data-status="{m.status}"{cite_data(plan_citations[0])}'
    return " ".join(p for p in parts if p) + f"\n{{: #{m.id} .kb-event .kb-milestone {attributes} }}"


# A topic page lists this many of its milestones (the newest, and the one its
# overview names); its promises page (promises_path) lists them all. At
# 2,000 articles a topic held 44, 175 KB of the page.
TOPIC_PAGE_MILESTONES = 12


def render_milestones_section(milestones: Sequence[Milestone], as_of: dt.date | None) -> list[str]:
    """A topic page's milestones: the newest rows and their chart, and a link to the topic's promises page for all.

    The chart draws the rows the page shows: drawing every milestone made it
    the page's heaviest part (76 KB of the flying cars' 383 at 2,000
    articles); the promises page draws them all. A link to a row this page
    does not hold (`#m-…`, as the page had them all once) goes on to that
    page, which holds the row or forwards to its year's page."""
    if not milestones:
        return ["来源中没有此主题的承诺或进展。", ""]
    from build_scripts.knowledge.overview import main_promise

    everything = promises_path(milestones[0].topic).replace("promises/", "../promises/", 1)
    shown = newest_milestones(milestones, TOPIC_PAGE_MILESTONES, main_promise(milestones))
    lines = [_as_of_line(as_of), "", legend(shown, as_of), "", milestone_chart(shown, as_of, "../../", ""), ""]
    for m in shown:
        lines += [milestone_row(m, "topics"), ""]
    if len(shown) < len(milestones):
        lines += [f"<small>显示最新的 {len(shown)} 项，共 {len(milestones)} 项：</small>[全部承诺与进展]({everything})", "",
                  _forward_unlisted(f"../../{everything[len('../'):-len('.md')]}/"), ""]
    return lines


def _forward_unlisted(page: str) -> str:
    """A link to a milestone row (`#m-…`) this page does not hold goes on to `page` (a topic's promises page)."""
    return (
        "<script>(function(){function go(){var id=decodeURIComponent(location.hash.slice(1));"
        "if(/^m-/.test(id)&&!document.getElementById(id))location.replace(" + json.dumps(page) + "+\"#\"+id)}"
        "go();addEventListener(\"hashchange\",go)})()</script>"
    )


def newest_milestones(milestones: Sequence[Milestone], count: int, keep: Milestone | None = None) -> list[Milestone]:
    """The `count` milestones sources spoke of last, and `keep`, in their given order."""
    if len(milestones) <= count:
        return list(milestones)

    def newest(m: Milestone) -> tuple:
        said = [s.said_on for s in m.sightings if s.said_on]
        return (max(said) if said else dt.date.min, m.last_date or dt.date.min, m.id)

    latest = sorted(milestones, key=newest, reverse=True)[:count]
    chosen = {m.id for m in latest} | ({keep.id} if keep is not None else set())
    return [m for m in milestones if m.id in chosen]


def _as_of_line(as_of: dt.date | None) -> str:
    when = as_of.isoformat() if as_of else "日期不详"
    return f"状态截至最新来源日期 {when}；时间词的推算规则见[承诺与兑现](../{PROMISES_PATH}#time-rules)。"


def render_promises_pages(kb: KnowledgeBase) -> dict[str, str]:
    """The index (PROMISES_PATH), a page per topic with milestones (promises_path), and a page
    per year of a topic with more than TOPIC_PAGE_ROWS (row_pages)."""
    groups: dict[str, list[Milestone]] = {}
    for m in kb.milestones:
        groups.setdefault(m.topic or "", []).append(m)
    titles = {p.topic.slug: p.topic.title_zh for p in kb.topics}
    order = [p.topic.slug for p in kb.topics if p.topic.slug in groups] + [t for t in groups if t not in titles]
    pages = {PROMISES_PATH: render_promises_index(kb, [(t, titles.get(t, "全站"), groups[t]) for t in order])}
    for topic in order:
        milestones = groups[topic]
        if len(milestones) <= TOPIC_PAGE_ROWS:
            pages[promises_path(topic)] = render_topic_promises(kb, topic, titles.get(topic, ""), milestones)
            continue
        years: dict[str, list[Milestone]] = {}
        for m in milestones:
            years.setdefault(_year(m), []).append(m)
        pages[promises_path(topic)] = render_topic_years(kb, topic, titles.get(topic, ""), milestones, years)
        for year, rows in years.items():
            path = f"{promises_path(topic)[:-len('.md')]}/{year}.md"
            pages[path] = render_topic_promises(kb, topic, titles.get(topic, ""), rows, year)
    return pages


def render_topic_years(kb: KnowledgeBase, topic: str, title: str, milestones: list[Milestone],
                       years: dict[str, list[Milestone]]) -> str:
    """A topic with many milestones: its chart, and a page per year of their periods."""
    slug = topic or SITE_WIDE_FILTER
    ordered = sorted(years, key=lambda y: (not y.startswith("undated"), y), reverse=True)
    lines = [
        *_page_head(kb, title or "全站", "", "按年份分页；", "../", milestones),
        *[f"- [{_year_label(year)}]({slug}/{year}.md)：{len(years[year])} 项" for year in ordered], "",
        legend(milestones, kb.as_of), "",
        milestone_chart(milestones, kb.as_of, "../../", ""), "",
        _forward_script({year: [m.id for m in years[year]] for year in years}), "",
    ]
    return "\n".join(lines) + "\n"


def _page_head(kb: KnowledgeBase, heading: str, before: str, after: str, up: str, milestones: Sequence[Milestone]) -> list[str]:
    """A topic's promises page's front matter, title, as-of line (`before`/`after` the date) and status counts.

    Not searched: its rows are the topic page's and the timeline's, its quotes the sources'; indexed
    again here they outranked an article for the word it is about."""
    counts = _counts(milestones)
    return [
        "---", f"title: {yaml_string(f'承诺与兑现 · {heading}')}", "search:", "  exclude: true", "---", "",
        f"# 承诺与兑现 · {escape(heading)}", "",
        f"{before}状态截至最新来源日期 **{kb.as_of.isoformat() if kb.as_of else '日期不详'}**{after or '；'}"
        f"其他主题与时间词的推算规则见[承诺与兑现]({up}{PROMISES_PATH})。", "",
        "<small>" + " · ".join(f"{label}：{counts[s]}" for s, (label, _en) in STATUSES.items() if counts[s]) + "</small>", "",
    ]


def _counts(milestones: Sequence[Milestone]) -> dict[str, int]:
    return {s: sum(1 for m in milestones if m.status == s) for s in STATUSES}


def render_promises_index(kb: KnowledgeBase, groups: list[tuple[str, str, list[Milestone]]]) -> str:
    as_of = kb.as_of.isoformat() if kb.as_of else "日期不详"
    counts = _counts(kb.milestones)
    shown = [s for s in STATUSES if counts[s]]
    lines = [
        "---", "title: 承诺与兑现", "---", "",
        "# 承诺与兑现", "",
        f"来源中的每一项承诺与进展，状态截至最新来源日期 **{as_of}**，按主题分页。"
        "每个状态都链接到它所依据的句子；“已逾期”只表示这些来源中没有兑现的报道。", "",
        "<small>" + " · ".join(f"{STATUSES[s][0]}：{counts[s]}" for s in shown) + "</small>", "",
    ]
    if not groups:
        lines += ["来源中没有承诺或进展。", ""]
    else:
        lines += [
            "| 主题 | " + " | ".join(STATUSES[s][0] for s in shown) + " | 合计 |",
            "| --- | " + " | ".join("---:" for _ in shown) + " | ---: |",
        ]
        for topic, title, milestones in groups:
            row = _counts(milestones)
            lines.append(f"| [{escape(title)}]({promises_path(topic)}) | " + " | ".join(str(row[s] or "") for s in shown)
                         + f" | {len(milestones)} |")
        lines.append("")
    lines += render_time_rules()
    lines += [_old_anchors_script(groups), ""]
    return "\n".join(lines) + "\n"


def _old_anchors_script(groups: list[tuple[str, str, list[Milestone]]]) -> str:
    """Links made when every row was on this page (promises/#m-…) forward to the row's topic page."""
    return _forward_script({topic or SITE_WIDE_FILTER: [m.id for m in milestones] for topic, _title, milestones in groups})


def _forward_script(where: dict[str, list[str]]) -> str:
    """A link to a row this page does not hold (#m-…) goes on to the page `where` names for it (a folder below)."""
    data = json.dumps(where, separators=(",", ":")).replace("</", "<\\/")  # ids are slugs; never a closing tag
    return (
        "<script>(function(){var where=" + data + ";function go(){var id=decodeURIComponent(location.hash.slice(1));"
        "for(var to in where)if(where[to].indexOf(id)>=0)location.replace(to+\"/#\"+id)}"
        "go();addEventListener(\"hashchange\",go)})()</script>"
    )


def render_topic_promises(kb: KnowledgeBase, topic: str, title: str, milestones: list[Milestone], year: str = "") -> str:
    """One topic's milestones (or the site-wide ones), or those of one `year` of a topic with many:
    counts, status filter, chart, rows."""
    name = title or "全站"
    up = "../../" if year else "../"
    about = f"[{escape(title)}]({up}topics/{topic}.md)的" if title else "不属于任何主题页的公司层面"
    when = (f"{_year_label(year)}的" if year.startswith("undated") else f"{year} 年的") if year else ""
    lines = [
        *_page_head(kb, f"{name} · {_year_label(year)}" if year else name, f"{about}{when}承诺与进展，", "", up, milestones),
        _filters(milestones), "",
        legend(milestones, kb.as_of), "",
        milestone_chart(milestones, kb.as_of, "../../../" if year else "../../", ""), "",
        "## 全部里程碑 {#all}", "",
    ]
    for m in milestones:
        lines += [milestone_row(m, f"promises/{topic or SITE_WIDE_FILTER}" if year else "promises"), ""]
    return "\n".join(lines) + "\n"


def _filters(milestones: Sequence[Milestone]) -> str:
    statuses = "".join(f'<option value="{s}">{label}</option>' for s, (label, _en) in STATUSES.items()
                       if any(m.status == s for m in milestones))
    return (
        f'<form class="kb-filters" aria-label="筛选" {UNSEARCHED}>'
        '<input type="hidden" name="topic" value="">'  # assets/kb.js reads a topic filter too: one page, one topic
        f'<label>状态 <select name="status"><option value="">全部</option>{statuses}</select></label>'
        '</form>'
    )


def render_time_rules() -> list[str]:
    """The published rules that turn time words into periods (data/time_rules.yml)."""
    rules = load_time_rules()

    def words(mapping, show) -> str:
        return "、".join(f"{escape(w)} → {show(v)}" for w, v in mapping.items())

    offset = lambda n: "本期" if n == 0 else f"{'+' if n > 0 else ''}{n}"  # noqa: E731
    part = {"Q1": "第一季度", "Q2": "第二季度", "Q3": "第三季度", "Q4": "第四季度", "H1": "上半年",
            "H2": "下半年", "rest": "发布日至年底"}
    return [
        "## 时间词推算规则 {#time-rules}", "",
        "相对或模糊的时间按文章的发布日期推算，保留原文的精度（周就是一周，不是某一天）；文章没有日期时不推算，也不据此给出状态。"
        "繁体文章套用同样的规则。", "",
        f"- **年份**（相对发布年份）：{words(rules.years, offset)}",
        f"- **年内时段**（跟在年份后，或单独出现时指发布当年；计划中的时段若已过去，指下一年）：{words(rules.parts, lambda v: part[v])}",
        f"- **季度**（相对发布季度）：{words(rules.quarters, offset)}",
        f"- **月份**（相对发布月份）：{words(rules.months, offset)}；只写月日（3月19日）时取离发布日期最近的那一年",
        f"- **周**（周一至周日，相对发布周）：{words(rules.weeks, offset)}",
        f"- **日**（相对发布日）：{words(rules.days, offset)}",
        "- **星期**：发布日当天或之前最近的那一天（周三 / on Wednesday）；计划中的事取之后最近的那一天（将于周三发布）",
        f"- **模糊时间**（自发布日起的月数）：{words(rules.windows, lambda n: f'{n} 个月')}",
        f"- **期限**（自发布日起的年数或月数）：数目和 {'、'.join(escape(w) for w in rules.within_units)} 之前有"
        f" {'、'.join(escape(w) for w in rules.within_before)}，或之后有 {'、'.join(escape(w) for w in rules.within_after)}"
        "（三年内、未来两年、within two years）→ 发布日至期满；单写“三年”只是时长，不算时间",
        f"- **之前**：{'、'.join(escape(w) for w in rules.before_year)}＋年份 → 前一年年底为止（before 2027 → 2026 年）",
        f"- **同一天**：{'、'.join(escape(w) for w in rules.same_day)} → 文中此前最近写出的那一天（3月2日…活动当天 → 3月2日）",
        "- **无日期的文章**：按文中写出的最晚完整日期推算；只写月日（3月2日）时，若其他来源写出同一天且只有一个年份，取那一年",
        f"- **不给时间**：{'、'.join(escape(w) for w in rules.undated)}",
        "- **状态**：已兑现＝有来源报道发生（晚于截止期则注明晚多久）；已改期＝较晚的来源给出更晚的日期（两者都列出）；"
        "已逾期＝截止期已过且这些来源中没有兑现的报道；已放弃＝有来源报道放弃。任何晚于陈述文章日期的事，都不会被当作已发生。",
        "",
    ]
