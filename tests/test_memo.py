"""memo.computed_alongside: results computed by a forked copy are found here, as if computed here."""
from __future__ import annotations

import os

import pytest

from build_scripts import memo


@pytest.fixture
def needs_fork(monkeypatch):
    # Earlier tests leave their idle web server's threads behind in this
    # process; the forked copy never touches them.
    monkeypatch.setattr(memo.threading, "active_count", lambda: 1)
    if not memo._can_fork():
        pytest.skip("needs Linux, a second core and no other thread")


@pytest.fixture(autouse=True)
def empty_memo():
    memo.forget()
    yield
    memo.forget()


def computed_in(pids: list[int]):
    """A compute function that records which process ran it."""

    def compute(value):
        pids.append(os.getpid())
        return value

    return compute


@pytest.mark.usefixtures("needs_fork")
def test_results_computed_alongside_are_answered_from_memory():
    topics = ("a topic object",)
    work = lambda: [memo.remember(("sentence", text, topics), lambda text=text: text.upper()) for text in ("one", "two")]  # noqa: E731
    with memo.computed_alongside(work, kinds=("sentence",), shared=(topics,)):
        pass
    pids: list[int] = []
    compute = computed_in(pids)
    assert memo.remember(("sentence", "one", topics), lambda: compute("recomputed")) == "ONE"
    assert memo.remember(("sentence", "two", topics), lambda: compute("recomputed")) == "TWO"
    assert pids == []


@pytest.mark.usefixtures("needs_fork")
def test_shared_objects_in_keys_come_back_as_this_process_objects():
    topics = ("a topic object",)
    with memo.computed_alongside(lambda: memo.remember(("sentence", "one", topics), lambda: 1), kinds=("sentence",), shared=(topics,)):
        pass
    (key,) = memo._current
    assert key[2] is topics


@pytest.mark.usefixtures("needs_fork")
def test_only_results_of_the_named_kinds_are_sent_back():
    def work():
        memo.remember(("sentence", "one"), lambda: 1)
        memo.remember(("page", "one"), lambda: 2)

    with memo.computed_alongside(work, kinds=("sentence",)):
        pass
    assert set(memo._current) == {("sentence", "one")}


def test_a_failing_copy_leaves_the_work_to_this_process():
    def work():
        memo.remember(("sentence", "one"), lambda: 1)
        raise RuntimeError("a bug in the copy")

    with memo.computed_alongside(work, kinds=("sentence",)):
        pass
    assert memo._current == {}
    assert memo.remember(("sentence", "one"), lambda: 2) == 2


def test_an_error_in_the_body_is_raised_and_nothing_is_kept():
    with pytest.raises(ValueError, match="in the body"):
        with memo.computed_alongside(lambda: memo.remember(("sentence", "one"), lambda: 1), kinds=("sentence",)):
            raise ValueError("in the body")
    assert memo._current == {}


def test_values_of_this_process_win_over_those_sent_back():
    with memo.computed_alongside(lambda: memo.remember(("sentence", "one"), lambda: "copy"), kinds=("sentence",)):
        memo.remember(("sentence", "one"), lambda: "here")
    assert memo.remember(("sentence", "one"), lambda: "again") == "here"


@pytest.mark.usefixtures("needs_fork")
def test_a_corpus_composed_with_a_second_process_is_the_one_composed_without(tmp_path, monkeypatch):
    from conftest import SEEDS

    from build_scripts.reading.corpus import MIN_FILES_ALONGSIDE, load_corpus
    from build_scripts.pages.site import compose_site

    seeds = sorted(p for p in SEEDS.glob("*.txt"))
    for n in range(MIN_FILES_ALONGSIDE + 6):  # enough files for both halves, syndicated copies among them
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (tmp_path / f"{n:03d}.txt").write_text(text + f"\n\n第{n}号补充：小鹏汇天陆地航母于2026年量产，售价约200万元。\n", encoding="utf-8")
    (tmp_path / "zz-empty.txt").write_bytes(b"")  # problems in the second process's half too
    (tmp_path / "zz-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))

    def generate():
        memo.forget()
        corpus = load_corpus(tmp_path)
        return compose_site(corpus, "https://kb.example/"), [p.line() for p in corpus.problems]

    together = generate()
    monkeypatch.setattr(memo, "_can_fork", lambda: False)
    alone = generate()
    assert together == alone



def test_without_a_temporary_folder_the_work_is_left_to_this_process(monkeypatch):
    def no_folder():
        raise OSError("read-only file system")

    monkeypatch.setattr(memo.tempfile, "TemporaryFile", no_folder)
    with memo.computed_alongside(lambda: memo.remember(("sentence", "one"), lambda: 1), kinds=("sentence",)) as alongside:
        pass
    assert alongside.value is None and memo._current == {}


@pytest.mark.usefixtures("needs_fork")
def test_what_the_work_returns_comes_back_as_value():
    with memo.computed_alongside(lambda: {"page.md": "text"}) as alongside:
        pass
    assert alongside.value == {"page.md": "text"}
