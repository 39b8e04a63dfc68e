"""Role resolution: titles around names ("Japanese Prime Minister X", "X, China's foreign
ministry spokesperson") and bare titles ("Japan's Prime Minister") pointing at their holder.
"""
from __future__ import annotations

import bisect
import re

from pipeline.extract.entities.dictionary import Entity
from pipeline.extract.entities.gazetteer import HONORIFICS, Lexicon, actor_entity, holder_on, state_entity
from pipeline.extract.entities.mentions import POSSESSIVE_MARKS, _country_of, _longest, _match_at, _ref_code


WINDOW = 10  # tokens searched around a name for its title


DESTINATION_PREPS = {"to", "in", "at", "on"}  # "Ambassador to Japan": Japan is not the sender


def _role_ending_at(lows: list[str], j: int, lex: Lexicon) -> tuple[int, str] | None:
    for length in range(min(lex.role_maxlen, j + 1), 0, -1):
        hit = lex.roles.get(tuple(lows[j - length + 1:j + 1]))
        if hit:
            return j - length + 1, hit
    return None


def _country_ending_at(words, lows, j, lex, sent_start, cities: bool = False) -> tuple | None:
    """(start, code, kind, value) of a state/body reference ending at token j; cities only before a local title."""
    for length in range(1, min(lex.maxlen, j - sent_start + 1) + 1):
        s = j - length + 1
        hit = lex.exact.get(tuple(words[s:j + 1]))
        if hit and _ref_code(hit):
            return s, _ref_code(hit), hit[0], hit[1]
        if hit and cities and hit[0] == "city":
            return s, hit[1], "city", hit[1]
    return None


def _portfolio_ending_at(words, lows, j, limit, lex) -> int | None:
    """Start of a written-out portfolio title ending at token j ("Minister of Health, Labour and Welfare")."""
    k, caps = j, 0
    while k > limit and j - k < 10:
        if lows[k] in ("of", "for") and caps:
            head = k - 1
            if lows[head] not in lex.heads:
                return None
            role = _role_ending_at(lows, head, lex)
            return role[0] if role and role[0] >= limit else head
        if words[k][:1].isupper() and words[k].replace("-", "").isalpha():
            caps += 1
        elif lows[k] not in (",", "and", "&", "the"):
            return None
        k -= 1
    return None


def _title_words(words: list[str]) -> str:
    text = re.sub(r"\s+([,’'])", r"\1", " ".join(words))
    return text[:1].upper() + text[1:]


def _role_behind_of(words, lows, of_at: int, limit: int, lex) -> str | None:
    """The role of "Vice Premier of the State Council of <country>": read back over the body's words."""
    k = of_at
    while k >= limit and of_at - k < 16:
        role = _role_ending_at(lows, k, lex)
        if role and role[0] >= limit and lows[k + 1] == "of":  # not "General" of "the General Council"
            return role[1]
        if lows[k] in ("of", "the", "'s", "’s", "-") or words[k][:1].isupper():
            k -= 1
            continue
        return None
    return None


