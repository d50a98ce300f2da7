"""Plain values passed between pipeline stages."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from functools import cached_property


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, said so a user can act on it."""

    file_name: str
    what: str
    todo: str
    rejected: bool = False  # True: the file is not in the site at all

    def line(self) -> str:
        verdict = "skipped" if self.rejected else "built with a warning"
        return f"{self.file_name}: {self.what} ({verdict}) — {self.todo}"


@dataclass(frozen=True)
class FileReport:
    """Everything wrong with one input file, as one line of the build log and one row of the problems page."""

    file_name: str
    problems: tuple[Problem, ...]

    @property
    def rejected(self) -> bool:
        return any(p.rejected for p in self.problems)

    @property
    def what(self) -> str:
        return "; ".join(p.what for p in self.problems)

    @property
    def todo(self) -> str:
        return "; ".join(dict.fromkeys(p.todo for p in self.problems))

    def line(self) -> str:
        verdict = "skipped" if self.rejected else "built with a warning"
        return f"{self.file_name}: {self.what} ({verdict}) — {self.todo}"


@dataclass(frozen=True)
class Paragraph:
    """One block of an article. `id` is its anchor on the source page."""

    id: str
    text: str
    kind: str = "text"  # "text", "heading" or "image"
    url: str = ""  # for images: the remote address, shown as text only


@dataclass(frozen=True)
class Provenance:
    """Where each metadata field of an article came from, as a reader is told on its source page.

    Each is "" when the field is unknown, else e.g. "front matter 'date'",
    "seeds/sources.yml", "header line 3: “发布时间：…”" or an inference.
    """

    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""
    via: str = ""


@dataclass(frozen=True)
class Article:
    """A cleaned article with its metadata, ready to render or mine."""

    slug: str
    file_name: str
    title: str
    outlet: str
    author: str
    date: dt.date | None
    language: str  # "zh-Hans", "zh-Hant", "en" or "ja"
    paragraphs: tuple[Paragraph, ...]
    date_note: str = ""
    editor: str = ""
    other_names: tuple[str, ...] = ()  # same article found under other file names
    via: str = ""  # the platform it was republished through (网易号, 车家号…), not the outlet
    cited_outlets: tuple[str, ...] = ()  # outlets the text quotes ("according to Reuters"), not the publisher
    provenance: Provenance = field(default_factory=Provenance, compare=False)
    copy_of: str = ""  # slug of the article this one is a syndicated copy of: the same report
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    review: "Review | None" = None  # an editor's word on its metadata (seeds/sources.yml): the fields set, who, why

    @property
    def report(self) -> str:
        """One name per report: a copy and its original count as one source."""
        return self.copy_of or self.slug

    @property
    def text_length(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)

    @property
    def label(self) -> str:
        """How a citation names this source: outlet and date."""
        who = self.outlet or self.author or self.file_name
        return f"{who}, {self.date.isoformat()}" if self.date else who

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        return self._paragraphs_by_id.get(paragraph_id)

    @cached_property
    def as_cited(self) -> tuple:
        """The article as a citation or a sentence of it shows it: every field but its paragraphs.

        Two readings of one file that differ only in paragraphs no sentence
        comes from (an edit elsewhere in it) give equal sentences and
        citations, so `mkdocs serve` keeps the topic pages they feed
        (preview_cache.py). Each compares its own paragraph besides.
        """
        return tuple(getattr(self, f.name) for f in fields(self) if f.compare and f.name != "paragraphs")

    @cached_property
    def _paragraphs_by_id(self) -> dict[str, Paragraph]:
        # Citations look paragraphs up by id: a scan each time is quadratic in a long article.
        return {p.id: p for p in self.paragraphs}


@dataclass(frozen=True)
class Corpus:
    """Every article that built, newest first, and every problem found."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    corrections: tuple["Correction", ...] = ()  # seeds/sources.yml's claims: and milestones: entries

    def by_slug(self, slug: str) -> Article | None:
        return next((a for a in self.articles if a.slug == slug), None)

    @property
    def reports(self) -> tuple[FileReport, ...]:
        """The problems grouped by file, in file-name order."""
        by_file: dict[str, list[Problem]] = {}
        for problem in sorted(self.problems, key=lambda p: p.file_name):
            by_file.setdefault(problem.file_name, []).append(problem)
        return tuple(FileReport(name, tuple(problems)) for name, problems in by_file.items())


@dataclass(frozen=True)
class Correction:
    """One entry of the claims: or milestones: section of seeds/sources.yml: an editor's word on what the build read.

    It names its target by `id` (an infobox row `<subject>-<attribute>`, a
    milestone `m-…`), by `file` + `quote` (the sentence it was read from), or
    by both (the quote's readings within that row or milestone). `action` is
    confirm, reject, set (the `fields` given replace what was read) or add
    (a new claim or milestone, cited by `file` + `quote`).
    """

    section: str  # "claims" or "milestones"
    action: str  # confirm | reject | set | add
    line: int  # of the entry in seeds/sources.yml
    id: str = ""
    file: str = ""
    quote: str = ""
    fields: tuple[tuple[str, object], ...] = ()  # (name, value) to set, or of the added item
    by: str = ""
    note: str = ""
    date: str = ""  # when it was checked, as the editor wrote it

    @property
    def target(self) -> str:
        """How the entry names what it corrects, for a Problems row."""
        parts = [f"id '{self.id}'" if self.id else "", f"{self.file} «{self.quote[:60]}»" if self.file else ""]
        return " and ".join(p for p in parts if p)


@dataclass(frozen=True)
class Review:
    """What an editor said of a claim or milestone the site shows: the checked mark's tooltip and kb.json's `reviewed`."""

    verdict: str  # confirmed | corrected | added
    by: str = ""
    note: str = ""
    date: str = ""
    line: int = 0  # of its entry in seeds/sources.yml
    original: tuple[tuple[str, str], ...] = ()  # what the build had read, field by field ("" for an added item)

    @property
    def tooltip(self) -> str:
        zh = {"confirmed": "已核实", "corrected": "已更正", "added": "编辑添加"}[self.verdict]
        who = " · ".join(p for p in (self.by, self.date) if p)
        head = f"{zh} {self.verdict}" + (f" — {who}" if who else "")
        return head + (f": {self.note}" if self.note else "")
