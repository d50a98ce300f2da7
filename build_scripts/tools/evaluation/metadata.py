"""Metadata section: title, outlet, author, date and language of each article against gold.yml."""
from __future__ import annotations

import re
import unicodedata

from build_scripts.reading.language import to_simplified
from build_scripts.reading.outlets import load_outlets
from build_scripts.tools.evaluation import Evaluation

FIELDS = ("title", "outlet", "author", "date", "language")


def _plain(text) -> str:
    """Compared without case, width, script, spacing or punctuation: `CNBC` = `cnbc`, 聯合報 = 联合报."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return re.sub(r"[\W_]+", "", to_simplified(text))


def _same_outlet(gold: str, read: str) -> bool:
    """One outlet by the alias list of outlets.yml: 聯合報 = udn = United Daily News, etnet = 經濟通."""
    outlets = load_outlets()
    known = [outlets.named(name) or outlets.of_domain(name) for name in (gold, read)]
    return known[0] is not None and known[0] == known[1]


def field_is_right(name: str, gold, read) -> bool:
    if gold is None or gold == "":
        return not read  # the text names none: right only when the site says unknown
    if not read:
        return False
    if name in ("date", "language"):
        return str(gold) == str(read)
    if name == "title":
        return _plain(gold) == _plain(read)
    if name == "outlet" and _same_outlet(str(gold), str(read)):
        return True
    # An outlet or author is right when the site's name contains the gold one or the
    # reverse (鉅亨網 Anue for 鉅亨網; 记者 X for X is not asked of the gold).
    g, r = _plain(gold), _plain(read)
    return bool(g) and (g in r or r in g)


def score(run: Evaluation) -> list[str]:
    right = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    stems = sorted(run.gold)
    for stem in stems:
        gold = run.gold[stem]
        article = run.article_by_stem.get(stem)
        for name in FIELDS:
            read = None if article is None else getattr(article, name)
            if name == "title" and article is not None and not article.provenance.title:
                read = None  # shown under its file name: no title was read
            if name == "date" and read is not None:
                read = read.isoformat()
            expected = gold.get(name)
            if name == "date" and expected is not None:
                expected = str(expected)
            if article is not None and field_is_right(name, expected, read):
                right[name] += 1
            else:
                misses.append(f"miss {stem} {name}: gold {expected!r}, read {read!r}" if article else f"miss {stem}: not published")
    lines = [f"{name:<9} {right[name]:>3}/{len(stems)}  {100 * right[name] / max(len(stems), 1):5.1f}%" for name in FIELDS]
    return lines + sorted(dict.fromkeys(misses))
