"""Benchmark: how the build, the site and search grow with the corpus.

    python -m build_scripts.tools.bench                          # 50, 500 and 2,000 articles
    python -m build_scripts.tools.bench --sizes 50,500 --no-browser

For each size it synthesises a corpus from seeds/ (deterministic: the same
`--seed` gives the same files, and a smaller corpus is a prefix of a larger
one), then measures two sites built from it, side by side:

    kb     the project's site: mkdocs.yml with the `kb` plugin on the corpus;
    plain  the baseline a user would otherwise have: stock Material (search
           on, MkDocs' automatic nav, no kb plugin), one page per cleaned
           article, the same text the kb site's source pages show.

Per site: whole `mkdocs build` time, peak memory of the build process, site
bytes, search-index bytes and the time from page load to the first search
result in headless Chromium, and to the results of the whole index (the kb
site answers first from titles and names when it is large). For kb also generation time, everything before
MkDocs renders (`load_corpus` + `compose_site`, in a fresh process, as in a
build), and, up to 500 articles, the seconds from saving an edited article
under `mkdocs serve --dirty` until the server sends its page with the edit. It prints a table and writes `bench/out/results.json`; corpora, sites
and build logs stay under `bench/out/<size>/` (git-ignored) for inspection.

Timings vary from run to run on a shared machine: `--repeat N` builds both
sites N times in turns and compares their medians; `--edits N` times N
edits in the serve session and reports their median and the slowest.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
OUT = ROOT / "bench" / "out"
DEFAULT_SIZES = (50, 500, 2000)
DEFAULT_QUERY = "机器人"
SEARCH_TIMEOUT_MS = 60_000
BROWSER_RUNS = 3  # first-result time is the median of this many cold page loads
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As tests/conftest.py: without these Chromium tries to reach Google's hosts.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# ---------------------------------------------------------------------------
# Synthetic corpora: realistic variety from five real articles.

OUTLETS = (
    "新浪科技", "36氪", "澎湃新闻", "第一财经", "财联社", "界面新闻", "21世纪经济报道", "汽车之家", "懂车帝", "太平洋汽车",
    "钛媒体", "虎嗅", "极客公园", "雷锋网", "量子位", "机器之心", "IT之家", "中国汽车报", "证券时报", "每日经济新闻",
    "智駕網", "新皮層", "經濟日報", "聯合新聞網", "鉅亨網", "Reuters", "CnEVPost", "Electrek", "Bloomberg", "TechNode",
)
AUTHORS = ("李凯婷", "王磊", "张晓雨", "陈思", "刘洋", "赵敏", "吴一凡", "周杰", "孙悦", "郑浩", "林静", "Lei Wang", "Anna Chen")
TITLE_SHAPES = ("{t}", "深度｜{t}", "{t}：{o}观察", "{t}（{d}）", "快讯：{t}", "{t}，业内怎么看")
FIRST_DAY = dt.date(2025, 1, 1)
# Share of synthetic articles that are copies: exact (the reader merges them)
# and syndicated (the same text under another outlet, slightly edited).
EXACT_COPY = 0.03
SYNDICATED = 0.12
NUMBER = re.compile(r"(?<![A-Za-z\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![A-Za-z\d.,])\d+(?:\.\d+)?(?![\d])")


@dataclass(frozen=True)
class Template:
    """A cleaned seed article, as blocks a synthetic article is made from."""

    language: str
    title: str
    blocks: tuple[tuple[str, str, str], ...]  # (kind, text, url)


def load_templates(seeds_dir: Path = SEEDS) -> list[Template]:
    from build_scripts.reading.corpus import load_corpus

    corpus = load_corpus(seeds_dir)
    return [
        Template(a.language, a.title, tuple((p.kind, p.text, p.url) for p in a.paragraphs))
        for a in sorted(corpus.articles, key=lambda a: a.file_name)
    ]


def synthesise(size: int, templates: list[Template], seed: int = 7) -> list[tuple[str, str]]:
    """`size` articles as (file name, text). Pure and deterministic.

    Each article is a seed article with its numbers and dates changed,
    sentences dropped or borrowed from another article in the same
    language, a new outlet, author, title and publication date; some are
    exact copies or syndicated copies of earlier ones, as happens with
    press releases. The corpus for `size` is a prefix of any larger one.
    """
    rng = random.Random(seed)
    pool = _sentence_pool(templates)
    files: list[tuple[str, str]] = []
    bodies: list[tuple[str, dict]] = []  # (body, front matter) of each fresh or syndicated article
    for index in range(size):
        roll = rng.random()
        if bodies and roll < EXACT_COPY:
            body, front = rng.choice(bodies)
        elif bodies and roll < EXACT_COPY + SYNDICATED:
            original, front = rng.choice(bodies)
            front = _front(rng, front["title"].split("：")[0], shift_from=front["date"])
            body = _lightly_edited(original, rng)
            bodies.append((body, front))
        else:
            template = rng.choice(templates)
            front = _front(rng, template.title)
            body = _variant(template, pool, front["date"], rng)
            bodies.append((body, front))
        name = f"{index:05d}_{rng.getrandbits(40):010x}.txt"
        files.append((name, "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body))
    return files


SYNDICATED_STORIES = 5


def synthesise_syndicated(size: int, templates: list[Template], seed: int = 7, stories: int = SYNDICATED_STORIES) -> list[tuple[str, str]]:
    """`size` articles that are near-copies of `stories` stories, as when
    dozens of portals republish one press release: each copy has its own
    outlet, title and date, some numbers changed and a paragraph dropped.
    Pure and deterministic, a prefix of any larger corpus of the same seed."""
    rng = random.Random(seed)
    pool = _sentence_pool(templates)
    originals = []
    for _ in range(stories):
        template = rng.choice(templates)
        front = _front(rng, template.title)
        originals.append((_variant(template, pool, front["date"], rng), front))
    files = []
    for index in range(size):
        body, front = originals[index % stories]
        copy = _front(rng, front["title"].split("：")[0], shift_from=front["date"])
        text = _numbers_changed(_lightly_edited(body, rng), copy["date"], rng, 0.1)
        name = f"{index:05d}_{rng.getrandbits(40):010x}.txt"
        files.append((name, "---\n" + yaml.safe_dump(copy, allow_unicode=True, sort_keys=False) + "---\n\n" + text))
    return files


CORPORA = {"varied": synthesise, "syndicated": synthesise_syndicated}


def _front(rng: random.Random, base_title: str, shift_from: dt.date | None = None) -> dict:
    date = shift_from + dt.timedelta(days=rng.randrange(0, 3)) if shift_from else FIRST_DAY + dt.timedelta(days=rng.randrange(365))
    outlet = rng.choice(OUTLETS)
    title = rng.choice(TITLE_SHAPES).format(t=base_title, o=outlet, d=date.strftime("%m/%d"))
    return {"title": title, "date": date, "outlet": outlet, "author": rng.choice(AUTHORS)}


def _variant(template: Template, pool: dict[str, list[str]], published: dt.date, rng: random.Random) -> str:
    from build_scripts.knowledge.classify import split_sentences

    sentences_elsewhere = pool[template.language]
    lines = []
    for kind, text, url in template.blocks:
        if kind != "heading" and rng.random() < 0.08:
            continue
        if kind == "image":
            lines.append(f"![{text}]({url})")
        elif kind == "heading":
            lines.append(f"**{_numbers_changed(text, published, rng, 0.2)}**" if len(text) <= 40 else text)
        else:
            sentences = []
            for sentence in split_sentences(text):
                roll = rng.random()
                if roll < 0.07:
                    continue  # dropped
                if roll < 0.37:  # a new statement: this sentence's opening, another's ending
                    sentence = _recombined(sentence, rng.choice(sentences_elsewhere), rng)
                sentences.append(sentence)
            if rng.random() < 0.15:
                sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(sentences_elsewhere))
            joiner = " " if template.language == "en" else ""
            paragraph = _numbers_changed(joiner.join(sentences), published, rng, 0.35)
            if paragraph:
                lines.append(paragraph)
    return "\n\n".join(lines) + "\n"


CLAUSE_END = re.compile(r"(?<=[，,；;])")


def _recombined(sentence: str, other: str, rng: random.Random) -> str:
    """The first clauses of `sentence` and the last of `other`: a sentence no source has yet."""
    head, tail = CLAUSE_END.split(sentence), CLAUSE_END.split(other)
    if len(head) < 2 or len(tail) < 2:
        return sentence
    return "".join(head[: rng.randrange(1, len(head))] + tail[rng.randrange(1, len(tail)):])


def _sentence_pool(templates: list[Template]) -> dict[str, list[str]]:
    """Every sentence of the templates' text, by language."""
    from build_scripts.knowledge.classify import split_sentences

    pool: dict[str, list[str]] = {}
    for template in templates:
        pool.setdefault(template.language, []).extend(
            s for kind, text, _ in template.blocks if kind == "text" for s in split_sentences(text)
        )
    return pool


