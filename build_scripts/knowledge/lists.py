"""A topic page's lists, cut to what a reader needs and has not seen yet on the page.

In: a composed TopicPage. Out: the same page whose "what the sources say"
lists (excerpts.yml says with which words) leave out

* a sentence saying what an overview sentence says, or whose words are
  mostly quoted above already by a figure row or a timeline entry from the
  same paragraph: the reader has read it, with its citation, a screen higher;
* background: what a glossary term means (the glossary says it, cited), and
  an item naming neither XPeng nor its people or products (the industry's);
* a lead-in ending on the topic's name ("…的另一个落地场景是Robotaxi。");
* a fact whose words an opinion quotes before its judgement;

and show items one of which says the other (the shorter one's unit pairs
mostly inside the longer one's, `same_fact`: a syndicated copy, another
outlet's wording), and facts naming the same one partner organisation, as
one item: the longer wording with every citation.
The page's source list is then the articles the page cites, one per report.
`speaker` names who voiced an opinion when a sentence says so (signals.yml).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import chain
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema
from build_scripts.knowledge.corroborate import NEAR_DUPLICATE, Excerpt, ExcerptRules, excerpt_rules, overlap, unit_pairs
from build_scripts.knowledge.entities import Entity, load_entities
from build_scripts.knowledge.glossary import load_terms
from build_scripts.knowledge.classify import load_aboutness
from build_scripts.knowledge.taxonomy import canonical, load_topics

SIGNALS_FILE = Path(__file__).parent.parent / "data" / "signals.yml"
QUOTE_OPENS = "「『“\"‘'"

ENDS = "。.!！?？;；」』”\"’' "
SHOWN_ABOVE = 0.5  # share of a sentence's characters quoted above beyond which it is not listed again
MIN_CONTAINED_PAIRS = 10  # a shorter sentence than this is too generic to be found in part inside another

_CUES = schema.ListOf(schema.Text(), min_items=1, hint="a list of words, e.g. [认为, 看来]")
# signals.yml's shape, declared here because compose.py (load_signals, its
# other reader) imports this module. Other stages may add their cues, so
# keys beyond these are let through.
SIGNALS = schema.Record(
    {"definition_cues": _CUES, "opinion_cues": _CUES, "comparison_cues": _CUES, "competitor_cues": _CUES, "own_cues": _CUES},
    optional={"speech_cues": _CUES, "belief_cues": _CUES}, extra_ok=True,
)


def without_repeats(page):
    """`page` (a TopicPage) with its facts and opinions cut as the module docstring says."""
    lead_grams = [unit_pairs(s.text) for s in page.lead]
    quoted: dict[tuple[str, str], set[str]] = {}
    # What the page shows above its lists: the overview, the infobox, and the sentences of dated
    # milestones (a row saying what happened or is due when) — not an undated row ("发布 · 时间未定"),
    # nor a sentence that only presupposes its event (小鹏推出的第二代VLA，最大的变化是…: "described").
    described = {s.citation for e in page.timeline for s in e.sightings if s.read == "described"}
    shown_above = [*(c for s in page.lead for c in s.citations), *page.infobox.citations,
                   *(s.citation for e in page.timeline if e.due or e.done for s in e.sightings if s.read != "described")]
    shown_above = [c for c in shown_above if c not in described]
    for citation in shown_above:
        quoted.setdefault(citation.key, set()).add(" ".join(citation.quote.split()))

    grams_of: dict[str, frozenset[str]] = {}  # each wording's unit pairs, worked out once for both steps
    rules, defines = excerpt_rules(), glossary_definitions()
    own = (*rules.own_names, *(canonical(w) for w in load_signal_words().get("own_cues", ())))

    def shown(excerpts: tuple[Excerpt, ...]) -> tuple[Excerpt, ...]:
        """Those not shown above nor background, then those saying the same merged."""
        result = []
        for excerpt in excerpts:
            canon, grams = canonical(excerpt.text), grams_of.setdefault(excerpt.text, unit_pairs(excerpt.text))
            if any(overlap(grams, g) >= NEAR_DUPLICATE for g in lead_grams) or _mostly_quoted(excerpt, quoted):
                continue
            if defines(canon) or not (any(name in canon for name in own) or _refers_back(canon)):
                continue  # background: the glossary's, or the industry's
            if lead_in(canon, page.topic.alias_pattern, rules):
                continue
            result.append(excerpt)
        return merge_contained(tuple(result), grams_of, rules)

    opinions = shown(page.opinions)
    # A fact whose words an opinion quotes, joined to the judgement after them, is read there.
    judged = {c.key: c.quote for x in opinions for c in x.citations}
    facts = one_per_partner(shown(tuple(x for x in page.facts if not all(c.quote in judged.get(c.key, "") for c in x.citations))))
    return replace(page, facts=facts, opinions=opinions, sources=cited_sources(replace(page, facts=facts, opinions=opinions)))


def lead_in(canon: str, topic_name: re.Pattern, rules: ExcerptRules) -> bool:
    """"…的另一个落地场景是Robotaxi。": short, its last clause a copula then the topic's name: it introduces what follows."""
    text = canon.rstrip(ENDS)
    last = re.split(r"[,，;；:：]", text)[-1]
    return len(text) <= rules.lead_in_chars and any(
        m.end() == len(text) and any(c in last[: len(last) - (m.end() - m.start())] for c in rules.copulas)
        for m in topic_name.finditer(text))


