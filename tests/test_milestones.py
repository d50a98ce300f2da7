"""Promises and what became of them: time rules, one milestone per event, statuses with their sources."""
import datetime as dt

import pytest

from build_scripts.knowledge.compose import article_facts, load_signals
from build_scripts.knowledge.entities import load_entities
from build_scripts.knowledge.milestones import MilestoneRulesError, load_milestone_rules, track
from build_scripts.knowledge.taxonomy import load_topics
from build_scripts.knowledge.timing import TimeRulesError, load_time_rules, read_times
from build_scripts.model import Article, Paragraph
from build_scripts.pages.promises import milestone_row
from build_scripts.reading.language import to_simplified


def times(text: str, published=dt.date(2026, 2, 10)):
    return [(m.words, m.period.label if m.period else None) for m in read_times(to_simplified(text), published)]


# --- time rules ------------------------------------------------------------------


def test_year_end_in_traditional_chinese_is_the_fourth_quarter_of_the_publication_year():
    assert times("全新一代機器人將在年底啟動量產") == [("年底", "2026 Q4")]


def test_next_years_first_quarter_resolves_against_publication_date():
    assert times("明年第一季度将全量推送", dt.date(2025, 11, 10)) == [("明年第一季度", "2026 Q1")]


def test_this_week_is_a_week_not_a_day():
    ((words, label),) = times("本周将开启推送", dt.date(2026, 3, 18))  # a Wednesday
    assert words == "本周" and label == "2026 W12（03-16–03-22）"


def test_english_end_of_year_half_and_quarter_keep_their_precision():
    assert times("mass production by the end of 2026, pilot operations in H2 2026, launch in the first quarter of 2027") == [
        ("the end of 2026", "2026 Q4"), ("H2 2026", "2026 H2"), ("first quarter of 2027", "2027 Q1"),
    ]


def test_later_this_year_runs_from_publication_to_the_end_of_the_year():
    assert times("It will reach customers later this year.", dt.date(2026, 5, 4)) == [("later this year", "2026-05-04 – 2026-12-31")]


def test_relative_time_without_a_publication_date_stays_unresolved():
    assert times("明年推出三款车型", published=None) == [("明年", None)]


def test_model_years_are_not_dates():
    assert times("2026款车型同步上市") == []


@pytest.mark.parametrize("text", ["活動當天，新車同步上市", "活动当天,新车同步上市", "On the same day the new car went on sale"])
def test_the_same_day_is_the_day_the_text_named_last(text):
    ((_, period),) = [(m.words, m.period) for m in read_times(to_simplified(text), dt.date(2026, 3, 5), day_before=dt.date(2026, 3, 2))]
    assert period.label == "2026-03-02"


def test_the_same_day_after_a_date_in_its_own_sentence_is_that_date():
    assert times("9月16日有网友发视频,当天下午两架飞行器相撞", dt.date(2025, 9, 17)) == [("9月16日", "2025-09-16"), ("当天", "2025-09-16")]


def test_the_same_day_with_no_day_before_it_stays_unresolved():
    assert times("活动当天,新车同步上市") == [("当天", None)]


def test_time_rules_file_errors_name_the_file_and_the_entry(tmp_path):
    bad = tmp_path / "time_rules.yml"
    bad.write_text("parts:\n  年底: Q5\n", encoding="utf-8")
    with pytest.raises(TimeRulesError, match=r"time_rules.yml: parts: '年底' is 'Q5'"):
        load_time_rules.__wrapped__(bad)


def test_milestone_rules_reject_an_unknown_kind(tmp_path):
    bad = tmp_path / "milestones.yml"
    bad.write_text("kinds:\n  launch-party: {label_zh: x, zh: [派对]}\n", encoding="utf-8")
    with pytest.raises(MilestoneRulesError, match=r"milestones.yml: kinds: unknown kind 'launch-party'"):
        load_milestone_rules.__wrapped__(bad)


