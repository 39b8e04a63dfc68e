"""Parties a pronoun stands for: the speaking state's "we", a transcript's labelled turns, a
quotation's speaker, the subject of the clause or of the saying verb, the pair the text is about,
or the last named party before it. Used by `parties.ArgReader.party`."""
from __future__ import annotations

from dataclasses import replace

from pipeline.extract.events.groups import named_group
from pipeline.extract.events.parties import Party
from pipeline.extract.events.syntax import plural_phrase, sent_of
from pipeline.extract.first_person import in_quote, is_self_reference

# an adverbial clause whose subject pronoun is the main clause's subject ("X announced aid as it signed ...")
ADVERBIAL_MARKS = ("as", "when", "while", "after", "before", "because", "since", "until", "once")

def pronoun_parties(reader, tok) -> list[Party]:
    """The parties a pronoun stands for, tried from the readings the document fixes (the speaking
    state, a labelled turn) to those the text around it suggests (the last party named)."""
    low = tok.lower_
    if reader.speaker is not None and is_self_reference(tok):
        return [Party(reader.speaker.name, reader.speaker.entity_id, reader.speaker.code, "state", tok.i)]
    if low == "both" and tok.dep_ in ("nsubj", "nsubjpass"):
        return named_group(reader, tok, [tok])  # "Both agreed", "both of them condemned"
    if low in ("who", "which", "that") and tok.head.dep_ == "relcl":
        # "Beijing and Moscow, which have ...": both; when the parse hangs the clause on a noun that
        # names no party ("the relationship between Beijing and Moscow, which have"), the phrase
        # just before the pronoun is its antecedent
        return reader.parties(tok.head.head) or _just_before(reader, tok)
    if low in ("we", "us", "our") and in_quote(tok):
        return reader.voices.quoted(tok) if low == "we" else []  # "we" in a quotation is the speaker's side
    if low in ("we", "i", "me", "my") and (labelled := reader.voices.labelled(tok)) is not None:
        return labelled  # "PRESIDENT RUTO: I thank you": the party the turn's label speaks for
    if low in ("you", "your") and (addressed := reader.voices.addressee(tok) or reader.voices.chair_addressed(tok)):
        return addressed  # the other party of a two-party transcript, or the Assembly's chair
    if low in ("their", "its") and (owners := _clause_subject(reader, tok)) is not None and (owners or low == "their"):
        return owners  # "Japan and the Philippines held their first drills": the subject's own
    if low in ("they", "it", "he", "she") and (reporter := _reporter(reader, tok)):
        return reporter  # "Egypt and Sudan announced that they had agreed": the reporting subject
    if low in ("we", "us", "our") and reader.narrator and tok.idx >= reader.narrator_at:
        return list(reader.narrator)
    if low in ("they", "we", "them", "us", "their", "our") and len(reader.context_pair) >= 2:
        return list(reader.context_pair)
    types = ("person",) if low in ("he", "she", "him", "her", "his") else ("state", "igo", "organization")
    if low in ("it", "its"):
        types = ("state", "igo", "organization")
    elif low not in ("he", "she", "him", "her", "his"):
        return _unnamed(tok)
    if low == "it" and tok.dep_ in ("nsubj", "nsubjpass") and (topic := _main_subject_before(reader, tok)):
        return topic
    ent = reader.view.last_before(tok.idx, types, exclude=_own_subject_ids(reader, tok))
    if ent is None:
        return _unnamed(tok)
    return [Party.of(ent, tok.i, name=tok.text)]