def _numbers_changed(text: str, published: dt.date, rng: random.Random, share: float) -> str:
    """Some numbers scaled, some years shifted, some month/day changed."""

    def change(match: re.Match) -> str:
        written = match.group()
        if rng.random() >= share:
            return written
        following = text[match.end():match.end() + 1]
        value = float(written.replace(",", ""))
        if re.fullmatch(r"20\d\d", written):
            return str(int(value) + rng.choice((-1, 0, 1, 1)))
        if following == "月" and value <= 12:
            return str(rng.randint(1, 12))
        if following in "日号" and value <= 31:
            return str(rng.randint(1, 28))
        scaled = value * rng.choice((0.5, 0.8, 1.2, 1.5, 2, 3))
        decimals = len(written.split(".")[1]) if "." in written else 0
        if "," in written:
            return f"{scaled:,.{decimals}f}"
        return f"{scaled:.{decimals}f}"

    return NUMBER.sub(change, text)


def _lightly_edited(body: str, rng: random.Random) -> str:
    """A syndicated copy: one paragraph dropped, sometimes a closing line added."""
    paragraphs = body.rstrip("\n").split("\n\n")
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    if rng.random() < 0.5:
        paragraphs.append("（本文转载自合作媒体，内容有删节。）")
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(files: list[tuple[str, str]], seeds_dir: Path) -> None:
    if seeds_dir.exists():
        shutil.rmtree(seeds_dir)
    seeds_dir.mkdir(parents=True)
    for name, text in files:
        (seeds_dir / name).write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------
