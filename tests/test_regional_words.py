"""A 繁體 reader reads the region's words in compounds too: 無人駕駛計程車 in Taiwan, 無人駕駛的士 in Hong Kong."""
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from build_scripts.data.schema import DataFileError
from build_scripts.pages import variants
from build_scripts.pages.variants import TRADITIONAL, load_regional_words, to_script
from conftest import SEEDS, build_site, page

# Mainland words a Taiwan reader does not write, as they look in Traditional glyphs.
MAINLAND_IN_TRADITIONAL = re.compile("出租車|芯片|視頻|硬件")


@pytest.fixture
def hong_kong():
    variants.use_region("hong_kong")
    try:
        yield
    finally:
        variants.use_region("taiwan")


@pytest.mark.parametrize("simplified, taiwan", [
    # OpenCC's greedy cut reads 驶出 ("drive out") here and never sees 出租车 whole.
    ("Robotaxi 无人驾驶出租车", "Robotaxi 無人駕駛計程車"),
    ("自动驾驶出租车业务", "自動駕駛計程車業務"),
    ("图灵AI芯片数量", "圖靈AI晶片數量"),
    ("短视频平台", "短影片平臺"),
    ("软硬件一体", "軟硬體一體"),
    ("双冗余硬件架构", "雙冗餘硬體架構"),
    # A longer regional word wins over the shorter one inside it.
    ("召开视频会议", "召開視訊會議"),
])
def test_taiwan_words_inside_compounds(simplified, taiwan):
    assert to_script(simplified, TRADITIONAL) == taiwan


@pytest.mark.parametrize("simplified, traditional", [
    ("监视频繁", "監視頻繁"),  # 监视 | 频繁: no 视频 (video) here
    ("部队的士兵", "部隊的士兵"),  # 的 | 士兵: no 的士 (taxi)
])
def test_a_word_across_two_words_is_not_reworded(simplified, traditional):
    assert to_script(simplified, TRADITIONAL) == traditional


def test_the_words_a_phrase_table_rewords_are_kept_between_builds_and_a_spoilt_copy_is_worked_out_again(tmp_path, monkeypatch):
    monkeypatch.setattr(variants.tempfile, "tempdir", str(tmp_path))
    worked_out = variants._reworded_words.__wrapped__("s2twp")
    assert {"出租车", "芯片", "视频"} <= worked_out
    (kept,) = tmp_path.glob("xpeng-kb-reworded-*.txt")
    assert variants._reworded_words.__wrapped__("s2twp") == worked_out  # read back as it was written
    kept.write_text("not the key\n出租车", encoding="utf-8")  # another version's, or cut short
    assert variants._reworded_words.__wrapped__("s2twp") == worked_out
    kept.write_bytes(b"\xff\xfe broken")
    assert variants._reworded_words.__wrapped__("s2twp") == worked_out


def test_hong_kong_words_inside_compounds(hong_kong):
    assert to_script("Robotaxi 无人驾驶出租车", TRADITIONAL) == "Robotaxi 無人駕駛的士"
    assert to_script("出租车", TRADITIONAL) == "的士"
    # Hong Kong writes 芯片 and 硬件 as the mainland does (glyphs aside).
    assert to_script("图灵芯片与硬件", TRADITIONAL) == "圖靈芯片與硬件"


def test_a_regional_word_in_traditional_script_is_refused_with_its_line(tmp_path):
    broken = tmp_path / "regional_words.yml"
    broken.write_text("regions:\n  hong_kong:\n    出租車: 的士\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"line 3.*出租車.*Simplified"):
        load_regional_words.__wrapped__(broken)


def _title(site, url: str) -> str:
    h1 = page(site, url).find("h1")
    for link in h1.select(".headerlink"):
        link.decompose()
    return h1.get_text(" ", strip=True)


def _own_words(soup: BeautifulSoup) -> str:
    """What a page says in its own words: quotes, names and code, which keep their words, left out."""
    for kept in soup.select(".kb-as-written, [translate=no], code, pre, script, style"):
        kept.decompose()
    return soup.get_text(" ")


def test_taiwan_pages_write_taiwan_words_on_every_page(seed_site):
    assert _title(seed_site, "zh-Hant/topics/robotaxi/") == "Robotaxi 無人駕駛計程車"
    tab_and_links = page(seed_site, "zh-Hant/").get_text(" ")
    assert "無人駕駛出租車" not in tab_and_links
    found = []
    for html in sorted((seed_site / "zh-Hant").rglob("*.html")):
        text = _own_words(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser"))
        found += [f"{html.relative_to(seed_site)}: …{text[max(0, m.start() - 8):m.end() + 4]}…"
                  for m in MAINLAND_IN_TRADITIONAL.finditer(text)]
    assert not found, found[:10]


def test_hong_kong_pages_write_hong_kong_words(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for one in sorted(SEEDS.glob("00[0-2]_*")):
        shutil.copy2(one, seeds / one.name)
    result = build_site(tmp_path / "hk", seeds, extra_yaml="    traditional: hong_kong\n")
    assert result.returncode == 0, result.stderr[-2000:]
    site = tmp_path / "hk" / "site"
    assert _title(site, "zh-Hant/topics/robotaxi/") == "Robotaxi 無人駕駛的士"
    home = page(site, "zh-Hant/")
    assert "無人駕駛的士" in home.get_text(" ") and "出租車" not in _own_words(home)
