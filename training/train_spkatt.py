"""Train the speaker-attribution taggers of ``wortlaut.attribution`` on SpkAtt news.

    python training/train_spkatt.py [--data ../shared/data/spkatt-news/train] [--out src/wortlaut/models]

Steps: every article runs through the pipeline up to the rule stage ``statements`` (the
rules' output is a feature); the 600 training articles of the fixed split
(``wortlaut.evaluate.split``) train the cue tagger and the role tagger, then, on the training
articles as those two leave them, the sentence tagger (python-crfsuite, L-BFGS, single-threaded);
the 100 validation articles are then scored with the SpkAtt scorer, rules alone and rules +
models, and the model card ``spkatt.md`` is written with those numbers.  About one minute on one
core.  ``--second-check`` trains on 500 training articles and scores 100 others instead (models in
a temporary folder, no model card).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

from wortlaut import attribution
from wortlaut.evaluate.spkatt import evaluate_spkatt, format_spkatt_report
from wortlaut.evaluate.split import spkatt_split, split_key
from wortlaut.model import Document
from wortlaut.output import write_spkatt
from wortlaut.pipeline import Options, run
from wortlaut.readers import read_file

sys.path.insert(0, str(Path(__file__).resolve().parent))
import neural_tagger
from neural_tagger import NeuralParams

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "spkatt-news" / "train"
DEFAULT_OUT = ROOT / "src" / "wortlaut" / "models"
RULE_STAGES = ("segment", "morphology", "quotes", "times", "places", "entities", "statements")
CUE_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
ROLE_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
# The neural taggers averaged with the CRFs (``wortlaut.neural``; trained with PyTorch)
NEURAL_PARAMS = NeuralParams(buckets=1 << 16, dim=64, hidden=64, epochs=7)
# the model files, in the order of ``attribution.Attributor``'s arguments
MODEL_FILES = (attribution.CUE_MODEL, attribution.ROLE_MODEL, attribution.SENTENCE_MODEL,
               attribution.NEURAL_CUE_MODEL, attribution.NEURAL_ROLE_MODEL)
SENTENCE_PARAMS = {"c1": 1.0, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def analyse_rules(paths: Iterable[Path]) -> dict[str, Document]:
    """Each article after the rule stage, keyed by file name."""
    options = Options(pipeline=RULE_STAGES)
    docs = {}
    for path in paths:
        [doc] = read_file(path, input_format="spkatt")
        docs[path.name] = run(doc, options)
    return docs


def gold_annotations(path: Path, doc: Document) -> list[dict[str, list[int]]]:
    """Gold annotations with roles as document token indices."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if len(data["Sentences"]) != len(doc.sentences):
        raise ValueError(f"{path.name}: sentence count differs from the pipeline's")

    def indices(refs: list[str]) -> list[int]:
        result = []
        for ref in refs:
            sentence, token = map(int, ref.split(":"))
            result.append(doc.sentences[sentence].token_start + token)
        return sorted(result)

    return [
        {"cue": indices(a.get("Cue") or []), "source": indices(a.get("Source") or []),
         "message": indices(a.get("Message") or []), "addr": indices(a.get("Addr") or []),
         "nested": bool(a.get("IsNested")), "form": a.get("Form")}
        for a in data.get("Annotations") or []
    ]


def cue_examples(doc: Document, gold: list[dict]) -> Iterable[tuple[list[list[str]], list[str]]]:
    infos = attribution._token_infos(doc)
    labels = ["O"] * len(doc.tokens)
    for annotation in gold:
        cue = annotation["cue"]
        if cue:
            labels[cue[0]] = "B"
            for i in cue[1:]:
                labels[i] = "I"
    for sentence in doc.sentences:
        first, end = sentence.token_start, sentence.token_end
        if end > first:
            yield attribution.cue_features(doc, infos, first, end), labels[first:end]


