"""The top of an article (and its last lines) → title, outlet, author, editor, date, with where each came from.

In: the article's body after front matter, and the front matter's fields.
Out: a Header — each field a Found(value, origin) or None — and the body
without the lines that were not article text (bylines, date lines,
breadcrumbs, menus, share buttons, photo credits, a repeated title, a site's
tagline above the headline, stock tickers and quotes, an author box under the story).

Only the header zone is read (the first `head_lines` non-empty lines, the
opening of the first paragraphs, and the last `tail_lines` lines where some
outlets sign): a date in a photo caption or "On Monday" in the body is never
a publication date. Shapes come from data/header.yml, outlet names from
data/outlets.yml. When several lines give one field, the more explicit kind
wins: front matter, then a labelled line (来源:, 记者, By …), then a name next
to a date (or alone under the headline), then the opening of the text, then a
signature at the end (a copyright notice is one), then a platform's host, the
site's masthead above the headline or its app prompt, and a photo credit.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema
from build_scripts.reading import cleaning
from build_scripts.reading.outlets import Outlets, load_outlets

HEADER_FILE = Path(__file__).parent.parent / "data" / "header.yml"
MONTHS = {m: n for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
BULLET = re.compile(r"^[•·▪●◆■\-*]\s+")
CJK = re.compile(r"[\u3400-\u9fff]")
SEGMENT_SEPARATORS = re.compile(r"\s*[|｜•]\s*|\s+[/／]\s+|\s*(?<![\u3400-\u9fff])·\s*|\s*·(?![\u3400-\u9fff])\s*|\s{2,}")
# "责任编辑：刘万里 SF014": a staff code after a Chinese name.
STAFF_CODE = re.compile(r"(?<=[\u3400-\u9fff])\s+[A-Z]{1,4}\d{2,}$")
MAX_NAME_CHARS = 30
LATIN_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]+){1,2}")
CITY_AFTER_NAME = re.compile(r"(?<=[a-z])\s+in\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?$")
CLIENT_SUFFIX = re.compile(r"(?<=\S)\s*(?:客户端|客戶端|APP|App|app)$")
COUNTER = re.compile(r"^(?:\d[\d,.]*\s*\S{0,3}|\d+\s*min(?:ute)?s?\s+read|[,，、]+)$")

# How explicit a kind of line is: lower wins (see the module docstring).
FRONT_MATTER, LABELLED, BESIDE_DATE, LEAD, SIGNATURE, PLATFORM, CREDIT = 0, 10, 20, 30, 40, 50, 60
FRONT_MATTER_KEYS = {
    "title": "title", "author": "author", "editor": "editor",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "date": "date", "published": "date",
}


LABEL_KINDS = ("date", "updated", "author", "editor", "outlet", "ignore")


class HeaderRulesError(schema.KnowledgeFileError):
    """header.yml is not usable; the message names the file, the entry and what to do."""


@dataclass(frozen=True)
class Found:
    """A field's value and where it was read: shown on the source page."""

    value: object
    origin: str
    rank: int = LABELLED


@dataclass(frozen=True)
class Header:
    title: Found | None = None
    outlet: Found | None = None
    author: Found | None = None
    editor: Found | None = None
    date: Found | None = None  # value: dt.date
    via: Found | None = None
    date_note: str = ""  # "year inferred …" when only month and day were given
    cited_outlets: tuple[str, ...] = ()
    problems: tuple[tuple[str, str], ...] = ()  # (what is wrong, what to do)
    body: str = ""


@dataclass(frozen=True)
class HeaderRules:
    head_lines: int
    tail_lines: int
    title_min: int
    title_min_words: int
    title_max: int
    title_max_cjk: int
    title_after_lead_min: int
    paragraph_chars: int
    title_strip: tuple[re.Pattern, ...]
    title_tag: re.Pattern  # group: tag
    tag_categories: re.Pattern
    title_with_outlet: re.Pattern
    site_separator: re.Pattern
    sentence_end: re.Pattern
    dates: tuple[re.Pattern, ...]
    month_day: tuple[re.Pattern, ...]
    time: re.Pattern
    label: re.Pattern  # groups: label, value
    label_fields: dict
    roles: frozenset
    bylines: tuple[re.Pattern, ...]
    leads: tuple[re.Pattern, ...]
    not_outlets: frozenset
    job_titles: re.Pattern
    outlet_shape: re.Pattern
    beside_date_min_cjk: int
    beside_date_not_outlets: re.Pattern  # places, weekdays, devices
    domain: re.Pattern
    person_name: re.Pattern
    credits: tuple[re.Pattern, ...]
    chrome: tuple[re.Pattern, ...]
    label_split: re.Pattern
    organisation: re.Pattern = re.compile(r"(?!)")  # a company's name: never an author
    desk: re.Pattern = re.compile(r"(?!)")  # a desk or newsroom: never an author
    person_suffix: re.Pattern = re.compile(r"(?!)")  # a job title after a name
    page_dates: re.Pattern = re.compile(r"(?!)")  # today's date on the site's top bar: chrome
    app_prompts: tuple[re.Pattern, ...] = ()  # group site: the app a prompt invites to, which names the site
    copyright: re.Pattern = re.compile(r"(?!)")  # group outlet: the publisher a copyright notice names
    source_channel: re.Pattern = re.compile(r"(?!)")  # a site's section or channel: never an outlet
    taglines: tuple[re.Pattern, ...] = ()  # what a site says of itself above the headline: never title or text
    # an author box under the story: its label, the line about the writer, that line opening with the name (group name)
    author_box_label: re.Pattern = re.compile(r"(?!)")
    author_bio: re.Pattern = re.compile(r"(?!)")
    author_writer: re.Pattern = re.compile(r"(?!)")
    author_bio_max: int = 0
    # (technical origin pattern, reader's words): how the source page says where a field came from
    provenance_words: tuple[tuple[re.Pattern, str], ...] = ()


# header.yml: the newer keys are checked by their declared shape, the older ones by hand in load_rules.
HEADER_SHAPE = schema.Maybe(schema.Record({}, optional={
    "source_channel": schema.Pattern(hint="a regular expression matching a channel or section name, e.g. '^\\S{0,10}?频道$'"),
    "taglines": schema.ListOf(schema.Pattern(), label="pattern"),
    "author_box": schema.Record({
        "label": schema.Pattern(), "bio": schema.Pattern(), "writer": schema.Pattern(groups=("name",)),
        "max_chars": schema.Integer(minimum=1, hint="the longest line about the writer, in characters"),
    }),
}, extra_ok=True))


