"""Actors, recipients and places of an event, read from the dependency parse and
coded through the entities layer (`DocContext.entities`)."""
from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.extract.events.agents import (
    acts_for, acts_for_state, agent_index, agent_of, american, counted_head, names_a_force,
)
from pipeline.extract.events.context import DocContext
from pipeline.extract.events.modifiers import made_by, name_modifier, names_the_text
from pipeline.extract.events.view import EntityView
from pipeline.extract.events.syntax import after_closed_list, coordinated_heads, member_states, named_by_free_relative, possessor, sent_of
from pipeline.extract.first_person import speaking_entity

RECIPIENT_PREPS = ("with", "to", "against", "on", "upon", "from", "toward", "towards", "into", "for", "between", "at", "over", "around")
PLACE_PREPS = ("to", "in", "at", "into", "for")
# "concerns about China's practices", "anger over Russia's strikes": what the object is about
INSIDE_PREPS = ("of", "against", "between", "with", "on", "toward", "towards", "into", "to", "from", "by", "for", "about", "over", "regarding", "around", "including")
SKIP_IN_PHRASE = {"prep", "relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "ccomp", "parataxis"}
PARTY_TYPES = ("person", "state", "igo", "organization", "group")
# people who act for the states of their "of"/"from" phrase: "defence chiefs from A, B and C"
ROLE_NOUNS = {"chief", "head", "representative", "delegate", "counterpart", "commander", "secretary", "negotiator",
              "advisor", "adviser", "chair", "chairperson", "chairman", "chairwoman", "director"}
# plurals that act for the body named on them ("G7 leaders", "NATO allies", "ASEAN partners");
# other plurals stay a group of members the text does not break down ("UN member states")
BODY_MEMBERS = ("official", "leader", "minister", "ally", "partner")
SPOKESPEOPLE = ROLE_NOUNS | {"leader"}
# "the two leaders", "both sides", "all three countries": the size of the group a phrase refers to
GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4}


@dataclass
class Party:
    name: str
    entity_id: str | None
    code: str | None
    etype: str | None
    token_i: int | None = None   # head token in the parse, for spans
    group: bool = False
    agent: str | None = None     # the Phoenix role of an agent noun ("COP" for police), see agents.py
    for_state: bool = False      # an agent acting for a state: the place of the event may code it

    @classmethod
    def of(cls, ent, token_i: int | None = None, *, name: str | None = None, code: str | None = None,
           etype: str | None = None, place: bool = False) -> "Party":
        """The party an entity names (an entities-layer entity or spaCy's stand-in, hence getattr):
        `name` where it has none, `code` where the caller decided it, `etype` to override its type."""
        return cls(getattr(ent, "name", name), getattr(ent, "entity_id", None),
                   code if code is not None else entity_code(ent, place=place),
                   etype or getattr(ent, "entity_type", None), token_i)


def entity_code(ent, place: bool = False) -> str | None:
    code = getattr(ent, "code", None)
    if code:
        return code
    if place or getattr(ent, "entity_type", None) in ("person", "organization", "location"):
        return getattr(ent, "country_code", None)
    return None


def _spokespeople(tok) -> bool:
    """A plural of people who speak for others ("leaders", "negotiators"); one titled official is a
    person of their own."""
    return tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in SPOKESPEOPLE


def _spoken_for(tok, party: Party) -> bool:
    """"Leaders of the farmers' federation FENAGRI", "representatives of the union": people who speak
    for a named organisation stand for it, coded or not."""
    return party.etype == "organization" and _spokespeople(tok)


def _speaks_for(tok, prep) -> bool:
    """"Negotiators for the government and the rebels": people who speak for parties name them with "for"."""
    return prep.lower_ == "for" and _spokespeople(tok)


