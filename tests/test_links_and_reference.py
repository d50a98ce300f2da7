"""Links that last, and the reference pages readers expect: glossary, tags, timeline, kb.json."""
import json
import re
from pathlib import Path

import jsonschema
import pytest

from build_scripts.pages.export import indented_json
from build_scripts.pages.site import redirect_pages
from build_scripts.knowledge.taxonomy import load_topics
from conftest import ROOT, build_site, kb_document, kb_files, page

NEW_ARTICLE = """小鹏发布飞行汽车与Robotaxi新进展

来源: 测试网 发布时间: 2025-12-20 10:00:00

小鹏汇天宣布陆地航母将于2026年3月开始交付，首批交付1000台。

小鹏Robotaxi将在广州开启试运营，车端算力3000TOPS。

何小鹏表示，第二代VLA将于明年二季度推送至Max车型。
"""

OLDER_ARTICLE = """---
title: 小鹏图灵芯片早期报道
date: 2025-03-01
---

小鹏图灵AI芯片的算力为750TOPS，将于今年年底量产。
"""


def anchors(site: Path) -> dict[str, set[str]]:
    found = {}
    for html_file in site.rglob("*.html"):
        relative = str(html_file.relative_to(site))
        found[relative] = {el["id"] for el in page(site, relative).select("[id]")}
    return found