@data_files.loader
def load_rules(path: Path = HEADER_FILE) -> HeaderRules:
    """header.yml, checked: a missing key or a pattern that does not compile names the file and the entry."""
    data = schema.load(path, HEADER_SHAPE) or {}  # invalid YAML: named with its line

    def need(key: str, kind: type):
        value = data.get(key)
        if not isinstance(value, kind):
            raise HeaderRulesError(f"{path.name}: '{key}' is missing or not a {kind.__name__}; see the comments in the file for its shape")
        return value

    def pattern(where: str, text) -> re.Pattern:
        try:
            return re.compile(str(text))
        except re.error as exc:
            raise HeaderRulesError(f"{path.name}: {where}: {text!r} is not a valid regular expression ({exc}); fix the pattern") from exc

    def patterns(key: str) -> tuple[re.Pattern, ...]:
        return tuple(pattern(f"{key} entry {n}", p) for n, p in enumerate(need(key, list), start=1))

    title = need("title", dict)
    labels = need("labels", dict)
    label_fields: dict[str, str] = {}
    for field_name, words in labels.items():
        if field_name not in LABEL_KINDS or not isinstance(words, list):
            raise HeaderRulesError(f"{path.name}: labels: '{field_name}' must be one of {', '.join(LABEL_KINDS)} with a list of labels")
        for word in words:
            label_fields[str(word).casefold()] = field_name
    needing_separator = {str(w).casefold() for w in data.get("labels_needing_separator") or ()}
    alternatives = "|".join(re.escape(w) for w in sorted(label_fields, key=len, reverse=True))
    loose = "|".join(re.escape(w) for w in sorted(set(label_fields) - needing_separator, key=len, reverse=True))
    separator = r"\s*[:：丨|｜/／]\s*"
    label = re.compile(
        rf"^(?P<label>{alternatives})(?:{separator}|$)(?P<value>.*)$|^(?P<loose>{loose})\s+(?P<loose_value>.*)$", re.IGNORECASE
    )
    for key in ("head_lines", "tail_lines"):
        need(key, int)
    for key in ("min_chars", "max_chars", "max_cjk_chars", "paragraph_chars"):
        if not isinstance(title.get(key), int):
            raise HeaderRulesError(f"{path.name}: title: '{key}' must be a whole number")
    app_prompts = tuple(pattern(f"app_prompts entry {n}", p) for n, p in enumerate(data.get("app_prompts") or [], start=1))
    return HeaderRules(
        head_lines=data["head_lines"],
        tail_lines=data["tail_lines"],
        title_min=title["min_chars"],
        title_min_words=int(title.get("min_words", 1)),
        title_max=title["max_chars"],
        title_max_cjk=title["max_cjk_chars"],
        title_after_lead_min=int(title.get("after_lead_min_chars", 0)),
        paragraph_chars=title["paragraph_chars"],
        title_strip=tuple(pattern(f"title: strip entry {n}", p) for n, p in enumerate(title.get("strip") or [], start=1)),
        title_tag=pattern("title: tag", title.get("tag", r"(?!)")),
        tag_categories=pattern("title: tag_categories", title.get("tag_categories", r"(?!)")),
        title_with_outlet=pattern("title: with_outlet", title.get("with_outlet", r"(?!)")),
        site_separator=pattern("title: site_separator", title.get("site_separator", r"(?!)")),
        sentence_end=pattern("title: sentence_end", title.get("sentence_end", r"[。.]$")),
        dates=patterns("dates"),
        month_day=patterns("month_day"),
        time=pattern("time", need("time", str)),
        label=label,
        label_fields=label_fields,
        roles=frozenset(str(r).casefold() for r in need("roles", list)),
        bylines=patterns("bylines"),
        leads=patterns("leads"),
        not_outlets=frozenset(str(w) for w in need("not_outlets", list)),
        job_titles=pattern("job_titles", need("job_titles", str)),
        outlet_shape=pattern("outlet_shape", need("outlet_shape", str)),
        beside_date_min_cjk=int(data.get("beside_date_min_cjk", 4)),
        beside_date_not_outlets=pattern("beside_date_not_outlets", data.get("beside_date_not_outlets", r"(?!)")),
        domain=pattern("domain", need("domain", str)),
        person_name=pattern("person_name", need("person_name", str)),
        credits=patterns("credits"),
        chrome=patterns("chrome") + app_prompts,  # an app prompt is chrome; app_prompts also read its site
        app_prompts=app_prompts,
        organisation=pattern("organisation", data.get("organisation", r"(?!)")),
        desk=pattern("desk", data.get("desk", r"(?!)")),
        person_suffix=pattern("person_suffix", data.get("person_suffix", r"(?!)")),
        page_dates=pattern("page_dates", data.get("page_dates", r"(?!)")),
        copyright=pattern("copyright", data.get("copyright", r"(?!)")),
        source_channel=re.compile(data.get("source_channel") or r"(?!)"),
        taglines=tuple(re.compile(p) for p in data.get("taglines") or ()),
        **_author_box_rules(data.get("author_box")),
        provenance_words=_provenance_words(data.get("provenance_words") or [], path, pattern),
        label_split=re.compile(rf"\s+(?=(?:{alternatives})\s*[:：])|(?<=[\u3400-\u9fff])\s+(?=(?:{loose})(?:\s+\S|$))", re.IGNORECASE),
    )


def _author_box_rules(box: dict | None) -> dict:
    if not box:
        return {}
    return {
        "author_box_label": re.compile(box["label"]), "author_bio": re.compile(box["bio"]),
        "author_writer": re.compile(box["writer"]), "author_bio_max": int(box["max_chars"]),
    }


def _provenance_words(entries, path: Path, pattern) -> tuple[tuple[re.Pattern, str], ...]:
    """provenance_words: [[pattern, words], …], each pattern compiled and its words' groups checked."""
    if not isinstance(entries, list):
        raise HeaderRulesError(f"{path.name}: 'provenance_words' must be a list of [pattern, words] pairs")
    words = []
    for n, entry in enumerate(entries, start=1):
        if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(part, str) for part in entry)):
            raise HeaderRulesError(f"{path.name}: provenance_words entry {n} ({entry!r}) must be a pair ['pattern', 'words']")
        compiled = pattern(f"provenance_words entry {n}", entry[0])
        try:
            compiled.sub(entry[1], "")  # a \2 the pattern has no group for fails here, named, not on a page
        except (re.error, IndexError) as exc:
            raise HeaderRulesError(f"{path.name}: provenance_words entry {n}: the words {entry[1]!r} refer to a group the pattern lacks ({exc})") from exc
        words.append((compiled, entry[1]))
    return tuple(words)


def reader_words(origin: str, rules: HeaderRules | None = None) -> str:
    """A field's technical origin ("header line 3: “…”", "og:site_name") in a reader's words (header.yml provenance_words)."""
    for compiled, words in (rules or load_rules()).provenance_words:
        origin = compiled.sub(words, origin)
    return origin


# ---------------------------------------------------------------------------
# Dates


@dataclass(frozen=True)
class DateRead:
    date: dt.date | None
    month_day: tuple[int, int] | None = None  # no year given
    ambiguous: str = ""  # the text, when day and month could be either way round
    span: tuple[int, int] = (0, 0)


def find_date(text: str, rules: HeaderRules) -> DateRead | None:
    """The first date with a year in `text` (or an ambiguous one, said so)."""
    best: tuple[int, re.Match] | None = None
    for pattern in rules.dates:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), match)
    if best is None:
        return None
    match = best[1]
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        elif a == b:
            month = day = a
        else:
            return DateRead(None, ambiguous=match.group(0), span=match.span())
    else:
        day = int(groups["d"])
        month = int(groups["m"]) if groups.get("m") else MONTHS.get(groups["mon"][:3].casefold(), 0)
    try:
        return DateRead(dt.date(year, month, day), span=match.span())
    except ValueError:
        return None


