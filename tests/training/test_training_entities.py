"""The NER trainer's fixed GermEval split (training.entities.data)."""

from __future__ import annotations

from helpers import DATA, needs
from training.entities.data import germeval_split, is_validation
from wortlaut.formats.germeval import parse_germeval


def test_validation_split_rule_is_stable_without_data() -> None:
    [sentence] = parse_germeval("#\thttp://de.wikipedia.org/wiki/Beispiel\t[2009-10-23]\n1\tA\tO\tO\n")
    # The rule depends only on the source line, not on the position in the file.
    assert is_validation(sentence, 0) == is_validation(sentence, 4711)
    keys = [parse_germeval(f"#\tsource {i}\n1\tA\n")[0] for i in range(2000)]
    share = sum(is_validation(s, 0) for s in keys) / len(keys)
    assert 0.17 < share < 0.23


@needs(DATA / "germeval2014")
def test_validation_split_of_the_training_file() -> None:
    train, validation = germeval_split()
    assert len(train) + len(validation) == 5100
    assert 0.15 < len(validation) / 5100 < 0.25
