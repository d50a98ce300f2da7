"""The search bundle: the index's documents → one synthetic page per site page → Pagefind.

In: the documents `index.rewrite_index` made of Material's search index
(cut, folded, spelled and named). Out: `site/pagefind/`, Pagefind's
chunked index, which the browser fetches a piece at a time per query, and
`kb-words/` beside it, the words the browser cuts a query into, in buckets
by their first character (a query fetches the few buckets of its own
characters, not the whole list: 18 KB at 2,000 articles).

Why synthetic pages and not the site's own HTML: Pagefind cuts Chinese only
for pages marked `lang="zh"`, with a segmenter of its own and without our
dictionary, and it cuts the query in the browser differently again
(Pagefind issue 1237): 陆地航母 became 陆地 航母, 第二代VLA was not found.
So each page is written the way we want it read, `<html lang="und">`
(neither stemmed nor re-cut), one word per space:

* Chinese as `index.segment` cut it, each word in folded Simplified. A word
  written otherwise (Traditional, full-width) is written as its "twin",
  `機器人^机器人`: Pagefind indexes both halves (it splits a word at ASCII
  punctuation), the browser shows the part before `^`, so previews keep
  the article's own script.
* What else a section must be found by (`spellings`: sub-words, number and
  unit joined, other names; a topic's `names`) as words starting with `^`:
  indexed (Pagefind drops the mark), never shown (the browser drops them).
* CJK punctuation spaced out, so it is never part of a word.
* `<h2 id>` per Material section, so results list the sections they match;
  titles as Pagefind's `title` meta in the page's own script, the site's
  location as `loc` meta (the synthetic file is named by a hash of it: a
  source page's name may be anything).

One `pagefind --site` run indexes the folder (the per-page API is throttled
to about ten pages a second).
"""
from __future__ import annotations

import hashlib
import html
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from build_scripts.search.index import HAN, KEY_FIGURES, NAMES_FIELD, SPELLINGS_FIELD, ZWSP, fold

BUNDLE_DIR = "pagefind"
WORDS_DIR = "kb-words"  # beside Pagefind's files: the query side's word list, in buckets
WORD_BUCKETS = 64  # worker.js: a word is in bucket (code point of its first character) % WORD_BUCKETS
SHARDS_FILE = "kb-shards.txt"  # the other bundles of the index, merged in the browser (SHARD_BYTES)
HIDDEN = "^"  # starts a word that is indexed, never shown; joins a twin
TAG = re.compile(r"<[^>]*>")
# A word ends at white space, at U+200B (index.segment's cut), between Han
# and anything else, and around CJK punctuation, which stands alone.
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2025-\u2027\u2014"
WORD = re.compile(f"[{HAN}]+|[{CJK_PUNCTUATION}]|[^\\s{HAN}{CJK_PUNCTUATION}{ZWSP}]+")
CHINESE = re.compile(f"[{HAN}{CJK_PUNCTUATION}]")
# Between Chinese and other words the text had not spaced: a word of its own
# (Pagefind indexes nothing of it), which the browser drops with its spaces.
# Between two Chinese words the browser drops every space.
GLUE = "\u2060"
HAN_WORD = re.compile(f"[{HAN}]{{2,}}")
TOPIC_KIND = "topic"
# Pagefind's weights (0–10, squared in its scores; a heading counts 5–7 by itself).
NAMES_WEIGHT = 10  # a topic's names: the topic comes first for them
TAGS_WEIGHT = 1  # an article names the thing in passing; its topic page is about it
FIGURES_WEIGHT = 3  # a topic's key figures rank as the topic does, above any one article
# Pages that list what other pages say (the home page's latest events, the
# promises, the topic index, the timeline, the tags): found, but after the
# pages they list, which a reader is after.
LISTINGS = re.compile(r"|promises/|topics/|timeline/|tags/|sources/")
LISTING_WEIGHT = 0.3


def words(text: str) -> list[str]:
    """The words of `text` (Material's HTML, cut by U+200B) as the synthetic page writes them."""
    plain = html.unescape(TAG.sub(" ", text)).replace(HIDDEN, "\u02c6")  # a written ^ would hide a word
    written, end, chinese = [], 0, False
    for match in WORD.finditer(plain):
        start = match.start()
        is_chinese, shown = _written(match.group())
        if written and is_chinese != chinese and (start == end or not plain[end:start].strip(ZWSP)):
            written.append(GLUE)  # 小鹏G7: shown as written, searched as two words
        written.append(shown)
        end, chinese = match.end(), is_chinese
    return written


@lru_cache(maxsize=1 << 18)  # per distinct word: the site's pages quote the same words over and over
def _written(word: str) -> tuple[bool, str]:
    """Whether `word` is Chinese, and how the synthetic page writes it (with its folded twin if it has one)."""
    folded = fold(word)
    twin = folded != word and any(char.isalnum() for char in folded)  # （ folds to (: no word
    return CHINESE.match(word) is not None, f"{word}{HIDDEN}{folded}" if twin else word


