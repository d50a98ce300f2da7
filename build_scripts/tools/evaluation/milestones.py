"""Milestones section: the events the build tracks against gold.yml `milestones`.

A predicted milestone matches a gold one when it has the same topic (a null
gold topic is a site-wide event), the same kind, a compatible time (the
period of the citing sentence, or of the milestone when that sentence gives
none, starts within the gold's and is no coarser; no time for no time) and
it cites the paragraph holding the gold quote in a sentence read in the
gold's state (planned, happened, delayed; cancelled is dropped): a plan read
as done, or a report read as a plan, is a miss and a wrong row. Precision counts
each predicted milestone once per gold article it cites; recall counts gold
milestones. Status accuracy is measured on the found gold plans that a
later gold article reports on (happened → done or late, delayed → moved,
cancelled → dropped), and on all found gold plans (the others upcoming, or
overdue once their period ended before the statuses' date).
"""
from __future__ import annotations

import datetime as dt
import re

from build_scripts.knowledge.compose import build_knowledge_base
from build_scripts.knowledge.milestones import SITE_WIDE, Milestone, Sighting
from build_scripts.knowledge.timing import Period
from build_scripts.tools.evaluation import Evaluation

# gold.yml names topics by short ids; the site by slugs of topics.yml.
TOPICS = {"vla": "second-gen-vla", "robotaxi": "robotaxi", "iron": "iron", "flying": "flying-cars",
          "turing": "turing-chip", "worldmodel": "world-model"}
EXPECTED = {"happened": {"done", "late"}, "delayed": {"moved"}, "cancelled": {"dropped"}}
STATE_OF_STATUS = {"planned": "planned", "happened": "happened", "delayed": "delayed", "cancelled": "dropped"}


