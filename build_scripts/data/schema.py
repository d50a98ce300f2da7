"""Knowledge files are checked against a declared shape when they are read.

Every YAML file the build relies on (build_scripts/data/*.yml,
seeds/sources.yml) is read through `load(path, SHAPE)`: the YAML is parsed,
checked against a shape declared next to its loader, and returned as plain
Python values. What is wrong raises one `DataFileError` whose message names
the file, the line, the entry and what to do:

    build_scripts/data/glossary.yml, line 42, terms #7 (id 'tops'): 'term' is missing — give every term its word, e.g. term: TOPS

To check a new file, declare its shape with the pieces below and load it:

    from build_scripts.data import schema as s

    MILESTONES = s.Record({
        "kinds": s.ListOf(s.Record(
            {"id": s.Slug(), "cues": s.ListOf(s.Text(), min_items=1)},
            optional={"note": s.Text()},
            hint="each kind needs an id and at least one cue word",
        )),
    })

    @data_files.loader
    def load_milestone_kinds(path=MILESTONES_FILE):
        data = s.load(path, MILESTONES)
        ...

Pieces: `Text` (a non-empty string; numbers are accepted and turned into
text), `Pattern` (a regular expression that compiles, with the named
groups the code reads), `Choice` (one of a few words), `Slug`, `Integer`,
`Number`, `Boolean`, `ListOf`, `MapOf` (free keys), `Record` (named keys,
some optional, unknown keys refused), `OneOf`, `Maybe` (also null), and
`Check` (any predicate, with its message). A `Record` inside a list names
its entries by the first of `id`, `slug`, `term`, `tag`, `name` it has.

The YAML is read with two differences from `yaml.safe_load`: an impossible
date (`2025-13-45`) stays the text it was instead of ending the build with a
ValueError, and every mapping and list remembers its line (`line_of`).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
NAME_KEYS = ("id", "slug", "term", "tag", "name")


class KnowledgeFileError(ValueError):
    """Anything wrong with a knowledge file: the build stops with this message instead of blaming articles.

    Loaders that check a file by hand raise a subclass of it (header.yml's,
    outlets.yml's); `DataFileError` is the one `load` raises.
    """


class DataFileError(KnowledgeFileError):
    """A knowledge file that does not have its declared shape; the message says where and what to do."""

    def __init__(self, file: Path | str, line: int | None, entry: str, what: str, todo: str = ""):
        self.file, self.line, self.entry, self.what, self.todo = display_path(file), line, entry, what, todo
        where = self.file + (f", line {line}" if line else "") + (f", {entry}" if entry else "")
        super().__init__(f"{where}: {what}" + (f" — {todo}" if todo else ""))


def display_path(file: Path | str) -> str:
    """The file as the user knows it: relative to the project when inside it."""
    path = Path(file)
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


# -- Reading YAML with lines, and without crashing on impossible dates ------


class LocatedDict(dict):
    line: int = 0
    key_lines: dict


class LocatedList(list):
    line: int = 0
    item_lines: list


def line_of(value, key=None) -> int | None:
    """Line (from 1) of a mapping or list read by `parse`, or of one of its keys or items."""
    if key is not None:
        lines = getattr(value, "key_lines", None) if isinstance(value, dict) else getattr(value, "item_lines", None)
        try:
            return lines[key] if lines is not None else None
        except (KeyError, IndexError, TypeError):
            return None
    return getattr(value, "line", None) or None


# libyaml's parser when PyYAML was built with it: every article's front
# matter goes through here, and the pure-Python parser was a tenth of the
# reading time at 500 articles. Both give the same values and line marks.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _timestamp_or_text(loader: _Loader, node: yaml.Node):
    """2025-11-10 is a date; 2025-13-45 stays the text it is, for the checks to report."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line, result.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a key that is a list or mapping", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line, result.item_lines = node.start_mark.line + 1, [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _sequence)


def parse(text: str):
    """YAML text → values, like yaml.safe_load, with lines and tolerant dates. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 — a SafeLoader subclass


def yaml_error_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark else None


def load(path: Path | str, shape: "Shape", *, missing_ok: bool = False):
    """Read `path` and check it against `shape`; raises DataFileError naming the file, line and entry."""
    path = Path(path)
    if not path.exists():
        if missing_ok:
            return None
        raise DataFileError(path, None, "", "is missing", "restore it from git (git checkout -- <file>)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(path, None, "", f"is not UTF-8 text ({exc.reason})", "save it as UTF-8") from None
    try:
        data = parse(text)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataFileError(
            path, yaml_error_line(exc), "", f"is not valid YAML ({problem})",
            "check the indentation and quoting there; a text holding ': ' or starting with a quote needs quotes around it",
        ) from None
    return shape.check(data, _Where(path, line_of(data) or 1, ""))


# -- Shapes ------------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    path: Path
    line: int | None
    entry: str

    def fail(self, what: str, todo: str = "") -> DataFileError:
        return DataFileError(self.path, self.line, self.entry, what, todo)

    def inside(self, entry: str, line: int | None) -> "_Where":
        return _Where(self.path, line or self.line, entry)


def _describe(value) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


class Shape:
    hint = ""

    def check(self, value, where: _Where):
        raise NotImplementedError


class Text(Shape):
    """A non-empty string. Numbers become text (a YAML `2025` title is meant as text)."""

    def __init__(self, hint: str = "", allow_empty: bool = False):
        self.hint, self.allow_empty = hint, allow_empty

    def check(self, value, where):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise where.fail(f"should be text, not {_describe(value)}", self.hint)
        text = str(value)
        if not text.strip() and not self.allow_empty:
            raise where.fail("is empty", self.hint or "write the text, or remove the entry")
        return text


class Pattern(Text):
    """A regular expression that compiles (and has the named `groups` the code reads); returned as text."""

    def __init__(self, hint: str = "", groups: tuple[str, ...] = ()):
        super().__init__(hint)
        self.groups = groups

    def check(self, value, where):
        text = super().check(value, where)
        try:
            compiled = re.compile(text)
        except re.error as exc:
            raise where.fail(f"is not a valid regular expression ({exc})", self.hint or "fix the pattern; quote it with single quotes in YAML") from None
        missing = [g for g in self.groups if g not in compiled.groupindex]
        if missing:
            raise where.fail(
                f"needs the named group(s) {', '.join(f'(?P<{g}>…)' for g in missing)}",
                self.hint or "the build reads those parts of the match by name",
            )
        return text


class Choice(Text):
    """One of a few words."""

    def __init__(self, *choices: str, hint: str = ""):
        super().__init__(hint)
        self.choices = choices

    def check(self, value, where):
        text = super().check(value, where)
        if text not in self.choices:
            raise where.fail(f"{text!r} is not one of {', '.join(self.choices)}", self.hint)
        return text


class Slug(Text):
    """Lower-case ASCII letters, digits and '-': safe in a URL."""

    PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")

    def check(self, value, where):
        text = super().check(value, where)
        if not self.PATTERN.fullmatch(text):
            raise where.fail(f"{text!r} must be lower-case ASCII letters, digits and '-'", self.hint)
        return text


class Integer(Shape):
    def __init__(self, minimum: int | None = None, hint: str = ""):
        self.minimum, self.hint = minimum, hint

    def check(self, value, where):
        if isinstance(value, bool) or not isinstance(value, int):
            raise where.fail(f"should be a whole number, not {_describe(value)}", self.hint)
        if self.minimum is not None and value < self.minimum:
            raise where.fail(f"should be at least {self.minimum}, not {value}", self.hint)
        return value


class Number(Shape):
    def __init__(self, minimum: float | None = None, maximum: float | None = None, hint: str = ""):
        self.minimum, self.maximum, self.hint = minimum, maximum, hint

    def check(self, value, where):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise where.fail(f"should be a number, not {_describe(value)}", self.hint)
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise where.fail(f"should be between {self.minimum} and {self.maximum}, not {value}", self.hint)
        return value


class Boolean(Shape):
    def __init__(self, hint: str = ""):
        self.hint = hint

    def check(self, value, where):
        if not isinstance(value, bool):
            raise where.fail(f"should be true or false, not {_describe(value)}", self.hint)
        return value


class Maybe(Shape):
    """`shape`, or nothing (null / left empty)."""

    def __init__(self, shape: Shape):
        self.shape = shape

    def check(self, value, where):
        return None if value is None else self.shape.check(value, where)


class OneOf(Shape):
    """The first of `shapes` the value fits; the error of the last one otherwise."""

    def __init__(self, *shapes: Shape, hint: str = ""):
        self.shapes, self.hint = shapes, hint

    def check(self, value, where):
        error = None
        for shape in self.shapes:
            try:
                return shape.check(value, where)
            except DataFileError as exc:
                error = exc
        if self.hint and error is not None:
            raise where.fail(error.what, self.hint)
        raise error  # type: ignore[misc]


class Check(Shape):
    """`shape`, then `test(value)` must hold; `what` says what is wrong when it does not."""

    def __init__(self, shape: Shape, test: Callable[[object], bool], what: str, hint: str = ""):
        self.shape, self.test, self.what, self.hint = shape, test, what, hint

    def check(self, value, where):
        value = self.shape.check(value, where)
        if not self.test(value):
            raise where.fail(self.what, self.hint)
        return value


class ListOf(Shape):
    """A list of `item`s (null or left empty is an empty list). Entries are named '<label> #<n>'."""

    def __init__(self, item: Shape, min_items: int = 0, label: str = "", hint: str = ""):
        self.item, self.min_items, self.label, self.hint = item, min_items, label, hint

    def check(self, value, where):
        if value is None:
            value = []
        if not isinstance(value, list):
            raise where.fail(f"should be a list, not {_describe(value)}", self.hint or "write it as [a, b] or as lines starting with '- '")
        if len(value) < self.min_items:
            raise where.fail(f"needs at least {self.min_items} item(s)", self.hint)
        label = self.label or where.entry or "item"
        checked = _like(value, LocatedList())
        for number, item in enumerate(value, start=1):
            name = _entry_name(item)
            entry = f"{label} #{number}" + (f" ({name})" if name else "")
            checked.append(self.item.check(item, where.inside(entry, line_of(value, number - 1))))
        return checked


def _like(original, new):
    """`new`, with the lines of `original`: checks after the shape (a slug that must exist) can still name the line."""
    new.line = getattr(original, "line", 0)
    if isinstance(new, LocatedDict):
        new.key_lines = getattr(original, "key_lines", {})
    else:
        new.item_lines = getattr(original, "item_lines", [])
    return new


def entry_error(path: Path | str, container, key, entry: str, what: str, todo: str = "") -> DataFileError:
    """A DataFileError for a problem found after the shape was checked (e.g. a reference to an unknown slug)."""
    return DataFileError(path, line_of(container, key) or line_of(container), entry, what, todo)


def _entry_name(item) -> str:
    if isinstance(item, dict):
        for key in NAME_KEYS:
            if isinstance(item.get(key), (str, int)) and str(item.get(key)).strip():
                return f"{key} {str(item[key])!r}"
    return ""


class MapOf(Shape):
    """A mapping with free keys (checked by `key`) and values of one shape."""

    def __init__(self, key: Shape, value: Shape, hint: str = ""):
        self.key, self.value, self.hint = key, value, hint

    def check(self, value, where):
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise where.fail(f"should be a mapping of 'key: value' lines, not {_describe(value)}", self.hint)
        checked = _like(value, LocatedDict())
        for key, item in value.items():
            inner = where.inside(f"{where.entry + ' → ' if where.entry else ''}'{key}'", line_of(value, key))
            checked[self.key.check(key, inner)] = self.value.check(item, inner)
        return checked


class Record(Shape):
    """A mapping with named keys: `required` must be there, `optional` may be, nothing else."""

    def __init__(self, required: dict[str, Shape], optional: dict[str, Shape] | None = None, hint: str = "", extra_ok: bool = False):
        self.required, self.optional, self.hint, self.extra_ok = required, optional or {}, hint, extra_ok

    def check(self, value, where):
        if not isinstance(value, dict):
            raise where.fail(f"should be a mapping of 'key: value' lines, not {_describe(value)}", self.hint)
        for key, shape in self.required.items():
            if key not in value:
                raise where.fail(f"'{key}' is missing", shape.hint or self.hint or f"add '{key}:' to it")
        known = {**self.required, **self.optional}
        checked = _like(value, LocatedDict())
        for key, item in value.items():
            shape = known.get(key)
            inner = where.inside(where.entry + (", " if where.entry else "") + f"'{key}'", line_of(value, key))
            if shape is None:
                if self.extra_ok:
                    checked[key] = item
                    continue
                raise inner.fail(f"'{key}' is not a known key", f"use one of {', '.join(sorted(known))}, or remove it")
            checked[key] = shape.check(item, inner)
        return checked
