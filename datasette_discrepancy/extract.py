"""Find every figure in a news article: a pure function of its text (and the
outlet's name, whose own numbers are no figures).

extract_claims(text, outlet=None) -> list[Claim], in order of span_start.

Plain compiled regular expressions, stdlib only.  The scan and the assembly of
Claims are here; the rest, one job a module:
atoms.py (where a number starts, its value), not_claims.py (dates, times, ages,
phone and street numbers, designations, list numbers), qualifiers.py (qualifiers,
ranges: the interval asserted), relative.py (earlier estimates, changes, multiples,
shares), nouns.py (the counted noun), anaphora.py (what a figure without a noun
counts), and the helpers numbers.py (number parsing, number words, vague
quantities), units.py (counted nouns, synonyms, canonical units), sentences.py
(sentence splitting, boilerplate), attribution.py (who the figure comes from).
"""
import bisect
import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from .numbers import TENS_WORDS, UNITS_WORDS, parse_digits, parse_words
from .units import MEASURE_UNITS, canonical
from .sentences import Layout
from .attribution import find_attribution
from .phrasing import FIGURE_NOUN
from .atoms import ATOM_RE, _atoms, _lower_same_length, _parse_atom
from .qualifiers import (_PASSING_VERBS, _POST_QUAL, _PRE_QUAL, _QMAP, _QUAL_LAST_WORDS, _RANGE_CONN, _Raw, _apply_qual,
                         _prev_word)
from .relative import (_CHANGE_BEFORE, _RELATIVE, _RELATIVE_F, _RETRO_AFTER, _RETRO_AFTER_KEYS, _ratio_raw,
                       _special_raw, _special_spans, reported_earlier, retrospective_before)
from .nouns import _STOP, _TOKEN, _attach_noun
from .anaphora import _comparable, _foreign, _OF_ITS_MEMBERS, _represented, _strong_group, _unit_by_anaphora


# Qualifier vocabulary (the `qualifier` column): one word for the kind of interval.
QUALIFIERS = (
    "exact",          # "800"
    "approximately",  # "about 2,000", "roughly", "some", "around", "nearly"? (see below)
    "more_than",      # "more than 7,000", "over 600", "4,000-plus"
    "at_least",       # "at least 9", "800 or more"
    "less_than",      # "fewer than 10", "less than two weeks"
    "at_most",        # "up to 800", "as many as 800", "no more than"
    "range",          # "800 to 1,000", "between 12 and 15", "4,000-5,000"
    "vague",          # "thousands of", "hundreds", "dozens", "several thousand"
)


@dataclass
class Claim:
    span_start: int                 # offsets into the text given; text[span_start:span_end] == text
    span_end: int
    text: str                       # the number expression as written: "800 to 1,000", "more than 7,000"
    value_low: Optional[float]      # interval asserted, None = open end
    value_high: Optional[float]
    qualifier: str                  # one of QUALIFIERS
    unit: Optional[str]             # counted thing, plural lemma: "troops", "migrants", "miles", "percent", "usd"
    sentence: str                   # the sentence the figure came from (exact substring of text)
    sentence_start: int = 0         # offset of `sentence` in text
    attribution: Optional[str] = None   # "three administration officials", "the United Nations"
    retrospective: bool = False     # an earlier estimate quoted later ("the 800 to 1,000 initially forecast")
    boilerplate: bool = False       # inside captions / WATCH / READ MORE / newsletter prompts
    canonical_unit: Optional[str] = None   # e.g. "km" for miles and km, "usd"
    canonical_low: Optional[float] = None
    canonical_high: Optional[float] = None
    noun_phrase: Optional[str] = None      # the counted noun with its modifiers: "U.S. National Guard forces"
    context: List[str] = field(default_factory=list)  # lower-case content words near the figure, for grouping


# -------- the scan: each number, its qualifier, range, percent or second unit, and its noun