def phrase_tokens(tok) -> list:
    """The noun phrase of `tok` without its prepositional, relative and coordinated parts."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in SKIP_IN_PHRASE:
            out.extend(phrase_tokens(child))
    return sorted(out, key=lambda t: t.i)


def _bare_title(tok, toks) -> bool:
    """"the President", "the Vice President": a title with nothing but "the" and title words on it,
    and no "of" phrase naming whose office it is."""
    return tok.pos_ in ("PROPN", "NOUN") and toks[0].lower_ == "the" and len(toks) <= 4 \
        and all(t.dep_ in ("det", "compound", "amod") or t.i == tok.i for t in toks) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _coordinated_states(tok, inside: list) -> list:
    """The states of coordinated modifiers on a plural ("Chinese and Russian warplanes"), when there
    are two or more; otherwise none. A state's body counts as its state ("Kenyan and Ugandan
    soldiers", where "Ugandan soldiers" reads as Uganda's armed forces)."""
    modifiers = [t for t in tok.subtree if t.i < tok.i]  # "Ivorian and Burkinabe army chiefs": on "army"
    if tok.tag_ not in ("NNS", "NNPS") or not any(c.dep_ in ("amod", "compound", "nmod") and any(g.dep_ == "conj" for g in c.children)
                                                 for c in modifiers):
        return []
    seen: set[str] = set()
    states = []
    for e in inside:
        code = entity_code(e)
        if getattr(e, "entity_type", None) in ("state", "organization") and code and code not in seen:
            seen.add(code)
            states.append(e)
    return states if len(states) >= 2 else []


def _span_of(tokens) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


