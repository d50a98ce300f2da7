"""Article text → the article's own blocks, without what the platform added.

Rules come from `data/cleaning.yml`; this module only applies them. Input is
the body after front matter and header lines (reading/header.py); output is a
list of blocks (text, heading or image), in order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema as s

RULES_FILE = Path(__file__).parent.parent / "data" / "cleaning.yml"

# Whitespace a line-wrapping paste left between two CJK characters
# (000: "同时还 将启动"); spaces next to Latin letters or digits are real.
CJK = "\u3400-\u9fff\uf900-\ufaff"
CJK_GAP = re.compile(f"(?<=[{CJK}，。、；：！？「」『』（）“”]) +(?=[{CJK}，。、；：！？「」『』（）“”])")


@dataclass(frozen=True)
class Block:
    kind: str  # "text", "heading" or "image"
    text: str
    url: str = ""


@dataclass(frozen=True)
class Cleaned:
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class CleaningRules:
    drop_lines: tuple[re.Pattern, ...]
    footer_zone: float
    footer_markers: tuple[re.Pattern, ...]
    section_number: re.Pattern
    bold_heading: re.Pattern
    image: re.Pattern
    continuation_start: re.Pattern
    sentence_end: re.Pattern
    heading_chars: tuple[int, int]
    never_heading: tuple[re.Pattern, ...] = ()
    sentence_abbreviations: frozenset[str] = frozenset()  # lower case, without the final stop
    page_furniture: tuple[str, ...] = ()  # class/id words of a saved page's non-article boxes (reading/webpage.py)
    ticker_lines: tuple[re.Pattern, ...] = ()  # a line that is only a stock ticker or quote
    ticker_symbol: re.Pattern = re.compile(r"(?!)")  # a bare symbol: a ticker only beside one of those

    def may_be_heading(self, line: str) -> bool:
        return any(ch.isalnum() for ch in line) and not any(p.search(line) for p in self.never_heading)


_PATTERNS = s.ListOf(s.Pattern(), label="pattern")
# Extra keys are let through (the header rules moved to header.yml, and
# other stages may add theirs); a key this code needs is still named.
CLEANING = s.Record({
    "drop_lines": _PATTERNS,
    "footer_zone": s.Number(minimum=0, maximum=1, hint="the share of the article, from its end, where a footer may start"),
    "footer_markers": _PATTERNS,
    "section_number": s.Pattern(),
    "implicit_heading": s.Record({"min_chars": s.Integer(minimum=1), "max_chars": s.Integer(minimum=1)}),
    "bold_heading": s.Pattern(groups=("text",)),
    "image": s.Pattern(groups=("caption", "url")),
    "continuation_start": s.Pattern(),
    "sentence_end": s.Pattern(),
}, optional={
    "never_heading": _PATTERNS, "sentence_abbreviations": s.ListOf(s.Text(), label="abbreviation"),
    "page_furniture": s.ListOf(s.Text(), label="class or id word"),
    "tickers": s.Record({"lines": _PATTERNS, "symbol": s.Pattern()}, hint="tickers: lines (a list of patterns) and symbol (a pattern)"),
}, extra_ok=True)


@data_files.loader
def load_rules(path: Path = RULES_FILE) -> CleaningRules:
    data = s.load(path, CLEANING)

    def many(key: str) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p) for p in data.get(key) or ())

    return CleaningRules(
        drop_lines=many("drop_lines"),
        footer_zone=float(data["footer_zone"]),
        footer_markers=many("footer_markers"),
        section_number=re.compile(data["section_number"]),
        bold_heading=re.compile(data["bold_heading"]),
        image=re.compile(data["image"]),
        continuation_start=re.compile(data["continuation_start"]),
        sentence_end=re.compile(data["sentence_end"]),
        heading_chars=(int(data["implicit_heading"]["min_chars"]), int(data["implicit_heading"]["max_chars"])),
        never_heading=many("never_heading"),
        sentence_abbreviations=frozenset(str(w).lower().rstrip(".") for w in data.get("sentence_abbreviations") or ()),
        page_furniture=tuple(str(w).lower() for w in data.get("page_furniture") or ()),
        ticker_lines=tuple(re.compile(p) for p in (data.get("tickers") or {}).get("lines") or ()),
        ticker_symbol=re.compile((data.get("tickers") or {}).get("symbol") or r"(?!)"),
    )


def clean(body: str, rules: CleaningRules) -> Cleaned:
    lines = _cut_footer([line.strip() for line in body.split("\n")], rules)
    tickers = tickers_among(lines, rules)
    lines = ["" if i in tickers else line for i, line in enumerate(lines)]
    lines = [CJK_GAP.sub("", line) for line in lines]
    blocks = _blocks(lines, rules)
    return Cleaned(blocks=tuple(_mark_implicit_headings(_rejoin_broken(blocks, rules), rules)))


def tickers_among(lines: list[str], rules: CleaningRules) -> set[int]:
    """The indices of the lines that are only a stock ticker or quote ("NYSE: XPEV", "XPEV  +3.21%", "$XPEV").

    A bare symbol ("XPEV") counts only beside such a line, in a quote box
    ("In This Article:" / "XPEV" / "+8.21%"); alone it may be the story's heading.
    """
    texts = [line.strip() for line in lines]
    found = {i for i, text in enumerate(texts) if text and any(p.search(text) for p in rules.ticker_lines)}
    filled = [i for i, text in enumerate(texts) if text]
    for n, i in enumerate(filled):
        beside = filled[max(n - 1, 0):n] + filled[n + 1:n + 2]
        if i not in found and rules.ticker_symbol.search(texts[i]) and any(j in found for j in beside):
            found.add(i)
    return found


def story_lines(body: str, rules: CleaningRules) -> list[str]:
    """The body's lines down to the first footer marker wherever it stands: the story alone.

    For reading the story's own dates, where cutting early costs a date (listed
    as a problem) and cutting late could lend another article's year.
    """
    lines = body.split("\n")
    opening = [i for i, line in enumerate(lines) if line.strip()][:3]  # a notice above the title is not a footer
    start = opening[-1] + 1 if opening else 0
    return lines[:start] + _cut_footer(lines[start:], rules, zone=1.0)


def _cut_footer(lines: list[str], rules: CleaningRules, zone: float | None = None) -> list[str]:
    zone_start = int(len(lines) * (1 - (rules.footer_zone if zone is None else zone)))
    for index in range(zone_start, len(lines)):
        if any(m.search(lines[index].strip()) for m in rules.footer_markers):
            return lines[:index]
    return lines


def _blocks(lines: list[str], rules: CleaningRules) -> list[Block]:
    blocks: list[Block] = []
    next_is_heading = False
    for line in lines:
        if not line:
            continue
        if rules.section_number.match(line):
            next_is_heading = True
            continue
        if any(p.search(line) for p in rules.drop_lines):
            continue
        if image := rules.image.match(line):
            blocks.append(Block("image", image["caption"].strip(), image["url"]))
            continue
        if bold := rules.bold_heading.match(line):
            blocks.append(Block("heading", bold["text"].strip()))
            continue
        # A "heading" longer than any heading is text that followed a number.
        is_heading = next_is_heading and len(line) <= rules.heading_chars[1] and rules.may_be_heading(line)
        blocks.append(Block("heading" if is_heading else "text", line))
        next_is_heading = False
    return blocks


def _rejoin_broken(blocks: list[Block], rules: CleaningRules) -> list[Block]:
    """Glue back a paragraph that a stray blank line cut mid-sentence."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == block.kind == "text"
            and not rules.sentence_end.search(previous.text)
            and (rules.continuation_start.search(block.text) or _open_quote(previous.text))
        ):
            joined[-1] = Block("text", previous.text + block.text)
        else:
            joined.append(block)
    return joined


def _mark_implicit_headings(blocks: list[Block], rules: CleaningRules) -> list[Block]:
    shortest, longest = rules.heading_chars
    marked = list(blocks)
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if (
            block.kind == "text"
            and shortest <= len(block.text) <= longest
            and not rules.sentence_end.search(block.text)
            and following.kind == "text"
            and rules.may_be_heading(block.text)
        ):
            marked[index] = Block("heading", block.text)
    return marked


def _open_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”") or text.count("「") > text.count("」")
