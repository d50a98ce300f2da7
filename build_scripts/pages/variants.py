"""Generated pages → the same pages in one script each: 简体 at their own path, 繁體 under `zh-Hant/`.

In: {docs-relative path: Markdown} as `site.compose_site` assembles it. Out:
the same mapping in which every page is in Simplified throughout, plus a
Traditional copy at `zh-Hant/<path>`; kb.json and other files that are no
page pass through once. The two trees are parallel: a relative link between
pages is the same in both, and the plugin draws each copy's tabs, sidebar and
footer from its own nav (`variant_nav`), so a reader who enters in 繁體 stays
in 繁體 — tags, sources index, source pages, Problems and to-check included.

zh.wikipedia's model: one text, shown in the reader's script, converted at
build time, quotes as written. Here that means:

* Every Chinese word a page shows is converted with OpenCC, phrase by phrase
  (`t2s` for the Simplified page, `s2twp` for the Traditional one), list items
  quoted from articles in the other script included, so no page switches
  script from one line to the next.
* What is *not* the page's own voice keeps its article's words and script:
  the hover text of a citation (the Markdown link title, `"…"`), anything
  inside an HTML tag, code (file names, YAML to paste), and an element
  marked `translate="no"` — an article's title, headings and paragraphs on
  its source page, in both copies. English is never touched: OpenCC leaves
  Latin text as it is.
* A link from a Traditional page to a file that is no page (kb.json) is
  rewritten to reach the one copy at the root.
* The Traditional copies say `search: exclude: true`: search finds each page
  once, and the browser sends a reader who chose 繁體 to its copy
  (docs/assets/kb.js). `variants:` in both copies' front matter names the
  pair, for the language switcher and the `hreflang` links (overrides/).

Why `s2twp`: a Taiwan reader expects the site's own words in Taiwan's
vocabulary (芯片 → 晶片, 出租车 → 計程車, 视频 → 影片, 硬件 → 硬體), not only its
glyphs. `s2twp` alone would also rewrite what is not the site's to reword:
a quoted sentence (the cited source says 芯片, as the Traditional articles in
seeds/ do) and a name (界面新闻 is no 介面新聞, 南都N视频 no 南都N影片). So the
Traditional copy converts in two ways: the site's own text with `s2twp`;
text marked as written (`<span class="kb-as-written">`: excerpts, the
sources' time words, outlet names on citations) and the names of people,
organisations and outlets (entities.yml, outlets.yml) with `s2tw`, which
changes glyphs only (发 → 發 or 髮 by the phrase). `s2hk` uses Hong Kong
glyphs (峯, 羣, 裏) that most Traditional readers, in Taiwan, do not: it is the
option for a Hong Kong readership (mkdocs.yml `kb: traditional: hong_kong`),
for quoted words; the site's own words then follow OpenCC's Hong Kong phrase
table (`s2hkp`: 搜索 → 搜尋) where the installed OpenCC has one.

A region's words are applied wherever the sentence has them as words, in
compounds too (无人驾驶出租车 → 無人駕駛計程車, which OpenCC alone leaves as
無人駕駛出租車), and regional_words.yml adds what OpenCC's table lacks (Hong
Kong's 的士): see RegionalWording below.
"""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
import tempfile
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s
from build_scripts.reading.language import converter, plain_converter

SIMPLIFIED, TRADITIONAL = "zh-Hans", "zh-Hant"
VARIANT_DIR = "zh-Hant"  # the Traditional pages' folder: /zh-Hant/topics/<slug>/
AS_WRITTEN = "zh-Hant-as-written"  # quotes and names on a Traditional page: the script changes, the words do not
OPENCC_CONFIG = {SIMPLIFIED: "t2s", TRADITIONAL: "s2twp", AS_WRITTEN: "s2tw"}


def _hong_kong_words() -> str:
    """s2hkp (OpenCC's Hong Kong phrase table: 搜索 → 搜尋, 服务器 → 伺服器) where the installed OpenCC has it."""
    try:
        plain_converter("s2hkp")
    except Exception:  # OpenCC before 1.2 ships no Hong Kong phrases: glyphs, and regional_words.yml
        return "s2hk"
    return "s2hkp"


