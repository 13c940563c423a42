"""Throughput and peak memory of ``wortlaut.analyze`` and, for reference, of HanTa tagging alone.

    python benchmarks/throughput.py [--limit 300] [--pipeline segment,morphology] [--json]

Reads real news from ``../shared/data/10kgnad/articles.csv`` (``label;text``, text
quoted with ``'``) or, when that file is absent, a generated German-like corpus.
Each target runs in its own fresh interpreter, one after the other on one core, so
that its ``ru_maxrss`` is its own.  See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# one core means one BLAS thread too (numpy would otherwise spread its matrix products over all
# cores); set before numpy is imported, inherited by the per-target interpreters
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))  # benchmark this checkout (not PYTHONPATH's), installed or not
sys.path.insert(0, str(REPO / "benchmarks"))  # reference.py
DEFAULT_DATA = REPO.parent / "shared" / "data" / "10kgnad" / "articles.csv"
DEFAULT_DATE = "2016-01-15"  # 10kGNAD has no dates; its articles are from 2015-2016
TARGETS = ("pipeline", "hanta")
WARM_UP_TEXT = 'Der Minister sagte am Montag in Berlin, die Lage sei "sehr ernst".'


# ---------------------------------------------------------------- corpora

def read_10kgnad(path: Path, limit: int) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";", quotechar="'")
        texts = [row[1] for row in rows if len(row) >= 2 and row[1].strip()]
    return texts[:limit]


_SPEAKERS = ["Bundeskanzler Friedrich Merz", "Die Sprecherin des Ministeriums", "Innenminister Dobrindt",
             "Ein Sprecher der Polizei", "Die Grünen-Vorsitzende", "Der Bürgermeister von Köln",
             "Kremlsprecher Dmitri Peskow", "Die Gewerkschaft Verdi", "Ein Vertreter der Opposition"]
_CUES = ["sagte", "erklärte", "betonte", "kritisierte", "warnte", "bekräftigte", "versicherte"]
_TIMES = ["am Montag", "am Dienstagabend", "am 3. September", "in der vergangenen Woche", "gestern", "heute"]
_PLACES = ["in Berlin", "in Wien", "in Brüssel", "vor Journalisten in München", "im Bundestag", "in Kiew"]
_CLAIMS = ["die Regierung werde die Pläne prüfen", "man habe keine andere Wahl gehabt",
           "die Verhandlungen seien auf einem guten Weg", "das Gesetz müsse dringend geändert werden",
           "die Lage an der Grenze sei angespannt", "es gebe keine Hinweise auf einen Anschlag"]
_QUOTES = ["Wir werden das nicht hinnehmen.", "Das ist ein guter Tag für Europa.",
           "Niemand will einen Krieg.", "Wir brauchen jetzt schnelle Entscheidungen."]
_REPORTS = ["Nach Angaben der Polizei wurden drei Menschen verletzt.",
            "Wie das Ministerium mitteilte, soll das Gesetz im Herbst in Kraft treten.",
            "Laut einem Bericht der Zeitung droht der Stadt ein Defizit von 20 Millionen Euro."]
_FACTS = ["Die Preise stiegen im August um 2,1 Prozent.", "Der Streik dauert bereits drei Tage.",
          "Mehr als 400 Menschen nahmen an der Kundgebung teil.", "Das Treffen war lange geplant."]


def _after_verb(speaker: str) -> str:
    """``Die Sprecherin`` -> ``die Sprecherin`` after a verb; names keep their capitals."""
    first, rest = speaker.split(" ", 1)
    return f"{first.lower()} {rest}" if first in {"Die", "Der", "Ein"} else speaker


def synthetic_articles(count: int, *, seed: int = 7, sentences: int = 24) -> list[str]:
    """German-like news articles from a small template set: speech reports, quotes, facts."""
    pick = random.Random(seed).choice
    templates: list[Callable[[], str]] = [
        lambda: f"{pick(_SPEAKERS)} {pick(_CUES)} {pick(_TIMES)} {pick(_PLACES)}, {pick(_CLAIMS)}.",
        lambda: f"„{pick(_QUOTES)[:-1]}“, {pick(_CUES)} {_after_verb(pick(_SPEAKERS))}.",
        lambda: pick(_REPORTS),
        lambda: pick(_FACTS),
    ]
    articles = []
    for _ in range(count):
        paragraphs = [" ".join(pick(templates)() for _ in range(3)) for _ in range(sentences // 3)]
        articles.append("\n\n".join(paragraphs))
    return articles


# ---------------------------------------------------------------- measurement

def max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes on macOS, KiB on Linux


def measure_time(load: Callable[[], Callable], inputs: list, *, words: int, warm_up: object) -> dict:
    """Seconds to load (first call included) and to process all inputs, and the process's peak RSS.

    ``process`` may return a ``(digest, stage seconds)`` pair (the pipeline does): its CPU
    seconds per stage are summed and its output digests collected for the reference check.
    """
    started = time.perf_counter()
    process = load()
    process(warm_up)  # lazy imports and model files load on first use
    load_seconds = time.perf_counter() - started
    digests: list[str] = []
    stage_seconds: dict[str, float] = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    for item in inputs:
        output = process(item)
        if isinstance(output, PipelineOutput):
            digests.append(output.digest)
            for stage, seconds in output.stage_seconds.items():
                stage_seconds[stage] = stage_seconds.get(stage, 0.0) + seconds
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    if stage_seconds:  # the digests (JSON output and hashing) are no part of the analysis
        cpu_seconds = sum(stage_seconds.values())
    result = {
        "articles": len(inputs),
        "words": words,
        "seconds": round(seconds, 3),
        "words_per_second": round(words / seconds, 1) if seconds else None,
        # CPU time of this single-threaded process: the one-core speed, steadier than wall
        # time when other work shares the machine.
        "cpu_seconds": round(cpu_seconds, 3),
        "words_per_cpu_second": round(words / cpu_seconds, 1) if cpu_seconds else None,
        "load_seconds": round(load_seconds, 3),
        "ru_maxrss_mb": round(max_rss_mb(), 1),
    }
    if stage_seconds:
        result["stages"] = {stage: {"cpu_seconds": round(seconds, 3),
                                    "words_per_cpu_second": round(words / seconds, 1) if seconds else None}
                            for stage, seconds in stage_seconds.items()}
    if digests:
        result["digests"] = digests
    return result


def measure_memory(load: Callable[[], Callable], inputs: list, *, warm_up: object) -> dict:
    """tracemalloc peak of Python allocations from loading through processing ``inputs``.

    Run in its own process: tracing slows Python code several times over, and caches
    filled here would flatter a later timing run.
    """
    tracemalloc.start()
    process = load()
    process(warm_up)
    for item in inputs:
        process(item)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"tracemalloc_peak_mb": round(peak / 2**20, 1), "tracemalloc_articles": len(inputs)}


@dataclass
class PipelineOutput:
    digest: str  # of the article's JSON output, for the reference check
    stage_seconds: dict[str, float]  # CPU seconds of each stage ("document": building the Document)


def pipeline_loader(components: tuple[str, ...], date: str) -> Callable[[], Callable[[str], PipelineOutput]]:
    """``wortlaut.analyze`` unrolled, to time each stage in CPU seconds (same steps, same output)."""
    def load() -> Callable[[str], PipelineOutput]:
        import datetime as dt

        from reference import output_digest

        from wortlaut.formats.base import replace_invalid
        from wortlaut.model import Document
        from wortlaut.pipeline import Options, build

        stages = build(Options(pipeline=components))
        day = dt.date.fromisoformat(date)

        def analyze(text: str) -> PipelineOutput:
            clock = time.process_time
            started = clock()
            doc = Document(text=text, date=day, id="", title=None)
            replace_invalid(doc)
            seconds = {"document": clock() - started}
            for component, config in stages:
                started = clock()
                doc = component(doc, config)
                seconds[component.name] = clock() - started
            return PipelineOutput(output_digest(doc), seconds)

        return analyze

    return load


def hanta_loader() -> Callable[[list[list[str]]], object]:
    """HanTa over one article's SoMaJo sentences (tokenised beforehand, timed apart)."""
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    return lambda sentences: [tagger.tag_sent(sentence) for sentence in sentences]


