"""Co-reference: the person or group a pronoun or description stands for, on sentences of our own."""
from __future__ import annotations

import pytest

from dossier.extract.aliases import cluster_mentions
from dossier.extract.coref import find_references
from dossier.extract.entities import find_mentions


@pytest.fixture
def references(read, rule_extractor):
    """The references of a report whose body is `body`, as (text, name of the entity it stands for)."""
    def references(body: str) -> list[tuple[str, str]]:
        doc = read(body)
        found = find_mentions(doc, rule_extractor.lexicon, rule_extractor.gazetteer)
        clusters = cluster_mentions(doc.text, found, rule_extractor.lexicon, rule_extractor.gazetteer)
        return [(r.text, clusters[r.cluster].names[0])
                for r in find_references(doc, found.mentions, clusters, rule_extractor.lexicon)]
    return references


# ---- personal pronouns
def test_he_his_and_him_in_later_sentences_are_the_person_named_before(references):
    found = references("Zarbat Kheljan grew up in Quetta. He joined the Sabr Brigade in 2004. His brother stayed home. "
                       "Police later arrested him.")
    assert found == [("He", "Zarbat Kheljan"), ("His", "Zarbat Kheljan"), ("him", "Zarbat Kheljan")]


def test_himself_is_the_subject_of_its_sentence(references):
    assert references("Zarbat Kheljan surrendered himself to the police.") == [("himself", "Zarbat Kheljan")]


def test_a_chain_of_pronouns_carries_the_person_past_three_sentences(references):
    found = references("Zarbat Kheljan led the Sabr Brigade. He was born in Kunar. He moved to Quetta in 2010. "
                       "He studied there. He died there in 2015.")
    assert found == [("He", "Zarbat Kheljan")] * 4


def test_pronoun_opening_a_phrase_before_the_subject_is_that_subject(references):
    assert references("In her first interview, Nasreen Akhtar said she had left the group.") == [
        ("her", "Nasreen Akhtar"), ("she", "Nasreen Akhtar")]


def test_possessive_opening_a_sentence_is_not_the_relative_it_introduces(references):
    found = references("Zarbat Kheljan fled to Iran in 2012. His son-in-law, Qasim Dunbali, stayed in Quetta.")
    assert found == [("His", "Zarbat Kheljan")]


def test_a_pronoun_makes_its_person_the_subject_of_a_relation(relations):
    assert relations("Qasim Dunbali was born in Kunar. He joined the Sabr Brigade in 2004.") == [
        ("member_of", "Qasim Dunbali", "Sabr Brigade", "2004", None, None)]


# ---- descriptions of groups
def test_the_group_and_the_outfit_are_the_group_last_named(references):
    found = references("The Sabr Brigade was founded in Kunar. The group recruited boys. The outfit later split.")
    assert found == [("The group", "Sabr Brigade"), ("The outfit", "Sabr Brigade")]


def test_the_group_is_never_a_state_body(references):
    found = references("The Sabr Brigade attacked a checkpoint. The Interior Ministry said the group had lost ten men.")
    assert found == [("the group", "Sabr Brigade")]


def test_the_group_far_from_any_name_is_the_group_named_most(references):
    found = references("The Sabr Brigade recruited boys in Kunar. Police raided the camp. Officials said nothing. "
                       "The group denied it.")
    assert found == [("The group", "Sabr Brigade")]


def test_the_latter_is_the_group_named_last(references):
    assert references("The Sabr Brigade fought the Zarand Front. The latter lost.") == [("The latter", "Zarand Front")]


def test_the_former_and_the_latter_in_one_sentence(references):
    found = references("The Sabr Brigade and the Zarand Front met. The former is larger than the latter.")
    assert found == [("The former", "Sabr Brigade"), ("the latter", "Zarand Front")]
