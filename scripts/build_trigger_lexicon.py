"""Convert the field's event dictionaries into diplodata's derived trigger lexicon.

    python scripts/build_trigger_lexicon.py [RESOURCES] [--out pipeline/data/cameo_triggers.csv]

RESOURCES (default: ../shared/resources beside the repository) holds
`petrarch2/CAMEO.2.0.txt` (PETRARCH-2's CAMEO verb dictionary, MIT) and
`plover/CAMEO2PLOVER-2021.txt` (the CAMEO -> PLOVER mapping, CC BY-SA 4.0). The output is
`pipeline/data/cameo_triggers.csv` (its licence: `cameo_triggers.NOTICE.md`); running this
script again on the same resources reproduces it byte for byte.

What is taken, and how:

- **Verbs.** Every verb form of a verb block (`ACCUSE`, `+ASK_FOR`) with its own code or the
  block's code. A single word gives a lemma; `VERB_PREP` / `VERB_PARTICLE` gives a pattern with
  that preposition or particle; `VERB_NOUN` a verb + object pattern. Irregular forms in braces are
  dropped: the parse gives lemmas.
- **Patterns.** A pattern belongs to the verb its comment names (the dictionary notes the verb a
  pattern was found with; `- * HEAT [111] # PUT` is "put heat on", not "stage heat"), or to every
  verb of its block when the comment names none of them. A pattern line `- * <one constituent> [code]` with nothing before the verb (words
  there constrain the subject, which the dependency parse reads differently) and exactly one
  constituent after it: an object noun or noun phrase (`SANCTIONS`, `{HUMANITARIAN AID}`: its last
  word is its head), a particle with an object (`OUT VIEWS`), a particle alone (`FORWARD`), or a
  prepositional phrase (`(FOR TALKS)`, `(ON)`). Synonym sets (`&WEAPON`) are expanded into their
  one-word members. Longer patterns (two phrases, subject words, actor markers) are not taken:
  their extra words narrow a reading the parse cannot check one by one.
- **Nouns.** The object of a pattern found with a support verb (`STAGE * DEMONSTRATION`,
  `HOLD * TALKS`, `IMPOSE * EMBARGO`: `SUPPORT_VERBS`) names the event itself; such objects give noun entries.
- **Types.** The CAMEO code goes through the published CAMEO -> PLOVER table (the longest code
  prefix it lists), then through the few codebook decisions of `CODEBOOK_TYPES` below. Codes of
  root 01 (public statements) and codes that map to nothing are left out.
- **Redundancy.** A verb + object pattern that gives the verb's own type is left out.
- **Conflicts.** A key (lemma, or verb + particle/preposition + object) read with more than one
  type keeps the type most of its lines give; a tie leaves the key out.

Words are lower-cased; a plural object is reduced to its singular the way the parser's
lemmatiser reads it (`SANCTIONS` -> `sanction`, `SUPPLIES` -> `supply`, `TIES` -> `tie`).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.extract.trigger_lexicon import COLUMNS, WORD  # noqa: E402  (the loader's schema: one place)

DEFAULT_RESOURCES = REPO.parent / "shared" / "resources"
DEFAULT_OUT = REPO / "pipeline" / "data" / "cameo_triggers.csv"
CAMEO_FILE = Path("petrarch2") / "CAMEO.2.0.txt"
MAPPING_FILE = Path("plover") / "CAMEO2PLOVER-2021.txt"

# Codebook (docs/CODEBOOK.md section 5) decisions where it differs from the published mapping;
# each maps a CAMEO code prefix to (type, mode) with the reason.
CODEBOOK_TYPES: dict[str, tuple[str, str, str]] = {
    "02": ("REQUEST", "appeal", "appeals are REQUEST in the codebook (asking, appealing, calling on); PLOVER leaves root 02 unmapped"),
    "033": ("AID", "material", "a promised aid package is AID (status planned), the codebook's deliberate difference from PLOVER"),
    "0331": ("AID", "financial", "as 033: promised economic aid is AID, planned"),
    "0332": ("AID", "military", "as 033: promised military aid is AID, planned"),
    "0333": ("AID", "humanitarian", "as 033: promised humanitarian aid is AID, planned"),
    "0334": ("AID", "peacekeeping", "as 033: promised protection is AID, planned"),
    "036": ("CONSULT", "meeting", "an announced meeting or visit is CONSULT (status planned), the codebook's deliberate difference from PLOVER"),
    "055": ("CONCEDE", "apology", "the codebook codes apologies as CONCEDE"),
    "056": ("CONCEDE", "pardon", "forgiving and pardons are CONCEDE in the codebook"),
    "057": ("AGREE", "agreement", "signing a formal agreement is AGREE in the codebook"),
    "0871": ("CONCEDE", "ceasefire", "declared ceasefires are CONCEDE in the codebook"),
    "163": ("SANCTION", "sanctions", "sanctions, embargoes and boycotts imposed are SANCTION in the codebook"),
}
# Mode when the mapping gives none: the codebook's usual subtype of the type
DEFAULT_MODES = {
    "AGREE": "promise", "CONSULT": "meeting", "SUPPORT": "endorse", "CONCEDE": "yield",
    "COOPERATE": "cooperation", "AID": "material", "RETREAT": "de_escalate", "REQUEST": "appeal",
    "ACCUSE": "disapprove", "REJECT": "reject", "THREATEN": "threat", "PROTEST": "demonstration",
    "SANCTION": "sanctions", "MOBILIZE": "troops", "COERCE": "coerce", "ASSAULT": "attack",
}
# Modes the PLOVER table states more precisely than its mode column, by code prefix
CODE_MODES = {
    "03": "promise", "041": "phone_call", "042": "visit", "043": "visit", "045": "mediation",
    "046": "negotiation", "051": "praise", "054": "recognition", "061": "economic", "062": "security",
    "071": "financial", "072": "military", "073": "humanitarian", "074": "peacekeeping", "075": "asylum",
    "112": "allege", "138": "threat", "1312": "sanctions", "139": "ultimatum", "161": "sever_relations",
    "166": "expel", "172": "restrict", "173": "arrest", "191": "blockade",
}
# Verbs that only carry the event named by their object ("stage a demonstration")
SUPPORT_VERBS = {"hold", "stage", "conduct", "launch", "carry", "impose", "issue", "mount", "organize",
                 "organise", "undertake"}
PARTICLES = {"up", "down", "out", "off", "aside", "back", "away", "forward", "over", "in", "on",
             "together", "ahead", "through", "around", "along", "apart"}
PREPOSITIONS = {"about", "above", "across", "after", "against", "among", "as", "at", "before", "behind",
                "below", "between", "by", "during", "for", "from", "in", "into", "of", "on", "onto",
                "over", "to", "toward", "towards", "under", "upon", "with", "within", "without"}


def singular(word: str) -> str:
    """The lemma a plural object noun takes ("sanctions" -> "sanction")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")) and len(word) > 3:
        return word[:-1]
    return word


