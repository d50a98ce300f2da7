"""A topic's overview, composed from its infobox and milestones in the wording of data/overview.yml.

In: a TopicPage (its infobox rows and milestones) and the date statuses are
given as of. Out: two to four OverviewSentences, each in Chinese and English
with the citations of the facts it states. Nothing here is lifted from an
article: an article's sentence can carry a reference that points nowhere
(其团队…, 昨天) or an outlet's judgement, which an overview must not adopt.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s
from build_scripts.knowledge.corroborate import Citation
from build_scripts.knowledge.extract import unit_rules
from build_scripts.knowledge.infobox import ClaimValue, InfoboxRow
from build_scripts.knowledge.milestones import STATUSES, Milestone, load_milestone_rules
from build_scripts.knowledge.taxonomy import canonical

OVERVIEW_FILE = Path(__file__).parent.parent / "data" / "overview.yml"
SENTENCE_KEYS = ("what", "unveiled", "figures", "figure_item", "promise")
DONE = ("done", "late")
# Chinese and English words for the qualifiers claims carry (claims.py reads them from units.yml).
QUALIFIER_WORDS = {
    "nearly": ("近", "nearly"), "about": ("约", "about"), "over": ("超", "over"), "up to": ("最高", "up to"),
    "at most": ("不超过", "at most"), "under": ("低于", "under"), "at least": ("至少", "at least"),
}

_BILINGUAL = s.Record({"zh": s.Text(), "en": s.Text()}, hint="give the wording in both languages: zh: … and en: …")
_TOPIC = s.Record({"name": _BILINGUAL, "what": _BILINGUAL}, hint="give each topic its name and what it is, each with zh: and en:")
OVERVIEW_SHAPE = s.Record({
    "max_figures": s.Integer(minimum=0),
    "sentences": s.Record({key: _BILINGUAL for key in SENTENCE_KEYS}),
    "topics": s.MapOf(s.Slug(), _TOPIC),
    "units_en": s.MapOf(s.Text(), s.Text()),
})


@dataclass(frozen=True)
class OverviewWording:
    max_figures: int
    sentences: dict[str, dict[str, str]]  # key → {"zh": template, "en": template}
    topics: dict[str, dict[str, dict[str, str]]]  # topic slug → {"name"|"what": {"zh": …, "en": …}}
    units_en: dict[str, str]


@dataclass(frozen=True)
class OverviewSentence:
    zh: str
    en: str
    citations: tuple[Citation, ...]

    @property
    def text(self) -> str:
        """The Chinese wording: what the page shows first and what a link preview quotes."""
        return self.zh


@data_files.loader
def load_overview_wording(path: Path = OVERVIEW_FILE) -> OverviewWording:
    raw = s.load(path, OVERVIEW_SHAPE)
    return OverviewWording(raw["max_figures"], raw["sentences"], raw["topics"], raw["units_en"])


def compose_overview(page, as_of: dt.date | None, wording: OverviewWording | None = None) -> tuple[OverviewSentence, ...]:
    wording = wording or load_overview_wording()
    topic = page.topic
    own = wording.topics.get(topic.slug, {})
    titles = own.get("name", {"zh": topic.title_zh, "en": topic.title_en})
    what = own.get("what", {"zh": topic.scope, "en": topic.title_en})
    sentences = [_what(wording, titles, what, _unveiled(page.timeline, topic.aliases[0] if topic.aliases else ""))]
    figures = _headline_values(page.infobox.rows, wording.max_figures)
    if figures:
        sentences.append(_figures(wording, figures))
    promise = main_promise(page.timeline)
    if promise is not None:
        sentences.append(_promise(wording, promise, as_of, titles))
    return tuple(sentences)


def main_promise(milestones) -> Milestone | None:
    """The topic's headline promise: the planned milestone most sources state, then the earliest due."""
    planned = [m for m in milestones if m.plans and m.due is not None and m.confident]
    if not planned:
        return None
    return min(planned, key=lambda m: (-len({c.article.slug for c in m.citations}), m.due.start, m.id))


def _fill(template: str, **values: str) -> str:
    return template.format(**values)


def _what(wording: OverviewWording, titles: dict, what: dict, unveiled: Milestone | None) -> OverviewSentence:
    if unveiled is None:
        t = wording.sentences["what"]
        return OverviewSentence(_fill(t["zh"], title=titles["zh"], what=what["zh"]),
                                _fill(t["en"], title=titles["en"], what=what["en"]), ())
    t = wording.sentences["unveiled"]
    when = (unveiled.done or unveiled.due).label
    reports = unveiled.reports or unveiled.plans
    return OverviewSentence(_fill(t["zh"], title=titles["zh"], what=what["zh"], when=when),
                            _fill(t["en"], title=titles["en"], what=what["en"], when=when),
                            tuple(dict.fromkeys(r.citation for r in reports)))


