"""Numbers as written: where one can start in an article, and what it is worth.

_atoms(text, tl) yields the ATOM_RE matches, tried only where a number can start;
_parse_atom turns one into an _Atom (value, currency, scale, unit hint), or None when
it is no quantity (the tests for dates, times, ages, phone and street numbers,
designations and list numbers are in not_claims.py).
"""
import re
from typing import List, Optional

from .numbers import (SCALE_ABBR, SCALE_WORDS, TENS_WORDS, UNICODE_FRACTIONS, UNITS_WORDS, VAGUE_RE, WORDSEQ,
                      parse_digits, parse_words, vague_value)
from .units import normalize_unit
from .nouns import _count_noun_follows
from .not_claims import (_AGE_AFTER, _AGE_BEFORE, _APPOSITION_AFTER, _APPOSITION_BEFORE, _CAP_BEFORE,
                         _FULL_NAME_BEFORE, _SENTENCE_END_AFTER,
                         _LABEL_BEFORE, _LABEL_LOWER, _LABEL_WORDS, _MONTH_AFTER, _MONTH_BEFORE, _MONTH_CAP, _OF_N,
                         _PARTITIVE_PRONOUN, _ranked_list_item, _PHOTO_AFTER, _PHOTO_COUNTER, _PHOTO_COUNTER_END, _PHOTO_FIRST, _READ_TIME_AFTER, _SOCIAL_AFTER, _SOCIAL_BEFORE,
                         _OFFSET_BEFORE, _PLAYER_BEFORE, _DOT_TIME_BEFORE, _DOT_TIME_AFTER, _EMERGENCY_AFTER,
                         _EMERGENCY_BEFORE, _SEQ_BEFORE, _SEQ_LABELS, _STREET_AFTER,
                         _STREET_BEFORE, _TIME_AFTER, _WEEKDAY_BEFORE, _excluded_at, _in_phone_run,
                         _list_marker_at, _market_strip_line, _seq_label, _RANK_BEFORE, _SIDES_AFTER, _site_chrome_line)


_CUR = r"(?P<cur>US\$|U\.S\.\s?\$|C\$|A\$|NZ\$|HK\$|S\$|R\$|\$|£|€|¥|₹|\bUSD\s?|\bEUR\s?|\bGBP\s?)"
_FRAC = "".join(UNICODE_FRACTIONS)
_DIG_PART = (rf"(?P<dig>(?<![\w.,])(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+))"
             rf"(?:(?:\s|-)(?P<frac>[1-9]/(?:2|3|4|8|16))(?![\d/]))?(?P<ufrac>[{_FRAC}])?")
# "two and a half", "1 and a half million": a half more, before any scale word
_HALF_PART = r"(?P<half>[ \t-]and[ \t-]a[ \t-]half\b(?![ \t-](?:of|a|an|the|dozen|hundred)\b))?"
_SCALE_PART = (r"(?:[\s-]?(?P<scale>thousand|million|billion|trillion)\b|(?P<abbr>bn|mn|mln|bln|tn|trn|k|m|b)\b)?")
ATOM_RE = re.compile(
    rf"(?P<vague>\b(?:{VAGUE_RE})\b)"
    rf"|{_CUR}?(?:{_DIG_PART}"
    rf"|(?P<words>\b(?:(?:a|an|half\s+a|one)\s+(?:dozen|hundred|thousand|million|billion)|{WORDSEQ})\b))"
    rf"{_HALF_PART}{_SCALE_PART}",
    re.IGNORECASE,
)
# ATOM_RE where a digit starts: no vague word, currency or number word can begin with a
# digit, so only its digit branch can match there; the same groups, the others never set.
ATOM_DIG_RE = re.compile(rf"(?P<vague>(?!))?(?P<cur>(?!))?(?:{_DIG_PART}|(?P<words>(?!))){_HALF_PART}{_SCALE_PART}",
                         re.IGNORECASE)


# ----------------------------------------------------- where a number can start

