"""Convert the Phoenix actor and agent dictionaries (PETRARCH-2, MIT) into diplodata's data files.

usage: python scripts/build_actor_dictionary.py [RESOURCES_DIR]   (default ../shared/resources/petrarch2)

Writes, reproducibly (same input, same bytes):
- pipeline/data/phoenix_actors.csv: states (the country's own names and adjectives), places named
  in a country's block (cities, regions: a place, never an actor), intergovernmental bodies,
  state bodies and people, each with its code and, for people, date-ranged terms; and
  non-governmental organisations, with no code (codebook section 6);
- pipeline/data/phoenix_agents.csv: agent nouns ("ambassador", "defense minister") and the role
  code they give (GOV, MIL, MED ...), with whether the role acts for its state and whether the
  noun names one person (its last word is in PERSON_HEADS) rather than a body or a weapon.

Rules (why each filter is there):
- The Phoenix files are upper case with "_" between words. A kept name is converted to title
  case; matching later is case-insensitive but needs capitalised words in the text, so the
  common words in the files ("CHAD", "TURKEY" as birds, "JORDAN" as a given name) only match
  where spaCy NER already saw a name (see pipeline/extract/entities/phoenix.py).
- Only names of two or more words are kept for people and bodies; a one-word name is kept only
  as a country's own name or adjective or a place in its block.
- People named with a title ("FOREIGN_MINISTER_ABDULLAH") drop the title forms; forms
  containing a role word are not names.
- Phoenix codes are mapped: the first three letters are the state (USR, the Soviet Union, codes
  as RUS per the collection; KSV Kosovo as KOS; TMP East Timor as TLS); IGO codes map to the
  short names of schemas/vocab.py through IGO_CODES (unmapped UN agencies as UN, other
  unmapped bodies dropped).
- Dates: [CODE >YYMMDD] (from), [CODE <YYMMDD] (until), [CODE YYMMDD-YYMMDD]; two-digit years
  up to 14 are 20xx (the files were built in 2014), later ones 19xx; eight-digit dates are
  YYYYMMDD; a malformed date leaves that end open.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract.entities.dictionary import AGENT_COLUMNS, PHOENIX_COLUMNS  # noqa: E402  (the checker's columns)
OUT = ROOT / "pipeline" / "data"
STATE_MAP = {"USR": "RUS", "SUN": "RUS", "KSV": "KOS", "TMP": "TLS"}
# Longest prefix wins: Phoenix IGO code -> diplodata IGO code (schemas/vocab.py).
IGO_CODES = {
    "IGOUNO": "UN", "IGOUNODEVWBK": "WB", "IGOUNOHLHWHO": "WHO", "IGOUNOIAE": "IAEA", "IGOUNOJUDICJ": "ICJ",
    "IGOUNOREFHCR": "UNHCR", "IGOUNOKID": "UNICEF", "IGOUNOAGRWFP": "WFP", "IGOWSTNAT": "NATO", "IGOEUREEC": "EU",
    "IGOSEAASN": "ASEAN", "IGOBUSIMF": "IMF", "IGOBUSOPC": "OPEC", "IGOAFRAFU": "AU", "IGOASADEVADB": "ADB",
    "IGOJUDICC": "ICC", "IGOOAS": "OAS", "IGOMEAARL": "LAS", "IGOEURDEVEBR": "EBRD", "IGOBUSWTO": "WTO",
    "IGOUNOBUSWTO": "WTO", "IGOEUROSC": "OSCE", "IGOASAAPC": "APEC", "IGOSCO": "SCO", "IGOGCC": "GCC",
}
BODY_WORDS = {"ORGANIZATION", "ORGANISATION", "UNION", "COUNCIL", "COMMISSION", "BANK", "FUND", "AGENCY",
              "BUREAU", "MINISTRY", "DEPARTMENT", "ASSEMBLY", "PARLIAMENT", "COURT", "TRIBUNAL", "FORCE", "FORCES",
              "ARMY", "NAVY", "COMMITTEE", "OFFICE", "SECRETARIAT", "ALLIANCE", "PROGRAMME", "PROGRAM", "TREATY",
              "COMMUNITY", "ASSOCIATION", "CONFERENCE", "FORUM", "GROUP", "AUTHORITY", "SERVICE", "GUARD",
              "CORPS", "COMMAND", "AGENCY", "INSTITUTE", "CENTER", "CENTRE", "MISSION", "PARTY", "FRONT",
              "MOVEMENT", "LEAGUE", "NATIONS", "CABINET", "GOVERNMENT", "POLICE", "SENATE", "CONGRESS", "BOARD"}
ROLE_WORDS = {"MINISTER", "PRESIDENT", "SECRETARY", "GENERAL", "SECRETARY-GENERAL", "LEADER", "CHIEF", "PREMIER",
              "KING", "QUEEN", "PRINCE", "AMBASSADOR", "ENVOY", "SPOKESMAN", "CHAIRMAN", "ACTING", "FORMER",
              "DEPUTY", "UN", "U.N.", "UNITED", "NATIONS", "SOVIET", "FOREIGN", "DEFENSE", "DEFENCE", "PM",
              "DR", "DR.", "MR", "MR.", "MRS", "MRS.", "GEN", "GEN.", "COL", "COL.",
              "COMMANDER", "SEC.", "SECY", "PRIME"}
STATE_ROLES = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")  # an agent of these acts for its state
ACRONYMS = {"UN", "EU", "US", "UK", "USA", "NATO", "ASEAN", "OSCE", "OPEC", "IAEA", "UNSCR", "UNESCO", "UNICEF",
            "UNHCR", "IMF", "WHO", "WTO", "AU", "ICC", "ICJ", "EBRD", "ADB", "IEA", "FBI", "CIA", "NSA", "EPA"}
# Last words of agent nouns that name one person ("defense minister"), not a body or a weapon.
PERSON_HEADS = {"minister", "officer", "general", "official", "secretary", "chief", "leader", "judge", "governor",
                "agent", "representative", "president", "marshal", "lieutenant", "attorney", "soldier", "ambassador",
                "diplomat", "spokesman", "spokeswoman", "spokesperson", "envoy", "commander", "colonel", "admiral",
                "captain", "sergeant", "prosecutor", "attache", "consul", "senator", "legislator", "lawmaker",
                "deputy", "director", "adviser", "advisor", "aide", "negotiator", "delegate", "emissary", "policeman",
                "inspector", "mayor", "premier", "chancellor", "justice", "magistrate", "spy", "commissioner",
                "chairman", "chairwoman", "vice-president", "head"}
SMALL = {"of", "the", "and", "de", "del", "da", "la", "le", "du", "al", "el", "bin", "van", "von", "for", "on", "in"}


def title(name: str, acronyms: bool = False) -> str:
    """"REPUBLIC_OF_THE_CONGO_" -> "Republic of the Congo"; "KI-MOON" -> "Ki-moon"; for bodies
    (`acronyms`) short words stay upper case ("UN", "U.N.", "WFP")."""
    words = [w for w in name.strip("_ ").split("_") if w]
    out = []
    for k, w in enumerate(words):
        low = w.lower()
        if re.fullmatch(r"[IVX]+", w) and k:  # "ABDALLAH_II": a regnal number
            out.append(w)
        elif acronyms and ("." in w or not re.search(r"[AEIOUY]", w) or w in ACRONYMS):
            out.append(w)
        else:
            out.append(low if k and low in SMALL else "-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(out)


def phoenix_date(text: str) -> dt.date | None:
    digits = re.sub(r"\D", "", text)
    try:
        if len(digits) == 8:
            return dt.date(int(digits[:4]), int(digits[4:6]) or 1, int(digits[6:]) or 1)
        if len(digits) == 6:
            yy = int(digits[:2])
            return dt.date(2000 + yy if yy <= 14 else 1900 + yy, int(digits[2:4]) or 1, int(digits[4:]) or 1)
    except ValueError:
        return None
    return None


def parse_code(code: str) -> tuple[str | None, str, dt.date | None, dt.date | None]:
    """"JPNGOV 060926-070926" -> ("JPN", "GOV", 2006-09-26, 2007-09-26); unmapped -> (None, ...)."""
    parts = code.split()
    if not parts:
        return None, "", None, None
    head, when = parts[0], " ".join(parts[1:])
    start = end = None
    if when.startswith(">"):
        start = phoenix_date(when[1:])
    elif when.startswith("<"):
        end = phoenix_date(when[1:])
    elif "-" in when:
        a, b = when.split("-", 1)
        start, end = phoenix_date(a), phoenix_date(b)
    if head.startswith("IGO"):
        keys = [k for k in IGO_CODES if head.startswith(k)]
        return (IGO_CODES[max(keys, key=len)] if keys else None), head[len(max(keys, key=len)):] if keys else "", start, end
    state = STATE_MAP.get(head[:3], head[:3])
    if state != "KOS" and pycountry.countries.get(alpha_3=state) is None:
        return None, "", start, end
    return state, head[3:], start, end


def entries(path: Path) -> list[dict]:
    """Phoenix entries: {name, aliases, codes, comment} (codes without the brackets)."""
    out: list[dict] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", "", line).strip()
        if line.startswith("+"):
            if out:
                out[-1]["aliases"].append(text[1:].strip())
        elif not text:
            if out:
                out[-1]["codes"] += codes
        elif not re.match(r"[A-Z0-9]", text) or "=" in text:
            continue  # synonym sets and stray lines
        elif out and not out[-1]["codes"] and not codes:
            out[-1]["aliases"].append(text)  # a form written without its "+" before the entry's codes
        else:
            out.append({"name": text.replace(" ", "_"), "aliases": [], "codes": codes, "comment": comment})
    return out


def words(name: str) -> list[str]:
    return [w for w in name.strip("_ ").split("_") if w]


def is_body(name: str) -> bool:
    return bool(set(words(name)) & BODY_WORDS)


def entry_is_body(e: dict, codes: list) -> bool:
    """A body by its name or an alias ("NATO" + "NORTH_ATLANTIC_TREATY_ORGANIZATION"), never a titled person."""
    if set(words(e["name"])) & ROLE_WORDS - {"UN", "U.N.", "UNITED", "NATIONS", "SOVIET", "FOREIGN", "DEFENSE", "DEFENCE"}:
        return False
    return is_body(e["name"]) or (not any(a or b for _, _, a, b in codes) and any(is_body(a) for a in e["aliases"]))


def body_forms(e: dict) -> list[str]:
    forms = [f for f in [e["name"]] + e["aliases"] if not set(words(f)) & ROLE_WORDS - {"UN", "U.N.", "UNITED", "NATIONS"}]
    return [title(f, acronyms=True) for f in forms
            if is_body(f) or len(words(f)) == 1 and (words(f)[0] in ACRONYMS or "." in words(f)[0])]


def person_forms(entry: dict) -> list[str]:
    """Multi-word forms without role words, fullest first."""
    forms = []
    for form in [entry["name"]] + entry["aliases"]:
        ws = words(form)
        if len(ws) >= 2 and not set(ws) & (ROLE_WORDS | BODY_WORDS) and all(re.fullmatch(r"[A-Z][A-Z.'-]*", w) for w in ws):
            forms.append(title(form))
    return sorted(set(forms), key=lambda f: (-len(f), f))


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def country_rows(entries_: list[dict]) -> list[dict]:
    rows = []
    for e in entries_:
        codes = [parse_code(c) for c in e["codes"] if c.strip()]
        if not codes:
            continue
        code, sub, start, end = codes[0]
        name = words(e["name"])
        is_block = len(e["codes"]) == 1 and re.fullmatch(r"[A-Z]{3}", e["codes"][0].strip() or "") is not None
        if code is None:
            continue
        if is_block and "CountryInfo" not in e["comment"]:
            main = "".join(name)
            forms = [e["name"]] + e["aliases"]
            state = [title(f) for f in forms if "".join(words(f))[:4] == main[:4] and len("".join(words(f))) >= 4]
            places = [title(f) for f in forms if title(f) not in state and len("".join(words(f))) >= 4
                      and not set(words(f)) & ROLE_WORDS]
            rows.append(row(state[0] if state else title(e["name"]), "state", code, None, None, state[1:]))
            rows += [row(p, "place", code, None, None, []) for p in sorted(set(places))]
        elif entry_is_body(e, codes):
            forms = [f for f in body_forms(e) if " " in f]
            if forms and sub.startswith(STATE_ROLES):  # a state's organ acts for it; a party or company does not
                rows.append(row(forms[0], "organization", code, None, None, forms[1:]))
        else:
            forms = person_forms(e)
            if not forms:
                continue
            for c, s, a, b in codes:
                if c is not None and (s == "" or s.startswith(STATE_ROLES) or s.startswith("ELI")):
                    rows.append(row(forms[0], "person", c, s or None, (a, b), forms[1:]))
    return rows


def igo_rows(entries_: list[dict]) -> list[dict]:
    rows = []
    for e in entries_:
        if e["codes"] and all(c.strip().startswith("NGO") for c in e["codes"]):
            rows += ngo_rows(e)
            continue
        codes = [parse_code(c) for c in e["codes"] if c.strip()]
        igo = [c for c in codes if c[0] is not None and not re.fullmatch(r"[A-Z]{3}", c[0])]
        if not codes:
            continue
        if igo and (entry_is_body(e, codes) or e["name"].strip("_") in ("THE_UNITED_NATIONS", "UN", "U.N.")):
            forms = body_forms(e)
            if forms:
                rows.append(row(forms[0], "igo", igo_code(forms[0], igo[0][0]), None, None, forms[1:]))
        elif not entry_is_body(e, codes) and any(a or b for _, _, a, b in codes):
            forms = person_forms(e)
            for c, s, a, b in codes:
                if forms and c is not None and (a or b):
                    rows.append(row(forms[0], "person", c, s or None, (a, b), forms[1:]))
    return rows


def ngo_rows(e: dict) -> list[dict]:
    """A non-governmental organisation ("HUMAN_RIGHTS_WATCH [NGOHRI]"): an actor with no code
    (codebook section 6: anything but a state or an intergovernmental body codes as null), under
    its name and aliases. One-word names are kept: they are coined ("GREENPEACE", "OXFAM") or
    acronyms ("MSF"), and match only as a capitalised name the parser's NER left untagged; the
    file's placeholder entry "NGO" is the common noun, not a name."""
    forms = [title(f, acronyms=True) for f in [e["name"]] + e["aliases"] if words(f) and words(f) != ["NGO"]]
    return [row(forms[0], "organization", "", None, None, forms[1:])] if forms else []


