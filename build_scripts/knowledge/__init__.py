"""Knowledge: Articles → what they say about each topic, every statement with its citation.

In: a Corpus and the YAML under data/. Out: a KnowledgeBase of topic page models and milestones.
classify (sentences → topics) → extract (figures) and milestones (events, their times read by timing)
→ corroborate (merge sources; milestones.track merges events and gives each a status) → compose
(→ lists: nothing shown twice on a page).
"""
