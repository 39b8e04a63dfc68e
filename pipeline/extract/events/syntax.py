"""Small readings of the parse tree that several steps of the coder share."""
from __future__ import annotations

from pipeline.nlp.parse import sentence_of


def named_by_free_relative(prep) -> list:
    """"concern about what they called China's dangerous behaviour", "over what it described as X":
    the thing the free relative names."""
    out = []
    for clause in (c for c in prep.children if c.dep_ == "pcomp" and any(w.lower_ == "what" for w in c.children)):
        out += [c for c in clause.children if c.dep_ == "oprd"]
        out += [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    return out


def in_a_date(tok) -> bool:
    """"on 1 March", "this fall": a word of a date or time names no event."""
    return tok.ent_type_ in ("DATE", "TIME")


def possessor(tok) -> bool:
    """A possessor: "Russia's" parsed as poss, or as nmod with its "'s"."""
    return tok.dep_ == "poss" or (tok.dep_ == "nmod" and any(c.tag_ == "POS" for c in tok.children))


def member_states(tok) -> bool:
    """"UN Member States", "EU member countries": members of a body, not the body."""
    singular = tok.lower_[:-1] if tok.lower_.endswith("s") else ""
    return singular in ("state", "country", "nation") and any(c.dep_ == "compound" and c.lower_ == "member"
                                                              for c in tok.children)


def sent_of(tok):
    """The sentence of a token, from the per-doc index (`Token.sent` walks the doc)."""
    return sentence_of(tok.doc[tok.i:tok.i + 1])


def governing_verb(tok):
    """The verb a noun trigger hangs from: "made a visit", "at talks", "the visit of"."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if cur.dep_ not in ("dobj", "pobj", "prep", "attr", "nsubjpass", "nsubj", "conj", "appos", "compound"):
            return None
        cur = head
    return None


def token_at(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def joins_an_act(verb) -> bool:
    """"joined the G-7 in sanctioning Russia": joining others in an act is that act alone (codebook section 5)."""
    return verb.lemma_.lower() == "join" and any(c.dep_ == "prep" and c.lower_ == "in" and
                                                 any(g.dep_ == "pcomp" for g in c.children) for c in verb.children)


def leave_to_speak(verb):
    """"allow me to thank", "let us congratulate": the "me" or "us" a verb of leave gives leave to."""
    if verb.lemma_.lower() not in ("allow", "let", "permit"):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("me", "us")), None)


def named_doer(tok) -> bool:
    """"condemned North Korea's launch of a missile": an event noun whose doer is named by name is an
    event of its own (the codebook codes its first mention; memory drops a later one that refers back).
    The doer may be named after it: "condemned the missile launches by North Korea"."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children) \
        or any(o.pos_ == "PROPN" for o in prep_objects(tok, ("by",)))


def in_adjunct(tok, preps) -> bool:
    """The token sits in a phrase of one of `preps` that its clause hangs it on ("at a meeting with",
    "after a summit with"), through the prepositional phrases and conjuncts between."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "pobj" and cur.head.lower_ in preps:
            return True
        if cur.dep_ not in ("pobj", "prep", "conj", "npadvmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def prep_objects(tok, preps: tuple[str, ...]) -> list:
    """The objects of the token's prepositions among `preps`: "the launch of a missile" -> missile."""
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]


def characterised(tok, g) -> bool:
    """"what both see as U.S. aggression", "called the drills a provocation", "described it as an act
    of war": the noun is how someone names a thing (the grammar's `characterising_verbs`)."""
    if any(_so_called(c) for c in tok.children if c.dep_ == "amod"):
        return True  # "the so-called war on drugs"
    cur = tok
    if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ == "NOUN":
        cur = cur.head.head  # "an act of aggression"
    verbs = g["characterising_verbs"]
    if cur.dep_ == "pobj" and cur.head.lower_ == "as":
        return cur.head.head.lemma_.lower() in verbs
    if cur.dep_ in ("oprd", "xcomp"):
        return cur.head.lemma_.lower() in verbs
    # "branded the sanctions an act of war": the second of two objects
    return cur.dep_ == "dobj" and cur.head.lemma_.lower() in verbs \
        and any(c.dep_ == "dobj" and c.i < cur.i for c in cur.head.children)


def _so_called(mod) -> bool:
    return mod.lower_ in ("so-called", "supposed") \
        or (mod.lower_ == "called" and any(c.lower_ == "so" for c in mod.children))


