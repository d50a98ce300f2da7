"""An editor's corrections (seeds/sources.yml) applied to what the build read, before any page is made.

In: the Corrections of the corpus, every article's claims and milestone
sightings. Out: the claims and milestones the site shows — rejected ones
gone, corrected ones changed, added ones in, each checked one carrying its
`Review` — and a report of what was rejected and which corrections no longer
find their target (shown on the Problems page, never dropped in silence).

Milestones are corrected through their sentences (sightings), then tracked
again, so a corrected date moves the milestone's status, chart row, overview
sentence and kb.json entry together. A correction naming a milestone by id
is matched against this build's first tracking, so it keeps working while
new articles arrive; one naming file + quote finds the sentence wherever
the articles now put it.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from build_scripts.knowledge.claims import Attribute, Claim, Knowledge
from build_scripts.knowledge.corroborate import Citation, normalise_space
from build_scripts.knowledge.milestones import SITE_WIDE, Milestone, Sighting, load_milestone_rules, track
from build_scripts.knowledge.taxonomy import Topic
from build_scripts.knowledge.timing import Period
from build_scripts.model import Article, Correction, Review

VERDICTS = {"confirm": "confirmed", "set": "corrected", "add": "added"}
SITE_WIDE_SUBJECT = "site-wide"  # how an entry names a company event that belongs on no topic page


@dataclass(frozen=True)
class Rejected:
    """An item an editor rejected: no page shows it; the Problems page's Corrections section lists it."""

    correction: Correction
    what: str  # what the build had read, in a line
    citation: Citation


@dataclass(frozen=True)
class Stale:
    """A correction that no longer applies: its target is gone, or it names what the site does not know."""

    correction: Correction
    what: str
    todo: str


