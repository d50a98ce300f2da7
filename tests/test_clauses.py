"""Reading a clause's own words: happened, planned, negated, hypothetical, or only a mention — in 简体, 繁體 and English.

Each case is a sentence as an article would write it; what a reader sees is
the milestone (or none) and its status on the Promises page.
"""
import datetime as dt

import pytest

from build_scripts.knowledge.clauses import verb_forms
from build_scripts.knowledge.compose import article_facts, load_signals
from build_scripts.knowledge.entities import load_entities
from build_scripts.knowledge.milestones import track
from build_scripts.knowledge.overview import main_promise
from build_scripts.knowledge.taxonomy import load_topics
from build_scripts.model import Article, Paragraph

PUBLISHED = dt.date(2026, 2, 24)


def article(slug: str, date: dt.date | None, text: str, language: str = "zh-Hans") -> Article:
    paragraphs = tuple(Paragraph(f"p{i}", t) for i, t in enumerate(text.split("\n")))
    return Article(slug=slug, file_name=f"{slug}.txt", title=slug, outlet="Outlet", author="", date=date,
                   language=language, paragraphs=paragraphs)


def sightings(*articles: Article):
    topics, signals, entities = load_topics(), load_signals(), load_entities()
    return [s for a in articles for s in article_facts(a, topics, signals, entities).sightings]


def milestones(*articles: Article, as_of=PUBLISHED):
    return track(sightings(*articles), load_topics(), as_of)


def states(text: str, language: str, date=PUBLISHED) -> dict[str, str]:
    return {s.kind: s.state for s in sightings(article("a", date, text, language))}


def readings(text: str, language: str = "zh-Hans", date=dt.date(2025, 11, 20)) -> set[tuple]:
    """(topic, kind, state, period key) of every event the text states, said on `date`."""
    return {(s.topic, s.kind, s.state, s.period.key if s.period else None) for s in sightings(article("a", date, text, language))}


@pytest.mark.parametrize("text, language", [
    ("小鹏IRON人形机器人已经启动量产。", "zh-Hans"),
    ("小鵬IRON人形機器人已經啟動量產。", "zh-Hant"),
    ("XPeng has started mass production of the IRON humanoid robot.", "en"),
    ("XPeng mass-produced its first IRON humanoid robots last month.", "en"),
])
def test_a_clause_with_a_completion_marker_or_a_past_verb_reads_as_happened(text, language):
    assert states(text, language).get("mass-production") == "happened"


@pytest.mark.parametrize("text, language", [
    ("小鹏IRON人形机器人将于2026年底量产。", "zh-Hans"),
    ("小鵬IRON人形機器人預計2026年底量產。", "zh-Hant"),
    ("XPeng said it would begin mass production of IRON by the end of 2026.", "en"),
    ("IRON is expected to be mass-produced by the end of 2026.", "en"),
])
def test_a_clause_with_a_plan_marker_reads_as_planned_even_with_a_past_verb_form(text, language):
    assert states(text, language).get("mass-production") == "planned"


@pytest.mark.parametrize("text, language", [
    ("小鹏IRON人形机器人尚未量产。", "zh-Hans"),
    ("小鵬IRON人形機器人至今沒有量產。", "zh-Hant"),
    ("XPeng has not yet started mass production of IRON.", "en"),
])
def test_a_negated_clause_states_no_event(text, language):
    assert "mass-production" not in states(text, language)


@pytest.mark.parametrize("text, language", [
    ("如果供应链顺利，小鹏IRON人形机器人会在2026年量产。", "zh-Hans"),
    ("若供應鏈順利，IRON機器人2026年即可量產。", "zh-Hant"),
    ("If the supply chain holds, IRON could enter mass production in 2026.", "en"),
])
def test_a_condition_states_no_promise(text, language):
    # the condition is its own clause in Chinese; the clause after it still carries the plan only when it says so itself
    assert states(text, language).get("mass-production") in (None, "planned")
    assert states(text, language).get("mass-production") != "happened"


@pytest.mark.parametrize("text, language", [
    ("何小鹏在直播中谈到了IRON的量产挑战。", "zh-Hans"),
    ("談到IRON人形機器人的量產挑戰，何小鵬坦言仍有難度。", "zh-Hant"),
    ("He Xiaopeng spoke candidly about the challenges of mass production for IRON.", "en"),
    ("The IRON robot still faces mass-production challenges, He said.", "en"),
    # its progress told, readiness for it, a question or a rumour about it: none of them is the event
    ("小鹏介绍了IRON的量产进展。", "zh-Hans"),
    ("小鵬介紹了IRON的量產進度。", "zh-Hant"),
    ("小鹏已为IRON量产做好准备。", "zh-Hans"),
    ("小鹏否认了IRON量产推迟的消息。", "zh-Hans"),
    ("Analysts have questioned whether IRON can reach mass production.", "en"),
    ("XPeng was asked about IRON's mass production.", "en"),
    ("市场传闻小鹏已开始量产IRON，但公司予以否认。", "zh-Hans"),
    ("Investors were disappointed that IRON's mass production had not started.", "en"),
    ("小鹏已确认IRON的量产时间。", "zh-Hans"),
])
def test_talk_about_an_event_is_a_mention_not_an_event(text, language):
    assert "mass-production" not in states(text, language)


@pytest.mark.parametrize("text, language", [
    ("小鹏第二代VLA交付了一份满意的答卷。", "zh-Hans"),  # an indefinite object naming no topic
    ("小鵬Robotaxi業務推出了一系列新舉措。", "zh-Hant"),
    ("小鹏向用户推送了一条关于第二代VLA的消息。", "zh-Hans"),  # the topic only what the object is about
    ("小鹏发布了关于IRON的最新视频。", "zh-Hans"),
    ("何小鹏在发布会上展示了IRON的行走能力。", "zh-Hans"),  # something the topic has
    ("XPeng showcased IRON's walking skills.", "en"),
    ("XPeng pushed the boundaries of what the Turing chip can do.", "en"),  # an idiom
])
def test_an_event_done_to_something_other_than_the_topic_is_none_of_the_topics(text, language):
    assert sightings(article("a", dt.date(2025, 11, 20), text, language)) == []


def test_an_indefinite_object_naming_the_topic_is_still_the_topics():
    assert readings("小鹏将于2026年推出一款Robotaxi。") == {("robotaxi", "unveil", "planned", "2026")}


@pytest.mark.parametrize("text, language", [
    ("陆地航母已经从试产线下线，今年内亦会实现规模化量产与交付。", "zh-Hans"),
    ("陸地航母已經從試產線下線，今年內亦會實現規模化量產與交付。", "zh-Hant"),
])
def test_each_clause_keeps_its_own_state_and_time(text, language):
    read = {s.kind: s for s in sightings(article("a", PUBLISHED, text, language))}
    assert read["production-start"].state == "happened" and read["production-start"].period is None
    assert read["mass-production"].state == "planned" and read["mass-production"].period.label == "2026"
    assert read["delivery"].state == "planned"


def test_a_time_stays_in_the_clause_of_the_subject_it_dates():
    text = "XPeng plans to put the second-generation VLA into its cars in the first quarter of 2026, and the IRON robot will begin mass production later."
    read = {(s.topic, s.kind): s for s in sightings(article("a", dt.date(2025, 11, 20), text, "en"))}
    iron = read.get(("iron", "mass-production"))
    assert iron is None or iron.period is None or iron.period.label != "2026 Q1"


def test_a_reference_word_takes_the_product_named_before_it_in_the_paragraph():
    text = "小鹏第二代VLA模型的内测效果惊艳。它将在本季度正式推送。"
    (s,) = [s for s in sightings(article("a", PUBLISHED, text)) if s.kind == "rollout"]
    assert s.topic == "second-gen-vla" and s.period.label == "2026 Q1" and s.read == "clause"


def test_a_figurative_delivery_without_its_subject_named_is_no_delivery():
    text = "XPeng's Robotaxi will launch in 2026.\nAt the event, He Xiaopeng delivered a keynote on physical AI."
    read = sightings(article("robotaxi-news", PUBLISHED, "XPeng Robotaxi\n" + text, "en"))
    assert not [s for s in read if s.kind == "delivery"]


@pytest.mark.parametrize("verb, forms", [
    ("unveil", {"unveil", "unveils", "unveiling", "unveiled"}),
    ("mass-produce", {"mass-produce", "mass-produces", "mass-producing", "mass-produced"}),
    ("roll out|rolled", {"roll out", "rolls out", "rolling out", "rolled out"}),
    ("begin testing|began|begun|beginning", {"begin testing", "begins testing", "beginning testing", "began testing", "begun testing"}),
    ("ship", {"ship", "ships", "shipping", "shipped"}),
    ("certify", {"certify", "certifies", "certifying", "certified"}),
])
def test_an_english_verb_of_the_lexicon_is_written_once_and_read_in_every_form(verb, forms):
    assert set(verb_forms(verb)[0]) == forms


@pytest.mark.parametrize("plan, report, reported", [
    # a later report of the same subject and kind, read in its own clause, closes the plan
    ("小鹏IRON人形机器人将于2026年3月量产。", "小鹏IRON人形机器人已于3月正式量产。", True),
    # a plan restated later is no report
    ("小鹏IRON人形机器人将于2026年3月量产。", "小鹏IRON人形机器人计划3月量产。", False),
    # talk about the event is no report
    ("小鹏IRON人形机器人将于2026年3月量产。", "何小鹏谈到了IRON的量产挑战。", False),
])
def test_only_a_report_in_a_clause_of_its_own_closes_a_plan(plan, report, reported):
    rows = milestones(article("plan", dt.date(2026, 1, 5), plan), article("report", dt.date(2026, 3, 20), report),
                      as_of=dt.date(2026, 3, 20))
    (m,) = [m for m in rows if m.kind == "mass-production" and m.plans]
    assert (m.status in ("done", "late")) is reported


def test_a_later_source_giving_a_later_date_moves_the_plan():
    rows = milestones(article("plan", dt.date(2025, 11, 6), "小鹏IRON人形机器人将于2026年第一季度量产。"),
                      article("later", dt.date(2026, 1, 20), "小鹏IRON人形机器人的量产已推迟至2026年第四季度。"),
                      as_of=dt.date(2026, 2, 1))
    (m,) = [m for m in rows if m.kind == "mass-production"]
    assert m.status == "moved" and m.moved_to.label == "2026 Q4"


def test_a_source_saying_the_plan_was_given_up_drops_it():
    rows = milestones(article("plan", dt.date(2025, 11, 6), "小鹏IRON人形机器人将于2026年量产。"),
                      article("later", dt.date(2026, 1, 20), "小鹏已经放弃了IRON人形机器人的量产计划。"),
                      as_of=dt.date(2026, 2, 1))
    (m,) = [m for m in rows if m.kind == "mass-production"]
    assert m.status == "dropped"


def test_a_plan_talked_about_later_stays_the_main_promise_and_upcoming():
    rows = milestones(article("plan", dt.date(2025, 11, 6), "小鹏IRON人形机器人将于2026年底量产。"),
                      article("talk", dt.date(2025, 12, 1), "談到IRON人形機器人的量產挑戰，何小鵬表示仍需時間。", "zh-Hant"),
                      as_of=dt.date(2025, 12, 1))
    promise = main_promise([m for m in rows if m.topic == "iron"])
    assert promise is not None and promise.kind == "mass-production" and promise.status == "upcoming"


def test_an_event_whose_subject_is_only_the_articles_is_never_the_main_promise():
    text = "XPENG IRON humanoid robot\nXPENG IRON humanoid robot.\nThe IRON robot walked on stage.\nThe company will begin mass production by the end of 2026."
    rows = milestones(article("iron-news", dt.date(2025, 11, 6), text, "en"), as_of=dt.date(2025, 11, 6))
    borrowed = [m for m in rows if all(s.read == "borrowed" for s in m.sightings)]
    assert all(not m.confident for m in borrowed)
    assert main_promise(borrowed) is None


@pytest.mark.parametrize("text, language", [
    ("小鹏新一代IRON人形机器人亮相科技日。小鹏的目标是明年4月实现这款机器人的量产。", "zh-Hans"),
    ("小鵬新一代IRON人形機器人亮相科技日。小鵬的目標是明年4月實現這款機器人的量產。", "zh-Hant"),
    ("XPeng showed its new IRON humanoid robot. XPeng aims to begin mass production of the robot in April next year.", "en"),
])
def test_a_demonstrative_anywhere_in_the_sentence_refers_to_the_topic_last_named_in_the_paragraph(text, language):
    read = {s.kind: s for s in sightings(article("a", dt.date(2025, 11, 6), text, language))}
    assert read["mass-production"].topic == "iron" and read["mass-production"].period.label == "2026-04"
    assert read["mass-production"].read == "clause"


def test_a_marker_inside_the_event_words_gives_its_state():
    text = "XPeng joined with Magna to build cars in Austria. Production is set to begin in the third quarter of 2025."
    (s,) = [s for s in sightings(article("a", dt.date(2025, 9, 15), text, "en")) if s.kind == "production-start"]
    assert s.state == "planned" and s.period.label == "2025 Q3"


@pytest.mark.parametrize("text, language", [
    ("小鹏在发布会上介绍了第二代VLA的技术细节。", "zh-Hans"),
    ("The XPeng Robotaxi prototypes are ready for delivery testing.", "en"),
])
def test_an_event_word_inside_a_longer_word_or_after_a_preposition_is_no_event(text, language):
    assert not [s for s in sightings(article("a", dt.date(2025, 9, 15), text, language)) if s.kind in ("unveil", "delivery")]