_PERCENT_AFTER = re.compile(r"\s?(?P<p>%|percent\b|per\s+cent\b|pct\b|pc\b|percentage\s+points?\b|points?\s+percentage\b)", re.I)
_COMPOUND_UNIT = {"hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "minute": "minutes",
                  "minutes": "minutes", "min": "minutes", "mins": "minutes", "second": "seconds",
                  "seconds": "seconds", "sec": "seconds", "secs": "seconds", "day": "days", "days": "days",
                  "week": "weeks", "weeks": "weeks", "year": "years", "years": "years", "month": "months",
                  "months": "months", "foot": "feet", "feet": "feet", "ft": "feet", "inch": "inches",
                  "inches": "inches", "in": "inches", "pound": "pounds", "pounds": "pounds", "lb": "pounds",
                  "lbs": "pounds", "ounce": "ounces", "ounces": "ounces", "oz": "ounces"}
_COMPOUND_FACTOR = {("hours", "minutes"): 60, ("minutes", "seconds"): 60, ("days", "hours"): 24,
                    ("weeks", "days"): 7, ("years", "months"): 12, ("feet", "inches"): 12,
                    ("pounds", "ounces"): 16}
_COMPOUND_FIRST = set("hHmMsSdDwWyYfFpPlL")
_COMPOUND_MEASURE = re.compile(
    r" (?P<u1>hours?|hrs?|minutes?|mins?|days?|weeks?|years?|months?|feet|foot|ft|pounds?|lbs?)"
    r"(?:,? and |, | )(?P<n>\d{1,2}(?:\.\d+)?|" + "|".join(sorted(
        list(UNITS_WORDS) + list(TENS_WORDS), key=len, reverse=True)) + r")"
    r" (?P<u2>hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|months?|inch(?:es)?|in|ounces?|oz)\b(?!-)", re.I)


def _outlet_name_spans(text: str, outlet: Optional[str]) -> List[Tuple[int, int]]:
    """Where the body names an outlet whose name holds a number ("NorthLink 6
    News" in its masthead, "(Channel 4/...)" in a photo credit): the name up to
    its last number, which is no figure."""
    if not outlet or not any(ch.isdigit() for ch in outlet):
        return []
    words = outlet.split()
    last = max(i for i, w in enumerate(words) if any(ch.isdigit() for ch in w))
    if last == 0:
        return []  # a name that starts with its number ("9 News") is a designation's job
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words[:last + 1])) + r"(?!\w)"
    return [m.span() for m in re.finditer(pattern, text, re.I)]


