"""An editor's corrections in seeds/sources.yml change every page that shows the item, and survive rebuilds.

One site is built from a copy of the seeds with a corrections file holding
each kind of entry (metadata, confirm, reject, set, add for milestones and
figures, a stale one and a malformed one); a second from the same plus an
unrelated new article and an edit to another paragraph of a corrected
article. The tests read their HTML and kb.json as a reader or a wiki would.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from build_scripts.reading.language import to_simplified
import yaml

from conftest import SEEDS, build_site, kb_document, kb_files, page

CORRECTIONS = """
001_f557aaf571426259.txt:
  title: null
  date: 2025-11-10
  by: 王编辑
  note: 原文只写了 11/10，科技日在 2025 年

milestones:
  - id: m-second-gen-vla-pilot-2025-12
    do: confirm
    by: 王编辑
    note: 发布会原话
    date: 2025-12-01
  - id: m-iron-mass-production-2026-q4
    do: set
    when: 2027-H1
    by: 李编辑
    note: 官方已改口
  - id: m-world-model-other-2024
    do: reject
    by: 李编辑
    note: 算力集群不是世界模型的里程碑
  - file: 000_8aa7ed600137bead.txt
    quote: 小鹏汽车将在2026年推出三款 Robotaxi车型
    do: add
    subject: robotaxi
    kind: permit
    when: 2026-H2
    state: planned
    by: 王编辑
  - id: m-flying-cars-launch-2031
    do: confirm
  - id: m-iron-unveil-2024
    do: approve
  - file: 000_8aa7ed600137bead.txt
    quote: 陆地航母已正式进入量产前夜
    do: add
    subject: flying-cars
    kind: mass-production
    state: planned
  - file: 001_f557aaf571426259.txt
    quote: 小鵬計劃明年推出3款Robotaxi車型
    do: confirm
    apart: true
    note: 另一次发布，不是同一件事
claims:
  - id: vla2-driving-experience
    do: reject
    by: 李编辑
  - id: g7-ultra-compute
    file: 002_56d86afa678d481a.txt
    quote: 小鵬汽車最終做到了在算力高達2250TOPS的Ultra版車型上
    do: set
    value: 2200
    note: 测试用更正
  - file: 000_8aa7ed600137bead.txt
    quote: 手有22个自由度
    do: confirm
    by: 王编辑
  - file: 000_8aa7ed600137bead.txt
    quote: 全身拥有82个自由度
    do: add
    subject: iron
    attribute: height
    value: 1.78
    unit: m
    by: 王编辑
  - file: 000_8aa7ed600137bead.txt
    quote: 采用六轴六桨双涵道构型
    do: add
    subject: land-aircraft-carrier
    attribute: rotors
    label_zh: 旋翼数
    label_en: Rotors
    value: 6
    unit: rotors
"""

UNRELATED_ARTICLE = """---
title: 某城市公交线路调整
date: 2025-11-20
source: 本地新闻
---

本市公交 12 路自下月起调整走向，途经火车站与市图书馆。

市民可通过公交公司官方渠道查询新的时刻表。
"""


def _seeds_with_corrections(root: Path) -> Path:
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    with (seeds / "sources.yml").open("a", encoding="utf-8") as file:
        file.write(CORRECTIONS)
    return seeds


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corrected")
    result = build_site(out, _seeds_with_corrections(out))
    assert result.returncode == 0, result.stderr
    (out / "build.log").write_text(result.stderr, encoding="utf-8")
    return out / "site"


@pytest.fixture(scope="module")
def corrected_then_more_articles(tmp_path_factory) -> Path:
    """The same corrections after an unrelated article arrives and another paragraph of a corrected article is edited."""
    out = tmp_path_factory.mktemp("corrected-later")
    seeds = _seeds_with_corrections(out)
    (seeds / "005_bus_routes.md").write_text(UNRELATED_ARTICLE, encoding="utf-8")
    article = seeds / "000_8aa7ed600137bead.txt"
    text = article.read_text(encoding="utf-8")
    assert "勾勒出物理AI未来出行的清晰图景" in text
    article.write_text(text.replace("勾勒出物理AI未来出行的清晰图景", "勾勒出物理AI未来出行的一幅清晰图景"), encoding="utf-8")
    result = build_site(out, seeds)
    assert result.returncode == 0, result.stderr
    return out / "site"


def kb_json(site: Path) -> dict:
    return kb_document(site)  # kb.json and the files it names, gathered


def milestone(site: Path, ident: str) -> dict | None:
    return next((m for m in kb_json(site)["milestones"] if m["id"] == ident), None)


def claims(site: Path, row: str) -> list[dict]:
    return [c for t in kb_json(site)["topics"] for c in t["claims"] if c["id"] == row]


def lead_text(soup) -> str:
    """The topic page's overview: what follows its #lead heading up to the next section."""
    parts = []
    for sibling in soup.select_one("h2#lead").find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling.get_text(" ", strip=True))
    return "\n".join(parts)


