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


# Generated HTML inside a line of Markdown (footnote markers, a reference list): stored
# as it is, never scanned by Markdown's inline patterns. Article text cannot forge the
# tag: `escape` and `literal_html` write every `<` of it as `&lt;`.
INLINE_HTML = re.compile(r"<kb-html>(.*?)</kb-html>")
# A generated link to another page, `href="../sources/a.md#p-1"`: resolved and checked as MkDocs does a Markdown link.
MD_HREF = re.compile(r'href="([^":]*?\.md(?:#[^"]*)?)"')
ANY_ID = re.compile(r'\sid="([^"]+)"')


def inline_html(generated: str) -> str:
    """Generated HTML for a Markdown line, passed through as it is (see `HtmlParagraphs`).

    `.md` links in it are resolved and validated by MkDocs like Markdown
    links; its ids are anchors of the page. Block-level HTML alone on a line
    is a block of its own.
    """
    return f"<kb-html>{generated}</kb-html>"


# Generated paragraphs: an article's (kb-para) and the notes under them (kb-cited-by).
HTML_PARAGRAPH_START = '<p class="kb-'
# Generated blocks of several lines: a line that only opens `<div class="kb-…">`, up
# to the next line that is only `</div>` (nothing nested): a source page's metadata, the sources table.
HTML_BLOCK_START = '<div class="kb-'
HTML_BLOCK_END = "</div>"


class HtmlParagraphs(Extension):
    """Markdown in: lines that are a whole `<p class="kb-…">…</p>`, and generated
    `<div class="kb-…">` blocks. HTML out: those lines, as they are.

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

    Generated HTML inside a line (`inline_html`: footnote markers after a
    sentence, a reference list) is stored the same way, one piece per span:
    as Markdown links, long runs of citations cost Python-Markdown's bracket
    matching 16 of 41 s of a build of 300 syndicated articles.

    The sources index is such a block too: as a Markdown table its 2,500
    cells went through every inline pattern, 0.2 s of each preview rebuild
    at 500 articles, and any edit that adds a paragraph changes its row.

    They are stored before MkDocs' own scan of the page's raw HTML for
    element ids (`mkdocs_raw_html`, which runs Python's HTML parser over the
    whole page: most of the cost of rendering 500 source pages), and their
    ids are handed to that scan's result, so links to a paragraph are still
    checked.
    """

    def extendMarkdown(self, md):
        # MkDocs registers its scan after the extensions, at 21: store before
        # it, add the ids after it; Markdown's raw-HTML parser comes at 20.
        store = _StoreHtmlParagraphs(md)
        md.preprocessors.register(store, "kb_html_paragraphs", 21.5)
        md.preprocessors.register(_StoreInlineHtml(md, store), "kb_inline_html", 21.6)
        md.preprocessors.register(_AddParagraphIds(md, store), "kb_html_paragraph_ids", 20.9)


PARAGRAPH_ID = re.compile(r'<p class="kb-[^"]*" id="([^"]+)"')


class _StoreHtmlParagraphs(Preprocessor):
    """Stores each run of consecutive generated lines (paragraphs, "cited by" notes, blocks) as one piece of raw HTML.

    One piece per run, not per line: Markdown runs every inline pattern over
    each placeholder it leaves, and an article has dozens of paragraphs.
    """

    def __init__(self, md):
        super().__init__(md)
        self.ids: set[str] = set()

    def run(self, lines: list[str]) -> list[str]:
        stored: list[str] = []
        run: list[str] = []  # the paragraphs of the current run
        blanks = 0  # blank lines since its last paragraph: given back when the run ends

        def end_run():
            nonlocal blanks
            if run:
                stored.append(self.md.htmlStash.store("\n".join(run)))
                stored.extend([""] * max(blanks, 1))  # a block on its own, as each paragraph line was
                run.clear()
                blanks = 0

        block: list[str] = []  # the lines of an open generated block
        for line in lines:
            if block:
                block.append(line)
                if line == HTML_BLOCK_END:
                    # A piece of its own ending with its line break, as Markdown's raw-HTML parser stores it.
                    run.append("\n".join(block) + "\n")
                    end_run()
                    block = []
            elif line.startswith(HTML_BLOCK_START) and line.endswith('">') and ">" not in line[:-1]:
                end_run()
                block.append(line)
            elif line.startswith(HTML_PARAGRAPH_START) and line.endswith("</p>"):
                if found := PARAGRAPH_ID.match(line):
                    self.ids.add(found[1])
                run.append(line)
                blanks = 0
            elif not line and run:
                blanks += 1
            else:
                end_run()
                stored.append(line)
        end_run()
        return stored + block  # a block never closed is left to Markdown, as written


class _StoreInlineHtml(Preprocessor):
    """Each `<kb-html>…</kb-html>` span stored as raw HTML, its `.md` links resolved the way MkDocs resolves Markdown links."""

    def __init__(self, md, store: _StoreHtmlParagraphs):
        super().__init__(md)
        self.store = store

    def run(self, lines: list[str]) -> list[str]:
        relpath = self.md.treeprocessors["relpath"] if "relpath" in self.md.treeprocessors else None  # absent outside MkDocs
        resolved: dict[str, str] = {}  # a page links the same paragraph many times

        def url(found: re.Match) -> str:
            link = html.unescape(found[1])
            if link not in resolved:
                # MkDocs' own resolution: a missing page or anchor is a warning, so `--strict` fails.
                resolved[link] = html.escape(relpath.path_to_url(link), quote=True) if relpath else found[1]
            return f'href="{resolved[link]}"'

        def stored(found: re.Match) -> str:
            piece = MD_HREF.sub(url, found[1])
            self.store.ids.update(ANY_ID.findall(piece))
            return self.md.htmlStash.store(piece)

        return [INLINE_HTML.sub(stored, line) if "<kb-html>" in line else line for line in lines]


class _AddParagraphIds(Preprocessor):
    """After MkDocs' scan: the stored paragraphs' ids are the page's anchors too."""

    def __init__(self, md, store: _StoreHtmlParagraphs):
        super().__init__(md)
        self.store = store

    def run(self, lines: list[str]) -> list[str]:
        if "mkdocs_raw_html" in self.md.preprocessors:  # absent when Markdown runs outside MkDocs
            self.md.preprocessors["mkdocs_raw_html"].present_anchor_ids |= self.store.ids
        return lines


# What YAML will not take as it is in a double-quoted scalar: its own
# quoting characters, line breaks (folded to a space) and everything outside
# its printable set (YAML 1.1, as PyYAML reads it) — a control character or
# a noncharacter such as U+FFFF made the whole front matter unreadable, and
# the page showed it as text.
YAML_UNSAFE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]')


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar for front matter that round-trips any title or tag."""
    return '"' + YAML_UNSAFE.sub(_yaml_escape, text) + '"'


def _yaml_escape(found: re.Match) -> str:
    char = found[0]
    if char in '\\"':
        return "\\" + char
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


# Characters that act on a terminal or on the order of text rather than
# showing: C0/C1 controls (a file name with ESC [2J clears the screen of
# whoever reads the build log, a newline splits its Problems row) and bidi
# controls (U+202E shows the rest of a name reversed).
NOT_SHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def visible_controls(text: str) -> str:
    """`text` with each control character written out (`\\x1b`, `\\n`, `\\u202e`): for file names in the log and the Problems page."""
    return NOT_SHOWN.sub(lambda found: found[0].encode("unicode_escape").decode("ascii"), text)
