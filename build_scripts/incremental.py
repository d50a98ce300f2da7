"""`mkdocs serve --dirty`: after an edit, MkDocs renders only the pages it changed.

In a dirty build MkDocs renders and writes a page only if its file says it
is modified, and a generated file (`File.generated`) always says so. Here a
generated file whose content is what the previous build of this serve
session wrote, and whose output is still there, says it is not: editing one
article re-renders its source page and the few pages quoting it, not all
of them. Two things MkDocs and Material would then get wrong are fixed:

* a page that is not re-rendered is never read, so its title, which the
  navigation shows on every re-rendered page, would be empty;
* the tags page must be read for Material's tags plugin to link the tags
  of re-rendered pages to it; it is read every build, and written only
  when changed. Its lists come from the pages read in the build: when any
  page's tags (or the title or address they are listed under) change, a
  page is added or one goes, every tagged page is read (not written) and
  the tags page written again; Material's `tags.json`, written from the
  pages read, is merged with the previous build's like the search index;
* Material's search plugin, in a dirty build, merges the new index entries
  with the previous ones assuming a single page changed (and drops every
  entry when that page is the home page). The index is merged here instead:
  entries of pages not re-rendered are kept from the previous build.

Plain `mkdocs build` and `mkdocs serve` render everything, as before.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import jinja2
import jinja2.bccache
import yaml
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

FRONT_MATTER_END = "\n---\n"
TAGS_LISTING = "<!-- material/tags"


class GeneratedFile(File):
    unchanged: bool = False  # same content as the previous build wrote, output in place
    read_anyway: bool = False  # a tags listing: MkDocs reads it even when unchanged, until writing starts

    def is_modified(self) -> bool:
        if self.unchanged and not self.read_anyway:
            return False
        return super().is_modified()


def start_writing(files: Files) -> None:
    """on_env: every page is read; from now on MkDocs writes, and writes only changed pages."""
    for file in files:
        if isinstance(file, GeneratedFile):
            file.read_anyway = False


class DirtyBuildNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build makes navigation and links
    inaccurate, on every rebuild: with this module they are not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class PreviousBuild:
    """What the previous build of this serve session wrote."""

    def __init__(self) -> None:
        self.contents: dict[str, str | bytes] = {}  # docs-relative path → generated content
        self.nav: list | None = None  # the navigation those pages were rendered with
        self.tagged: dict[str, str] = {}  # docs-relative path → front matter, of the pages with tags
        self.tag_mappings: list[dict] = []  # Material's tags.json entries, after merging
        self.search_docs: list[dict] = []  # the search index's entries, after rewriting
        self.templates = CompiledTemplates()


def tagged_pages(generated: dict[str, str | bytes]) -> dict[str, str]:
    """The tags and title (what the tags page lists it by) of each generated page that has tags (site.with_tags).

    Only those lines: an edit to an article's first paragraph changes its
    description, not what the tags page shows.
    """
    listed = {}
    for path, content in generated.items():
        front = front_matter(content)
        if "\ntags:\n" in front:
            lines = front.split("\n")
            listed[path] = "\n".join(line for line in lines if line.startswith(("tags:", "  - ", "title:")))
    return listed


def front_matter(content: str | bytes) -> str:
    if not isinstance(content, str) or not content.startswith("---\n") or FRONT_MATTER_END not in content:
        return ""
    return content[: content.index(FRONT_MATTER_END, 3) + 1]


def generated_file(config, path: str, content: str | bytes, previous: PreviousBuild | None, nav: list,
                   retag: bool = False) -> File:
    """File.generated, told it is unchanged when `previous` wrote the same content with the same navigation.

    Every page shows the navigation (tabs, sidebar, previous/next links): when
    a page joins or leaves it (the Problems page when the first file with a
    problem appears or the last goes), every page is rendered again.
    """
    file = GeneratedFile.generated(config, path, content=content)
    file.unchanged = (
        previous is not None and previous.nav == nav and previous.contents.get(path) == content
        and os.path.exists(file.abs_dest_path)
    )
    listing = isinstance(content, str) and TAGS_LISTING in content
    file.read_anyway = listing or (retag and "\ntags:\n" in front_matter(content))
    if retag and listing:
        file.unchanged = False
    return file


def remove_dropped_pages(config, previous: PreviousBuild, generated: dict[str, str | bytes]) -> None:
    """Delete the output of pages the previous build made and this one did not (a deleted or renamed article).

    A dirty build never empties site/: without this, the old URL would keep
    answering with the stale page until the preview is restarted.
    """
    for path in previous.contents.keys() - generated.keys():
        output = Path(File(path, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path)
        output.unlink(missing_ok=True)
        try:
            output.parent.rmdir()  # sources/<slug>/ is left empty
        except OSError:
            pass


def give_titles(nav: Navigation) -> None:
    """Titles from the front matter of navigation pages MkDocs will not read this build."""
    for page in nav.pages:
        file = page.file
        if isinstance(file, GeneratedFile) and file.unchanged and not file.read_anyway and page.markdown is None:
            markdown = file.content_string
            meta = {}
            if markdown.startswith("---\n") and FRONT_MATTER_END in markdown:
                meta = yaml.safe_load(markdown[4 : markdown.index(FRONT_MATTER_END)]) or {}
            page.markdown, page.meta = "", {"title": meta.get("title") or page.file.name}


class CompiledTemplates(jinja2.BytecodeCache):
    """Theme templates compiled once per serve session: MkDocs makes a new Jinja
    environment every build, which compiled the theme again (a fifth of a
    rebuild at 500 articles). A changed template has another checksum and is
    compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def merge_tags_export(path: Path, previous: PreviousBuild, files: Files, read: set[str]) -> None:
    """tags.json holds the tag mappings of the pages `read` this build (their URLs); add the other pages' from the previous build."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as file:
        export = json.load(file)
    order = {f.page.url: n for n, f in enumerate(files.documentation_pages()) if f.page is not None}
    kept = [m for m in previous.tag_mappings if m["item"]["url"] in order and m["item"]["url"] not in read]
    if kept:
        mappings = sorted(kept + export["mappings"], key=lambda m: order.get(m["item"]["url"], len(order)))
        export = dict(export, mappings=mappings)
        with open(path, "w", encoding="utf-8") as file:
            json.dump(export, file)  # as Material writes it
    previous.tag_mappings = export["mappings"]


def merge_search_index(path: Path, previous: PreviousBuild, files: Files, written: set[str]) -> None:
    """The index file holds entries of the pages `written` this build (their URLs); add the other pages' from the previous build."""
    if not path.exists():
        return
    with open(path, encoding="utf-8") as file:
        index = json.load(file)
    pages = [f for f in files.documentation_pages() if f.page is not None]
    order = {f.page.url: n for n, f in enumerate(pages)}  # the page's URL as index locations start with it ('' for home)
    rendered = written

    def page_of(doc: dict) -> str:
        return doc["location"].split("#", 1)[0]

    kept = [doc for doc in previous.search_docs if page_of(doc) in order and page_of(doc) not in rendered]
    if kept:
        docs = sorted(kept + index["docs"], key=lambda doc: order.get(page_of(doc), len(order)))  # stable: sections keep their order
        index = dict(index, docs=docs)
        with open(path, "w", encoding="utf-8") as file:
            json.dump(index, file, ensure_ascii=False, separators=(",", ":"))
    previous.search_docs = index["docs"]
