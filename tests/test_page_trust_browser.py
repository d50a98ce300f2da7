"""What a reader notices first on a page with milestones, in a real browser (issue 24)."""
import pytest

from tests.conftest import build_site, page, serve_directory

pytestmark = pytest.mark.browser

ARTICLES = {
    # An event the article reports as already done (no plan before it), and a plan.
    "a_unveil.md": ("2025-11-12", "小鹏IRON人形机器人已于2024年11月发布。新一代IRON人形机器人将在2026年年底量产。"),
    # A plan, reported done later in English.
    "b_plan.md": ("2026-01-12", "小鹏汇天陆地航母将于2026年3月开始交付。小鹏Robotaxi将在2026年第四季度启动试运营。"),
    "c_report.md": ("2026-04-02", "XPeng Aridge has started deliveries of the Land Aircraft Carrier in March 2026."),
    # A moved date, and a plan with a week's precision.
    "d_moved.md": ("2026-02-10", "小鹏图灵芯片将于2026年5月首搭上车。"),
    "e_later.md": ("2026-04-20", "小鹏图灵芯片的首搭推迟到2026年第三季度。"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("trust")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, (date, text) in ARTICLES.items():
        (seeds / name).write_text(f"---\ntitle: {name[:-3]}\ndate: {date}\noutlet: 测试报\n---\n\n{text}\n", encoding="utf-8")
    result = build_site(root / "out", seeds)
    assert result.returncode == 0, result.stderr
    return root / "out" / "site"


@pytest.fixture(scope="module")
def server(site):
    base, stop = serve_directory(site)
    yield base
    stop()


# Whether two elements' drawn boxes meet, line box by line box (a wrapped
# inline element's bounding box would cover the lines between its parts).
OVERLAP = """([a, b]) => {
  const meet = (r, s) => r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1;
  return [...a.getClientRects()].some(r => [...b.getClientRects()].some(s => meet(r, s)));
}"""


@pytest.mark.parametrize("width", [1280, 900, 390])
@pytest.mark.parametrize("path", ["topics/flying-cars/", "promises/", "timeline/", "zh-Hant/promises/"])
def test_milestone_row_due_date_never_covers_its_status_badge(browser, server, path, width):
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.goto(f"{server}/{path}")
    rows = tab.locator("p.kb-milestone")
    assert rows.count() >= 1
    for i in range(rows.count()):
        row = rows.nth(i)
        badge, when, what = (row.locator(s).first.element_handle() for s in (".kb-badge", ".kb-when", "strong:not(.kb-when)"))
        assert not tab.evaluate(OVERLAP, [badge, when]), f"{path} row {i} at {width}px: the date is drawn over the badge"
        assert not tab.evaluate(OVERLAP, [what, when]), f"{path} row {i} at {width}px: the date is drawn over the event"
        assert when.bounding_box()["x"] + when.bounding_box()["width"] <= width
    tab.close()