def hidden(names: str) -> list[str]:
    return [HIDDEN + name for name in names.split()]


def synthetic_page(location: str, docs: list[dict]) -> str:
    """One page of the site (its head document and its sections) as Pagefind should read it."""
    head = docs[0]
    esc = lambda words: html.escape(" ".join(words))  # noqa: E731
    title = html.unescape(TAG.sub("", head["title"])).replace(ZWSP, "")
    out = [
        '<!doctype html><html lang="und"><head><meta charset="utf-8"></head><body>',
        f'<meta data-pagefind-meta="loc[content]" content="{html.escape(location)}">',
        f'<meta data-pagefind-meta="title[content]" content="{html.escape(title)}">',
    ]
    if head.get(NAMES_FIELD):  # a topic page: worker.js ranks these first for their names
        out.append(f'<meta data-pagefind-filter="kind[content]" content="{TOPIC_KIND}">')
    if LISTINGS.fullmatch(location):
        out.append(f'<div data-pagefind-weight="{LISTING_WEIGHT}">')
    for doc in docs:
        section = doc["location"].partition("#")[2]
        weight = f' data-pagefind-weight="{FIGURES_WEIGHT}"' if KEY_FIGURES.fullmatch(doc["location"]) else ""
        heading = "h1" if not section else f'h2 id="{html.escape(section)}"'
        out.append(f"<{heading}>{esc(words(doc['title']))}</{heading[:2]}>")
        body = words(doc.get("text", "")) + hidden(doc.get(SPELLINGS_FIELD, ""))
        if body:
            out.append(f"<p{weight}>{esc(body)}</p>")
        if doc.get(NAMES_FIELD):
            out.append(f'<p data-pagefind-weight="{NAMES_WEIGHT}">{esc(hidden(doc[NAMES_FIELD]))}</p>')
        if doc.get("tags") and not section:
            tags = [w.split(HIDDEN)[-1] for tag in doc["tags"] for w in words(tag)]
            out.append(f'<p data-pagefind-weight="{TAGS_WEIGHT}">{esc(HIDDEN + t for t in tags)}</p>')
    if LISTINGS.fullmatch(location):
        out.append("</div>")
    out.append("</body></html>\n")
    return "\n".join(out)


def pages_of(docs: list[dict]) -> dict[str, list[dict]]:
    """Documents grouped by page, each page's head document first (Material writes it first)."""
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].partition("#")[0], []).append(doc)
    return pages


def query_words(docs: list[dict]) -> list[str]:
    """Every Chinese word of two characters or more the index holds, folded: the browser cuts a query into these."""
    found = set()
    for doc in docs:
        for field in ("title", "text", SPELLINGS_FIELD, NAMES_FIELD):
            found.update(HAN_WORD.findall(fold(doc.get(field, "")).replace(ZWSP, " ")))
    return sorted(found)


def word_bucket(word: str) -> int:
    return ord(word[0]) % WORD_BUCKETS


def write_word_buckets(words: list[str], folder: Path) -> None:
    """`folder`/<n>.txt: the words of bucket n, one a line (every bucket, empty or not)."""
    buckets: list[list[str]] = [[] for _ in range(WORD_BUCKETS)]
    for word in words:
        buckets[word_bucket(word)].append(word)
    folder.mkdir(parents=True, exist_ok=True)
    for number, bucket in enumerate(buckets):
        (folder / f"{number}.txt").write_text("\n".join(bucket), encoding="utf-8")


def build(docs: list[dict], site_dir: Path, work_dir: Path) -> None:
    """Write the synthetic pages into `work_dir`, index them, and put the bundle in `site_dir`/pagefind.

    `docs` is emptied once its pages are written: Pagefind runs next, beside
    this process, and at 2,000 articles the two together came to 2 GB.
    The new bundle is written beside the old one and swapped in by renames,
    so a reader searching meanwhile (under serve) gets one or the other.
    """
    pages_dir = work_dir / "pages"
    shutil.rmtree(pages_dir, ignore_errors=True)
    work_dir.mkdir(parents=True, exist_ok=True)
    with open(work_dir / "documents.json", "w", encoding="utf-8") as file:
        json.dump(docs, file, ensure_ascii=False, indent=0)
    pages_dir.mkdir(parents=True)
    words = query_words(docs)
    written = []
    for location, page_docs in pages_of(docs).items():
        # Named by its location, not its place in the list: a preview's index
        # (pages merged from two builds) and a full build's are then the same bundle.
        name = hashlib.sha1(location.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        page = synthetic_page(location, page_docs)
        written.append((name, page))
    docs.clear()
    shards = shard(written)
    del written
    for number, names in enumerate(shards):
        (pages_dir / f"{number}").mkdir()
        for name, page in names:
            (pages_dir / f"{number}" / f"{name}.html").write_text(page, encoding="utf-8")
    count = len(shards)
    shards = names = page = None  # the pages are on disk now
    site_dir.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir))
    fresh.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    try:
        release_free_memory()  # Pagefind's process comes on top of this one: give back what was freed
        for number in range(count):  # one after another: one Pagefind process at a time in memory
            run_pagefind(pages_dir / f"{number}", fresh / shard_dir(number) if number else fresh)
        write_word_buckets(words, fresh / WORDS_DIR)
        (fresh / SHARDS_FILE).write_text("".join(f"{shard_dir(n)}/\n" for n in range(1, count)), encoding="utf-8")
        swap_in(fresh, site_dir / BUNDLE_DIR)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


