"""Speech acts: an invented sentence per act and per construction -> the act its cue reports.

The cue is given in [brackets], as the gold of ``wortlaut eval speechacts`` gives it, so these
rows test the reading of the act alone (particles, negation, passive, nouns beside ``nach``)."""

from __future__ import annotations

import json

import pytest

import wortlaut
from wortlaut.cli import main
from wortlaut.de.speech_acts import DISAGREEMENT, act_cues, acts_with_stance, speech_acts
from wortlaut.evaluate.speechacts import predict

CASES = [
    ("Die Ministerin [sagte] , die Lage sei ernst .", "state"),
    ("[Laut] Polizei gab es drei Verletzte .", "state"),
    ("[Nach] Polizeiangaben gab es drei Verletzte .", "state"),  # a compound's head
    ("[Laut] einer Umfrage ist die Mehrheit dafür .", "state"),  # Um|frage is no question
    ("Der Chef [behauptete] , er habe nichts gewusst .", "claim"),
    ("Der Verband [bezeichnete] den Plan [als] Fehler .", "claim"),
    ("[Nach] Ansicht der Experten ist das Gesetz verfassungswidrig .", "claim"),  # the noun beside "nach"
    ("Die Polizei [vermutet] , dass der Täter floh .", "speculate"),
    ("Der Minister [schloss] einen Rücktritt nicht [aus] .", "speculate"),  # negation: nicht ausschließen
    ("Die Behörde [geht] [davon] [aus] , dass der Schaden groß ist .", "speculate"),
    ("Ersten Schätzungen [zufolge] kamen 200 Menschen .", "speculate"),  # a named act over the neutral one
    ("Die Firma [kündigte] neue Stellen [an] .", "announce"),  # separable particle
    ("Die Regierung [gab] [bekannt] , dass sie zurücktritt .", "announce"),
    ("Der Minister [räumte] Fehler [ein] .", "confirm"),
    ("Ein Sprecher [wollte] den Vorfall nicht [bestätigen] .", "state"),  # negation: declines to confirm
    ("Der Reporter [fragte] , wer bezahle .", "ask"),
    ("Merkel [warnte] vor einer Eskalation .", "warn"),
    ("[Es] [wird] [befürchtet] , dass weitere Opfer folgen .", "warn"),
    ("Der Konzern [dementierte] den Bericht .", "deny"),
    ("Die Opposition [stimmte] dem Plan [zu] .", "agree"),
    ("Der Papst [rief] zum Frieden [auf] .", "appeal"),
    ("Anwohnern [wurde] [geraten] , zu Hause zu bleiben .", "appeal"),  # passive
    ("Der Kanzler [versprach] schnelle Hilfe .", "promise"),
    ("Das Komitee [würdigte] ihren Einsatz .", "praise"),
    ("Die Gewerkschaft [forderte] höhere Löhne .", "demand"),
    ("Er [forderte] die Regierung [auf] , zu handeln .", "demand"),
    ("Die Linke [bezweifelte] , dass das Geld reiche .", "disagree"),
    ("Der Plan [wurde] von Verbänden scharf [kritisiert] .", "criticise"),  # passive
    ("Die Datenschützer [warfen] der Regierung Wortbruch [vor] .", "accuse"),
    ("Die Männer [werden] [beschuldigt] , Geld veruntreut zu haben .", "accuse"),
    ("Die Regierung [wies] die Vorwürfe [zurück] .", "reject"),
    # the cue's verb decides over a noun in the cue
    ("Der Rat [hatte] den Antrag [mit] [der] [Begründung] [abgelehnt] , er sei zu teuer .", "reject"),
    ("Russland [drohte] mit Gegenmaßnahmen .", "threaten"),
]


def gold_record(marked: str, act: str = "") -> dict:
    """``Er [sagte] , …`` -> a gold line: the tokens, the bracketed ones as the cue."""
    words = marked.split()
    return {"tokens": [word.strip("[]") if len(word) > 2 else word for word in words],
            "cue": [i for i, word in enumerate(words) if word.startswith("[") and word.endswith("]") and len(word) > 2],
            "form": "indirect", "act": act}


@pytest.mark.parametrize(("sentence", "act"), CASES, ids=[f"{act}:{s.split('[')[1].split(']')[0]}" for s, act in CASES])
def test_the_cue_decides_the_speech_act(sentence, act):
    assert predict([gold_record(sentence)]) == [act]


def test_every_act_is_covered_and_has_a_cameo_code():
    assert {act for _, act in CASES} == set(speech_acts())
    assert all(len(act.cameo) == 3 and act.cameo.isdigit() for act in speech_acts().values())
    assert {row.act for row in act_cues()} <= set(speech_acts())
    assert {"reject", "criticise", "deny", "accuse"} <= acts_with_stance(DISAGREEMENT)


def test_the_pipeline_sets_act_and_cameo_and_shows_them():
    doc = wortlaut.analyze("Die Regierung wies die Vorwürfe am Montag zurück. "
                           "Die Opposition forderte, das Gesetz müsse gestoppt werden.", "2025-09-05")
    acts = {s.cue.text: (s.speech_act, s.cameo) for s in doc.statements}
    assert acts["wies"] == ("reject", "120") and acts["forderte"] == ("demand", "100")
    shown = json.loads(wortlaut.formats.to_json(doc))["statements"]
    assert {(s["speech_act"], s["cameo"]) for s in shown} == {("reject", "120"), ("demand", "100")}
    assert "reject" in wortlaut.formats.to_table(doc)


def test_eval_speechacts_reports_accuracy_and_per_act_scores(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    rows = [gold_record("Merkel [warnte] vor einer Eskalation .", "warn") | {"split": "dev"},
            gold_record("Er [sagte] , es regne .", "state") | {"split": "dev"},
            gold_record("Die Regierung [wies] die Kritik [zurück] .", "deny") | {"split": "test"}]
    gold.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    assert main(["eval", "speechacts", str(gold), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["dev"]["accuracy"] == 1.0 and result["test"]["accuracy"] == 0.0
    assert result["all"]["accuracy"] == pytest.approx(2 / 3)
    assert result["all"]["acts"]["reject"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0, "predicted": 1}
    assert main(["eval", "speechacts", str(gold)]) == 0
    report = capsys.readouterr().out
    assert "dev: 2 statements, accuracy 1.000" in report and "warn" in report


def test_an_enormous_noun_gives_only_the_compound_heads_a_row_can_name():
    """Fuzzing: every head of a 200,000-letter noun was 20 GB of string copies (45 s)."""
    from wortlaut.model import Token
    from wortlaut.speech_acts import _names

    word = "Xyz" + "a" * 100_000 + "forderung"
    names = _names(Token(word, 0, len(word), 0, 0, tag="NN", lemma=word))
    assert "forderung" in names  # the listed head (demand) is still found
    assert len(names) < 100 and max(map(len, names)) == len(word)  # the word itself, few heads
