"""Build scripts for the XPeng physical-AI knowledge base: one pipeline, a folder per stage family.

reading/ (files → Articles) → knowledge/ (Articles → topic page models) → pages/ (models → Markdown, kb.json);
search/ makes the search index; data/ is the YAML knowledge they all run on; plugin.py wires it into MkDocs,
with preview_cache.py (the one cache: what `mkdocs serve` keeps by article, topic and page), incremental.py (serve --dirty)
and publish.py (`mkdocs build` replaces site/ in one step);
tools/ holds commands for maintainers (benchmark), apart from the product code.
"""