def test_adding_articles_keeps_every_existing_anchor(tmp_path, seeds_copy):
    first = build_site(tmp_path / "first", seeds_copy)
    assert first.returncode == 0, first.stderr
    before = anchors(tmp_path / "first" / "site")
    (seeds_copy / "005_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (seeds_copy / "006_older.md").write_text(OLDER_ARTICLE, encoding="utf-8")
    second = build_site(tmp_path / "second", seeds_copy)
    assert second.returncode == 0, second.stderr
    after = anchors(tmp_path / "second" / "site")
    # Footnote numbers (ref-N) count the citations a page makes, in order: they name a place in that page's
    # reference list, not a source, and the home page's next promises cite other sources as articles come
    # (one more seed promise listed there gave it a twelfth reference, which the new articles push off).
    # Rows, paragraphs, sections and headings are what links point at; those must all stay.
    positional = re.compile(r"ref-\d+")
    missing = {path: {i for i in ids - after.get(path, set()) if not positional.fullmatch(i)} for path, ids in before.items()}
    missing = {path: ids for path, ids in missing.items() if ids}
    assert not missing, missing
    # and the new article did reach the pages, so the test compared changed pages
    assert (tmp_path / "second" / "site" / "sources" / "005_new" / "index.html").exists()
    assert "006_older" in (tmp_path / "second" / "site" / "topics" / "turing-chip" / "index.html").read_text(encoding="utf-8")


def test_section_ids_are_explicit(seed_site):
    html = page(seed_site, "topics/robotaxi/")
    for section in ("lead", "figures", "timeline", "sources-say", "related", "sources"):
        heading = html.select_one(f"h2#{section}")
        assert heading and heading.select_one("a.headerlink"), section  # heading permalink too


def test_figure_rows_and_timeline_entries_have_content_derived_ids(seed_site):
    html = page(seed_site, "topics/flying-cars/")
    assert html.select_one("p.kb-figure#flying-car-factory-takt-time #fig-minutes-30")  # the old id lands on its row
    # Timeline rows are milestones now (issue 14): ids from topic, kind and period.
    assert all(p["id"].startswith("m-flying-cars-") for p in html.select("p.kb-event"))


def test_canonical_url_comes_from_site_url(seed_site):
    html = page(seed_site, "topics/robotaxi/")
    assert html.select_one('link[rel="canonical"]')["href"] == "https://kb.example.internal/topics/robotaxi/"
    assert "https://kb.example.internal/topics/robotaxi/" in (seed_site / "sitemap.xml").read_text(encoding="utf-8")


def test_former_slug_becomes_a_redirect_keeping_the_anchor():
    topic = next(t for t in load_topics() if t.slug == "robotaxi")
    renamed = type(topic)(**{**topic.__dict__, "former_slugs": ("robo-taxi",)})
    pages = redirect_pages(renamed)
    html = pages["topics/robo-taxi/index.html"]
    assert 'url=../robotaxi/' in html and 'location.replace("../robotaxi/" + location.hash)' in html


def test_every_topic_slug_is_ascii():
    assert all(t.slug.isascii() for t in load_topics())


# --- glossary, tags, timeline -------------------------------------------------


def test_glossary_defines_terms_with_anchors_and_citations(seed_site):
    html = page(seed_site, "glossary/")
    for term in ("vla", "vlm", "vlt", "ngp", "lcc", "mpi", "tops", "l4", "bom", "cot", "end-to-end", "world-model", "reinforcement-learning"):
        assert html.select_one(f"#term-{term}"), term
    vla = html.select_one("#term-vla").find_next("p").find_next("p")
    link = vla.select_one("a.kb-cite")
    assert link["href"].startswith("../sources/002_56d86afa678d481a/#p-")


def test_abbreviations_have_tooltips_on_topic_and_source_pages(seed_site):
    for path in ("topics/second-gen-vla/", "sources/002_56d86afa678d481a/"):
        titles = {a.get_text(): a["title"] for a in page(seed_site, path).select("abbr")}
        assert "VLA" in titles and "Vision-Language-Action" in titles["VLA"], path


def test_abbreviations_inside_article_paragraphs_have_tooltips(seed_site):
    paragraph = next(
        p for p in page(seed_site, "sources/000_8aa7ed600137bead/").select("p.kb-para") if "第二代VLA" in p.get_text()
    )
    abbr = paragraph.select_one("abbr")
    assert abbr.get_text() == "VLA" and "Vision-Language-Action" in abbr["title"]


def test_entities_tag_the_pages_that_mention_them(seed_site):
    tags = page(seed_site, "tags/")
    text = tags.get_text()
    for entity in ("何小鹏", "大众", "高德", "宝钢", "特斯拉"):
        assert entity in text, entity
    volkswagen = next(h for h in tags.select("h2") if "大众" in h.get_text())
    linked = [a["href"] for a in volkswagen.find_next("ul").select("a")]
    assert any("topics/second-gen-vla" in href for href in linked)
    assert not any("003_93100f986083634d" in href for href in linked)  # 003 never mentions Volkswagen


def test_traditional_spelling_of_an_entity_is_tagged_under_its_simplified_name(seed_site):
    tags = [a.get_text(strip=True) for a in page(seed_site, "sources/002_56d86afa678d481a/").select(".md-tag")]
    assert "何小鹏" in tags and "米良川" in tags  # the article writes 何小鵬


def test_site_timeline_is_newest_first_labelled_and_cited(seed_site):
    html = page(seed_site, "timeline/")
    entries = html.select("p.kb-event")
    assert len(entries) > 10
    years = [int(e.select_one(".kb-when").get_text()[:4]) for e in entries]
    assert years == sorted(years, reverse=True)
    assert all(e.select_one("a.kb-topic") for e in entries)
    # Each row links to its row on the topic's promises page, which cites its sources.
    for entry in entries:
        link = entry.select_one("a.kb-sources")["href"]
        path, anchor = link.split("#")
        row = page(seed_site, "timeline/" + path).find(id=anchor)
        assert anchor == entry["id"] and row is not None and row.select_one("a.kb-cite"), link


# --- data export -----------------------------------------------------------------


def test_kb_json_and_the_files_it_names_match_their_documented_schema(seed_site):
    schema = json.loads((ROOT / "docs" / "kb.schema.json").read_text(encoding="utf-8"))
    files = kb_files(seed_site)
    for path, document in files.items():
        jsonschema.validate(document, schema)
    index = files["kb.json"]
    assert {t["id"] for t in index["topics"]} == {t.slug for t in load_topics()}
    # The index counts what its files hold; every source is in the file of its month.
    for entry in index["topics"]:
        topic = next(d for d in files.values() if d["part"] == "topic" and d["topic"]["id"] == entry["id"])
        assert entry["milestones"] == len(topic["milestones"]) and entry["claims"] == len(topic["topic"]["claims"])
        assert {m["topic"] for m in topic["milestones"]} <= {entry["id"]}
    for entry in index["sources"]:
        month = next(d for d in files.values() if d["part"] == "sources" and d["month"] == entry["month"])
        assert len(month["sources"]) == entry["count"]
        assert {(s["date"] or "undated")[:7] for s in month["sources"]} == {entry["month"]}
    # The index is small: it names the parts, it does not hold them.
    assert len((seed_site / "kb.json").read_bytes()) < 10_000


def test_kb_json_citations_point_at_paragraphs_that_hold_the_quote(seed_site):
    document = kb_document(seed_site)
    flying = next(t for t in document["topics"] if t["id"] == "flying-cars")
    row = next(c for c in flying["claims"] if c["id"] == "flying-car-factory-takt-time")
    assert row["value"] == 30 and row["unit"] == "minutes" and "fig-minutes-30" in row["anchors"]
    assert row["subject"] == "flying-car-factory" and row["attribute"] == "takt-time" and row["status"] == "fact"
    citation = row["citations"][0]
    path = citation["url"].replace(document["site_url"], "").split("#")[0]
    paragraph = page(seed_site, path).select_one("#" + citation["paragraph"])
    assert citation["quote"] in paragraph.get_text()


@pytest.mark.parametrize("value", [
    {}, [], {"a": [], "b": {}}, "中文 \"quoted\"\n\u2028", [1, -0.0, 2.5, 1e300, float("nan"), float("inf"), True, False, None, 10**30],
    {"topics": [{"id": "x", "figures": [{"value": 3000.0, "high": None, "citations": ({"quote": "「引」"},)}]}]},
])
def test_kb_json_is_written_as_json_dumps_with_indent_1_would(value):
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_schema_rejects_a_claim_without_citations():
    schema = json.loads((ROOT / "docs" / "kb.schema.json").read_text(encoding="utf-8"))
    bad = {"version": 1, "site_url": "x", "sources": [], "topics": [{
        "id": "robotaxi", "title_zh": "a", "title_en": "b", "url": "u", "timeline": [],
        "claims": [{"id": "robotaxi-compute", "url": "u", "subject": "robotaxi", "attribute": "compute", "label": "3,000 TOPS",
                    "value": 3000, "unit": "TOPS", "qualifier": "", "as_of": "2025-11-05", "status": "fact", "citations": []}],
    }]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
