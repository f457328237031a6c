"""The tag sets of the entity tagger: BILOU inside, BIO outside, and which tag may follow which.

The tagger predicts BILOU tags (``B-``, ``I-``, ``L-``, ``U-``, ``O``) because the last
word of a name is as telling as the first; :func:`bilou_to_bio` turns them into the BIO
tags the public API returns.
"""

from __future__ import annotations

from collections.abc import Sequence

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
OUTSIDE = "O"
BOUNDARY = "<S>"


def bilou_classes() -> list[str]:
    """All internal tags, ``O`` first."""
    return [OUTSIDE] + [f"{p}-{t}" for t in ENTITY_TYPES for p in "BILU"]


def bio_to_bilou(tags: Sequence[str]) -> list[str]:
    """Convert IOB1 or BIO tags to BILOU (chunks read as ``conlleval`` reads them)."""
    out = [OUTSIDE] * len(tags)
    kinds = [t.partition("-")[2] if t != OUTSIDE else "" for t in tags]
    index = 0
    while index < len(tags):
        kind = kinds[index]
        if not kind:
            index += 1
            continue
        end = index + 1
        while end < len(tags) and kinds[end] == kind and not tags[end].startswith("B-"):
            end += 1
        if end - index == 1:
            out[index] = f"U-{kind}"
        else:
            out[index] = f"B-{kind}"
            out[index + 1 : end - 1] = [f"I-{kind}"] * (end - index - 2)
            out[end - 1] = f"L-{kind}"
        index = end
    return out


def bilou_to_bio(tags: Sequence[str]) -> list[str]:
    """Convert BILOU tags to valid BIO, opening a chunk wherever ``I-`` cannot continue one."""
    out: list[str] = []
    prev_kind = ""
    for tag in tags:
        if tag == OUTSIDE:
            out.append(OUTSIDE)
            prev_kind = ""
            continue
        prefix, kind = tag[0], tag[2:]
        if prefix in "IL" and prev_kind == kind:
            out.append(f"I-{kind}")
        else:
            out.append(f"B-{kind}")
        prev_kind = kind if prefix in "BI" else ""
    return out


def allowed_transitions(classes: Sequence[str], constrained: bool = True) -> dict[str, list[int]]:
    """For each previous tag, the indices of the tags that may follow it in BILOU.

    With ``constrained=False`` every tag may follow every tag.
    """
    if not constrained:
        every = list(range(len(classes)))
        return {tag: every for tag in [BOUNDARY, *classes]}
    opening = [i for i, c in enumerate(classes) if c == OUTSIDE or c[0] in "BU"]
    table = {OUTSIDE: opening, BOUNDARY: opening}
    for tag in classes:
        if tag != OUTSIDE:
            if tag[0] in "BI":
                table[tag] = [i for i, c in enumerate(classes) if c[0] in "IL" and c[2:] == tag[2:]]
            else:
                table[tag] = opening
    return table
