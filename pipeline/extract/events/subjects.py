"""Who does what a verb says: the subject of its clause, or of the clause it hangs on, and the
readings that put someone else there (a passive's agent, an expletive "it", the one praised for an
act, the one allowed to speak, the traveller of a vehicle)."""
from __future__ import annotations

from pipeline.extract.events.parties import ArgReader, Party
from pipeline.extract.events.status import promising_head
from pipeline.extract.events.syntax import infinitive, leave_to_speak, prep_objects, reporting_verb, summary_noun


def _by_doer(noun, reader: ArgReader) -> list[Party]:
    """"A drone strike by federal forces killed ...", "a statement by the ministry condemned ...":
    a subject that names an act acts through the party its "by" phrase names."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj" for p in reader.parties(g)]


def _expletive(subj) -> bool:
    """"It's an honour to welcome X": the "it" of a copula with a predicate noun or adjective stands
    for the clause, not for a party named before."""
    head = subj.head
    return subj.lower_ == "it" and head.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in head.children)


def _predicate_owner(expletive, reader: ArgReader) -> list[Party]:
    """"it is my pleasant duty to extend ...": the owner of the duty or honour acts."""
    return [p for c in expletive.head.children if c.dep_ in ("attr", "acomp")
            for o in c.children if o.dep_ == "poss" for p in reader.parties(o)]


def described_noun(tok):
    """The noun a past participle describes ("nationals detained in Iran", "citizens abducted by X"),
    which underwent the act; or None. A participle with an object or an infinitive of its own, or on
    a noun that heads the sentence, is the parser misreading the main verb ("bandits abducted 50
    pupils", "unions threatened to strike, the federation said")."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.pos_ not in ("NOUN", "PROPN") or tok.head.dep_ == "ROOT":
        return None
    own = any(c.dep_ in ("dobj", "dative") or (c.dep_ in ("xcomp", "advcl") and infinitive(c)) for c in tok.children)
    return None if own else tok.head


def _stranded_agent(verb, reader: ArgReader) -> list[Party]:
    """"Aid was delivered to Chad by the EU": the parser may hang a passive's "by" phrase on the name
    that ends the verb's own phrase before it; a name takes no "by" of its own, so it is the agent."""
    if any(c.dep_ == "agent" for c in verb.children):
        return []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for name in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"):
            for by in (c for c in name.children if c.dep_ == "prep" and c.lower_ == "by"):
                if found := [p for o in by.children if o.dep_ == "pobj" for p in reader.parties(o)]:
                    return found
    return []


def subject_of(tok, reader: ArgReader, depth: int = 0) -> tuple[list[Party], bool]:
    """Parties of the subject (agent of a passive); True when the subject is the grammatical object."""
    if depth > 6:  # "was quick to join X in sanctioning Y": the subject sits six heads up
        return [], False
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    for child in tok.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                # an active verb's "by" is a means the parser took for an agent ("spoke by telephone")
                if pobj.dep_ == "pobj" and ((found := reader.parties(pobj)) or passive):
                    return found, False
    if passive and (found := _stranded_agent(tok, reader)):
        return found, False
    if depth > 0 and (allowed := leave_to_speak(tok)) is not None and (found := reader.parties(allowed)):
        return found, False  # "allow me to join the previous speakers in congratulating ...": the one allowed acts
    # "X is scheduled / was invited to visit", "X is committed to providing": the passive's subject
    # does what its infinitive, or the gerund it promises, says ("was used to talking" is a habit)
    raised = ("nsubjpass",) if depth > 0 and (any(c.dep_ == "xcomp" for c in tok.children)
                                              or promising_head(tok, reader.grammar)) else ()
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj", *raised) and not reader.voices.in_label(c)]
    # "India, Britain strike deal": a headline's names, joined by a comma, are all its subjects
    names_only = len(subjects) > 1 and all(c.pos_ == "PROPN" for c in subjects)
    named: list[Party] = []
    for child in subjects:  # (not in a label: "Bloomberg: X said")
        found = _predicate_owner(child, reader) if depth > 0 and _expletive(child) \
            else reader.parties(child) or _by_doer(child, reader)
        if found and not names_only:
            return found, False
        named += [p for p in found if p not in named]
    if named:
        return named, False
    if names := summary_noun(tok, reader.grammar["summary_nouns"])[1]:
        return [p for n in names for p in reader.parties(n)], False  # "..., a charge Moscow denies"
    if (praised := _object_praised_for(tok, reader)):
        return praised, False  # "thanked Japan for providing aid": the one thanked did it
    if tok.dep_ == "conj" and (shared := _passive_subject(tok.head, reader)):
        return shared, False  # "X was concerned by the drills and called on Y": X calls
    if tok.dep_ in ("conj", "advcl") and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in tok.children):
        return [], False  # "hours after police stormed its embassy": the clause names its own doer
    if (reporting := reporting_verb(tok)) is not None:
        return subject_of(reporting, reader, depth + 1)
    if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "acomp") and tok.head.i != tok.i:
        found = subject_of(tok.head, reader, depth + 1)  # "joined the U.S. in sanctioning Russia": the joiner acts
        if not found[0] and (speaker := reporting_verb(tok, same_tense=True)) is not None:
            return subject_of(speaker, reader, depth + 1)  # "said the talks were useful and urged Tanzania ..."
        return found
    if described_noun(tok) is not None:
        return [], False  # "Turkish nationals detained in Iran": the noun a participle describes underwent it
    if tok.dep_ == "acl" and infinitive(tok) and tok.head.lemma_.lower() in reader.grammar["behest_nouns"]:
        return _asked(tok.head, reader, depth), False
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        found = reader.parties(tok.head) or [p for c in tok.head.children if c.dep_ in ("poss", "amod", "compound")
                                             for p in reader.party(c)]  # "a British plan to provide"
        found = found or _split_possessor(tok.head, reader)
        if not found and tok.head.dep_ in ("dobj", "pobj") and (infinitive(tok) or _vehicle_of(tok.head, reader)):
            # "took a train to visit Kyiv", "boarded a train headed for Kyiv": the traveller
            return subject_of(tok.head.head, reader, depth + 1)
        return found, False
    if tok.dep_ == "pobj" or tok.head.dep_ == "prep":
        return subject_of(tok.head.head, reader, depth + 1) if tok.head.head.i != tok.head.i else ([], False)
    if tok.pos_ == "NOUN" and depth > 0 and any(c.dep_ == "prep" and c.lower_ in ("for", "in") and
                                              any(g.dep_ == "pcomp" for g in c.children) for c in tok.children):
        # "won praise for brokering", "its success in brokering": the noun's owner, else the clause's subject
        owners = [p for c in tok.children if c.dep_ == "poss" for p in reader.parties(c)]
        if owners or tok.dep_ not in ("dobj", "attr"):
            return owners, False
        return subject_of(tok.head, reader, depth + 1)
    return [], False


