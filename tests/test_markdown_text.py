"""Generated HTML reaches the page as written (markdown_text.HtmlParagraphs); anything else is still Markdown."""
import markdown

from build_scripts.pages.markdown_text import HtmlParagraphs


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "md_in_html", HtmlParagraphs()])


def test_a_generated_block_is_passed_through_and_the_markdown_after_it_is_rendered():
    table = '<div class="kb-sources">\n<table>\n<tr><td>*not emphasis*</td></tr>\n</table>\n</div>'
    html = render(f"# Title\n\n{table}\n\nAfter **it**.\n")
    assert table in html
    assert "<strong>it</strong>" in html and "<em>" not in html


def test_a_block_that_is_never_closed_is_left_to_markdown():
    html = render('<div class="kb-sources">\n\nText with **bold**.\n')
    assert "Text with" in html  # not swallowed by a block waiting for its </div>


def test_generated_paragraphs_keep_their_text_and_order():
    html = render('<p class="kb-para" id="p-1">one</p>\n\n<p class="kb-para" id="p-2">two</p>\n')
    assert html.index('id="p-1"') < html.index('id="p-2"')


def test_inline_html_is_kept_as_written_and_its_md_links_go_through_mkdocs_resolution():
    from markdown.treeprocessors import Treeprocessor

    from build_scripts.pages.markdown_text import inline_html

    class RelPath(Treeprocessor):  # stands in for MkDocs' `relpath`, which resolves and checks links
        asked: list = []

        def run(self, root):
            return root

        def path_to_url(self, url):
            self.asked.append(url)
            return url.replace(".md#", "/#")

    md = markdown.Markdown(extensions=["md_in_html", HtmlParagraphs()])
    md.treeprocessors.register(RelPath(md), "relpath", 0)
    text = "A *sentence*. " + inline_html('<sup><a href="../sources/a.md#p-1" title="[x](y) *z*">[1]</a></sup>') + "\n"
    html = md.convert(text)
    assert "<em>sentence</em>" in html  # the Markdown around it is Markdown
    assert '<a href="../sources/a/#p-1" title="[x](y) *z*">[1]</a>' in html  # the HTML is as written, its link resolved
    assert RelPath.asked == ["../sources/a.md#p-1"]