@pytest.mark.parametrize("kind, zh, en", [
    ("unveil", "小鹏于2025年11月5日正式发布了IRON人形机器人。", "XPeng unveiled the IRON humanoid robot on November 5, 2025."),
    ("pilot", "小鹏Robotaxi已于2025年10月开始路测。", "XPeng began testing its Robotaxi on public roads in October 2025."),
    ("rollout", "第二代VLA将于2026年3月全量推送。", "XPeng will roll out the second-generation VLA in March 2026."),
    ("mass-production", "小鹏IRON人形机器人将于2026年底量产。", "XPeng will mass-produce the IRON humanoid robot by the end of 2026."),
    ("production-start", "首台陆地航母已于2025年11月在广州工厂下线。", "The first Land Aircraft Carrier rolled off the line in November 2025."),
    ("trial-operation", "小鹏Robotaxi将于2026年在广州开启试运营。", "XPeng's Robotaxi will begin trial operations in Guangzhou in 2026."),
    ("commercial-launch", "小鹏Robotaxi将于2026年开启商业运营。", "XPeng's Robotaxi will start commercial operations in 2026."),
    ("delivery", "陆地航母预计2026年开始交付。", "XPeng expects to deliver the Land Aircraft Carrier in 2026."),
    ("certification", "陆地航母已于2025年6月取得型号合格证。", "The Land Aircraft Carrier was certified for airworthiness in June 2025."),
    ("permit", "小鹏Robotaxi已于2026年1月获得道路测试牌照。", "XPeng's Robotaxi received a road testing permit in January 2026."),
    ("partnership", "小鹏Robotaxi已于2025年11月与高德达成合作。", "XPeng partnered with Amap on its Robotaxi in November 2025."),
])
def test_each_kind_of_event_is_read_in_both_languages_and_traditional(kind, zh, en):
    from build_scripts.reading.language import to_traditional
    for text, language in ((zh, "zh-Hans"), (to_traditional(zh), "zh-Hant"), (en, "en")):
        kinds = {s.kind for s in sightings(article("a", dt.date(2025, 12, 1), text, language))}
        assert kind in kinds, (text, kinds)


def test_a_participle_after_a_count_describes_the_noun_and_end_year_is_the_fourth_quarter():
    text = "XPENG aims to launch 3 mass-produced Robotaxi models in 2026, and IRON is scheduled to reach mass production by end-2026."
    read = {(s.topic, s.kind): s for s in sightings(article("a", dt.date(2026, 1, 9), text, "en"))}
    assert ("robotaxi", "mass-production") not in read
    assert read[("iron", "mass-production")].period.label == "2026 Q4"


@pytest.mark.parametrize("text, language", [
    ("小鹏将在2026年推出三款Robotaxi车型。", "zh-Hans"),
    ("2026年將有三款Robotaxi車型推出。", "zh-Hant"),
    ("XPeng will launch three Robotaxi models in 2026.", "en"),
])
def test_launching_a_line_up_of_models_is_their_commercial_launch(text, language):
    read = {(s.topic, s.kind) for s in sightings(article("a", dt.date(2025, 11, 6), text, language))}
    assert read == {("robotaxi", "commercial-launch")}


@pytest.mark.parametrize("text, language", [
    ("她又说，第二代VLA量产已近在眼前。", "zh-Hans"),
    ("她又說，第二代VLA量產已近在眼前。", "zh-Hant"),
])
def test_an_event_said_to_be_near_has_not_happened(text, language):
    assert states(text, language).get("mass-production") != "happened"


@pytest.mark.parametrize("text, language", [
    ("XPeng said global deliveries of the second-generation VLA are targeted for 2027.", "en"),
    ("第二代VLA计划于2027年向海外交付。", "zh-Hans"),
])
def test_handing_over_a_software_topic_is_its_rollout_to_the_cars_that_carry_it(text, language):
    found = {(s.topic, s.kind) for s in sightings(article("a", PUBLISHED, text, language))}
    assert ("second-gen-vla", "rollout") in found
    assert ("second-gen-vla", "delivery") not in found


def test_handing_over_a_hardware_topic_stays_a_delivery():
    found = {(s.topic, s.kind) for s in sightings(article("a", PUBLISHED, "小鹏IRON人形机器人计划于2027年开始交付。"))}
    assert ("iron", "delivery") in found


@pytest.mark.parametrize("text, language", [
    ("Robotaxi試驗車已通過第三方場地測試，並取得廣州道路測試許可。", "zh-Hant"),
    ("小鹏Robotaxi已通过第三方场地测试，并取得广州道路测试许可。", "zh-Hans"),
])
def test_a_clause_opening_with_bing_shares_the_state_of_the_clause_before_it(text, language):
    found = {(s.topic, s.kind): s.state for s in sightings(article("a", PUBLISHED, text, language))}
    assert found.get(("robotaxi", "permit")) == "happened"
    # a test passed is a result, not road testing under way
    assert ("robotaxi", "pilot") not in found


def test_a_clause_under_way_with_zheng_has_begun():
    assert states("小鹏Robotaxi目前正在广州进行常态化的公开道路测试。", "zh-Hans").get("pilot") == "happened"


def test_an_event_word_across_two_words_is_no_event_word_but_the_word_inside_them_is():
    # 道路|测试: 路测 straddles the two words; 测试 after it is still read, as a plan
    found = {(s.kind, s.state) for s in sightings(article("a", PUBLISHED, "小鹏Robotaxi即将于2026年3月开始公开道路测试。"))}
    assert ("pilot", "planned") in found


def test_a_topic_a_relative_clause_says_is_carried_is_not_the_subject_of_the_sentence():
    text = "研發總監表示，搭載小鵬第二代VLA的車型已通過場地測試，並取得廣州道路測試許可。"
    found = {(s.topic, s.kind, s.read) for s in sightings(article("a", PUBLISHED, text, "zh-Hant"))}
    assert not any(topic == "second-gen-vla" and read == "clause" for topic, _, read in found)


def test_a_topic_named_only_as_carried_is_not_borrowed_back_from_the_article_either():
    # an article about the VLA: the cars carrying it passed the test, not the VLA
    text = ("第二代VLA是小鹏的视觉语言动作模型。\n第二代VLA去掉了语言转译。\n第二代VLA的训练数据近1亿段。\n"
            "研发总监表示，搭载小鹏第二代VLA的车型已通过场地测试，并取得广州道路测试许可。")
    found = {(s.topic, s.kind) for s in sightings(article("a", PUBLISHED, text))}
    assert not [kind for topic, kind in found if topic == "second-gen-vla" and kind in ("permit", "pilot")], found


def test_pinyin_printed_after_each_character_by_an_e_paper_does_not_hide_a_description():
    # 量產(chǎn)的…基地: the production is what the base is for, not an event of that day
    text = "2024年10月27日，全球首個以流水線進行大規模量產(chǎn)的小鵬匯天飛行汽車基地正式動工。"
    kinds = {s.kind for s in sightings(article("a", PUBLISHED, text, "zh-Hant"))}
    assert "mass-production" not in kinds and "other" in kinds


def test_a_year_naming_an_event_or_a_model_year_is_no_time():
    found = sightings(article("a", PUBLISHED, "1月8日的2026小鹏全球新品发布会上，小鹏汽车推出了2026款小鹏P7+等四款车型。"))
    assert all(s.period is None or s.period.key == "2026-01-08" for s in found)


def test_a_sentence_about_a_product_with_a_version_number_is_not_the_articles_topic():
    text = "第二代VLA媒体体验日在广州举行。\n同时，小鹏天玑AIOS 6.0首次让智能座舱升级为主动服务，2026年3月将开始推送。"
    found = {(s.topic, s.kind) for s in sightings(article("a", PUBLISHED, text))}
    assert ("second-gen-vla", "rollout") not in found


def test_a_product_released_is_put_on_the_market():
    found = {(s.topic, s.kind, s.state) for s in sightings(article(
        "a", PUBLISHED, "XPeng's flying car unit Aridge plans to release its first production flying car in 2026.", "en"))}
    assert ("flying-cars", "commercial-launch", "planned") in found
    assert not any(kind == "unveil" for _, kind, _ in found)


def test_a_progressive_marker_after_the_event_word_belongs_to_another_verb():
    # 量产正在全面提速: the pace of the preparation, not production that began
    found = {(s.kind, s.state) for s in sightings(article("a", PUBLISHED, "陆地航母的量产正在全面提速。"))}
    assert ("mass-production", "happened") not in found


def test_a_sentence_can_report_one_event_and_plan_another_of_the_same_kind():
    text = "小鹏汇天飞行汽车工厂的复材车间均已封顶，计划2026年第四季度竣工。"
    found = {(s.kind, s.state) for s in sightings(article("a", PUBLISHED, text))}
    assert {("other", "happened"), ("other", "planned")} <= found


def test_a_report_that_it_happened_fulfils_every_earlier_promise_already_due():
    plans = [article("p1", dt.date(2025, 11, 6), "第二代VLA将于2026年第一季度全量推送。"),
             article("p2", dt.date(2026, 1, 10), "第二代VLA将于2026年4月向更多车型推送。"),
             article("p3", dt.date(2026, 1, 12), "第二代VLA将于2027年第四季度向全球推送。")]
    report = article("r", dt.date(2026, 6, 3), "VLA 2.0 has been rolled out to every Ultra car.", "en")
    rows = {m.due.key: m.status for m in milestones(*plans, report, as_of=dt.date(2026, 6, 3))
            if m.topic == "second-gen-vla" and m.kind == "rollout" and m.due}
    assert rows["2026-q1"] in ("done", "late") and rows["2026-04"] in ("done", "late")
    assert rows["2027-q4"] == "upcoming"  # due after the report: still to come


def test_undated_reports_of_one_event_from_many_articles_are_one_row():
    copies = [article(f"c{i}", dt.date(2025, 11 + i, 6), "目前，高德已与小鹏达成合作，后续小鹏的Robotaxi车辆将接入高德出行平台。")
              for i in range(2)]
    rows = [m for m in milestones(*copies) if m.topic == "robotaxi" and m.kind == "partnership"]
    assert len(rows) == 1 and len(rows[0].reports) == 2


def test_a_launch_a_relative_clause_presupposes_founds_no_row_of_its_own():
    described = [article(f"d{i}", dt.date(2025, 12, 1 + i), f"小鹏汽车推出的第二代VLA，第{i}次被拿来比较。") for i in range(3)]
    assert not [m for m in milestones(*described) if m.topic == "second-gen-vla" and m.kind == "unveil"]
    dated = article("u", dt.date(2025, 11, 6), "小鹏汽车11月5日在科技日上发布了第二代VLA。")
    rows = [m for m in milestones(dated, *described) if m.topic == "second-gen-vla" and m.kind == "unveil"]
    assert len(rows) == 1 and len(rows[0].reports) == 4


@pytest.mark.parametrize("text, language", [
    ("11月5日，小鹏在广州举办科技日，主题为涌现。\n2025年10月，小鹏完成了新一轮融资。\n科技日上，小鹏发布了第二代VLA。", "zh-Hans"),
    ("11月5日，小鵬在廣州舉辦科技日，主題為湧現。\n2025年10月，小鵬完成了新一輪融資。\n科技日上，小鵬發佈了第二代VLA。", "zh-Hant"),
    ("XPeng held its Tech Day in Guangzhou on November 5.\nIn October 2025 XPeng raised new funds.\n"
     "At the Tech Day, XPeng unveiled the second-generation VLA.", "en"),
])
def test_a_named_occasion_dates_what_happens_at_it_with_the_day_the_article_gave_it(text, language):
    found = [s for s in sightings(article("a", dt.date(2025, 11, 10), text, language))
             if s.topic == "second-gen-vla" and s.kind == "unveil"]
    assert [s.period.key for s in found] == ["2025-11-05"]


def test_an_occasion_the_article_never_dated_gives_no_time():
    text = "11月3日，小鹏公布了销量。\n科技日上，小鹏发布了第二代VLA。"
    found = [s for s in sightings(article("a", dt.date(2025, 11, 10), text)) if s.kind == "unveil"]
    assert found and all(s.period is None for s in found)


def test_a_clause_opening_with_tongshi_shares_the_plan_before_it_not_the_occasions_day():
    text = ("11月5日，小鹏在广州举办科技日。\n"
            "本次科技日上，小鹏汽车宣布将在2026年推出3款Robotaxi车型，同时启动Robotaxi的试运营。")
    found = {(s.kind, s.state) for s in sightings(article("a", dt.date(2025, 11, 6), text)) if s.topic == "robotaxi"}
    assert ("trial-operation", "happened") not in found and ("commercial-launch", "planned") in found


def test_a_thing_released_from_a_place_is_let_out_not_put_on_sale():
    text = "For the demo, the Land Aircraft Carrier's aircraft was released from the mothership's trunk."
    found = {s.kind for s in sightings(article("a", PUBLISHED, text, "en"))}
    assert "commercial-launch" not in found


@pytest.mark.parametrize("text, language", [
    ("IRON是小鹏的人形机器人。\nIRON身高178公分。\nIRON有82个自由度。\n发布会后，何小鹏还发布了一款新的纸巾盒。", "zh-Hans"),
    ("IRON is XPeng's humanoid robot.\nIRON is 178 cm tall.\nIRON has 82 degrees of freedom.\n"
     "Afterwards He Xiaopeng unveiled his own tissue box.", "en"),
])
def test_an_event_of_another_thing_is_not_given_to_the_articles_topic(text, language):
    # the sentence names no topic; its object ("his own …", 一款…) is some other thing
    assert not [s for s in sightings(article("a", PUBLISHED, text, language)) if s.kind == "unveil"]


def test_an_occasion_named_after_an_event_word_is_no_event():
    text = "At the G7 launch event on July 3, the Turing chip was the talk of the day."
    assert not [s for s in sightings(article("a", PUBLISHED, text, "en")) if s.kind == "unveil"]


@pytest.mark.parametrize("text, language", [
    ("小鹏Robotaxi已通过第三方测试机构的场地测试，即将开始公开道路测试。", "zh-Hans"),
    ("小鵬Robotaxi已通過第三方測試機構的場地測試，即將開始公開道路測試。", "zh-Hant"),
    ("XPeng's Robotaxi has passed third-party closed-course tests and will soon begin public road testing.", "en"),
])
def test_a_test_passed_is_progress_of_its_own_and_the_road_testing_still_a_plan(text, language):
    found = {(s.kind, s.state, s.sense) for s in sightings(article("a", PUBLISHED, text, language)) if s.topic == "robotaxi"}
    assert ("other", "happened", "test-passed") in found
    assert ("pilot", "happened", "") not in found


