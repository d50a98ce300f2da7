"""Which language and Chinese script an article is written in."""
from __future__ import annotations

import operator
import re
from functools import lru_cache

import opencc

# Han characters are counted by removing everything else: quicker than collecting them one by one.
NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
NOT_KANA = re.compile(r"[^\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff\uff66-\uff9d]+")
# Japanese writes its grammar in kana between the kanji, so even a
# kanji-heavy news text has a kana for every few Han characters; Chinese
# text has none beyond a stray ー or の in a brand name.
KANA_SHARE_OF_JAPANESE = 0.1


@lru_cache(maxsize=None)
def plain_converter(config: str) -> opencc.OpenCC:
    """OpenCC as it comes (outlets.py compares names with it)."""
    return opencc.OpenCC(config)


class _KeepingNames:
    """t2s that writes the outlets' own Simplified spellings (鉅亨網 → 钜亨网, where OpenCC gives 巨亨网)."""

    def __init__(self, base: opencc.OpenCC, spellings: tuple[tuple[str, str], ...]):
        self.base, self.spellings = base, spellings

    def convert(self, text: str) -> str:
        converted = self.base.convert(text)
        for wrong, right in self.spellings:
            if wrong in converted:
                converted = converted.replace(wrong, right)
        return converted


@lru_cache(maxsize=8)
def _keeping_names(spellings: tuple[tuple[str, str], ...]) -> _KeepingNames:
    return _KeepingNames(plain_converter("t2s"), spellings)


def converter(config: str):
    """OpenCC for `config`; to Simplified, names keep the spelling outlets.yml gives them."""
    if config != "t2s":
        return plain_converter(config)
    from build_scripts.reading.outlets import load_outlets  # outlets.py imports this module

    return _keeping_names(load_outlets().simplified_spellings)


def to_simplified(text: str) -> str:
    return converter("t2s").convert(text)


def to_mainland(text: str) -> str:
    """Simplified script and mainland words, for matching names and cue words: OpenCC's Taiwan phrase
    table turns 晶片 into 芯片, 影片 into 视频, 福斯 into 大众, so a lexicon lists each word once.
    Not for display: a source's own words are shown as written (to_simplified only changes script)."""
    simplified = to_simplified(text)
    # Text already in Simplified script is left as it is: the Taiwan table would also turn 显著 into 显着.
    return simplified if simplified == text else converter("tw2sp").convert(text)


def to_mainland_each(texts: list[str]) -> list[str]:
    """to_mainland() of each text: the script in one OpenCC call (see to_simplified_each), then the
    Taiwan table for the texts that were in Traditional script."""
    simplified = to_simplified_each(texts)
    traditional = [i for i, (text, converted) in enumerate(zip(texts, simplified)) if text != converted]
    if traditional:
        for i, mainland in zip(traditional, _tw2sp_each([texts[i] for i in traditional])):
            simplified[i] = mainland
    return simplified


def _tw2sp_each(texts: list[str]) -> list[str]:
    if len(texts) > 1 and not any("\n" in text for text in texts):
        converted = converter("tw2sp").convert("\n".join(texts)).split("\n")
        if len(converted) == len(texts):
            return converted
    return [converter("tw2sp").convert(text) for text in texts]


def to_simplified_each(texts: list[str]) -> list[str]:
    """to_simplified() of each text, in one OpenCC call: one pass over the text instead of one call per sentence."""
    # OpenCC matches no phrase across a line break, so each line converts as it would alone.
    if len(texts) > 1 and not any("\n" in text for text in texts):
        converted = to_simplified("\n".join(texts)).split("\n")
        if len(converted) == len(texts):
            return converted
    return [to_simplified(text) for text in texts]


def to_traditional(text: str) -> str:
    return converter("s2t").convert(text)


def detect_language(text: str) -> str:
    """'zh-Hans', 'zh-Hant', 'en' or 'ja'.

    Chinese vs English by counting Han characters against Latin words; the
    script by how many characters OpenCC would change in each direction: a
    Traditional text changes when simplified, a Simplified one when made
    Traditional. Japanese is told apart by its kana: its kanji are mostly
    Traditional forms, so it would otherwise pass for 繁體中文.
    """
    han = NOT_HAN.sub("", text)
    if len(han) < len(LATIN_WORD.findall(text)):
        return "en"
    kana = NOT_KANA.sub("", text[:20000])
    if kana and len(kana) >= KANA_SHARE_OF_JAPANESE * (len(kana) + len(han[:20000])):
        return "ja"
    sample = han[:20000]
    changed_by_simplifying = _changed(sample, to_simplified(sample))
    if not changed_by_simplifying:
        return "zh-Hans"  # nothing to simplify: already Simplified, whatever the other direction says
    changed_by_traditionalising = _changed(sample, to_traditional(sample))
    return "zh-Hant" if changed_by_simplifying > changed_by_traditionalising else "zh-Hans"


def _changed(text: str, converted: str) -> int:
    """How many positions differ, up to the shorter length."""
    if text == converted:
        return 0
    return sum(map(operator.ne, text, converted))
