"""KnowledgeBase → /kb.json: topics, their claims (infobox values), and milestones with their status, all with citations.

The shape is documented by docs/kb.schema.json (JSON Schema), which the
tests validate the export against. It carries what a wiki macro needs to
embed a figure with its source: subject, attribute, value, unit, qualifier,
as of when, fact or target, and for each citation the source, the
paragraph URL and the quoted words.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring

from build_scripts.knowledge.compose import KnowledgeBase
from build_scripts.knowledge.corroborate import Citation
from build_scripts.model import Corpus
from build_scripts.knowledge.infobox import ClaimValue, InfoboxRow
from build_scripts.pages.infobox import value_label
from build_scripts.pages.promises import row_pages
from build_scripts.pages.review import review_json, review_of

SCHEMA_VERSION = 2  # 2: kb.json is an index of files (1: one document)


def page_url(site_url: str, docs_path: str) -> str:
    """Directory URL of a page as MkDocs publishes it: topics/robotaxi.md → <site>/topics/robotaxi/."""
    stem = docs_path[:-3] if docs_path.endswith(".md") else docs_path
    stem = "" if stem == "index" else stem[: -len("/index")] if stem.endswith("/index") else stem
    return site_url.rstrip("/") + "/" + (stem + "/" if stem else "")


def _citation(c: Citation, site_url: str) -> dict:
    return {
        "source": c.article.slug,
        "outlet": c.article.outlet,
        "date": c.article.date.isoformat() if c.article.date else None,
        "paragraph": c.paragraph_id,
        "url": page_url(site_url, c.source_path) + "#" + c.paragraph_id,
        "quote": c.quote,
    }


def _claim(row: InfoboxRow, value: ClaimValue, url: str, site_url: str) -> dict:
    """One value of an infobox row with every source stating it: a Wikidata-style statement."""
    return {
        "id": row.id,
        "url": f"{url}#{row.id}",
        "anchors": list(row.anchors),
        "subject": row.subject.id,
        "subject_label": row.subject.label_zh,
        "attribute": row.attribute.id,
        "attribute_label": row.attribute.label_zh,
        "label": value_label(value),
        "value": value.value,
        "high": value.high,
        "unit": value.unit,
        "qualifier": value.qualifier,
        "as_of": value.as_of.key if value.as_of else None,
        "status": value.status,
        "source_count": value.source_count,
        "independent_sources": value.independent_count,
        "read": "clause" if any(c.read == "clause" for c in value.claims) else "borrowed",
        "citations": [_citation(c, site_url) for c in value.citations],
        **review_json(review_of(value.claims)),
    }


def _period(period) -> dict | None:
    if period is None:
        return None
    return {"key": period.key, "label": period.label, "precision": period.precision,
            "start": period.start.isoformat(), "end": period.end.isoformat()}


def _sighting(s, site_url: str) -> dict:
    return {
        "state": s.state, "when_text": s.when_text, "relative": s.relative, "period": _period(s.period),
        "read": s.read, "read_as": s.how, "citation": _citation(s.citation, site_url),
    }


def _milestone(m, site_url: str, row_page: str) -> dict:
    return {
        "id": m.id,
        "url": page_url(site_url, row_page) + "#" + m.id,  # its row on its topic's promises page (promises.row_pages)
        "topic": m.topic or None,  # null: a site-wide company event
        "subject": m.subject,
        "kind": m.kind,
        "text": m.text,
        "due": _period(m.due),
        "announced": m.announced.isoformat() if m.announced else None,
        "status": m.status,
        "status_note": m.status_note,
        "done": _period(m.done),
        "moved_to": _period(m.moved_to),
        "confident": m.confident,
        "plans": [_sighting(s, site_url) for s in m.plans],
        "reports": [_sighting(s, site_url) for s in m.reports],
        **review_json(m.review),
    }


KB_PATH = "kb.json"  # the index: what there is, and the file that holds each part
SITE_WIDE = "site-wide"


def topic_file(slug: str) -> str:
    return f"kb/topics/{slug}.json"


def sources_file(month: str) -> str:
    return f"kb/sources/{month}.json"


def export_json(kb: KnowledgeBase, corpus: Corpus, site_url: str, topic_entry=None) -> dict[str, str]:
    """kb.json, a small index, and the files it names: a file per topic (its claims, differences,
    timeline and milestones), one for the site-wide milestones, one per month of sources.

    One document held everything until 2,000 articles made it 18 MB, which a
    wiki macro wanting one figure had to fetch and parse whole. Each part is
    in a file whose name does not change as articles come: a topic's under
    its slug, a source under the month of its date ("undated" without one).

    `topic_entry` writes each topic's entry: topic_entry_json, or under `mkdocs serve`
    the preview cache's, which keeps the entries of the topic pages an edit left as they were."""
    topic_entry = topic_entry or topic_entry_json
    root = site_url.rstrip("/") + "/"
    head = {"$schema": root + "kb.schema.json", "version": SCHEMA_VERSION, "site_url": site_url,
            "as_of": kb.as_of.isoformat() if kb.as_of else None}
    rows = row_pages(kb.milestones)
    milestones: dict[str, list] = {}
    for m in kb.milestones:
        milestones.setdefault(m.topic or SITE_WIDE, []).append(m)
    files: dict[str, str] = {}
    index_topics = []
    for page in kb.topics:
        slug = page.topic.slug
        own = milestones.get(slug, [])
        files[topic_file(slug)] = indented_json({
            **head, "part": "topic", "topic": FormattedJson(topic_entry(page, site_url)),
            "milestones": [_milestone(m, site_url, rows[m.id]) for m in own],
        }) + "\n"
        index_topics.append({
            "id": slug, "title_zh": page.topic.title_zh, "title_en": page.topic.title_en,
            "url": page_url(site_url, f"topics/{slug}.md"), "file": root + topic_file(slug),
            "claims": sum(len(row.values) for row in page.infobox.rows), "milestones": len(own),
        })
    site_wide = milestones.get(SITE_WIDE, [])
    files[topic_file(SITE_WIDE)] = indented_json({
        **head, "part": "site-wide", "milestones": [_milestone(m, site_url, rows[m.id]) for m in site_wide],
    }) + "\n"
    months: dict[str, list] = {}
    for a in corpus.articles:
        months.setdefault(a.date.strftime("%Y-%m") if a.date else "undated", []).append(_source(a, site_url))
    for month, sources in months.items():
        files[sources_file(month)] = indented_json({**head, "part": "sources", "month": month, "sources": sources}) + "\n"
    index = {
        **head, "part": "index",
        "topics": index_topics,
        "site_wide": {"file": root + topic_file(SITE_WIDE), "milestones": len(site_wide)},
        "sources": [{"month": month, "file": root + sources_file(month), "count": len(months[month])}
                    for month in sorted(months, key=lambda m: (m == "undated", m), reverse=True)],
    }
    return {KB_PATH: indented_json(index) + "\n", **files}