def test_an_application_accepted_is_progress_and_since_presupposes_it_at_its_own_time():
    text = ("今天，陆地航母的生产许可证申请已正式被民航中南地区管理局受理。\n"
            "自去年3月21日陆地航母型号合格审定申请正式获得受理以来，小鹏汇天一直积极配合审查。\n"
            "门店开放试驾以来，反馈远超预期。")
    found = {(s.kind, s.sense, s.state, s.period.key if s.period else None)
             for s in sightings(article("a", dt.date(2025, 5, 9), text)) if s.topic == "flying-cars"}
    assert found == {("other", "application-accepted", "happened", "2025-05-09"),
                     ("other", "application-accepted", "happened", "2024-03-21")}, found


@pytest.mark.parametrize("text, language, topic, due", [
    ("小鹏宣布，2026款P7+和G7车型将于今年二季度搭载第二代VLA。", "zh-Hans", "second-gen-vla", "2026-q2"),
    ("小鵬宣佈，2026款P7+和G7車型將於今年二季度搭載第二代VLA。", "zh-Hant", "second-gen-vla", "2026-q2"),
    ("XPeng said its 2026 P7+ and G7 models will carry the second-generation VLA from the second quarter of 2026.", "en",
     "second-gen-vla", "2026-q2"),
    ("外媒曝出小鹏自研的图灵AI芯片将用在大众明年推出的新车上。", "zh-Hans", "turing-chip", "2027"),
])
def test_cars_made_to_carry_a_component_are_its_rollout_and_a_model_year_is_no_time(text, language, topic, due):
    found = [(s.topic, s.kind, s.state, s.period.key if s.period else None)
             for s in sightings(article("a", PUBLISHED, text, language))]
    assert found == [(topic, "rollout", "planned", due)], found


@pytest.mark.parametrize("text", [
    "新一代IRON首次应用全固态电池，并搭载3颗图灵芯片。",   # the robot's make-up
    "搭载图灵芯片的车型已经在广州完成测试。",               # a relative clause describes the cars
])
def test_a_component_in_a_products_make_up_is_no_rollout(text):
    assert not [s for s in sightings(article("a", PUBLISHED, text)) if s.topic == "turing-chip" and s.kind == "rollout"]


@pytest.mark.parametrize("text", [
    "On October 12, the Land Aircraft Carrier carried out its first manned flight outside China.",
    "The Land Aircraft Carrier will launch in the Middle East in 2027, and on October 12 it completed a test flight in Dubai.",
])
def test_a_past_verb_taking_the_event_as_object_says_it_happened(text):
    found = {(s.kind, s.state, s.sense, s.period.key if s.period else None)
             for s in sightings(article("a", dt.date(2025, 10, 20), text, "en")) if s.kind == "other"}
    assert found == {("other", "happened", "flight", "2025-10-12")}, found


def test_a_chinese_time_before_the_event_word_is_its_time():
    text = "陆地航母自2024年首次公开飞行、2025年初在海外首秀以来，一直广受关注。"
    found = {(s.kind, s.period.key if s.period else None) for s in sightings(article("a", dt.date(2025, 10, 20), text))}
    assert found == {("other", "2024")}, found


def test_a_time_before_an_event_word_leaves_the_sentences_subject_alone_in_later_clauses():
    # a second clause with an event word and no topic of its own takes the one topic the sentence names
    text = "那是小鹏智驾团队在今年二季度的一次日常VLA测试,路边突然有人挥手,管理层在今年第三季度财报电话会议上透露,其Robotaxi车辆目前仍配有安全员。"
    found = sightings(article("a", dt.date(2025, 11, 20), text))
    assert all(isinstance(s.topic, str) for s in found)


@pytest.mark.parametrize("text, language, kind", [
    ("小鹏汇天计划2027年布局海外市场。", "zh-Hans", "other"),
    ("小鵬匯天計劃2027年布局海外市場。", "zh-Hant", "other"),
    ("Magna has begun assembling the Land Aircraft Carrier in Graz since March 2026.", "en", "production-start"),
])
def test_an_overseas_expansion_and_assembly_begun_are_read(text, language, kind):
    found = {s.kind for s in sightings(article("a", dt.date(2026, 5, 1), text, language)) if s.topic == "flying-cars"}
    assert kind in found, found


def test_a_permit_granted_to_the_company_is_a_company_event():
    text = "12月16日，广州市向小鹏汽车正式颁发L3级自动驾驶道路测试牌照。"
    found = {(s.topic, s.kind, s.state) for s in sightings(article("a", dt.date(2025, 12, 20), text))}
    assert ("", "permit", "happened") in found, found


def test_a_clause_is_cut_the_same_whatever_words_the_search_index_loaded_into_jieba():
    # the build loads the search vocabulary into the shared jieba; the evaluation and the tests do not
    import jieba
    from build_scripts.knowledge import clauses

    text = "小鹏发布了第二代VLA。"
    before = [(s.kind, s.state) for s in sightings(article("a", PUBLISHED, text))]
    jieba.initialize()
    words, total = dict(jieba.dt.FREQ), jieba.dt.total
    try:
        jieba.add_word("鹏发布", freq=10**6)  # a word the cue would sit inside, as a loaded name might
        clauses._words.cache_clear()
        assert [(s.kind, s.state) for s in sightings(article("a", PUBLISHED, text))] == before == [("unveil", "happened")]
    finally:
        jieba.dt.FREQ.clear()
        jieba.dt.FREQ.update(words)
        jieba.dt.total = total
        clauses._words.cache_clear()


def test_a_verb_of_a_sort_of_other_progress_after_to_is_a_plan_not_a_noun():
    # "to set up" is the verb of the organisation sort, as "to begin" is production's: read as a plan
    text = "XPeng plans to set up a Robotaxi business unit in March 2026."
    found = {(s.topic, s.kind, s.state, s.sense) for s in sightings(article("a", PUBLISHED, text, "en"))}
    assert ("robotaxi", "other", "planned", "organisation") in found, found


@pytest.mark.parametrize("text, language", [
    ("直播中，何小鹏谈到3月11日起门店全面开放第二代VLA试驾之后的市场反应。", "zh-Hans"),
    ("直播中，何小鵬談到3月11日起門店全面開放第二代VLA試駕之後的市場反應。", "zh-Hant"),
])
def test_an_event_a_temporal_frame_takes_as_given_happened_at_its_own_time_even_inside_talk(text, language):
    """谈到 alone makes its event only talked about; 之后 after the event word takes it as given, at its own day."""
    found = {(s.kind, s.sense, s.state, s.period.key if s.period else None)
             for s in sightings(article("a", dt.date(2026, 3, 17), text, language))}
    assert found == {("other", "test-drive", "happened", "2026-03-11")}, found


@pytest.mark.parametrize("text", ["何小鹏谈到IRON量产之后的计划。", "何小鹏谈到IRON的量产挑战。"])
def test_a_frame_with_no_time_of_its_own_or_talk_of_an_event_states_nothing(text):
    assert sightings(article("a", dt.date(2026, 3, 17), text)) == [], text


@pytest.mark.parametrize("text, kind", [
    ("Aridge intends to launch in the Middle East as early as 2027.", "commercial-launch"),
    ("The Robotaxi service will launch internationally in 2027.", "commercial-launch"),
    # with an object, or a time only, "launch" may be an unveiling
    ("XPeng will launch the new IRON robot in 2027.", "unveil"),
    ("The Robotaxi will launch in the second half of 2027.", "unveil"),
])
def test_launch_with_no_object_and_a_market_after_it_is_a_commercial_launch(text, kind):
    found = {(k, state, period) for _, k, state, period in readings(text, "en")}
    assert {k for k, _, _ in found} == {kind} and all(state == "planned" for _, state, _ in found), found


@pytest.mark.parametrize("text, language", [
    ("双方正在联合研发陆地航母，明年将共同打造陆地航母的生产线。", "zh-Hans"),
    ("雙方正在聯合研發陸地航母，明年將共同打造陸地航母的生產線。", "zh-Hant"),
    ("The two companies are jointly developing the Land Aircraft Carrier, and will co-build its production line in 2026.", "en"),
])
def test_a_joint_adverb_before_a_verb_of_making_is_a_partnership(text, language):
    found = readings(text, language)
    assert found == {("flying-cars", "partnership", "happened", None), ("flying-cars", "partnership", "planned", "2026")}, found


@pytest.mark.parametrize("text, state", [
    ("XPeng is now road-testing the Robotaxi in Guangzhou.", "happened"),
    ("XPeng was mass-producing the IRON robot in 2025.", "happened"),
    ("XPeng will be road-testing the Robotaxi in 2026.", "planned"),
])
def test_the_english_progressive_says_an_event_is_under_way_and_a_plan_marker_still_wins(text, state):
    found = {s.state for s in sightings(article("a", dt.date(2025, 11, 20), text, "en"))}
    assert found == {state}, found


@pytest.mark.parametrize("text, language, kind, state, period", [
    ("XPeng showed the new IRON humanoid robot at its Tech Day on November 5.", "en", "unveil", "happened", "2025-11-05"),
    ("The IRON robot was shown at the Tech Day on November 5.", "en", "unveil", "happened", "2025-11-05"),
    ("The Robotaxi will be put into service in 2026.", "en", "commercial-launch", "planned", "2026"),
    ("Robotaxi将于2026年投入运营。", "zh-Hans", "commercial-launch", "planned", "2026"),
    ("Robotaxi將於2026年投入運營。", "zh-Hant", "commercial-launch", "planned", "2026"),
])
def test_showing_a_product_and_putting_a_service_into_operation(text, language, kind, state, period):
    found = {(k, s, p) for _, k, s, p in readings(text, language)}
    assert found == {(kind, state, period)}, found


@pytest.mark.parametrize("text", [
    "The results show that the IRON robot walks more smoothly than before.",
    "He showed off the IRON robot's social skills on November 5.",
])
def test_show_said_of_results_or_skills_unveils_nothing(text):
    assert not [s for s in sightings(article("a", dt.date(2025, 11, 20), text, "en")) if s.kind == "unveil"]