def extract_claims(text: str, outlet: Optional[str] = None) -> List[Claim]:
    """The claims of an article's text; `outlet` (the publisher's name) tells
    a number in its own name from a figure."""
    if not text:
        return []
    names = _outlet_name_spans(text, outlet)
    layout = Layout(text)
    excl = None
    n = len(text)
    raws: List[_Raw] = []
    consumed = 0
    tl = _lower_same_length(text)
    specials = _special_spans(text, tl)
    sp_i = 0
    for m in _atoms(text, tl):
        while sp_i < len(specials) and specials[sp_i][0] < m.end():
            sp = specials[sp_i]
            sp_i += 1
            if sp[0] < consumed:
                continue
            r = _special_raw(text, sp, raws, layout)
            if r is not None:
                raws.append(r)
                ss_, se_ = layout.sentences[layout.sentence_index(r.start)] if layout.sentences else (0, n)
                if r.unit is None:
                    _attach_noun(text, [r], r.end, ss_, max(se_, r.end), allow_of=True)
                consumed = max(consumed, r.end)
        if m.start() < consumed:
            continue
        if not m.group():
            continue
        a = _parse_atom(text, m, excl)
        if a is None:
            continue
        if names and any(s <= a.start < e for s, e in names):
            continue
        sidx = layout.sentence_index(a.start)
        s_start, s_end = layout.sentences[sidx] if layout.sentences else (0, n)
        if s_end < a.end:
            s_end = n
        start = a.start
        # leading qualifier
        qual = None
        qword = None
        qm = None
        pw = _prev_word(text, start)
        if pw in _QUAL_LAST_WORDS:
            qm = _PRE_QUAL.search(text, max(0, start - 30), start)
        if qm:
            qword = " ".join(qm.group("q").lower().split())
            if qword in _QMAP:
                qual = _QMAP[qword]
                start = qm.start()
            elif qword == "between":
                pass
        elif pw in _PASSING_VERBS:
            qual = "more_than"   # "death toll passes 200": the verb is the qualifier, not the span
        if a.vague:
            qual = "vague"
        # percent / currency after atom
        end = a.end
        pm = _PERCENT_AFTER.match(text, end)
        if pm:
            a.pct = "percentage points" if "point" in pm.group("p").lower() else "percent"
            end = pm.end()
        elif text[end:end + 8].lower().startswith((" in ", " out of ")) and \
                not a.vague and not a.cur and not a.scaled and a.is_int:
            # a ratio: "one in five children", "up to nine in 10", "two out of three" -> a percent
            rr = _ratio_raw(text, a, start, end, qual)
            if rr is not None:
                raws.append(rr)
                _attach_noun(text, [rr], rr.end, s_start, s_end, allow_of=False)
                consumed = rr.end
                continue
        # range / change
        second = None
        rel = None
        change = False
        cm = _RANGE_CONN.match(text, end)
        if cm and not a.vague:
            conn = cm.group().strip().lower()
            q2 = cm.group("q2")
            if q2 is not None:
                conn = conn[: -len(q2)].strip()
            rm = _RELATIVE.match(text, cm.end())
            ok_conn = conn in ("to", "-", "–", "—", "through", "thru") or \
                (conn == "and" and qword == "between") or conn == "or"
            if conn == "or" and _POST_QUAL.match(text, end):
                ok_conn = False
            if rm and conn == "to" and not a.vague:
                rel = (_RELATIVE_F[" ".join(rm.group("f").lower().split())], rm)
            elif ok_conn:
                m2 = ATOM_RE.match(text, cm.end())
                if m2 and m2.group() and not m2.group("vague"):
                    a2 = _parse_atom(text, m2, excl)
                    if a2 is not None and (conn not in ("-", "–", "—") or (not cm.group().startswith(" ") or True)):
                        if conn in ("-", "–", "—") and (a.words != a2.words):
                            a2 = None
                        elif qword != "from" and a.low is not None and a2.low is not None and \
                                a.low > a2.low * 1.0001 and not a2.scaled:
                            a2 = None   # "paid £2.9bn to about 205,000 customers": not a range
                        if a2 is not None:
                            second = (a2, q2)
        if second is not None:
            a2, q2 = second
            e2 = a2.end
            pm2 = _PERCENT_AFTER.match(text, e2)
            if pm2:
                a2.pct = "percentage points" if "point" in pm2.group("p").lower() else "percent"
                e2 = pm2.end()
            if a2.pct and not a.pct:
                a.pct = a2.pct
            if a.pct and not a2.pct and not pm2:
                a2.pct = a.pct
            if a2.cur and not a.cur:
                a.cur = a2.cur
            if a2.scaled and not a.scaled and a.low is not None:
                f = a2.low / (a2.low / 1) if False else None
                # share the scale word: "3 to 4 million"
                for sc in (1e12, 1e9, 1e6, 1e3):
                    if a2.low >= sc and a.low * sc <= a2.low * 1.0001 and a.low < 1000:
                        a.low = a.high = a.low * sc
                        break
            before_from = text[max(0, qm.start() - 40):qm.start()] if (qm and qword == "from") else ""
            change = bool(qword == "from" and _CHANGE_BEFORE.search(before_from + "from "))
            if not change and qword == "from":
                change = False
            if change:
                # a change is two figures, the earlier one retrospective
                r1 = _Raw(a.start, end, a.low, a.high, "exact")
                r1.retro = True
                q2q = _QMAP.get(" ".join((q2 or "").lower().split()))
                qq, lo2, hi2 = _apply_qual(q2q, a2.low, a2.high)
                r2 = _Raw(cm.start("q2") if q2 else a2.start, e2, lo2, hi2, qq)
                r1.unit = a.pct or a.cur or a.unit_hint
                r2.unit = a2.pct or a2.cur or a2.unit_hint
                raws.append(r1)
                raws.append(r2)
                _attach_noun(text, [r1, r2], e2, s_start, s_end, allow_of=False)
                consumed = e2
                continue
            lo = min(a.low, a2.low)
            hi = max(a.high, a2.high)
            q2q = _QMAP.get(" ".join((q2 or "").lower().split()))
            qual_r = "range"
            r = _Raw(start if qword not in ("from",) else a.start, e2, lo, hi, qual_r)
            if qword == "from" and qm:
                r.start = a.start if not qual else start
            if qual and qword not in ("between", "from"):
                r.start = start
            if qword == "between":
                r.start = qm.start()
            r.unit = a2.pct or a2.cur or a.cur or a2.unit_hint or a.unit_hint
            raws.append(r)
            _attach_noun(text, [r], e2, s_start, s_end, allow_of=False)
            consumed = max(r.end, e2)
            continue
        if rel is not None:
            f, rm = rel
            q2q = _QMAP.get(" ".join((cm.group("q2") or "").lower().split()))
            v2 = a.low * f
            r = _Raw(start if qword not in ("from", "between") else a.start, rm.end(),
                     min(a.low, v2), max(a.high, v2), "range")
            r.unit = a.pct or a.cur or a.unit_hint
            raws.append(r)
            _attach_noun(text, [r], rm.end(), s_start, s_end, allow_of=False)
            consumed = rm.end()
            continue
        # one quantity in two units: "2 hours 40 minutes", "5 feet 10 inches"
        if text[end + 1:end + 2] in _COMPOUND_FIRST and text[end:end + 1] == " " and \
                not a.vague and not a.pct and not a.cur:
            cm2 = _COMPOUND_MEASURE.match(text, end)
            if cm2 is not None:
                u1, u2 = _COMPOUND_UNIT[cm2.group("u1").lower()], _COMPOUND_UNIT[cm2.group("u2").lower()]
                f = _COMPOUND_FACTOR.get((u1, u2))
                ns = cm2.group("n")
                n2 = parse_digits(ns) if ns[0].isdigit() else parse_words(ns)
                if f is not None and n2 is not None and n2 < f:
                    v = a.low * f + n2
                    qq, lo, hi = _apply_qual(qual, v, v)
                    r = _Raw(start if qword in _QMAP else a.start, cm2.end(), lo, hi, qq)
                    r.unit = u2
                    r.np = u2
                    raws.append(r)
                    consumed = r.end
                    continue
        # single figure: post qualifier
        low, high = a.low, a.high
        if not a.vague:
            qual2, low, high = _apply_qual(qual, low, high)
            pq = _POST_QUAL.match(text, end)
            if pq:
                if pq.group("more"):
                    qual2, low, high = "at_least", a.low, None
                elif pq.group("less"):
                    qual2, low, high = "at_most", None, a.high
                elif pq.group("plus") or pq.group("plus2"):
                    qual2, low, high = "more_than", a.low, None
                else:
                    qual2 = "approximately"
                end = pq.end()
            qual = qual2
            if qword in ("between", "from") or qword not in _QMAP:
                start = a.start
        else:
            start = a.start if qword not in _QMAP or qword in ("between", "from") else start
            if qword in _QMAP and _QMAP[qword] != "approximately":
                pass
        r = _Raw(start, end, low, high, qual)
        r.unit = a.pct or a.cur or a.unit_hint
        raws.append(r)
        _attach_noun(text, [r], end, s_start, s_end, allow_of=a.vague or "dozen" in a.raw.lower()
                     or a.raw.lower().startswith(("a few", "several", "a couple", "couple")), vague=a.vague)
        consumed = r.end
    while sp_i < len(specials):
        sp = specials[sp_i]
        sp_i += 1
        if sp[0] >= consumed:
            r = _special_raw(text, sp, raws, layout)
            if r is not None:
                raws.append(r)
                ss_, se_ = layout.sentences[layout.sentence_index(r.start)] if layout.sentences else (0, n)
                if r.unit is None:
                    _attach_noun(text, [r], r.end, ss_, max(se_, r.end), allow_of=True)
                consumed = max(consumed, r.end)
    return _finish(text, tl, layout, raws)


