"""Words for a time → a Period, by the published rules in data/time_rules.yml.

In: a sentence (its Simplified form) and the article's publication date.
Out: TimeMentions — where the time is written, the source's words, and the
Period it means (start and end dates, and the precision the source gave:
year, half, quarter, month, week, day, or a span for vague words).

Explicit dates (2026年3月19日, the first quarter of 2026, H2 2026) need no
publication date. Relative ones (年底, 明年, 本周, later this year) are
resolved against it; without one they stay unresolved, never guessed.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema

TIME_RULES_FILE = Path(__file__).parent.parent / "data" / "time_rules.yml"
PARTS = {"Q1", "Q2", "Q3", "Q4", "H1", "H2", "rest"}
SECTIONS = ("years", "parts", "quarters", "months", "weeks", "days", "weekdays", "windows")
ENGLISH_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
ENGLISH_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
# Full-width digits and letters → ASCII, one character for one, so positions stay positions.
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# A year written in Han digits (二〇二六年), one character for one as well.
HAN_YEAR = re.compile("[〇零一二三四五六七八九]{4}(?=年)")
HAN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


class TimeRulesError(schema.KnowledgeFileError):
    """time_rules.yml says something the build cannot use."""


@dataclass(frozen=True)
class Period:
    """When something is due or happened, as precise as the source was."""

    start: dt.date
    end: dt.date  # inclusive
    precision: str  # year, half, quarter, month, week, day, span

    @property
    def key(self) -> str:
        """Stable and URL-safe: 2026, 2026-h2, 2026-q4, 2026-03, 2026-w12, 2026-03-19, 2026-03-04-2026-06-04."""
        y = self.start.year
        if self.precision == "year":
            return f"{y}" if self.end.year == y else f"{y}-{self.end.year}"
        if self.precision == "half":
            return f"{y}-h{1 if self.start.month <= 6 else 2}"
        if self.precision == "quarter":
            return f"{y}-q{(self.start.month - 1) // 3 + 1}"
        if self.precision == "month":
            return f"{y}-{self.start.month:02d}"
        if self.precision == "week":
            iso = self.start.isocalendar()
            return f"{iso[0]}-w{iso[1]:02d}"
        if self.precision == "day":
            return self.start.isoformat()
        return f"{self.start.isoformat()}-{self.end.isoformat()}"

    @property
    def label(self) -> str:
        key = self.key
        if self.precision in ("half", "quarter", "week"):
            year, rest = key.split("-")
            label = f"{year} {rest.upper()}"
            if self.precision == "week":
                label += f"（{self.start:%m-%d}–{self.end:%m-%d}）"
            return label
        if self.precision == "year" and self.end.year != self.start.year:
            return f"{self.start.year}–{self.end.year}"
        if self.precision == "span":
            return f"{self.start.isoformat()} – {self.end.isoformat()}"
        return key

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class TimeMention:
    """A time as a sentence writes it, and what it means."""

    start: int  # position in the sentence
    end: int
    words: str  # the source's words
    period: Period | None  # None: undated words, or relative words without a publication date
    relative: bool  # resolved against the publication date (or would need one)
    yearless: bool = False  # a month or day written without its year (11月5日, "on October 12"): its year is a guess
    # a time that comes round again, read as the last one on or before the article: a weekday ("on Wednesday", 周三:
    # "week") or a part of a year written without its year ("in the fourth quarter", 下半年: "year")
    recurs: str = ""

    def in_year_before(self) -> TimeMention:
        """The same month or day a year earlier: a year-less day a past-tense clause puts after the article
        is last year's ("signed on in February", said in December)."""
        start, end = self.period.start, self.period.end
        earlier = Period(_same_day_in(start, start.year - 1), _same_day_in(end, end.year - 1), self.period.precision)
        return TimeMention(self.start, self.end, self.words, earlier, self.relative, self.yearless)

    def next_round(self) -> TimeMention:
        """The same weekday a week later, the same part of the year a year later: in a clause planning an event,
        a recurring time already past is the coming one ("will unveil IRON on Wednesday", said on a Monday;
        "deliveries start in the first quarter", said in November)."""
        if self.recurs == "week":
            later = Period(self.period.start + dt.timedelta(weeks=1), self.period.end + dt.timedelta(weeks=1), self.period.precision)
        else:
            later = Period(_same_day_in(self.period.start, self.period.start.year + 1),
                           _same_day_in(self.period.end, self.period.end.year + 1), self.period.precision)
        return TimeMention(self.start, self.end, self.words, later, self.relative, self.yearless, self.recurs)