def referred_back(reader, tok) -> list[Party]:
    """"expelled two diplomats from the country", "aid to the nation": a bare definite
    noun for a state refers back to the last state named before it, as "it" does, and "the bloc" to
    the last intergovernmental body; never to the subject of its own clause (a party does not act on
    itself by name)."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NN" or tok.dep_ == "compound":
        return []
    types = ("state",) if lemma in reader.grammar["referring_nouns"] else \
        ("igo",) if lemma in reader.grammar["referring_body_nouns"] else None
    if types is None:
        return []
    if any(c.dep_ != "case" and not (c.dep_ == "det" and c.lower_ == "the") for c in tok.children) \
            or not any(c.dep_ == "det" for c in tok.children):
        return []  # "the country's largest port" keeps its "'s"; "a country", "the whole country" name no one
    ent = reader.view.last_before(tok.idx, types, exclude=_clause_subject_ids(reader, tok))
    return [Party.of(ent, tok.i, name=tok.doc[tok.i - 1:tok.i + 1].text)] if ent is not None else []


def _clause_subject_ids(reader, tok) -> frozenset:
    subjects = [c for c in _clause_verb(tok).children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i and c.pos_ != "PRON"]
    return frozenset(p.entity_id for s in subjects for p in reader.parties(s) if p.entity_id)


def _main_subject_before(reader, tok) -> list[Party]:
    """"Japan stands out ...; but as Russia invaded Ukraine, it suspended ties": a subject "it" stands
    for the state or body that is the subject of the last main clause before it, in its sentence
    or the one before, not for the last name (the subject is what the text is about)."""
    sent = sent_of(tok)
    for span in (tok.doc[sent.start:tok.i], _previous_sentence(tok.doc, sent)):
        subjects = [t for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON" and _main_clause(t.head)]
        for subj in reversed(subjects):
            found = reader.parties(subj)
            if len(found) == 1 and found[0].etype in ("state", "igo") and found[0].code:
                return [replace(found[0], token_i=tok.i)]
            if found:
                return []
    return []


def _main_clause(verb) -> bool:
    """The sentence's root, or a verb coordinated with it."""
    for _ in range(4):
        if verb.dep_ == "ROOT":
            return True
        if verb.dep_ != "conj":
            return False
        verb = verb.head
    return False


def _previous_sentence(doc, sent):
    return sent_of(doc[sent.start - 1]) if sent.start > 0 else doc[0:0]


def _own_subject_ids(reader, tok) -> frozenset:
    """"China firmly opposes it": an object pronoun never stands for its clause's subject."""
    subjects = [s for s in tok.head.children if s.dep_ == "nsubj" and s.pos_ != "PRON"] \
        if tok.dep_ in ("dobj", "dative") and tok.lower_ in ("it", "him", "her", "them") else []
    return frozenset(p.entity_id for s in subjects for p in reader.parties(s) if p.entity_id)


def _unnamed(tok) -> list[Party]:
    """"They also called on Islamabad to ...": a subject pronoun the text gives no antecedent for
    stays a party named as written, with no code (codebook section 6); the row then needs a coded
    party on the other side."""
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in ("they", "he", "she"):
        return [Party(tok.text, None, None, None, tok.i)]
    return []


def _reporter(reader, tok) -> list[Party]:
    """The subject of the saying verb over a reported clause whose subject is `tok`, or of the
    main clause over an adverbial one ("Kenya announced aid as it signed ..."), when it agrees in
    number ("Russia said it would ...", "A and B announced that they ...")."""
    clause = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return []
    said = clause.head
    adverbial = clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in clause.children)
    if not adverbial and (clause.dep_ != "ccomp" or said.lemma_.lower() not in reader.grammar.get("reporting_verbs", ())):
        return []
    for subj in (c for c in said.children if c.dep_ == "nsubj" and c.pos_ != "PRON"):
        found = reader.parties(subj)
        plural = tok.lower_ == "they"
        person = tok.lower_ in ("he", "she")
        if found and (len(found) >= 2) == plural and all((p.etype == "person") == person for p in found):
            return found
    return []


def _clause_subject(reader, tok) -> list[Party] | None:
    """The named subject of a possessive pronoun's clause, outside the pronoun's own phrase; [] when
    a subject with a name in it gives no party of the right number, else None."""
    subjects = [c for c in _clause_verb(tok).children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                and not c.left_edge.i <= tok.i <= c.right_edge.i]
    plural = tok.lower_ == "their"
    for subj in subjects:
        found = reader.parties(subj)
        # "the north and south of Korea held a meeting between their premiers": a plural subject
        # naming one state is still the owner
        if found and ((len(found) >= 2) == plural or (plural and plural_phrase(subj))):
            return found
    # a subject that names something ("the north and south of Korea") owns the pronoun even where
    # it gives no party; "the officials" may stand for the pair the text is about
    return [] if any(t.ent_type_ in ("GPE", "NORP", "ORG", "LOC") for s in subjects for t in s.subtree) else None


def _clause_verb(tok):
    """The verb of a noun's clause, however deep the noun sits ("reached an agreement on the
    reduction of their weapons"); where none is within eight heads, the last head reached."""
    verb = tok.head
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _just_before(reader, tok) -> list[Party]:
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    prev = tok.doc[tok.i - 2] if prev is not None and prev.is_punct and tok.i > 1 else prev
    if prev is None or prev.pos_ not in ("PROPN", "NOUN"):
        return []
    while prev.dep_ == "conj" and prev.head.i < prev.i:
        prev = prev.head
    return reader.parties(prev)