def role_examples(doc: Document, gold: list[dict]) -> Iterable[tuple[list[list[str]], list[str]]]:
    infos = attribution._token_infos(doc)
    by_cue: dict[tuple[int, ...], list[dict]] = {}
    for annotation in gold:
        if annotation["cue"]:
            by_cue.setdefault(tuple(annotation["cue"]), []).append(annotation)
    for cue, group in by_cue.items():
        outer = [a for a in group if not a["nested"]] or group
        first, end = attribution.role_window(doc, cue)
        labels = ["O"] * (end - first)
        for role, label in (("message", "M"), ("addr", "A"), ("source", "S")):  # later wins
            for annotation in outer:
                for i in annotation[role]:
                    if first <= i < end:
                        labels[i - first] = label
        rule = attribution.matching_rule(doc, cue)
        yield attribution.role_features(doc, infos, list(cue), rule, first, end), labels


def sentence_labels(doc: Document, gold: list[dict]) -> list[str]:
    """Per sentence: the short form of the cue-less gold statement covering at least half of it,
    ``C`` for one with a cue, else ``O``."""
    labels = ["O"] * len(doc.sentences)
    for annotation in gold:
        if annotation["nested"]:
            continue
        per_sentence: dict[int, int] = {}
        for i in annotation["message"]:
            per_sentence[doc.tokens[i].sentence] = per_sentence.get(doc.tokens[i].sentence, 0) + 1
        for number, count in per_sentence.items():
            sentence = doc.sentences[number]
            if count * 2 >= sentence.token_end - sentence.token_start:
                labels[number] = "C" if annotation["cue"] else \
                    attribution.SPKATT_TO_SENTENCE_LABEL.get(annotation["form"], "O")
    return labels


def sentence_examples(doc: Document, gold: list[dict]) -> Iterable[tuple[list[list[str]], list[str]]]:
    """One sequence per article: sentence features after the cue and role taggers ran."""
    if doc.sentences:
        yield attribution.sentence_features(doc, attribution.covered_sentences(doc)), sentence_labels(doc, gold)


def train_models(docs: dict[str, Document], gold: dict[str, list[dict]], names: list[str], out: Path,
                 neural: NeuralParams | None = NEURAL_PARAMS, neural_roles: NeuralParams | None = None
                 ) -> attribution.Attributor:
    """Train the taggers on the named articles into ``out``: the CRFs, the neural cue tagger unless
    ``neural`` is None, the neural role tagger if ``neural_roles`` is given (old neural models in
    ``out`` are removed otherwise)."""
    paths = {name: out / name for name in MODEL_FILES}
    for crf, params, neural_name, neural_params, labels, examples in (
            (attribution.CUE_MODEL, CUE_PARAMS, attribution.NEURAL_CUE_MODEL, neural, attribution.CUE_LABELS,
             cue_examples),
            (attribution.ROLE_MODEL, ROLE_PARAMS, attribution.NEURAL_ROLE_MODEL, neural_roles, attribution.ROLE_LABELS,
             role_examples)):
        sequences = [ex for n in names for ex in examples(docs[n], gold[n])]
        train(sequences, params, paths[crf])
        paths[neural_name].unlink(missing_ok=True)
        if neural_params is not None:
            model = neural_tagger.train(sequences, labels, neural_params)
            neural_tagger.export(model, labels, paths[neural_name], check=sequences[:50])
    attributor = attribution.Attributor(paths[attribution.CUE_MODEL], paths[attribution.ROLE_MODEL],
                                        neural_cue_model=paths[attribution.NEURAL_CUE_MODEL],
                                        neural_role_model=paths[attribution.NEURAL_ROLE_MODEL])
    # the sentence tagger learns from the training articles as the cue and role taggers leave them
    # (tagging each half with taggers trained on the other half, as on unseen text, scored lower:
    # Message F1 0.693 against 0.699 on validation, 0.674 against 0.683 on the second check)
    trained_docs = {n: attributor.attribute(copy.deepcopy(docs[n])) for n in names}
    train((ex for n in names for ex in sentence_examples(trained_docs[n], gold[n])), SENTENCE_PARAMS,
          paths[attribution.SENTENCE_MODEL])
    return attribution.Attributor(*(paths[name] for name in MODEL_FILES))


