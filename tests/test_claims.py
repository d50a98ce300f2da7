"""Claims and the infobox: whose number, what it measures, as of when, fact or target."""
import dataclasses
import datetime as dt

import pytest

from build_scripts.data.schema import DataFileError
from build_scripts.knowledge.claims import article_claims, load_knowledge
from build_scripts.knowledge.classify import classify_article
from build_scripts.knowledge.infobox import build_infobox
from build_scripts.knowledge.taxonomy import load_topics
from build_scripts.reading.corpus import parse_article
from conftest import build_site, page


def article(text: str, date=dt.date(2025, 11, 6), name="t.txt", title="测试报道"):
    return dataclasses.replace(parse_article(name, title + "\n\n" + text, {}).article, date=date)


def claims_of(*articles):
    found = []
    for one in articles:
        found += article_claims(classify_article(one, load_topics()))
    return found


def said(text: str, **kwargs) -> set[tuple]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(article(text, **kwargs))}


# --- which subject ------------------------------------------------------------------


def test_a_sentence_naming_two_products_ties_each_number_to_its_own_product():
    assert said("新款Ultra车型搭载3颗图灵芯片，而IRON机器人只用2颗图灵芯片。") == {
        ("g7-ultra", "turing-chips", 3.0), ("iron", "turing-chips", 2.0),
    }
    assert said("The G7 Ultra carries three Turing chips; the IRON robot uses two Turing chips.") == {
        ("g7-ultra", "turing-chips", 3.0), ("iron", "turing-chips", 2.0),
    }


def test_the_chips_compute_in_a_sentence_counting_them_on_a_product_is_the_products():
    assert said("全新一代IRON搭载3颗图灵AI芯片，有效算力2250TOPS。") == {
        ("iron", "turing-chips", 3.0), ("iron", "compute", 2250.0),
    }


def test_one_chips_own_compute_stays_the_chips():
    assert said("Each Turing chip offers 700 TOPS; the G7 Ultra carries three Turing chips.") == {
        ("turing-chip", "compute", 700.0), ("g7-ultra", "turing-chips", 3.0),
    }


def test_english_order_counts_without_a_unit_word_are_read():
    assert said("The Land Aircraft Carrier has received more than 4,000 orders worldwide.") == {
        ("land-aircraft-carrier", "orders", 4000.0),
    }


def test_a_count_in_aircraft_or_units_and_a_preorder_count_are_read():
    assert said("The flying car factory has an annual capacity of 10,000 aircraft modules.") == {
        ("flying-car-factory", "annual-capacity", 10000.0),
    }
    assert said("Preorder interest for the Land Aircraft Carrier stands at roughly 7,000 units.") == {
        ("land-aircraft-carrier", "orders", 7000.0),
    }


def test_a_unit_joined_to_its_number_by_a_hyphen_is_read():
    assert said("The flying car factory is a 120,000-square-meter site in Guangzhou.") == {
        ("flying-car-factory", "floor-area", 120000.0),
    }


def test_a_size_of_some_other_model_is_not_the_articles_model():
    text = ("小鹏的世界基座模型目前是72B的规模。真正部署的模型多在5B以下，比如别家的VLA司机大模型规模是4B。"
            "3颗芯片最高能够支持30B参数量的模型。")
    assert said(text, title="小鹏世界基座模型的规模") == {("world-model", "parameters", 72e9)}


def test_a_bare_noun_continuing_the_subject_still_names_it():
    found = said("小鹏全新一代IRON人形机器人亮相。机器人身高173公分、体重70公斤。", title="IRON机器人亮相")
    assert ("iron", "height", 1.73) in found and ("iron", "weight", 70.0) in found


def test_a_question_states_no_figure():
    assert said("小鹏世界基座模型是72B的规模。30B是什么概念？", title="小鹏世界基座模型") == {("world-model", "parameters", 72e9)}


def test_a_clause_naming_no_subject_takes_the_one_named_before_it():
    assert said("这款人形机器人IRON亮相。它全身拥有60个自由度，且手有20个自由度。") == {
        ("iron", "degrees-of-freedom", 60.0), ("iron", "hand-degrees-of-freedom", 20.0),
    }


