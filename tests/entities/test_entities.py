"""Entity mentions: persons with roles, surnames, countries, seats of government, organisations.

The test Documents are built by ``helpers.build`` (regex tokens, sentences on final
punctuation) so the tests do not depend on the segmenter.
"""

from __future__ import annotations

import pytest

from helpers import analyze, build, named
from wortlaut.de.roles import parse_role, role_affiliation
from wortlaut.entities import EntitiesConfig, find_entities
from wortlaut.model import Document, Entity


def entities(text: str, **build_options) -> Document:
    return find_entities(build(text, **build_options))


def mention_texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


# --- persons -----------------------------------------------------------------------------


def test_role_before_full_name_is_kept_as_role():
    doc = entities("Das machte Kreml-Sprecher Dmitri Peskow deutlich. Später sagte Peskow, es gebe keine Pläne.")
    peskow = named(doc, "Dmitri Peskow")
    assert peskow.type == "person"
    assert "Kreml-Sprecher" in peskow.roles
    assert mention_texts(peskow) == ["Dmitri Peskow", "Peskow"]


def test_compound_role_with_country_prefix():
    doc = entities("US-Präsident Donald Trump will erneut mit Putin sprechen.")
    trump = named(doc, "Donald Trump")
    assert trump.roles == ["US-Präsident"]
    assert doc.text[trump.mentions[0].start : trump.mentions[0].end] == "Donald Trump"


def test_surname_and_genitive_join_the_full_name():
    doc = entities(
        "Der russische Machthaber Wladimir Putin hat gewarnt. Putin hob hervor, dass dies gefährlich sei. "
        "Die Rede Putins wurde übertragen."
    )
    putin = named(doc, "Wladimir Putin")
    assert mention_texts(putin) == ["Wladimir Putin", "Putin", "Putins"]
    assert [e.name for e in doc.entities if e.type == "person"] == ["Wladimir Putin"]


def test_country_adjective_before_role_is_recorded():
    doc = entities("Der russische Machthaber Wladimir Putin hat gewarnt.")
    assert named(doc, "Wladimir Putin").roles == ["Machthaber (Russland)"]


def test_possessive_and_adjective_before_role():
    doc = entities("Putin lehnte ein Treffen mit seinem ukrainischen Amtskollegen Wolodimir Selenskij ab.")
    selenskij = named(doc, "Wolodimir Selenskij")
    assert selenskij.roles == ["Amtskollege (Ukraine)"]


def test_surname_in_headline_before_full_name_joins_it():
    doc = entities("Putin will Selenskij nicht treffen. Putin wies ein Treffen mit Wolodimir Selenskij zurück.")
    selenskij = named(doc, "Wolodimir Selenskij")
    assert mention_texts(selenskij) == ["Selenskij", "Wolodimir Selenskij"]


def test_same_surname_different_first_names_stay_apart():
    doc = entities(
        "Friedrich Merz traf am Montag Thomas Merz. Thomas Merz sagte, er sei zufrieden. "
        "Merz fügte hinzu, das Treffen sei gut gewesen."
    )
    friedrich, thomas = named(doc, "Friedrich Merz"), named(doc, "Thomas Merz")
    assert friedrich.id != thomas.id
    assert mention_texts(friedrich) == ["Friedrich Merz"]
    # A surname alone belongs to the bearer mentioned last.
    assert mention_texts(thomas) == ["Thomas Merz", "Thomas Merz", "Merz"]


def test_name_particles_stay_inside_the_name():
    doc = entities("Kommissionspräsidentin Ursula von der Leyen sagte, die EU stehe bereit.")
    leyen = named(doc, "Ursula von der Leyen")
    assert leyen.roles == ["Kommissionspräsidentin"]


def test_capitalised_sentence_start_is_no_first_name():
    doc = entities("Allen Beteiligten war das klar. Darin sind sich alle einig.")
    assert [e for e in doc.entities if e.type == "person"] == []


def test_untagged_tokens_work_from_capitalisation():
    doc = entities("Kreml-Sprecher Dmitri Peskow sagte das. Peskow wiederholte es.", tag=False)
    assert mention_texts(named(doc, "Dmitri Peskow")) == ["Dmitri Peskow", "Peskow"]


def test_entity_ids_follow_first_mention():
    doc = entities("Die NATO tagte. Kreml-Sprecher Dmitri Peskow sagte, die NATO sei eine Gefahr.")
    assert [(e.id, e.name) for e in doc.entities][:2] == [("E1", "NATO"), ("E2", "Dmitri Peskow")]


# --- countries and seats of government ---------------------------------------------------


def test_kremlin_is_russia():
    doc = entities("Der Kreml lehnte das ab. Die Haltung des Kremls ist bekannt.")
    russia = named(doc, "Russland")
    assert russia.type == "country"
    assert mention_texts(russia) == ["Kreml", "Kremls"]


def test_country_names_and_genitive():
    doc = entities("Nach Angaben Frankreichs sind 26 Länder bereit. Österreich hat Beobachterstatus.")
    assert named(doc, "Frankreich").type == "country"
    assert mention_texts(named(doc, "Frankreich")) == ["Frankreichs"]
    assert named(doc, "Österreich").type == "country"


