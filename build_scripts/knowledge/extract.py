"""Passages → Figures (numbers with units) and Events (dated statements).

Numbers are normalised so that `3,000T0PS`, `3000 TOPS`, `3 000 TOPS` and
`３０００TOPS` are one value, `1亿` is 100 million and `6.5万年` is 65,000
years. Dates are read in Chinese and English; relative ones (今年, 明年,
去年, 今年二季度, next year …) are resolved against the article's
publication date and marked as resolved. Units, magnitudes, qualifiers and
relative-date words come from data/units.yml and data/signals.yml.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s

from build_scripts.knowledge.classify import Passage

DATA = Path(__file__).parent.parent / "data"

# Full-width digits, letters and punctuation → ASCII, one character for one,
# so positions found in the translated text are positions in the original.
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
FULL_WIDTH[0x3000] = 0x20

# "一" is left out: 一款/一台 mostly mean "a", not a count.
CHINESE_DIGITS = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.])|\d+(?:\.\d+)?"
CLAUSE_BREAK = re.compile(r"[,，;；：。！？!?]|(?<!\d):(?!\d)|(?<=[a-z]), ")
# Where to look for the word that gives a unit-less number its unit.
UNIT_CUE_WINDOW = 10
MIN_CLAUSE_CHARS = 8
MIN_EVENT_CHARS = 10  # a timeline entry must say what happens, not only when
EDGE_PUNCTUATION = " ,，;；:：\"'"


def starting_with(first_characters: set[str], pattern: str) -> str:
    """`pattern`, tried only where the text has one of `first_characters`: characters, or classes such as `\\d`.

    Every match of `pattern` must start with one of them. The matches are
    the same; Python's re would otherwise try every alternative of a long
    pattern at every position of every sentence, while the lookahead turns
    most positions away at once (3-4x quicker on the bench corpus).
    """
    escaped = "".join(c if len(c) == 2 and c[0] == "\\" else re.escape(c) for c in sorted(first_characters))
    return f"(?=[{escaped}])(?:{pattern})"


@dataclass(frozen=True)
class Figure:
    value: float
    high: float | None  # upper end of a range ("0.5-1 亿"), else None
    unit: str  # unit id from units.yml
    unit_name: str
    qualifier: str  # "", "nearly", "over", "about", "up to"
    as_written: str  # the number as the source wrote it
    clause: str  # the clause around it, in the source's words
    passage: Passage


@dataclass(frozen=True)
class When:
    """A point or period in time, as precise as the source was."""

    year: int
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    part: str = ""  # "end", "start", "middle", "first half", "second half"

    @property
    def sort_date(self) -> dt.date:
        if self.day:
            return dt.date(self.year, self.month, self.day)
        if self.month:
            day = {"start": 1, "middle": 15}.get(self.part, calendar.monthrange(self.year, self.month)[1] if self.part == "end" else 1)
            return dt.date(self.year, self.month, day)
        if self.quarter:
            return dt.date(self.year, 3 * self.quarter - 2, 1)
        return {
            "end": dt.date(self.year, 12, 1), "second half": dt.date(self.year, 7, 1),
            "middle": dt.date(self.year, 6, 1),
        }.get(self.part, dt.date(self.year, 1, 1))

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "quarter" if self.quarter else "year"

    @property
    def key(self) -> str:
        """Stable, URL-safe: 2026, 2026-q1, 2025-12, 2025-12-end, 2025-11-05."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}" + (f"-{self.part.replace(' ', '-')}" if self.part else "")
        if self.quarter:
            return f"{self.year:04d}-q{self.quarter}"
        return f"{self.year:04d}" + (f"-{self.part.replace(' ', '-')}" if self.part else "")

    @property
    def label(self) -> str:
        parts = {"end": "年底", "start": "年初", "middle": "年中", "first half": "上半年", "second half": "下半年"}
        month_parts = {"end": "底", "start": "初", "middle": "中旬"}
        if self.day:
            return f"{self.year}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year}-{self.month:02d}" + (month_parts.get(self.part, "") and f" {month_parts[self.part]}")
        if self.quarter:
            return f"{self.year} Q{self.quarter}"
        return f"{self.year}" + (f" {parts[self.part]}" if self.part in parts else "")


@dataclass(frozen=True)
class Event:
    when: When
    resolved_from: str  # the relative expression it was resolved from, "" if explicit
    planned: bool  # after the article's publication date
    as_written: str  # the date as the source wrote it
    clause: str
    passage: Passage