def search_texts(site: Path) -> list[tuple[str, str]]:
    """(location, text) of each search index entry, without the marks search.js adds between words."""
    docs = json.loads((site.parent / "build" / "search" / "documents.json").read_text(encoding="utf-8"))  # what search indexes
    return [(d["location"], re.sub("[\u200b\u303b]", "", d["text"])) for d in docs]


def checked_mark(soup, ident: str):
    row = soup.find(id=ident)
    return row.select_one(".kb-checked") if row else None


# -- Confirm -------------------------------------------------------------------


def test_a_confirmed_milestone_is_marked_checked_where_it_is_shown_with_who_when_and_why(corrected):
    for path in ("topics/second-gen-vla/", "promises/second-gen-vla/", "timeline/"):
        mark = checked_mark(page(corrected, path), "m-second-gen-vla-pilot-2025-12")
        assert mark is not None, path
        assert "已核实" in mark.text
        assert mark["title"] == "已核实 confirmed — 王编辑 · 2025-12-01: 发布会原话", path
    entry = milestone(corrected, "m-second-gen-vla-pilot-2025-12")
    assert entry["reviewed"] == "confirmed" and entry["reviewed_by"] == "王编辑"
    assert "original" not in entry  # confirmed: what is shown is what was read


def test_an_unchecked_milestone_has_no_mark(corrected):
    assert checked_mark(page(corrected, "promises/robotaxi/"), "m-robotaxi-trial-operation-2026") is None
    assert "reviewed" not in milestone(corrected, "m-robotaxi-trial-operation-2026")


# -- Set ---------------------------------------------------------------------


def test_a_corrected_milestone_date_moves_it_on_every_page_and_kb_json_keeps_the_original(corrected):
    new_id, old_id = "m-iron-mass-production-2027-h1", "m-iron-mass-production-2026-q4"
    topic = page(corrected, "topics/iron/")
    assert topic.find(id=old_id) is None
    assert "已更正" in checked_mark(topic, new_id).text
    assert "2027 H1" in topic.find(id=new_id).get_text()
    promises = page(corrected, "promises/iron/")  # the topic's promises page
    assert promises.find(id=new_id) is not None and promises.find(id=old_id) is None
    assert promises.select_one(f'svg a[href="#{new_id}"]') is not None  # its chart row
    assert page(corrected, "timeline/").find(id=new_id) is not None
    home = page(corrected, "")
    assert home.select_one(f'a[href="topics/iron/#{new_id}"]') is not None  # the topic card's main promise
    assert "其量产定于 2027 年上半年" in lead_text(topic)  # the overview sentence
    # the search text of the page: its overview says the new date as people write it
    assert any("2027 年上半年" in text or "2027 H1" in text for location, text in search_texts(corrected) if location.startswith("topics/iron/"))
    entry = milestone(corrected, new_id)
    assert entry["reviewed"] == "corrected" and entry["review_note"] == "官方已改口"
    assert entry["original"]["when"] == "2026-q4"
    assert entry["due"]["key"] == "2027-h1"


def test_a_corrected_figure_shows_its_new_value_checked_and_kb_json_keeps_the_original(corrected):
    corrected_values = [c for c in claims(corrected, "g7-ultra-compute") if c.get("reviewed")]
    assert [c["value"] for c in corrected_values] == [2200]
    assert corrected_values[0]["original"]["value"] == "2250.0"
    row = page(corrected, "topics/second-gen-vla/").find(id="g7-ultra-compute") or next(
        page(corrected, f"topics/{t['id']}/").find(id="g7-ultra-compute")
        for t in kb_json(corrected)["topics"] if any(c["id"] == "g7-ultra-compute" for c in t["claims"])
    )
    assert "2,200" in row.get_text() and row.select_one(".kb-checked") is not None