@dataclass(frozen=True, eq=False)
class TimeRules:
    years: dict[str, int]
    parts: dict[str, str]
    quarters: dict[str, int]
    months: dict[str, int]
    weeks: dict[str, int]
    days: dict[str, int]
    weekdays: dict[str, int]
    windows: dict[str, int]
    undated: tuple[str, ...]
    pattern: re.Pattern
    same_day: tuple[str, ...] = ()
    occasions: tuple[str, ...] = ()  # 科技日, "Tech Day": what a same-day frame (科技日上, "at the Tech Day") names
    within_units: dict[str, int] = field(default_factory=dict)  # "三年内", "within two years": months in each unit word
    within_before: tuple[str, ...] = ()  # 未来, within: the count runs from now
    before_year: tuple[str, ...] = ()  # before, "prior to": before a year, by the end of the year before
    within_after: tuple[str, ...] = ()  # 内, 之内


# A count in a span: digits, Chinese numerals, 半 (half), English number words up to ten.
SPAN_COUNTS = {"半": 0.5, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
               "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@data_files.loader
def load_time_rules(path: Path = TIME_RULES_FILE) -> TimeRules:
    data = schema.load(path, schema.Maybe(schema.Record({}, extra_ok=True))) or {}  # invalid YAML: named with its line
    sections = {}
    for name in SECTIONS:
        entries = data.get(name) or {}
        if not isinstance(entries, dict):
            raise TimeRulesError(f"{path.name}: `{name}` must map words to values — see the comment at the top of the file")
        for word, value in entries.items():
            ok = value in PARTS if name == "parts" else isinstance(value, int) and not isinstance(value, bool)
            if not ok:
                expected = f"one of {', '.join(sorted(PARTS))}" if name == "parts" else "a whole number"
                raise TimeRulesError(f"{path.name}: {name}: {word!r} is {value!r}, expected {expected}")
        sections[name] = {str(word).lower(): value for word, value in entries.items()}
    undated = tuple(str(w).lower() for w in data.get("undated") or ())
    same_day = tuple(str(w).lower() for w in data.get("same_day") or ())
    deadline_words = [str(w).lower() for w in data.get("before_year") or ()]
    occasion = data.get("occasions") or {}
    if not isinstance(occasion, dict):
        raise TimeRulesError(f"{path.name}: `occasions` must have `words`, `zh_after` and `en_before` — see its comment")
    occasions, after, before = ([str(w).lower() for w in occasion.get(key) or ()] for key in ("words", "zh_after", "en_before"))
    occasion_words = _alternation(occasions)
    at_occasion = (rf"(?:{_alternation(before)})\s[\"“]?(?:{occasion_words})(?![a-z])"
                   rf"|(?:在\s?)?(?:{occasion_words})\s?(?:{_alternation(after)})")
    months = _alternation(ENGLISH_MONTHS)
    within = data.get("within") or {}
    if not isinstance(within, dict) or not all(isinstance(v, int) and v > 0 for v in (within.get("units") or {}).values()):
        raise TimeRulesError(f"{path.name}: `within` needs `before`, `after` and `units` (a unit word: its months) — see its comment")
    within_before, within_after = ([str(w).lower() for w in within.get(key) or ()] for key in ("before", "after"))
    within_units = {str(w).lower(): int(v) for w, v in (within.get("units") or {}).items()}
    count = r"\d{1,2}|" + "|".join(sorted(SPAN_COUNTS, key=len, reverse=True))
    span = (rf"(?:(?P<vb>{_alternation(within_before)})\s?)?(?P<vn>{count})\s?(?P<vu>{_alternation(within_units)})(?![a-z])"
            rf"(?:\s?(?P<va>{_alternation(within_after)}))?")
    # A year right before a Han character that starts no time word names a thing, not a time:
    # "2026款P7+" (a model year), "2026小鹏全球新品发布会" (an event's name).
    time_starts = "".join(sorted({"年", "至", "到"} | {p[0] for p in sections["parts"] if not p.isascii()}))
    # Nor before a model code (not Q1, H2), as English writes a model year: "its 2026 P7+ and G7 models", "the 2026 XPENG X9".
    year = (rf"(?P<{{n}}x>(?:19|20)\d\d)(?:\s?[-–~至到]\s?(?P<{{n}}x2>(?:19|20)\d\d))?"
            rf"(?!\d|\s?款|[\u3400-\u9fff](?<![{time_starts}])|\s(?:xpeng\s|小鹏\s?)?(?!q[1-4]|h[12])[a-z][a-z]?\d)\s?年?"
            rf"|(?P<{{n}}r>{_alternation(sections['years'])})")
    part = _alternation(sections["parts"])
    # a part standing without a year: 下半年, "year-end", "the fourth quarter" (not "end", "early": words of their own)
    alone_parts = _alternation(p for p in sections["parts"] if (not p.isascii() and len(p) > 1) or " year" in p or "-" in p
                               or (" " in p and not p.endswith(" of")))
    day = r"(?P<{n}d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?"
    alternatives = [
        # before 2027: by the end of 2026 (not "before the end of 2026": that is the end of 2026, read below)
        *([rf"(?P<dl>{_alternation(deadline_words)})\s(?P<dly>(?:19|20)\d\d)(?![\d-]|\s?(?:年|q[1-4]|h[12])(?![a-z]))"] if deadline_words else []),
        # 三年内 / 未来两年 / within two years: before 年内 (this year) can take the 年 of a count
        span,
        # the first quarter of 2026 / end of next year / H2 2026
        rf"(?P<pp>{part})[\s-]?(?:the\s)?(?:{year.format(n='a')})",
        # 2026年3月19日 / 2026年12月底 / 明年第一季度 / 2026年年底 / 2026 Q1 / 2026
        rf"(?:{year.format(n='b')})\s?(?:(?P<bm>\d{{1,2}})\s?月\s?(?:{day.format(n='b')}\s?[日号]|(?P<bmp>底|末|初|中旬))?|(?P<bp>{part}))?",
        # 3月19日 / 12月底 (the year from the publication date)
        rf"(?<![\d年])(?P<cm>\d{{1,2}})\s?月\s?(?:{day.format(n='c')}\s?[日号]|(?P<cmp>底|末|初|中旬))?",
        # (5日) / 12日在杜拜 — a day of the month alone, as news writes this month's days (the month from the publication date)
        r"(?<![\d月年/.\-每第])(?P<gd>\d{1,2})\s?日(?![\d元内])",
        # March 2, 2026 / March 2nd / December 2025 / 5 November 2025
        rf"(?P<em>{months})\.?(?:\s{day.format(n='e')})?(?:,?\s(?P<ey>(?:19|20)\d\d))?(?![a-z])",
        rf"{day.format(n='f')}\s(?P<fm>{months})(?:\s(?P<fy>(?:19|20)\d\d))?(?![a-z])",
        # analysts' shorthand for a half or a quarter of a year: 2H26, 1Q2027, Q4'26, H2'26
        r"(?<![a-z\d])(?P<kn>[1-4])(?P<kk>[qh])\s?(?P<ky>(?:19|20)?\d\d)(?![a-z\d])",
        r"(?<![a-z\d])(?P<kk2>[qh])(?P<kn2>[1-4])\s?['’](?P<ky2>\d\d)(?!\d)",
        rf"(?P<q>{_alternation(sections['quarters'])})",
        rf"(?P<m>{_alternation(sections['months'])})",
        rf"(?P<w>{_alternation(sections['weeks'])})",
        rf"(?P<d>{_alternation(sections['days'])})",
        rf"(?P<wd>{_alternation(sections['weekdays'])})",
        rf"(?P<win>{_alternation(sections['windows'])})",
        rf"(?P<p>{alone_parts})",
        rf"(?P<same>{_alternation(same_day)}|{at_occasion})",
        rf"(?P<u>{_alternation(undated)})",
    ]
    # Every alternative starts with a digit or one of the words above (or 在 before an occasion): a
    # lookahead on their first characters lets the scan skip the other positions instead of trying each
    # alternative there. tests/test_extract.py checks each alternative's first characters are among them.
    words = [*ENGLISH_MONTHS, *undated, *same_day, *deadline_words, *occasions, *before, "在", *(word for name in SECTIONS for word in sections[name]),
             *within_before, *(c for c in SPAN_COUNTS if not c.isascii())]
    first = "".join(sorted({re.escape(word[0]) for word in words if word}))
    pattern = re.compile(rf"(?=[\d{first}])(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")")
    return TimeRules(**sections, undated=undated, pattern=pattern, same_day=same_day, occasions=tuple(occasions),
                     within_units=within_units, within_before=tuple(within_before), within_after=tuple(within_after),
                     before_year=tuple(deadline_words))


def _year_period(year: int, part: str, published: dt.date | None) -> Period | None:
    if part.startswith("Q"):
        q = int(part[1])
        return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")
    if part.startswith("H"):
        h = int(part[1])
        return Period(dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half")
    if part == "rest":
        if published is None:
            return None
        start = max(published, dt.date(year, 1, 1))
        return Period(start, dt.date(year, 12, 31), "span") if start.year == year else None
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _same_day_in(date: dt.date, year: int) -> dt.date:
    """`date` in `year`; 29 February becomes the 28th in a common year."""
    return date.replace(year=year, day=min(date.day, calendar.monthrange(year, date.month)[1]))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_period(year: int, month: int, day: str | None) -> Period | None:
    if not 1 <= month <= 12:
        return None
    if day:
        try:
            date = dt.date(year, month, int(day))
        except ValueError:
            return None
        return Period(date, date, "day")
    return Period(dt.date(year, month, 1), _month_end(year, month), "month")


def _nearest_year(month: int, published: dt.date) -> int:
    """A month written without its year: the one within six months of the publication date."""
    delta = month - published.month
    return published.year + (1 if delta < -6 else -1 if delta > 6 else 0)


def _add_months(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + months
    return index // 12, index % 12 + 1


def read_times(simplified: str, published: dt.date | None, rules: TimeRules | None = None,
               day_before: dt.date | None = None) -> list[TimeMention]:
    """Every time `simplified` (a sentence in Simplified script) states, in order.

    `day_before`: the last day the text stated before this sentence, what "当天" and
    "the same day" mean unless the sentence states a day of its own before them.
    """
    rules = rules or load_time_rules()
    occasion_day = day_before
    text = simplified.translate(FULL_WIDTH).lower()
    if "年" in text:
        text = HAN_YEAR.sub(lambda m: m.group(0).translate(HAN_DIGITS), text)
    found = []
    for match in rules.pattern.finditer(text):
        words = simplified[match.start():match.end()].strip()
        if not words:
            continue
        if match.group("same"):
            if any(w in match.group("same") for w in rules.occasions):
                # 科技日上: the day an earlier sentence gave the occasion, never a day of this sentence
                # ("据今日报道，IRON已在科技日上亮相"); none when the article never dated it
                if occasion_day is not None:
                    found.append(TimeMention(match.start(), match.end(), words, Period(occasion_day, occasion_day, "day"), True))
                continue
            found.append(TimeMention(match.start(), match.end(), words, Period(day_before, day_before, "day") if day_before else None, True))
            continue
        g = match.groupdict()
        period, relative = _meaning(g, published, rules)
        if period is False:
            continue
        yearless = bool(g.get("cm") or g.get("gd") or ((g.get("em") or g.get("fm")) and not (g.get("ey") or g.get("fy"))))
        found.append(TimeMention(match.start(), match.end(), words, period or None, relative, yearless,
                                 "week" if g.get("wd") else "year" if g.get("p") else ""))
        if period and period.precision == "day":
            day_before = period.start
    return found


def _meaning(g: dict, published: dt.date | None, rules: TimeRules) -> tuple[Period | None | bool, bool]:
    """(Period, relative) for one match; (False, _) when the match is no time after all."""
    if g.get("vu"):
        # a count of years alone is a duration; one from now ("三年内", "within two years") a span; English says "within"
        if not (g["vb"] or (g["va"] and not g["vu"].isascii())):
            return False, False
        if published is None:
            return None, True
        months = (int(g["vn"]) if g["vn"].isdigit() else SPAN_COUNTS[g["vn"]]) * rules.within_units[g["vu"]]
        year, month = _add_months(published, round(months))
        return Period(published, dt.date(year, month, min(published.day, calendar.monthrange(year, month)[1])), "span"), True
    if g.get("dly"):  # before 2027: that year is the deadline no part of which the event reaches
        year = int(g["dly"]) - 1
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year"), False
    for n in ("a", "b"):
        if g.get(f"{n}x") or g.get(f"{n}r"):
            break
    else:
        n = ""
    if n:
        relative = bool(g[f"{n}r"])
        if relative and published is None:
            return None, True
        year = int(g[f"{n}x"]) if g[f"{n}x"] else published.year + rules.years[g[f"{n}r"]]
        if g.get(f"{n}x2"):
            last = int(g[f"{n}x2"])
            if not year < last <= year + 10:
                return False, False
            return Period(dt.date(year, 1, 1), dt.date(last, 12, 31), "year"), False
        part = rules.parts.get(g.get("pp") or g.get("bp") or "", "")
        if g.get("bm"):
            return _month_period(year, int(g["bm"]), g.get("bd")) or False, relative
        if part == "rest" and published is None:
            return None, True
        return _year_period(year, part, published) or False, relative or part == "rest"
    if g.get("kk") or g.get("kk2"):
        kind, number, year = (g["kk"], g["kn"], g["ky"]) if g.get("kk") else (g["kk2"], g["kn2"], g["ky2"])
        if kind == "h" and number not in "12":
            return False, False
        return _year_period(int(year) + (2000 if len(year) == 2 else 0), f"{kind.upper()}{number}", published), False
    if g.get("gd"):
        if published is None:
            return None, True
        day = int(g["gd"])
        year, month = (published.year, published.month) if day <= published.day else _add_months(published, -1)
        return _month_period(year, month, str(day)) or False, True
    if g["cm"]:
        if published is None:
            return None, True
        month = int(g["cm"])
        return _month_period(_nearest_year(month, published) if 1 <= month <= 12 else 0, month, g["cd"]) or False, True
    if g["em"] or g["fm"]:
        month = ENGLISH_MONTHS[(g["em"] or g["fm"]).lower()]
        year, day = g["ey"] or g["fy"], g["ed"] or g["fd"]
        if year:
            return _month_period(int(year), month, day) or False, False
        if not day and g["em"] and len(g["em"]) <= 3:
            return False, False  # "may", "mar" alone are words more often than months
        if published is None:
            return None, True
        return _month_period(_nearest_year(month, published), month, day) or False, True
    if published is None:
        return (None, False) if g["u"] else (None, True)
    if g["q"]:
        year, month = _add_months(published, 3 * rules.quarters[g["q"]])
        q = (month - 1) // 3 + 1
        return _year_period(year, f"Q{q}", published), True
    if g["m"]:
        year, month = _add_months(published, rules.months[g["m"]])
        return _month_period(year, month, None), True
    if g["w"]:
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=rules.weeks[g["w"]])
        return Period(monday, monday + dt.timedelta(days=6), "week"), True
    if g["d"]:
        day = published + dt.timedelta(days=rules.days[g["d"]])
        return Period(day, day, "day"), True
    if g["wd"]:
        day = published - dt.timedelta(days=(published.weekday() - rules.weekdays[g["wd"]]) % 7)
        return Period(day, day, "day"), True
    if g["win"]:
        year, month = _add_months(published, rules.windows[g["win"]])
        end = dt.date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
        return Period(published, end, "span"), True
    if g["p"]:
        return _year_period(published.year, rules.parts[g["p"]], published) or False, True
    return None, False  # undated words: kept as written, no period
