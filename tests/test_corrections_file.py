"""The corrections sections of seeds/sources.yml: each entry checked on its own, a bad one named by line and field."""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.knowledge.corrections import period_of
from build_scripts.reading.corpus import load_overrides
from build_scripts.reading.corrections_file import load_corrections


def corrections_in(tmp_path: Path, text: str):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return load_corrections(path)


def test_entries_become_corrections_with_their_line_target_action_and_fields(tmp_path):
    found, problems = corrections_in(tmp_path, (
        "a.txt:\n  date: 2025-11-12\n"
        "milestones:\n"
        "  - id: m-iron-mass-production-2026-q4\n    do: set\n    when: 2027-H1\n    by: 王编辑\n    date: 2025-12-01\n"
        "claims:\n"
        "  - file: a.txt\n    quote: 算力达2250TOPS\n    do: reject\n    note: 不是这款车\n"
    ))
    assert problems == []
    milestone, claim = found
    assert (milestone.section, milestone.action, milestone.line, milestone.id) == ("milestones", "set", 4, "m-iron-mass-production-2026-q4")
    assert dict(milestone.fields) == {"when": "2027-H1"} and milestone.by == "王编辑" and milestone.date == "2025-12-01"
    assert (claim.section, claim.action, claim.line, claim.file, claim.quote, claim.note) == (
        "claims", "reject", 10, "a.txt", "算力达2250TOPS", "不是这款车")


@pytest.mark.parametrize("entry, line, said", [
    ("  - id: m-x\n    do: approve\n", 3, "'do': 'approve' is not one of confirm, reject, set, add"),
    ("  - do: confirm\n", 2, "names no target"),
    ("  - file: a.txt\n    do: confirm\n", 2, "has file: without quote:"),
    ("  - id: m-x\n    do: set\n", 2, "says set but gives no field to set"),
    ("  - id: m-x\n    do: confirm\n    when: 2026\n", 2, "says confirm but also gives when"),
    ("  - file: a.txt\n    quote: 某句\n    do: add\n    kind: pilot\n", 2, "adds an item without subject, state"),
    ("  - id: m-x\n    do: set\n    when: next year\n", 4, "'next year' is not a period"),
    ("  - id: m-x\n    do: confirm\n    colour: red\n", 4, "'colour' is not a known key"),
    ("  - just text\n", 2, "should be a mapping"),
])
def test_a_malformed_entry_is_a_problem_naming_its_line_and_what_is_wrong_and_the_others_still_apply(tmp_path, entry, line, said):
    found, problems = corrections_in(tmp_path, "milestones:\n" + entry + "  - id: m-ok\n    do: confirm\n")
    assert [c.id for c in found] == ["m-ok"]
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file_name == "sources.yml"
    assert problem.what.startswith(f"line {line}: milestones #1") and said in problem.what, problem.what
    assert problem.todo


def test_a_pasted_snippet_with_its_null_fields_uncommented_is_valid(tmp_path):
    found, problems = corrections_in(tmp_path, (
        "claims:\n  - id: iron-turing-chips\n    file: \"a.txt\"\n    quote: \"搭载3颗图灵AI芯片\"\n"
        "    do: set\n    value: 3\n    unit: null\n    as_of: null\n    status: fact\n"
        "milestones:\n  - id: m-x\n    do: set\n    when: null\n"
    ))
    assert problems == []
    assert dict(found[0].fields) == {"value": 3, "unit": None, "as_of": None, "status": "fact"}
    assert dict(found[1].fields) == {"when": None}


def test_a_section_that_is_not_a_list_is_one_problem(tmp_path):
    found, problems = corrections_in(tmp_path, "claims:\n  id: x\n  do: confirm\n")
    assert found == () and "'claims:' is not a list of entries" in problems[0].what


def test_metadata_entries_accept_by_and_note_and_skip_the_corrections_sections(tmp_path):
    path = tmp_path / "sources.yml"
    path.write_text("a.txt:\n  outlet: 某报\n  by: 王编辑\n  note: 页脚写的\nmilestones:\n  - id: m-x\n    do: confirm\n", encoding="utf-8")
    overrides, problems = load_overrides(path)
    assert overrides == {"a.txt": {"outlet": "某报", "by": "王编辑", "note": "页脚写的"}}  # by and note: the checked mark's tooltip
    assert problems == []


@pytest.mark.parametrize("key, start, end, precision", [
    ("2026", "2026-01-01", "2026-12-31", "year"),
    ("2027-H1", "2027-01-01", "2027-06-30", "half"),
    ("2026-q4", "2026-10-01", "2026-12-31", "quarter"),
    ("2026-02", "2026-02-01", "2026-02-28", "month"),
    ("2026-03-19", "2026-03-19", "2026-03-19", "day"),
])
def test_a_period_written_as_the_site_writes_its_keys(key, start, end, precision):
    period = period_of(key)
    assert (period.start.isoformat(), period.end.isoformat(), period.precision) == (start, end, precision)


@pytest.mark.parametrize("key", ["2026-q5", "2026-13", "2026-02-30", "soon"])
def test_an_impossible_period_is_none(key):
    assert period_of(key) is None


def test_a_correction_whose_sentence_was_edited_is_stale_and_says_what_to_do(seeds_copy):
    from build_scripts.knowledge.compose import build_knowledge_base
    from build_scripts.reading.corpus import load_corpus

    with (seeds_copy / "sources.yml").open("a", encoding="utf-8") as file:
        file.write("\nclaims:\n  - file: 000_8aa7ed600137bead.txt\n    quote: 手有22个自由度\n    do: confirm\n")
    kb = build_knowledge_base(load_corpus(seeds_copy))
    assert [c.review.verdict for c in kb.claims if c.review] == ["confirmed"]
    assert kb.corrections.stale == ()

    article = seeds_copy / "000_8aa7ed600137bead.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("手有22个自由度", "手部有22个自由度"), encoding="utf-8")
    kb = build_knowledge_base(load_corpus(seeds_copy))
    assert not any(c.review for c in kb.claims)
    (stale,) = kb.corrections.stale
    assert stale.correction.line == (seeds_copy / "sources.yml").read_text(encoding="utf-8").splitlines().index("  - file: 000_8aa7ed600137bead.txt") + 1
    assert "matches no figure" in stale.what and "quote" in stale.todo


def test_apart_is_a_flag_of_milestone_entries_only(tmp_path):
    found, problems = corrections_in(tmp_path, (
        "milestones:\n  - id: m-x\n    do: confirm\n    apart: true\n"
        "  - id: m-y\n    do: reject\n    apart: true\n"
        "claims:\n  - id: iron-height\n    do: confirm\n    apart: true\n"
    ))
    assert [dict(c.fields) for c in found] == [{"apart": True}]
    assert len(problems) == 2
    assert "says reject and apart" in problems[0].what or "says reject and apart" in problems[1].what
    assert any("'apart' is not a known key" in p.what for p in problems)
