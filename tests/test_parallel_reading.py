"""A one-off build reads its files and its articles in several processes (parallel.py): the site must not change.

The corpus below is written by the tests: Simplified, Traditional and
English articles naming the topics, with figures and dates, a syndicated
copy, an exact duplicate, a file that cannot be read, one that is not an
article, and a dated one in the future. The build reads it in one process
and in two; every page, the nav, the log and every problem must be the same.
"""
from __future__ import annotations

import os
from pathlib import Path

import jieba
import pytest

from conftest import SEEDS

from build_scripts import parallel
from build_scripts.knowledge import compose
from build_scripts.pages.site import compose_site
from build_scripts.reading import corpus as corpus_module
from build_scripts.reading.corpus import load_corpus

two_cores = pytest.mark.skipif(not parallel.can_fork(), reason="no fork here: everything runs in one process")

SENTENCES = [
    "小鹏汽车在广州发布第二代VLA大模型，参数规模达到720亿。",
    "何小鹏表示，第二代VLA将于2026年第一季度面向Ultra车型全量推送。",
    "小鹏IRON人形机器人拥有82个自由度，计划2026年底实现规模量产。",
    "小鹏汇天的陆地航母已获得超过5000台订单，预计2026年开始交付。",
    "小鹏Robotaxi将于2026年在广州开启试运营，搭载3颗图灵AI芯片。",
    "图灵AI芯片的算力为750TOPS，已在小鹏G7上量产。",
    "小鵬汽車宣佈，第二代VLA模型將於明年開源，與大眾汽車共享技術。",
    "小鵬IRON機器人預計明年底量產，首先進入小鵬門店擔任導購。",
    "XPeng said its Robotaxi will begin trial operations in Guangzhou in 2026.",
    "The IRON humanoid robot has 82 degrees of freedom, according to XPeng.",
    "特斯拉也在研发人形机器人，但小鹏认为世界模型才是关键。",
    "它的世界模型基于海量真实驾驶视频训练，无需人工标注。",
]


def article(title: str, date: str, outlet: str, sentences: list[str]) -> str:
    body = "\n\n".join(sentences)
    return f"{title}\n\n来源：{outlet} 发布时间：{date}\n\n{body}\n"


def write_corpus(seeds: Path, count: int = 24) -> Path:
    """`count` articles of SENTENCES in turn, and the files a build must cope with."""
    seeds.mkdir()
    outlets = ["新浪科技", "36氪", "澎湃新闻", "IT之家"]
    for n in range(count):
        picked = [SENTENCES[(n + k) % len(SENTENCES)] for k in range(5 + n % 4)]
        text = article(f"小鹏科技日报道之{n}", f"2025-{1 + n % 12:02}-{1 + n % 27:02}", outlets[n % len(outlets)], picked)
        (seeds / f"a{n:03}.txt").write_text(text, encoding="utf-8")
    # A syndicated copy (a new title, one paragraph added), an exact duplicate, a date in the future.
    original = (seeds / "a000.txt").read_text(encoding="utf-8")
    (seeds / "b-copy.txt").write_text(
        original.replace("小鹏科技日报道之0", "转载：小鹏科技日").replace("2025-01-01", "2025-01-03") + "\n本文转载自新浪科技。\n",
        encoding="utf-8")
    (seeds / "b-same.txt").write_text(original, encoding="utf-8")
    (seeds / "c-future.txt").write_text(article("未来的报道", "2099-01-01", "36氪", SENTENCES[:3]), encoding="utf-8")
    (seeds / "d-empty.txt").write_text("", encoding="utf-8")
    (seeds / "d-binary.txt").write_bytes(bytes(range(256)) * 4)
    (seeds / "d-notes.pdf").write_bytes(b"%PDF-1.4")
    (seeds / "e-page.html").write_text(
        "<html><head><title>小鹏IRON</title></head><body><article><h1>小鹏IRON机器人</h1>"
        f"<p>{SENTENCES[2]}</p><p>{SENTENCES[7]}</p><p>{SENTENCES[9]}</p></article></body></html>", encoding="utf-8")
    return seeds


@pytest.fixture
def fixture_seeds(tmp_path) -> Path:
    return write_corpus(tmp_path / "seeds")


@pytest.fixture
def counted_pools(monkeypatch) -> list:
    """Worker pools started, with how many workers; every item list counts as large enough for workers."""
    pools = []

    class CountedPool(parallel.ProcessPoolExecutor):
        def __init__(self, workers, *args, **kwargs):
            pools.append(workers)
            super().__init__(workers, *args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)  # the test corpora are smaller than a real one
    return pools


