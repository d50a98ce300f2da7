"""Issue 24, defects 4–6, as a reader sees them in Chromium on the built seed site, in 简体 and 繁體.

test_prose_site.py and test_one_voice.py check the HTML; these check what the
browser draws: the overview's rendered sentences (no machine phrasing), the
labels and notes a reader can see (said once, nothing for maintainers), and
the items of "what each source says" once every folded list is opened (none
starts by pointing at a sentence the reader has not got).
"""
import re

import pytest

from build_scripts.data.schema import load
from build_scripts.knowledge.corroborate import EXCERPT_SHAPE, EXCERPTS_FILE
from build_scripts.knowledge.taxonomy import canonical

pytestmark = pytest.mark.browser

TOPICS = ("second-gen-vla", "robotaxi", "iron", "flying-cars", "turing-chip", "world-model")
SCRIPTS = {"": "zh-Hans", "/zh-Hant": "zh-Hant"}
HAN = "\u3400-\u9fff"

# The text a reader sees, less what is not the page's own voice: an article's words, quotes, code.
OWN_TEXT = """() => {
  for (const e of document.querySelectorAll('[translate=no], code, pre, .kb-as-written, .kb-check-item')) e.style.display = 'none';
  return document.body.innerText;
}"""


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


# ---------------------------------------------------------------------------
# 4. The overview reads as an editor wrote it.

# A figure's qualifier as a symbol ("约 ≈ 35 倍", "超 > 140 倍"): people write 约, 超过.
SYMBOL = re.compile(r"[≈~～>＞<＜≥≤]")
# A year without 年 ("2025 发布"), a week or quarter code ("2025 W16"), an ISO date; not a quantity (2250 TOPS, 2000 台).
BARE_YEAR = re.compile(rf"(?<![\d,.])20[0-9]{{2}}(?![\d,.])(?!\s*(?:年|[万亿千百个台款辆次家位名项人颗倍]|[A-Za-z]{{2,}}))")
CODED_DATE = re.compile(r"\d{4}\s*[-–/]\s*\d{1,2}\b|\b[WQH]\d\b|）\s*[）)]")
# An attribute read off a table: "第二代 VLA的相当于驾驶经验为 6.5万年".
TABLE_READING = re.compile(rf"的[^，。；]{{1,12}}为\s*[\d近约超]")
CITATION_MARK = re.compile(r"\s*(?:\[\d+\]\s*)+")


def rendered_overview(tab) -> list[tuple[str, bool]]:
    """(sentence, whether a footnote marker follows it) for the overview paragraph, as drawn."""
    text = tab.locator("#lead + p").inner_text()
    sentences = []
    for piece in re.findall(r"[^。]+。(?:\s*\[\d+\])*", text):
        sentence = CITATION_MARK.sub("", piece).strip()
        sentences.append((sentence, bool(re.search(r"\[\d+\]\s*$", piece))))
    return sentences


@pytest.mark.parametrize("prefix", SCRIPTS)
@pytest.mark.parametrize("slug", TOPICS)
def test_the_overview_a_reader_sees_is_written_prose(tab, seed_server, slug, prefix):
    tab.goto(f"{seed_server}{prefix}/topics/{slug}/")
    sentences = rendered_overview(tab)
    problems = [] if 2 <= len(sentences) <= 4 else [f"{len(sentences)} sentences"]
    clause_starts = []
    for sentence, cited in sentences:
        problems += [f"{what}: «{sentence}»" for what, wrong in (
            ("no footnote after it", not cited),
            ("a qualifier as a symbol", SYMBOL.search(sentence)),
            ("a date as code (no 年)", BARE_YEAR.search(sentence) or CODED_DATE.search(sentence)),
            ("an attribute read off a table", TABLE_READING.search(sentence)),
        ) if wrong]
        clause_starts += [clause.strip()[:4] for clause in re.split(r"[；;。]", sentence) if len(clause.strip()) >= 4]
    # The subject is named once, then "it": no two clauses open with the same words.
    repeated = {start for start in clause_starts if clause_starts.count(start) > 1}
    problems += [f"clauses open alike with «{start}»" for start in sorted(repeated)]
    assert not problems, f"{slug}: {problems}"
    # The English overview is one click away, not a grey copy under every sentence.
    english = tab.locator("details.kb-overview-en")
    assert english.count() == 1 and not english.locator("p").first.is_visible()
    english.locator("summary").click()
    assert english.locator("p").first.is_visible()


# ---------------------------------------------------------------------------
# 5. Labels said once, in the page's language; nothing for maintainers.

READER_PAGES = ["", "topics/", *(f"topics/{slug}/" for slug in TOPICS), "promises/", "promises/iron/", "timeline/",
                "glossary/", "tags/", "sources/", "sources/000_8aa7ed600137bead/", "sources/003_93100f986083634d/",
                "sources/004_2a4aa61ecc6eb6e2/"]
