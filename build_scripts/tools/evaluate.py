"""Score what the build reads from a folder of articles against a gold.yml.

    python -m build_scripts.tools.evaluate CORPUS_DIR [--gold FILE] [--seeds DIR] [--corrections FILE] [--only metadata,figures,milestones]

CORPUS_DIR holds the articles and, unless --gold says otherwise, gold.yml in
the format documented beside it (one entry per file stem: title, outlet,
author, date, language, figures, not_figures, milestones). The articles are
read exactly as the build reads seeds/ (--seeds adds a folder of further
articles, e.g. the project's seeds, as if all were dropped into one seeds/);
each section prints its scores and then its misses, one line each.
--corrections adds an editor's corrections file (the shape of seeds/sources.yml)
to the one the folders hold, as if pasted into it: what the site would show
once those corrections are made.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from build_scripts.reading.corpus import READ_SUFFIXES, SOURCES_FILE, load_corpus
from build_scripts.reading.corrections_file import SECTIONS as CORRECTION_LISTS
from build_scripts.tools.evaluation import SECTIONS, Evaluation


def evaluate(corpus_dir: Path, gold_file: Path, seeds_dir: Path | None = None, only: tuple[str, ...] = (),
             corrections: Path | None = None) -> list[str]:
    """The report's lines: every section's scores and misses."""
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
    with tempfile.TemporaryDirectory() as tmp:
        # One folder, as a user would drop the articles into seeds/; gold.yml stays out of it.
        folder = Path(tmp) / "seeds"
        folder.mkdir()
        for source in [p for d in (seeds_dir, corpus_dir) if d for p in sorted(Path(d).iterdir())]:
            if source.is_file() and source.suffix.lower() in READ_SUFFIXES or source.name == SOURCES_FILE:
                shutil.copy2(source, folder / source.name)
        if corrections:
            _merge_corrections(folder / SOURCES_FILE, corrections)
        corpus = load_corpus(folder)
    run = Evaluation(gold=gold, corpus=corpus)
    lines: list[str] = []
    for name, section in SECTIONS.items():
        if not only or name in only:
            lines += [f"== {name} ==", *section(run), ""]
    if corrections:  # entries that did not apply: the measurement says so rather than score without them
        from build_scripts.knowledge.compose import build_knowledge_base  # noqa: PLC0415 — only with --corrections

        kb = run._cache.get("kb") or build_knowledge_base(corpus)
        lines += ["== corrections ==", f"applied {len(kb.corrections.applied)}, not applied {len(kb.corrections.stale)}"]
        lines += [f"not applied: line {s.correction.line}: {s.correction.section} {s.correction.action} "
                  f"{s.correction.id or s.correction.quote[:40]}: {s.what}" for s in kb.corrections.stale]
        lines += [f"problem: {p.what}" for p in corpus.problems if p.file_name == SOURCES_FILE]
    return lines


def _merge_corrections(sources: Path, corrections: Path) -> None:
    """`corrections` added to `sources`: its articles' fields over theirs, its claims: and milestones: after theirs."""
    merged = (yaml.safe_load(sources.read_text(encoding="utf-8")) or {}) if sources.exists() else {}
    for key, value in (yaml.safe_load(corrections.read_text(encoding="utf-8")) or {}).items():
        if key in CORRECTION_LISTS:  # claims:, milestones:
            merged[key] = [*(merged.get(key) or []), *(value or [])]
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    sources.write_text(yaml.safe_dump(merged, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.tools.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--gold", type=Path, help="gold annotations (default: CORPUS_DIR/gold.yml)")
    parser.add_argument("--seeds", type=Path, help="further articles read together with the corpus (scored only where gold.yml has an entry)")
    parser.add_argument("--corrections", type=Path, help="an editor's corrections file, read as if pasted into seeds/sources.yml")
    parser.add_argument("--only", default="", help=f"comma-separated sections of {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    gold_file = args.gold or args.corpus_dir / "gold.yml"
    if not gold_file.is_file():
        parser.error(f"{gold_file}: no such file — give the gold annotations with --gold")
    only = tuple(s for s in args.only.split(",") if s)
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"--only: no section {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    if args.corrections and not args.corrections.is_file():
        parser.error(f"{args.corrections}: no such file")
    print("\n".join(evaluate(args.corpus_dir, gold_file, args.seeds, only, args.corrections)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