# mkdocs.yml `kb: traditional:` — the site's own words and quoted words, for each region's readers
REGIONS = {"taiwan": {TRADITIONAL: "s2twp", AS_WRITTEN: "s2tw"}, "hong_kong": {TRADITIONAL: "s2hk", AS_WRITTEN: "s2hk"}}
REGION = {"name": "taiwan"}  # the region use_region chose: whose words regional_words.yml adds


def use_region(region: str) -> None:
    """Convert the 繁體 pages for `region`'s readers (a key of REGIONS)."""
    OPENCC_CONFIG.update(REGIONS[region])
    if region == "hong_kong":
        OPENCC_CONFIG[TRADITIONAL] = _hong_kong_words()
    REGION["name"] = region
# Where Taiwan's software vocabulary misreads this subject, the words keep
# their glyph-only form: a product is 發佈 (unveiled), not 釋出 (a software
# release); a model's 参数 are its parameters (參數), not a function's
# arguments (引數).
KEEP_WORDS = ("发布", "参数")


def as_written(markdown: str) -> str:
    """Mark words a page shows as its source writes them (a quote, an outlet's name): on a 繁體 page, glyphs change, words do not."""
    return f'<span class="kb-as-written">{markdown}</span>' if markdown else markdown

# Every page has its two copies; nothing under zh-Hant/ is copied again.
NOT_VARIANT_PREFIXES = (f"{VARIANT_DIR}/",)


def has_variant(path: str) -> bool:
    """Whether a generated page is shown in the reader's script (and so exists under zh-Hant/): every page is."""
    return path.endswith(".md") and not path.startswith(NOT_VARIANT_PREFIXES)


def variant_path(path: str, variant: str) -> str:
    return f"{VARIANT_DIR}/{path}" if variant == TRADITIONAL else path


def variant_of(path: str) -> str:
    return TRADITIONAL if path.startswith(f"{VARIANT_DIR}/") else SIMPLIFIED


def to_script(text: str, variant: str) -> str:
    """`text` in the variant's script; on a Traditional page, names keep their words (only their glyphs change)."""
    if variant != TRADITIONAL:
        return converter(OPENCC_CONFIG[variant]).convert(text)
    names = _names()
    wording = regional_wording(OPENCC_CONFIG[TRADITIONAL], REGION["name"])
    if names is None or not names.search(text):
        return wording.convert(text)
    parts = names.split(text)  # odd items are names
    if NAME_PLACEHOLDER in text:
        parts[::2] = [wording.convert(part) for part in parts[::2]]
    else:  # one call, as convert_text does; a placeholder of its own, for text holding convert_text's
        parts[::2] = wording.convert(NAME_PLACEHOLDER.join(parts[::2])).split(NAME_PLACEHOLDER)
    parts[1::2] = [converter(OPENCC_CONFIG[AS_WRITTEN]).convert(name) for name in parts[1::2]]
    return "".join(parts)


@data_files.loader  # read from entities.yml and outlets.yml: read again when they are edited
def _names() -> re.Pattern | None:
    """The names Taiwan's vocabulary would reword (界面新闻, 大众汽车), longest first; None when there are none."""
    from build_scripts.knowledge.entities import load_entities
    from build_scripts.reading.outlets import load_outlets

    outlets = load_outlets()
    candidates = {name for entity in load_entities() for name in entity.names}
    candidates |= set(outlets.by_name.values()) | {p.name for p in outlets.platforms.values()} | set(KEEP_WORDS)
    wording, glyphs = regional_wording(OPENCC_CONFIG[TRADITIONAL], REGION["name"]), converter(OPENCC_CONFIG[AS_WRITTEN])
    reworded = sorted((n for n in candidates if n and wording.convert(n) != glyphs.convert(n)), key=len, reverse=True)
    return re.compile("(" + "|".join(map(re.escape, reworded)) + ")") if reworded else None


