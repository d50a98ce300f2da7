"""Search that does not care which script or spelling a reader types: the words.

Material's search plugin writes `search/search_index.json` (one document
per page section). Stock, on these articles, search failed ordinary
queries (issue 4): Traditional text cut with a dictionary made for
Simplified (機器|人), `机器人` never finding `機器人`, `第二代VLA` and `A868`
finding nothing, `TOPS` stemmed away. This module turns Material's
documents into the words search should index; bundle.py makes Pagefind's
chunked index of them, and the browser asks it through worker.js.

`rewrite_index`, per document:
    * Chinese is re-cut with jieba *through Simplified*: each run of Han
      characters is folded to Simplified, cut, and the cuts are laid back on
      the original characters, so Traditional text is cut as well as
      Simplified and previews still show the article's own script. Words
      are separated by U+200B. A user dictionary generated from topics.yml
      (and glossary.yml and entities.yml) keeps domain terms whole:
      陆地航母, 图灵芯片, 第二代 in 第二代VLA.
    * A hidden `spellings` field (indexed, never shown) holds what a reader
      may type for the words of a section without them being written so:
      jieba's search-mode sub-words of long words (航母 inside 陆地航母), a
      number with its unit joined or apart (`2250TOPS` ⇄ `2250 TOPS`), and
      the other one-word names of glossary terms, people and organisations
      it mentions (宝钢 ⇄ Baosteel, NGP ⇄ 导航辅助驾驶).
    * Topic pages get their titles, aliases and mentions from topics.yml in
      a hidden `names` field (so `humanoid robot` or `Land Aircraft Carrier`
      reach them), and their own key figures in the units they are named by.

`fold_table` is OpenCC's Traditional → Simplified table per character: the
index is folded with it here, and the page's script (search.js, which
carries the same table) folds each query before it is sent.

Why fold (one direction, both ends) instead of storing every word in both
scripts: Simplified → Traditional is one-to-many (发 → 發/髮, 里 → 裡/裏) and
varies by region (爲/為), Traditional → Simplified is not, so folding needs
no guessing. Folding per character, not per phrase, makes the index and the
query fold identically.

Measured on the seed site (tests/test_search_browser.py, 46 queries typed
into headless Chromium): the expected page among the first three for 26 of
them with Material's stock search, for all 46 with these words (first with
Lunr in Material's worker, now with Pagefind). notes/search.md has the
history and the figures at 500 and 2,000 articles.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba
from material.plugins.search import plugin as material_search

from build_scripts.knowledge.clauses import with_plain_dictionary
from build_scripts.knowledge.entities import load_entities
from build_scripts.knowledge.glossary import load_terms
from build_scripts.reading.language import to_simplified
from build_scripts.knowledge.taxonomy import load_topics

ZWSP = "\u200b"
# Unicode script Han, as Material's `\p{script: Han}`: radicals, 々 〇,
# the unified ideographs with their extensions, compatibility ideographs.
HAN = "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RUN = re.compile(f"[{HAN}]+")
FULL_WIDTH_ASCII = range(0xFF01, 0xFF5F)  # ＴＯＰＳ ２２５０ → TOPS 2250
TAG = re.compile(r"<[^>]*>")
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # 2250, 2,250, 0.5
UNIT = re.compile(r"[A-Z]+")  # TOPS, EFLOPS, B: written in capitals, unlike "2025 and"
NUMBER_WITH_UNIT = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)|([a-z]+)(\d+)")  # 2250tops, 72b, a868

# Hidden index fields: Material's worker indexes every field listed under
# `config.fields` but renders only title, text and tags. Boosts next to
# Material's own (title 1000, text 1, tags 1e6): another spelling counts as
# the text does; a topic's name counts for more than any running text.
SPELLINGS_FIELD, SPELLINGS_BOOST = "spellings", 1.0
NAMES_FIELD, NAMES_BOOST = "names", 1000.0
# Document boost of a topic page's head entry: for the topic's name it must
# come before the articles, whose titles often contain the name too.
TOPIC_BOOST = 8.0

# Sections whose text only repeats, word for word, what source pages hold:
# a topic page's timeline and quotes, the site timeline, the tag index (page
# titles). Their headings stay searchable, their text is not indexed a
# second time: at 500 articles it was a quarter of the index, and every
# sentence was found twice, on its source page and where it is quoted.
QUOTES_ONLY = re.compile(r"topics/[^/]+/#(?:timeline|sources-say|facts|opinions|sources)|timeline/#.*|tags/#.*")
# A topic's key figures are indexed by their values only (render_topics.py
# keeps the quoted wordings out), and rank as the topic page does: for
# `2250TOPS` the figure row citing every source beats any one article.
KEY_FIGURES = re.compile(r"topics/[^/]+/#(?:figures|subject-[a-z0-9-]+)")  # the infobox: its intro and a section per subject

# The page's script (search.js with the fold table) and the worker that
# takes the place of Material's (worker.js): generated files of the site.
SCRIPT_PATH = "assets/javascripts/kb-search.js"
SCRIPT_SOURCE = Path(__file__).with_name("search.js")
WORKER_PATH = "assets/javascripts/workers/kb-search.js"
WORKER_SOURCE = Path(__file__).with_name("worker.js")
# search.js ends each run of Han characters in a query with this mark (see
# there why); the separator must drop it.
QUERY_RUN_END = "\u303b"


# ---------------------------------------------------------------------------
# Vocabulary: the names search must know, read from the data files.


@dataclass(frozen=True)
class TopicTerms:
    """A topic page and every name it should be found by."""

    slug: str
    names: tuple[str, ...]  # titles, aliases and mentions as written in topics.yml

    @property
    def location(self) -> str:
        return f"topics/{self.slug}/"


@dataclass(frozen=True)
class Vocabulary:
    topics: tuple[TopicTerms, ...]
    # Names of one thing each: a glossary term and its aliases, a person's or
    # an organisation's names (宝钢, Baosteel). Kept whole, and synonyms.
    synonyms: tuple[tuple[str, ...], ...]

    def all_names(self) -> tuple[str, ...]:
        topic_names = (name for topic in self.topics for name in topic.names)
        return (*topic_names, *(name for group in self.synonyms for name in group))


def load_vocabulary(data_dir: Path) -> Vocabulary:
    """The names in topics.yml, glossary.yml and entities.yml, read by the modules that own them."""
    topics = tuple(
        TopicTerms(slug=t.slug, names=_unique([t.title_zh, t.title_en, *t.aliases, *t.mentions]))
        for t in load_topics(data_dir / "topics.yml")
    )
    synonyms = [_unique([term.term, *term.aliases]) for term in load_terms(data_dir / "glossary.yml")]
    synonyms += [_unique([entity.tag, *entity.names]) for entity in load_entities(data_dir / "entities.yml")]
    return Vocabulary(topics=topics, synonyms=tuple(group for group in synonyms if group))


def _unique(names) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(n).strip() for n in names if n is not None and str(n).strip()))


# ---------------------------------------------------------------------------
# Script folding and word cutting.


@lru_cache(maxsize=None)
def fold_table() -> dict[int, str]:
    """Traditional → Simplified per character, from OpenCC's t2s data.

    Per character (never per phrase) so that the browser, which gets the
    same table, folds a query exactly as the index was folded, and so that
    a folded text has the length of the original.
    """
    # Supplementary-plane characters (CJK Extension B on) fold to themselves:
    # rare in modern Chinese, and four bytes each in a table every reader
    # downloads (4,300 pairs, 19 KB gzipped, instead of 5,200 and 24 KB).
    chars = [chr(c) for c in _han_code_points() if c < 0x10000]
    # One character per line: OpenCC cannot match a phrase across lines.
    converted = to_simplified("\n".join(chars)).split("\n")
    table = {ord(a): b for a, b in zip(chars, converted) if a != b and len(b) == 1}
    table.update({c: chr(c - 0xFEE0) for c in FULL_WIDTH_ASCII})
    return table


def _han_code_points():
    for start, end in re.findall(r"(.)-(.)", HAN):
        yield from range(ord(start), ord(end) + 1)


@lru_cache(maxsize=1 << 18)  # called word by word, several times per word: words repeat
def fold(text: str) -> str:
    """The form index and query meet in: Simplified characters, ASCII letters."""
    return text.translate(fold_table())


def dictionary_words(vocabulary: Vocabulary) -> list[str]:
    """Words for jieba's user dictionary, in folded (Simplified) form.

    Only the Chinese part of a name is a word to jieba: Latin letters and
    digits are cut off by Material's tokenizer anyway, so `第二代VLA`
    contributes `第二代`. A run right after a digit is a counted unit
    (`720亿参数`), not a word, and is left to jieba's own dictionary.
    """
    words = set()
    for name in vocabulary.all_names():
        folded = fold(name)
        for run in HAN_RUN.finditer(folded):
            if len(run.group()) >= 2 and not folded[: run.start()][-1:].isdigit():
                words.add(run.group())
    return sorted(words)


_loaded_words: list[str] = []  # what this process loaded into jieba last


def write_user_dictionary(vocabulary: Vocabulary, path: Path) -> Path:
    """Write the jieba user dictionary (one word a line) and load it into jieba.

    jieba is process-global and shared with Material's search plugin, so
    both cut with the same words.
    """
    words = dictionary_words(vocabulary)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{word}\n" for word in words), encoding="utf-8")
    # Loading the same words again (every rebuild under serve) changes the
    # frequencies jieba gives them, and with them its cuts elsewhere (汇天将
    # became 汇 天将): the preview's index must be cut as a full build's is.
    if _loaded_words == words:
        return path
    _loaded_words[:] = words
    if not jieba.dt.initialized:  # the clause reader's jieba has read the same dictionary: read once
        with_plain_dictionary(jieba.dt)
    jieba.load_userdict(str(path))
    _word_lengths.cache_clear()
    _cut_run.cache_clear()  # holds _word_lengths results
    _search_words.cache_clear()
    _word_spellings.cache_clear()  # holds _search_words results
    return path


def segment(text: str, separator: re.Pattern | None = None) -> str:
    """Cut every Han run into words separated by U+200B, as Material does,
    but cutting the Simplified fold so Traditional is cut as well.

    Given the index's `separator`, a run gets no U+200B on a side where
    the separator, a tag or the text's edge already ends the word: three
    bytes each, on both sides of almost every run of Chinese.
    """
    text = text.replace(ZWSP, "")

    def ends_word(position: int) -> bool:
        if separator is None:
            return False
        char = text[position : position + 1]
        return not char or char in "<>" or _separates(separator, char)

    def cut(match: re.Match) -> str:
        before = "" if match.start() == 0 or ends_word(match.start() - 1) else ZWSP
        after = "" if ends_word(match.end()) else ZWSP
        return before + _cut_run(match.group()) + after

    return HAN_RUN.sub(cut, text).strip(ZWSP)


@lru_cache(maxsize=1 << 12)
def _separates(separator: re.Pattern, char: str) -> bool:
    return bool(separator.fullmatch(char))


@lru_cache(maxsize=1 << 17)
def _cut_run(run: str) -> str:
    """A run of Han characters as written, its words (cut in folded form) joined by U+200B."""
    words, start = [], 0
    for length in _word_lengths(fold(run)):
        words.append(run[start : start + length])
        start += length
    return ZWSP.join(words)


# Articles repeat each other (press releases) and topic pages quote them: the
# same run of characters is cut many times over. Cleared when the dictionary changes.
@lru_cache(maxsize=1 << 17)
def _word_lengths(folded_run: str) -> tuple[int, ...]:
    return tuple(len(word) for word in jieba.cut(folded_run))


@lru_cache(maxsize=1 << 16)
def _search_words(word: str) -> tuple[str, ...]:
    return tuple(w for w in jieba.cut_for_search(word) if len(w) >= 2)


# ---------------------------------------------------------------------------
# The index: Material's search_index.json in, the same format out.


def tokens(text: str, separator: str) -> list[list[str]]:
    """The words the browser will index, as Material's tokenizer splits them
    (markup removed, split by the separator), in their original case. One
    list per run of text between tags, since a tag also ends a word."""
    splitter = re.compile(separator)
    return [[word for word in splitter.split(chunk) if word] for chunk in TAG.split(text) if chunk.strip()]


def spellings(chunks: list[list[str]]) -> set[str]:
    """What else these words must be found by, in folded form (the browser
    folds every indexed word, so the Traditional form itself is no extra):

    * jieba's search-mode sub-words of a long Chinese word (陆地航母 → 航母);
    * a number with its unit both joined and apart (2,250 TOPS → 2250tops;
      2250TOPS → 2250, tops).
    """
    found: set[str] = set()
    for words in chunks:
        folded = [_folded_word(word) for word in words]
        for word in folded:
            found.update(_word_spellings(word))
        for i in range(len(words) - 1):
            if _is_number(folded[i]) and UNIT.fullmatch(fold(words[i + 1])):
                found.add(folded[i].replace(",", "") + folded[i + 1])
    return found - {_folded_word(word) for words in chunks for word in words}


# Per distinct word, not per occurrence: the index holds each word of the
# site many times over (every page quotes the articles).
@lru_cache(maxsize=1 << 18)
def _folded_word(word: str) -> str:
    return fold(word).lower()


@lru_cache(maxsize=1 << 18)
def _word_spellings(folded_word: str) -> tuple[str, ...]:
    """spellings() of one folded word on its own: its search-mode sub-words, or its number and unit apart."""
    found: list[str] = []
    if HAN_RUN.fullmatch(folded_word) and len(folded_word) > 2:
        found.extend(_search_words(folded_word))
    if _is_number(folded_word):
        found.append(folded_word.replace(",", ""))
    elif parts := NUMBER_WITH_UNIT.fullmatch(folded_word):
        found.extend(p for p in parts.groups() if p and len(p) >= 2)
    return tuple(found)


@lru_cache(maxsize=1 << 18)
def _is_number(folded_word: str) -> bool:
    return bool(NUMBER.fullmatch(folded_word))


def name_words(name: str, separator: str) -> list[str]:
    """A name as the index holds it: cut, split, folded, lower case."""
    return [fold(word).lower() for chunk in tokens(html.escape(segment(name), quote=False), separator) for word in chunk]


def topic_names(topic: TopicTerms, separator: str) -> set[str]:
    """Every word of a topic's names, and their other spellings, folded."""
    chunks = [chunk for name in topic.names for chunk in tokens(html.escape(segment(name), quote=False), separator)]
    return {fold(word).lower() for words in chunks for word in words} | spellings(chunks)


