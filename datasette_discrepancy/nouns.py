"""The counted noun of a figure: right after it ("800 U.S. troops", "45 of the
legislature's 87 seats"), before it, or further on in its sentence.  The vocabulary
(count nouns, collectives, canonical units) is in units.py.
"""
import re
from typing import List, Optional, Tuple

from .units import (COLLECTIVES, COMPOUND_NOUNS, CONTAINER_NOUNS, COUNT_NOUNS, DEMONYM_RE, KIND_OF, MEASURE_UNITS,
                    SPEAKER_NOUNS, TIME_UNITS, normalize_unit, pluralize)
from .qualifiers import _Raw
from .numbers import TENS_WORDS, UNITS_WORDS


_MODEL_TOKEN = re.compile(r"[ \t]*(?:\d{1,3}[A-Za-z]?|[A-Za-z]+-?\d+[A-Za-z]*)(?=[\s,])")
_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’]*(?:\.(?=[A-Za-z]\.)[A-Za-z]\.?|\.(?=\s+[a-z]))*(?:-[A-Za-z0-9]+)*)(?![\w])")
_HYPH_WORD = re.compile(r"-([A-Za-z]+)(?:-([A-Za-z]+))?")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOP = set("""
to from in on at by with for of into onto across along near and or but nor that which who whom whose
were was are is be been being will would could can may might must should shall have has had do does did
as than then so if when while after before since until per each a an the this these those their its his
her our my your they he she it we i you them him us there here not no also already still now just only
ever even yet again about around over under more most less least such what where why how all both
either neither whether because though although unless once like among amid between within without
during against toward towards upon via including plus minus i.e e.g etc said says say told according
last next ago later earlier first initially originally previously
off aboard onboard out up down away back ahead behind above below beyond inside outside through throughout
""".split())
_NONHEAD = {"more", "additional", "other", "new", "extra", "further", "fewer", "less", "total",
            "estimated", "initial", "so", "or", "some", "many", "much", "own", "odd", "strong",
            "percent", "times", "time", "way", "ways", "part", "parts", "per"}
_PEOPLE_PARTICIPLES = {"killed": "people", "dead": "people", "died": "people", "injured": "people",
                       "wounded": "people", "hurt": "people", "missing": "people", "arrested": "people",
                       "evacuated": "people", "displaced": "people", "detained": "people",
                       "rescued": "people", "hospitalized": "people", "hospitalised": "people",
                       "unaccounted": "people", "infected": "people", "affected": "people",
                       "treated": "people", "admitted": "people", "discharged": "people", "stranded": "people",
                       "trapped": "people", "sickened": "people", "vaccinated": "people", "quarantined": "people",
                       "forced": "people", "poisoned": "people", "relocated": "people", "homeless": "people"}


def _count_noun_follows(text: str, pos: int, singular_ok: bool = False, max_words: int = 3,
                        lower_only: bool = False) -> bool:
    p = pos
    for _ in range(max_words):
        wm = _WORD.match(text, p)
        if not wm:
            # percent sign
            return text[p:p + 1] == "%" or text[p:p + 2] == " %"
        w = wm.group(1)
        if lower_only and not w.islower():
            return False
        w = w.lower()
        if w in COUNT_NOUNS or w in _PEOPLE_PARTICIPLES or w in ("percent",):
            return True
        if w in _STOP:
            return False
        p = wm.end()
    return False


# -------- the noun right after a figure: "800 troops", "a 10-mile", "sets of remains", "9 killed"

_REPORTING = {"reported", "said", "say", "says", "estimated", "estimate", "counted", "gave", "put", "puts",
              "announced", "confirmed", "recorded"}
_PEOPLE_UNITS = {"troops", "people", "police", "officers", "firefighters", "workers", "migrants",
                 "protesters", "refugees", "volunteers", "residents"}
_OF_RE = re.compile(r"\s+of\s+(?:the\s+|these\s+|those\s+|them\b)?")
_PARTITIVE = re.compile(r"\s+of\s+(?:the|these|those|its|their|his|her|our|your|my|all)\s+")
_META_NOUNS = {"figure", "figures", "number", "numbers", "estimate", "estimates", "total", "totals",
               "count", "counts", "tally", "mark", "level", "threshold", "toll", "rate", "increase",
               "decrease", "rise", "drop", "jump", "fall", "gain", "loss", "reported", "cited",
               "announced", "estimated", "initially", "previously", "originally"}
