"""End to end: a plan that later articles only talk about, deny or guess at stays upcoming where readers look first."""
from pathlib import Path

import pytest

from conftest import build_site, page

ARTICLES = {
    "plan.txt": """---
title: 小鹏公布IRON量产时间表
date: 2025-11-06
source: 测试日报
---
小鹏公布IRON量产时间表

小鹏目标在2026年底实现IRON人形机器人的规模量产。
""",
    "talk.txt": """---
title: 何小鵬談IRON量產挑戰
date: 2025-12-10
source: 測試時報
---
何小鵬談IRON量產挑戰

談到IRON人形機器人的量產挑戰，何小鵬坦言供應鏈仍需時間。
""",
    "denied.txt": """---
title: IRON is not in production yet
date: 2025-12-12
source: Test Wire
---
IRON is not in production yet

XPeng has not yet started mass production of the IRON humanoid robot, a spokesperson said.
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clauses-site")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    result = build_site(root, seeds)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_plan_only_talked_about_and_denied_later_stays_upcoming_on_its_topic_page(site):
    html = page(site, "topics/iron/")
    row = html.find(id="m-iron-mass-production-2026-q4")
    assert row is not None and "kb-s-upcoming" in str(row)
    assert not html.select(".kb-s-done, .kb-s-late")  # nothing on the page reads as done
    lead = []  # the overview: what stands between the first section heading and the next
    for element in html.select_one("article").find("h2").find_next_siblings():
        if element.name == "h2":
            break
        lead.append(element.get_text(" "))
    overview = " ".join(lead)
    assert "尚未到期" in overview and "兑现" not in overview


def test_the_home_card_shows_the_promise_as_upcoming(site):
    html = page(site, "")
    card = next(a for a in html.select("a") if "topics/iron/#m-iron-mass-production" in (a.get("href") or ""))
    badge = card.find_previous("span")
    assert "kb-s-upcoming" in badge.get("class", [])
