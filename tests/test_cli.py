"""The ``wortlaut`` command, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

from wortlaut.cli import main

SEED = 'date 2025-09-05 "Das ist gefährlich", betonte Peskow am Freitag. Merkel sagte, die Lage sei ernst.\n'


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_analyze_seed_file_prints_a_table(tmp_path, capsys):
    path = write(tmp_path / "seed.txt", SEED)
    assert main(["analyze", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "2 statements" in out
    assert "Peskow" in out and "Das ist gefährlich" in out
    assert "Merkel" in out and "die Lage sei ernst" in out
    assert err == ""


def test_analyze_json(tmp_path, capsys):
    path = write(tmp_path / "seed.txt", SEED)
    assert main(["analyze", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["date"] == "2025-09-05"
    assert [s["speaker"]["name"] for s in data["statements"]] == ["Peskow", "Merkel"]
    assert data["statements"][0]["form"] == "direct"


def test_plain_text_with_date_option(tmp_path, capsys):
    path = write(tmp_path / "artikel.txt", "Merkel sagte, die Lage sei ernst.")
    assert main(["analyze", "--json", "--date", "2025-09-04", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2025-09-04"


def test_folder_with_a_bad_file_goes_on(tmp_path, capsys):
    folder = tmp_path / "artikel"
    write(folder / "a-gut.txt", SEED)
    bad = write(folder / "b-kaputt.txt", b"Die Stra\xdfe ist gesperrt.")
    assert main(["analyze", "--jsonl", "--json", str(folder)]) == 1
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["id"] == "a-gut"
    assert str(bad) in err and "not UTF-8" in err
    assert "2 files" in err and "1 failed" in err


def test_no_input_files_is_an_error(tmp_path, capsys):
    (tmp_path / "leer").mkdir()
    assert main(["analyze", str(tmp_path / "leer")]) == 1
    assert "0 files" in capsys.readouterr().err


SPKATT_TOKENS = [["„", "Das", "ist", "gefährlich", "“", ",", "betonte", "Peskow", "."],
                 ["Merkel", "sagte", ",", "die", "Lage", "sei", "ernst", "."]]


def spkatt_json(annotations: list[dict]) -> str:
    return json.dumps({"DocumentName": "Artikel (2025-09-05)", "Annotations": annotations,
                       "Sentences": [{"SentenceId": n, "Tokens": t} for n, t in enumerate(SPKATT_TOKENS)]},
                      ensure_ascii=False)


def test_spkatt_output_keeps_the_file_name(tmp_path, capsys):
    path = write(tmp_path / "gold" / "Artikel (2025-09-05).json", spkatt_json([]))
    out = tmp_path / "pred"
    assert main(["analyze", "--output-format", "spkatt", "--out", str(out), str(path)]) == 0
    written = out / path.name
    assert written.exists()
    data = json.loads(written.read_text(encoding="utf-8"))
    assert [s["Tokens"] for s in data["Sentences"]] == SPKATT_TOKENS
    assert len(data["Annotations"]) == 2


def test_spkatt_output_needs_out(tmp_path, capsys):
    path = write(tmp_path / "Artikel (2025-09-05).json", spkatt_json([]))
    assert main(["analyze", "--output-format", "spkatt", str(path)]) == 2
    assert "--out" in capsys.readouterr().err


def test_eval_spkatt(tmp_path, capsys):
    gold = [{"Cue": ["1:1"], "Source": ["1:0"], "Message": ["1:3", "1:4", "1:5", "1:6"], "Addr": [],
             "Form": "Indirect", "IsNested": False, "HasNested": False}]
    pred = [dict(gold[0], Message=["1:3", "1:4"])]
    write(tmp_path / "gold" / "Artikel (2025-09-05).json", spkatt_json(gold))
    write(tmp_path / "pred" / "Artikel (2025-09-05).json", spkatt_json(pred))
    assert main(["eval", "spkatt", str(tmp_path / "gold"), str(tmp_path / "pred")]) == 0
    out = capsys.readouterr().out
    assert "Message" in out
    assert "documents: 1" in out
    assert main(["eval", "spkatt", "--json", str(tmp_path / "gold"), str(tmp_path / "pred")]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 1
    assert result["roles"]["Message"]["recall"] == 0.5
    assert result["roles"]["Message"]["precision"] == 1.0
    assert result["roles"]["Source"]["f1"] == 1.0


def test_eval_spkatt_split_scores_only_that_part(tmp_path, capsys):
    """A folder smaller than the validation size is validation through and through."""
    gold = [{"Cue": ["1:1"], "Source": ["1:0"], "Message": ["1:3", "1:4", "1:5", "1:6"], "Addr": [],
             "Form": "Indirect", "IsNested": False, "HasNested": False}]
    for name in ("A (2025-09-05).json", "B (2025-09-06).json"):
        write(tmp_path / "gold" / name, spkatt_json(gold))
        write(tmp_path / "pred" / name, spkatt_json(gold))
    folders = [str(tmp_path / "gold"), str(tmp_path / "pred")]
    assert main(["eval", "spkatt", "--json", "--split", "validation", *folders]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 2
    assert main(["eval", "spkatt", "--split", "train", *folders]) == 1
    assert "no gold *.json files to score" in capsys.readouterr().err


def test_rules_only_and_pipeline_exclude_each_other(tmp_path, capsys):
    path = write(tmp_path / "Artikel (2025-09-05).json", spkatt_json([]))
    out = tmp_path / "pred"
    assert main(["analyze", "--rules-only", "--output-format", "spkatt", "--out", str(out), str(path)]) == 0
    assert len(json.loads((out / path.name).read_text(encoding="utf-8"))["Annotations"]) == 2
    assert main(["analyze", "--rules-only", "--pipeline", "segment", str(path)]) == 2
    assert "not both" in capsys.readouterr().err


def test_settings_are_listed_and_set_from_the_command_line(tmp_path, capsys):
    assert main(["settings"]) == 0
    listing = capsys.readouterr().out
    assert "attribution.sentence_threshold = 0.35" in listing and "times.anchoring = news" in listing
    path = write(tmp_path / "seed.txt", SEED)
    assert main(["analyze", "--json", "--set", "places.demonyms=false", "--set", "attribution.steps=", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["statements"]


def test_a_bad_setting_or_pipeline_is_one_clear_line(tmp_path, capsys):
    path = write(tmp_path / "seed.txt", SEED)
    for argv, message in ((["--set", "times.anchor=news"], "unknown setting 'times.anchor'"),
                          (["--set", "times.anchoring"], "expected COMPONENT.SETTING=VALUE"),
                          (["--pipeline", "segment,statements"], "'statements' requires 'token.tag'"),
                          (["--pipeline", "segment", "--rules-only"], "not both")):
        assert main(["analyze", *argv, str(path)]) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unwritable_out_folder_is_one_line_not_a_traceback(tmp_path, capsys):
    """Issue 15: 'analyze --output-format spkatt --out' into a place that cannot be created."""
    path = tmp_path / "seed.txt"
    path.write_text("date 2025-09-05 Merz sagte, er komme.\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["analyze", str(path), "--output-format", "spkatt", "--out", str(blocker / "sub")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"wortlaut: error: cannot write to {blocker / 'sub'}") and len(err.splitlines()) == 1


def test_a_bad_date_is_reported_once_for_all_files(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Merz sagte, er komme.\n", encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--date", "2025-99-01"]) == 2
    assert capsys.readouterr().err.count("impossible date") == 1


def test_progress_counts_articles_when_asked(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"date": "2025-09-05", "text": f"Merz sagte, er komme {n}."}) + "\n"
                            for n in range(3)), encoding="utf-8")
    assert main(["analyze", str(path), "--jsonl", "--json", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "3 articles, " in err and "articles/s" in err and "ETA" in err