_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
# a run of digits: only its first character can start a number (ATOM_RE's digits
# need no word character before them)
_DIGIT_RE = re.compile(r"[\d½¼¾⅓⅔⅛⅜⅝⅞]+")
# words that can start (or, for scale words, end) a number expression
_START_WORDS = (set(UNITS_WORDS) | set(TENS_WORDS) | {"several", "couple", "dozens", "hundreds", "thousands",
                                                      "millions", "billions", "tens", "scores"})
_BACKUP_WORDS = {"dozen": ("a ", "an ", "half a "), "hundred": ("a ", "an "), "thousand": ("a ", "an "),
                 "million": ("a ", "an ", "half a "), "billion": ("a ", "an ", "half a "),
                 "trillion": ("a ", "an "), "few": ("a ",), "handful": ("a ",)}
_CUR_BEFORE = re.compile(r"(?:US\$|U\.S\.\s?\$|C\$|A\$|NZ\$|HK\$|S\$|R\$|\$|£|€|¥|₹|\bUSD\s?|\bEUR\s?|\bGBP\s?)\s?$")
_CUR_LAST = "$£€¥₹DRP"   # the last character of every currency _CUR_BEFORE knows


# "ten past", "twenty to midnight": minutes past or to an hour said or understood
_PAST_THE_HOUR = re.compile(r"\s+(?:past\b(?=\s*(?:[,.;]|midnight|noon|one|two|three|four|five|six|seven|eight|"
                            r"nine|ten|eleven|twelve|\d{1,2}\b))|to\s+(?:midnight|noon)\b)", re.I)
_HOUR_AFTER_PAST = re.compile(r"\b(?:five|ten|twenty|twenty-five|quarter|half|5|10|20|25)\s+past\s+$", re.I)


def _clock_time(text: str, start: int, after: str, val: float) -> bool:
    """The number starting at `start` tells the time: minutes past or to an hour
    ("by ten past,", "twenty to midnight") or the hour itself ("ten past nine")."""
    return (val in (5, 10, 20, 25) and bool(_PAST_THE_HOUR.match(after))) or \
        (val <= 12 and bool(_HOUR_AFTER_PAST.search(text, max(0, start - 20), start)))

def _lower_same_length(text: str) -> str:
    """text lower-cased, same length, so offsets stay valid; ASCII letters are
    lower-cased exactly as in str.lower() and no other character becomes ASCII
    (U+0130 and the Kelvin sign are the only characters whose str.lower() has
    ASCII in it: for them, fall back to lower-casing ASCII letters only)."""
    tl = text.lower()
    if text.isascii():
        return tl
    if len(tl) == len(text) and "\u212a" not in text:
        return tl
    return text.translate(_ASCII_LOWER)


def _word_positions(tl: str, words) -> List[int]:
    out = []
    find = tl.find
    n = len(tl)
    for w in words:
        lw = len(w)
        p = find(w)
        while p >= 0:
            e = p + lw
            if (p == 0 or not tl[p - 1].isalpha()) and (e >= n or not tl[e].isalpha()):
                out.append(p)
            p = find(w, e)
    return out


def _atoms(text: str, tl: str):
    """ATOM_RE matches, left to right, tried only where a number can start (fast:
    C-level str.find for number words, a one-character class for digits).
    tl is _lower_same_length(text)."""
    cands = [m.start() for m in _DIGIT_RE.finditer(text)]
    cands += _word_positions(tl, _START_WORDS)
    for w, prefixes in _BACKUP_WORDS.items():
        for p in _word_positions(tl, (w,)):
            for pre in prefixes:
                q = p - len(pre)
                if q >= 0 and tl.startswith(pre, q) and (q == 0 or not tl[q - 1].isalpha()):
                    cands.append(q)
    cands.sort()
    scan_end = 0
    match = ATOM_RE.match
    match_dig = ATOM_DIG_RE.match
    for p in cands:
        if p < scan_end:
            continue
        c = text[p]
        if c.isdigit() or c in _FRAC:
            if p > 0 and (text[p - 1].isdigit() or text[p - 1] in ",."):
                # inside a number already tried (or a decimal part)
                if p >= 2 and text[p - 2].isdigit():
                    continue
            # a currency right before (at most two spaces between): "$5", "USD 5"
            q = p
            while q > 0 and p - q < 2 and text[q - 1].isspace():
                q -= 1
            if q > 0 and text[q - 1] in _CUR_LAST:
                cm = _CUR_BEFORE.search(text, max(0, p - 7), p)
                if cm and cm.start() >= scan_end:
                    m = match(text, cm.start())
                    if m is not None and m.group() and m.end() > p:
                        scan_end = m.end()
                        yield m
                        continue
            m = match_dig(text, p)
            if m is None or not m.group():
                continue
            scan_end = m.end()
            yield m
            continue
        m = match(text, p)
        if m is None or not m.group():
            continue
        scan_end = m.end()
        yield m


