"""Article text → Markdown or HTML that shows exactly that text and nothing more.

Pasted text can contain Markdown, HTML, attribute lists, snippet markers or
template syntax. Every character that could start syntax is escaped, so the
text renders literally and never becomes markup, never includes a file.
"""
from __future__ import annotations

import html
import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# Exactly Python-Markdown's escapable characters with the extensions in
# mkdocs.yml (`md.ESCAPED_CHARS`); escaping any other character would leave a
# visible backslash. `<` and `&` are handled as HTML entities instead.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def escape(text: str) -> str:
    """Literal text for use inside a Markdown paragraph, heading or table cell."""
    text = html.escape(text, quote=False)  # <script>, &entities; stay text
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)



def literal_html(text: str) -> str:
    """Literal text as HTML, for HTML paragraphs and for values MkDocs' templates print.

    A page's `title:` needs it rather than `escape`: MkDocs' Jinja templates
    print it into `<title>` and the header without autoescaping.
    """
    return html.escape(text, quote=True)


HTML_PARAGRAPH_START = '<p class="kb-para'


class HtmlParagraphs(Extension):
    """Markdown in: lines that are a whole `<p class="kb-para…">…</p>`. HTML out: those lines, as they are.

    Source pages show article paragraphs as HTML with the text escaped by
    `literal_html`, not as escaped Markdown, whose cost grows with the square
    of a paragraph's length (each escape copies the paragraph: a 1 MB line
    of pasted markup took 20 s). Left to Python-Markdown's raw-HTML parser,
    those lines would cost the square of the page's length instead (it
    copies the rest of the page after every block: a 20 MB article took
    nearly three minutes). This
    preprocessor stores them in one linear pass; Markdown puts them back at
    the end as it does any raw HTML. Article text cannot forge such a line:
    escaped either way, it never starts a line with `<`.
    """

    def extendMarkdown(self, md):
        # After MkDocs' scan for element ids (21), so paragraph anchors count
        # for its link check; before Markdown's raw-HTML parser (20).
        md.preprocessors.register(_StoreHtmlParagraphs(md), "kb_html_paragraphs", 20.5)


class _StoreHtmlParagraphs(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [
            self.md.htmlStash.store(line) if line.startswith(HTML_PARAGRAPH_START) and line.endswith("</p>") else line
            for line in lines
        ]


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar for front matter that round-trips any title or tag."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