def test_a_number_naming_no_attribute_is_no_claim():
    assert said("小鹏IRON人形机器人在展台上走了300米，吸引了2000名观众。") == set()


def test_a_list_of_model_sizes_is_no_single_models_parameter_count():
    assert said("团队在 5 亿、20 亿、80 亿参数的基座模型上都验证了规模法则。") == set()


def test_the_industrys_number_is_not_the_products():
    assert said("当前主流的智驾系统，如运行在两颗 Orin 上的系统，大部分只能支持 0.3-0.8 亿参数。") == set()


# --- company numbers ----------------------------------------------------------------


def test_company_numbers_never_become_a_products_claim():
    text = (
        "小鹏IRON人形机器人亮相当天，小鹏美股股价一度上涨超12%。"
        "小鹏汽车10月交付新车4.1万辆，同比增长80%。"
        "IRON人形机器人的目标是2030年销量达到50万台。"
    )
    assert said(text) == set()


# --- fact, target, forecast; as of when ------------------------------------------------


def test_future_and_planned_values_are_targets_and_forecasts_not_facts():
    (height,) = claims_of(article("IRON人形机器人的量产版本身高将不高于1.6米。"))
    assert (height.attribute, height.value, height.qualifier, height.status) == ("height", 1.6, "at most", "target")
    (price,) = claims_of(article("Aridge intends to price the Land Aircraft Carrier under $250,000 in China."))
    assert (price.subject, price.value, price.unit, price.status) == ("land-aircraft-carrier", 250000.0, "usd", "target")
    (speed,) = claims_of(article("A868最高航速预计可达300公里/小时。"))
    assert speed.status == "forecast"
    (dof,) = claims_of(article("IRON全身拥有70个自由度。"))
    assert dof.status == "fact"


def test_as_of_is_the_sentences_own_date_else_the_articles():
    own, publication = claims_of(article("到了今年二季度，第二代VLA用了8000万视频Clips训练。第二代VLA的接管里程提升了9倍。", date=dt.date(2025, 11, 6)))
    assert (own.as_of.label, own.dated_by) == ("2025 Q2", "sentence")
    assert (publication.as_of.label, publication.dated_by) == ("2025-11-06", "article")
    (clips,) = claims_of(article("世界基座模型的训练视频数据量已达到 3000 万 clips。", date=dt.date(2025, 4, 17)))
    assert clips.as_of.label == "2025-04-17"  # the number itself is no year 3000


# --- progression, disagreement, target next to a fact ---------------------------------


def infobox_of(*articles):
    return build_infobox("flying-cars" if "航母" in articles[0].paragraphs[0].text else "iron", claims_of(*articles), load_knowledge())


def test_one_attribute_at_different_times_is_a_progression_not_a_disagreement():
    september = article("陆地航母的全球订单已超过4000台。", dt.date(2025, 9, 1), "a.txt")
    november = article("陆地航母全球订单累计突破6,000台。", dt.date(2025, 11, 5), "b.txt")
    (row,) = infobox_of(november, september).rows
    assert row.id == "land-aircraft-carrier-orders"
    assert [v.value for v in row.facts] == [4000.0, 6000.0]  # oldest first
    assert not row.differences


def test_different_facts_at_the_same_time_are_a_disagreement_that_says_what_differs():
    one = article("IRON的手部拥有18个自由度。", dt.date(2025, 11, 5), "a.txt")
    other = article("IRON机器人的手有12个自由度。", dt.date(2025, 11, 7), "b.txt")
    (row,) = infobox_of(one, other).rows
    (difference,) = row.differences
    assert difference.attribute.id == "hand-degrees-of-freedom" and difference.subject.id == "iron"
    assert {v.value for v in difference.values} == {18.0, 12.0} and difference.days_apart == 2


