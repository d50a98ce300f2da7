"""How long each built topic page is for a reader: list items, figure rows, timeline entries.

    python -m build_scripts.tools.page_lengths SITE_DIR

Counts what a reader scrolls through in a topic page's article body (not the
navigation): every `<li>`, every figure row (`.kb-figure`) and every
timeline entry (`.kb-event`), and how many of them sit inside a folded
block (`<details>` closed by default), which the reader does not see until
opening it. Prints one line per topic page and the total.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bs4 import BeautifulSoup


def count_items(html: str) -> tuple[int, int]:
    """(items shown unfolded, items inside closed <details>) in the page's article."""
    article = BeautifulSoup(html, "html.parser").select_one("article") or BeautifulSoup(html, "html.parser")
    items = article.select("li, .kb-figure, .kb-event")
    folded = [x for x in items if any(d.name == "details" and not d.has_attr("open") for d in x.parents)]
    return len(items) - len(folded), len(folded)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    total_shown = total_folded = 0
    for page in sorted((args.site / "topics").glob("*/index.html")):
        shown, folded = count_items(page.read_text(encoding="utf-8"))
        total_shown, total_folded = total_shown + shown, total_folded + folded
        print(f"{page.parent.name:16} {shown + folded:4} items, {shown:4} shown, {folded:4} folded")
    print(f"{'total':16} {total_shown + total_folded:4} items, {total_shown:4} shown, {total_folded:4} folded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