# A Chinese label with its English gloss after it ("待兑现 upcoming", "1 亿 clips").
LOWERCASE_GLOSS = re.compile(rf"[{HAN}][）)]?[ \u00a0]+[a-z][a-z'’-]+")
LABELS = "h1, h2, h3, th, label, summary, .md-tabs__link, .md-nav__link, .admonition-title, .kb-badge, .md-footer__direction"
# A label ending in a capitalised gloss ("来源 Sources", "标题 Title").
CAPITALISED_GLOSS = re.compile(rf"[{HAN}][）)]?[ \u00a0]+([A-Z][a-z]+(?:[ \u00a0]+[A-Za-z][a-z]+)*)$")
DOUBLED_AS_FILED = ("upcoming", "reported", "as written", "based on", "Title", "as above", "见上", "見上", "Unattributed")
MAINTAINER_WORDS = ("as_of", "mkdocs.yml", "header line", "front matter", "build_scripts", "sources.yml", "YAML")


def _names(tab, seed_server) -> set[str]:
    """Latin words the site uses as names (Robotaxi, IRON, Ultra): those on the topics and tags pages."""
    words = set()
    for url in ("topics/", "tags/"):
        tab.goto(f"{seed_server}/{url}")
        words |= set(re.findall(r"[A-Za-z][A-Za-z0-9-]+", tab.locator("article").inner_text()))
    return words


@pytest.mark.parametrize("prefix", SCRIPTS)
def test_a_reader_sees_each_label_once_and_no_note_for_maintainers(tab, seed_server, prefix):
    names = _names(tab, seed_server)
    found = {}
    for url in READER_PAGES:
        tab.goto(f"{seed_server}{prefix}/{url}")
        everything = tab.evaluate("document.body.innerText")
        said = [w for w in DOUBLED_AS_FILED + MAINTAINER_WORDS if w in everything]
        lang = tab.evaluate("document.documentElement.lang")
        said += [f'<html lang="{lang}">'] if lang != SCRIPTS[prefix] else []
        own = tab.evaluate(OWN_TEXT)
        said += [m.group() for line in own.splitlines() for m in LOWERCASE_GLOSS.finditer(" ".join(line.split()))]
        for label in tab.locator(LABELS).all():
            if not label.is_visible():
                continue
            text = " ".join(label.inner_text().split()).rstrip("¶ ")
            gloss = CAPITALISED_GLOSS.search(text)
            if gloss and not set(gloss.group(1).split()) <= names:
                said.append(text)
        if said:
            found[url] = said
    assert not found, found


# ---------------------------------------------------------------------------
# 6. Every item of "what each source says" stands on its own, folded ones too.

ITEMS = """() => {
  const items = [];
  for (const id of ['facts', 'opinions']) {
    const heading = document.getElementById(id);
    if (!heading) continue;
    for (let e = heading.nextElementSibling; e && !/^H[1-3]$/.test(e.tagName); e = e.nextElementSibling) {
      for (const li of e.matches('li') ? [e] : e.querySelectorAll('li')) {
        const box = li.getBoundingClientRect();
        items.push({section: id, text: li.innerText, visible: box.width > 0 && box.height > 0});
      }
    }
  }
  return items;
}"""


@pytest.mark.parametrize("prefix", SCRIPTS)
@pytest.mark.parametrize("slug", TOPICS)
def test_every_item_a_reader_unfolds_stands_on_its_own(tab, seed_server, slug, prefix):
    rules = load(EXCERPTS_FILE, EXCERPT_SHAPE)
    openers = sorted((canonical(w) for w in rules["dangling_openers"]), key=len, reverse=True)
    evaluative = [canonical(w) for w in rules["evaluative_words"]]
    tab.goto(f"{seed_server}{prefix}/topics/{slug}/")
    # A reader opens every folded list ("另有 N 条") under the two headings.
    for summary in tab.locator("#facts ~ details > summary, #opinions ~ details > summary").all():
        if summary.is_visible() and not summary.evaluate("s => s.parentElement.open"):
            summary.click()
    items = tab.evaluate(ITEMS)
    assert items, f"{slug}: no items"
    problems = []
    for item in items:
        text = CITATION_MARK.sub(" ", item["text"]).strip()
        if not item["visible"]:
            problems.append(f"hidden after every list is opened: {text[:40]}")
        if item["section"] == "opinions":
            text = text.split("：", 1)[-1]  # "说话人（媒体）：…"
        start = canonical(text).lstrip("「『“\"‘'")
        dangling = [w for w in openers if start.startswith(w) and (not w.isascii() or not start[len(w):len(w) + 1].isalpha())]
        if dangling:
            problems.append(f"opens with {dangling[0]}: {text[:50]}")
        if item["section"] == "facts" and any(w in canonical(text) for w in evaluative):
            problems.append(f"an opinion among the facts: {text[:50]}")
    assert not problems, f"{slug}: {problems}"