def month_and_day(text: str, rules: HeaderRules) -> tuple[int, int] | None:
    for pattern in rules.month_day:
        match = pattern.match(text.strip())
        if match:
            groups = match.groupdict()
            month = int(groups["m"]) if groups.get("m") else MONTHS.get(groups["mon"][:3].casefold(), 0)
            day = int(groups["d"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                return month, day
    return None


def _is_caption(text: str, rules: HeaderRules) -> bool:
    """A photo's credit or caption ("Photo: …", "图片来源：…", "FILE PHOTO: …", "▲…", "…（圖／X）")."""
    return any(p.search(text) for p in rules.credits)


def infer_year(month: int, day: int, body: str, rules: HeaderRules) -> tuple[dt.date, int] | None:
    """The date in the year the article's own full dates are in most (the nearest to the top on a tie).

    Captions are not the article's: a file photo's year is not the story's.
    """
    years: Counter[int] = Counter()
    first_seen: dict[int, int] = {}
    for number, line in enumerate(body.split("\n")):
        line = BULLET.sub("", line.strip())
        if not line or _is_caption(line, rules):
            continue
        for pattern in rules.dates[:3]:  # the unambiguous shapes
            for match in pattern.finditer(line):
                years[int(match["y"])] += 1
                first_seen.setdefault(int(match["y"]), number)
    if not years:
        return None
    year = max(years, key=lambda y: (years[y], -first_seen[y]))
    try:
        return dt.date(year, month, day), year
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# Reading the header


@dataclass
class _Reader:
    """Collects what each line says; the best of each field wins at the end."""

    rules: HeaderRules
    outlets: Outlets
    found: dict = field(default_factory=dict)  # field → [Found]
    month_days: list = field(default_factory=list)  # (rank, (m, d), origin)
    ambiguous: list = field(default_factory=list)
    cited: list = field(default_factory=list)
    beside_date_names: list = field(default_factory=list)
    dateline_days: list = field(default_factory=list)  # the day of the month an agency's dateline gives ("2日專訊")
    name_lines: list = field(default_factory=list)  # (line, name, origin): lines that are a listed outlet's name alone
    title_line: int | None = None

    def add(self, name: str, value, origin: str, rank: int) -> None:
        if isinstance(value, str):
            value = " ".join(value.split())
            if not value:
                return
        self.found.setdefault(name, []).append(Found(value, origin, rank))

    def add_outlet(self, text: str, origin: str, rank: int) -> bool:
        """The outlet (or platform) `text` names; False when it names none."""
        text = text.strip()
        if len(text) > 2 and text[0] + text[-1] in ("《》", "「」", "【】", "()", "（）"):
            text = text[1:-1].strip()
        text = CLIENT_SUFFIX.sub("", text)  # 上游新闻客户端: the outlet's app, named as the outlet
        if text and rank > FRONT_MATTER and self._is_channel(text):
            text = self._outlet_opening(text)  # 汽车频道, Tech Desk: a section of the site, not who published it
        if not text or text in self.rules.not_outlets:
            return False
        platform = self.outlets.platform(text)
        if platform:
            self.add("via", platform.name, origin, rank)
            self.add("outlet", platform.host, f"{origin} (host of {platform.name})", PLATFORM)
            return True
        domain = self.rules.domain.match(text)
        if domain:
            known = self.outlets.of_domain(domain["domain"])
            self.add("outlet", known or domain["domain"], origin if known else f"{origin} (a web address not in outlets.yml)", rank)
            return True
        self.add("outlet", self.outlets.named(text) or text, origin, rank)
        return True

    def _is_channel(self, text: str) -> bool:
        """"汽车频道", "來源：財經頻道"'s value, "财经版", "Tech Desk": a section of a site (header.yml source_channel), unless a listed name."""
        return bool(self.rules.source_channel.match(text)) and not self.outlets.named(text) and not self.outlets.platform(text)

    def _outlet_opening(self, channel: str) -> str:
        """The listed outlet a channel's name opens with ("新浪科技频道": 新浪科技, "Reuters Tech Desk": Reuters), or ""."""
        for end in range(len(channel) - 1, 0, -1):
            at_word_end = channel[end].isspace() or bool(CJK.match(channel[end]) or CJK.match(channel[end - 1]))
            if at_word_end and self.outlets.named(channel[:end].strip()):
                return channel[:end].strip()
        return ""

    def add_person(self, name: str, text: str, origin: str, rank: int) -> None:
        """An author or editor, unless it names a site role or a wire."""
        text = STAFF_CODE.sub("", " ".join(text.split()).strip("?？ "))
        text = self.rules.person_suffix.sub("", text) or text  # "王小明 资深编辑": the name, not the job
        if re.fullmatch(r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)+", text):
            text = text.title()  # "JANE DOE" in a small-caps byline
        known = self.outlets.named(text) if text else None
        if not known and name == "author" and self.rules.desk.search(text) and len(text.split()) > 1:
            known = self.outlets.named(text.rsplit(None, 1)[0])  # "By Reuters Staff": a listed outlet's own desk
        if known and name == "author":  # "By PR Newswire", "By Business Wire": an outlet, before it can pass for a company
            self.add("outlet", known, origin, rank)
            return
        if not text or text.casefold() in self.rules.roles or self.rules.organisation.search(text) or self.rules.desk.search(text):
            return  # a site role, or a company ("XPeng Inc." as a press release's author)
        self.add(name, text, origin, rank)

    def byline(self, text: str, origin: str, rank: int) -> bool:
        for pattern in self.rules.bylines:
            match = pattern.match(text)
            if not match:
                continue
            groups = {k: v for k, v in match.groupdict().items() if v}
            if "outlet" in groups and not self.rules.job_titles.match(groups["outlet"].strip()):
                self.add_outlet(groups["outlet"], origin, rank)
            for name in ("author", "editor"):
                if name in groups:
                    self.add_person(name, groups[name], origin, rank)
            if "cited" in groups:
                self.cited.append(groups["cited"].strip())
            if "credit_outlet" in groups:
                self.add_outlet(groups["credit_outlet"], f"{origin} (photo credit)", CREDIT)
            if "date" in groups and (md := month_and_day(groups["date"], self.rules)) is not None:
                self.month_days.append((rank, md, origin))
            return True
        return False

    def labelled_or_dated(self, text: str, origin: str, rank: int) -> bool:
        """A line of labels, names and a date ("来源: X 发布时间: …", "CNBC | Jane Doe", "36kr.com · 2025-11-05").

        What the line names counts only if the whole line is metadata: a sentence
        that happens to hold a label or a date adds nothing.
        """
        if len(text) > 200 or (len(text) > 60 and self.rules.sentence_end.search(text)):
            return False  # a paragraph: checked first, as most header-zone lines are text
        before = self._checkpoint()
        if self._read_metadata_line(text, origin, rank):
            return True
        self._rollback(before)
        return False

    def _checkpoint(self) -> tuple:
        return ({k: len(v) for k, v in self.found.items()}, len(self.month_days), len(self.ambiguous), len(self.cited), len(self.beside_date_names))

    def _rollback(self, checkpoint: tuple) -> None:
        found, month_days, ambiguous, cited, beside = checkpoint
        for key, values in self.found.items():
            del values[found.get(key, 0):]
        del self.month_days[month_days:], self.ambiguous[ambiguous:], self.cited[cited:], self.beside_date_names[beside:]

    def _read_metadata_line(self, text: str, origin: str, rank: int) -> bool:
        rules = self.rules
        date = find_date(text, rules)
        rest = text
        if date:
            end = date.span[1]
            time = rules.time.match(text, end)
            if time:
                end = time.end()
            rest = text[:date.span[0]] + "  " + text[end:]
        segments = [s.strip() for part in SEGMENT_SEPARATORS.split(rest) for s in rules.label_split.split(part)]
        segments = [s for s in segments if s and s not in ",，、"]
        # "Author | Wang Xiaojun": the separator split a label from its value.
        for n in range(len(segments) - 1):
            bare = rules.label.match(segments[n])
            if (bare and bare["label"] and not bare["value"] and not rules.label.match(segments[n + 1])
                    and not any(p.match(segments[n + 1]) for p in rules.bylines)):  # "Posted on <date> by Jane Doe"
                segments[n + 1] = f"{segments[n]}: {segments[n + 1]}"
                segments[n] = ""
        segments = [s for s in segments if s]
        unknown: list[str] = []
        recognised = bool(date)
        dated_labels = False
        labels_seen: set[str] = set()
        outlet_here = False
        todo = [(segment, True) for segment in segments]
        while todo:
            segment, counts = todo.pop(0)
            label = rules.label.match(segment)
            if label:
                recognised = True
                word = (label["label"] or label["loose"]).casefold()
                value = (label["value"] if label["label"] else label["loose_value"]) or ""
                kind = rules.label_fields[word]
                if kind == "ignore" and len(value.split()) > 1:
                    # "IP属地 北京 某某新闻": a name may follow the label's value; the rest is the label's.
                    todo.insert(0, (value.split(None, 1)[1], False))
                elif kind in ("date", "updated"):
                    dated_labels = True
                    labels_seen.add(kind)
                    if value and not date:
                        date = find_date(value, rules)
                        md = month_and_day(value, rules)
                        if md:
                            self.month_days.append((rank, md, origin))
                elif kind in ("outlet", "author", "editor") and len(value) > MAX_NAME_CHARS:
                    unknown.append(value)  # a sentence after a label, not a name
                elif kind == "outlet" and value:
                    if self._names_a_person(value):
                        self.add_person("author", value, origin, rank)
                    elif not self.byline(value, origin, rank):
                        outlet_here = self.add_outlet(value, origin, rank) or outlet_here
                elif kind in ("author", "editor") and value:
                    if not self.byline(value, origin, rank):
                        self.add_person(kind, value, origin, rank)
                continue
            if COUNTER.match(segment) and not self.outlets.named(segment):
                continue  # "123次", "3 min read" — but 36氪 is an outlet
            if self.byline(segment, origin, rank):
                recognised = True
                continue
            words = segment.split() if CJK.search(segment) else [segment]
            for word in words:
                if self._is_outlet_name(word):
                    recognised = outlet_here = True
                    self.beside_date_names.append((word, origin))
                elif counts and not COUNTER.match(word):
                    unknown.append(word)
        if not recognised or len("".join(unknown)) > 30:
            return False
        if not date and not dated_labels and unknown and not (len(unknown) == 1 and rules.person_name.match(unknown[0])):
            return False  # "Headline | Outlet" is a title line, not a byline
        if rules.sentence_end.search(text) and (unknown or len(text) > 60):
            return False  # a sentence that mentions a date
        updated_only = labels_seen == {"updated"}
        if date and date.date:
            self.add("date", date.date, origin + (" (updated)" if updated_only else ""), rank + 5 * updated_only)
        elif date and date.ambiguous:
            self.ambiguous.append((date.ambiguous, origin))
        # A name beside an outlet is its author; beside a date it may be a city (· 北京), unless a Latin name.
        if outlet_here and not date and len(unknown) == 1 and rules.person_name.match(unknown[0]):
            self.add_person("author", unknown[0], origin, rank)  # "CNBC | Evelyn Cheng"
        elif date and len(unknown) == 1 and LATIN_NAME.fullmatch(unknown[0]):
            self.add_person("author", unknown[0], origin, BESIDE_DATE)  # "Jane Doe | Nov 5 2025"
        elif date and not outlet_here:
            # "某某汽车 · 2025-11-20": an unlisted name beside the date, when it cannot be a person or a place.
            for word in unknown:
                if self._outlet_beside_date(word):
                    self.add_outlet(word, origin + " (name beside the date)", BESIDE_DATE + 5)
                    break
        return True

    def _outlet_beside_date(self, word: str) -> bool:
        rules = self.rules
        cjk = len(CJK.findall(word))
        if not cjk or len(word) > 16 or not re.fullmatch(r"[\u3400-\u9fffA-Za-z0-9]+", word):
            return False  # "浏览次数：123", "评论(3)": a counter, not a name
        if word.casefold() in rules.roles or rules.beside_date_not_outlets.search(word):
            return False
        return cjk >= rules.beside_date_min_cjk or bool(re.search(r"[0-9A-Za-z]", word) and cjk >= 1 and not re.search(r"[0-9A-Za-z]{4,}", word))

    def _is_outlet_name(self, word: str) -> bool:
        return bool(
            self.outlets.named(word) or self.outlets.platform(word) or self.rules.domain.match(word)
            or (CJK.search(word) and self.rules.outlet_shape.search(word) and len(word) <= 12)
        )

    def _names_a_person(self, value: str) -> bool:
        """来源: 李凯婷 — a "source" that is a person's name, not an outlet."""
        value = value.strip()
        return bool(
            re.fullmatch(r"[\u3400-\u9fff]{2,3}", value)
            and not self.outlets.named(value) and not self.outlets.platform(value)
            and not self.rules.outlet_shape.search(value) and not self._is_channel(value)  # 来源：财经版
        )

    def best(self, name: str) -> Found | None:
        candidates = self.found.get(name) or []
        return min(candidates, key=lambda f: f.rank) if candidates else None


def read_header(body: str, front: dict | None = None, rules: HeaderRules | None = None, outlets: Outlets | None = None, given: dict | None = None) -> Header:
    """`given`: fields a web page's tags state ({name: object with value and origin}), as explicit as front matter."""
    rules = rules or load_rules()
    outlets = outlets or load_outlets()
    reader = _Reader(rules, outlets)
    _read_front_matter(front or {}, reader)
    for name, stated in (given or {}).items():
        # A page's tags are as explicit as front matter; its address is weaker than a byline in its text.
        rank = FRONT_MATTER if getattr(stated, "stated", True) else LABELLED + 1
        if name == "outlet":
            reader.add_outlet(str(stated.value), stated.origin, rank)
        elif name == "author":
            byline = str(stated.value)
            # A page's byline box reads as a pasted byline does: "記者 張明 廣州報道", "作者：郭晓静 编辑：徐青阳".
            if not reader.byline(byline, stated.origin, rank) and not (
                    rules.label.match(byline) and reader.labelled_or_dated(byline, stated.origin, rank)):
                reader.add_person("author", byline, stated.origin, rank)
        else:
            reader.add(name, stated.value, stated.origin, rank)

    lines = _split_run_on_headline(body.split("\n"), rules)
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    # The header is the story's: a list of other articles under a short one is not read for its dates.
    story_end = len(cleaning.story_lines("\n".join(lines), cleaning.load_rules())) if len(nonempty) > 1 else len(lines)
    # A line that is only a stock ticker or quote ("NYSE: XPEV", "XPEV  +3.21%") is page furniture wherever it stands.
    tickers = cleaning.tickers_among([BULLET.sub("", line.strip()) for line in lines], cleaning.load_rules())
    head = _head_zone(lines, [i for i in nonempty if i < story_end or i == nonempty[0]], rules, tickers)
    tail = [i for i in [j for j in nonempty if j not in tickers][-rules.tail_lines:] if i not in set(head)]
    text_of = {i: BULLET.sub("", lines[i].strip()) for i in (*head, *tail)}

    key_lines = _unfenced_front_matter(head, text_of, reader)
    meta, captions = _read_head([i for i in head if i not in key_lines and i not in tickers], text_of, reader)
    meta.update(key_lines)
    meta.update({i: "chrome" for i in head if i in tickers})
    if key_lines and reader.best("title"):
        meta.update({i: "title" for i in head if text_of[i] == reader.best("title").value})  # printed again below the keys
    dropped = set(meta)
    last_head = head[-1] if head else -1

    def sections_after(line: int) -> bool:
        """Short lines stand alone between paragraphs further down: the article's section headings."""
        return any(
            len(lines[i].strip()) < rules.title_after_lead_min and _headline_shaped(lines[i].strip(), rules, False)
            for i in nonempty if i > max(line, last_head)
        )
    title_lines = _read_title(head, text_of, meta, captions, reader, sections_after) if not reader.best("title") else set()
    dropped |= title_lines
    dropped |= set(meta)  # _read_title marks section labels above the title
    _read_name_lines(reader)
    dropped |= _read_tail(tail, text_of, reader)
    dropped |= tickers
    dropped |= _author_box([i for i in nonempty if i not in dropped and i < story_end], lines, reader)
    kept = [i for i in nonempty if i not in dropped]
    if not kept and title_lines:
        # A one-line article: its only line is both title and text.
        dropped -= title_lines
        kept = sorted(title_lines)
    for i in _opening_lines(kept, lines, rules):
        _lead(text_of.get(i) or lines[i].strip(), f"opening of line {i + 1}", reader)

    body_text = "\n".join(line for i, line in enumerate(lines) if i not in dropped)
    # A month and day take their year from this story, never from a list of other articles under it.
    story = "\n".join(cleaning.story_lines(body_text, cleaning.load_rules()))
    date, date_note, problems = _resolve_date(reader, story, rules)
    outlet = reader.best("outlet")
    via = reader.best("via")
    # A name beside the date that lost to a labelled outlet is the platform it came through.
    if outlet and outlet.rank < BESIDE_DATE and not via:
        for candidate in reader.found.get("outlet") or ():
            if candidate.rank == BESIDE_DATE and candidate.value != outlet.value:
                via = Found(candidate.value, candidate.origin, candidate.rank)
                break
    publisher = str(outlet.value) if outlet else ""
    cited = tuple(dict.fromkeys(c for c in (*reader.cited, *_cited_outlets(body_text, outlets)) if c and c != publisher))
    return Header(
        title=reader.best("title"), outlet=outlet, author=reader.best("author"), editor=reader.best("editor"),
        date=date, via=via, date_note=date_note, cited_outlets=cited, problems=problems, body=body_text,
    )


def _opening_lines(kept: list[int], lines: list[str], rules: HeaderRules) -> list[int]:
    """The lines whose opening may name the outlet or date: the text's first two paragraphs, and the short lines before them.

    A site's tagline, a ticker box or a dateline on a line of its own can stand
    above the first paragraph; they do not push it out of reach. Paragraphs are
    counted as the title is chosen: a line `paragraph_chars` long, or ending like a sentence.
    """
    opening: list[int] = []
    paragraphs = 0
    for i in kept[:rules.head_lines]:
        opening.append(i)
        text = lines[i].strip()
        paragraphs += len(text) >= rules.paragraph_chars or bool(rules.sentence_end.search(text))
        if paragraphs >= 2:
            break
    return opening


RUN_ON_DATELINE = re.compile(r"\s+(?=\d{1,2}\s*月\s*\d{1,2}\s*日\s*[,，])")


def _split_run_on_headline(lines: list[str], rules: HeaderRules) -> list[str]:
    """"标题 11月30日,正文……" on one line (a copy that lost its line breaks): the headline on a line of its own.

    Only the first line, only when a Chinese headline-shaped part is followed
    by a space and a dateline opening the text.
    """
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or len(lines[first]) < rules.paragraph_chars:
        return lines
    parts = RUN_ON_DATELINE.split(lines[first].strip(), maxsplit=1)
    if len(parts) == 2 and len(CJK.findall(parts[0])) >= 8 and "。" not in parts[0] and len(parts[0]) <= rules.title_max_cjk:
        return lines[:first] + [parts[0], "", parts[1]] + lines[first + 1:]
    return lines


FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z]+)\s*:\s*(?P<value>\S.*)$")


