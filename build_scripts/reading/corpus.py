"""seeds/ → Corpus: every article that can be read, and a Problem for the rest.

This is the input edge of the pipeline: the only module that reads seeds/.
One bad file never costs the others; every problem names the file, what is
wrong and what to do.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from build_scripts.reading import cleaning

from build_scripts.reading import decoding

from build_scripts.reading import frontmatter

from build_scripts.reading import header

from build_scripts.reading import language

from build_scripts.reading import paragraphs
from build_scripts.model import Article, Corpus, Problem, Provenance

ARTICLE_SUFFIXES = {".txt", ".md"}
SOURCES_FILE = "sources.yml"
EDITABLE_FIELDS = {"title", "outlet", "author", "editor", "date", "date_note", "language", "slug"}
LANGUAGES = {"zh-Hans", "zh-Hant", "en"}
SLUG_UNSAFE = re.compile(r"[^a-z0-9_-]+")
# A slug set by hand becomes a path under sources/: nothing that could leave it.
SLUG_FROM_USER = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class ReadResult:
    article: Article | None
    problems: tuple[Problem, ...]
    content_key: str = ""  # hash of the cleaned text, to find the same article twice


def load_corpus(seeds_dir: Path, read=None) -> Corpus:
    """Every article in `seeds_dir`. `read` is read_article, or under `mkdocs serve` the cache's (article_cache.py)."""
    seeds_dir = Path(seeds_dir)
    overrides, problems = load_overrides(seeds_dir / SOURCES_FILE)
    paths = [
        path for path in (sorted(seeds_dir.iterdir(), key=lambda p: p.name) if seeds_dir.is_dir() else [])
        if path.name != SOURCES_FILE and not _is_system_file(path)
    ]
    results = _read_files(paths, seeds_dir, overrides, problems, read or read_article)
    for name in sorted(set(overrides) - {r.article.file_name for r in results if r.article} - {p.name for p in seeds_dir.glob("*")}):
        problems.append(Problem(SOURCES_FILE, f"has an entry for '{name}', which is not in seeds/", "fix the file name or remove the entry"))
    articles, merge_problems = _merge_duplicates(results)
    problems.extend(merge_problems)
    for result in results:
        problems.extend(result.problems)
    articles = _unique_slugs(articles, problems)
    articles.sort(key=lambda a: (-(a.date.toordinal() if a.date else 0), a.slug))
    return Corpus(articles=tuple(articles), problems=tuple(sorted(problems, key=lambda p: (p.file_name, p.what))))


def _read_files(paths: list[Path], seeds_dir: Path, overrides: dict[str, dict], problems: list[Problem], read) -> list[ReadResult]:
    """What the article files among `paths` hold; a Problem added to `problems` for each other file."""
    results = []
    for path in paths:
        try:
            skip = _why_not_an_article(path, seeds_dir)
            if skip:
                problems.append(skip)
                continue
            results.append(read(path, overrides.get(path.name, {})))
        except Exception as exc:  # a bug must cost one file, never the build
            problems.append(Problem(
                path.name, f"could not be read ({type(exc).__name__}: {exc})",
                "report this as a bug with the file attached; the other articles are built", rejected=True,
            ))
    return results


def _is_system_file(path: Path) -> bool:
    """.DS_Store, .gitkeep, .git/: put there by tools, not by the user; not worth a line."""
    return path.name.startswith(".") and path.suffix.lower() not in ARTICLE_SUFFIXES


def _why_not_an_article(path: Path, seeds_dir: Path) -> Problem | None:
    name = path.name
    if name.startswith("."):
        return Problem(name, "hidden file (its name starts with a dot)", "rename it without the leading dot if it is an article", rejected=True)
    if path.is_symlink():
        target = path.resolve()
        if seeds_dir.resolve() not in target.parents:
            return Problem(name, "symbolic link to a file outside seeds/ (not followed)", "copy the article into seeds/ instead", rejected=True)
    if path.is_dir():
        return Problem(name + "/", "sub-folder (not read)", "move its articles directly into seeds/", rejected=True)
    if not path.is_file():
        return Problem(name, "is not a regular file", "save the article as a plain .txt file", rejected=True)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        return Problem(name, f"'{path.suffix or 'no'}' extension is not read", "save the article as plain text with a .txt or .md extension", rejected=True)
    return None