@pytest.mark.parametrize("text, language, expected", [
    # a delay's "pushed back" pushes nothing to cars
    ("Mass production of IRON has been pushed back to 2027.", "en", {("iron", "mass-production", "delayed", "2027")}),
    # a schedule word before "for" makes the event after it a plan, not a mention ("ready for delivery" stays one)
    ("IRON is slated for mass production in 2026.", "en", {("iron", "mass-production", "planned", "2026")}),
    ("The Land Aircraft Carrier is ready for delivery.", "en", set()),
    # a component used in cars is rolled out
    ("The Turing chip will be used in Volkswagen cars from 2026.", "en", {("turing-chip", "rollout", "planned", "2026")}),
    # counted ones after a preposition are the object, not what the event word describes
    ("小鹏汇天11月20日向首批用户交付陆地航母。", "zh-Hans", {("flying-cars", "delivery", "happened", "2025-11-20")}),
    ("小鵬匯天11月20日向首批用戶交付陸地航母。", "zh-Hant", {("flying-cars", "delivery", "happened", "2025-11-20")}),
    # an achievement verb says it happened; a plan marker before it still wins
    ("陆地航母获得民航局颁发的型号合格证。", "zh-Hans", {("flying-cars", "certification", "happened", None)}),
    ("陸地航母取得民航局頒發的型號合格證。", "zh-Hant", {("flying-cars", "certification", "happened", None)}),
    ("陆地航母有望在2026年获得型号合格证。", "zh-Hans", {("flying-cars", "certification", "planned", "2026")}),
    # Taiwan and Hong Kong words: a quarter written 季, trial operation written 試營運
    ("陸地航母預計明年第一季開始交車。", "zh-Hant", {("flying-cars", "delivery", "planned", "2026-q1")}),
    ("小鵬Robotaxi將於明年在廣州開展試營運。", "zh-Hant", {("robotaxi", "trial-operation", "planned", "2026")}),
    # approval to test is a permit
    ("XPeng won approval to test its Robotaxi on Guangzhou roads on November 3.", "en",
     {("robotaxi", "permit", "happened", "2025-11-03")}),
    # "not … until" dates the event instead of denying it; tense still decides its state
    ("The Turing chip's cockpit features will not be rolled out until the November update.", "en",
     {("turing-chip", "rollout", "planned", "2025-11")}),
    ("IRON won't enter mass production until the end of 2026.", "en", {("iron", "mass-production", "planned", "2026-q4")}),
    ("The Land Aircraft Carrier did not roll off the line until October.", "en",
     {("flying-cars", "production-start", "happened", "2025-10")}),
    ("XPeng will not start mass production of IRON this year.", "en", set()),
    # off a line, whatever drives it there and whatever the line is called
    ("Huitian drove the first Land Aircraft Carrier off its final assembly line on November 3.", "en",
     {("flying-cars", "production-start", "happened", "2025-11-03")}),
    # a shape's words may be a verb after the infinitive's "to", not a noun after a preposition
    ("XPeng and Volkswagen signed an agreement to co-develop two models.", "en", {("", "partnership", "happened", None)}),
    ("XPeng plans to put the Robotaxi into service in 2026.", "en", {("robotaxi", "commercial-launch", "planned", "2026")}),
    # ground broken, in English as in Chinese (动工)
    ("XPeng broke ground on its flying car factory in Guangzhou in October 2024.", "en",
     {("flying-cars", "other", "happened", "2024-10")}),
    # a plan for an event, published or adjusted, is no report of the event; given up or moved, the event is;
    # with a future time of its own, it is planned then
    ("小鹏公布了IRON的量产计划。", "zh-Hans", set()),
    ("小鵬調整了陸地航母的交付計劃。", "zh-Hant", set()),
    ("XPeng revealed its delivery plan for the Land Aircraft Carrier.", "en", set()),
    ("小鹏已放弃IRON的量产计划。", "zh-Hans", {("iron", "mass-production", "dropped", None)}),
    ("小鹏暂缓了IRON的量产计划。", "zh-Hans", {("iron", "mass-production", "delayed", None)}),
    ("IRON的量产计划定于2026年底。", "zh-Hans", {("iron", "mass-production", "planned", "2026-q4")}),
    # a promise said before is a plan; an event's date given is the event at that date, moved with it
    ("小鹏此前承诺陆地航母2025年交付。", "zh-Hans", {("flying-cars", "delivery", "planned", "2025")}),
    ("IRON的发布时间为2025年11月5日。", "zh-Hans", {("iron", "unveil", "happened", "2025-11-05")}),
    ("The delivery date for the Land Aircraft Carrier is 2026.", "en", {("flying-cars", "delivery", "planned", "2026")}),
    ("陸地航母的交付時間推遲到2027年。", "zh-Hant", {("flying-cars", "delivery", "delayed", "2027")}),
    # a beginning said after the event noun; a product coming to market; a component brought to cars; 拿证
    ("Robotaxi road tests kicked off in Guangzhou in December.", "en", {("robotaxi", "pilot", "happened", "2024-12")}),
    ("The Land Aircraft Carrier will hit the market in 2026.", "en", {("flying-cars", "commercial-launch", "planned", "2026")}),
    ("XPeng will bring the second-generation VLA to its Ultra models in March.", "en",
     {("second-gen-vla", "rollout", "planned", "2026-03")}),
    ("The Turing chip will be available in the G7 from 2026.", "en", {("turing-chip", "rollout", "planned", "2026")}),
    ("陆地航母有望于明年拿证。", "zh-Hans", {("flying-cars", "certification", "planned", "2026")}),
    # Taiwan's and Hong Kong's words: 開賣 and 預購 (on sale, pre-order), 付運 (shipped to buyers), 導入 (brought into cars)
    ("小鵬陸地航母預計明年開賣。", "zh-Hant", {("flying-cars", "commercial-launch", "planned", "2026")}),
    ("陸地航母預計明年首季付運。", "zh-Hant", {("flying-cars", "delivery", "planned", "2026-q1")}),
    ("明年，小鵬第二代VLA將導入Ultra車款。", "zh-Hant", {("second-gen-vla", "rollout", "planned", "2026")}),
    # a noun that only starts a longer word is no head: 交付车主 delivers to owners (车主), it names no car
    ("陸地航母首批量產車已交付車主。", "zh-Hant", {("flying-cars", "delivery", "happened", None)}),
    # the Robotaxi by its regional and plain names: Hong Kong's 的士, Taiwan's 自駕計程車, "driverless taxis"
    ("小鵬無人駕駛的士明年在廣州試營運。", "zh-Hant", {("robotaxi", "trial-operation", "planned", "2026")}),
    ("小鵬自駕計程車明年在廣州試營運。", "zh-Hant", {("robotaxi", "trial-operation", "planned", "2026")}),
    ("XPeng's driverless taxis will start trial operations next year.", "en", {("robotaxi", "trial-operation", "planned", "2026")}),
    # a component named in the plural is still the topic a clause carries into cars
    ("The Turing chips will be used in Volkswagen cars from 2026.", "en", {("turing-chip", "rollout", "planned", "2026")}),
    # a rival named in a comma-bounded relative clause only describes the noun before it
    ("XPeng, which is out to challenge Tesla, has driven its first Robotaxi off the production line.", "en",
     {("robotaxi", "production-start", "happened", None)}),
    ("XPeng's IRON will compete with Tesla's Optimus, which enters mass production next year.", "en", set()),
    # a permit's document is one word to jieba; an application for it, accepted, is no permit
    ("小鹏Robotaxi已取得广州道路测试许可证。", "zh-Hans", {("robotaxi", "permit", "happened", None)}),
    ("小鵬Robotaxi已取得廣州道路測試許可證。", "zh-Hant", {("robotaxi", "permit", "happened", None)}),
    ("陆地航母的生产许可证(PC)申请已正式被民航中南局受理。", "zh-Hans", {("flying-cars", "other", "happened", None)}),
    # going or entering into production is its start ("into mass production" is mass production)
    ("XPeng's IRON robot is scheduled to go into production by the end of next year.", "en",
     {("iron", "production-start", "planned", "2026-q4")}),
    ("The Land Aircraft Carrier went into production in October.", "en", {("flying-cars", "production-start", "happened", "2025-10")}),
    # a small batch is production begun, not mass production; a ramp-up is volume production
    ("XPeng has begun small-batch production of the IRON humanoid.", "en", {("iron", "production-start", "happened", None)}),
    ("小鹏IRON机器人计划明年开始小批量生产。", "zh-Hans", {("iron", "production-start", "planned", "2026")}),
    ("Production of the IRON robot will ramp up next year.", "en", {("iron", "mass-production", "planned", "2026")}),
    ("XPeng's humanoid robot IRON is targeted for mass production by the end of 2026.", "en",
     {("iron", "mass-production", "planned", "2026-q4")}),
    # reaching its buyers is a delivery, of a software topic its rollout; a service launched is on sale
    ("XPeng expects VLA 2.0 to reach customers in the first quarter of 2026.", "en",
     {("second-gen-vla", "rollout", "planned", "2026-q1")}),
    ("陆地航母预计明年交到用户手中。", "zh-Hans", {("flying-cars", "delivery", "planned", "2026")}),
    ("小鵬計劃於2026年在全球推出Robotaxi服務。", "zh-Hant", {("robotaxi", "commercial-launch", "planned", "2026")}),
    # an event word is a word of its own where a general dictionary would cut it into a commoner one (能量, energy)
    ("小鹏IRON明年就能量产。", "zh-Hans", {("iron", "mass-production", "planned", "2026")}),
    ("小鵬IRON最早2027年才能量產。", "zh-Hant", {("iron", "mass-production", "planned", "2027")}),
])
def test_general_shapes_of_state_kind_and_regional_words(text, language, expected):
    found = readings(text, language)
    assert found == expected, found


@pytest.mark.parametrize("text, language", [
    ("若監管放行，陸地航母最快明年交付。", "zh-Hant"),
    ("如果监管放行，陆地航母明年交付，IRON也将在明年量产。", "zh-Hans"),
    ("If regulators approve, the Land Aircraft Carrier will be delivered in 2026.", "en"),
])
def test_a_condition_clause_makes_the_plans_after_it_hypothetical(text, language):
    assert sightings(article("a", dt.date(2025, 11, 20), text, language)) == []


@pytest.mark.parametrize("text, expected", [
    ("Production of the Land Aircraft Carrier began at the Guangzhou plant on November 3.",
     {("flying-cars", "production-start", "happened", "2025-11-03")}),
    ("Mass production of IRON began in October.", {("iron", "mass-production", "happened", "2025-10")}),
    ("Mass production of the IRON robot is to begin by the end of 2026.", {("iron", "mass-production", "planned", "2026-q4")}),
    ("The Land Aircraft Carrier became available for pre-order on November 3.",
     {("flying-cars", "commercial-launch", "happened", "2025-11-03")}),
    ("Sales of the Land Aircraft Carrier are expected to start in 2026.", {("flying-cars", "commercial-launch", "planned", "2026")}),
    ("XPeng's Robotaxi trial service opened to the public in Guangzhou on November 1.",
     {("robotaxi", "trial-operation", "happened", "2025-11-01")}),
])
def test_production_and_sales_as_the_subject_of_a_verb_of_beginning(text, expected):
    found = readings(text, "en")
    assert found == expected, found


@pytest.mark.parametrize("text, language, expected", [
    # said in November: a day in December stated as done is last year's; stated as a plan, this year's
    ("XPeng completed the first test flight of the Land Aircraft Carrier on December 12.", "en", ("happened", "2024-12-12")),
    ("陆地航母已于12月12日完成首飞。", "zh-Hans", ("happened", "2024-12-12")),
    ("陸地航母已於12月12日完成首飛。", "zh-Hant", ("happened", "2024-12-12")),
    ("陆地航母将于12月12日完成首飞。", "zh-Hans", ("planned", "2025-12-12")),
    ("The Land Aircraft Carrier completed its first flight on December 12, 2025.", "en", ("planned", "2025-12-12")),
])
def test_the_tense_of_its_clause_places_a_day_written_without_its_year(text, language, expected):
    (found,) = sightings(article("a", dt.date(2025, 11, 20), text, language))
    assert (found.state, found.period.key) == expected


def test_a_link_to_a_row_named_after_an_undated_sentence_still_lands_when_a_dated_report_of_it_comes():
    from build_scripts.pages.promises import milestone_row

    undated = article("a", None, "小鹏Robotaxi的首台量产车已经下线。")
    (before,) = [m for m in milestones(undated) if m.kind == "production-start"]
    dated = article("b", dt.date(2026, 5, 20), "XPeng has officially driven its first Robotaxi off the production line.", "en")
    (after,) = [m for m in milestones(undated, dated) if m.kind == "production-start"]
    assert len(after.reports) == 2
    # the row is renamed after the dated report, which now stands first; its former name is an anchor on it
    assert after.id == before.id or f'<span id="{before.id}" class="kb-old-anchor"></span>' in milestone_row(after, "topics/")


@pytest.mark.parametrize("text, language", [
    ("陆地航母需要在2026年取得适航证。", "zh-Hans"),
    ("陸地航母仍需在2026年取得適航證。", "zh-Hant"),
    ("The Land Aircraft Carrier needs to obtain airworthiness certification in 2026.", "en"),
    ("The Land Aircraft Carrier must be certified in 2026.", "en"),
])
def test_a_requirement_still_to_be_met_is_a_plan_not_a_result(text, language):
    # 取得 and "obtain" say a result only when nothing before them says it is still needed
    assert readings(text, language) == {("flying-cars", "certification", "planned", "2026")}


@pytest.mark.parametrize("text, language", [
    ("陆地航母在交付前必须取得适航证。", "zh-Hans"),
    ("陸地航母量產前仍需取得適航證。", "zh-Hant"),
    ("陆地航母量产以前需要取得适航证。", "zh-Hans"),
    ("XPeng has to obtain airworthiness certification before deliveries of the Land Aircraft Carrier.", "en"),
])
def test_an_event_named_as_a_point_in_time_with_before_states_nothing(text, language):
    # 量产前 / "before deliveries" places the requirement; neither the production nor the certificate happened
    assert readings(text, language) == set()


@pytest.mark.parametrize("text, language, marker_kind", [
    ("XPeng Robotaxi is currently running road tests in Guangzhou.", "en", "pilot"),
    ("XPeng is now testing the Robotaxi on public roads in Guangzhou.", "en", "pilot"),
    ("The Robotaxi is being tested on public roads in Guangzhou.", "en", "pilot"),
    ("XPeng is conducting trial operations of the Robotaxi in Guangzhou.", "en", "trial-operation"),
    ("小鹏Robotaxi目前正在进行常态化的公开道路测试。", "zh-Hans", "pilot"),
    ("小鵬Robotaxi目前正進行常態化的公開道路測試。", "zh-Hant", "pilot"),
])
def test_an_event_under_way_in_the_progressive_has_begun(text, language, marker_kind):
    assert readings(text, language) == {("robotaxi", marker_kind, "happened", None)}


@pytest.mark.parametrize("text", [
    "XPeng is preparing the mass production of the Land Aircraft Carrier.",
    "XPeng is seeking airworthiness certification for the Land Aircraft Carrier.",
    "XPeng's strategy is being tested by the price war.",
])
def test_a_verb_of_intent_in_the_progressive_or_a_figurative_test_states_nothing(text):
    assert readings(text, "en") == set()


def test_a_flight_described_by_its_kind_is_read_with_words_between():
    found = {(s.kind, s.sense, s.state) for s in sightings(article(
        "a", dt.date(2025, 11, 20), "XPeng has completed the first public flight of the Land Aircraft Carrier.", "en"))}
    assert found == {("other", "flight", "happened")}, found


@pytest.mark.parametrize("text, expected", [
    # an infinitive names what a permit, an approval or a hire is for: the clause does not say it happened
    ("XPeng won approval to launch its Robotaxi service in Guangzhou on November 3.", set()),
    ("XPeng received a permit to deliver the Land Aircraft Carrier on November 3.",
     {("flying-cars", "permit", "happened", "2025-11-03")}),
    ("XPeng hired engineers to mass-produce IRON on November 3.", set()),
    # a verb that asserts its complement lets the clause's tense speak; a plan word makes it a plan
    ("XPeng started to test its Robotaxi in Guangzhou on November 3.", {("robotaxi", "pilot", "happened", "2025-11-03")}),
    ("XPeng plans to deliver the Land Aircraft Carrier in 2026.", {("flying-cars", "delivery", "planned", "2026")}),
])
def test_an_english_event_verb_in_the_infinitive_is_not_asserted(text, expected):
    assert readings(text, "en") == expected


@pytest.mark.parametrize("text, language", [
    ("小鹏否认IRON机器人已经量产。", "zh-Hans"),
    ("小鵬否認IRON機器人已經量產。", "zh-Hant"),
    ("XPeng denied that IRON had entered mass production.", "en"),
])
def test_a_denial_says_the_event_did_not_happen(text, language):
    assert readings(text, language) == set()


@pytest.mark.parametrize("text, language", [
    ("IRON机器人可能在明年量产。", "zh-Hans"),
    ("IRON機器人或將於明年量產。", "zh-Hant"),
    ("IRON may be mass-produced next year.", "en"),
    ("IRON机器人的量产或将推迟。", "zh-Hans"),
    ("Deliveries of the Land Aircraft Carrier may be delayed to 2027.", "en"),
])
def test_a_possibility_is_neither_a_plan_nor_a_delay(text, language):
    assert readings(text, language) == set()


@pytest.mark.parametrize("text, expected", [
    # the month is no modal: before or after a preposition, opening a sentence, with its day
    ("XPeng began mass production of IRON in May this year.", {("iron", "mass-production", "happened", "2025")}),
    ("XPeng said on May 12 that it began mass production of IRON.", {("iron", "mass-production", "happened", "2025-05-12")}),
    ("XPeng will deliver the Land Aircraft Carrier in May next year.", {("flying-cars", "delivery", "planned", "2026")}),
])
def test_may_the_month_is_not_may_the_modal(text, expected):
    assert readings(text, "en") == expected


@pytest.mark.parametrize("text, language", [
    ("特斯拉去年已量产Optimus，小鹏IRON则计划2026年量产。", "zh-Hans"),
    ("與已經量產的特斯拉Optimus不同，小鵬IRON將在2026年量產。", "zh-Hant"),
    ("Unlike Tesla, which has already begun producing Optimus, XPeng will mass-produce IRON in 2026.", "en"),
    ("小鹏IRON计划2026年量产，而特斯拉Optimus已于去年量产。", "zh-Hans"),
])
def test_a_rivals_clause_is_the_rivals_and_the_companys_clause_beside_it_still_counts(text, language):
    # the rival's mass production lends IRON neither a report nor its year; IRON's own plan is read
    assert readings(text, language) == {("iron", "mass-production", "planned", "2026")}