def _unfenced_front_matter(head: list[int], text_of: dict, reader: _Reader) -> dict[int, str]:
    """`title: X` / `date: …` lines opening the file without `---` fences: front matter all the same.

    Only a block of front-matter keys at the very top counts, and only when it
    holds a title or more than one key: a lone "Source: X" is an ordinary labelled line.
    """
    block: dict[int, tuple[str, str]] = {}
    for i in head:
        match = FRONT_MATTER_LINE.match(text_of[i])
        if not match or (match["key"].lower() not in FRONT_MATTER_KEYS and match["key"].lower() != "url"):
            break
        block[i] = (match["key"].lower(), match["value"].strip().strip("\"'"))
    if not block or ("title" not in {k for k, _ in block.values()} and len(block) < 2):
        return {}
    for i, (key, value) in block.items():
        _read_front_matter({key: value}, reader, origin=f"header line {i + 1} '{key}:' (front matter without fences)")
    return {i: "front matter" for i in block}


def _read_front_matter(front: dict, reader: _Reader, origin: str = "") -> None:
    """Front matter keys (title, source/publisher/site/outlet, author, date/published, url) win over the text."""
    given_origin = origin
    for key, value in front.items():
        name = FRONT_MATTER_KEYS.get(str(key).lower())
        origin = given_origin or f"front matter '{key}'"
        if name == "outlet" and isinstance(value, str):
            reader.add_outlet(value, origin, FRONT_MATTER)
        elif name == "date" and isinstance(value, (dt.date, str)):
            date = value if isinstance(value, dt.date) else (find_date(value, reader.rules) or DateRead(None)).date
            if isinstance(date, dt.datetime):
                date = date.date()
            if date:
                reader.add("date", date, origin, FRONT_MATTER)
        elif name and isinstance(value, (str, int, float)) and not isinstance(value, bool):
            reader.add(name, str(value), origin, FRONT_MATTER)
        elif str(key).lower() == "url" and isinstance(value, str):
            host = re.match(r"(?:https?://)?([^/\s]+)", value.strip())
            if host:
                reader.add_outlet(host[1].removeprefix("www."), origin, FRONT_MATTER + 5)


