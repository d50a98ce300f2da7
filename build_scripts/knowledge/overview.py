"""A topic's overview, composed from its infobox and milestones in the wording of data/overview.yml.

In: a TopicPage (its infobox rows, milestones and sources) and the date
statuses are given as of. Out: up to three OverviewSentences, each in Chinese
and English with the citations of the facts it states: what the topic is
(with its source) and when it was unveiled, its headline figures, its main
promise. The topic is named once, then called 它/其. Nothing here is lifted
from an article: an article's sentence can carry a reference that points
nowhere (其团队…, 昨天) or an outlet's judgement, which an overview must not adopt.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s
from build_scripts.knowledge.corroborate import Citation, quote_citation
from build_scripts.knowledge.infobox import ClaimValue, InfoboxRow
from build_scripts.knowledge.milestones import Milestone, load_milestone_rules
from build_scripts.knowledge.taxonomy import canonical
from build_scripts.knowledge.timing import Period

OVERVIEW_FILE = Path(__file__).parent.parent / "data" / "overview.yml"
SENTENCE_KEYS = ("what", "unveiled", "unveiled_only", "promise")
DONE = ("done", "late")

_BILINGUAL = s.Record({"zh": s.Text(), "en": s.Text()}, hint="give the wording in both languages: zh: … and en: …")
_CITE = s.Record({"source": s.Text(), "quote": s.Text()}, hint="cite: {source: <article file name>, quote: <its words>}")
_TOPIC = s.Record({"name": _BILINGUAL, "what": _BILINGUAL}, optional={"cite": _CITE},
                  hint="give each topic its name and what it is, each with zh: and en:")
OVERVIEW_SHAPE = s.Record({
    "max_figures": s.Integer(minimum=0),
    "sentences": s.Record({key: _BILINGUAL for key in SENTENCE_KEYS}),
    "statuses": s.MapOf(s.Slug(), _BILINGUAL),
    "phrases": s.MapOf(s.Text(), _BILINGUAL),
    "scopes": s.ListOf(s.Record({"cues": s.ListOf(s.Text(), min_items=1), "zh": s.Text(), "en": s.Text()})),
    "topics": s.MapOf(s.Slug(), _TOPIC),
    "numbers": s.MapOf(s.Choice("zh", "en"), s.Record({
        "value": s.Text(), "magnitudes": s.MapOf(s.Text(), s.Number(minimum=1)),
        "qualifiers": s.MapOf(s.Text(), s.Text()), "units": s.MapOf(s.Text(), s.Text(allow_empty=True))})),
    "dates": s.MapOf(s.Choice("zh", "en"), s.Record(
        {k: s.Text() for k in ("day", "month", "quarter", "half", "year", "years", "span", "same_month", "same_year")},
        optional={"quarters": s.ListOf(s.Text(), min_items=4), "halves": s.ListOf(s.Text(), min_items=2)})),
})
LANGUAGES = ("zh", "en")
PRONOUNS = {"zh": ("它", "其"), "en": ("it", "its")}


@dataclass(frozen=True)
class OverviewSentence:
    zh: str
    en: str
    citations: tuple[Citation, ...]

    @property
    def text(self) -> str:
        """The Chinese wording: what the page shows and what a link preview quotes."""
        return self.zh


@data_files.loader
def load_overview_wording(path: Path = OVERVIEW_FILE) -> dict:
    return s.load(path, OVERVIEW_SHAPE)


def compose_overview(page, as_of: dt.date | None, wording: dict | None = None) -> tuple[OverviewSentence, ...]:
    wording = wording or load_overview_wording()
    topic = page.topic
    own = wording["topics"].get(topic.slug, {})
    title = own.get("name", {"zh": topic.title_zh, "en": topic.title_en})
    what = own.get("what") if own.get("cite") else None
    defined = quote_citation(page.sources, own["cite"]["source"], own["cite"]["quote"], f"overview.yml topic '{topic.slug}'") if what else None
    sentences = []
    unveiled = _unveiled(page.timeline, topic.aliases[0] if topic.aliases else "")
    if unveiled is not None:
        key = "unveiled" if defined else "unveiled_only"
        when = unveiled.done or unveiled.due
        reports = tuple(dict.fromkeys(r.citation for r in unveiled.reports or unveiled.plans))
        sentences.append(_sentence(wording["sentences"][key], (defined,) * bool(defined) + reports, title=title, what=what,
                                   when={lang: date_words(when, lang, wording) for lang in LANGUAGES}))
    elif defined:
        sentences.append(_sentence(wording["sentences"]["what"], (defined,), title=title, what=what))
    subject = Namer(topic, title, named=bool(sentences))
    figures = _headline_values(page.infobox.rows, wording["max_figures"])
    if figures:
        sentences.append(_figures(wording, figures, subject))
    promise = main_promise(page.timeline)
    if promise is not None:
        sentences.append(_promise(wording, promise, as_of, subject))
    return tuple(sentences)


class Namer:
    """Who a clause is about, as the reader has met it: the topic by name the first time, then 它/其; another subject by name.

    The topic's own subject is the one of its subjects (subjects.yml) called by the topic's first name (IRON, 第二代VLA).
    """

    def __init__(self, topic, title: dict, named: bool):
        from build_scripts.knowledge.claims import load_knowledge

        self.title, self.named = title, named
        self.own = canonical(topic.aliases[0] if topic.aliases else topic.title_zh)
        self.own_ids = {s.id for s in load_knowledge().subjects.values()
                        if s.topic == topic.slug and self.own in {canonical(a) for a in (s.label_zh, *s.aliases)}}

    def __call__(self, subject) -> dict[str, tuple[str, str]]:
        """{language: (it, its)} for a Subject, or a milestone's subject as its sentences name it."""
        known = subject if not isinstance(subject, str) else known_subject(subject)
        label_zh = known.label_zh if known else subject
        label_en = known.label_en if known else (subject if subject.isascii() else self.title["en"])
        if (known.id in self.own_ids) if known else canonical(subject).startswith(self.own):
            named, self.named = self.named, True
            if named:
                return {lang: PRONOUNS[lang] for lang in LANGUAGES}
            label_zh, label_en = self.title["zh"], self.title["en"]
        short_zh = re.sub(r"（[^）]*）$", "", label_zh).strip()
        short_en = re.sub(r" \([^)]*\)$", "", label_en).strip()
        return {"zh": (short_zh, short_zh + "的"), "en": (short_en, short_en + ("’" if short_en.endswith("s") else "’s"))}