def tokenise(texts: Iterable[str]) -> tuple[list[list[list[str]]], float]:
    from somajo import SoMaJo

    tokenizer = SoMaJo("de_CMC")
    started = time.perf_counter()
    per_text = [
        [[token.text for token in sentence] for sentence in tokenizer.tokenize_text(text.split("\n\n"))]
        for text in texts
    ]
    return per_text, time.perf_counter() - started


def run_target(target: str, measurement: str, texts: list[str], args: argparse.Namespace, corpus: str = "") -> dict:
    """One measurement ("time" or "memory") of one target in this process."""
    if measurement == "memory":
        texts = texts[: args.memory_articles]
    if target == "pipeline":
        components = parse_pipeline(args.pipeline)
        load, inputs, warm_up = pipeline_loader(components, args.date), texts, WARM_UP_TEXT
        result: dict = {"components": list(components)}
    else:
        inputs, tokenise_seconds = tokenise(texts)
        load, warm_up = hanta_loader, [WARM_UP_TEXT.replace(",", " ,").replace(".", " .").split()]
        result = {"somajo_seconds": round(tokenise_seconds, 3),
                  "somajo_tokens": sum(len(sentence) for doc in inputs for sentence in doc)}
    if measurement == "memory":
        return measure_memory(load, inputs, warm_up=warm_up)
    words = sum(len(text.split()) for text in texts)  # whitespace words of the input, for every target
    result = {"target": target, **result, **measure_time(load, inputs, words=words, warm_up=warm_up)}
    if target == "pipeline":
        result.update(check_reference(result.pop("digests", []), corpus, tuple(result["components"]), args.date))
    return result