def test_a_rivals_clause_lends_its_time_to_no_clause_of_the_company():
    assert readings("特斯拉明年将量产Optimus，小鹏IRON也计划量产。") == set()


@pytest.mark.parametrize("text, language, expected", [
    # a headline's present tense moves or drops the plan
    ("XPeng delays IRON mass production to 2027.", "en", {("iron", "mass-production", "delayed", "2027")}),
    ("XPeng postpones Land Aircraft Carrier deliveries to 2027.", "en", {("flying-cars", "delivery", "delayed", "2027")}),
    ("XPeng scraps its plan to mass-produce IRON in 2026.", "en", {("iron", "mass-production", "dropped", "2026")}),
    # orders taken or opened, a pre-sale, brought to market, operations begun: on the market
    ("XPeng began taking orders for the Land Aircraft Carrier on November 3.", "en",
     {("flying-cars", "commercial-launch", "happened", "2025-11-03")}),
    ("XPeng opened orders for the Land Aircraft Carrier on November 3.", "en",
     {("flying-cars", "commercial-launch", "happened", "2025-11-03")}),
    ("陆地航母于11月3日开启预售。", "zh-Hans", {("flying-cars", "commercial-launch", "happened", "2025-11-03")}),
    ("陸地航母將於2026年推向市場。", "zh-Hant", {("flying-cars", "commercial-launch", "planned", "2026")}),
    ("XPeng will bring the Land Aircraft Carrier to market in 2026.", "en", {("flying-cars", "commercial-launch", "planned", "2026")}),
    ("XPeng's Robotaxi will begin operating in Guangzhou in 2026.", "en", {("robotaxi", "commercial-launch", "planned", "2026")}),
    ("小鹏Robotaxi将于2026年在广州开始运营。", "zh-Hans", {("robotaxi", "commercial-launch", "planned", "2026")}),
    # the trade's abbreviation for the start of production
    ("XPeng targets SOP for the IRON robot in the fourth quarter of 2026.", "en", {("iron", "production-start", "planned", "2026-q4")}),
    # a gerund after a preposition is talked about, not stated
    ("He said 2026 will be a pivotal year for bringing IRON to market.", "en", set()),
    ("XPeng talked with partners about launching the Land Aircraft Carrier in 2026.", "en", set()),
])
def test_more_ways_of_saying_an_event_and_its_change(text, language, expected):
    assert readings(text, language) == expected


def test_taking_to_the_skies_is_a_flight():
    found = {(s.kind, s.sense, s.state) for s in sightings(article(
        "a", dt.date(2025, 11, 20), "The Land Aircraft Carrier took to the skies for the first time on October 12.", "en"))}
    assert found == {("other", "flight", "happened")}, found


@pytest.mark.parametrize("text, language, kind", [
    # Hong Kong's and Taiwan's words: groundbreaking, a maiden flight, an alliance, a plant put into use
    ("小鵬匯天工廠11月3日動土。", "zh-Hant", "other"),
    ("陸地航母11月3日完成首航。", "zh-Hant", "other"),
    ("小鵬IRON與寶鋼11月3日結盟。", "zh-Hant", "partnership"),
    ("小鹏汇天飞行汽车工厂11月3日正式启用。", "zh-Hans", "production-start"),  # the plant as subject, before its verb
    ("小鵬匯天飛行汽車工廠11月3日正式投入使用。", "zh-Hant", "production-start"),
])
def test_regional_words_and_a_plant_named_before_its_verb(text, language, kind):
    found = {(s.kind, s.state, s.period.key if s.period else None) for s in sightings(article("a", dt.date(2025, 11, 20), text, language))}
    assert (kind, "happened", "2025-11-03") in found, found


@pytest.mark.parametrize("text, language, due", [
    # a count of years from now is a span to its end, not this year (年内 inside 三年内)
    ("小鹏将在未来三年内量产IRON机器人。", "zh-Hans", "2025-11-20-2028-11-20"),
    ("小鵬將在兩年內量產IRON機器人。", "zh-Hant", "2025-11-20-2027-11-20"),
    ("小鹏将在半年之内量产IRON机器人。", "zh-Hans", "2025-11-20-2026-05-20"),
    ("XPeng will mass-produce IRON within two years.", "en", "2025-11-20-2027-11-20"),
    ("XPeng will mass-produce IRON in the next 18 months.", "en", "2025-11-20-2027-05-20"),
    # a count alone is how long something took, no time
    ("XPeng spent two years developing IRON and will mass-produce it in 2026.", "en", "2026"),
    ("IRON机器人研发了三年，将于2026年量产。", "zh-Hans", "2026"),
])
def test_a_count_of_years_from_now_is_a_span_and_a_count_alone_no_time(text, language, due):
    assert readings(text, language) == {("iron", "mass-production", "planned", due)}


@pytest.mark.parametrize("text, language", [
    ("IRON机器人真的已经量产了吗？", "zh-Hans"),
    ("小鵬IRON明年真的能量產嗎？", "zh-Hant"),
    ("Has XPeng already started IRON mass production?", "en"),
    ("Can XPeng mass-produce IRON by 2026?", "en"),
    ("外界质疑小鹏能否在2026年按时交付陆地航母。", "zh-Hans"),
])
def test_a_question_states_nothing(text, language):
    assert readings(text, language) == set()


@pytest.mark.parametrize("text, kind", [
    # said to be under way, or in its phase: begun
    ("Mass production of IRON is under way at the Guangzhou plant.", "mass-production"),
    ("Mass production of IRON is in full swing.", "mass-production"),
    ("XPeng's Robotaxi road testing is ongoing in Guangzhou.", "pilot"),
    ("XPeng's Robotaxi is now in trial operation in Guangzhou.", "trial-operation"),
])
def test_an_event_said_to_be_under_way_has_begun(text, kind):
    found = {(s.kind, s.state) for s in sightings(article("a", dt.date(2025, 11, 20), text, "en"))}
    assert found == {(kind, "happened")}, found


def test_ongoing_before_another_noun_says_nothing_of_the_event():
    assert readings("XPeng is in ongoing negotiations over Robotaxi deliveries.", "en") == set()


@pytest.mark.parametrize("text, language", [
    # an imminence adverb with a final 了: about to happen, not done
    ("IRON机器人快要量产了。", "zh-Hans"),
    ("IRON機器人很快就要量產了。", "zh-Hant"),
    ("IRON机器人离量产不远了。", "zh-Hans"),
    ("IRON机器人马上就量产了。", "zh-Hans"),
])
def test_an_event_said_to_be_imminent_has_not_happened(text, language):
    assert not any(s.state == "happened" for s in sightings(article("a", dt.date(2025, 11, 20), text, language)))


@pytest.mark.parametrize("text, language, moved", [
    # a clause with no event word of its own moves or drops the plan of the clause before it
    ("小鹏曾计划2025年量产IRON，现推迟至2026年。", "zh-Hans", ("iron", "mass-production", "delayed", "2026")),
    ("小鵬原定2025年量產IRON，現延後至2026年。", "zh-Hant", ("iron", "mass-production", "delayed", "2026")),
    ("XPeng had planned to start IRON mass production in 2025, but it was later delayed to 2026.", "en",
     ("iron", "mass-production", "delayed", "2026")),
    ("小鹏计划2026年交付陆地航母，但后来取消了。", "zh-Hans", ("flying-cars", "delivery", "dropped", None)),
])
def test_a_next_clause_moving_or_dropping_the_plan_before_it(text, language, moved):
    assert moved in readings(text, language)


def test_a_next_clause_denying_a_move_leaves_the_plan():
    assert readings("小鹏计划2026年交付陆地航母，目前没有推迟的打算。") == {("flying-cars", "delivery", "planned", "2026")}


def test_unlikely_denies_the_plan():
    assert readings("IRON is unlikely to be mass-produced before 2027.", "en") == set()


@pytest.mark.parametrize("text, language, expected", [
    # a relative clause is about the noun before it, and leaves the sentence's subject be
    ("He Xiaopeng said the IRON robot, which carries three Turing chips, will enter mass production by the end of 2026.", "en",
     {("iron", "mass-production", "planned", "2026-q4")}),
    ("Both the Robotaxi and IRON will use the Turing chip, which enters mass production in 2026.", "en",
     {("turing-chip", "mass-production", "planned", "2026")}),
    # a reference word opening a clause: the topic named last before it
    ("Robotaxi和IRON都将采用图灵芯片，该芯片将于2026年量产。", "zh-Hans", {("turing-chip", "mass-production", "planned", "2026")}),
    # a coordinated subject with 都 / "both": each of its topics
    ("Robotaxi、IRON和飛行汽車都將在2026年量產。", "zh-Hant", {(t, "mass-production", "planned", "2026") for t in ("robotaxi", "iron", "flying-cars")}),
    ("Both the Robotaxi and IRON will enter mass production in 2026.", "en",
     {(t, "mass-production", "planned", "2026") for t in ("robotaxi", "iron")}),
])
def test_the_subject_of_a_relative_clause_a_reference_word_and_a_coordinated_subject(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language", [
    ("分析师预计IRON将于2027年量产。", "zh-Hans"),
    ("業內人士預計，小鵬IRON最早2027年才能量產。", "zh-Hant"),
    ("Analysts expect XPeng to begin IRON mass production in 2027.", "en"),
    ("According to analysts, IRON will enter mass production in 2027.", "en"),
])
def test_someone_elses_forecast_is_no_promise_of_the_company(text, language):
    assert readings(text, language) == set()


def test_the_companys_own_expectation_is_its_plan():
    assert readings("小鹏预计IRON将于2026年底量产。") == {("iron", "mass-production", "planned", "2026-q4")}
    assert readings("XPeng expects IRON mass production to begin by the end of 2026.", "en") == {
        ("iron", "mass-production", "planned", "2026-q4")}


@pytest.mark.parametrize("text, language, expected", [
    # a condition's own event is not done: 只要/provided…
    ("只要获得适航证，陆地航母就会在2026年交付。", "zh-Hans", {("flying-cars", "delivery", "planned", "2026")}),
    ("Provided it wins certification, the Land Aircraft Carrier will be delivered in 2026.", "en",
     {("flying-cars", "delivery", "planned", "2026")}),
    # a condition of its own governs the clause after it, as 若… and "If …" do
    ("Assuming regulators approve, XPeng will deliver the Land Aircraft Carrier in 2026.", "en", set()),
    ("在獲得監管批准的前提下，陸地航母將於2026年交付。", "zh-Hant", set()),
])
def test_a_condition_states_none_of_its_own_events(text, language, expected):
    assert readings(text, language) == expected


def test_what_tai_waits_for_is_still_to_come():
    found = readings("待获得适航证后，陆地航母将在2026年交付。")
    assert not any(state == "happened" for _, _, state, _ in found), found


@pytest.mark.parametrize("text, language", [
    ("小鵬汽車周三（5日）在廣州舉行科技日，發布第二代VLA大模型、Robotaxi及新一代IRON人形機器人。", "zh-Hant"),
    ("On November 5 XPeng unveiled the second-generation VLA, the Robotaxi and IRON.", "en"),
])
def test_each_topic_listed_as_an_object_of_one_event_word_has_the_event(text, language):
    found = {(t, k, s) for t, k, s, _ in readings(text, language, dt.date(2025, 11, 6))}
    assert {("second-gen-vla", "unveil", "happened"), ("robotaxi", "unveil", "happened"), ("iron", "unveil", "happened")} <= found, found


def test_a_topic_a_relative_clause_describes_is_no_listed_object():
    assert {t for t, *_ in readings("小鹏发布了搭载第二代VLA的Robotaxi。", "zh-Hans")} == {"robotaxi"}


@pytest.mark.parametrize("text, language", [
    # a clause naming no topic, its object a count of other things: not the topic a later clause names
    ("XPeng delivered 500 cars in October, IRON is still in testing.", "en"),
    ("小鹏10月交付了3万台汽车，IRON仍在测试中。", "zh-Hans"),
])
def test_a_counted_object_is_not_the_topic_a_later_clause_names(text, language):
    assert not any(kind == "delivery" for _, kind, _, _ in readings(text, language))


def test_a_clause_before_the_only_topic_named_is_still_about_it():
    assert ("robotaxi", "partnership", "happened", None) in readings("高德已与小鹏达成合作，后续小鹏的Robotaxi车辆将接入高德。")


@pytest.mark.parametrize("text, language", [
    ("IRON mass production has been pushed to 2027.", "en"),
    ("IRON mass production slips to 2027.", "en"),
    ("IRON mass production was rescheduled for 2027.", "en"),
    ("IRON量产推至2027年。", "zh-Hans"),
    ("IRON量產順延至2027年。", "zh-Hant"),
])
def test_a_plan_moved_to_a_later_time_is_delayed(text, language):
    assert readings(text, language) == {("iron", "mass-production", "delayed", "2027")}


def test_pushed_to_users_is_still_a_rollout():
    assert readings("The second-generation VLA will be pushed to users in the first quarter of 2026.", "en") == {
        ("second-gen-vla", "rollout", "planned", "2026-q1")}


@pytest.mark.parametrize("text, expected", [
    # the day something was said dates the saying, not the plan it reports; a report keeps it
    ("XPeng said on Wednesday it would start mass-producing IRON by the end of 2026.", {("iron", "mass-production", "planned", "2026-q4")}),
    ("XPeng announced on November 5 that it would mass-produce IRON.", set()),
    ("XPeng said on November 5 that IRON entered mass production.", {("iron", "mass-production", "happened", "2025-11-05")}),
    # a wire's dateline dates the story
    ("GUANGZHOU, Nov 5 (Reuters) - XPeng said it would start mass-producing IRON by the end of 2026.",
     {("iron", "mass-production", "planned", "2026-q4")}),
])
def test_the_day_of_saying_is_not_the_day_of_a_plan(text, expected):
    assert readings(text, "en", dt.date(2025, 11, 7)) == expected


@pytest.mark.parametrize("text, language", [
    ("小鹏11月5日表示将量产IRON机器人。", "zh-Hans"),
    ("小鵬周三（5日）宣佈將推出Robotaxi服務。", "zh-Hant"),
])
def test_a_day_before_the_chinese_verb_of_saying_dates_the_saying(text, language):
    assert readings(text, language, dt.date(2025, 11, 7)) == set()


