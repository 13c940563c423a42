"""Measure speaker confidence by resolution: the share of found gold statements whose speaker is
right, per ``Speaker.resolution``; writes ``src/wortlaut/data/speaker_confidence.tsv``.

    wortlaut analyze --json --jsonl FILES… > pred.jsonl   # the gold's articles
    python -m training.speakers.calibrate pred.jsonl [--write]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wortlaut.evaluate.speakers import evaluate_speakers, read_gold, read_predictions
from wortlaut.speakers import RESOLUTIONS

GOLD = Path(__file__).with_name("speaker_gold.jsonl")


def measure(predictions: Path) -> dict[str, tuple[int, int]]:
    """Resolution -> (right, found) over the named gold statements."""
    found = evaluate_speakers(read_gold(GOLD), read_predictions(predictions)).by_resolution
    return {resolution: tuple(found.get(resolution, (0, 0))) for resolution in RESOLUTIONS}


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
