"""A row's "copy citation" menu: the data the browser needs, as one attribute.

In: the Citation a row is attributed to. Out: an attr_list fragment,
` data-kb-cite="…"`, to put inside the row's `{: #id .class … }`:

    f"{{: #{row.id} .kb-figure{cite_data(row.citations[0])} }}"

Any element with an `id` and this attribute gets, next to its `#` (copy
link) button, a menu that copies the row as a Markdown footnote, a MediaWiki
`<ref>{{cite web}}</ref>` or Confluence wiki markup (docs/assets/kb.js). The
browser fills in what depends on the page, so the same attribute serves both
scripts: the row's public URL (the page's canonical URL, from `site_url`,
plus `#id`), its subject (the heading it stands under, else the page's
title), attribute (`.kb-attr`) and value (its `.kb-value`, `.kb-when` or
`.kb-cite-value` element, else its first strong text). The attribute
carries what does not: the source's outlet (its title when the text names
none), date and title, and the quote in the article's own words and script. Those are an article's words (an
outlet, an author or file name standing in for it, a quote): the script
escapes every field for the markup it is pasted into (Markdown, MediaWiki
with `<nowiki>` where the text would be read as wikitext, Confluence), so a
pasted citation holds no link, tag, template or signature but its own.

The value is JSON in base64: attr_list cannot hold a `"` or `}` in a value,
and quotes hold both; base64 is plain ASCII, which the script conversion
(variants.py) leaves alone, and takes 4 bytes for a Chinese character where
percent-encoding took 9 (a row's attribute was 1.4 KB of its 3.4 on the
Promises page at 500 articles). A footnote needs none: its reference names
the source once for all its passages (footnotes.py), and kb.js reads it there.
"""
from __future__ import annotations

import base64
import json

from build_scripts.knowledge.corroborate import Citation
from build_scripts.model import Article


def source_name(article: Article) -> str:
    """How a citation names its source: the outlet; when the text names none, the article's title (then its author or file)."""
    return article.outlet or article.title or article.author or article.file_name


def cite_fields(outlet: str, date: str, quoted: str, title: str) -> str:
    """The source's name, date, the quoted words and the article's title, as JSON."""
    fields = {"outlet": outlet, "date": date, "quote": " ".join(quoted.split()), "source_title": title}
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def cite_data(citation: Citation) -> str:
    """` data-kb-cite="…"` for a row attributed to `citation` (see the module docstring), percent-encoded."""
    article = citation.article
    date = article.date.isoformat() if article.date else ""
    encoded = base64.b64encode(cite_fields(source_name(article), date, citation.quote, article.title).encode("utf-8"))
    return f' data-kb-cite="{encoded.decode("ascii")}"'
