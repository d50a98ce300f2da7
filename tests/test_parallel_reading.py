"""A one-off build reads its articles in several processes (compose.facts_of): the site must not change."""
from __future__ import annotations

from conftest import SEEDS

from build_scripts.knowledge import compose
from build_scripts.pages.site import compose_site
from build_scripts.reading.corpus import load_corpus


def test_articles_read_in_two_worker_processes_give_the_same_pages_as_one_process(monkeypatch):
    corpus = load_corpus(SEEDS)
    one_process = compose_site(corpus, "https://kb.example/", workers=1).pages

    pools = []

    class CountedPool(compose.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(compose, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(compose, "PARALLEL_FROM_ARTICLES", 2)  # the seeds are fewer than a real corpus
    two_processes = compose_site(corpus, "https://kb.example/", workers=2).pages

    assert pools == [(2,)]  # the workers really read the articles
    assert two_processes.keys() == one_process.keys()
    assert [path for path in one_process if one_process[path] != two_processes[path]] == []


def test_the_serve_cache_is_never_run_in_worker_processes(monkeypatch):
    """Its results must stay in the serving process to be kept between rebuilds (preview_cache.py)."""
    monkeypatch.setattr(compose, "PARALLEL_FROM_ARTICLES", 2)
    monkeypatch.setattr(compose, "ProcessPoolExecutor", None)  # any use fails
    corpus = load_corpus(SEEDS)
    asked = []

    def cached_facts(article, *args):
        asked.append(article.slug)
        return compose.article_facts(article, *args)

    compose.facts_of(corpus.articles, compose.load_topics(), cached_facts, workers=2)
    assert sorted(asked) == sorted(a.slug for a in corpus.articles)
