"""Reading a sentence clause by clause: what each clause says of its event, from its own words.

In: a sentence (its canonical form: Simplified script, lower case) and where
an event word of data/milestones.yml stands in it. Out: the Clause holding
that word and its `state`, with the marker that decided it, so a reader can
be told why ("read as: plan · 将").

The grammar, in the order it is applied:

1. **Clauses.** A sentence splits at 。；，：！？ and before English
   conjunctions that open a second verb phrase (", and will …", "while",
   "but"). Nothing is borrowed from a sibling clause: 已经从试产线下线，今年内亦会
   实现量产与交付 is two clauses, happened and planned.
2. **Presupposed.** A temporal frame or the event's date right after the event
   word (开放试驾之后, 获得受理以来, 发布时间 — `presupposed_after`) takes the event
   as given: the clause says nothing of its state itself, and the caller reads
   it from the clause's own time (happened when that is past), even where the
   frame is talked about (谈到…开放试驾之后的市场反应). A word moving it moves the
   event (交付时间推迟到2027年).
3. **Mention.** The event word names a thing or a topic, not an event: a
   noun head right after it (量产挑战, 量产进展, mass-production challenges —
   `mention_heads`); a plan for it (公布了量产计划, "its delivery schedule" —
   `plan_heads`: given up or moved, the event is; with a future time of its
   own, planned); news of a change to it (量产推迟的消息); or a discussion verb
   or a head noun with "of/to" before it in the clause (谈到…量产, "the road to
   mass production" — `mention_before`; with a future time of its own, "the
   road to mass-producing robots later this year" is a plan),
   an English event noun after a preposition ("ready for delivery"), an event verb's -ing form after one
   ("a year for bringing AI to market"), or its infinitive ("won approval to launch"; a plan word
   before it still makes a plan, "plans to launch", and an implicative verb lets the tense speak,
   "started to test"),
   or a purpose (为了/用于/in order to), or a description: a copula before it
   and 的 and a noun after it (这是首个批量生产飞行汽车的工厂), or a rumour (传闻, 有消息指,
   "rumours that" — `hearsay`; a clause of its own that is one frames those after it).
   A mention states no event.
4. **Hypothetical.** A question (the clause ends in ？/?; 能否, 是否, "whether" ask inside it) states
   nothing (checked first of all: "IRON真的已经量产了吗？" is asked, not said).
   A condition in the clause (如果/若/一旦/if/unless/could);
   a clause of its own that is a condition (若监管放行，…, "If regulators approve, …")
   makes the clauses after it in its sentence hypothetical too (milestones.py).
5. **Negated.** A negation before the event word (未/尚未/没有/不/not/never/yet to),
   unless "until" after it names when the event comes ("will not ship until
   November": the clause is read on without the negation; 直到…才 needs no exception).
6. **Dropped / delayed.** Words saying the event was given up or moved.
7. **Planned / happened.** A plan marker before the event word (将/会/计划/
   预计/目标/will/would/plans to/expected to/is set to) wins over the event
   verb's own past form ("is expected to be completed"); else the verb's past
   form ("unveiled", "began") or its progressive ("are jointly developing"), a light verb in the progressive
   with the event as object ("is running road tests") or being in its phase ("is now in trial operation");
   else the nearest completion or progressive marker
   before it (已/已经/has/was, 正在), else one after it (量产了, "production began"), a plan
   marker first (量产已近在眼前 is still to come); a progressive marker after it is another
   verb's (量产正在提速: the pace).
8. **Coordination.** A clause that says nothing itself and opens with a
   coordinator (并, 并且, "and") shares the state of the clause before it:
   in 已通过场地测试，并取得测试许可 both happened (`coordinated`).
   A clause with no event word that opens with 以及 or "as well as" lists
   more objects of the clause before: the same event, of the topics it names.
9. Otherwise the clause does not say (`None`): the caller decides from the
   clause's own time or abstains.

The tense read here also places a day written without its year (timing.py
guesses the year nearest the article): a clause saying the event happened puts
a day that would fall after the article in the year before ("completed its first
flight on December 12", said in November), as TimeML anchors a tensed event to
the document's time (milestones.py).

Single Han characters (将 会 已 了 未 没 不 若) count only as words of their
own, as jieba cuts the clause without guessing new words: 会 in 大会 or 社会,
未 in 未来, 了 in 为了 are no markers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

# Clause ends inside a sentence; an English conjunction that starts a second verb phrase too (a verb of saying
# among them: "showed its new robot and said it would start mass production" says two things).
CLAUSE_END = re.compile(
    r"[，,；;：:！？!?。]|\band\b(?= (?:is|are|will|would|was|has|plans|aims|expects|to|then|also"
    r"|said|says|announced|announces|added|confirmed|revealed|told)\b)|\bwhile\b|\bbut\b|\bwhereas\b"
)
NO_MATCH = re.compile("(?!)")
STATES = ("mention", "hypothetical", "negated", "dropped", "delayed", "planned", "happened")
HAN = re.compile(r"[\u3400-\u9fff]")
# An English event noun right after a preposition is its object, not the clause's event:
# "ready for delivery", "the countdown to mass production", "the start of deliveries".
# (A name may stand between a preposition other than "to" and the noun: "preparations for IRON mass production";
# after "to" the word would be a verb: "is about to start mass production".)
PREPOSITION_BEFORE = re.compile(r"(?<![a-z])(?:to|(?:of|for|toward|towards|before|after)(?:\s+(?:(?:the|its|their|a|an)\s+)?[a-z0-9+-]+(?:'s)?(?=\s))?)"
                                r"\s+(?:(?:the|its|their|a|an)\s+)?(?:(?:large-scale|full-scale|mass|volume|commercial|first)\s+)?$")
# A verb in the past with the event noun as its object: "carried out its first manned flight", "completed the
# first test flight", "held a demo flight", "became the launch customer" — the event happened. (Irregular pasts
# English news uses of events.)
PAST_VERB_OBJECT = re.compile(r"(?<![a-z])([a-z]{3,}ed|held|made|took|did|won|got|began|flew|ran|became|become)(?:\s(?:out|off|up))?"
                              r"\s(?:its|the|a|an|their|his|her)\s(?:[a-z-]+\s){0,3}$")
# A verb of carrying out in the progressive with the event noun as its object: "is currently running road
# tests", "are conducting trial operations" — under way, as 正进行…测试 is. Only these light verbs: a verb of
# intent in the progressive ("is preparing mass production", "is seeking certification") has not begun it.
PROGRESSIVE_VERB_OBJECT = re.compile(r"(?<![a-z])(?:is|are|am)\s(?:(?:[a-z]+ly|now|still|already|also)\s)?"
                                     r"(conducting|running|carrying out|holding|performing|undergoing|doing|staging)"
                                     r"\s(?:(?:its|the|a|an|their|his|her)\s)?(?:[a-z-]+\s){0,3}$")
# An English event verb after "to" is an infinitive the clause does not assert: "won approval to test its
# Robotaxi", "a permit to deliver", "hired engineers to mass-produce IRON". Only a verb that asserts its
# complement (an implicative: "started to test", "managed to deliver", "went on to launch") lets the clause's
# own tense say it happened; a plan word before it ("plans to", "is set to") still makes it a plan.
INFINITIVE = re.compile(r"(?<![a-z])to\s$")
IMPLICATIVE = re.compile(r"(?<![a-z])(?:start|begin|began|begun|continu|manag|succeed|went on|go on|goes on|gone on)[a-z]*\s"
                         r"(?:(?:[a-z]+ly)\s)?to\s$")
# A verb of obtaining in the past right before the event noun, with no determiner: "won approval to test",
# "received certification", "secured permission" — obtained, so it happened.
OBTAINED = re.compile(r"(?<![a-z])(won|received|obtained|secured|gained|earned|got|was granted|were granted)\s$")
# Being in an event's phase is being under way: "is now in trial operation", "are currently in mass production".
BEING_IN = re.compile(r"(?<![a-z])(?:is|are|am)\s(?:(?:now|currently|already|still)\s)?in\s(?:(?:the|its|their|full|regular)\s)?$")
# Before an English event noun, each with the words a reader is told it was read from.
NOUN_UNDER_WAY = (
    (PAST_VERB_OBJECT, lambda m: m.group(1)),  # "carried out its first manned flight": carried
    (OBTAINED, lambda m: m.group(1)),  # "won approval to test": won
    (BEING_IN, lambda m: m.group(0).strip()),  # "is now in trial operation"
    (PROGRESSIVE_VERB_OBJECT, lambda m: m.group(0).split()[0] + " " + m.group(1)),  # "is running road tests": is running
)
# An English event shape's match that opens with a verb in the past tells it happened, as a past form of the
# lexicon's verbs does: "signed an agreement with", "demonstrated the robot", "took the wraps off" — a verb, so with
# its object or particle after it ("manned demo flight" opens with an adjective).
PAST_OPENING = re.compile(r"([a-z]{3,}ed|took|made|held|won|got|began|flew|ran|became|brought)\s"
                          r"(?=(?:the|its|their|a|an|his|her|to|off|out|up|with)(?![a-z]))")
# The progressive: a form of "be" right before the event verb's -ing form (an adverb may come between) —
# "are jointly developing", "is testing": under way, so begun, as 正在 is.
PROGRESSIVE = re.compile(r"(?<![a-z])(?:is|are|am|was|were)\s(?:(?:[a-z]+ly|now|already|still|also)\s)?$")
DETERMINED = re.compile(r"(?<![a-z])(?:its|the|a|an|their|his|her)\s(?:[a-z-]+\s){0,2}$")  # a determiner: a noun follows
ING_FORM = re.compile(r"[a-z]{2}ing(?![a-z])")  # an -ing form among the event's words
# An English event verb's -ing form right after a preposition is a gerund, a noun: "a pivotal year for bringing
# AI to market", "talks about launching", "before mass-producing" — talked about, not stated.
GERUND_AFTER = re.compile(r"(?<![a-z])(?:for|of|to|about|on|in|before|after|toward|towards|without|by|from|at)\s$")
# A schedule word, or a verb of intent taking "for" as its object's preposition, before "for" makes the event noun
# after it a plan, not a mention: "slated for mass production", "aims for pilot operations in H2".
PLANNED_FOR = re.compile(r"(?<![a-z])(?:slated|scheduled|set|due|planned|targeted|earmarked|on track|poised|headed|preparing|gearing up|readying"
                         r"|aim(?:s|ing)?|plan(?:s|ning)?|push(?:es|ing)?|prepar(?:e|es))\s$")
# Between an English event noun and a negation after it: what it is of, an auxiliary ("mass production of
# IRON has not started", "deliveries haven't begun").
NEGATED_AFTER = re.compile(r"(?:\s+of\s[^,;.]{1,60}?)?(?:\s+(?:has|have|had|is|are|was|were|did|does|do))?\s+(?:still\s+)?")
COMPARED = re.compile(r"(?:(?<![a-z])(?:than|as)\s|比|超出|超过|超|低于|不及|不如|如)$")  # right before a plan word: a comparison
NOT_ONLY = re.compile(r"\s?(?:only|just|merely|只|止)(?![a-z])")  # right after a negation: "not only", 不只, 不止
# Between a negation and a word of change it denies: an auxiliary or two ("will not be delayed", 不会被推迟, 没有再推迟).
NEGATED_CHANGE = re.compile(r"\s?(?:(?:be|been|being|have|has|had|被|再|有|会|能)\s?){0,2}")
# "not … until" denies every time before the one it names, not the event: "will not arrive until
# November" is a plan for November, "did not fly until March" a flight in March (TimeML's signal).
NOT_UNTIL = re.compile(r"(?<![a-z])(?:until|till)\s")
COPULA_BEFORE_NOUN = re.compile(r"(?:was|were|is|are)\s(?:(?:not|also|still|just)\s)?[\"“'‘]?(?:the|a|an|its|their|one|another)\s")
QUESTION_END = re.compile(r"[?？]\s*[\"”」』']?\s*$")  # a clause asking: it states nothing
DESCRIBED = re.compile(r"[^，,。；;]*?的[\u3400-\u9fffa-z]")  # 的 and a noun after the event word: it describes that noun


@dataclass(frozen=True, eq=False)
class Markers:
    """Words marking one state: `words` matched in the clause, `single` Han characters that count as words of their own."""

    words: re.Pattern = NO_MATCH
    single: frozenset[str] = frozenset()

    def find(self, canon: str, tokens: tuple[tuple[int, str], ...]) -> list[tuple[int, int, str]]:
        found = [(m.start(), m.end(), m.group(0)) for m in self.words.finditer(canon)]
        found += [(at, at + 1, token) for at, token in tokens if token in self.single]
        return sorted(found)


@dataclass(frozen=True, eq=False)
class ClauseRules:
    """How a clause says its event's state (milestones.yml: planned, happened, negated, …)."""

    markers: dict[str, Markers]
    mention_heads: re.Pattern  # right after an event word: it names a thing (量产工厂, 量产挑战)
    mention_before: re.Pattern  # before an event word in its clause: it is talked about (谈到, the road to)
    past_forms: frozenset[str]  # English event verbs in their past form: the verb says it happened
    copulas: Markers = Markers()  # 是, 成为 … before an event word with 的 and a noun after it: a description
    verb_forms: frozenset[str] = frozenset()  # every form of the lexicon's English verbs
    nouns: frozenset[str] = frozenset()  # the lexicon's other English words; a shape's match may be a verb phrase ("to co-develop")
    reporting: re.Pattern = NO_MATCH  # said, disclosed, 表示, 透露: what follows is reported speech
    coordinator: re.Pattern = NO_MATCH  # 并, "and" opening a clause: it shares the state of the verb phrase before it
    more_objects: re.Pattern = NO_MATCH  # 以及, "as well as" opening a clause with no verb: more objects of the one before
    presupposed: re.Pattern = NO_MATCH  # 之后, 以来 right after an event word: a frame that takes the event as given
    plan_heads: re.Pattern = NO_MATCH  # right after an event word: a plan for it (量产计划, "delivery schedule")
    event_words: frozenset[str] = frozenset()  # the lexicon's Chinese event words: words of their own when a clause is cut
    hearsay: re.Pattern = NO_MATCH  # 传闻, 有消息指, "rumours that": what the clause (or the ones it frames) says is talked about
    phase_verbs: re.Pattern = NO_MATCH  # 进入, 迈入 ending right before an event word: its phase (阶段) is entered, not named
    phase_heads: frozenset[str] = frozenset()  # 阶段: the head a verb of entering makes the event itself


