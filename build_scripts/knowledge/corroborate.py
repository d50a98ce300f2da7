"""Passages from many sources → one excerpt per distinct sentence, with every citation.

Near-identical sentences (a press release copied by two sites, in two
scripts) are shown once with all their citations. Figures are merged in
infobox.py, milestones in milestones.py, both with `group_similar` from here.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from itertools import chain
from dataclasses import dataclass

from build_scripts.knowledge.classify import Passage, bigrams
from build_scripts.model import Article

NEAR_DUPLICATE = 0.6  # character-bigram overlap above which two sentences say the same
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, eq=False)
class Citation:
    article: Article
    paragraph_id: str
    quote: str

    # Equal when they cite the same words of the same paragraph of the same
    # article as cited (Article.as_cited): an edit elsewhere in the article
    # leaves its citations equal.
    def __eq__(self, other):
        if not isinstance(other, Citation):
            return NotImplemented
        return self is other or (
            self.paragraph_id == other.paragraph_id and self.quote == other.quote
            and self.article.as_cited == other.article.as_cited
            and self.article.paragraph(self.paragraph_id) == other.article.paragraph(other.paragraph_id)
        )

    def __hash__(self):
        return hash((self.article.slug, self.paragraph_id, self.quote))

    @property
    def source_path(self) -> str:
        return f"sources/{self.article.slug}.md"

    @property
    def key(self) -> tuple[str, str]:
        return (self.article.slug, self.paragraph_id)


def cite(passage: Passage, quote: str | None = None) -> Citation:
    return Citation(passage.article, passage.paragraph.id, quote if quote is not None else passage.text)


@dataclass(frozen=True)
class Statement:
    """Words of one or more sources saying the same thing, with every citation."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Excerpt:
    text: str
    citations: tuple[Citation, ...]
    score: float
    opinion: bool


def normalise_space(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    shared = len(a & b)
    return shared / max(len(a) + len(b) - shared, 1)


SMALL_GROUPING = 16  # below this many sets, building the index costs more than comparing


def group_similar(gram_sets: list[frozenset[str]], threshold: float) -> list[int]:
    """For each bigram set in turn, the group it joins: the first group whose
    leading set overlaps it at least `threshold`, else a new group.

    The answer of comparing with every group in turn, found through an index
    instead (prefix filtering: two sets that overlap enough share one of
    their rarest bigrams), so merging thousands of sentences stays
    near-linear rather than comparing every sentence with every group.
    """
    if len(gram_sets) <= SMALL_GROUPING:  # most figures have a few statements: compare directly
        leaders_small: list[frozenset[str]] = []
        joined_small = []
        for grams in gram_sets:
            group = next((g for g, leader in enumerate(leaders_small) if overlap(grams, leader) >= threshold), None)
            if group is None:
                group = len(leaders_small)
                leaders_small.append(grams)
            joined_small.append(group)
        return joined_small
    # A set met again joins the group it joined the first time: only the
    # distinct sets are searched (syndicated copies repeat sentences).
    distinct = list(dict.fromkeys(gram_sets))
    frequency = Counter(chain.from_iterable(distinct))
    # One order for all sets, rarest first (ties by the bigram itself). Any
    # one order finds the same groups; rare bigrams keep the lists short.
    rank = {gram: i for i, gram in enumerate(sorted(sorted(frequency), key=frequency.__getitem__))}

    def prefix(grams: frozenset[str]) -> list[int]:
        """The ranks of the set's rarest bigrams."""
        at_least_shared = int(threshold * len(grams))  # a lower bound on the bigrams two similar sets share
        return sorted(map(rank.__getitem__, grams))[: len(grams) - at_least_shared + 1]

    leaders: list[frozenset[str]] = []
    sizes: list[int] = []
    by_gram: dict[int, list[int]] = defaultdict(list)  # bigram's rank → groups with it among their rarest
    group_of: dict[frozenset[str], int] = {}
    for grams in distinct:
        rarest = prefix(grams)
        # Sets of too different sizes cannot overlap enough: skip them before counting.
        low, high = threshold * len(grams), len(grams) / threshold
        candidates = sorted({g for gram in rarest for g in by_gram.get(gram, ()) if low <= sizes[g] <= high})
        group = next((g for g in candidates if overlap(grams, leaders[g]) >= threshold), None)
        if group is None:
            group = len(leaders)
            leaders.append(grams)
            sizes.append(len(grams))
            for gram in rarest:
                by_gram[gram].append(group)
        group_of[grams] = group
    return [group_of[grams] for grams in gram_sets]


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:6]


def figure_id(unit: str, value: float, high: float | None) -> str:
    """Content-derived: the same fact keeps its anchor whatever else is added."""
    number = f"{value:g}".replace("+", "")
    if high is not None:
        number += f"-{high:g}".replace("+", "")
    return f"fig-{re.sub(r'[^a-z0-9]+', '', unit.lower()) or 'n'}-{number}".replace(".", "_")


def _source_order(item) -> tuple:
    """Oldest source first: a later article never changes which wording leads."""
    passage = item if isinstance(item, Passage) else item.passage
    date = passage.article.date.toordinal() if passage.article.date else 10**7
    return (date, passage.article.slug, passage.order)


def excerpts(passages: list[Passage], slug: str, opinion_pattern: re.Pattern) -> list[Excerpt]:
    """One Excerpt per distinct sentence; near-duplicates across sources merged."""
    ordered = sorted(passages, key=_source_order)
    by_text: dict[str, frozenset[str]] = {}  # syndicated copies repeat sentences word for word: one set each
    for passage in ordered:
        if passage.simplified not in by_text:
            by_text[passage.simplified] = bigrams(passage.simplified)
    merged: dict[int, tuple[Passage, list[Citation], set]] = {}
    for passage, group in zip(ordered, group_similar([by_text[p.simplified] for p in ordered], NEAR_DUPLICATE)):
        key = (passage.article.slug, passage.paragraph.id)  # cite(passage).key, without citing a sentence already cited
        if group not in merged:
            merged[group] = (passage, [cite(passage)], {key})
        elif key not in merged[group][2]:
            merged[group][1].append(cite(passage))
            merged[group][2].add(key)
    return [
        Excerpt(
            text=passage.text, citations=tuple(citations), score=passage.scores.get(slug, 0.0),
            opinion=bool(opinion_pattern.search(passage.canon)),  # canonical, as the cue words are
        )
        for passage, citations, _ in merged.values()
    ]
