"""The status of an event from the grammar of its clause: occurred, planned, a stated desire, or
nothing at all (negated, hypothetical and conditional statements code no event)."""
from __future__ import annotations

from pipeline.extract.events.lexicon import Lexicon
from pipeline.extract.events.syntax import (at_the_behest, condition_of, governing_verb, leave_to_speak, named_doer,
                                             plain_form, reporting_verb, summary_noun)

# "awaits the visit", "anticipates talks": what a party waits for has not happened yet
AWAITING_VERBS = frozenset({"await", "anticipate"})
# "is due to visit", "is slated to sign", "is poised to join": heads that schedule the infinitive under them
# (the word as well as the lemma: the lemmatizer reads "slated" as "slat")
SCHEDULING_HEADS = frozenset({"due", "slate", "slated", "poise", "poised"})
COMMITTED_ADJECTIVES = frozenset({"committed", "dedicated", "pledged"})
# "ordered his troops to withdraw": verbs by which a leader sets an act in train for those under them
COMMAND_VERBS = frozenset({"order", "instruct", "direct", "command"})
# "I asked that the minister travel to X", "urged that talks be held": a mandated act is still to come
MANDATIVE_VERBS = frozenset({"ask", "urge", "demand", "request", "recommend", "insist", "propose", "require"}) | COMMAND_VERBS
# "I wish to express", "it is my duty to extend our congratulations": a speech act that the speaker's
# wish or duty introduces is performed by the saying itself, not desired for later
SPEECH_ACTS = frozenset({"express", "extend", "convey", "thank", "congratulate", "welcome", "pay", "reiterate",
                         "reaffirm", "stress", "emphasize", "emphasise", "urge", "appeal", "voice", "salute",
                         "commend", "condemn", "acknowledge", "record", "associate", "join"})
FINITE_TAGS = ("VBZ", "VBP", "VBD")
PERFORMATIVE_NOUNS = frozenset({"duty", "pleasure", "honour", "honor", "privilege"})
PERFORMATIVE_WISHES = frozenset({"wish", "desire"})  # not "want", "hope": those look ahead


def _judged_deed(tok, verb, g: dict) -> bool:
    """"rejected Russia's annexation of Crimea": a deed whose doer is named is judged, not undone."""
    return verb.lemma_.lower() in g["judging_verbs"] and named_doer(tok)


