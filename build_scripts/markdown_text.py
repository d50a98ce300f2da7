"""Article text → Markdown or HTML that shows exactly that text and nothing more.

Pasted text can contain Markdown, HTML, attribute lists, snippet markers or
template syntax. Every character that could start syntax is escaped, so the
text renders literally and never becomes markup, never includes a file.
"""
from __future__ import annotations

import html
import re

# Exactly Python-Markdown's escapable characters with the extensions in
# mkdocs.yml (`md.ESCAPED_CHARS`); escaping any other character would leave a
# visible backslash. `<` and `&` are handled as HTML entities instead.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def escape(text: str) -> str:
    """Literal text for use inside a Markdown paragraph, heading or table cell."""
    text = html.escape(text, quote=False)  # <script>, &entities; stay text
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)



def literal_html(text: str) -> str:
    """Literal text as HTML, for raw HTML blocks and for values MkDocs' templates print.

    Two places need it rather than `escape`: raw HTML blocks, which Markdown
    passes through untouched (a long paragraph costs linear time there, while
    Markdown's inline escapes cost quadratic time in the paragraph's length),
    and a page's `title:`, which MkDocs' Jinja templates print without
    autoescaping into `<title>` and the header.
    """
    return html.escape(text, quote=True)
