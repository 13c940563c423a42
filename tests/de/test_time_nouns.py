import pytest

from wortlaut.de.words import TIME_NOUNS


@pytest.mark.parametrize(("word", "time"), [
    ("Montag", True),
    ("Dienstagabend", True),  # "einer Erklärung vom Dienstagabend": no speaker
    ("Sonntagnachmittag", True),
    ("Tagebuch", False),
    ("Abendzeitung", False),  # a medium
    ("montag", False),  # matched as written
])
def test_time_nouns_and_their_compounds(word, time):
    assert (word in TIME_NOUNS) is time