def known_subject(name: str):
    """The subject (subjects.yml) a milestone's sentences call `name` (陆地航母), if any."""
    from build_scripts.knowledge.claims import load_knowledge

    wanted = canonical(name)
    return next((known for known in load_knowledge().subjects.values()
                 if wanted in {canonical(known.label_zh), *(canonical(a) for a in known.aliases)}), None)


def main_promise(milestones) -> Milestone | None:
    """The topic's headline promise: the planned milestone most sources state, then the earliest due."""
    planned = [m for m in milestones if m.plans and m.due is not None and m.confident]
    if not planned:
        return None
    return min(planned, key=lambda m: (-len({c.article.slug for c in m.citations}), m.due.start, m.id))


def _sentence(template: dict, citations, **values) -> OverviewSentence:
    """Both languages of `template` filled with `values` ({language: text} or one text for both)."""
    def fill(lang: str) -> str:
        text = template[lang].format(**{k: v[lang] if isinstance(v, dict) else v for k, v in values.items()})
        return spaced(text) if lang == "zh" else text[:1].upper() + text[1:]

    by_paragraph = {}  # one citation of a paragraph: the same source and paragraph is one footnote
    for c in citations:
        if c is not None:
            by_paragraph.setdefault(c.key, c)
    return OverviewSentence(fill("zh"), fill("en"), tuple(by_paragraph.values()))


CJK_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])(?=[\u4e00-\u9fff])")


def spaced(text: str) -> str:
    """A space where Chinese meets Latin letters or digits (2025 年, IRON 是), as Chinese tech writing sets it."""
    return CJK_LATIN.sub(" ", text)


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


def _figures(wording: dict, figures: list[tuple[InfoboxRow, ClaimValue]], subject: Namer) -> OverviewSentence:
    """One clause per value, a subject's clauses together ("它搭载 3 颗图灵芯片，算力达 2,250 TOPS")."""
    by_subject: dict[str, list[tuple[InfoboxRow, ClaimValue]]] = {}
    for row, value in figures:
        by_subject.setdefault(row.subject.id, []).append((row, value))
    parts = {lang: [] for lang in LANGUAGES}
    for group in by_subject.values():
        names = subject(group[0][0].subject)
        for lang in LANGUAGES:
            clauses = []
            for i, (row, value) in enumerate(group):
                phrase = wording["phrases"].get(row.attribute.id, wording["phrases"]["default"])[lang]
                # Chinese leaves the subject out after its first clause; English says "it"
                it, its = names[lang] if i == 0 else ("", "") if lang == "zh" else PRONOUNS["en"]
                said = value_words(value, lang, wording)
                if not said:
                    continue
                scope = _scope(value, row, wording, lang)
                attribute = row.attribute.label_zh if lang == "zh" else row.attribute.label_en.lower()
                clause = phrase.format(it=it, its=its, value=said, attribute=attribute).strip()
                clauses.append(clause + (f"（{scope}）" if lang == "zh" and scope else f" ({scope})" if scope else ""))
            parts[lang].append(("，" if lang == "zh" else "; ").join(clauses))
    citations = [c for _, value in figures for c in value.citations[:1]]
    return _sentence({"zh": "{items}。", "en": "{items}."}, citations,
                     items={"zh": "；".join(parts["zh"]), "en": "; ".join(parts["en"])})