@pytest.mark.parametrize("text, language", [
    ("陆地航母9月16日试飞时发生了意外。", "zh-Hans"),
    ("小鵬匯天飛行汽車9月16日發生一起碰撞。", "zh-Hant"),
    ("小鹏汇天飞行汽车9月16日在航展彩排中失事。", "zh-Hans"),
])
def test_an_accident_however_said_is_an_incident_not_the_flight_it_happened_during(text, language):
    found = {(s.kind, s.sense, s.state, s.period.key if s.period else None)
             for s in sightings(article("a", dt.date(2025, 9, 20), text, language))}
    assert found == {("other", "incident", "happened", "2025-09-16")}, found


@pytest.mark.parametrize("text, language", [
    ("小鹏Robotaxi11月3日获批在广州开展道路测试。", "zh-Hans"),
    ("小鵬Robotaxi於11月3日獲准在廣州進行路測。", "zh-Hant"),
    ("Regulators approved XPeng's Robotaxi for public road testing on November 3.", "en"),
    ("XPeng got the green light to run Robotaxi trials in Guangzhou on November 3.", "en"),
])
def test_an_approval_is_a_permit_and_what_it_allows_is_still_to_come(text, language):
    assert readings(text, language) == {("robotaxi", "permit", "happened", "2025-11-03")}


def test_a_product_named_after_its_kind_is_a_thing_of_its_own():
    # 产品「星辰」 is launched, not the Robotaxi a later clause compares it with
    assert readings("小鹏将于2026年发布全新产品「星辰」，与Robotaxi共享硬件。") == set()


def test_taking_the_wraps_off_is_an_unveiling():
    assert readings("XPeng took the wraps off its new IRON robot on November 5.", "en") == {
        ("iron", "unveil", "happened", "2025-11-05")}


@pytest.mark.parametrize("text, language", [
    # the progressive of a moment is arranged to come: no launch on the day it was said
    ("At its AI Day on Wednesday, XPeng said it is launching three Robotaxi models.", "en"),
    ("XPeng is unveiling a new IRON robot.", "en"),
])
def test_the_present_progressive_of_a_moment_is_no_report_that_it_happened(text, language):
    assert not {r for r in readings(text, language) if r[2] == "happened"}


def test_the_progressive_of_a_stretch_is_under_way_and_a_moments_plan_keeps_its_own_time():
    assert readings("XPeng is testing its Robotaxi on public roads in Guangzhou.", "en") == {("robotaxi", "pilot", "happened", None)}
    assert readings("XPeng is launching its Robotaxi service in the second half of 2026.", "en") == {
        ("robotaxi", "commercial-launch", "planned", "2026-h2")}


def test_a_weekday_in_a_plan_is_the_coming_one():
    # said on Thursday 2025-11-20: "on Wednesday" is the 26th when it is planned, the 19th when it is reported
    assert readings("XPeng will unveil the new IRON robot on Wednesday.", "en") == {("iron", "unveil", "planned", "2025-11-26")}
    assert readings("XPeng unveiled the new IRON robot on Wednesday.", "en") == {("iron", "unveil", "happened", "2025-11-19")}
    assert readings("小鹏将于周三发布新一代IRON人形机器人。") == {("iron", "unveil", "planned", "2025-11-26")}


def test_before_a_year_is_by_the_end_of_the_year_before():
    assert readings("XPeng plans to mass-produce IRON before 2027.", "en") == {("iron", "mass-production", "planned", "2026")}
    assert readings("XPeng plans to mass-produce IRON before the end of 2026.", "en") == {
        ("iron", "mass-production", "planned", "2026-q4")}
    # Chinese 2028年前 stays 2028 (time_rules.yml: said of "by 2028" as often as of "before")
    assert readings("匯天表示，A868將於2028年前取得適航證。", "zh-Hant") == {("flying-cars", "certification", "planned", "2028")}


@pytest.mark.parametrize("text, language", [
    ("Morgan Stanley expects XPeng to begin IRON mass production in 2027.", "en"),
    ("Counterpoint Research expects the IRON robot to enter mass production in 2027.", "en"),
    ("摩根士丹利预计小鹏IRON将于2027年量产。", "zh-Hans"),
    ("中信證券預計，小鵬IRON將於2027年量產。", "zh-Hant"),
])
def test_a_broker_or_research_firm_named_is_a_forecaster_too(text, language):
    assert readings(text, language) == set()


@pytest.mark.parametrize("text, language, expected", [
    ("小鹏科技日上发布了新一代IRON人形机器人。\n何小鹏表示，团队为它的步态下了很多功夫。\n小鹏的目标是2026年4月实现这款机器人的量产。",
     "zh-Hans", {("iron", "mass-production", "planned", "2026-04")}),
    ("小鵬科技日上發表了新一代IRON人形機器人。\n何小鵬表示，團隊下了很多功夫。\n小鵬的目標是2026年4月實現這款機器人的量產。",
     "zh-Hant", {("iron", "mass-production", "planned", "2026-04")}),
    ("XPeng unveiled its new IRON humanoid robot at its Tech Day.\nHe Xiaopeng said the team had worked hard on its gait.\n"
     "The robot is expected to enter mass production in April 2026.", "en", {("iron", "mass-production", "planned", "2026-04")}),
    # the chip is no robot: a reference word naming another sort of thing is left unresolved
    ("小鹏科技日上发布了新一代IRON人形机器人。\n何小鹏表示，团队下了很多功夫。\n该芯片将于2026年4月量产。", "zh-Hans", set()),
])
def test_a_reference_word_naming_the_sort_of_thing_a_topic_is_refers_back_across_paragraphs(text, language, expected):
    read = {r for r in readings(text, language) if r[1] != "unveil"}
    assert read == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Volkswagen became the launch customer of the second-generation VLA.", "en", {("second-gen-vla", "partnership", "happened", None)}),
    ("大眾已成為第二代VLA的首發客戶。", "zh-Hant", {("second-gen-vla", "partnership", "happened", None)}),  # 首发客户: no unveiling
    ("大众已成为第二代VLA的首发客户。", "zh-Hans", {("second-gen-vla", "partnership", "happened", None)}),
])
def test_becoming_a_launch_customer_is_a_partnership_that_happened(text, language, expected):
    assert readings(text, language) == expected


def test_putting_a_model_into_the_cars_is_its_rollout_and_putting_it_to_the_test_is_not():
    assert readings("XPeng will put the second-generation VLA into its vehicles in March 2026.", "en") == {
        ("second-gen-vla", "rollout", "planned", "2026-03")}
    assert readings("XPeng put the second-generation VLA to the test in the snow.", "en") == set()


@pytest.mark.parametrize("text, language, expected", [
    # a part of a year without its year: this year's, or in a plan once it is past, next year's (said 2025-11-20)
    ("XPeng will start delivering the Land Aircraft Carrier in the first quarter.", "en", {("flying-cars", "delivery", "planned", "2026-q1")}),
    ("小鹏汇天陆地航母将于第一季度开始交付。", "zh-Hans", {("flying-cars", "delivery", "planned", "2026-q1")}),
    ("XPeng delivered the first Land Aircraft Carrier in the third quarter.", "en", {("flying-cars", "delivery", "happened", "2025-q3")}),
])
def test_a_part_of_a_year_standing_alone_is_this_years_or_a_plans_next(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("Earlier this year, XPeng demonstrated the IRON robot walking on stage.", "en", {("iron", "unveil", "happened", "2025")}),
    ("The results demonstrated the strength of the VLA 2.0.", "en", set()),  # what is shown is the strength
    ("Aridge signed an agreement with a UAE partner for 600 Land Aircraft Carriers.", "en", {("flying-cars", "partnership", "happened", None)}),
    ("小鵬匯天與阿聯酋一家公司簽署了600台陸地航母的訂單協議。", "zh-Hant", {("flying-cars", "partnership", "happened", None)}),
    ("XPeng plans to open its Robotaxi service to the public in Guangzhou next year.", "en",
     {("robotaxi", "commercial-launch", "planned", "2026")}),
    ("小鹏Robotaxi服务将于明年在广州向公众开放。", "zh-Hans", {("robotaxi", "commercial-launch", "planned", "2026")}),
    ("XPeng opened its new IRON showroom to the public.", "en", set()),  # a place opened is no service launched
    ("XPeng's first Turing chip was taped out in 2024.", "en", {("turing-chip", "other", "happened", "2024")}),
    ("小鹏图灵芯片已于2024年8月流片成功。", "zh-Hans", {("turing-chip", "other", "happened", "2024-08")}),
])
def test_more_ways_of_saying_an_event_each_a_shape_not_a_sentence(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language", [
    ("有消息指，小鵬IRON機器人的量產計劃已被擱置。", "zh-Hant"),  # a rumour framing the clause after it
    ("据传，小鹏IRON已开始量产。", "zh-Hans"),
    ("XPeng is rumoured to have started IRON mass production.", "en"),
])
def test_a_rumour_states_nothing_even_when_it_frames_the_clause_after_it(text, language):
    assert readings(text, language) == set()


def test_a_verb_of_obtaining_in_the_past_says_it_was_obtained_and_anchors_a_yearless_month():
    # said 2025-11-20: the approval won "in December" was last December's, not a plan for next month
    assert readings("XPeng won approval to test its Robotaxi on public roads in Guangzhou in December.", "en") == {
        ("robotaxi", "permit", "happened", "2024-12")}


def test_a_time_closing_a_list_of_objects_dates_the_event_of_each():
    # said on Thursday 2025-11-20: "on Wednesday", after the commas of the list, is the 19th for all three
    assert readings("XPeng unveiled the second-generation VLA, the Robotaxi and the IRON robot on Wednesday.", "en") == {
        (t, "unveil", "happened", "2025-11-19") for t in ("second-gen-vla", "robotaxi", "iron")}


@pytest.mark.parametrize("text, language, expected", [
    ("今年第四季度，小鹏IRON将进入量产阶段。", "zh-Hans", {("iron", "mass-production", "planned", "2025-q4")}),  # a phase entered
    ("小鵬IRON已正式進入量產階段。", "zh-Hant", {("iron", "mass-production", "happened", None)}),
    ("小鹏IRON目前处于量产EP0阶段。", "zh-Hans", set()),  # a phase named, not entered
    # a trial service launched is a trial operation, not a commercial launch
    ("小鹏计划于2026年下半年在广州推出Robotaxi试运营服务。", "zh-Hans", {("robotaxi", "trial-operation", "planned", "2026-h2")}),
    ("小鹏IRON被曝已开始小批量生产。", "zh-Hans", set()),  # a leak
    ("小鵬IRON人形機器人昨日在發布會上跌倒。", "zh-Hant", {("iron", "other", "happened", "2025-11-19")}),
])
def test_a_phase_entered_a_trial_service_a_leak_and_a_fall(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    # the car unveiled is the object; the Robotaxi named later is not what was unveiled last week
    ("小鹏上周发布了新款P7+，Robotaxi则将于2026年推出。", "zh-Hans", {("robotaxi", "unveil", "planned", "2026")}),
    ("小鵬上週發表了新款P7+，Robotaxi則將於2026年推出。", "zh-Hant", {("robotaxi", "unveil", "planned", "2026")}),
])
def test_a_model_code_as_object_is_another_product_not_the_topic_named_later(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    # an aside between commas does not cut the subject off its verb, nor lend it its time
    ("XPeng said on Wednesday that mass production of its IRON humanoid robot, originally scheduled for late 2026, "
     "has been pushed back to 2027.", "en", {("iron", "mass-production", "delayed", "2027")}),
    ("The IRON robot, first shown in 2024, is now being tested in XPeng's factories.", "en", {("iron", "pilot", "happened", None)}),
    # an aside stating an event of its own is still read, about the noun before it
    ("The IRON robot, unveiled in November, will enter mass production in late 2026.", "en",
     {("iron", "unveil", "happened", "2025-11"), ("iron", "mass-production", "planned", "2026-h2")}),
])
def test_a_participial_aside_between_commas(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    # the day of saying dates no event the clause does not say happened ("mass production of IRON" said on Wednesday)
    ("XPeng said on Wednesday that mass production of the IRON robot is a priority.", "en", set()),
    # a hope is a plan
    ("XPeng hopes to start deliveries of the Land Aircraft Carrier in 2026, pending certification.", "en",
     {("flying-cars", "delivery", "planned", "2026")}),
    ("小鹏汇天希望2026年开始交付陆地航母。", "zh-Hans", {("flying-cars", "delivery", "planned", "2026")}),
    # a progressive of several words, as of one
    ("Alibaba said Wednesday it is partnering with XPeng on robotaxis.", "en", {("robotaxi", "partnership", "happened", "2025-11-19")}),
])
def test_what_a_clause_does_not_say_is_not_borrowed_from_the_day_of_saying_or_a_sibling(text, language, expected):
    assert readings(text, language) == expected


def test_a_topics_name_is_a_word_of_its_own_when_a_clause_is_cut():
    # 汇天将携手: 汇天|将|携手, a plan (cut 汇|天将, "a general of heaven", it said nothing, and its day made it done)
    assert readings("小鹏汇天将携手敦煌市政府11月20日开展合作。") == {("flying-cars", "partnership", "planned", "2025-11-20")}


@pytest.mark.parametrize("text, language", [
    # a topic named only by its kind, given another owner, is another maker's product
    ("智元机器人的人形机器人已于今年开始量产。", "zh-Hans"),
    ("峰飛航空的飛行汽車已獲得適航證。", "zh-Hant"),
    ("中国的人形机器人已开始量产。", "zh-Hans"),
    ("国内已有多家企业的人形机器人开始量产。", "zh-Hans"),
    ("Several Chinese humanoid robot makers began mass production this year.", "en"),
    ("NewCo's humanoid robots entered mass production this year.", "en"),  # a possessive naming no one of the company's
    ("AutoFlight's eVTOL received its type certificate in March.", "en"),
    ("Kepler Robotics has begun mass production of its humanoid robots.", "en"),  # "its": the maker's, named by its trade
    ("Kepler Robotics' humanoid robots entered mass production this year.", "en"),  # a plural's possessive
    ("Robotaxis began commercial operations in Wuhan in 2022.", "en"),  # a bare plural subject: the kind in general
    ("Humanoid robots are expected to enter mass production in China by 2027.", "en"),
    ("业内预计，人形机器人将在2027年量产。", "zh-Hans"),  # the trade's forecast
    ("星尘智能已开始量产人形机器人。", "zh-Hans"),  # a maker named by its trade, as the subject
    ("Stardust Intelligence has started mass-producing humanoid robots.", "en"),
])
def test_a_kind_of_thing_another_maker_owns_is_not_the_topic(text, language):
    assert readings(text, language) == set()


