"""`mkdocs serve --dirty`: after an edit only the changed pages are rewritten, and the site equals a full build."""
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT, build_site

SERVE_URL = "http://127.0.0.1:8000/"


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_dirty_rebuild_rewrites_only_changed_pages_and_equals_a_full_build(tmp_path, seeds_copy):
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\nplugins:\n  kb:\n    seeds_dir: {seeds_copy}\n",
        encoding="utf-8",
    )
    served = tmp_path / "served"
    config = load_config(str(config_file), site_dir=str(served))
    config.site_url = SERVE_URL
    config.plugins.on_startup(command="serve", dirty=True)  # once per session, as mkdocs serve does
    build(config, serve_url=SERVE_URL, dirty=True)
    before = {p: p.stat().st_mtime_ns for p in served.rglob("*.html")}

    article = seeds_copy / "004_2a4aa61ecc6eb6e2.txt"
    article.write_text(
        article.read_text(encoding="utf-8") + "\nXPeng said the new Robotaxi pilot will carry 9,999 passengers.\n",
        encoding="utf-8",
    )
    config = load_config(str(config_file), site_dir=str(served))
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL, dirty=True)
    # Under serve the search bundle is rebuilt in the background (search/bundle.py): wait for it.
    assert config.plugins["kb"].search_updates.done.wait(120)
    rewritten = sorted(p.relative_to(served).as_posix() for p, mtime in before.items() if p.stat().st_mtime_ns != mtime)
    assert "sources/004_2a4aa61ecc6eb6e2/index.html" in rewritten
    assert "sources/000_8aa7ed600137bead/index.html" not in rewritten
    assert len(rewritten) < len(before) / 2

    # A full build in its own process, as `mkdocs build` runs (in this one,
    # Material's search plugin would still hold the serve session's index).
    result = build_site(tmp_path / "full", seeds_copy, extra_yaml=f"site_url: {SERVE_URL}\n", strict=False)
    assert result.returncode == 0, result.stderr
    served_files, full_files = snapshot(served), snapshot(tmp_path / "full" / "site")
    assert sorted(served_files) == sorted(full_files)
    # Material's tags.json export lists the tags of the pages a build renders:
    # in a dirty build, the changed ones. Nothing in the site reads it.
    assert [name for name in full_files if served_files[name] != full_files[name] and name != "tags.json"] == []
