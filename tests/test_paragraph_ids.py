"""A paragraph's id is read from the ends of its comparable text (reading/paragraphs.py); a long paragraph's ends
are made comparable on their own, and must give the id the whole text gives."""
from __future__ import annotations

import random
import sys
import unicodedata

from build_scripts.reading import paragraphs
from build_scripts.reading.paragraphs import CUT, END_CHARS, comparable, comparable_ends, paragraph_id


def whole_text_id(text: str) -> str:
    """The id as it was read before: the whole text made comparable."""
    key = comparable(text) or paragraphs.SPACES.sub(" ", text).strip()
    half = paragraphs.ID_LENGTH // 2
    return f"p-{paragraphs._hex(key[:END_CHARS], half)}{paragraphs._hex(key[-END_CHARS:], half)}"


def test_nothing_composes_across_a_cut():
    """A cut character is no mark, is left as it is by NFKC and is never the second of a composed pair."""
    cut = [chr(c) for c in range(sys.maxunicode + 1) if CUT.fullmatch(chr(c))]
    assert all(unicodedata.combining(c) == 0 and unicodedata.normalize("NFKC", c) == c for c in cut)
    second_of_a_pair = set()
    for code in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) == 2 and not decomposition[0].startswith("<"):
            second_of_a_pair.add(chr(int(decomposition[1], 16)))
    second_of_a_pair |= {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}  # Hangul V, T
    assert not second_of_a_pair & set(cut)


TRICKY = (
    "小鹏汽车第二代VLA，量产。「」“”！？、 \u3000\t"  # Han, Latin, CJK punctuation, spaces
    "ＡＢＣ１２３％（）"  # full width
    "e\u0301\u0308\u0327\u0338=<>"  # combining marks, and what composes with them
    "\u1100\u1161\u11a8\uac00"  # Hangul jamo and a syllable
    "\ufb01\u2460\u00bd\u3392\u2163"  # ligature, circled, fraction, squared, Roman numeral
    "ßİΣς\u0130\u1e9e"  # case folding beyond ASCII
    "한국어日本語のカタカナｶﾀｶﾅ"
)


def test_long_texts_of_tricky_characters_get_the_whole_texts_id():
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(TRICKY) for _ in range(rng.randrange(1, 700)))
        ends = comparable_ends(text)
        whole = comparable(text)
        assert ends == (whole[:END_CHARS], whole[-END_CHARS:]), text
        assert paragraph_id(text) == whole_text_id(text), text


def test_a_long_paragraph_of_punctuation_or_with_few_cut_points_gets_the_whole_texts_id():
    for text in ("。" * 2000, "、 " * 900 + "小鹏", "한국어 " * 400, "e\u0301" * 800 + "x", "x" + "\u0301" * 900,
                 "小鹏" + "。" * 300 + "汽车" * 300 + "，" * 400, " " * 1000, "ＡＢＣ" * 300):
        assert paragraph_id(text) == whole_text_id(text)


def test_the_seed_articles_paragraph_ids_are_the_whole_texts():
    from conftest import SEEDS

    from build_scripts.reading.corpus import load_corpus

    texts = [p.text + p.url for a in load_corpus(SEEDS).articles for p in a.paragraphs]
    assert len(texts) > 100
    assert [paragraph_id(t) for t in texts] == [whole_text_id(t) for t in texts]
