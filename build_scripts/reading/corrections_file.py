"""seeds/sources.yml's `claims:` and `milestones:` sections → Correction values and Problems.

In: the corrections file (the same file as the per-article metadata
entries, read by corpus.load_overrides). Out: one `Correction` per valid
entry, and one Problem per malformed one naming its line, the field and
what to do. A bad entry costs only that entry: the build goes on.

Only the shape is checked here (which keys, which words); whether the
target exists, and whether a subject, kind or attribute is one the site
knows, is decided where the knowledge is composed (knowledge/corrections.py).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from build_scripts.data import schema as s
from build_scripts.model import Correction, Problem
from build_scripts.reading import decoding

SECTIONS = ("claims", "milestones")  # top-level keys that are not article file names
ACTIONS = ("confirm", "reject", "set", "add")
PERIOD = re.compile(r"\d{4}(-(h[12]|q[1-4]|\d{2}(-\d{2})?))?", re.IGNORECASE)


class _When(s.Shape):
    """A period as the site writes its keys: 2026, 2026-H2, 2026-Q4, 2026-03, 2026-03-19 (YAML reads the last as a date)."""

    hint = "write it as 2026, 2026-H2, 2026-Q4, 2026-03 or 2026-03-19"

    def check(self, value, where):
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, bool) or not isinstance(value, (str, int)) or not PERIOD.fullmatch(str(value).strip()):
            raise where.fail(f"{value!r} is not a period", self.hint)
        return str(value).strip()


class _Day(s.Shape):
    hint = "write the day it was checked as YYYY-MM-DD"

    def check(self, value, where):
        if isinstance(value, dt.date):
            return value.isoformat()
        raise where.fail(f"{value!r} is not a date", self.hint)


WHEN = _When()
COMMON = {
    "do": s.Choice(*ACTIONS, hint="say what to do: confirm, reject, set (with the fields to change) or add"),
}
ABOUT = {
    "id": s.Text(), "file": s.Text(), "quote": s.Text(),
    "by": s.Maybe(s.Text()), "note": s.Maybe(s.Text()), "date": s.Maybe(_Day()),
}
CLAIM_FIELDS = {
    "subject": s.Slug(hint="a subject id of build_scripts/data/subjects.yml"),
    "attribute": s.Slug(hint="an attribute id of build_scripts/data/attributes.yml"),
    "value": s.OneOf(s.Number(), s.Text()),
    "unit": s.Maybe(s.Text(allow_empty=True)),  # null or "": a count or a text value
    "as_of": s.Maybe(WHEN),  # null: undated
    "status": s.Choice("fact", "target", "forecast"),
    # a row attributes.yml does not have: its label (knowledge/corrections.py with_editor_attributes)
    "label_zh": s.Text(), "label_en": s.Text(),
}
# Not a field of the item: `apart: true` keeps the sentence's event off the row it joined (knowledge/corrections.py).
APART = {"apart": s.Boolean(hint="apart: true keeps the item a row of its own")}
MILESTONE_FIELDS = {
    "subject": s.Slug(hint="a topic slug of build_scripts/data/topics.yml, or site-wide for a company event"),
    "kind": s.Text(hint="a kind id of build_scripts/data/milestones.yml"),
    "when": s.Maybe(WHEN),
    "state": s.Choice("planned", "happened", "dropped"),
}
SHAPES = {
    "claims": s.Record(COMMON, {**ABOUT, **CLAIM_FIELDS}),
    "milestones": s.Record(COMMON, {**ABOUT, **MILESTONE_FIELDS, **APART}),
}
REQUIRED_TO_ADD = {"claims": ("subject", "attribute", "value"), "milestones": ("subject", "kind", "state")}
TODO = "see README 'For editors': each entry needs do: and an id or file + quote"


def load_corrections(path: Path) -> tuple[tuple[Correction, ...], list[Problem]]:
    """The `claims:` and `milestones:` entries of `path`, each checked on its own.

    A file that cannot be read at all is corpus.load_overrides' to report
    (it stops the build); here it gives nothing.
    """
    if not path.exists():
        return (), []
    try:
        data = s.parse(decoding.decode(path.read_bytes())[0]) or {}
    except (decoding.UndecodableError, yaml.YAMLError):
        return (), []
    if not isinstance(data, dict):
        return (), []
    corrections: list[Correction] = []
    problems: list[Problem] = []
    for section in SECTIONS:
        if section not in data:
            continue
        entries = data[section]
        if entries is None:
            continue
        if not isinstance(entries, list):
            problems.append(_problem(path, s.line_of(data, section), f"'{section}:' is not a list of entries",
                                     f"write each entry under '{section}:' as a line starting with '- '"))
            continue
        for number, entry in enumerate(entries, start=1):
            line = s.line_of(entries, number - 1) or s.line_of(data, section)
            name = f"{section} #{number}"
            try:
                where = s._Where(path, line, name)
                corrections.append(_correction(section, SHAPES[section].check(entry, where), line or 0, where))
            except s.DataFileError as exc:
                problems.append(_problem(path, exc.line, f"{exc.entry}: {exc.what} (the entry is ignored)", exc.todo or TODO))
    return tuple(sorted(corrections, key=lambda c: c.line)), problems  # in file order: a later entry has the last word


def _correction(section: str, entry: dict, line: int, where) -> Correction:
    action = entry["do"]
    fields = {k: v for k, v in entry.items() if k in (CLAIM_FIELDS if section == "claims" else MILESTONE_FIELDS)}
    if bool(entry.get("file")) != bool(entry.get("quote")):
        raise where.fail("has file: without quote: or quote: without file:", "give both: the article's file name and the sentence's words")
    if not entry.get("id") and not (entry.get("file") and entry.get("quote")):
        raise where.fail("names no target", "give the id it has on the site, or file: and quote: of the sentence")
    if action == "add":
        missing = [k for k in REQUIRED_TO_ADD[section] if k not in fields]
        if not entry.get("file") or missing:
            raise where.fail(f"adds an item without {', '.join(missing) or 'file and quote'}",
                             f"an added item needs file:, quote: and {', '.join(REQUIRED_TO_ADD[section])}")
    if action == "set" and not fields:
        raise where.fail("says set but gives no field to set",
                         "add the fields to change, e.g. " + ("value: 3000" if section == "claims" else "when: 2026-Q4"))
    if action in ("confirm", "reject") and fields:
        raise where.fail(f"says {action} but also gives {', '.join(fields)}", "use do: set to change fields, or remove them")
    if entry.get("apart"):
        if action == "reject":
            raise where.fail("says reject and apart", "a rejected item is on no page: remove apart:, or say confirm, set or add")
        fields["apart"] = True  # after the checks above: it changes no field of the item
    return Correction(
        section=section, action=action, line=line, id=str(entry.get("id", "")), file=str(entry.get("file", "")),
        quote=str(entry.get("quote", "")), fields=tuple(fields.items()),
        by=str(entry.get("by") or ""), note=str(entry.get("note") or ""), date=str(entry.get("date") or ""),
    )


def _problem(path: Path, line: int | None, what: str, todo: str) -> Problem:
    return Problem(path.name, f"line {line}: {what}" if line else what, todo)
