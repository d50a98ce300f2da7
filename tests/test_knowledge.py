"""An edited data file is read again at the next build, without a restart (mkdocs serve)."""
from __future__ import annotations

import os

from build_scripts import data as data_files


def test_an_edited_yaml_file_is_read_again(tmp_path):
    rules = tmp_path / "rules.yml"
    rules.write_text("word: one\n", encoding="utf-8")

    @data_files.loader
    def load(path=rules):
        return path.read_text(encoding="utf-8")

    assert not data_files.reload_if_changed(tmp_path)  # first build: nothing to forget
    assert load() == "word: one\n"

    rules.write_text("word: two, and longer\n", encoding="utf-8")
    assert load() == "word: one\n"  # cached until the next build starts
    assert data_files.reload_if_changed(tmp_path)
    assert load() == "word: two, and longer\n"


def test_a_file_saved_unchanged_in_size_is_still_noticed(tmp_path):
    rules = tmp_path / "rules.yml"
    rules.write_text("word: one\n", encoding="utf-8")
    data_files.reload_if_changed(tmp_path)
    rules.write_text("word: two\n", encoding="utf-8")
    os.utime(rules, ns=(rules.stat().st_atime_ns, rules.stat().st_mtime_ns + 1_000_000))
    assert data_files.reload_if_changed(tmp_path)
    assert not data_files.reload_if_changed(tmp_path)
