"""A row's "copy citation" menu: the data the browser needs, as one attribute.

In: the Citation a row is attributed to. Out: an attr_list fragment,
` data-kb-cite="…"`, to put inside the row's `{: #id .class … }`:

    f"{{: #{row.id} .kb-figure{cite_data(row.citations[0])} }}"

Any element with an `id` and this attribute gets, next to its `#` (copy
link) button, a menu that copies the row as a Markdown link, a MediaWiki
`{{cite web}}` or Confluence wiki markup (docs/assets/kb.js). The browser
fills in what depends on the page, so the same attribute serves both
scripts: the row's public URL (the page's canonical URL, from `site_url`,
plus `#id`), the page's title and the row's value (its `.kb-value`,
`.kb-when` or `.kb-cite-value` element, else its first strong text). The
attribute carries what does not: the source's outlet, its date and the quote
in the article's own words and script. Those are an article's words (an
outlet, an author or file name standing in for it, a quote): the script
escapes every field for the markup it is pasted into (Markdown, MediaWiki
with `<nowiki>` where the text would be read as wikitext, Confluence), so a
pasted citation holds no link, tag, template or signature but its own.

The value is percent-encoded JSON: attr_list cannot hold a `"` or `}` in a
value, and quotes hold both; percent-encoding is plain ASCII, which the
script conversion (variants.py) leaves alone.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from build_scripts.knowledge.corroborate import Citation


def cite_data(citation: Citation) -> str:
    """` data-kb-cite="…"` for a row attributed to `citation` (see the module docstring)."""
    article = citation.article
    fields = {
        "outlet": article.outlet or article.author or article.file_name,
        "date": article.date.isoformat() if article.date else "",
        "quote": " ".join(citation.quote.split()),
    }
    return f' data-kb-cite="{quote(json.dumps(fields, ensure_ascii=False), safe="")}"'