def _scope(value: ClaimValue, row: InfoboxRow, wording: dict, lang: str) -> str:
    """The condition every source states the value under (overview.yml `scopes`), unless the subject's name says it."""
    for scope in wording["scopes"]:
        cues = [canonical(c) for c in scope["cues"]]
        if any(c in canonical(row.subject.label_zh + row.subject.label_en) for c in cues):
            continue
        if value.citations and all(any(c in canonical(cited.quote) for c in cues) for cited in value.citations):
            return scope[lang]
    return ""


def _promise(wording: dict, promise: Milestone, as_of: dt.date | None, subject: Namer) -> OverviewSentence:
    kind = next((k for k in load_milestone_rules().kinds if k.id == promise.kind), None)
    status = dict(wording["statuses"].get(promise.status, {"zh": promise.status, "en": promise.status}))
    if promise.status_note:
        # the note is "中文 · English" (milestones.py): each sentence takes its own language's half
        note_zh, _, note_en = promise.status_note.partition(" · ")
        status = {"zh": f"{status['zh']}（{note_zh}）", "en": f"{status['en']} ({note_en or note_zh})"}
    names = subject(promise.subject)
    day = {lang: date_words(as_of, lang, wording) if as_of else "—" for lang in LANGUAGES}
    return _sentence(wording["sentences"]["promise"], promise.citations[:3], its={lang: names[lang][1] for lang in LANGUAGES},
                     kind={"zh": kind.label_zh if kind else promise.kind, "en": kind.label_en if kind else promise.kind},
                     due={lang: date_words(promise.due, lang, wording) for lang in LANGUAGES}, as_of=day, status=status)


def date_words(when, lang: str, wording: dict | None = None) -> str:
    """A Period or a day as people write it (overview.yml `dates`): 2025 年, 2026 年第四季度, 2025 年 11 月, Q4 2026."""
    forms = (wording or load_overview_wording())["dates"][lang]
    when = when if not isinstance(when, dt.date) else Period(when, when, "day")
    start, end, precision = when.start, when.end, when.precision

    def say(day: dt.date, form: str) -> str:
        return forms[form].format(y=day.year, m=day.month, d=day.day, month=f"{day:%B}", y2=end.year,
                                  q=forms["quarters"][(day.month - 1) // 3], h=forms["halves"][day.month > 6])

    if precision in ("day", "month", "quarter", "half"):
        return say(start, precision)
    if precision == "year":
        return say(start, "year" if start.year == end.year else "years")
    # a week or a span: its first and last day, the last as far as it differs
    last = "same_month" if (end.year, end.month) == (start.year, start.month) else "same_year" if end.year == start.year else "day"
    return forms["span"].format(start=say(start, "day"), end=say(end, last))


def value_words(value: ClaimValue, lang: str, wording: dict | None = None) -> str:
    """近 1 亿段, 超 90%, nearly 100 million: the qualifier once, the magnitude and unit as overview.yml `numbers` writes them."""
    if isinstance(value.value, str):
        return value.value if lang == "zh" or value.value.isascii() else ""  # 全固态电池 has no English here
    from build_scripts.knowledge.extract import unit_rules

    words = (wording or load_overview_wording())["numbers"][lang]

    def number(v: float) -> str:
        size, name = next(((size, name) for name, size in words["magnitudes"].items() if v >= size), (1, ""))
        return f"{v / size:,.10g} {name}".strip()

    said = number(value.value) + (f"–{number(value.high)}" if value.high is not None else "")
    unit = words["units"].get(value.unit, unit_rules().unit_names.get(value.unit, value.unit) if lang == "zh" else value.unit)
    text = " ".join(words["value"].format(qualifier=words["qualifiers"].get(value.qualifier, ""), number=said,
                                          unit=unit).split()).replace(" %", "%")
    return spaced(text) if lang == "zh" else text