def test_a_kinds_shape_that_is_no_regular_expression_is_named_with_its_kind(tmp_path):
    bad = tmp_path / "milestones.yml"
    bad.write_text("kinds:\n  partnership: {label_zh: 合作, shapes: ['(?:共同|联合']}\n", encoding="utf-8")
    with pytest.raises(MilestoneRulesError, match=r"milestones.yml: kinds: partnership: shapes: .* is no regular expression"):
        load_milestone_rules.__wrapped__(bad)


# --- milestones and statuses --------------------------------------------------------


def article(name: str, date, text: str, language="zh-Hans") -> Article:
    paragraphs = tuple(Paragraph(id=f"p-{i}", text=t) for i, t in enumerate(text.split("\n\n")))
    return Article(slug=name, file_name=f"{name}.txt", title=name, outlet=f"{name} 报", author="", date=date,
                   language=language, paragraphs=paragraphs)


def milestones(*articles: Article, as_of=None):
    """The milestones the pipeline tracks from `articles` (as compose does), as of `as_of` or the newest article."""
    topics, signals, entities = load_topics(), load_signals(), load_entities()
    sightings = [s for a in articles for s in article_facts(a, topics, signals, entities).sightings]
    as_of = as_of or max(a.date for a in articles if a.date)
    return track(sightings, topics, as_of)


PLAN = article("plan", dt.date(2026, 1, 12), "新一代IRON人形机器人将在2026年3月启动量产。")


def only(found, kind):
    (m,) = [m for m in found if m.kind == kind]
    return m


def test_a_plan_reported_done_in_another_script_and_language_is_done_citing_both():
    report = article("report", dt.date(2026, 3, 30), "XPeng has started mass production of the IRON humanoid robot in March 2026.", "en")
    m = only(milestones(PLAN, report), "mass-production")
    assert m.status == "done"
    assert {c.article.slug for c in m.citations} == {"plan", "report"}
    assert m.due.label == "2026-03"


def test_a_report_after_the_due_date_says_how_late():
    report = article("report", dt.date(2026, 6, 2), "小鵬IRON人形機器人已於2026年5月正式量產。", "zh-Hant")
    m = only(milestones(PLAN, report), "mass-production")
    assert m.status == "late" and "2 个月" in m.status_note


def test_a_later_source_with_a_later_date_moves_the_milestone_and_both_dates_show():
    later = article("later", dt.date(2026, 4, 20), "IRON人形机器人的量产推迟到2026年第四季度。")
    m = only(milestones(PLAN, later), "mass-production")
    assert m.status == "moved"
    assert m.due.label == "2026-03" and m.moved_to.label == "2026 Q4"
    assert "2026-03" in m.status_note and "2026 Q4" in m.status_note


def test_a_passed_date_without_any_report_is_overdue_and_says_so():
    m = only(milestones(PLAN, as_of=dt.date(2026, 5, 1)), "mass-production")
    assert m.status == "overdue" and "no report in these sources" in m.status_note


def test_a_source_reporting_it_abandoned_marks_it_dropped():
    dropped = article("dropped", dt.date(2026, 2, 20), "小鹏宣布IRON人形机器人的量产计划已取消。")
    assert only(milestones(PLAN, dropped), "mass-production").status == "dropped"


def test_a_vague_time_word_is_resolved_and_the_source_words_are_kept():
    vague = article("vague", dt.date(2026, 2, 10), "全新一代IRON人形機器人將在年底啟動量產。", "zh-Hant")
    m = only(milestones(vague), "mass-production")
    assert m.status == "upcoming" and m.due.label == "2026 Q4" and m.when_texts == ("年底",)


def test_one_milestone_however_many_articles_and_scripts_state_it():
    again = article("again", dt.date(2026, 1, 20), "小鵬IRON人形機器人將於2026年3月量產。", "zh-Hant")
    english = article("english", dt.date(2026, 1, 21), "XPeng will begin mass production of IRON in March 2026.", "en")
    found = [m for m in milestones(PLAN, again, english) if m.kind == "mass-production"]
    assert len(found) == 1 and len(found[0].citations) == 3