# -- The region's words, wherever the sentence has them as words ------------
#
# OpenCC cuts the Simplified text into words once, greedily from the left,
# with its Simplified→Traditional phrase list, and only then looks each piece
# up in the region's phrase table. A regional word that the greedy cut splits
# is never seen whole: in 无人驾驶出租车 the cut takes 驶出 ("drive out"), so
# 出租车 becomes 租 + 车 and stays 出租車 where Taiwan writes 計程車. A
# dictionary segmentation of the sentence (jieba's, which weighs every way to
# cut it) says where its words are: 无人驾驶 | 出租车. Where a regional word
# starts and ends at its cuts, it is marked off so that OpenCC sees it whole;
# where a candidate crosses one of its cuts (监视 | 频繁 holds 视频), the
# cut is marked so that OpenCC does not read the word across it either.

REGIONAL_WORDS_FILE = Path(__file__).parent.parent / "data" / "regional_words.yml"
_REGIONAL_WORDS = s.Record({
    "regions": s.Record({}, optional={
        region: s.MapOf(
            s.Check(s.Text(), lambda word: len(word) > 1 and converter("t2s").convert(word) == word,
                    "is not a word of two or more characters in Simplified script",
                    "write the word as the Simplified site writes it, e.g. 出租车"),
            s.Text(),
            hint="a word in Simplified script and how the region's readers write it, e.g. 出租车: 的士",
        ) for region in REGIONS
    }),
})
CUT = "\ue002"  # marks a word's edges for OpenCC: no phrase spans a private-use character; removed after
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
RUNS_KEPT = 200_000
# OpenCC's conversion with a region's phrase table, and the same without it (glyphs only)
GLYPHS_ONLY = {"s2twp": "s2tw", "s2hkp": "s2hk"}


@data_files.loader
def load_regional_words(path=REGIONAL_WORDS_FILE) -> dict[str, dict[str, str]]:
    """{region: {Simplified word: the region's word}} from regional_words.yml."""
    data = s.load(path, _REGIONAL_WORDS)
    return {region: dict(words) for region, words in data["regions"].items()}


def regional_wording(config: str, region: str) -> "RegionalWording":
    """The converter of a 繁體 page's own words for `region`'s readers (OpenCC `config` and regional_words.yml)."""
    return _regional_wording(config, tuple(sorted(load_regional_words().get(region, {}).items())))


@lru_cache(maxsize=4)
def _regional_wording(config: str, words: tuple[tuple[str, str], ...]) -> "RegionalWording":
    return RegionalWording(config, dict(words))


class RegionalWording:
    """OpenCC's conversion for a region's readers, its phrase table applied to every word the sentence has."""

    def __init__(self, config: str, words: dict[str, str]):
        self.base = plain_converter(config)
        self.words = words  # regional_words.yml's words and their regional form
        self.runs: dict[str, str] = {}  # each run marked once: names and labels recur on every page
        # The candidates by their first two characters, longest first: a scan
        # by pairs is ten times quicker than one regular expression of
        # thousands of alternatives.
        self.by_start: dict[str, list[str]] = {}
        for word in sorted(set(words) | _reworded_words(config), key=len, reverse=True):
            self.by_start.setdefault(word[:2], []).append(word)

    def find(self, run: str, at: int = 0) -> tuple[int, int] | None:
        """(start, end) of the first candidate in `run` from `at` (the longest at its start), or None."""
        by_start = self.by_start
        for start in range(at, len(run) - 1):
            for word in by_start.get(run[start:start + 2], ()):
                if run.startswith(word, start):
                    return start, start + len(word)
        return None

    def convert(self, text: str) -> str:
        if not self.by_start or CUT in text:
            return self.base.convert(text)
        return self.base.convert(HAN_RUN.sub(self._marked, text)).replace(CUT, "")

    def _marked(self, found: re.Match) -> str:
        """A run of Han characters with its regional words marked off (and replaced by regional_words.yml's)."""
        run = found.group()
        marked = self.runs.get(run)
        if marked is None:
            if len(self.runs) >= RUNS_KEPT:  # a long serve session: start again rather than grow
                self.runs.clear()
            marked = self.runs[run] = self._marked_run(run)
        return marked

    def _marked_run(self, run: str) -> str:
        match = self.find(run)
        if match is None:
            return run
        cuts = set(accumulate(map(len, _segmenter().cut(run, HMM=False)), initial=0))
        whole: dict[int, int] = {}  # start → end of each word OpenCC is to see whole
        edges: set[int] = set()  # places OpenCC must not read a word across
        while match is not None:
            start, end = match
            if start in cuts and end in cuts:  # one word of the sentence, or several (视频 | 会议)
                whole[start] = end
                edges.update((start, end))
                match = self.find(run, end)
            else:  # it crosses a word's edge (监视 | 频繁 holds 视频): not this word here
                edges.update(cut for cut in cuts if start < cut < end)
                match = self.find(run, start + 1)
        out, at = [], 0
        while at < len(run):
            if at in edges:
                out.append(CUT)
            if at in whole:
                word = run[at:whole[at]]
                out.append(self.words.get(word, word))
                at = whole[at]
            else:
                out.append(run[at])
                at += 1
        return "".join(out)