def _source(a, site_url: str) -> dict:
    return {
        "id": a.slug, "title": a.title, "outlet": a.outlet, "author": a.author,
        "date": a.date.isoformat() if a.date else None, "language": a.language,
        "files": [a.file_name, *a.other_names], "url": page_url(site_url, f"sources/{a.slug}.md"),
        **({"copy_of": a.copy_of} if a.copy_of else {}),
        # where each field was read, in the build's technical words (the source page says it in a reader's)
        "provenance": {name: where for name, where in vars(a.provenance).items() if where},
        **review_json(a.review),  # an editor's word on its metadata: reviewed, reviewed_by, review_note, original
    }


# A topic's entry is the value of its file's "topic" key: written at that depth.
TOPIC_INDENT = "\n "


def topic_entry_json(page, site_url: str) -> str:
    """One topic's entry of kb.json, formatted as it stands in the file (export_json)."""
    url = page_url(site_url, f"topics/{page.topic.slug}.md")
    rows = row_pages(page.timeline)
    entry = {
        "id": page.topic.slug,
        "title_zh": page.topic.title_zh,
        "title_en": page.topic.title_en,
        "scope": page.topic.scope,
        "url": url,
        "related": [t.slug for t in page.related],
        "claims": [_claim(row, value, url, site_url) for row in page.infobox.rows for value in row.values],
        "differences": [
            {
                "row": d.row_id, "url": f"{url}#{d.row_id}", "subject": d.subject.id, "attribute": d.attribute.id,
                "status": d.status, "days_apart": d.days_apart, "values": [value_label(v) for v in d.values],
            }
            for d in page.infobox.differences
        ],
        "timeline": [
            {
                "id": m.id,
                "url": page_url(site_url, rows[m.id]) + "#" + m.id,  # its topic page shows the newest only
                "date": (m.due or m.done).key if (m.due or m.done) else "",
                "label": (m.due or m.done).label if (m.due or m.done) else "",
                "sort_date": (m.due or m.done).start.isoformat() if (m.due or m.done) else None,
                "planned": m.status in ("upcoming", "moved", "overdue", "undated"),
                "status": m.status,
                "text": m.text,
                "resolved_from": sorted({s.when_text for s in m.sightings if s.relative and s.when_text}),
                "citations": [_citation(c, site_url) for c in m.citations],
                **review_json(m.review),
            }
            for m in page.timeline
        ],
    }
    out: list[str] = []
    _write_json(entry, TOPIC_INDENT, out.append)
    return "".join(out)


class FormattedJson(str):
    """JSON text already formatted at its place in the document: written as it is."""


def indented_json(value) -> str:
    """json.dumps(value, ensure_ascii=False, indent=1), written twice as fast.

    With `indent`, json.dumps runs its pure-Python encoder, a generator per
    nested list and dict; kb.json holds some 300,000 values at 500 articles.
    This writes the same text with the same C string escaping. Keys must be
    strings and values JSON types (dict, list, tuple, str, int, float, bool,
    None), as in the document above.
    """
    out: list[str] = []
    _write_json(value, "\n", out.append)
    return "".join(out)


def _write_json(value, newline: str, write) -> None:
    if isinstance(value, FormattedJson):
        write(value)
    elif isinstance(value, str):
        write(encode_basestring(value))
    elif value is None:
        write("null")
    elif value is True:
        write("true")
    elif value is False:
        write("false")
    elif isinstance(value, int):
        write(int.__repr__(value))
    elif isinstance(value, float):
        write(json.dumps(value))  # nan, infinity and repr() as json writes them
    elif isinstance(value, dict):
        if not value:
            write("{}")
            return
        inner = newline + " "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"kb.json keys are strings, not {key!r}")
            write(separator)
            write(encode_basestring(key))
            write(": ")
            _write_json(item, inner, write)
            separator = "," + inner
        write(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            write("[]")
            return
        inner = newline + " "
        separator = "[" + inner
        for item in value:
            write(separator)
            _write_json(item, inner, write)
            separator = "," + inner
        write(newline + "]")
    else:
        raise TypeError(f"{type(value).__name__} is not a JSON value")
