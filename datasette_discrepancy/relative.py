"""Figures told against another quantity: earlier estimates and changes ("up from 800",
"the 1,000 initially forecast"), multiples ("double that"), and shares ("a third of",
"nearly half", "nine in 10"), which become percents.
"""
import re
from typing import List, Optional

from .numbers import FRACTION_WORDS, SCALE_WORDS, parse_digits, parse_words
from .atoms import _RATIO_AFTER, _Atom, _word_positions
from .nouns import _OF_IN_NP
from .units import normalize_unit
from .qualifiers import _QMAP, _Raw, _apply_qual


# -------- earlier figures: "the 800 initially forecast", "up from 800", "rose from 800 to 1,000"

# verbs of a figure changing: "rose", "was cut", "lowered its estimate"
_CHANGE_VERBS = (
    r"rose|risen|rises|rising|increased|increases|increasing|climbed|climbs|climbing|jumped|jumps|"
    r"grew|grown|grows|growing|surged|surges|soared|soars|swelled|swollen|spiked|ballooned|fell|fallen|falls|"
    r"falling|dropped|drops|dropping|declined|declines|declining|decreased|decreases|dipped|slipped|shrank|"
    r"shrunk|plunged|plummeted|tumbled|went|gone|raised|lowered|revised|boosted|cut|reduced|upped|changed|"
    r"expanded|doubled|tripled|moved|widened|narrowed|extended|lengthened|shortened|raise|raises|raising|"
    r"lowers|lowering|cuts|cutting|reduce|reduces|reducing|lift|lifts|lifted|lifting|hiked|hiking|extend|"
    r"extends|extending")
# ... and the nouns and adverbs that say so before "from": "a rise from", "up from"
_CHANGE_BEFORE = re.compile(
    r"\b(?:" + _CHANGE_VERBS + r"|increase|decrease|rise|drop|fall|jump|climb|growth|up|down|higher|lower)"
    r"(?:\s+[a-z]+){0,3}\s+from\s+$", re.I)
_RETRO_BEFORE = re.compile(
    r"\b(?:initial(?:ly)?|original(?:ly)?|previous(?:ly)?|earlier|prior|instead\s+of|"
    r"up\s+from|down\s+from|compared\s+(?:with|to)|from\s+an?\s+(?:earlier|initial|previous)|"
    r"(?:last|the\s+previous)\s+(?:week|month|year)'?s?|had\s+been(?!\s+[a-z]+ing\b)|was\s+(?:initially|originally|first))"
    r"(?:\s+(?!is\b|was\b|are\b|were\b|that\b|would\b|will\b|and\b|or\b|but\b)[\w’'-]+){0,2}?\s*[\"“‘']?$"
    # "down from a peak of 640,000"
    r"|\b(?:up|down)\s+from(?:\s+[a-z]+){0,3}\s*[\"“‘']?$"
    # an earlier report in the past perfect: "had forecast at 12 to 15 feet",
    # "had reported on Monday that all 20"
    r"|\bhad\s+(?:(?:first|initially|originally|earlier|already)\s+)?(?:reported|said|forecast|predicted|"
    r"projected|estimated|announced|put|given|expected|planned|claimed|promised|spoken\s+of|demanded|feared|"
    r"cited|quoted|offered|proposed)\b[^.;:!?\d]{0,30}$",
    re.I)
# figures quoted to compare the new one with, further back in the sentence:
_RETRO_WIDE = re.compile(
    # "higher than the 1,800 police reported", "well below the 5,000 tons claimed", "above Monday's 20"
    r"\b(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger|weaker|stronger|worse|better|above|"
    r"below|beyond|twice|double|triple|half)\s+(?:than\s+)?(?:the|its|their|[A-Z][a-z]+day['’]s)\s+[\"“‘']?$"
    # "raised its offer to 4.2 per cent, from 3.5"
    r"|\bto\s+[^,;.]{1,60},\s+from\s+(?:the\s+)?[\"“‘']?$"
    # "the toll rose to 12 from 9", "deaths climbed to 1,011 from 631"
    r"|\b(?:" + _CHANGE_VERBS + r")(?:\s+[a-z]+){0,3}?\s+to\s+(?:[^,;.()]|(?<=\d)[,.](?=\d)){1,40}?\s+from\s+(?:the\s+|an?\s+|its\s+)?[\"“‘']?$"
    # "the institute initially put the magnitude at 6.1", "first estimated the damage at"
    r"|\b(?:initially|originally|first|previously)\s+(?:put|estimated|gave|reported|set|counted|recorded|measured)\b"
    r"[^.;:]{0,40}?\b(?:at|as|of)\s+[\"“‘']?(?:(?:about|around|roughly|some|nearly|more\s+than|at\s+least)\s+)?$"
    # "after saying for two days that less than 1,000 had escaped"
    r"|\bafter\s+(?:saying|reporting|putting|estimating|claiming|insisting|announcing)\b[^.;]{0,50}$"
    # "more than doubled since Tuesday, when officials said about 180,000"
    r"|\bsince\s+\w+,?\s+when\s+[^.;]{0,40}?\b(?:said|reported|estimated|put|gave)\b[^.;]{0,15}$"
    # a correction: "An earlier version of this story said 31 children were hospitalized"
    r"|\bearlier\s+version\s+of\s+th(?:is|e)\s+(?:story|article|report|piece|blog|post|page)\b[^.;]{0,60}?\b"
    r"(?:said|stated|reported|gave|put)\b[^.;]{0,50}$")


