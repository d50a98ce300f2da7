"""Every internal link and anchor of a built site leads somewhere.

`check_internal_links` is the reusable part: any test that builds a site can
call it and assert the list it returns is empty.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from conftest import ROOT

LINKING_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


def check_internal_links(site_dir: Path, site_url: str = "") -> list[str]:
    """One message per internal link in `site_dir`'s HTML that points at no file, or at no id in it.

    Links are resolved as a browser would, from each page's own URL. Links
    to other hosts are not followed, except those under `site_url` (the
    canonical links), which must name a page of this site.
    """
    site_dir = Path(site_dir)
    base = "http://site.invalid/"
    ids: dict[Path, set[str]] = {}
    links: list[tuple[str, str, str, str]] = []  # page, tag, attribute, link
    for html_file in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        ids[html_file] = {el["id"] for el in soup.select("[id]")} | {a["name"] for a in soup.select("a[name]")}
        relative = html_file.relative_to(site_dir).as_posix()
        for tag, attribute in LINKING_ATTRIBUTES.items():
            links += [(relative, tag, attribute, el[attribute].strip()) for el in soup.find_all(tag) if el.get(attribute)]
    broken = []
    for relative, tag, attribute, link in links:
        if link.startswith(("mailto:", "tel:", "javascript:", "data:")):
            continue
        if site_url and link.startswith(site_url):
            link = base + link[len(site_url):]
        url = urlsplit(urljoin(urljoin(base, relative), link))
        if f"{url.scheme}://{url.netloc}/" != base:
            continue  # another host
        target = _file_for(site_dir, unquote(url.path))
        fragment = unquote(url.fragment)
        if target is None:
            broken.append(f"{relative}: <{tag} {attribute}=\"{link}\"> — no such file")
        elif fragment and target.suffix == ".html" and fragment not in ids[target]:
            broken.append(f"{relative}: <{tag} {attribute}=\"{link}\"> — no id '{fragment}' there")
    return broken


def _file_for(site_dir: Path, url_path: str) -> Path | None:
    target = site_dir / url_path.lstrip("/")
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def _site_url() -> str:
    import yaml

    # mkdocs.yml holds !!python tags for some extensions; only site_url is needed here.
    line = next(line for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if line.startswith("site_url:"))
    return yaml.safe_load(line)["site_url"]


def test_every_internal_link_and_anchor_of_the_seed_site_resolves(seed_site):
    assert check_internal_links(seed_site, _site_url()) == []


def test_the_check_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="#top" id="top">ok</a>'
        '<a href="b/">missing page</a> <a href="a/#gone">missing anchor</a> <a href="https://example.org/x">other host</a>',
        encoding="utf-8",
    )
    problems = check_internal_links(tmp_path)
    assert len(problems) == 2
    assert "b/" in problems[0] and "no such file" in problems[0]
    assert "#gone" in problems[1] and "no id 'gone'" in problems[1]
