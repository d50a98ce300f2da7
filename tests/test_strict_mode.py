"""Strict mode, for CI: a file in seeds/ that cannot be used fails the build.

Turned on by `strict_articles: true` under the kb plugin in mkdocs.yml, or by
the environment variable KB_STRICT=1. Files built with a warning pass.
"""
import pytest

from corpora import article, build

# Continues the kb plugin's block in the config conftest.build_site writes.
STRICT_OPTION = "    strict_articles: true\n"


@pytest.fixture
def seeds_with_a_binary_file(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(article("一篇好文章", "这篇文章没有问题"), encoding="utf-8")
    (seeds / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return seeds


def test_strict_option_fails_the_build_naming_the_rejected_file(tmp_path, seeds_with_a_binary_file):
    result = build(tmp_path, seeds_with_a_binary_file, extra_yaml=STRICT_OPTION)
    assert result.returncode != 0
    assert "strict mode: 1 file(s)" in result.log
    assert "photo.txt: is a binary file, not text (skipped) — save the article as plain text" in result.log
    assert "Traceback" not in result.log
    assert not (result.site / "index.html").exists()


def test_kb_strict_environment_variable_fails_the_build_too(tmp_path, seeds_with_a_binary_file, monkeypatch):
    monkeypatch.setenv("KB_STRICT", "1")
    result = build(tmp_path, seeds_with_a_binary_file)
    assert result.returncode != 0
    assert "photo.txt: is a binary file" in result.log
    assert "Traceback" not in result.log


def test_strict_mode_lets_files_built_with_a_warning_pass(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = article("同一篇文章", "这篇文章有两份")
    (seeds / "copy-1.txt").write_text(text, encoding="utf-8")
    (seeds / "copy-2.txt").write_text(text, encoding="utf-8")
    result = build(tmp_path, seeds, extra_yaml=STRICT_OPTION)
    assert result.returncode == 0, result.log
    assert "is the same article as copy-1.txt (built with a warning)" in result.lines_about("copy-2.txt")[0]