_PAST_IRREGULAR = set("""took flew rose fell went came made gave ran saw left got held kept sent told
found stood began brought thought bought fought spent built paid met lost won led sat set put cut hit
say says said make makes take takes go goes come comes give gives remain remains stay stays arrive
arrives die dies live work works need needs want wants face faces join joins attend attends
cast shut struck spread fled sought caught taught drawn chosen taken given seen known shown sold
hid hidden broke broken wrote written became become becomes
slid swept crept sank sunk swam stuck bled fed wept woke drove driven rode ridden threw thrown wore worn tore
torn blew blown grew grown knew known drew sprang sprung sang rang shot lit dug hung clung flung slung swung
lies stands means includes seems appears exceeds blows flee flees escape escapes wait waits
overnight today yesterday tonight tomorrow earlier later ago apiece each alone altogether""".split())
_TIMES_MODIFIERS = {"more", "other", "separate", "different", "further", "previous"}
_CONTRACTED = {"it", "that", "there", "here", "he", "she", "what", "who", "where", "let", "how", "when", "this"}
_NUM_AFTER_POSS = re.compile(r"[ \t]+\d[\d,.]*(?=[ \t]+[A-Za-z])")


def _looks_plural(w: str) -> bool:
    return (w.endswith("s") and not w.endswith(("ss", "us", "is"))) or (w.endswith("men") and len(w) > 4)


