"""Knowledge: Articles → what they say about each topic, every statement with its citation.

In: a Corpus and the YAML under data/. Out: a KnowledgeBase of topic page models.
classify (sentences → topics) → extract (figures, dates) → claims (figure → subject,
attribute, time, fact or target) → corroborate (merge sources) and infobox (claims per
subject: progressions, targets, disagreements) → compose.
"""