def test_a_confirmed_figure_whose_subject_was_borrowed_reads_as_stated_and_leaves_the_queue(seed_site, corrected):
    (before,) = claims(seed_site, "iron-hand-degrees-of-freedom")
    assert before["read"] == "borrowed" and "reviewed" not in before
    (after,) = claims(corrected, "iron-hand-degrees-of-freedom")
    assert (after["read"], after["reviewed"], after["reviewed_by"]) == ("clause", "confirmed", "王编辑")
    assert checked_mark(page(corrected, "topics/iron/"), "iron-hand-degrees-of-freedom") is not None
    # confirmed, it may headline: the overview's key figures now name it (a borrowed one never does)
    assert "手部有 22 个自由度" not in lead_text(page(seed_site, "topics/iron/"))
    assert "手部有 22 个自由度" in lead_text(page(corrected, "topics/iron/"))
    queued = lambda site: [x.get_text() for x in page(site, "to-check/").select('.kb-check-item[data-kind="figure"]')]  # noqa: E731
    assert any("手有22个自由度" in text for text in queued(seed_site))
    assert not any("手有22个自由度" in text for text in queued(corrected))


# -- Reject --------------------------------------------------------------------


def test_a_rejected_milestone_is_on_no_page_but_listed_in_the_corrections_section(corrected):
    gone = "m-world-model-other-2024"
    for path in ("topics/world-model/", "promises/world-model/", "timeline/"):
        assert page(corrected, path).find(id=gone) is None, path
        assert page(corrected, path).select_one(f'a[href$="#{gone}"]') is None, path  # nor its chart row
    assert milestone(corrected, gone) is None
    section = page(corrected, "problems/").find(id="corrections-rejected").find_next("table").get_text()
    assert "建成了国内汽车行业首个万卡智算集群" in section and "算力集群不是世界模型的里程碑" in section


def test_a_rejected_figure_row_is_gone_from_the_infobox_and_kb_json(corrected, seed_site):
    assert page(seed_site, "topics/second-gen-vla/").find(id="vla2-driving-experience") is not None
    assert page(corrected, "topics/second-gen-vla/").find(id="vla2-driving-experience") is None
    assert claims(corrected, "vla2-driving-experience") == []
    section = page(corrected, "problems/").find(id="corrections-rejected").find_next("table").get_text()
    assert "第二代 VLA · 相当于驾驶经验" in section and "(vla2-driving-experience)" in section


# -- Add -----------------------------------------------------------------------


def test_an_added_milestone_is_shown_cited_and_marked(corrected):
    added = "m-robotaxi-permit-2026-h2"
    row = page(corrected, "topics/robotaxi/").find(id=added)
    assert row is not None and "编辑添加" in row.select_one(".kb-checked").text
    assert row.select_one('a[href*="sources/000_8aa7ed600137bead/#"]') is not None
    entry = milestone(corrected, added)
    assert entry["reviewed"] == "added"
    assert entry["plans"][0]["citation"]["quote"] == "小鹏汽车将在2026年推出三款 Robotaxi车型"


def test_an_added_figure_is_a_row_of_its_subject(corrected):
    row = page(corrected, "topics/iron/").find(id="iron-height")
    assert row is not None and "1.78" in row.get_text() and row.select_one(".kb-checked") is not None
    assert [c["reviewed"] for c in claims(corrected, "iron-height")] == ["added"]


# -- Metadata ----------------------------------------------------------------


def test_a_metadata_correction_with_by_and_note_sets_the_field_and_raises_no_problem(corrected):
    source = page(corrected, "sources/001_f557aaf571426259/").get_text()
    # the source page names the editor's note as the date's origin, in the article's script (據編者補註)
    assert "2025-11-10" in source and "据编者补注" in to_simplified(source)
    problems = page(corrected, "problems/").get_text()
    assert "unknown field 'by'" not in problems and "unknown field 'note'" not in problems


