"""In headless Chromium, under `build_scripts/run serve`: an editor copies an entry from the To check
page, pastes it into seeds/sources.yml and saves; the item leaves the queue and is marked checked."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from test_knowledge_files import Preview, project_copy

ITEM = "check-m-iron-mass-production-2026-q4"
SHOTS = os.environ.get("KB_SCREENSHOTS")  # a folder to keep the screenshots in, for a person to look at


@pytest.fixture
def preview(tmp_path):
    serving = Preview(project_copy(tmp_path))
    serving.wait_for(lambda: serving.get("to-check/", timeout=5)[0] == 200, "the preview answers")
    yield serving
    serving.stop()


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / name))


def test_a_pasted_snippet_saved_under_serve_leaves_the_queue_and_marks_the_item_checked(browser, preview):
    base = f"http://127.0.0.1:{preview.port}"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # What the copy button hands the clipboard, kept in the page: reading the real clipboard back
    # waits for the window's focus, which a busy headless browser may never give it.
    context.add_init_script(
        "window.kbCopied = null;"
        "if (navigator.clipboard) navigator.clipboard.writeText = (text) => { window.kbCopied = text; return Promise.resolve(); };"
        "window.prompt = (label, text) => { window.kbCopied = text; };"
    )
    page = context.new_page()
    page.goto(f"{base}/to-check/")
    item = page.locator(f'[data-check="{ITEM}"]')
    item.scroll_into_view_if_needed()
    button = item.locator("button.kb-snippet-copy")
    button.click()
    page.wait_for_function("b => b.textContent.includes('已复制')", arg=button.element_handle())
    snippet = page.evaluate("window.kbCopied")
    assert "id: m-iron-mass-production-2026-q4" in snippet and "do: confirm" in snippet
    shot(page, "to-check-copied-1280.png")

    # The filters hide what does not match.
    page.select_option("form.kb-check-filters select[name=kind]", "figure")
    assert item.is_hidden()
    page.select_option("form.kb-check-filters select[name=kind]", "")
    # Closed before the edit: closing a page while the preview's live reload is reloading it has
    # hung Playwright for good (no timeout applies to page.close).
    page.close()

    sources = preview.copy / "seeds" / "sources.yml"
    edited = snippet.replace("do: confirm", "do: confirm\n    by: 测试编辑")
    saved = time.monotonic()
    sources.write_text(sources.read_text(encoding="utf-8") + "\nmilestones:\n" + edited, encoding="utf-8")
    preview.wait_for(lambda: ITEM not in preview.get("to-check/", timeout=20)[1], "the checked item leaves the queue")
    print(f"\ncorrections: saved → To check page updated in {time.monotonic() - saved:.1f} s (polled every 0.5 s)")

    page = context.new_page()
    page.goto(f"{base}/topics/iron/#m-iron-mass-production-2026-q4")
    mark = page.locator("#m-iron-mass-production-2026-q4 .kb-checked")
    assert mark.count() == 1
    assert "测试编辑" in mark.get_attribute("title")
    mark.scroll_into_view_if_needed()
    shot(page, "topic-checked-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    mark.scroll_into_view_if_needed()
    shot(page, "topic-checked-390.png")
    context.close()
