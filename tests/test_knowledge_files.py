"""A broken knowledge file is named, with its line, its entry and what to do.

build_scripts/data/*.yml and seeds/sources.yml change every page: a build
with one of them broken stops with one line naming it and leaves the previous
site as it was, and the preview keeps serving the last good site with the
error on every page until the file is fixed (started with the file broken,
it serves a page saying what is wrong, and builds the site once it is fixed).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.data import schema
from build_scripts.knowledge.claims import load_knowledge, validate_topics
from build_scripts.knowledge.compose import load_signals
from build_scripts.knowledge.entities import load_entities
from build_scripts.knowledge.extract import unit_rules
from build_scripts.knowledge.glossary import load_terms
from build_scripts.knowledge.lists import speaker_patterns
from build_scripts.knowledge.taxonomy import load_topics
from build_scripts.reading.cleaning import load_rules
from build_scripts.reading.corpus import load_corpus
from conftest import ROOT, SEEDS
from corpora import article

DATA = ROOT / "build_scripts" / "data"


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of data/`name` with `old` replaced by `new` (which must occur)."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def error_of(loader, path: Path) -> schema.DataFileError:
    with pytest.raises(schema.DataFileError) as caught:
        loader(path)
    return caught.value


# -- Each file: the error names the file, the line, the entry and what to do ----


def test_invalid_yaml_in_cleaning_yml_names_the_file_and_line(tmp_path):
    path = broken_copy(tmp_path, "cleaning.yml", "footer_zone: 0.35", "footer_zone: [0.35")
    error = error_of(load_rules, path)
    assert error.file.endswith("cleaning.yml") and error.line is not None
    assert "is not valid YAML" in str(error) and "indentation and quoting" in str(error)


def test_invalid_yaml_in_topics_yml_names_the_file_not_a_unicode_string(tmp_path):
    path = broken_copy(tmp_path, "topics.yml", "  - slug: robotaxi\n", "  - slug: robotaxi\n   bad indent: [\n")
    error = error_of(load_topics, path)
    assert str(error).startswith(f"{path}, line ") and "<unicode string>" not in str(error)


def test_a_topic_without_its_chinese_title_is_named_with_its_line(tmp_path):
    path = broken_copy(tmp_path, "topics.yml", "    title_zh: Robotaxi 无人驾驶出租车\n", "")
    error = error_of(load_topics, path)
    assert error.entry == "topic #2 (slug 'robotaxi')" and error.what == "'title_zh' is missing"
    assert error.line == line_of(path, "- slug: robotaxi")
    assert "title_zh" in error.todo or "add 'title_zh:'" in error.todo


def test_a_related_topic_that_does_not_exist_is_named(tmp_path):
    path = broken_copy(tmp_path, "topics.yml", "related: [second-gen-vla, turing-chip]", "related: [second-gen-vla, no-such-topic]")
    error = error_of(load_topics, path)
    assert "no-such-topic" in error.what and error.line == line_of(path, "no-such-topic") and "use slugs of topics" in error.todo


def test_a_unit_pattern_that_is_not_a_regular_expression_is_named(tmp_path):
    path = broken_copy(tmp_path, "units.yml", "pattern: 'EFLOPS'", "pattern: 'EFLOPS('")
    error = error_of(unit_rules, path)
    assert "unit #2 (id 'EFLOPS'), 'pattern'" in error.entry and "not a valid regular expression" in error.what
    assert error.line == line_of(path, "EFLOPS(")


def test_opinion_cues_that_are_not_a_list_are_named(tmp_path):
    path = broken_copy(tmp_path, "signals.yml", "opinion_cues: [", "opinion_cues: 认为\nnot_opinion: [")
    error = error_of(load_signals, path)
    assert error.entry == "'opinion_cues'" and "should be a list" in error.what
    assert error.line == line_of(path, "opinion_cues: 认为")


def test_speech_cues_that_are_not_a_list_are_named_where_speakers_are_read(tmp_path):
    path = broken_copy(tmp_path, "signals.yml", "belief_cues: [认为,", "belief_cues: {zh: 认为}\nunused: [")
    error = error_of(speaker_patterns, path)
    assert error.entry == "'belief_cues'" and "should be a list" in error.what
    assert error.line == line_of(path, "belief_cues: {zh")


def test_an_entity_of_an_unknown_kind_is_named(tmp_path):
    path = broken_copy(tmp_path, "entities.yml", "{tag: 高德, kind: organisation", "{tag: 高德, kind: company")
    error = error_of(load_entities, path)
    assert error.entry == "entity #9 (tag '高德'), 'kind'" and "'company' is not one of person, organisation, outlet" in error.what


GLOSSARY_CASES = {
    "no term": ("    term: TOPS\n", ""),
    "empty term": ("    term: TOPS\n", "    term: ''\n"),
    "null term": ("    term: TOPS\n", "    term:\n"),
}


@pytest.mark.parametrize("case", GLOSSARY_CASES)
def test_a_glossary_entry_without_a_usable_term_is_named_never_a_none_tooltip(tmp_path, case):
    path = broken_copy(tmp_path, "glossary.yml", *GLOSSARY_CASES[case])
    error = error_of(load_terms, path)
    assert "(id 'tops')" in error.entry
    assert error.what in ("'term' is missing", "is empty", "should be text, not nothing (null)")
    assert "term: TOPS" in error.todo
    entry_line = line_of(path, "- id: tops")
    assert error.line == (entry_line if case == "no term" else entry_line + 1)


# (file, old, new, the entry named, what is wrong, a text on the line named: its last occurrence)
SUBJECT_AND_ATTRIBUTE_CASES = {
    "a subject id twice": (
        "subjects.yml", "  - id: a868\n", "  - id: iron\n",
        "subject #5 (id 'iron')", "this id is used by two subjects", "- id: iron",
    ),
    "a subject id that is no anchor": (
        "subjects.yml", "  - id: a868\n", "  - id: A868\n",
        "subject #5 (id 'A868'), 'id'", "'A868' must be lower-case ASCII letters, digits and '-'", "- id: A868",
    ),
    "a subject of an unknown kind": (
        "subjects.yml", "    kind: product\n", "    kind: gadget\n",
        "subject #1 (id 'iron'), 'kind'", "'gadget' is not one of product, component, company", "kind: gadget",
    ),
    "a subject without aliases": (
        "subjects.yml", "    aliases:\n      zh: [IRON, 人形机器人, 人形机械人, 机器人IRON]  # 机械人: Hong Kong's word for robot\n      en: [IRON, humanoid robot, humanoid]\n",
        "    aliases: {zh: [], en: []}\n", "subject #1 (id 'iron'), 'aliases'", "has no aliases", "aliases: {zh: []",
    ),
    "an attribute with a unit units.yml lacks": (
        "attributes.yml", "units: [TOPS]", "units: [TOPZ]",
        "attribute #1 (id 'compute')", "unit 'TOPZ' is not in units.yml", "units: [TOPZ]",
    ),
    "an attribute of an unknown kind": (
        "attributes.yml", "    kind: spec\n", "    kind: specs\n",
        "attribute #1 (id 'compute'), 'kind'", "'specs' is not one of spec, count", "kind: specs",
    ),
    "an attribute pattern that does not compile": (
        "attributes.yml", "'{number}\\s?[颗块枚粒]", "'({number}\\s?[颗块枚粒]",
        "attribute #4 (id 'turing-chips'), 'patterns' #1", "is not a valid regular expression", "'({number}",
    ),
    "an attribute for a subject subjects.yml lacks": (
        "attributes.yml", "subjects: [robotaxi, iron, g7-ultra, turing-chip]", "subjects: [robotaxi, irn, g7-ultra, turing-chip]",
        "attribute #1 (id 'compute')", "subject 'irn' is not in subjects.yml", "irn",
    ),
    "an attribute without cue words": (
        "attributes.yml", "    cues: {zh: [运算算力], en: [operating compute]}\n", "",
        "attribute #2 (id 'operating-compute')", "has no cue words", "- id: operating-compute",
    ),
    "attributes.yml that is not valid YAML": (
        "attributes.yml", "units: [TOPS]", "units: [TOPS",
        "", "is not valid YAML", "",
    ),
}


@pytest.mark.parametrize("case", SUBJECT_AND_ATTRIBUTE_CASES)
def test_a_broken_subject_or_attribute_is_named_with_its_file_line_and_entry(tmp_path, case):
    name, old, new, entry, what, on_line = SUBJECT_AND_ATTRIBUTE_CASES[case]
    path = broken_copy(tmp_path, name, old, new)
    files = {"subjects.yml": DATA / "subjects.yml", "attributes.yml": DATA / "attributes.yml", name: path}
    with pytest.raises(schema.DataFileError) as caught:
        load_knowledge(files["subjects.yml"], files["attributes.yml"])
    error = caught.value
    assert str(error).startswith(f"{path}, line {error.line}, {entry}: " if entry else f"{path}, line {error.line}: ")
    assert what in error.what and error.todo
    if on_line:
        assert error.line == max(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if on_line in line)


def test_a_subject_on_a_topic_topics_yml_lacks_is_named_with_its_line(tmp_path):
    path = broken_copy(tmp_path, "subjects.yml", "    topic: robotaxi\n", "    topic: robotaxis\n")
    knowledge = load_knowledge(path, DATA / "attributes.yml")
    with pytest.raises(schema.DataFileError) as caught:
        validate_topics(knowledge, {t.slug for t in load_topics()}, path)
    assert str(caught.value).startswith(f"{path}, line {line_of(path, 'topic: robotaxis')}, subject #3 (id 'robotaxi'): topic 'robotaxis' is not in topics.yml")
    assert "use one of " in caught.value.todo


def test_the_real_knowledge_files_have_their_shape():
    assert load_topics() and load_terms() and load_entities() and unit_rules() and load_signals() and load_rules()
    assert load_knowledge().subjects and load_knowledge().attributes


def test_sources_yml_that_is_not_valid_yaml_stops_reading_naming_its_line(tmp_path):
    (tmp_path / "a.txt").write_text(article("文章", "正文"), encoding="utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  title: 好标题\n b.txt: [\n", encoding="utf-8")
    with pytest.raises(schema.DataFileError) as caught:
        load_corpus(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'sources.yml'}, line 3: is not valid YAML")


def test_a_new_file_is_checked_by_declaring_its_shape(tmp_path):
    """How another YAML file joins: declare its shape, load it with schema.load."""
    shape = schema.Record({"kinds": schema.ListOf(schema.Record({"id": schema.Slug(), "cues": schema.ListOf(schema.Text(), min_items=1)}), label="kind")})
    path = tmp_path / "milestones.yml"
    path.write_text("kinds:\n  - id: launch\n    cues: [发布]\n  - id: delivery\n    cues: []\n", encoding="utf-8")
    with pytest.raises(schema.DataFileError) as caught:
        schema.load(path, shape)
    assert str(caught.value) == f"{path}, line 5, kind #2 (id 'delivery'), 'cues': needs at least 1 item(s)"


# -- The build and the preview ----------------------------------------------------


def project_copy(tmp_path: Path) -> Path:
    """The project's code, docs, theme overrides, seeds and mkdocs.yml in a temporary folder, to break files in."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "build_scripts", copy / "build_scripts", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("docs", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, copy / folder)
    shutil.copytree(SEEDS, copy / "seeds")
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