# ------------------------------------------------------------- what it is worth

class _Atom:
    __slots__ = ("start", "end", "low", "high", "vague", "words", "cur", "pct", "scaled",
                 "unit_hint", "is_int", "raw")

    def __init__(self):
        self.unit_hint = None
        self.pct = None
        self.cur = None
        self.scaled = False
        self.vague = False
        self.words = False


_CURMAP = {"$": "usd", "us$": "usd", "u.s.$": "usd", "u.s. $": "usd", "usd": "usd",
           "c$": "cad", "a$": "aud", "nz$": "nzd", "hk$": "hkd", "s$": "sgd", "r$": "brl",
           "£": "gbp", "gbp": "gbp", "€": "eur", "eur": "eur", "¥": "jpy", "₹": "inr"}


_GLUED_SUFFIX_OK = re.compile(r"(?:km/h|km|kg|mm|cm|ft|mi|mph|kph|lbs?|ha|[gmk]wh?|m|k|bn|mn|g|l|t|pc)\b|(?-i:°?[CF])\b", re.I)
_DEGREE_AFTER = re.compile(r"\s?(?:°\s?(?P<a>[CF])\b|degrees?\s+(?P<b>Celsius|Fahrenheit|C|F)\b)")
_FRACTION_WORD_AFTER = re.compile(r"-(?:thirds?|quarters?|halves|half|fifths?|sixths?|tenths?|eighths?|fourths?)\b", re.I)
# a share follows ("one in five"): "one" is then a number, not a pronoun (relative.py reads the share)
_RATIO_WORDS = "|".join(sorted((w for w in list(UNITS_WORDS) + list(TENS_WORDS) if w not in ("zero", "one")),
                                key=len, reverse=True))
_RATIO_AFTER = re.compile(
    r" (?:in|out of) (?:every )?(?P<m>\d{1,3}(?:,\d{3})*|(?:a |one )?(?:hundred|thousand)|" + _RATIO_WORDS + r")\b"
    r"(?!\s*(?:%|percent|per\s+cent|[-/.]\d)|,\d)(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|"
    r"attempts?|tries|games?|matches|races?|starts?|innings|shots?)\b)", re.I)


# a measuring unit after the number: no label comes before a measured figure
# ("Harlan Springs 18 minutes before", "the engine room 25 MILES off")
_MEASURING_UNIT_AFTER = re.compile(
    r"[ \t]+(?:minutes?|hours?|seconds|days|weeks|months|miles|kilomet(?:re|er)s|km|metres|meters|feet|yards|"
    r"inches|nautical\s+miles|mph|km/h|percent|per\s+cent|acres|hectares|tonnes|tons|litres|liters|gallons)\b", re.I)
# "1.2m eggs": a scale before a plural noun, not metres ("a 1.2m wall", "1.2m high")
_PLURAL_AFTER = re.compile(r"[ \t]+(?!across\b|less\b)[a-z]{2,}[^s\W]?s\b")
# "one to three days": the start of a range
_RANGE_WORD_AFTER = re.compile(r"[ \t]+(?:to|or)[ \t]+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.I)
_PARTNERS_AFTER = re.compile(r"[ \t]+(?:partners|vendors|advertising partners)\b", re.I)
_NAME_AFTER = re.compile(r"[ \t]+(?!(?:AS|IN|OF|TO|AT|ON|AND|OR|FOR|AFTER|FROM|WITH|BY)\b)[A-Z][A-Za-z]+\b")
# "one" is a count when what befell it follows ("one still missing", "one of them in a serious
# condition") or it ends a list of counts ("two British nationals and one German")
_ONE_COUNTED_AFTER = re.compile(
    r"(?:\s+of\s+them)?,?\s+(?:(?:is|was|has\s+been|had\s+been|remains|remained|still|now|reportedly)\s+)*"
    r"(?:missing|dead|killed|injured|hurt|unaccounted|in\s+(?:a\s+)?(?:hospital|critical|serious|stable|"
    r"intensive))\b", re.I)
_COUNTS_AND_BEFORE = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[A-Za-z-]+\s+){0,2}?"
    r"[a-z-]+(?:s|men|dead|injured|missing)\s+and\s+$", re.I)
