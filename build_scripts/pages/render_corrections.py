"""The corrections report → the Problems page's "Corrections" section.

It lists the corrections of seeds/sources.yml that no longer find what they
correct (the article was removed, the sentence edited), with the entry's line
and what to do, and every item an editor rejected, with the sentence it was
read from: rejected items are on no other page, and must not vanish unseen.
"""
from __future__ import annotations

from build_scripts.knowledge.corrections import CorrectionsReport
from build_scripts.pages.markdown_text import escape
from build_scripts.pages.variants import verbatim
from build_scripts.reading.corpus import SOURCES_FILE

SECTION_TITLE = "编辑更正"


def stale_lines(report: CorrectionsReport) -> list[str]:
    """One build-log line per correction that no longer applies, as a file's problem is one (FileReport.line)."""
    return [f"{SOURCES_FILE}: line {s.correction.line}: {s.correction.section}: {s.correction.action} {s.correction.target} "
            f"{s.what} (not applied) — {s.todo}" for s in report.stale]


def has_corrections_section(report: CorrectionsReport) -> bool:
    return bool(report.stale or report.rejected)


def render_corrections_section(report: CorrectionsReport) -> str:
    if not has_corrections_section(report):
        return ""
    lines = [
        "", f"## {SECTION_TITLE} {{#corrections}}", "",
        f"`seeds/{SOURCES_FILE}` 中的更正：{len(report.applied)} 条已生效，{len(report.stale)} 条未生效。", "",
    ]
    if report.stale:
        lines += [
            "### 未生效的更正 {#corrections-stale}", "",
            "| 行 | 更正 | 问题 | 处理 |",
            "| --- | --- | --- | --- |",
        ]
        for stale in report.stale:
            c = stale.correction
            lines.append(
                f"| <code>{SOURCES_FILE}</code> 第 {c.line} 行 | {c.section}: {escape(c.action)} {escape(c.target)} "
                f"| {escape(stale.what)} | {escape(stale.todo)} |"
            )
        lines.append("")
    if report.rejected:
        lines += [
            "### 已删除的条目 {#corrections-rejected}", "",
            "编辑判定为读错的条目：不在任何页面上显示。", "",
            "| 行 | 原读取 | 句子 | 核实人 |",
            "| --- | --- | --- | --- |",
        ]
        for rejected in report.rejected:
            c, citation = rejected.correction, rejected.citation
            link = f"[{escape(citation.article.file_name)}](sources/{citation.article.slug}.md#{citation.paragraph_id})"
            who = " · ".join(escape(p) for p in (c.by, c.date, c.note) if p)
            lines.append(
                f"| <code>{SOURCES_FILE}</code> 第 {c.line} 行 | {escape(rejected.what)} "
                f"| «{verbatim(escape(citation.quote[:120]))}» {link} | {who} |"
            )
        lines.append("")
    return "\n".join(lines) + "\n"