def test_capital_as_actor_is_its_country():
    doc = entities("Moskau lehnt Truppen aus NATO-Staaten ab. Selenskij lehnte ein Treffen in Moskau ab.")
    russia = named(doc, "Russland")
    assert russia.type == "country"
    # Only the capital acting as subject stands for the government, not "in Moskau".
    assert [m.start for m in russia.mentions] == [0]


# --- organisations -----------------------------------------------------------------------


def test_agency_name_after_organisation_noun():
    doc = entities("Das sagte er der Agentur Interfax.")
    interfax = named(doc, "Interfax")
    assert interfax.type == "organisation"
    assert role_affiliation(interfax.roles[0])[0] == "Agentur"


def test_acronyms_and_party_names_but_not_compounds():
    doc = entities("Die NATO sehe Russland als Feind. Truppen aus NATO-Staaten seien eine Gefahr. Die AfD widersprach.")
    assert mention_texts(named(doc, "NATO")) == ["NATO"]
    assert named(doc, "AfD").type == "organisation"


# --- role nouns --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "head", "kind", "gender"),
    [
        ("Kreml-Chef", "Chef", "leader", "m"),
        ("Regierungssprecher", "Sprecher", "spokesperson", "m"),
        ("Kanzlerin", "Kanzlerin", "leader", "f"),
        ("Ministerpräsident", "Ministerpräsident", "leader", "m"),
        ("Außenministerin", "Ministerin", "minister", "f"),
        ("Amtskollegen", "Amtskollege", "peer", "m"),
        ("Staatschefs", "Staatschef", "leader", "m"),
    ],
)
def test_parse_role(word, head, kind, gender):
    role = parse_role(word)
    assert role is not None
    assert (role.head, role.kind, role.gender) == (head, kind, gender)


def test_role_prefix_names_the_affiliation():
    assert parse_role("Kreml-Chef").affiliation == "Russland"
    assert parse_role("Kreml-Sprecher").role == "Kreml-Sprecher"
    assert parse_role("Regierungssprecher").affiliation is None


@pytest.mark.parametrize("word", ["Fahrzeuge", "Truppen", "Kreml", "sprecher", "Ex", "Optimaler", "Vorläufer", "Sicherheitsrat", "Hoffmann"])
def test_not_role_nouns(word):
    assert parse_role(word) is None


def test_role_affiliation_reads_brackets():
    assert role_affiliation("Machthaber (Russland)") == ("Machthaber", "Russland")
    assert role_affiliation("Kreml-Sprecher") == ("Kreml-Sprecher", "Russland")


def test_arabic_article_inside_a_name():
    doc = entities("Der syrische Machthaber Baschar al-Assad sagte, er bleibe.")
    assert named(doc, "Baschar al-Assad").type == "person"


def test_plural_role_noun_introduces_no_name():
    doc = entities("Nach Ansicht der Experten Chemiewaffen seien verboten.")
    assert [e for e in doc.entities if e.type == "person"] == []


def test_one_form_per_role_noun():
    doc = entities("Der russische Machthaber Wladimir Putin sprach. Später sagte Machthaber Putin, er warte.")
    assert named(doc, "Wladimir Putin").roles == ["Machthaber (Russland)"]


def _entities_of(text: str, **options) -> list[tuple[str, str]]:
    return [(e.type, e.name) for e in analyze(text, **options).entities]


def test_ner_model_adds_names_the_rules_miss():
    text = "Der Auftritt von Torvik Brannström begeisterte das Publikum."
    assert ("person", "Torvik Brannström") in _entities_of(text)
    without = _entities_of(text, entities=EntitiesConfig(learned_names=False))
    assert ("person", "Torvik Brannström") not in without  # the rules know neither name


def test_learned_organisation_replaces_a_shorter_rule_one():
    assert _entities_of("Die Gewerkschaft IG Metall warnte vor Entlassungen.") == [("organisation", "IG Metall")]


@pytest.mark.parametrize(("word", "head", "kind"), [
    ("Bischof", "Bischof", "clergy"), ("Wahlsieger", "Sieger", "winner"),
    ("Musikverantwortliche", "Verantwortliche", "official"), ("Autorin", "Autorin", "artist"),
])
def test_person_nouns_are_roles_for_the_rules_but_not_for_the_trained_features(word, head, kind):
    from wortlaut.de.roles import parse_trained_role

    parsed = parse_role(word)
    assert (parsed.head, parsed.kind) == (head, kind)
    assert parse_trained_role(word) is None  # the taggers were trained without person_nouns.txt
    assert parse_trained_role("Regierungssprecher") is not None


@pytest.mark.parametrize(("word", "head"), [("Polizeidirektion", "direktion"), ("Sportverein", "verein"),
                                            ("Forscherteam", "team"), ("Militärjunta", "junta")])
def test_institution_nouns_are_organisation_nouns_for_the_rules_only(word, head):
    from wortlaut.de.roles import org_noun_head, trained_org_noun_head

    assert org_noun_head(word) == head
    assert trained_org_noun_head(word) is None  # the taggers were trained without institution_nouns.txt


@pytest.mark.parametrize("word", ["Traiskirchen", "Verdienst", "Gesinnung", "Schwache", "Truppen"])
def test_words_ending_in_an_institution_noun_are_not_organisation_nouns(word):
    from wortlaut.de.roles import org_noun_head

    assert org_noun_head(word) is None
