"""seeds/ → Corpus: every article that can be read, and a Problem for the rest.

This is the input edge of the pipeline: the only module that reads seeds/.
One bad file never costs the others; every problem names the file, what is
wrong and what to do.
"""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import yaml

from build_scripts.reading import cleaning

from build_scripts.reading import decoding
from build_scripts.reading import corrections_file

from build_scripts.reading import frontmatter

from build_scripts.reading import header

from build_scripts.reading import language
from build_scripts.reading import outlets

from build_scripts import data as data_files, parallel
from build_scripts.data import schema
from build_scripts.reading import paragraphs
from build_scripts.reading import webpage
from build_scripts.model import Article, Corpus, Problem, Provenance, Review

ARTICLE_SUFFIXES = {".txt", ".md"}
PAGE_SUFFIXES = {".html", ".htm"}  # a saved web page (reading/webpage.py)
SINGLE_FILE_PAGE_SUFFIXES = {".mhtml", ".mht"}  # a page saved as a single file
DUMP_SUFFIXES = {".json"}  # a CMS API response (reading/webpage.py)
READ_SUFFIXES = ARTICLE_SUFFIXES | PAGE_SUFFIXES | SINGLE_FILE_PAGE_SUFFIXES | DUMP_SUFFIXES
SOURCES_FILE = "sources.yml"
REVIEW_FIELDS = {"by", "note"}
EDITABLE_FIELDS = {"title", "outlet", "author", "editor", "date", "date_note", "language", "slug"}
# What an editor may set to null (or ""): the text states none, whatever the build read.
NONE_FIELDS = {"title", "outlet", "author", "editor", "date", "date_note"}
LANGUAGES = {"zh-Hans", "zh-Hant", "en", "ja"}
SLUG_UNSAFE = re.compile(r"[^a-z0-9_-]+")
# A slug set by hand becomes a path under sources/: nothing that could leave it.
SLUG_FROM_USER = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class ReadResult:
    article: Article | None
    problems: tuple[Problem, ...]
    content_key: str = ""  # hash of the cleaned text, to find the same article twice
    # its text paragraphs, spacing and punctuation ignored, to find a syndicated copy (_merge_duplicates)
    fingerprints: frozenset[str] = frozenset()
    more: tuple["ReadResult", ...] = ()  # the further posts of a CMS response that holds several


def load_corpus(seeds_dir: Path, read=None, today: dt.date | None = None, workers: int = 1) -> Corpus:
    """Every article in `seeds_dir`. `read` is read_article, or under `mkdocs serve` the cache's (preview_cache.py);
    `today` (the build's real date) tells a mistyped future date. With read_article, the files are read in
    `workers` processes (parallel.py), with the same result."""
    seeds_dir = Path(seeds_dir)
    today = today or dt.date.today()
    # A broken cleaning.yml, header.yml or outlets.yml stops the build here,
    # named, before any article is blamed for it.
    cleaning.load_rules()
    header.load_rules()
    outlets.load_outlets()
    saved_page_folder_suffixes()
    overrides, problems = load_overrides(seeds_dir / SOURCES_FILE)
    paths = [
        path for path in (sorted(seeds_dir.iterdir(), key=lambda p: p.name) if seeds_dir.is_dir() else [])
        if path.name != SOURCES_FILE and not _is_system_file(path) and not _is_saved_page_folder(path)
    ]
    results = _read_files(paths, seeds_dir, overrides, problems, read or read_article, workers)
    present = {r.article.file_name for r in results if r.article} | {nfc(p.name) for p in seeds_dir.glob("*")}
    for name in sorted(n for n in overrides if n not in present and n.removesuffix(f"{POST}1") not in present):
        problems.append(Problem(SOURCES_FILE, f"has an entry for '{name}', which is not in seeds/", "fix the file name or remove the entry"))
    articles, merge_problems, copies = _merge_duplicates(results)
    problems.extend(merge_problems)
    for result in results:
        problems.extend(result.problems)
    articles = _unique_slugs(articles, problems)
    slug_of = {a.file_name: a.slug for a in articles}
    articles = [replace(a, copy_of=slug_of[copies[a.file_name]]) if a.file_name in copies else a for a in articles]
    for article in articles:
        if article.date and article.date > today:
            problems.append(Problem(
                article.file_name, f"is dated {article.date.isoformat()}, later than the day of the build",
                f"check the year; correct it with 'date:' for it in seeds/{SOURCES_FILE}",
            ))
    articles.sort(key=lambda a: (-(a.date.toordinal() if a.date else 0), a.slug))
    corrections, correction_problems = corrections_file.load_corrections(seeds_dir / SOURCES_FILE)
    problems.extend(correction_problems)
    return Corpus(articles=tuple(articles), problems=tuple(sorted(problems, key=lambda p: (p.file_name, p.what))),
                  corrections=corrections)


