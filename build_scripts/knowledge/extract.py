"""Passages → Figures (numbers with units).

Numbers are normalised so that `3,000T0PS`, `3000 TOPS`, `3 000 TOPS` and
`３０００TOPS` are one value, `1亿` is 100 million and `6.5万年` is 65,000
years. Units, magnitudes and qualifiers come from data/units.yml. (Dates and
the events they belong to are read by knowledge/timing.py and milestones.py.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s

from build_scripts.knowledge.classify import CLAUSE_BREAK, Passage

DATA = Path(__file__).parent.parent / "data"

# Full-width digits, letters and punctuation → ASCII, one character for one,
# so positions found in the translated text are positions in the original.
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
FULL_WIDTH[0x3000] = 0x20

# "一" is left out: 一款/一台 mostly mean "a", not a count.
CHINESE_DIGITS = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.])|\d+(?:\.\d+)?"
# Where to look for the word that gives a unit-less number its unit.
UNIT_CUE_WINDOW = 10
MIN_CLAUSE_CHARS = 8
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
    prefix_units: dict[str, str]  # currency sign before the number → unit id
    scaled: dict[str, tuple[str, float]] = field(default_factory=dict)  # 公分 → (m, 0.01): read in its base unit


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
        optional={"base": s.Text(), "factor": s.Number()},
        hint="each unit is {id: …, name: …, pattern: '<regular expression>'}; a multiple of another adds base: <unit id>, factor: <number>",
    ), min_items=1, label="unit"),
}, optional={
    "clause_units": s.ListOf(s.Record({"unit": s.Text(), "cue": s.Pattern()}, hint="each entry is {unit: <unit id>, cue: '<regular expression>'}"), label="clause unit"),
    "comparable_units": s.MapOf(s.Text(), s.Text(), hint="a unit id and what its figures measure"),
    "prefix_units": s.MapOf(s.Text(), s.Text(), hint="a currency sign before a number and its unit id, e.g. $: usd"),
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
    for number, unit in enumerate(units, start=1):
        if unit.get("base") is not None and unit["base"] not in ids:
            raise s.entry_error(path, unit, "base", f"unit #{number} (id {unit['id']!r})", f"base unit {unit['base']!r} is not among the units",
                                f"use one of {', '.join(ids)}")
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
    prefix_units = {str(k): str(v) for k, v in (data.get("prefix_units") or {}).items()}
    first_characters = {w[0] for w in (*before, *prefix_units)} | {"\\s", "\\d"} | set(CHINESE_DIGITS)
    pattern = re.compile(
        starting_with(
            first_characters,
            rf"(?P<before>{alternation(before)})?\s?"
            rf"(?<![A-Za-z\d.第])(?:(?P<cur>{alternation(prefix_units) or '(?!)'})\s?)?(?P<num>{NUMBER}|[{''.join(CHINESE_DIGITS)}](?=\s?(?:{'|'.join(u['pattern'] for u in units if u['id'] in COUNTING_UNITS)})))"
            rf"(?:\s?[-–~至到]\s?(?P<high>{NUMBER}))?"
            rf"(?P<more>多|余)?"
            rf"(?:(?:\s|-(?=[A-Za-z]))?(?P<mag>{magnitude_words}))?"  # "a 72-billion-parameter model": hyphens join them too
            rf"(?P<plus>\+)?"  # "2200+TOPS", "10万+": at least that many
            # "120,000-square-meter", "a 30-minute cycle": English joins a number to its unit with a hyphen
            rf"(?:(?:\s|-(?=[A-Za-z]))?(?:{unit_groups}))?"
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
        prefix_units=prefix_units,
        scaled={u["id"]: (u["base"], float(u.get("factor", 1))) for u in units if u.get("base")},
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
    seen: dict[tuple[str, float], int] = {}  # (unit, value) → where it was first stated
    for match in rules.pattern.finditer(text):
        groups = match.groups()
        unit_id = next((unit for unit, group in zip(rules.unit_ids, rules.unit_groups) if groups[group - 1]), "")
        magnitude = match["mag"]
        if not unit_id and match["cur"]:
            unit_id = rules.prefix_units.get(match["cur"]) or rules.prefix_units.get(match["cur"].upper(), "")
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
        if unit_id in rules.scaled:  # 178公分 is 1.78 m; "2,250 trillion operations per second" 2,250 TOPS
            unit_id, factor = rules.scaled[unit_id]
            scale *= factor
        value = _number(match["num"]) * scale
        high = _number(match["high"]) * scale if match["high"] else None
        earlier = seen.get((unit_id, value))
        if earlier is not None and _inside_brackets(text[earlier:match.start()]):
            continue  # "72B（72 Billion，即 720 亿）": one figure said three ways; "宽2米、高2米" are two
        seen.setdefault((unit_id, value), match.end())
        qualifier = rules.before.get((match["before"] or "").lower(), "") or rules.after.get(match["after"] or "", "")
        if match["more"]:
            qualifier = qualifier or "over"
        if match["plus"]:
            qualifier = qualifier or "at least"
        as_written = written[match.start("num"):match.end()].strip()
        figures.append((value, high, unit_id, rules.unit_names.get(unit_id, ""), qualifier, as_written, clause))
    with_unit = {value for value, _, unit, *_ in figures if unit}
    return tuple(f for f in figures if f[2] or f[0] not in with_unit)


def _inside_brackets(between: str) -> bool:
    """Whether text after a figure has opened a bracket it has not closed: what follows restates it."""
    return sum(between.count(c) for c in "（(") > sum(between.count(c) for c in "）)")


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
