"""Segmentation: paragraphs, sentences, tokens with offsets, glued subheadings, given tokens."""

from __future__ import annotations

import gc

import pytest

from wortlaut.model import Document
from wortlaut.pipeline import Options, analyze, run
from wortlaut.segment import segment

ONLY_SEGMENT = Options(pipeline=("segment",))


def sentence_texts(doc: Document) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.sentences]


def assert_offsets_consistent(doc: Document) -> None:
    for position, token in enumerate(doc.tokens):
        assert token.index == position
        assert doc.text[token.start:token.end] == token.text
    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence)
        assert all(t.sentence == sentence.index for t in tokens)
        if tokens:
            assert tokens[0].start == sentence.start and tokens[-1].end == sentence.end


def test_paragraphs_and_sentences():
    text = "Merkel sagte, die Lage sei ernst. Scholz widersprach.\n\nDer Minister kam am 3. Oktober nach Berlin."
    doc = analyze(text, "2025-09-05", options=ONLY_SEGMENT)
    assert [(p.start, p.end) for p in doc.paragraphs] == [(0, 53), (55, len(text))]
    assert sentence_texts(doc) == [
        "Merkel sagte, die Lage sei ernst.", "Scholz widersprach.", "Der Minister kam am 3. Oktober nach Berlin."]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    assert_offsets_consistent(doc)


def test_token_offsets_with_odd_spacing_and_quotes():
    text = "„Das  ist gut“,sagte er.\n\n  Die U.S.A. und die E-Mail-Adresse (test@example.org) …"
    doc = analyze(text, "2025-09-05", options=ONLY_SEGMENT)
    assert_offsets_consistent(doc)
    assert doc.tokens[0].text == "„"
    assert not doc.tokens[0].space_after


def test_glued_subheading_in_seed_format():
    text = ("Putin warnte vor Truppen.\n\n"
            'Kreml-Sprecher: "Gefahr für uns" Moskau lehnt Truppen aus NATO-Staaten ab.')
    doc = run(Document(text=text, glued_headings=True), ONLY_SEGMENT)
    assert [h.text for h in doc.headings] == ['Kreml-Sprecher: "Gefahr für uns"']
    heading = next(s for s in doc.sentences if s.is_heading)
    assert doc.text[heading.start:heading.end] == 'Kreml-Sprecher: "Gefahr für uns"'
    assert sentence_texts(doc)[-1] == "Moskau lehnt Truppen aus NATO-Staaten ab."
    assert_offsets_consistent(doc)


def test_glued_subheading_without_quotes():
    text = ("Putin warnte vor Truppen.\n\n"
            "Putin will sich nicht im Ausland mit Selenskij treffen Putin wies die Forderung zurück.")
    doc = run(Document(text=text, glued_headings=True), ONLY_SEGMENT)
    assert [h.text for h in doc.headings] == ["Putin will sich nicht im Ausland mit Selenskij treffen"]


def test_first_paragraph_of_seed_has_no_heading():
    doc = run(Document(text="Merkel sagte, die Lage sei ernst.", glued_headings=True), ONLY_SEGMENT)
    assert doc.headings == []


def test_no_glued_headings_in_ordinary_text():
    text = 'Er sagte das.\n\nKreml-Sprecher: "Gefahr für uns" Moskau lehnt Truppen aus NATO-Staaten ab.'
    doc = analyze(text, "2025-09-05", options=ONLY_SEGMENT)
    assert doc.headings == []


def test_short_line_is_a_plain_text_heading():
    doc = analyze("Streit um Truppen\n\nMerkel sagte, die Lage sei ernst.", "2025-09-05", options=ONLY_SEGMENT)
    assert [h.text for h in doc.headings] == ["Streit um Truppen"]
    assert doc.sentences[0].is_heading and not doc.sentences[1].is_heading


def test_given_tokens_are_kept_exactly():
    given = [["``", "Das", "ist", "gut", "''", ",", "sagte", "Merkel", "."], [], ["z.B.", "U.S.A.", "usw."]]
    doc = Document(text="\n".join(" ".join(s) for s in given), given_tokens=given)
    segment(doc)
    assert len(doc.sentences) == 3  # numbering stays aligned with the input, empty sentence included
    assert [[t.text for t in doc.sentence_tokens(s)] for s in doc.sentences] == given
    assert_offsets_consistent(doc)


def test_offsets_when_somajo_rewrites_a_token():
    """SoMaJo reads ``: (`` as the emoticon ``:(``; offsets then come from its own alignment."""
    text = "Sie sagte: (lacht) Das ist gut."
    doc = segment(Document(text=text))
    for token in doc.tokens:
        assert text[token.start:token.end].replace(" ", "") == token.text.replace(" ", "")
    assert [t.text for t in doc.tokens][-4:] == ["Das", "ist", "gut", "."]
    assert doc.tokens[-2].start == text.index("gut")


def test_a_token_of_thousands_of_characters_is_one_token():
    """Issue 15: SoMaJo takes seconds over a 200,000-character token; such a run bypasses it."""
    text = "Merz sagte: " + "a" * 200_000 + " ist gut. Dann ging er."
    doc = analyze(text, "2025-09-05", options=ONLY_SEGMENT)
    long = [t for t in doc.tokens if len(t.text) > 1000]
    assert [(t.start, t.end) for t in long] == [(12, 200_012)]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.tokens)
    assert [t.text for t in doc.tokens][-4:] == ["Dann", "ging", "er", "."]