def test_nothing_dated_after_the_article_stating_it_is_shown_as_happened():
    # Written in January about June, in the past tense: a plan, never a report.
    early = article("early", dt.date(2026, 1, 5), "IRON人形机器人已经在2026年6月量产了。")
    m = only(milestones(early), "mass-production")
    assert [s.state for s in m.sightings] == ["planned"] and m.status == "upcoming"


def test_relative_time_in_an_undated_article_gives_no_status_from_it():
    undated = article("undated", None, "IRON人形机器人将在明年量产。")
    m = only(milestones(undated, as_of=dt.date(2030, 1, 1)), "mass-production")
    assert m.due is None and m.status == "undated"


def test_a_company_event_naming_no_topic_is_site_wide_but_its_car_sales_are_no_milestone():
    news = article("news", dt.date(2026, 3, 1), "小鹏汽车已与一家欧洲车企达成战略合作。\n\n2025年,小鹏交付42.94万辆。")
    (m,) = milestones(news)
    assert m.topic == "" and m.kind == "partnership" and m.status == "done"


def test_an_event_reported_with_and_without_its_date_is_one_row():
    dated = article("dated", dt.date(2025, 11, 6), "小鹏在2025年11月5日发布了新一代IRON人形机器人。")
    undated = article("undated", dt.date(2025, 11, 10), "科技日上，小鵬發佈了新一代IRON人形機器人。", "zh-Hant")
    (m,) = [m for m in milestones(dated, undated) if m.kind == "unveil"]
    assert {c.article.slug for c in m.citations} == {"dated", "undated"} and m.done.label == "2025-11-05"


def test_an_as_of_option_that_is_no_date_fails_the_build_naming_the_option(tmp_path):
    from tests.conftest import build_site

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\ntitle: a\ndate: 2026-01-12\n---\n\n新一代IRON人形机器人将在2026年3月启动量产。\n", encoding="utf-8")
    result = build_site(tmp_path / "out", seeds, extra_yaml="    as_of: next spring\n")
    assert result.returncode != 0 and "as_of 'next spring' is not a date" in result.stderr


def test_a_time_that_dates_the_report_is_not_the_events_time():
    news = article("news", dt.date(2025, 11, 6), "據某報今日報道，小鵬新一代IRON人形機器人已在科技日上亮相。", "zh-Hant")
    (m,) = milestones(news)
    assert m.kind == "unveil" and m.done is None and m.when_texts == ()


def test_a_bare_event_word_with_no_time_and_no_marker_is_not_guessed():
    # Neither 已/了/将 nor a time: the clause cannot say whether it happened.
    news = article("news", dt.date(2025, 11, 6), "據某報今日報道，小鵬新一代IRON人形機器人在科技日上亮相。", "zh-Hant")
    assert milestones(news) == []


# --- undated articles: the latest full date the text states anchors relative times ----------


def test_an_undated_article_reads_next_year_against_the_latest_full_date_it_states():
    undated = article("undated", None, "A photo of the IRON robot taken on Oct. 3, 2025.\n\n"
                      "XPeng plans to start road testing its Robotaxi next year.", "en")
    m = only(milestones(undated, as_of=dt.date(2025, 12, 1)), "pilot")
    assert m.due.label == "2026" and m.status != "done"
    assert undated.date is None  # only an anchor for times: the article's own date stays unknown
    # the row says the date was inferred, and from what
    assert "文章无日期，按文中最晚日期 2025-10-03 推算" in milestone_row(m, "")


def test_an_undated_traditional_article_reads_this_quarter_and_wednesday_against_its_stated_date():
    undated = article("undated", None, "圖為2026年2月11日（週三）的發布會現場。\n\n"
                      "小鵬第二代VLA將在本季度正式推送。\n\n小鵬周三發布了新一代IRON人形機器人。", "zh-Hant")
    found = milestones(undated, as_of=dt.date(2026, 2, 20))
    assert only(found, "rollout").due.label == "2026 Q1"
    assert only(found, "unveil").due.label == "2026-02-11"


