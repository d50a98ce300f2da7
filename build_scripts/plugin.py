"""MkDocs plugin `kb`: runs the pipeline inside `mkdocs build` and `mkdocs serve`.

Only wiring lives here. Generated pages are handed to MkDocs as in-memory
files (MkDocs ≥ 1.6 `File.generated`): nothing is written into docs/, so
there are no stale pages after an article is deleted and no rebuild loop in
`mkdocs serve`.

A broken knowledge file (build_scripts/data/*.yml, seeds/sources.yml) fails
`mkdocs build` with one line naming it, before MkDocs empties site/. Under
`mkdocs serve` an error must not leave the preview stuck (MkDocs holds every
request until a rebuild succeeds): the last good pages are served again,
each with the error at its top, until the file is fixed. When there is no
last good build (the preview was started with the file already broken), a
one-page site saying what is wrong is served instead, and MkDocs keeps
watching: saving the fixed file builds the real site.
"""
from __future__ import annotations

import calendar
import copy
import ctypes
import datetime as dt
import functools
import logging
import os
import posixpath
import signal
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, _add_parent_links, _add_previous_and_next_links, _data_to_navigation, _get_by_type
from mkdocs.structure.pages import Page

from build_scripts import data as data_files
from build_scripts.data import schema

from build_scripts import incremental, publish
from build_scripts.preview_cache import PreviewCache
from build_scripts.search import bundle as search_bundle, index as search
from build_scripts.serve import FolderWatch
from build_scripts.config import KnowledgeBaseConfig
from build_scripts.knowledge.compose import CitationError
from build_scripts.parallel import available_cores
from build_scripts.knowledge.glossary import load_terms
from build_scripts.pages.render_glossary import abbreviation_definitions
from build_scripts.pages.render_sources import link_neighbours
from build_scripts.pages.markdown_text import HtmlParagraphs, literal_html, visible_controls
from build_scripts.reading.corpus import load_corpus
from build_scripts.pages.site import Site, compose_site
from build_scripts.pages.render_tags import tag_urls
from build_scripts.knowledge.entities import load_entities
from build_scripts.pages import render_cache, social_cards, variants

