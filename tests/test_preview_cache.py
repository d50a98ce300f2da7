"""`mkdocs serve`: an edited article is read and classified again, an unchanged one is not, and the site is the same."""
from __future__ import annotations

import shutil

from conftest import SEEDS

from build_scripts.preview_cache import PreviewCache
from build_scripts.pages.site import compose_site
from build_scripts.reading.corpus import load_corpus

ADDED = "\nXPeng said the new Robotaxi pilot will carry 9,999 passengers.\n"
EDITED = "004_2a4aa61ecc6eb6e2.txt"  # an English article: the sentence added at its end is article text


def served_build(cache: PreviewCache, seeds, data="knowledge as first read"):
    cache.new_build(data)
    corpus = load_corpus(seeds, cache.read)
    return corpus, compose_site(corpus, "https://kb.example/", cache)


def copy_of_seeds(tmp_path, names=(EDITED, "000_8aa7ed600137bead.txt", "001_f557aaf571426259.txt")):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in names:
        shutil.copy(SEEDS / name, seeds / name)
    return seeds


def test_an_edited_article_is_read_again_and_an_unchanged_one_is_not(tmp_path):
    seeds = copy_of_seeds(tmp_path)
    edited, unchanged = seeds / EDITED, seeds / "000_8aa7ed600137bead.txt"
    cache = PreviewCache()
    before, _ = served_build(cache, seeds)
    edited.write_text(edited.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    after, _ = served_build(cache, seeds)

    def article(corpus, path):
        return next(a for a in corpus.articles if a.file_name == path.name)

    assert article(after, unchanged) is article(before, unchanged)  # from memory
    assert article(after, edited) is not article(before, edited)
    assert "9,999 passengers" in article(after, edited).paragraphs[-1].text


def test_a_served_site_after_an_edit_is_the_site_built_from_scratch(tmp_path):
    seeds = copy_of_seeds(tmp_path)
    cache = PreviewCache()
    served_build(cache, seeds)
    edited = seeds / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    _, served = served_build(cache, seeds)
    from_scratch = compose_site(load_corpus(seeds), "https://kb.example/")
    assert served.pages == from_scratch.pages
    assert "9,999 passengers" in served.pages["sources/004_2a4aa61ecc6eb6e2.md"]


def test_an_edit_to_the_knowledge_yaml_drops_every_kept_result(tmp_path):
    seeds = copy_of_seeds(tmp_path, names=(EDITED,))
    cache = PreviewCache()
    before, _ = served_build(cache, seeds, data="topics.yml as first saved")
    same, _ = served_build(cache, seeds, data="topics.yml as first saved")
    after, _ = served_build(cache, seeds, data="topics.yml saved again")
    assert same.articles[0] is before.articles[0]
    assert after.articles[0] is not before.articles[0]  # read again with the new rules
    assert after.articles[0] == before.articles[0]


def test_a_deleted_article_is_not_kept_past_the_next_build(tmp_path):
    seeds = copy_of_seeds(tmp_path, names=(EDITED, "000_8aa7ed600137bead.txt"))
    cache = PreviewCache()
    before, _ = served_build(cache, seeds)
    gone = sorted(seeds.glob("*.txt"))[0]
    text = gone.read_bytes()
    gone.unlink()
    served_build(cache, seeds)
    gone.write_bytes(text)  # back after a build without it: read anew
    after, _ = served_build(cache, seeds)
    name = gone.name
    assert next(a for a in after.articles if a.file_name == name) is not next(a for a in before.articles if a.file_name == name)


def composed_topics(monkeypatch) -> list[str]:
    """The topics whose page the preview cache composes (rather than keeps), in order, from now on."""
    import build_scripts.preview_cache as preview_cache

    composed: list[str] = []
    compose = preview_cache.compose_topic_page

    def counting(inputs, *rules):
        composed.append(inputs.topic.slug)
        return compose(inputs, *rules)

    monkeypatch.setattr(preview_cache, "compose_topic_page", counting)
    return composed


def test_an_edit_composes_again_only_the_topic_pages_it_changes(tmp_path, monkeypatch):
    seeds = copy_of_seeds(tmp_path)
    cache = PreviewCache()
    served_build(cache, seeds)
    composed = composed_topics(monkeypatch)
    edited = seeds / EDITED
    # A paragraph naming no topic: every topic page is kept, and the source page shows it.
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe company's shares closed 2% higher on Friday.\n", encoding="utf-8")
    _, served = served_build(cache, seeds)
    assert composed == []
    assert "shares closed 2% higher" in served.pages["sources/004_2a4aa61ecc6eb6e2.md"]
    # A sentence about the Robotaxi: its page is composed again and shows it; IRON's is kept.
    edited.write_text(edited.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    _, served = served_build(cache, seeds)
    assert "robotaxi" in composed and "iron" not in composed
    assert served.pages == compose_site(load_corpus(seeds), "https://kb.example/").pages
    assert "9,999" in served.pages["topics/robotaxi.md"]


def test_kb_json_writes_again_only_the_entries_of_the_topics_composed_again(tmp_path, monkeypatch):
    import build_scripts.preview_cache as preview_cache

    seeds = copy_of_seeds(tmp_path)
    cache = PreviewCache()
    served_build(cache, seeds)
    composed = composed_topics(monkeypatch)
    written: list[str] = []
    write = preview_cache.topic_entry_json
    monkeypatch.setattr(preview_cache, "topic_entry_json", lambda page, url: written.append(page.topic.slug) or write(page, url))
    edited = seeds / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    _, served = served_build(cache, seeds)
    assert "robotaxi" in written and written == composed
    whole = compose_site(load_corpus(seeds), "https://kb.example/").pages
    exported = [path for path in whole if path == "kb.json" or path.startswith("kb/")]
    assert len(exported) > 3 and all(served.pages[path] == whole[path] for path in exported)
