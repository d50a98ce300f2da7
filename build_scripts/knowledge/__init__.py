"""Knowledge: Articles → what they say about each topic, every statement with its citation.

In: a Corpus and the YAML under data/. Out: a KnowledgeBase of topic page models.
classify (sentences → topics) → extract (figures, dates) → corroborate (merge sources) → compose
(→ lists: nothing shown twice on a page).
"""