def _unveiled(milestones, proper_name: str) -> Milestone | None:
    """The earliest unveiling a source reports as done, naming the topic by its proper name (IRON, not 人形机器人:
    a humanoid robot unveiled in 2023 was another one)."""
    proper = canonical(proper_name)
    shown = [m for m in milestones if m.kind == "unveil" and m.status in DONE and (m.done or m.due) and m.confident
             and any(proper and proper in canonical(s.named) for s in m.sightings)]
    return min(shown, key=lambda m: (m.done or m.due).start, default=None)


def _headline_values(rows: tuple[InfoboxRow, ...], limit: int) -> list[tuple[InfoboxRow, ClaimValue]]:
    """The newest fact of each row no source disputes, most independent sources first, then the infobox's order.

    Only values a sentence ties to its subject itself, or that two independent sources state: a value whose
    subject is the paragraph's or the article's guess is shown in the infobox, never headlined.
    """
    chosen = []
    for order, row in enumerate(rows):
        dated = [v for v in row.facts if v.as_of is not None
                 and (v.independent_count >= 2 or any(c.read == "clause" for c in v.claims))]
        if not dated or row.differences:
            continue
        newest = max(dated, key=lambda v: v.as_of.start)
        chosen.append((-newest.independent_count, order, row, newest))
    chosen.sort(key=lambda c: c[:2])
    return [(row, value) for _, _, row, value in chosen[:limit]]


def _figures(wording: OverviewWording, figures: list[tuple[InfoboxRow, ClaimValue]]) -> OverviewSentence:
    item, whole = wording.sentences["figure_item"], wording.sentences["figures"]
    zh_items, en_items, citations = [], [], []
    for row, value in figures:
        zh_items.append(_fill(item["zh"], subject=row.subject.label_zh, attribute=row.attribute.label_zh,
                              value=value_zh(value), as_of=value.as_of.label))
        en_items.append(_fill(item["en"], subject=row.subject.label_en, attribute=row.attribute.label_en,
                              value=value_en(value, wording), as_of=value.as_of.label))
        citations += value.citations[:1]
    return OverviewSentence(_fill(whole["zh"], items="；".join(zh_items)),
                            _fill(whole["en"], items="; ".join(en_items)), tuple(citations))


def _english_name(subject: str, titles: dict) -> str:
    """A milestone names its subject as the sentences do (陆地航母); the English line needs the English name."""
    from build_scripts.knowledge.claims import load_knowledge
    from build_scripts.knowledge.taxonomy import canonical

    wanted = canonical(subject)
    for known in load_knowledge().subjects.values():
        if wanted in {canonical(known.label_zh), *(canonical(a) for a in known.aliases)}:
            return known.label_en
    return subject if subject.isascii() else titles["en"]


def _promise(wording: OverviewWording, promise: Milestone, as_of: dt.date | None, titles: dict) -> OverviewSentence:
    t = wording.sentences["promise"]
    kind = next((k for k in load_milestone_rules().kinds if k.id == promise.kind), None)
    zh_status, en_status = STATUSES[promise.status]
    if promise.status_note:
        zh_status, en_status = f"{zh_status}（{promise.status_note}）", f"{en_status} ({promise.status_note})"
    when = as_of.isoformat() if as_of else "—"
    values = dict(due=promise.due.label, as_of=when)
    zh = _fill(t["zh"], subject=promise.subject, kind=kind.label_zh if kind else promise.kind, status=zh_status, **values)
    en = _fill(t["en"], subject=_english_name(promise.subject, titles), kind=kind.label_en if kind else promise.kind,
               status=en_status, **values)
    return OverviewSentence(zh, en, promise.citations[:3])


def _number(v: float) -> str:
    return f"{v:,.10g}" if v != int(v) else f"{int(v):,}"


def value_zh(value: ClaimValue) -> str:
    if isinstance(value.value, str):
        return value.value
    mark = QUALIFIER_WORDS.get(value.qualifier, ("", ""))[0]
    number = _zh_magnitude(value.value) + (f"–{_zh_magnitude(value.high)}" if value.high is not None else "")
    unit = unit_rules().unit_names.get(value.unit, value.unit)
    return f"{mark}{number}{' ' if unit and unit[0].isalpha() and unit[0].isascii() else ''}{unit}"


def _zh_magnitude(v: float) -> str:
    if v >= 1e8:
        return f"{v / 1e8:g}亿"
    if v >= 1e4:
        return f"{v / 1e4:g}万"
    return _number(v)


def value_en(value: ClaimValue, wording: OverviewWording) -> str:
    if isinstance(value.value, str):
        return value.value
    mark = QUALIFIER_WORDS.get(value.qualifier, ("", ""))[1]
    number = _en_magnitude(value.value) + (f"–{_en_magnitude(value.high)}" if value.high is not None else "")
    unit = wording.units_en.get(value.unit, value.unit)
    return " ".join(p for p in (mark, number, unit) if p).replace(" %", "%")


def _en_magnitude(v: float) -> str:
    if v >= 1e9:
        return f"{v / 1e9:g} billion"
    if v >= 1e6:
        return f"{v / 1e6:g} million"
    return _number(v)
