"""Hostile input, generated: every reader and the whole pipeline must survive it quickly.

    python benchmarks/fuzz.py [--cases 10000] [--seed 1] [--slow 2.0]

Each case is one file of random kind (plain text, seed format, JSONL, HTML, SpkAtt JSON) made of
random Unicode (surrogates and control characters included), quotation marks of every style,
unbalanced and nested, enormous sentences and tokens, empty paragraphs, broken HTML and wrong
dates.  A case is read with :func:`wortlaut.formats.read_articles` (bad lines reported and
skipped) and every article analysed; an :class:`InputError` is a clean refusal, anything else a
crash.  Prints how many cases ran, crashed and took longer than ``--slow`` seconds; exits 1 on
any crash or slow case.  The test suite runs a small fixed-seed sample (tests/test_fuzz.py).

Cases are sized so that a correct run stays well under two seconds at the pipeline's normal
speed (about 10,000 words a second on one core): the largest are a 200,000-character token and a
5,000-word sentence.  A case over the limit is a stall (a quadratic search, a regex that
backtracks), not a big input.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wortlaut.formats import InputError, read_articles
from wortlaut.pipeline import Options, run

QUOTES = ["„", "“", "”", "‚", "‘", "’", "»", "«", "›", "‹", '"', "'", "«\u00a0", "\u00a0»"]
WORDS = ["Merz", "sagte", "Putin", "erklärte", ",", ".", ":", "dass", "die", "Lage", "sei", "ernst", "Kreml-Chef",
         "am", "Freitag", "in", "Wladiwostok", "zufolge", "nach", "Angaben", "der", "Polizei", "er", "sie", "habe",
         "(", ")", "-", "–", "?", "!", "…", "Dr.", "z.B.", "3:1", "2025", "12.", "Mai", "https://x.de/a?b=c", "\t"]
ODD = ["\ud800", "\udfff", "\x00", "\x07", "\x1b", "\u200b", "\ufeff", "\u202e", "\r", "\x0c", "\u2028", "\ufffd",
       "😀", "𝔄", "\u0301", "ß", "ẞ", "İ", "\u00ad"]
DATES = ["2025-09-05", "2025-02-30", "9999-99-99", "", "gestern", "2025-09-05T10:00:00", None, 20250905, "0001-01-01"]


def random_text(rng: random.Random) -> str:
    """German-like words, quotation marks and odd characters in random proportions."""
    parts = []
    for _ in range(rng.choice([0, 1, 5, 30, 200])):
        roll = rng.random()
        if roll < 0.6:
            parts.append(rng.choice(WORDS))
        elif roll < 0.8:
            parts.append(rng.choice(QUOTES))
        elif roll < 0.9:
            parts.append(rng.choice(ODD))
        else:
            parts.append(chr(rng.randrange(0x20, 0x2FFFF)))
    text = rng.choice([" ", "", "\n", "\n\n"]).join(parts)
    shape = rng.random()
    if shape < 0.05:
        text += " " + "a" * rng.choice([1_000, 20_000, 200_000])  # an enormous token
    elif shape < 0.1:
        text += " " + " ".join(["Wort"] * rng.choice([1_000, 5_000]))  # an enormous sentence
    elif shape < 0.15:
        text = f"{text}\n\n\n\n\n\n \n\n\n{text}"  # empty paragraphs
    return text


def random_file(rng: random.Random, folder: Path, number: int) -> tuple[Path, str | None]:
    """One input file of a random kind, and the --date to read it with (or None)."""
    kind = rng.choice(["text", "seed", "jsonl", "html", "spkatt"])
    date = rng.choice(DATES)
    text = random_text(rng)
    if kind == "text":
        path, content = folder / f"{number}.txt", text
    elif kind == "seed":
        path, content = folder / f"{number}.txt", f"date {date} {text}"
    elif kind == "jsonl":
        lines = []
        for _ in range(rng.choice([1, 3, 6])):
            record = {"id": rng.choice(["a", 1, None, "x" * 10]), "date": rng.choice(DATES), "text": random_text(rng)}
            line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
            lines.append(line if rng.random() < 0.8 else line[: rng.randrange(len(line) + 1)])  # some cut short
        path, content = folder / f"{number}.jsonl", "\n".join(lines)
    elif kind == "html":
        tags = ["<p>", "</p>", "<div>", "<script>", "<!--", "<b", "&amp;", "&#xD800;", "<html><body>", "</html>"]
        body = "".join(rng.choice(tags) + rng.choice([text, ""]) for _ in range(rng.choice([1, 3, 5])))
        path, content = folder / f"{number}.html", body
    else:
        sentences = [{"SentenceId": i, "Tokens": random_text(rng).split() or ["."]} for i in range(rng.choice([0, 1, 4]))]
        article = {"Sentences": sentences, "Annotations": rng.choice([[], [{"Source": ["0:0"]}]])}
        raw = json.dumps(article)
        path, content = folder / f"{number}.json", raw if rng.random() < 0.8 else raw[: len(raw) // 2]
    data = content.encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:
        data = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b""]) + data  # BOMs, or none
    path.write_bytes(data)
    text_date = rng.choice(["2025-09-05", None]) if kind in ("text", "html") else None
    return path, text_date


def run_case(path: Path, date: str | None, options: Options) -> tuple[bool, float, str]:
    """(crashed, seconds, what happened)."""
    started = time.monotonic()
    try:
        for doc in read_articles(path, date=date, on_error=lambda error: None):
            run(doc, options)
    except InputError:
        pass
    except Exception:
        return True, time.monotonic() - started, traceback.format_exc(limit=3)
    return False, time.monotonic() - started, ""


def fuzz(cases: int, seed: int, slow: float, report=print) -> dict:
    rng = random.Random(seed)
    options = Options()
    counts = {"ran": 0, "crashed": 0, "slow": 0, "slowest": 0.0}
    with tempfile.TemporaryDirectory() as folder:
        for number in range(cases):
            path, date = random_file(rng, Path(folder), number)
            crashed, seconds, what = run_case(path, date, options)
            counts["ran"] += 1
            counts["slowest"] = max(counts["slowest"], seconds)
            if crashed:
                counts["crashed"] += 1
                report(f"case {number} ({path.suffix}) crashed:\n{what}")
            if seconds > slow:
                counts["slow"] += 1
                report(f"case {number} ({path.suffix}, {path.stat().st_size:,} bytes) took {seconds:.1f} s")
            path.unlink()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow", type=float, default=2.0, help="seconds a case may take")
    args = parser.parse_args()
    started = time.monotonic()
    counts = fuzz(args.cases, args.seed, args.slow)
    print(f"{counts['ran']} cases ran, {counts['crashed']} crashed, {counts['slow']} took over {args.slow:g} s "
          f"(slowest {counts['slowest']:.2f} s; {time.monotonic() - started:.0f} s in all)")
    sys.exit(1 if counts["crashed"] or counts["slow"] else 0)


if __name__ == "__main__":
    main()
