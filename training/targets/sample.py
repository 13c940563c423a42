"""Draw the statements of the target gold from the SpkAtt-2023 training articles (README.md here).

Articles are taken in the order of their SHA-1 key (:func:`wortlaut.evaluate.split.split_key`,
the key of the fixed SpkAtt split), and from each every annotation with a Message span, until
``SIZE`` statements are drawn (whole articles).  The articles drawn while fewer than ``DEV_SIZE``
statements were in are ``dev`` (rules may be written looking at them); the rest are ``test``,
held out.  The split depends on the file names alone and was fixed before any label was written.

    python -m training.targets.sample /work/shared/data/spkatt-news/train > unlabelled.jsonl
    python -m training.targets.sample /work/shared/data/spkatt-news/train --view > view.txt

Each line: ``id`` (``<file>#<annotation number>``), ``file`` (the article's file name without
``.json``: the id ``wortlaut analyze`` gives it), ``ann_index``, ``split``, ``source_text``,
``cue_text`` and ``message_text`` (SpkAtt's spans, ``…`` marking a gap) and ``form``.  Labelling
adds ``speaker`` and ``targets``.  ``--view`` prints the articles for the annotator instead:
numbered sentences, then each drawn statement with its spans.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from wortlaut.evaluate.split import split_key
from wortlaut.formats.spkatt import parse_ref

SIZE, DEV_SIZE = 240, 130


def span_text(sentences: list[list[str]], refs: list[str]) -> str:
    """The tokens of ``refs`` in text order, ``…`` where the span skips tokens."""
    words, last = [], None
    for sentence, token in sorted(map(parse_ref, refs)):
        if last is not None and (sentence, token) != (last[0], last[1] + 1):
            words.append("…")
        words.append(sentences[sentence][token])
        last = (sentence, token)
    return " ".join(words)


def article_statements(path: Path) -> list[dict]:
    """Every annotation of one article that has a Message span."""
    data = json.loads(path.read_text(encoding="utf-8"))
    sentences = [list(map(str, s["Tokens"])) for s in data["Sentences"]]
    rows = []
    for number, annotation in enumerate(data.get("Annotations") or []):
        if not annotation.get("Message"):
            continue
        rows.append({"id": f"{path.stem}#{number}", "file": path.stem, "ann_index": number,
                     "source_text": span_text(sentences, annotation.get("Source") or []),
                     "cue_text": span_text(sentences, annotation.get("Cue") or []),
                     "message_text": span_text(sentences, annotation["Message"]),
                     "form": annotation.get("Form")})
    return rows


def drawn_articles(folder: Path) -> list[tuple[Path, str, list[dict]]]:
    """``(path, split, statements)`` of the drawn articles, in split-key order."""
    drawn, count = [], 0
    for path in sorted(folder.glob("*.json"), key=lambda p: (split_key(p.name), p.name)):
        if count >= SIZE:
            break
        rows = article_statements(path)
        if not rows:
            continue
        part = "dev" if count < DEV_SIZE else "test"
        drawn.append((path, part, [row | {"split": part} for row in rows]))
        count += len(rows)
    return drawn


def view(path: Path, rows: list[dict]) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    lines = ["=" * 100, f"ARTICLE: {path.stem}  [{rows[0]['split']}]"]
    lines += [f"[{i}] " + " ".join(map(str, s["Tokens"])) for i, s in enumerate(data["Sentences"])]
    lines.append("-- statements --")
    lines += [f"{row['id']}: SOURCE «{row['source_text']}» CUE «{row['cue_text']}» MESSAGE «{row['message_text']}»"
              for row in rows]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="spkatt-news/train")
    parser.add_argument("--view", action="store_true", help="print the articles for the annotator")
    args = parser.parse_args()
    for path, _, rows in drawn_articles(args.folder):
        if args.view:
            print("\n".join(view(path, rows)))
        else:
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