def clause_status(tok, kind: str, lex: Lexicon) -> str | None:
    """'occurred', 'planned', or None for negated, hypothetical and conditional statements."""
    g = lex.grammar
    if kind != "noun" and _polite_speech_act(tok):
        return "occurred"
    if habitual(tok, kind) and any(c.dep_ == "advmod" and c.lower_ in g["habit_adverbs"] for c in tok.children):
        return None  # "Venezuela routinely accuses Colombia": what a party does again and again, no one act
    if kind != "noun" and _alleged(tok):
        return None  # "accused China of ramming its vessel": an allegation, not an act the text reports as done
    if kind == "noun" and at_the_behest(tok, g):
        return "occurred"  # "At the invitation of X, Y will visit": the inviting is done
    if kind == "noun" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.lower() in g["stopping_nouns"]:
        return None  # "the suspension of U.S. assistance": the assistance stops
    if kind == "noun" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in g["ending_verbs"]:
        return "occurred"  # "Russia's war must end": what is to end is going on, whatever the modal
    verb = tok if kind != "noun" or _misread_verb(tok) else governing_verb(tok)
    planned = awaited(tok)
    if kind == "noun" and verb is not None and tok.dep_ in ("dobj", "nsubjpass") and tok.head.i == verb.i \
            and verb.lemma_.lower() in g["negating_verbs"] and not _judged_deed(tok, verb, g):
        return None  # "the visit was postponed", "suspended the talks": the event does not take place
    if kind == "noun":
        mods = {c.lower_ for c in tok.children}
        if mods & g["plan_modifiers"]:
            planned = True
        if verb is None:
            return "planned" if planned else "occurred"
    cur, steps, own_tense = verb, 0, False
    while cur is not None and steps < 6:
        steps += 1
        verdict = _clause_modality(cur, g)
        if verdict == "skip":
            return None
        planned = planned or (verdict == "planned" and not own_tense)
        head = cur.head
        if cur.dep_ == "ccomp" and head.lemma_.lower() in g["denying_verbs"] and not _summed(cur, head, g):
            return None  # "Thailand denied that its jets had entered Myanmar airspace": not reported as done
        if cur.dep_ == "ccomp" and head.lemma_.lower() in g["desire_verbs"]:
            return None  # "Japan hopes that China will release him": the hoping is the act, the release is not
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if cur.dep_ == "xcomp" or (cur.dep_ == "acl" and head.pos_ in ("NOUN", "ADJ")) or (infinitive and head.i != cur.i):
            hl = head.lemma_.lower()
            if head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                return None  # "has no plans to send troops", "no intention to attack": denied, not planned
            if hl in g["negating_verbs"] and any(c.dep_ == "neg" for c in head.children):
                # "did not hesitate to condemn", "never failed to": it was done ("would not hesitate" was not)
                if any(c.dep_ == "aux" and plain_form(c) in g["hypothetical_aux"] for c in head.children):
                    return None
                cur = head.head if head.head.i != head.i else None
                continue
            if hl in g["negating_verbs"]:
                return None
            if hl in g["factive_adjectives"]:
                cur = governing_verb(head) or head.head
                continue
            if hl in g["threat_nouns"] and head.pos_ == "NOUN":
                return None  # "his threat to sever ties": the threat is the event, what it threatens is not
            if _performed(cur, head, hl, g) or _measure_taken(cur, head, hl, g):
                cur = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
                continue
            if hl in g["desire_verbs"] or hl in g["desire_nouns"]:
                return "desire"
            if hl in g["offer_adjectives"] and head.pos_ == "ADJ":
                planned = True  # "China stands ready to work with Russia": an offer, made now
                cur = head.head if head.head.pos_ in ("VERB", "AUX") else governing_verb(head)
                continue
            if hl in g["hypothetical_verbs"] or hl in g["hypothetical_adjectives"]:
                return None
            if any(c.dep_ == "mark" and c.lower_ == "for" for c in cur.children):
                return None  # "it is necessary for X to discuss"
            if hl in g["plan_verbs"] or hl in g["plan_nouns"] or head.lower_ in SCHEDULING_HEADS or hl == "be" \
                    or _ordered_own(cur, head, hl):
                planned = True
            elif hl in g["aspect_verbs"]:
                pass  # "will continue to support": the head's tense and modals decide, read on the next step
            elif infinitive and not _purpose_of_trip(head, g):
                return None
            cur = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
        elif (reporting := reporting_verb(cur)) is not None:
            cur = reporting  # "said the dam does not threaten anyone and urged Ethiopia ...": the urging is the speaker's
        elif cur.head.pos_ in ("VERB", "AUX") and (cur.dep_ == "conj" or (cur.dep_ == "advcl" and cur.tag_ == "VBG")):
            # a participle clause ("..., while cooperating in ...") shares the main clause's modality;
            # a conjunct with a subject and a tense of its own ("they will look ..., and X welcomes ...")
            # shares its negation or condition but not its future
            own_tense = own_tense or (cur.dep_ == "conj" and _own_subject(cur) and cur.tag_ in FINITE_TAGS
                                      and not any(c.dep_ in ("aux", "auxpass") for c in cur.children))
            planned = planned or _listed_after_infinitive(cur, head, g)
            cur = head
        elif _promised_gerund(cur, g):
            planned = True  # "committed to providing aid", "remains committed to supporting X"
            owner = head.head
            cur = owner if owner.pos_ in ("VERB", "AUX") else governing_verb(owner)
        elif cur.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in g["negating_verbs"]:
            return None  # "refrained from delivering aid"
        elif cur.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "against" and head.head.pos_ == "VERB":
            return None  # "warned Tokyo against deploying missiles", "voted against sending troops": not done
        elif cur.dep_ == "pcomp" and head.dep_ == "prep" and head.head.dep_ == "xcomp" \
                and head.head.head.lemma_.lower() in g["plan_verbs"]:
            planned = True  # "agreed to work together on delivering aid": the work promised is still to come
            break
        elif cur.dep_ == "ccomp" and head.lemma_.lower() in MANDATIVE_VERBS and _subjunctive(cur):
            planned = True
            break
        else:
            break
    return "planned" if planned else "occurred"


ALLEGING_VERBS = frozenset({"accuse", "charge", "suspect"})