def title_before(words, lows, start, sent_start, lex) -> tuple[str | None, str | None, bool]:
    """(country, title, complete) from "Japanese Prime Minister" / "U.S. Ambassador to Japan" /
    "Beijing Mayor" (complete: "Mayor of Beijing") before a name."""
    j, title, country, past, crossed = start - 1, None, None, False, False
    limit = max(sent_start, start - 2 * WINDOW)
    while j >= limit:
        port = _portfolio_ending_at(words, lows, j, limit, lex) if title is None else None
        if port is not None and port < j:
            title, j = _title_words(words[port:j + 1]), port - 1
            continue
        role = _role_ending_at(lows, j, lex)
        if role and role[0] >= limit:
            k = role[0] - 1
            k -= 1 if k >= 0 and lows[k] == "the" else 0
            if k >= 0 and lows[k] in ("to", "of", "for") and title is None:
                break  # "Assistant to the President X": not X's own title
            title = title or role[1]
            j = role[0] - 1
            continue
        local = bool(title) and title.lower() in lex.local_titles
        ref = _country_ending_at(words, lows, j, lex, limit, cities=local)
        if ref:
            s0, code, kind, value = ref
            if s0 - 1 >= limit and lows[s0 - 1] in DESTINATION_PREPS:
                j = s0 - 2
                continue
            if title is None and j == start - 1 and s0 - 1 >= limit and lows[s0 - 1] == "of":
                title = _role_behind_of(words, lows, s0 - 1, limit, lex)
            elif crossed and s0 - 1 >= limit and lows[s0 - 1] in ("of", "for"):
                break  # "A of the United States, Advisor B of Japan, and Advisor C": "of Japan" is B's
            if local and kind in ("seat", "city"):
                return code, f"{_past(title, past)} of {' '.join(words[s0:j + 1])}", True
            owner = lex.actors[value] if kind == "actor" else None
            if title and owner is not None and owner.entity_type == "organization":  # a party's officer
                the = "the " if " " in owner.name and not owner.name.lower().startswith("the ") else ""
                return code, f"{_past(title, past)} of {the}{owner.name}", True
            if title or j == start - 1:
                country = code
            break
        if lows[j] in lex.past:
            past, j = True, j - 1
            continue
        if lows[j] in lex.fillers or lows[j] in HONORIFICS or not lows[j].strip():
            crossed = crossed or (title is not None and lows[j] in (",", "and"))
            j -= 1
            continue
        break
    return country, _past(title, past), False


def _past(title: str | None, past: bool) -> str | None:
    return f"Former {title}" if title and past and not title.lower().startswith("former") else title


def country_by_as(doc, start: int, end: int, words, lows, lex) -> str | None:
    """"X ... visited China as Chairman of the Japan Association": the country of the role X acts in."""
    try:
        head = doc[start:end].root
    except IndexError:
        return None
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for prep in head.head.children:
        if prep.lower_ != "as" or prep.i < end:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or _role_ending_at(lows, obj.i, lex) is None:
                continue
            for t in list(obj.subtree)[:12]:
                m = _match_at(words, lows, t.i, lex)
                code = _ref_code(m[1]) if m else None
                if code in lex.state_names:
                    return code
    return None


def _of_country(words, lows, end, sent_end, lex) -> str | None:
    """The state of a titled name followed by "of <state>"."""
    j = end + 1 + (end + 1 < sent_end and lows[end + 1] == "the")
    if end >= sent_end or lows[end] != "of" or j >= sent_end:
        return None
    m = _match_at(words, lows, j, lex)
    return _ref_code(m[1]) if m and m[1][0] == "state" else None


def title_after(words, lows, end, sent_end, lex) -> tuple[str | None, str | None]:
    """(country, title) from an apposition: "X, China's foreign ministry spokesperson"."""
    if end >= sent_end or words[end] != ",":
        return None, None
    j, title, country, after_prep = end + 1, None, None, False
    limit = min(sent_end, end + 1 + WINDOW)
    while j < limit:
        if words[j] in (",", ".", ";", ")", ":"):
            break
        role = _longest(lex.roles, lows, j, lex.role_maxlen)
        m = _match_at(words, lows, j, lex)
        if m and _ref_code(m[1]):
            if not after_prep and country is None:
                country = _ref_code(m[1])
            j += m[0]
            after_prep = False
            continue
        if role:
            k = j - 1 - (lows[j - 1] == "the")
            if lows[k] not in ("to", "of", "for"):  # "Assistant to the President" is not a presidency
                title = title or role[1]
            j += role[0]
            continue
        after_prep = lows[j] in DESTINATION_PREPS
        j += 1
    return (country, title) if title else (None, None)


def _strip_titles(words, lows, lex) -> int:
    """Index of the first token after leading titles/country words ("Chinese President Xi" -> 2)."""
    i = 0
    while i < len(words):
        role = _longest(lex.roles, lows, i, lex.role_maxlen)
        if role:
            i += role[0]
            continue
        m = _match_at(words, lows, i, lex)
        if m and _country_of(m[1]) and i + m[0] < len(words):
            i += m[0]
            continue
        if lows[i] in lex.fillers or lows[i] in HONORIFICS:
            i += 1
            continue
        break
    return i


