"""The evaluation command scores what the build reads from a folder of articles against its gold.yml."""
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_scripts.tools import evaluate

CORPUS = Path(__file__).parent / "evaluation_corpus"


def test_metadata_section_prints_accuracy_per_field():
    lines = evaluate.evaluate(CORPUS, CORPUS / "gold.yml", only=("metadata",))
    assert lines[0] == "== metadata =="
    scores = {line.split()[0]: line.split()[1] for line in lines[1:6]}
    assert scores == {"title": "3/3", "outlet": "3/3", "author": "2/3", "date": "3/3", "language": "3/3"}


def test_each_miss_is_one_line_naming_article_field_gold_and_read_value():
    lines = evaluate.evaluate(CORPUS, CORPUS / "gold.yml", only=("metadata",))
    misses = [line for line in lines if line.startswith("miss ")]
    assert misses == ["miss e03_undated_zhhant author: gold '林小明', read ''"]


def test_an_article_whose_text_names_no_date_is_right_only_when_read_as_unknown():
    from build_scripts.tools.evaluation.metadata import field_is_right

    assert field_is_right("date", None, None)
    assert not field_is_right("date", None, "2025-11-05")


def test_the_command_line_runs_and_a_missing_gold_file_is_named(tmp_path, capsys):
    done = subprocess.run(
        [sys.executable, "-m", "build_scripts.tools.evaluate", str(CORPUS), "--only", "metadata"],
        capture_output=True, text=True, cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 0 and "title       3/3  100.0%" in done.stdout
    with pytest.raises(SystemExit):
        evaluate.main([str(tmp_path)])
    assert "gold.yml: no such file" in capsys.readouterr().err


def test_a_corrections_file_is_read_as_if_pasted_into_sources_yml(tmp_path):
    corrections = tmp_path / "corrections.yml"
    corrections.write_text("e03_undated_zhhant.txt:\n  author: 林小明\n  by: an editor\nmilestones:\n  - id: m-nowhere\n    do: confirm\n",
                           encoding="utf-8")
    lines = evaluate.evaluate(CORPUS, CORPUS / "gold.yml", only=("metadata",), corrections=corrections)
    assert "author      3/3  100.0%" in lines
    # an entry that did not apply is said, not scored as if it had
    assert "applied 0, not applied 1" in lines and any(line.startswith("not applied: line") and "m-nowhere" in line for line in lines)


def test_a_corrections_files_claims_are_added_after_those_already_in_sources_yml(tmp_path):
    sources, corrections = tmp_path / "sources.yml", tmp_path / "corrections.yml"
    sources.write_text("claims:\n  - {id: iron-height, do: confirm}\n", encoding="utf-8")
    corrections.write_text("claims:\n  - {id: iron-weight, do: reject}\nmilestones:\n  - {id: m-x, do: confirm}\n", encoding="utf-8")
    evaluate._merge_corrections(sources, corrections)
    merged = yaml.safe_load(sources.read_text(encoding="utf-8"))
    assert [c["id"] for c in merged["claims"]] == ["iron-height", "iron-weight"]
    assert [m["id"] for m in merged["milestones"]] == ["m-x"]
