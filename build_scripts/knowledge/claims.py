"""Passages of one article → Claims: which subject, which attribute, what value, as of when.

A number becomes a Claim only when its own clause says which attribute it
measures (a cue word of data/attributes.yml near it, or a unit that says so
by itself, such as TOPS) and the sentence says which subject it is about
(an alias of data/subjects.yml: the nearest one in the clause, else in the
clauses before it, else in the sentences before it in its paragraph, else
the subject the article is mainly about). A number matching no attribute is
no key figure; a number in a clause about the industry or a competitor is
nobody's spec here. Numbers, units and qualifiers are read by extract.py
(`3,000T0PS` = 3000 TOPS, 720亿 = 7.2e10); values the unit table cannot read
(`three Turing chips`, `SAE Level 4`, `C照`) by the attributes' patterns.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s
from build_scripts.knowledge.classify import Passage
from build_scripts.knowledge.corroborate import Citation, cite
from build_scripts.knowledge.extract import (
    CLAUSE_BREAK, FULL_WIDTH, Figure, clause_around, extract_figures, unit_rules,
)
from build_scripts.knowledge.milestones import load_milestone_rules
from build_scripts.knowledge.timing import Period, read_times
from build_scripts.reading.language import to_simplified
from build_scripts.model import Review

DATA = Path(__file__).parent.parent / "data"
SUBJECTS_FILE, ATTRIBUTES_FILE = DATA / "subjects.yml", DATA / "attributes.yml"
KINDS = ("spec", "count", "capacity", "price", "funding")
SUBJECT_KINDS = ("product", "component", "company")
STATUSES = ("fact", "target", "forecast")
RELATIVE_START = re.compile(r"[\s,]*(?:which|who|that)\s", re.IGNORECASE)  # an English relative clause opening
# A number written as a word: 三颗, three chips. 一/one are left out: they mostly mean "a".
NUMBER_WORDS = {
    "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
# A number in digits, Chinese or English words. The lookaheads on first
# characters let re skip most positions at once; an English word must start a word.
NUMBER_PATTERN = (
    r"(?P<num>(?=[\d二两双三四五六七八九十])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[二两双三四五六七八九十])"
    r"|(?<![a-z])(?=[tfsen])(?:two|three|four|five|six|seven|eight|nine|ten)(?![a-z]))"
)
# A sentence without a digit or a number word states no value: most sentences, skipped at once.
ANY_NUMBER = re.compile(r"[\d二两双三四五六七八九十万]|two|three|four|five|six|seven|eight|nine|ten")
SPACES = re.compile(r"\s+")
MAGNITUDES = {"万": 10_000, "千": 1_000, "亿": 100_000_000}
MAIN_SUBJECT_MENTIONS = 2  # an article names what it is about more than once (its title counts 3)
NO_CUE = 1_000  # distance given to a unit that names its attribute by itself: any cue word is nearer
# "10亿、30亿、70亿、720亿参数": a list of sizes, not one subject's value. A comma is no
# such sign ("500km航程,6人座" lists two attributes).
ENUMERATION = re.compile(r"^\s*[、]\s*\d|[\d亿万千][^\d、]{0,2}、\s*$")

# Words in Simplified Chinese and English: one list, or a list per language.
_WORDS = s.OneOf(
    s.ListOf(s.Text()), s.MapOf(s.Choice("zh", "en"), s.ListOf(s.Text())),
    hint="write the words as [a, b], or per language as {zh: [a, b], en: [c, d]}",
)
_ANCHOR = "the id is part of the infobox row's URL anchor (#<subject>-<attribute>), e.g. g7-ultra"
SUBJECTS_SHAPE = s.Record(
    {"subjects": s.ListOf(s.Record(
        {
            "id": s.Slug(hint=_ANCHOR),
            "topic": s.Slug(hint="the slug of the topic page (topics.yml) whose infobox shows the subject"),
            "aliases": s.Check(
                _WORDS, lambda words: bool(_words({"aliases": words}, "aliases")), "has no aliases",
                hint="add the names sources call it by (zh and en)",
            ),
        },
        optional={"label_zh": s.Text(), "label_en": s.Text(), "kind": s.Choice(*SUBJECT_KINDS, hint="the comment at the top of subjects.yml says what each kind means"),
                  "common_nouns": _WORDS},
    ), min_items=1, label="subject")},
    optional={"others": _WORDS, "earlier_generations": _WORDS, "per_unit": _WORDS},
)
ATTRIBUTES_SHAPE = s.Record(
    {"attributes": s.ListOf(s.Record(
        {
            "id": s.Slug(hint=_ANCHOR),
            "subjects": s.ListOf(s.Slug(), min_items=1, hint="list the subject ids of subjects.yml it applies to"),
        },
        optional={
            "label_zh": s.Text(), "label_en": s.Text(), "kind": s.Choice(*KINDS, hint="the comment at the top of attributes.yml says how each kind reads"),
            "units": s.ListOf(s.Text()), "unit": s.Text(),
            "patterns": s.ListOf(s.Pattern(
                fill={"{number}": NUMBER_PATTERN},
                hint="fix the pattern ({number} stands for a number); quote it with single quotes in YAML",
            )),
            "cues": _WORDS, "unit_is_cue": s.Boolean(), "also_on": s.ListOf(s.Slug()), "comparative": s.Boolean(),
        },
    ), min_items=1, label="attribute")},
    optional={"status_cues": s.Record({}, optional={status: _WORDS for status in ("target", "forecast")}),
              "differences": s.ListOf(s.Pattern(), label="pattern"), "market_words": s.ListOf(s.Text(), label="word")},
)


@dataclass(frozen=True)
class Subject:
    id: str
    topic: str
    label_zh: str
    label_en: str
    kind: str  # product | component
    aliases: tuple[str, ...]
    # the nouns for things of its kind (模型, "model"): a clause saying one without a name or a 这/its
    # before it is about some such thing, so a number there is not this subject's by default
    common: re.Pattern | None = None


@dataclass(frozen=True)
class Attribute:
    id: str
    label_zh: str
    label_en: str
    kind: str
    units: tuple[str, ...]  # for figures the extractor reads
    unit: str  # for values read by `patterns`
    patterns: tuple[re.Pattern, ...]
    cues: tuple[str, ...]  # Simplified / English, lower case
    unit_is_cue: bool
    subjects: tuple[str, ...]
    also_on: tuple[str, ...]
    comparative: bool
    cue_pattern: re.Pattern | None = None  # any of `cues`: whether a sentence is worth scanning with `patterns`


@dataclass(frozen=True)
class Knowledge:
    """subjects.yml and attributes.yml, validated, with the patterns they compile to."""

    subjects: dict[str, Subject]
    attributes: dict[str, Attribute]
    subject_pattern: re.Pattern  # any alias, longest first; group name = subject id
    alias_owner: dict[str, str]  # lower-case alias without spaces → subject id
    others: re.Pattern | None
    per_unit: re.Pattern | None  # "单颗", "each chip": a component's own number, not its carrier's
    word_cues: re.Pattern | None  # cues of attributes whose values are words (全固态电池): sentences worth reading without a number
    by_unit: dict[str, tuple[Attribute, ...]]  # unit id → the attributes measured in it
    status_cues: dict[str, re.Pattern]
    difference: re.Pattern | None = None  # ends right before a number that is a change or a difference (降低了10厘米)
    market: re.Pattern | None = None  # in a number's clause: the company's shares' number (目标价, "price target")

    def topics_of(self, subject: str, attribute: str) -> tuple[str, ...]:
        """The pages whose infobox shows this subject's attribute: the subject's own, then the attribute's `also_on`."""
        return tuple(dict.fromkeys((self.subjects[subject].topic, *self.attributes[attribute].also_on)))


