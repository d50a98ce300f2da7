"""Search: the words to index, Pagefind's chunked index of them, and the browser side behind Material's search box.

In: Material's search_index.json (written by its search plugin) and data/*.yml.
Out: site/pagefind/ (bundle.py), search.js (the page: folds queries, swaps
Material's worker for worker.js, which answers from Pagefind), and a
search_index.json holding Material's config alone.
"""