def _noun_after(text: str, pos: int, limit: int, allow_of: bool, vague: bool = False):
    """Find the counted noun after a figure. Returns (unit, noun_phrase, end) or None."""
    p = pos
    strong = False
    words: List[Tuple[str, int, int]] = []
    # hyphenated adjective: "10-mile", "1,500-strong", "7.1-magnitude"
    hm = _HYPH_WORD.match(text, p)
    if hm and p < limit:
        w1 = hm.group(1).lower()
        if w1 == "strong":
            p = hm.end()
            strong = True
        elif w1 in ("plus", "odd"):
            p = hm.end()
        else:
            u = normalize_unit(w1)
            if hm.group(2) and normalize_unit(w1 + " " + hm.group(2).lower()) in MEASURE_UNITS:
                u = normalize_unit(w1 + " " + hm.group(2).lower())   # "a 250-square-mile area"
            return u, w1 if not hm.group(2) else hm.group(0)[1:], hm.end()
    had_of = False
    pm_ = _PARTITIVE.match(text, p)
    if pm_:
        p = pm_.end()
        had_of = True
        nm_ = _NUM_AFTER_POSS.match(text, p - 1)
        if nm_ and nm_.end() <= limit:
            p = nm_.end()   # "12 of the 20 turnstiles"
    elif allow_of:
        om = _OF_RE.match(text, p)
        if om:
            p = om.end()
            had_of = True
    if text[p:p + 1] in ("\"", "”", "'", "’") and p < limit:
        p += 1   # "up to 20" skiers: the noun after the quoted figure
    speed = _PER_HOUR.match(text, p, limit)
    if speed:
        unit = "mph" if speed.group(1).lower().startswith("mile") else "km/h"
        return unit, speed.group(0).strip(), speed.end()
    while len(words) < 7 and p < limit:
        wm = _WORD.match(text, p)
        if not wm or wm.end() > limit:
            # model names with digits: "Challenger 2 tanks", "AH-64E"
            dm_ = _MODEL_TOKEN.match(text, p)
            if dm_ and words and words[-1][0][:1].isupper() and dm_.end() <= limit:
                p = dm_.end()
                continue
            break
        w = wm.group(1).rstrip("'’")
        wl = w.lower()
        if not words and wl in ("km", "kms", "mi") and text.startswith("/h", wm.end()):
            # "60 km/h": a speed, not a distance
            return ("km/h" if wl != "mi" else "mph"), text[wm.start(1):wm.end() + 2], wm.end() + 2
        if wl.endswith(("'s", "’s")) and wl[:-2] not in _CONTRACTED:
            # a possessive determines the noun that follows: "45 of the legislature's 87 seats"
            if not words:
                p = wm.end()
                nm_ = _NUM_AFTER_POSS.match(text, p)
                if nm_ and nm_.end() <= limit:
                    p = nm_.end()
                continue
            break
        if not words and wl in _META_NOUNS:
            return None
        if wl == "times" and (not words or (len(words) == 1 and words[0][0].lower() in _TIMES_MODIFIERS)):
            # "diverted 127 times", "five times higher", "two and a half times the cap": a count of times
            return "times", text[(words[0][1] if words else wm.start(1)):wm.end(1)], wm.end(1)
        if wl in ("and", "or") and words and not _looks_plural(words[-1][0].lower()) and \
                not any(x[0].lower() in COUNT_NOUNS for x in words) and \
                _count_noun_follows(text, wm.end(), max_words=3, lower_only=True):
            p = wm.end()   # "250 temporary and contract workers": one noun, two modifiers
            continue
        if wl in _STOP and not (words == [] and wl in ("more", "other")):
            if not (wl == "of" and words and words[-1][0].lower() in CONTAINER_NOUNS):
                break
        if (wl.endswith("ly") and wl not in ("family", "ally", "italy", "july")) :
            break
        words.append((w, wm.start(1), wm.end(1)))
        p = wm.end()
    if not words:
        return None
    lw = [w[0].lower() for w in words]
    if lw[0].endswith("ed") and lw[0] not in COUNT_NOUNS and lw[0] not in _PEOPLE_PARTICIPLES and len(lw) > 1 \
            and lw[1] in ("out", "up", "off", "down", "away", "back", "in", "over"):
        return None   # "10,000 walked out": a verb, not a noun
    if lw[0] in SPEAKER_NOUNS and len(lw) > 1 and lw[1] in _REPORTING:
        return None   # "the 1,800 police reported": who gave the figure
    # participles: "9 killed", "12 injured" (but "40 dead swans" counts swans)
    adjective = lw[0] in _PEOPLE_PARTICIPLES and len(lw) > 1 and lw[1] not in _STOP and (
        lw[1] in COUNT_NOUNS or (lw[1].endswith("s") and not lw[1].endswith("ss")))
    if lw[0] in _PEOPLE_PARTICIPLES and not adjective:
        return _PEOPLE_PARTICIPLES[lw[0]], words[0][0], words[0][2]
    head = None
    i = 1 if adjective else 0
    while i < len(lw):
        if lw[i] == "of":
            i += 1
            continue
        if i > 0 and lw[i - 1] != "of" and (lw[i] in _PAST_IRREGULAR or (lw[i].endswith("ed") and lw[i] not in COUNT_NOUNS
                                                     and lw[i] not in _PEOPLE_PARTICIPLES)):
            break   # a verb ends the noun phrase: "90 fishermen remained missing"
        if i > 0 and lw[i] in _PEOPLE_PARTICIPLES and _looks_plural(lw[i - 1]) and lw[i - 1] not in _STOP:
            head = (i - 1, i - 1)   # "12 fishermen missing": the noun, not what befell it
            break
        if i + 1 < len(lw) and lw[i] + " " + lw[i + 1] in COMPOUND_NOUNS:
            head = (i, i + 1)
            break
        if i + 2 < len(lw) and " ".join(lw[i:i + 3]) in COMPOUND_NOUNS:
            head = (i, i + 2)
            break
        if lw[i] in COUNT_NOUNS:
            j = i
            while j + 1 < len(lw) and lw[j + 1] in COUNT_NOUNS and lw[j + 1] not in _PEOPLE_PARTICIPLES \
                    and lw[j + 1] not in _PAST_IRREGULAR:
                j += 1   # (not "two children dead", "one person remains missing")
            # noun compounds: "fire engines", "school buses"
            if j + 1 < len(lw) and words[j + 1][0].islower() and lw[j + 1].endswith("s") and \
                    not (lw[j].endswith("s") and not lw[j].endswith("ss")) and \
                    not lw[j + 1].endswith(("ss", "ed", "ing", "ly")) and lw[j + 1] not in _PAST_IRREGULAR \
                    and lw[j + 1] not in _META_NOUNS and lw[j] not in MEASURE_UNITS and \
                    normalize_unit(lw[j]) not in MEASURE_UNITS:
                j += 1
            head = (i, j)
            break
        i += 1
    if strong and (head is None or normalize_unit(lw[head[1]]) not in _PEOPLE_UNITS):
        return None   # "a 250-strong advance party": the count is of people, find them by anaphora
    if head is not None:
        hs, he = head
        # container: "sets of remains"
        if lw[he] in CONTAINER_NOUNS and he + 2 < len(lw) + 1 and he + 1 < len(lw) and lw[he + 1] == "of" and he + 2 < len(lw):
            he2 = he + 2
            while he2 + 1 < len(lw) and lw[he2 + 1] in COUNT_NOUNS:
                he2 += 1
            unit = normalize_unit(lw[he2])
            return unit, text[words[0][1]:words[he2][2]], words[he2][2]
        unit_phrase = " ".join(lw[hs:he + 1])
        unit = normalize_unit(unit_phrase)
        if " " in unit and unit not in MEASURE_UNITS and unit.split()[-1] in COUNT_NOUNS | {"troops", "people"}:
            # "police officers" stays; "school buses" -> "buses"
            if unit_phrase not in COMPOUND_NOUNS:
                unit = normalize_unit(lw[he])
        if he == len(words) - 1 or lw[he + 1] in _STOP:
            unit = _coordinated_kind(text, words[he][2], limit, unit) or unit
        return unit, text[words[0][1]:words[he][2]], words[he][2]
    # no known noun: take the run of noun-like words; head is the last one
    if vague and not had_of:
        return None
    k = 0
    while k < len(lw):
        wk = lw[k]
        # (a proper adjective before a lowercase plural is no name: "two young British holidaymakers")
        if k > 0 and (wk.endswith(("ed", "ing")) or wk in _PAST_IRREGULAR or
                      (words[k][0][:1].isupper() and not words[k - 1][0][:1].isupper()
                       and not (k + 1 < len(lw) and words[k + 1][0][:1].islower() and _looks_plural(lw[k + 1])))):
            break
        if k > 0 and lw[k - 1].endswith("s") and not lw[k - 1].endswith("ss") and not wk.endswith("s"):
            break   # a plural then a bare word is noun and verb: "240,000 savers wait"
        if k == 0 and wk in _PAST_IRREGULAR:
            return None
        k += 1
    if k and lw[k - 1] in _META_NOUNS:
        return None
    while k > 0 and (lw[k - 1] in _NONHEAD or lw[k - 1] == "of"):
        k -= 1
    if k == 0:
        return None
    last = lw[k - 1]
    if last.endswith(("ed", "ing")) and k == 1:
        return None
    if all(w[0][:1].isupper() for w in words[:k]) and not lw[k - 1].endswith("s") and (k > 1 or k < len(lw)):
        return None   # a name, "two Kerry Dunmore", or a proper adjective, "800 Olympic swimming pools"
    if words[k - 1][0][:1].isupper() and k == len(lw) and len(lw) == 1:
        # single capitalised word: demonym ("5,000 Peruvians") or start of a name;
        # in a headline in capitals, "400,000 BIRDS TO BE GASSED", a plural noun
        if not words[0][0].lower().endswith("s"):
            return None
        if DEMONYM_RE.match(words[0][0]):
            # a nationality counts people: "about 900 Britons are still there"
            return "people", words[0][0], words[0][2]
    unit = normalize_unit(last)
    if k == len(words) or lw[k] in _STOP:
        unit = _coordinated_kind(text, words[k - 1][2], limit, unit) or unit
    return unit, text[words[0][1]:words[k - 1][2]], words[k - 1][2]


