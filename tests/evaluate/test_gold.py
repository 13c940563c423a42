import pytest

from wortlaut.evaluate.gold import GoldError, read_json_lines
from wortlaut.evaluate.speechacts import read_gold as read_speech_act_gold


def test_lines_are_numbered_as_in_the_file_blank_lines_included(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    assert read_json_lines(path, ("a",)) == [(1, {"a": 1}), (3, {"a": 2})]


@pytest.mark.parametrize(("content", "problem"), [
    ('{"a": 1}\n\n{"a": \n', r"gold.jsonl:3: not JSON"),
    ('{"a": 1}\n[1, 2]\n', r"gold.jsonl:2: not a JSON object"),
    ('{"b": 1}\n', r"gold.jsonl:1: missing a"),
])
def test_a_bad_line_is_named_by_file_and_line(tmp_path, content, problem):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=problem):
        read_json_lines(path, ("a",))


def test_speech_act_gold_names_the_line_without_its_act(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"tokens": ["Er", "warnte"], "cue": [1], "act": "warn"}\n{"tokens": ["Sie"], "cue": [0]}\n',
                    encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:2: missing act"):
        read_speech_act_gold(path)


def test_an_unreadable_gold_file_is_named(tmp_path):
    with pytest.raises(GoldError, match=r"missing.jsonl: cannot read gold"):
        read_json_lines(tmp_path / "missing.jsonl", ())
