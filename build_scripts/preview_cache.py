"""The build's one cache: what `mkdocs serve` keeps between rebuilds, by article, by topic and by page.

Why it exists: `mkdocs serve` rebuilds the whole site when one article is
saved. Most of generating a site is work per article that depends on
nothing but the article (reading it, classifying its sentences, extracting
its figures and dates, its source page), and work per topic that depends
on nothing but what the articles say of that topic (its lists, infobox,
timeline and overview, their Markdown and kb.json entry). Kept here, an
edit costs the edited article's work, the pages of the topics it changes
and the cheap site-wide stages (milestone tracking, the rest of kb.json,
the indexes), not the whole corpus again.

Why here and only here: the stages are plain functions that know nothing
about caching. The plugin owns one `PreviewCache` under `mkdocs serve` and
hands it to `load_corpus` (its `read`) and `compose_site`, which asks it
instead of calling `article_facts`, `compose_topic_page`, `source_page`,
`topic_markdown`, `topic_entry_json` and `page_in_both_scripts`; a one-off
`mkdocs build` calls those directly and keeps nothing.

What a result is kept by is what it is computed from, never a file name or
a time:

* by key: a file's name, bytes and `seeds/sources.yml` entry for what is
  read; the read `Article` for its facts; the article, the topics citing
  it and its tags for its source page;
* by comparison with what the last build computed it from
  (`_kept_while_same`): a topic's whole `TopicInputs` for its page, that
  page for its Markdown and its kb.json entry, a page's text for its two
  script copies. An unchanged article's sentences compare as the same
  objects; an edited one's compare by what they show (`Passage`,
  `Citation`), so a paragraph added elsewhere leaves the topic pages it
  does not feed as they were.

An edit to build_scripts/data/*.yml changes what every result would be:
`new_build` then drops them all. Entries no build used since the previous
one are dropped too, so memory stays at about one site.
"""
from __future__ import annotations

import hashlib
from collections.abc import Hashable
from pathlib import Path

from build_scripts.knowledge.compose import (
    ArticleFacts, Signals, TopicInputs, TopicPage, article_facts, compose_topic_page,
)
from build_scripts.knowledge.entities import Entity
from build_scripts.knowledge.taxonomy import Topic
from build_scripts.model import Article
from build_scripts.pages.export import topic_entry_json
from build_scripts.pages.site import source_page, topic_markdown
from build_scripts.pages.variants import page_in_both_scripts
from build_scripts.reading.corpus import ReadResult, read_article


class PreviewCache:
    def __init__(self) -> None:
        self._data: Hashable = None  # fingerprint of the knowledge the entries were computed with
        self._current: dict = {}  # used by this build
        self._previous: dict = {}  # used by the previous build, not (yet) by this one

    def new_build(self, data_fingerprint: Hashable) -> None:
        """Start a build with the knowledge (build_scripts/data) as `data_fingerprint` says it is."""
        if data_fingerprint != self._data:
            self._data, self._current = data_fingerprint, {}
        self._previous, self._current = self._current, {}

    def read(self, path: Path, override: dict) -> ReadResult:
        """read_article, answered from memory when the file's bytes and corrections are unchanged."""
        try:
            digest = hashlib.sha1(path.read_bytes()).hexdigest()
        except OSError:  # read_article says what is wrong with it
            return read_article(path, override)
        return self._kept(("read", path.name, digest, tuple(sorted(override.items()))), lambda: read_article(path, override))

    def facts(self, article: Article, topics: tuple[Topic, ...], signals: Signals, entities: tuple[Entity, ...]) -> ArticleFacts:
        """article_facts, answered from memory for an article read the same as before."""
        return self._kept(("facts", article), lambda: article_facts(article, topics, signals, entities))

    def source_page(self, article: Article, cited_by: dict[str, tuple], tags: tuple[str, ...], abbreviate) -> str:
        """site.source_page, answered from memory for the same article, citing topics and tags."""
        key = ("source page", article, tuple(cited_by.items()), tags)
        return self._kept(key, lambda: source_page(article, cited_by, tags, abbreviate))

    def topic_page(self, inputs: TopicInputs, *rules) -> TopicPage:
        """compose_topic_page, answered from memory while the topic's inputs equal the last build's."""
        return self._kept_while_same(("topic page", inputs.topic.slug), inputs, lambda: compose_topic_page(inputs, *rules))

    def topic_markdown(self, page: TopicPage, as_of, entities) -> str:
        """site.topic_markdown, answered from memory for the page kept above (or an equal one)."""
        return self._kept_while_same(("topic markdown", page.topic.slug), (page, as_of), lambda: topic_markdown(page, as_of, entities))

    def topic_entry_json(self, page: TopicPage, site_url: str) -> str:
        """export.topic_entry_json, answered from memory for the page kept above (or an equal one)."""
        return self._kept_while_same(("topic json", page.topic.slug), (page, site_url), lambda: topic_entry_json(page, site_url))

    def page_in_both_scripts(self, markdown: str, path: str, with_variants: frozenset[str]) -> tuple[str, str]:
        """variants.page_in_both_scripts, answered from memory while the page's text is the same."""
        return self._kept_while_same(("scripts", path), (markdown, with_variants), lambda: page_in_both_scripts(markdown, path, with_variants))

    def _kept_while_same(self, key: Hashable, inputs, compute):
        """compute(), or what the last build computed under `key` when its inputs were equal to these."""
        kept_inputs, value = self._current.get(key) or self._previous.pop(key, (None, None))
        if kept_inputs is None or kept_inputs != inputs:
            value = compute()
        self._current[key] = (inputs, value)
        return value

    def _kept(self, key: Hashable, compute):
        if key in self._current:
            return self._current[key]
        value = self._previous.pop(key) if key in self._previous else compute()
        self._current[key] = value
        return value