def retrospective_before(text: str, sentence_start: int, start: int) -> bool:
    """Is the figure starting at `start` an earlier one, by the words before it?"""
    b = text[max(sentence_start, start - 40):start]
    bl = b.lower()
    if any(map(bl.__contains__, _RETRO_KEYS)) and (_RETRO_BEFORE.search(b) or _CHANGE_BEFORE.search(b)):
        return True
    return bool(_RETRO_WIDE.search(text, max(sentence_start, start - 140), start))
_RETRO_AFTER = re.compile(
    r"^(?:\s+[\w’'-]+){0,3}?\s+(?:initially|originally|previously|earlier|first)\s+(?:forecast|estimated|"
    r"reported|announced|planned|expected|projected|predicted|said|stated|thought|believed|counted|given)\b", re.I)
# "the 30 that survivors spoke of on Monday", 'the "more than 600" registered by
# UNHCR on Monday': a figure the article quotes as reported at an earlier time
_REPORTED_EARLIER_AFTER = re.compile(
    r"^[\"”’']?(?:\s+[\w’'-]+){0,4}?\s+(?:reported|spoke\s+of|spoken\s+of|registered|announced|gave|given|cited|quoted|"
    r"counted|estimated|mentioned|said|put|published|released)\b[^.;:,]{0,40}?\b(?:on\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)|yesterday|last\s+(?:week|night)|earlier\s+(?:this|in\s+the)\s+week)\b")
_THE_BEFORE = re.compile(r"\bthe\s+[\"“‘']?$", re.I)


def reported_earlier(text: str, sentence_start: int, start: int, end: int, sentence_end: int) -> bool:
    """Is the figure a definite one the text says was reported at an earlier time?"""
    return bool(_THE_BEFORE.search(text, max(sentence_start, start - 8), start)
                and _REPORTED_EARLIER_AFTER.match(text[end:min(sentence_end, end + 90)]))


_RETRO_KEYS = ("initial", "origin", "previous", "earlier", "prior", "instead", "from", "compared",
               "last", "had ", "was ")
_RETRO_AFTER_KEYS = ("initially", "originally", "previously", "earlier", "first")


# -------- multiples of the figure before: "800 to double that", "more than double that"

_RELATIVE = re.compile(r"(?P<f>double|twice|triple|treble|three\s+times|four\s+times|quadruple|half)"
                       r"(?:\s+(?:that|this|the\s+(?:number|figure|amount|total|estimate|size|count)))\b", re.I)
_OTHERS_FIGURE_AFTER = re.compile(r"\s+(?:given|put|issued|reported|published|released|announced|quoted|offered|"
                                  r"cited|from|by|of)\b", re.I)
_RELATIVE_F = {"double": 2, "twice": 2, "triple": 3, "treble": 3, "three times": 3,
               "four times": 4, "quadruple": 4, "half": 0.5}
_RELATIVE_ALONE = re.compile(
    r"\b(?:(?P<q>more\s+than|over|nearly|almost|about|roughly|at\s+least|less\s+than|up\s+to)\s+)?"
    r"(?P<f>double|twice|triple|treble|quadruple|(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+times)"
    r"\s+(?:that|this|the\s+(?:number|figure|amount|total|estimate|size|count))\b", re.I)


# -------- shares: "a third of", "a quarter of a million", "nearly half", "nine in 10"

