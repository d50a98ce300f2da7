"""The benchmark command works: synthetic corpora, both sites, the table and the JSON."""
import json

from build_scripts.tools import bench


def test_synthetic_corpus_is_deterministic_and_a_prefix_of_a_larger_one():
    templates = bench.load_templates()
    small = bench.synthesise(30, templates, seed=3)
    assert small == bench.synthesise(30, templates, seed=3)
    assert bench.synthesise(60, templates, seed=3)[:30] == small
    assert small != bench.synthesise(30, templates, seed=4)


def test_synthetic_corpus_varies_numbers_and_holds_copies():
    templates = bench.load_templates()
    files = bench.synthesise(200, templates, seed=7)
    texts = [text.split("---\n", 2)[2] for _, text in files]
    assert len(set(texts)) < len(texts)  # exact copies, which the reader merges
    assert len({name for name, _ in files}) == len(files)
    assert "1亿" in "".join(t.blocks[i][1] for t in templates for i in range(len(t.blocks)))
    assert any("1亿" not in text and "亿" in text for text in texts)  # some figures changed


def test_benchmark_at_ten_articles_writes_json_and_a_table(tmp_path):
    results = bench.run([10], tmp_path, seed=1, browser=False, repeat=2, edits=2)
    entry = results["sizes"][0]
    assert entry["size"] == 10 and entry["articles"] >= 9
    for name in ("kb", "plain"):
        site = entry[name]
        assert site["build"]["returncode"] == 0
        assert site["build"]["seconds"] > 0 and site["build"]["peak_rss_mb"] > 0
        # The whole build's memory (all its processes at once) is at least its largest process's, within sampling.
        assert site["build"]["peak_tree_mb"] > 0.5 * site["build"]["peak_rss_mb"], site["build"]
        assert site["site_bytes"] > 0 and site["search_index_bytes"] > 0
    assert 0 < entry["kb"]["generation"]["total_s"] < entry["kb"]["build"]["seconds"]
    assert entry["serve"]["edit_to_page_s"] is not None  # the edits reached the served page
    assert len(entry["serve"]["edits_s"]) == 2 and entry["serve"]["slowest_edit_s"] == max(entry["serve"]["edits_s"])
    # Search finds each edit within seconds: the bundle is rebuilt in the background (search/bundle.py).
    assert None not in entry["serve"]["searchable_s"] and max(entry["serve"]["searchable_s"]) < 15, entry["serve"]
    kb_runs, plain_runs = entry["kb"]["build_runs_s"], entry["plain"]["build_runs_s"]
    assert len(kb_runs) == len(plain_runs) == 2
    assert entry["ratios"]["build_vs_plain"] == round(bench.build_seconds(entry["kb"]) / bench.build_seconds(entry["plain"]), 2)
    assert bench.build_seconds(entry["kb"]) == round((kb_runs[0] + kb_runs[1]) / 2, 2)  # the median of two
    # CPU seconds of each build too (every process of it): what to compare on a shared machine.
    kb_cpu = entry["kb"]["build_runs_cpu_s"]
    assert len(kb_cpu) == 2 and kb_cpu[0] == entry["kb"]["build"]["cpu_seconds"] and min(kb_cpu) > 0
    assert entry["ratios"]["cpu_vs_plain"] == round(bench.build_cpu_seconds(entry["kb"]) / bench.build_cpu_seconds(entry["plain"]), 2)
    assert json.loads((tmp_path / "results.json").read_text(encoding="utf-8")) == results
    assert "plain" in bench.table(results)


def test_memory_sampler_counts_the_children_of_a_build(tmp_path):
    """A child process holding 200 MB is counted in the build's peak, not only the parent's few MB."""
    import subprocess
    import sys

    code = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'b = bytearray(200 * 2**20); import time; time.sleep(1.5)'])"
    child = subprocess.Popen([sys.executable, "-c", code])
    with bench.MemorySampler(child.pid, interval=0.05) as memory:
        child.wait()
    assert memory.peak_mb is not None and memory.peak_mb > 190, memory.peak_mb