# -------- assembly: one Claim a figure, with its sentence, unit, attribution and context

_PREMISES = {"homes", "households", "residences", "businesses"}
_PREMISES_AND = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:(?:homes?|households?|residences?)\s+and\s+businesses|"
                           r"businesses\s+and\s+(?:homes|households|residences))\b", re.I)
_POWER = re.compile(r"\b(?:power|electricity|outages?|blackouts?)\b", re.I)


def _finish(text: str, tl: str, layout: Layout, raws: List[_Raw]) -> List[Claim]:
    out: List[Claim] = []
    n = len(text)
    attr_cache = {}
    # (sentence index, unit, np, value) of the claims so far
    prev_units: List[Tuple[int, str, str, Optional[float]]] = []
    raws.sort(key=lambda r: r.start)
    temps = [(r.start, r.unit) for r in raws if r.unit == "celsius" or r.unit == "fahrenheit"]
    last_end = -1
    for r in raws:
        if r.start < last_end:
            continue
        # tidy span
        while r.end > r.start and text[r.end - 1].isspace():
            r.end -= 1
        while r.start < r.end and text[r.start].isspace():
            r.start += 1
        if r.end <= r.start:
            continue
        last_end = r.end
        sidx = layout.sentence_index(r.start)
        if layout.sentences:
            ss, se = layout.sentences[sidx]
            if not (ss <= r.start and r.end <= se):
                # expression crossed a sentence boundary: use the enclosing line
                li = layout.line_index(r.start)
                ss, se = layout.lines[li]
                if r.end > se:
                    ss, se = r.start, r.end
        else:
            ss, se = 0, n
        sentence = text[ss:se]
        unit = r.unit
        np_ = r.np
        if unit is None and text.startswith("-strong", r.end):
            # "a 250-strong advance party": a count of people, whatever the group is called
            unit, np_ = _strong_group(text, tl, layout, r, sidx, ss, se, prev_units)
        if unit is None:
            cand = _unit_by_anaphora(text, layout, r, sidx, ss, se, _comparable(prev_units, sidx, r))
            if cand:
                unit, np_ = cand
        if np_ and np_.lower() == "others":
            # "2,300 buildings collapsed and 9,000 others were damaged" (not the "7.1-magnitude" tremor)
            for psi, pu, pnp, _ in reversed(prev_units):
                if sidx - psi > 2:
                    break
                if pu not in MEASURE_UNITS and pu != "times":
                    unit, np_ = pu, pnp
                    break
        if unit in ("members", "men") and _OF_ITS_MEMBERS.match(text, r.end, se):
            # "206 of its members" of "the fishermen's association": some of the people it represents
            rep = _represented(text, layout, sidx, r.start)
            if rep:
                unit = rep
        if unit in _PREMISES and _POWER.search(sentence) and _PREMISES_AND.match(text, r.end, se):
            # utilities count customers: "400,000 homes and businesses without power"
            unit = "customers"
        if (unit is None or unit not in MEASURE_UNITS and unit != "percent") and layout.lines and \
                _foreign(text, *layout.lines[layout.line_index(r.start)]):
            # a line in another language ("9 vittime confermate"): its words are no English noun;
            # the figure counts what the English around it counts
            unit, np_ = None, None
            for psi, pu, pnp, _ in reversed(prev_units):
                if sidx - psi > 6:   # (a quoted post's name and handle are lines of their own)
                    break
                if pu not in MEASURE_UNITS and pu not in ("percent", "percentage points", "times"):
                    unit, np_ = pu, pnp
                    break
        if unit == "degrees" and temps and -90 <= (r.low if r.low is not None else r.high) <= 140:
            # "117.7 degrees" in an article that names its scale elsewhere ("112 degrees Fahrenheit")
            i = bisect.bisect_left(temps, (r.start, ""))
            unit = temps[i - 1][1] if i > 0 else temps[0][1]
        if unit == "pounds" and re.search(r"(?:million|billion|trillion|bn|\dm)\b", text[r.start:r.end], re.I):
            unit = "gbp"
        if unit is not None:
            prev_units.append((sidx, unit, np_, r.low if r.low is not None else r.high))
        low, high = r.low, r.high
        if low is not None and high is not None and low > high:
            low, high = high, low
        # retrospective
        retro = r.retro
        if not retro:
            al = text[r.end:min(se, r.end + 50)]
            all_ = al.lower()
            if retrospective_before(text, ss, r.start) or \
                    (any(map(all_.__contains__, _RETRO_AFTER_KEYS)) and _RETRO_AFTER.match(al)) or \
                    reported_earlier(text, ss, r.start, r.end, se):
                retro = True
            elif out and out[-1].retrospective and out[-1].span_end >= ss and \
                    _PREPOSITION_BETWEEN.fullmatch(text, out[-1].span_end, r.start):
                retro = True   # "up from 140,000 in five": the earlier figure's own details
        # attribution: the figure's own clause when sources dispute in one sentence
        # ("the city says 16 are missing; the managers say no more than five"), else the sentence's
        if sidx not in attr_cache:
            attr_cache[sidx] = find_attribution(sentence)
            if attr_cache[sidx] is None and sidx > 0 and _ITS_ESTIMATE.match(sentence):
                # "Its central estimate is about 64,000": the source named just before
                for before in range(sidx - 1, max(-1, sidx - 3), -1):
                    ps, pe = layout.sentences[before]
                    attr_cache[sidx] = find_attribution(text[ps:pe])
                    if attr_cache[sidx]:
                        break
        attribution = attr_cache[sidx]
        if attribution and _DISPUTE_BREAK.search(sentence):
            cs, ce = _clause_around(sentence, r.start - ss)
            key = (sidx, cs)
            if key not in attr_cache:
                attr_cache[key] = find_attribution(sentence[cs:ce].strip()) if (cs, ce) != (0, len(sentence)) else None
            attribution = attr_cache[key] or attribution
        cu, cl, ch = canonical(unit, low, high)
        ctx = _context(tl, ss, se, r.start, r.end)
        if sidx + 1 < len(layout.sentences) and (_LIST_HEADING.match(sentence, max(0, r.start - ss - 4))
                                                 or not ctx and _FIGURE_ALONE.match(sentence)):
            # "2. 61.4%", "3. 1,240 birds" heading a numbered explainer: the next sentence says what it counts
            ns, ne = layout.sentences[sidx + 1]
            ctx = list(dict.fromkeys(ctx + _context(tl, ns, ne, ns, ns)))
        question = _question_heading(text, ss)
        if question is not None:
            # a Q&A explainer's "How many people died?": what its answer's figures count
            ctx = list(dict.fromkeys(ctx + _context(tl, question[0], question[1], question[0], question[0])))
        out.append(Claim(
            span_start=r.start, span_end=r.end, text=text[r.start:r.end],
            value_low=low, value_high=high, qualifier=r.qual if r.qual in QUALIFIERS else "exact",
            unit=unit, sentence=sentence, sentence_start=ss, attribution=attribution,
            retrospective=retro, boilerplate=layout.is_boilerplate(r.start),
            canonical_unit=cu, canonical_low=cl, canonical_high=ch,
            noun_phrase=np_, context=ctx,
        ))
    _units_from_repeats(out)
    return out


