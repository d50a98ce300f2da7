"""One voice per page: the Chinese words of the knowledge stage's bilingual labels.

In: a label as the knowledge stage and its YAML write it, Chinese then
English ("待兑现 upcoming", "量产 mass production", "由 2026-05 改至 2026 Q4 ·
moved from …"). Out: the label as a Chinese page says it ("待兑现"). English
stays where it is the thing's own name ("IRON：量产", "小鹏 Robotaxi").
"""
from __future__ import annotations

import re

# An English tail: a space, a lowercase Latin word (names and periods start upper-case: Robotaxi, Q4),
# then Latin words and what goes with them, to the end, with no Han character after it.
ENGLISH_TAIL = re.compile(r"\s+[a-z][A-Za-z0-9 ,.:;()'’/&%+-]*$")
HAN = re.compile(r"[\u3400-\u9fff]")


def zh(label: str) -> str:
    """The Chinese part of a bilingual label; a label with no Chinese in it is a name, kept whole."""
    if not HAN.search(label):
        return label
    label = label.split(" · ", 1)[0] if HAN.search(label.split(" · ", 1)[0]) else label
    cut = ENGLISH_TAIL.search(label)
    return label[: cut.start()] if cut and HAN.search(label[: cut.start()]) else label