def cross_validate(docs: dict[str, Document], gold: dict[str, list[dict]], names: list[str], folds: int,
                   gold_dir: Path, keep: Path | None = None, neural: NeuralParams | None = NEURAL_PARAMS,
                   neural_roles: NeuralParams | None = None) -> int:
    """Pooled scores over ``folds`` folds of the training articles (each scored by models trained
    on the others): steadier than one 100-article check when comparing settings."""
    by_key = sorted(names, key=split_key)
    with tempfile.TemporaryDirectory() as folder:
        predicted = keep or Path(folder) / "pred"
        rules = Path(folder) / "rules"
        for name in names:
            write_spkatt(docs[name], rules)
        for fold in range(folds):
            held = set(by_key[fold::folds])
            models = Path(folder) / f"fold{fold}"
            models.mkdir()
            attributor = train_models(docs, gold, [n for n in names if n not in held], models, neural, neural_roles)
            for name in sorted(held):
                write_spkatt(attributor.attribute(copy.deepcopy(docs[name])), predicted)
            print(f"fold {fold + 1}/{folds} done", flush=True)
        print(f"\n== {folds}-fold cross-validation on {len(names)} training articles, rules only ==\n"
              + format_spkatt_report(evaluate_spkatt(gold_dir, rules, documents=set(names))))
        print(f"\n== {folds}-fold cross-validation, rules + models ==\n"
              + format_spkatt_report(evaluate_spkatt(gold_dir, predicted, documents=set(names))))
    return 0