def igo_code(name: str, code: str) -> str:
    """The UN's two chambers have their own codes (schemas/vocab.py: UNSC, UNGA)."""
    low = name.lower()
    if code == "UN" and "security council" in low:
        return "UNSC"
    if code == "UN" and "general assembly" in low:
        return "UNGA"
    if "energy agency" in low and "atomic" not in low:
        return "IEA"
    return code


def row(name, etype, code, role, dates, aliases) -> dict:
    start, end = dates or (None, None)
    return {"name": name, "entity_type": etype, "code": code, "role_code": role or "",
            "start": iso(start), "end": iso(end), "aliases": "|".join(a for a in dict.fromkeys(aliases) if a != name)}


def agent_rows(path: Path) -> list[dict]:
    """Agent nouns: "SPOKES!PERSON!" expands over the file's synonym set. "POLICE {}" is a noun with
    no plural of its own (the parse's lemma reads plurals, so the braces are not kept)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    sets = {m.group(1): [w.strip() for w in m.group(2).split(",")]
            for m in re.finditer(r"^(!\w+!)\s*=\s*(.+)$", text, re.M)}
    out = {}
    for raw in text.splitlines():
        line = raw.partition("#")[0].strip()
        m = re.match(r"^([A-Z!_.'-]+)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        noun, code = m.groups()
        variants = [noun]
        for key, subs in sets.items():
            if key in noun:
                variants = [v.replace(key, s) for v in variants for s in subs]
        for v in variants:
            phrase = v.replace("_", " ").strip().lower()
            if phrase and "!" not in phrase:
                out.setdefault(phrase, {"noun": phrase, "role_code": code,
                                        "acts_for_state": "yes" if code.startswith(STATE_ROLES) else "no",
                                        "names_a_person": "yes" if phrase.split()[-1] in PERSON_HEADS else "no"})
    return sorted(out.values(), key=lambda r: r["noun"])


def write(path: Path, rows: list[dict], columns: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "resources" / "petrarch2"
    actors = country_rows(entries(src / "Phoenix.Countries.actors.txt"))
    actors += igo_rows(entries(src / "Phoenix.International.actors.txt"))
    seen, unique = set(), []
    for r in actors:
        key = tuple(r.values())
        if key not in seen:
            seen.add(key)
            unique.append(r)
    write(OUT / "phoenix_actors.csv", unique, list(PHOENIX_COLUMNS))
    agents = agent_rows(src / "Phoenix.agents.txt")
    write(OUT / "phoenix_agents.csv", agents, list(AGENT_COLUMNS))
    print(f"{len(unique)} actor rows, {len(agents)} agent nouns")


if __name__ == "__main__":
    main()