def _head_zone(lines: list[str], nonempty: list[int], rules: HeaderRules, tickers: set[int] = frozenset()) -> list[int]:
    """The first `head_lines` non-empty lines, not counting page chrome (a site's menu, a quote box can be long)."""
    head: list[int] = []
    counted = 0
    for i in nonempty:
        if counted >= rules.head_lines:
            break
        head.append(i)
        counted += i not in tickers and not any(p.search(BULLET.sub("", lines[i].strip())) for p in rules.chrome)
    return head


def _read_head(head: list[int], text_of: dict, reader: _Reader) -> tuple[dict[int, str], set[int]]:
    """What each header line is ("date", "byline", "chrome", "credit"), and which lines are photo captions."""
    rules = reader.rules
    meta: dict[int, str] = {}
    captions: set[int] = set()
    for position, i in enumerate(head):
        text = text_of[i]
        origin = f"header line {i + 1}: “{_short(text)}”"
        if len(text) <= 40 and rules.page_dates.search(text):
            meta[i] = "chrome"  # today's date on the site's top bar, not the article's
        elif _is_caption(text, rules):
            meta[i] = "credit"  # before dates: a caption's date is the photo's, never the article's
            if position:
                captions.add(head[position - 1])
        elif find_date(text, rules) and reader.labelled_or_dated(text, origin, LABELLED):
            meta[i] = "date"  # before the chrome shapes: a date line may end in share buttons
        elif _copyright_notice(text, origin, reader):
            meta[i] = "chrome"  # a short article's last line is in the header zone too
        elif any(p.search(text) for p in rules.chrome):
            meta[i] = "chrome"
            _breadcrumb(text, origin, reader)
            _site_of_app_prompt(text, origin, reader)
        elif any(p.search(text) for p in rules.credits):
            meta[i] = "credit"
            if position:
                captions.add(head[position - 1])
        elif len(text.split()) <= 4 and not CJK.search(text) and rules.organisation.search(text):
            meta[i] = "chrome"  # "XPeng Inc." alone under "News provided by": who issued a release
        elif reader.byline(text, origin, LABELLED):
            meta[i] = "byline"
        elif (md := month_and_day(text, rules)) is not None:
            reader.month_days.append((LABELLED, md, origin))
            meta[i] = "date"
        else:
            dates_before = len(reader.month_days) + len(reader.ambiguous)
            names_before = len(reader.beside_date_names)
            if reader.labelled_or_dated(text, origin, LABELLED):
                meta[i] = "date" if len(reader.month_days) + len(reader.ambiguous) > dates_before else "byline"
                if reader.beside_date_names[names_before:] == [(text, origin)]:
                    reader.name_lines.append((i, *reader.beside_date_names.pop()))  # ranked once the title is known
    for word, origin in reader.beside_date_names:
        reader.add_outlet(word, origin, BESIDE_DATE)
    return meta, captions