REWORDED_WORDS_FORMAT = 1  # raise when what _reworded_words keeps changes meaning


@lru_cache(maxsize=4)
def _reworded_words(config: str) -> frozenset[str]:
    """The words of jieba's dictionary that `config`'s phrase table rewords (出租车, 芯片组, 视频会议), in Simplified.

    OpenCC's tables themselves are compiled files its Python package does not
    read out; converting the dictionary's 350,000 words both ways (half a
    second) finds the words they hold, once per OpenCC version and dictionary.
    """
    glyphs = GLYPHS_ONLY.get(config)
    if glyphs is None:  # a conversion of glyphs only (s2hk): no phrase table to apply
        return frozenset()
    import jieba
    import opencc

    dictionary = (Path(jieba.__file__).parent / "dict.txt").read_bytes()
    # The answer depends on nothing but these, so it is kept between builds beside jieba's own
    # cache of the same dictionary (most of a small build's time went to working it out again).
    key = hashlib.sha1(repr((config, glyphs, getattr(opencc, "__version__", ""), REWORDED_WORDS_FORMAT)).encode() + dictionary).hexdigest()
    kept = Path(tempfile.gettempdir()) / f"xpeng-kb-reworded-{key[:16]}.txt"
    try:
        header, *words = kept.read_text(encoding="utf-8").split("\n")
        if header == key:
            return frozenset(words)
    except (OSError, UnicodeDecodeError, ValueError):
        pass  # not kept yet, or unreadable: worked out again below
    words = [line.split(" ", 1)[0] for line in dictionary.decode("utf-8").splitlines()]
    words = [word for word in words if len(word) > 1]
    joined = "\n".join(words)
    reworded = plain_converter(config).convert(joined).split("\n")
    glyphs_only = plain_converter(glyphs).convert(joined).split("\n")
    found = frozenset(word for word, theirs, glyph in zip(words, reworded, glyphs_only) if theirs != glyph)
    try:  # written whole, then renamed: a build beside this one reads the old file or the new, never half
        partial = kept.with_name(f"{kept.name}.{os.getpid()}")
        partial.write_text("\n".join([key, *sorted(found)]), encoding="utf-8")
        os.replace(partial, kept)
    except OSError:
        pass  # a read-only temporary folder costs the half second again next time, nothing else
    return found


def _segmenter():
    """A jieba of its own, with jieba's dictionary only: the search index adds words to the shared one as it goes."""
    from build_scripts.knowledge.clauses import plain_jieba

    return plain_jieba()


def one_script_per_page(pages: dict[str, str], in_both_scripts=None) -> dict[str, str]:
    """Each page with variants in Simplified, plus its Traditional copy under zh-Hant/; other pages as they are.

    `in_both_scripts` is page_in_both_scripts, or under `mkdocs serve` the
    preview cache's, which keeps a page's copies while its text is the same.
    """
    in_both_scripts = in_both_scripts or page_in_both_scripts
    converted = dict(pages)
    with_variants = frozenset(path for path in pages if has_variant(path))
    for path in sorted(with_variants):
        converted[path], converted[variant_path(path, TRADITIONAL)] = in_both_scripts(pages[path], path, with_variants)
    for path in sorted(pages):
        # A former slug's redirect (topics/<old>/index.html, relative target)
        # forwards the Traditional reader to the Traditional page as well.
        if path.endswith("/index.html") and has_variant(path[: -len("/index.html")] + ".md"):
            converted[variant_path(path, TRADITIONAL)] = convert_text(pages[path], TRADITIONAL)
    return converted