def in_one_and_two_processes(seeds: Path, pools: list):
    """(corpus, site) read and composed in this process, then in two workers."""
    corpus_one = load_corpus(seeds, workers=1)
    site_one = compose_site(corpus_one, "https://kb.example/", workers=1)
    assert pools == []
    corpus_two = load_corpus(seeds, workers=2)
    assert pools == [2]  # the files were read by workers
    site_two = compose_site(corpus_two, "https://kb.example/", workers=2)
    assert pools == [2, 2]  # and the articles' facts
    return (corpus_one, site_one), (corpus_two, site_two)


@two_cores
def test_the_written_corpus_read_in_two_processes_gives_the_same_corpus_and_site(fixture_seeds, counted_pools):
    (corpus_one, site_one), (corpus_two, site_two) = in_one_and_two_processes(fixture_seeds, counted_pools)

    assert corpus_two == corpus_one  # every article, in order, and every problem
    assert {p.file_name for p in corpus_one.problems} >= {"b-copy.txt", "b-same.txt", "c-future.txt", "d-empty.txt",
                                                        "d-binary.txt", "d-notes.pdf"}  # the corpus has what it should
    assert site_two.pages.keys() == site_one.pages.keys()
    assert [path for path in site_one.pages if site_one.pages[path] != site_two.pages[path]] == []
    assert (site_two.nav, site_two.log) == (site_one.nav, site_one.log)
    assert any(path.startswith("topics/") for path in site_one.pages)


@two_cores
def test_the_seeds_read_in_two_processes_give_the_same_pages(counted_pools):
    (_, site_one), (_, site_two) = in_one_and_two_processes(SEEDS, counted_pools)
    assert [path for path in site_one.pages if site_one.pages[path] != site_two.pages.get(path)] == []
    assert site_two.pages.keys() == site_one.pages.keys()


_read_article = corpus_module.read_article


def _failing_read(path, override=None):
    if path.name == "a005.txt":
        raise RuntimeError("a bug")
    return _read_article(path, override)


@two_cores
def test_a_file_whose_reading_fails_costs_that_file_alone_in_a_worker_too(fixture_seeds, counted_pools, monkeypatch):
    """A bug in reading one file is a Problem naming it, whichever process read it."""
    monkeypatch.setattr(corpus_module, "read_article", _failing_read)
    one, two = (load_corpus(fixture_seeds, workers=n) for n in (1, 2))
    assert counted_pools == [2]
    assert two == one
    assert [p.what for p in one.problems if p.file_name == "a005.txt"] == ["could not be read (RuntimeError: a bug)"]


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def _cut(text: str) -> list[str]:
    return list(jieba.cut(text, HMM=False))


@two_cores
def test_each_gives_the_plain_loops_values_in_order_from_other_processes(counted_pools):
    found = parallel.each(_pid_and_square, range(101), workers=2)
    assert [square for _, square in found] == [n * n for n in range(101)]
    assert {pid for pid, _ in found} - {os.getpid()}  # computed by the workers


@two_cores
def test_workers_cut_words_with_the_words_the_build_loaded_into_jieba(counted_pools):
    """The search vocabulary is loaded into the shared jieba before the build composes (search/index.py):
    a worker must cut with it as the build process does, not as a fresh jieba would."""
    text = "鹏翼航天器今日首飞"
    jieba.initialize()
    words, total = dict(jieba.dt.FREQ), jieba.dt.total  # put back after: other tests cut with jieba too
    try:
        jieba.add_word("鹏翼航天器")
        assert "鹏翼航天器" in _cut(text)
        assert parallel.each(_cut, [text] * 8, workers=2) == [_cut(text)] * 8
    finally:
        jieba.dt.FREQ.clear()
        jieba.dt.FREQ.update(words)
        jieba.dt.total = total
    assert "鹏翼航天器" not in _cut(text)


def test_one_worker_or_a_few_items_run_in_this_process(monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # any use fails
    assert parallel.each(_pid_and_square, range(3), workers=1) == [(os.getpid(), n * n) for n in range(3)]
    assert parallel.each(_pid_and_square, range(3), workers=8) == [(os.getpid(), n * n) for n in range(3)]


def test_the_serve_cache_is_never_run_in_worker_processes(monkeypatch, fixture_seeds):
    """Its results must stay in the serving process to be kept between rebuilds (preview_cache.py)."""
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # any use fails
    read_asked = []

    def cached_read(path, override):
        read_asked.append(path.name)
        return corpus_module.read_article(path, override)

    corpus = load_corpus(fixture_seeds, cached_read, workers=2)
    assert len(read_asked) >= 24
    facts_asked = []

    def cached_facts(article, *args):
        facts_asked.append(article.slug)
        return compose.article_facts(article, *args)

    compose.facts_of(corpus.articles, compose.load_topics(), cached_facts, workers=2)
    assert sorted(facts_asked) == sorted(a.slug for a in corpus.articles)
