"""Figures section: the infobox claims citing the gold articles against gold.yml's `figures` and `not_figures`.

A claim matches a gold figure when it is on the same topic page, has the
same value (numbers in base units within TOLERANCE; strings compared
loosely) and cites the paragraph holding the gold quote. Precision counts
every (topic, value, paragraph) the infoboxes show from a gold article;
recall every gold figure. `not_figures` are numbers no infobox may show: a
claim whose number lies inside such a quote, in the quote's paragraph,
counts against it. The same is measured for the key-figure rows the pages
showed before the infobox (`before`), as a baseline.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from build_scripts.knowledge.compose import build_knowledge_base
from build_scripts.knowledge.corroborate import normalise_space
from build_scripts.reading.language import to_simplified
from build_scripts.tools.evaluation import Evaluation

# gold.yml's topic names → the site's topic slugs (topics.yml)
TOPICS = {
    "vla": "second-gen-vla", "robotaxi": "robotaxi", "iron": "iron", "flying": "flying-cars",
    "turing": "turing-chip", "worldmodel": "world-model",
}
TOLERANCE = 0.01


@dataclass(frozen=True)
class Shown:
    """One value a topic page shows, from one paragraph of a gold article."""

    topic: str
    stem: str
    paragraph: str
    value: float | str
    as_written: str
    quote: str
    label: str  # subject · attribute, for the report


def _plain(text) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return re.sub(r"[\W_]+", "", to_simplified(text))


def same_value(gold, shown) -> bool:
    if isinstance(gold, (int, float)) and isinstance(shown, (int, float)):
        return abs(float(gold) - float(shown)) <= TOLERANCE * max(abs(float(gold)), 1e-9)
    if isinstance(gold, (int, float)) or isinstance(shown, (int, float)):
        return False
    g, s = _plain(gold), _plain(shown)
    return bool(g and s) and (g in s or s in g)


def _paragraphs_of(article, quote: str) -> set[str]:
    """Every paragraph holding the quote: a headline or lead may repeat it."""
    wanted = normalise_space(quote)
    return {p.id for p in article.paragraphs if wanted in normalise_space(p.text)}


def _stems(run: Evaluation) -> dict[str, str]:
    """Article slug → gold stem, for the gold articles only."""
    return {article.slug: stem for stem, article in run.article_by_stem.items() if stem in run.gold}


def shown_after(kb, stems) -> list[Shown]:
    found: dict[tuple, Shown] = {}
    for page in kb.topics:
        for row in page.infobox.rows:
            label = f"{row.subject.id} · {row.attribute.id}"
            for value in row.values:
                for claim in value.claims:
                    stem = stems.get(claim.citation.article.slug)
                    if stem:
                        key = (page.topic.slug, stem, claim.citation.paragraph_id, str(claim.value))
                        found.setdefault(key, Shown(page.topic.slug, stem, claim.citation.paragraph_id, claim.value, claim.as_written, claim.citation.quote, label))
    return list(found.values())


def _report(name: str, run: Evaluation, shown: list[Shown]) -> tuple[list[str], list[str]]:
    gold_figures = []
    for stem in sorted(run.gold):
        article = run.article_by_stem.get(stem)
        for figure in run.gold[stem].get("figures") or []:
            paragraph = _paragraphs_of(article, figure["quote"]) if article else set()
            gold_figures.append((stem, TOPICS.get(figure["topic"], figure["topic"]), paragraph, figure))
    matched_shown: set[int] = set()
    misses: list[str] = []
    found = 0
    for stem, topic, paragraph, figure in gold_figures:
        hits = [i for i, s in enumerate(shown) if s.stem == stem and s.topic == topic and s.paragraph in paragraph and same_value(figure["value"], s.value)]
        if hits:
            found += 1
            matched_shown.update(hits)
        else:
            misses.append(f"{name} missed {stem} {topic}: {figure['subject']} · {figure['attribute']} = {figure['value']} {figure.get('unit') or ''} «{figure['quote']}»")
    wrong = [s for i, s in enumerate(shown) if i not in matched_shown]
    for s in wrong:
        misses.append(f"{name} wrong  {s.stem} {s.topic}: {s.label} = {s.value} «{s.quote[:70]}»")
    shown_bad = 0
    for stem in sorted(run.gold):
        article = run.article_by_stem.get(stem)
        for item in run.gold[stem].get("not_figures") or []:
            paragraph = _paragraphs_of(article, item["quote"]) if article else set()
            quote = normalise_space(item["quote"])
            for s in shown:
                if s.stem != stem or s.paragraph not in paragraph:
                    continue
                number_inside = s.as_written and (normalise_space(s.as_written) in quote or quote in normalise_space(s.as_written))
                if number_inside or (not s.as_written and quote in normalise_space(s.quote)):
                    shown_bad += 1
                    misses.append(f"{name} shows not_figure {stem}: «{item['quote']}» as {s.label}")
                    break
    precision = (len(shown) - len(wrong)) / len(shown) if shown else 1.0
    recall = found / len(gold_figures) if gold_figures else 1.0
    scores = [
        f"{name} precision {100 * precision:5.1f}% ({len(shown) - len(wrong)}/{len(shown)})  "
        f"recall {100 * recall:5.1f}% ({found}/{len(gold_figures)})  not_figures shown {shown_bad}",
    ]
    return scores, misses


def score(run: Evaluation) -> list[str]:
    kb = build_knowledge_base(run.corpus)
    stems = _stems(run)
    scores, misses = _report("infobox", run, shown_after(kb, stems))
    return scores + misses
