"""Shared fixtures: build the real site with the real mkdocs.yml, read its HTML."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def build_site(out_dir: Path, seeds_dir: Path = SEEDS, extra_yaml: str = "", strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` as a user would, on `seeds_dir`, into `out_dir`/site.

    A small mkdocs.yml that INHERITs the project's points the kb plugin at
    another seeds folder, so fixtures never touch the real seeds/. Plugins
    are a mapping on both sides, so the project's search settings are kept.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    config = out_dir / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        # Paths in a config are relative to its own file: the project's template overrides.
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        f"site_dir: {out_dir / 'site'}\n"
        "plugins:\n"
        "  kb:\n"
        f"    seeds_dir: {seeds_dir}\n"
        + extra_yaml,
        encoding="utf-8",
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=out_dir)


def page(site: Path, url_path: str) -> BeautifulSoup:
    """Parsed HTML of the page at `url_path` ("sources/" → sources/index.html)."""
    file = site / url_path.strip("/") / "index.html" if not url_path.endswith(".html") else site / url_path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def kb_files(site: Path) -> dict[str, dict]:
    """kb.json and every file it names, as a consumer reads them: {site-relative path: document}."""
    import json

    index = json.loads((site / "kb.json").read_text(encoding="utf-8"))
    root = index["site_url"].rstrip("/") + "/"
    names = [t["file"] for t in index["topics"]] + [index["site_wide"]["file"]] + [s["file"] for s in index["sources"]]
    files = {"kb.json": index}
    for url in names:
        path = url[len(root):]
        files[path] = json.loads((site / path).read_text(encoding="utf-8"))
    return files


def kb_document(site: Path) -> dict:
    """The whole export gathered from kb.json's files: site_url, topics (their entries), milestones, sources."""
    files = list(kb_files(site).values())
    return {
        "site_url": files[0]["site_url"],
        "topics": [f["topic"] for f in files if f["part"] == "topic"],
        "milestones": [m for f in files if f["part"] in ("topic", "site-wide") for m in f["milestones"]],
        "sources": [s for f in files if f["part"] == "sources" for s in f["sources"]],
    }


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The site built from the five seed articles, once per test run."""
    out = tmp_path_factory.mktemp("seed-site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out / "site"


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A private copy of seeds/ a test may add files to."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


# ---------------------------------------------------------------------------
# Browser: Debian's chromium driven by Playwright, pages served on localhost.

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's
# hosts at start; the machine's closed network refuses them.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def serve_directory(directory: Path):
    """Serve `directory` on 127.0.0.1 in a thread; returns (base_url, stop())."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep test output readable
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_address[1]}", server.shutdown


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium; tests are skipped with a reason when it is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (build_scripts/run test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def seed_server(seed_site):
    """Base URL of the seed site served on localhost."""
    base, stop = serve_directory(seed_site)
    yield base
    stop()