def environment(copy: Path) -> dict:
    # The copy's build_scripts comes first on the path: the kb plugin is loaded from it.
    return dict(os.environ, PYTHONPATH=str(copy), NO_MKDOCS_2_WARNING="1")


def mkdocs_build(copy: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=copy, env=environment(copy), capture_output=True, text=True)


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """A project copy with its site built once; a test breaks a file, builds, and puts the file back."""
    copy = project_copy(tmp_path_factory.mktemp("built"))
    first = mkdocs_build(copy)
    assert first.returncode == 0, first.stderr
    return copy


@pytest.mark.parametrize("name, old, new", [
    ("cleaning.yml", "footer_zone: 0.35", "footer_zone: [0.35"),
    ("glossary.yml", "    term: TOPS\n", "    term:\n"),
    ("entities.yml", "{tag: 高德, kind: organisation", "{tag: 高德, kind: company"),
    ("header.yml", "head_lines: 16", "head_lines: [16"),
])
def test_a_broken_knowledge_file_fails_the_build_naming_it_and_leaves_the_previous_site(built_project, name, old, new):
    home = (built_project / "site" / "index.html").read_bytes()
    data_file = built_project / "build_scripts" / "data" / name
    good = data_file.read_text(encoding="utf-8")
    data_file.write_text(good.replace(old, new, 1), encoding="utf-8")
    try:
        broken = mkdocs_build(built_project)
    finally:
        data_file.write_text(good, encoding="utf-8")
    assert broken.returncode != 0
    assert "Traceback" not in broken.stderr
    assert f"build_scripts/data/{name}, line " in broken.stderr
    assert "could not be read" not in broken.stderr  # no article is blamed for it
    assert (built_project / "site" / "index.html").read_bytes() == home
    assert len(list((built_project / "site" / "sources").iterdir())) > 5


