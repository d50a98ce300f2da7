"""A picture for each topic page's link preview: a PNG made at build time, named by `og:image`.

In: the pages in both scripts, after `variants` (each copy's card is in its
own script). Out: the same pages, each topic page (`topics/<slug>.md` and its
`zh-Hant/` copy) with `og_image:` in its front matter, plus the PNG at
`assets/social/<page path>.png`, 1200 × 630 (the size Open Graph consumers
crop least): the site's name, the topic's title and its description
(previews.py), white on Material's indigo. overrides/main.html prints it as
`og:image` and a large Twitter card.

Why Pillow and not Material's social plugin: the plugin fetches its fonts
from Google Fonts while building, which a machine without internet cannot
(this site builds offline by design, `theme.font: false`), and it needs
Cairo's Python bindings besides. Pillow draws text with FreeType from one
font file and writes the same bytes for the same input, so two builds stay
identical. The font is the first CJK font found in the system's font
folders (WenQuanYi Micro Hei, Noto Sans CJK, Source Han Sans …); without
one, the cards are still made, with Pillow's own font, and the build log
says which package to install (not a warning: a strict build still passes)
— Chinese characters would show as boxes.
"""
from __future__ import annotations

import functools
import html
import io
import logging
from pathlib import Path

import yaml

from build_scripts.pages.variants import split_front_matter

log = logging.getLogger("mkdocs.plugins.kb")

SIZE = WIDTH, HEIGHT = 1200, 630
CARDS_DIR = "assets/social"
BACKGROUND, BAND, INK, MUTED = (63, 81, 181), (48, 63, 159), (255, 255, 255), (220, 225, 245)  # Material indigo
MARGIN = 72
# Where Debian, Fedora, Arch and macOS keep CJK fonts; the first file found is used.
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts")
FONT_NAMES = ("wqy-microhei", "wqy-zenhei", "NotoSansCJK", "NotoSansSC", "NotoSansTC", "SourceHanSans", "DroidSansFallback",
              "PingFang", "Hiragino Sans GB")


def is_topic_page(path: str) -> bool:
    """topics/<slug>.md in either script, not the topics index."""
    inner = path.removeprefix("zh-Hant/")
    return inner.startswith("topics/") and inner.endswith(".md") and inner != "topics/index.md" and inner.count("/") == 1


def card_path(path: str) -> str:
    return f"{CARDS_DIR}/{path[:-len('.md')]}.png"


def with_cards(pages: dict[str, str | bytes], site_name: str, site_name_of=lambda path, name: name) -> dict[str, str | bytes]:
    """`pages` plus a card for each topic page, named in its front matter (`og_image`)."""
    carded = dict(pages)
    for path, markdown in pages.items():
        if not is_topic_page(path) or not isinstance(markdown, str):
            continue
        front, _ = split_front_matter(markdown)
        meta = yaml.safe_load(front) or {} if front else {}
        title = html.unescape(str(meta.get("title") or ""))
        if not title:
            continue
        description = html.unescape(str(meta.get("description") or ""))
        image = card_path(path)
        carded[image] = card_png(title, description, site_name_of(path, site_name))
        carded[path] = "---\n" + f"og_image: {image}\n" + markdown[len("---\n"):]
    return carded


@functools.lru_cache(maxsize=256)  # under `mkdocs serve`: a card is drawn again only when its words change
def card_png(title: str, description: str, site_name: str) -> bytes:
    """The card as PNG bytes: the site's name, the title (up to two lines), the description (up to four)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=BAND)
    width = WIDTH - 2 * MARGIN
    y = MARGIN - 8
    draw.text((MARGIN, y), site_name, font=_font(34), fill=MUTED)
    y += 34 + 44
    title_font = _font(76)
    for line in _wrap(title, title_font, width, 2):
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 76 + 18
    y += 20
    text_font = _font(36)
    for line in _wrap(description, text_font, width, 4):
        draw.text((MARGIN, y), line, font=text_font, fill=MUTED)
        y += 36 + 16
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _wrap(text: str, font, width: int, most: int) -> list[str]:
    """Lines of `text` no wider than `width`: Chinese breaks between characters, Latin words stay whole."""
    import re

    units = re.findall(r"[A-Za-z0-9][A-Za-z0-9.,%+\-–/]*\s*|\s+|.", " ".join(text.split()))
    lines, line = [], ""
    for unit in units:
        if line and font.getlength(line + unit.rstrip()) > width:
            lines.append(line.rstrip())
            line = unit.lstrip()
        else:
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > most:
        last = lines[most - 1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines = lines[: most - 1] + [last.rstrip("，、；：,;: ") + "…"]
    return lines


@functools.lru_cache(maxsize=16)
def _font(size: int):
    from PIL import ImageFont

    path = cjk_font()
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(str(path), size)


@functools.lru_cache(maxsize=1)
def cjk_font() -> Path | None:
    """The first CJK font file in the system's font folders; None (said once in the build log) when there is none."""
    for folder in map(Path, FONT_FOLDERS):
        if not folder.is_dir():
            continue
        files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".ttc", ".ttf", ".otf"))
        for name in FONT_NAMES:
            for file in files:
                if name.lower() in file.name.lower():
                    return file
    log.info("no Chinese font found for the link-preview pictures (assets/social/): their Chinese shows as boxes. "
                "Install one, e.g. 'apt-get install fonts-wqy-microhei'")
    return None