def test_a_date_after_the_anchor_is_never_taken_as_happened():
    undated = article("undated", None, "图为2025年9月1日的试飞现场。\n\n陆地航母于2026年1月开始量产。")
    m = only(milestones(undated, as_of=dt.date(2025, 9, 5)), "mass-production")
    assert m.status not in ("done", "late")


# --- clause shapes -------------------------------------------------------------------------


@pytest.mark.parametrize("text, language, kind", [
    ("为了支撑交付,小鹏汇天于2025年10月在广州建成首个飞行汽车量产工厂。", "zh-Hans", "other"),
    ("小鵬匯天於2025年10月在廣州建成首個飛行汽車量產工廠。", "zh-Hant", "other"),
    ("Huitian completed its first flying car factory in Guangzhou in October 2025.", "en", "other"),
    ("小鹏汇天于2025年10月在广州开设首个飞行汽车量产工厂。", "zh-Hans", "production-start"),
    ("Huitian opened its first flying car factory in Guangzhou in October 2025.", "en", "production-start"),
])
def test_a_plant_built_is_its_construction_and_a_plant_opened_its_production(text, language, kind):
    found = milestones(article("plant", dt.date(2025, 12, 1), text, language))
    m = only(found, kind)
    assert m.due.label == "2025-10" and m.status == "done"
    assert not [x for x in found if x.kind == "mass-production"]
    assert len(found) == 1, [x.kind for x in found]


def test_a_plant_reported_built_fulfils_the_plan_to_complete_it():
    plan = article("plan", dt.date(2025, 7, 1), "小鹏汇天的飞行汽车工厂计划今年第四季度竣工。")
    report = article("report", dt.date(2025, 12, 1), "小鹏汇天于2025年11月建成首个飞行汽车量产工厂。")
    m = only(milestones(plan, report), "other")
    assert m.status == "done" and {c.article.slug for c in m.citations} == {"plan", "report"}


@pytest.mark.parametrize("other_news", [
    "小鹏汇天于2025年11月完成2.5亿美元B轮融资。",   # funding
    "2025年11月，两架小鹏汇天飞行器在演练中相撞。",   # an incident
    "Huitian's aircraft crashed during a rehearsal in November 2025.",
])
def test_other_progress_of_another_sort_never_keeps_a_promise(other_news):
    plan = article("plan", dt.date(2025, 7, 1), "小鹏汇天的飞行汽车工厂计划今年第四季度竣工。")
    news = article("news", dt.date(2025, 12, 1), other_news, "en" if other_news.isascii() else "zh-Hans")
    found = [m for m in milestones(plan, news, as_of=dt.date(2026, 2, 1)) if m.kind == "other"]
    promise = next(m for m in found if m.plans)
    assert promise.status == "overdue" and len(found) == 2
    # each row is called by its sort, not "other progress"
    assert promise.text.endswith("建成 completion") and not any("其他进展" in m.text for m in found)


def test_a_plan_from_an_undated_article_is_kept_by_a_later_report_of_its_event():
    plan = article("plan", None, "小鹏汇天的量产工厂建设进展顺利，将于2025年第三季度竣工。")
    report = article("report", dt.date(2026, 1, 10), "小鹏汇天于2025年11月在广州建成飞行汽车量产工厂。")
    found = [m for m in milestones(plan, report, as_of=dt.date(2026, 2, 1)) if m.kind == "other"]
    promise = next(m for m in found if m.plans)
    assert promise.status in ("done", "late") and "report" in {c.article.slug for c in promise.citations}