def page_in_both_scripts(markdown: str, path: str, with_variants: frozenset[str]) -> tuple[str, str]:
    """The page at `path` in Simplified and its Traditional copy, whose links reach `with_variants` in Traditional."""
    pair = {v: variant_path(path, v) for v in (SIMPLIFIED, TRADITIONAL)}
    traditional = relink(convert_page(markdown, TRADITIONAL, pair), path, with_variants)
    return convert_page(markdown, SIMPLIFIED, pair), traditional


# A Markdown link's destination and optional title, `](dest "title")`: the
# title is a citation's quote, kept in its article's script.
LINK_TAIL = re.compile(r'\]\((?P<dest>[^()\s"]*)(?P<title>\s+"[^"\\]*(?:\\.[^"\\]*)*")?\)')
HTML_TAG = re.compile(r"<[^<>]*>")
# One group around both: re.split then returns the text between kept parts and the kept parts, alternately.
KEPT = re.compile("(" + re.sub(r"\(\?P<\w+>", "(?:", LINK_TAIL.pattern) + f"|{HTML_TAG.pattern})")
# Front matter fields that are the page's own words; the rest (tags, ids) stay as written.
CONVERTED_FIELDS = ("title", "description")


def convert_page(markdown: str, variant: str, pair: dict[str, str]) -> str:
    """The page in `variant`'s script: quotes in link titles and HTML tags kept, its front matter marked."""
    front, body = split_front_matter(markdown)
    body = convert_text(body, variant)
    fields = []
    in_tags = False
    # `as_written: true`: the title and description are an article's own words (its source page).
    converted = () if "\nas_written: true" in "\n" + front else CONVERTED_FIELDS
    for line in front.splitlines():
        key = line.split(":", 1)[0]
        if in_tags and line.startswith((" ", "-")):
            # A tag is a name: on a Traditional page its glyphs change, its words do not (何小鹏 → 何小鵬).
            fields.append(convert_text(line, AS_WRITTEN if variant == TRADITIONAL else variant))
            continue
        in_tags = key == "tags"
        fields.append(convert_text(line, variant) if key in converted else line)
    fields.append("variants:")
    fields += [f"  {v}: {p}" for v, p in pair.items()]
    fields.append(f"variant: {variant}")
    if variant == TRADITIONAL:
        fields += ["search:", "  exclude: true"]  # found once, on the Simplified page (see kb.js)
    return "---\n" + "\n".join(fields) + "\n---\n" + body


# Stands in for each kept part while the rest is converted in one OpenCC
# call (a call per part cost ten times more on a long timeline page). A
# private-use character: no phrase contains it, so none spans a kept part.
PLACEHOLDER = "\ue000"
NAME_PLACEHOLDER = "\ue001"


# Words a page shows as their source writes them (render_topics.as_written): on a Traditional page, glyphs only.
AS_WRITTEN_SPAN = re.compile(r'(<span class="kb-as-written">.*?</span>)', re.S)


# What no copy converts, glyphs included: code (file names, YAML to paste,
# the build's messages) and any element marked `translate="no"`, HTML's own
# word for "leave this as it is" (an article's paragraphs and title on its
# source page). Such an element holds no element of its own name.
VERBATIM = re.compile(
    r'(`[^`\n]+`|<(code|pre)\b[^>]*>.*?</\2>|<(\w+)\b[^>]*\btranslate="no"[^>]*>.*?</\3>)', re.S
)


def verbatim(html_text: str) -> str:
    """HTML text that no copy converts (an article's own words on its page)."""
    return f'<span translate="no">{html_text}</span>' if html_text else html_text


