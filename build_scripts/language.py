"""Which language and Chinese script an article is written in."""
from __future__ import annotations

import operator
import re
from functools import lru_cache

import opencc

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=None)
def converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    return converter("s2t").convert(text)


def detect_language(text: str) -> str:
    """'zh-Hans', 'zh-Hant' or 'en'.

    Chinese vs English by counting Han characters against Latin words; the
    script by how many characters OpenCC would change in each direction: a
    Traditional text changes when simplified, a Simplified one when made
    Traditional.
    """
    han = HAN.findall(text)
    if len(han) < len(LATIN_WORD.findall(text)):
        return "en"
    sample = "".join(han[:20000])
    changed_by_simplifying = sum(map(operator.ne, sample, to_simplified(sample)))
    changed_by_traditionalising = sum(map(operator.ne, sample, to_traditional(sample)))
    return "zh-Hant" if changed_by_simplifying > changed_by_traditionalising else "zh-Hans"