@pytest.mark.parametrize("text, language", [
    ("The newly unveiled Robotaxi sits on a new platform.", "en"),
    ("新发布的Robotaxi采用全新平台。", "zh-Hans"),
    ("最新發布的Robotaxi採用全新平台。", "zh-Hant"),
])
def test_a_newly_unveiled_thing_is_a_description_not_an_unveiling(text, language):
    assert milestones(article("desc", dt.date(2025, 12, 1), text, language)) == []


def test_a_goal_is_a_plan_not_a_report():
    found = milestones(article("goal", dt.date(2026, 2, 1), "IRON is on track toward its 2026 mass production goal.", "en"))
    assert only(found, "mass-production").status != "done"


def test_an_untimed_report_in_an_undated_article_joins_the_dated_row_instead_of_a_second():
    dated = article("dated", dt.date(2025, 11, 6), "小鹏于2025年11月5日发布了新一代IRON人形机器人。")
    undated = article("undated", None, "小鵬IRON人形機器人在科技日上首度亮相。", "zh-Hant")
    (m,) = [m for m in milestones(dated, undated) if m.kind == "unveil"]
    assert {c.article.slug for c in m.citations} == {"dated", "undated"} and m.due.label == "2025-11-05"


@pytest.mark.parametrize("text, language", [
    ("In a letter dated March 3, 2026, the CEO called the dream of IRON mass production a pillar of the company.", "en"),
    ("2026年3月3日,何小鹏在信中称IRON量产的梦想是公司的支柱。", "zh-Hans"),
    ("2026年3月3日，何小鵬在信中稱IRON量產的夢想是公司的支柱。", "zh-Hant"),
])
def test_a_dream_of_production_is_no_report_of_it(text, language):
    assert milestones(article("dream", dt.date(2026, 3, 5), text, language)) == []


@pytest.mark.parametrize("text, language", [
    ("小鹏将在2026年推出Robotaxi,也将推出Robotaxi的专属版本。", "zh-Hans"),
    ("小鵬將在2026年推出Robotaxi，也將推出Robotaxi的專屬版本。", "zh-Hant"),
    ("XPeng will unveil its Robotaxi in 2026, and it will also unveil a Robotaxi edition.", "en"),
])
def test_a_sentence_states_one_event_of_a_kind_about_a_subject(text, language):
    a = article("one", dt.date(2025, 11, 1), text, language)
    sightings = article_facts(a, load_topics(), load_signals(), load_entities()).sightings
    assert [(s.topic, s.kind, s.period.label) for s in sightings] == [("robotaxi", "unveil", "2026")]


@pytest.mark.parametrize("text, language", [
    ("新一代IRON人形机器人在上海一家商场首度亮相,吸引大批市民围观。", "zh-Hans"),
    ("新一代IRON人形機器人在台北一家商場首度亮相，吸引大批市民圍觀。", "zh-Hant"),
    ("The IRON humanoid robot debuted at a Shanghai shopping mall on Saturday, drawing crowds.", "en"),
])
def test_an_appearance_at_a_shopping_venue_is_a_display_not_an_unveiling(text, language):
    assert milestones(article("mall", dt.date(2026, 2, 1), text, language)) == []


@pytest.mark.parametrize("text, language", [
    ("在国内,小鹏于去年5月就宣布了端到端大模型上车,并建立了完整的数据体系。", "zh-Hans"),
    ("在國內，小鵬於去年5月就宣佈了端到端大模型上車，並建立了完整的數據體系。", "zh-Hant"),
    ("At home, XPeng rolled out its end-to-end model to cars last May.", "en"),
])
def test_a_clause_naming_another_thing_is_not_the_articles_topic(text, language):
    about_world_model = "小鹏世界基座模型是一个720亿参数的基座模型。\n\n小鹏世界基座模型用于云端训练。\n\n世界基座模型会蒸馏到车端。\n\n"
    found = milestones(article("e2e", dt.date(2025, 4, 20), about_world_model + text, language))
    assert found == []


def test_a_clause_naming_another_thing_after_the_subject_is_not_the_subjects_event():
    found = milestones(article("route", dt.date(2025, 11, 10), "小鹏汇天将携手一座西部城市,于2026年推出首条低空旅游线路。"))
    assert [m for m in found if m.kind == "unveil"] == []