# "three quarters of a mile", "a quarter of an hour": a fraction of one unit
_FRACTION_OF_UNITS = ("mile|kilomet(?:re|er)|km|metre|meter|foot|inch|yard|hour|day|week|month|year|minute|"
                      "second|litre|liter|gallon|pound|kilo|kilogram|tonne|ton|acre|hectare|percentage\\s+point")
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
_FRACTION_EXPR = re.compile(
    r"\b(?:(?P<q>about|around|roughly|nearly|almost|more\s+than|less\s+than|some|over|under|only|just|at\s+least)\s+)?"
    r"(?P<n>a|an|one|two|three|four|nine)[\s-]+(?P<f>half|halves|thirds?|quarters?|fifths?|tenths?)"
    r"(?:\s+of\s+(?P<big>an?\s+(?:million|billion|thousand|trillion|" + _FRACTION_OF_UNITS + r")\b|(?:its|their|the|all|those|these|his|her|our)\b|[a-z]+s\b))?", re.I)
_FRACTION_FOLLOW = re.compile(r"\s+(?:of|the|were|was|are|is|have|had|said|say|says|[a-z]+ed)\b")
_HALF_EXPR = re.compile(
    r"\b(?P<q>about|around|roughly|approximately|nearly|almost|close\s+to|more\s+than|less\s+than|fewer\s+than|"
    r"(?:just|well)\s+(?:over|under)|over|under|up\s+to|as\s+(?:much|many)\s+as|at\s+least|at\s+most|"
    r"no\s+more\s+than)\s+(?P<f>half)\b(?![\s-]+(?:a|an|as|past)\b|-)", re.I)
# "half of the houses were destroyed", "half their fare back": a share, 50 percent (not "the
# first half of the year")
_HALF_OF = re.compile(r"(?P<q>(?!x)x)?\b(?P<f>half)\s+(?:of\s+)?(?:the|its|their|all|those|these)\s+(?=[a-z])", re.I)
# "about a week", "nearly a mile", "more than an hour": one unit, hedged (a bare "a week" is
# mostly a rate or a date: "once a week", "a week ago")
_A_UNIT = re.compile(
    r"\b(?P<q>about|around|roughly|approximately|nearly|almost|more\s+than|less\s+than|(?:just|well)\s+(?:over|under)|"
    r"over|under|up\s+to|at\s+least|at\s+most)\s+(?P<f>an?)\s+(?P<u>week|fortnight|month|hour|minute|mile|"
    r"kilomet(?:re|er))\b(?!['’]s|\s+(?:ago|earlier|later|before|after|from|or\s+two|or\s+so|and\s+a\s+half|of\b))", re.I)
_NOT_A_SHARE_BEFORE = re.compile(r"\b(?:first|second|third|fourth|final|last|a|the|other|latter|former|one|"
                                 r"opening|closing|better|bigger|larger|smaller)\s+$", re.I)
_ROUND_DENOMINATORS = {20, 25, 50, 100, 1000, 10_000, 100_000, 1_000_000}


def _ratio_raw(text: str, a: "_Atom", start: int, end: int, qual: Optional[str]) -> Optional["_Raw"]:
    """ "nine in 10", "one out of every five": a share, recorded as a percent."""
    rm = _RATIO_AFTER.match(text, end)
    if rm is None:
        return None
    ms = rm.group("m")
    den = parse_digits(ms) if ms[0].isdigit() else parse_words(ms)
    num = a.low
    if not den or not num or num >= den or not (den <= 10 or den in _ROUND_DENOMINATORS):
        return None   # "one in five", "nine in 10", "one in 1,000" -- not "5 in 12 villages", "3 in 2020"
    v = num / den * 100
    v = float(round(v)) if v >= 10 else round(v, 1) if v >= 1 else float("%.2g" % v)
    qq, lo, hi = _apply_qual(qual, v, v)
    r = _Raw(start, rm.end(), lo, hi, qq)
    r.unit = "percent"
    return r


# -------------------- shares and multiples in words, found before the main pass

_SPECIAL_TRIGGERS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                     "tenth", "tenths", "double", "twice", "triple", "treble", "quadruple", "times",
                     "week", "fortnight", "month", "hour", "minute", "mile", "kilometre", "kilometer"}


def _special_spans(text: str, tl: str):
    """Fractions ("a third of", "a quarter of a million") and relative figures
    ("eight times that", "more than double that") found before the main pass."""
    out = []
    pos = _word_positions(tl, _SPECIAL_TRIGGERS)
    if not pos:
        return out
    pos.sort()
    windows = []
    for p in pos:
        lo, hi = max(0, p - 40), min(len(text), p + 60)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    seen = set()
    for lo, hi in windows:
        out.extend(_special_in(text, lo, hi, seen))
    out.sort(key=lambda x: x[0])
    return out


