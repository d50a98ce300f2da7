"""Reading bytes in any encoding a pasted article arrives in."""
import pytest

from build_scripts.reading import decoding

SIMPLIFIED = "小鹏第二代VLA大模型发布，机器人IRON全身拥有82个自由度，陆地航母订单突破7000台。\n" * 3
TRADITIONAL = "小鵬的二代VLA到底是什麼？人形機器人IRON會走貓步，飛行汽車陸地航母量產工廠下線。\n" * 3


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8", SIMPLIFIED),
        ("utf-8-sig", SIMPLIFIED),
        ("utf-16", SIMPLIFIED),  # with BOM
        ("utf-16-le", TRADITIONAL),  # without BOM
        ("utf-16-be", SIMPLIFIED),
        ("gb18030", SIMPLIFIED),
        ("gbk", SIMPLIFIED),
        ("big5", TRADITIONAL),
    ],
)
def test_each_encoding_decodes_to_the_same_text(encoding, text):
    decoded, _ = decoding.decode(text.encode(encoding))
    assert decoded == text


def test_utf8_bom_is_not_kept_as_a_character():
    decoded, encoding = decoding.decode("\ufeff标题\n".encode("utf-8"))
    assert decoded == "标题\n"
    assert encoding == "utf-8-sig"


def test_crlf_and_lone_cr_become_newlines():
    assert decoding.normalise("一\r\n二\r三\n") == "一\n二\n三\n"


def test_text_is_nfc_normalised():
    decomposed = "Cafe\u0301"
    assert decoding.normalise(decomposed) == "Café"


def test_zero_width_bidi_and_control_characters_are_dropped():
    assert decoding.normalise("机\u200b器\u202e人\x00\x07IRON\ufeff") == "机器人IRON"


def test_tabs_and_newlines_survive():
    assert decoding.normalise("a\tb\nc") == "a\tb\nc"


def test_png_renamed_to_txt_is_binary():
    assert decoding.looks_binary(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)


def test_utf16_text_is_not_mistaken_for_binary():
    assert not decoding.looks_binary(SIMPLIFIED.encode("utf-16-le"))


def test_utf8_text_with_many_nul_bytes_is_text_and_loses_only_the_nuls():
    raw = SIMPLIFIED.replace("，", "，\x00\x00\x00\x00").encode("utf-8")
    assert raw.count(0) > len(raw) * 0.05
    assert not decoding.looks_binary(raw)
    assert decoding.decode(raw)[0] == SIMPLIFIED


@pytest.mark.parametrize(
    "signature", [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"%PDF-1.7"], ids=["doc", "gzip", "zip", "pdf"]
)
def test_documents_and_archives_renamed_to_txt_are_binary(signature):
    assert decoding.looks_binary(signature + bytes(range(256)) * 4)


def test_bidi_isolates_and_the_arabic_letter_mark_are_dropped_too():
    assert decoding.normalise("小\u2066鹏\u2069\u061c汽\u180e车") == "小鹏汽车"