def _bare_titles(doc, words, lows, lex, date, resolved) -> list:
    """"Japan's Prime Minister" / "the Chinese president" with no name: the person the title is
    apposed to ("Kishida, formerly the Japanese foreign minister"), else today's holder unless
    the title is a past one ("former", "then-")."""
    n = len(words)
    taken = bytearray(n)
    for s, e, _ in resolved:
        taken[s:e] = b"\x01" * (e - s)
    people = sorted((s, e, t) for s, e, t in resolved if isinstance(t, Entity) and t.entity_type == "person")
    starts = [p[0] for p in people]
    out = []
    for j in range(n):
        if lows[j] not in lex.role_firsts and lows[j] not in COUNTERPARTS:
            continue
        role = (1, COUNTERPART) if lows[j] in COUNTERPARTS else _longest(lex.roles, lows, j, lex.role_maxlen)
        plural = lows[j] == "counterparts"  # several officials: the state, never one of them
        if not role or any(taken[j:j + role[0]]):
            continue
        end = j + role[0]
        if end < n and (doc[end].ent_type_ == "PERSON" or taken[end] and doc[end].is_title):
            continue  # a title in front of a name: the name carries the mention
        country, start = None, j
        # "Japan's Foreign Minister", and the plural's bare apostrophe: "the Philippines' Foreign Minister"
        ref = _country_ending_at(words, lows, j - 2 if j >= 2 and lows[j - 1] in POSSESSIVE_MARKS else j - 1, lex, 0) if j else None
        if ref:
            country, start = ref[1], ref[0]
        if end + 1 < n and lows[end] in ("of", "for"):
            after = _match_at(words, lows, end + 1 + (lows[end + 1] == "the"), lex)
            if not ref and after and after[1][0] == "state" and lows[end] == "of":  # "the Prime Minister of Japan"
                ref, country = after, after[1][1]
                end = end + 1 + (lows[end + 1] == "the") + after[0]
            elif words[end + 1][:1].isupper() or lows[end + 1] == "the":
                continue  # a portfolio or body follows: "Minister of Health", "Secretary of the Navy"
        owner = _apposed(doc, lows, start, end, country, role[1], people, starts, lex)
        if owner is None and (_is_past(doc, lows, start, lex) or role[1].lower().startswith("former")):
            continue
        if owner is None and not ref and not (j > 0 and lows[j - 1] == "the") and not _heading_title(doc, words, j):
            continue
        holder = owner or (None if plural else _holder(role[1], country, j, people, starts, lex, date))
        if holder is None and ref and not _is_past(doc, lows, start, lex):
            holder = state_entity(country) if country in lex.state_names else None  # nobody known: the state
        if holder is not None:
            out.append((start, end, holder))
            taken[start:end] = b"\x01" * (end - start)
    return out + _heads_of(lows, resolved + out, people, taken)


def _heading_title(doc, words, j: int) -> bool:
    """"Prime Minister announces aid for Ukraine": headlines and list items drop the article, so a
    capitalised title that opens one stands for its holder as "the Prime Minister" would."""
    return words[j][:1].isupper() and (doc[j].is_sent_start or (j > 0 and words[j - 1] in HEADING_MARKS))


HEADING_MARKS = {"-", "*", "•", "–", ":"}
COUNTERPARTS = {"counterpart", "counterparts"}
COUNTERPART = "Counterpart"  # "his Japanese counterpart": the Japanese official the document names
HEAD_WORDS = {"head", "chief", "leader", "commander", "director"}


