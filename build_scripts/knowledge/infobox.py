"""Claims of every article → one Infobox per topic: per subject, attribute → value(s).

Claims giving the same value for the same subject and attribute are one
value with every citation. Different values are told apart the way a
careful reader would (and as Wikidata keeps them, each with its reference):

- a target or forecast next to a fact is shown as a target, not as a
  disagreement;
- facts stated at different times are a progression, shown in order
  (`≈5,000 (2025-09) → 7,000+ (2025-11)`);
- only facts (or only targets) about the same subject and attribute, stated
  within COMPARABLE_DAYS of each other, whose values cannot both be true
  (`over 2,200` and `2,250` can) are a disagreement: a Difference that says
  exactly what differs.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from build_scripts.knowledge.claims import Attribute, Claim, Knowledge, Subject
from build_scripts.knowledge.classify import bigrams
from build_scripts.knowledge.corroborate import NEAR_DUPLICATE, Citation, figure_id, group_similar
from build_scripts.knowledge.timing import Period
from build_scripts.reading.language import to_simplified

COMPARABLE_DAYS = 45  # statements this close in time describe the same state of a product
EXACT = 0.005  # numbers this close are the same value (rounding in the source)
ABOUT = 0.1  # 约 / about / nearly cover this much below (and, for about, above)
LANGUAGE_PREFERENCE = {"zh-Hans": 0, "zh-Hant": 1, "en": 2}


@dataclass(frozen=True)
class ClaimValue:
    """One value of a row, with every claim stating it."""

    value: float | str
    high: float | None
    unit: str
    qualifier: str
    status: str  # fact if any source states it as a fact, else target or forecast
    as_of: Period | None  # the earliest time a source gives for it
    dated_by: str  # "sentence" if a source's sentence gives that time, "article" if it is a publication date
    claims: tuple[Claim, ...]
    citations: tuple[Citation, ...]  # each (paragraph, quote) once
    source_count: int  # reports stating it: a copy (Article.copy_of) and its original are one
    independent_count: int  # articles whose paragraphs differ: syndicated copies of one report count once

    @property
    def old_anchor(self) -> str:
        """The id today's key-figure rows gave this value (`fig-tops-3000`), kept so old links land here."""
        if isinstance(self.value, str):
            return ""
        return figure_id(self.unit, self.value, self.high)


@dataclass(frozen=True)
class Difference:
    """Sources disagreeing about one subject's attribute at one time: what exactly differs."""

    row_id: str
    subject: Subject
    attribute: Attribute
    status: str
    values: tuple[ClaimValue, ...]  # at most MAX_VALUES_SHOWN of them
    days_apart: int
    more: int = 0  # further values that differ, not listed


@dataclass(frozen=True)
class InfoboxRow:
    id: str  # `<subject>-<attribute>`: stable whatever articles are added
    anchors: tuple[str, ...]  # older ids that land on this row (`fig-tops-3000`)
    subject: Subject
    attribute: Attribute
    facts: tuple[ClaimValue, ...]  # oldest first: several at different times are a progression
    plans: tuple[ClaimValue, ...]  # targets and forecasts, oldest first
    differences: tuple[Difference, ...]

    @property
    def values(self) -> tuple[ClaimValue, ...]:
        return self.facts + self.plans

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(c for v in self.values for c in v.citations)


@dataclass(frozen=True)
class Infobox:
    rows: tuple[InfoboxRow, ...]

    @property
    def differences(self) -> tuple[Difference, ...]:
        return tuple(d for row in self.rows for d in row.differences)

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(c for row in self.rows for c in row.citations)

    @property
    def subjects(self) -> tuple[tuple[Subject, tuple[InfoboxRow, ...]], ...]:
        order: dict[str, list[InfoboxRow]] = {}
        subjects = {}
        for row in self.rows:
            order.setdefault(row.subject.id, []).append(row)
            subjects[row.subject.id] = row.subject
        return tuple((subjects[s], tuple(rows)) for s, rows in order.items())


def _days(when: Period | None) -> int | None:
    return when.start.toordinal() if when else None


def _interval(value: ClaimValue) -> tuple[float, float]:
    v = float(value.value)
    if value.high is not None:
        return v * (1 - EXACT), value.high * (1 + EXACT)
    q = value.qualifier
    if q in ("over", "at least"):
        return v * (1 - EXACT), math.inf
    if q in ("under", "at most", "up to"):
        return 0.0, v * (1 + EXACT)
    if q == "nearly":
        return v * (1 - ABOUT), v * (1 + EXACT)
    if q == "about":
        return v * (1 - ABOUT), v * (1 + ABOUT)
    return v * (1 - EXACT), v * (1 + EXACT)


def _plain(text: str) -> str:
    """Text values compared across scripts, case and punctuation: 全固態電池 = 全固态电池."""
    return re.sub(r"[\W_]+", "", to_simplified(str(text)).casefold())