def synonyms(chunks: list[list[str]], groups: list[list[list[str]]]) -> set[str]:
    """One-word names of everything these words name (`Baosteel` where the
    text says 宝钢, 宝钢 where it says Baosteel). Names of several words are
    recognised but not added: their words (`he`, `li`, 模型) would make any
    text mentioning the thing match ordinary queries."""
    folded = [[_folded_word(word) for word in words] for words in chunks]
    present = {word for words in folded for word in words}
    found: set[str] = set()
    for group in groups:
        # A one-word name is contained wherever it is present: only longer ones need the search.
        if any(set(name) <= present and (len(name) == 1 or _contains(folded, name)) for name in group if name):
            found.update(name[0] for name in group if len(name) == 1)
    return found


def own_figures(topic: TopicTerms, figures_text: str, separator: str) -> tuple[str, ...]:
    """The key figures of a topic in a unit the topic is named by, number and
    unit joined as a reader types them (`2250tops` for the Turing chip, whose
    topics.yml names TOPS): a topic page's own numbers, which should find it
    before any article, and before other topics quoting the same sentence."""
    units = topic_names(topic, separator)
    found = set()
    for words in tokens(figures_text, separator):
        folded = [fold(word).lower() for word in words]
        for number, unit in zip(folded, folded[1:]):
            if NUMBER.fullmatch(number) and unit in units and not NUMBER.fullmatch(unit):
                found.add(number.replace(",", "") + unit)
    return tuple(sorted(found))