@dataclass(frozen=True)
class CorrectionsReport:
    applied: tuple[Correction, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    stale: tuple[Stale, ...] = ()


def apply_corrections(corrections: tuple[Correction, ...], claims: list[Claim], sightings: list[Sighting],
                      topics: tuple[Topic, ...], as_of: dt.date | None, knowledge: Knowledge,
                      articles: dict[str, Article]) -> tuple[list[Claim], list[Milestone], CorrectionsReport]:
    """The claims and milestones the site shows, the editor's word applied; `articles` by file name (copies' too)."""
    report = _Report()
    claims = _corrected_claims([c for c in corrections if c.section == "claims"], claims, knowledge, articles, report)
    milestone_corrections = [c for c in corrections if c.section == "milestones"]
    apart: set[int] = set()  # id() of the sightings an editor says are an event of their own (or have no date)
    if milestone_corrections:
        first = track(sightings, topics, as_of)
        milestone_of = {id(s): m for m in first for s in m.sightings}
        tracked = [(s, milestone_of[id(s)].id if id(s) in milestone_of else "") for s in sightings]
        sightings = _corrected_sightings(milestone_corrections, tracked, topics, articles, milestone_of, report, apart)
    milestones = [_with_review(m) for m in _tracked(sightings, apart, topics, as_of)]
    return claims, milestones, CorrectionsReport(tuple(report.applied), tuple(report.rejected), tuple(report.stale))


def _tracked(sightings: list[Sighting], apart: set[int], topics: tuple[Topic, ...], as_of: dt.date | None) -> list[Milestone]:
    """track(), except that what an editor set apart is tracked apart from what the build read.

    Read from a sentence, an undated plan joins the one row of its kind, an undated report the row it
    most likely restates, and "2026" the row of a day in 2026. An editor who adds or sets an item
    without `when` says no date is known, and it must not borrow one from another row; `apart: true`
    says the sentence states another event than the row it joined (another model's launch the same year).
    """
    if not apart:
        return track(sightings, topics, as_of)
    own = [s for s in sightings if id(s) in apart]
    rows = track([s for s in sightings if id(s) not in apart], topics, as_of) + track(own, topics, as_of)
    seen: dict[str, int] = {}
    unique = []
    for m in sorted(rows, key=lambda m: (m.due.start if m.due else dt.date.max, m.topic, m.kind, m.id)):
        seen[m.id] = seen.get(m.id, 0) + 1
        unique.append(m if seen[m.id] == 1 else replace(m, id=f"{m.id}-{seen[m.id]}"))
    return unique


class _Report:
    def __init__(self):
        self.applied: list[Correction] = []
        self.rejected: list[Rejected] = []
        self.stale: list[Stale] = []

    def stale_entry(self, correction: Correction, what: str, todo: str) -> None:
        self.stale.append(Stale(correction, what, todo))


# -- Matching --------------------------------------------------------------


def _quoted(correction: Correction, citation: Citation) -> bool:
    """Whether `citation` is of the sentence the entry quotes: its file, and one quote inside the other."""
    article = citation.article
    if correction.file not in (article.file_name, *article.other_names):
        return False
    wanted, cited = normalise_space(correction.quote), normalise_space(citation.quote)
    return bool(wanted) and (wanted in cited or cited in wanted)


def _cite(correction: Correction, articles: dict[str, Article]) -> Citation | str:
    """The citation of an added item's quote, or why there is none."""
    article = articles.get(correction.file)
    if article is None:
        return f"the file '{correction.file}' is not among the articles of seeds/"
    wanted = normalise_space(correction.quote)
    for paragraph in article.paragraphs:
        if correction.quote in paragraph.text or wanted in normalise_space(paragraph.text):
            quote = correction.quote if correction.quote in paragraph.text else wanted
            return Citation(article, paragraph.id, quote)
    return f"the quote is not in {correction.file}"


def _review(correction: Correction, original: tuple[tuple[str, str], ...] = ()) -> Review:
    """The review an entry gives; only a correction keeps the original reading (a confirmed one is what is shown)."""
    kept = original if correction.action == "set" else ()
    return Review(VERDICTS[correction.action], correction.by, correction.note, correction.date, correction.line, kept)


def _later_review(old: Review | None, new: Review) -> Review:
    """A confirmation after a correction leaves it corrected (and its original reading)."""
    if old is not None and old.verdict in ("corrected", "added") and new.verdict == "confirmed":
        return old
    if old is not None and new.verdict == "corrected":
        return replace(new, original=old.original or new.original)
    return new


MISSING_TODO = ("the article was removed or the sentence edited: update the entry's id or quote "
                "from the page that shows the item now, or remove the entry")


# -- Claims ------------------------------------------------------------------


def _claim_original(c: Claim) -> tuple[tuple[str, str], ...]:
    return (("subject", c.subject), ("attribute", c.attribute), ("value", str(c.value)), ("unit", c.unit),
            ("as_of", c.as_of.key if c.as_of else ""), ("status", c.status), ("read", c.read))


def claim_line(c: Claim, knowledge: Knowledge) -> str:
    """`IRON 人形机器人 · 手部自由度: 22个`: the claim as a reader knows it."""
    subject = knowledge.subjects.get(c.subject)
    attribute = knowledge.attributes.get(c.attribute)
    number = int(c.value) if isinstance(c.value, float) and c.value.is_integer() else c.value
    value = c.as_written or f"{number} {c.unit}".strip()
    return f"{subject.label_zh if subject else c.subject} · {attribute.label_zh if attribute else c.attribute}: {value}"


def _corrected_claims(corrections: list[Correction], claims: list[Claim], knowledge: Knowledge,
                      articles: dict[str, Article], report: _Report) -> list[Claim]:
    for correction in corrections:
        fields = dict(correction.fields)
        unknown = _unknown_claim_fields(fields, knowledge)
        if unknown:
            report.stale_entry(correction, unknown, "use an id of build_scripts/data/subjects.yml / attributes.yml")
            continue
        if correction.action == "add":
            citation = _cited(correction, articles, report)
            if citation is not None:
                claims.append(_added_claim(correction, fields, citation, knowledge))
            continue
        targets = [i for i, c in enumerate(claims) if _targets_claim(correction, c)]
        if not targets:
            report.stale_entry(correction, "matches no figure the build read", MISSING_TODO)
            continue
        report.applied.append(correction)
        if correction.action == "reject":
            for i in targets:
                report.rejected.append(Rejected(
                    correction, f"{claim_line(claims[i], knowledge)} ({claims[i].subject}-{claims[i].attribute})", claims[i].citation))
            chosen = set(targets)
            claims = [c for i, c in enumerate(claims) if i not in chosen]
            continue
        for i in targets:
            c = claims[i]
            if correction.action == "set":
                c = _set_claim(c, fields, knowledge)
            # The editor's word ties the value to its subject as a clause of its own would: it may headline.
            claims[i] = replace(c, read="clause", review=_later_review(claims[i].review, _review(correction, _claim_original(claims[i]))))
    return claims


def _cited(correction: Correction, articles: dict[str, Article], report: _Report) -> Citation | None:
    """The paragraph an entry that adds a figure or a milestone quotes, the entry then counted as applied;
    None, the entry listed as stale, when no article holds its words."""
    citation = _cite(correction, articles)
    if isinstance(citation, str):
        report.stale_entry(correction, citation, "copy the sentence's words from its source page, or fix the file name")
        return None
    report.applied.append(correction)
    return citation


def _targets_claim(correction: Correction, c: Claim) -> bool:
    if correction.id and correction.id != f"{c.subject}-{c.attribute}":
        return False
    return not correction.file or _quoted(correction, c.citation)


def _unknown_claim_fields(fields: dict, knowledge: Knowledge) -> str:
    if "subject" in fields and fields["subject"] not in knowledge.subjects:
        return f"names the subject '{fields['subject']}', which subjects.yml does not have"
    if "attribute" in fields and fields["attribute"] not in knowledge.attributes:
        return (f"names the attribute '{fields['attribute']}', which attributes.yml does not have "
                "(give label_zh: to make it a new row)")
    if fields.get("as_of") is not None and period_of(str(fields["as_of"])) is None:
        return f"gives as_of '{fields['as_of']}', which is not a date"
    return ""


def with_editor_attributes(knowledge: Knowledge, corrections: tuple[Correction, ...]) -> Knowledge:
    """`knowledge` and a row kind for each attribute a claims entry names with its own `label_zh` (attributes.yml lacks it).

    The reading never produces such a figure; an editor adds it (`do: add`) or moves one there (`do: set`),
    and the infobox shows it as a row like any other. The first entry naming an attribute labels it.
    """
    new: dict[str, Attribute] = {}
    for correction in corrections:
        fields = dict(correction.fields)
        attribute = fields.get("attribute")
        if correction.section != "claims" or not attribute or attribute in knowledge.attributes or attribute in new or not fields.get("label_zh"):
            continue
        unit = str(fields.get("unit") or "")
        new[attribute] = Attribute(
            id=attribute, label_zh=str(fields["label_zh"]), label_en=str(fields.get("label_en") or fields["label_zh"]),
            kind="spec", units=(unit,) if unit else (), unit=unit, patterns=(), cues=(), unit_is_cue=False,
            subjects=(fields["subject"],) if fields.get("subject") else (), also_on=(), comparative=False,
        )
    if not new:
        return knowledge
    by_unit = dict(knowledge.by_unit)
    for attribute in new.values():
        if attribute.unit:
            by_unit[attribute.unit] = (*by_unit.get(attribute.unit, ()), attribute)
    return replace(knowledge, attributes={**knowledge.attributes, **new}, by_unit=by_unit)


def _editor_value(value) -> tuple[float | str, str]:
    """An editor's value and how the claim says it was written: a number the editor typed is not the source's wording."""
    if isinstance(value, (int, float)):
        return float(value), ""
    return str(value), str(value)


def _set_claim(c: Claim, fields: dict, knowledge: Knowledge) -> Claim:
    changed = {}
    for name in ("subject", "attribute", "unit", "status"):
        if name in fields:
            changed[name] = str(fields[name] or "")
    if "value" in fields:
        value, written = _editor_value(fields["value"])
        changed.update(value=value, high=None, as_written=written, qualifier="")
    if "as_of" in fields:
        as_of = fields["as_of"]
        changed.update(as_of=period_of(str(as_of)) if as_of is not None else None, dated_by="sentence")
    c = replace(c, **changed)
    return replace(c, topics=knowledge.topics_of(c.subject, c.attribute))


def _added_claim(correction: Correction, fields: dict, citation: Citation, knowledge: Knowledge) -> Claim:
    value, written = _editor_value(fields["value"])
    as_of = period_of(str(fields["as_of"])) if fields.get("as_of") is not None else None
    date = citation.article.date
    return Claim(
        subject=fields["subject"], attribute=fields["attribute"], value=value, high=None,
        unit=str(fields.get("unit") or ""), qualifier="",
        as_of=as_of or (Period(date, date, "day") if date else None), dated_by="sentence" if as_of else "article",
        status=str(fields.get("status", "fact")), as_written=written, citation=citation,
        topics=knowledge.topics_of(fields["subject"], fields["attribute"]), review=_review(correction),
    )


# -- Milestones ----------------------------------------------------------------


def _sighting_original(s: Sighting) -> tuple[tuple[str, str], ...]:
    return (("subject", s.topic), ("kind", s.kind), ("when", s.period.key if s.period else ""), ("state", s.state),
            ("read", s.read))


def _corrected_sightings(corrections: list[Correction], tracked: list[tuple[Sighting, str]], topics: tuple[Topic, ...],
                         articles: dict[str, Article], milestone_of: dict, report: _Report, apart: set[int]) -> list[Sighting]:
    """The sightings with the editor's word applied; `apart` gets the id() of each one the editor set apart or left undated."""
    kinds = {k.id for k in load_milestone_rules().kinds}
    slugs = {t.slug for t in topics}
    texts = {m.id: m.text for m in milestone_of.values()}
    for correction in corrections:
        fields = dict(correction.fields)
        unknown = _unknown_milestone_fields(fields, kinds, slugs)
        if unknown:
            report.stale_entry(correction, unknown, "use a topic slug of topics.yml and a kind id of milestones.yml")
            continue
        if correction.action == "add":
            citation = _cited(correction, articles, report)
            if citation is None:
                continue
            period = period_of(str(fields["when"])) if fields.get("when") else None
            added = Sighting(topic=_topic(fields["subject"]), named="", kind=fields["kind"], period=period, when_text="",
                             relative=False, state=fields["state"], citation=citation, review=_review(correction))
            tracked.append((added, ""))
            if period is None or fields.get("apart"):
                apart.add(id(added))
            continue
        targets = _targets_sightings(correction, tracked)
        if not targets:
            report.stale_entry(correction, "matches no milestone sentence the build read", MISSING_TODO)
            continue
        report.applied.append(correction)
        if correction.action == "reject":
            for i in targets:
                s, ident = tracked[i]
                report.rejected.append(Rejected(correction, f"{texts.get(ident) or s.topic + ' · ' + s.kind} ({ident or 'added'})", s.citation))
            chosen = set(targets)
            tracked = [pair for i, pair in enumerate(tracked) if i not in chosen]
            continue
        for i in targets:
            s, ident = tracked[i]
            new = _set_sighting(s, fields) if correction.action == "set" else s
            # The editor's word is as good as a clause of its own: it may headline, and close a plan.
            tracked[i] = (replace(new, read="clause", review=_later_review(s.review, _review(correction, _sighting_original(s)))), ident)
            if fields.get("apart") or "when" in fields and not fields["when"] or id(s) in apart and "when" not in fields:
                apart.add(id(tracked[i][0]))
    return [s for s, _ in tracked]


def _targets_sightings(correction: Correction, tracked: list[tuple[Sighting, str]]) -> list[int]:
    quoted = [i for i, (s, _) in enumerate(tracked) if not correction.file or _quoted(correction, s.citation)]
    if not correction.id:
        return quoted
    both = [i for i in quoted if tracked[i][1] == correction.id]
    if both or not correction.file:
        return both
    # The id changed since the entry was written (an earlier article now states the milestone):
    # the quote still finds the sentence when all its readings are of one event.
    groups = {(tracked[i][0].topic, tracked[i][0].kind) for i in quoted}
    return quoted if len(groups) == 1 else []


def _unknown_milestone_fields(fields: dict, kinds: set[str], slugs: set[str]) -> str:
    if "subject" in fields and fields["subject"] not in slugs | {SITE_WIDE_SUBJECT}:
        return f"names the subject '{fields['subject']}', which is not a topic of topics.yml"
    if "kind" in fields and fields["kind"] not in kinds:
        return f"names the kind '{fields['kind']}', which milestones.yml does not have"
    if fields.get("when") and period_of(str(fields["when"])) is None:
        return f"gives when '{fields['when']}', which is not a date"
    return ""


def _set_sighting(s: Sighting, fields: dict) -> Sighting:
    changed: dict = {}
    if "subject" in fields:
        changed.update(topic=_topic(fields["subject"]), named="")
    if "kind" in fields:
        changed["kind"] = fields["kind"]
    if "when" in fields:
        changed.update(period=period_of(str(fields["when"])) if fields["when"] else None, when_text="", relative=False, anchor=None)
    if "state" in fields:
        changed.update(state=fields["state"], marker="")
    return replace(s, **changed)


def _topic(subject: str) -> str:
    return SITE_WIDE if subject == SITE_WIDE_SUBJECT else subject


def _with_review(m: Milestone) -> Milestone:
    reviews = [s.review for s in m.sightings if s.review is not None]
    if not reviews:
        return m
    return replace(m, review=min(reviews, key=lambda r: (r.verdict == "confirmed", r.line)))


# -- Periods -------------------------------------------------------------------


def period_of(key: str) -> Period | None:
    """2026, 2026-H2, 2026-Q4, 2026-03, 2026-03-19 → the Period it names (None if it names none)."""
    parts = key.strip().lower().split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        part = parts[1]
        if part.startswith("h") and len(parts) == 2:
            h = int(part[1:])
            return Period(dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half") if h in (1, 2) else None
        if part.startswith("q") and len(parts) == 2:
            q = int(part[1:])
            return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter") if 1 <= q <= 4 else None
        month = int(part)
        if len(parts) == 2:
            return Period(dt.date(year, month, 1), _month_end(year, month), "month")
        day = dt.date(year, month, int(parts[2]))
        return Period(day, day, "day") if len(parts) == 3 else None
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
