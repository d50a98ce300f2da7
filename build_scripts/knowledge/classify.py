"""Articles → Passages: sentences with the topics they are about, scored.

A sentence belongs to a topic when it names the topic (an alias), or when it
uses one of the topic's words (a mention) inside a paragraph or section that
names it, or when it continues a paragraph about only that topic. A sentence
that names several topics is a passing mention for each and scores lower.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_scripts.reading.language import to_simplified, to_simplified_each
from build_scripts.model import Article, Paragraph
from build_scripts.knowledge.taxonomy import Topic, canonical, canonical_of_simplified

# Sentence ends: Chinese full stops (with a closing quote that follows), and
# English . ! ? before a space and a capital letter or digit.
SENTENCE_END = re.compile(r"(?<=[。！？!?；])[」』”\"）)]*|(?<=[.!?])[\"”)]?\s+(?=[A-Z0-9\"“])")

ENUMERATION = re.compile("[、和与及]")
ALIAS_WEIGHT = 3.0
MAX_ALIAS_HITS = 3
EARLY_ALIAS_BONUS = 1.0
MENTION_WEIGHT = 0.5
CONTEXT_SCORE = 1.0
FOCUS_MAX_TOPICS = 2
PAIR_PENALTY = 0.5
LIST_PENALTY = 1.5
MIN_SCORE = 1.0
# At and above this score a sentence is *about* the topic; below, it is a
# passing mention (shown last, folded).
ABOUT_SCORE = 2.5
# Figures and dates are taken from sentences at least this relevant.
FACT_SCORE = 1.5


@dataclass(frozen=True, eq=False)
class Passage:
    """One sentence of an article, with the topics it belongs to."""

    article: Article
    paragraph: Paragraph
    text: str  # as written
    simplified: str  # Simplified script, same length as `text` when OpenCC allows
    order: int  # position in the article
    heading: str  # the section heading above it, "" before the first
    scores: dict[str, float] = field(default_factory=dict)  # topic slug → score
    canon: str = ""  # canonical(text), the form names and cue words are matched in: computed once

    def __post_init__(self):
        if not self.canon:
            object.__setattr__(self, "canon", canonical(self.text))

    def about(self, slug: str) -> bool:
        return self.scores.get(slug, 0.0) >= ABOUT_SCORE


NOT_WORDS = re.compile(r"[\s\W_]+")


def bigrams(text: str) -> frozenset[str]:
    """Character pairs of the Simplified form: the same sentence in either script overlaps fully."""
    letters = NOT_WORDS.sub("", to_simplified(text).lower())
    return frozenset([letters[i:i + 2] for i in range(len(letters) - 1)] or [letters])


def split_sentences(text: str) -> list[str]:
    """Sentences exactly as they appear in `text` (concatenated they rebuild it, minus edge spaces).

    A quotation spanning several sentences stays one sentence, so no excerpt
    starts or ends in the middle of somebody's words.
    """
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        if _inside_quote(text[start:end]):
            continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _inside_quote(text: str) -> bool:
    return text.count("「") > text.count("」") or text.count("“") > text.count("”")


def simplified_same_length(text: str) -> str:
    """Simplified form for pattern matching; positions must map back to `text`."""
    converted = to_simplified(text)
    return converted if len(converted) == len(text) else text


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph in the forms it is matched in, and the topic names in it.

    Depends on the words only, not on the article or the paragraph around it.
    """

    text: str  # as written
    simplified: str  # as Passage.simplified
    canon: str  # canonical(text)
    alias_hits: dict[str, list[int]]  # as _hits returns them; read, never changed
    mention_hits: dict[str, int]


