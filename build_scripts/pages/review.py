"""Reviews → what a reader sees of an editor's check: the checked mark, and kb.json's `reviewed` and `original`.

In: the `Review` a corrected, confirmed or added claim or milestone carries
(knowledge/corrections.py). Out: a small mark whose tooltip says who
checked it, when and why; and the fields kb.json adds to the item.
"""
from __future__ import annotations

import html
from collections.abc import Iterable

from build_scripts.model import Review

MARKS = {"confirmed": "✓ 已核实", "corrected": "✓ 已更正", "added": "✓ 编辑添加"}


def checked_mark(review: Review | None) -> str:
    """` <span class="kb-checked" title="…">✓ 已核实</span>`, or "" for an item no editor checked."""
    if review is None:
        return ""
    return (f' <span class="kb-checked kb-checked-{review.verdict}" title="{html.escape(review.tooltip, quote=True)}"'
            f' data-search-exclude="true">{MARKS[review.verdict]}</span>')


def review_of(items: Iterable) -> Review | None:
    """The review shown for a value several claims state: a correction before a confirmation."""
    reviews = [item.review for item in items if getattr(item, "review", None) is not None]
    return min(reviews, key=lambda r: (r.verdict == "confirmed", r.line)) if reviews else None


def review_json(review: Review | None) -> dict:
    """kb.json's fields for a checked item: nothing for an unchecked one."""
    if review is None:
        return {}
    entry = {"reviewed": review.verdict, "reviewed_by": review.by or None, "review_note": review.note or None}
    if review.original:
        entry["original"] = dict(review.original)
    return entry
