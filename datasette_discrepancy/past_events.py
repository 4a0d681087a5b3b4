"""Figures about an earlier event ("since the 2017 Ash Creek Fire, which killed
22"): the year each is dated to, and later mentions of that event by name
alone, so grouping keeps them apart from the story's own figures. Pure functions.
"""
import re
from typing import Dict, Iterable, Optional, Sequence, Set

from .terms import STOPWORDS, offset_in_sentence

YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
YEAR_AFTER_RE = re.compile(r"[^.;,\d]{0,30}?\b(?:in|during|of)\s+(1[89]\d\d|20\d\d)\b"
                           # "the 47.1 percent recorded when Danek was re-elected in 2023"
                           r"|\s+(?:[a-z]+\s+){0,2}when\s+[^.;,\d]{0,50}?\b(?:in|of)\s+(1[89]\d\d|20\d\d)\b")
# "... the $112 million Crestline lost after the group's 2023 attack"
YEAR_EVENT_AFTER_RE = re.compile(r"[^.;,\d]{0,60}?\b(?:the|its|their|[A-Za-z]+['’]s)\s+(1[89]\d\d|20\d\d)\s+[a-z]")


# what every year the patterns above find contains: most sentences have none
YEARISH_RE = re.compile(r"(?:1[89]|20)\d\d|[Yy]ear")
# "last year's march drew about 28,000", "two years ago": a year counted back
# from the article's own (not a bare "last year", which as often dates a
# figure of the story itself: "the boss took home £2.3m last year")
YEARS_BACK_RE = re.compile(r"\b(?:(?P<last>(?:[Ll]ast|(?:[Tt]he\s+)?(?:previous|prior))\s+year['’]s|[Aa]\s+year\s+(?:ago|earlier|before))"
                           r"|(?P<count>two|three|four|five|six|seven|eight|nine|ten|[2-9]|[1-9]\d)\s+years\s+(?:ago|earlier|before))\b")
# "rose 5% from a year ago" compares with the earlier year, it is this one's figure
_NOT_DATING = re.compile(r"[,;.]|\b(?:from|since|than|compared|over|versus|against|on|in)\s*$", re.I)
_CLAUSE_TURN = re.compile(r"[;:\u2014\u2013]|\s-\s|,\s+and\b|\b(?:but|while|whereas|as|this\s+year|now)\b", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def past_event_year(claim: dict) -> Optional[str]:
    """The year of an earlier event a figure belongs to: "since the 2017 Ash
    Creek Fire, which killed 22" is about 2017, not this story."""
    sentence = claim.get("sentence") or ""
    if not YEARISH_RE.search(sentence):
        return None
    position = offset_in_sentence(claim)
    if position < 0:
        return None
    published_year = (claim.get("published") or "")[:4]
    window = sentence[max(0, position - 120) : position]
    clause = _CLAUSE_TURN.split(window)[-1]  # "Last year it cut 500; this year 1,150"
    years = [m.group(1) for m in YEAR_RE.finditer(clause)]
    # "... up from $22 million in 2021": a year right after the figure dates it
    end = position + len(claim.get("text") or "")
    after = YEAR_AFTER_RE.match(sentence, end) or YEAR_EVENT_AFTER_RE.match(sentence, end)
    if after:
        years.append(after.group(1) or after.group(2))
    if not years and published_year.isdigit():
        back = [m for m in YEARS_BACK_RE.finditer(clause)] or \
            [m for m in YEARS_BACK_RE.finditer(sentence, end, end + 60) if not _NOT_DATING.search(sentence[end:m.start()])]
        if back:
            m = back[-1]
            count = m.group("count")
            years.append(str(int(published_year) - (1 if m.group("last") else int(_COUNTS.get(count, count)))))
    years = [y for y in years if not published_year or y < published_year]
    return years[-1] if years else None


NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")


def date_past_events(claims: Sequence[dict], past: Optional[Dict[str, str]] = None,
                     current: Iterable[str] = ()) -> (Dict[str, str], Set[str]):
    """Give one article's claims their `past_year`: a figure is about an
    earlier event when its sentence names one dated elsewhere in the article,
    or in an earlier article of the story (`past`: name -> year), and the
    name is not one of this story's own (`current`: names met around its
    undated figures). "Since the MV Helena went down in 2009, killing 97" ...
    "memories of the Helena, which sank ... and killed 97".

    Returns the names this article dates and the names around its undated
    figures, for the story to remember."""
    names: Dict[str, str] = {}
    seen = set(current)  # names that belong to this story
    past_names = set(past or ())
    event_years = [past_event_year(c) for c in claims]
    names_of = {}  # sentence -> its names (claims share sentences)

    def names_in(sentence):
        found = names_of.get(sentence)
        if found is None:
            found = names_of[sentence] = _names(sentence)
        return found

    # ... the first place to look for them is the article's headline and lead
    for claim, year in zip(claims[:2], event_years):
        if not year:
            seen |= names_in(claim.get("sentence") or "") - past_names
    for claim, year in zip(claims, event_years):
        claim["past_year"] = year
        sentence = claim.get("sentence") or ""
        here = names_in(sentence)
        if year:
            # the names first met around the year are the earlier event's
            position = offset_in_sentence(claim)
            window = sentence[max(0, position - 120):position]
            at = window.rfind(year)
            # (a year counted back, "last year", names no event: the names
            # near it are sources and places, "the International Maritime Bureau")
            for m in NAME_RE.finditer(window, max(0, at - 60), at + 40) if at >= 0 else ():
                if m.group() not in seen and m.group().lower() not in STOPWORDS:
                    names.setdefault(m.group(), year)
        seen |= here - set(names) - past_names
    known = {n: y for n, y in (past or {}).items() if n not in seen}
    known.update(names)
    undated = set()
    for claim in claims:
        here = names_in(claim.get("sentence") or "")
        if claim["past_year"] is None and known:
            years = sorted({known[n] for n in here if n in known})
            if len(years) == 1:
                claim["past_year"] = years[0]
        if claim["past_year"] is None:
            undated |= here
    return names, undated - set(known)


def _names(sentence: Optional[str]) -> Set[str]:
    """The capitalised words of a sentence, but common words starting it."""
    return {m.group() for m in NAME_RE.finditer(sentence or "") if m.group().lower() not in STOPWORDS}
