"""Articles → Passages: sentences with the topics they are about, scored.

A sentence belongs to a topic when it names the topic (an alias), or when it
uses one of the topic's words (a mention) inside a paragraph or section that
names it, or when it continues a paragraph about only that topic. A sentence
that names several topics is a passing mention for each and scores lower.

Scores say how relevant a sentence is (figures and milestones are read from
relevant ones); `about_topics` says what it is *about*, the only pages its
words are listed on: the topic named as the subject of one of its clauses,
read with the cue words of signals.yml (`read_aboutness`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema
from build_scripts.reading.cleaning import load_rules as load_cleaning_rules
from build_scripts.reading.language import converter, to_mainland, to_mainland_each, to_simplified
from build_scripts.model import Article, Paragraph
from build_scripts.knowledge.taxonomy import Topic, canonical, canonical_of_simplified, name_pattern
from build_scripts.knowledge.clauses import without_asides

# Sentence ends: Chinese full stops (with a closing quote that follows), and
# English . ! ? before a space and a capital letter or digit.
SENTENCE_END = re.compile(r"(?<=[。！？!?；])[」』”\"）)]*|(?<=[.!?])[\"”)]?\s+(?=[A-Z0-9\"“])")

ENUMERATION = re.compile("[、和与及]")
# Where a clause ends: the clause around a figure (extract.py, claims.py) and a sentence's subject are read within it.
CLAUSE_BREAK = re.compile(r"[,，;；：。！？!?]|(?<!\d):(?!\d)|(?<=[a-z]), ")
ALIAS_WEIGHT = 3.0
MAX_ALIAS_HITS = 3
EARLY_ALIAS_BONUS = 1.0
MENTION_WEIGHT = 0.5
CONTEXT_SCORE = 1.0
FOCUS_MAX_TOPICS = 2
PAIR_PENALTY = 0.5
LIST_PENALTY = 1.5
MIN_SCORE = 1.0
# At and above this score a sentence is relevant enough to state the topic's
# milestones (Passage.about); which page lists it is `about_topics`' business.
ABOUT_SCORE = 2.5


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
    about_topics: frozenset[str] = frozenset()  # the topics it is about: the only pages that list it

    def __post_init__(self):
        if not self.canon:
            object.__setattr__(self, "canon", canonical(self.text))

    # Equal when the same sentence is read the same way in the same article
    # as cited (Article.as_cited): an edit elsewhere in the article leaves
    # its other sentences equal (preview_cache.py keeps the topic pages they feed).
    def _compared(self) -> tuple:
        return (self.order, self.paragraph, self.text, self.heading, self.scores, self.about_topics, self.article.as_cited)

    def __eq__(self, other):
        if not isinstance(other, Passage):
            return NotImplemented
        return self is other or self._compared() == other._compared()

    def __hash__(self):
        return hash((self.article.slug, self.order))

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
    starts or ends in the middle of somebody's words; nor does an
    abbreviation's full stop end one ("on Nov. 5, 2025", cleaning.yml).
    """
    sentences, start = [], 0
    abbreviations = load_cleaning_rules().sentence_abbreviations
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        if _inside_quote(text[start:end]) or _after_abbreviation(text, match.start(), abbreviations):
            continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


