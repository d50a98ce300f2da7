"""Reading: files in seeds/ → Article values (metadata, cleaned paragraphs) and Problems.

In: the bytes of each file and seeds/sources.yml. Out: a Corpus (model.py).
Knows nothing about topics or pages: decoding → front matter → header (title, outlet,
author, date; outlets) → cleaning → paragraphs.
"""