def at_the_behest(tok, g) -> bool:
    """"At the invitation of X, Y will visit", "at the request of X": an asking done before the clause
    it hangs on, by X of the clause's subject (the grammar's `behest_nouns`)."""
    return tok.lemma_.lower() in g["behest_nouns"] and tok.dep_ == "pobj" and tok.head.lower_ == "at" \
        and tok.head.head.pos_ in ("VERB", "AUX")


def depth(tok) -> int:
    """How far a token sits below its sentence's root (the main verb is 0)."""
    return sum(1 for _ in tok.ancestors)


def main_event_first(ranked: list[tuple[int, int, list]]) -> list:
    """The rows of one sentence, given as (depth of the trigger, order in the text, rows): the main
    event's first, the rest in the order of the text."""
    return [row for _, _, rows in sorted(ranked, key=lambda r: r[:2]) for row in rows]


# determiners by which a noun points back at something the text told ("the drills", "this event")
DEFINITE = frozenset({"the", "this", "these", "that", "those"})


def infinitive(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def purpose_clause(tok) -> bool:
    """An infinitive of purpose under a verb: "sent ships to monitor the shoal"."""
    return tok.dep_ in ("xcomp", "advcl") and tok.pos_ == "VERB" and infinitive(tok)


def after_closed_list(doc, start: int, end: int) -> int:
    """"Iran and Saudi Arabia, Chinese President Xi made": a list closed by "and" before the last
    comma ends there; the name after the comma is the subject."""
    commas = [i for i in range(start, end + 1) if doc[i].text == ","]
    if commas and any(doc[i].pos_ == "CCONJ" for i in range(start, commas[-1])):
        return commas[-1] + 1
    return start


def plural_phrase(tok) -> bool:
    """A plural noun, or a noun with a conjunct ("the north and south of Korea")."""
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)


def indefinite(noun) -> bool:
    """"a meeting", "another round of talks", "a new command": an indefinite noun brings in a new thing
    or event, never one named before."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def bare_participle(tok) -> bool:
    """"all the issues discussed", "the measures announced": a participle on a noun with no words of
    its own (no party, object, place or time) only refers back to an act, the codebook's restatement
    that is not coded again."""
    if tok.tag_ not in ("VBN", "VBD") or not all(c.dep_ in ("advmod", "punct") for c in tok.children):
        return False
    # the small parser may read the participle as a clause of the sentence's verb
    return tok.dep_ == "acl" or tok.dep_ == "advcl" and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "NOUN"


def coordinated_heads(tok) -> list:
    """The head and the heads coordinated with it ("Japan, India and Australia"), read past two
    misparses: a list item read as an apposition, and a dateline read as the subject."""
    if dateline(tok):  # "LIMA – Ishiba and Xi agreed": the parser hangs the subject on the dateline
        # (not the agency in brackets: "GOMA (AFP) - ...")
        return [t for a in tok.children if a.dep_ == "appos" and not _bracketed(a) for t in (a, *a.conjuncts)]
    return [tok] + [c for c in tok.conjuncts if c.i > tok.i] + list_read_as_apposition(tok)


DASHES = {"-", "–", "—", "--"}


def plain_form(tok) -> str:
    """The word in lower case with a typeset apostrophe made plain: the tagger tags "we’ll" as "we" +
    "’ll" (MD) but keeps the form, which the auxiliary lists write "'ll"."""
    return tok.lower_.replace("\u2019", "'")


def _bracketed(tok) -> bool:
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text == "(" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")"


def dateline(tok) -> bool:
    """A wire story's dateline ("LIMA –", "TOKYO (Reuters) -", "NAIROBI, May 30 (Xinhua) --"): a capitalised
    place opening the text's line, before a dash, with the agency and the day between."""
    if not tok.is_upper or tok.ent_type_ not in ("GPE", "LOC", "ORG", "PERSON", ""):
        return False  # first: every party reading asks, and few words are capitals (a city may read as a name)
    doc = tok.doc
    if not (tok.i == 0 or doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text or tok.i == sent_of(tok).start):
        return False
    nxt = next((t for t in doc[tok.i + 1:tok.i + 9] if not t.is_space and t.text not in ("(", ")", ",")
                and t.ent_type_ not in ("ORG", "DATE")), None)
    # spaced, so "US-China talks" is no dateline
    return nxt is not None and nxt.text in DASHES and bool(nxt.whitespace_) and bool(doc[nxt.i - 1].whitespace_)


def list_read_as_apposition(tok) -> list:
    """"A of the United States, B of Japan, and C of the Philippines": the small parser reads B as in
    apposition to A and C as B's conjunct. An apposition with conjuncts of its own is a list item."""
    return [t for a in tok.children if a.dep_ == "appos" and a.pos_ == "PROPN" and any(c.dep_ == "conj" for c in a.children)
            for t in [a, *a.conjuncts] if t.i > tok.i]