def test_an_impossible_date_in_sources_yml_publishes_every_article(tmp_path):
    copy = project_copy(tmp_path)
    sources = copy / "seeds" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("date: 2025-11-12", "date: 2025-13-45"), encoding="utf-8")
    result = mkdocs_build(copy)
    assert result.returncode == 0, result.stderr
    assert "sources.yml: entry '002_56d86afa678d481a.txt' (line " in result.stderr
    assert "'date' is not a date: '2025-13-45'" in result.stderr
    assert (copy / "site" / "sources" / "002_56d86afa678d481a" / "index.html").exists()


class Preview:
    """`build_scripts/run serve` (mkdocs serve --dirty) on a project copy, asked over HTTP."""

    def __init__(self, copy: Path):
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.copy = copy
        self.log = open(copy / "serve.log", "w+", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "build_scripts.serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=copy, env=environment(copy), stdout=self.log, stderr=subprocess.STDOUT,
        )

    def get(self, path: str, timeout: float = 60) -> tuple[int, str]:
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=timeout) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""

    def wait_for(self, condition, what: str, seconds: float = 90):
        import time

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except OSError:
                pass  # not listening yet
            time.sleep(0.5)
        self.log.seek(0)
        raise AssertionError(f"{what} within {seconds} s; serve log:\n{self.log.read()[-3000:]}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


@pytest.fixture
def preview(tmp_path):
    serving = Preview(project_copy(tmp_path))
    serving.wait_for(lambda: serving.get("", timeout=5)[0] == 200, "the preview answers")
    yield serving
    serving.stop()


def test_the_preview_answers_404_for_a_deleted_or_renamed_article(preview):
    seeds = preview.copy / "seeds"
    assert preview.get("sources/004_2a4aa61ecc6eb6e2/")[0] == 200
    assert preview.get("sources/003_93100f986083634d/")[0] == 200
    (seeds / "004_2a4aa61ecc6eb6e2.txt").unlink()
    (seeds / "003_93100f986083634d.txt").rename(seeds / "003_renamed.txt")
    preview.wait_for(lambda: preview.get("sources/003_renamed/")[0] == 200, "the renamed article gets its new page")
    assert preview.get("sources/004_2a4aa61ecc6eb6e2/")[0] == 404
    assert preview.get("sources/003_93100f986083634d/")[0] == 404


def test_the_preview_shows_a_broken_knowledge_file_on_every_page_without_hanging_then_recovers(preview):
    cleaning = preview.copy / "build_scripts" / "data" / "cleaning.yml"
    good = cleaning.read_text(encoding="utf-8")
    cleaning.write_text(good.replace("footer_zone: 0.35", "footer_zone: [0.35", 1), encoding="utf-8")

    def banner_on(path: str) -> str:
        status, html = preview.get(path, timeout=20)  # a stuck preview would time out here
        assert status == 200
        found = re.search(r'class="admonition failure kb-build-error".*?</div>', html, re.S)
        return found.group(0) if found else ""

    preview.wait_for(lambda: banner_on(""), "the error is shown on the home page")
    for path in ("", "topics/robotaxi/", "sources/000_8aa7ed600137bead/", "timeline/"):
        banner = banner_on(path)
        assert "build_scripts/data/cleaning.yml, line " in banner and "is not valid YAML" in banner, path
    status, source = preview.get("sources/000_8aa7ed600137bead/")
    assert "小鹏" in source and 'class="kb-para' in source  # the last good page is still there

    cleaning.write_text(good, encoding="utf-8")
    preview.wait_for(lambda: not banner_on("") and not banner_on("topics/robotaxi/"), "the error disappears once the file is fixed")


def test_the_preview_never_hangs_on_an_impossible_date_in_sources_yml(preview):
    sources = preview.copy / "seeds" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("date: 2025-11-12", "date: 2025-13-45"), encoding="utf-8")
    preview.wait_for(lambda: "2025-13-45" in preview.get("problems/", timeout=20)[1], "the problems page names the date")
    assert preview.get("sources/002_56d86afa678d481a/", timeout=20)[0] == 200