def test_a_target_next_to_a_fact_is_shown_as_a_target_not_as_a_disagreement():
    text = "IRON人形机器人目前身高1.8米。IRON人形机器人的量产版本身高将不高于1.6米。"
    (row,) = infobox_of(article(text)).rows
    assert [v.value for v in row.facts] == [1.8] and [v.value for v in row.plans] == [1.6]
    assert row.plans[0].status == "target" and not row.differences


def test_values_that_can_both_hold_are_no_disagreement():
    one = article("Ultra车型搭载3颗图灵芯片，有效算力超过2100TOPS。", dt.date(2025, 11, 5), "a.txt")
    other = article("Ultra车型搭载3颗图灵芯片，有效算力2150TOPS。", dt.date(2025, 11, 6), "b.txt")
    box = build_infobox("turing-chip", claims_of(one, other), load_knowledge())
    compute = next(r for r in box.rows if r.id == "g7-ultra-compute")
    assert len(compute.facts) == 2 and not compute.differences


# --- knowledge in YAML ----------------------------------------------------------------


def test_an_attribute_with_an_unknown_unit_fails_naming_the_file_the_entry_and_what_to_do(tmp_path):
    subjects = tmp_path / "subjects.yml"
    subjects.write_text("subjects:\n  - {id: iron, topic: iron, aliases: {zh: [IRON]}}\n", encoding="utf-8")
    attributes = tmp_path / "attributes.yml"
    attributes.write_text(
        "attributes:\n  - {id: weight, label_zh: 体重, units: [kilograms], cues: {zh: [体重]}, subjects: [iron]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as error:
        load_knowledge.__wrapped__(subjects, attributes)
    message = str(error.value)
    assert message.startswith(f"{attributes}, line 2, attribute #1 (id 'weight'): unit 'kilograms' is not in units.yml")
    assert "add it there or use one of" in message


# --- the built page -----------------------------------------------------------------------

FIRST = """IRON 手部自由度公布

来源: 测试网 发布时间: 2025-11-05 10:00:00

小鹏全新一代IRON人形机器人今日亮相，全身拥有70个自由度，且手有18个自由度。
"""

SECOND = """IRON 再报道

来源: 另一网 发布时间: 2025-11-07 09:00:00

据介绍，小鹏IRON机器人的手有12个自由度。
"""


def test_the_infobox_row_carries_the_value_with_its_citation_and_keeps_its_id(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(FIRST, encoding="utf-8")
    result = build_site(tmp_path / "one", seeds)
    assert result.returncode == 0, result.stderr
    html = page(tmp_path / "one" / "site", "topics/iron/")
    row = html.select_one("p.kb-figure#iron-hand-degrees-of-freedom")
    assert "18 自由度" in row.get_text() and "手部自由度" in row.get_text()
    link = row.select_one("a.kb-cite")
    assert "手有18个自由度" in link["title"] and link["href"].startswith("../../sources/a/#p-")
    assert html.select_one("#fig-dof-18").parent is row  # the former key-figure id lands on the row
    assert not html.select(".admonition.warning")

    (seeds / "b.txt").write_text(SECOND, encoding="utf-8")
    result = build_site(tmp_path / "two", seeds)
    assert result.returncode == 0, result.stderr
    html = page(tmp_path / "two" / "site", "topics/iron/")
    row = html.select_one("p.kb-figure#iron-hand-degrees-of-freedom")  # same id with a second source
    assert "18 自由度" in row.get_text() and "12 自由度" in row.get_text()
    (box,) = html.select(".admonition.warning")
    assert "手部自由度" in box.get_text() and "2 天" in box.get_text()
    assert "#iron-hand-degrees-of-freedom" in {a.get("href") for a in box.select("a")}


def test_a_text_value_in_either_script_is_one_value_not_a_disagreement():
    simplified = article("全新一代IRON行业首发应用全固态电池。", dt.date(2025, 11, 5), "a.txt")
    traditional = article("新一代人形機械人IRON首次應用全固態電池。", dt.date(2025, 11, 6), "b.txt")
    (row,) = infobox_of(simplified, traditional).rows
    assert row.id == "iron-battery" and len(row.values) == 1 and len(row.values[0].citations) == 2
    assert not row.differences


# --- growth: work and boxes grow linearly with what an article states ----------------------


def test_many_values_of_one_attribute_give_one_box_listing_a_few_and_counting_the_rest():
    text = "".join(f"IRON人形机器人的算力为{1000 + 7 * i}TOPS。" for i in range(120))
    (row,) = infobox_of(article(text)).rows
    (difference,) = row.differences  # one box per row, not one per pair (7,140)
    assert len(difference.values) == 8 and difference.more == 112


def test_the_hands_degrees_of_freedom_named_in_the_clause_before_are_the_hands():
    assert said("IRON人形机器人的双手采用仿生设计，具备15个自由度。") == {("iron", "hand-degrees-of-freedom", 15.0)}


def test_height_and_weight_in_regional_units_are_read_in_base_units():
    assert said("IRON人形機器人身高178公分，體重70公斤。") == {("iron", "height", 1.78), ("iron", "weight", 70.0)}


@pytest.mark.parametrize("text", ["The IRON robot is 1.73m tall.", "The IRON robot is 1.73 m tall."])
def test_a_length_in_the_metre_symbol_is_read(text):
    assert said(text) == {("iron", "height", 1.73)}


def test_operations_per_second_written_out_are_tops():
    assert said("The IRON robot's chips deliver 2,250 trillion operations per second.") == {("iron", "compute", 2250.0)}


def test_reading_a_one_paragraph_article_grows_linearly_with_its_length():
    import time

    def seconds(sentences: int) -> float:
        body = "".join(f"IRON人形机器人第{i}次测试时，图灵芯片表现稳定，G7 Ultra车型也参与了测试，算力为{2000 + i}TOPS。" for i in range(sentences))
        passages = classify_article(article(body), load_topics())
        started = time.perf_counter()
        article_claims(passages)
        return time.perf_counter() - started

    seconds(50)  # warm the loaded knowledge
    # the fastest of three: on a busy machine one slow run of the short text alone would read as quadratic
    small, large = min(seconds(300) for _ in range(3)), min(seconds(1200) for _ in range(3))
    assert large / small < 8  # four times the text: about 4 when linear, 16 when quadratic


def test_a_time_in_a_clause_about_another_subject_does_not_date_a_value():
    (claim,) = [c for c in claims_of(article("2024年小鹏发布了G7 Ultra，全新IRON人形机器人拥有82个自由度。")) if c.attribute == "degrees-of-freedom"]
    assert claim.dated_by == "article" and claim.as_of.label == "2025-11-06"
    (claim,) = [c for c in claims_of(article("2025年11月，IRON人形机器人拥有82个自由度。")) if c.attribute == "degrees-of-freedom"]
    assert claim.dated_by == "sentence" and claim.as_of.label == "2025-11"


def test_in_one_long_paragraph_only_the_sentences_after_a_competitor_are_the_competitors():
    from build_scripts.knowledge.compose import not_a_fact, load_signals
    passages = classify_article(article(
        "小鹏汇天广州工厂传来消息，陆地航母已拿下超7000个订单。这款双座飞行器可由专用六轮车运输。"
        "中国的亿航智能已取得商业化运营资质，计划推出2000架空中出租车。"), load_topics())
    excluded = not_a_fact(passages, load_signals())
    kept = [p.text for p in passages if id(p) not in excluded]
    assert any("六轮车" in t for t in kept)
    assert not any("2000架" in t for t in kept)


def test_seats_wheels_and_orders_said_in_chinese_count_words_are_read():
    found = said("这款双座飞行器能够垂直起降，可由专用六轮车运输，被称作“陆地航母”。陆地航母眼下已拿下超7000个订单。",
                 title="陆地航母")
    assert {("land-aircraft-carrier", "seats", 2.0), ("land-aircraft-carrier", "wheels", 6.0),
            ("land-aircraft-carrier", "orders", 7000.0)} <= found


def test_two_wheel_drive_as_an_idiom_is_no_wheel_count():
    assert not any(a == "wheels" for _, a, _ in said("陆地航母在政策和资本的双轮驱动下发展。", title="陆地航母"))


def test_a_reference_word_takes_the_subject_named_paragraphs_before():
    text = ("XPeng showed its Land Aircraft Carrier in Guangzhou.\n\n"
            "The flying car factory has an annual capacity of 10,000 aircraft modules.\n\n"
            "The vehicle pairs a detachable eVTOL aircraft with a six-wheel mothership.")
    assert ("land-aircraft-carrier", "wheels", 6.0) in said(text, title="Aridge flying cars")
    # without the reference word the number has no subject of its own
    assert not any(a == "wheels" for _, a, _ in said(text.replace("The vehicle pairs", "It pairs"), title="Aridge flying cars"))



def test_the_architecture_refers_to_the_model_named_before_it():
    text = ("XPeng's VLA 2.0 drops the language layer between vision and action.\n\n"
            "Four Turing chips stand behind it.\n\n"
            "The architecture compresses response latency to under 80 milliseconds.")
    assert ("vla2", "latency", 80.0) in said(text, title="XPeng robotaxi")
    assert not any(a == "latency" for _, a, _ in said(text.replace("The architecture compresses", "Engineers compress"),
                                                        title="XPeng robotaxi"))


@pytest.mark.parametrize("text", [
    "China's Aridge has started trial production at the world's first flying car factory.\n\n"
    "The 120,000-square-meter facility has built its first aircraft for the modular Land Aircraft Carrier.",
    "小鹏汇天的飞行汽车工厂已经试产。\n\n这座占地12万平方米的工厂已为陆地航母造出首台飞行器。",
])
def test_a_number_inside_a_reference_words_phrase_describes_what_it_refers_to(text):
    # the clause also names the aircraft; the area is the plant's, which "the … facility" refers to
    assert ("flying-car-factory", "floor-area", 120000.0) in said(text)


@pytest.mark.parametrize("text", [
    "IRON人形機器人搭載自研AI晶片，能運行30億個AI參數。",
    "IRON人形机器人搭载自研AI芯片，能运行30亿个AI参数。",
    "The IRON humanoid robot runs an on-board AI model of 3 billion parameters.",
])
def test_a_robots_on_board_model_size_is_the_robots_parameter_count(text):
    """A model's size is said of whatever runs it: the robot's own model is IRON's row, not the world model's."""
    assert ("iron", "parameters", 3e9) in said(text)


@pytest.mark.parametrize("text", [
    "于是就有了3颗图灵AI芯片、2200TOPS算力。",
    "以三顆自研圖靈晶片（峰值算力 2250TOPS）為基礎。",
    "Three Turing chips together deliver 2,250 TOPS.",
])
def test_the_compute_of_several_chips_counted_together_is_no_single_chips(text):
    """One Turing chip is not 2,250 TOPS: with no car named to carry them, the total is nobody's row."""
    assert not {c for c in said(text) if c[:2] == ("turing-chip", "compute")}, said(text)


def test_one_chips_compute_beside_a_count_is_still_the_chips_when_the_clause_says_each():
    assert ("turing-chip", "compute", 750.0) in said("3颗图灵芯片中，单颗图灵芯片算力达750TOPS。")


@pytest.mark.parametrize("text, shown", [
    ("IRON人形机器人算力最高可达2250TOPS。", "最高 2,250 TOPS"),
    ("IRON人形機器人算力最高可達2250TOPS。", "最高 2,250 TOPS"),
    ("The IRON robot offers up to 2,250 TOPS of compute.", "最高 2,250 TOPS"),
    ("The IRON robot offers 2,250+ TOPS of compute.", "至少 2,250 TOPS"),
])
def test_the_infobox_says_a_qualifier_with_the_overviews_word(text, shown):
    from build_scripts.pages.infobox import value_label

    labels = [value_label(v) for row in infobox_of(article(text)).rows for v in row.values]
    assert labels == [shown], labels


@pytest.mark.parametrize("text, expected", [
    # prices in words of currency
    ("The Land Aircraft Carrier is priced at under 2 million yuan.", ("land-aircraft-carrier", "price", 2000000.0)),
    ("The A868 will be priced at about 1.5 million US dollars.", ("a868", "price", 1500000.0)),
    ("The Land Aircraft Carrier sells for under 2 million yuan.", ("land-aircraft-carrier", "price", 2000000.0)),
    ("陆地航母售价不超过200万元。", ("land-aircraft-carrier", "price", 2000000.0)),
    # a plus sign after the number: at least that many
    ("小鹏G7 Ultra的算力为2200+TOPS。", ("g7-ultra", "compute", 2200.0)),
    ("陸地航母已獲得5000+訂單。", ("land-aircraft-carrier", "orders", 5000.0)),
    # a starting price
    ("陸地航母起價199萬元。", ("land-aircraft-carrier", "price", 1990000.0)),
    ("The Land Aircraft Carrier starts at 1.99 million yuan.", ("land-aircraft-carrier", "price", 1990000.0)),
    # seats said as the people carried
    ("The Land Aircraft Carrier's aircraft seats two.", ("land-aircraft-carrier", "seats", 2.0)),
    ("陸地航母飛行體可搭載2人。", ("land-aircraft-carrier", "seats", 2.0)),
    ("陆地航母飞行体可乘坐两人。", ("land-aircraft-carrier", "seats", 2.0)),
    # the model's everyday name
    ("The world model has 72 billion parameters.", ("world-model", "parameters", 72e9)),
    # operations counted in Chinese
    ("IRON機器人的晶片每秒可進行2250兆次運算。", ("iron", "compute", 2250.0)),
    ("IRON机器人的芯片每秒可进行2250万亿次运算。", ("iron", "compute", 2250.0)),
    # the body's freedom, not the hand's named after it
    ("IRON has 82 degrees of freedom across its body and 22 in each hand.", ("iron", "degrees-of-freedom", 82.0)),
    # a speed said in kilometres
    ("A868最高时速360公里，续航500公里。", ("a868", "top-speed", 360.0)),
    ("A868最高時速可達360公里。", ("a868", "top-speed", 360.0)),
])
def test_figures_said_in_other_words_than_a_unit_after_the_number(text, expected):
    assert expected in said(text), said(text)
    assert not any(c[:2] == ("iron", "hand-degrees-of-freedom") for c in said(text))


def test_what_making_a_product_cost_is_not_its_price():
    assert said("The Land Aircraft Carrier's development cost 1 billion yuan.") == set()


def test_a_relative_clause_after_a_rivals_product_says_its_number_of_that_product():
    assert said("The Turing chip delivers three times the compute of Nvidia's Orin-X, which offers 254 TOPS.") == set()
    assert said("IRON, which stands 178 cm tall, weighs 70 kg.") == {("iron", "height", 1.78), ("iron", "weight", 70.0)}


@pytest.mark.parametrize("text", [
    "初代IRON有62个自由度。",
    "上一代IRON擁有62個自由度。",
    "The previous-generation IRON had 62 degrees of freedom.",
    "The previous IRON had 62 degrees of freedom; the new one has 82.",
    "早期IRON拥有62个自由度。",
])
def test_an_earlier_generations_figure_is_not_the_products(text):
    assert not any(a == "degrees-of-freedom" for _, a, _ in said(text))


def test_earlier_said_as_an_adverb_is_no_earlier_generation():
    assert said("XPeng had said earlier that the IRON robot carries three Turing chips.") == {("iron", "turing-chips", 3.0)}


def test_the_new_generations_figure_is_the_products():
    assert ("iron", "degrees-of-freedom", 82.0) in said("新一代IRON有82个自由度。")


def test_hong_kong_counts_chips_li():
    assert said("IRON機器人配備3粒圖靈AI晶片，算力達2250TOPS。") == {("iron", "turing-chips", 3.0), ("iron", "compute", 2250.0)}


@pytest.mark.parametrize("sentence, expected", [
    ("XPeng's 72-billion-parameter world model was shown in Hong Kong.", {("world-model", "parameters", 72000000000.0)}),
    ("The A868 can carry up to six passengers.", {("a868", "seats", 6.0)}),
])
def test_a_compound_modifier_and_a_count_carried_are_read_as_english_writes_them(sentence, expected):
    assert said(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "智元机器人的人形机器人身高175厘米，体重55公斤。",
    "NewCo's humanoid robot is 1.75 meters tall and weighs 55 kg.",
    "國內多家企業的人形機器人身高約170公分。",
])
def test_another_makers_thing_of_the_topics_kind_gives_no_figure(sentence):
    assert said(sentence) == set()


def test_the_companys_own_thing_of_that_kind_still_gives_its_figure():
    assert said("小鹏汽车的人形机器人身高178厘米。") == {("iron", "height", 1.78)}
    assert said("XPeng's humanoid robot stands 178 cm tall.") == {("iron", "height", 1.78)}


def test_a_reference_word_after_two_things_of_its_noun_gives_no_subject():
    two_models = article("小鹏汽车近日透露，其720亿参数的世界基座模型已完成新一轮训练，并将于二季度用于第二代VLA的迭代。\n\n"
                         "该模型在云端训练，使用了3万张卡的算力集群。", title="小鹏世界基座模型再升级")
    assert {(c.subject, c.attribute) for c in claims_of(two_models)} == {("world-model", "parameters")}
    one_model = article("小鹏第二代VLA已开始推送。\n\n该模型的训练使用了3万张卡的算力集群。", title="小鹏第二代VLA开始推送")
    assert {(c.subject, c.attribute, c.value) for c in claims_of(one_model)} == {("vla2", "training-cluster", 30000.0)}


@pytest.mark.parametrize("text, expected", [
    # how much a value changed is not the value; a value a change reaches is
    ("小鹏IRON人形机器人量产版身高168厘米。与工程样机相比，IRON身高降低了10厘米，体重减轻了8公斤。", {("iron", "height", 1.68)}),
    ("IRON的身高比样机低10厘米。", set()),
    ("The IRON robot's height was cut by 10 cm to 1.68 m.", {("iron", "height", 1.68)}),
    ("第二代VLA的系统延迟降至80毫秒。", {("vla2", "latency", 80.0)}),
    # a gain measured in per cent or times is its own value
    ("第二代VLA在复杂路段的接管次数可减少13倍。", {("vla2", "takeover-gain", 13.0)}),
    # what it will cost is its price; what it rose from is not
    ("XPeng's Land Aircraft Carrier will cost 2.2 million yuan, up from the 2 million yuan ceiling it had promised.",
     {("land-aircraft-carrier", "price", 2_200_000.0)}),
])
def test_a_change_is_not_a_value(text, expected):
    assert said(text) == expected


def test_a_stock_price_target_is_no_products_price():
    assert said("Morgan Stanley raised its price target on XPeng to $32, citing progress in its robotaxi business.") == set()
    assert said("摩根士丹利将小鹏目标价上调至32美元，看好其Robotaxi业务。") == set()


@pytest.mark.parametrize("text, expected", [
    # the noun before the count, 个 after it: 自由度达到90个
    ("新一代IRON全身自由度达到90个，比上一代多8个。", {("iron", "degrees-of-freedom", 90.0)}),
    ("IRON的双手自由度达到22个，全身自由度达到90个。", {("iron", "hand-degrees-of-freedom", 22.0), ("iron", "degrees-of-freedom", 90.0)}),
])
def test_degrees_of_freedom_named_before_their_count(text, expected):
    assert said(text) == expected


@pytest.mark.parametrize("text", ["The A868 flies at speeds of up to 360 kilometres per hour.", "A868最高时速可达360千米每小时。"])
def test_a_speed_written_out_is_in_kilometres_per_hour(text):
    assert said(text) == {("a868", "top-speed", 360.0)}


@pytest.mark.parametrize("text, expected", [
    ("XPeng's world model has 72bn parameters.", {("world-model", "parameters", 72e9)}),
    ("IRON has 82 DoF.", {("iron", "degrees-of-freedom", 82.0)}),
])
def test_english_shorthand_for_billions_and_degrees_of_freedom(text, expected):
    assert said(text) == expected