_PREPOSITION_BETWEEN = re.compile(r"\s+(?:[a-z]+\s+)?(?:in|across|at|from|over)\s+")
_ITS_ESTIMATE = re.compile(r"\s*(?:Its|Their|His|Her)\s+(?:[a-z-]+\s+){0,2}" + FIGURE_NOUN + r"s?\b")
# a short line opening with the figure, with no full stop: a list's heading
_LIST_HEADING = re.compile(r"(?:\d{1,2}[.)])?\s*[\d$£€][^.!?\n]{0,40}$")
_FIGURE_ALONE = re.compile(r"\s*(?:\d{1,2}[.)]\s+)?(?:[^A-Za-z]|\b(?:to|and|or|percent|per\s+cent)\b)*$")
_DISPUTE_BREAK = re.compile(r";|,\s+(?:but|while|whereas|not)\s|\s+but\s|\s[—–]\s")


# a question on a line of its own, heading the paragraph that answers it
_QUESTION_LINE = re.compile(r"\n[ \t]*([^\n]{3,120}\?)[ \t]*\n\s*$")


def _question_heading(text: str, start: int) -> Optional[Tuple[int, int]]:
    """(start, end) of the question heading the paragraph that holds `start`, if any."""
    paragraph = text.rfind("\n\n", 0, start)
    if paragraph < 0:
        return None
    m = _QUESTION_LINE.search(text, max(0, paragraph - 125), paragraph + 2)
    return m.span(1) if m else None