_NEGATIVE_BEFORE = re.compile(r"(?:\b(minus)[ \t]+|(?<![\w.,)\]])[-−])$", re.I)
_DEGREES_AFTER = re.compile(r"[ \t]*(?:°|degrees?\b)", re.I)
# the last of a list of counts: "three have kidney failure, up from two, and one is on dialysis"
_AND_ONE_BEFORE = re.compile(r"\band[ \t]+$")
_ONE_VERB_AFTER = re.compile(r"[ \t]+(?:is|was|remains|remained|has|had)\b")
_COUNT_WORD = re.compile(r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.I)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:each|every|no|any|the|this|that|which|another|words\s+of|"
                                 r"according\s+to|told)\s+$", re.I)
_ANECDOTE_AFTER = re.compile(r"(?:[ \t]+[\w'’-]+){1,6}?[ \t]+(?:said|says|told|recalled|remembered|described|"
                             r"added|explained|wrote|posted|tweeted|asked)\b")
# words before a figure that are no name, even in a headline in capitals ("MORE THAN 400")
_HEDGE_WORDS = {"than", "over", "about", "around", "nearly", "almost", "least", "some", "to", "under", "below",
                "above", "just", "only", "roughly", "and", "or", "of", "by", "from", "up", "top", "hit", "hits", "reaches",
                "passes", "tops", "nears", "is", "at", "now", "kills", "killed"}


def _one_counts(text: str, start: int, end: int) -> bool:
    """Is the word "one" at text[start:end] a count, not a pronoun or a person quoted?"""
    if _RATIO_AFTER.match(text, end):
        return True    # "one in five"
    if _PRONOUN_ONE_BEFORE.search(text, max(0, start - 14), start):
        return False   # "each one", "no one", "the one", "in the words of one official"
    if _count_noun_follows(text, end, singular_ok=True, max_words=2):
        return not _ANECDOTE_AFTER.match(text, end)   # not "One worker in Leeds said ..."
    if _AND_ONE_BEFORE.search(text, max(0, start - 8), start) and _ONE_VERB_AFTER.match(text, end):
        ss = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 200)
        if _COUNT_WORD.search(text, ss, start):
            return True
    return bool(_RANGE_WORD_AFTER.match(text, end) or _ONE_COUNTED_AFTER.match(text, end) or
                _COUNTS_AND_BEFORE.search(text, max(0, start - 80), start))