def convert_text(text: str, variant: str) -> str:
    """`text` in the variant's script, except link titles (quotes), HTML tags and code, which stay as written."""
    if "`" in text or "<code" in text or "<pre" in text or 'translate="no"' in text:
        pieces = VERBATIM.split(text)  # text, kept, group 2, group 3, text, …
        return "".join(
            piece if i % 4 == 1 else _convert_words(piece, variant)
            for i, piece in enumerate(pieces) if i % 4 in (0, 1) and piece is not None
        )
    return _convert_words(text, variant)


def _convert_words(text: str, variant: str) -> str:
    if variant == TRADITIONAL and 'class="kb-as-written"' in text:
        pieces = AS_WRITTEN_SPAN.split(text)  # odd items are the spans
        return "".join(_convert(piece, AS_WRITTEN if i % 2 else variant) for i, piece in enumerate(pieces))
    return _convert(text, variant)


def _convert(text: str, variant: str) -> str:
    parts = KEPT.split(text)  # even items are converted, odd items are kept parts
    if PLACEHOLDER in text:  # pasted text could hold one: convert part by part instead
        parts[::2] = [to_script(part, variant) for part in parts[::2]]
    else:
        parts[::2] = to_script(PLACEHOLDER.join(parts[::2]), variant).split(PLACEHOLDER)
    return "".join(parts)


def split_front_matter(markdown: str) -> tuple[str, str]:
    """(the front matter's lines, the body) of a page that starts with `---`; ("", page) otherwise."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            return markdown[4:end], markdown[end + 5:]
    return "", markdown


def relink(markdown: str, path: str, with_variants: set[str]) -> str:
    """Links of a Traditional copy (written for `path`) reaching pages without variants from zh-Hant/."""
    here = posixpath.dirname(path)
    has_copy: dict[str, bool] = {}  # target → whether it has a Traditional copy; a page links few targets many times

    def fixed(dest: str) -> str:
        target = dest.partition("#")[0]
        if not target or re.match(r"^[a-z][a-z0-9+.-]*:|^/", target):
            return dest  # an anchor on this page, an absolute or external address
        if target not in has_copy:
            # A page, linked as a Markdown file or by its URL (…/iron/), has its copy at the same
            # relative place; anything else (kb.json, an image) is one folder further up from zh-Hant/.
            has_copy[target] = target.endswith((".md", "/")) or posixpath.normpath(posixpath.join(here, target)) in with_variants
        return dest if has_copy[target] else "../" + dest

    markdown = LINK_TAIL.sub(lambda m: f"]({fixed(m.group('dest'))}{m.group('title') or ''})", markdown)
    return re.sub(r'(?<=\shref=")([^"]*)(?=")', lambda m: fixed(m.group(1)), markdown)


def variant_nav(nav: list, variant: str) -> list:
    """The `nav` of the copies in `variant`: the same sections, named in its script, leading to its pages.

    The plugin builds MkDocs' navigation of the Traditional pages from it
    (tabs, sidebar, previous/next, the active tab), so a Traditional page is
    drawn in its own site: every label in its script in the HTML itself, and
    every link of the header, tabs, sidebar and footer to a Traditional page.
    """
    def walk(item):
        if isinstance(item, dict):
            return {to_script(name, variant): walk(value) for name, value in item.items()}
        if isinstance(item, list):
            return [walk(value) for value in item]
        return variant_path(item, variant) if has_variant(item) else item
    return walk(nav)


def write_sitemap(site_dir, site_url: str, pages: dict[str, str]) -> None:
    """zh-Hant/sitemap.xml: the Traditional pages, for crawlers and for Material's language switcher.

    Material fetches `<alternate link>/sitemap.xml` for each `extra.alternate`
    entry on every page (a 404 each time without it) to keep the reader on
    the same page when switching. The switcher's links here already point at
    the page's counterpart (overrides/partials/alternate.html).
    """
    base = (site_url or "/").rstrip("/") + "/"
    urls = sorted(page_url(p) for p in pages if p.startswith(f"{VARIANT_DIR}/") and p.endswith(".md"))
    entries = "".join(f"  <url><loc>{base}{url}</loc></url>\n" for url in urls)
    target = site_dir / VARIANT_DIR / "sitemap.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n',
        encoding="utf-8",
    )


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a docs path (use_directory_urls): a/b.md → a/b/, a/index.md → a/."""
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"