def check_reference(digests: list[str], corpus: str, components: tuple[str, ...], date: str) -> dict:
    """Whether each article's JSON output equals the stored reference's (benchmarks/reference.py)."""
    import reference

    stored = reference.load_reference()
    problem = reference.applies(stored, corpus=corpus, components=components, date=date)
    if problem:
        return {"reference_skipped": problem}
    return reference.compare(digests, stored)


def parse_pipeline(value: str | None) -> tuple[str, ...]:
    from wortlaut.pipeline import DEFAULT_PIPELINE

    if value is None:
        return DEFAULT_PIPELINE
    if value.strip().lower() in {"", "none"}:
        return ()
    return tuple(name.strip() for name in value.split(",") if name.strip())


# ---------------------------------------------------------------- driver

def load_texts(args: argparse.Namespace) -> tuple[list[str], str]:
    if not args.synthetic and args.data.is_file():
        return read_10kgnad(args.data, args.limit), str(args.data)
    return synthetic_articles(args.limit), "synthetic"


def run_in_child(target: str, measurement: str, argv: list[str]) -> dict:
    """A fresh interpreter per measurement, so ru_maxrss, imports and caches are its own."""
    command = [sys.executable, str(Path(__file__).resolve()), *argv,
               "--target", target, "--measure", measurement, "--json"]
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        stderr = done.stderr.strip()
        return {"target": target, "error": stderr.splitlines()[-1] if stderr else f"exit status {done.returncode}"}
    return json.loads(done.stdout)


def measure_target(target: str, argv: list[str]) -> dict:
    result = run_in_child(target, "time", argv)
    if "error" not in result:
        memory = run_in_child(target, "memory", argv)
        result.update(memory if "error" not in memory else {"memory_error": memory["error"]})
    return result


def format_table(corpus: str, results: list[dict]) -> str:
    lines = [f"corpus: {corpus}", ""]
    lines.append(f"{'target':<10}{'articles':>9}{'words':>9}{'sec':>9}{'words/s':>10}{'cpu s':>9}{'w/cpu-s':>9}"
                 f"{'load s':>8}{'trace MB':>10}{'RSS MB':>8}")
    for result in results:
        name = result["target"]
        if "error" in result:
            lines.append(f"{name:<10}  FAILED: {result['error']}")
        else:
            traced = result.get("tracemalloc_peak_mb")
            lines.append(
                f"{name:<10}{result['articles']:>9}{result['words']:>9}{result['seconds']:>9.2f}"
                f"{result['words_per_second']:>10.0f}{result['cpu_seconds']:>9.2f}"
                f"{result['words_per_cpu_second']:>9.0f}{result['load_seconds']:>8.2f}"
                f"{traced if traced is not None else 'n/a':>10}{result['ru_maxrss_mb']:>8.1f}"
            )
        if name == "pipeline":
            lines.append(f"  components: {', '.join(result.get('components', [])) or '(none: Document only)'}")
            lines += reference_lines(result)
        if name == "hanta" and "error" not in result:
            lines.append(f"  plain tag_sent, no cache; SoMaJo tokenising beforehand took {result['somajo_seconds']:.2f} s")
        if "memory_error" in result:
            lines.append(f"  memory run FAILED: {result['memory_error']}")
    lines += stage_lines(results)
    lines += ["", "words: whitespace-separated words of the input; sec: processing time after loading;",
              "cpu s, w/cpu-s: the same in CPU time of the (single-threaded) process: speed on one core",
              "(for the pipeline: the sum of its stages' CPU time, without the reference check's hashing);",
              "load s: imports, model loading and one short warm-up text;",
              "trace MB: tracemalloc peak from loading over the first --memory-articles articles (own process);",
              "RSS MB: ru_maxrss of the timing process."]
    return "\n".join(lines)