# ---------------------------------------------------------------------------
# Figures


@dataclass(frozen=True)
class UnitRules:
    pattern: re.Pattern
    unit_ids: tuple[str, ...]
    unit_groups: tuple[int, ...]  # the number of each unit's group in `pattern`, in the order of unit_ids
    unit_names: dict[str, str]
    magnitudes: dict[str, int]
    before: dict[str, str]
    after: dict[str, str]
    clause_units: tuple[tuple[str, re.Pattern], ...]
    comparable: dict[str, str]


# Unit ids the figure pattern itself names (a Chinese digit counts only before them).
COUNTING_UNITS = ("chips", "models", "sets", "units", "vehicles")
UNITS = s.Record({
    "magnitudes": s.MapOf(s.Text(), s.Integer(minimum=1), hint="a word and its multiplier, e.g. 万: 10000"),
    "qualifiers": s.Record({
        "before": s.MapOf(s.Text(), s.Text(), hint="a word before the number and its meaning, e.g. 超过: over"),
        "after": s.MapOf(s.Text(), s.Text(), hint="a word after the unit and its meaning, e.g. 以上: over"),
    }),
    "units": s.ListOf(s.Record(
        {"id": s.Text(), "name": s.Text(), "pattern": s.Pattern()},
        hint="each unit is {id: …, name: …, pattern: '<regular expression>'}",
    ), min_items=1, label="unit"),
}, optional={
    "clause_units": s.ListOf(s.Record({"unit": s.Text(), "cue": s.Pattern()}, hint="each entry is {unit: <unit id>, cue: '<regular expression>'}"), label="clause unit"),
    "comparable_units": s.MapOf(s.Text(), s.Text(), hint="a unit id and what its figures measure"),
})