@pytest.mark.parametrize("text, language, expected", [
    ("小鹏汽车的人形机器人将于2026年底量产。", "zh-Hans", {("iron", "mass-production", "planned", "2026-q4")}),
    ("人形機器人將於2026年底量產。", "zh-Hant", {("iron", "mass-production", "planned", "2026-q4")}),
    ("The company's humanoid robot will enter mass production in late 2026.", "en", {("iron", "mass-production", "planned", "2026-h2")}),
    ("He Xiaopeng's humanoid robot will enter mass production in late 2026.", "en", {("iron", "mass-production", "planned", "2026-h2")}),
    ("Aridge's eVTOL will be delivered in 2026.", "en", {("flying-cars", "delivery", "planned", "2026")}),
    ("Huitian Aerospace will deliver its flying cars in 2026.", "en", {("flying-cars", "delivery", "planned", "2026")}),
    ("XPeng says its humanoid robots will enter mass production in late 2026.", "en", {("iron", "mass-production", "planned", "2026-h2")}),
    ("The humanoid robots will enter mass production in late 2026.", "en", {("iron", "mass-production", "planned", "2026-h2")}),
    ("小鹏汽车已开始量产人形机器人。", "zh-Hans", {("iron", "mass-production", "happened", None)}),
    ("本次科技日上，小鹏汽车宣布将在2026年推出3款Robotaxi车型。", "zh-Hans", {("robotaxi", "commercial-launch", "planned", "2026")}),
])
def test_the_companys_own_thing_of_that_kind_is_still_the_topic(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    # getting ready for an event, or talking about it, has not begun it
    ("XPeng is on track to mass-produce IRON by the end of 2026.", "en", {("iron", "mass-production", "planned", "2026-q4")}),
    ("XPeng is gearing up to deliver the Land Aircraft Carrier in 2026.", "en", {("flying-cars", "delivery", "planned", "2026")}),
    ("小鹏正在筹备IRON的量产。", "zh-Hans", set()),
    ("小鵬正與大眾洽談圖靈芯片合作。", "zh-Hant", set()),
    ("XPeng is in talks with Volkswagen about a Turing chip partnership.", "en", set()),
    ("小鹏有意在2027年推出Robotaxi。", "zh-Hans", {("robotaxi", "unveil", "planned", "2027")}),
])
def test_preparing_intending_and_negotiating_are_not_doing(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    # a change denied is no change
    ("IRON的量产不会推迟，仍将于2026年底进行。", "zh-Hans", set()),
    ("XPeng said IRON mass production will not be delayed and remains on schedule for late 2026.", "en",
     {("iron", "mass-production", "planned", "2026-h2")}),
    ("IRON量產並未取消。", "zh-Hant", set()),
    # and a change said is one
    ("小鹏IRON的量产被推迟至2027年。", "zh-Hans", {("iron", "mass-production", "delayed", "2027")}),
])
def test_a_delay_or_a_drop_that_is_denied_changes_nothing(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("IRON made its public debut in November.", "en", {("iron", "unveil", "happened", "2025-11")}),  # "debut" a noun here
    ("The second-generation VLA was released to users in March.", "en", {("second-gen-vla", "rollout", "happened", "2025-03")}),
    # the company's results are its own event, no launch, and not the Robotaxi's named after them
    ("XPeng released its third-quarter results on Monday, and said the Robotaxi will launch in 2026.", "en",
     {("", "other", "happened", "2025-11-17"), ("robotaxi", "unveil", "planned", "2026")}),
])
def test_a_noun_after_a_determiner_a_release_of_software_and_the_companys_results(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language", [
    ("小鹏汇天计划2026年在香港上市。", "zh-Hans"),
    ("小鵬匯天擬明年在港交所上市。", "zh-Hant"),
    ("Aridge plans to go public in Hong Kong in 2026.", "en"),
])
def test_a_stock_listing_is_no_product_on_sale(text, language):
    read = sightings(article("a", dt.date(2025, 11, 20), text, language))
    assert [(s.topic, s.kind, s.sense, s.state) for s in read] == [("flying-cars", "other", "listing", "planned")]


def test_a_product_put_on_the_market_or_coming_out_still_is():
    assert readings("陆地航母将于2026年上市。") == {("flying-cars", "commercial-launch", "planned", "2026")}
    assert readings("IRON机器人预计明年面世。") == {("iron", "unveil", "planned", "2026")}


def test_a_video_of_the_topic_released_is_no_unveiling_of_it():
    assert readings("小鹏今日发布了IRON机器人的最新视频。") == set()
    assert readings("小鵬今日發布了IRON機器人的最新影片。", "zh-Hant") == set()


def test_obtained_said_with_a_single_character():
    assert readings("小鵬陸地航母獲民航局核發型號合格證。", "zh-Hant") == {("flying-cars", "certification", "happened", None)}


@pytest.mark.parametrize("text, language, expected", [
    # a plan word in a comparison plans nothing, and a time ending the sentence on its own dates the event
    ("Deliveries of the Land Aircraft Carrier began earlier than expected, in March.", "en",
     {("flying-cars", "delivery", "happened", "2025-03")}),
    ("XPeng began Land Aircraft Carrier deliveries in March, as planned.", "en", {("flying-cars", "delivery", "happened", "2025-03")}),
    # a time fronting the next clause dates that one only
    ("XPeng unveiled IRON; in March, production began.", "en",
     {("iron", "unveil", "happened", None), ("iron", "production-start", "happened", "2025-03")}),
])
def test_a_comparison_with_the_plan_and_a_trailing_time(text, language, expected):
    assert readings(text, language) == expected


def test_an_earlier_generations_production_closes_no_plan_of_the_new_one():
    plan = article("plan", dt.date(2025, 11, 6), "小鹏新一代IRON将于2026年底量产。")
    later = [article("gen1", dt.date(2026, 12, 20), "第一代IRON機器人已經量產。", "zh-Hant"),
             article("gen1-en", dt.date(2026, 12, 21), "The previous-generation IRON robot was mass-produced in 2025.", "en")]
    (row,) = [m for m in milestones(plan, *later, as_of=dt.date(2026, 12, 31)) if m.kind == "mass-production"]
    assert row.status == "upcoming" and not row.reports
    # its unveiling is still the topic's history
    assert readings("XPeng unveiled the first-generation IRON in 2024.", "en") == {("iron", "unveil", "happened", "2024")}


@pytest.mark.parametrize("text, language, expected", [
    # an English verb's direct object naming no topic: the event is done to that object
    ("XPeng launched a marketing campaign for the IRON robot.", "en", set()),
    ("The IRON robot launched XPeng into the humanoid race.", "en", set()),
    ("XPeng tested the market's appetite with the Robotaxi announcement.", "en", set()),
    # …not when the object is the topic, the company's own ("its …"), a pronoun, or the word was a noun
    ("XPeng will release its first production flying car in 2026.", "en", {("flying-cars", "commercial-launch", "planned", "2026")}),
    ("XPeng spent two years developing IRON and will mass-produce it in 2026.", "en", {("iron", "mass-production", "planned", "2026")}),
    ("The Robotaxi launch was delayed to 2027.", "en", {("robotaxi", "unveil", "delayed", "2027")}),
])
def test_an_english_verbs_direct_object_is_what_the_event_is_done_to(text, language, expected):
    assert readings(text, language) == expected


def test_a_topic_named_only_as_whom_the_event_is_for_has_no_event():
    assert readings("小鹏向IRON团队发布了新的研发任务。") == set()
    assert readings("小鵬向IRON團隊發布了新的研發任務。", "zh-Hant") == set()


@pytest.mark.parametrize("text, language, expected", [
    # a verb of intent takes "for" as its object's preposition: a plan, not a purpose
    ("XPeng aims for pilot operations of the Robotaxi in H2 2026.", "en", {("robotaxi", "trial-operation", "planned", "2026-h2")}),
    # a product's name in the plural counts its units
    ("The first batch of Land Aircraft Carriers rolled off the production line on November 3.", "en",
     {("flying-cars", "production-start", "happened", "2025-11-03")}),
    # a kind name's plural is the kind in general: a workshop on foundation models is no world model of XPeng's
    ("Dr. Liu spoke at the Workshop on Foundation Models for Embodied AI on November 3.", "en", set()),
    # a component that will power another maker's cars is rolled out into them
    ("The Turing chip will power Volkswagen's China models from 2027.", "en", {("turing-chip", "rollout", "planned", "2027")}),
])
def test_plans_for_plural_products_and_components_powering_cars(text, language, expected):
    assert readings(text, language) == expected


def test_markdown_bold_left_in_a_text_file_hides_no_name():
    # shown as written on the source page; read as the words it marks
    text = "On March 2nd, XPeng unveiled the second-generation **XPeng VLA 2.0** (Vision-Language-Action) to the press."
    assert readings(text, "en", dt.date(2026, 3, 3)) == {("second-gen-vla", "unveil", "happened", "2026-03-02")}
    assert readings("小鹏**IRON人形机器人**已经启动量产。", "zh-Hans", dt.date(2026, 3, 3)) == {("iron", "mass-production", "happened", None)}


@pytest.mark.parametrize("text, language", [
    ("小鹏Robotaxi原定于2026年启动的试运营将推迟至2027年。", "zh-Hans"),
    ("小鵬Robotaxi原定2026年啟動的試運營將延後到2027年。", "zh-Hant"),
    ("XPeng delayed the start of Robotaxi trial operations from 2026 to 2027.", "en"),
])
def test_a_plan_moved_is_dated_by_the_time_it_is_moved_to_not_the_one_it_had(text, language):
    assert readings(text, language, dt.date(2026, 6, 15)) == {("robotaxi", "trial-operation", "delayed", "2027")}


@pytest.mark.parametrize("text, expected", [
    ("The IRON robot was first shown to the public at XPeng's Tech Day in November 2024.", {("iron", "unveil", "happened", "2024-11")}),
    # an event noun modifying another ("customer deliveries") is no partnership with a customer
    ("The first customer deliveries of the Land Aircraft Carrier are slated for 2026.", {("flying-cars", "delivery", "planned", "2026")}),
])
def test_an_adverb_before_shown_and_an_event_noun_modifying_another(text, expected):
    assert readings(text, "en", dt.date(2026, 6, 15)) == expected


@pytest.mark.parametrize("text, language, expected", [
    # "no" the determiner denies: no timetable, no plans, no guarantee — no event, no plan
    ("XPeng has no timetable for IRON mass production.", "en", set()),
    ("XPeng has no plans for IRON mass production.", "en", set()),
    ("There is no guarantee that XPeng will mass-produce IRON next year.", "en", set()),
    # …but "no later than" is a deadline
    ("XPeng will begin IRON mass production no later than 2026.", "en", {("iron", "mass-production", "planned", "2026")}),
    # "once" is a condition, as 一旦 is: its own event is not done (the plan it conditions stands: see above)
    ("Once certified, the Land Aircraft Carrier will be delivered to customers.", "en", set()),
    ("一旦获得适航证，陆地航母将于明年交付。", "zh-Hans", {("flying-cars", "delivery", "planned", "2026")}),
    # a possibility of moving a plan has not moved it
    ("据报道，小鹏IRON量产计划或将推迟。", "zh-Hans", set()),
    ("據報導，小鵬IRON量產計劃或將延後。", "zh-Hant", set()),
    # "not only … but also", 不只: nothing denied
    ("XPeng not only unveiled IRON but also began its mass production in November.", "en",
     {("iron", "unveil", "happened", "2025-11"), ("iron", "mass-production", "happened", "2025-11")}),
    ("小鹏不只发布了IRON机器人。", "zh-Hans", {("iron", "unveil", "happened", None)}),
    # rides offered to the public: the service is launched
    ("XPeng began offering Robotaxi rides to the public in Guangzhou on Monday.", "en",
     {("robotaxi", "commercial-launch", "happened", "2025-11-17")}),
])
def test_denials_conditions_possibilities_and_additions(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    # what was supposed to happen is a plan, not a report
    ("XPeng was supposed to start IRON mass production in 2025.", "en", {("iron", "mass-production", "planned", "2025")}),
    # an event awaited is talked about
    ("投资者正在等待Robotaxi的发布。", "zh-Hans", set()),
    ("市場正期待小鵬Robotaxi的發布。", "zh-Hant", set()),
    ("Investors are awaiting the Robotaxi launch.", "en", set()),
])
def test_what_was_supposed_to_happen_and_what_is_awaited(text, language, expected):
    assert readings(text, language, dt.date(2026, 6, 15)) == expected


@pytest.mark.parametrize("text, language", [
    # preparing an event, or applying for a permit, is not doing it or holding it
    ("XPeng has started preparations for IRON mass production.", "en"),
    ("小鹏IRON已进入量产准备阶段。", "zh-Hans"),
    ("小鵬IRON的量產準備工作已經啟動。", "zh-Hant"),
    ("小鹏汇天正申请陆地航母的PC生产许可证。", "zh-Hans"),
    ("小鵬匯天正申請陸地航母的PC生產許可證。", "zh-Hant"),
])
def test_preparing_or_applying_is_not_doing(text, language):
    assert readings(text, language) == set()


def test_a_phase_entered_and_a_plan_for_a_named_thing_are_still_plans():
    assert readings("小鹏IRON将于明年进入量产阶段。") == {("iron", "mass-production", "planned", "2026")}
    assert readings("XPeng is about to start IRON mass production next year.", "en") == {("iron", "mass-production", "planned", "2026")}
    assert readings("The plan for IRON mass production in 2026 stands.", "en") == {("iron", "mass-production", "planned", "2026")}


@pytest.mark.parametrize("text, expected", [
    ("XPeng delayed the start of deliveries of the Land Aircraft Carrier to 2027.", {("flying-cars", "delivery", "delayed", "2027")}),
    ("XPeng scrapped its plans for IRON mass production.", {("iron", "mass-production", "dropped", None)}),
])
def test_an_event_after_a_preposition_is_moved_or_dropped_with_it(text, expected):
    assert readings(text, "en") == expected