def read_article(path: Path, override: dict | None = None) -> ReadResult:
    """Read one article file. Never raises for bad content: returns problems."""
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ReadResult(None, (Problem(name, f"cannot be read ({exc.strerror})", "check the file's permissions", rejected=True),))
    if not raw.strip():
        return ReadResult(None, (Problem(name, "is empty", "paste the article text into it or delete it", rejected=True),))
    if decoding.looks_binary(raw):
        return ReadResult(None, (Problem(name, "is a binary file, not text", "save the article as plain text (.txt)", rejected=True),))
    try:
        text, _encoding = decoding.decode(raw)
    except decoding.UndecodableError:
        return ReadResult(None, (Problem(name, "is not text in a recognised encoding", "save it as UTF-8 text", rejected=True),))
    if not text.strip():  # a BOM alone, ideographic spaces, NULs…
        return ReadResult(None, (Problem(name, "is empty", "paste the article text into it or delete it", rejected=True),))
    return parse_article(name, text, override or {})


def parse_article(file_name: str, text: str, override: dict) -> ReadResult:
    """Decoded text → Article. Pure: no file access."""
    problems: list[Problem] = []
    front = frontmatter.split_front_matter(text)
    if front.error:
        problems.append(Problem(file_name, front.error, "fix the block between the '---' lines or remove it"))
    checked_front: dict = {}
    for key, value in front.fields.items():
        checked = _checked_field(key, value) if key in EDITABLE_FIELDS else value
        if key in EDITABLE_FIELDS and isinstance(checked, str) and checked.startswith("!"):
            problems.append(Problem(file_name, f"front matter '{key}' {checked[1:]}", f"correct '{key}' in the front matter or set it in seeds/{SOURCES_FILE}"))
        else:
            checked_front[key] = checked
    read = header.read_header(front.body, checked_front)
    cleaned = cleaning.clean(read.body, cleaning.load_rules())
    blocks = list(cleaned.blocks)

    # Each field: (value, where it came from); sources.yml wins over the text.
    fields: dict = {}
    for name in ("title", "outlet", "author", "editor", "date", "via"):
        found = getattr(read, name)
        if found is not None:
            fields[name] = (found.value, found.origin)
    for key in ("language", "slug", "date_note"):
        if key in checked_front:
            fields[key] = (checked_front[key], f"front matter '{key}'")
    if read.date_note and "date" not in override:
        fields["date_note"] = (read.date_note, "")  # how the year was inferred; moot once sources.yml sets the date
    for key, value in override.items():
        fields[key] = (value, f"seeds/{SOURCES_FILE}")
    for what, todo in read.problems:
        if "date" not in override:
            problems.append(Problem(file_name, what, todo))

    if not blocks:
        # Cleaning recognised nothing but boilerplate: show the text uncleaned
        # rather than lose a decodable article.
        blocks = [cleaning.Block("text", line.strip()) for line in front.body.split("\n") if line.strip()]
        if blocks:
            problems.append(Problem(file_name, "holds only lines that look like boilerplate; shown uncleaned", "check the article text, or narrow the rule in build_scripts/data/cleaning.yml"))

    article_paragraphs = paragraphs.make_paragraphs(blocks)
    if not article_paragraphs:
        problems.append(Problem(file_name, "has no article text left after cleaning", "check that it holds the article, not only a byline or footer", rejected=True))
        return ReadResult(None, tuple(problems))
    value = {key: v for key, (v, _origin) in fields.items()}
    origin = {key: o for key, (_v, o) in fields.items()}
    if not value.get("title"):
        problems.append(Problem(file_name, "has no title", f"add 'title:' for it in seeds/{SOURCES_FILE}"))
    if not value.get("date") and not read.problems:
        problems.append(Problem(file_name, "has no publication date the text states", f"add 'date: YYYY-MM-DD' for it in seeds/{SOURCES_FILE}, or a line such as '发布时间：2025-11-05' / 'Published: Nov 5, 2025' under the title"))
    if not value.get("outlet"):
        problems.append(Problem(file_name, "names no outlet", f"add 'outlet:' for it in seeds/{SOURCES_FILE}, or a line such as '来源：…' / 'By … | Outlet' under the title"))

    body_text = "\n".join(p.text for p in article_paragraphs)
    date = value.get("date") if isinstance(value.get("date"), dt.date) else None
    article = Article(
        slug=str(value.get("slug") or slug_from_file_name(file_name)),
        file_name=file_name,
        title=str(value.get("title") or Path(file_name).stem),
        outlet=str(value.get("outlet") or ""),
        author=str(value.get("author") or ""),
        editor=str(value.get("editor") or ""),
        date=date,
        date_note=str(value.get("date_note") or ""),
        language=str(value.get("language") or language.detect_language(body_text)),
        paragraphs=article_paragraphs,
        via=str(value.get("via") or ""),
        cited_outlets=read.cited_outlets,
        provenance=Provenance(
            title=origin.get("title", "") if value.get("title") else "",
            outlet=origin.get("outlet", "") if value.get("outlet") else "",
            author=origin.get("author", "") if value.get("author") else "",
            date=origin.get("date", "") if date else "",
            via=origin.get("via", "") if value.get("via") else "",
        ),
        problems=tuple(problems),
    )
    content_key = hashlib.sha1(body_text.encode("utf-8")).hexdigest()
    return ReadResult(article, tuple(problems), content_key)