def _summed(clause, denial, g: dict) -> bool:
    """"X accused Y of spying, a charge Y denies": the parser may make the charge the denial's
    complement; a clause that a noun after it sums up was made, and only its claim is denied."""
    noun = summary_noun(denial, g["summary_nouns"])[0]
    return noun is not None and clause.i < noun.i


def _alleged(verb) -> bool:
    """The act of "accused X of doing", "suspected of doing": what one party alleges of another."""
    prep = verb.head
    return verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.lemma_.lower() in ALLEGING_VERBS


def _promised_gerund(verb, g: dict) -> bool:
    """The gerund of "to" after a promising verb or adjective: "committed to providing"."""
    prep = verb.head
    return verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ == "to" and prep.head.i != prep.i \
        and promising_head(prep.head, g)


def promising_head(word, g: dict) -> bool:
    """A word whose "to" promises what follows: "committed to", "pledged to"."""
    return word.lemma_.lower() in g["plan_verbs"] or word.lower_ in COMMITTED_ADJECTIVES


def _own_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _listed_after_infinitive(verb, head, g: dict) -> bool:
    """"We commit to continue providing aid, imposing sanctions ...": the parse hangs the later items
    of the promised list on the promising verb; they are promised like the first."""
    return verb.dep_ == "advcl" and head.lemma_.lower() in g["plan_verbs"] and any(
        c.dep_ == "xcomp" and c.i < verb.i and any(a.lower_ == "to" for a in c.children) for c in head.children)


def _subjunctive(verb) -> bool:
    """"that the minister travel", "that talks be held": the bare form after a that-clause's subject."""
    if any(c.dep_ == "aux" for c in verb.children):
        return False
    if any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children):
        return True
    return (verb.tag_ in ("VB", "VBP") or _misread_verb(verb)) and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _misread_verb(tok) -> bool:
    """"asked that the minister visit Peru": the tagger reads the bare verb as a noun, yet it heads a
    that-clause with a subject of its own."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ccomp" and _own_subject(tok) and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _ordered_own(verb, head, hl: str) -> bool:
    """"ordered his military to put forces on alert", "instructed troops to withdraw": a leader's order
    to those under them sets the act in train, as a decision does. An order to a named state or
    person ("ordered Japan to withdraw") is a demand on another party, not its act."""
    if hl not in COMMAND_VERBS or verb.dep_ != "xcomp":
        return False
    return all(not t.ent_type_ and t.pos_ == "NOUN" for t in head.children if t.dep_ == "dobj")


def _performed(verb, head, hl: str, g: dict) -> bool:
    """"My delegation wishes to express its appreciation", "it is my pleasant duty to extend our
    congratulations": a present wish or duty to perform a speech act is the act."""
    if verb.lemma_.lower() not in SPEECH_ACTS:
        return False
    if hl in PERFORMATIVE_WISHES:
        return head.tag_ in ("VBZ", "VBP")
    return hl == "be" and head.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "attr" and c.lemma_.lower() in PERFORMATIVE_NOUNS for c in head.children)


def _polite_speech_act(verb) -> bool:
    """"I should like to begin by warmly congratulating you", "allow me to thank", "we would like to
    take this opportunity to express": a speech act that the speaker frames with a polite wish or a
    request for leave is performed by saying it, not wished for."""
    if verb.lemma_.lower() not in SPEECH_ACTS:
        return False
    cur = verb
    for _ in range(5):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("xcomp", "advcl", "pcomp", "prep", "acl", "dobj"):
            return False
        hl = head.lemma_.lower()
        if hl == "like" and any(c.dep_ == "aux" and plain_form(c) in ("would", "should", "'d") for c in head.children):
            return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children)
        if hl == "want" and head.tag_ == "VBP" and not any(c.dep_ in ("aux", "neg") for c in head.children):
            # a speaker's "I want to thank you", "we want to welcome": said, not wished for
            return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children)
        if leave_to_speak(head) is not None:
            return True
        cur = head
    return False


def _measure_taken(verb, head, hl: str, g: dict) -> bool:
    """"announced new measures to isolate Iran's central bank", "took steps to restrict ...": the
    measures are the act; the infinitive says what they do, not what someone hopes to do."""
    return verb.dep_ in ("acl", "relcl") and hl in g["measure_nouns"] and head.dep_ in ("dobj", "nsubjpass")


