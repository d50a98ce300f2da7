"""Corpus + topics → TopicPage models, with every citation verified.

This is where a topic page's content is decided: the lead, the figures, the
timeline, what the sources say. Rendering (render_topics.py) only formats.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path


from build_scripts import data as data_files, parallel
from build_scripts.data import schema
from build_scripts.knowledge.classify import Passage, classify_article
from build_scripts.knowledge.clauses import without_asides
from build_scripts.knowledge.corroborate import (
    Citation, Excerpt, excerpts, normalise_space,
)
from build_scripts.knowledge.claims import Claim, article_claims, load_knowledge, validate_topics
from build_scripts.knowledge.entities import Entity, load_entities, mentioned
from build_scripts.knowledge.infobox import Infobox, build_infobox
from build_scripts.knowledge.overview import OverviewSentence, compose_overview
from build_scripts.knowledge.lists import SIGNALS, without_repeats
from build_scripts.knowledge.milestones import (
    Milestone, Sighting, agreeing_referent, day_before, extract_sightings, labelled_topic, last_named, main_topic, time_anchor,
)
from build_scripts.knowledge.corrections import CorrectionsReport, apply_corrections, with_editor_attributes
from build_scripts.model import Article, Corpus, Correction
from build_scripts.knowledge.taxonomy import Topic, canonical, load_topics

SIGNALS_FILE = Path(__file__).parent.parent / "data" / "signals.yml"
MIN_EXCERPT_CHARS = 12


class CitationError(ValueError):
    """A quote does not occur in the paragraph it cites."""


@dataclass(frozen=True)
class TopicPage:
    topic: Topic
    lead: tuple[OverviewSentence, ...]  # composed from the infobox and milestones (overview.py), never lifted
    timeline: tuple[Milestone, ...]  # the topic's milestones, with their status
    facts: tuple[Excerpt, ...]
    opinions: tuple[Excerpt, ...]
    sources: tuple[Article, ...]
    related: tuple[Topic, ...]
    infobox: Infobox = Infobox(())  # what the page shows at its top: claims per subject (infobox.py)

    @property
    def citations(self) -> list[Citation]:
        found = [c for s in self.lead for c in s.citations]
        found += list(self.infobox.citations)
        found += [c for e in self.timeline for c in e.citations]
        found += [c for x in (*self.facts, *self.opinions) for c in x.citations]
        return found


@dataclass(frozen=True)
class KnowledgeBase:
    topics: tuple[TopicPage, ...]
    cited_by: dict = field(default_factory=dict)  # (source slug, paragraph id) → [(topic title, path)]
    claims: tuple[Claim, ...] = ()  # every claim of every article, whichever page shows it
    milestones: tuple[Milestone, ...] = ()  # every topic's and the site-wide ones, in order of due date
    as_of: dt.date | None = None  # the date statuses are given as of
    corrections: CorrectionsReport = CorrectionsReport()  # what the editor's corrections did (corrections.py)


@dataclass(frozen=True)
class Signals:
    opinion: re.Pattern
    listed_as_opinion: re.Pattern  # an opinion, or a comparison with a rival (comparison_cues): the listing's opinions group
    competitor: re.Pattern
    own: re.Pattern


@data_files.loader
def load_signals(path: Path = SIGNALS_FILE) -> Signals:
    data = schema.load(path, SIGNALS)

    def alternation(words):
        # Matched in canonical (lower-case) text, as the cue words are written:
        # an IGNORECASE alternation this long is several times slower to search.
        return re.compile("|".join(re.escape(canonical(str(w))) for w in sorted(words, key=len, reverse=True)))

    return Signals(
        opinion=alternation(data["opinion_cues"]),
        listed_as_opinion=alternation([*data["opinion_cues"], *data["comparison_cues"]]),
        competitor=alternation(data["competitor_cues"]), own=alternation(data["own_cues"]),
    )


def not_a_fact(passages: list[Passage], signals: Signals) -> set[int]:
    """ids of passages that are opinions or about other companies: no figures or dates from them.
    A sentence naming a rival and the company is read clause by clause: the rival's clauses are left
    out there (milestones.py, claims.py), the company's stand ("Unlike Tesla, XPeng will …").

    A sentence naming no company is about the one its paragraph named last before it: after
    "中国的亿航智能已取得…资质", "计划三年内推出…" is still 亿航's; before it, the sentences are XPeng's."""
    excluded = set()
    paragraph, about_others = None, False
    for p in passages:
        canon = p.canon
        if p.paragraph is not paragraph:
            paragraph, about_others = p.paragraph, False
        said = without_asides(canon)  # what a ", which …," aside says of the noun before it is no judgement or rival of the sentence's
        other, own = signals.competitor.search(said), signals.own.search(canon)
        if other or own:
            about_others = bool(other) and not own
        if about_others or signals.opinion.search(said):  # (a rival named, the company not: about_others already)
            excluded.add(id(p))
    return excluded


@dataclass(frozen=True)
class ArticleFacts:
    """What one article contributes: its passages, the events its sentences state, the tags it
    earns, its claims."""

    passages: tuple[Passage, ...]
    sightings: tuple[Sighting, ...]  # the events its sentences state (milestones.py)
    tags: tuple[str, ...]  # the entities (entities.yml) it names, for its source page
    claims: tuple[Claim, ...] = ()  # what its sentences say of which subject's attribute (claims.py)


def article_facts(article: Article, topics: tuple[Topic, ...], signals: Signals, entities: tuple[Entity, ...]) -> ArticleFacts:
    passages = classify_article(article, topics)
    excluded = not_a_fact(passages, signals)  # per article: it only compares paragraphs of one article
    sightings = _sightings(passages, excluded, topics, signals, time_anchor(passages))
    return ArticleFacts(
        tuple(passages), sightings,
        tuple(mentioned((p.text for p in article.paragraphs), entities)),
        tuple(article_claims(passages, excluded)),
    )


def _sightings(passages: list[Passage], excluded: set[int], topics: tuple[Topic, ...], signals: Signals,
               anchor: dt.date | None) -> tuple[Sighting, ...]:
    # Sentences naming no topic can still state the article's own topic's milestones, or the company's.
    own = main_topic(passages)
    found = []
    referent, paragraph = None, None  # the topic last named in the paragraph so far: what 它 or "the robot" refers to
    last_in_article = None  # and in the article: what "the robot" refers to in a paragraph naming none (agreeing_referent)
    label = None  # the topic a paragraph opening with a label names ("3. IRON: delayed. Mass production was pushed …")
    for i, p in enumerate(passages):
        if p.paragraph.id != paragraph:
            referent, paragraph = None, p.paragraph.id
            label = labelled_topic(p.paragraph.text, topics)
        if id(p) not in excluded:
            found += extract_sightings(p, topics, article_topic=label or own, company=signals.own, anchor=anchor,
                                       referent=referent or agreeing_referent(p.canon, last_in_article, topics),
                                       day_before=day_before(passages, i, p.article.date or anchor),
                                       rival=signals.competitor)
        named = last_named(p.canon, topics)
        referent, last_in_article = named or referent, named or last_in_article
    return tuple(found)


def build_knowledge_base(corpus: Corpus, topics: tuple[Topic, ...] | None = None, as_of: dt.date | None = None) -> KnowledgeBase:
    topics = topics or load_topics()
    return compose_knowledge_base(facts_of(corpus.articles, topics), topics, as_of, corrections=corpus.corrections)


def facts_of(articles: tuple[Article, ...], topics: tuple[Topic, ...], facts=article_facts, workers: int = 1) -> list[ArticleFacts]:
    """`facts` (article_facts, or the serve cache's, see preview_cache.py) of each article, in order.

    With `workers` > 1, article_facts runs in that many processes, a share
    of the articles each (parallel.py): it depends on nothing but its
    arguments and the rules the build has loaded. The results equal the
    one-process ones; their passages cite copies of the articles, equal to
    the originals. The serve cache keeps its results in this process, so it
    is never run in workers.
    """
    signals, entities = load_signals(), load_entities()
    if not (workers > 1 and facts is article_facts and articles):
        return [facts(article, topics, signals, entities) for article in articles]
    # The first article is read here: that loads every rule file the stages use (a broken one stops
    # the build with its own message) and jieba's dictionary, which the workers then inherit instead
    # of each loading them again.
    one_article = partial(article_facts, topics=topics, signals=signals, entities=entities)
    return [one_article(articles[0]), *parallel.each(one_article, articles[1:], workers)]


def compose_knowledge_base(per_article: list[ArticleFacts], topics: tuple[Topic, ...], as_of: dt.date | None = None,
                           topic_page=None, corrections: tuple[Correction, ...] = ()) -> KnowledgeBase:
    """The topic pages, from what each article contributes (facts_of).

    `topic_page` composes one topic's page from its TopicInputs: the
    function below, or under `mkdocs serve` the preview cache's, which
    answers from memory for a topic whose inputs an edit left unchanged.

    Milestone statuses are given as of `as_of`, by default the newest
    article's date: the same seeds build the same site on any day.
    An editor's `corrections` (seeds/sources.yml) are applied to the claims
    and milestones here, before anything is composed from them.
    """
    signals = load_signals()
    topic_page = topic_page or compose_topic_page
    if as_of is None:
        as_of = max((p.article.date for facts in per_article for p in facts.passages[:1] if p.article.date), default=None)
    passages = [p for facts in per_article for p in facts.passages]
    by_slug = {t.slug: t for t in topics}

    knowledge = with_editor_attributes(load_knowledge(), corrections)  # rows an editor's entries define
    validate_topics(knowledge, set(by_slug))
    claims, tracked, corrected = apply_corrections(
        corrections, [claim for facts in per_article for claim in facts.claims],
        [s for facts in per_article for s in facts.sightings], topics, as_of, knowledge, articles_by_file(passages),
    )
    milestones = tuple(tracked)
    by_topic: dict[str, list[Passage]] = defaultdict(list)  # in corpus order
    listed_on: dict[str, list[Passage]] = defaultdict(list)  # the sentences about each topic, in corpus order
    for passage in passages:
        for slug in passage.scores:
            by_topic[slug].append(passage)
        for slug in passage.about_topics:
            listed_on[slug].append(passage)
    pages = [
        topic_page(
            TopicInputs(
                topic, tuple(by_topic[topic.slug]), tuple(listed_on[topic.slug]),
                tuple(c for c in claims if topic.slug in c.topics), tuple(m for m in milestones if m.topic == topic.slug), as_of,
            ),
            signals, by_slug, knowledge,
        )
        for topic in topics
    ]
    cited_by: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for page in pages:
        for citation in page.citations:
            entry = (page.topic.title_zh, f"topics/{page.topic.slug}.md")
            if entry not in cited_by[citation.key]:
                cited_by[citation.key].append(entry)
    return KnowledgeBase(
        topics=tuple(pages), cited_by=dict(cited_by), claims=tuple(claims), milestones=milestones, as_of=as_of,
        corrections=corrected,
    )


def articles_by_file(passages: list[Passage]) -> dict[str, Article]:
    """Each article with sentences, by its file name and the names of its copies: what a correction's `file:` names."""
    found: dict[str, Article] = {}
    for passage in passages:
        article = passage.article
        if article.file_name not in found:
            for name in (article.file_name, *article.other_names):
                found.setdefault(name, article)
    return found


@dataclass(frozen=True)
class TopicInputs:
    """Everything from the articles that one topic's page is composed of.

    Two builds with equal inputs compose the same page: the preview cache
    (preview_cache.py) compares them to keep the pages an edit did not touch.
    The rest (signals, subjects, attributes) is build_scripts/data, whose
    change drops every kept result.
    """

    topic: Topic
    relevant: tuple[Passage, ...]  # the sentences naming the topic, in corpus order: figures and dates come from these
    listed: tuple[Passage, ...]  # the sentences about it: only these become list items
    claims: tuple[Claim, ...]  # what the articles say of its subjects' attributes (the infobox)
    milestones: tuple[Milestone, ...]  # its milestones, with their status as of `as_of` (tracked across topics)
    as_of: dt.date | None


def compose_topic_page(inputs: TopicInputs, signals: Signals, by_slug: dict[str, Topic], knowledge) -> TopicPage:
    """The topic's whole page: lists, infobox, timeline and overview, nothing listed twice, every citation verified."""
    page = compose_topic(inputs.topic, inputs.relevant, signals, by_slug, inputs.listed)
    # The infobox replaces the key-figure rows and their "Sources differ"
    # boxes: those compared every value of a unit, whatever it measured.
    page = replace(page, timeline=inputs.milestones, infobox=build_infobox(inputs.topic.slug, inputs.claims, knowledge))
    page = replace(page, lead=compose_overview(page, inputs.as_of))
    page = without_repeats(page)  # nothing listed twice on one page (lists.py)
    verify_citations(page)
    return page


def compose_topic(topic, passages, signals, by_slug, listed=None) -> TopicPage:
    """The page of `topic` from the `passages` relevant to it; its lists hold only `listed`, the sentences about it.

    `listed` defaults to the relevant passages that are about the topic
    (classify.py, `about_topics`): a sentence naming it in passing feeds
    figures and dates, never a list item.
    """
    slug = topic.slug
    relevant = [p for p in passages if slug in p.scores]
    if listed is None:
        listed = [p for p in relevant if slug in p.about_topics]
    merged = excerpts([p for p in listed if _stands_alone(p.text)], slug, signals.listed_as_opinion)

    newest_first = lambda a: (-(a.date.toordinal() if a.date else 0), a.slug)  # noqa: E731
    # One entry per report: a syndicated copy is not another source.
    first_of_report = {p.article.report: p.article for p in sorted(relevant, key=lambda p: bool(p.article.copy_of), reverse=True)}
    sources = tuple(sorted(first_of_report.values(), key=newest_first))
    return TopicPage(
        topic=topic,
        lead=(),  # composed from the infobox and milestones once compose_knowledge_base has them (overview.py)
        timeline=(),  # milestones are tracked across topics: compose_knowledge_base fills it in
        facts=tuple(x for x in merged if not x.opinion),
        opinions=tuple(x for x in merged if x.opinion),
        sources=sources,
        related=tuple(by_slug[s] for s in topic.related if s in by_slug),
    )


def _stands_alone(text: str) -> bool:
    """An excerpt must be a statement, not a lead-in ("…篤信:") or a bare question heading."""
    stripped = text.rstrip()
    return len(stripped) >= MIN_EXCERPT_CHARS and not stripped.endswith((":", "：", "?", "？"))


def verify_citations(page: TopicPage) -> None:
    """Every quote must occur in its cited paragraph (whitespace-normalised); else fail the build."""
    paragraphs: dict = {}  # each cited paragraph's normalised text: one paragraph is cited by many statements
    for citation in page.citations:
        paragraph = citation.article.paragraph(citation.paragraph_id)
        if paragraph is not None and citation.quote in paragraph.text:
            continue  # found as written, so found whitespace-normalised too: the usual case, without normalising
        key = (citation.article.slug, citation.paragraph_id)
        if key not in paragraphs:
            paragraphs[key] = normalise_space(paragraph.text) if paragraph else None
        if paragraphs[key] is None or normalise_space(citation.quote) not in paragraphs[key]:
            raise CitationError(
                f"topic '{page.topic.slug}': the quote «{citation.quote[:80]}» is not in "
                f"{citation.article.file_name} paragraph #{citation.paragraph_id}"
            )