def _kind_of(word: str) -> Optional[str]:
    w = word.lower()
    return KIND_OF.get(w) or KIND_OF.get(normalize_unit(w))


_SERVICE = {"troops", "officers", "police", "firefighters", "rescuers", "responders", "volunteers", "paramedics",
            "guards", "agents", "deputies", "crew"}
_RESCUE_ARMS = {"firefighters", "rescuers", "responders", "divers", "paramedics", "volunteers", "medics",
                 "rescue workers", "lifeguards"}
_QUANTITY_WORDS = set(UNITS_WORDS) | set(TENS_WORDS) | {
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens", "several",
    "many", "some", "few", "scores", "numerous", "countless"}
_CONJ_WORD = re.compile(r"\s*([a-z][a-z'’-]*)\b")
_CONJ_SEP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def _coordinated_kind(text: str, pos: int, limit: int, unit: str) -> Optional[str]:
    """The kind shared by a counted noun and the nouns coordinated with it: "3,000 cars,
    vans and lorries" counts vehicles, "2,000 goats and sheep" animals, "6,500 guests and
    staff" people.  None unless every conjunct is a plural noun of one kind and they differ."""
    kind = _kind_of(unit)
    if kind is None:
        return None
    p = pos
    nouns = [unit]
    ended = False
    while not ended:
        sm = _CONJ_SEP.match(text, p, limit)
        if not sm:
            break
        ended = "and" in sm.group() or "or" in sm.group().split()
        p = sm.end()
        found = None
        for _ in range(3):
            wm = _CONJ_WORD.match(text, p, limit)
            if not wm or wm.group(1) in _STOP or wm.group(1) in _QUANTITY_WORDS:
                break   # "12 cars and three buses": two figures
            p = wm.end()
            if _kind_of(wm.group(1)) is not None and (_looks_plural(wm.group(1)) or
                                                       pluralize(wm.group(1)) == wm.group(1)):
                found = wm.group(1)
                break
        if found is None or _kind_of(found) != kind:
            return None
        nouns.append(normalize_unit(found))
    if not ended or len(set(nouns)) < 2:
        return None
    if unit in _SERVICE:
        # a force is named by its first arm ("2,000 sailors, marines and staff officers"),
        # but firefighters, police and volunteers searching together are rescuers
        return "rescuers" if set(nouns) & _RESCUE_ARMS else None
    return kind