def test_a_push_to_named_cars_stays_the_topics_rollout():
    found = milestones(article("push", dt.date(2025, 11, 10), "先锋共创将于12月启动,2026年一季度随Ultra车型全量推送第二代VLA。"))
    assert only(found, "rollout").due.label == "2026 Q1"


@pytest.mark.parametrize("text, language", [
    ("今后小鹏会把基模部署到车端,让每辆车都有新的大脑。", "zh-Hans"),
    ("今後小鵬會把基模部署到車端，讓每輛車都有新的大腦。", "zh-Hant"),
    ("In the future XPeng would like to deploy the foundation model to cars.", "en"),
])
def test_an_undated_future_word_makes_a_plan_without_a_due_date(text, language):
    m = only(milestones(article("later", dt.date(2025, 4, 20), text, language)), "rollout")
    assert m.topic == "world-model" and m.due is None and [s.state for s in m.sightings] == ["planned"]


@pytest.mark.parametrize("text, language", [
    ("9月16日,两架小鹏汇天飞行器在航展演练时相撞,其中一架在着陆时起火。", "zh-Hans"),
    ("9月16日，兩架小鵬匯天飛行器在航展演練時相撞，其中一架在著陸時起火。", "zh-Hant"),
    ("On September 16 two Huitian eVTOL aircraft collided during a rehearsal and one caught fire.", "en"),
])
def test_an_accident_is_a_dated_event_of_its_subject(text, language):
    m = only(milestones(article("crash", dt.date(2025, 9, 17), text, language)), "other")
    assert m.topic == "flying-cars" and m.done.label == "2025-09-16" and m.status == "done"


@pytest.mark.parametrize("text, language", [
    ("XPeng Inc. today reported its unaudited financial results for the three months ended June 30, 2026.", "en"),
    ("小鹏汽车今日发布截至2026年6月30日止三个月的财报。", "zh-Hans"),
    ("小鵬汽車今日發佈截至2026年6月30日止三個月的財報。", "zh-Hant"),
])
def test_a_company_reporting_its_results_is_a_site_wide_event_of_the_report_day(text, language):
    (m,) = milestones(article("results", dt.date(2026, 8, 19), text, language))
    assert m.topic == "" and m.kind == "other" and m.done.label == "2026-08-19"


def test_a_sentence_naming_neither_company_nor_topic_is_the_companys_if_its_paragraph_names_it():
    text = "Production is set to begin in the fourth quarter of 2026. Under the deal XPeng builds cars in Europe."
    (m,) = milestones(article("plant", dt.date(2026, 9, 1), text, "en"))
    assert m.topic == "" and m.kind == "production-start" and m.due.label == "2026 Q4" and m.status == "upcoming"


# --- an undated article's own dates only, pronouns, company events ------------------------------


def milestones_across(*articles: Article, as_of=None):
    """As milestones(), over several articles read as the build reads them."""
    topics, signals, entities = load_topics(), load_signals(), load_entities()
    per_article = [article_facts(a, topics, signals, entities) for a in articles]
    as_of = as_of or max(a.date for a in articles if a.date)
    return track([s for facts in per_article for s in facts.sightings], topics, as_of)


@pytest.mark.parametrize("text, language", [
    ("3月2日,小鵬舉辦第二代VLA媒體日,宣佈第二代VLA將在本月正式推送。", "zh-Hant"),
    ("3月2日,小鹏举办第二代VLA媒体日,宣布第二代VLA将在本月正式推送。", "zh-Hans"),
    ("On March 2nd, XPeng said VLA 2.0 will be pushed to users this month.", "en"),
])
def test_an_undated_article_never_takes_a_year_from_another_article(text, language):
    # A day written without its year, in an article stating no date, could be any year's:
    # another source's 2026 would make a 2027 reprint two overdue plans.
    dated = article("dated", dt.date(2026, 3, 20), "3月2日,小鹏在体验日上宣布第二代VLA将在3月底前开启推送。")
    undated = article("undated", None, text, language)
    rows = [m for m in milestones_across(dated, undated) if m.kind == "rollout"]
    said_undated = [s for m in rows for s in m.sightings if s.citation.article.slug == "undated"]
    assert said_undated and all(s.period is None and s.anchor is None for s in said_undated)
    assert len(rows) == 1  # its plan joins the one row the dated source gives, without a year of its own


