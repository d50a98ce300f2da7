"""Figures section: the infobox claims citing the gold articles against gold.yml's `figures` and `not_figures`.

A claim matches a gold figure when it is shown on the gold's topic page,
has the same value (numbers in base units within TOLERANCE; strings
compared loosely) in the same unit, measures the same part (a gold "degrees
of freedom (hands)" is not a row of the whole body: the words that tell one
attribute from another of its unit must agree) and cites the paragraph
holding the gold quote (a headline repeating the value counts). Precision
counts every (subject, attribute, value, paragraph) the infoboxes show from
a gold article, however many pages show it; recall every gold figure. `not_figures` are numbers no infobox may show: a
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


# gold.yml's units → the site's unit ids (units.yml, or an attribute's `unit`)
GOLD_UNITS = {"dof": "dof", "%": "percent", "x": "times", "cards": "gpus", "min": "minutes", "usd": "usd", "cny": "cny",
              "sae level": "level", "units": "units", "aircraft modules": "units", "vehicles": "units"}
UNITLESS = {None, "", "level"}
PARENTHESIS = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True)
class Shown:
    """One value the infoboxes show, from one paragraph of a gold article."""

    topics: frozenset[str]
    stem: str
    paragraph: str
    value: float | str
    as_written: str
    quote: str
    label: str  # subject · attribute, for the report
    unit: str = ""
    part: frozenset[str] = frozenset()  # the words in the attribute's label that tell it from others of its unit
    siblings: frozenset[str] = frozenset()  # those words of every attribute of its unit

    @property
    def topic(self) -> str:
        return ",".join(sorted(self.topics))


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


def _stems_of(text: str) -> set[str]:
    return {w[:4] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}


def _parts(label: str) -> frozenset[str]:
    return frozenset(w for group in PARENTHESIS.findall(label) for w in _stems_of(group))


def shown_after(kb, stems) -> list[Shown]:
    rows = [(page, row) for page in kb.topics for row in page.infobox.rows]
    by_unit: dict[str, set[str]] = {}
    for _, row in rows:
        for unit in (*row.attribute.units, row.attribute.unit):
            by_unit.setdefault(unit, set()).update(_parts(row.attribute.label_en))
    found: dict[tuple, Shown] = {}
    for page, row in rows:
        label = f"{row.subject.id} · {row.attribute.id}"
        for value in row.values:
            for claim in value.claims:
                stem = stems.get(claim.citation.article.slug)
                if not stem:
                    continue
                key = (row.subject.id, row.attribute.id, stem, claim.citation.paragraph_id, str(claim.value))
                previous = found.get(key)
                topics = (previous.topics if previous else frozenset()) | {page.topic.slug}
                found[key] = Shown(topics, stem, claim.citation.paragraph_id, claim.value, claim.as_written, claim.citation.quote,
                                   label, claim.unit, _parts(row.attribute.label_en), frozenset(by_unit.get(claim.unit, ())))
    return list(found.values())


def same_measure(figure: dict, shown: Shown) -> bool:
    """Same unit, and the same part of the subject: the words that tell attributes of one unit apart agree."""
    gold_unit = figure.get("unit")
    gold_unit = GOLD_UNITS.get(str(gold_unit).lower(), str(gold_unit).lower()) if gold_unit is not None else None
    if not (gold_unit in UNITLESS and shown.unit in UNITLESS) and gold_unit != (shown.unit or "").lower() \
            and gold_unit != GOLD_UNITS.get((shown.unit or "").lower(), (shown.unit or "").lower()):
        return False
    said = _stems_of(str(figure.get("attribute") or "")) & shown.siblings
    return said <= shown.part


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
        hits = [i for i, s in enumerate(shown) if s.stem == stem and topic in s.topics and s.paragraph in paragraph
                and same_value(figure["value"], s.value) and same_measure(figure, s)]
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