def _special_in(text: str, lo: int, hi: int, seen):
    out = []
    for m in _FRACTION_EXPR.finditer(text, lo, hi):
        if m.start() in seen or (m.start() > 0 and text[m.start() - 1].isalpha()):
            continue
        seen.add(m.start())
        if m.group("big") is None and m.group("f").lower() in ("half", "halves"):
            continue   # "half" alone is too common to be a figure
        if m.group("big") is None and not _FRACTION_FOLLOW.match(text, m.end()) and \
                not _BY_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue   # ("fallen by a fifth" is a share of what it was)
        out.append((m.start(), m.end(), "frac", m))
    for m in (_HALF_EXPR.finditer(text, lo, hi) if "half" in text[lo:hi].lower() else ()):
        if m.start() in seen or (m.start() > 0 and text[m.start() - 1].isalpha()):
            continue
        seen.add(m.start())
        out.append((m.start(), m.end(), "half", m))
    for m in (_A_UNIT.finditer(text, lo, hi) if " a" in text[lo:hi] else ()):
        if m.start() in seen or (m.start() > 0 and text[m.start() - 1].isalpha()):
            continue
        seen.add(m.start())
        out.append((m.start(), m.end(), "aunit", m))
    for m in (_HALF_OF.finditer(text, lo, hi) if "half" in text[lo:hi].lower() else ()):
        if any(start <= m.start() < end for start, end, _, _ in out) or \
                _NOT_A_SHARE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        seen.add(m.start())
        out.append((m.start(), m.start("f") + 4, "half", m))
    for m in _RELATIVE_ALONE.finditer(text, lo, hi):
        if m.start() in seen or (m.start() > 0 and text[m.start() - 1].isalpha()):
            continue
        seen.add(m.start())
        # "from around 300 to more than double that" is handled with its range
        if re.search(r"\d[\d,.]*\s*(?:\w+\s+)?to\s+$", text[max(0, m.start() - 30):m.start()]):
            continue
        # "$4.5 billion, more than twice the figure given by the government": the
        # figure before it compared with another source's, which it does not state
        if _OTHERS_FIGURE_AFTER.match(text, m.end()):
            continue
        out.append((m.start(), m.end(), "rel", m))
    out.sort(key=lambda x: x[0])
    return out


def _special_raw(text: str, sp, raws: List["_Raw"], layout) -> Optional["_Raw"]:
    start, end, kind, m = sp
    q = m.group("q")
    qual = _QMAP.get(" ".join(q.lower().split())) if q else None
    if kind == "aunit":
        qq, lo, hi = _apply_qual(qual, 1.0, 1.0)
        r = _Raw(start, end, lo, hi, qq)
        r.unit = normalize_unit(m.group("u").lower())
        return r
    if kind == "half":
        # "nearly half", "up to half", "less than half": a share, 50 percent, with its hedge
        qq, lo, hi = _apply_qual(qual, 50.0, 50.0)
        r = _Raw(start if qual else m.start("f"), end, lo, hi, qq)
        r.unit = "percent"
        om = _OF_IN_NP.match(text, end)
        if om:
            r.np = om.group(1).strip()
        return r
    if q and qual is None:
        start = m.start("n") if kind == "frac" else m.start("f")
    if kind == "frac":
        nw = m.group("n").lower()
        num = 1 if nw in ("a", "an", "one") else parse_words(nw)
        frac = num * FRACTION_WORDS[m.group("f").lower()]
        big = (m.group("big") or "").lower()
        if big.startswith(("a ", "an ")) and big.split()[-1] in SCALE_WORDS:
            val = frac * SCALE_WORDS[big.split()[-1]]
            unit = None
            end = m.end()
        elif big.startswith(("a ", "an ")):
            val = round(frac, 3)
            unit = normalize_unit(" ".join(big.split()[1:]))
            end = m.end()
        else:
            val = float(round(frac * 100))
            unit = "percent"
            end = m.end("f")
        # "a quarter of a million" is a way of saying about 250,000, not an exact count
        qq, lo, hi = _apply_qual(qual or ("approximately" if unit is None else None), val, val)
        r = _Raw(start, end, lo, hi, qq)
        r.unit = unit
        if unit == "percent" and m.group("big"):
            r.np = text[m.end("f"):m.end()].strip()
        return r
    # relative: a multiple of the previous figure
    if not raws:
        return None
    prev = raws[-1]
    if layout.sentence_index(start) - layout.sentence_index(prev.start) > 2:
        return None
    base = prev.low if prev.low is not None else prev.high
    if base is None:
        return None
    f = m.group("f").lower()
    if m.group("n"):
        nn = m.group("n")
        factor = float(nn) if nn.isdigit() else parse_words(nn)
    else:
        factor = _RELATIVE_F.get(" ".join(f.split()), 2)
    val = base * factor
    qq, lo, hi = _apply_qual(qual, val, val)
    r = _Raw(start, end, lo, hi, qq)
    r.unit = prev.unit
    r.np = prev.np
    return r
