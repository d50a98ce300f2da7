"""Citations, and the passages of a topic → excerpts a reader can use alone (data/excerpts.yml).

An excerpt is a sentence, with the sentences before it it leans on (这…,
其…, "It …", a bare quotation), quoted as written with a citation per
paragraph; lists.py merges those saying the same. `unit_pairs` is the
similarity both use; infobox.py groups figures with `group_similar`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s
from build_scripts.knowledge.classify import Passage, split_sentences
from build_scripts.knowledge.taxonomy import canonical, name_pattern
from build_scripts.model import Article
from build_scripts.reading.language import to_simplified

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


def quote_citation(articles, source: str, quote: str, what: str) -> Citation | None:
    """The paragraph of the article called `source` (a file name) that `quote` comes from, for an editor's citation
    in data/ (a glossary term, what a topic is); None when no such article is among `articles`."""
    article = next((a for a in articles if source in (a.file_name, *a.other_names)), None)
    if article is None:
        return None  # the article was removed: the statement stands, or goes, without it
    paragraph = next((p for p in article.paragraphs if normalise_space(quote) in normalise_space(p.text)), None)
    if paragraph is None:
        raise s.KnowledgeFileError(f"{what}: the quote «{quote[:80]}» is in no paragraph of {source} — copy the words as the article writes them")
    return Citation(article, paragraph.id, quote)


def cite(passage: Passage, quote: str | None = None) -> Citation:
    return Citation(passage.article, passage.paragraph.id, quote if quote is not None else passage.text)


@dataclass(frozen=True)
class Excerpt:
    text: str
    citations: tuple[Citation, ...]
    score: float
    opinion: bool


def normalise_space(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


UNITS = re.compile(r"[a-z0-9]+|[^\W\d_a-z]", re.UNICODE)


def unit_pairs(text: str) -> frozenset[str]:
    """Pairs of neighbouring units of the Simplified, lower-case text: a Chinese character or a Latin word is a unit.

    Chinese compares by character pairs as `bigrams` does; English by word
    pairs, as letter pairs (th, he, in) are shared by any two English sentences.
    """
    units = UNITS.findall(to_simplified(text).lower())
    if len(units) < 2:
        return frozenset(units or [""])  # one unit, or none: the text's only "pair"
    return frozenset(map(" ".join, zip(units, units[1:])))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    shared = len(a & b)
    return shared / max(len(a) + len(b) - shared, 1)


def group_similar(gram_sets: list[frozenset[str]], threshold: float) -> list[int]:
    """For each bigram set in turn, the group it joins: the first group whose
    leading set overlaps it at least `threshold`, else a new group.

    The answer of comparing with every group in turn, found through an index
    instead (prefix filtering: two sets that overlap enough share one of
    their rarest bigrams), so merging thousands of sentences stays
    near-linear rather than comparing every sentence with every group.
    """
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


def figure_id(unit: str, value: float, high: float | None) -> str:
    """Content-derived: the same fact keeps its anchor whatever else is added."""
    number = f"{value:g}".replace("+", "")
    if high is not None:
        number += f"-{high:g}".replace("+", "")
    return f"fig-{re.sub(r'[^a-z0-9]+', '', unit.lower()) or 'n'}-{number}".replace(".", "_")


def excerpts(passages: list[Passage], slug: str, opinion_pattern: re.Pattern) -> list[Excerpt]:
    """One Excerpt per sentence, oldest source first (lists.py merges those saying the same, with every citation).

    A sentence leaning on the one before (excerpts.yml, `dangling_openers`) is
    shown with the sentences before it back to one that stands alone, the
    last of the paragraph before when it opens its paragraph ("首先…" after
    "…优势是成本和技术。"), each paragraph cited; one that cannot be completed
    within MAX_JOINED sentences is left out.
    """
    rules, found = excerpt_rules(), {}
    oldest_first = sorted(passages, key=lambda p: (p.article.date or dt.date.max, p.article.slug, p.order))
    for passage in oldest_first:
        cited = completed(passage, rules.dangling)
        text = " ".join(c.quote for c in cited)
        if cited and (passage.article.slug, text) not in found:
            canon = canonical(text)  # the form the cue words are matched in
            found[passage.article.slug, text] = Excerpt(text, cited, passage.scores.get(slug, 0.0),
                                                        bool(opinion_pattern.search(canon) or rules.evaluative.search(canon)))
    return list(found.values())


MAX_JOINED = 3  # sentences: a longer chain of "这…", "其…" is a passage to read in the article, not an item


def completed(passage: Passage, dangling: re.Pattern) -> tuple[Citation, ...]:
    """The passage's sentence with those before it that it leans on, a citation per paragraph; () when it cannot be."""
    leans = lambda sentence: bool(dangling.match(canonical(sentence))) or _only_quoted(sentence)  # noqa: E731
    if not leans(passage.text):
        return (cite(passage),)
    text_paragraphs = [p for p in passage.article.paragraphs if p.kind == "text"]
    at = next((i for i, p in enumerate(text_paragraphs) if p.id == passage.paragraph.id), None)
    if at is None or passage.text not in split_sentences(passage.paragraph.text):
        return ()
    own = split_sentences(passage.paragraph.text)
    chain = [(at, s) for s in own[: own.index(passage.text) + 1]][-MAX_JOINED:]
    while len(chain) < MAX_JOINED and chain[0][0] > 0 and chain[0][1] == split_sentences(text_paragraphs[chain[0][0]].text)[0]:
        chain = [(chain[0][0] - 1, s) for s in split_sentences(text_paragraphs[chain[0][0] - 1].text)][-(MAX_JOINED - len(chain)):] + chain
    for first in range(len(chain) - 2, -1, -1):  # back from the sentence before it to one that stands alone
        if not leans(chain[first][1]):
            joined = chain[first:]
            return tuple(_quote(passage.article, text_paragraphs[i], [s for j, s in joined if j == i]) for i in dict.fromkeys(j for j, _ in joined))
    return ()