# The two sites.


def write_kb_config(work: Path, seeds_dir: Path) -> Path:
    """mkdocs.yml INHERITing the project's, pointing kb at the synthetic corpus."""
    config = work / "mkdocs.yml"
    work.mkdir(parents=True, exist_ok=True)
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        f"site_dir: {work / 'site'}\n"
        "plugins:\n"
        "  kb:\n"
        f"    seeds_dir: {seeds_dir}\n",
        encoding="utf-8",
    )
    return config


def plain_pages(seeds_dir: Path) -> dict[str, str]:
    """The cleaned articles as plain Markdown pages, one each, plus a home page."""
    from build_scripts.reading.corpus import load_corpus

    corpus = load_corpus(seeds_dir)
    pages = {"index.md": f"# 文章 Articles\n\n{len(corpus.articles)} 篇。\n"}
    for article in corpus.articles:
        lines = [f"# {article.title}", ""]
        for paragraph in article.paragraphs:
            if paragraph.kind == "heading":
                lines += [f"## {paragraph.text}", ""]
            elif paragraph.kind == "text":
                lines += [paragraph.text, ""]
        pages[f"{article.slug}.md"] = "\n".join(lines)
    return pages


def write_plain_site(work: Path, seeds_dir: Path) -> Path:
    docs = work / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for path, markdown in plain_pages(seeds_dir).items():
        (docs / path).write_text(markdown, encoding="utf-8")
    config = work / "mkdocs.yml"
    config.write_text(
        "site_name: Plain Material baseline\n"
        f"docs_dir: {docs}\n"
        f"site_dir: {work / 'site'}\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins:\n  - search\n",
        encoding="utf-8",
    )
    return config


# ---------------------------------------------------------------------------
# Measurements.


@dataclass
class BuildRun:
    seconds: float
    cpu_seconds: float  # user + system: less sensitive than wall time to other load on the machine
    peak_rss_mb: float  # the largest single process (wait4's maxrss over the build and its children)
    returncode: int
    warnings: int
    log: str
    # The whole build at its peak: the memory of the build process and every process it runs at that
    # moment (the readers of parallel.py, Pagefind), summed; sampled (MemorySampler).
    peak_tree_mb: float | None = None


class MemorySampler:
    """Samples, every `interval` seconds, the memory of a process and all its descendants, summed.

    Each process counts its proportional set size (PSS, /proc/<pid>/smaps_rollup): pages a forked
    child shares with its parent are counted once between them, as the machine holds them; where
    PSS cannot be read, its resident set. Linux only (None elsewhere)."""

    def __init__(self, pid: int, interval: float = 0.1):
        import threading

        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        if Path(f"/proc/{self.pid}").exists():
            self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        if self.thread.is_alive():
            self.thread.join()

    @property
    def peak_mb(self) -> float | None:
        return round(self.peak_kb / 1024, 1) if self.peak_kb else None

    def _run(self) -> None:
        while not self.stop_event.wait(self.interval):
            self.peak_kb = max(self.peak_kb, sum(_memory_kb(pid) for pid in _process_tree(self.pid)))