# Pagefind holds every page it indexes in memory, about fifty times its
# HTML (2.2 GB for the 41 MB of synthetic pages of 2,000 articles): the
# pages are indexed in shards of at most this many bytes, each its own
# bundle, which the browser merges (worker.js, `mergeIndex`). Each shard
# costs a query a few more requests and bytes.
SHARD_BYTES = 20_000_000
SHARD_BYTES_VARIABLE = "KB_SEARCH_SHARD_BYTES"  # a smaller size, for tests that need several shards


def shard(pages: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The pages, sorted by name, cut into the fewest runs of at most SHARD_BYTES of HTML, of about
    equal size (one run at least): Pagefind's memory follows the largest run, and 41 MB cut 20 + 20 + 1
    needed half as much again as 14 + 14 + 13, for the same three runs a query reads."""
    limit = int(os.environ.get(SHARD_BYTES_VARIABLE) or SHARD_BYTES)
    sized = [(name, page, len(page.encode("utf-8"))) for name, page in sorted(pages)]
    total = sum(length for _, _, length in sized)
    if not total:
        return [[(name, page) for name, page, _ in sized]]
    count = math.ceil(total / limit)
    shards: list[list[tuple[str, str]]] = [[] for _ in range(count)]
    offset = 0
    for name, page, length in sized:  # each page to the run its middle falls in
        shards[min(count - 1, int((offset + length / 2) * count / total))].append((name, page))
        offset += length
    return [run for run in shards if run]


def release_free_memory() -> None:
    """Collect garbage and hand the heap's free pages back to the system (glibc's malloc_trim).

    After rendering 2,000 articles the build process holds hundreds of MB
    it has freed but not returned; Pagefind then needs about 1 GB more."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    name = ctypes.util.find_library("c")
    try:
        ctypes.CDLL(name).malloc_trim(0)
    except (OSError, AttributeError, TypeError):  # not glibc: nothing to hand back this way
        pass


def shard_dir(number: int) -> str:
    return f"shard-{number}"


def run_pagefind(pages_dir: Path, output: Path) -> None:
    from pagefind.service import get_executable  # the binary of the pagefind-bin package

    binary = get_executable()
    if binary is None:
        raise RuntimeError("search: the pagefind binary is missing — reinstall with `pip install -e .` (pagefind[bin])")
    result = subprocess.run(
        [str(binary), "--site", str(pages_dir), "--output-path", str(output)],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"search: pagefind failed on {pages_dir}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")


def swap_in(fresh: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


class Background:
    """Under serve: the bundle is rebuilt in a thread, and the preview never waits for it.

    While it is being rebuilt, the last bundle stays in the site (copied
    back if MkDocs cleaned the folder); an edit saved meanwhile is indexed
    once the running rebuild ends, with the newest documents only.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.pending: tuple | None = None
        self.thread: threading.Thread | None = None
        self.done = threading.Event()  # set whenever no rebuild is running; for tests and the benchmark
        self.done.set()
        self.documents: dict = {}  # index.rewrite_index's `kept`: used by the thread only

    def submit(self, make_docs, site_dir: Path, work_dir: Path) -> None:
        last, target = work_dir / "last-bundle", site_dir / BUNDLE_DIR
        if not target.exists() and last.exists():  # plain `mkdocs serve` empties the site on every build
            shutil.copytree(last, target)
        with self.lock:
            self.pending = (make_docs, site_dir, work_dir)
            self.done.clear()
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.run, name="kb-search-bundle", daemon=True)
                self.thread.start()

    def run(self) -> None:
        import logging

        log = logging.getLogger("mkdocs.plugins.kb")
        while True:
            with self.lock:
                job, self.pending = self.pending, None
                if job is None:
                    self.done.set()
                    return
            make_docs, site_dir, work_dir = job
            try:
                build(make_docs(), site_dir, work_dir)
                keep = work_dir / "last-bundle"
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(site_dir / BUNDLE_DIR, keep)
                log.info("search: index updated")
            except Exception as exc:  # the preview goes on with the last index
                log.warning("search: the index could not be rebuilt: %s", exc)
