"""When two documents' records are one entity, and why; and what keeps different things apart."""
from dossier.resolve.matching import Record, match


def person(*names, orgs=()):
    return Record("person", names, tuple(orgs))


def org(*names):
    return Record("organization", names)


def test_transliterated_names_match_with_the_reason():
    found = match(person("Mohammad Tanvir", "Tanvir"), person("Muhammad Tanveer"))
    assert found.kind == "spelling"
    assert found.reason() == "same name in another spelling: 'Mohammad Tanvir' = 'Muhammad Tanveer'"


def test_a_dropped_middle_name_still_matches():
    assert match(person("Aijaz Ahangar"), person("Aijaz Ahmad Ahangar")).kind == "fuller"


def test_a_surname_alone_does_not_match_across_documents():
    assert match(person("Farooqi"), person("Aslam Farooqi")) is None


def test_two_people_with_one_kunya_nisba_are_kept_apart():
    assert match(person("Abu Bakr al-Baghdadi"), person("Abu Omar al-Baghdadi")) is None


def test_a_nisba_is_not_taken_for_a_surname():
    assert match(person("Omar al Khorasani"), person("Omar Khalid Khorasani")) is None


def test_one_name_in_two_organizations_is_two_people():
    army = person("Zia-ul-Haq", orgs=["Pakistan Army"])
    militant = person("Zia ul-Haq", orgs=["IS-KP"])
    assert match(army, militant) is None


def test_one_name_in_one_organization_under_two_spellings_is_one_person():
    one = person("Zia ul-Haq", orgs=["IS-KP"])
    other = person("Ziaul Haque", orgs=["Islamic State Khorasan Province"])
    assert match(one, other) is not None


def test_an_acronym_matches_its_long_form():
    assert match(org("Tehrik-i-Taliban Pakistan"), org("TTP")) is not None
    assert match(org("HuJI"), org("Harkat-ul-Jihad al-Islami")).kind == "acronym"


def test_known_equivalents_match():
    assert match(org("ISKP"), org("Wilayat Khorasan")).kind == "known"
    assert match(org("Daesh"), org("Islamic State")).kind == "known"


def test_a_person_never_matches_an_organization():
    assert match(Record("person", ("Haqqani",)), org("Haqqani Network")) is None


def test_one_acronym_for_two_long_forms_is_two_organizations():
    spies = org("Inter-Services Intelligence", "ISI")
    jihadists = org("Islamic State of Iraq", "ISI")
    assert match(spies, jihadists) is None


def test_two_long_forms_with_the_same_initials_do_not_match():
    assert match(org("Nusra Front"), org("Nangarhar faction")) is None


# ---- context: what the documents tie an entity to
from dossier.resolve.matching import names_conflict  # noqa: E402


def place(name, *context):
    return Record("location", (name,), (), tuple(context))


def group(name, *places, parents=()):
    return Record("organization", (name,), tuple(parents), tuple(places))


def test_a_surname_alone_matches_within_one_organization():
    assert match(person("Zawahiri", orgs=["al-Qaeda"]), person("Ayman al-Zawahiri", orgs=["al-Qaida"])).kind == "short"


def test_a_shared_organization_outweighs_different_places():
    a = Record("person", ("Mullah Abdul Ghani Baradar",), ("Taliban",), ("Kabul",))
    b = Record("person", ("Mullah Baradar",), ("Afghan Taliban",), ("Doha",))
    assert match(a, b) is not None


def test_a_fuller_name_in_another_group_is_another_person():
    a = Record("person", ("Ahmad Shah Massoud",), ("Northern Alliance",), ("Panjshir",))
    b = Record("person", ("Ahmad Massoud",), ("National Resistance Front",), ("Panjshir",))
    assert match(a, b) is None


def test_same_named_groups_in_countries_far_apart_are_different():
    assert match(group("Ansar al-Islam", "Halabja"), group("Ansar al-Islam", "Burkina Faso")) is None
    assert match(group("Ansar al-Islam", "Halabja"), group("Ansar al-Islam", "Iraq")) is not None


def test_a_variant_spelling_in_another_country_is_another_group():
    assert match(group("Jamiat-e-Islami", "Afghanistan"), group("Jamaat-e-Islami", "Pakistan")) is None


def test_groups_known_apart_never_match():
    assert match(group("Taliban"), group("Tehrik-i-Taliban Pakistan")) is None


def test_a_branch_is_not_its_parent():
    assert match(group("Islamic State"), group("Islamic State Pakistan Province", parents=["Islamic State"])) is None


def test_a_short_form_without_a_country_or_a_kind_word_is_the_same_group():
    assert match(group("Tehreek-e-Labbaik Pakistan", "Lahore"), group("Tehreek-e-Labbaik")).kind == "short"
    assert match(group("Houthi movement"), group("Houthis")) is not None


def test_a_head_word_left_out_needs_a_shared_place():
    assert match(group("Hezbollah", "Lebanon"), group("Kataib Hezbollah", "Iraq")) is None
    assert match(group("Hay'at Tahrir al-Sham", "Idlib"), group("Tahrir al-Sham", "Syria")) is not None


def test_same_named_places_are_told_apart_by_their_country():
    assert match(place("Hyderabad", "Sindh"), place("Hyderabad", "Telangana")) is None
    assert match(place("Hyderabad", "Sindh"), place("Hyderabad", "Pakistan")) is not None


def test_a_renamed_city_is_found_in_the_gazetteer():
    assert match(place("Bengaluru", "Karnataka"), place("Bangalore", "India")) is not None
    assert match(place("Dhaka", "Bangladesh"), place("Dacca")) is not None
    assert match(place("Chattogram", "Bangladesh"), place("Chittagong")).kind == "place"


def test_places_the_gazetteer_puts_in_different_countries_are_different():
    assert match(place("Mardan"), place("Mardin")) is None


def test_a_single_name_cannot_chain_two_people():
    assert names_conflict("person", ("Jalaluddin Haqqani", "Haqqani"), ("Sirajuddin Haqqani",))
    assert not names_conflict("person", ("Zakir Musa", "Zakir Rashid Bhat"), ("Zakir Rashid Bhat",))


def test_a_country_is_one_place_whatever_its_documents_tie_it_to():
    assert match(place("US"), place("United States", "Afghanistan")).kind == "known"
    assert match(place("Pakistan", "Afghanistan"), place("Pakistan", "India")).kind == "name"


def test_a_state_named_like_a_country_is_told_apart_by_its_context():
    assert match(place("Georgia", "Atlanta", "United States"), place("Georgia", "Caucasus")) is None
