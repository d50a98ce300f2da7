"""Build scripts for the XPeng physical-AI knowledge base.

The build is one pipeline (see README): read → clean → paragraphs → pages.
`plugin.py` runs it inside `mkdocs build` / `mkdocs serve`.
"""
