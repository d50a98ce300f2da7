"""Citations on a page → numbered footnotes, a reference list, and republications folded.

In: the Markdown of a page in which `citations_text` (render_topics.py) left
one token per run of citations, `<kb-cites>…</kb-cites>`. Out: the same page
with each token replaced by footnote markers, `[1]` `[2]`, and the list of
references appended at its end, as Wikipedia shows them:

* One number per source paragraph on the page: the paragraph cited by the
  overview and by an infobox row is [3] in both places.
* A run cites a story once: the copies of one report (`Article.report`, a
  press release republished by 59 portals) get one marker, the original's
  paragraph when it is cited (else the earliest copy's), and its reference
  names the others under "及另外 59 家转载", folded.
* The list names each source once (outlet · date · title) with its numbered
  paragraphs under it, in the order the page first cites them.
* A reference names the source as a reader knows it — its outlet, else its
  title (never a placeholder such as "unattributed") — its date and title,
  links to the paragraph and quotes the cited words.
* A marker links to the paragraph itself (a reader without script, or one
  who clicks, lands on the words); its `title` is the quote. kb.js shows a
  preview on hover (desktop) or on a first tap (phone) and adds the copy
  controls.

Markers and the list are HTML that Python-Markdown never scans
(`markdown_text.inline_html`: stored before Markdown's inline patterns run;
its bracket matching over long runs of citation links was 16 of 41 s of a
build of 300 syndicated articles). Their `.md` links are resolved and
checked by MkDocs all the same, as Markdown links are.

Tokens carry everything their footnotes need, so a page can be numbered
wherever it is assembled (site.py), and a cached topic page keeps its
numbers.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from build_scripts.knowledge.corroborate import Citation
from build_scripts.pages.cite_menu import source_name
from build_scripts.pages.markdown_text import inline_html
from build_scripts.pages.variants import as_written

TOKEN = re.compile(r"<kb-cites>(.*?)</kb-cites>")
REFERENCES_ID = "references"
# A reference shows the beginning of the words it cites; its markers' previews
# show them whole. Two full quotes each were 200 KB of a topic page's 530 at
# 300 syndicated articles.
QUOTES_SHOWN = 1
QUOTE_CHARS = 40
# Republications listed under a reference: the first five say where else it ran;
# 59 links under each of a page's references made a topic page of a
# syndicated corpus 800 KB.
COPIES_SHOWN = 5


def cites_token(citations: Sequence[Citation], prefix: str, limit: int) -> str:
    """A run of citations as a token for `number_footnotes`: at most `limit` stories, then how many more."""
    groups: dict[str, list[Citation]] = {}
    for citation in citations:
        groups.setdefault(citation.article.report, []).append(citation)
    shown = list(groups.values())[:limit]
    more = len(groups) - len(shown)
    cited = []
    for group in shown:
        # The original, when it is cited, stands for its republications; else the earliest copy, so
        # that every statement citing the same copies names the same one (one number, not sixty).
        lead = min((c.article for c in group), key=lambda a: (a.slug != a.report, a.date or dt.date.max, a.slug))
        cited.append([_fields(c, c.article.slug == lead.slug) for c in group])
    payload = json.dumps({"p": prefix, "g": cited, "m": more}, ensure_ascii=False, separators=(",", ":"))
    return "<kb-cites>" + payload.replace("<", "\\u003c") + "</kb-cites>"


def _fields(citation: Citation, lead: bool) -> list:
    article = citation.article
    return [
        article.slug, citation.paragraph_id, " ".join(citation.quote.split()), int(lead),
        article.outlet, article.date.isoformat() if article.date else "", article.title, source_name(article),
    ]


@dataclass
class _Reference:
    number: int
    slug: str
    paragraph_id: str
    outlet: str
    date: str
    title: str
    name: str
    quotes: list[str] = field(default_factory=list)
    copies: dict[str, list] = field(default_factory=dict)  # slug → its fields, in the order first cited


def number_footnotes(markdown: str, heading: str = "参考资料") -> str:
    """The page with every citation token numbered (see the module docstring) and its references at the end."""
    if "<kb-cites>" not in markdown:
        return markdown
    references: dict[tuple[str, str], _Reference] = {}
    prefix = ""

    def marker(found: re.Match) -> str:
        nonlocal prefix
        run = json.loads(found[1])
        prefix = run["p"]
        markers = []
        shown_numbers: list[int] = []  # one marker per paragraph in a run
        for group in run["g"]:
            first = None  # the story's first reference: its republications are folded under it
            for fields in group:
                slug, paragraph_id, quote, lead = fields[:4]
                if not lead:
                    continue
                reference = references.get((slug, paragraph_id))
                if reference is None:
                    reference = references[(slug, paragraph_id)] = _Reference(len(references) + 1, slug, paragraph_id, *fields[4:])
                if quote and quote not in reference.quotes:
                    reference.quotes.append(quote)
                if reference.number not in shown_numbers:
                    markers.append((reference.number, _marker(reference, quote, prefix)))
                    shown_numbers.append(reference.number)
                first = first or reference
            for fields in group:
                if not fields[3] and fields[0] not in first.copies:
                    first.copies[fields[0]] = fields
        more = f'<small class="kb-more">另 {run["m"]} 个来源</small>' if run["m"] else ""
        # Searched for their words, statements are; their markers are not ("[3]" finds nothing).
        # in number order, as a reader counts them: [1][2], not [2][1] when the second story was numbered first
        shown = "".join(text for _, text in sorted(markers))
        return inline_html(f'<span class="kb-cites" data-search-exclude="true">{shown}</span>{more}')

    body = TOKEN.sub(marker, markdown)
    if not references:
        return body
    return body.rstrip("\n") + "\n\n" + "\n".join(_reference_list(references.values(), prefix, heading)) + "\n"


def _href(prefix: str, slug: str, paragraph_id: str) -> str:
    return f"{prefix}sources/{slug}.md#{paragraph_id}"


def _marker(reference: _Reference, quote: str, prefix: str) -> str:
    href = _href(prefix, reference.slug, reference.paragraph_id)
    title = html.escape(quote or reference.name, quote=True)
    return (
        f'<sup class="kb-fn"><a class="kb-cite" href="{href}" title="{title}" '
        f'data-ref="{reference.number}">[{reference.number}]</a></sup>'
    )


def _reference_list(references, prefix: str, heading: str) -> list[str]:
    """The references, each source once (outlet · date · title, linking to its page) with its numbered paragraphs under it."""
    by_source: dict[str, list[_Reference]] = {}
    for ref in references:  # in number order: a source comes where it is first cited
        by_source.setdefault(ref.slug, []).append(ref)
    sources = []
    for slug, refs in by_source.items():
        first = refs[0]
        # Outlet, date, title (kb.js reads them from these spans for a copied citation);
        # a source whose text names no outlet is named by its title alone.
        name = f'<span class="kb-ref-name">{as_written(html.escape(first.name, quote=False))}</span>'
        title = f'《<span class="kb-ref-title">{as_written(html.escape(first.title, quote=False))}</span>》' if first.title else ""
        date = f'<span class="kb-ref-date">{first.date}</span>' if first.date else ""
        label = " · ".join(x for x in ((name, date, title) if first.name != first.title else (title, date)) if x)
        items = "".join(_reference_item(ref, prefix) for ref in refs)
        sources.append(
            f'<div class="kb-ref-source"><p class="kb-ref-head"><a href="{prefix}sources/{slug}.md">{label}</a></p>'
            f'<ol class="kb-ref-list">{items}</ol></div>'
        )
    # One line: a block of its own, stored as it is (markdown_text.inline_html).
    listed = f'<div class="kb-refs" data-search-exclude="true">{"".join(sources)}</div>'
    return [f"## {heading} {{#{REFERENCES_ID}}}", "", inline_html(listed), ""]


def _short(quote: str) -> str:
    return quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1].rstrip() + "…"


def _reference_item(ref: _Reference, prefix: str) -> str:
    """[n] the quoted words, linking to the paragraph; then its republications, folded."""
    quotes = ref.quotes[:QUOTES_SHOWN] or [ref.name]
    shown = [as_written("“" + html.escape(_short(q), quote=False) + "”") for q in quotes]
    item = (
        f'<li value="{ref.number}" id="ref-{ref.number}">'
        f'<a class="kb-ref-link" href="{_href(prefix, ref.slug, ref.paragraph_id)}">{shown[0]}</a>'
        + "".join(f' <span class="kb-ref-quote">{q}</span>' for q in shown[1:])
    )
    if ref.copies:
        copies = list(ref.copies.values())
        links = "、".join(
            f'<a class="kb-republished" href="{_href(prefix, c[0], c[1])}">'
            f'{as_written(html.escape(c[7], quote=False))}{" · " + c[5] if c[5] else ""}</a>'
            for c in copies[:COPIES_SHOWN]
        )
        rest = f" 等，共 {len(copies)} 家" if len(copies) > COPIES_SHOWN else ""
        item += f'<details class="kb-copies"><summary>及另外 {len(copies)} 家转载</summary><p>{links}{rest}</p></details>'
    return item + "</li>"