log = logging.getLogger("mkdocs.plugins.kb")
DATA_DIR = Path(__file__).parent / "data"


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    pinned_epoch: str | None = None  # the SOURCE_DATE_EPOCH this plugin set, if any
    previous: incremental.PreviousBuild | None = None  # only in `mkdocs serve --dirty`
    serving = False
    kept: PreviewCache | None = None  # only in `mkdocs serve`
    site = None  # the pages of the last build that succeeded
    stand_in = None  # under serve, the error page shown while no build has succeeded yet (it is then `site`)
    search_vocabulary = None
    abbreviations = ""
    build_error = ""  # under serve: why this build shows the last good pages
    in_one_step = False  # `mkdocs build`: site/ is replaced when the build is complete (publish.py)
    staged: publish.StagedSite | None = None
    seeds_watch: FolderWatch | None = None  # under serve
    search_updates = None  # under serve: the search bundle, rebuilt in the background
    variant_sites: dict = {}  # variant → (its Navigation, its config), from on_nav

    def on_startup(self, *, command, dirty):
        # jieba (used by the search plugin) prints its dictionary loading to
        # stderr on every build; it is noise to someone previewing the site.
        import jieba

        jieba.setLogLevel(logging.WARNING)
        if command != "serve":
            workers_die_with_the_build()
        # `mkdocs serve`: what each article, topic and page computed is kept between rebuilds
        # (preview_cache.py); with --dirty, only the pages an edit changed
        # are rendered again (incremental.py).
        serving = self.serving = command == "serve"
        self.kept = PreviewCache() if serving else None
        self.search_updates = search_bundle.Background() if serving else None
        self.previous = incremental.PreviousBuild() if serving and dirty else None
        self.in_one_step = not serving and not dirty
        if self.previous is not None:
            logging.getLogger("mkdocs.commands.build").addFilter(incremental.DirtyBuildNotice())

    def on_config(self, config):
        self.seeds_dir = Path(config.config_file_path).parent / self.config.seeds_dir
        # In `mkdocs serve`, a saved data/*.yml is read again, and what was
        # computed with the old version is computed again.
        if data_files.reload_if_changed(DATA_DIR):
            log.info("build_scripts/data changed: topics, glossary and rules read again")
        self.build_error = ""
        variants.use_region(self.config.traditional)
        in_script.cache_clear()
        try:
            self.search_vocabulary = search.setup(config, DATA_DIR)
        except Exception as exc:
            # The stand-in under serve when no build has worked yet: the error page has no names to search by.
            self.search_vocabulary = self.keep_last_good(exc, self.search_vocabulary) or search.Vocabulary((), ())
            config.extra["kb_search_script"] = search.SCRIPT_PATH
            search.material_search.jieba = None
        config.markdown_extensions.append(HtmlParagraphs())  # source pages stay linear in their length
        if self.in_one_step:
            self.staged = publish.StagedSite.start(config.site_dir)
            config.site_dir = str(self.staged.path)
        return config

    def keep_last_good(self, exc: Exception, last_good):
        """A build that cannot be made: fail `mkdocs build` with one line; under serve, go on with `last_good`.

        Under serve the error is logged and shown at the top of every page
        (on_files), so the preview answers instead of holding every request
        or exiting. `last_good` is None when no build has worked yet: the
        caller then goes on with a stand-in (on_pre_build: `error_site`).
        """
        if isinstance(exc, SAID_ERRORS):
            message = str(exc)
        else:  # a bug: the traceback helps whoever fixes it
            log.exception("the knowledge base could not be built")
            message = f"{type(exc).__name__}: {exc}"
        if not self.serving:
            if isinstance(exc, SAID_ERRORS):
                raise PluginError(message) from None
            raise exc
        if not self.build_error:
            nothing_built = self.site is None or self.site is self.stand_in
            log.error("%s\nThe preview shows %s until this is fixed.", message,
                      "this error instead of the site" if nothing_built else "the last good build")
        self.build_error = self.build_error or message
        return last_good

    def on_pre_build(self, *, config):
        if self.seeds_watch is not None:
            self.seeds_watch.refresh()
        # Every page is generated here, in memory, before MkDocs empties
        # site/: if reading or composing fails or is interrupted (strict mode
        # included), the previous site is left exactly as it was.
        if self.kept is not None:
            self.kept.new_build(data_files.fingerprint(DATA_DIR))
        if self.previous is not None and "material/search" in config.plugins:
            # Material would merge this build's index entries with the last
            # build's as if one page had changed; incremental.py merges instead.
            config.plugins["material/search"].search_index_prev = None
        if not self.build_error:  # else on_config could not read the knowledge: the last good pages are kept
            self.generate(config)
        if self.site is None:  # under serve, no build has worked yet: a page saying why
            self.site = self.stand_in = error_site()
        # Tag chips link to the tag's heading on the tags page of the page's script (overrides/partials/tags.html).
        config.extra["kb_tag_urls"] = tag_urls([entity.tag for entity in load_entities()])

    def generate(self, config) -> None:
        """Read seeds/ and compose every page; under serve, keep the last good pages if that fails."""
        try:
            if not self.seeds_dir.is_dir():
                raise SeedsFolderError(self.config.seeds_dir, self.seeds_dir)
            # A one-off build reads the files and the articles on every processor (parallel.py);
            # under serve the cache answers for all but the edited article, in this process.
            workers = 1 if self.kept else available_cores()
            corpus = load_corpus(self.seeds_dir, self.kept.read if self.kept else None, workers=workers)
            for report in corpus.reports:  # one line per file, never a traceback
                log.info("%s/%s", self.config.seeds_dir, visible_controls(report.line()))
            rejected = [r for r in corpus.reports if r.rejected]
            if rejected and (self.config.strict_articles or os.environ.get("KB_STRICT") == "1"):
                raise PluginError(
                    f"strict mode: {len(rejected)} file(s) in {self.config.seeds_dir} could not be used:\n"
                    + "\n".join(visible_controls(r.line()) for r in rejected)
                )
            self.pin_build_date(corpus)
            site = compose_site(corpus, config.site_url or "", self.kept, self.as_of(), workers)
            for line in site.log:  # corrections that no longer apply, one line each like a file's problem
                log.info("%s/%s", self.config.seeds_dir, visible_controls(line))
            abbreviations = abbreviation_definitions(load_terms())
        except PluginError:
            raise
        except Exception as exc:
            self.keep_last_good(exc, self.site)  # under serve: the last good pages, the error on each
        else:
            self.site, self.abbreviations = site, abbreviations

    def as_of(self):
        """The `as_of` option as a date; None (the newest article's date) when unset."""
        if not self.config.as_of:
            return None
        if isinstance(self.config.as_of, dt.date):  # YAML reads an unquoted 2026-09-30 as a date
            return self.config.as_of
        try:
            return dt.date.fromisoformat(self.config.as_of)
        except ValueError:
            raise PluginError(f"mkdocs.yml: plugins: kb: as_of {self.config.as_of!r} is not a date — write it as YYYY-MM-DD")

    def on_files(self, files: Files, config) -> Files:
        generated = dict(self.site.pages)
        if self.build_error:
            title = NOTHING_BUILT_TITLE if self.site is self.stand_in else LAST_GOOD_TITLE
            generated = {path: with_error_banner(content, self.build_error, title) for path, content in generated.items()}
        # A picture per topic page for link previews, in the page's script (og:image, overrides/main.html).
        generated = social_cards.with_cards(
            generated, config.site_name, lambda path, name: variants.to_script(name, variants.variant_of(path)))
        generated[search.SCRIPT_PATH] = search.browser_script()
        generated[search.WORKER_PATH] = search.worker_script()
        # Tags added, removed or moved: the tags page is made again from every tagged page (incremental.py).
        retag = self.previous is not None and (
            self.previous.tagged != incremental.tagged_pages(generated) or self.previous.contents.keys() != generated.keys()
        )
        for path, content in generated.items():
            if files.get_file_from_path(path):
                files.remove(files.get_file_from_path(path))  # a generated page wins over a stray docs/ copy
            files.append(incremental.generated_file(config, path, content, self.previous, self.site.nav, retag))
        config.nav = self.site.nav
        self.files, self.generated = files, generated
        return files

    def on_nav(self, nav, *, config, files):
        # The Traditional pages' own navigation and site name, drawn on each of them (on_page_context).
        self.variant_sites = {
            variant: (variant_navigation(variants.variant_nav(self.site.nav, variant), files, config),
                      variant_config(config, variant))
            for variant in (variants.TRADITIONAL,)
        }
        for navigation in (nav, *(n for n, _ in self.variant_sites.values())):
            adopt_pages_under_sections(navigation, files)
        if self.previous is not None:
            incremental.give_titles(nav)
            for variant_nav, _ in self.variant_sites.values():
                incremental.give_titles(variant_nav)
            self.written: set[str] = set()
            self.read: set[str] = set()
        return nav

    def on_env(self, env, *, config, files):
        render_cache.install(env)  # tabs and sidebar drawn once per folder for pages the nav does not list
        if self.previous is not None:
            incremental.start_writing(files)
            env.bytecode_cache = self.previous.templates
        return env

    def on_page_context(self, context, *, page, config, nav):
        if page.meta.get("variant") in self.variant_sites:
            context["nav"], context["config"] = self.variant_sites[page.meta["variant"]]
        link_neighbours(page, self.files)  # a source page's previous/next: its neighbours in the Sources index
        if self.previous is not None:
            self.written.add(page.url)  # Material's search indexes the page at this event too
        return context

    def pin_build_date(self, corpus) -> None:
        """Date the build by its newest article, so two builds of the same seeds are byte-identical.

        MkDocs stamps sitemap.xml (lastmod) and the gzip header of
        sitemap.xml.gz with today's date unless SOURCE_DATE_EPOCH is set; a
        value the user set wins. Runs before MkDocs creates the pages, which
        is when it reads the date. An article dated in the future (a typo,
        reported as a problem) never dates the site later than today.
        """
        if os.environ.get("SOURCE_DATE_EPOCH") != self.pinned_epoch:
            return
        dates = [a.date for a in corpus.articles if a.date]
        if dates:
            newest = min(max(dates), dt.date.today())
            self.pinned_epoch = str(calendar.timegm(newest.timetuple()))
            os.environ["SOURCE_DATE_EPOCH"] = self.pinned_epoch
        elif self.pinned_epoch:
            del os.environ["SOURCE_DATE_EPOCH"]
            self.pinned_epoch = None

    def on_page_markdown(self, markdown, *, page, config, files):
        if self.previous is not None:
            self.read.add(page.url)  # Material's tags plugin collects the page's tags at this event too
        # The language switcher and kb.js need the URL of this page in each
        # script (overrides/partials/alternate.html); front matter names the files.
        pair = page.meta.get("variants") or {}
        page.meta["kb_alternates"] = {
            variant: files.get_file_from_path(path).url for variant, path in pair.items() if files.get_file_from_path(path)
        }
        # Glossary abbreviations on every page: hover VLA, TOPS, L4… for a definition,
        # in the page's script.
        definitions = self.abbreviations  # of the last good build: a broken glossary.yml must not end the preview
        if page.meta.get("variant"):
            definitions = in_script(definitions, page.meta["variant"])
        return markdown + definitions

    @event_priority(-50)  # after Material's search plugin has written the index
    def _finish_indexes(self, *, config):
        site_dir = Path(config.site_dir)
        index = site_dir / "search" / "search_index.json"
        variants.write_sitemap(site_dir, config.site_url or "", self.site.pages)
        if self.previous is not None:
            incremental.merge_search_index(index, self.previous, self.files, self.written)
            if "material/tags" in config.plugins and config.plugins["material/tags"].config.export:
                export = Path(config.site_dir) / config.plugins["material/tags"].config.export_file
                incremental.merge_tags_export(export, self.previous, self.files, self.read)
            incremental.remove_dropped_pages(config, self.previous, self.generated)
        material_index, vocabulary = search.take_index(index), self.search_vocabulary
        if material_index is not None:
            kept = self.search_updates.documents if self.search_updates else None  # serve: only what an edit changed is cut again
            make_docs = lambda: search.documents(material_index, vocabulary, kept)  # noqa: E731
            if self.search_updates is None:
                docs = make_docs()
                # Pagefind runs next, beside this process: what no one reads any more is let go first
                # (Material's own copy of the index too, which a one-off build never merges again).
                del make_docs, material_index
                self._let_go_of_rendered_pages(config)
                search_bundle.build(docs, site_dir, search.work_dir(config))
            else:  # the preview is served now; search catches up within seconds
                self.search_updates.submit(make_docs, site_dir, search.work_dir(config))
        if self.previous is not None:
            self.previous.contents = self.generated  # only now: this build's output is all written
            self.previous.nav = self.site.nav
            self.previous.tagged = incremental.tagged_pages(self.generated)

    def _let_go_of_rendered_pages(self, config) -> None:
        """A one-off build's pages are written and their anchors checked: their Markdown and HTML (MkDocs'
        copies and the generated pages themselves), and Material's copy of the search index, are let go
        before Pagefind runs beside this process. At 2,000 articles the two processes together came to
        2,016 MB; the build process held 958 MB when Pagefind started, 666 MB with the generated pages let go."""
        if "material/search" in config.plugins:
            config.plugins["material/search"].search_index.entries = []
        for file in self.files:
            if file.page is not None:
                file.page.markdown = file.page.content = None
            if isinstance(file, incremental.GeneratedFile):
                file.content_string = ""  # a generated page's Markdown, as MkDocs keeps it
        if self.previous is None:  # a one-off build has written its pages and needs them no more
            self.site.pages.clear()
            self.generated = {}

    @event_priority(-100)  # last: every plugin has written what it writes
    def _publish_site(self, *, config):
        if self.staged is None or publish.warnings_counted():  # --strict aborts next: on_build_error discards it
            return
        self.staged.publish()
        log.info("The site is written to %s (the previous one replaced in one step)", publish.display(self.staged.final))
        config.site_dir = str(self.staged.final)  # for `mkdocs gh-deploy`, which pushes it next
        self.staged = None

    on_post_build = CombinedEvent(_finish_indexes, _publish_site)

    def on_build_error(self, *, error):
        if self.staged is None:
            return
        staged, self.staged = self.staged, None
        staged.discard()
        if (cause := publish.write_error(error)) is not None:  # a full disk, a read-only folder: said, not a traceback
            raise PluginError(publish.cannot_write(staged.final, cause)) from None

    def on_shutdown(self):
        # MkDocs then deletes serve's site folder: a search bundle still being
        # written into it would make that fail with a traceback.
        if self.search_updates is not None:
            self.search_updates.done.wait(120)

    def on_serve(self, server, config, builder):
        # Articles and the YAML knowledge are inputs too: edit one, see it.
        self.seeds_watch = FolderWatch(server, self.seeds_dir)  # also when seeds/ is moved away and back
        server.watch(str(DATA_DIR))
        return server