@pytest.mark.parametrize("text, language", [
    ("何小鵬：IRON明年底量產「絕不跳票」。", "zh-Hant"),
    ("何小鹏：IRON明年底量产绝不会跳票。", "zh-Hans"),
])
def test_a_delay_ruled_out_with_never_is_no_delay(text, language):
    assert readings(text, language) == {("iron", "mass-production", "planned", "2026-q4")}


@pytest.mark.parametrize("text, language, expected", [
    # a clause sharing a plan through 并 is part of the plan: the day of the announcement does not make it done
    ("大陸電動車廠小鵬汽車5日在廣州舉辦科技日，宣布2026年推出三款Robotaxi車型，並在廣州展開試營運。", "zh-Hant",
     {("robotaxi", "commercial-launch", "planned", "2026")}),
    # a unit preparing deliveries has not delivered; "a new generation of its IRON robot" is IRON shown;
    # "and said" begins a second thing said
    ("At its annual technology day on Wednesday, the company showed a new generation of its IRON humanoid robot and said "
     "it would start mass production by the end of next year, while its flying car unit prepares deliveries of the "
     "Land Aircraft Carrier.", "en",
     {("iron", "unveil", "happened", "2025-11-19"), ("iron", "mass-production", "planned", "2026-q4")}),
    # the day shares rose does not date what they rose after
    ("Shares of XPeng rose 8% on Thursday after it showed the IRON robot.", "en", {("iron", "unveil", "happened", None)}),
    # an event word only talked about takes no other's place
    ("XPeng unveiled IRON on Wednesday after months of testing.", "en", {("iron", "unveil", "happened", "2025-11-19")}),
])
def test_what_an_announcement_plans_and_what_a_market_report_dates(text, language, expected):
    assert readings(text, language) == expected


def test_a_short_articles_headline_names_what_its_unnamed_sentences_are_about():
    a = Article(slug="hk", file_name="hk.txt", title="小鵬匯天陸地航母獲型號合格證 下半年交付", outlet="明報", author="",
                date=dt.date(2026, 4, 2), language="zh-Hant", paragraphs=(
                    Paragraph("p0", "小鵬匯天昨日（1日）宣布，旗下分體式飛行汽車「陸地航母」的飛行體已獲中國民航局頒發型號合格證（TC）。"),
                    Paragraph("p1", "公司表示，生產許可證（PC）審定正在進行中，預計今年下半年開始向客戶交付。")))
    found = {(s.topic, s.kind, s.state, s.period.key if s.period else None, s.read) for s in sightings(a)}
    assert found == {("flying-cars", "certification", "happened", "2026-04-01", "clause"),
                     ("flying-cars", "delivery", "planned", "2026-h2", "borrowed")}


@pytest.mark.parametrize("text, language, expected", [
    # 即日起: from the day the text named
    ("小鵬汽車3日宣布，第二代VLA模型即日起向Ultra車型用戶分批推送。", "zh-Hant", {("second-gen-vla", "rollout", "happened", "2026-03-03")}),
    # a car carrying a component made or put on sale is the component rolled out in it
    ("Volkswagen's first China-market model to use XPeng's Turing AI chip rolled off the production line on Saturday.", "en",
     {("turing-chip", "rollout", "happened", "2026-02-28")}),
    ("首款搭载小鹏图灵芯片的大众车型于周六在合肥下线。", "zh-Hans", {("turing-chip", "rollout", "happened", "2026-02-28")}),
    ("搭载图灵芯片的G7已于2025年7月上市。", "zh-Hans", {("turing-chip", "rollout", "happened", "2025-07")}),
    # a service opened to the public
    ("小鵬Robotaxi將於年底前向公眾開放。", "zh-Hant", {("robotaxi", "commercial-launch", "planned", "2026-q4")}),
])
def test_from_that_day_cars_carrying_a_component_results_and_the_public(text, language, expected):
    assert readings(text, language, dt.date(2026, 3, 5)) == expected


@pytest.mark.parametrize("text, language", [
    ("8月19日，小鹏汽车发布2026年第二季度财报。", "zh-Hans"),
    ("XPeng released its financial results for the second quarter on August 19.", "en"),
])
def test_the_quarter_results_cover_is_not_the_day_they_are_released(text, language):
    assert readings(text, language, dt.date(2026, 8, 20)) == {("", "other", "happened", "2026-08-19")}


@pytest.mark.parametrize("text, date, expected", [
    # a year-less month in a clause saying no plan, months ahead of the article, is last year's (a year's review) …
    ("第二代VLA：3月初开始推送，已覆盖全部Ultra车型。", dt.date(2026, 12, 1), {("second-gen-vla", "rollout", "happened", "2026-03")}),
    # … a few days ahead, the coming one (a bare future: 3月19日起逐步推送, said on the 17th)
    ("第二代VLA于3月19日起逐步推送。", dt.date(2026, 3, 17), {("second-gen-vla", "rollout", "planned", "2026-03-19")}),
    # a delay is dated by the time it moves the plan to, not the month it was announced in
    ("IRON：原定今年底量产，7月宣布推迟至明年上半年。", dt.date(2026, 12, 1),
     {("iron", "mass-production", "planned", "2026-q4"), ("iron", "mass-production", "delayed", "2027-h1")}),
    # a question is no delay
    ("問：IRON原本計劃今年底量產，為什麼要延後？", dt.date(2026, 8, 2), {("iron", "mass-production", "planned", "2026-q4")}),
    # a count before an event word that goes on as the predicate: a delivery, not a thing delivered
    ("陆地航母首批用户交付已于11月开始。", dt.date(2026, 12, 1), {("flying-cars", "delivery", "happened", "2026-11")}),
])
def test_a_years_review_a_delay_announced_a_question_and_a_first_delivery(text, date, expected):
    assert readings(text, "zh-Hans", date) == expected


def test_later_sources_restating_a_moved_plan_join_its_row():
    plan = article("plan", dt.date(2026, 6, 11), "公司重申，IRON将于今年第四季度实现规模量产。")
    moved = article("moved", dt.date(2026, 7, 15), "XPeng has pushed back mass production of its IRON humanoid robot to the first half of 2027.", "en")
    restated = [article("review", dt.date(2026, 12, 1), "IRON：原定今年底量产，7月宣布推迟至明年上半年。"),
                article("opinion", dt.date(2026, 11, 20), "IRON was supposed to enter mass production by the end of 2026.", "en")]
    (row,) = [m for m in milestones(plan, moved, *restated, as_of=dt.date(2026, 12, 1)) if m.kind == "mass-production"]
    assert row.status == "moved" and row.moved_to.label == "2027 H1"
    assert {c.article.slug for c in row.citations} == {"plan", "moved", "review", "opinion"}


@pytest.mark.parametrize("text, language, expected", [
    # a rumour of a plan's change changes nothing, nor does what unnamed sources say, before or after it
    ("近日，有网络传言称小鹏IRON人形机器人量产计划已被取消。", "zh-Hans", set()),
    ("据知情人士透露，小鹏IRON量产计划已被搁置。", "zh-Hans", set()),
    ("XPeng will begin IRON mass production in 2026, according to people familiar with the matter.", "en", set()),
    ("消息指，小鵬Robotaxi將於下月在廣州全面向公眾開放。", "zh-Hant", set()),  # Hong Kong's "sources say"
    ("XPeng will begin IRON mass production in 2026, the company said.", "en", {("iron", "mass-production", "planned", "2026")}),
    # a pause puts off, it does not give up; the day of what it came after is not its day
    ("XPeng has temporarily suspended robotaxi road testing in Shenzhen after a minor collision on Monday.", "en",
     {("robotaxi", "pilot", "delayed", None)}),
    ("小鹏暂停了Robotaxi在深圳的道路测试。", "zh-Hans", {("robotaxi", "pilot", "delayed", None)}),
    # 该模型 in a clause is something named before, not the topic a later clause names
    ("小鵬去年4月首次公開該模型，目前已用於第二代VLA的訓練。", "zh-Hant", set()),
])
def test_rumours_unnamed_sources_pauses_and_this_model(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("The Robotaxi, which went into trial operation in March, will be opened to the public in December.", "en",
     {("robotaxi", "trial-operation", "happened", "2026-03"), ("robotaxi", "commercial-launch", "planned", "2026-12")}),
    ("图灵芯片已累计装车超过30万台。", "zh-Hans", {("turing-chip", "rollout", "happened", None)}),
    ("Volkswagen will start using XPeng's Turing chip in its China models next year.", "en", {("turing-chip", "rollout", "planned", "2027")}),
    # announcing that code will be opened is no car fitted with it
    ("對于第二代VLA，何小鵬已宣布面向全球商業伙伴開源。", "zh-Hant", set()),
])
def test_opened_to_the_public_fitted_into_cars_and_not(text, language, expected):
    assert readings(text, language, dt.date(2026, 11, 15)) == expected


@pytest.mark.parametrize("text, language, expected", [
    # a form of "be" before a noun phrase describes the event, it does not report it
    ('He said delaying the mass production of the IRON robot was "the right decision".', "en", set()),
    ("Mass production of IRON was completed in October.", "en", {("iron", "mass-production", "happened", "2025-10")}),
    # 应: what should happen by the plan
    ("按照最初的计划，IRON应在2026年底实现规模量产。", "zh-Hans", {("iron", "mass-production", "planned", "2026-q4")}),
])
def test_a_description_of_the_event_and_what_should_happen(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text", ["小鵬IRON可望於明年上半年量產。", "小鵬IRON料於明年上半年量產。", "小鵬力拚IRON明年上半年量產。",
                                  "小鵬IRON最快明年上半年量產。", "小鵬盼IRON明年上半年量產。"])
def test_hong_kong_and_taiwan_words_of_plan_say_it_is_planned(text):
    (found,) = sightings(article("a", dt.date(2026, 11, 15), text, "zh-Hant"))
    assert (found.kind, found.state, found.period.key) == ("mass-production", "planned", "2027-h1") and found.marker


def test_hong_kong_and_taiwan_words_of_plan_with_a_time_around_the_article():
    assert readings("小鵬IRON年內可望量產。", "zh-Hant", dt.date(2026, 11, 15)) == {("iron", "mass-production", "planned", "2026")}


def test_an_adverb_and_a_participle_after_a_determiner_describe_a_thing():
    # "the first jointly developed robotaxi model" is a model, its unveiling the event
    assert readings("Under the deal, the first jointly developed robotaxi model is scheduled to be unveiled in 2028.", "en",
                    dt.date(2026, 12, 15)) == {("robotaxi", "unveil", "planned", "2028")}
    # "its first mass-produced robotaxi" still tells of production started
    assert ("robotaxi", "production-start", "happened", "2026-12-14") in readings(
        "On Monday, XPeng said its first mass-produced robotaxi had officially rolled out in Guangzhou.", "en", dt.date(2026, 12, 15))


def test_what_comes_after_an_event_is_a_thing_described():
    # 正式运营后的价格: the price after commercial operation, which the clause does not say has begun
    assert readings("试运营期间免费，正式运营后的价格尚未公布。", "zh-Hans", dt.date(2026, 12, 9)) == set()
    assert readings("小鹏Robotaxi已于11月正式运营。", "zh-Hans", dt.date(2026, 12, 9)) == {("robotaxi", "commercial-launch", "happened", "2026-11")}


@pytest.mark.parametrize("text, language, expected", [
    # a first showing in one place is no unveiling; a first public showing is
    ("小鵬匯天旗下「陸地航母」飛行汽車今日首度在台灣亮相，於台北車展展出。", "zh-Hant", set()),
    ("陆地航母于11月首次在迪拜亮相。", "zh-Hans", set()),
    ("小鹏IRON人形机器人今日首次公开亮相。", "zh-Hans", {("iron", "unveil", "happened", "2025-11-20")}),
])
def test_a_first_showing_in_one_place_is_no_unveiling(text, language, expected):
    assert readings(text, language) == expected


@pytest.mark.parametrize("text, expected", [
    # a service launched, in the passive, is a commercial launch, not an unveiling
    ("The robotaxi service will not be launched in Shenzhen until 2027.", {("robotaxi", "commercial-launch", "planned", "2027")}),
    ("XPeng's Robotaxi service was officially launched in Guangzhou on Monday.", {("robotaxi", "commercial-launch", "happened", "2026-12-14")}),
    # what would have happened did not
    ("XPeng would have begun IRON mass production this year had its suppliers been ready.", set()),
    ("XPeng said it would have the IRON robot in mass production by 2027.", {("iron", "mass-production", "planned", "2027")}),
])
def test_a_service_launched_in_the_passive_and_what_would_have_happened(text, expected):
    assert readings(text, "en", dt.date(2026, 12, 20)) == expected


def test_a_paragraph_opening_with_a_label_is_about_what_it_names():
    a = Article(slug="review", file_name="review.txt", title="XPeng's 2026 in review", outlet="Electrek", author="",
                date=dt.date(2026, 12, 28), language="en", paragraphs=(
                    Paragraph("p0", "2. Robotaxi: partly delivered. Trial operations began in Guangzhou in March, but the public "
                                    "launch slipped from late 2026 to early 2027."),
                    Paragraph("p1", "3. IRON: delayed. Mass production was pushed to the first half of 2027.")))
    found = {(s.topic, s.kind, s.state, s.period.key if s.period else None) for s in sightings(a)}
    # a verdict ("partly delivered") is no delivery; "public launch" is the service's
    assert found == {("robotaxi", "trial-operation", "happened", "2026-03"), ("robotaxi", "commercial-launch", "delayed", "2027-h1"),
                     ("iron", "mass-production", "delayed", "2027-h1")}


@pytest.mark.parametrize("text, expected", [
    ("小鵬IRON量產押後至明年上半年。", {("iron", "mass-production", "delayed", "2027-h1")}),  # Hong Kong's "postponed to"
    ("小鵬喊停Robotaxi在深圳的試營運。", {("robotaxi", "trial-operation", "dropped", None)}),
])
def test_hong_kong_words_for_postponing_and_calling_off(text, expected):
    assert readings(text, "zh-Hant", dt.date(2026, 12, 20)) == expected
