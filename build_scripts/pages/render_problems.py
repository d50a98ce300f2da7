"""File reports → Markdown: the page listing every file in seeds/ that needs a look.

One row per file: its name, what is wrong, what to do, and whether it is on
the site anyway. The same lines go to the build log; this page is for the
person who only looks at the site.
"""
from __future__ import annotations

from collections.abc import Sequence

from build_scripts.pages.markdown_text import escape, visible_controls
from build_scripts.model import FileReport

PROBLEMS_PATH = "problems.md"


def render_problems_page(reports: Sequence[FileReport]) -> str:
    skipped = sum(r.rejected for r in reports)
    lines = [
        "---",
        "title: 输入问题",
        "---",
        "",
        "# 输入问题 {#problems}",
        "",
        f"`seeds/` 中有 {len(reports)} 个文件需要处理，其中 {skipped} 个未收录。"
        "改好后重新构建即可；其他文章照常收录。",
        "",
        "| 文件 | 问题 | 处理 | 结果 |",
        "| --- | --- | --- | --- |",
    ]
    for report in reports:
        result = "未收录" if report.rejected else "已收录，有警告"
        lines.append(
            f"| <code>{escape(visible_controls(report.file_name))}</code> | {escape(visible_controls(report.what))} | {escape(visible_controls(report.todo))} | {result} |"
        )
    return "\n".join(lines) + "\n"