def reference_lines(result: dict) -> list[str]:
    if "reference_skipped" in result:
        return [f"  reference check skipped: {result['reference_skipped']}"]
    if "reference_ok" not in result:
        return []
    verdict = "output unchanged" if result["reference_ok"] else f"OUTPUT DIFFERS in articles {result['reference_differing']}"
    return [f"  reference check: {result['reference_checked']} articles, {verdict}"]


def hanta_speed(results: list[dict]) -> float | None:
    return next((r["words_per_cpu_second"] for r in results if r["target"] == "hanta" and "error" not in r), None)


def stage_lines(results: list[dict]) -> list[str]:
    """Per-stage CPU words/s of the pipeline, and each against HanTa tagging alone (same run)."""
    pipeline = next((r for r in results if r["target"] == "pipeline" and "stages" in r), None)
    if pipeline is None:
        return []
    hanta = hanta_speed(results)
    lines = ["", f"{'stage':<14}{'cpu s':>9}{'share':>8}{'w/cpu-s':>10}{'× HanTa':>9}"]
    rows = [*pipeline["stages"].items(), ("total", {"cpu_seconds": pipeline["cpu_seconds"],
                                                    "words_per_cpu_second": pipeline["words_per_cpu_second"]})]
    for stage, numbers in rows:
        speed = numbers["words_per_cpu_second"]
        share = numbers["cpu_seconds"] / pipeline["cpu_seconds"] if pipeline["cpu_seconds"] else 0.0
        ratio = f"{speed / hanta:>9.2f}" if hanta and speed else f"{'n/a':>9}"
        lines.append(f"{stage:<14}{numbers['cpu_seconds']:>9.2f}{share:>8.0%}"
                     f"{speed if speed is not None else 0:>10.0f}{ratio}")
    lines.append("× HanTa: words per CPU second against plain HanTa tagging of the same words in this run")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=300, help="number of articles (default 300)")
    parser.add_argument("--pipeline", help="comma-separated components to run (default: the full pipeline; "
                                           "'none' only builds the Document)")
    parser.add_argument("--date", default=DEFAULT_DATE, help=f"article date passed to analyze (default {DEFAULT_DATE})")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="10kGNAD-style CSV (label;text)")
    parser.add_argument("--synthetic", action="store_true", help="use the generated corpus even if --data exists")
    parser.add_argument("--memory-articles", type=int, default=30,
                        help="articles processed under tracemalloc, in a separate process (default 30)")
    parser.add_argument("--target", choices=(*TARGETS, "all"), default="all",
                        help="what to measure (default all, each in its own processes)")
    parser.add_argument("--measure", choices=("time", "memory"), default="time",
                        help="with a single --target: which measurement to run in this process")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.limit < 1:
        parser.error("--limit must be at least 1")

    texts, corpus = load_texts(args)
    if args.target != "all":
        from wortlaut.analysing_process import analysing_process

        analysing_process()  # what the CLI and batch workers set; HanTa's process gets it too
        result = run_target(args.target, args.measure, texts, args, corpus)
        print(json.dumps(result, ensure_ascii=False))
        return 0

    child_argv = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--json"]
    results = [measure_target(target, child_argv) for target in TARGETS]
    for result in results:
        if result["target"] == "pipeline" and "components" not in result:  # failed before reporting them
            result["components"] = list(parse_pipeline(args.pipeline))
    hanta = hanta_speed(results)
    for result in results:
        if result["target"] == "pipeline" and hanta and result.get("words_per_cpu_second"):
            result["ratio_to_hanta"] = round(result["words_per_cpu_second"] / hanta, 3)
    if args.json:
        print(json.dumps({"corpus": corpus, "python": sys.version.split()[0], "results": results},
                         ensure_ascii=False, indent=2))
    else:
        print(format_table(corpus, results))
    failed = any("error" in result or result.get("reference_ok") is False for result in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