def test_a_file_an_editor_says_has_no_title_goes_by_its_file_name_checked_and_raises_no_problem(corrected):
    soup = page(corrected, "sources/001_f557aaf571426259/")
    assert soup.find("h1").get_text().rstrip("¶").strip() == "001_f557aaf571426259"
    rows = {to_simplified(li.strong.get_text()): li for li in soup.select(".kb-meta li")}
    assert "原文无标题" in to_simplified(rows["标题"].get_text()) and rows["标题"].select_one(".kb-checked") is not None
    problems = [row.get_text(" ") for row in page(corrected, "problems/").select("tr") if "001_f557aaf571426259" in row.get_text()]
    assert not any("has no title" in row for row in problems)
    source = next(s for s in kb_json(corrected)["sources"] if s["id"] == "001_f557aaf571426259")
    assert source["reviewed"] == "corrected" and source["reviewed_by"] == "王编辑"
    assert source["original"] == {"title": "小鵬的二代VLA到底是什麼?", "date": "2025-11-10"} and "title" not in source["provenance"]
    assert page(corrected, "to-check/").select_one('[data-check^="check-001_f557aaf571426259-"]') is None


def test_a_metadata_correction_shows_who_checked_it_and_why_beside_the_field(corrected, seed_site):
    def date_row(site):
        soup = page(site, "sources/001_f557aaf571426259/")
        return next(li for li in soup.select(".kb-meta li") if to_simplified(li.strong.get_text()) == "日期")
    assert date_row(seed_site).select_one(".kb-checked") is None
    mark = date_row(corrected).select_one(".kb-checked")
    assert "已更正" in to_simplified(mark.get_text())
    assert to_simplified(mark["title"]) == "已更正 corrected — 王编辑: 原文只写了 11/10，科技日在 2025 年"


def test_a_figure_of_an_attribute_attributes_yml_lacks_is_added_as_a_row_of_its_own(corrected, seed_site):
    assert page(seed_site, "topics/flying-cars/").find(id="land-aircraft-carrier-rotors") is None
    row = page(corrected, "topics/flying-cars/").find(id="land-aircraft-carrier-rotors")
    assert row is not None and "旋翼数" in row.get_text() and "6" in row.get_text() and row.select_one(".kb-checked") is not None
    assert [c["reviewed"] for c in claims(corrected, "land-aircraft-carrier-rotors")] == ["added"]


def test_an_undated_added_milestone_is_a_row_of_its_own_not_joined_to_a_dated_one(corrected):
    dated = milestone(corrected, "m-flying-cars-mass-production-2026")
    assert dated is not None and all("量产前夜" not in s["citation"]["quote"] for s in dated["plans"] + dated["reports"])
    added = [m for m in kb_json(corrected)["milestones"]
             if m.get("reviewed") == "added" and (m["topic"], m["kind"]) == ("flying-cars", "mass-production")]
    assert len(added) == 1 and added[0]["due"] is None and added[0]["status"] == "undated"
    assert page(corrected, "topics/flying-cars/").find(id=added[0]["id"]) is not None


def test_a_sentence_set_apart_is_a_row_of_its_own(corrected, seed_site):
    def rows(site):
        return [m for m in kb_json(site)["milestones"] if (m["topic"], m["kind"], (m["due"] or {}).get("key")) == ("robotaxi", "commercial-launch", "2026")]

    def quotes(m):
        return {s["citation"]["quote"] for s in m["plans"] + m["reports"]}

    (joined,) = rows(seed_site)
    assert any("小鵬計劃明年推出3款Robotaxi車型" in q for q in quotes(joined)) and len(quotes(joined)) > 1
    apart = [m for m in rows(corrected) if m.get("reviewed") == "confirmed"]
    assert len(rows(corrected)) == 2 and len(apart) == 1
    assert all("小鵬計劃明年推出3款Robotaxi車型" in q for q in quotes(apart[0]))
    assert page(corrected, "promises/robotaxi/").find(id=apart[0]["id"]) is not None


# -- Stale and malformed -----------------------------------------------------


def test_a_stale_correction_is_in_the_build_log_and_counted_on_the_home_page(corrected):
    log = (corrected.parent / "build.log").read_text(encoding="utf-8")
    (line,) = [line for line in log.splitlines() if "m-flying-cars-launch-2031" in line]
    assert "sources.yml: line" in line and "(not applied)" in line and "remove the entry" in line
    notice = page(corrected, "").select_one(".admonition.warning")
    assert "1 条更正未生效" in notice.get_text()
    assert notice.select_one('a[href$="problems/#corrections-stale"]') is not None



