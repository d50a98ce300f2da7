"""Bytes of a pasted article → clean Unicode text.

Encodings are detected, not guessed: byte-order marks first, then UTF-8
(by far the most common and unambiguous), then charset-normalizer for
legacy Chinese code pages (GB18030/GBK, Big5) and BOM-less UTF-16.

A file that is UTF-8 but for a few stray bytes (a bad copy, a truncated
character) is still UTF-8: the encoding that explains the bytes best wins,
the stray bytes become U+FFFD, and `replaced_lines` says where they are so
the reader can be told. Asking a legacy code page instead turns every
character into a plausible-looking wrong one (接管 → ę„ē®”).
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # checked before UTF-16: its BOM starts the same
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Zero-width characters, bidi controls and C0/C1 controls other than tab and
# newline: invisible in an editor, yet they split words for search, can
# reorder text on screen (bidi overrides: "Trojan Source") and are how some
# Chinese sites watermark copied text. A zero-width joiner stays only between
# two emoji, where it makes one picture of them (👨‍👩‍👧 is a family, not three
# people); anywhere else it splits words for search like the others.
EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F"
INVISIBLE = re.compile(
    "[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u061c\u180e"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
    f"|(?<![{EMOJI}])\u200d|\u200d(?![{EMOJI}])"
)
# File signatures of what people save by mistake instead of text: images,
# PDF, Office documents (zip-based and the older OLE format), archives, ELF.
BINARY_SIGNATURES = (
    b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF",
    b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf",
)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def detect_encoding(raw: bytes) -> str:
    """Name of the encoding of `raw`, or raise UndecodableError."""
    for bom, name in BOMS:
        if raw.startswith(bom):
            return name
    if _is_utf8_but_for_a_few_bytes(raw):
        return "utf-8"
    utf16 = _bomless_utf16(raw)
    if utf16:
        return utf16
    best = from_bytes(raw).best()
    if best is None:
        raise UndecodableError("not text in any recognised encoding")
    return _prefer_superset(best.encoding)


# How many stray bytes UTF-8 text may hold and still be read as UTF-8: a
# handful, or one in a hundred of its non-ASCII bytes in a long article.
STRAY_BYTES_ALLOWED = 4
STRAY_BYTES_SHARE = 0.01


def _is_utf8_but_for_a_few_bytes(raw: bytes) -> bool:
    """Strict UTF-8, or UTF-8 whose valid multi-byte characters far outnumber a few stray bytes.

    GBK or Big5 text read as UTF-8 fails on about two of every three
    non-ASCII bytes, and Latin-1 text has no valid multi-byte characters at
    all, so neither passes; UTF-8 damaged in a few places does.
    """
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="surrogateescape")
    stray = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    non_ascii = sum(1 for byte in raw if byte >= 0x80)
    well_formed = non_ascii - stray
    return stray <= max(STRAY_BYTES_ALLOWED, non_ascii * STRAY_BYTES_SHARE) and well_formed >= 2 * stray


def replaced_lines(text: str) -> list[int]:
    """Line numbers (from 1) holding U+FFFD: where bytes could not be decoded."""
    if "\ufffd" not in text:
        return []
    return [number for number, line in enumerate(text.split("\n"), 1) if "\ufffd" in line]


def _bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 without BOM: mostly-ASCII or CJK text has zeros on one side."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        cjk_or_ascii = sum(ch < "\u0080" or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)
        if printable / len(text) > 0.97 and cjk_or_ascii / len(text) > 0.9:
            return name
    return None


def _prefer_superset(encoding: str) -> str:
    """GB2312 and GBK text is also GB18030; Big5 is read with its HKSCS superset."""
    return {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}.get(encoding, encoding)


def decode(raw: bytes) -> tuple[str, str]:
    """Decode `raw` and normalise it; returns (text, encoding name)."""
    encoding = detect_encoding(raw)
    text = raw.decode(encoding, errors="replace")
    return normalise(text), encoding


def normalise(text: str) -> str:
    """One newline convention, NFC, no invisible or control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return INVISIBLE.sub("", text)


def looks_binary(raw: bytes) -> bool:
    """A renamed image, archive or document: magic bytes, or NULs in bytes that are not text.

    NULs alone do not make a file binary: a bad paste can leave many in good
    UTF-8 text, and `normalise` drops them, so such a file is still read.
    """
    if raw.startswith(BINARY_SIGNATURES):
        return True
    sample = raw[:8192]
    if 0 not in sample:  # checked first: the UTF-16 test below is the slow part of reading a file
        return False
    if any(raw.startswith(bom) for bom, _ in BOMS) or _bomless_utf16(raw[:4096] if len(raw) > 4096 else raw):
        return False
    if _is_utf8_text(raw.replace(b"\x00", b"")):
        return False
    return sample.count(0) > len(sample) * 0.05


def _is_utf8_text(raw: bytes) -> bool:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(text.strip()) and len(CONTROL.findall(text)) <= len(text) * 0.01