def _contains(chunks: list[list[str]], name: list[str]) -> bool:
    return any(words[i : i + len(name)] == name for words in chunks for i in range(len(words) - len(name) + 1))


def rewrite_index(index: dict, vocabulary: Vocabulary, kept: dict | None = None) -> dict:
    """Material's search index → the same index, cut, spelled and named as
    described above: the documents bundle.py makes Pagefind's pages of.

    `kept` (under serve): each document rewritten last time, by what it was
    made of; an edit then rewrites the few documents it changed. It is left
    holding this time's documents only.
    """
    separator = index["config"]["separator"]
    groups = [[name_words(name, separator) for name in group] for group in vocabulary.synonyms]
    if not re.fullmatch(separator, QUERY_RUN_END):
        raise ValueError(
            "mkdocs.yml: the search `separator` must split on U+303B, the mark search.js puts after "
            "each Chinese word of a query; add \\u303b to it"
        )
    topics = {topic.location: topic for topic in vocabulary.topics}
    splitter = re.compile(separator)
    figures = {}  # topic page → its own figures, for its head entry's names
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        if KEY_FIGURES.fullmatch(doc["location"]) and page in topics:
            figures[page] = tuple(sorted({*figures.get(page, ()), *own_figures(topics[page], doc["text"], separator)}))

    def rewrite(doc: dict, figure_names: tuple[str, ...]) -> dict:
        text = "" if QUOTES_ONLY.fullmatch(doc["location"]) else segment(doc["text"], splitter)
        doc = dict(doc, title=segment(doc["title"], splitter), text=text)
        chunks = tokens(doc["title"], separator) + tokens(doc["text"], separator)
        extra = spellings(chunks) | synonyms(chunks, groups)
        extra -= {_folded_word(word) for words in chunks for word in words}
        if extra:
            doc[SPELLINGS_FIELD] = " ".join(sorted(extra))
        if KEY_FIGURES.fullmatch(doc["location"]):
            doc.setdefault("boost", TOPIC_BOOST)
        if doc["location"] in topics:
            # The head entry only (title, scope): the page's sections quote
            # the articles and should rank as the articles do.
            doc.setdefault("boost", TOPIC_BOOST)
            names = topic_names(topics[doc["location"]], separator) | set(figure_names)
            doc[NAMES_FIELD] = " ".join(sorted(names))
        return doc

    if kept is None:
        docs = [rewrite(doc, figures.get(doc["location"], ())) for doc in index["docs"]]
    else:
        this_time = {}
        for doc in index["docs"]:
            key = (json.dumps(doc, ensure_ascii=False, sort_keys=True), figures.get(doc["location"], ()), vocabulary)
            this_time[key] = kept.get(key) or rewrite(doc, key[1])
        kept.clear()
        kept.update(this_time)
        docs = list(this_time.values())
    fields = dict(index["config"]["fields"], **{SPELLINGS_FIELD: {"boost": SPELLINGS_BOOST}, NAMES_FIELD: {"boost": NAMES_BOOST}})
    return dict(index, config=dict(index["config"], fields=fields), docs=docs)


