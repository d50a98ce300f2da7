"""Knowledge: Articles → what they say about each topic, every statement with its citation.

In: a Corpus and the YAML under data/. Out: a KnowledgeBase of topic page models and milestones.
classify (sentences → topics) → extract (figures) → claims (figure → subject, attribute, time,
fact or target) and milestones (events read clause by clause by clauses, their times by timing) → corroborate (merge
sources; milestones.track merges events and gives each a status) and infobox (claims per
subject: progressions, targets, disagreements) → compose (→ lists: nothing shown twice on a page).
"""