def train(examples: Iterable[tuple[list[list[str]], list[str]]], params: dict, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in examples:
        trainer.append(features, labels)
    trainer.set_params(params)
    trainer.train(str(path))


def score(docs: dict[str, Document], gold_dir: Path, names: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            write_spkatt(docs[name], Path(folder))
        return evaluate_spkatt(gold_dir, Path(folder), documents=set(names))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="SpkAtt news folder with gold JSON")
    parser.add_argument("--out", type=Path, default=None, help="folder for the models and model card")
    parser.add_argument("--second-check", action="store_true",
                        help="train on 500 training articles, score 100 other training articles (the validation "
                             "articles stay unseen); models go to a temporary folder unless --out is given")
    parser.add_argument("--folds", type=int, default=0,
                        help="cross-validate on the training articles with this many folds (pooled scores; the "
                             "validation articles stay unseen, no models or card written)")
    parser.add_argument("--folds-out", type=Path, default=None,
                        help="keep the cross-validated predictions (SpkAtt JSON) in this folder")
    parser.add_argument("--no-neural", action="store_true",
                        help="no neural cue tagger (no PyTorch needed; the CRFs alone)")
    parser.add_argument("--neural-roles", action="store_true",
                        help="also a neural role tagger (5-fold CV: Message +0.004, Source -0.003; not shipped)")
    args = parser.parse_args(argv)
    neural = None if args.no_neural else NEURAL_PARAMS
    neural_roles = NEURAL_PARAMS if args.neural_roles else None
    if args.out is None:
        args.out = Path(tempfile.mkdtemp(prefix="spkatt-check-")) if args.second_check else DEFAULT_OUT
    started = time.time()
    paths = sorted(args.data.glob("*.json"))
    if not paths:
        print(f"no SpkAtt JSON files in {args.data}", file=sys.stderr)
        return 1
    train_names, validation_names = spkatt_split(p.name for p in paths)
    if args.second_check:  # the 100 training articles with the smallest split keys are the check set
        by_key = sorted(train_names, key=split_key)
        train_names, validation_names = sorted(by_key[100:]), sorted(by_key[:100])
    docs = analyse_rules(paths)
    gold = {p.name: gold_annotations(p, docs[p.name]) for p in paths}
    print(f"rules on {len(paths)} articles: {time.time() - started:.0f} s", flush=True)

    if args.folds:
        return cross_validate(docs, gold, train_names, args.folds, args.data, args.folds_out, neural, neural_roles)
    rules_only = score(docs, args.data, validation_names)  # before the models change anything

    args.out.mkdir(parents=True, exist_ok=True)
    attributor = train_models(docs, gold, train_names, args.out, neural, neural_roles)
    print(f"cue, role and sentence taggers trained: {time.time() - started:.0f} s", flush=True)
    words = sum(len(docs[n].tokens) for n in validation_names)
    # SpkAtt-optimal reference: learned statements replace every rule statement, unconfirmed rule
    # "reported" statements are dropped (loses details the user-facing output and the seed tests need)
    replacing = {n: copy.deepcopy(docs[n]) for n in validation_names}
    saved = attribution.MERGE_POLICY, attribution.DROP_UNCONFIRMED_REPORTED, attribution.DROP_REPORTED
    attribution.MERGE_POLICY, attribution.DROP_UNCONFIRMED_REPORTED, attribution.DROP_REPORTED = "replace", True, 0.5
    try:
        for doc in replacing.values():
            attributor.attribute(doc)
    finally:
        attribution.MERGE_POLICY, attribution.DROP_UNCONFIRMED_REPORTED, attribution.DROP_REPORTED = saved
    learned_replacing = score(replacing, args.data, validation_names)
    tick = time.perf_counter()
    for name in validation_names:
        attributor.attribute(docs[name])
    seconds = time.perf_counter() - tick
    learned = score(docs, args.data, validation_names)

    print("\n== validation, rules only ==\n" + format_spkatt_report(rules_only))
    print("\n== validation, rules + models (default policy) ==\n" + format_spkatt_report(learned))
    print("\n== validation, rules + models, replace all + drop unconfirmed reported ==\n"
          + format_spkatt_report(learned_replacing))
    print(f"\nattribution component: {words / seconds:,.0f} words/s on {words:,} validation words")
    if args.second_check:
        print(f"second check done ({len(train_names)} training / {len(validation_names)} check articles); "
              f"models in {args.out}, model card not written")
        return 0
    write_card(args.out / "spkatt.md", rules_only, learned, learned_replacing, len(train_names), len(validation_names),
               words / seconds, [args.out / m for m in MODEL_FILES if (args.out / m).exists()])
    print(f"total {time.time() - started:.0f} s; wrote the models and {args.out / 'spkatt.md'} to {args.out}")
    return 0


def _row(name: str, result: dict) -> str:
    roles = result["roles"]
    cells = [f"{roles[r]['precision']:.3f} / {roles[r]['recall']:.3f} / **{roles[r]['f1']:.3f}**"
             for r in ("Message", "Cue", "Source", "Addr")]
    return f"| {name} | " + " | ".join(cells) + f" | {result['form']['accuracy']:.3f} |"


# Measured with ``--folds 5`` on 2026-11-25 for the settings of this card (about 12 minutes; not rerun
# by a plain rebuild): Message / Cue / Source F1.
CV_SUMMARY = "rules only 0.727 / 0.587 / 0.536, rules + models 0.784 / 0.700 / 0.619 (Addr 0.382, Form 0.954)"
NEURAL_CV = ("Message / Cue / Source 0.782 / 0.693 / 0.613, Addr 0.384 with the CRF alone -> 0.784 / 0.700 / "
             "0.620, Addr 0.389; the BiLSTM's weight 0.7 instead of 0.5 gave 0.782 / 0.687 / 0.623")


def write_card(path: Path, rules_only: dict, learned: dict, learned_replacing: dict, n_train: int, n_validation: int,
               words_per_second: float, models: list[Path]) -> None:
    sizes = ", ".join(f"`{m.name}` {m.stat().st_size / 1e6:.2f} MB" for m in models)
    path.write_text(f"""# SpkAtt speaker-attribution taggers

Three linear-chain CRFs (python-crfsuite) and a small BiLSTM used by the pipeline component
`attribution` (`wortlaut.attribution:attribute`, between `statements` and `speakers`):
`spkatt_cue.crfsuite` (cue tagger, per sentence), `spkatt_cue_neural.npz` (a BiLSTM cue tagger over
the cue CRF's features, run with numpy by `wortlaut.neural`; its probabilities are averaged with the
CRF's marginals, weight {attribution.NEURAL_CUE_WEIGHT} on the BiLSTM), `spkatt_roles.crfsuite`
(Source / Message / Addr tagger per cue) and `spkatt_sentences.crfsuite` (sentence tagger over the
sentences of an article: cue-less statements). Sizes: {sizes}.

## Training data and licence
- SpkAtt-2023 shared task 2 (news): German Wikinews articles with gold Cue / Source / Message /
  Addr / Form annotations, `../shared/data/spkatt-news/train`. Licence **CC BY-NC-SA 4.0**; the
  models are derived from it and are shared under the same terms (non-commercial, share-alike).
- Split (`wortlaut.evaluate.split.spkatt_split`): {n_train} training articles, {n_validation} validation
  articles (the 100 smallest SHA-1 digests of the file names). Validation articles are never trained on.
- Token features: word, lemma, STTS tag and mood (HanTa via `wortlaut.morphology`), quotation state,
  the cue lexicons `data/cue_verbs.tsv` and `data/attribution_nouns.txt`, the rules' own output,
  the type of the article entity a token mentions (person, organisation, … from `entities`, which
  uses the NER model), person-role and organisation nouns, neighbouring clauses (opening
  `dass`/`ob`/`wie`, Konjunktiv I, quotation, colon), neighbours within ±3 tokens and the lemma
  bigram (cue tagger), position relative to the cue (side, distance, clause, sentence; role tagger).
- The BiLSTM cue tagger (`training/neural_tagger.py`, PyTorch at training time only): each of the
  cue CRF's feature strings of a token hashed (`wortlaut.neural.feature_ids`) into one of {NEURAL_PARAMS.buckets:,} rows of
  {NEURAL_PARAMS.dim} dimensions (stored as float16), summed per token; one BiLSTM layer of
  {NEURAL_PARAMS.hidden} units each way; a softmax over `O`/`B`/`I`; Adam ({NEURAL_PARAMS.learning_rate}), batches
  of {NEURAL_PARAMS.batch} sentences, {NEURAL_PARAMS.epochs} epochs, dropout {NEURAL_PARAMS.dropout}, cue labels weighted
  {NEURAL_PARAMS.label_weight} in the loss, seed {NEURAL_PARAMS.seed}, one thread. On export numpy's output is checked
  against PyTorch's.
- Sentence features (sentence tagger): whether a statement already covers the sentence and its
  form, a cue in it, share of quoted tokens, moods and lemmas of the finite verbs, `soll … haben`
  (hearsay), cue verbs and attribution nouns, a few report words (`laut`, `demnach`, `Rede` …),
  first words, paragraph start; the same summary of both neighbours. Labels: the form of the
  cue-less gold statement covering at least half of the sentence (Reported, FreeIndirect,
  IndirectFreeIndirect, Direct), `C` for a statement with a cue, `O` for none. It is trained on
  the training articles as the cue and role taggers leave them.

## Validation scores (SpkAtt scorer, {n_validation} held-out articles; P / R / **F1**)

| system | Message | Cue | Source | Addr | Form acc. |
|---|---|---|---|---|---|
{_row("rules only", rules_only)}
{_row("rules + models (default)", learned)}
{_row("rules + models, replace all, drop unconfirmed `reported`", learned_replacing)}

Default policy (`MERGE_POLICY = "carry"`): a learned statement replaces the rule statements it
overlaps; a precise rule statement (direct quote with a cue, `nach Angaben X`, `X zufolge`,
reported speech act) stays as the user sees it (cue span, speaker, quotation text, channel) and
takes the learned cue, message and addressee tokens for SpkAtt output, and the learned source
when the rules found none. Learned statements with a negated cue (`sagte nicht, dass …`) or whose
source is a rule statement's channel are dropped. Then the sentence tagger reads every sentence no
statement covers yet: where a cue-less form has a marginal probability of at least 0.35, the
whole sentence becomes a statement of that form (a run of continuation sentences one statement). A Reported sentence's source is its subject (`Die Medien sprechen von …`), a continuation's or
hearsay's the source of the nearest statement in the three sentences before it; a continuation
needs some statement before it.
The third row is the SpkAtt-optimal setting of earlier sessions (`MERGE_POLICY = "replace"`,
`DROP_UNCONFIRMED_REPORTED = True`, `DROP_REPORTED = 0.5`: rule speech acts in sentences the
sentence tagger reads as no statement are dropped from the document itself, not only from the
SpkAtt export as by default); it loses user-facing details and breaks
existing tests (on the seed article: Peskow's quotes, `Nach Angaben` cue spans, Putin's reported
speech acts `beharrte`, `bezweifelte`).
Post-processing of the learned output (SpkAtt conventions): `Wie … erklärte` is one cue, a cue
is the whole verb complex (`hatte … angekündigt`, `gab … bekannt`, `äußerte sich`, `wies darauf
hin`; applied to rule statements too), a learned message keeps only the stretches connected to the
one nearest the cue (not a stretch in the next sentence after an untagged full stop) and leaves out
the verb cue's own clause, it is direct only when it opens with a quotation and is mostly quoted
(`der Bericht sei „…“` is indirect with the quotation nested), a source takes its apposition
across a comma (`Günther Platter, der Verteidigungsminister, sagte`; also after an opening adverb
and at the sentence end), sources lose trailing adverbs and time phrases (`EADS heute`,
`Adidas am Morgen`) and dangling quotation marks, take a quoted name whole and the determiner and
adjectives of their first noun; a source that is part of its cue or names no one is dropped, and a
statement with a cue but no source takes the noun phrase at `zufolge`/`nach`/`laut` or the subject
of the cue's clause; Konjunktiv-I continuations stay statements of their own and speak for the
learned statement before them, short quoted names after a noun (`die Zeitung „Yemen Observer“`)
or after a preposition and definite article (`in der „BILD am Sonntag“`, `im „Spiegel“`) are no
statements.
Added on 2026-11-25 (fourth session; 5-fold CV gains in brackets, Message / Cue / Source): a rule
speech act whose cue the learned tagger reads with a clause of its own as message takes the learned
form and content (`Der Umsatz wird … betragen, teilte das Unternehmen mit`; Cue +0.008), the
pronoun of `Dies bestätigte der Vatikan` makes the sentence before the message (Message +0.005),
`Demnach`/`Danach` is cue and source and speaks for the report before it, sources take the
genitive and prepositional attributes of their last noun (`der Chef der Bundesagentur für
Arbeit`, `die Deutsche Presse-Agentur (dpa)`) and end before a relative clause or `gegenüber`
(Source +0.013 together), `bezeichnete … als` is one cue, a quotation that opens a sentence after
one ending in a colon (SpkAtt's sentence split) takes that sentence's cue and speaker (rules; Cue
+0.006), a communication-word lexicon beyond the rules' cue verbs (`data/communication_verbs.txt`,
`data/communication_nouns.txt`, written from general knowledge) is a cue-tagger feature (+0.002 /
+0.003 / +0.001), learned cues that are only a tense auxiliary (`Clinton hatte … übernommen`) or
`nach` before a noun phrase naming no source (`nach dem Putsch`) are dropped, and adjacent cue-less
continuations of one speaker and form become one statement, as SpkAtt annotates them (rules and
learned; Message +0.021, Source +0.007), a quotation after a colon sentence takes the cue the
learned tagger found there (Cue +0.001), and whole-sentence statements (continuations, reported
speech acts) keep their full stop in the SpkAtt message, as the gold does (Message +0.005, Cue
+0.002, Source -0.002); a quoted name closing the cue's clause (`sagte Peskow mit Blick auf das
Treffen der „Koalition der Willigen“`) is no message, and a message opening with a relative
pronoun takes its head noun phrase (level in CV; it makes the seed article's `Die Sicherheit der
Ukraine, die in die NATO strebt, dürfe …` whole).
Added on 2026-11-25 (fifth session; 5-fold CV 0.773 / 0.684 / 0.604 -> 0.782 / 0.693 / 0.612):
the rules take a quotation announced by a colon after any verb of `data/communication_verbs.txt`
(`rief: „…“`, `resümiert X: „…“`), with `mit den Worten`/`wie folgt` in the cue, a role noun or
`wörtlich` before the colon (`BKA-Präsident Ziercke: „…“`), and a pronominal adverb tagged as
particle is none (`sagte dazu:`) (+0.002 / +0.002 / 0); a speech act's subject reads `Das` as an
article, skips a focus particle (`Auch das Ministerium kritisierte …`) and prefers `er`/`ich`/`wir`
after the verb (`Die Tat bezeichnete er als …`) (-0.001 / +0.003 / +0.005); the cue takes the
expletive `es` (`heißt es`, `Es wird erwartet`: 63 of 70 in the gold) but not `weiter`, `dagegen`
or a pronominal adverb after a plain verb of saying (`sagte dazu`) (+0.001 / +0.002 / -0.002); a
fronted `Nach Angaben …` phrase runs to the finite verb (`Nach Angaben der Gesellschaft für
Menschenrechte kommt es …`); and the rules' speech acts get the sentence tagger's probability that
their sentence is a statement (`Statement.confidence`): the SpkAtt export leaves out those below
0.5, the JSON keeps them (+0.004 / 0 / +0.003 together with the fronted phrase; a bar of 0.7 or
0.3 gave less); the subject of a passive directive is its addressee, not its source (`Israel
wurde aufgefordert, …`), a nominative-only pronoun after the verb cue is the source (`Der Politik
schlug er vor`), and a learned source stays within one sentence (a title line was glued to the
first speaker of plain-text articles) (Source +0.001).

Added on 2026-11-25 (sixth session): the BiLSTM cue tagger averaged with the cue CRF (5-fold CV
{NEURAL_CV}).
A BiLSTM role tagger averaged the same way with the role CRF (`--neural-roles`; token-level
Message +0.025 and Source +0.008 on one fold, see `training/experiments/spkatt_bilstm.py`) gave
0.788 / 0.701 / 0.620, Addr 0.361 in 5-fold CV against 0.784 / 0.700 / 0.623, Addr 0.378 without
it (both measured with an earlier CRC-32 feature hash): not shipped. The BiLSTM costs the whole
pipeline about a tenth of its speed (`benchmarks/throughput.py`, same machine: 5,837-5,865 ->
5,209-5,304 words/s, peak RSS 260 -> 303 MB). A learned cue of only a separable particle is
dropped (`fuhr rechtzeitig los`: the BiLSTM's `los`; CV level: 0.784 / 0.700 / 0.619).

Cross-validation (`python training/train_spkatt.py --folds 5`: each fifth of the {n_train} training
articles scored by models trained on the other four fifths, scores pooled over all {n_train}) is
the steadier yardstick for comparing settings; the 100-article validation and second-check sets
move by ±0.01 from retraining alone. Final setting, 5-fold CV on the training articles (the
nouns added to `attribution_nouns.txt` were read off these articles' gold, so these numbers are
slightly optimistic; the validation rows above are not): {CV_SUMMARY}.

Earlier choices were made on the validation split and confirmed on a second check
(`python training/train_spkatt.py --second-check`: models trained on 500 training articles, scored
on the 100 other training articles with the smallest split keys); a lower bar for Reported (0.25)
chosen there was dropped in the fourth session, when 5-fold CV preferred the common one. Second check, F1 of
Message / Cue / Source / Addr, Form accuracy: rules only 0.644 / 0.532 / 0.427 / 0.202, 0.914;
cue and role taggers without the sentence tagger and source fixes (the previous version)
0.666 / 0.641 / 0.506 / 0.342, 0.924; rules + models (default) 0.703 / 0.633 / 0.533 / 0.342, 0.908
(cue-less statements take a few pairings from cued gold statements: Cue -0.008 there, level on
validation).
Tried and dropped on 2026-11-25 (second session; 5-fold CV F1 Message / Cue / Source unless
said): REDEWIEDERGABE's introductory expressions as extra cue-tagger data (second check, 500
files: Cue -0.034, 100 files: Cue -0.010, Message +0.002), the NER word clusters as token features
(second check: Message -0.011 or level), labelling verbs (`nannte ihn einen „…“`) with short
quotations as direct statements (level, one test broken), a lower or higher bar for the sentence
tagger (0.25 / 0.5: level), 400 instead of 200 iterations (-0.003 / -0.002 / +0.002), a cue window
of ±4 (level with ±3), tag bigrams in the role tagger (-0.002 / -0.005 / -0.006), the subject of the
cue clause as role-tagger feature (second check Source +0.007, CV -0.004), the kind of a finite
verb's subject as cue-tagger feature (level), c1/c2 grids for the cue and role taggers (level).
Tried and dropped on 2026-11-25 (fourth session, 5-fold CV F1 Message / Cue / Source): the
parliamentary SpkAtt data (`spkatt-parl`, 177 speeches, 5,399 cues) as extra cue-tagger training
data (Cue 0.679 -> 0.626, precision 0.767 -> 0.655: its annotators mark far more predicates as
cues), a continuation's source taken from the subject of the sentence before when that sentence
holds no statement (Source -0.001), a lower bar for the cue tagger (`CUE_THRESHOLD` 0.65 / 0.8:
0.745 / 0.675 / 0.590 and 0.743 / 0.664 / 0.587 against 0.748 / 0.682 / 0.595), a rule speech act
taking any learned form and content (Cue +0.003 more, but on the seed article `äußerte sich` and
`bezweifelte` got learned messages that are not what was said).
Tried and dropped on 2026-11-25 (fifth session): a source running on through a directly following
noun (`Angaben des Rezensenten Alan` + `Posener`) or a place (`ein Sprecher des LBM` + `in
Koblenz`) (Source +0.001, risks `sagte Merkel Journalisten`), a continuation not speaking for a
speech act the sentence tagger doubts (level).
Tried and dropped before (no gain on both sets): training the sentence tagger on articles tagged by
cross-fitted taggers (validation Message 0.693 against 0.699), verb lemmas and more neighbour
features in the sentence tagger, a role-tagger window of two sentences, a lower bar for the role
tagger's source marginals, the role tagger (with the finite verb as cue) as source finder of
Reported sentences, filling empty sources from the previous statement, dropping cue-less rule
continuations the sentence tagger doubts, adopting a learned source that contains the rules' one
(validation +0.007 Source, second check -0.002, breaks 3 seed tests), a lower bar for the cue
tagger (`CUE_THRESHOLD = 0.65`: Cue +0.01, Message -0.003, Source mixed).
Targets of issue 3 (Message 0.75, Source 0.70, Cue 0.75) are not reached on validation (Message
reaches it in cross-validation only). Cue recall (about 0.56 on validation, 0.61 in
cross-validation) is the limit: most missed cues belong to gold statements the system does not
find at all (rare verbs and phrases such as `liegt die Äußerung vor`, `der Überzeugung waren`, and
`nach`/`laut` with an open class of nouns). Reported statements are missed and over-predicted
about equally, where the gold annotates some speech acts and not others. Sources of precise rule
statements follow the rules' shorter mention.

Attribution component alone: about {words_per_second:,.0f} words/s (one core, validation articles,
measured during training; the shared machine may have been busy).

## Rebuild

```sh
. .venv/bin/activate && python training/train_spkatt.py
```

About three minutes on one core. Built {dt.date.today().isoformat()}; needs `../shared/data/spkatt-news/train`,
python-crfsuite and PyTorch (`pip install torch`; `--no-neural` trains the CRFs alone and removes
`spkatt_cue_neural.npz`, which the pipeline then does without).
""", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
