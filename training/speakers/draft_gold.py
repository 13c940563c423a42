"""Write the annotators' drafts for the speaker gold (training/speakers/README.md): the chosen SpkAtt
articles in batches, each as a readable view (numbered sentences, then every annotation with a
Source span) and as JSON lines with the columns the annotators fill in left empty.

    python -m training.speakers.draft_gold [--out /tmp/gold]
    python -m training.speakers.draft_gold --held-out [--out /tmp/heldout]
    python -m training.speakers.draft_gold --more [--out /tmp/more]

``--held-out`` drafts the held-out set instead (``speaker_heldout.jsonl``): the next 50 train articles by
split key that are not in the development gold and have a Source span, annotated after the rules were
written and never used to tune them.  ``--more`` drafts more development articles, the next ones
outside both files (appended to ``speaker_gold.jsonl`` once annotated).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from training.common import SHARED_DATA
from wortlaut.evaluate.split import spkatt_split, split_key

ROOT = SHARED_DATA / "spkatt-news" / "train"
BATCHES = 6
HELD_OUT_BATCHES = 3


def chosen_articles() -> list[str]:
    """The 100 validation articles and the next 50 by split key (the extra 28 of batch 6 came later)."""
    names = sorted(path.name for path in ROOT.glob("*.json"))
    train, validation = spkatt_split(names)
    return sorted(validation + sorted(train, key=split_key)[:50], key=split_key)


GOLD = Path(__file__).with_name("speaker_gold.jsonl")
HELD_OUT = Path(__file__).with_name("speaker_heldout.jsonl")
# a second held-out set: 60 articles drafted with --more (eleventh session), scored, never read for errors
HELD_OUT_2 = Path(__file__).with_name("speaker_heldout2.jsonl")
HELD_OUT_ARTICLES = 50
MORE_ARTICLES = 60


def _gold_files(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {json.loads(line)["file"] + ".json" for line in path.read_text(encoding="utf-8").splitlines() if line}


def next_articles(count: int, used: set[str]) -> list[str]:
    """The next ``count`` train articles by split key outside ``used`` that have a Source span."""
    train, _ = spkatt_split(sorted(path.name for path in ROOT.glob("*.json")))
    chosen = []
    for name in sorted(train, key=split_key):
        if name in used:
            continue
        article = json.loads((ROOT / name).read_text(encoding="utf-8"))
        if any(annotation["Source"] for annotation in article["Annotations"]):
            chosen.append(name)
        if len(chosen) == count:
            break
    return chosen


def held_out_articles() -> list[str]:
    """The held-out set: the articles already in speaker_heldout.jsonl, else (when it was first drafted)
    the next HELD_OUT_ARTICLES articles outside the development gold."""
    return sorted(_gold_files(HELD_OUT), key=split_key) or next_articles(HELD_OUT_ARTICLES, _gold_files(GOLD))


def more_articles() -> list[str]:
    """MORE_ARTICLES more development articles: the next ones outside the gold files."""
    return next_articles(MORE_ARTICLES, _gold_files(GOLD) | _gold_files(HELD_OUT) | _gold_files(HELD_OUT_2))


def span_text(sentences: dict[int, list[str]], refs: list[str]) -> str:
    words, last = [], None
    for ref in refs:
        sentence, token = map(int, ref.split(":"))
        if last and (sentence, token) != (last[0], last[1] + 1):
            words.append("…")
        words.append(sentences[sentence][token])
        last = (sentence, token)
    return " ".join(words)


def draft(names: list[str]) -> tuple[list[str], list[dict]]:
    view, records = [], []
    for name in names:
        article = json.loads((ROOT / name).read_text(encoding="utf-8"))
        sentences = {s["SentenceId"]: s["Tokens"] for s in article["Sentences"]}
        view += ["=" * 100, "ARTICLE: " + name[:-5], *(f"[{i}] " + " ".join(sentences[i]) for i in sorted(sentences)),
                 "-- annotations --"]
        for index, annotation in enumerate(article["Annotations"]):
            if not annotation["Source"]:
                continue
            source, message = span_text(sentences, annotation["Source"]), span_text(sentences, annotation["Message"])
            records.append({"file": name[:-5], "ann_index": index, "source_text": source, "message_text": message,
                            "kind": "", "speaker": "", "unnamed": False})
            view.append(f"ann {index}: SOURCE «{source}» CUE «{span_text(sentences, annotation['Cue'])}» "
                        f"MESSAGE «{message[:150]}»")
    return view, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/gold"))
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--held-out", action="store_true", help="draft the held-out set (speaker_heldout.jsonl)")
    which.add_argument("--more", action="store_true", help=f"draft {MORE_ARTICLES} more development articles")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    names = held_out_articles() if args.held_out else more_articles() if args.more else chosen_articles()
    count = HELD_OUT_BATCHES if args.held_out or args.more else BATCHES
    batches: list[list[str]] = [[] for _ in range(count)]
    for index, name in enumerate(names):  # round robin (the committed gold was balanced by statement count)
        batches[index % count].append(name)
    for number, batch in enumerate(batches):
        view, records = draft(batch)
        (args.out / f"batch{number}.txt").write_text("\n".join(view) + "\n", encoding="utf-8")
        (args.out / f"batch{number}.draft.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"batch {number}: {len(batch)} articles, {len(records)} statements")


if __name__ == "__main__":
    main()