def sole_subject(tok):
    """The one subject of `tok` that is not a list of names, or None."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return None
    return subjects[0]


def crowd_subject(tok):
    """A plural sole subject: "hundreds", "farmers", "Palestinians"."""
    subj = sole_subject(tok)
    return subj if subj is not None and (subj.tag_ in ("NNS", "NNPS") or subj.like_num) else None


def dobj_words(tok) -> set[str]:
    """Every lemma of a verb's direct objects, with their modifiers ("sent 200 armoured units"), or of
    a passive's subject, which is its object ("1,500 soldiers were sent")."""
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    return {c.lemma_.lower() for d in tok.children if d.dep_ == "dobj" or (passive and d.dep_ == "nsubjpass")
            for c in d.subtree}


def moves_forces(tok, g: dict) -> bool:
    """Forces or war craft among what a verb moves ("sent two battalions", "troops were sent")."""
    return bool(dobj_words(tok) & (g["force_nouns"] | g["war_craft"]))


def to_border(tok) -> bool:
    """"sent army units to the border with Turkey", "to the Catatumbo region on the Venezuelan
    border": forces sent to a frontier face the neighbour."""
    heads = [o for p in tok.children if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "towards", "toward", "on", "along")
             for o in p.children if o.dep_ == "pobj"]
    return any(t.lemma_.lower() in ("border", "frontier") for o in heads for t in o.subtree)


def condition_of(tok):
    """The "if" or "unless" clause of `tok` ("would impose sanctions if Vilnius ..."), or None."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            return c
    return None


def only_a_time(prep) -> bool:
    """A preposition whose objects only say when ("demonstrated in recent weeks", "called Kishida on
    Tuesday"): it names no place, target or party."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objects) and all(in_a_date(o) for o in objects)


def happened(noun, g: dict) -> bool:
    """"Protests erupted", "the ambush left 20 soldiers dead", "demonstrations were held": an event
    noun as the subject of a verb that says it took place names one event that happened."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return lemma in g["occurrence_verbs"] or f"{lemma} {particle}" in g["occurrence_verbs"] \
        or (lemma == "take" and any(o.lemma_.lower() == "place" for o in verb.children if o.dep_ == "dobj"))


def for_clause(noun):
    """"its call for China to release X": the clause a noun asks for, with its own subject."""
    return next((c for c in noun.children if c.dep_ in ("advcl", "acl", "relcl")
                 and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)


def infinitive_clauses(tok) -> list:
    """The verb's clausal complements, also an infinitive the parser hangs as a clause with its own
    subject ("allowed UN convoys to enter": the one allowed reads as the subject of "enter")."""
    return [c for c in tok.children if c.dep_ == "xcomp"
            or c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def summary_noun(verb, nouns) -> tuple:
    """"X accused Y of spying, a charge Y denies": the noun after a comma that sums up the clause
    before, with the names of those whose own clause answers it; (None, []) when there is none. The
    small parser reads the answering clause as a relative clause on the noun, or hangs the names on
    the noun as an apposition ("a charge La Paz and Caracas deny")."""
    if verb.dep_ == "relcl" and _summing(verb.head, nouns):
        return verb.head, []
    for noun in (c for c in verb.children if c.dep_ in ("nsubj", "dobj") and _summing(c, nouns)):
        return noun, [a for a in noun.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None, []
    left = verb.i - 1
    while left > 0 and verb.doc[left].head.i == verb.i and verb.doc[left].dep_ in ("aux", "neg", "advmod"):
        left -= 1  # "a charge Beijing has long denied"
    name = verb.doc[left]
    while name.dep_ == "conj" and name.head.i < name.i:
        name = name.head
    if name.pos_ == "PROPN" and name.dep_ == "appos" and name.head.i < name.i and _summing(name.head, nouns):
        return name.head, [name]
    return None, []


def _summing(noun, nouns) -> bool:
    start = noun.left_edge.i
    return noun.lemma_.lower() in nouns and start > 0 and noun.doc[start - 1].text == ","


def reporting_verb(verb, same_tense: bool = False):
    """"Egypt said the dam does not threaten anyone and urged Ethiopia to ...": the small
    parser joins the second verb to the reported clause, but a simple past after a clause in
    another tense goes on the reporting verb in the past, whose subject acts (both in the simple
    past, "said Uganda provoked the clashes and urged ...", stays as parsed unless `same_tense`)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ccomp" or head.tag_ == "VBD" and not same_tense:
        return None
    return head.head if head.head.tag_ == "VBD" and head.head.i < head.i else None