@dataclass(frozen=True)
class Clause:
    state: str | None  # one of STATES, or None when the clause does not say
    marker: str  # the words that decided it, "" for none
    # the event is what something is about ("the road to mass-producing robots later this year"): with a
    # future time of its own in the clause it still states the plan
    talked_about: bool = False


# An English relative clause set off by commas only describes the noun before it ("XPeng, which is out to
# challenge Tesla, has driven …"): whoever it names is not what the sentence is about.
ASIDE = re.compile(r",\s(?:which|who|whose)\s[^,;.]{1,100},")


def without_asides(canon: str) -> str:
    """`canon` with its comma-bounded relative clauses blanked out, every other character where it was."""
    return ASIDE.sub(lambda m: " " * len(m.group(0)), canon) if ", wh" in canon else canon


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence, empty ones left out."""
    bounds = [0] + [m.end() for m in CLAUSE_END.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip(" ,，;；:：。")]


@lru_cache(maxsize=1)
def plain_jieba() -> jieba.Tokenizer:
    """A jieba of its own, with jieba's dictionary only. The shared one also holds the search
    index's words once the build has loaded them (search/index.py), and a clause must be cut
    the same in a build, in a test and in the evaluation command."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def with_plain_dictionary(tokenizer: jieba.Tokenizer) -> jieba.Tokenizer:
    """`tokenizer` given a copy of plain_jieba's dictionary: reading jieba's own takes half a second, copying 18 ms."""
    plain = plain_jieba()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(plain.FREQ), plain.total, True
    return tokenizer


