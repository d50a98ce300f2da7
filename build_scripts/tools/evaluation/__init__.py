"""Sections of the evaluation command: each scores one kind of output against gold.yml.

In: an Evaluation (the gold entries and the Corpus read as the build reads it). Out: report lines,
scores first, then one line per miss. Register a section in SECTIONS below.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from build_scripts.model import Article, Corpus


@dataclass
class Evaluation:
    gold: dict  # file stem → gold entry, as in gold.yml
    corpus: Corpus
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def article_by_stem(self) -> dict[str, Article]:
        """Each article under the stem of every file name it was read from (duplicates included)."""
        found: dict[str, Article] = {}
        for article in self.corpus.articles:
            for name in (article.file_name, *article.other_names):
                found[name.rsplit(".", 1)[0]] = article
        return found


def _sections() -> dict[str, Callable[[Evaluation], list[str]]]:
    from build_scripts.tools.evaluation import metadata, milestones

    return {"metadata": metadata.score, "milestones": milestones.score}


SECTIONS = _sections()
