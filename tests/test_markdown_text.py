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
