"""What the document has coded so far (`events.memory`): the pair the text is about, and event
nouns that only refer back to an event already coded."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from pipeline.extract.events.memory import MAX_GROUP, note_pairs, refers_back, remember_pair
from pipeline.extract.events.parties import Party

KEN = Party("Kenya", "ken", "KEN", "state")
UGA = Party("Uganda", "uga", "UGA", "state")
TZA = Party("Tanzania", "tza", "TZA", "state")
RUTO = Party("William Ruto", "ruto", "KEN", "person")
PRIME = Party("Robinah Nabbanja", "nabbanja", "UGA", "person")
MON, TUE = dt.date(2022, 9, 12), dt.date(2022, 9, 13)


def dated(day):
    return (day, None, "day", "Monday")


def test_a_noun_with_no_new_date_refers_back_to_the_event_coded_for_its_pair():
    seen: dict = {}
    note_pairs(seen, [(KEN, UGA)], "CONSULT", "occurred", dated(MON))
    assert refers_back([(UGA, KEN)], ("CONSULT", None), None, seen)  # either way round
    assert refers_back([(KEN, UGA)], ("CONSULT", None), dated(MON), seen)


def test_a_new_date_a_new_pair_or_a_new_type_is_a_new_event():
    seen: dict = {}
    note_pairs(seen, [(KEN, UGA)], "CONSULT", "occurred", dated(MON))
    assert not refers_back([(KEN, UGA)], ("CONSULT", None), dated(TUE), seen)
    assert not refers_back([(KEN, TZA)], ("CONSULT", None), None, seen)
    assert not refers_back([(KEN, UGA)], ("AGREE", None), None, seen)
    assert not refers_back([], ("CONSULT", None), None, seen)


def test_the_status_keeps_talks_agreed_on_apart_from_talks_held():
    seen: dict = {}
    note_pairs(seen, [(KEN, UGA)], "CONSULT", "planned", None)
    assert refers_back([(KEN, UGA)], ("CONSULT", "planned"), None, seen)
    assert not refers_back([(KEN, UGA)], ("CONSULT", "occurred"), None, seen)


def test_a_person_the_earlier_events_did_not_name_is_a_new_meeting():
    seen: dict = {}
    note_pairs(seen, [(RUTO, UGA)], "CONSULT", "occurred", None)
    assert refers_back([(RUTO, UGA)], ("CONSULT", None), None, seen)
    assert not refers_back([(RUTO, PRIME)], ("CONSULT", None), None, seen)


def test_parties_acting_together_become_the_pair_the_text_is_about():
    reader = SimpleNamespace(context_pair=[], context_at=-1, last_group=[], grammar={})
    remember_pair(reader, [(KEN, UGA)], [KEN], 120, together=True)
    assert reader.context_pair == [KEN, UGA] and reader.context_at == 120


def test_a_one_sided_act_forms_no_group():
    reader = SimpleNamespace(context_pair=[], context_at=-1, last_group=[], grammar={})
    remember_pair(reader, [(KEN, TZA)], [KEN], 120, together=False)  # "Kenya condemned Tanzania"
    assert reader.context_pair == []


def test_an_uncoded_party_keeps_the_old_pair():
    reader = SimpleNamespace(context_pair=[KEN, UGA], context_at=5, last_group=[], grammar={})
    forum = Party("the forum", None, None, "group", group=True)
    remember_pair(reader, [(TZA, forum)], [TZA], 300, together=True)
    assert reader.context_pair == [KEN, UGA] and reader.context_at == 5


def test_a_group_is_at_most_max_group_parties():
    many = [Party(f"State {i}", f"s{i}", f"S{i:02d}", "state") for i in range(MAX_GROUP + 3)]
    reader = SimpleNamespace(context_pair=[], context_at=-1, last_group=[], grammar={})
    remember_pair(reader, [], many, 10, together=True)
    assert reader.context_pair == many[:MAX_GROUP]


def test_a_hostile_acts_doer_alone_refers_back_but_not_a_supporters():
    seen: dict = {}
    note_pairs(seen, [(KEN, UGA)], "ASSAULT", "occurred", dated(MON))
    note_pairs(seen, [(KEN, TZA)], "SUPPORT", "occurred", dated(MON))
    assert refers_back([(KEN, None)], ("ASSAULT", None), None, seen)  # "Kenya's war", after its attack
    assert not refers_back([(UGA, None)], ("ASSAULT", None), None, seen)  # the target did not attack
    assert not refers_back([(KEN, None)], ("SUPPORT", None), None, seen)  # new condolences are new support