# -------- a noun elsewhere in the sentence, for a figure that has none after it


# a noun that gives the figure: its reporting verb follows it, perhaps after a relative clause
_SPEAKS_AFTER = re.compile(r"(?:\s*,\s*(?:who|which)\s[^,;:]{1,60},)?\s+(?:(?:had|has|have|also|earlier|previously|"
                           r"already|later|first|initially)\s+){0,2}(?:said|say|says|told|tell|tells|spoke\s+of|"
                           r"spoken\s+of|speak\s+of|speaks\s+of|estimated?|estimates|reported|claimed|claims?|"
                           r"insisted|insists?|believed?|believes|warned|warns?|put|puts)\b")


_PLACE_PREPOSITIONS = {"in", "at", "inside", "near", "outside", "across", "around", "within"}


def _noun_before(text: str, start: int, sent_start: int) -> Optional[Tuple[str, str]]:
    """Nearest counted noun before `start` in the sentence (for anaphora)."""
    seg = text[sent_start:start]
    toks = list(_TOKEN.finditer(seg))
    for k in range(len(toks) - 1, max(-1, len(toks) - 26), -1):
        t = toks[k]
        w = t.group()
        if not w.islower():
            if not (t.start() == toks[0].start() and w[1:].islower()):
                continue
            w = w.lower()
        if w in SPEAKER_NOUNS or _SPEAKS_AFTER.match(seg, t.end()):
            continue   # "mountain rescuers had spoken of 'up to 20'": who gives the figure, not what it counts
        if w == "points" and k > 0 and toks[k - 1].group().islower() and \
                toks[k - 1].group() not in ("percentage", "basis", "the", "of", "by"):
            return "points", t.group()   # "the free water points", not "percentage points"
        if w in COLLECTIVES:
            return COLLECTIVES[w], t.group()
        if w in COUNT_NOUNS and k > 1 and toks[k - 1].group().lower() == "the" \
                and toks[k - 2].group().lower() in _PLACE_PREPOSITIONS and not _looks_plural(w) and pluralize(w) != w:
            continue   # "cases in the camp rose from 12 to 19": where they are, not what is counted
        if w in COUNT_NOUNS and w not in TIME_UNITS and pluralize(w) not in TIME_UNITS \
                and w not in ("point", "points", "percent", "state", "states", "country", "countries",
                              "city", "cities", "force", "member", "members", "unit", "units", "flight",
                              "flights", "case", "test", "degree", "second"):
            return normalize_unit(w), t.group()
    return None


# not past a semicolon, a dash or a clause of its own ("rose from two on Sunday when rescuers reached")
_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|,?\s(?:when|while|because|although|though|whereas|until|unless|after|before|"
                           r"since|where|if)\s")