@dataclass(frozen=True)
class Claim:
    """One source saying: this subject's attribute has this value (Wikidata's statement, with its reference)."""

    subject: str  # subject id (subjects.yml)
    attribute: str  # attribute id (attributes.yml)
    value: float | str
    high: float | None  # upper end of a range, else None
    unit: str  # unit id of units.yml ("" for text values)
    qualifier: str  # nearly, about, over, under, up to, at most …
    as_of: Period | None  # the sentence's own time (timing.py), else the article's publication day
    dated_by: str  # "sentence" when the sentence gives the time, "article" when it is the publication date
    status: str  # fact | target | forecast
    as_written: str  # the value as the source wrote it
    citation: Citation
    topics: tuple[str, ...]  # pages whose infobox shows it
    # "clause": its sentence names its subject; "borrowed": the paragraph's or the article's — shown, never headlined
    read: str = "clause"
    review: Review | None = None  # an editor's word on it (seeds/sources.yml, knowledge/corrections.py)


def _words(entry: dict, key: str) -> list[str]:
    value = entry.get(key) or []
    if isinstance(value, dict):
        value = [w for words in value.values() for w in (words or [])]
    return [str(w) for w in value]


def _alias_regex(alias: str) -> str:
    """Spaces optional, Latin names whole words: `G7 Ultra` matches g7ultra and `g7 ultra`, not `g7ultras`… beyond plural s."""
    simplified = to_simplified(alias).lower().translate(FULL_WIDTH)
    # Spaces are optional wherever the alias has one or Chinese meets Latin (第二代 VLA = 第二代VLA).
    pieces = []
    for i, character in enumerate(simplified):
        if character.isspace():
            continue
        pieces.append(re.escape(character))
        following = simplified[i + 1:i + 2]
        if following and (following.isspace() or (not character.isascii()) != (not following.isascii())):
            pieces.append(r"\s*")
    body = "".join(pieces)
    if re.match(r"[a-z0-9]", simplified):
        body = r"(?<![a-z0-9])" + body
    if re.search(r"[a-z0-9]$", simplified):
        body += r"(?![a-z0-9])"
    return body