def read_mapping(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from the published table (first line of a code wins)."""
    out: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?", line)
        if m and m.group(1) not in out:
            out[m.group(1)] = (m.group(2), (m.group(3) or "").strip().replace("-", "_").replace(" ", "_"))
    return out


def code_reading(code: str, mapping: dict[str, tuple[str, str]]) -> tuple[str, str, str] | None:
    """(type, mode, code) of a CAMEO code, or None for statements and codes the table does not map."""
    if not re.fullmatch(r"\d{2,4}", code) or code.startswith("01"):
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in CODEBOOK_TYPES:
            etype, mode, _ = CODEBOOK_TYPES[code[:n]]
            return etype, mode, code
    for n in range(len(code), 1, -1):
        if code[:n] in mapping:
            etype, mode = mapping[code[:n]]
            break
    else:
        return None
    mode = next((CODE_MODES[code[:n]] for n in range(len(code), 1, -1) if code[:n] in CODE_MODES), mode)
    return etype, mode or DEFAULT_MODES[etype], code


def first_code(bracket: str) -> str:
    """"036:036" -> "036"; ":020" (the reverse party acts) -> ""."""
    return bracket.split(":")[0].strip()


def read_synonyms(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#")[0].strip()
        if text.startswith("&"):
            current = text.split()[0]
            sets[current] = []
        elif text.startswith("+") and current:
            word = text[1:].split()[0].rstrip("_").lower()
            if WORD.match(word):
                sets[current].append(singular(word))
        elif not text:
            continue
        else:
            current = None
    return sets


def expand(token: str, synonyms: dict[str, list[str]]) -> list[str]:
    """The one-word lemmas a pattern token stands for."""
    if token.startswith("&"):
        return synonyms.get(token, [])
    word = token.lower().rstrip("_")
    return [singular(word)] if WORD.match(word) else []


def constituents(post: str) -> list[tuple[str, list[str]]] | None:
    """The pattern after the verb as [('np', words) | ('pp', words) | ('word', [w])], None if unreadable."""
    out: list[tuple[str, list[str]]] = []
    for m in re.finditer(r"\(([^()]*)\)|\{([^{}]*)\}|(\S+)", post):
        if m.group(1) is not None:
            out.append(("pp", m.group(1).split()))
        elif m.group(2) is not None:
            out.append(("np", m.group(2).split()))
        else:
            out.append(("word", [m.group(3)]))
    return out


def pattern_keys(post: str, synonyms) -> list[tuple[str | None, str | None, str | None]]:
    """(particle, prep, object) keys of one pattern's right side; [] when it is not a simple shape."""
    parts = constituents(post)
    if not parts or any(w in ("$", "+", "^", "%") or w.startswith(("$", "+", "^", "%"))
                        for _, ws in parts for w in ws):
        return []
    if len(parts) == 1:
        kind, words = parts[0]
        if kind == "pp":
            prep = words[0].lower()
            if prep not in PREPOSITIONS or len(words) > 2:
                return []
            objs = expand(words[1], synonyms) if len(words) == 2 else [None]
            return [(None, prep, o) for o in objs]
        if kind == "np":
            return [(None, None, o) for o in expand(words[-1], synonyms)]
        word = words[0].lower()
        if word in PARTICLES:
            return [(word, None, None)]
        return [(None, None, o) for o in expand(words[0], synonyms)]
    if len(parts) == 2 and parts[0][0] == "word" and parts[0][1][0].lower() in PARTICLES and parts[1][0] != "pp":
        particle = parts[0][1][0].lower()
        return [(particle, None, o) for o in expand(parts[1][1][-1], synonyms)]
    return []


def read_dictionary(path: Path, mapping) -> tuple[dict, dict, dict]:
    """Votes for each verb lemma, each (verb, particle, prep, object) pattern and each noun."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    synonyms = read_synonyms(lines[:start])
    verbs: dict = defaultdict(Counter)
    patterns: dict = defaultdict(Counter)
    nouns: dict = defaultdict(Counter)
    block_code, block_verbs = None, []
    for line in lines[start + 1:]:
        text = line.split("#")[0].rstrip()
        if not text.strip():
            continue
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", text)
        if head:
            block_code, block_verbs = first_code(head.group(2)), []
            continue
        bracket = re.search(r"\[([^\]]*)\]", text)
        code = first_code(bracket.group(1)) if bracket else block_code
        body = re.sub(r"\[[^\]]*\]", "", re.sub(r"\{[^}]*\}", "", text)) if not text.startswith("-") else text
        if text.startswith("-"):
            m = re.match(r"^-\s*(.*?)\*\s*(.*?)\s*\[", text)
            if not m or m.group(1).strip() or not code:
                continue
            reading = code_reading(code, mapping)
            if reading is None:
                continue
            origin = [w.lower() for w in re.split(r"[\s,]+", line.split("#", 1)[1]) if w] if "#" in line else []
            holders = [v for v in block_verbs if v in origin] or block_verbs
            for particle, prep, obj in pattern_keys(m.group(2), synonyms):
                for verb in holders:
                    patterns[(verb, particle, prep, obj)][reading] += 1
                    if verb in SUPPORT_VERBS and obj and not particle and not prep:
                        nouns[obj][reading] += 1
            continue
        word = body.strip().split()[0] if body.strip() else ""
        if word.startswith("+"):
            pieces = word[1:].lower().split("_")
            if len(pieces) != 2 or not all(WORD.match(p) for p in pieces):
                continue
            verb, other = pieces
            block_verbs.append(verb)
            reading = code_reading(code, mapping) if code else None
            if reading is not None:
                key = (verb, other, None, None) if other in PARTICLES and other not in PREPOSITIONS else \
                    (verb, None, other, None) if other in PREPOSITIONS else (verb, None, None, singular(other))
                patterns[key][reading] += 1
            continue
        verb = word.lower()
        if not WORD.match(verb):
            continue
        block_verbs.append(verb)
        reading = code_reading(code, mapping) if code else None
        if reading is not None:
            verbs[verb][reading] += 1
    return verbs, patterns, nouns


def decide(votes: Counter) -> tuple[str, str, str] | None:
    """The reading of a key: the type most lines give (ties: none), with its first mode and code."""
    by_type: Counter = Counter()
    for (etype, _, _), n in votes.items():
        by_type[etype] += n
    ranked = by_type.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    best = ranked[0][0]
    return min((r for r in votes if r[0] == best), key=lambda r: (-votes[r], r[2], r[1]))


def render(verbs, patterns, nouns) -> str:
    """Comma-separated rows (no field holds a comma): `verb` (a lemma), `pattern` (verb + particle or preposition and/or
    object), `noun` (an event noun, in the object column); empty cells are empty strings."""
    out = [
        "# diplodata derived trigger lexicon: the CAMEO verb dictionary read as PLOVER types.",
        "# GENERATED by scripts/build_trigger_lexicon.py from PETRARCH-2's CAMEO.2.0.txt (MIT) and",
        "# CAMEO2PLOVER-2021.txt (CC BY-SA 4.0); do not edit by hand. Licence: cameo_triggers.NOTICE.md.",
        ",".join(COLUMNS),
    ]

    def row(kind, verb, particle, prep, obj, reading):
        out.append(",".join([kind, verb or "", particle or "", prep or "", obj or "", *reading]))

    for lemma in sorted(verbs):
        if (r := decide(verbs[lemma])):
            row("verb", lemma, None, None, None, r)
    for key in sorted(patterns, key=lambda k: tuple(x or "" for x in k)):
        r = decide(patterns[key])
        own = decide(verbs[key[0]]) if key[0] in verbs else None
        if not r or (own and own[0] == r[0] and not key[1] and not key[2]):
            continue  # an object that keeps the verb's own type adds nothing to the verb
        row("pattern", *key, r)
    for lemma in sorted(nouns):
        if (r := decide(nouns[lemma])):
            row("noun", None, None, None, lemma, r)
    return "\n".join(out) + "\n"


def build(resources: Path) -> str:
    mapping = read_mapping(resources / MAPPING_FILE)
    verbs, patterns, nouns = read_dictionary(resources / CAMEO_FILE, mapping)
    return render(verbs, patterns, nouns)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("resources", nargs="?", type=Path, default=DEFAULT_RESOURCES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not (args.resources / CAMEO_FILE).is_file() or not (args.resources / MAPPING_FILE).is_file():
        print(f"{args.resources}: {CAMEO_FILE} and {MAPPING_FILE} are needed", file=sys.stderr)
        return 2
    text = build(args.resources)
    args.out.write_text(text, encoding="utf-8")
    counts = Counter(line.split(",")[0] for line in text.splitlines() if not line.startswith("#"))
    print(f"wrote {args.out}: {counts['verb']} verbs, {counts['pattern']} patterns, {counts['noun']} nouns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
