"""Article text → Markdown that shows exactly that text and nothing more.

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

