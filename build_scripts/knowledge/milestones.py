"""Passages → Sightings (one sentence stating an event) → Milestones with a status.

A sentence states a milestone when a clause of it has an event word of a
kind (data/milestones.yml) that names an event, not a thing, and the clause
says in its own words what became of it (clauses.py: planned, happened,
dropped, delayed; a mention, a condition or a denial states none). Its
subject is the topic the clause names, else the one named before it in the
sentence or referred to (它, 这款机器人), else the article's — a borrowed
reading, never headlined (Milestone.confident). Its time is the clause's own
(data/time_rules.yml, timing.py), or a time framing the sentence. Each
Sighting records how it was read (Sighting.how).

track() then keeps one Milestone per (topic, kind, period) — however many
articles and scripts state it — and gives it a status as of a date (the
newest article's, so builds are reproducible): upcoming; done (on time, or
late by how much); moved (a later source gives a later date); overdue (the
date passed and these sources report nothing); dropped. Only a report read
from its own clause, in an article dated after the plan's, closes, moves or
drops a plan. Every status keeps the citations it rests on. Nothing dated
after the article that states it is ever taken as happened.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from build_scripts import data as data_files
from build_scripts.data import schema
from build_scripts.knowledge.classify import Passage
from build_scripts.knowledge.clauses import (
    DETERMINED, Clause, ClauseRules, Markers, clause_spans, coordinated, in_infinitive, mention_head, read_clause, verb_forms, word_spans,
)
from build_scripts.knowledge.corroborate import Citation, cite
from build_scripts.knowledge.taxonomy import Topic, canonical, load_topics, name_pattern
from build_scripts.knowledge.timing import Period, TimeMention, TimeRules, load_time_rules, read_times
from build_scripts.reading.language import to_simplified
from build_scripts.model import Review

MILESTONES_FILE = Path(__file__).parent.parent / "data" / "milestones.yml"
HAN_WORD = re.compile(r"[\u3400-\u9fff]+")  # a word of Han characters only
FORMER_NAMES = 3  # of its plans' and of its reports' undated sentences, the first this many name anchors on a row
ASPECT = re.compile(r"\s?(?:了|过)?\s?")  # between a verb and its object (展示了IRON的…)
# An English verb's direct object: the words after it up to a preposition or the clause's end, when the first of
# them is no preposition, particle, adverb, pronoun or number ("unveiled on Wednesday …", "will launch globally",
# "mass-produce it" have none that is another thing; "its first production vehicle" is the company's own).
ENGLISH_STOP = (r"(?:for|into|about|on|of|with|at|to|in|from|by|over|after|before|during|through|across|as|under|until|"
                r"since|within|than|alongside|ahead|while|and|but|which|that|who|today|yesterday|tomorrow|again|back|"
                r"out|off|up|down|[a-z]+ly|was|were|is|are|be|been|has|have|had|will|would|can|could|may|might|should|"
                r"must|did|does|do)")  # an auxiliary after it: the word was a noun ("the Robotaxi launch was delayed")
ENGLISH_DIRECT_OBJECT = re.compile(rf"\s(?!{ENGLISH_STOP}(?![a-z])|\d|(?:it|them|itself|themselves|its|their|our)(?![a-z]))[a-z0-9'’.+-]+"
                                   rf"(?:\s(?!{ENGLISH_STOP}(?![a-z]))[a-z0-9'’.+-]+)*")
ABOUT = re.compile(r"关于|有关|(?<![a-z])(?:about|regarding)(?![a-z])")  # a topic named after it is what a thing is about
MODEL_CODE = re.compile(r"\s?[a-z]{1,3}\d{1,2}(?![a-z0-9])")  # PX5, X9, G6: a product's model name
# A determiner or a count right before a participle makes it an adjective: "the first mass-produced robotaxi",
# "3 mass-produced Robotaxi models"
DETERMINER_BEFORE = re.compile(r"(?<![a-z])(?:the|a|an|its|their|his|her|our|first|new|newly|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+$")
KIND_IDS = (
    "unveil", "pilot", "rollout", "mass-production", "production-start", "trial-operation",
    "commercial-launch", "delivery", "certification", "partnership", "permit", "other",
)
STATUSES = {
    "upcoming": ("待兑现", "upcoming"),
    "done": ("已兑现", "reported done"),
    "late": ("延迟兑现", "done late"),
    "moved": ("已改期", "moved"),
    "overdue": ("已逾期", "overdue"),
    "dropped": ("已放弃", "dropped"),
    "undated": ("时间未定", "no date"),
}


class MilestoneRulesError(schema.KnowledgeFileError):
    """milestones.yml says something the build cannot use."""


@dataclass(frozen=True)
class Kind:
    id: str
    label_zh: str
    label_en: str
    cues: re.Pattern
    yields_to: tuple[str, ...]  # kinds that, cued in the same clause, say better what it states
    not_with: re.Pattern = re.compile("(?!)")  # in the clause, the cue states no event of this kind (亮相 in a mall)
    figurative: re.Pattern = re.compile("(?!)")  # its words also said of keynotes and plans ("delivered"): only with a named subject


@dataclass(frozen=True, eq=False)
class MilestoneRules:
    kinds: tuple[Kind, ...]
    clause: ClauseRules  # how a clause says its event's state (clauses.py)
    site_wide_kinds: frozenset[str]  # kinds a company event naming no topic can be
    any_cue: re.Pattern  # every kind's cues at once: most sentences state no event, found in one search
    report_word: re.Pattern  # right after a time: it dates the report (今日报道), not the event
    built: re.Pattern = re.compile("(?!)")  # with `plant` after it: a plant's construction finished (建成…工厂)
    opened: re.Pattern = re.compile("(?!)")  # with `plant` after it: a plant's production started (开设工厂)
    plant: re.Pattern = re.compile("(?!)")
    own_things: re.Pattern = re.compile("(?!)")  # a clause naming no topic but one of these is about that thing
    site_wide_other: re.Pattern = re.compile("(?!)")  # `other` cues of a company's own events (its results)
    span_end: re.Pattern = re.compile("(?!)")  # right before a time: it ends a reported span (截至…), not an event's time
    span_covered: re.Pattern = re.compile("(?!)")  # right after a time: what covers it (第二季度财报), not an event's time
    car_models: re.Pattern = re.compile("(?!)")  # the company's cars (车型, new SUVs, a model year): a thing of its own
    car_launch_from: frozenset[str] = frozenset()  # kinds that, of a company's own cars, are their commercial launch
    carried: re.Pattern = re.compile("(?!)")  # ends right before a topic: "搭载第二代VLA的…" describes what carries it
    carried_en: re.Pattern = re.compile("(?!)")  # "running the second-generation VLA": what the subject carries
    software_kinds: dict = field(default_factory=dict)  # kind id → the kind it states of a software topic
    momentary_kinds: frozenset[str] = frozenset()  # events of a moment: their English progressive is a plan ("is launching")
    senses: dict = field(default_factory=dict)  # an `other` cue (canonical) → its sort: 竣工 → completion, 融资 → funding
    sense_shapes: tuple = ()  # (pattern, sort) for the sorts written as shapes: 通过…测试 → test-passed
    sense_labels: dict = field(default_factory=dict)  # sort → its label, "事故 incident": what its rows are called
    fitted_before: re.Pattern = re.compile("(?!)")  # ends right before a component topic: "will carry", 搭载
    fitted_after: re.Pattern = re.compile("(?!)")  # right after a component topic: 将用在
    other_object: re.Pattern = re.compile("(?!)")  # right after an event word: "his own …", 一款…, an object that is another thing
    model_object: re.Pattern = re.compile("(?!)")  # right after an event word: a model code (新款P7+), another product than a guessed subject
    owned_thing: re.Pattern = re.compile("(?!)")  # after a topic's name: 的/'s and a thing no product is (能力, 视频, skills)
    reference: re.Pattern = re.compile("(?!)")  # 这款机器人, "the vehicle": a thing named before, maybe paragraphs before
    pronoun: re.Pattern = re.compile("(?!)")  # 它 opening a clause, 这款机器人 anywhere: the topic last named in the paragraph
    forecast: re.Pattern = re.compile("(?!)")  # 分析师预计, "analysts expect", "according to analysts": someone else's forecast
    other_owner: re.Pattern = re.compile("(?!)")  # ends right before a kind name: another owner (智元机器人的, "agibot's", 中国)
    trade_head: re.Pattern = re.compile("(?!)")  # right after a kind name: the trade, not a product (企业, "makers")
    own_possessor: re.Pattern = re.compile("(?!)")  # "the company's", its: a possessor that is the company
    english_maker: re.Pattern = re.compile("(?!)")  # "Kepler Robotics": a maker by the word its name ends in
    earlier_generation: re.Pattern = re.compile("(?!)")  # ends right before a topic's name: 第一代, "previous-generation"
    subject_maker: re.Pattern = re.compile("(?!)")  # opening a clause: a maker named by its trade (星尘智能, "X Robotics")

    def others_of_kind(self, canon: str, named: tuple[int, str, str], kinds: frozenset[str], company: re.Pattern | None) -> bool:
        """Whether a topic a clause names by its kind (`kinds`: the topic's kind names) is another maker's or the trade:
        智元机器人的人形机器人, "Agibot's humanoid robots", 中国人形机器人, 人形机器人企业, "humanoid robot makers"."""
        at, _, alias = named
        name = canonical(alias)
        if name not in kinds:
            return False
        if self.trade_head.match(canon, at + len(name)):
            return True
        if name.isascii() and not canon[:at].strip(" \"'“‘") and BARE_PLURAL_SUBJECT.match(canon, at):
            return True  # a bare plural opening its clause is the kind in general: "Robotaxis began commercial operations in Wuhan"
        def another(said: re.Match | None) -> bool:  # a maker or owner named, and not the company nor a word for it
            return said is not None and not (company is not None and company.search(said.group(0))) \
                and not self.own_possessor.search(said.group(0))

        # 星尘智能已开始量产人形机器人, "Stardust Intelligence has started mass-producing humanoid robots": a maker named
        # by its trade as the clause's subject makes the kind of thing it acts on its own
        maker = self.subject_maker.match(canon)
        if maker is not None and maker.end() <= at and another(maker):
            return True
        owner = self.other_owner.search(canon, 0, at)
        if owner is None and POSSESSIVE_BEFORE.search(canon, 0, at):
            # "Kepler Robotics has begun mass production of its humanoid robots": "its" is that maker's
            owner = self.english_maker.search(canon, 0, at)
        return another(owner)

    def fitted(self, canon: str, named: list[tuple[int, str, str]], components: set[str]) -> tuple[re.Match, tuple] | None:
        """The words saying cars are made to carry a component topic the clause names, with that topic:
        "will carry the second-generation VLA", 将搭载3颗图灵芯片, 图灵芯片将用在…; else None."""
        for at, slug, alias in named:
            verb = self.fitted_before.search(canon, 0, at) or self.fitted_after.match(canon, at + len(canonical(alias)))
            if verb is not None:
                return verb, (at, slug, alias)
        return None

    def sense_of(self, cue: str) -> str:
        """The sort of `other` progress an event word says (milestones.yml senses), "" if none."""
        return self.senses.get(cue) or next((sense for shape, sense in self.sense_shapes if shape.fullmatch(cue)), "")

    def builds_plant(self, canon: str) -> tuple[re.Match, str] | None:
        """The words saying a clause's plant was built ("建成…量产工厂": other progress) or opened
        ("opened its plant", 工厂正式启用: its production started), with the kind they state; else None.
        The plant is the verb's object after it or its subject before it."""
        for words, kind in ((self.opened, "production-start"), (self.built, "other")):
            said = words.search(canon)
            if said and (self.plant.search(canon, said.end()) or self.plant.search(canon, 0, said.start())):
                return said, kind
        return None

    def object_is_another_thing(self, canon: str, verb: re.Match, named: list[tuple]) -> bool:
        """Whether what the event word does is done to something other than the topic its clause names:
        an indefinite object naming no topic (交付了一份满意的答卷, 推出了一系列新举措), or something the
        topic owns that names no product (展示了IRON的行走能力, "showcased IRON's walking skills")."""
        after = verb.end()
        start = ASPECT.match(canon, after).end()
        if ABOUT.match(canon, start):
            return True  # 发布了关于IRON的最新视频: something about the topic
        if self.other_object.match(canon, after) and named and all(
                ABOUT.search(canon, after, at) for at, _, _ in named if at >= after):
            return True  # 小鹏第二代VLA交付了一份答卷, 推送了一条关于第二代VLA的消息 (not 推出了一款Robotaxi)
        return any(at == start and self.owned_thing.match(canon, at + len(canonical(name))) for at, _, name in named)

    def _inside_a_word(self, canon: str, match: re.Match) -> bool:
        """Whether jieba cuts the cue as part of a longer word whose rest is no event word (发布会, not 建成投产),
        or across two words (路测 in 道路|测试)."""
        for start, end in word_spans(canon, self.clause.event_words):
            if start < match.start() < end < match.end() or match.start() < start < match.end() < end:
                return True
            if start <= match.start() and match.end() <= end and end - start > match.end() - match.start():
                rest = canon[start:match.start()] + canon[match.end():end]
                return not self.any_cue.search(rest)
        return False

    def kind_at(self, kind: Kind, canon: str, agent: re.Pattern | None = None) -> re.Match | None:
        """The first cue of `kind` in `canon` that names an event, not a thing (量产工厂, the newly unveiled robot);
        with 的 after it, one only when `agent` (the company) does it right before: 小鹏展示的第二代VLA."""
        if kind.not_with.search(canon):
            return None
        at = 0
        # each search from the character after the last match: 测试 is still found in 道路测试 after 路测 is refused
        while (match := kind.cues.search(canon, at)) is not None:
            at = match.start() + 1
            said = match.group(0)
            if (said in self.clause.past_forms or (said.isascii() and said.split()[0].endswith("ly") and said.endswith("ed"))) \
                    and DETERMINER_BEFORE.search(canon, 0, match.start()):
                continue  # "the first mass-produced robotaxi", "the first jointly developed model": a participle describing a thing
            if self._inside_a_word(canon, match):
                continue  # 发布会, 上市公司, 交付量: part of a longer word that names a thing
            head = mention_head(canon, match.end(), self.clause, match.start())
            if not head or (agent is not None and head.group(0).strip() == "的" and agent_before(canon, match.start(), agent)):
                return match
        return None


def _cue_pattern(words: list[str]) -> re.Pattern:
    """Words in canonical form; English ones whole words only (matched as topic names are)."""
    return name_pattern([str(w) for w in words]) or re.compile("(?!)")


def _own_things(path: Path, entry: dict, key: str = "own_things") -> re.Pattern:
    """Words and regular-expression shapes of one entry (own_things, car_models), as one pattern."""
    words = _cue_pattern([*(entry.get("zh") or []), *(entry.get("en") or [])])
    return re.compile("|".join([words.pattern, *_shapes(path, key, entry)]))


def _shapes(path: Path, key: str, entry: dict) -> list[str]:
    """An entry's regular-expression `shapes`, each checked to compile."""
    shapes = [str(s) for s in entry.get("shapes") or ()]
    for shape in shapes:
        try:
            re.compile(shape)
        except re.error as error:
            raise MilestoneRulesError(f"{path.name}: {key}: shapes: {shape!r} is no regular expression ({error}) — fix or remove it")
    return shapes


def _words(entry) -> list[str]:
    entry = entry or {}
    return [str(w) for w in (*(entry.get("zh") or []), *(entry.get("en") or []))]


def _kind_words(path: Path, kind_id: str, entry: dict) -> tuple[list[str], list[str]]:
    """(every cue of a kind, the past forms of its English verbs)."""
    words, past = _words(entry), []
    for verb in entry.get("verbs") or []:
        if not isinstance(verb, str) or not verb.strip():
            raise MilestoneRulesError(f"{path.name}: kinds: {kind_id}: verbs: {verb!r} is no verb — write its base form, e.g. roll out")
        forms, past_forms = verb_forms(verb)
        # "mass-produce" is written "mass produce" as often: both spellings.
        words += forms + [f.replace("-", " ") for f in forms if "-" in f]
        past += past_forms + [f.replace("-", " ") for f in past_forms if "-" in f]
    return words, past


def _markers(entry, path: Path | None = None, key: str = "") -> Markers:
    """A state's marker words, its `single` characters and its regular-expression `shapes`."""
    entry = entry or {}
    shapes = _shapes(path, key, entry) if path is not None else []
    return Markers(re.compile("|".join([_cue_pattern(_words(entry)).pattern, *shapes])), frozenset(str(c) for c in entry.get("single") or ()))


@data_files.loader
def load_milestone_rules(path: Path = MILESTONES_FILE) -> MilestoneRules:
    data = schema.load(path, schema.Maybe(schema.Record({}, extra_ok=True))) or {}  # invalid YAML: named with its line
    kinds, past_forms, every_cue, verb_forms_all = [], [], [], []
    senses: dict[str, str] = {}
    sense_labels: dict[str, str] = {}
    sense_shapes: list[tuple[re.Pattern, str]] = []
    kind_shapes: list[str] = []
    for kind_id, entry in (data.get("kinds") or {}).items():
        if kind_id not in KIND_IDS:
            raise MilestoneRulesError(f"{path.name}: kinds: unknown kind {kind_id!r} — use one of {', '.join(KIND_IDS)}")
        if not isinstance(entry, dict) or not any(entry.get(key) for key in ("zh", "en", "verbs", "shapes", "senses")) \
                or not entry.get("label_zh"):
            raise MilestoneRulesError(f"{path.name}: kinds: {kind_id} needs label_zh, label_en and cue words under zh, en, verbs, shapes or senses")
        words, past = _kind_words(path, kind_id, entry)
        for sense, sense_entry in (entry.get("senses") or {}).items():
            if not isinstance(sense_entry, dict) or not sense_entry.get("label_zh"):
                raise MilestoneRulesError(f"{path.name}: kinds: {kind_id}: senses: {sense} needs label_zh, label_en "
                                          "and words under zh, en, verbs or shapes")
            sense_labels[str(sense)] = f"{sense_entry['label_zh']} {sense_entry.get('label_en', sense)}"
            sense_words, sense_past = _kind_words(path, kind_id, sense_entry)
            words, past = words + sense_words, past + sense_past
            senses.update({canonical(w): str(sense) for w in sense_words})
            sense_shapes += [(re.compile(shape), str(sense)) for shape in _shapes(path, f"kinds: {kind_id}: {sense}", sense_entry)]
            entry = {**entry, "verbs": [*(entry.get("verbs") or []), *(sense_entry.get("verbs") or [])]}  # every sort's verbs
        if kind_id == "other":  # a plant built (plant_built.built) is its construction completed
            senses.update({canonical(w): "completion" for w in _words((data.get("plant_built") or {}).get("built"))})
        past_forms += past
        verb_forms_all += [f for verb in entry.get("verbs") or [] for f in verb_forms(str(verb))[0]]
        every_cue += words
        yields_to = tuple(entry.get("yields_to") or ())
        unknown = set(yields_to) - set(KIND_IDS)
        if unknown:
            raise MilestoneRulesError(f"{path.name}: kinds: {kind_id}: yields_to names unknown kinds {sorted(unknown)}")
        # regular-expression shapes: a kind's own, and for `other` its sorts'
        shapes = _shapes(path, f"kinds: {kind_id}", entry) + ([shape.pattern for shape, _ in sense_shapes] if kind_id == "other" else [])
        kind_shapes += shapes
        kinds.append(Kind(kind_id, str(entry["label_zh"]), str(entry.get("label_en", kind_id)),
                          re.compile("|".join([_cue_pattern(words).pattern, *shapes])), yields_to,
                          re.compile("|".join([_cue_pattern(_words(entry.get("not_with"))).pattern,
                                               *_shapes(path, f"kinds: {kind_id}: not_with", entry.get("not_with") or {})])),
                          _cue_pattern([f for verb in entry.get("figurative") or [] for f in verb_forms(str(verb))[0]])))
    for state in ("planned", "happened", "ongoing", "dropped", "delayed", "negated", "hypothetical", "mention"):
        if not isinstance(data.get(state), dict):
            raise MilestoneRulesError(f"{path.name}: `{state}` needs marker words under zh and en")
    heads = _cue_pattern(_words(data.get("mention_heads")))
    plans = _cue_pattern(_words(data.get("plan_heads")))
    clause = ClauseRules(
        markers={state: _markers(data[state], path, state)
                 for state in ("planned", "happened", "ongoing", "dropped", "delayed", "negated", "hypothetical", "mention")},
        # 的 and any word after the event word: it describes that word (推出的新一代机器人, 量产的EP0阶段)
        # (a short code or its abbreviation in brackets may come between: 量产EP0阶段, 生产许可证(PC)申请)
        mention_heads=re.compile(r"\s?(?:的\s?(?=[\w“「\"])|(?:[(（]?[a-z0-9]{1,4}[)）]?\s?)?(?:" + heads.pattern + "))"),
        plan_heads=re.compile(r"\s?(?:" + plans.pattern + ")"),
        mention_before=_cue_pattern(_words(data.get("mention_before"))),
        past_forms=frozenset(canonical(f) for f in past_forms),
        verb_forms=frozenset(canonical(f) for f in verb_forms_all),
        nouns=frozenset(w for w in map(canonical, every_cue) if w.isascii()) - frozenset(canonical(f) for f in verb_forms_all),
        reporting=_cue_pattern(_words(data.get("reporting_verbs"))),
        coordinator=re.compile(r"\s*(?:" + _cue_pattern(_words(data.get("coordinators"))).pattern + ")"),
        more_objects=re.compile(r"\s*(?:" + _cue_pattern(_words(data.get("more_objects"))).pattern + ")"),
        presupposed=re.compile(r"\s?(?:" + _cue_pattern(_words(data.get("presupposed_after"))).pattern + ")"),
        # two characters: the lexicon's words proper; longer entries are phrases of them (首次公开, 公开飞行)
        # …and the topics' Chinese names: 汇天将携手 is 汇天|将|携手 (a plan), not 汇|天将 (a general of heaven)
        event_words=frozenset(w for w in map(canonical, every_cue) if len(w) == 2 and HAN_WORD.fullmatch(w))
        | frozenset(w for t in load_topics() for w in map(canonical, t.aliases) if len(w) >= 2 and HAN_WORD.fullmatch(w)),
        hearsay=_cue_pattern(_words(data.get("hearsay"))),
        phase_verbs=re.compile(r"(?:" + "|".join(map(re.escape, (data.get("phase_entered") or {}).get("verbs") or ["(?!)"])) + r")\s?$"),
        phase_heads=frozenset(str(w) for w in (data.get("phase_entered") or {}).get("heads") or ()),
        copulas=_markers({"zh": [w for w in (data.get("description_copulas") or {}).get("zh") or [] if len(str(w)) > 1],
                          "single": [w for w in (data.get("description_copulas") or {}).get("zh") or [] if len(str(w)) == 1]}),
    )
    site_wide = frozenset(data.get("site_wide_kinds") or ())
    if site_wide - set(KIND_IDS):
        raise MilestoneRulesError(f"{path.name}: site_wide_kinds names unknown kinds {sorted(site_wide - set(KIND_IDS))}")
    plant_built = data.get("plant_built") or {}
    built_words, opened_words = _words(plant_built.get("built")), _words(plant_built.get("opened"))
    plant_words = _words(plant_built.get("plant"))
    fitted_into = data.get("fitted_into") or {}
    fitted_words = _words(fitted_into.get("before_topic")) + _words(fitted_into.get("after_topic"))
    pronoun_words = sorted((w.lower() for w in _words(data.get("pronouns"))), key=len, reverse=True)
    span_end_words = sorted((w.lower() for w in _words(data.get("span_ends"))), key=len, reverse=True)
    software_kinds = {str(k): str(v) for k, v in (data.get("software_kinds") or {}).items()}
    momentary = frozenset(str(k) for k in data.get("momentary_kinds") or ())
    if momentary - set(KIND_IDS):
        raise MilestoneRulesError(f"{path.name}: momentary_kinds names unknown kinds {sorted(momentary - set(KIND_IDS))}")
    if (set(software_kinds) | set(software_kinds.values())) - set(KIND_IDS):
        raise MilestoneRulesError(f"{path.name}: software_kinds names unknown kinds — use {', '.join(KIND_IDS)}")
    pronouns = "|".join(re.escape(w) + (r"(?![a-z])" if w[-1].isascii() else "") for w in pronoun_words)
    references = ["|".join([_cue_pattern(_words(data.get("references"))).pattern,
                            *_shapes(path, "references", data.get("references") or {})])]
    return MilestoneRules(
        kinds=tuple(kinds), clause=clause, site_wide_kinds=site_wide,
        any_cue=re.compile("|".join([_cue_pattern(every_cue + built_words + opened_words + fitted_words).pattern,
                                     *kind_shapes])),
        report_word=re.compile(r"\s?(?:" + _cue_pattern(_words(data.get("report_words"))).pattern + ")"),
        built=_cue_pattern(built_words), opened=_cue_pattern(opened_words), plant=_cue_pattern(plant_words),
        own_things=_own_things(path, data.get("own_things") or {}),
        site_wide_other=_cue_pattern(_words(data.get("site_wide_other"))),
        span_end=re.compile(r"(?:^|(?<![a-z]))(?:" + "|".join(map(re.escape, span_end_words)) + r")(?:\s+the)?\s*$") if span_end_words else re.compile("(?!)"),
        span_covered=re.compile(r"\s?(?:的\s?)?(?:" + _cue_pattern(_words(data.get("spans_covered"))).pattern + ")"),
        car_models=_own_things(path, data.get("car_models") or {}, "car_models"),
        car_launch_from=frozenset((data.get("car_models") or {}).get("launch_from") or ()),
        carried=re.compile(r"(?:" + _cue_pattern((data.get("carried_by") or {}).get("zh") or []).pattern + r")\s?了?\s?(?:小鹏|xpeng)?\s?(?:自研的?)?\s?$"),
        carried_en=re.compile(r"(?:" + _cue_pattern((data.get("carried_by") or {}).get("en") or []).pattern + r")\s+(?:the\s+|its\s+|xpeng.s\s+)?$"),
        software_kinds=software_kinds, momentary_kinds=momentary, senses=senses, sense_shapes=tuple(sense_shapes), sense_labels=sense_labels,
        fitted_before=re.compile(r"(?:" + _cue_pattern(_words(fitted_into.get("before_topic"))).pattern
                                 + r")\s?了?\s?(?:(?:\d+|[一二两三四五六七八九十]+)\s?(?:颗|粒|块|套|个)\s?)?(?:小鹏|xpeng)?\s?(?:自研的?)?"
                                 r"\s?(?:the\s+|its\s+|xpeng.s\s+|three\s+|two\s+)?$"),
        fitted_after=re.compile(r"\s?(?:将|会|已)?\s?(?:" + _cue_pattern(_words(fitted_into.get("after_topic"))).pattern + ")"),
        other_object=re.compile(r"\s?了?\s?(?:" + _cue_pattern(_words(data.get("other_objects"))).pattern + ")"),
        model_object=re.compile(r"\s?了?\s?(?:" + "|".join(_shapes(path, "other_objects", data.get("other_objects") or {}) or ["(?!)"]) + ")"),
        # (the word for its kind may come between: IRON机器人的最新视频)
        owned_thing=re.compile(r"\s?[\u4e00-\u9fff]{0,4}?\s?(?:的|'s|’s)\s?[^，。,;；]{0,8}?(?:" + heads.pattern + ")"),
        pronoun=re.compile("|".join([r"(?:^|[，,；;：:])\s*(?:" + pronouns + ")"] * bool(pronoun_words) + references)),
        reference=re.compile(references[0]),
        forecast=_forecast_pattern(path, data.get("forecasters") or {}),
        **_others_of_kind(data.get("others_of_kind") or {}),
        earlier_generation=_earlier_generation(path.parent / "subjects.yml"),
    )


def _earlier_generation(subjects_file: Path) -> re.Pattern:
    """subjects.yml `earlier_generations` (第一代, 初代, "previous-generation"), ending right before a name (的, the
    company's name may come between): that generation is another product."""
    data = (schema.load(subjects_file, schema.Maybe(schema.Record({}, extra_ok=True))) or {}) if subjects_file.exists() else {}
    words = sorted((canonical(str(w)) for w in data.get("earlier_generations") or ()), key=len, reverse=True)
    if not words:
        return re.compile("(?!)")
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\s?(?:的\s?)?(?:(?:小鹏|xpeng)(?:['’]s)?\s?)?(?:the\s)?$")


# A plural noun phrase and the verb agreeing with it ("robotaxis began", "humanoid robots are expected"): at a clause's
# opening, with no determiner, the kind in general.
BARE_PLURAL_SUBJECT = re.compile(r"[a-z-]+(?: [a-z-]+)?s (?:are|were|have|had|will|would|could|can|may|might|should|must|"
                                 r"began|begin|entered|enter|started|start|remain|continue|went|go|hit|reached|reach)(?![a-z])")
POSSESSIVE_BEFORE = re.compile(r"(?<![a-z])(?:its|their)\s(?:[a-z-]+\s){0,2}$")  # "its new humanoid robots"


def _others_of_kind(entry: dict) -> dict[str, re.Pattern]:
    """milestones.yml `others_of_kind` as MilestoneRules' other_owner, trade_head and own_possessor."""
    ends = "|".join(map(re.escape, entry.get("owner_ends") or ())) or "(?!)"
    collectives = entry.get("collectives") or {}
    zh_all = "|".join(map(re.escape, collectives.get("zh") or ())) or "(?!)"
    en_all = "|".join(map(re.escape, collectives.get("en") or ())) or "(?!)"
    heads = entry.get("trade_heads") or {}
    return {
        # a maker (…科技的, …航空的), a country or the trade (中国的?, "chinese"), a possessive ("agibot's", "kepler robotics'"):
        # right before the kind name
        "other_owner": re.compile(rf"(?:[\u4e00-\u9fffa-z0-9]{{0,10}}(?:{ends})的|(?:{zh_all})的?|(?<![a-z])(?:{en_all})"
                                  rf"|(?<![a-z])[a-z][a-z0-9.&-]*(?: [a-z][a-z0-9.&-]*)?(?:['’]s|s['’]))\s?(?:[a-z-]+\s)?$"),
        "trade_head": re.compile(rf"\s?(?:{'|'.join(map(re.escape, heads.get('zh') or ())) or '(?!)'}"
                                 rf"|(?:{'|'.join(map(re.escape, heads.get('en') or ())) or '(?!)'})(?![a-z]))"),
        "own_possessor": re.compile("|".join(map(re.escape, entry.get("own_possessors") or ())) or "(?!)"),
        "english_maker": re.compile(r"(?<![a-z])[a-z][a-z0-9.&-]*(?: [a-z][a-z0-9.&-]*)? (?:"
                                    + ("|".join(map(re.escape, entry.get("owner_ends_en") or ())) or "(?!)") + r")(?![a-z])"),
        # (the maker then its verb or a state word, so that 科技日上 or "technology day" is no maker)
        "subject_maker": re.compile(rf"\s*(?:[\u4e00-\u9fffa-z0-9]{{1,10}}(?:{ends})(?=\s?(?:已经|已|将|正在|正|也|还|今年|明年|近日|日前|宣布|表示|计划|开始))"
                                    r"|[a-z][a-z0-9.&-]*(?: [a-z][a-z0-9.&-]*)? (?:"
                                    + ("|".join(map(re.escape, entry.get("owner_ends_en") or ())) or "(?!)")
                                    + r")(?= (?:has|have|had|is|are|was|were|will|would|began|begins|started|starts|plans|said|says|expects)(?![a-z])))"),
    }


def _forecast_pattern(path: Path, entry: dict) -> re.Pattern:
    """A forecaster (milestones.yml `forecasters`: 分析师, analysts, a broker by its name) with a verb of expecting or
    saying after it (a few words between: 业内人士普遍预计, "analysts at Morgan Stanley expect"), or after 据/"according to"."""
    who = "|".join([_cue_pattern(_words(entry)).pattern, *_shapes(path, "forecasters", entry)])
    verbs = _cue_pattern(_words(entry.get("verbs"))).pattern
    if who == "(?!)":
        return re.compile("(?!)")
    return re.compile(rf"(?:{who})[^，。,;；]{{0,24}}?(?:{verbs})|(?:据|according to|in the view of)\s?(?:{who})")


@dataclass(frozen=True)
class Sighting:
    """One sentence stating one event about a subject."""

    topic: str  # topic slug
    named: str  # the subject as the sentence names it (an alias of the topic), "" if only implied
    kind: str
    period: Period | None
    when_text: str  # the source's words for the time, "" if none
    relative: bool  # the time was resolved against the article's date (or needs one it lacks)
    state: str  # planned, happened, dropped or delayed — as of the article
    citation: Citation
    # an undated article's relative time was read against this date, the latest its text states (time_anchor)
    anchor: dt.date | None = None
    # "clause": subject, time and state all from its own clause (or its sentence's single time and named subject);
    # "borrowed": the subject is the article's, not one the sentence names — listed, never headlined;
    # "described": a relative clause presupposes it (小鹏推出的IRON…) — listed, closes no plan
    read: str = "clause"
    marker: str = ""  # the words that decided its state (将, "unveiled", 已经), "" when its time did
    sense: str = ""  # of `other` progress, its sort (milestones.yml senses): completion, funding, incident …
    review: Review | None = None  # an editor's word on it (seeds/sources.yml, knowledge/corrections.py)

    @property
    def how(self) -> str:
        """How it was read, for a reader: "plan · 2026 Q4 · 将"."""
        parts = [self.state, self.period.label if self.period else "", self.marker,
                 "subject from the article" if self.read == "borrowed" else ""]
        return " · ".join(p for p in parts if p)

    @property
    def said_on(self) -> dt.date | None:
        return self.citation.article.date


@dataclass(frozen=True)
class Milestone:
    """One event about a subject, with every sentence stating it and a status."""

    id: str
    topic: str
    subject: str  # what it is about, as the site names it
    kind: str
    kind_label: str
    due: Period | None  # the period it was first promised (or reported) for
    announced: dt.date | None  # the earliest date of an article stating it
    status: str  # a key of STATUSES
    status_note: str  # how late, moved to when, "no report in these sources"
    done: Period | None  # when reported done
    moved_to: Period | None
    plans: tuple[Sighting, ...]  # the sentences promising it
    reports: tuple[Sighting, ...]  # the sentences its status rests on (done, moved, dropped)
    review: Review | None = None  # an editor's word on one of its sentences (knowledge/corrections.py)
    anchors: tuple[str, ...] = ()  # ids it was known by that also land on it (see track)

    @property
    def sightings(self) -> tuple[Sighting, ...]:
        return self.plans + self.reports

    @property
    def confident(self) -> bool:
        """Whether a source states it in a clause of its own, or two independent reports do: only
        such milestones are headlined (the overview, a topic's main promise, the home cards)."""
        return any(s.read == "clause" for s in self.sightings) or len({s.citation.article.report for s in self.sightings}) >= 2

    @property
    def citations(self) -> tuple[Citation, ...]:
        seen, found = set(), []
        for s in self.sightings:
            if (s.citation.key, s.citation.quote) not in seen:
                seen.add((s.citation.key, s.citation.quote))
                found.append(s.citation)
        return tuple(found)

    @property
    def text(self) -> str:
        """What happens, and to what, in one line of its own."""
        return f"{self.subject}：{self.kind_label}"

    @property
    def status_label(self) -> str:
        zh, en = STATUSES[self.status]
        return f"{zh} {en}"

    @property
    def when_texts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.when_text for s in self.sightings if s.when_text))

    @property
    def last_date(self) -> dt.date | None:
        """Where a chart row ends: reported done, moved to, or due."""
        for period in (self.done, self.moved_to, self.due):
            if period is not None:
                return period.end
        return None


# ---------------------------------------------------------------------------
# Reading sentences


# A paragraph opening with a label: a list item's number or bullet, a name, a colon ("3. IRON: delayed.", "▍Robotaxi：").
PARAGRAPH_LABEL = re.compile(r"^\s*(?:\d{1,2}\s?[.、)）]\s*|[▍■●•◆▶]\s*)?(?P<name>[^:：，,。.；;]{1,30})[:：]")


def labelled_topic(paragraph: str, topics: tuple[Topic, ...]) -> str | None:
    """The one topic a paragraph's opening label names ("2. Robotaxi: partly delivered. Trial operations began …"),
    whose events its sentences naming nothing state; else None."""
    label = PARAGRAPH_LABEL.match(paragraph)
    named = {slug for _, slug, _ in _named(canonical(to_simplified(label.group("name"))), topics)} if label else set()
    return next(iter(named)) if len(named) == 1 else None


def last_named(canon: str, topics: tuple[Topic, ...]) -> str | None:
    """The topic a sentence names last, if any: what a reference word in the next sentence refers to."""
    named = _named(canon, topics)
    return max(named)[1] if named else None


def agreeing_referent(canon: str, earlier: str | None, topics: tuple[Topic, ...], rules: MilestoneRules | None = None) -> str | None:
    """`earlier` (the topic last named in an earlier paragraph) when a reference word of the sentence names a thing
    of its sort — 这款机器人 of IRON, "the chip" of the Turing chip (the noun among the topic's names or
    mentions, topics.yml) — so that it refers back across paragraphs; None for a bare 这款 or "the model", which
    may be anything the paragraph did not name."""
    if earlier is None:
        return None
    rules = rules or load_milestone_rules()
    said = rules.reference.search(canon)
    topic = next((t for t in topics if t.slug == earlier), None)
    if said is None or topic is None:
        return None
    noun = said.group(0)
    return earlier if topic.alias_pattern.search(noun) or (topic.mention_pattern and topic.mention_pattern.search(noun)) else None


def _named(canon: str, topics: tuple[Topic, ...]) -> list[tuple[int, str, str]]:
    """(position, topic slug, the alias as topics.yml spells it) of each topic a clause names."""
    found = []
    for topic in topics:
        match = topic.alias_pattern.search(canon) if topic.alias_pattern else None
        if match:
            found.append((match.start(), topic.slug, _spelled(topic, match.group(0))))
    return sorted(found)


def _spelled(topic: Topic, canon_alias: str) -> str:
    return next((a for a in topic.aliases if canonical(a) == canon_alias), canon_alias)


MAIN_TOPIC_SHARE = 0.6  # of an article's sentences about some topic, to call one topic the article's own
MAIN_TOPIC_MIN = 3


def main_topic(passages: list[Passage] | tuple[Passage, ...]) -> str | None:
    """The topic an article is mostly about, if one clearly is: what its sentences naming nothing are about."""
    counts = Counter(slug for p in passages for slug in p.scores if p.about(slug))
    if not counts:
        return None
    slug, count = counts.most_common(1)[0]
    if count < MAIN_TOPIC_SHARE * sum(counts.values()):
        return None
    # a short article counts its headline: one naming that topic alone is as good as more sentences about it
    return slug if count >= MAIN_TOPIC_MIN or _named_in_headline(passages[0].article.title) == {slug} else None


def _named_in_headline(title: str) -> set[str]:
    """The topics an article's title names."""
    return {slug for _, slug, _ in _named(canonical(title or ""), load_topics())}


SITE_WIDE = ""  # the topic of a company event that belongs on no topic page


def time_anchor(passages: list[Passage] | tuple[Passage, ...]) -> dt.date | None:
    """The date an article's relative times ("next year", "本月", "on Wednesday") are read against.

    Its publication date; when that is unknown, the latest full date (day,
    month and year) its own text states — a caption's "Nov. 5, 2025" — since
    an article is written on or after every complete date it gives. That date
    is only an anchor: the article's own date stays unknown, and an event dated
    after the anchor is never taken as happened (see _state).
    """
    if not passages:
        return None
    article = passages[0].article
    if article.date is not None:
        return article.date
    time_rules = load_time_rules()
    # whole paragraphs, not sentences: a sentence splitter may cut "Nov. 5, 2025" after "Nov."
    stated = [t.period.start for paragraph in article.paragraphs
              for t in read_times(to_simplified(paragraph.text), None, time_rules)
              if t.period is not None and t.period.precision == "day" and not t.relative]
    return max(stated, default=None)


def day_before(passages: list[Passage] | tuple[Passage, ...], index: int, published: dt.date | None) -> dt.date | None:
    """The day sentence `index`'s same-day words mean, looked up only for a sentence saying one:
    for 当天 or "that day", the last day the article states before it; for a named occasion
    (科技日上, "at the Tech Day"), the last day stated in an earlier sentence naming that occasion."""
    time_rules = load_time_rules()
    lowered = passages[index].simplified.lower()
    if not any(w in lowered for w in (*time_rules.same_day, *time_rules.occasions)):
        return None  # most sentences: a substring test, not a scan with the whole time pattern
    frames = [m.group("same") for m in time_rules.pattern.finditer(lowered) if m.group("same")]
    if not frames:
        return None
    occasion = next((w for w in time_rules.occasions if w in frames[0]), None)
    for passage in reversed(passages[:index]):
        if occasion is not None and occasion not in passage.simplified.lower():
            continue
        days = [t.period.start for t in read_times(passage.simplified, published, time_rules)
                if t.period is not None and t.period.precision == "day"]
        if days:
            return days[-1]
    return None


# What clause_spans leaves of an English conjunction it splits before ("…, but it was delayed"): no clause.
CONJUNCTION_ONLY = re.compile(r"\s*(?:but|while|whereas|and)\s*")
# A clause opening with a relative pronoun describes the noun ending the clause before it.
RELATIVE_OPENING = re.compile(r"\s*(?:which|who|whose)(?![a-z])")


def extract_sightings(passage: Passage, topics: tuple[Topic, ...], rules: MilestoneRules | None = None,
                      article_topic: str | None = None, company: re.Pattern | None = None,
                      anchor: dt.date | None = None, referent: str | None = None,
                      day_before: dt.date | None = None, rival: re.Pattern | None = None) -> list[Sighting]:
    """The events one sentence states, each about the subject its clause (or its sentence) names.

    A sentence naming no topic at all is about its passage's topic, or, after a
    reference word (它, 这款机器人, "the robot"), the topic last named before it in its paragraph
    (`referent`); else the
    article's own (`article_topic`, see main_topic) — a borrowed reading,
    listed but never headlined. One naming no topic but the company (`company`:
    小鹏, XPeng …) states a site-wide event (SITE_WIDE): a partnership, a
    plant's start of production. A clause naming another company or its product (`rival`:
    signals.yml competitor_cues) states that company's event, none of the topics'.
    """
    rules = rules or load_milestone_rules()
    if not rules.any_cue.search(passage.canon):
        return []  # most sentences state no event: one search, before anything is looked up
    implied, implied_from = _only_topic(passage), "sentence"
    if implied is None:
        implied, implied_from = article_topic, "article"
    if referent is not None and rules.pronoun.search(passage.simplified.lower()) and not _named(passage.canon, topics):
        # "它将在本季度推送", "这款机器人": the topic last named before it in the paragraph (`referent`)
        implied, implied_from = referent, "sentence"
    # `anchor`: the date relative times are read against when the article has none (time_anchor)
    nearby = company is not None and bool(company.search(canonical(passage.paragraph.text)))
    stated = _stated(passage.text, passage.simplified, passage.canon, passage.article.date or anchor, implied, implied_from,
                     topics, rules, load_time_rules(), company, nearby, day_before, article_topic, rival)
    if not stated:
        return []
    citation = cite(passage)
    inferred = anchor if passage.article.date is None else None
    return [Sighting(*fields[:7], citation=citation, anchor=inferred if fields[5] and fields[3] is not None else None,
                     read=fields[7], marker=fields[8], sense=fields[9])
            for fields in stated]


def _stated(text: str, simplified: str, whole: str, published: dt.date | None, implied: str | None, implied_from: str,
            topics: tuple[Topic, ...], rules: MilestoneRules, time_rules: TimeRules, company: re.Pattern | None,
            company_nearby: bool = False, day_before: dt.date | None = None, article_topic: str | None = None,
            rival: re.Pattern | None = None) -> tuple[tuple, ...]:
    """The fields of each Sighting a sentence states, but its citation.

    Each clause is read on its own (clauses.py): its state from its own
    words; its time from its own words, else the sentence's only time when
    the clause holding that time names no other topic; its subject the topic
    it names, else the one named before it in the sentence, else `implied`
    (the sentence's, or the article's: `implied_from`).
    `whole`: the sentence's canonical form; `company_nearby`: its paragraph
    names the company, so a sentence naming neither it nor a topic
    ("Production is set to begin in Q3") is the company's.
    """
    simplified = _without_bare_asides(simplified, rules)
    same_length = len(simplified) == len(text)
    sighted: list[tuple] = []
    subject: str | None = None
    name = ""
    lowered = simplified.lower()
    # "today reported its financial results": when what is reported is the company's own results, the report is the event.
    all_times = [t for t in read_times(simplified, published, time_rules, day_before)
                 if not (rules.report_word.match(lowered, t.end) and not rules.site_wide_other.search(canonical(lowered[t.end:t.end + 60])))
                 and not rules.span_end.search(lowered[max(0, t.start - 20):t.start])
                 and not rules.span_covered.match(lowered, t.end)
                 and not DATELINE_AFTER.match(lowered, t.end)]  # a wire's dateline ("GUANGZHOU, Nov 5 (Reuters) -")
    # the day something was said ("said on Wednesday it would …") dates the saying, not a plan it reports
    # (in Chinese the day stands before the verb: 小鹏11月5日表示将…, 周三（5日）宣布)
    said_on = {id(t) for t in all_times if _said_right_before(lowered, t.start, rules)
               or rules.clause.reporting.match(lowered, SAID_AFTER.match(lowered, t.end).end())}
    software = {t.slug for t in topics if t.software}
    remapped = set(rules.software_kinds) | set(rules.software_kinds.values())  # kinds a software topic reads otherwise
    components = {t.slug for t in topics if t.component}
    spans = clause_spans(simplified)
    canons = [canonical(simplified[start:end]) for start, end in spans]
    named_per_clause = [_named(canon, topics) for canon in canons]
    kinds_of = {t.slug: t.kind_names for t in topics}
    # a clause naming a topic only by its kind, given another owner (智元的人形机器人), is another maker's: a rival's
    others = {i for i, (canon, named) in enumerate(zip(canons, named_per_clause))
              if named and all(rules.others_of_kind(canon, n, kinds_of[n[1]], company) for n in named)}
    named_per_clause = [[] if i in others else named for i, named in enumerate(named_per_clause)]
    if rival is not None or others:  # a rival's clause lends its time to no clause of the topics' ("特斯拉明年将量产…，小鹏也计划量产")
        rivals = [span for i, (span, canon) in enumerate(zip(spans, canons)) if i in others or (rival is not None and rival.search(canon))]
        all_times = [t for t in all_times if not any(a <= t.start < b for a, b in rivals)]
    clause_topics = [{slug for _, slug, _ in named} for named in named_per_clause]
    # "搭载第二代VLA的车型已通过测试": a topic carried by the thing a relative clause describes
    # is not the clause's subject (the car is), nor its sentence's — nor the sentence's topic (`implied`)
    subjects = [[n for n in named if not rules.carried.search(canon[:n[0]]) or "的" not in canon[n[0]:]]
                for canon, named in zip(canons, named_per_clause)]
    named_in_sentence = {slug for named in subjects for _, slug, _ in named}
    carried_only = set().union(*clause_topics) - named_in_sentence
    if implied_from == "sentence" and implied in carried_only:
        implied, implied_from = article_topic, "article"
    if implied in carried_only:
        implied = None  # the article's topic, but this sentence names it only as what the cars carry
    sentence_names = bool(named_in_sentence)
    # A clause before the only topic its sentence names is about that topic
    # ("高德已与小鹏达成合作,后续小鹏的Robotaxi车辆将接入高德").
    ahead = next(iter(named_in_sentence)) if len(named_in_sentence) == 1 else None
    previous = None  # the reading of the last clause stating an event: what a clause opening with 并 shares
    condition = None  # a clause before, with no event of its own, that is a condition (若…, "If …")
    if len(canons) > 1 and (rumour := rules.clause.hearsay.search(canons[-1])) and not _cue_in(rules, canons[-1]):
        condition = Clause("mention", rumour.group(0))  # "…, according to people familiar with the matter": all of it
    last_event: list[tuple] = []  # its Sighting fields but topic and name: what a clause opening with 以及 adds objects to
    last_about: tuple[str | None, str] = (None, "")  # and its topic and name
    rival_clauses_before: set[int] = set()  # indexes of the clauses right after a rival's
    restore = None  # the sentence's subject, kept while a relative clause is about its antecedent
    for index, (start, end) in enumerate(spans):
        if restore is not None:
            (subject, name), restore = restore, None
        canon = canons[index]
        if index in others or (rival is not None and (rival.search(canon) or (index in rival_clauses_before and RELATIVE_OPENING.match(canon)))):
            # "特斯拉去年已量产Optimus，小鹏IRON则计划2026年量产", "Unlike Tesla, …": the rival's clause is the rival's,
            # and so is a relative clause after it ("… Tesla's Optimus, which enters mass production next year")
            rival_clauses_before.add(index + 1)
            continue
        named = subjects[index]
        earlier_names = [n for names in subjects[:index] for n in names]
        if RELATIVE_OPENING.match(canon):
            # "the IRON robot, which carries three Turing chips, will …": a relative clause is about the noun
            # before it ("the Turing chip, which enters mass production in 2026"), and leaves the sentence's subject be
            restore = (subject, name)
            if earlier_names and subjects[index - 1]:
                _, subject, name = subjects[index - 1][-1]
        elif not named and earlier_names and rules.reference.match(canon.lstrip()):
            # "…采用图灵芯片，该芯片将于2026年量产": a reference word opening a clause, the topic named last before it
            _, subject, name = earlier_names[-1]
        # "人形机器人PX5": a model code right after a topic's word names another product of that kind
        other_model = [n for n in named if MODEL_CODE.match(canon, n[0] + len(canonical(n[2])))]
        # 向IRON团队发布了新的研发任务: a topic named only as whom the event is for names no event of its own
        if named and all(RECIPIENT_BEFORE.search(canon, 0, n[0]) for n in named):
            other_model = named
        # 第一代IRON, "the previous-generation IRON": an earlier generation, whose unveiling is the topic's history
        # but whose production, delivery … are not the new one's (第一代IRON已经量产 closes no plan of the new IRON)
        earlier_only = bool(named) and all(rules.earlier_generation.search(canon, 0, n[0]) for n in named)
        named = [n for n in named if n not in other_model]
        # "the company's Robotaxi, running the second-generation VLA, is about to begin testing": a topic after
        # a participle (running, powered by) is what the subject carries; later clauses keep the subject
        carrying = [n for n in named if not rules.carried_en.search(canon[:n[0]])]
        if carrying:
            _, subject, name = carrying[0]
        cues, plant = _event_words(canon, rules, company)
        # "首款搭载图灵芯片的大众车型下线", "the first VW model powered by the Turing chip rolled off the line": a car
        # carrying a component made, put on sale or delivered is the component rolled out in it — nothing else of it
        in_clause = named_per_clause[index]
        carried_here = [n for n in in_clause if n[1] in components and (rules.carried_en.search(canon[:n[0]])
                                                                        or (rules.carried.search(canon[:n[0]]) and "的" in canon[n[0]:]))]
        rolled_out = None
        if cues and in_clause and len(carried_here) == len(in_clause):
            rollout = next(k for k in rules.kinds if k.id == "rollout")
            rolled_out = carried_here[0], [(m, rollout) for m, k in cues if k.id in CARRIER_EVENTS]
        # not when the sentence names a product topic as the carrier (IRON…并搭载3颗图灵芯片): the robot's make-up
        fitted = rules.fitted(canon, named, components) if not cues and not named_in_sentence - components else None
        if fitted is not None:
            # "its 2026 models will carry the second-generation VLA": the topic carried is rolled out
            (verb, (_, subject, name)) = fitted
            cues = [(verb, next(k for k in rules.kinds if k.id == "rollout"))]
        if not cues:
            if CONJUNCTION_ONLY.fullmatch(canon):
                continue  # ", but …": the word that opens the next clause, cut off on its own
            times = [t for t in all_times if start <= t.start < end and t.period is not None]
            listed = last_event and named and (rules.clause.more_objects.match(canon) or _more_listed_objects(canon, named, rules))
            if times and last_event and all(fields[1] is None for fields in last_event) and (
                    # …only at the end of the sentence, and in English: elsewhere a time fronts what follows (今年3月，它开始…)
                    listed or (not named and index == len(spans) - 1 and canon.isascii()
                               and TIME_ONLY.fullmatch(_without_times(canon, times, start)))):
                # the time closing a list ("unveiled the VLA, the Robotaxi and the IRON robot on Wednesday") or standing
                # alone after the event ("deliveries began earlier than expected, in March") dates the event
                dated = [_with_time(fields, _tense_anchored(times[0], fields[4], published), text if same_length else None, published)
                         for fields in last_event]
                sighted = [(s[0], s[1], *dated[last_event.index(s[2:])]) if s[2:] in last_event else s for s in sighted]
                last_event = dated
                if not listed:
                    continue
            if listed:
                # "发布了第二代VLA模型，以及Robotaxi、第二代IRON…": more objects of the clause before, the same event
                for _, slug, _ in named:
                    sighted += [(slug, "", *fields) for fields in last_event]
                continue
            moved = _moved_after(canon, last_event, rules) if last_event and not named else None
            if moved is not None:
                # "小鹏曾计划2025年量产IRON，现推迟至2026年": a clause moving or dropping what the one before planned
                change, marker = moved
                # "7月宣布推迟至明年上半年": the time it is moved to, not the day of saying so
                moved_to = [t for t in times if MOVED_TO.search(lowered, 0, t.start)]
                when = moved_to[-1] if moved_to else times[0] if times else None
                sighted += [(last_about[0], last_about[1], kind_id, when.period if when else None, when.words if when else "",
                             bool(when and when.relative), change, read, marker, sense)
                            for kind_id, _, _, _, state, read, _, sense in last_event if state == "planned"]
                last_event = []
                continue
            # "已通过场地测试，并取得测试许可": what a next clause opening with 并 shares
            previous = read_clause(canon, len(canon), len(canon), rules.clause)
            if previous.state == "hypothetical":
                condition = previous  # "若监管放行，陆地航母明年交付": a clause of its own that is a condition governs those after it
            elif rumour := rules.clause.hearsay.search(canon):
                condition = Clause("mention", rumour.group(0))  # "有消息指，…已被搁置": and so does one that is a rumour
            last_event = []
            continue
        named_later = False  # the subject is a topic named only in a later clause: a guess, as the article's is
        if subject is not None:
            about, subject_from = subject, "sentence"
        elif sentence_names and not rules.reference.search(canon):
            about, subject_from, named_later = ahead, "sentence", True
        elif sentence_names:
            continue  # "首次公開該模型，目前已用於第二代VLA的訓練": 该模型 is something named before, not the VLA after it
        else:
            about, subject_from = implied, implied_from
        company_here = company is not None and bool(company.search(canon if sentence_names else whole)
                                                    or (not sentence_names and company_nearby))
        about, subject_from, cues = _whose_event(canon, whole, cues, bool(named), bool(other_model), sentence_names, about,
                                                 subject_from, company_here, plant, rules)
        if rolled_out is not None:
            (_, about, name), cues = rolled_out
            subject_from = "sentence"
            if not cues:
                continue
        if about is None:
            continue
        named_later = named_later and about == ahead  # not when it became the company's own event
        # the clause's state is read at the word of the event it states: "at the Dubai showcase it carried out
        # its first manned flight" is a flight (showcase yields to it), read at "manned flight"
        # an event word only talked about ("unveiled IRON after months of testing") takes no other's place
        # (only the object of a preposition or a gerund: "revealed its delivery plan" yields to the plan it reveals)
        talked = {id(m) for m, _ in cues if len(cues) > 1
                  and (r := read_clause(canon, m.start(), m.end(), rules.clause, m.group(0))).state == "mention"
                  and r.marker.endswith(("…", "…ing"))}
        cued_ids = {k.id for m, k in cues if id(m) not in talked}
        stated_cues = [(m, k) for m, k in cues if not cued_ids & set(k.yields_to)] or cues
        first = min((m for m, _ in stated_cues), key=lambda m: m.start())
        each_of: list[str] = []  # "Robotaxi、IRON和飞行汽车都将量产": every topic of a coordinated subject
        if len(named) > 1:
            # "搭载第二代VLA的Robotaxi已通过测试": a topic before 的 and another topic modifies it; the head is the subject
            heads = [n for i, n in enumerate(named) if (i + 1 == len(named) or "的" not in canon[n[0]:named[i + 1][0]])
                     and n in carrying] or named
            earlier = [(slug, alias) for at, slug, alias in heads if at <= first.start()]
            about, name = earlier[-1] if earlier else heads[0][1:]
            each_of = (_each_of(canon, [n for n in named if n[0] <= first.start()], first.start())
                       or _objects_of(canon, [n for n in named if n[0] >= first.end()]))
        momentary = next(k.id for m, k in stated_cues if m is first) in rules.momentary_kinds
        reading = coordinated(read_clause(canon, first.start(), first.end(), rules.clause, first.group(0), momentary),
                              canon, previous, rules.clause)
        if condition is not None and reading.state in (None, "planned", "happened", "dropped", "delayed"):
            reading = Clause(condition.state, condition.marker)
        # 小鹏展示的第二代VLA: a relative clause with the company as its agent describes what it did —
        # at a time of its own, not the sentence's ("1月31日，小鹏推出的IRON摔倒": the fall's day)
        described = (reading.state == "mention" and company is not None
                     and reading.marker.replace(" ", "") == first.group(0).replace(" ", "") + "的"
                     and agent_before(canon, first.start(), company))
        if described:
            reading = Clause("happened", reading.marker)
        previous = reading
        if about in software:  # "deliveries (of the VLA) are targeted for 2027": the cars carrying it are, it is rolled out
            by_id = {k.id: k for k in rules.kinds}
            cues = [(m, by_id[rules.software_kinds.get(k.id, k.id)]) for m, k in cues]
        cued = {k.id for m, k in cues if id(m) not in talked}
        kinds = [k for m, k in sorted(cues, key=lambda c: c[0].start())
                 if not cued & set(k.yields_to)  # 推出 beside 量产: the production
                 and not (m is not first and id(m) in talked)
                 and not (earlier_only and k.id != "unveil")
                 and not rules.object_is_another_thing(canon, m, named)
                 and not (about != SITE_WIDE and _object_names_no_topic(canon, m, topics, rules))
                 # a later event word talked about, or what an approval allows (获批开展道路测试: the permit only)
                 and not (m is not first and rules.clause.mention_before.search(canon, 0, m.start()))
                 # "received a permit to deliver": the permit only ("plans to launch" is the plan it says)
                 and not (m is not first and reading.state != "planned" and in_infinitive(canon, m.start(), m.group(0), rules.clause))
                 # the subject is a guess: not when the words say it is something else
                 and not ((subject_from == "article" or named_later)
                          and (k.figurative.fullmatch(m.group(0)) or rules.other_object.match(canon, m.end())
                               or rules.model_object.match(canon, m.end()) or COUNTED_OBJECT.match(canon, m.end())))]
        # the day something was said dates neither a plan it reports nor an event it does not say happened
        time, offset, own_time = _clause_time(index, first, reading, about,
                                              [t for t in all_times if reading.state == "happened" or id(t) not in said_on],
                                              spans, canons, clause_topics, rules, lowered)
        if described:
            time, own_time = None, False
        said = reading.state
        time = _tense_anchored(time, said, published)
        if reading.talked_about and own_time and time and time.period and published and time.period.end > published:
            said = "planned"  # "on its road to mass-producing robots later this year": a plan with its own date
        state = _state(said, time, published, own_time)
        if previous.state is None and state == "planned":
            previous = Clause(state, "")  # "宣布2026年推出三款车型，并在广州展开试运营": a plan by its time, shared by 并
        if state is None or not kinds:
            continue
        if state == "planned" and (forecast := rules.forecast.search(whole)) and forecast.start() < start + first.start():
            continue  # "分析师预计IRON将于2027年量产", "Analysts expect …": someone else's forecast, no promise of the company's
        words = ""
        if time is not None:
            words = text[offset + time.start:offset + time.end].strip() if same_length else time.words
        named_as = name if about == subject or len(named) > 1 else ""
        period = time.period if time else None
        read = "borrowed" if subject_from == "article" else "described" if described else "clause"
        sense = next((rules.sense_of(m.group(0)) for m, k in sorted(cues, key=lambda c: c[0].start()) if k.id == "other"), "")
        last_event = [(kind.id, period, words, bool(time and time.relative), state, read, reading.marker,
                       sense if kind.id == "other" else "") for kind in dict.fromkeys(kinds)]
        # Sighting's fields in order: topic, named, kind, period, when_text, relative, state, read, marker, sense
        sighted += [(about, named_as, *fields) for fields in last_event]
        sighted += [(slug, "", *fields) for slug in each_of if slug != about for fields in last_event
                    # a software topic's mass production is its rollout: such kinds are shared only between topics alike
                    if fields[0] not in remapped or (slug in software) == (about in software)]
        last_about = (about, named_as)
    # One sentence states one event of a kind about a subject: the clause that dates it says it best.
    best: dict[tuple[str, str], tuple] = {}
    for fields in sighted:
        key = (fields[0], fields[2], fields[6], fields[9])  # a plan and a report of one kind are two events
        if key not in best or (best[key][3] is None and fields[3] is not None):
            best[key] = fields
    return tuple(best.values())


# An English participial aside set off by commas ("mass production of IRON, originally scheduled for late 2026,
# has been pushed back"; "The IRON robot, first shown in 2024, is now being tested"): a description of the noun
# before it, cutting that noun off from its verb.
PARTICIPIAL_ASIDE = re.compile(r",\s(?:(?:originally|initially|first|previously|once|already|also|later|long)\s)?"
                               r"(?:[a-z]{3,}ed|shown|known|built|made|seen|set|held|begun|given)\s[^,;.]{0,80}?,\s")


def _without_bare_asides(simplified: str, rules: MilestoneRules) -> str:
    """`simplified` with its participial asides that name no event of their own blanked out (every other character
    where it was), so that the noun before one and the verb after it are read as one clause; an aside stating an
    event of its own ("IRON, unveiled in November, will …") stays a clause, read about that noun."""
    if ", " not in simplified:
        return simplified
    return PARTICIPIAL_ASIDE.sub(lambda m: m.group(0) if rules.any_cue.search(m.group(0).lower()) else " " * len(m.group(0)),
                                 simplified)


# What a clause holding only a time has besides it: a preposition, punctuation ("…, in March.", "…，于3月。").
TIME_ONLY = re.compile(r"[\s,，。.;；]*(?:(?:in|on|at|by|from|since|starting|于|在|自|从)\s?)?[\s,，。.;；]*")


def _without_times(canon: str, times: list[TimeMention], offset: int) -> str:
    """`canon` (a clause starting at `offset` in its sentence) with its times' words taken out."""
    for t in sorted(times, key=lambda t: -t.start):
        canon = canon[:t.start - offset] + canon[t.end - offset:]
    return canon


def _object_names_no_topic(canon: str, verb: re.Match, topics: tuple[Topic, ...], rules: MilestoneRules) -> bool:
    """Whether an English event verb of one word has a direct object naming no topic: "launched a marketing campaign
    for the IRON robot", "the IRON robot launched XPeng into …", "tested the market's appetite with the Robotaxi"
    — the event is done to that object. (A verb with a particle, "rolled off the line", takes no such object.)"""
    said = verb.group(0)
    if " " in said or said not in rules.clause.verb_forms or (DETERMINED.search(canon, 0, verb.start()) and said not in rules.clause.past_forms):
        return False  # "the Robotaxi launch": a noun ("the IRON robot launched XPeng into …" is a verb's past)
    obj = ENGLISH_DIRECT_OBJECT.match(canon, verb.end())
    if obj is None:
        return False
    return not any(t.alias_pattern and t.alias_pattern.search(canon, verb.end(), obj.end()) for t in topics)


BARE_FUTURE = dt.timedelta(days=62)  # how far ahead a clause with no word of plan may put a year-less time


def _tense_anchored(time: TimeMention | None, said: str | None, published: dt.date | None) -> TimeMention | None:
    """`time` as the clause's tense places it: a year-less day a report, or a clause saying no plan, puts after the
    article is last year's ("completed … on December 12", 3月初开始推送, said in November), a recurring time a plan puts before it the coming one
    ("will unveil IRON on Wednesday", said on a Monday)."""
    if time is None or time.period is None or published is None:
        return time
    if time.yearless and (said == "happened" and time.period.start > published
                          or said is None and time.period.start > published + BARE_FUTURE):
        # a report's, or a clause's saying no plan (what is to come months ahead news says with 将, 计划, "will";
        # a bare 3月19日起推送 said on the 17th is days ahead): last year's — "3月初开始推送" in a year's review
        return time.in_year_before()
    if said == "planned" and time.recurs and time.period.end < published:
        return time.next_round()
    return time


def _with_time(fields: tuple, time: TimeMention, text: str | None, published: dt.date | None) -> tuple:
    """An undated event's fields (kind, period, words, relative, state, …) given `time` — unless a report would
    then be dated after the article that makes it."""
    if fields[4] == "happened" and published is not None and time.period.start > published:
        return fields
    words = text[time.start:time.end].strip() if text is not None else time.words
    return (fields[0], time.period, words, time.relative, *fields[4:])


def _event_words(canon: str, rules: MilestoneRules, company: re.Pattern | None) -> tuple[list[tuple[re.Match, Kind]], tuple | None]:
    """(the event words of a clause with their kinds, the plant-building words found in it or None)."""
    cues = [(m, kind) for kind in rules.kinds for m in [rules.kind_at(kind, canon, company)] if m is not None] \
        if rules.any_cue.search(canon) else []
    # 首款前装量产Robotaxi, 首批量产飞行汽车: an event word after a count of things describes them
    # (not when the event word goes on as the clause's predicate: 首批用户交付已于11月开始 is a delivery)
    cues = [(m, k) for m, k in cues if not (COUNTED_BEFORE.search(canon, 0, m.start()) and not PREDICATE_AFTER.match(canon, m.end()))]
    # "a test flight": an event word inside a longer one of another kind is a part of that one
    cues = [(m, k) for m, k in cues if not any(o.start() <= m.start() and m.end() <= o.end() and o.end() - o.start() > m.end() - m.start()
                                               for o, _ in cues)]
    # "the first customer deliveries": an English event noun right before another event word modifies it
    cues = [(m, k) for m, k in cues if not (m.group(0).isascii() and canon[m.end():m.end() + 1] == " "
                                            and any(o.start() == m.end() + 1 for o, _ in cues))]
    plant = rules.builds_plant(canon)
    if plant is not None:
        # 建成…量产工厂: the plant's construction (other progress); 开设工厂: its production started.
        # 量产 before 工厂 names the plant, not an event.
        said, plant_kind = plant
        cues = [(m, k) for m, k in cues if k.id != "mass-production"]
        if not any(k.id == plant_kind for _, k in cues):
            cues.append((said, next(k for k in rules.kinds if k.id == plant_kind)))
    return cues, plant


def _whose_event(canon: str, whole: str, cues: list, names_topic: bool, names_other_model: bool, sentence_names: bool,
                 about: str | None, subject_from: str, company_here: bool, plant, rules: MilestoneRules) -> tuple[str | None, str, list]:
    """(whose events a clause states — `about`, its topic as found so far, else none, another thing's or the company's
    (SITE_WIDE) —, where that was found, and its event words, only those of the company's kinds when it is the company's)."""
    # "宣布了端到端大模型上车", "2026款X9上市": the event of a thing the clause names, not of the topic around it
    # …and a clause naming nothing in a sentence naming such a thing and no topic: "小鹏天玑AIOS 6.0首次让…，本月将开始推送"
    if not names_topic and (names_other_model or rules.own_things.search(canon) or rules.car_models.search(canon)
                            or (not sentence_names and rules.own_things.search(whole))):
        about, subject_from = None, ""
    own_other = rules.site_wide_other.search(canon)
    if own_other and not names_topic and company_here:
        about = None  # its results, a reorganisation: the company's own event, whatever topic the sentence names after
    if rules.car_models.search(canon):  # launching a line-up of models (三款Robotaxi车型, new SUVs) is putting it on sale
        launch = next(k for k in rules.kinds if k.id == "commercial-launch")
        cues = [(m, launch if k.id in rules.car_launch_from else k) for m, k in cues]
    if about is None and company_here:
        # its results released ("released its third-quarter results"): the results, no launch
        kinds_here = [(m, k) for m, k in cues if (k.id in rules.site_wide_kinds and not own_other) or (k.id == "other" and (own_other or plant))]
        return (SITE_WIDE, "sentence", kinds_here) if kinds_here else (None, "", cues)
    return about, subject_from, cues


CARRIER_EVENTS = ("production-start", "mass-production", "commercial-launch", "delivery")  # of a car, a component's rollout
SUBORDINATOR = re.compile(r"(?<![a-z])(?:after|before|when|since|following|once|until)\s")
GOVERNED_TIME = re.compile(r"(?:(?:the|early|late|mid|end|start|beginning|of|first|second|half|this|next|last)[\s-])*")
# Right before the time an event is moved to: 推迟至2027年, 延后到, "pushed back to 2027", "delayed until".
MOVED_TO = re.compile(r"(?:至|到|(?<![a-z])(?:to|until|till|into))\s?$")


def _clause_time(index: int, first: re.Match, reading: Clause, about: str, all_times: list[TimeMention],
                 spans: list[tuple[int, int]], canons: list[str], clause_topics: list[set[str]],
                 rules: MilestoneRules, lowered: str) -> tuple[TimeMention | None, int, bool]:
    """(the time of clause `index`'s event, where the clause starts in the sentence when the time is its own, whether it is
    its own or a frame's): its own time nearest the event word, else one a clause before frames it with, else the
    sentence's only time when the clause holding it states the same."""
    start, end = spans[index]
    times = [replace_span(t, -start) for t in all_times if start <= t.start < end]
    if reading.state == "delayed" and (new := [t for t in times if MOVED_TO.search(lowered, 0, start + t.start)]):
        return new[-1], start, True  # 原定于2026年启动的试运营将推迟至2027年: moved to 2027, not 2026's
    # "shares rose on Thursday after it showed a new robot": a time before a subordinating conjunction dates the verb
    # before it, not the event after it
    others = [t for t in times if first.group(0).isascii() and (
              t.end <= first.start() and SUBORDINATOR.search(lowered, start + t.end, start + first.start())
              # "suspended testing after a collision on Monday": a time after a subordinating conjunction is its clause's
              # (not one the conjunction governs itself: "until the end of 2026", "before 2027", "since March")
              or t.start >= first.end() and any(not GOVERNED_TIME.fullmatch(lowered, m.end(), start + t.start)
                                                for m in SUBORDINATOR.finditer(lowered, start + first.end(), start + t.start)))]
    if others and len(others) == len(times):
        return None, 0, False  # nor is it the sentence's only time
    times = [t for t in times if t not in others]
    if times:  # the time nearest the event word; in Chinese, before it, where a time adverbial stands
        # (自2024年首次公开飞行、2025年初在海外首秀: the flight is 2024's)
        before_cue = [t for t in times if t.end <= first.start()] if not first.group(0).isascii() else []
        return min(before_cue or times, key=lambda t: abs(t.start - first.start())), start, True
    # A time fronted in a clause with no event of its own ("At its AI Day on Wednesday, …",
    # "2025年12月底，…") frames what follows: it dates this clause as its own would. Else
    # the sentence's only time, when its clause states an event in the same state
    # ("2026年推出三款车型，同时还将启动试运营") — never across a change of state, nor to a clause saying none
    # ("hopes to start deliveries in 2026, pending certification": the certification is not 2026's):
    # "已经从试产线下线，今年内亦会实现量产" leaves the first clause undated.
    holders = [(t, next(i for i, (a, b) in enumerate(spans) if a <= t.start < b)) for t in all_times]
    framing = [t for t, i in holders if i < index and not clause_topics[i] - {about} and not _cue_in(rules, canons[i])
               # "On February 26, he said VW will become …": the time dates the saying, not a plan it reports
               and not (reading.state == "planned" and rules.clause.reporting.search(whole_between(canons, i, index)))]
    if framing:
        return framing[-1], 0, True
    if reading.state is not None and len(holders) == 1 and not clause_topics[holders[0][1]] - {about}:
        cue = _cue_in(rules, canons[holders[0][1]])
        if cue is not None and read_clause(canons[holders[0][1]], cue.start(), cue.end(), rules.clause,
                                           cue.group(0)).state == reading.state:
            return all_times[0], 0, False
    return None, 0, False


RECIPIENT_BEFORE = re.compile(r"(?:向|给|替)\s?(?:小鹏\s?)?$")  # right before a topic: it is whom the event is for
# A count of things right before an event word (two descriptive characters may come between):
# 首款前装量产Robotaxi, 首批量产飞行汽车 name things, as "the first mass-produced robotaxi" does —
# not when a preposition makes the counted ones its object (向首批用户交付: delivered to them).
COUNTED_BEFORE = re.compile(r"(?<![向给为对])(?:首|[一二两三四五六七八九十\d]+)\s?(?:款|台|辆|批|架)\s?[\u4e00-\u9fff]{0,2}$")

PREDICATE_AFTER = re.compile(r"\s?(?:已|将|于|在|正|也|均|都|了|[，,。；;]|$)")  # after an event word that heads its clause
SAID_AFTER = re.compile(r"\s?(?:[（(][^）)]{1,8}[）)]|[）)])?\s?")  # between a day and the verb saying something on it: （5日）
DATELINE_AFTER = re.compile(r"\s?\((?:[a-z][a-z .&-]{1,30})\)\s?[-–—]")  # "Nov 5 (Reuters) -"
SAID_ON = re.compile(r"\s(?:on\s|in\s|at\s|last\s|this\s)?$")  # between a verb of saying and the day it was said


def _said_right_before(lowered: str, at: int, rules: MilestoneRules) -> bool:
    """Whether a verb of saying (milestones.yml reporting_verbs) ends right before the time at `at`, a
    preposition between: "said on Wednesday", "announced last week"."""
    gap = SAID_ON.search(lowered, max(0, at - 16), at)
    return gap is not None and any(m.end() == gap.start() for m in rules.clause.reporting.finditer(lowered, max(0, at - 30), gap.start()))

# A count right after an event word is its object ("delivered 500 cars", 交付了500台): some number of things,
# which a clause naming no topic does not make the topic.
COUNTED_OBJECT = re.compile(r"\s?了?\s?(?:over |more than |nearly |about |around )?(?:\d[\d,.]*|[一二两三四五六七八九十百千万]+)\s?"
                            r"(?:万|千|million|thousand)?\s?(?:台|辆|架|款|个|套|[a-z])")

# Between the agent of a relative clause and its event word (小鹏汽车此次发布的X): a company word, an adverb.
AGENT_TO_VERB = re.compile(r"(?:汽车|集团|公司)?\s?(?:同时|此次|这次|今年|去年|正式|首次|最新)?\s?$")


def agent_before(canon: str, at: int, agent: re.Pattern) -> bool:
    """Whether `agent` (the company) is what does the event word at `at`: its name ends right before it."""
    between = AGENT_TO_VERB.search(canon, 0, at)
    head = canon[:between.start()] if between else canon[:at]
    return any(m.end() == len(head) for m in agent.finditer(head))


# Between the names of a coordinated subject, and after it before its verb, a word saying the verb is each one's.
COORDINATED = re.compile(r"\s*(?:、|,|，|和|与|及|以及|跟|同|and|,\s*and|&)\s*(?:the\s)?")
DISTRIBUTIVE = re.compile(r"都|均|皆|(?<![a-z])(?:all|both|each)(?![a-z])")


def _joined_by(canon: str, named: list[tuple[int, str, str]], between: re.Pattern) -> bool:
    """Whether every two names in a row of `named` (position, slug, alias) have only `between` between them."""
    return all(between.fullmatch(canon, at + len(canonical(alias)), after)
               for (at, _, alias), (after, _, _) in zip(named, named[1:]))


def _each_of(canon: str, named: list[tuple[int, str, str]], verb_at: int) -> list[str]:
    """The topics of a coordinated subject whose verb a distributive word makes each one's ("Robotaxi、IRON和飞行汽车
    都将在2026年量产", "The Robotaxi, IRON and the flying car will all enter …"); else none."""
    if len(named) < 2 or not _joined_by(canon, named, COORDINATED):
        return []
    last_at, _, last_alias = named[-1]
    each = (DISTRIBUTIVE.search(canon, last_at + len(canonical(last_alias)), verb_at)
            or re.search(r"(?<![a-z])both\s(?:the\s)?$", canon[:named[0][0]]))  # "Both the Robotaxi and IRON will …"
    return [slug for _, slug, _ in named] if each else []


# Between two objects of one verb: a conjunction, a few words of their heads and modifiers on either side
# (发布第二代VLA大模型、Robotaxi及新一代IRON人形机器人).
LISTED = re.compile(r"[^，。；,;的]{0,8}?(?:、|和|与|及|以及|(?<![a-z])and(?![a-z]))[^，。；,;的]{0,8}?")


def _objects_of(canon: str, named: list[tuple[int, str, str]]) -> list[str]:
    """The topics listed as objects after a clause's event word, each of which the event is of; else none."""
    return [slug for _, slug, _ in named] if len(named) > 1 and _joined_by(canon, named, LISTED) else []


LIST_CONTINUES = re.compile(r"\s*(?:(?:and|or)\s)?(?:(?:the|its|their|a|an|xpeng's)\s)?(?:new\s)?")


def _more_listed_objects(canon: str, named: list[tuple[int, str, str]], rules: MilestoneRules) -> bool:
    """Whether a clause with no event word only continues the list of objects the clause before ended with,
    as English cuts a list at its commas: "unveiled the second-generation VLA, the Robotaxi and IRON"."""
    if not LIST_CONTINUES.fullmatch(canon, 0, named[0][0]) or not _joined_by(canon, named, LISTED):
        return False
    last_at, _, last_alias = named[-1]
    tail = canon[last_at + len(canonical(last_alias)):]
    return not any(rules.clause.markers[state].words.search(tail) for state in ("planned", "happened", "negated"))


def _moved_after(canon: str, last_event: list[tuple], rules: MilestoneRules) -> tuple[str, str] | None:
    """(delayed or dropped, its word) when a clause with no event word of its own moves or gives up the plan of
    the clause before it ("…，现推迟至2026年", "…, but was later cancelled"); else None."""
    if not any(fields[4] == "planned" for fields in last_event):
        return None
    found = sorted((m.start(), state, m.group(0)) for state in ("dropped", "delayed")
                   for m in rules.clause.markers[state].words.finditer(canon))
    if not found or rules.clause.markers["negated"].words.search(canon, 0, found[0][0]):
        return None  # "…，目前没有推迟的计划": not moved
    if read_clause(canon, len(canon), len(canon), rules.clause).state == "hypothetical":
        return None  # "…，为什么要延后？", "…, but could be delayed": asked or possible, not moved
    return found[0][1], found[0][2]


def whole_between(canons: list[str], first: int, last: int) -> str:
    """The clauses from `first` to `last`, joined: where a reporting verb may stand between a time and an event."""
    return " ".join(canons[first:last + 1])


def _cue_in(rules: MilestoneRules, canon: str) -> re.Match | None:
    """The first event word of any kind in a clause, else None."""
    found = [m for k in rules.kinds for m in [rules.kind_at(k, canon)] if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


def replace_span(time: TimeMention, shift: int) -> TimeMention:
    """The mention with its position counted from `shift` characters later (from its clause's start)."""
    return replace(time, start=time.start + shift, end=time.end + shift)


def _only_topic(passage: Passage) -> str | None:
    """A sentence naming no topic is about its passage's topic, if that is one clearly."""
    about = [slug for slug in passage.scores if passage.about(slug)]
    return about[0] if len(about) == 1 else None


def _state(said: str | None, time: TimeMention | None, published: dt.date | None, own_time: bool = True) -> str | None:
    """planned, happened, dropped or delayed; None when the clause states no event or says too little to tell.

    `said`: what the clause's own words say (clauses.read_clause). Its time
    only vetoes: nothing dated after the article is taken as happened. A
    clause that says nothing is read from its time when that is clear — a
    time wholly before the article, or the article's own day — and not when
    its time is a month, quarter or year around the article's date, nor
    from a time it shares with its sentence (`own_time` False): that would
    borrow a state from a sibling clause.
    """
    if said in ("mention", "hypothetical", "negated"):
        return None
    if said in ("dropped", "delayed"):
        return said
    period = time.period if time else None
    if period is not None and published is not None and period.start > published:
        return "planned"  # never taken as happened before it was said
    if said == "planned":  # a plan with no time, or only a vague one (日后, "in the future"), is no promise to track
        return said if time is not None else None
    if said == "happened":
        return said
    if period is None or published is None or not own_time:
        return None
    if period.end < published or period.precision == "day":
        return "happened"
    return None


# ---------------------------------------------------------------------------
# One milestone per event, and its status


@dataclass
class _Track:
    topic: str
    kind: str
    due: Period | None
    plans: list[Sighting] = field(default_factory=list)
    reports: list[Sighting] = field(default_factory=list)
    done: Period | None = None
    moved_to: Period | None = None
    dropped: bool = False

    @property
    def current_due(self) -> Period | None:
        return self.moved_to or self.due

    announced: dt.date | None = None  # the earliest date one of its sentences was said on

    def __post_init__(self):
        for s in self.plans + self.reports:
            self._said(s)

    def plan(self, s: Sighting) -> None:
        self.plans.append(s)
        self._said(s)

    def report(self, s: Sighting) -> None:
        self.reports.append(s)
        self._said(s)

    def _said(self, s: Sighting) -> None:
        # Kept as sentences join: rows are compared by it for every report
        # placed, which summed over all of a row's sentences each time.
        if s.said_on and (self.announced is None or s.said_on < self.announced):
            self.announced = s.said_on


def _order(s: Sighting) -> tuple:
    date = s.said_on.toordinal() if s.said_on else 10**7
    return (date, s.citation.article.slug, s.citation.paragraph_id)


def track(sightings: list[Sighting], topics: tuple[Topic, ...], as_of: dt.date | None) -> list[Milestone]:
    """One Milestone per (topic, kind, period), each with its status as of `as_of`."""
    # other progress of one sort is tracked apart from other sorts: a crash never keeps a promise to finish a plant
    groups: dict[tuple[str, str, str], list[Sighting]] = defaultdict(list)
    for s in sightings:
        groups[(s.topic, s.kind, s.sense)].append(s)
    titles = {t.slug: t.title_zh for t in topics} | {SITE_WIDE: "小鹏 XPeng"}
    proper = {t.slug: canonical(t.aliases[0]) if t.aliases else "" for t in topics}
    rules = load_milestone_rules()
    labels = {k.id: f"{k.label_zh} {k.label_en}" for k in rules.kinds}
    milestones = []
    for (topic, kind, sense), members in groups.items():
        label = rules.sense_labels.get(sense) or labels.get(kind, kind)  # other progress by its sort: "事故 incident"
        for t in _tracks(sorted(members, key=_order)):
            milestones.append(_milestone(t, _subject(t, titles.get(topic, topic), proper.get(topic, "")), label, as_of))
    ids: dict[str, int] = defaultdict(int)
    unique = []
    for m in sorted(milestones, key=lambda m: (m.due.start if m.due else dt.date.max, m.topic, m.kind, m.id)):
        ids[m.id] += 1
        unique.append(m if ids[m.id] == 1 else _with_id(m, f"{m.id}-{ids[m.id]}"))
    # A row named after an undated sentence is renamed when another comes to stand first (a dated
    # article's report of the same event): the names its first few undated sentences would give it stay
    # anchors on the row, so a link pasted before the new article came still lands there. A sentence
    # that named the row once stands among the first: only those added since can come before it. (Not
    # every sentence's: a story republished sixty times put 600 anchors, 44 KB, on one topic page.)
    taken = {m.id for m in unique}
    for at, m in enumerate(unique):
        anchors = []
        for s in [s for s in m.plans if s.period is None][:FORMER_NAMES] + [s for s in m.reports if s.period is None][:FORMER_NAMES]:
            if (name := _undated_id(m.topic, m.kind, s)) not in taken:
                taken.add(name)
                anchors.append(name)
        if anchors:
            unique[at] = replace(m, anchors=tuple(anchors))
    return unique


def _subject(t: _Track, title: str, proper: str) -> str:
    """The name the sentences use most (陆地航母 rather than the topic's 飞行汽车), else the topic's title.

    The topic's own proper name and English phrases count for the title.
    """
    def shown(name: str) -> str:
        phrase = name.isascii() and (" " in name.strip() or "-" in name)
        return title if not name or phrase or canonical(name) == proper or canonical(name) in canonical(title) else name

    names = Counter(shown(s.named) for s in t.plans + t.reports)
    return max(names, key=lambda n: (names[n], n == title)) if names else title


def _with_id(m: Milestone, new_id: str) -> Milestone:
    return replace(m, id=new_id)


def _tracks(ordered: list[Sighting]) -> list[_Track]:
    tracks: list[_Track] = []
    plans = [s for s in ordered if s.state in ("planned", "delayed")]
    kept = [s.period for s in ordered if s.state == "happened" and s.read == "clause" and s.period is not None]
    # Finer periods first, so "2026" joins the quarter it covers rather than founding a row of its own.
    for s in sorted(plans, key=lambda s: (_order(s)[0], _width(s.period))):
        target = _joinable(tracks, s)
        if target is not None:
            target.plan(s)
            continue
        moved = _moved_from(tracks, s, kept) if s.read == "clause" else None
        if moved is not None:
            moved.moved_to = s.period
            moved.report(s)
            continue
        # a later source telling of the same move ("原定今年底量产，7月宣布推迟至明年上半年")
        told = next((t for t in tracks if s.state == "delayed" and t.moved_to and s.period and t.moved_to.overlaps(s.period)), None)
        if told is not None:
            told.report(s)
            continue
        tracks.append(_Track(s.topic, s.kind, s.period, plans=[s]))
    # Dated reports first: an undated one then joins a row of its own article, not the first row of its kind.
    for s in sorted((s for s in ordered if s.state == "happened"), key=lambda s: s.period is None):
        # Only a report read from its own clause closes a plan: one whose subject is the
        # article's guess is listed on a row of its own, never a promise's evidence.
        if s.read == "described":
            # "小鹏推出的第二代VLA，…" presupposes an unveiling on record: the latest one said before it;
            # with none, it founds no row (each such sentence would otherwise be a launch of its own)
            earlier = [t for t in tracks if not t.plans and (t.done or t.due)
                       and (t.done or t.due).start <= (s.said_on or dt.date.max)]
            if earlier:
                max(earlier, key=lambda t: (t.done or t.due).start).report(s)
            continue
        target = _reported_by(tracks, s) if s.read == "clause" else None
        if target is None:
            same = [t for t in tracks if not t.plans and _same_event(t, s)]
            # Undated, the latest such row: "科技日上发布了IRON" is this year's unveiling, not 2024's.
            target = max(same, key=lambda t: t.due.start if t.due else dt.date.min) if same else None
            if target is None:
                tracks.append(_Track(s.topic, s.kind, s.period, reports=[s], done=s.period))
                continue
        target.report(s)
        if target.done is None or (s.period and target.done.precision != "day" and s.period.precision == "day"):
            target.done = s.period or target.done
        if target.plans:
            # What has happened by now fulfils every earlier promise of it already due: "in its first
            # month of rollout" (June) closes the Q1 rollout plan and the 3月19日 one alike.
            for other in _also_fulfilled(tracks, target, s):
                other.report(s)
    for s in (s for s in ordered if s.state == "dropped"):
        candidates = [t for t in tracks if t.plans and t.announced and s.said_on and t.announced < s.said_on and s.read == "clause"]
        if candidates:
            candidates[-1].dropped = True
            candidates[-1].report(s)
        else:
            tracks.append(_Track(s.topic, s.kind, s.period, reports=[s], dropped=True))
    return tracks


def _width(period: Period | None) -> int:
    return (period.end - period.start).days if period else 10**6


RECENT = dt.timedelta(days=92)  # an undated report of an event is of one at most a quarter old


def _same_event(t: _Track, s: Sighting) -> bool:
    """Whether a report restates a reported row: overlapping dates; or, undated, a row its own
    article gave or one that happened shortly before the report (科技日上发布了…, days after the Tech Day);
    or, from an article without a date, any dated row (the latest is taken): "IRON首度亮相" in an
    undated article is the unveiling another source dates, not a second one."""
    if s.period is None:
        if not _fits_month(t.due, s):
            return False  # "On March 2nd … unveiled" is not the unveiling a row dates November 5
        if t.due is None and t.kind != "other":
            return True  # two undated reports of one kind of event about one subject: nothing says they differ
        if s.said_on is None:  # neither dated nor from a dated article: nothing says it is another event —
            return t.due is not None and t.kind != "other"  # but flights, crashes, funding rounds recur
        same_article = any(r.citation.article.report == s.citation.article.report for r in t.reports)  # a copy is the same report
        recent = t.due is not None and s.said_on is not None and t.due.start <= s.said_on <= t.due.end + RECENT
        return same_article or recent
    return t.due is not None and t.due.overlaps(s.period)


# Two days seven months apart, to tell a month a sighting's words state (明年4月, "March 2nd") from one they take from the
# day they are read against (本月, "this month").
_TWO_READINGS = (dt.date(2001, 2, 15), dt.date(2001, 9, 15))


def _month_said(when_text: str) -> int | None:
    """The month an undated sighting's words (`when_text`) state without saying the year, else None."""
    said = set()
    for day in _TWO_READINGS:
        times = [t.period for t in read_times(to_simplified(when_text), day, load_time_rules())
                 if t.period is not None and t.period.precision in ("month", "day")]
        if not times:
            return None
        said.add(times[0].start.month)
    return said.pop() if len(said) == 1 else None


def _fits_month(period: Period | None, s: Sighting) -> bool:
    """Whether `period` can be when an undated sighting's stated month falls, in some year."""
    month = _month_said(s.when_text) if s.period is None and s.when_text else None
    if month is None or period is None or period.start.year != period.end.year:
        return True
    # months only: a story may date the news ("11月30日，…传来消息：…已正式试产"), not the event
    return period.start.month <= month <= period.end.month


def _joinable(tracks: list[_Track], s: Sighting) -> _Track | None:
    """The row this plan restates: same period or one containing the other; without a date, the only row."""
    planned = [t for t in tracks if t.plans]
    if s.period is None:
        return planned[0] if len(planned) == 1 and s.state != "delayed" and _fits_month(planned[0].current_due, s) else None
    # (or the date it was first promised for, before it was moved: "IRON原本計劃今年底量產" restates that promise)
    overlapping = [t for t in planned if t.current_due is None or t.current_due.overlaps(s.period)
                   or (t.moved_to is not None and t.due is not None and t.due.overlaps(s.period))]
    if s.state == "delayed":
        return None
    return min(overlapping, key=lambda t: _width(t.current_due)) if overlapping else None


def _moved_from(tracks: list[_Track], s: Sighting, kept: list[Period] = ()) -> _Track | None:
    """The row a later source moves to a later date: it says so, or says it after the old date passed — unless a
    report says it happened in its time (`kept`): a plan said after a kept promise is a new one (the VLA's push to
    Europe next February does not move its March push at home)."""
    if s.period is None or s.said_on is None:
        return None
    for t in reversed(tracks):
        due = t.current_due
        if not t.plans or due is None or t.done or s.period.start <= due.end:
            continue
        if s.state != "delayed" and any(p.overlaps(due) for p in kept):
            continue
        if t.announced and s.said_on > t.announced and (s.state == "delayed" or s.said_on > due.end):
            return t
    return None


def _also_fulfilled(tracks: list[_Track], target: _Track, s: Sighting) -> list[_Track]:
    """The other open promised rows a report of the event fulfils as well: announced before it
    and due before it was said (one due later, a global rollout next year, is still to come).
    A plan from an undated article was said before the event it plans (see _reported_by)."""
    if s.said_on is None:
        return []
    return [t for t in tracks if t is not target and t.plans and not t.dropped and t.done is None
            and not any(r.state == "happened" for r in t.reports)
            and t.current_due is not None and t.current_due.end < s.said_on
            and ((t.announced is not None and t.announced < s.said_on)
                 or (t.announced is None and s.period is not None and s.period.start >= t.current_due.start))]


def _reported_by(tracks: list[_Track], s: Sighting) -> _Track | None:
    """The promised row a later report of it happening belongs to. A plan from an undated article
    was said before the event it plans — once it happened, it would have been reported, not
    planned — so an event dated in or after the plan's period is its report."""
    when = s.period.end if s.period else s.said_on
    candidates = []
    for t in tracks:
        if not t.plans or s.said_on is None:
            continue
        announced, due = t.announced, t.current_due
        if announced is None:
            # a plan from an undated article was said before its event: one dated in or after its period
            if s.period is None or due is None or s.period.start < due.start:
                continue
        elif s.said_on <= announced:
            continue
        elif s.period is not None and s.period.end < announced:
            continue  # it happened before anyone promised it: another event
        candidates.append((abs((due.end - when).days) if due and when else 0, t))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _milestone(t: _Track, subject: str, kind_label: str, as_of: dt.date | None) -> Milestone:
    due = t.current_due
    note = ""
    if t.dropped:
        status = "dropped"
    elif t.done is not None or (t.reports and not t.plans) or any(r.state == "happened" for r in t.reports):
        status = "done"
        if t.plans and due is not None and t.done is not None and t.done.start > due.end:
            status = "late"
            note = f"晚 {_months_between(due.end, t.done.start)} 个月 late by {_months_between(due.end, t.done.start)} month(s)"
        elif t.plans and due is not None and t.done is None:
            reported = min(r.said_on for r in t.reports if r.state == "happened" and r.said_on) if any(
                r.said_on for r in t.reports if r.state == "happened") else None
            if reported and reported > due.end and reported - due.end > dt.timedelta(days=31):
                note = f"最早的报道在 {reported.isoformat()} · first reported {reported.isoformat()}"
    elif t.moved_to is not None:
        status = "moved"
        note = f"由 {t.due.label} 改至 {t.moved_to.label} · moved from {t.due.label} to {t.moved_to.label}"
    elif due is None:
        status = "undated"
        note = "相对时间无法推算（文章无日期） · relative time, article undated" if any(p.relative for p in t.plans) else ""
    elif as_of is not None and as_of > due.end:
        status = "overdue"
        note = "截至最新来源，这些来源中没有兑现的报道 · no report in these sources"
    else:
        status = "upcoming"
    first = (t.plans or t.reports)[0]
    ident = _undated_id(t.topic, t.kind, first) if first.period is None else f"m-{t.topic}-{t.kind}-{first.period.key}"
    return Milestone(
        id=ident, topic=t.topic, subject=subject, kind=t.kind, kind_label=kind_label, due=t.due,
        announced=t.announced, status=status, status_note=note, done=t.done, moved_to=t.moved_to,
        plans=tuple(t.plans), reports=tuple(t.reports),
    )


def _undated_id(topic: str, kind: str, named_after: Sighting) -> str:
    """The id of a row whose first sentence gives no time: named after that sentence's paragraph."""
    return f"m-{topic}-{kind}-undated-" + hashlib.sha1("\x1f".join(named_after.citation.key).encode()).hexdigest()[:6]


def _months_between(a: dt.date, b: dt.date) -> int:
    return max(1, (b.year - a.year) * 12 + b.month - a.month)