# ---------------------------------------------------------------------------
# MkDocs edges, called from plugin.py.


def setup(config, data_dir: Path) -> Vocabulary:
    """on_config: read the vocabulary, write and load the jieba user
    dictionary into build/search/ (build output, never docs/), and name the
    page's script for overrides/main.html, which loads it before Material's."""
    vocabulary = load_vocabulary(data_dir)
    write_user_dictionary(vocabulary, work_dir(config) / "jieba_user_dict.txt")
    config.extra["kb_search_script"] = SCRIPT_PATH
    # Material cuts Chinese with jieba as it indexes each page, and
    # rewrite_index drops those cuts to cut through Simplified instead: the
    # same index comes out when Material does not cut at all, and jieba runs
    # once, not twice (a quarter of the whole build at 500 articles).
    material_search.jieba = None
    return vocabulary


def work_dir(config) -> Path:
    """Where search keeps what it builds from (next to mkdocs.yml, git-ignored)."""
    return Path(config.config_file_path).parent / "build" / "search"


def take_index(path: Path) -> dict | None:
    """Material's index as its search plugin wrote it; the file then keeps
    the config alone (Material's page reads it on every page view: the
    separator for `?h=` highlights), the documents go to Pagefind."""
    if not path.exists():  # search plugin disabled
        return None
    with open(path, encoding="utf-8") as file:
        index = json.load(file)
    with open(path, "w", encoding="utf-8") as file:
        json.dump({"config": index["config"], "docs": []}, file, ensure_ascii=False, separators=(",", ":"))
    return index


def documents(index: dict, vocabulary: Vocabulary, kept: dict | None = None) -> list[dict]:
    """The documents search indexes (bundle.py keeps a copy in build/search/documents.json, to look at)."""
    return rewrite_index(index, vocabulary, kept)["docs"]


# ---------------------------------------------------------------------------
# The browser side.


COMMENT_LINE = re.compile(r"^\s*(?://.*)?\n", re.M)


def worker_script() -> str:
    """worker.js without its comment and blank lines: every reader downloads it, on every page."""
    return COMMENT_LINE.sub("", WORKER_SOURCE.read_text(encoding="utf-8"))


def browser_script() -> str:
    """search.js with the fold table it needs, as one self-contained asset."""
    table = fold_table()
    data = {"from": "".join(chr(c) for c in table), "to": "".join(table.values())}
    header = (
        "// Generated by build_scripts/search/index.py: search.js and OpenCC's Traditional → Simplified table.\n"
        f"var KB_SEARCH_FOLD = {json.dumps(data, ensure_ascii=False)};\n"
    )
    return header + SCRIPT_SOURCE.read_text(encoding="utf-8")