def test_shortcut_searches_find_what_somajo_patterns_find():
    """The abbreviation pattern tried only near dots, and the patterns searched only in texts where
    a part every match holds occurs (plus/ampersand tokens, dates, e-mail addresses …), match
    exactly where SoMaJo's own patterns do (a fresh SoMaJo keeps them unchanged)."""
    import random

    from somajo import SoMaJo, utils

    from wortlaut.segment import _GATES, _AbbreviationsNearDots, _OnlyWith, _tokenizer

    ours, theirs = _tokenizer()._tokenizer, SoMaJo("de_CMC")._tokenizer
    assert isinstance(ours.abbreviation, _AbbreviationsNearDots)  # installed for this SoMaJo version
    gated = ["token_with_plus_ampersand", *_GATES]
    assert all(isinstance(getattr(ours, name), _OnlyWith) for name in gated)
    listed = utils.read_abbreviation_file("abbreviations_de.txt")
    pieces = [*listed, *"aAbzZ .-+&ßÄ1\n", "z.B.", "U.S.A.", "C++", "AT&T", "Nr.", "St.Gallen", "Abs.1",
              *"0123456789./-*:@X", "ISBN ", "978-3-16-148410-0", "12.03.2015", "3/4/99", "Kto.-Nr.", "NR.",
              "max@example.org", " [at] ", " dot ", "www", ".de", ".COM", ".pdf", "-Link", "Lehrer*innen",
              "Bürger:Innen", "Kolleg/in", "R&D", "4.", "1.000."]
    pick = random.Random(3).choice
    texts = ["Der Abg. Müller (z.B. in Wien, ca. 3 km) u.a. mit AT&T und C++ bzw. S. 4. Ende.",
             "Am 12.3.2015 schrieb die Kto.-Nr. 4711 an info@wien.gv.at und Lehrer*innen (ISBN 3-16-148410-X).",
             *("".join(pick(pieces) for _ in range(random.Random(n).randint(0, 40))) for n in range(3000))]
    found = dict.fromkeys(gated, 0)
    for text in texts:
        for name in ("abbreviation", *gated):
            expected = [m.span() for m in getattr(theirs, name).finditer(text)]
            assert [m.span() for m in getattr(ours, name).finditer(text)] == expected, (name, text)
            if name in found:
                found[name] += len(expected)
    assert all(found.values()), found  # each pattern matched somewhere: the texts test its gate


def test_patched_somajo_gives_the_tokens_of_a_plain_one():
    """All shortcuts together (patterns searched only where they can match, SoMaJo's patterns only
    tried on the tokens they match) leave SoMaJo's tokens, classes and sentences as they are."""
    import random

    from somajo import SoMaJo

    from wortlaut.segment import _tokenizer

    ours = _tokenizer()
    assert ours._tokenizer._split_all_matches.__name__ == "split_all_matches"  # installed for this SoMaJo
    plain = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True)
    pieces = ["Der", " ", "Abg.", " ", "Müller", "sagte", ",", "„", "“", "»", "«", "(", ")", ":-)", "😀", "#tag", "@wer",
              "z.B.", "3.", "12.3.2015", "info@wien.gv.at", "www.orf.at", "https://x.de/a?b=1", "C++", "AT&T",
              "Lehrer*innen", "e.V.", "usw.", "...", "!", "?", "\n", "1.000,50", "€", "%", "5km", "ca.", "'s", "&amp;",
              "<b>", "</b>", "U.S.A.", "St.Gallen", "Nr.", "-", "–", "X-Y", "50er", "O'Neill", "*", "/", "ß"]
    rng = random.Random(7)
    texts = ["Kremlsprecher Dmitri Peskow sagte am Freitag (Ortszeit) in Wladiwostok: „Das ist gefährlich.“",
             *("".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(1, 60)))
               for _ in range(1500))]
    def tokens(tokenizer, text: str) -> list[list[tuple]]:
        return [[(t.text, t.token_class, t.space_after, t.original_spelling) for t in sentence]
                for sentence in tokenizer.tokenize_text([text])]

    for text in texts:
        assert tokens(ours, text) == tokens(plain, text), text


@pytest.mark.parametrize(("text", "sentences"), [
    ("„Wir kommen.“ sagte er. Dann ging er.", ["„ Wir kommen . “ sagte er .", "Dann ging er ."]),
    ("»Das ist falsch!« rief sie. Alle schwiegen.", ["» Das ist falsch ! « rief sie .", "Alle schwiegen ."]),
    ("„Wir kommen.“ Dann ging er.", ["„ Wir kommen . “", "Dann ging er ."]),  # a capital: a new sentence
])
def test_a_lower_case_cue_after_a_closed_quotation_stays_in_its_sentence(text, sentences):
    doc = segment(Document(text=text))
    assert [" ".join(t.text for t in doc.tokens[s.token_start:s.token_end]) for s in doc.sentences] == sentences


def test_segmenting_leaves_no_reference_cycles():
    """SoMaJo's linked token lists are unlinked: nothing is left for the cycle collector."""
    text = "Kremlsprecher Peskow sagte am Freitag: „Wir sind bereit.“\n\nDer Kreml-Chef schwieg. Er reiste ab."
    segment(Document(text=text))
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            assert len(segment(Document(text=text)).tokens) > 15
        assert gc.collect() == 0
    finally:
        gc.enable()