def _clause_around(sentence: str, offset: int) -> Tuple[int, int]:
    """(start, end) in `sentence` of the clause holding `offset`, between dispute breaks."""
    start, end = 0, len(sentence)
    for m in _DISPUTE_BREAK.finditer(sentence):
        if m.end() <= offset:
            start = m.end()
        elif m.start() >= offset:
            end = m.start()
            break
    return start, end


def _units_from_repeats(claims: List[Claim]) -> None:
    """A figure with no noun anywhere near it takes the unit of the same figure elsewhere
    in the article: a headline's "count climbs to 264" is the body's "264 people".  Only
    for figures unlikely to repeat by chance (20 and over, or with decimals)."""
    by_value = {}
    for i, c in enumerate(claims):
        if c.unit is not None and c.unit != "times":
            by_value.setdefault((c.value_low, c.value_high), []).append(i)
    if not by_value:
        return
    for i, c in enumerate(claims):
        if c.unit is not None:
            continue
        v = c.value_low if c.value_low is not None else c.value_high
        if v is None or (v < 20 and float(v).is_integer()):
            continue
        same = by_value.get((c.value_low, c.value_high))
        if not same:
            continue
        j = min(same, key=lambda k: abs(k - i))
        c.unit, c.noun_phrase = claims[j].unit, claims[j].noun_phrase
        c.canonical_unit, c.canonical_low, c.canonical_high = canonical(c.unit, c.value_low, c.value_high)


