"""The articles of unseen_shapes/ (written for the header reader, in the shapes of outlets this project was not
developed on) read for their events: what they only plan stays upcoming, what they report is done.

Read as a site, two of their rows once said done what the sources only plan: the Robotaxi's trial operation
(宣布2026年推出三款Robotaxi車型，並在廣州展開試營運, dated by the day of the announcement) and the Land Aircraft
Carrier's deliveries ("while its flying car unit prepares deliveries of the Land Aircraft Carrier").
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_scripts.knowledge.compose import article_facts, load_signals
from build_scripts.knowledge.entities import load_entities
from build_scripts.knowledge.milestones import track
from build_scripts.knowledge.taxonomy import load_topics
from build_scripts.reading.corpus import load_corpus

SHAPES = Path(__file__).parent / "unseen_shapes"
AS_OF = dt.date(2025, 12, 1)


@pytest.fixture(scope="module")
def rows():
    topics, signals, entities = load_topics(), load_signals(), load_entities()
    sightings = [s for a in load_corpus(SHAPES).articles for s in article_facts(a, topics, signals, entities).sightings]
    return {(m.topic, m.kind): m for m in track(sightings, topics, AS_OF)}


@pytest.mark.parametrize("topic, kind", [
    ("robotaxi", "trial-operation"), ("flying-cars", "delivery"), ("iron", "mass-production"),
])
def test_what_the_articles_only_plan_stays_upcoming(rows, topic, kind):
    row = rows[(topic, kind)]
    assert row.status == "upcoming" and not any(r.state == "happened" for r in row.reports), [
        (r.citation.article.slug, r.citation.quote) for r in row.reports]


@pytest.mark.parametrize("topic, kind, day", [
    ("iron", "unveil", "2025-11-05"), ("flying-cars", "production-start", "2025-11-03"),
])
def test_what_they_report_is_done_on_its_day(rows, topic, kind, day):
    row = rows[(topic, kind)]
    assert row.status == "done" and row.due.label == day