def _read_files(paths: list[Path], seeds_dir: Path, overrides: dict[str, dict], problems: list[Problem], read,
                workers: int = 1) -> list[ReadResult]:
    """What the article files among `paths` hold; a Problem added to `problems` for each other file.

    read_article runs in `workers` processes (parallel.py); another `read`, the serve cache's, keeps what
    it reads in this process, so it runs here.
    """
    todo: list = []  # for each path in turn: the Problem that says why it is not read, or (path, its sources.yml entry)
    for path in paths:
        try:
            todo.append(_why_not_an_article(path, seeds_dir) or (path, _override_of(nfc(path.name), overrides)))
        except schema.KnowledgeFileError:
            raise
        except Exception as exc:  # a bug must cost one file, never the build
            todo.append(_read_failed(path, exc))
    files = [item for item in todo if not isinstance(item, Problem)]
    read_each = iter(parallel.each(partial(_read_one, read=read), files, workers if read is read_article else 1))
    results = []
    for item in todo:
        outcome = item if isinstance(item, Problem) else next(read_each)
        if isinstance(outcome, Problem):
            problems.append(outcome)
        else:
            results.append(outcome)
            results.extend(outcome.more)
    return results


def _read_one(file: tuple[Path, dict], read=None) -> ReadResult | Problem:
    """`read` (read_article) of one (path, sources.yml entry), or the Problem saying why it could not be read."""
    path, override = file
    try:
        result = (read or read_article)(path, override)
        if NOT_UTF8_NAME.search(path.name) and result.article is not None:
            result = replace(result, problems=result.problems + (_name_not_utf8(nfc(path.name)),))
        return result
    except schema.KnowledgeFileError:
        raise  # a broken knowledge file is no article's fault: it stops the build, named
    except Exception as exc:  # a bug must cost one file, never the build
        return _read_failed(path, exc)


def _read_failed(path: Path, exc: Exception) -> Problem:
    return Problem(
        nfc(path.name), f"could not be read ({type(exc).__name__}: {exc})",
        "report this as a bug with the file attached; the other articles are built", rejected=True,
    )


POST = "#"  # a CMS response's further posts are named "posts.json#2", "posts.json#3"…


def post_name(file_name: str, number: int) -> str:
    """The name a CMS response's post goes by in seeds/sources.yml, on the Problems page and in the build log."""
    return file_name if number == 1 else f"{file_name}{POST}{number}"


def _override_of(name: str, overrides: dict[str, dict]) -> dict:
    """The entry of sources.yml for a file; for a CMS response, its further posts' entries too, under "#2", "#3"…

    Hashable values: the preview cache keys a read on them.
    """
    override = dict(overrides.get(name) or overrides.get(f"{name}{POST}1") or {})
    if Path(name).suffix.lower() in DUMP_SUFFIXES:
        for key, fields in overrides.items():
            number = key.removeprefix(name + POST)
            if key.startswith(name + POST) and number.isdigit() and int(number) > 1:
                override[POST + number] = tuple(sorted(fields.items()))
    return override


def nfc(file_name: str) -> str:
    """A file name as the user typed it, whatever the file system stored.

    macOS (and files copied from it) store é or 鹏's neighbours decomposed
    (NFD), editors type them composed (NFC): the two look the same, so they
    are the same name for slugs, duplicates and sources.yml.
    """
    # A name whose bytes are not UTF-8 (unzipped from a Chinese Windows
    # archive, a Samba share) reaches Python with those bytes as surrogates,
    # which no page, log or index can encode: they are written out instead.
    if NOT_UTF8_NAME.search(file_name):
        file_name = os.fsencode(file_name).decode("utf-8", "backslashreplace")
    return unicodedata.normalize("NFC", file_name)


NOT_UTF8_NAME = re.compile("[\udc80-\udcff]")


def _name_not_utf8(name: str) -> Problem:
    return Problem(
        name, "has a file name that is not UTF-8 (its other bytes are shown as \\x..)",
        "rename the file; to unzip an archive made on Chinese Windows with its names, use 'unzip -O GBK'",
    )