def cited_sources(page) -> tuple:
    """The articles the page cites, one per report (the first cited), newest first."""
    first: dict = {}
    for citation in page.citations:
        first.setdefault(citation.article.report, citation.article)
    return tuple(sorted(first.values(), key=lambda a: (-(a.date.toordinal() if a.date else 0), a.slug)))


def _refers_back(canon: str) -> bool:
    """Names no topic but refers to the one before ("它…", "The aircraft …"): about what that sentence was (classify.py)."""
    topics = load_topics()
    return not any(t.alias_pattern.search(canon) for t in topics) and load_aboutness().refers_back(canon, topics) is not None


def glossary_definitions():
    """A test of canonical text: does it say what a glossary term means (excerpts.yml, `definition_verbs`)?"""
    terms = load_terms()
    names = sorted({canonical(n) for t in terms for n in (t.term, *t.aliases)}, key=len, reverse=True)
    verbs = sorted(excerpt_rules().definition_verbs, key=len, reverse=True)
    if not names:
        return lambda canon: False
    opening = re.compile(rf"^(?:{'|'.join(map(re.escape, names))})\s*(?:[（(][^）)]*[）)])?\s*(?:{'|'.join(map(re.escape, verbs))})")
    return lambda canon: bool(opening.match(canon))


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


@data_files.loader
def load_signal_words(path: Path = SIGNALS_FILE) -> dict:
    return schema.load(path, SIGNALS)


def speaker_patterns(path: Path = SIGNALS_FILE) -> tuple[re.Pattern, re.Pattern] | None:
    """(speech verb + quotation, belief verb) patterns from signals.yml; None when it lists neither."""
    data = load_signal_words(path)

    def alternation(key: str) -> str:
        words = sorted((canonical(w) for w in data.get(key, [])), key=len, reverse=True)
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


def merge_contained(excerpts: tuple[Excerpt, ...], grams_of: dict[str, frozenset[str]] | None = None,
                    rules: ExcerptRules | None = None) -> tuple[Excerpt, ...]:
    """Excerpts one of which says another in full merged: the longer wording, every citation, the first's place.

    Pairs are found through an index, not by comparing every two: if the
    shorter of two sets shares `same_fact` (excerpts.yml) of its bigrams with
    the longer, it shares one of its `1 - same_fact` rarest (prefix filtering).
    `grams_of`: bigrams already worked out, by wording.
    """
    grams_of = grams_of if grams_of is not None else {}
    contained = (rules or excerpt_rules()).same_fact
    grams = [grams_of[x.text] if x.text in grams_of else grams_of.setdefault(x.text, unit_pairs(x.text)) for x in excerpts]
    frequency = Counter(chain.from_iterable(grams))
    holders: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(grams):
        for gram in g:
            holders[gram].append(i)
    sizes = [len(g) for g in grams]
    group = list(range(len(excerpts)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    compared: set[str] = set()  # the wordings whose candidates were compared
    says: dict[tuple[str, str], bool] = {}  # (wording, wording) → whether the first says the second in full
    for i, (excerpt, g) in enumerate(zip(excerpts, grams)):
        if excerpt.text in compared:
            # A copy of a wording met before (syndication repeats sentences) was joined to it there, and so
            # to everything it was joined to: comparing it again would join nothing more.
            continue
        compared.add(excerpt.text)
        # A short sentence is too generic to be found in part inside another: only whole ("It is impressive.").
        needed = len(g) if len(g) < MIN_CONTAINED_PAIRS else math.ceil(contained * len(g))
        rarest = sorted(g, key=lambda gram: (frequency[gram], gram))[: len(g) - needed + 1]
        # Each excerpt holding one of them, once (dict.fromkeys drops the repeats at C speed), in the
        # order first met, as a set as ever: the order pairs are joined in decides an item's place.
        sharing = dict.fromkeys(chain.from_iterable(holders[gram] for gram in rarest))
        for j in {j for j in sharing if j != i and sizes[j] >= sizes[i]}:
            if root(i) == root(j):
                continue  # already one item: joining them again changes nothing
            pair = (excerpt.text, excerpts[j].text)
            if pair not in says:
                says[pair] = len(g & grams[j]) >= needed
            if says[pair]:
                group[root(max(i, j))] = root(min(i, j))
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(excerpts)):
        members[root(i)].append(i)
    return tuple(one_item([excerpts[i] for i in members[first]]) for first in sorted(members))


def one_item(together: list[Excerpt]) -> Excerpt:
    """Excerpts saying one fact as one: the longest wording, every citation (each paragraph once), the first's place."""
    if len(together) == 1:
        return together[0]
    longest = max(together, key=lambda x: len(x.text))
    citations: dict = {}
    for x in (longest, *together):
        for c in x.citations:
            citations.setdefault(c.key, c)
    return replace(longest, citations=tuple(citations.values()), score=max(x.score for x in together))


def one_per_partner(facts: tuple[Excerpt, ...]) -> tuple[Excerpt, ...]:
    """Facts naming the same one organisation XPeng works with (entities.yml, no competitor) state one partnership:
    "高德将成为小鹏Robotaxi的首个全球生态合作伙伴" and "高德已与小鹏达成合作" are one item."""
    rivals = {canonical(w) for w in load_signal_words().get("competitor_cues", ())}
    partners = [e for e in load_entities() if e.kind == "organisation" and not rivals & set(e.forms)]
    groups: dict = {}
    for i, fact in enumerate(facts):
        named = [e.tag for e in partners if e.named_in(canonical(fact.text))]
        groups.setdefault(named[0] if len(named) == 1 else i, []).append(fact)
    return tuple(one_item(group) for group in groups.values())