def _quote(article: Article, paragraph, sentences: list[str]) -> Citation:
    """The run of `sentences` in `paragraph` as written, spaces between them included: a quote of the paragraph."""
    start = paragraph.text.find(sentences[0])
    end = paragraph.text.find(sentences[-1], start) + len(sentences[-1])
    return Citation(article, paragraph.id, paragraph.text[start:end])


def _only_quoted(text: str) -> bool:
    """Nothing but somebody's words, in quotation marks: whose they are is said before."""
    stripped = text.strip().rstrip("。.!！?？")
    if len(stripped) < 3 or stripped[0] not in QUOTES:
        return False
    closing = CLOSING_QUOTE.search(stripped, 1)
    return closing is not None and closing.start() == len(stripped) - 1  # the first closing mark ends it: no words outside the quotation


QUOTES = "「『“\"‘'"
CLOSING_QUOTES = "」』”\"’'"
CLOSING_QUOTE = re.compile(f"[{re.escape(CLOSING_QUOTES)}]")
EXCERPTS_FILE = Path(__file__).parent.parent / "data" / "excerpts.yml"
_WORDS = s.ListOf(s.Text(), min_items=1, hint="a list of words, e.g. [这, this]")
EXCERPT_SHAPE = s.Record({"dangling_openers": _WORDS, "connectors": _WORDS, "evaluative_words": _WORDS, "own_names": _WORDS,
                          "definition_verbs": _WORDS, "lead_in": s.Record({"max_chars": s.Integer(minimum=0), "copulas": _WORDS}),
                          "speech_tag": s.Record({"max_chars": s.Integer(minimum=0), "verbs": _WORDS}),
                          "same_fact": s.Number(0, 1, hint="a share between 0 and 1, e.g. 0.5")})


@dataclass(frozen=True)
class ExcerptRules:
    dangling: re.Pattern  # matched at the start of a canonical sentence
    evaluative: re.Pattern
    own_names: tuple[str, ...]  # canonical
    definition_verbs: tuple[str, ...]
    same_fact: float
    lead_in_chars: int
    copulas: tuple[str, ...]


@data_files.loader
def excerpt_rules(path: Path = EXCERPTS_FILE) -> ExcerptRules:
    raw = s.load(path, EXCERPT_SHAPE)
    forms = {key: [canonical(w) for w in raw[key]] for key in ("connectors", "own_names", "definition_verbs")}
    opening = rf"^[{re.escape(QUOTES)}]*(?:(?:{name_pattern(forms['connectors']).pattern})[\s,，、]*)?"
    tag = raw["speech_tag"]
    speech_tag = rf"|^.{{0,{tag['max_chars']}}}(?:{name_pattern(tag['verbs']).pattern})[。.]?$"
    return ExcerptRules(re.compile(opening + name_pattern(raw["dangling_openers"]).pattern + speech_tag), name_pattern(raw["evaluative_words"]),
                        tuple(forms["own_names"]), tuple(forms["definition_verbs"]), float(raw["same_fact"]),
                        raw["lead_in"]["max_chars"], tuple(canonical(w) for w in raw["lead_in"]["copulas"]))