def looking_forward(verb) -> bool:
    return verb.lemma_.lower() == "look" and any(c.dep_ == "advmod" and c.lower_ == "forward" for c in verb.children)


def awaiting(verb) -> bool:
    """"await", "anticipate", "look forward (to)": what the verb governs is still to come."""
    return verb.lemma_.lower() in AWAITING_VERBS or looking_forward(verb)


def awaited(tok) -> bool:
    """"look forward to visiting Peru", "look forward to the visit", "await the visit": an event
    that a party looks forward to is still to come."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in AWAITING_VERBS:
        return True
    prep = tok.head if tok.dep_ in ("pobj", "pcomp") else None
    if prep is None or prep.lower_ != "to":
        return False
    return looking_forward(prep.head)


def stated_resolve(tok, g: dict) -> bool:
    """"shared a determination to conclude", "expressed their desire to sign": a resolve stated as
    such (not "need to agree", which only says what is wanting)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else governing_verb(tok)
    noun = verb.head if verb is not None and verb.dep_ == "acl" else None
    stater = governing_verb(noun) if noun is not None and noun.lemma_.lower() in g["desire_nouns"] else None
    return stater is not None and stater.lemma_.lower() in g["resolve_verbs"]


def _purpose_of_trip(head, g: dict) -> bool:
    """"took a train to visit Kyiv": an infinitive of purpose after a travel verb happened."""
    verb = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
    return verb is not None and verb.lemma_.lower() in g["purpose_heads"]


# degree words the parser may hang a verb's negation on ("does not so much support the war as ...",
# "did not even condemn"); "not only condemned X but also ..." affirms, so "only" is not one
NEGATED_DEGREES = {"much", "even", "always", "quite", "entirely", "fully", "necessarily"}


def _negation_below(child) -> bool:
    """A negation the parser hangs on the verb's auxiliary ("does" of "does not support") or on a
    degree word ("not so much")."""
    return (child.dep_ in ("aux", "auxpass") or child.dep_ in ("advmod", "amod", "nsubj") and child.lower_ in NEGATED_DEGREES) \
        and any(c.dep_ == "neg" for c in child.children)


def _clause_modality(verb, g: dict) -> str | None:
    if any(c.dep_ == "neg" or _negation_below(c) for c in verb.children):
        return "skip"  # "would not send": the negation wins over the modal, whatever their order
    for child in verb.children:
        low = plain_form(child)
        if child.dep_ == "neg":
            return "skip"
        if child.dep_ == "mark" and low in g["conditional_marks"]:
            return "skip"
        if child.dep_ in ("aux", "auxpass"):
            if low in g["future_aux"] or (low == "to" and verb.dep_ == "ROOT"):
                return "planned"  # "Kishida to visit Kyiv": a headline's infinitive announces
            if low in g["hypothetical_aux"]:
                return "planned" if low == "would" and _reported(verb, g) else "skip"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in g["conditional_marks"] for c in verb.children):
        return "skip"
    return None


def _reported(verb, g: dict) -> bool:
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_.lower() in g["reporting_verbs"] and head.tag_ in ("VBD", "VBN")


def menacing(tok, g: dict) -> bool:
    """"will respond accordingly", "if X happens, Y will respond": a reply that menaces."""
    return any(c.dep_ == "advmod" and c.lower_ in g["menace_adverbs"] for c in tok.children) or condition_of(tok) is not None


def past_tense(tok, kind: str) -> bool:
    verb = tok if kind != "noun" else governing_verb(tok)
    return verb is not None and verb.tag_ == "VBD"


def habitual(tok, kind: str) -> bool:
    """A verb in the simple present with no auxiliary describes what a party does, not an act."""
    return kind != "noun" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def imperative(tok) -> bool:
    return tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "aux", "nsubjpass") for c in tok.children)


PROMISING_VERBS = ("pledge", "promise", "commit", "offer")


def announced(tok, kind: str = "noun") -> bool:
    """Aid announced or promised rather than delivered: "announced a $5 million package", "pledged $12 billion"."""
    if kind != "noun":
        return tok.lemma_.lower() in PROMISING_VERBS
    gov = governing_verb(tok)
    return gov is not None and gov.lemma_.lower() in ("announce", "unveil", "approve", *PROMISING_VERBS)