def read_paragraph(text: str, topics: tuple[Topic, ...]) -> tuple[Sentence, ...]:
    sentences = split_sentences(text)
    found = []
    for sentence, simplified in zip(sentences, to_simplified_each(sentences)):
        # Equal forms as one string, not copies: less memory.
        simplified = sentence if simplified == sentence else simplified
        canon = canonical_of_simplified(simplified)
        canon = simplified if canon == simplified else canon
        alias_hits, mention_hits = _hits(canon, topics)
        same_length = simplified if len(simplified) == len(sentence) else sentence  # as simplified_same_length
        found.append(Sentence(sentence, same_length, canon, alias_hits, mention_hits))
    return tuple(found)


def classify_article(article: Article, topics: tuple[Topic, ...]) -> list[Passage]:
    passages: list[Passage] = []
    heading, heading_topics = "", set()
    order = 0
    for paragraph in article.paragraphs:
        if paragraph.kind == "heading":
            heading = paragraph.text
            heading_topics = {t.slug for t in topics if t.alias_pattern.search(canonical(heading))}
            continue
        if paragraph.kind != "text":
            continue
        sentences = read_paragraph(paragraph.text, topics)
        # What the paragraph is about: topics named by sentences that are not
        # lists of many topics.
        focus = {slug for s in sentences if len(s.alias_hits) <= FOCUS_MAX_TOPICS for slug in s.alias_hits}
        if focus and not focus & _with_related(heading_topics, topics):
            heading_topics = set()  # the section moved on to another subject
        for s in sentences:
            scores = _score(s.text, s.alias_hits, s.mention_hits, focus, heading_topics)
            passages.append(Passage(article, paragraph, s.text, s.simplified, order, heading, scores, s.canon))
            order += 1
    return passages


def _with_related(slugs: set[str], topics: tuple[Topic, ...]) -> set[str]:
    return slugs | {related for t in topics if t.slug in slugs for related in t.related}


def _hits(canon: str, topics: tuple[Topic, ...]) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Positions of alias matches (outside enumerations) and mention counts, per topic.

    An alias inside an enumeration ("AI、汽车、机器人、飞行汽车领域") only
    lists the topic among others: it counts as a mention, not as naming it.
    """
    aliases: dict[str, list[int]] = {}
    mentions: dict[str, int] = {}
    for topic in topics:
        for match in topic.alias_pattern.finditer(canon):
            if ENUMERATION.match(canon[max(match.start() - 1, 0):match.start()]) or canon.startswith("、", match.end()):
                mentions[topic.slug] = mentions.get(topic.slug, 0) + 1
            else:
                aliases.setdefault(topic.slug, []).append(match.start())
        if topic.mention_pattern:
            count = len(topic.mention_pattern.findall(canon))
            if count:
                mentions[topic.slug] = mentions.get(topic.slug, 0) + count
    return aliases, mentions


def _score(sentence, alias_hits, mention_hits, focus, heading_topics) -> dict[str, float]:
    scores: dict[str, float] = {}
    named = set(alias_hits)
    # Naming one other topic is normal ("Robotaxi carries four Turing chips");
    # naming many makes the sentence a list, a passing mention for each.
    penalty = (LIST_PENALTY if len(named) > FOCUS_MAX_TOPICS else PAIR_PENALTY) * max(len(named) - 1, 0)
    length = max(len(sentence), 1)
    for slug in named | set(mention_hits) | focus:
        if slug in alias_hits:
            positions = alias_hits[slug]
            score = ALIAS_WEIGHT * min(len(positions), MAX_ALIAS_HITS) - penalty
            if positions[0] < length * 0.25:
                score += EARLY_ALIAS_BONUS
            score = max(score, MIN_SCORE)
        elif slug in mention_hits and (slug in focus or slug in heading_topics):
            score = CONTEXT_SCORE + MENTION_WEIGHT * mention_hits[slug] + (0.5 if slug in focus else 0.0)
        elif not named and focus == {slug}:
            score = CONTEXT_SCORE  # continues a paragraph about this topic alone
        else:
            continue
        scores[slug] = round(score, 2)
    return scores


def classify(articles, topics: tuple[Topic, ...]) -> list[Passage]:
    return [p for article in articles for p in classify_article(article, topics)]