# (file, its good text → its broken text): one read in on_config (the search
# vocabulary), one while the articles are read.
BROKEN_AT_START = {
    "glossary.yml": ("build_scripts/data/glossary.yml", "    term: TOPS\n", "    term: [TOPS\n"),
    "sources.yml": ("seeds/sources.yml", "  date: 2025-11-12\n", "  date: [2025-11-12\n"),
}


@pytest.mark.parametrize("name", BROKEN_AT_START)
def test_a_preview_started_with_a_broken_knowledge_file_says_what_is_wrong_then_builds_once_fixed(tmp_path, name):
    copy = project_copy(tmp_path)
    for seed in (copy / "seeds").glob("*.txt"):  # two articles: enough for a home page, fast to build
        if not seed.name.startswith(("000_", "002_")):
            seed.unlink()
    relative, good_text, broken_text = BROKEN_AT_START[name]
    broken_file = copy / relative
    good = broken_file.read_text(encoding="utf-8")
    assert good_text in good
    broken_file.write_text(good.replace(good_text, broken_text, 1), encoding="utf-8")
    built = mkdocs_build(copy)  # a build, unlike the preview, stops with one line
    assert built.returncode != 0 and f"{relative}, line " in built.stderr and "Traceback" not in built.stderr
    preview = Preview(copy)
    try:
        preview.wait_for(lambda: preview.get("", timeout=5)[0] == 200, "the preview answers although the first build failed")
        home = preview.get("", timeout=20)[1]
        banner = re.search(r'class="admonition failure kb-build-error".*?</div>', home, re.S)
        assert banner and re.search(rf"{re.escape(relative)}, line \d+: is not valid YAML", banner.group(0))
        assert "最新动态" not in home  # no site yet: only the page saying what is wrong

        broken_file.write_text(good, encoding="utf-8")
        preview.wait_for(lambda: "最新动态" in preview.get("", timeout=20)[1], "the home page once the file is fixed")
        assert "kb-build-error" not in preview.get("", timeout=20)[1]
        assert preview.get("topics/robotaxi/", timeout=20)[0] == 200
    finally:
        preview.stop()