RATIOS = ("percent", "times")  # units of a change itself: "efficiency improved by 23%", "接管次数可减少13倍"
QUESTION = re.compile(r"[?？]\s*[\"”」』]?\s*$")

# Right before a common noun, a word that makes it name the subject already in view: 这款模型, "its model".
REFERRING = r"(?:这|该|此|其|本|its\s|this\s|the\s)\S{0,2}\s?"


def _common_nouns(words: list[str]) -> re.Pattern | None:
    """The common nouns of a subject, not where a referring word stands right before them."""
    if not words:
        return None
    return re.compile("|".join(re.escape(to_simplified(w).lower()) + (r"(?![a-z])" if w.isascii() else "") for w in words))


# Before a Chinese common noun: 的 and a few characters, a description that makes it some other such
# thing (部署的模型, 理想的VLA司机大模型); a bare 机器人身高173公分 is the robot in view.
DESCRIBED_BEFORE = re.compile(r"的[^，,。；;：:的]{0,8}$")


def _names_another(common: re.Pattern | None, clause: str) -> bool:
    """Whether `clause` names some other thing of the subject's kind by a common noun: in English with
    no referring word before it ("models", "a model", not "its model"), in Chinese with a description
    before it ("真正部署的模型多在5B以下", not "机器人身高173公分" nor "这款模型")."""
    if common is None:
        return False
    for m in common.finditer(clause):
        before = clause[max(0, m.start() - 12):m.start()]
        if m.group(0).isascii() and not re.search(REFERRING + "$", before):
            return True
        if not m.group(0).isascii() and DESCRIBED_BEFORE.search(before) and not re.search(REFERRING + "$", before):
            return True
    return False


