"""The fixed train/validation split of the SpkAtt news articles (wortlaut.evaluate.split)."""

from __future__ import annotations

import hashlib
import random

from helpers import SPKATT, needs
from wortlaut.evaluate.split import spkatt_split, split_key


def test_split_key_is_sha1_of_the_file_name():
    name = "10022 - Der Astronaut Neil Armstrong wird heute 75 Jahre alt (2005-08-05).json"
    assert split_key(name) == hashlib.sha1(name.encode()).hexdigest()
    assert split_key(name.removesuffix(".json")) == split_key(name) == split_key("/any/folder/" + name)


def test_split_is_stable_under_order_and_disjoint():
    names = [f"{n} - Artikel (2005-01-01).json" for n in range(250)]
    train, validation = spkatt_split(names)
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    assert spkatt_split(shuffled) == (train, validation)
    assert len(validation) == 100 and len(train) == 150
    assert not set(train) & set(validation)
    assert max(split_key(n) for n in validation) < min(split_key(n) for n in train)


@needs(SPKATT)
def test_split_of_the_700_articles():
    train, validation = spkatt_split(p.name for p in SPKATT.glob("*.json"))
    assert (len(train), len(validation)) == (600, 100)
    assert validation[0] == min(validation)