def test_a_day_other_sources_give_in_two_years_lends_no_year():
    one = article("one", dt.date(2025, 3, 20), "2025年3月2日,小鹏举办了发布会。")
    other = article("other", dt.date(2026, 3, 20), "2026年3月2日,小鹏举办了体验日。")
    undated = article("undated", None, "3月2日,小鹏宣布第二代VLA将在本月正式推送。")
    m = only(milestones_across(one, other, undated, as_of=dt.date(2026, 4, 1)), "rollout")
    assert m.due is None and m.status == "undated"


@pytest.mark.parametrize("text, language", [
    ("小鹏第二代VLA模型的内测效果惊艳。他把这款模型看作第一个版本,它将在本季度正式推送。", "zh-Hans"),
    ("小鵬第二代VLA模型的內測效果驚艷。他把這款模型看作第一個版本，它將在本季度正式推送。", "zh-Hant"),
    ("Testers called the second-generation VLA stunning. It will be pushed to users this quarter.", "en"),
])
def test_a_sentence_opening_with_a_pronoun_is_about_the_topic_of_the_sentence_before(text, language):
    m = only(milestones(article("it", dt.date(2026, 2, 24), text, language)), "rollout")
    assert m.topic == "second-gen-vla" and m.due.label == "2026 Q1"


@pytest.mark.parametrize("text, language", [
    ("2025年,小鹏交付超过40万辆,并率先实现百万台整车下线。", "zh-Hans"),
    ("2025年，小鵬交付超過40萬輛，並率先實現百萬台整車下線。", "zh-Hant"),
    ("In 2025 XPeng's millionth car rolled off the line in Guangzhou.", "en"),
])
def test_a_count_off_the_line_is_a_volume_not_the_start_of_production(text, language):
    assert milestones(article("volume", dt.date(2026, 1, 10), text, language)) == []


@pytest.mark.parametrize("text, language", [
    ("2月初,小鹏把两个研发中心合并成了一个新中心,两者今后共用同一套基座模型。", "zh-Hans"),
    ("2月初，小鵬把兩個研發中心合併成了一個新中心，兩者今後共用同一套基座模型。", "zh-Hant"),
])
def test_a_companys_reorganisation_is_its_own_event_though_the_sentence_then_names_a_topic(text, language):
    (m,) = milestones(article("merge", dt.date(2026, 2, 24), text, language))
    assert m.topic == "" and m.kind == "other" and m.done.label == "2026-02"


VLA_ARTICLE = "小鹏第二代VLA是全新的驾驶模型。\n\n第二代VLA去掉了语言转译。\n\n第二代VLA的反应更快。\n\n"


def test_a_car_of_a_model_year_launched_on_the_same_day_is_a_company_event_of_that_day():
    text = "3月2日,小鹏在广州举办第二代VLA体验日。\n\n" + VLA_ARTICLE + "活动当天,2026款小鹏X9同步上市,成为第二代VLA的首批车型。"
    found = milestones(article("launch", dt.date(2026, 3, 5), text))
    m = only(found, "commercial-launch")
    assert m.topic == "" and m.done.label == "2026-03-02"


def test_a_push_to_cars_of_a_model_year_stays_the_topics_rollout():
    found = milestones(article("push", dt.date(2026, 3, 17), VLA_ARTICLE + "4月将陆续向2026款小鹏P7+ Ultra、2026款小鹏G6 Ultra开启推送。"))
    m = only(found, "rollout")
    assert m.topic == "second-gen-vla" and m.due.label == "2026-04"