def _process_tree(pid: int) -> list[int]:
    """`pid` and its descendants, from each process's parent in /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()  # after the command name, which may hold spaces
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            pass
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += children.get(current, [])
    return tree


def _memory_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return 0


def run_build(config: Path) -> BuildRun:
    """`mkdocs build` in a child process; its own peak memory from wait4."""
    site = config.parent / "site"
    if site.exists():
        shutil.rmtree(site)
    log = config.parent / "build.log"
    env = _child_env()
    with open(log, "w", encoding="utf-8") as output:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
            stdout=output, stderr=subprocess.STDOUT, cwd=config.parent, env=env,
        )
        with MemorySampler(child.pid) as memory:
            _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    return BuildRun(
        seconds=round(seconds, 2),
        cpu_seconds=round(usage.ru_utime + usage.ru_stime, 2),
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
        returncode=child.returncode,
        warnings=text.count("WARNING"),
        log=str(log.relative_to(ROOT)) if log.is_relative_to(ROOT) else str(log),
        peak_tree_mb=memory.peak_mb,
    )


def _child_env() -> dict:
    # The code next to this file is what is measured, even when it is a copy
    # of the repository and the virtualenv holds an editable install of another.
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=path)


def generation_seconds(seeds_dir: Path) -> dict[str, float]:
    """load_corpus + compose_site, timed in a fresh process as a build runs them."""
    code = "import json, sys; from build_scripts.tools.bench import _time_generation; print(json.dumps(_time_generation(sys.argv[1])))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(seeds_dir)], capture_output=True, text=True, cwd=ROOT, env=_child_env(), check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _time_generation(seeds_dir: str) -> dict[str, float]:
    from build_scripts.parallel import available_cores
    from build_scripts.reading.corpus import load_corpus
    from build_scripts.pages.site import compose_site

    start = time.perf_counter()
    corpus = load_corpus(Path(seeds_dir), workers=available_cores())  # as `mkdocs build` runs it (plugin.py)
    read = time.perf_counter()
    site = compose_site(corpus, workers=available_cores())
    done = time.perf_counter()
    return {
        "read_s": round(read - start, 3), "compose_s": round(done - read, 3), "total_s": round(done - start, 3),
        "articles": len(corpus.articles), "pages": len(site.pages),
    }


def directory_bytes(directory: Path) -> int:
    return sum(f.stat().st_size for f in directory.rglob("*") if f.is_file())


# Timed inside the page, on the page's clock: when the result list is
# filled (first time, and last time: the two-pass worker fills it again when
# its whole index is ready), counted from the load event. Timing from Python
# added 0.2 to 0.4 s of Playwright round trips (click, keys, polling).
RESULT_CLOCK = """(() => {
  window.kbResultTimes = []
  new MutationObserver(() => {
    if (document.querySelector(".md-search-result__item")) window.kbResultTimes.push(performance.now())
  }).observe(document, { childList: true, subtree: true })
})()"""
SINCE_LOAD = """() => {
  const load = performance.getEntriesByType("navigation")[0].loadEventEnd
  const times = window.kbResultTimes
  return [times[0] - load, times[times.length - 1] - load]
}"""


NEXT_QUERY = "飛行汽車"  # typed after the first query: what a second search downloads
# A slow connection, applied by the benchmark's own server to every response
# (page and worker alike): 40 ms before each response, and 10 Mbit/s shared
# by all responses in flight.
THROTTLE = {"latency_s": 0.040, "bytes_per_s": 10e6 / 8}
# What a site downloads for search: stock Material's index and worker,
# the kb site's Pagefind bundle and worker.
SEARCH_FILES = re.compile(r"/search/search_index\.json|/pagefind/|/workers/|/lunr/")


def search_result_times(site: Path, query: str, runs: int = BROWSER_RUNS, throttled: bool = False) -> dict:
    """Medians over `runs` cold page loads of the home page, the query typed
    as soon as the page has loaded: seconds from the load event to the first
    result shown (`first`) and to the last change of the list (`all`), and
    the bytes search downloaded up to the first query's results (`first_bytes`,
    Material's index included, which it fetches on every page view) and for
    a next query (`next_bytes`)."""
    empty = {"first": None, "all": None, "first_bytes": None, "next_bytes": None}
    if not Path(CHROMIUM).exists():
        return empty
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    base, stop = _serve(site, THROTTLE if throttled else None)
    firsts, alls, first_bytes, next_bytes = [], [], [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 800})  # cold: no cache
                page = context.new_page()
                received: list[int] = []
                page.on("requestfinished", lambda request: SEARCH_FILES.search(request.url) and received.append(_response_bytes(request)))
                page.add_init_script(RESULT_CLOCK)
                page.goto(base + "/", wait_until="load")
                page.locator("input.md-search__input").click()
                page.keyboard.type(query)
                # Chinese arrives as text input, as from an input method; Material
                # reads the box on a key event, which committing the text gives.
                page.keyboard.press("End")
                try:
                    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=SEARCH_TIMEOUT_MS)
                    _wait_for_whole_index(page)
                    page.wait_for_timeout(500)  # stock Material: the list is filled as the index grows
                    first, last = page.evaluate(SINCE_LOAD)
                    firsts.append(first / 1000)
                    alls.append(last / 1000)
                    first_bytes.append(sum(received))
                    received.clear()
                    page.locator("input.md-search__input").fill(NEXT_QUERY)
                    page.keyboard.press("End")
                    page.wait_for_timeout(1500)
                    next_bytes.append(sum(received))
                except PlaywrightTimeout:
                    meta = page.locator(".md-search-result__meta").inner_text()
                    print(f"  no search result for {query!r} in {SEARCH_TIMEOUT_MS / 1000:g} s ({meta.strip()})", file=sys.stderr)
                context.close()
            browser.close()
    finally:
        stop()
    median = lambda values, digits=2: round(statistics.median(values), digits) if values else None  # noqa: E731
    return {"first": median(firsts), "all": median(alls), "first_bytes": median(first_bytes, 0), "next_bytes": median(next_bytes, 0)}


def _response_bytes(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def _wait_for_whole_index(page) -> None:
    worker = page.workers[0]
    while worker.evaluate("self.kbSearchState") not in (None, "complete"):  # None: stock Material
        time.sleep(0.05)


def _serve(directory: Path, throttle: dict | None = None):
    import functools
    import http.server
    import threading

    pace = threading.Lock()
    free_at = [0.0]  # when the shared line is free again

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            if throttle:
                time.sleep(throttle["latency_s"])
            return super().send_head()

        def copyfile(self, source, outputfile):
            if not throttle:
                return super().copyfile(source, outputfile)
            while chunk := source.read(16384):
                with pace:
                    free_at[0] = max(free_at[0], time.perf_counter()) + len(chunk) / throttle["bytes_per_s"]
                    until = free_at[0]
                time.sleep(max(0.0, until - time.perf_counter()))
                outputfile.write(chunk)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server.shutdown


SERVE_MAX_SIZE = 500  # serve is measured up to this size by default: its first build is a full one


def serve_edit_seconds(seeds_dir: Path, work: Path, edits: int = 1) -> dict:
    """`mkdocs serve --dirty` on a copy of the corpus: seconds from saving an
    edit to one article (a sentence added) until the server sends its page
    with the edit, which is when livereload reloads the browser.

    With `edits` > 1 the article is edited that many times in the one
    session, a sentence more each time, a moment apart: MkDocs notices a
    save at its next poll (every 0.5 s) and Python's cycle collector runs in
    some rebuilds only, so one edit says little about the next one.
    """
    import socket

    from build_scripts.reading.corpus import load_corpus

    copy = work / "seeds"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(seeds_dir, copy)
    article = load_corpus(copy).articles[len(list(copy.glob("*.txt"))) // 3]
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\nplugins:\n  kb:\n    seeds_dir: {copy}\n", encoding="utf-8"
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = work / "serve.log"
    started = time.perf_counter()
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}", "-f", str(config)],
            stdout=output, stderr=subprocess.STDOUT, cwd=work, env=_child_env(),
        )
    url = f"http://127.0.0.1:{port}/sources/{article.slug}/"
    path = copy / article.file_name
    try:
        while "Serving on" not in log.read_text(encoding="utf-8", errors="replace"):
            if server.poll() is not None or time.perf_counter() - started > 900:
                raise RuntimeError(f"mkdocs serve did not start; see {log}")
            time.sleep(0.2)
        first_build = round(time.perf_counter() - started, 2)
        seconds, searchable = [], []
        words_url = f"http://127.0.0.1:{port}/pagefind/kb-words/{{bucket}}.txt"  # bundle.write_word_buckets
        for number in range(edits):
            time.sleep(EDIT_PAUSE_S if number else 0)
            shown, found = _edit_and_wait(path, url, f"基准测试编辑{int(time.time())}n{number}", words_url, number)
            seconds.append(shown)
            searchable.append(found)
            if seconds[-1] is None:
                break
    finally:
        server.terminate()
        server.wait(30)
    all_shown = bool(seconds) and None not in seconds
    all_found = bool(searchable) and None not in searchable
    return {
        "first_build_s": first_build,
        "searchable_s": searchable,
        "edit_to_search_s": round(statistics.median(searchable), 2) if all_found else None,
        "edits_s": seconds,
        "edit_to_page_s": round(statistics.median(seconds), 2) if all_shown else None,
        "slowest_edit_s": max(seconds) if all_shown else None,
    }


EDIT_PAUSE_S = 2.0  # between two edits of one serve session: the previous rebuild is over, the poll phase varies


# A word in no article, one per edit: when the search bundle's word list
# holds it, the bundle that indexes the edit is the one served.
NEW_WORDS = ("鸵鸟", "犀牛", "企鹅", "袋鼠", "羚羊", "骆驼", "海豚", "松鼠", "孔雀", "蜻蜓")


def _edit_and_wait(path: Path, url: str, marker: str, words_url: str = "", number: int = 0) -> tuple[float | None, float | None]:
    """Add a sentence with `marker` to the article: seconds until `url`
    serves it, and until search finds it (`words_url`, the word-list bucket
of its new word, lists the word);
    None after two minutes."""
    import urllib.request

    def contains(address: str, text: str) -> bool:
        try:
            with urllib.request.urlopen(address, timeout=10) as response:
                return text in response.read().decode("utf-8", "replace")
        except OSError:
            return False

    from build_scripts.search.bundle import word_bucket

    word = NEW_WORDS[number % len(NEW_WORDS)]
    words_url = words_url.format(bucket=word_bucket(word))
    text = path.read_text(encoding="utf-8")
    saved = time.perf_counter()
    path.write_text(text.rstrip("\n") + f"\n\n小鹏汽车表示{marker}将于明年推出，{word}。\n", encoding="utf-8")
    shown = found = None
    while time.perf_counter() - saved < 120 and (shown is None or (words_url and found is None)):
        if shown is None and contains(url, marker):
            shown = round(time.perf_counter() - saved, 2)
        if words_url and found is None and contains(words_url, word):
            found = round(time.perf_counter() - saved, 2)
        time.sleep(0.05)
    return shown, found


@dataclass
class SiteResult:
    build: BuildRun
    site_bytes: int
    search_index_bytes: int
    first_result_s: float | None
    all_results_s: float | None
    first_result_throttled_s: float | None = None
    all_results_throttled_s: float | None = None
    heaviest_pages: list = field(default_factory=list)  # [(path, bytes, elements)] of the three largest HTML pages
    pages_over_budget: list = field(default_factory=list)  # [path] of the HTML pages over PAGE_BYTES or PAGE_ELEMENTS
    first_query_bytes: int | None = None  # what search downloads until the first query's results show
    next_query_bytes: int | None = None  # ... and for one more query
    generation: dict = field(default_factory=dict)


def successful_build(config: Path) -> BuildRun:
    """run_build, or an error naming the log when the build failed."""
    build = run_build(config)
    if build.returncode != 0:
        raise RuntimeError(f"mkdocs build failed for {config}; see {build.log}")
    return build


def measure_site(config: Path, query: str, browser: bool) -> SiteResult:
    build = successful_build(config)
    site = config.parent / "site"
    index = site / "search" / "search_index.json"
    bundle = site / "pagefind"  # the kb site's index, fetched a piece at a time
    none = {"first": None, "all": None, "first_bytes": None, "next_bytes": None}
    times = search_result_times(site, query) if browser else none
    slow = search_result_times(site, query, throttled=True) if browser else none
    return SiteResult(
        build=build,
        site_bytes=directory_bytes(site),
        search_index_bytes=(index.stat().st_size if index.exists() else 0) + (directory_bytes(bundle) if bundle.exists() else 0),
        first_result_s=times["first"],
        all_results_s=times["all"],
        first_result_throttled_s=slow["first"],
        all_results_throttled_s=slow["all"],
        first_query_bytes=times["first_bytes"],
        next_query_bytes=times["next_bytes"],
        heaviest_pages=heaviest_pages(site),
        pages_over_budget=pages_over_budget(site),
    )


ELEMENT = re.compile(rb"<[A-Za-z]")
PAGE_BYTES, PAGE_ELEMENTS = 300_000, 5_000  # issue 25's budget for one page at 2,000 articles


def pages_over_budget(site: Path) -> list[str]:
    over = []
    for page in sorted(site.rglob("*.html")):
        if page.stat().st_size > PAGE_BYTES or len(ELEMENT.findall(page.read_bytes())) > PAGE_ELEMENTS:
            over.append(page.relative_to(site).as_posix())
    return over


def heaviest_pages(site: Path, count: int = 3) -> list[list]:
    """The largest HTML pages: [site-relative path, bytes, elements] (lists: results.json reads back the same)."""
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)[:count]
    return [[p.relative_to(site).as_posix(), p.stat().st_size, len(ELEMENT.findall(p.read_bytes()))] for p in pages]


def run(
    sizes, out: Path = OUT, seed: int = 7, browser: bool = True, query: str = DEFAULT_QUERY, plain: bool = True,
    serve_up_to: int = SERVE_MAX_SIZE, repeat: int = 1, edits: int = 1, corpus: str = "varied",
) -> dict:
    templates = load_templates()
    results = {
        "seed": seed, "query": query, "corpus": corpus, "python": sys.version.split()[0], "cpus": os.cpu_count(),
        "date": dt.datetime.now().isoformat(timespec="seconds"), "sizes": [],
    }
    for size in sizes:
        work = out / str(size)
        seeds_dir = work / "seeds"
        write_corpus(CORPORA[corpus](size, templates, seed), seeds_dir)
        entry = {"size": size, "seed_bytes": directory_bytes(seeds_dir)}
        generation = generation_seconds(seeds_dir)
        configs = {"kb": write_kb_config(work / "kb", seeds_dir)}
        if plain:
            configs["plain"] = write_plain_site(work / "plain", seeds_dir)
        for name, config in configs.items():
            entry[name] = asdict(measure_site(config, query, browser))
        entry["kb"]["generation"] = generation
        entry["articles"] = generation["articles"]
        # Both sites again, in turns: on a shared machine one build can take a fifth longer
        # than the next, so the ratio is taken between medians.
        for name in configs:
            entry[name]["build_runs_s"] = [entry[name]["build"]["seconds"]]
            entry[name]["build_runs_cpu_s"] = [entry[name]["build"]["cpu_seconds"]]
        for _ in range(repeat - 1):
            for name, config in configs.items():
                again = successful_build(config)
                entry[name]["build_runs_s"].append(again.seconds)
                entry[name]["build_runs_cpu_s"].append(again.cpu_seconds)
        if size <= serve_up_to:
            entry["serve"] = serve_edit_seconds(seeds_dir, work / "serve", edits)
        results["sizes"].append(entry)
        print(f"  {size} articles measured", file=sys.stderr, flush=True)
    _add_ratios(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return results


def _add_ratios(results: dict) -> None:
    by_size = {entry["size"]: entry for entry in results["sizes"]}
    for entry in results["sizes"]:
        kb, plain = entry["kb"], entry.get("plain")
        ratios = {"generation_share": round(kb["generation"]["total_s"] / build_seconds(kb), 3)}
        if plain:
            ratios["build_vs_plain"] = round(build_seconds(kb) / build_seconds(plain), 2)
            ratios["cpu_vs_plain"] = round(build_cpu_seconds(kb) / build_cpu_seconds(plain), 2)
            if plain["search_index_bytes"]:
                ratios["index_vs_plain"] = round(kb["search_index_bytes"] / plain["search_index_bytes"], 2)
        entry["ratios"] = ratios
    if 500 in by_size and 2000 in by_size:
        results["generation_2000_over_500"] = round(
            by_size[2000]["kb"]["generation"]["total_s"] / by_size[500]["kb"]["generation"]["total_s"], 2
        )


def build_seconds(site: dict) -> float:
    """The site's build time: the median of its builds (more than one with --repeat)."""
    return round(statistics.median(site["build_runs_s"]), 2)


