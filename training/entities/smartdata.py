"""DFKI SmartData v1 (``../shared/data/smartdata-v1``) as GermEval-style training sentences
(``python -m training.entities --smartdata news|all``; not used by the shipped model).

Person → PER, organisation → ORG, location → LOC; a mention covering part of a token (``Vivantes``
in ``Vivantes-Kliniken``) becomes ``-part``; a location mention that is an ``-er``/``-isch``
adjective becomes ``LOCderiv``.  Lower-case mentions (tweets) follow other conventions and are
left out.
"""

from __future__ import annotations

import re

from wortlaut.entities.ner import resources_

from .data import TOKEN, smartdata_documents

TYPES = {"person": "PER", "organization": "ORG", "organization-company": "ORG", "location": "LOC",
         "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC", "location-route": "LOC"}
SENTENCE_END = re.compile(r"\n+|(?<=[.!?])\s+(?=[\"„A-ZÄÖÜ])")
DERIVED = re.compile(r"\w+(?:er|isch|ische|ischen|ischer|isches|ischem)$")
Token = tuple[int, int, str]  # start, end, text


def smartdata_sentences(sources: tuple[str, ...] = ("news", "rss", "tweet")) -> list[tuple[list[str], list[str]]]:
    """``(words, outer BIO tags)`` of the training documents from these sources."""
    result = []
    for document in smartdata_documents("train"):
        if (document.get("refids") or {}).get("map", {}).get("source") not in sources:
            continue
        text = document["text"]["string"]
        mentions = []
        for mention in (document.get("conceptMentions") or {}).get("array", []):
            kind = TYPES.get(mention["type"])
            if kind:
                mentions.append((mention["span"]["start"], mention["span"]["end"], kind))
        start = 0
        for boundary in [*SENTENCE_END.finditer(text), None]:
            end = boundary.start() if boundary else len(text)
            tokens = [(m.start() + start, m.end() + start, m.group(0)) for m in TOKEN.finditer(text[start:end])]
            if tokens:
                result.append(([t for _, _, t in tokens], mention_tags(tokens, mentions)))
            start = boundary.end() if boundary else len(text)
    return result


def mention_tags(tokens: list[Token], mentions: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags of a sentence's tokens from the typed character spans of the mentions in it."""
    tags = ["O"] * len(tokens)
    for m_start, m_end, kind in mentions:
        covered = [i for i, (s, e, _) in enumerate(tokens) if s < m_end and e > m_start]
        if not covered:
            continue
        first, last = covered[0], covered[-1]
        inside = tokens[first][0] >= m_start and tokens[last][1] <= m_end
        words = [tokens[i][2] for i in covered]
        if not words[0][:1].isupper() and not words[0][:1].isdigit():
            continue  # lower-case mentions (``vivantes``, tweets) follow other conventions
        label = kind
        if not inside:
            if len(covered) != 1:
                continue
            label = kind + "part"  # ``Vivantes`` inside ``Vivantes-Kliniken``
        elif kind == "LOC" and len(covered) == 1 and DERIVED.fullmatch(words[0]) and (
                not words[0].endswith("er") or words[0][:-2] in resources_().places):
            label = "LOCderiv"  # ``Berliner Kliniken``, ``Bayerischen``
        if any(tags[i] != "O" for i in covered):
            continue
        for i in covered:
            tags[i] = ("B-" if i == first else "I-") + label
    return tags