def _noun_forward(text: str, end: int, sent_end: int) -> Optional[Tuple[str, str]]:
    seg = text[end:sent_end]
    cb = _CLAUSE_BREAK.search(seg)
    if cb:
        seg = seg[:cb.start()]   # "count climbs to 264; families sue"
    for t in list(_TOKEN.finditer(seg))[:14]:
        w = t.group()
        if not w.islower():
            continue
        if w in COUNT_NOUNS and w not in TIME_UNITS and pluralize(w) not in TIME_UNITS and w not in SPEAKER_NOUNS and \
                w not in ("point", "points", "state", "states", "country", "countries", "force", "unit",
                          "units", "member", "members", "case", "test", "second", "flight"):
            if w in ("percent",):
                return None
            return normalize_unit(w), t.group()
    return None


# ----------------------------- giving the noun to the figures of one expression

_PER_HOUR = re.compile(r"[ \t]+(kilomet(?:re|er)s?|miles?)[ \t]+(?:per|an|a)[ \t]+hour\b", re.I)
_PER_AREA_AFTER = re.compile(r"[ \t]+(?:per|a|an)[ \t]+(square|cubic)[ \t]+([a-z]+)\b", re.I)
_PAREN_ALT = re.compile(r"\s*\(\s*(?:about\s+|roughly\s+|some\s+|nearly\s+|approximately\s+|almost\s+|more\s+than\s+|over\s+)?"
                        r"(?:[A-Z]{0,2}[$£€¥])?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                        r"(?:\s*(?:million|billion|thousand|m|bn))?"
                        r"(?:[\s-]*(?:[A-Za-z][A-Za-z./ ]{0,25}?|%))?\)")
_UNIT_WORD = re.compile(r"[ \t]*([A-Za-z]+(?:/[A-Za-z]+)?)\b")
_OF_IN_NP = re.compile(r"\s+(?:of|in)\s+((?:[A-Za-z][\w'’-]*\s?){1,3})")


# "a magnitude 6.4 earthquake", "magnitude-7.1": the scale names the figure, not the noun after it
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[ \t-]$", re.I)
# "raise the retirement age to 65", "a minimum age of 16": an age in years
_AGE_BEFORE = re.compile(r"\b(?:(?P<rule>retirement|pension|pensionable|voting|minimum|maximum|legal|drinking|"
                         r"school-leaving|leaving|marriage|criminal|eligibility)[ \t]+)?age[ \t]+(?:of|to|at|from)[ \t]+$", re.I)


def _attach_noun(text, rs: List[_Raw], end: int, s_start: int, s_end: int, allow_of: bool, vague: bool = False):
    """Find the counted noun after the expression ending at `end` and give it to every raw in rs."""
    unit = rs[-1].unit
    np_ = None
    nend = end
    if unit is None and _MAGNITUDE_BEFORE.search(text, max(s_start, rs[0].start - 10), rs[0].start):
        unit = np_ = "magnitude"
    elif unit is None:
        age = _AGE_BEFORE.search(text, max(s_start, rs[0].start - 30), rs[0].start)
        if age:
            unit = "years"
            if age.group("rule"):  # an age a rule sets is a figure of its own, not a person's age
                np_ = age.group("rule").lower() + " age"
    if unit is None:
        got = _noun_after(text, end, s_end, allow_of, vague)
        if got:
            unit, np_, nend = got
            density = _PER_AREA_AFTER.match(text, nend, s_end)
            if density:
                # a density is not a count: "4.7 people per square metre"
                unit = "{} per {} {}".format(unit, density.group(1).lower(), density.group(2).lower())
                nend = density.end()
    else:
        # "$5 million in damage", "40% of residents": keep the thing as noun phrase
        om = _OF_IN_NP.match(text, end, s_end)
        if om:
            np_ = om.group(1).strip()
        # currency word: "1.2 billion dollars"
    for r in rs:
        if r.unit is None:
            r.unit = unit
        if r.np is None:
            r.np = np_ or (unit if unit in MEASURE_UNITS else None)
    # a figure given in two units: "1,000 miles (1,609 kilometers)", "50 mph (80 km/h)"
    if unit and unit in MEASURE_UNITS and nend == end:
        um = _UNIT_WORD.match(text, end, s_end)
        if um and normalize_unit(um.group(1)) == unit:
            nend = um.end()   # the unit the number was read with: "50 mph"
    pm = _PAREN_ALT.match(text, nend)
    if pm and unit and unit in MEASURE_UNITS and len(rs) == 1:
        rs[-1].end = pm.end()
    if unit is None:
        for r in rs:
            r.anaphora = True
