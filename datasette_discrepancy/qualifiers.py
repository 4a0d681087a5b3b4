"""The interval a figure asserts: the qualifier before it ("more than", "up to"), after it
("or more", "-plus"), the connectors of a range ("800 to 1,000"), and _Raw, a figure's
span and interval before it becomes a Claim.
"""
import re
from typing import Optional


# ------------------ before the figure: "about", "more than", "up to", "between"

# (a leading look-ahead for the first letters of the alternatives lets the regex engine
# skip most start positions at once; it changes no match)
_PRE_QUAL = re.compile(
    r"(?=[arsncejmouigflbw])\b(?P<q>about|around|approximately|approx\.|roughly|some|nearly|nearer|almost|close\s+to|"
    r"closer\s+to|in\s+the\s+region\s+of|circa|an\s+estimated|estimated|well\s+over|well\s+above|well\s+under|"
    r"well\s+below|"
    r"just\s+(?:over|under|shy\s+of)|more\s+than|over|upwards\s+of|in\s+excess\s+of|above|greater\s+than|north\s+of|exceeding|"
    r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|not\s+less\s+than|"
    r"fewer\s+than|less\s+than|under|below|short\s+of|"
    r"up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|no\s+more\s+than|not\s+more\s+than|at\s+most|a\s+maximum\s+of|"
    r"between|from|an?\s+additional|another)\s+$",
    re.IGNORECASE,
)
_QMAP = {
    "about": "approximately", "around": "approximately", "approximately": "approximately",
    "approx.": "approximately", "roughly": "approximately", "some": "approximately",
    "nearly": "approximately", "almost": "approximately", "close to": "approximately",
    "nearer": "approximately", "closer to": "approximately", "in the region of": "approximately",
    "well over": "more_than", "well above": "more_than", "well under": "less_than", "well below": "less_than",
    "circa": "approximately", "an estimated": "approximately", "estimated": "approximately",
    "just over": "more_than", "just under": "less_than", "just shy of": "less_than",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than", "greater than": "more_than",
    "north of": "more_than", "exceeding": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "below": "less_than", "short of": "less_than",
    "up to": "at_most", "as many as": "at_most", "as much as": "at_most", "as high as": "at_most",
    "no more than": "at_most", "not more than": "at_most", "at most": "at_most",
    "a maximum of": "at_most",
}
# the last word of every qualifier _PRE_QUAL knows: a cheap test before the regex
_QUAL_LAST_WORDS = {"about", "around", "approximately", "approx.", "roughly", "some", "nearly", "nearer", "almost",
                    "to", "circa", "estimated", "over", "under", "than", "of", "above", "exceeding",
                    "least", "as", "most", "below", "between", "from", "additional", "another"}

# verbs that say a figure was exceeded: "the toll passes 200", "topped 1,000"
_PASSING_VERBS = {"passes", "passed", "tops", "topped", "exceeds", "exceeded", "surpasses", "surpassed",
                  "crosses", "crossed"}


def _prev_word(text: str, pos: int) -> str:
    """The lower-cased word right before pos (skipping spaces)."""
    e = pos
    while e > 0 and text[e - 1] in " \t":
        e -= 1
    s_ = e
    while s_ > 0 and pos - s_ < 20 and not text[s_ - 1].isspace():
        s_ -= 1
    return text[s_:e].lower()


# -------- after it: "or more", "-plus", "or so"; and the connector of a range: "to", "-", "and"

_POST_QUAL = re.compile(r"(?:\s+or\s+(?P<more>more|greater|above|higher|over)\b|\s+or\s+(?P<less>fewer|less|under|lower)\b"
                        r"|\s+or\s+so\b|(?:-|\s)?(?P<plus>plus)\b(?!\s+\d)|(?P<plus2>\+)|-(?P<odd>odd)\b)", re.I)
_RANGE_CONN = re.compile(r"(?:\s*(?:-|–|—)\s*|\s+(?:to|and|or|through|thru)\s+)"
                         r"(?:(?P<q2>about|around|approximately|roughly|some|nearly|almost|more\s+than|over|at\s+least|"
                         r"up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|perhaps|possibly|maybe)\s+)?", re.I)


# ----------------------------------------------------------------- the interval


class _Raw:
    """A figure expression the scan found: span, interval, qualifier, unit; _finish makes it a Claim."""
    __slots__ = ("start", "end", "low", "high", "qual", "unit", "np", "retro", "cstart", "cend",
                 "canon", "anaphora")

    def __init__(self, start, end, low, high, qual):
        self.start, self.end, self.low, self.high, self.qual = start, end, low, high, qual
        self.unit = None
        self.np = None
        self.retro = False
        self.canon = None
        self.anaphora = False


def _apply_qual(q: Optional[str], low, high):
    """(qualifier, low, high) for the figure [low, high] under the qualifier q: a bound opens one end."""
    if q is None:
        return "exact", low, high
    if q in ("more_than", "at_least"):
        return q, low, None
    if q in ("less_than", "at_most"):
        return q, None, high
    return q, low, high
