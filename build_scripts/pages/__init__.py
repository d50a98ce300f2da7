"""Pages: page models → Markdown and kb.json, handed to MkDocs in memory.

In: a Corpus and a KnowledgeBase. Out: {path: text} for every generated page (site.py).
One module per page kind (promises.py the Promises page and milestone rows, chart.py their
SVG chart); nothing here decides what a source says.
The last stages apply to every page: previews (each page's description), variants
(each page in one script, 简体 and a 繁體 copy under zh-Hant/); cite_menu gives any
row its copy-citation data; voice the Chinese words of the knowledge stage's bilingual labels.
"""