@functools.lru_cache(maxsize=4)  # the same definitions on every page of a script: converted once (cleared in on_config)
def in_script(text: str, variant: str) -> str:
    return variants.convert_text(text, variant)


def variant_navigation(nav_config: list, files: Files, config) -> Navigation:
    """MkDocs' Navigation of one script's copies, as get_navigation makes the site's (mkdocs.structure.nav).

    Its pages are the copies' Page objects, titled as its nav names them and
    linked to their sections, previous and next page: Material then draws a
    copy's tabs, sidebar, active tab and footer from it.
    """
    items = _data_to_navigation(nav_config, files, config)
    pages = _get_by_type(items, Page)
    titles = {path: title for path, title in _nav_titles(nav_config)}
    for page in pages:
        if page.file.src_uri in titles:
            page.title = titles[page.file.src_uri]
    _add_previous_and_next_links(pages)
    _add_parent_links(items)
    navigation = Navigation(items, pages)
    navigation.homepage = pages[0] if pages else None  # the nav's first page is the home page, in every script
    return navigation


def adopt_pages_under_sections(nav: Navigation, files: Files) -> None:
    """A page the nav does not list (a source page, a month of sources) belongs to the section of the folder it is in.

    Its tab is then the active one and the sidebar shows that section, as on
    the section's own pages: sources/<slug>/ under 来源, zh-Hant/sources/<slug>/
    under 來源. Only the section is set (`parent`); previous/next stay the nav's.
    """
    sections = {posixpath.dirname(page.file.src_uri): page.parent for page in nav.pages
                if page.parent is not None and page.file.src_uri.endswith("/index.md")}
    listed = {id(page) for page in nav.pages}
    for file in files.documentation_pages():
        page = file.page
        if page is None or id(page) in listed or page.parent is not None:
            continue
        folder = posixpath.dirname(file.src_uri)
        while folder and folder not in sections:
            folder = posixpath.dirname(folder)
        if folder:
            page.parent = sections[folder]