def _read_name_lines(reader: _Reader) -> None:
    """Lines that are an outlet's name alone: under the headline, the story's credit; above it, the site's masthead.

    A site can carry another outlet's story (an aggregator's "Yahoo Finance"
    over a Reuters copy credited "Reuters" under the headline): the masthead
    names the outlet only as weakly as a platform's host, when nothing else does.
    """
    for line, name, origin in reader.name_lines:
        if reader.title_line is not None and line < reader.title_line:
            reader.add_outlet(name, f"{origin} (name above the title)", PLATFORM)
        else:
            reader.add_outlet(name, origin, BESIDE_DATE)


def _read_title(head: list[int], text_of: dict, meta: dict, captions: set, reader: _Reader, sections_after=lambda line: False) -> set[int]:
    """Choose the title line and read it; the lines that leave the text with it."""
    rules = reader.rules
    title_index = _choose_title(head, text_of, meta, captions, rules, sections_after)
    if title_index is None:
        return set()
    reader.title_line = title_index
    title_text = text_of[title_index]
    tag = rules.title_tag.match(title_text)
    if tag:
        title_text = title_text[tag.end():]
        word = tag["tag"].strip()
        if not rules.tag_categories.search(word) and word not in rules.not_outlets:
            reader.add_outlet(word, f"header line {title_index + 1}: tag “【{word}】” before the title", SIGNATURE + 5)
    for pattern in rules.title_strip:
        title_text = pattern.sub("", title_text)
    origin = f"header line {title_index + 1}"
    headline, site = without_site_name(title_text, rules, reader.outlets)
    titled = rules.title_with_outlet.match(title_text)
    if site:
        title_text = headline
        reader.add_outlet(site, f"{origin}: “{_short(text_of[title_index])}”", LABELLED)
    elif titled and not rules.person_name.match(titled["title"]):
        title_text = titled["title"]
        reader.add_outlet(titled["outlet"], f"{origin}: “{_short(text_of[title_index])}”", LABELLED)
    # A headline has no full stop; some pastes end it with one.
    reader.add("title", re.sub(r"(?<=[a-z])\.$", "", title_text.rstrip("。").rstrip()), origin, LABELLED)
    dropped = {title_index}
    _name_line_under_title(title_index, head, text_of, meta, reader, dropped)
    for i in head:
        if i < title_index and i not in meta and _too_short_for_text(text_of[i], rules):
            meta[i] = "chrome"  # a section label or menu item above the title
        elif i < title_index and i not in meta and i not in captions and _tagline(text_of[i], rules):
            meta[i] = "chrome"  # the site's tagline above the title
        if i != title_index and text_of[i] == text_of[title_index]:
            dropped.add(i)  # the title printed twice
    return dropped


def without_site_name(title: str, rules: HeaderRules, outlets: Outlets, site_name: str = "") -> tuple[str, str]:
    """"Reuters | headline", "headline - 36氪", "标题_新浪财经_新浪网" → (the headline, the site's name, or "").

    Only a part that outlets.yml knows (or the page's own `site_name`) is taken off, from either end;
    a headline with a dash of its own keeps it.
    """
    def known(part: str) -> bool:
        part = part.strip()
        return bool(part) and len(part) <= 40 and (
            part == site_name or bool(outlets.named(part) or outlets.platform(part) or (rules.domain.match(part) and outlets.of_domain(part.lower()))))

    site = ""
    while True:
        separators = list(rules.site_separator.finditer(title))
        if not separators:
            break
        last, first = separators[-1], separators[0]
        if known(title[last.end():]) and title[:last.start()].strip():
            site = title[last.end():].strip()  # at last the innermost, the most particular: 新浪财经, not 新浪网
            title = title[:last.start()].rstrip()
        elif known(title[:first.start()]) and title[first.end():].strip():
            site = title[:first.start()].strip()
            title = title[first.end():].lstrip()
        else:
            break
    return title, site


