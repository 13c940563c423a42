"""Draw the statements of the speech-act gold from the SpkAtt-2023 training articles.

Articles are taken in the order of their SHA-1 key (:func:`wortlaut.evaluate.split.split_key`,
the same key as the fixed SpkAtt split), and from each every annotation with a gold cue, until
400 statements are drawn.  The first articles up to 250 statements are the ``dev`` part (the
lexicon was written looking at these alone); the remaining articles are ``test``, held out.

    python -m training.speechacts.sample /work/shared/data/spkatt-news/train > unlabelled.jsonl

Each line: ``id``, ``document``, ``split``, ``tokens`` (the cue's sentence), ``cue`` and
``message`` (token positions in it), ``form`` (direct | indirect | reported) and ``spkatt_form``.  Labelling adds
``act``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wortlaut.evaluate.split import split_key
from wortlaut.formats.spkatt import parse_ref

SIZE, DEV_SIZE = 400, 250
FORMS = {"Direct": "direct", "Indirect": "indirect", "FreeIndirect": "indirect",
         "IndirectFreeIndirect": "indirect", "Reported": "reported"}


def cue_statements(path: Path) -> list[dict]:
    """Every annotation of one article with a cue: its sentence and cue positions in it."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for number, annotation in enumerate(data.get("Annotations") or []):
        refs = [parse_ref(ref) for ref in annotation.get("Cue") or []]
        if not refs:
            continue
        sentence = refs[0][0]  # a cue split over two sentences is read in its first
        rows.append({
            "id": f"{path.stem.split(' - ')[0]}#{number}", "document": path.name,
            "tokens": data["Sentences"][sentence]["Tokens"],
            "cue": sorted(token for s, token in refs if s == sentence),
            "message": sorted(token for s, token in map(parse_ref, annotation.get("Message") or []) if s == sentence),
            "form": FORMS[annotation["Form"]], "spkatt_form": annotation["Form"],
        })
    return rows


def sample(folder: Path) -> list[dict]:
    drawn: list[dict] = []
    for path in sorted(folder.glob("*.json"), key=lambda p: (split_key(p.name), p.name)):
        if len(drawn) >= SIZE:
            break
        part = "dev" if len(drawn) < DEV_SIZE else "test"  # whole articles on either side
        drawn += [row | {"split": part} for row in cue_statements(path)]
    return drawn


if __name__ == "__main__":
    for row in sample(Path(sys.argv[1])):
        print(json.dumps(row, ensure_ascii=False))