def _nav_titles(nav_config):
    """(path, title) of each page a nav names with a title of its own ({"首页": "index.md"})."""
    for item in nav_config if isinstance(nav_config, list) else [nav_config]:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield value, title
                else:
                    yield from _nav_titles(value)


def variant_config(config, variant: str):
    """The site's config as a copy in `variant` prints it: the site name in its script (header, drawer, <title>)."""
    copied = copy.copy(config)
    copied["site_name"] = variants.to_script(config.site_name, variant)
    return copied


def workers_die_with_the_build() -> None:
    """The reading processes (parallel.py) end when the build does, however it ends.

    A worker waits on its queue for the next share; when the build itself
    is killed (`kill -9`, a CI time-out, the OOM killer), nothing tells it,
    and it lived on (seen for minutes, 160 MB each). Linux kills a process
    whose parent died when it asked to be (PR_SET_PDEATHSIG); every process
    forked from the build asks at its start, and ends at once if the build
    ended before it could ask (a worker forked as the build was killed).
    Elsewhere: nothing.
    """
    if sys.platform != "linux" or getattr(workers_die_with_the_build, "done", False):
        return
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (AttributeError, OSError):
        return
    build = os.getpid()

    def die_with_the_build():
        prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))
        if os.getppid() != build:
            os._exit(1)

    os.register_at_fork(after_in_child=die_with_the_build)
    workers_die_with_the_build.done = True