def _is_system_file(path: Path) -> bool:
    """.DS_Store, .gitkeep, .git/: put there by tools, not by the user; not worth a line."""
    return path.name.startswith(".") and path.suffix.lower() not in ARTICLE_SUFFIXES


SAVED_PAGES_FILE = Path(__file__).parent.parent / "data" / "saved_pages.yml"


@data_files.loader
def saved_page_folder_suffixes(path: Path = SAVED_PAGES_FILE) -> tuple[str, ...]:
    """data/saved_pages.yml: the suffixes of the folder a page saved "complete" keeps its files in, lower-cased."""
    shape = schema.Record({"folder_suffixes": schema.ListOf(schema.Text(hint="a suffix such as _files"), min_items=1)})
    return tuple(str(s).casefold() for s in schema.load(path, shape)["folder_suffixes"])


def _is_saved_page_folder(path: Path) -> bool:
    """name_files/ (name-Dateien/, name_fichiers/ …) beside name.html: "Save page as, complete" puts the page's images there."""
    name = path.name.casefold()
    for suffix in saved_page_folder_suffixes():
        if name.endswith(suffix) and len(name) > len(suffix) and path.is_dir():
            stem = path.name[: -len(suffix)]
            if any((path.parent / (stem + s)).is_file() for s in PAGE_SUFFIXES):
                return True
    return False


def _why_not_an_article(path: Path, seeds_dir: Path) -> Problem | None:
    name = nfc(path.name)
    if name.startswith("."):
        return Problem(name, "hidden file (its name starts with a dot)", "rename it without the leading dot if it is an article", rejected=True)
    if path.is_symlink():
        try:
            target = Path(os.path.realpath(path, strict=True))
        except FileNotFoundError:
            return Problem(name, f"symbolic link to '{os.readlink(path)}', which does not exist", "point the link at the article, or copy the article into seeds/ and delete the link", rejected=True)
        except OSError as exc:
            if exc.errno != errno.ELOOP:
                raise
            return Problem(name, "symbolic link that leads back to itself (a loop)", "delete the link and copy the article into seeds/ instead", rejected=True)
        if seeds_dir.resolve() not in target.parents:
            return Problem(name, "symbolic link to a file outside seeds/ (not followed)", "copy the article into seeds/ instead", rejected=True)
    if path.is_dir():
        return Problem(name + "/", "sub-folder (not read)", "move its articles directly into seeds/", rejected=True)
    if not path.is_file():
        return Problem(name, "is not a regular file", "save the article as a plain .txt file", rejected=True)
    if path.suffix.lower() not in READ_SUFFIXES:
        return Problem(name, f"'{path.suffix or 'no'}' extension is not read", "save the article as plain text (.txt, .md) or as a web page (.html)", rejected=True)
    return None


