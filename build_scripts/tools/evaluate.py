"""Score what the build reads from a folder of articles against a gold.yml.

    python -m build_scripts.tools.evaluate CORPUS_DIR [--gold FILE] [--seeds DIR] [--only metadata,figures,milestones]

CORPUS_DIR holds the articles and, unless --gold says otherwise, gold.yml in
the format documented beside it (one entry per file stem: title, outlet,
author, date, language, figures, not_figures, milestones). The articles are
read exactly as the build reads seeds/ (--seeds adds a folder of further
articles, e.g. the project's seeds, as if all were dropped into one seeds/);
each section prints its scores and then its misses, one line each.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from build_scripts.reading.corpus import READ_SUFFIXES, load_corpus
from build_scripts.tools.evaluation import SECTIONS, Evaluation


def evaluate(corpus_dir: Path, gold_file: Path, seeds_dir: Path | None = None, only: tuple[str, ...] = ()) -> list[str]:
    """The report's lines: every section's scores and misses."""
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
    with tempfile.TemporaryDirectory() as tmp:
        # One folder, as a user would drop the articles into seeds/; gold.yml stays out of it.
        folder = Path(tmp) / "seeds"
        folder.mkdir()
        for source in [p for d in (seeds_dir, corpus_dir) if d for p in sorted(Path(d).iterdir())]:
            if source.is_file() and source.suffix.lower() in READ_SUFFIXES or source.name == "sources.yml":
                shutil.copy2(source, folder / source.name)
        corpus = load_corpus(folder)
    run = Evaluation(gold=gold, corpus=corpus)
    lines: list[str] = []
    for name, section in SECTIONS.items():
        if not only or name in only:
            lines += [f"== {name} ==", *section(run), ""]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.tools.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("--gold", type=Path, help="gold annotations (default: CORPUS_DIR/gold.yml)")
    parser.add_argument("--seeds", type=Path, help="further articles read together with the corpus (scored only where gold.yml has an entry)")
    parser.add_argument("--only", default="", help=f"comma-separated sections of {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    gold_file = args.gold or args.corpus_dir / "gold.yml"
    if not gold_file.is_file():
        parser.error(f"{gold_file}: no such file — give the gold annotations with --gold")
    only = tuple(s for s in args.only.split(",") if s)
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"--only: no section {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    print("\n".join(evaluate(args.corpus_dir, gold_file, args.seeds, only)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