def _asked(noun, reader: ArgReader, depth: int) -> list[Party]:
    """"Putin's invitation to Xi to visit Russia", "accepted Putin's invitation to visit": the one
    invited or asked does what the infinitive says, never the one asking. Named after "to" or "on",
    else the one who accepts, welcomes or turns down the asking."""
    asked = [p for o in prep_objects(noun, ("to", "on")) for p in reader.parties(o)]
    if asked or noun.dep_ != "dobj" or noun.head.i == noun.i:
        return asked
    return subject_of(noun.head, reader, depth + 1)[0]


def _passive_subject(verb, reader: ArgReader) -> list[Party]:
    if any(c.dep_ == "nsubj" for c in verb.children):
        return []
    return [p for c in verb.children if c.dep_ == "nsubjpass" for p in reader.parties(c)]


def _object_praised_for(gerund, reader: ArgReader) -> list[Party]:
    """"praised Uganda for hosting the talks", "criticized X for sending troops": the act a party is
    praised or blamed for is that party's, the object of the verb, not its subject's."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("for", "of") or prep.head.pos_ != "VERB":
        return []
    return [p for c in prep.head.children if c.dep_ == "dobj" for p in reader.parties(c)]


def _vehicle_of(noun, reader: ArgReader) -> bool:
    """A train or plane taken by the clause's subject ("boarded a train", "took a flight")."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    return verb.lemma_.lower() in reader.grammar["purpose_heads"] and noun.lemma_.lower() in reader.grammar["vehicles"]


def _split_possessor(noun, reader: ArgReader) -> list[Party]:
    """"blasted Finland's decision to join": the parser may hang "Finland 's" off the verb as a
    second object; the possessive mark right before the noun still names its owner."""
    doc = noun.doc
    mark = doc[noun.i - 1] if noun.i > 0 else None
    if mark is None or mark.tag_ != "POS" or mark.head.i == noun.i or mark.head.i >= noun.i:
        return []
    return reader.party(mark.head)