@pytest.mark.parametrize("text, language", [
    ("小鹏Robotaxi今年将启动试点运营,预计2027-2028年进入快速增长期。", "zh-Hans"),
    ("小鵬Robotaxi今年將啟動試點運營，預計2027-2028年進入快速增長期。", "zh-Hant"),
    ("XPeng's Robotaxi starts pilot operations this year and is expected to enter a rapid growth phase in 2027-2028.", "en"),
])
def test_a_forecast_growth_phase_is_a_planned_event_of_its_subject(text, language):
    m = only(milestones(article("growth", dt.date(2026, 2, 24), text, language)), "other")
    assert m.topic == "robotaxi" and m.due.label == "2027–2028" and m.status == "upcoming"


@pytest.mark.parametrize("text, published, label", [
    ("周三 (5 日) 舉行第七屆科技日", dt.date(2025, 11, 6), "2025-11-05"),
    ("12日在杜拜完成首次公开飞行", dt.date(2025, 10, 13), "2025-10-12"),
    ("28日发布", dt.date(2025, 3, 5), "2025-02-28"),  # a day later than the article's is last month's
])
def test_a_day_of_the_month_alone_is_read_in_the_articles_month(text, published, label):
    (mention,) = [m for m in read_times(to_simplified(text), published) if "日" in m.words]
    assert mention.period.label == label and mention.relative


def test_a_count_of_days_is_no_date():
    assert not read_times("每5日一次，5日内完成", dt.date(2025, 1, 9))


@pytest.mark.parametrize("text, language", [
    ("On March 2nd, XPeng unveiled IRON to its staff.", "en"),
    ("3月2日，小鹏向员工发布了IRON。", "zh-Hans"),
    ("3月2日，小鵬向員工發布了IRON。", "zh-Hant"),
])
def test_an_undated_report_whose_words_name_another_month_is_not_the_dated_row(text, language):
    # the undated article's "March 2nd" is no year, but it is not November: not the unveiling dated 2025-11-05
    dated = article("dated", dt.date(2025, 11, 6), "小鹏于2025年11月5日发布了新一代IRON人形机器人。")
    undated = article("undated", None, text, language)
    rows = [m for m in milestones(dated, undated) if m.kind == "unveil"]
    assert sorted((m.due.label if m.due else "", sorted(c.article.slug for c in m.citations)) for m in rows) == \
        [("", ["undated"]), ("2025-11-05", ["dated"])]


def test_an_undated_plan_for_a_month_joins_no_row_due_in_another():
    row = article("row", dt.date(2025, 11, 6), "小鹏IRON人形机器人将于2026年底量产。")
    undated = article("undated", None, "小鵬的目標是明年 4 月實現IRON機器人的量產。", "zh-Hant")
    rows = [m for m in milestones(row, undated, as_of=dt.date(2026, 1, 10)) if m.kind == "mass-production"]
    (q4,) = [m for m in rows if m.due is not None]
    assert q4.due.label == "2026 Q4" and {c.article.slug for c in q4.citations} == {"row"} and len(rows) == 2


def test_a_plan_said_after_a_kept_promise_is_a_new_one_not_the_kept_one_moved():
    plan = article("plan", dt.date(2026, 3, 3), "小鹏第二代VLA预计本月底前完成全量推送。")
    kept = article("kept", dt.date(2026, 4, 2), "第二代VLA已于3月全量推送。")
    europe = article("europe", dt.date(2026, 12, 22), "第二代VLA将于明年2月起陆续推送给欧洲市场的车主。")
    rows = {m.due.label: m for m in milestones(plan, kept, europe, as_of=dt.date(2026, 12, 22)) if m.kind == "rollout"}
    assert rows["2026-03"].status == "done" and rows["2026-03"].moved_to is None
    assert rows["2027-02"].status == "upcoming"