def build_cpu_seconds(site: dict) -> float:
    """CPU seconds of the site's builds, every process of each (the median with --repeat): on a
    shared machine a build's wall time follows the other load, its CPU time less."""
    return round(statistics.median(site.get("build_runs_cpu_s") or [site["build"]["cpu_seconds"]]), 2)


def table(results: dict) -> str:
    header = ("articles", "site", "gen s", "gen %", "build s", "×plain", "CPU s", "×plain", "peak MB 1/all", "site MB", "index MB", "×plain", "1st result s", "all results s",
              "throttled s", "query KB", "serve edit s", "searchable s")
    # throttled s: first / all results at 10 Mbit/s and 40 ms; query KB: search's download for a first / a next query
    # peak MB 1/all: the largest single process / all the build's processes together at their peak (PSS)
    # build s, CPU s: the median with --repeat; serve edit s: the median and the slowest with --edits
    rows = [header]
    for entry in results["sizes"]:
        for name in ("kb", "plain"):
            site = entry.get(name)
            if not site:
                continue
            gen = site.get("generation") or {}
            ratios = entry["ratios"] if name == "kb" else {}
            rows.append((
                str(entry["size"]) if name == "kb" else "",
                name,
                f"{gen['total_s']:.2f}" if gen else "",
                f"{100 * ratios['generation_share']:.0f}%" if gen else "",
                f"{build_seconds(site):.2f}",
                f"{ratios['build_vs_plain']:.2f}" if "build_vs_plain" in ratios else "",
                f"{build_cpu_seconds(site):.2f}",
                f"{ratios['cpu_vs_plain']:.2f}" if "cpu_vs_plain" in ratios else "",
                _pair(site["build"]["peak_rss_mb"], site["build"].get("peak_tree_mb"), "{:.0f}"),
                f"{site['site_bytes'] / 1e6:.1f}",
                f"{site['search_index_bytes'] / 1e6:.2f}",
                f"{ratios['index_vs_plain']:.2f}" if "index_vs_plain" in ratios else "",
                "—" if site["first_result_s"] is None else f"{site['first_result_s']:.2f}",
                "—" if site.get("all_results_s") is None else f"{site['all_results_s']:.2f}",
                _pair(site.get("first_result_throttled_s"), site.get("all_results_throttled_s"), "{:.2f}"),
                _pair(site.get("first_query_bytes"), site.get("next_query_bytes"), "{:.0f}", 1e-3),
                _serve_cell(entry.get("serve")) if name == "kb" else "",
                _searchable_cell(entry.get("serve")) if name == "kb" else "",
            ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    for entry in results["sizes"]:
        heaviest = (entry["kb"].get("heaviest_pages") or [None])[0]
        if heaviest:
            lines.append(f"{entry['size']} articles: heaviest page {heaviest[0]}, {heaviest[1] / 1e3:.0f} KB, {heaviest[2]:,} elements")
        over = entry["kb"].get("pages_over_budget") or []
        if over:
            lines.append(f"{entry['size']} articles: {len(over)} page(s) over {PAGE_BYTES // 1000} KB or {PAGE_ELEMENTS:,} elements: "
                         + ", ".join(over[:8]) + (" …" if len(over) > 8 else ""))
    if "generation_2000_over_500" in results:
        lines.append(f"generation t(2000)/t(500) = {results['generation_2000_over_500']}")
    return "\n".join(lines)


def _pair(first, second, shape: str, scale: float = 1.0) -> str:
    if first is None:
        return "—"
    return f"{shape.format(first * scale)} / {'—' if second is None else shape.format(second * scale)}"


def _searchable_cell(serve: dict | None) -> str:
    if not serve or not serve.get("searchable_s"):
        return ""
    found = serve["searchable_s"]
    if None in found:
        return "not found"
    return f"{serve['edit_to_search_s']:.2f}" + (f" (max {max(found):.2f})" if len(found) > 1 else "")


def _serve_cell(serve: dict | None) -> str:
    """The median edit, and the slowest when there were several: "1.42 (max 1.71)"."""
    if not serve:
        return ""
    if serve["edit_to_page_s"] is None:
        return "not shown"
    if len(serve.get("edits_s") or []) > 1:
        return f"{serve['edit_to_page_s']:.2f} (max {serve['slowest_edit_s']:.2f})"
    return f"{serve['edit_to_page_s']:.2f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.tools.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated article counts (default: 50,500,2000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the synthetic corpora (default: 7)")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: bench/out)")
    parser.add_argument("--query", default=DEFAULT_QUERY, help=f"search query typed in the browser (default: {DEFAULT_QUERY})")
    parser.add_argument("--no-browser", action="store_true", help="skip the time-to-first-search-result step")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="varied",
                        help="varied (default): seed articles varied, some copies; syndicated: near-copies of "
                             f"{SYNDICATED_STORIES} stories, as portals republish a press release")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain Material baseline")
    parser.add_argument(
        "--serve-up-to", type=int, default=SERVE_MAX_SIZE, metavar="N",
        help=f"time an edit under `mkdocs serve --dirty` for sizes up to N (default: {SERVE_MAX_SIZE}; 0 skips it)",
    )
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="build each site N times, in turns, and compare the medians (default: 1)")
    parser.add_argument("--edits", type=int, default=1, metavar="N",
                        help="time N edits, one after another, in the serve session (default: 1)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results = run(
        sizes, args.out.resolve(), args.seed, browser=not args.no_browser, query=args.query, plain=not args.no_plain,
        serve_up_to=args.serve_up_to, repeat=max(1, args.repeat), edits=max(1, args.edits), corpus=args.corpus,
    )
    print(table(results))
    print(f"JSON: {args.out / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