PR_SET_PDEATHSIG = 1


class SeedsFolderError(Exception):
    """seeds/ missing or seeds_dir mistyped: an empty site must not be published as if it were the site."""

    def __init__(self, configured: str, path: Path):
        what = "is a file, not a folder" if path.exists() else "does not exist"
        super().__init__(
            f"mkdocs.yml: plugins: kb: seeds_dir '{configured}' {what}: "
            "put the articles in that folder, or correct seeds_dir to the folder that holds them"
        )


# Errors whose message says all a user needs: one line, no traceback.
SAID_ERRORS = (schema.KnowledgeFileError, CitationError, SeedsFolderError)

ERROR_BANNER_CLASS = "kb-build-error"
LAST_GOOD_TITLE = "构建失败 The build failed — this preview shows the last good build until it is fixed"
NOTHING_BUILT_TITLE = "构建失败 The build failed — fix what this says and save the file: the preview then builds the site"


def with_error_banner(markdown: str, error: str, title: str = LAST_GOOD_TITLE) -> str:
    """`markdown` with `error` at the top of the page, after its front matter."""
    banner = (
        f'<div class="admonition failure {ERROR_BANNER_CLASS}" markdown="0">'
        f'<p class="admonition-title">{literal_html(title)}</p>'
        f"<p>{literal_html(error)}</p></div>\n\n"
    )
    if markdown.startswith("---\n") and "\n---\n" in markdown[3:]:
        end = markdown.index("\n---\n", 3) + len("\n---\n")
        return markdown[:end] + "\n" + banner + markdown[end:]
    return banner + markdown


def error_site() -> Site:
    """The preview's only page while no build has succeeded: on_files puts the error on it.

    It names no error itself: the banner does, so a different error on the
    next save is shown without building this page again.
    """
    home = (
        "---\ntitle: 构建失败 Build failed\n---\n\n"
        "# 构建失败 Build failed\n\n"
        "知识库尚未构建成功：请按上方提示修改文件并保存，预览会自动重新构建。\n\n"
        "The knowledge base has not been built yet: fix the file named above and save it; "
        "the preview rebuilds by itself.\n"
    )
    return Site(pages={"index.md": home}, nav=[{"构建失败 Build failed": "index.md"}])