@data_files.loader
def unit_rules(path: Path = DATA / "units.yml") -> UnitRules:
    data = s.load(path, UNITS)
    magnitudes = data["magnitudes"]
    before = data["qualifiers"]["before"]
    after = data["qualifiers"]["after"]
    units = data["units"]
    ids = [u["id"] for u in units]
    for number, unit in enumerate(units, start=1):
        if ids.count(unit["id"]) > 1:
            raise s.entry_error(path, unit, "id", f"unit #{number} (id {unit['id']!r})", "this id is used by two units", "give each unit its own id")
        if re.compile(unit["pattern"]).groupindex:
            raise s.entry_error(path, unit, "pattern", f"unit #{number} (id {unit['id']!r})", "its pattern has a named group", "use (?:…) instead of (?P<name>…)")
    for number, clause in enumerate(data.get("clause_units") or (), start=1):
        if clause["unit"] not in ids:
            raise s.entry_error(path, clause, "unit", f"clause unit #{number}", f"unit {clause['unit']!r} is not among the units", f"use one of {', '.join(ids)}")
    missing = [u for u in COUNTING_UNITS if u not in ids]
    if missing:
        raise s.DataFileError(path, s.line_of(units), "units", f"the unit(s) {', '.join(missing)} are missing", "the figure pattern counts Chinese digits before them: keep them")

    def alternation(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    unit_groups = "|".join(f"(?P<u{i}>{u['pattern']})" for i, u in enumerate(units))
    # A Latin magnitude must end its word ("B" of "72B", not of "Billion").
    magnitude_words = "|".join(
        re.escape(w) + (r"(?![A-Za-z])" if w.isascii() else "") for w in sorted(magnitudes, key=len, reverse=True)
    )
    # A figure starts with its qualifier, the space before its number, or the number.
    first_characters = {w[0] for w in before} | {"\\s", "\\d"} | set(CHINESE_DIGITS)
    pattern = re.compile(
        starting_with(
            first_characters,
            rf"(?P<before>{alternation(before)})?\s?"
            rf"(?<![A-Za-z\d.第])(?P<num>{NUMBER}|[{''.join(CHINESE_DIGITS)}](?=\s?(?:{'|'.join(u['pattern'] for u in units if u['id'] in COUNTING_UNITS)})))"
            rf"(?:\s?[-–~至到]\s?(?P<high>{NUMBER}))?"
            rf"(?P<more>多|余)?"
            rf"(?:\s?(?P<mag>{magnitude_words}))?"
            rf"(?:\s?(?:{unit_groups}))?"
            rf"(?:\s?(?P<after>{alternation(after)}))?",
        ),
        re.IGNORECASE,
    )
    return UnitRules(
        pattern=pattern,
        unit_ids=tuple(u["id"] for u in units),
        unit_groups=tuple(pattern.groupindex[f"u{i}"] for i in range(len(units))),
        unit_names={u["id"]: str(u["name"]) for u in units},
        magnitudes={k.lower(): v for k, v in magnitudes.items()},
        before={k.lower(): v for k, v in before.items()},
        after=after,
        clause_units=tuple((c["unit"], re.compile(c["cue"])) for c in data.get("clause_units") or ()),
        comparable=dict(data.get("comparable_units") or {}),
    )


def _number(text: str) -> float:
    if text in CHINESE_DIGITS:
        return float(CHINESE_DIGITS[text])
    return float(text.replace(",", "").replace(" ", ""))


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` holding [start, end), widened while too short to say anything."""
    breaks = [0] + [m.end() for m in CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    left = max(b for b in breaks if b <= start)
    right = min((b for b in breaks if b >= end), default=len(sentence))
    clause = sentence[left:right]
    while len(_words_only(clause)) < MIN_CLAUSE_CHARS and left > 0:
        left = max(b for b in breaks if b < left)
        clause = sentence[left:right]
    return _close_parenthesis(clause).strip(EDGE_PUNCTUATION)


def _close_parenthesis(clause: str) -> str:
    """Cut an aside the clause break left open: "…1億視頻Clips(何小鵬稱" → "…1億視頻Clips"."""
    for opening, closing in (("(", ")"), ("（", "）")):
        if clause.count(opening) > clause.count(closing):
            clause = clause[:clause.rindex(opening)]
    return clause


def _words_only(text: str) -> str:
    return re.sub(r"[\d\s,.，。%％]+", "", text)


def extract_figures(passage: Passage) -> list[Figure]:
    return [Figure(*fields, passage=passage) for fields in _figures_stated(passage.text, passage.simplified)]


def _figures_stated(written: str, simplified: str) -> tuple[tuple, ...]:
    """The fields of each Figure a sentence states, but its passage: (value, high, unit, unit_name, qualifier, as_written, clause)."""
    rules = unit_rules()
    text = simplified.translate(FULL_WIDTH)
    figures: list[tuple] = []
    seen: set[tuple[str, float]] = set()
    for match in rules.pattern.finditer(text):
        groups = match.groups()
        unit_id = next((unit for unit, group in zip(rules.unit_ids, rules.unit_groups) if groups[group - 1]), "")
        magnitude = match["mag"]
        if not unit_id and not magnitude:
            continue  # a bare number: an ordinal, a model name, a year
        if _is_date_or_name(text, match, unit_id, magnitude):
            continue
        scale = rules.magnitudes.get(magnitude.lower(), 1) if magnitude else 1
        if magnitude == "B" and not unit_id:
            unit_id = "parameters"
        clause = clause_around(written, match.start("num"), match.end())
        if not unit_id:
            unit_id = _unit_from_context(simplified, match, rules)
        value = _number(match["num"]) * scale
        high = _number(match["high"]) * scale if match["high"] else None
        if (unit_id, value) in seen:
            continue  # "72B（72 Billion，即 720 亿）": one figure said three ways
        seen.add((unit_id, value))
        qualifier = rules.before.get((match["before"] or "").lower(), "") or rules.after.get(match["after"] or "", "")
        if match["more"]:
            qualifier = qualifier or "over"
        as_written = written[match.start("num"):match.end()].strip()
        figures.append((value, high, unit_id, rules.unit_names.get(unit_id, ""), qualifier, as_written, clause))
    with_unit = {value for value, _, unit, *_ in figures if unit}
    return tuple(f for f in figures if f[2] or f[0] not in with_unit)


def _unit_from_context(simplified: str, match: re.Match, rules: UnitRules) -> str:
    """Unit of a number written without one: the cue right after it, else one in its clause."""
    right_after = simplified[match.end():match.end() + UNIT_CUE_WINDOW]
    clause = clause_around(simplified, match.start("num"), match.end())
    for window in (right_after, clause):
        unit = next((u for u, cue in rules.clause_units if cue.search(window)), "")
        if unit:
            return unit
    return ""


def _is_date_or_name(text: str, match: re.Match, unit_id: str, magnitude: str | None) -> bool:
    number = match["num"]
    follows = text[match.end("num"):match.end("num") + 2]
    if unit_id == "years" and not magnitude and re.fullmatch(r"(19|20)\d\d", number):
        return True  # "2026年" is a date, not 2026 years
    if not unit_id and re.match(r"\s?(月|日|号|季度|代|届|年)", follows):
        return True
    return False


# ---------------------------------------------------------------------------
# Events


@dataclass(frozen=True)
class DateRules:
    pattern: re.Pattern
    relative_years: dict[str, int]
    relative_months: dict[str, int]
    relative_days: dict[str, int]
    relative_weeks: dict[str, int]
    parts: dict[str, str]


MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
QUARTER_ORDINALS = ("first", "second", "third", "fourth")
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


_CUES = s.ListOf(s.Text(), min_items=1, hint="a list of words, e.g. [认为, 看来]")
_OFFSETS = s.MapOf(s.Text(), s.Integer(), hint="a word and how many periods from the publication date, e.g. 明年: 1")
SIGNALS = s.Record({
    "definition_cues": _CUES, "opinion_cues": _CUES, "competitor_cues": _CUES, "own_cues": _CUES,
    "relative_years": _OFFSETS, "relative_months": _OFFSETS, "relative_days": _OFFSETS, "relative_weeks": _OFFSETS,
    "period_parts": s.MapOf(s.Text(), s.Choice("start", "middle", "end", "first half", "second half"), hint="a word and the part of the period it names"),
})


@data_files.loader
def date_rules(path: Path = DATA / "signals.yml") -> DateRules:
    data = s.load(path, SIGNALS)
    years = data["relative_years"]
    months = data["relative_months"]
    days = data["relative_days"]
    weeks = data["relative_weeks"]
    parts = data["period_parts"]

    def alternation(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    part = alternation(parts)
    # A date starts with a digit, a relative word or an English month or ordinal ("end of 2026": e).
    first_characters = {"\\d", "e"} | {w[0] for w in (*years, *months, *days, *weeks, *MONTHS, *QUARTER_ORDINALS)}
    alternatives = "|".join([
        # 2025年11月5日 / 2025年12月底 / 2026年第一季度 / 2026年年底 / 2026年
        rf"(?P<y>(?:19|20)\d\d)\s?年\s?(?:(?P<m>\d{{1,2}})\s?月\s?(?:(?P<d>\d{{1,2}})\s?[日号]|(?P<mpart>{part}))?|(?:第)?(?P<q>[一二三四1-4])\s?季度|(?P<ypart>{part}))?",
        # 今年 / 明年第一季度 / 去年7月 / 今年二季度 / 明年年底
        rf"(?P<ry>{alternation(k for k in years if not k.isascii())})\s?(?:(?P<rm>\d{{1,2}})\s?月(?:\s?(?P<rd>\d{{1,2}})\s?[日号])?(?P<rmpart>{part})?|(?:第)?(?P<rq>[一二三四1-4])\s?季度|(?P<rypart>{part}))?",
        # 11月5日 / 12月 (year from the publication date)
        rf"(?<![\d年])(?P<bm>\d{{1,2}})\s?月\s?(?:(?P<bd>\d{{1,2}})\s?[日号]|(?P<bmpart>{part}))?",
        rf"(?P<rel_day>{alternation(days)})|(?P<rel_week>{alternation(weeks)})|(?P<rel_month>{alternation(months)})",
        # English: December 2025 / the first quarter of 2026 / next year / by the end of 2026
        rf"(?P<em>{'|'.join(MONTHS)})\s+(?P<ey>(?:19|20)\d\d)",
        rf"(?P<eq>{'|'.join(QUARTER_ORDINALS)})\s+quarter\s+of\s+(?P<eqy>(?:19|20)\d\d)",
        rf"end\s+of\s+(?P<eey>(?:19|20)\d\d)",
        rf"(?P<ery>{alternation(k for k in years if k.isascii())})",
    ])
    pattern = re.compile(starting_with(first_characters, alternatives), re.IGNORECASE)
    return DateRules(pattern, years, months, days, weeks, parts)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def read_date(g: dict[str, str | None], words: str, published: dt.date | None, rules: DateRules) -> tuple[When, str] | None:
    """The When a date match means, and the relative words it was resolved from ('' if explicit).

    `g` is the match's groupdict(), `words` the text it matched.
    """
    part = lambda key: rules.parts.get(g.get(key) or "", "")  # noqa: E731
    if g["y"]:
        year = int(g["y"])
        if g["m"]:
            month = int(g["m"])
            if not 1 <= month <= 12:
                return None
            day = int(g["d"]) if g["d"] else None
            return _valid(When(year, month, day, part=part("mpart"))), ""
        if g["q"]:
            return When(year, quarter=QUARTER_WORDS[g["q"]]), ""
        return When(year, part=part("ypart")), ""
    if g["em"]:
        return When(int(g["ey"]), MONTHS[g["em"].lower()]), ""
    if g["eq"]:
        return When(int(g["eqy"]), quarter=QUARTER_WORDS[g["eq"].lower()]), ""
    if g["eey"]:
        return When(int(g["eey"]), part="end"), ""
    if published is None:
        return None  # relative words need a publication date
    if g["ry"] or g["ery"]:
        year = published.year + (rules.relative_years.get(g["ry"]) if g["ry"] else rules.relative_years[g["ery"].lower()])
        if g["rm"]:
            month = int(g["rm"])
            if not 1 <= month <= 12:
                return None
            return _valid(When(year, month, int(g["rd"]) if g["rd"] else None, part=part("rmpart"))), words
        if g["rq"]:
            return When(year, quarter=QUARTER_WORDS[g["rq"]]), words
        return When(year, part=part("rypart")), words
    if g["bm"]:
        month = int(g["bm"])
        if not 1 <= month <= 12:
            return None
        return _valid(When(published.year, month, int(g["bd"]) if g["bd"] else None, part=part("bmpart"))), words
    if g["rel_day"]:
        day = published + dt.timedelta(days=rules.relative_days[g["rel_day"].lower()])
        return When(day.year, day.month, day.day), words
    if g["rel_week"]:
        day = published + dt.timedelta(weeks=rules.relative_weeks[g["rel_week"].lower()])
        return When(day.year, day.month, day.day), words
    if g["rel_month"]:
        year, month = _add_months(published.year, published.month, rules.relative_months[g["rel_month"].lower()])
        return When(year, month), words
    return None


def _valid(when: When) -> When | None:
    try:
        when.sort_date
    except ValueError:
        return None
    return when


def extract_events(passage: Passage) -> list[Event]:
    rules = date_rules()
    published = passage.article.date
    events: list[Event] = []
    seen: set[str] = set()
    # What a date means depends on the article's publication date.
    for groups, words, as_written, clause in _dates_written(passage.text, passage.simplified):
        read = read_date(groups, words, published, rules)
        if not read or read[0] is None:
            continue
        when, resolved_from = read
        if when.key in seen:
            continue
        seen.add(when.key)
        planned = published is not None and when.sort_date > published
        vague = resolved_from and when.precision == "year" and not planned and when.year == published.year
        if vague:
            continue  # "今年" alone in a past-tense sentence is no date worth a timeline row
        events.append(
            Event(
                when=when, resolved_from=as_written if resolved_from else "",
                planned=planned, as_written=as_written, clause=clause, passage=passage,
            )
        )
    return events


def _dates_written(written: str, simplified: str) -> tuple[tuple[dict, str, str, str], ...]:
    """Each date match in a sentence: (groupdict, matched text, the source's words for it, its clause)."""
    text = simplified.translate(FULL_WIDTH)
    return tuple(
        (match.groupdict(), match.group(0), written[match.start():match.end()], event_clause(written, match.start(), match.end()))
        for match in date_rules().pattern.finditer(text)
    )


def event_clause(sentence: str, start: int, end: int) -> str:
    """The clause a date sits in, widened rightwards first (dates usually open their clause)."""
    breaks = [0] + [m.end() for m in CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    left = max(b for b in breaks if b <= start)
    right = min((b for b in breaks if b >= end), default=len(sentence))
    while len(_words_only(sentence[left:right])) - len(_words_only(sentence[start:end])) < MIN_EVENT_CHARS:
        wider_right = [b for b in breaks if b > right]
        wider_left = [b for b in breaks if b < left]
        if wider_right:
            right = wider_right[0]
        elif wider_left:
            left = wider_left[-1]
        else:
            break
    return sentence[left:right].strip(EDGE_PUNCTUATION)
