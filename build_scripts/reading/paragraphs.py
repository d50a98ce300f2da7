"""Blocks → paragraphs with stable anchors.

An id comes from the paragraph's own text, not its position, so inserting or
removing another paragraph (or re-cleaning with a new rule that drops a line
elsewhere) leaves every existing link to this one working.
"""
from __future__ import annotations

import hashlib
import re

from build_scripts.reading.cleaning import Block
from build_scripts.model import Paragraph

ID_LENGTH = 6
SPACES = re.compile(r"\s+")


def paragraph_id(text: str) -> str:
    canonical = SPACES.sub(" ", text).strip()
    return "p-" + hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:ID_LENGTH]


def make_paragraphs(blocks: tuple[Block, ...] | list[Block]) -> tuple[Paragraph, ...]:
    paragraphs: list[Paragraph] = []
    used: set[str] = set()
    for block in blocks:
        base = paragraph_id(block.text + block.url)
        pid, n = base, 2
        while pid in used:  # the same text twice in one article
            pid, n = f"{base}-{n}", n + 1
        used.add(pid)
        paragraphs.append(Paragraph(id=pid, text=block.text, kind=block.kind, url=block.url))
    return tuple(paragraphs)
