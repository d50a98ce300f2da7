"""Search: the word list for jieba, the rewritten search index and the browser script.

In: mkdocs.yml's search plugin and data/*.yml. Out: search_index.json and search.js as the site serves them.
"""