_CONTEXT_STOP = _STOP | {"said", "says", "told", "would", "could", "also", "mr", "ms", "mrs", "one",
                         "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                         "thousand", "thousands", "hundred", "hundreds", "million", "millions"}

# words that tell apart quantities ("already at the border" vs "more to be sent") stay in context
_CONTEXT_STOP -= {"already", "still", "now", "more", "less", "fewer", "additional", "other", "new",
                  "initially", "originally", "previously", "total", "up", "down", "only"}
_CTX_WORDS = {}   # memo: lower-cased token -> content word, or "" when it is not one


def _ctx_word(w: str) -> str:
    v = w.strip("'’-")
    if len(v) < 3 or v in _CONTEXT_STOP:
        v = ""
    if len(_CTX_WORDS) > 50000:
        _CTX_WORDS.clear()
    _CTX_WORDS[w] = v
    return v


def _context(tl: str, ss: int, se: int, start: int, end: int) -> List[str]:
    """Content words near a figure, in order, once each; tl is the text
    lower-cased (_lower_same_length)."""
    toks = _TOKEN.findall(tl, max(ss, start - 90), start)[-8:] + _TOKEN.findall(tl, end, min(se, end + 100))[:12]
    vals = list(map(_CTX_WORDS.get, toks))
    if None in vals:
        vals = [_ctx_word(w) if v is None else v for w, v in zip(toks, vals)]
    return list(dict.fromkeys(filter(None, vals)))