def read_article(path: Path, override: dict | None = None) -> ReadResult:
    """Read one article file. Never raises for bad content: returns problems."""
    name = nfc(path.name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ReadResult(None, (Problem(name, f"cannot be read ({exc.strerror})", "check the file's permissions", rejected=True),))
    if not raw.strip():
        return ReadResult(None, (Problem(name, "is empty", "paste the article text into it or delete it", rejected=True),))
    if decoding.looks_binary(raw):
        return ReadResult(None, (Problem(name, "is a binary file, not text", "save the article as plain text (.txt)", rejected=True),))
    try:
        text, encoding = decoding.decode(raw)
    except decoding.UndecodableError:
        return ReadResult(None, (Problem(name, "is not text in a recognised encoding", "save it as UTF-8 text", rejected=True),))
    if not text.strip():  # a BOM alone, ideographic spaces, NULs…
        return ReadResult(None, (Problem(name, "is empty", "paste the article text into it or delete it", rejected=True),))
    suffix = Path(name).suffix.lower()
    if suffix in PAGE_SUFFIXES:
        return _read_page(name, text, override or {})
    if suffix in SINGLE_FILE_PAGE_SUFFIXES:
        saved = webpage.html_of_mhtml(text)
        if saved is None:
            return ReadResult(None, (Problem(name, "is not a web page saved as a single file (no HTML part in it)", "save the article again with Save page as… › Web page, complete", rejected=True),))
        return _read_page(name, saved[0], override or {}, saved[1])
    if suffix in DUMP_SUFFIXES:
        return _read_dump(name, text, override or {})
    result = parse_article(name, text, override or {})
    damaged = decoding.replaced_lines(text) if encoding == "utf-8" else []
    if damaged and result.article is not None:
        shown = ", ".join(map(str, damaged[:5])) + (" …" if len(damaged) > 5 else "")
        problem = Problem(
            name, f"has bytes that are not UTF-8 on line{'s' if len(damaged) > 1 else ''} {shown} (shown as �)",
            "retype the characters at those lines, or copy the article again and save it as UTF-8",
        )
        result = replace(result, article=replace(result.article, problems=(problem,) + result.article.problems), problems=(problem,) + result.problems)
    return result


def _read_page(name: str, html: str, override: dict, saved_url: str = "") -> ReadResult:
    """A saved web page: its main text and the fields its tags state, read on as a text article."""
    page = webpage.read_page(html, outlets.load_outlets(), cleaning.load_rules().page_furniture, saved_url)
    if not page.text:
        return ReadResult(None, (Problem(
            name, "is a web page in which no article text was found (only menus, scripts or an empty body)",
            "open the article itself in the browser and save it again (Save page as… › Web page, complete), or paste its text into a .txt file",
            rejected=True,
        ),))
    return parse_article(name, page.text, override, page.fields)


def _read_dump(name: str, text: str, override: dict) -> ReadResult:
    """A CMS API response: one article per post; the second post on is named 'file.json#2'…

    `override`: the first post's fields, and each further post's under "#2", "#3"… (_override_of).
    """
    pages = webpage.read_cms_json(text)
    if pages is None:
        return ReadResult(None, (Problem(
            name, "is not a CMS API response (a post with title.rendered and content.rendered, or a list of them)",
            "save the article as a web page (.html) or as text (.txt)", rejected=True,
        ),))
    results = []
    first = {key: value for key, value in override.items() if not key.startswith(POST)}
    for number, page in enumerate(pages, start=1):
        item = post_name(name, number)
        if not page.text:
            results.append(ReadResult(None, (Problem(item, "is a post with an empty content.rendered", "remove the post or save the article as text", rejected=True),)))
            continue
        own = first if number == 1 else dict(override.get(f"{POST}{number}", ()))
        result = parse_article(item, page.text, own, page.fields)
        if number > 1 and result.article is not None and "slug" not in own:
            result = replace(result, article=replace(result.article, slug=f"{slug_from_file_name(name)}-{number}"))
        results.append(result)
    return replace(results[0], more=tuple(results[1:]))


def parse_article(file_name: str, text: str, override: dict, page_fields: dict | None = None) -> ReadResult:
    """Decoded text → Article. Pure: no file access. `page_fields`: what a web page's tags state (webpage.Field by name)."""
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
    read = header.read_header(front.body, checked_front, given=page_fields)
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
    review = _metadata_review(override, fields)
    override = {key: value for key, value in override.items() if key not in REVIEW_FIELDS}
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
    # A field the editor set to null is known to be absent: nothing to add.
    if not value.get("title") and "title" not in override:
        problems.append(Problem(file_name, "has no title", f"add 'title:' for it in seeds/{SOURCES_FILE}"))
    if not value.get("date") and not read.problems and "date" not in override:
        problems.append(Problem(file_name, "has no publication date the text states", f"add 'date: YYYY-MM-DD' for it in seeds/{SOURCES_FILE}, or a line such as '发布时间：2025-11-05' / 'Published: Nov 5, 2025' under the title"))
    if not value.get("outlet") and "outlet" not in override:
        problems.append(Problem(file_name, "names no outlet", f"add 'outlet:' for it in seeds/{SOURCES_FILE}, or a line such as '来源：…' / 'By … | Outlet' under the title"))

    body_text = "\n".join(p.text for p in article_paragraphs)
    date = value.get("date") if isinstance(value.get("date"), dt.date) else None
    article = Article(
        slug=str(value.get("slug") or slug_from_file_name(file_name)),
        file_name=file_name,
        title=_shown(str(value.get("title") or Path(file_name).stem)),
        outlet=_shown(str(value.get("outlet") or "")),
        author=_shown(str(value.get("author") or "")),
        editor=_shown(str(value.get("editor") or "")),
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
        review=review,
    )
    content_key = hashlib.sha1(body_text.encode("utf-8")).hexdigest()
    return ReadResult(article, tuple(problems), content_key, _paragraph_fingerprints(article))


def _metadata_review(override: dict, read: dict) -> Review | None:
    """An editor's word on an article's metadata (seeds/sources.yml): corrected fields with what was read, or a confirmation."""
    changed = {key: value for key, value in override.items() if key not in REVIEW_FIELDS}
    if not override:
        return None
    original = tuple((key, _as_text(read[key][0]) if key in read else "") for key in sorted(changed))
    return Review("corrected" if changed else "confirmed", str(override.get("by") or ""), str(override.get("note") or ""),
                  line=0, original=original)


def _as_text(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value or "")


# Escapes in YAML front matter or sources.yml ("\\a", "\\e[31m", "\\uFFFF")
# reach a title as characters the decoder never let through the text.
NOT_SHOWN = re.compile("[\x00-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def _shown(text: str) -> str:
    return NOT_SHOWN.sub("", text)


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
        kind = "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else type(value).__name__
        return f"!should be text, not {kind}"
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
    """seeds/sources.yml: {file name: {field: value}}; editorial corrections win.

    A file that is not a mapping at all raises schema.DataFileError (the
    build stops: without it every corrected date and title would silently
    revert). A bad entry or value costs only that entry or value, with a
    problem row naming its line.
    """
    if not path.exists():
        return {}, []
    problems: list[Problem] = []
    todo = f"fix seeds/{SOURCES_FILE}: one entry per article file name with fields {', '.join(sorted(EDITABLE_FIELDS))}"
    try:
        data = schema.parse(decoding.decode(path.read_bytes())[0]) or {}
    except decoding.UndecodableError:
        raise schema.DataFileError(path, None, "", "is not text in a recognised encoding", "save it as UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise schema.DataFileError(
            path, schema.yaml_error_line(exc), "", f"is not valid YAML ({getattr(exc, 'problem', None) or str(exc).splitlines()[0]})",
            "check the indentation and quoting there: each file name ends with ':', its fields are indented under it",
        ) from None
    if not isinstance(data, dict):
        raise schema.DataFileError(path, schema.line_of(data), "", "is not a mapping of file names to fields", todo)
    overrides: dict[str, dict] = {}
    for name, entry in data.items():
        if name in corrections_file.SECTIONS:  # the claims and milestones an editor checked: corrections_file.py
            continue
        where = f"entry '{name}' (line {schema.line_of(data, name)})"
        if not isinstance(entry, dict):
            problems.append(Problem(SOURCES_FILE, f"{where} is not a mapping of fields", todo))
            continue
        fields = {}
        for key, value in entry.items():
            if key in REVIEW_FIELDS:  # who checked it and why: the checked mark's tooltip (parse_article)
                if value is not None and str(value).strip():
                    fields[key] = " ".join(str(value).split())
                continue
            if key in NONE_FIELDS and (value is None or value == ""):
                fields[key] = None  # "title: null": the editor says the text states none
                continue
            if key not in EDITABLE_FIELDS:
                problems.append(Problem(SOURCES_FILE, f"{where} has unknown field '{key}' (line {schema.line_of(entry, key)})", todo))
                continue
            checked = _checked_field(key, value)
            if isinstance(checked, str) and checked.startswith("!"):
                problems.append(Problem(SOURCES_FILE, f"{where}: '{key}' {checked[1:]} (line {schema.line_of(entry, key)}); the field is ignored", todo))
            else:
                fields[key] = checked
        overrides[nfc(str(name))] = fields
    return overrides, problems


def _merge_duplicates(results: list[ReadResult]) -> tuple[list[Article], list[Problem], dict[str, str]]:
    """The same report under two names: shown once, or published as a copy; never two sources.

    An exact copy (the same text) becomes one source that records both file
    names. A syndicated copy (a new title, a paragraph added or cut, most
    paragraphs word for word) is published too, so nothing it adds is lost,
    with a note naming the original; it is the same report, so it never
    counts as a second source confirming a figure. Returns the articles,
    the problems and {copy's file name: original's file name}.
    """
    first_by_key: dict[str, int] = {}
    by_paragraph: dict[str, int] = {}
    group_of: list[int] = []  # for each article, the index of the first article of its report
    articles: list[Article] = []
    fingerprints_of: list[frozenset[str]] = []  # for each article: compared with every later one
    problems: list[Problem] = []
    for result in results:
        if result.article is None:
            continue
        index = first_by_key.get(result.content_key)
        if index is not None:
            kept = articles[index]
            articles[index] = replace(kept, other_names=kept.other_names + (result.article.file_name,))
            same_name = " (the two names differ only in how accents are stored)" if kept.file_name == result.article.file_name else ""
            problems.append(Problem(result.article.file_name, f"is the same article as {kept.file_name}{same_name}", "delete one of the two copies; the site shows it once"))
            continue
        fingerprints = result.fingerprints
        copied = _near_duplicate_of(fingerprints, by_paragraph, fingerprints_of)
        index = len(articles)
        articles.append(result.article)
        fingerprints_of.append(fingerprints)
        group_of.append(group_of[copied] if copied is not None else index)
        first_by_key[result.content_key] = index
        for fingerprint in fingerprints:
            by_paragraph.setdefault(fingerprint, index)
    copies: dict[str, str] = {}
    groups: dict[int, list[Article]] = {}
    for index, group in enumerate(group_of):
        groups.setdefault(group, []).append(articles[index])
    for members in groups.values():
        if len(members) < 2:
            continue
        # The earliest dated is the original; syndication comes later.
        original = min(members, key=lambda a: (a.date.toordinal() if a.date else 10**7, a.file_name))
        for copy in members:
            if copy is not original:
                copies[copy.file_name] = original.file_name
                problems.append(Problem(
                    copy.file_name, f"is a copy of {original.file_name} ({_how_it_differs(copy, original)})",
                    "published with a note naming the original and counted as one source with it; delete it if it adds nothing",
                ))
    return articles, problems, copies


# A copy shares at least this share of the shorter version's paragraphs, and
# at least this many: two different reports quoting one press release share
# a paragraph or two, not most of them.
NEAR_DUPLICATE_SHARE = 0.75
NEAR_DUPLICATE_MIN_PARAGRAPHS = 3
# Shorter paragraphs (a byline, "图片来源：网络") recur across unrelated articles.
FINGERPRINT_MIN_CHARS = 20
NOT_WORDS = re.compile(r"[\W_]+")


def _paragraph_fingerprints(article: Article) -> frozenset[str]:
    """The article's text paragraphs with spacing and punctuation ignored."""
    texts = (NOT_WORDS.sub("", p.text).lower() for p in article.paragraphs if p.kind == "text")
    return frozenset(text for text in texts if len(text) >= FINGERPRINT_MIN_CHARS)


def _near_duplicate_of(fingerprints: frozenset[str], by_paragraph: dict[str, int], fingerprints_of: list[frozenset[str]]) -> int | None:
    """Index of the article (by its paragraphs' `fingerprints_of`) that these paragraphs are mostly a copy of, if any."""
    shared: dict[int, int] = {}
    for fingerprint in fingerprints:
        index = by_paragraph.get(fingerprint)
        if index is not None:
            shared[index] = shared.get(index, 0) + 1
    for index, count in sorted(shared.items(), key=lambda item: -item[1]):
        smaller = min(len(fingerprints), len(fingerprints_of[index]))
        if count >= NEAR_DUPLICATE_MIN_PARAGRAPHS and count >= NEAR_DUPLICATE_SHARE * smaller:
            return index
    return None


def _how_it_differs(copy: Article, kept: Article) -> str:
    ours, theirs = ({NOT_WORDS.sub("", p.text).lower() for p in a.paragraphs if p.kind == "text"} for a in (copy, kept))
    parts = []
    if copy.title != kept.title:
        parts.append("another title")
    if theirs - ours:
        parts.append(f"{len(theirs - ours)} paragraph(s) fewer")
    if ours - theirs:
        parts.append(f"{len(ours - theirs)} paragraph(s) more")
    return ", ".join(parts) or "reworded"


def _unique_slugs(articles: list[Article], problems: list[Problem]) -> list[Article]:
    """Two files wanting one URL: the first by file name keeps it, the next get -2, -3…"""
    taken: set[str] = set()
    unique = []
    for article in sorted(articles, key=lambda a: a.file_name):
        slug, n = article.slug, 2
        while slug in taken or slug == "index":
            slug, n = f"{article.slug}-{n}", n + 1
        if slug != article.slug:
            taken_by = "the list of sources" if article.slug == "index" else "another article"
            problems.append(Problem(article.file_name, f"its page name '{article.slug}' is taken by {taken_by}; published as '{slug}'", f"rename the file or set 'slug:' for it in seeds/{SOURCES_FILE}"))
            article = replace(article, slug=slug)
        taken.add(slug)
        unique.append(article)
    return unique