def gold_period(when) -> Period | None:
    """gold `when` (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, YYYY-MM-DD) as a Period."""
    if when is None:
        return None
    text = str(when)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        day = dt.date.fromisoformat(text)
        return Period(day, day, "day")
    year = int(text[:4])
    rest = text[5:]
    def month_end(m):
        nxt = dt.date(year + (m == 12), m % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    if not rest:
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if rest.upper().startswith("H"):
        h = int(rest[1])
        return Period(dt.date(year, 6 * h - 5, 1), month_end(6 * h), "half")
    if rest.upper().startswith("Q"):
        q = int(rest[1])
        return Period(dt.date(year, 3 * q - 2, 1), month_end(3 * q), "quarter")
    m = int(rest)
    return Period(dt.date(year, m, 1), month_end(m), "month")


def _compatible(gold: Period | None, said: Period | None) -> bool:
    """Same period at the gold's precision: the predicted period starts within the gold's
    (2026-Q4 for 2026; 2027–2028 for 2027) and is not coarser than it (2026 is not 2026-Q4)."""
    if gold is None or said is None:
        return gold is None and said is None
    return gold.start <= said.start <= gold.end and (said.end - said.start) <= max(gold.end - gold.start, said.end - said.start) \
        and not (said.end > gold.end and said.precision != "year")


def _cites_quote(s: Sighting, stem: str, quote: str, run: Evaluation) -> bool:
    article = run.article_by_stem.get(stem)
    if article is None or s.citation.article.slug != article.slug:
        return False
    paragraph = article.paragraph(s.citation.paragraph_id)
    plain = lambda t: re.sub(r"\s+", "", t)  # noqa: E731
    return paragraph is not None and plain(quote) in plain(paragraph.text)


def _matches(m: Milestone, gold: dict, stem: str, run: Evaluation, unresolved: bool = False) -> bool:
    """Whether `m` is the gold milestone; with `unresolved`, whether it would be but for a relative
    time the rules leave unresolved because the article has no date."""
    topic = TOPICS.get(gold.get("topic"), gold.get("topic")) or SITE_WIDE
    if m.topic != topic or m.kind != gold["kind"]:
        return False
    period = gold_period(gold.get("when"))
    # The milestone's own periods count as well as the citing sentence's: one that merged
    # "unveiled … (no date)" with "unveiled on 11月5日" is the 11月5日 unveiling.
    own = [p for p in (m.due, m.done, m.moved_to) if p is not None]
    state = STATE_OF_STATUS.get(gold.get("status"), gold.get("status"))
    for s in m.sightings:
        if not _cites_quote(s, stem, gold["quote"], run) or (state and s.state != state):
            continue
        if unresolved:
            if s.period is None and s.relative and s.said_on is None:
                return True
        elif _compatible(period, s.period) or (s.period is None and any(_compatible(period, p) for p in own)):
            return True
    return False


def score(run: Evaluation) -> list[str]:
    kb = run._cache.get("kb") or build_knowledge_base(run.corpus)
    run._cache["kb"] = kb
    slug_to_stem = {}
    for stem in run.gold:
        article = run.article_by_stem.get(stem)
        if article is not None:
            slug_to_stem[article.slug] = stem
    golds = [(stem, g) for stem in sorted(run.gold) for g in (run.gold[stem].get("milestones") or [])]
    # Each predicted milestone once per gold article it cites.
    predicted = [(m, slug_to_stem[slug]) for m in kb.milestones
                 for slug in dict.fromkeys(s.citation.article.slug for s in m.sightings) if slug in slug_to_stem]
    right = [(m, stem) for m, stem in predicted
             if any(_matches(m, g, stem, run) for g in run.gold[stem].get("milestones") or [])]
    found = {i: next((m for m in kb.milestones if _matches(m, g, stem, run)), None) for i, (stem, g) in enumerate(golds)}
    misses = [f"miss {stem}: {g.get('topic')} {g['kind']} {g.get('when')} «{g['quote'][:50]}»"
              for i, (stem, g) in enumerate(golds) if found[i] is None]
    extra = [f"extra {stem}: {m.topic} {m.kind} {m.due.key if m.due else None} «{_quote(m, stem, run)[:50]}»"
             for m, stem in predicted if (m, stem) not in right]
    # Statuses. Of gold plans a later gold article reports on (happened → done or late, delayed
    # → moved, cancelled → dropped), and of all gold plans: those no later article reports on
    # should be upcoming, or overdue once their period ended before the statuses' date.
    approx = {stem: str(run.gold[stem].get("date") or run.gold[stem].get("published_approx") or "") for stem in run.gold}
    checked, status_right, status_misses = 0, 0, []
    every, every_right = 0, 0
    for i, (stem, g) in enumerate(golds):
        if g.get("status") != "planned" or found[i] is None:
            continue
        period = gold_period(g.get("when"))
        # `other` gathers unlike events (a growth phase, a business unit): a later one reports on this plan
        # only when it happened in the plan's period
        later = [(s2, g2) for s2, g2 in golds if g2.get("topic") == g.get("topic") and g2["kind"] == g["kind"]
                 and g2.get("status") in EXPECTED and approx[s2] > approx[stem]
                 and (g["kind"] != "other" or (period and gold_period(g2.get("when")) and period.overlaps(gold_period(g2.get("when")))))]
        if later:
            expected = EXPECTED[later[-1][1]["status"]]
        elif period is None:
            expected = {"undated"}
        else:
            expected = {"overdue"} if kb.as_of and kb.as_of > period.end else {"upcoming"}
        got = found[i].status
        every += 1
        every_right += got in expected
        if later:
            checked += 1
            status_right += got in expected
        if got not in expected:
            status_misses.append(f"status {stem}: {g.get('topic')} {g['kind']} {g.get('when')}: expected {'/'.join(sorted(expected))}, got {got}")
    undated = {i for i, (stem, g) in enumerate(golds) if found[i] is None
               and any(_matches(m, g, stem, run, unresolved=True) for m in kb.milestones)}
    undated_extra = [(m, stem) for m, stem in predicted if (m, stem) not in right
                     and any(_matches(m, g, stem, run, unresolved=True) for g in run.gold[stem].get("milestones") or [])]
    p = len(right) / max(len(predicted), 1)
    r = sum(1 for v in found.values() if v is not None) / max(len(golds), 1)
    lines = [
        f"precision {len(right):>3}/{len(predicted):<3} {100 * p:5.1f}%",
        f"recall    {sum(1 for v in found.values() if v is not None):>3}/{len(golds):<3} {100 * r:5.1f}%",
        f"status    {status_right:>3}/{checked:<3} {100 * status_right / max(checked, 1):5.1f}%  (found gold plans a later article reports on)",
        f"status    {every_right:>3}/{every:<3} {100 * every_right / max(every, 1):5.1f}%  (all found gold plans, as of {kb.as_of})",
        f"left unresolved by rule (relative time, article undated): {len(undated)} gold, {len(undated_extra)} predicted;"
        f" without them precision {len(right)}/{len(predicted) - len(undated_extra)},"
        f" recall {len(golds) - len(misses)}/{len(golds) - len(undated)}",
    ]
    return lines + misses + extra + status_misses


def _quote(m: Milestone, stem: str, run: Evaluation) -> str:
    article = run.article_by_stem.get(stem)
    return next((s.citation.quote for s in m.sightings if article and s.citation.article.slug == article.slug), "")