def _read_tail(tail: list[int], text_of: dict, reader: _Reader) -> set[int]:
    """Signatures, credits and editor lines at the end of the article; the lines that leave the text."""
    rules = reader.rules
    dropped = set()
    for i in tail:
        text = text_of[i]
        origin = f"signature line {i + 1}: “{_short(text)}”"
        if _copyright_notice(text, origin, reader):
            dropped.add(i)
        elif any(p.search(text) for p in rules.credits) or any(p.search(text) for p in rules.chrome):
            dropped.add(i)
            _site_of_app_prompt(text, origin, reader)
        elif reader.byline(text, origin, SIGNATURE):
            dropped.add(i)
        elif rules.label.match(text) and len(text) <= 40 and reader.labelled_or_dated(text, origin, SIGNATURE):
            dropped.add(i)  # 责任编辑：X, （来源：X）
    return dropped


def _author_box(story: list[int], lines: list[str], reader: _Reader) -> set[int]:
    """"作者简介：张三，资深汽车记者…", "Jane Doe / Jane Doe covers EVs for …": the author box among the story's last lines.

    Its lines leave the text; the writer it names is the author as weakly as a
    signature (a byline wins). The story's first line is never part of it.
    """
    rules = reader.rules
    last = story[1:][-3:]
    text = {i: BULLET.sub("", lines[i].strip()) for i in last}
    for n, i in enumerate(last):
        label = rules.author_box_label.match(text[i])
        if label:
            about = text[i][label.end():].strip() or (text[last[n + 1]] if n + 1 < len(last) else "")
            _writer_of_box(about, f"signature line {i + 1}: “{_short(text[i])}” (author box)", reader)
            return set(last[n:])
    if len(last) < 2:
        return set()
    name_line, about_line = last[-2], last[-1]
    name, about = text[name_line], text[about_line]
    writer = rules.author_writer.match(about)
    if (len(about) <= rules.author_bio_max and rules.person_name.match(name)
            and (rules.author_bio.match(about) or (writer and writer["name"] == name))):
        reader.add_person("author", name, f"signature line {name_line + 1}: “{name}” (author box)", SIGNATURE)
        return {name_line, about_line}
    return set()


def _writer_of_box(about: str, origin: str, reader: _Reader) -> None:
    """The writer an author box's line opens with ("张三，资深汽车记者…", "Jane Doe covers …"): the author, weakly."""
    writer = reader.rules.author_writer.match(about)
    if writer and len(about) <= reader.rules.author_bio_max:
        reader.add_person("author", writer["name"], origin, SIGNATURE)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _breadcrumb(text: str, origin: str, reader: _Reader) -> None:
    """网易首页 > 网易号 > 正文, 東網 > 即時新聞 > 兩岸, 新浪财经首页: the site's name and the platform the article was posted on.

    A breadcrumb starts at the site's front page: its first step names the site
    when outlets.yml lists it, as a front-page link ("…首页") always does.
    """
    parts = [p.strip() for p in re.split(r"\s*[>»›]\s*", text) if p.strip()]
    front_page_link = len(parts) == 1 and parts[0].endswith(("首页", "首頁"))
    if len(parts) < 3 and not front_page_link:
        return
    for n, part in enumerate(parts):
        word = part.split()[0]
        if reader.outlets.platform(word):
            reader.add_outlet(word, origin, PLATFORM)
        elif word.endswith(("首页", "首頁")) and len(word) > 2:
            site = word[:-2]
            reader.add("outlet", reader.outlets.named(site) or site, origin, PLATFORM)
        elif n == 0 and reader.outlets.named(word):
            reader.add("outlet", reader.outlets.named(word), origin, PLATFORM)


def _copyright_notice(text: str, origin: str, reader: _Reader) -> bool:
    """"Copyright © 2025 South China Morning Post Publishers Ltd.": the site's notice names its publisher, as a signature does."""
    notice = reader.rules.copyright.match(text)
    known = reader.outlets.named(notice["outlet"].strip()) if notice else None
    if known:
        reader.add("outlet", known, f"{origin} (copyright notice)", SIGNATURE)
    return bool(known)


def _site_of_app_prompt(text: str, origin: str, reader: _Reader) -> None:
    """"下載「香港01」App，即睇…": a site invites readers to its own app, so a listed app's name is the site's (as weak as a platform's host)."""
    for pattern in reader.rules.app_prompts:
        match = pattern.search(text)
        site = match.groupdict().get("site") if match else None
        known = reader.outlets.named(site) if site else None
        if known:
            reader.add("outlet", known, f"{origin} (the site's app)", PLATFORM)
            return


def _choose_title(head: list[int], text_of: dict, meta: dict, captions: set, rules: HeaderRules, sections_after=lambda line: False) -> int | None:
    """The headline among the header lines that are not metadata, menus or credits."""
    scored: list[tuple[int, int]] = []
    paragraphs = 0
    footer_markers = cleaning.load_rules().footer_markers
    for position, i in enumerate(head):
        if i in meta:
            continue
        text = text_of[i]
        if any(m.search(text) for m in footer_markers):
            continue  # "免责声明：…", "Related Articles": never a headline, wherever it stands
        is_paragraph = len(text) >= rules.paragraph_chars or bool(rules.sentence_end.search(text))
        paragraphs += is_paragraph
        # The title stands before the first paragraph, or right after it when nothing above could be one.
        if paragraphs >= 2 or (paragraphs and any(not _too_short_for_text(text_of[-j], rules) for _, j in scored)):
            break
        following = head[position + 1] if position + 1 < len(head) else None
        after_next = head[position + 2] if position + 2 < len(head) else None
        previous = head[position - 1] if position else None
        # title / name / date line (a bare author name between them) reads like a byline too.
        name_then_date = (
            following is not None and following not in meta and after_next is not None and meta.get(after_next) == "date"
            and bool(rules.person_name.match(text_of[following]))
        )
        before_byline = following is not None and meta.get(following) == "byline" or name_then_date
        # After a paragraph, a short line is a section heading unless a date or byline stands beside it.
        beside_meta = meta.get(following) in ("date", "byline") or meta.get(previous) in ("date", "byline") or before_byline
        # A short one is the first of the article's section headings when more like it follow (how the file uses such lines).
        if paragraphs and not beside_meta and len(text) < rules.title_after_lead_min and (sections_after(i) or any(
                j > i and j not in meta and len(text_of[j]) < rules.title_after_lead_min and _headline_shaped(text_of[j], rules, False) for j in head)):
            continue
        # A site's tagline over another headline-shaped line ("专业的汽车科技媒体" / the headline), menus between: not the headline.
        below = next((j for j in head[position + 1:] if meta.get(j) not in ("chrome", "credit")), None)
        if below is not None and below not in meta and _tagline(text, rules) and _headline_shaped(text_of[below], rules, False):
            continue
        # The file's first line, short, ending in a full stop, above more text: a headline pasted with a stop.
        first_line_stop = position == 0 and len(text) < rules.paragraph_chars and text.endswith(".") and following is not None
        # A headline standing right above its byline or date may be long (some run to a hundred characters and more).
        if not _headline_shaped(text, rules, allow_sentence=before_byline or first_line_stop, long_ok=(before_byline or meta.get(following) == "date") and paragraphs == is_paragraph) or i in captions:
            continue
        score = 2 * before_byline + (following is not None and meta.get(following) == "date")
        score += previous is not None and meta.get(previous) in ("date", "byline")
        score += 2 if position == 0 else not scored  # the very top of the file
        score += sum(text_of[j] == text for j in head if j != i) * 2  # printed twice: headline and page title
        score += _title_case(text)
        # A short title is possible ("标题") but a short line above a longer one is a section label.
        score -= 3 * _too_short_for_text(text, rules)
        # Between a date line and a byline: the classic header block.
        score += previous is not None and meta.get(previous) == "date" and before_byline
        # Right under another headline-shaped line: a deck (subtitle), not the headline.
        if previous is not None and scored and scored[-1][1] == -previous and not _too_short_for_text(text_of[previous], rules):
            score -= 1
        scored.append((score, -i))
    return -max(scored)[1] if scored else None