WORD_BEFORE_STOP = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _after_abbreviation(text: str, position: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop just before `position` ends an abbreviation, not a sentence."""
    if not abbreviations or text[position - 1 : position] != ".":
        return False
    word = WORD_BEFORE_STOP.search(text, max(0, position - 16), position)
    return bool(word) and word[1].lower() in abbreviations and (word.start() == 0 or not text[word.start() - 1].isalpha())


def _inside_quote(text: str) -> bool:
    return text.count("「") > text.count("」") or text.count("“") > text.count("”")


def simplified_same_length(text: str) -> str:
    """Simplified form with mainland words for pattern matching (to_mainland); positions must map back to
    `text`, so where a regional phrase changes the length (部落格 → 博客) only the script is converted."""
    for convert in (to_mainland, to_simplified):
        converted = convert(text)
        if len(converted) == len(text):
            return converted
    return text


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
    subjects: frozenset[str] = frozenset()  # the topics it is about by its own words (Aboutness.subjects)


def read_paragraph(text: str, topics: tuple[Topic, ...]) -> tuple[Sentence, ...]:
    sentences = split_sentences(text)
    aboutness = load_aboutness()
    found = []
    for sentence, simplified in zip(sentences, to_mainland_each(sentences)):
        # Equal forms as one string, not copies: less memory.
        simplified = sentence if simplified == sentence else simplified
        canon = canonical_of_simplified(simplified)
        canon = simplified if canon == simplified else canon
        enumerated: list[tuple[int, str]] = []
        alias_hits, mention_hits = _hits(canon, topics, enumerated)
        same_length = simplified if len(simplified) == len(sentence) else simplified_same_length(sentence)
        subjects = aboutness.subjects(canon, alias_hits, enumerated, topics) if alias_hits else frozenset()
        found.append(Sentence(sentence, same_length, canon, alias_hits, mention_hits, subjects))
    return tuple(found)


def classify_article(article: Article, topics: tuple[Topic, ...]) -> list[Passage]:
    passages: list[Passage] = []
    heading, heading_topics = "", set()
    # What the sentence before is about: "It …" opening a paragraph continues the one before, not a new section.
    before: frozenset[str] = frozenset()
    order = 0
    for paragraph in article.paragraphs:
        if paragraph.kind == "heading":
            heading = paragraph.text
            before = frozenset()
            heading_topics = {t.slug for t in topics if t.alias_pattern.search(canonical(heading))}
            continue
        if paragraph.kind != "text":
            continue
        sentences = read_paragraph(paragraph.text, topics)
        aboutness = load_aboutness()
        # What the paragraph is about: topics named by sentences that are not
        # lists of many topics.
        focus = {slug for s in sentences if len(s.alias_hits) <= FOCUS_MAX_TOPICS for slug in s.alias_hits}
        if focus and not focus & _with_related(heading_topics, topics):
            heading_topics = set()  # the section moved on to another subject
        for s in sentences:
            scores = _score(s.text, s.alias_hits, s.mention_hits, focus, heading_topics)
            about = s.subjects
            # A sentence naming no topic that opens with a pronoun ("它…", "It …")
            # or a topic's word ("The aircraft …") is about what the one before
            # was; a pronoun has one antecedent, so not after one about two topics.
            if not s.alias_hits and len(before) == 1:
                refers_to = aboutness.refers_back(s.canon, topics)
                if refers_to is not None:
                    about = before & refers_to if refers_to else before
            passages.append(Passage(article, paragraph, s.text, s.simplified, order, heading, scores, s.canon, about))
            before = about
            order += 1
    return passages


def _with_related(slugs: set[str], topics: tuple[Topic, ...]) -> set[str]:
    return slugs | {related for t in topics if t.slug in slugs for related in t.related}


def _hits(canon: str, topics: tuple[Topic, ...], enumerated: list | None = None) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Positions of alias matches (outside enumerations) and mention counts, per topic.

    An alias inside an enumeration ("AI、汽车、机器人、飞行汽车领域") only
    lists the topic among others: it counts as a mention, not as naming it
    (and its (position, slug) is added to `enumerated` when given).
    """
    aliases: dict[str, list[int]] = {}
    mentions: dict[str, int] = {}
    for topic in topics:
        for match in topic.alias_pattern.finditer(canon):
            if ENUMERATION.match(canon[max(match.start() - 1, 0):match.start()]) or canon.startswith("、", match.end()):
                mentions[topic.slug] = mentions.get(topic.slug, 0) + 1
                if enumerated is not None:
                    enumerated.append((match.start(), topic.slug))
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


# --- What a sentence is about ---------------------------------------------------

SIGNALS_FILE = Path(__file__).parent.parent / "data" / "signals.yml"
# Clause ends as figures are cut (CLAUSE_BREAK), and dashes ("…激光雷达——这是…").
CLAUSE_END = re.compile(CLAUSE_BREAK.pattern + "|—+")
OPENING_MARKS = " \t「『“\"‘'（(《【"
CLOSING_MARKS = " \t」』”\"’'）)》】.。!！?？"
MAIN, SIDE, TOPIC = "main", "side", "topic"

_WORDS = schema.ListOf(schema.Text(), min_items=1, hint="a list of words, e.g. [为了, 随着]")
# signals.yml is shared with compose.py and lists.py: their keys are let through.
ABOUTNESS = schema.Record(
    {"competitor_cues": _WORDS, "own_cues": _WORDS, "side_frames": _WORDS, "side_frame_ends": _WORDS,
     "topic_frames": _WORDS, "object_cues": _WORDS, "list_cues": _WORDS, "pronoun_cues": _WORDS},
    optional={"connectors": _WORDS}, extra_ok=True,
    hint="signals.yml says what a sentence is about with these lists (see the comment above them)",
)
MIN_PREDICATE = 2  # characters after a clause's subject: a name ending its clause is an object or a predicate


def _alternation(words: list[str], anchored: str = "{}") -> re.Pattern:
    """Any of `words`, matched as topic names are (taxonomy.name_pattern: canonical form, Latin words whole).

    Also the form a word's Taiwan spelling takes after conversion back:
    OpenCC leaves some as they were (隨著 → 随著, not 随着).
    """
    typed = [str(w) for w in words if str(w).strip()]
    pattern = name_pattern(typed + [converter("s2tw").convert(w) for w in typed])
    return re.compile(anchored.format(f"(?:{pattern.pattern})"))


def _own_hits(canon: str, alias_hits: dict[str, list[int]], topics: tuple[Topic, ...], own: re.Pattern) -> dict[str, list[int]]:
    """`alias_hits` without the topics named only by their kind with another owner or as the trade (milestones.yml
    others_of_kind: 智元机器人的人形机器人, 人形机器人企业): such a sentence is not about the topic."""
    kinds = {t.slug: t for t in topics if t.kind_names and t.slug in alias_hits}
    if not kinds:
        return alias_hits
    from build_scripts.knowledge.milestones import load_milestone_rules  # milestones.py reads Passages: imported when needed
    rules = load_milestone_rules()
    kept: dict[str, list[int]] = {}
    for slug, positions in alias_hits.items():
        topic = kinds.get(slug)
        mine = [at for at in positions if topic is None or not (
            (name := topic.alias_pattern.match(canon, at)) and rules.others_of_kind(canon, (at, slug, name.group(0)), topic.kind_names, own))]
        if mine:
            kept[slug] = mine
    return kept


@dataclass(frozen=True)
class Aboutness:
    """The cue words of signals.yml that tell what a sentence is about, compiled."""

    connector: re.Pattern  # at a clause's start: skipped
    side_start: re.Pattern
    side_end: re.Pattern
    topic_start: re.Pattern
    object_cue: re.Pattern
    list_cue: re.Pattern
    competitor: re.Pattern
    own: re.Pattern
    pronoun: re.Pattern

    def subjects(self, canon: str, alias_hits: dict[str, list[int]], enumerated: list[tuple[int, str]], topics: tuple[Topic, ...]) -> frozenset[str]:
        """The topics `canon` (a sentence in canonical form, naming the topics in `alias_hits`) is about.

        `enumerated` are the (position, topic) of names inside enumerations
        ("到Robotaxi与飞行汽车"): no clause's subject, but they make a clause
        name several topics.

        The subject of each clause that is not a side frame, when it is a
        topic; failing any, the one topic the main clauses name (or, if they
        name none, the side frames); a sentence naming several topics
        without making any its subject is about none of them.
        """
        alias_hits = _own_hits(canon, alias_hits, topics, self.own)  # 智元的人形机器人: another maker's, not IRON
        if not alias_hits:
            return frozenset()
        rivals_named = without_asides(canon)  # a rival named in ", which …," is not what the sentence is about
        other = self.competitor.search(rivals_named)
        listing = self.list_cue.search(canon)
        if len(alias_hits) == 1 and not other and not listing and all(slug in alias_hits for _, slug in enumerated):
            return frozenset(alias_hits)  # the one topic named, as subject or not: most sentences, decided at once
        first = min(at for positions in alias_hits.values() for at in positions)
        if other and other.start() < first and not self.own.search(canon):
            return frozenset()  # about another company's product ("特斯拉也将世界模型与…")
        examples_from = listing.start() if listing else len(canon)  # names after "such as" are examples
        hits = sorted((at, slug) for slug, positions in alias_hits.items() for at in positions if at < examples_from)
        patterns = {t.slug: t.alias_pattern for t in topics if t.slug in alias_hits}
        subjects: list[str] = []
        named = {MAIN: set(), SIDE: set(), TOPIC: set()}
        start = 0
        for end in [m.start() for m in CLAUSE_END.finditer(canon)] + [len(canon)]:
            inside = [(at, slug) for at, slug in hits if start <= at < end]
            if inside:
                kind = self._kind(canon[start:end])
                named[kind].update(slug for at, slug in inside if not self.competitor.search(rivals_named, start, at))
                named[kind].update(slug for at, slug in enumerated if start <= at < end)
                if kind == TOPIC:
                    subjects += [slug for _, slug in inside]
                elif kind == MAIN:
                    subject = self._subject(canon, start, end, inside, patterns, rivals_named)
                    if subject:
                        subjects.append(subject)
            start = end + 1
        if subjects:
            return frozenset(subjects)
        fallback = named[MAIN] or named[SIDE]
        return frozenset(fallback) if len(fallback) == 1 else frozenset()

    def _kind(self, clause: str) -> str:
        opening = _opening(clause, self)
        if self.topic_start.match(opening):
            return TOPIC
        if self.side_start.match(opening) or self.side_end.search(clause.rstrip()):
            return SIDE
        return MAIN

    def _subject(self, canon: str, start: int, end: int, inside: list[tuple[int, str]], patterns: dict[str, re.Pattern],
                 rivals_named: str) -> str:
        """The topic a main clause is about: its first name with no verb taking it as object and no other company before it."""
        for number, (at, slug) in enumerate(inside):
            before = canon[start:at]
            if self.competitor.search(rivals_named, start, at):
                return ""  # "特斯拉Robotaxi的…": somebody else's
            subject = not self.object_cue.search(before)
            if not subject and number:
                # A relative clause ending in 的 only describes the name after
                # it: "搭载二代VLA模型的第二代IRON" is about IRON, not the VLA.
                cut = before.rfind("的")
                subject = start + cut > inside[0][0] and not self.object_cue.search(before[cut + 1:])
            if subject:
                return slug if self._has_predicate(canon, at, end, patterns[slug]) else ""
        return ""

    def refers_back(self, canon: str, topics: tuple[Topic, ...]) -> frozenset[str] | None:
        """For a sentence naming no topic: empty if it opens with a pronoun, the topics whose word it opens with, else None."""
        opening = _opening(canon, self)
        pronoun = self.pronoun.match(opening)
        if pronoun:
            opening = opening[pronoun.end():].lstrip()
        opening = opening.removeprefix("the ")
        words = frozenset(t.slug for t in topics if t.mention_pattern and t.mention_pattern.match(opening))
        return words or (frozenset() if pronoun else None)

    @staticmethod
    def _has_predicate(canon: str, at: int, end: int, pattern: re.Pattern) -> bool:
        """Whether words follow the name at `at` in its clause: "…也是世界模型" ends on its name."""
        name = pattern.match(canon, at)
        rest = canon[name.end() if name else at:end].strip(CLOSING_MARKS)
        return len(rest) >= MIN_PREDICATE


def _opening(clause: str, aboutness: Aboutness) -> str:
    """A clause without the quote marks and connectors it opens with."""
    opening = clause.lstrip(OPENING_MARKS)
    match = aboutness.connector.match(opening)
    return opening[match.end():].lstrip(OPENING_MARKS) if match else opening


@data_files.loader
def load_aboutness(path: Path = SIGNALS_FILE) -> Aboutness:
    data = schema.load(path, ABOUTNESS)
    return Aboutness(
        connector=_alternation(data["connectors"], r"{}\s*") if data.get("connectors") else re.compile("(?!)"),
        side_start=_alternation(data["side_frames"], "{}"),
        side_end=_alternation(data["side_frame_ends"], "{}$"),
        topic_start=_alternation(data["topic_frames"], "{}"),
        object_cue=_alternation(data["object_cues"]),
        list_cue=_alternation(data["list_cues"]),
        competitor=_alternation(data["competitor_cues"]),
        own=_alternation(data["own_cues"]),
        pronoun=_alternation(data["pronoun_cues"], "{}"),
    )