def _cue_regex(words: list[str]) -> re.Pattern | None:
    forms = sorted({to_simplified(w).lower() for w in words if w.strip()}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile("|".join(
        (r"(?<![a-z])" if re.match(r"[a-z]", f) else "") + re.escape(f) for f in forms
    ))


@data_files.loader
def load_knowledge(subjects_file: Path = SUBJECTS_FILE, attributes_file: Path = ATTRIBUTES_FILE) -> Knowledge:
    subjects_data = s.load(subjects_file, SUBJECTS_SHAPE)
    subjects: dict[str, Subject] = {}
    for number, entry in enumerate(subjects_data["subjects"], start=1):
        if entry["id"] in subjects:
            raise s.entry_error(subjects_file, entry, "id", f"subject #{number} (id {entry['id']!r})",
                                "this id is used by two subjects", "merge the two entries")
        subjects[entry["id"]] = Subject(
            id=entry["id"], topic=entry["topic"], label_zh=entry.get("label_zh", entry["id"]),
            label_en=entry.get("label_en", ""), kind=entry.get("kind", "product"), aliases=tuple(_words(entry, "aliases")),
            common=_common_nouns(_words(entry, "common_nouns")),
        )
    attributes_data = s.load(attributes_file, ATTRIBUTES_SHAPE)
    units = set(unit_rules().unit_ids)
    attributes: dict[str, Attribute] = {}
    for number, entry in enumerate(attributes_data["attributes"], start=1):
        _check_attribute(attributes_file, entry, f"attribute #{number} (id {entry['id']!r})", attributes, subjects, units)
        listed_units, cues = entry.get("units", []), _words(entry, "cues")
        attributes[entry["id"]] = Attribute(
            id=entry["id"], label_zh=entry.get("label_zh", entry["id"]), label_en=entry.get("label_en", ""),
            kind=entry.get("kind", "spec"), units=tuple(listed_units), unit=entry.get("unit", ""),
            patterns=tuple(re.compile(p.replace("{number}", NUMBER_PATTERN), re.IGNORECASE) for p in entry.get("patterns", [])),
            cues=tuple(sorted({to_simplified(c).lower() for c in cues}, key=len, reverse=True)),
            unit_is_cue=entry.get("unit_is_cue", False), subjects=tuple(entry["subjects"]),
            also_on=tuple(entry.get("also_on", ())), comparative=entry.get("comparative", False),
            cue_pattern=re.compile("|".join(re.escape(to_simplified(c).lower()) for c in cues)) if cues else None,
        )
    forms: dict[str, str] = {}  # alias as matched → subject id
    for subject in subjects.values():
        for alias in subject.aliases:
            forms.setdefault(to_simplified(alias).lower().translate(FULL_WIDTH), subject.id)
    ordered = sorted(forms, key=len, reverse=True)
    owner = {SPACES.sub("", form): subject for form, subject in forms.items()}  # spaces are optional in a match
    # The lookahead on the aliases' first characters lets re skip most positions at once.
    first = "".join(sorted({re.escape(a[0]) for a in ordered}))
    subject_pattern = re.compile(f"(?=[{first}])(?:" + "|".join(f"(?:{_alias_regex(a)})" for a in ordered) + ")")
    status_data = attributes_data.get("status_cues") or {}
    status_cues = {}
    for status in ("forecast", "target"):
        pattern = _cue_regex(_words(status_data, status))
        if pattern is not None:
            status_cues[status] = pattern
    return Knowledge(
        subjects=subjects, attributes=attributes, subject_pattern=subject_pattern, alias_owner=owner,
        others=_cue_regex(_words(subjects_data, "others") + _words(subjects_data, "earlier_generations")), per_unit=_cue_regex(_words(subjects_data, "per_unit")),
        word_cues=_cue_regex([c for a in attributes.values() if any("text" in p.groupindex for p in a.patterns) for c in a.cues]),
        by_unit={unit: tuple(a for a in attributes.values() if unit in a.units) for unit in {u for a in attributes.values() for u in a.units}},
        status_cues=status_cues,
        difference=re.compile("|".join(f"(?:{p})" for p in attributes_data["differences"])) if attributes_data.get("differences") else None,
        market=_cue_regex([str(w) for w in attributes_data.get("market_words") or ()]),
    )


def _check_attribute(path: Path, entry: dict, name: str, attributes: dict, subjects: dict, units: set[str]) -> None:
    """What the shape cannot see: other entries, subjects.yml and units.yml."""
    if entry["id"] in attributes:
        raise s.entry_error(path, entry, "id", name, "this id is used by two attributes", "merge the two entries")
    listed_units, patterns = entry.get("units", []), entry.get("patterns", [])
    # a pattern's `unit` names what it reads (chips, wheels): no unit of units.yml needed; `units` always are
    checked = [("units", u) for u in listed_units] + ([("unit", entry["unit"])] if "unit" in entry and not patterns else [])
    if checked:
        for key, unit in checked:
            if unit not in units:
                raise s.entry_error(path, entry, key, name, f"unit {unit!r} is not in units.yml",
                                    f"add it there or use one of {', '.join(sorted(units))}")
    if not listed_units and not patterns:
        raise s.entry_error(path, entry, "id", name, "has neither `units` nor `patterns`",
                            "give it `units` (figures the extractor reads) or `patterns` (values it cannot)")
    for index, subject in enumerate(entry["subjects"]):
        if subject not in subjects:
            raise s.DataFileError(path, s.line_of(entry["subjects"], index) or s.line_of(entry, "subjects"), name,
                                  f"subject '{subject}' is not in subjects.yml", f"use one of {', '.join(subjects)}")
    if listed_units and not _words(entry, "cues") and not entry.get("unit_is_cue"):
        raise s.entry_error(path, entry, "id", name, "has no cue words",
                            "add `cues`, or `unit_is_cue: true` if the unit alone says what is measured")


def validate_topics(knowledge: Knowledge, topic_slugs: set[str],
                    subjects_file: Path = SUBJECTS_FILE, attributes_file: Path = ATTRIBUTES_FILE) -> None:
    """Every subject's topic and every attribute's `also_on` must be a topic of topics.yml.

    `knowledge` was read from `subjects_file` and `attributes_file`: they are
    read again only to name the line of an entry that fails.
    """
    todo = f"use one of {', '.join(sorted(topic_slugs))}, or add the topic to topics.yml"
    for number, subject in enumerate(knowledge.subjects.values(), start=1):
        if subject.topic not in topic_slugs:
            entry = _entry_read_again(subjects_file, "subjects", subject.id)
            raise s.entry_error(subjects_file, entry, "topic", f"subject #{number} (id {subject.id!r})",
                                f"topic '{subject.topic}' is not in topics.yml", todo)
    for number, attribute in enumerate(knowledge.attributes.values(), start=1):
        for slug in attribute.also_on:
            if slug not in topic_slugs:
                entry = _entry_read_again(attributes_file, "attributes", attribute.id)
                raise s.entry_error(attributes_file, entry, "also_on", f"attribute #{number} (id {attribute.id!r})",
                                    f"`also_on` lists '{slug}', which is not in topics.yml", todo)


def _entry_read_again(path: Path, key: str, entry_id: str):
    """The entry `entry_id` of `path`'s `key` list as read with its lines (None if it cannot be found)."""
    data = s.load(path, s.Record({}, extra_ok=True))
    return next((e for e in data.get(key) or [] if isinstance(e, dict) and e.get("id") == entry_id), None)


# ---------------------------------------------------------------------------
# Reading claims


@dataclass(frozen=True)
class _Number:
    """A value found in a sentence, before it is tied to a subject and an attribute."""

    start: int
    end: int
    value: float | str
    high: float | None
    unit: str
    qualifier: str
    as_written: str
    attributes: tuple[tuple[int, int, str], ...]  # (cue distance, -cue length, attribute id), best first


def _subject_mentions(knowledge: Knowledge, text: str) -> list[tuple[int, int, str]]:
    """(start, end, subject id) of each subject named in `text` (Simplified, half-width, lower case)."""
    owner = knowledge.alias_owner
    return [(m.start(), m.end(), owner[SPACES.sub("", m.group(0))]) for m in knowledge.subject_pattern.finditer(text)]


def _cue_distance(cues: tuple[str, ...], clause: str, offset: int, start: int, end: int, inside: bool = False) -> tuple[int, int] | None:
    """(distance from the number to the nearest cue word in the clause, -its length), or None if the clause has none.

    A cue inside the number's own words counts only when `inside` (a pattern's match such as `5,000 orders`).
    """
    best = None
    for cue in cues:
        for match in re.finditer(re.escape(cue), clause):
            if re.match(r"[a-z]", cue) and match.start() > 0 and clause[match.start() - 1].isalpha() and clause[match.start() - 1].isascii():
                continue  # a Latin cue starts a word
            cue_start, cue_end = offset + match.start(), offset + match.end()
            if cue_start < end and cue_end > start:
                if not inside:
                    continue  # the number's own unit (22个自由度) is no cue: unit_is_cue says whether it names the attribute
                distance = 0
            else:
                distance = cue_start - end if cue_start >= end else start - cue_end
            candidate = (max(distance, 0), -len(cue))
            if best is None or candidate < best:
                best = candidate
    return best


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    breaks = [0] + [m.end() for m in CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    left = max(b for b in breaks if b <= start)
    right = min((b for b in breaks if b >= end), default=len(sentence))
    return left, right


def _numbers(passage: Passage, text: str, knowledge: Knowledge, figures: list[Figure]) -> list[_Number]:
    """Every value of the sentence some attribute could measure, with those attributes ranked by their cue's nearness.

    `text` is the sentence as matched: Simplified, half-width, lower case.
    """
    found: list[_Number] = []
    by_unit = knowledge.by_unit
    searched = 0
    for figure in figures:
        position = passage.text.find(figure.as_written, searched)
        if position < 0:
            position = passage.text.find(figure.as_written)
        if position < 0:
            continue
        start, end = position, position + len(figure.as_written)
        searched = end
        if ENUMERATION.search(text[max(0, start - 5):start]) or ENUMERATION.search(text[end:end + 3]):
            continue  # one of a list of sizes (10亿、30亿、70亿、720亿): no single subject's value
        left, right = _clause_bounds(text, start, end)
        ranked = []
        for attribute in by_unit.get(figure.unit, ()):
            distance = _cue_distance(attribute.cues, text[left:right], left, start, end)
            if distance is None and left > 0:
                # A clause with no subject of its own continues the one before it:
                # "双手采用…，具备15个自由度" measures the hands. Any cue in the clause itself is nearer.
                earlier = _cue_distance(attribute.cues, text[:left], 0, start, end)
                distance = (NO_CUE // 2 + earlier[0], earlier[1]) if earlier else None
            if distance is None and attribute.unit_is_cue:
                distance = (NO_CUE, 0)
            if distance is not None:
                ranked.append((*distance, attribute.id))
        if ranked:
            qualifier = figure.qualifier or _qualifier_before(text, start)
            found.append(_Number(start, end, figure.value, figure.high, figure.unit, qualifier, figure.as_written, tuple(sorted(ranked))))
    for attribute in knowledge.attributes.values():
        if not attribute.patterns or (attribute.cue_pattern is not None and not attribute.cue_pattern.search(text)):
            continue  # a substring test is far quicker than scanning with the patterns
        for pattern in attribute.patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                left, right = _clause_bounds(text, start, end)
                distance = (0, 0)
                if attribute.cues:
                    distance = _cue_distance(attribute.cues, text[left:right], left, start, end, inside=True)
                    if distance is None:
                        continue
                groups = match.groupdict()
                if groups.get("text"):
                    value: float | str = passage.text[match.start("text"):match.end("text")]
                    unit = ""
                else:
                    number = groups.get("num")
                    value = float(NUMBER_WORDS.get(number, 0) or number.replace(",", "")) if number else 1.0
                    value *= MAGNITUDES.get(groups.get("mag") or "", 1)
                    unit = attribute.unit
                found.append(_Number(
                    start, end, value, None, unit, _qualifier_before(text, start), passage.text[start:end].strip(),
                    ((*distance, attribute.id),),
                ))
    return found


def _qualifier_before(text: str, start: int) -> str:
    """A qualifier the number's own pattern did not take: `under $270,000`, `约 12 万`."""
    before = text[max(0, start - 12):start].rstrip(" $¥￥")
    for word, meaning in sorted(unit_rules().before.items(), key=lambda kv: -len(kv[0])):
        if before.endswith(word):
            return meaning
    return ""


def _resolve_subject(
    knowledge: Knowledge, allowed: tuple[str, ...], sentence_mentions, earlier_mentions, start: int, end: int,
    clause: tuple[int, int], fallback: str | None, referred: str | None = None,
) -> tuple[str, str] | None:
    """(subject id, where it was found: clause | sentence | paragraph | article), or None.

    The nearest subject named in the number's clause — and if the clause
    names only a product the attribute does not apply to, the number is that
    product's, so none. Else the nearest subject it applies to in the
    clauses before it, then after it; else in the paragraph's earlier
    sentences; else `referred`, what a reference word of the sentence ("the vehicle",
    这款机器人) points to, the subject it applies to the article named last; else
    `fallback`, the one subject of the article it applies to.
    A component (the Turing chip) or the company named in a clause does not
    make the clause about them.
    """
    left, right = clause

    def distance(m):
        return 0 if m[0] < end and m[1] > start else (m[0] - end if m[0] >= end else start - m[1])

    in_clause = sorted((m for m in sentence_mentions if m[0] >= left and m[1] <= right), key=distance)
    for _, _, subject in in_clause:
        if subject in allowed:
            return subject, "clause"
        if knowledge.subjects[subject].kind == "product":
            return None
    steps = [
        ("sentence", sorted((m for m in sentence_mentions if m[1] <= left), key=lambda m: -m[1])),
        ("sentence", sorted((m for m in sentence_mentions if m[0] >= right), key=lambda m: m[0])),
    ]
    for where, mentions in steps:
        for _, _, subject in mentions:
            if subject in allowed:
                return subject, where
    # the paragraph's earlier sentences: `earlier_mentions` maps a subject to when it was last named
    nearest = max((subject for subject in allowed if subject in earlier_mentions), key=earlier_mentions.get, default=None)
    if nearest is not None:
        return nearest, "paragraph"
    if referred is not None:
        return referred, "paragraph"
    if fallback in allowed:
        return fallback, "article"
    return None


def _status(knowledge: Knowledge, clause: str) -> str:
    for status in ("forecast", "target"):
        pattern = knowledge.status_cues.get(status)
        if pattern is not None and pattern.search(clause):
            return status
    return "fact"


def _sentence_date(text: str, start: int, end: int, published: dt.date | None, mentions=(), subject: str = "") -> Period | None:
    """The time the sentence gives for its number: one in the number's own clause (the nearest before it,
    else the first after it), else one in an earlier clause about no other subject ("2025年，IRON…达到…").

    Never one from a clause about another subject: "2024年发布了初代IRON，新一代拥有82个自由度" does not
    date the 82 to 2024. Not the number itself (`2000 万 clips` is no year 2000), nor a vague span
    (即将, 近期: when something is announced, not when a value holds).
    """
    found = [
        (m.start, m.period) for m in read_times(text, published)
        if m.period is not None and m.period.precision != "span" and not (m.start < end and m.end > start)
    ]
    left, right = _clause_bounds(text, start, end)
    own = [(position, period) for position, period in found if left <= position < right]
    before = [period for position, period in own if position < start]
    if before:
        return before[-1]
    if own:
        return own[0][1]
    for position, period in reversed([f for f in found if f[0] < left]):
        clause = _clause_bounds(text, position, position + 1)
        if not any(clause[0] <= m[0] < clause[1] and m[2] != subject for m in mentions):
            return period
        break  # the nearest earlier time is another subject's: none
    return None


def article_subjects(knowledge: Knowledge, title: str, mentions: list[list[tuple[int, int, str]]]) -> Counter:
    """How often the article names each subject: `mentions` per sentence; its title counts three times."""
    counts: Counter = Counter()
    for _, _, subject in _subject_mentions(knowledge, to_simplified(title).lower()):
        counts[subject] += 3
    for found in mentions:
        for _, _, subject in found:
            counts[subject] += 1
    return counts


def main_subject(counts: Counter, knowledge: Knowledge) -> str | None:
    """The product the article is about: named most, more often than any other product, and more than once."""
    ranked = [(n, s) for s, n in counts.most_common() if knowledge.subjects[s].kind == "product"]
    if not ranked or ranked[0][0] < MAIN_SUBJECT_MENTIONS or (len(ranked) > 1 and ranked[1][0] >= ranked[0][0]):
        return None  # none, or no clear lead: no number is given to a subject by default
    return ranked[0][1]


def article_claims(passages: list[Passage], excluded: set[int] = frozenset(), knowledge: Knowledge | None = None) -> list[Claim]:
    """The claims an article's sentences make; `excluded` holds id()s of passages that state no facts (opinions, competitors)."""
    knowledge = knowledge or load_knowledge()
    if not passages:
        return []
    texts = [passage.simplified.translate(FULL_WIDTH).lower() for passage in passages]
    all_mentions = [_subject_mentions(knowledge, text) for text in texts]
    # 智元的人形机器人, "Agibot's humanoid robot": a subject named by its kind with another owner is another maker's
    all_others = [_others_of_kind(knowledge, text, mentions) for text, mentions in zip(texts, all_mentions)]
    all_mentions = [[m for m in mentions if m not in others] for mentions, others in zip(all_mentions, all_others)]
    main = main_subject(article_subjects(knowledge, passages[0].article.title, all_mentions), knowledge)
    claims: list[Claim] = []
    seen: set[tuple] = set()
    # subject → when the paragraph's earlier sentences last named it (larger = nearer): updated, never
    # rebuilt, so a one-paragraph article of thousands of sentences is read in linear time
    earlier: dict[str, int] = {}
    named_in_article: dict[str, int] = {}  # the same over the whole article: what "the vehicle" may refer to
    named = 0
    paragraph_id = None
    products: set[str] = set()  # products counted carrying a component in this paragraph so far
    for passage, text, mentions, others in zip(passages, texts, all_mentions, all_others):
        if passage.paragraph.id != paragraph_id:
            paragraph_id, earlier, products = passage.paragraph.id, {}, set()
        # A question states nothing ("30B是什么概念？"): its numbers are what the next sentences answer about.
        states_value = not QUESTION.search(text) and (
            ANY_NUMBER.search(text) or (knowledge.word_cues is not None and knowledge.word_cues.search(text)))
        if id(passage) not in excluded and states_value:
            refers = load_milestone_rules().reference.search(passage.canon)  # 这款机器人, "the vehicle"
            found = _sentence_claims(knowledge, passage, text, mentions, earlier, main, products,
                                     named_in_article if refers else None, others)
            products |= {c.subject for c in found if knowledge.attributes[c.attribute].kind == "count" and knowledge.subjects[c.subject].kind == "product"}
            for claim in found:
                # A source repeating a value later (a summary, a caption) is cited where it first says it.
                key = (claim.subject, claim.attribute, claim.value, claim.unit, claim.citation.article.slug)
                if key not in seen:
                    seen.add(key)
                    claims.append(claim)
        for _, _, subject in mentions:
            named += 1
            earlier[subject] = named_in_article[subject] = named
    return claims


def _others_of_kind(knowledge: Knowledge, text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The mentions naming a subject by its topic's kind name (topics.yml kind_names) that the clause gives another
    owner or makes the trade (milestones.yml others_of_kind): another maker's thing, whose numbers are not the subject's."""
    if not mentions:
        return []
    from build_scripts.knowledge.compose import load_signals  # compose imports this module: looked up when first needed
    from build_scripts.knowledge.taxonomy import load_topics
    rules, kinds = load_milestone_rules(), {t.slug: t.kind_names for t in load_topics()}
    company = load_signals().own
    return [m for m in mentions if rules.others_of_kind(text, (m[0], knowledge.subjects[m[2]].topic, text[m[0]:m[1]]),
                                                        kinds.get(knowledge.subjects[m[2]].topic, frozenset()), company)]


def _sentence_claims(knowledge, passage, text, mentions, earlier, main, products, named_in_article=None, others=()) -> list[Claim]:
    published = passage.article.date
    numbers = sorted(_numbers(passage, text, knowledge, extract_figures(passage)), key=lambda n: (n.attributes[0][:2], n.start))
    resolved: list[tuple[_Number, str, str, str]] = []  # (number, subject, attribute, where the subject was named)
    taken: list[tuple[int, int]] = []
    # "the 120,000-square-meter facility": a number inside a reference word's phrase describes what it refers to
    reference = load_milestone_rules().reference.search(text) if named_in_article else None
    # 该模型 after an article naming two models (the world model, the VLA): which one it means is not said
    ambiguous = reference is not None and len({s for s in named_in_article if knowledge.subjects[s].common
                                               and knowledge.subjects[s].common.search(reference.group(0).lower())}) > 1
    for number in numbers:
        if any(number.start < e and number.end > s for s, e in taken):
            continue  # one stretch of text, one value: a pattern and the unit table read the same words
        if (number.unit not in RATIOS and knowledge.difference is not None
                and knowledge.difference.search(text, max(0, number.start - 24), number.start)):
            continue  # "身高降低了10厘米", "cut by 10 cm": how much it changed, not what it is (a gain in % or × is its value)
        clause = _clause_bounds(text, number.start, number.end)
        if knowledge.market is not None and knowledge.market.search(text, clause[0], clause[1]):
            continue  # "raised its price target on XPeng to $32": the shares', no product's
        if any(clause[0] <= m[0] < clause[1] for m in others):
            continue  # 智元的人形机器人身高175厘米: another maker's robot's height
        for _, _, attribute_id in number.attributes:
            attribute = knowledge.attributes[attribute_id]
            referred = max((s for s in attribute.subjects if s in (named_in_article or {})), key=(named_in_article or {}).get, default=None)
            if referred is not None and reference is not None and reference.start() <= number.start and number.end <= reference.end():
                found = referred, "paragraph"
            else:
                found = _resolve_subject(knowledge, attribute.subjects, mentions, earlier, number.start, number.end, clause, main, referred)
            if found is None:
                continue
            subject, where = found
            if ambiguous and where in ("paragraph", "article"):
                break
            if where != "clause" and any(m[0] < number.start for m in others):
                break  # "智元的人形机器人身高175厘米，体重55公斤": the weight is that robot's too
            if where in ("paragraph", "article") and _names_another(knowledge.subjects[subject].common, text[clause[0]:clause[1]]):
                break  # "最高能够支持30B参数量的模型": some model's size, not the article's model's
            if not attribute.comparative and knowledge.others is not None:
                other_in_clause = knowledge.others.search(text[clause[0]:clause[1]])
                other_before = knowledge.others.search(text[:number.start])
                # ", which offers 254 TOPS": a relative clause says it of the noun before it, a rival's named there
                describes_other = RELATIVE_START.match(text, clause[0]) and knowledge.others.search(text, max(0, clause[0] - 60), clause[0])
                if other_in_clause or describes_other or (where in ("paragraph", "article") and other_before):
                    break  # the industry's or a competitor's number, not the subject's
            resolved.append((number, subject, attribute_id, where))
            taken.append((number.start, number.end))
            break
    # "IRON carries 3 Turing chips, 2250 TOPS": the chips' compute, stated after
    # counting them on a product, is the product's — unless the clause says it
    # is one chip's ("单颗", "each chip").
    counts = [(number.start, subject) for number, subject, attribute, _ in resolved
              if knowledge.attributes[attribute].kind == "count" and knowledge.subjects[subject].kind == "product"]
    # "3颗图灵AI芯片、2200TOPS算力": a figure beside a count of several of a component is theirs together
    several_of = {topic for number in numbers if isinstance(number.value, float) and number.value > 1
                  for _, _, a in number.attributes if knowledge.attributes[a].kind == "count" for topic in knowledge.attributes[a].also_on}
    claims = []
    for number, subject, attribute_id, where in resolved:
        left, right = _clause_bounds(text, number.start, number.end)
        carriers = products | {product for position, product in counts if position < number.start}
        per_unit = knowledge.per_unit is not None and knowledge.per_unit.search(text[left:right])
        if knowledge.subjects[subject].kind == "component" and len(carriers) == 1 and not per_unit:
            candidate = next(iter(carriers))
            if candidate in knowledge.attributes[attribute_id].subjects:
                subject = candidate
        if knowledge.subjects[subject].kind == "component" and knowledge.subjects[subject].topic in several_of and not per_unit:
            continue  # no carrier named: the total of several chips is no one chip's figure, nor a car's we can name
        quote = clause_around(passage.text, number.start, number.end)
        if number.as_written not in quote:
            quote = passage.text  # the clause was cut short around an aside: quote the sentence
        as_of = _sentence_date(text, number.start, number.end, published, mentions, subject)
        dated_by = "sentence"
        if as_of is None and published is not None:
            as_of, dated_by = Period(published, published, "day"), "article"
        claims.append(Claim(
            subject=subject, attribute=attribute_id, value=number.value, high=number.high, unit=number.unit,
            qualifier=number.qualifier, as_of=as_of, dated_by=dated_by, status=_status(knowledge, text[left:right]),
            as_written=number.as_written, citation=cite(passage, quote), topics=knowledge.topics_of(subject, attribute_id),
            read="clause" if where in ("clause", "sentence") else "borrowed",
        ))
    return claims