@lru_cache(maxsize=2)
def reader_jieba(event_words: frozenset[str]) -> jieba.Tokenizer:
    """jieba's dictionary, with the lexicon's event words at least as common as the middle one of those it
    already knows. General dictionary counts are not this domain's: 量产 is counted 3 times where 能量
    ("energy") is 2,692, so 明年就能量产 was cut 就|能量|产 and its 量产 read as no word of its own."""
    plain = plain_jieba()
    known = sorted(plain.FREQ[word] for word in event_words if plain.FREQ.get(word))
    if not known:
        return plain
    floor = known[len(known) // 2]
    tokenizer = with_plain_dictionary(jieba.Tokenizer())
    for word in sorted(event_words):
        if tokenizer.FREQ.get(word, 0) < floor:
            tokenizer.add_word(word, floor)
    return tokenizer


@lru_cache(maxsize=4096)
def _words(canon: str, event_words: frozenset[str] = frozenset()) -> tuple[tuple[int, str], ...]:
    """(position, word) of each Han word jieba cuts from `canon`, guessing no new words (HMM off)."""
    if not HAN.search(canon):
        return ()
    found, at = [], 0
    for word in reader_jieba(event_words).cut(canon, HMM=False):
        if HAN.match(word):
            found.append((at, word))
        at += len(word)
    return tuple(found)


def _tokens(canon: str, event_words: frozenset[str] = frozenset()) -> tuple[tuple[int, str], ...]:
    """The single-character words: where 会, 将, 了 … stand as words of their own."""
    return tuple(found for found in _words(canon, event_words) if len(found[1]) == 1)


def word_spans(canon: str, event_words: frozenset[str] = frozenset()) -> tuple[tuple[int, int], ...]:
    """(start, end) of each word of two or more Han characters: the words an event word may be part of (发布会)."""
    return tuple((at, at + len(word)) for at, word in _words(canon, event_words) if len(word) > 1)


def mention_head(canon: str, cue_end: int, rules: ClauseRules, cue_start: int | None = None) -> re.Match | None:
    """The noun right after an event word that it names a thing of (量产工厂, 量产的难度). A head of one
    Han character counts only as a word of its own, as single-character markers do: 交付车主 delivers
    to owners (车主), it names no car (量产车). A phase entered (进入量产阶段: `cue_start` tells where the event
    word begins) is the event itself."""
    head = rules.mention_heads.match(canon, cue_end)
    if head and cue_start is not None and head.group(0).strip() in rules.phase_heads and rules.phase_verbs.search(canon, 0, cue_start):
        return None  # 将进入量产阶段: the phase entered is the event
    if head and len(word := head.group(0).strip()) == 1 and HAN.match(word):
        end = head.end()
        if any(start < end < stop for start, stop in word_spans(canon, rules.event_words)):
            return None
    return head


def read_clause(canon: str, cue_start: int, cue_end: int, rules: ClauseRules, cue_word: str = "",
                momentary: bool = False) -> Clause:
    """The state `canon` (one clause, canonical) gives the event its word at [cue_start, cue_end) names.
    `momentary`: the event is a moment (an unveiling, a launch), so its English progressive tells of a plan."""
    tokens = _tokens(canon, rules.event_words)
    found = {state: rules.markers[state].find(canon, tokens) for state in rules.markers}
    # a plan word in a comparison measures the event against the plan, it plans nothing: "earlier than expected",
    # "as planned", 比预期更早, 超出预期
    found["planned"] = [m for m in found.get("planned", ()) if not COMPARED.search(canon, 0, m[0])]
    # "not only … but also", 不只: a coordination that adds, it denies nothing
    found["negated"] = [m for m in found.get("negated", ()) if not NOT_ONLY.match(canon, m[1])]
    # a change denied is no change: 量产不会推迟, "will not be delayed", 并未取消 — the clause is read without it
    for state in ("dropped", "delayed"):
        found[state] = [m for m in found.get(state, ()) if not any(
            end <= m[0] and NEGATED_CHANGE.fullmatch(canon, end, m[0]) for _, end, _ in found.get("negated", ()))]

    def before(state: str) -> list[tuple[int, int, str]]:
        return [m for m in found.get(state, ()) if m[1] <= cue_start]

    if QUESTION_END.search(canon):  # "IRON真的已经量产了吗？", "Has XPeng started mass production?": asked, not said
        return Clause("hypothetical", "?")
    head = mention_head(canon, cue_end, rules, cue_start)
    if head:
        return Clause("mention", canon[cue_start:head.end()].strip())
    changed = next((m for state in ("dropped", "delayed") for m in found.get(state, ())
                    if canon[cue_end:m[0]].strip() == "" and canon[m[1]:].lstrip().startswith("的")), None)
    if changed:  # 量产延期的传闻, 交付取消的消息: a rumour or news of the change, described, not the change
        return Clause("mention", canon[cue_start:changed[1]].strip() + "的…")
    plan = rules.plan_heads.match(canon, cue_end)
    rumour = rules.hearsay.search(canon)
    if plan:  # 公布了量产计划: the plan is talked about; given up or moved (暂缓了…量产计划), the event is
        if found.get("hypothetical"):  # 量产计划或将推迟: it may be moved, it has not been
            return Clause("hypothetical", found["hypothetical"][0][2])
        if rumour:  # 有网络传言称…量产计划已被取消: a rumour of the change, no change
            return Clause("mention", rumour.group(0))
        change = _given_up_or_moved(found)
        return Clause(*change) if change else Clause("mention", canon[cue_start:plan.end()].strip(), talked_about=True)
    given = rules.presupposed.match(canon, cue_end)
    if given:  # 开放试驾之后的市场反应, 自…受理以来: the event is taken as given, at its own time — however it is talked about
        change = _given_up_or_moved(found, given.end())  # 交付时间推迟到2027年: the time given is moved, the event with it
        return Clause(*change) if change else Clause(None, canon[cue_start:given.end()].strip())
    mentioned = rules.mention_before.search(canon[:cue_start]) if cue_end > cue_start else None  # (no event word: nothing talked about)
    if mentioned:
        return Clause("mention", mentioned.group(0), talked_about=True)
    cue = canon[cue_start:cue_end]
    preposition = PREPOSITION_BEFORE.search(canon, 0, cue_start) if cue in rules.nouns else None
    if preposition:  # "the start of deliveries": talked about — unless moved or given up ("delayed the start of …",
        # "scrapped its plans for …"), or scheduled ("slated for mass production")
        if not rumour and (change := _given_up_or_moved(found)):
            return Clause(*change)
        if scheduled := PLANNED_FOR.search(canon, 0, preposition.start()):
            return Clause("planned", scheduled.group(0).strip() + " for")
        return Clause("mention", preposition.group(0).strip() + " …")
    gerund = GERUND_AFTER.search(canon, 0, cue_start) if cue.isascii() and cue.split(" ", 1)[0].endswith("ing") else None
    if gerund:
        return Clause("mention", gerund.group(0).strip() + " …ing")
    copula = rules.copulas.find(canon[:cue_start], _tokens(canon[:cue_start], rules.event_words) if cue_start else ())
    if copula and DESCRIBED.search(canon, cue_end):
        return Clause("mention", copula[-1][2] + "…的")
    for state in ("mention", "hypothetical"):  # a purpose or a condition anywhere in the clause
        if found.get(state):
            return Clause(state, found[state][0][2])
    if rumour:  # 市场传闻小鹏已开始量产: a rumour, talked about
        return Clause("mention", rumour.group(0))
    # an English event noun, then its auxiliary and the negation: "deliveries of the LAC have not yet begun"
    negations = before("negated") or [m for m in found.get("negated", ()) if m[0] >= cue_end and cue.isascii()
                                      and NEGATED_AFTER.fullmatch(canon, cue_end, m[0])]
    if negations and not NOT_UNTIL.search(canon, cue_end):
        return Clause("negated", negations[-1][2])
    for state in ("dropped", "delayed"):
        if found.get(state):
            return Clause(state, found[state][0][2])
    planned_before = before("planned")
    if planned_before:
        return Clause("planned", planned_before[-1][2])
    if in_infinitive(canon, cue_start, cue, rules):
        return Clause("mention", "to …")
    if cue_word.strip().lower() in rules.past_forms:
        return Clause("happened", cue_word.strip())
    if cue.isascii() and (past := PAST_OPENING.match(cue)):  # a shape's match: "signed an agreement", "demonstrated the"
        return Clause("happened", past.group(1))
    if cue.isascii() and ING_FORM.search(cue) and (be := PROGRESSIVE.search(canon, 0, cue_start)):  # "is partnering with", "are jointly developing"
        # the progressive of a moment is futurate: "is launching three Robotaxi models" (next year) has not launched
        # them; of a stretch it is under way: "is testing", "is mass-producing"
        return Clause("planned" if momentary and be.group(0).split()[0] in ("is", "are", "am") else "happened",
                      be.group(0).strip() + " …ing")
    # an English event noun (a verb's form too after a determiner: "made its public debut"): a verb before it may say
    # it is done or under way
    if cue.isascii() and (cue not in rules.verb_forms or DETERMINED.search(canon, 0, cue_start)):
        for shape, marker in NOUN_UNDER_WAY:
            if said := shape.search(canon, 0, cue_start):
                return Clause("happened", marker(said))
    nearest_before = sorted(before("happened") + before("ongoing"))  # 正在量产: under way, begun
    if nearest_before:
        return Clause("happened", nearest_before[-1][2])
    # a marker inside the event's own words ("production is set to begin", "production began") or after them
    # A plan marker there wins: "量产已近在眼前" (is near) is still to come.
    after = sorted((state != "planned", m[0], state, m[2]) for state in ("planned", "happened")
                   for m in found.get(state, ()) if m[0] >= cue_start
                   # a form of "be" before a noun phrase describes: "delaying the mass production was the right decision"
                   and not (state == "happened" and COPULA_BEFORE_NOUN.match(canon, m[0])))
    if after:
        return Clause(after[0][2], after[0][3])
    return Clause(None, "")


def in_infinitive(canon: str, cue_start: int, cue: str, rules: ClauseRules) -> bool:
    """Whether the English event verb `cue` at `cue_start` is an infinitive its clause does not assert
    ("a permit to deliver"), not one after an implicative verb ("started to deliver")."""
    base_form = cue in rules.verb_forms and cue not in rules.past_forms and not cue.endswith("ing")  # "the road to mass-producing": a preposition
    return base_form and INFINITIVE.search(canon, 0, cue_start) is not None and not IMPLICATIVE.search(canon, 0, cue_start)


def _given_up_or_moved(found: dict[str, list[tuple[int, int, str]]], start: int = 0) -> tuple[str, str] | None:
    """(dropped or delayed, its word): the first word from `start` saying the event was given up or moved."""
    changes = sorted((at, state, word) for state in ("dropped", "delayed") for at, _, word in found.get(state, ()) if at >= start)
    return (changes[0][1], changes[0][2]) if changes else None


def coordinated(reading: Clause, canon: str, before: Clause | None, rules: ClauseRules) -> Clause:
    """`reading`, or, when it says nothing and its clause opens with 并/"and", the state of the clause `before` it."""
    if reading.state is None and before is not None and before.state in ("planned", "happened") and rules.coordinator.match(canon):
        return Clause(before.state, before.marker)
    return reading


# English verbs of the lexicon are written once, as their base form ("unveil", "roll out");
# their other forms follow English spelling. Irregular ones give their past forms, and an -ing
# form English spelling would not make: "show|showed|shown", "begin|began|begun|beginning".
VOWELS = "aeiou"


def verb_forms(entry: str) -> tuple[list[str], list[str]]:
    """(every form, the past forms) of one lexicon verb: "unveil" → unveil, unveils, unveiled, unveiling."""
    parts = [p.strip().lower() for p in entry.split("|") if p.strip()]
    base, *irregular = parts
    head, _, rest = base.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e") and not head.endswith("ee"):
        ing, ed = head[:-1] + "ing", head + "d"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in VOWELS:
        ing, ed = head + "ing", head[:-1] + "ied"
    elif (len(head) >= 3 and head[-1] not in VOWELS + "wxy" and head[-2] in VOWELS and head[-3] not in VOWELS
          and len(re.findall(f"[{VOWELS}]+", head)) == 1):
        ing, ed = head + head[-1] + "ing", head + head[-1] + "ed"  # ship → shipped; one syllable only
    else:
        ing, ed = head + "ing", head + "ed"
    ing = next((form for form in irregular if form.endswith("ing")), ing)  # "begin|began|begun|beginning"
    irregular = [form for form in irregular if not form.endswith("ing")]
    third = head + "es" if re.search(r"(?:s|sh|ch|x|z|o)$", head) else (head[:-1] + "ies" if ed.endswith("ied") else head + "s")
    past = [f"{form}{tail}" for form in (irregular or [ed])]
    forms = [f"{form}{tail}" for form in (head, third, ing)] + past
    return list(dict.fromkeys(forms)), past