def test_a_stale_correction_is_a_problems_row_naming_its_line_and_what_to_do(corrected):
    lines = (SEEDS / "sources.yml").read_text(encoding="utf-8").count("\n") + CORRECTIONS.count("\n")
    rows = page(corrected, "problems/").find(id="corrections-stale").find_next("table").select("tbody tr")
    stale = [r.get_text(" ") for r in rows if "m-flying-cars-launch-2031" in r.get_text()]
    assert len(stale) == 1
    line = int(re.search(r"第 (\d+) 行", stale[0])[1])
    assert 0 < line <= lines
    written = _seeds_text_line(line)
    assert "m-flying-cars-launch-2031" in written
    assert "remove the entry" in stale[0]
    notice = page(corrected, "to-check/").select_one(".admonition.warning")  # where the editor works
    assert "1 条更正找不到对应条目" in notice.get_text()
    assert notice.select_one('a[href$="problems/#corrections-stale"]') is not None


def test_a_malformed_correction_names_line_and_field_and_the_build_goes_on(corrected):
    text = page(corrected, "problems/").get_text(" ")
    found = re.search(r"line (\d+): milestones #6, 'do': 'approve' is not one of confirm, reject, set, add", text)
    assert found, text[:2000]
    assert _seeds_text_line(int(found[1])).strip() == "do: approve"  # the line of the field itself
    assert page(corrected, "topics/iron/").find(id="m-iron-unveil-2024") is not None  # the item stays as read


def _seeds_text_line(number: int) -> str:
    text = (SEEDS / "sources.yml").read_text(encoding="utf-8") + CORRECTIONS
    return text.splitlines()[number - 1]


# -- Surviving rebuilds ------------------------------------------------------


def test_corrections_survive_a_new_article_and_an_edit_elsewhere_in_a_corrected_article(corrected, corrected_then_more_articles):
    later = corrected_then_more_articles
    assert (later / "sources" / "005_bus_routes" / "index.html").exists()
    for ident, verdict in (("m-second-gen-vla-pilot-2025-12", "confirmed"), ("m-iron-mass-production-2027-h1", "corrected"),
                           ("m-robotaxi-permit-2026-h2", "added")):
        assert milestone(later, ident)["reviewed"] == verdict, ident
    assert milestone(later, "m-world-model-other-2024") is None
    assert claims(later, "vla2-driving-experience") == []
    assert [c["reviewed"] for c in claims(later, "iron-height")] == ["added"]
    stale = page(later, "problems/").find(id="corrections-stale").find_next("table").get_text()
    assert "m-flying-cars-launch-2031" in stale and "m-second-gen-vla-pilot" not in stale


# -- To check ----------------------------------------------------------------


def test_the_to_check_page_lists_low_confidence_readings_with_a_snippet_that_parses(seed_site):
    soup = page(seed_site, "to-check/")
    items = soup.select(".kb-check-item")
    assert items
    first = items[0]
    assert first["data-topic"] and first["data-kind"]
    assert first.select_one("blockquote") is not None and first.select_one('blockquote a[href*="sources/"]')
    snippet = yaml.safe_load(first.select_one("pre code").get_text())
    assert snippet[0]["do"] == "confirm" and (snippet[0].get("file") or next(iter(snippet.values())))
    assert soup.select_one("form.kb-check-filters select[name=topic]") is not None
    assert soup.select_one("form.kb-check-filters select[name=kind]") is not None
    # the undated header line's year was inferred: the article's date is to check
    assert soup.select_one('[data-check="check-001_f557aaf571426259-date"]') is not None


def test_what_an_editor_checked_leaves_the_to_check_page(seed_site, corrected):
    before = page(seed_site, "to-check/")
    after = page(corrected, "to-check/")
    for ident in ("check-m-iron-mass-production-2026-q4", "check-001_f557aaf571426259-date"):
        assert before.select_one(f'[data-check="{ident}"]') is not None, ident
        assert after.select_one(f'[data-check="{ident}"]') is None, ident


def test_kb_json_with_reviewed_items_matches_its_documented_schema(corrected):
    import jsonschema

    schema = json.loads((SEEDS.parent / "docs" / "kb.schema.json").read_text(encoding="utf-8"))
    files = kb_files(corrected)
    for document in files.values():
        jsonschema.validate(document, schema)
    path, document = next((p, d) for p, d in files.items() if any("reviewed" in m for m in d.get("milestones", [])))
    broken = json.loads(json.dumps(document))
    next(m for m in broken["milestones"] if "reviewed" in m)["reviewed"] = "approved"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)