def _parse_atom(text: str, m: "re.Match", excl) -> Optional[_Atom]:
    """Turn an ATOM_RE match into a value, or None when it is not a quantity."""
    a = _Atom()
    a.start, a.end = m.span()
    a.raw, vague, cur, dig, scale, abbr = m.group(0, "vague", "cur", "dig", "scale", "abbr")
    n = len(text)
    if vague:
        v = vague_value(vague)
        if v is None:
            return None
        a.low, a.high = v
        a.vague = True
        a.is_int = True
        return a
    if cur:
        a.cur = _CURMAP.get(cur.strip().lower().replace(" ", ""), "usd")
    if dig is not None:
        ds = m.start("dig")
        # fast path for the commonest non-claims: "October 25, 2018", "Oct. 22"
        if not cur and not scale and not abbr and len(dig) <= 4 and dig.isdigit() and \
                _MONTH_CAP.search(text, max(0, ds - 22), ds) and _MONTH_BEFORE.search(text, max(0, ds - 22), ds):
            return None
        if _excluded_at(text, ds):
            return None
        if not cur and 2 <= len(dig) <= 4 and _in_phone_run(text, ds, m.end("dig")):
            return None
        prev = text[ds - 1] if ds > 0 else ""
        if prev and (prev.isalpha() or prev in "#№_"):
            return None
        if prev in "-/‐" and ds >= 2 and text[ds - 2].isalnum():
            if text[ds - 2].isalpha() or prev == "/" or re.search(r"(?<![\d,.])(?:1[89]|20)\d\d$", text[max(0, ds - 7):ds - 1]):
                return None   # codes: COVID-19, F-35, 24/7, seasons 2018-19
        val = parse_digits(dig)
        a.is_int = "." not in dig
        if m.group("frac"):
            p, q = m.group("frac").split("/")
            val += int(p) / int(q)
            a.is_int = False
        if m.group("ufrac"):
            val += UNICODE_FRACTIONS[m.group("ufrac")]
            a.is_int = False
        if m.group("half"):
            val += 0.5
            a.is_int = False
        # what follows the digits
        end = m.end()
        if abbr:
            al = abbr.lower()
            if al in ("m", "b") and not a.cur:
                if al == "m" and (_count_noun_follows(text, m.end(), max_words=2, lower_only=True) or
                                  _PLURAL_AFTER.match(text, m.end())):
                    pass
                elif al == "m":
                    a.unit_hint = "metres"
                    abbr = None
                else:
                    return None
            if abbr:
                val *= SCALE_ABBR[al]
                a.scaled = True
        if abbr and not a.cur and abbr.lower() == "m" and a.unit_hint == "metres":
            a.unit_hint = None
        if scale:
            val *= SCALE_WORDS[scale.lower()]
            a.scaled = True
        nxt = text[end:end + 1]
        if nxt and (nxt.isalpha() or nxt == "_"):
            g = _GLUED_SUFFIX_OK.match(text, end)
            if not g:
                return None          # ordinals (21st), decades (1990s), 10am, codes
            gs = g.group().lstrip("°")
            if gs.lower() == "pc":
                a.pct = "percent"   # British "40pc"
            else:
                a.unit_hint = a.unit_hint or ({"C": "celsius", "F": "fahrenheit"}.get(gs) or normalize_unit(gs))
            end = g.end()
        if nxt == ":" and text[end + 1:end + 2].isdigit():
            return None
        if (nxt == "." or nxt == ")") and len(dig) <= 2 and not cur and text[end + 1:end + 2] in (" ", "\t", "\n") \
                and _list_marker_at(text, ds):
            return None              # numbered list item: "1. 47 seats", "2) Turnout"
        if nxt == " " and len(dig) <= 2 and not cur and _ranked_list_item(text, ds, end):
            return None              # "Most read\n1 The 10 things to do ..."
        if ds > 0 and text[ds - 1] == ":" and ds >= 2 and text[ds - 2].isdigit():
            return None
        if nxt in "/" and text[end + 1:end + 2].isdigit() and not m.group("frac"):
            return None
        dm = _DEGREE_AFTER.match(text, end)
        if dm:
            a.unit_hint = "celsius" if (dm.group("a") or dm.group("b") or "C")[0] in "Cc" else "fahrenheit"
            end = dm.end()
        a.low = a.high = val
        a.end = end
        before = text[max(0, a.start - 40):a.start]
        after = text[end:end + 60]
        bs = before.rstrip()
        prev_word = bs.rsplit(None, 1)[-1].lstrip("\"“‘'(") if bs else ""
        prev_cap = prev_word[:1].isupper() or prev_word[:1] in "#№"
        # dates, times
        if a.is_int and (val <= 31 or (1000 <= val <= 2100 and "," not in dig)) and \
                _MONTH_CAP.search(before, max(0, len(before) - 22)) and \
                _MONTH_BEFORE.search(before, max(0, len(before) - 22)):
            return None
        if a.is_int and val <= 31 and not a.cur and _MONTH_AFTER.match(after):
            return None
        if a.is_int and val <= 31 and "day" in before and _WEEKDAY_BEFORE.search(before) and not a.cur \
                and not _PARTITIVE_PRONOUN.match(after) and not _count_noun_follows(text, end):
            return None   # "Monday, 11" is a date; "on Monday, 11 of them ..." and "Monday 11 people" are not
        if val <= 24 and not a.cur and _TIME_AFTER.match(after):
            return None
        if not a.cur and _clock_time(text, ds, after, val):
            return None   # "20 past 6": a time
        # years
        if (a.is_int and "," not in dig and not a.cur and not a.scaled and 1000 <= val <= 2100
                and len(dig) == 4 and not (_count_noun_follows(text, end, max_words=2, lower_only=True)
                                           and _PLURAL_AFTER.match(text, end))):
            return None
        # labels, streets, ages, photo counts (a label is followed by no measuring unit:
        # "Harlan Springs 18 minutes before", "the engine room 25 MILES off")
        measured = _MEASURING_UNIT_AFTER.match(after) is not None
        if not a.cur and not measured and ((prev_cap and _LABEL_BEFORE.search(before)) or
                          ((prev_word.lower() in _LABEL_WORDS or prev_word in ("and", "or", "&") or bs.endswith(","))
                           and _LABEL_LOWER.search(before))):
            return None
        if prev_cap and a.is_int and val < 1000 and "," not in dig and not a.cur and _STREET_BEFORE.search(before):
            return None
        if a.is_int and val <= 100 and not a.cur and not a.pct and prev_word.lower() in ("top", "bottom") \
                and _RANK_BEFORE.search(before):
            return None   # "the top 10 clubs": a rank
        if a.unit_hint in ("celsius", "fahrenheit") and _site_chrome_line(text, ds):
            return None   # the masthead's weather
        if " | " in text[max(0, ds - 80):ds + 80] and _market_strip_line(text, ds):
            return None   # the masthead's market prices
        if a.is_int and val < 1000 and "," not in dig and not a.cur and not a.scaled and \
                prev_word.lower() in _SEQ_LABELS and _seq_label(text, a.start, end):
            return None   # "day 2 of the festival"
        if prev_cap and a.is_int and val < 1000 and "," not in dig and not a.cur and not a.scaled \
                and not measured and prev_word.lower() not in _HEDGE_WORDS and _CAP_BEFORE.search(before):
            return None   # designations: "Challenger 2", "Tram 81", "News 7"
        if a.is_int and val < 100 and not a.cur and not a.scaled and 2 <= len(prev_word) <= 5 and \
                prev_word.isupper() and prev_word.isalpha() and prev_word.lower() not in _HEDGE_WORDS and \
                _NAME_AFTER.match(after):
            return None   # stations and outlets: "WPCV 8 News"
        if a.is_int and after[:1].isspace() and "A" <= after.lstrip()[:1] <= "Z" and _STREET_AFTER.match(after):
            return None
        al = after.lower()
        if (("old" in al or "age" in al) and _AGE_AFTER.match(after)) or \
                (val < 130 and "age" in before and _AGE_BEFORE.search(before)):
            return None
        if (a.is_int and val < 130 and not a.cur and bs.endswith(",") and _APPOSITION_BEFORE.search(before)
                and (_APPOSITION_AFTER.match(after) or (_SENTENCE_END_AFTER.match(after)
                                                        and _FULL_NAME_BEFORE.search(before)))):
            return None
        if a.is_int and val < 100 and _READ_TIME_AFTER.match(after):
            return None
        if _PARTNERS_AFTER.match(after) and bs.lower().endswith("our"):
            return None   # cookie banners: "We and our 842 partners store ..."
        if _SOCIAL_AFTER.match(after) or _SOCIAL_BEFORE.search(before):
            return None   # page furniture: "4.3K likes", "89 comments", "COMMENTS (1,024)", "Comments 212"
        if val < 24 and (_OFFSET_BEFORE.search(before) or _PLAYER_BEFORE.search(before)):
            return None   # "GMT+6", "Listen (9 min)"
        if not a.is_int and len(dig) <= 5 and re.fullmatch(r"(?:[01]?\d|2[0-3])\.[0-5]\d", dig) and \
                _DOT_TIME_BEFORE.search(before) and _DOT_TIME_AFTER.match(after):
            return None   # "at 11.40 on Saturday": a clock time
        if dig in ("911", "999", "112", "000") and (_EMERGENCY_AFTER.match(after) or _EMERGENCY_BEFORE.search(before)):
            return None   # "911 calls", "dialled 999"
        if a.is_int and val < 1000 and (_PHOTO_COUNTER.match(text, max(0, a.start - 2)) or (
                _PHOTO_COUNTER_END.search(before) and after.lstrip(" \t")[:1] in ("\n", ""))):
            return None   # "(AWS Photo/Marta Klein) 1 of 14"
        if after.lstrip()[:1] in _PHOTO_FIRST and _PHOTO_AFTER.match(after):
            ls = text.rfind("\n", 0, a.start) + 1
            le = text.find("\n", end)
            le = n if le < 0 else le
            if le - ls < 40 or not text[end:le].strip()[len(_PHOTO_AFTER.match(after).group().strip()):]:
                return None   # a gallery's count: short, or ending its line ("... before and after — 40 PHOTOS")
        a12 = after[:12]
        if ("of" in a12 or "/" in a12) and _OF_N.match(a12) and text[max(0, a.start - 12):a.start].strip().lower() in ("", "photo", "image", "slide", "picture", "page"):
            ls = text.rfind("\n", 0, a.start) + 1
            le = text.find("\n", end)
            le = n if le < 0 else le
            if le - ls < 30:
                return None
        neg = _NEGATIVE_BEFORE.search(text, max(0, a.start - 7), a.start)
        if neg and not a.cur and (neg.group(1) or a.unit_hint in ("celsius", "fahrenheit") or
                                  _DEGREES_AFTER.match(text, end)):
            # "minus 18 degrees", "-12C": below zero
            a.low = a.high = -val
            a.start = neg.start()
        return a
    # number words
    w = m.group("words")
    if w is None:
        return None
    wl = w.lower()
    first = wl.split()[0].split("-")[0]
    if first in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
        return None          # "Thousand Oaks", bare "dozen"
    val = parse_words(w)
    if val is None:
        # e.g. "one two": keep the first word only
        fw = re.match(r"[A-Za-z]+(?:-[A-Za-z]+)?", w).group()
        val = parse_words(fw)
        if val is None:
            return None
        a.end = m.start("words") + len(fw)
        scale = None
        abbr = None
    a.is_int = True
    a.words = True
    if m.group("half") and a.end == m.end():
        val += 0.5
        a.is_int = False
    if scale:
        val *= SCALE_WORDS[scale.lower()]
        a.scaled = True
    if abbr:
        al = abbr.lower()
        if a.cur and al in SCALE_ABBR:
            val *= SCALE_ABBR[al]
        else:
            a.end = m.start("abbr")
            while a.end > a.start and text[a.end - 1] in " -":
                a.end -= 1
    after = text[a.end:a.end + 40]
    if _FRACTION_WORD_AFTER.match(after):
        return None
    if not a.scaled and _SEQ_BEFORE.search(text, max(0, a.start - 10), a.start) and _seq_label(text, a.start, a.end):
        return None       # "day two", "in round three": a designation, like an ordinal
    if _AGE_AFTER.match(after):
        return None
    if not a.scaled and _clock_time(text, a.start, after, val):
        return None       # "by ten past, the water was at the door", "ten past nine": a time
    if _RANK_BEFORE.search(text, max(0, a.start - 10), a.start) or \
            (wl == "two" and _SIDES_AFTER.match(after) and text[max(0, a.start - 4):a.start].lower() == "the "):
        return None       # "the top two divisions"; "the two sides" (of a dispute)
    if wl in ("one", "a", "an") or wl.startswith("one "):
        if wl == "one" or wl.startswith("one "):
            # "one" is a pronoun unless a count noun follows
            if wl == "one" and not m.group("half") and not _one_counts(text, a.start, a.end):
                return None
    if wl == "zero" and not _count_noun_follows(text, a.end):
        return None
    a.low = a.high = val
    return a
