"""The output safety net of the speed work: one hash per article of the JSON output.

    python benchmarks/reference.py [--limit 1000]            # check this checkout against the reference
    python benchmarks/reference.py --limit 1000 --record     # store the reference (before optimising)

The reference is ``reference_10kgnad.json`` next to this file: for the first articles of the
10kGNAD news, analysed with the full default pipeline on ``DEFAULT_DATE``, the SHA-256 of each
article's compact JSON output (``to_json(doc, indent=None)``: every entity, statement, time,
place, offset and warning).  The texts are CC BY-NC-SA, so only hashes are stored.
``throughput.py`` checks its pipeline run against it too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference_10kgnad.json"


def output_digest(doc: object) -> str:
    """SHA-256 (hex, shortened to 24 digits) of one analysed document's compact JSON output."""
    from wortlaut.formats.json import to_json

    return hashlib.sha256(to_json(doc, indent=None).encode("utf-8")).hexdigest()[:24]


def load_reference(path: Path = REFERENCE) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def applies(reference: dict | None, *, corpus: str, components: tuple[str, ...], date: str) -> str | None:
    """Why the reference cannot check this run (None: it can)."""
    if reference is None:
        return f"no reference file {REFERENCE.name}"
    if corpus == "synthetic" or Path(corpus).name != reference["corpus"]:
        return f"corpus is not {reference['corpus']}"
    if list(components) != reference["pipeline"] or date != reference["date"]:
        return "pipeline or date differ from the reference's"
    return None


def compare(digests: list[str], reference: dict) -> dict:
    """Articles checked and the indices of those whose output differs from the reference."""
    stored = reference["digests"]
    checked = min(len(digests), len(stored))
    differing = [index for index in range(checked) if digests[index] != stored[index]]
    return {"reference_checked": checked, "reference_differing": differing[:20],
            "reference_ok": not differing}


def record(digests: list[str], *, corpus: str, components: tuple[str, ...], date: str,
           path: Path = REFERENCE) -> None:
    data = {"corpus": Path(corpus).name, "date": date, "pipeline": list(components),
            "hash": "sha256(to_json(doc, indent=None))[:24] per article, in corpus order",
            "digests": digests}
    path.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    import throughput  # same folder; puts src/ on sys.path

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles to check or record (default 1000)")
    parser.add_argument("--data", type=Path, default=throughput.DEFAULT_DATA)
    parser.add_argument("--record", action="store_true", help="store the current output as the reference")
    args = parser.parse_args(argv)

    import wortlaut
    from wortlaut.pipeline import DEFAULT_PIPELINE, Options

    options = Options(pipeline=DEFAULT_PIPELINE)
    texts = throughput.read_10kgnad(args.data, args.limit)
    digests = [output_digest(wortlaut.analyze(text, date=throughput.DEFAULT_DATE, options=options))
               for text in texts]
    if args.record:
        record(digests, corpus=str(args.data), components=DEFAULT_PIPELINE, date=throughput.DEFAULT_DATE)
        print(f"recorded {len(digests)} articles in {REFERENCE}")
        return 0
    reference = load_reference()
    problem = applies(reference, corpus=str(args.data), components=DEFAULT_PIPELINE, date=throughput.DEFAULT_DATE)
    if problem:
        print(f"cannot check: {problem}")
        return 1
    result = compare(digests, reference)
    print(f"reference: {result['reference_checked']} articles checked, "
          f"{'output unchanged' if result['reference_ok'] else 'DIFFERENT: ' + str(result['reference_differing'])}")
    return 0 if result["reference_ok"] else 1


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
