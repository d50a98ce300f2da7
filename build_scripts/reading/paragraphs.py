"""Blocks → paragraphs with stable anchors.

An id comes from the paragraph's own text, not its position, so inserting or
removing another paragraph (or re-cleaning with a new rule that drops a line
elsewhere) leaves every existing link to this one working.

The text is read as a reader would compare it: full-width and half-width
forms are one (NFKC), case, punctuation and spaces do not count; so a comma
retyped as `，` or a space added keeps the link. The id is two halves, one
from the beginning of that text and one from its end (`p-` + 3 + 3 hex): an
edit in the middle keeps both, an edit at one end keeps the other, and a
source page sends a link whose paragraph changed to the paragraph sharing a
half (docs/assets/kb.js).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from build_scripts.reading.cleaning import Block
from build_scripts.model import Paragraph

ID_LENGTH = 6
END_CHARS = 16  # how much of each end a half is made from: a sentence's worth, apart in any paragraph of two sentences
SPACES = re.compile(r"\s+")


def comparable(text: str) -> str:
    """The text without what an edit of form changes: width, case, punctuation, spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if not c.isspace() and not unicodedata.category(c).startswith("P"))


# Where a text can be cut so that each piece is comparable() on its own, the two results making the
# whole's: before an ASCII character or a Han character. comparable() works character by character
# once NFKC has composed them, and NFKC composes nothing across one of these (none is the second
# character of a composition, nor moves past a mark). tests/test_paragraph_ids.py checks this.
CUT = re.compile("[\x00-\x7f\u4e00-\u9fff]")
END_WINDOW = 2 * END_CHARS  # characters read from each end of a longer text: END_CHARS comparable ones, most often


def comparable_ends(text: str) -> tuple[str, str]:
    """comparable(text)[:END_CHARS] and [-END_CHARS:], from each end of the text when that holds enough:
    a paragraph's id need not put every character of it through NFKC (a fifth of reading an article)."""
    if len(text) > 3 * END_WINDOW:
        head_cut, tail_cut = CUT.search(text, END_WINDOW), CUT.search(text, len(text) - END_WINDOW)
        if head_cut and tail_cut:
            head, tail = comparable(text[: head_cut.start()]), comparable(text[tail_cut.start():])
            if len(head) >= END_CHARS and len(tail) >= END_CHARS:
                return head[:END_CHARS], tail[-END_CHARS:]
    whole = comparable(text)
    return whole[:END_CHARS], whole[-END_CHARS:]


def _hex(text: str, length: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def paragraph_id(text: str) -> str:
    """`p-` and a half from each end of the comparable text (all of it, for a text of punctuation only)."""
    head, tail = comparable_ends(text)
    if not head:
        spaced = SPACES.sub(" ", text).strip()
        head, tail = spaced[:END_CHARS], spaced[-END_CHARS:]
    half = ID_LENGTH // 2
    return f"p-{_hex(head, half)}{_hex(tail, half)}"


def former_paragraph_id(text: str) -> str:
    """The id the paragraph had before ids were read this way (a hash of the text as written), kept so old links land."""
    return "p-" + _hex(SPACES.sub(" ", text).strip(), ID_LENGTH)


def _unique(ids: list[str]) -> list[str]:
    """The same text twice in one article: the second is `-2`, the third `-3`."""
    used: set[str] = set()
    unique = []
    for base in ids:
        pid, n = base, 2
        while pid in used:
            pid, n = f"{base}-{n}", n + 1
        used.add(pid)
        unique.append(pid)
    return unique


def make_paragraphs(blocks: tuple[Block, ...] | list[Block]) -> tuple[Paragraph, ...]:
    ids = _unique([paragraph_id(block.text + block.url) for block in blocks])
    return tuple(Paragraph(id=pid, text=block.text, kind=block.kind, url=block.url) for pid, block in zip(ids, blocks))


def former_ids(paragraphs: tuple[Paragraph, ...] | list[Paragraph]) -> list[str]:
    """Each paragraph's former id, in order (a link saved before this reading still opens its paragraph)."""
    return _unique([former_paragraph_id(p.text + p.url) for p in paragraphs])
