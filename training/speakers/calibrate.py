"""Measure speaker confidence by resolution: the share of found gold statements whose speaker is
right, per ``Speaker.resolution``; writes ``src/wortlaut/data/speaker_confidence.tsv``.

    wortlaut analyze --json --jsonl FILES… > pred.jsonl   # the gold's articles
    python -m training.speakers.calibrate pred.jsonl [--write]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from wortlaut.evaluate.speakers import best_match, predicted_name, read_gold, read_predictions, speaker_matches
from wortlaut.speakers import RESOLUTIONS

GOLD = Path(__file__).with_name("speaker_gold.jsonl")


def measure(predictions: Path) -> dict[str, tuple[int, int]]:
    """Resolution -> (right, found) over the named gold statements."""
    articles = read_predictions(predictions)
    right, found = Counter(), Counter()
    for record in read_gold(GOLD):
        if record["kind"] == "unnamed" or record.get("unnamed"):
            continue
        match = best_match(record, articles.get(record["file"], []))
        if match is None:
            continue
        resolution = (match.get("speaker") or {}).get("resolution") or "unresolved"
        found[resolution] += 1
        right[resolution] += speaker_matches(record["speaker"], predicted_name(match))
    return {resolution: (right[resolution], found[resolution]) for resolution in RESOLUTIONS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("predictions")
    parser.add_argument("--write", action="store_true", help="update data/speaker_confidence.tsv")
    args = parser.parse_args()
    scores = measure(Path(args.predictions))
    lines = []
    for resolution, (right, found) in scores.items():
        share = right / found if found else 0.0
        print(f"{resolution:<12} {right:>4} / {found:<4} {share:.2f}")
        lines.append(f"{resolution}\t{share:.2f}")
    if args.write:
        path = Path(__file__).parents[2] / "src" / "wortlaut" / "data" / "speaker_confidence.tsv"
        header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        path.write_text("\n".join(header + lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