def _headline_shaped(text: str, rules: HeaderRules, allow_sentence: bool, long_ok: bool = False) -> bool:
    chinese = len(CJK.findall(text)) > len(text) / 3
    limit = (rules.title_max_cjk if chinese else rules.title_max) * (3 if long_ok else 1)
    if not 2 <= len(text) <= limit or text.startswith(("![", "http")):
        return False
    if long_ok and len(text) > limit / 3 and (rules.sentence_end.search(text) or re.search(r"[.!?]\s+[A-Z]|[。！？]\S", text)):
        return False  # a long line of sentences is the lead, whatever stands under it
    if text[0] + text[-1] in ("()", "（）", "(）", "（)"):
        return False  # "(注：…)": an aside in brackets
    return allow_sentence or not rules.sentence_end.search(text)


def _tagline(text: str, rules: HeaderRules) -> bool:
    """"专业的汽车科技媒体", "Your daily dose of EV news": what a site says of itself (header.yml taglines), short and no sentence."""
    return len(text) < rules.paragraph_chars and not rules.sentence_end.search(text) and any(p.search(text) for p in rules.taglines)


def _too_short_for_text(text: str, rules: HeaderRules) -> bool:
    """A section label or menu item ("港聞", "Global", "Autos & Transportation"), when it stands above the title.

    Words are counted without the signs between them: "&" or "|" joins two section names, it is not a third word.
    """
    words = [w for w in text.split() if re.search(r"\w", w)]
    return len(text) < rules.title_min or (not CJK.search(text) and len(words) < rules.title_min_words)


def _title_case(text: str) -> bool:
    """English headlines Capitalise Most Words; photo captions above them do not."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _name_line_under_title(title_index: int, head: list[int], text_of: dict, meta: dict, reader: _Reader, dropped: set) -> None:
    """title / 正时TIMES / 车家号·2026-03-17: a bare name just under the title (or its deck) and above the date line is the author.

    Share buttons and "5 min read" between the name and the date do not count.
    """
    if reader.best("author") and reader.best("author").rank <= LABELLED:
        return
    below = [i for i in head[head.index(title_index) + 1:] if meta.get(i) != "chrome"]
    for n, name_line in enumerate(below[:2]):
        if name_line in meta or n + 1 >= len(below):
            return  # the header block ended
        # "Jane Doe · 3 min read": a reading time beside the name is page furniture.
        parts = [p for p in SEGMENT_SEPARATORS.split(text_of[name_line]) if p and not COUNTER.match(p)]
        text = parts[0].strip() if len(parts) == 1 else ""
        text = CITY_AFTER_NAME.sub("", text)  # "Alex Wu in Shanghai"
        if text and meta.get(below[n + 1]) in ("date", "byline") and reader.rules.person_name.match(text):
            reader.add_person("author", text, f"header line {name_line + 1}: “{text}” (name under the title)", LABELLED)
            dropped.add(name_line)
            return


def _lead(text: str, origin: str, reader: _Reader) -> None:
    """【明報專訊】, "华尔街见闻获悉", "GUANGZHOU, Nov 5 (Reuters) -": the opening names the outlet or the date."""
    for pattern in reader.rules.leads:
        match = pattern.match(text)
        if not match:
            continue
        groups = {k: v for k, v in match.groupdict().items() if v}
        where = f"{origin}: “{_short(match.group(0))}”"
        if "author" in groups:
            reader.add_person("author", groups["author"], where, LEAD)
        if "named_outlet" in groups and groups["named_outlet"] not in reader.rules.not_outlets:
            reader.add_outlet(groups["named_outlet"], where, LEAD)
        outlet = groups.get("outlet") or groups.get("wire")
        if outlet and outlet not in reader.rules.not_outlets and not any(outlet.endswith(w) for w in reader.rules.not_outlets):
            if reader._is_outlet_name(outlet) or not CJK.search(outlet):
                reader.add_outlet(outlet, where, LEAD)
        if "day" in groups:
            reader.dateline_days.append(int(groups["day"]))
        if "date" in groups:
            date = find_date(groups["date"], reader.rules)
            if date and date.date:
                reader.add("date", date.date, where, LEAD)
            elif (md := month_and_day(groups["date"], reader.rules)) is not None:
                reader.month_days.append((LEAD, md, where))


CITED = re.compile(r"(?:据|據|根据|根據)\s*《(?P<a>[^》]{2,16})》|(?:according to|citing|reported by)\s+(?:the\s+)?(?P<b>[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3})")


def _cited_outlets(body: str, outlets: Outlets) -> list[str]:
    """Outlets the text quotes ("according to Reuters", 据《大象新闻》): named, never the publisher."""
    cited = []
    for match in CITED.finditer(body):
        name = match["a"] or match["b"]
        known = outlets.named(name)
        if known or match["a"]:
            cited.append(known or name)
    return cited


def _day_from_dateline(text: str, days: list[int]) -> dt.date | None:
    """02/03/2026 with a dateline saying "2日": the 2nd, so day first. None when the dateline does not tell."""
    numbers = re.findall(r"\d+", text)
    if len(numbers) < 3 or not days:
        return None
    a, b, year = int(numbers[0]), int(numbers[1]), int(numbers[2])
    try:
        if days[0] == a != b:
            return dt.date(year, b, a)
        if days[0] == b != a:
            return dt.date(year, a, b)
    except ValueError:
        return None
    return None


def _resolve_date(reader: _Reader, body: str, rules: HeaderRules) -> tuple[Found | None, str, tuple]:
    problems: list[tuple[str, str]] = []
    full = reader.best("date")
    partial = min(reader.month_days, key=lambda m: m[0]) if reader.month_days else None
    if full and (partial is None or full.rank <= partial[0]):
        return full, "", ()
    if partial:
        rank, (month, day), origin = partial
        inferred = infer_year(month, day, body, rules)
        if inferred:
            date, year = inferred
            note = f"原文仅标注月日，年份据正文日期推定 year inferred from the article's dates ({year})"
            return Found(date, f"{origin}; year inferred from the text", rank), note, ()
        problems.append((
            f"gives only month and day ({month}/{day}) and no year the text confirms",
            "add 'date: YYYY-MM-DD' for it in seeds/sources.yml",
        ))
    if reader.ambiguous:
        text, origin = reader.ambiguous[0]
        resolved = _day_from_dateline(text, reader.dateline_days)
        if resolved and not full:
            return Found(resolved, f"{origin}; day first, as the dateline's day of the month says", LABELLED), "", ()
        problems.append((
            f"date '{text}' could be day/month or month/day ({origin})",
            "add 'date: YYYY-MM-DD' for it in seeds/sources.yml",
        ))
    return full, "", tuple(problems)