class ArgReader:
    """Turns parse tokens into coded parties for one document."""

    def __init__(self, ctx: DocContext, grammar: dict):
        self.view = EntityView(ctx)
        self.grammar = grammar
        self.group_nouns = set(grammar.get("group_nouns", []))
        self.body_heads = set(grammar["body_heads"])
        self.group_names = {g.lower() for g in grammar.get("group_names", [])}
        self.pair_words = set(grammar.get("pair_words", []))
        self.pair_nouns = set(grammar.get("pair_nouns", []))
        # "the Japanese government", "Chinese coast guard ships": nouns that act for the state named on them
        self.acting_nouns = set(grammar.get("acting_nouns", []))
        self.weapon_nouns = set(grammar["weapon_nouns"])
        self.context_pair: list[Party] = []
        self.context_at = -10**9  # text offset where context_pair was last named
        self.last_group: list[Party] = []  # the parties of the last joint event, a subgroup of context_pair or not
        from pipeline.extract.events.voices import Voices  # voices builds on Party

        self.voices = Voices(self.view, grammar, ctx)  # transcript labels and quotation speakers
        self.list_pairs: list[tuple[int, list[Party]]] = []   # (offset, parties) of commitment list items
        self.lead_groups: list[tuple[int, int, list[Party]]] = []  # items whose subject a lead-in names (lists.py)
        self.following: list[tuple[int, int, list[Party]]] = []  # "the following leaders:" lead-ins and their items' parties
        self.speaker = speaking_entity(ctx)  # the state a speech speaks for: its "we" and "my Government"
        self.narrator_at, self.narrator = _groups().narrator_group(self, ctx.doc)  # "We, the leaders of A and B"
        self.with_agents = False  # agent nouns as parties: only for readings that find no party otherwise

    def party(self, tok, place: bool = False) -> list[Party]:
        """The parties a noun-phrase head names (several for "the two leaders")."""
        if tok.pos_ == "PRON":
            return _pronouns().pronoun_parties(self, tok)
        if body := self._named_body(tok):
            return body  # before the counted noun: "group" also counts ("a group of protesters")
        outer, tok = tok, counted_head(tok, self.grammar["quantity_nouns"])  # "thousands of Israelis"
        toks = phrase_tokens(tok)
        group = _groups().named_group(self, tok, toks)
        if group:
            return group
        if both := _coordinated_states(tok, self.view.within(*_span_of(toks))):
            return [Party.of(e, tok.i) for e in both]  # "Russian and Chinese bombers": each state's
        ent = self.view.at(tok.idx, tok.idx + len(tok))
        if ent is None and tok.pos_ != "PROPN":
            inside = [e for e in self.view.within(*_span_of(toks)) if getattr(e, "entity_type", None) in PARTY_TYPES + ("location",)]
            ent = inside[0] if inside else None
            if ent is not None and tok.lemma_.lower() not in self.group_nouns | self.pair_nouns | self.acting_nouns \
                    and tok.lemma_.lower() not in self.weapon_nouns and not acts_for(tok, ent, self.grammar):
                ent = None  # "the Japanese economy" is not a party
            elif ent is not None and tok.lemma_.lower() in self.group_nouns and tok.tag_ in ("NNS", "NNPS") \
                    and getattr(ent, "entity_type", None) != "state" and tok.lemma_.lower() not in BODY_MEMBERS:
                ent = None
        text = " ".join(t.text for t in toks)
        if ent is None and (tok.lemma_.lower() in self.group_nouns | self.pair_nouns | self.acting_nouns | ROLE_NOUNS
                            or tok.pos_ == "PROPN"):
            listed = self._of_list(tok, place)
            if listed:
                return listed
        if ent is not None and tok.lower_.endswith("s") and tok.tag_ in ("NNS", "NNPS", "NNP"):
            listed = self._of_list(tok, place)
            if len(listed) >= 2:
                return listed  # "the National Security Advisors of A, B and C": a name over the first only
        if ent is not None and not entity_code(ent) and getattr(ent, "entity_type", None) == "person":
            ent = _with_country(ent, self.view.within(*_span_of(toks)))
            if not entity_code(ent):
                ent = _with_country(ent, self._of_state(tok))  # "President Yoon of the Republic of Korea"
            if not entity_code(ent):
                ent = _with_country(ent, self._role_in_apposition(tok))  # "Mr. Bauer, Austria's ambassador"
        if ent is not None:
            if getattr(ent, "entity_type", None) == "location" and not place and not entity_code(ent, place=True):
                return []
            code = entity_code(ent, place=place or getattr(ent, "entity_type", None) == "location")
            return [Party.of(ent, tok.i, name=text, code=code or self._force_owner(tok))]
        if ent is None and (owned := self._owned_force(tok, text, outer)):
            return owned
        if ent is None and (back := _pronouns().referred_back(self, tok)):
            return back  # "sanctions on the country": the state named last
        if officer := self.voices.assembly_officer(tok, toks):
            return officer  # "our thanks to your predecessor", "to the Secretary-General" in a speech to the UN
        holder = self.voices.office_holder(text) if _bare_title(tok, toks) else None
        if holder is not None:
            return [Party.of(holder, tok.i)]  # "The President met ..." in a text the White House publishes
        agent = self._agent(outer, tok)
        if agent:
            return agent
        if self._is_group(tok, text):
            if self._of_a_region(tok):
                text = tok.doc[tok.left_edge.i:max(c.right_edge.i for c in tok.children if c.dep_ == "prep") + 1].text
            return [Party(text, None, None, "group", tok.i, group=True)]
        return []

    def _force_owner(self, tok) -> str | None:
        """"Japan's Amphibious Rapid Deployment Brigade": a named force a state owns acts for it."""
        if not names_a_force(tok, self.grammar["force_names"]):
            return None
        owners = [p for c in tok.children if c.dep_ == "poss" for p in self.party(c)]
        return owners[0].code if len(owners) == 1 and owners[0].etype == "state" else None

    def _owned_force(self, tok, text: str, outer=None) -> list[Party]:
        """"Israel said its jets struck ...", "said four of its fleets patrolled": forces, weapons and
        offices that the subject of a reported clause owns through "its" or "their" act for the state
        or body that reports it (`outer` is the phrase's head when `tok` is the thing counted)."""
        word = tok.lemma_.lower()
        if word not in self.acting_nouns | self.weapon_nouns and not acts_for_state(tok):
            return []
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        subj = outer if outer is not None else tok
        if owner is None or subj.dep_ not in ("nsubj", "nsubjpass") or subj.head.dep_ != "ccomp":
            return []
        said = subj.head.head  # "Israel said its jets struck ...": the reporting subject owns them
        if said.lemma_.lower() not in self.grammar.get("reporting_verbs", ()):
            return []
        found = [p for c in said.children if c.dep_ == "nsubj" and c.pos_ != "PRON" for p in self.parties(c)]
        return [replace(p, name=text, token_i=tok.i) for p in found if p.code and p.etype != "person"]

    def _agent(self, outer, head) -> list[Party]:
        """"police in Nairobi", "thousands of protesters" (`outer`, counting `head`): an agent noun
        the entities layer does not name. One acting for a state takes the state of the place its
        "in", "from" or "of" phrase names, else none until the event's place codes it (rows.py);
        other agents keep no code."""
        agent = agent_of(head)
        if agent is None or (agent.names_a_person and head.tag_ not in ("NNS", "NNPS")):
            return []  # a titled person ("the defence minister") is the entities layer's to resolve; "soldiers" are not one
        named = [g for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of")
                 for g in prep.children if g.dep_ == "pobj"]
        # "Belarus's charge d'affaires in Warsaw": the owner named by a possessive, not where the agent serves
        owner = next((c for g in head.children if g.dep_ == "poss" and (c := self.place(g)[1])), None)
        code = owner if owner and agent.acts_for_state else next((c for g in named if (c := self.place(g)[1])), None)
        if code and not agent.acts_for_state:
            return []  # "refugees from Somalia": the state named inside is the party (parties_inside)
        if not self.with_agents and not (code and agent.acts_for_state):
            return []  # only "the junta in Bamako", "authorities in Beijing" act for a state in every type
        toks = phrase_tokens(outer) + ([] if head is outer else [t for t in phrase_tokens(head) if t.i > outer.i])
        text = outer.doc[toks[0].i:max(t.i for t in toks) + 1].text
        return [Party(text, None, code, "agent", outer.i, agent=agent.role_code, for_state=agent.acts_for_state)]

    def _of_state(self, tok) -> list:
        """The entities of a person's "of" phrase: "Prime Minister Luxon of New Zealand"."""
        return [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj" for e in self.view.within(*_span_of(phrase_tokens(g)))]

    def _role_in_apposition(self, tok) -> list:
        """The states named in an office set beside a person's name ("Mr. Bauer, Austria's ambassador"):
        the office says whom the person acts for. A description that is no office ("China's critic")
        says nothing of the kind."""
        return [e for c in tok.children if c.dep_ == "appos" and _an_office(c)
                for e in self.view.within(*_span_of(phrase_tokens(c)))]

    def _of_list(self, tok, place: bool) -> list[Party]:
        """"the foreign ministers of Chile and Peru", "defence chiefs from A, B and C": the states listed."""
        for child in tok.children:
            if child.dep_ == "prep" and (child.lower_ in ("of", "from") or _speaks_for(tok, child)):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.parties(pobj, place)
                        if found and all(p.code or _spoken_for(tok, p) for p in found):
                            return found
        return []

    def _is_group(self, tok, text: str) -> bool:
        low = text.lower().removeprefix("the ").strip()
        if low in self.group_names or any(g in low for g in self.group_names if " " in g):
            return True
        return tok.lemma_.lower() in self.group_nouns and tok.tag_ in ("NNS", "NNPS") and \
            (any(c.dep_ in ("amod", "compound", "nummod") for c in tok.children) or self._of_a_region(tok))

    def _of_a_region(self, tok) -> bool:
        """"the countries of the region", "leaders of the Pacific": a group named by where it is."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if pobj.lemma_.lower() in self.grammar.get("region_nouns", ()) or pobj.ent_type_ in ("LOC", "GPE"):
                    return True
        return False

    def _named_body(self, tok) -> list[Party]:
        """"the BRICS group of emerging economies", "the Quad grouping": a body's name on a common noun
        for a body is that body, whatever an "of" phrase after it says its members are."""
        if tok.lemma_.lower() not in self.body_heads:
            return []
        for c in tok.children:
            ent = self.view.at(c.idx, c.idx + len(c)) if c.dep_ == "compound" and c.pos_ == "PROPN" else None
            if getattr(ent, "entity_type", None) == "igo" and entity_code(ent):
                return [Party.of(ent, tok.i)]
        return []

    def parties(self, tok, place: bool = False) -> list[Party]:
        """Parties of a head and its coordinated heads ("Japan, India and Australia")."""
        out: list[Party] = []
        heads = coordinated_heads(tok)
        for head in heads:
            found = self.party(head, place)
            if not found or all(p.agent and not p.code for p in found):
                # "the Defence Minister, Kihara Minoru": the name in apposition, over the bare role
                found = [p for a in head.children if a.dep_ == "appos" for p in self.parties(a, place)] or found
            out.extend(found)
        if out and tok.dep_ == "pobj":
            out.extend(_groups().list_tail(self, heads[-1]))
        return unique_parties(out)

    def parties_inside(self, tok, place: bool = False, besides: tuple = (), conjuncts: bool = True) -> list[Party]:
        """Parties named inside a non-party object: "the actions of China", "Russia's aggression";
        owners coded as one of `besides` (the actor's "its cooperation with Korea") are skipped.
        An object that names none reads its conjuncts: "condemned the coup and the military's attacks"."""
        found = self._inside(tok, place, besides)
        if conjuncts and not any(p.code for p in found):
            for conj in tok.conjuncts:
                more = self._inside(conj, place, besides)
                if any(p.code for p in more):
                    return more
        return found

    def _inside(self, tok, place: bool, besides: tuple) -> list[Party]:
        direct = self.parties(tok, place)
        if direct and not all(p.agent and not p.code for p in direct):
            return direct  # "refugees from Ukraine": a bare agent gives way to the party inside it
        if member_states(tok):
            return direct  # "all UN Member States": the body's members, a group the text does not break down
        owners = [p for c in tok.children if possessor(c) or name_modifier(c)
                  for p in self.party(c, place) if not (p.code and p.code in besides) and not names_the_text(p, c)]
        if owners:
            return unique_parties(owners)  # "condemned Russia's aggression against Ukraine": the owner is the target
        out: list[Party] = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in INSIDE_PREPS:
                for pobj in [*(c for c in child.children if c.dep_ == "pobj"), *named_by_free_relative(child)]:
                    out.extend(self.parties(pobj, place) or self._one_level(pobj, place))
        return unique_parties(out) or direct

    def _one_level(self, tok, place: bool) -> list[Party]:
        out: list[Party] = []
        for child in tok.children:
            if possessor(child) or name_modifier(child):
                out.extend(p for p in self.party(child, place) if not names_the_text(p, child))
            elif (maker := made_by(child)) is not None:
                out.extend(self.party(maker, place))  # "imports of Chinese-made vehicles"
            elif child.dep_ == "prep" and child.lower_ in ("with", "to", "toward", "towards", "by", "between"):
                # "relations with Russia", "attempts by China", "cooperation between Russia and the DPRK"
                out.extend(p for pobj in child.children if pobj.dep_ == "pobj" for p in self.parties(pobj, place))
            elif child.dep_ == "prep" and child.lower_ == "of" and not out:
                # "support for the goal of the ROK's initiative": the owner one "of" further down;
                # "commitment to the defense of Japan": a name one "of" down
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    out.extend(p for c in pobj.children if possessor(c) for p in self.party(c, place))
                    out.extend(p for c in pobj.children if (maker := made_by(c)) is not None
                               for p in self.party(maker, place))
                    out.extend(self.parties(pobj, place) if pobj.pos_ == "PROPN" else [])
        return out

    def parties_left_of(self, verb) -> list[Party]:
        """Parties named right before a verb ("..., the United States and Japan have launched"), for
        clauses whose parse lost the subject (a heading run into the sentence)."""
        if _a_company(next((c for c in verb.children if c.dep_ == "nsubj"), None)):
            return []  # "an Indonesian carmaker signed": the subject is there, a company, no party (codebook section 6)
        i, skipped = verb.i - 1, 0
        sent_start = sent_of(verb).start
        while i >= sent_start and (verb.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod") or verb.doc[i].is_space) \
                and not self._named_acronym(verb.doc[i]):
            i -= 1
        end, start = i, i
        if end < sent_start or (verb.doc[end].pos_ not in ("PROPN", "NOUN") and not self._named_acronym(verb.doc[end])):
            return []
        while start - 1 >= sent_start and not verb.doc[start - 1].is_space and skipped < 12:
            prev = verb.doc[start - 1]
            if not (prev.pos_ in ("PROPN", "DET", "CCONJ", "ADJ") or prev.text in (",", "-")):
                break
            start, skipped = start - 1, skipped + 1
        if end < start or end < sent_start:
            return []
        start = after_closed_list(verb.doc, start, end)
        out: list[Party] = []
        for ent in self.view.within(verb.doc[start].idx, verb.doc[end].idx + len(verb.doc[end])):
            code = entity_code(ent)
            if code and getattr(ent, "entity_type", None) in PARTY_TYPES:
                out.append(Party.of(ent, verb.doc[end].i, name=code, code=code))
        return unique_parties(out)

    def _named_acronym(self, tok) -> bool:
        """"USAID will provide ...", "IGAD called for ...": the small parser tags an acronym it does not
        know, at the start of a sentence, as an adverb or auxiliary; the entities layer still names it."""
        return tok.is_upper and len(tok) > 1 and any(
            entity_code(e) for e in self.view.within(tok.idx, tok.idx + len(tok)))

    def place_within(self, tok) -> list[Party]:
        """The first coded place named in a noun phrase, its clauses left out."""
        todo, seen = [tok], 0
        while todo and seen < 40:
            cur = todo.pop(0)
            seen += 1
            name, code = self.place(cur)
            if code:
                return [Party(name, None, code, "location", cur.i)]
            todo.extend(c for c in cur.children if c.dep_ not in ("relcl", "acl", "ccomp", "advcl", "conj", "cc"))
        return []

    def place(self, tok) -> tuple[str | None, str | None]:
        ent = self.view.at(tok.idx, tok.idx + len(tok))
        if ent is None or getattr(ent, "entity_type", None) not in ("location", "state"):
            return None, None
        return getattr(ent, "name", tok.text), entity_code(ent, place=True)


def _groups():
    from pipeline.extract.events import groups  # groups builds on Party and this module's helpers

    return groups


def _pronouns():
    from pipeline.extract.events import pronouns  # pronouns builds on Party and the reader

    return pronouns


def _an_office(tok) -> bool:
    """A role or an agent of the dictionary, also where the tagger took the title for a name
    ("Charge d'Affaires" tagged as an organisation)."""
    words = [t.lower_ for t in tok.lefts if t.dep_ == "compound"] + [tok.lower_]
    return tok.lemma_.lower() in ROLE_NOUNS or agent_of(tok) is not None or american(" ".join(words)) in agent_index()


def _with_country(ent, inside: list):
    """A person the gazetteer lacks, named with a nationality word ("Japanese Minister X") or with the
    place whose office they hold ("Istanbul mayor Ekrem Imamoglu" is TUR)."""
    for other in inside:
        code = entity_code(other, place=True)
        if code and getattr(other, "entity_type", None) in ("state", "location") and other is not ent:
            try:
                return replace(ent, code=code, country_code=code)
            except TypeError:
                return ent
    return ent


def _a_company(tok) -> bool:
    agent = agent_of(tok) if tok is not None and tok.pos_ == "NOUN" else None
    return agent is not None and agent.role_code == "BUS"


def unique_parties(parties: list[Party]) -> list[Party]:
    """Each party once, in order: by code, or by name where it has none."""
    seen, out = set(), []
    for p in parties:
        key = (p.code, p.name) if p.code is None else p.code
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