def compatible(a: ClaimValue, b: ClaimValue) -> bool:
    """Whether both values can be true at once: `over 2,200` and `2,250` can; 22 and 15 cannot."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        x, y = _plain(a.value), _plain(b.value)
        return x in y or y in x
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    return low_a <= high_b and low_b <= high_a


def _unique_citations(claims: list[Claim]) -> tuple[Citation, ...]:
    seen, found = set(), []
    for claim in claims:
        key = (claim.citation.key, claim.citation.quote)
        if key not in seen:
            seen.add(key)
            found.append(claim.citation)
    return tuple(found)


def _independent(citations: tuple[Citation, ...]) -> int:
    """Articles whose paragraphs differ: syndicated copies of one report count once.

    Whole paragraphs are compared, not the quoted clauses: two outlets may
    well write "集群运行效率保持在90%以上" in the same words.
    """
    if len(citations) < 2:
        return len(citations)
    texts = []
    for citation in citations:
        paragraph = citation.article.paragraph(citation.paragraph_id)
        texts.append(paragraph.text if paragraph else citation.quote)
    grams = {text: bigrams(text) for text in set(texts)}  # copies repeat paragraphs word for word
    return len(set(group_similar([grams[text] for text in texts], NEAR_DUPLICATE)))


def _values(claims: list[Claim]) -> list[ClaimValue]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        value = _plain(claim.value) if isinstance(claim.value, str) else claim.value
        groups[(value, claim.high, claim.unit)].append(claim)
    values = []
    for members in groups.values():
        members.sort(key=lambda c: (c.as_of.start if c.as_of else _FAR, LANGUAGE_PREFERENCE.get(c.citation.article.language, 9), c.citation.article.slug))
        statuses = [c.status for c in members]
        status = "fact" if "fact" in statuses else max(set(statuses), key=statuses.count)
        # A time the sentence itself gives beats a publication date.
        dated = [c.as_of for c in members if c.as_of and c.dated_by == "sentence"] or [c.as_of for c in members if c.as_of]
        dated_by = "sentence" if any(c.as_of and c.dated_by == "sentence" for c in members) else "article"
        citations = _unique_citations(members)
        values.append(ClaimValue(
            value=members[0].value, high=members[0].high, unit=members[0].unit,
            qualifier=next((c.qualifier for c in members if c.qualifier), ""), status=status,
            as_of=min(dated, key=lambda w: w.start) if dated else None, dated_by=dated_by, claims=tuple(members),
            citations=citations, source_count=len({c.article.report for c in citations}),  # a marked copy is its original's report
            independent_count=_independent(citations),
        ))
    values.sort(key=lambda v: (v.as_of.start if v.as_of else _FAR, str(v.value)))
    return values


_FAR = dt.date.max  # undated values sort last


MAX_VALUES_SHOWN = 8  # a box lists this many of the values that differ, and says how many more there are


def _differences(row_id: str, subject: Subject, attribute: Attribute, values: list[ClaimValue]) -> list[Difference]:
    """One box per stretch of COMPARABLE_DAYS in which the row's values cannot all hold at once.

    The values are swept once in date order, in windows that start at the
    first value not yet covered: an article stating a hundred compute
    values for one subject gives one box, not one per pair (4,950).
    """
    dated = sorted((v for v in values if v.as_of is not None), key=lambda v: (_days(v.as_of), str(v.value)))
    found, start = [], 0
    while start < len(dated):
        first_day = _days(dated[start].as_of)
        end = start
        while end < len(dated) and _days(dated[end].as_of) - first_day <= COMPARABLE_DAYS:
            end += 1
        window = dated[start:end]
        start = end
        if len(window) < 2 or _all_compatible(window):
            continue
        distinct = list({(str(v.value), v.high, v.qualifier, v.unit): v for v in window}.values())
        found.append(Difference(row_id, subject, attribute, window[0].status, tuple(distinct[:MAX_VALUES_SHOWN]),
                                _days(window[-1].as_of) - first_day, more=max(0, len(distinct) - MAX_VALUES_SHOWN)))
    return found


def _all_compatible(values: list[ClaimValue]) -> bool:
    """Whether every value can hold with every other: numbers whose ranges share a point, texts that contain one another."""
    texts = [v for v in values if isinstance(v.value, str)]
    if texts:
        longest = max(texts, key=lambda v: len(_plain(v.value)))
        return len(texts) == len(values) and all(compatible(v, longest) for v in texts)
    intervals = [_interval(v) for v in values]
    return max(low for low, _ in intervals) <= min(high for _, high in intervals)


def build_infobox(slug: str, claims: list[Claim], knowledge: Knowledge) -> Infobox:
    """The infobox of topic `slug`: its own subjects first, in subjects.yml order, then attributes in attributes.yml order."""
    by_row: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if slug in claim.topics:
            by_row[(claim.subject, claim.attribute)].append(claim)
    subject_order = {s: i for i, s in enumerate(knowledge.subjects)}
    attribute_order = {a: i for i, a in enumerate(knowledge.attributes)}
    rows = []
    taken_anchors: set[str] = set()
    keys = sorted(by_row, key=lambda k: (knowledge.subjects[k[0]].topic != slug, subject_order[k[0]], attribute_order[k[1]]))
    for subject_id, attribute_id in keys:
        subject, attribute = knowledge.subjects[subject_id], knowledge.attributes[attribute_id]
        row_id = f"{subject_id}-{attribute_id}"
        values = _values(by_row[(subject_id, attribute_id)])
        facts = [v for v in values if v.status == "fact"]
        plans = [v for v in values if v.status != "fact"]
        anchors = []
        for value in values:
            anchor = value.old_anchor
            if anchor and anchor not in taken_anchors:
                taken_anchors.add(anchor)
                anchors.append(anchor)
        rows.append(InfoboxRow(
            id=row_id, anchors=tuple(anchors), subject=subject, attribute=attribute,
            facts=tuple(facts), plans=tuple(plans),
            differences=tuple(_differences(row_id, subject, attribute, facts) + _differences(row_id, subject, attribute, plans)),
        ))
    return Infobox(tuple(rows))
