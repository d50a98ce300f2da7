"""A topic page's lists, cut to what a reader has not seen yet on the page.

In: a composed TopicPage. Out: the same page whose "what the sources say"
lists no longer repeat what the overview, the key figures or the timeline
already show:

* A fact that says what an overview sentence says (the same sentence in the
  other script, or a syndicated copy; compared in Simplified with spacing
  and punctuation ignored, `corroborate.bigrams`) is not listed again: its
  citations join the overview sentence's.
* A fact whose words are mostly quoted above already, as the wording of a
  figure row or a timeline entry from the same paragraph, is not listed
  again: the reader has read it, with its citation, a screen higher.

Opinions are told apart where the excerpts are made (`signals.yml`,
`opinion_cues`); this stage decides what is shown twice, and `speaker` who
voiced an opinion when a sentence says so (`speech_cues`, `belief_cues`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from build_scripts import data as data_files
from build_scripts.knowledge.corroborate import NEAR_DUPLICATE, Citation, Excerpt, Statement, bigrams, overlap
from build_scripts.knowledge.entities import Entity, load_entities
from build_scripts.knowledge.taxonomy import canonical

SIGNALS_FILE = Path(__file__).parent.parent / "data" / "signals.yml"
QUOTE_OPENS = "「『“\"‘'"

SHOWN_ABOVE = 0.5  # share of a sentence's characters quoted above beyond which it is not listed again


def without_repeats(page):
    """`page` (a TopicPage) with its facts, opinions and passing mentions cut as the module docstring says."""
    lead = [Statement(s.text, tuple(s.citations)) for s in page.lead]
    lead_grams = [bigrams(s.text) for s in lead]
    quoted: dict[tuple[str, str], set[str]] = {}
    for citation in [*(c for row in page.figures for c in row.citations), *(c for e in page.timeline for c in e.citations)]:
        quoted.setdefault(citation.key, set()).add(" ".join(citation.quote.split()))

    def kept(excerpts: tuple[Excerpt, ...]) -> tuple[Excerpt, ...]:
        result = []
        for excerpt in excerpts:
            grams = bigrams(excerpt.text)
            same = next((i for i, g in enumerate(lead_grams) if overlap(grams, g) >= NEAR_DUPLICATE), None)
            if same is not None:
                lead[same] = Statement(lead[same].text, _joined(lead[same].citations, excerpt.citations))
                continue
            if _mostly_quoted(excerpt, quoted):
                continue
            result.append(excerpt)
        return tuple(result)

    facts, opinions, passing = kept(page.facts), kept(page.opinions), kept(page.passing)
    return replace(page, lead=tuple(lead), facts=facts, opinions=opinions, passing=passing)


def _mostly_quoted(excerpt: Excerpt, quoted: dict[tuple[str, str], set[str]]) -> bool:
    for citation in excerpt.citations:
        text = " ".join(citation.quote.split())
        shown = [q for q in quoted.get(citation.key, ()) if q and q in text]
        covered = set()
        for q in shown:
            start = text.find(q)
            covered.update(range(start, start + len(q)))
        if len(covered) >= SHOWN_ABOVE * len(text):
            return True
    return False


def _joined(first: tuple[Citation, ...], more: tuple[Citation, ...]) -> tuple[Citation, ...]:
    keys = {c.key for c in first}
    return first + tuple(c for c in more if c.key not in keys)


@data_files.loader
def speaker_patterns(path: Path = SIGNALS_FILE) -> tuple[re.Pattern, re.Pattern] | None:
    """(speech verb + quotation, belief verb) patterns from signals.yml; None when it lists neither."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}

    def alternation(key: str) -> str:
        words = sorted((canonical(str(w)) for w in data.get(key) or []), key=len, reverse=True)
        return "|".join(re.escape(w) for w in words)

    speech, belief = alternation("speech_cues"), alternation("belief_cues")
    if not speech and not belief:
        return None
    quoted = re.compile(rf"\s*(?:{speech or '(?!)'})\s*[:：,，]?\s*[{QUOTE_OPENS}]")
    believes = re.compile(rf"\s*(?:{belief or '(?!)'})")
    return quoted, believes


def speaker(text: str, entities: tuple[Entity, ...] | None = None) -> str:
    """The person an opinion is voiced by, when the sentence says so (see signals.yml); "" otherwise."""
    patterns = speaker_patterns()
    if patterns is None:
        return ""
    quoted, believes = patterns
    canon = canonical(text)
    for entity in entities if entities is not None else load_entities():
        if entity.kind != "person":
            continue
        for form in entity.forms:
            at = canon.find(form)
            if at < 0:
                continue
            after = canon[at + len(form):]
            framed = canon[:at].endswith("在") and after.startswith("看来")
            if framed or quoted.match(after) or believes.match(after):
                return entity.tag
    return ""
