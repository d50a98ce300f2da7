"""Plain values passed between pipeline stages."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
class Paragraph:
    """One block of an article. `id` is its anchor on the source page."""

    id: str
    text: str
    kind: str = "text"  # "text", "heading" or "image"
    url: str = ""  # for images: the remote address, shown as text only


@dataclass(frozen=True)
class Article:
    """A cleaned article with its metadata, ready to render or mine."""

    slug: str
    file_name: str
    title: str
    outlet: str
    author: str
    date: dt.date | None
    language: str  # "zh-Hans", "zh-Hant" or "en"
    paragraphs: tuple[Paragraph, ...]
    date_note: str = ""
    editor: str = ""
    other_names: tuple[str, ...] = ()  # same article found under other file names
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def text_length(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)

    @property
    def label(self) -> str:
        """How a citation names this source: outlet and date."""
        who = self.outlet or self.author or self.file_name
        return f"{who}, {self.date.isoformat()}" if self.date else who

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.id == paragraph_id), None)


@dataclass(frozen=True)
class Corpus:
    """Every article that built, newest first, and every problem found."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]

    def by_slug(self, slug: str) -> Article | None:
        return next((a for a in self.articles if a.slug == slug), None)
