"""Link previews of topic pages: a description of 80–160 characters and a picture made at build time."""
import io
import re

import pytest
from PIL import Image

from build_scripts.pages import social_cards
from conftest import page

TOPIC_SLUGS = ["second-gen-vla", "robotaxi", "iron", "flying-cars", "turing-chip", "world-model"]


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
@pytest.mark.parametrize("slug", TOPIC_SLUGS)
def test_a_topic_page_unfurls_with_its_own_picture_and_description(seed_site, prefix, slug):
    head = page(seed_site, f"{prefix}topics/{slug}/").head
    meta = lambda key: (head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key}))["content"]  # noqa: E731
    image = meta("og:image")
    assert image == f"https://kb.example.internal/assets/social/{prefix}topics/{slug}.png"  # absolute, as unfurlers need
    assert meta("twitter:image") == image and meta("twitter:card") == "summary_large_image"
    data = (seed_site / image.removeprefix("https://kb.example.internal/")).read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "PNG" and picture.size == (1200, 630) == (int(meta("og:image:width")), int(meta("og:image:height")))
    assert len(picture.convert("L").getcolors(maxcolors=4096) or ()) > 8  # text drawn on it, not a blank card
    assert 80 <= len(meta("og:description")) <= 160
    assert meta("og:image:alt") == meta("og:title")


def test_each_topic_and_script_has_a_picture_of_its_own(seed_site):
    cards = sorted((seed_site / "assets" / "social").rglob("*.png"))
    assert len(cards) == 2 * len(TOPIC_SLUGS)
    assert len({card.read_bytes() for card in cards}) == len(cards)


def test_pages_other_than_topics_keep_a_summary_card(seed_site):
    head = page(seed_site, "sources/").head
    assert not head.find("meta", attrs={"property": "og:image"})
    assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_the_same_words_draw_the_same_bytes_and_a_long_description_is_cut_with_an_ellipsis():
    social_cards.card_png.cache_clear()
    first = social_cards.card_png("IRON 人形机器人", "说明" * 200, "知识库")
    social_cards.card_png.cache_clear()
    assert social_cards.card_png("IRON 人形机器人", "说明" * 200, "知识库") == first  # two builds, identical sites
    font = social_cards._font(36)
    lines = social_cards._wrap("说明" * 200, font, 1000, 4)
    assert len(lines) == 4 and lines[-1].endswith("…") and all(font.getlength(line) <= 1000 for line in lines)
    # Latin words are never split across lines.
    words = social_cards._wrap("The humanoid robot IRON has 82 degrees of freedom and 2,250 TOPS " * 4, font, 500, 9)
    assert all(re.match(r"^\S", line) for line in words) and "2,250" in " ".join(words)