def _checked_field(key: str, value):
    """The value if it has the right type, else '!' + what is wrong with it."""
    if key == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        parsed = _parse_date(str(value))
        return parsed if parsed else f"!is not a date: {value!r}"
    if key == "language" and value not in LANGUAGES:
        return f"!must be one of {', '.join(sorted(LANGUAGES))}, not {value!r}"
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return f"!should be text, not {type(value).__name__}"
    if key == "slug" and not SLUG_FROM_USER.fullmatch(str(value)):
        return f"!must be lowercase letters, digits, '-' and '_', not {str(value)!r}"
    return " ".join(str(value).split())  # one line: a title is shown in headings and tables


def _parse_date(text: str) -> dt.date | None:
    """A date in any shape the header reader knows (2025-11-05, 2025年11月5日, Nov 5, 2025…); None if ambiguous."""
    found = header.find_date(text, header.load_rules())
    return found.date if found else None


def slug_from_file_name(file_name: str) -> str:
    """ASCII slug for the URL. Names with other characters keep a short hash so they stay unique."""
    stem = Path(file_name).stem
    ascii_part = SLUG_UNSAFE.sub("-", stem.lower()).strip("-_")
    if ascii_part == stem.lower() and ascii_part:
        return ascii_part
    digest = hashlib.sha1(stem.encode("utf-8")).hexdigest()[:6]
    return f"{ascii_part}-{digest}" if ascii_part else f"article-{digest}"


def load_overrides(path: Path) -> tuple[dict[str, dict], list[Problem]]:
    """seeds/sources.yml: {file name: {field: value}}; editorial corrections win."""
    if not path.exists():
        return {}, []
    problems: list[Problem] = []
    todo = f"fix seeds/{SOURCES_FILE}: one entry per article file name with fields {', '.join(sorted(EDITABLE_FIELDS))}"
    try:
        data = yaml.safe_load(decoding.decode(path.read_bytes())[0]) or {}
    except (yaml.YAMLError, decoding.UndecodableError) as exc:
        return {}, [Problem(SOURCES_FILE, f"is not valid YAML ({str(exc).splitlines()[0]})", todo)]
    if not isinstance(data, dict):
        return {}, [Problem(SOURCES_FILE, "is not a mapping of file names to fields", todo)]
    overrides: dict[str, dict] = {}
    for name, entry in data.items():
        if not isinstance(entry, dict):
            problems.append(Problem(SOURCES_FILE, f"entry '{name}' is not a mapping", todo))
            continue
        fields = {}
        for key, value in entry.items():
            if key not in EDITABLE_FIELDS:
                problems.append(Problem(SOURCES_FILE, f"entry '{name}' has unknown field '{key}'", todo))
                continue
            checked = _checked_field(key, value)
            if isinstance(checked, str) and checked.startswith("!"):
                problems.append(Problem(SOURCES_FILE, f"entry '{name}': '{key}' {checked[1:]}", todo))
            else:
                fields[key] = checked
        overrides[str(name)] = fields
    return overrides, problems


def _merge_duplicates(results: list[ReadResult]) -> tuple[list[Article], list[Problem]]:
    """The same article under two names becomes one source that records both."""
    first_by_key: dict[str, int] = {}
    articles: list[Article] = []
    problems: list[Problem] = []
    for result in results:
        if result.article is None:
            continue
        index = first_by_key.get(result.content_key)
        if index is None:
            first_by_key[result.content_key] = len(articles)
            articles.append(result.article)
            continue
        kept = articles[index]
        articles[index] = replace(kept, other_names=kept.other_names + (result.article.file_name,))
        problems.append(Problem(result.article.file_name, f"is the same article as {kept.file_name}", "delete one of the two copies; the site shows it once"))
    return articles, problems


def _unique_slugs(articles: list[Article], problems: list[Problem]) -> list[Article]:
    """Two files wanting one URL: the first by file name keeps it, the next get -2, -3…"""
    taken: set[str] = set()
    unique = []
    for article in sorted(articles, key=lambda a: a.file_name):
        slug, n = article.slug, 2
        while slug in taken or slug == "index":
            slug, n = f"{article.slug}-{n}", n + 1
        if slug != article.slug:
            problems.append(Problem(article.file_name, f"its page name '{article.slug}' is taken by another article; published as '{slug}'", f"rename the file or set 'slug:' for it in seeds/{SOURCES_FILE}"))
            article = replace(article, slug=slug)
        taken.add(slug)
        unique.append(article)
    return unique