def _heads_of(lows, resolved, people, taken) -> list:
    """"the head of US Northern Command": the person the document names in a role over that body
    (its name in their role), else the body or state itself; never a person guessed."""
    at = {s: (e, t) for s, e, t in resolved if isinstance(t, Entity)}
    out = []
    for j in range(1, len(lows) - 2):
        if lows[j] not in HEAD_WORDS or lows[j + 1] != "of" or taken[j] or lows[j - 1] not in ("the", "'s", "’s"):
            continue
        k = j + 2 + (lows[j + 2] == "the")
        if k not in at:
            continue
        end, body = at[k]
        if body.entity_type not in ("state", "organization", "igo"):
            continue
        named = [t for s, _, t in people if s < j and body.name.lower() in (t.role or "").lower()]
        out.append((j - (lows[j - 1] == "the"), end, named[-1] if named else body))
        taken[j:end] = b"\x01" * (end - j)
    return out


APPOSITION_WORDS = {"a", "an", "the", "who", "is", "was", "as", "also", "then", "now", "currently", "still"}


def _apposed(doc, lows, start, end, country, title, people, starts, lex) -> Entity | None:
    """The named person a title stands beside: "X, formerly the ... minister" or "the minister, X,"."""
    k = bisect.bisect_left(starts, start) - 1
    if k >= 0:
        s, e, ent = people[k]
        gap = range(e + 1, start)
        if (e < start and start - e <= 8 and lows[e] in (",", "(") and _same_country(ent, country)
                and all(_appositive_word(doc[i], lows[i], lex) for i in gap)):
            return ent
    k += 1
    while k < len(people) and people[k][0] < end:
        k += 1
    if k < len(people) and end + 1 < len(lows) and lows[end] == "," and people[k][0] == end + 1:
        ent = people[k][2]
        if country is not None and ent.country_code == country or (ent.role or "").lower().startswith(title.lower()):
            return ent
    return None


def _same_country(ent: Entity, country: str | None) -> bool:
    return country is None or ent.country_code in (None, country)


def _appositive_word(tok, low: str, lex) -> bool:
    return (low in lex.fillers or low in lex.past or low in APPOSITION_WORDS
            or tok.pos_ in ("ADJ", "ADV", "DET", "NUM") or tok.tag_ in ("VBG", "VBN", "JJS", "RBS"))


def _is_past(doc, lows, start, lex) -> bool:
    """"former", "then-", "ex-" among the few words before a title."""
    for i in range(start - 1, max(-1, start - 6), -1):
        if lows[i] in lex.past:
            return True
        if not _appositive_word(doc[i], lows[i], lex) or lows[i] in (",", "(", "."):
            return False
    return False


DEPUTY_WORDS = ("vice", "deputy", "under", "assistant")


def _holds(role: str | None, want: str) -> bool:
    """"the Minister" after "Foreign Minister Jaishankar": the role's title ends with the bare title
    ("Foreign Minister of India"), but a deputy's does not stand for the principal's."""
    head = (role or "").lower().split(" of ")[0]
    if head.startswith(want):
        return True
    return head.endswith(" " + want) and head.split()[0] not in DEPUTY_WORDS and not want.startswith(DEPUTY_WORDS)


def _holder(title: str, country: str | None, tok: int, people: list, starts: list, lex: Lexicon, date) -> Entity | None:
    """The person holding `title` (or an equivalent title, places.yaml) for `country`: the nearest
    such person the document names, else the gazetteer's holder on the document's date."""
    wants = (title.lower(),) + tuple(lex.title_equivalents.get(title.lower(), ()))
    k = bisect.bisect_left(starts, tok)
    order = range(k - 1, -1, -1) if k else range(len(people) - 1, -1, -1)
    if title == COUNTERPART:  # any official of that country the text names, the nearest before first
        order = list(range(k - 1, -1, -1)) + list(range(k, len(people)))
    for i in order:
        ent = people[i][2]
        if title == COUNTERPART:
            if country is not None and ent.country_code == country and ent.role:
                return ent
            continue
        if any(_holds(ent.role, want) for want in wants) and (country is None or ent.country_code == country):
            return ent
    if title == COUNTERPART:
        return None
    actor = holder_on(lex, country, title, date) if country and date is not None else None
    return actor_entity(actor, date) if actor else None
