"""How a sentence presents a figure, as grouping needs to know it: as one of
rival estimates of a quantity ("police say 12,000, organisers 40,000"), a
correction ("11, not eight"), a source's own figure ("stands by its figure
of 11"), the earlier end of a change ("to 9,000, from 12,000"), another
period's figure ("up from 4% in January") or a count that has risen ("the
toll rose to 12"). Pure functions over a claim's sentence and text.
"""
import re

from .metadata import MONTHS
from .terms import CLAUSE_BREAK_RE, offset_in_sentence

REPORTING_RE = re.compile(
    r"\b(?:said|says|say|put|puts|putting|estimated?|estimates|maintains?|maintained|insists?|insisted|"
    r"reported|reports|claim|claimed|claims|count|counted|counts|reckons?|according\s+to)\b", re.I)
DISPUTED_RE = re.compile(r"^[^;:.]{0,60}?,?\s+not\s+(?:the\s+)?[\"“‘']?$", re.I)
COLON_SOURCE_RE = re.compile(r"(?:^|[;.•*]\s*|\n\s*)[A-Z]?[\w'’ .-]{2,40}:\s*[\"“‘']?(?:[^;:]{0,20})$")
# the nouns a source's figure for a quantity goes by: "its figure", "the toll"
FIGURE_NOUN = r"(?:figure|estimate|number|count|tally|total|toll)"
OTHERS_FIGURE_RE = re.compile(r"\b(?:more|less|fewer|higher|lower|above|below)\s+than\s+(?:the\s+)?[\w.&’'-]+(?:\s+[\w.&’'-]+){0,3}?"
                              r"['’]s?\s+(?:own\s+|official\s+|latest\s+)?" + FIGURE_NOUN + r"\s+"
                              r"(?:of\s+)?[\"“‘']?$", re.I)
ALTERNATIVES_RE = re.compile(r"\s*[—–-]?\s*,?\s*or\s+$")
CONTRAST_RE = re.compile(r"\b(?:but|while|whereas|however)\b|;", re.I)
# words that introduce a source's own figure for the quantity under discussion:
# "stands by its figure of 11", "puts the number at 1,400", "insists it was",
# "raised its own figure to \"around 2,500\""
OWN_ESTIMATE_RE = re.compile(
    r"(?:\b(?:its|their|his|her)\s+(?:own\s+)?(?:figure|estimate|count|tally|number|total)\s+(?:of|at|was|is|to)\s+"
    r"|\bthe\s+figure\s+(?:of|at|was|is)\s+"
    r"|\bput(?:s|ting)?\s+(?:the\s+|its\s+|their\s+)?(?:figure|number|toll|count|total|tally|it)\s+at\s+"
    # "puts the damage at", "put the crowd at", "put the toll higher, at"
    r"|\bput(?:s|ting)?\s+(?:the|its|their)\s+[a-z-]+\s+(?:[a-z-]+\s+)?"
    r"(?:at\s+|(?:(?:much|far|even)\s+)?(?:higher|lower),?\s*(?:at\s+)?)"
    # "puts turnout at", "estimates turnout at": a quantity with no article
    r"|\b(?:put(?:s|ting)?|estimat(?:e|es|ed|ing))\s+(?:the\s+|its\s+|their\s+)?[a-z-]+\s+at\s+"
    r"|\bst(?:oo|an)ds?\s+by\s+|\binsist(?:s|ed)?\b[^.;]{0,30}|\bmaintain(?:s|ed)?\b[^.;]{0,30})"
    r"[\"“‘']?(?:(?:about|around|roughly|some|nearly|almost|more than|less than|at least|up to|as many as"
    r"|as much as)\s+)?$", re.I)


QUOTE_MARKS = "\"“”‘’'"
SAYS_BEFORE_RE = re.compile(r"\b(?:says|said|say|claims|claimed|estimates|estimated|reckons|counts|counted)\s+"
                            r"(?:(?:that\s+)?(?:it|this|the\s+(?:figure|number|total|count))\s+(?:is|was)\s+)?$", re.I)
SAYS_AFTER_RE = re.compile(r"\s*(?:[.;]|,\s|$)")


def own_estimate(claim: dict) -> bool:
    """A figure given as a source's own for the quantity the article is about
    ("the union stands by its figure of 11", traders say "more than 30"): it
    may disagree with the article's other figure for it."""
    at = offset_in_sentence(claim)
    if at <= 0:
        return False
    sentence = claim["sentence"]
    end = at + len(claim.get("text") or "")
    if sentence[at - 1] in QUOTE_MARKS and sentence[end:end + 2].lstrip(",.")[:1] in tuple(QUOTE_MARKS):
        return True  # the figure alone in quotation marks: someone's claim, quoted ("at least 120,000,")
    if SAYS_BEFORE_RE.search(sentence, max(0, at - 50), at) and SAYS_AFTER_RE.match(sentence, end):
        return True  # the figure alone as what a source says: "the reinsurer says $4.5 billion."
    window = sentence[max(0, at - 80):at]
    # ... or given for "the number": "said the real number was", "puts it at"
    return bool(OWN_ESTIMATE_RE.search(window) or REFERS_BACK_RE.search(window))


# "put the number at", "still puts it at", "said it was", "the true figure is":
# the figure is given for the quantity the text was just talking about
REFERS_BACK_RE = re.compile(
    r"(?:\b(?:put(?:s|ting)?|estimated?|estimates|place[sd]?)\s+(?:the\s+" + FIGURE_NOUN + r"|it)\s+"
    r"(?:of\s+[a-z]+\s+(?:[a-z]+\s+)?)?(?:[a-z]+\s+){0,2}?(?:at|as)\s+"
    r"|\b(?:said|says|say|insists?|insisted|believes?|believed)\s+(?:that\s+)?(?:it|the\s+" + FIGURE_NOUN + r")\s+"
    r"(?:is|was|stands\s+at|stood\s+at|could\s+be|would\s+be)\s+"
    r"|\bthe\s+(?:true|real|actual|correct|right)\s+" + FIGURE_NOUN + r"(?:\s+[a-z]+)?\s+(?:is|was)\s+)"
    r"[\"“‘']?(?:(?:about|around|roughly|some|nearly|almost|more than|less than|fewer than|at least|up to|as many as"
    r"|as much as|no more than|closer to|nearer|well over|over|under)\s+)?$", re.I)


def refers_back(claim: dict) -> bool:
    """The figure is a value given for "the number" or "it": the quantity the
    text was just talking about ("a fishermen's association put the number at
    \"more than 200\"", "the club said it was no more than 800")."""
    at = offset_in_sentence(claim)
    if at <= 0:
        return False
    return bool(REFERS_BACK_RE.search(claim["sentence"][max(0, at - 80):at]))


def rival_estimates(a: dict, b: dict) -> bool:
    """Two sources giving their own figure in one sentence: "the institute puts
    the figure at 18,000, but the Red Cross said some 45,000 people ..." (one
    quantity, two estimates), unlike "4,000 authorized but only 2,100 in place"."""
    if not _one_sentence(a, b):
        return False
    sentence, start, between = _first_and_between(a, b)
    if DISPUTED_RE.search(between):
        return True   # "11 officers were held, not eight": a figure and the one it disputes
    if ALTERNATIVES_RE.match(between) and sentence.rstrip().endswith("?"):
        return True   # "$38.5 million — or more than $60 million?": which of two figures
    if OTHERS_FIGURE_RE.search(between):
        return True   # "62,000 had crossed, far more than the UN's figure of 38,000"
    if COLON_SOURCE_RE.search(between) and COLON_SOURCE_RE.search(sentence[:start]):
        return True   # "Police: about 1,800 stranded; drivers' group: more than 3,000"
    # "..., but the Red Cross said", "nurses say 3,000 ..., hospital says 1,100":
    # a source reporting after the break ("60 people have reported symptoms;
    # eight are in hospital" is one source's two figures)
    breaks = [m.start() for m in (CONTRAST_RE.search(between), re.search(",", between)) if m]
    if not breaks or not REPORTING_RE.search(between, min(breaks)):
        return False
    clause = CLAUSE_BREAK_RE.split(sentence[:start])[-1] if start > 0 else ""
    if REPORTING_RE.search(clause):
        return True
    # "Three crew members died and one is missing; the seafarers' union counts
    # four dead": a named source's figure set against the article's own
    return bool(NAMED_SOURCE_AFTER_RE.search(between))


NAMED_SOURCE_AFTER_RE = re.compile(r"(?:;|\bbut)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5}?\s+"
                                   r"(?:says|said|counts|counted|puts|put|estimates|reckons|claims|insists)\s+"
                                   r"(?:(?:that\s+)?(?:it|the\s+" + FIGURE_NOUN + r")\s+(?:is|was|at)\s+)?[^\s;,.]*\s*$")


def _one_sentence(a: dict, b: dict) -> bool:
    return a.get("article_id") == b.get("article_id") and bool(a.get("sentence")) and a.get("sentence") == b.get("sentence")


def _first_and_between(a: dict, b: dict):
    """(sentence, where the first figure starts, the text between the two)."""
    first, second = sorted((a, b), key=offset_in_sentence)
    sentence = first["sentence"]
    start = offset_in_sentence(first)
    return sentence, start, sentence[start + len(first.get("text") or ""):offset_in_sentence(second)]


def corrects(a: dict, b: dict) -> bool:
    """One figure set against the other it disputes in one sentence: "11
    officers were held, not eight", "1.6 million lost power, not 1.3 million"."""
    return _one_sentence(a, b) and bool(DISPUTED_RE.search(_first_and_between(a, b)[2]))


# "lowered its estimate to about 9,000 pounds, from as much as 12,000": the
# figure after ", from" is the one the figure after "to" replaced
CHANGED_FROM_RE = re.compile(r"\bto\s+(?:[^,;]|(?<=\d),(?=\d)){1,60},\s*from\s+(?:the\s+)?$", re.I)


def changed_from(claim: dict) -> bool:
    """The figure a change started from, given after the one it reached."""
    at = offset_in_sentence(claim)
    return at > 0 and bool(CHANGED_FROM_RE.search(claim["sentence"][max(0, at - 90):at]))


# "said more than 150,000 and on Sunday raised that to 180,000": a figure its
# source has since replaced, later in the sentence
REVISED_LATER_RE = re.compile(
    r"[^.;:]{0,40}?\b(?:raised|lifted|increased|upped|revised|lowered|cut|reduced|updated|upgraded|downgraded)\s+"
    r"(?:that|it|this|(?:the|its|their)\s+(?:own\s+)?" + FIGURE_NOUN + r")\s+(?:\w+\s+)?to\s", re.I)


def revised_later(claim: dict) -> bool:
    """A figure the sentence says its source has since replaced."""
    at = offset_in_sentence(claim)
    if at < 0:
        return False
    return bool(REVISED_LATER_RE.match(claim["sentence"], at + len(claim.get("text") or "")))


# "up from 4% in January", "against 41% a year ago": the same measurement
# for another period, not an earlier figure for this one
ANOTHER_PERIOD_RE = re.compile(
    r"\s*(?:%%|percent|per\s+cent)?\s*(?:,\s*)?(?:(?:in|during|for)\s+(?:%s)\b|a\s+year\s+(?:ago|earlier|before)"
    r"|(?:in\s+)?(?:the\s+)?(?:last|previous|prior)\s+year\b|the\s+year\s+before"
    # "up from 52.3 percent in the first round": another round's own figure
    r"|(?:in|at|during|for)\s+(?:the\s+)?(?:first|previous|last|prior|preceding|earlier)\s+"
    r"(?:round|election|vote|ballot|poll|referendum|quarter|season)\b)" % "|".join(MONTHS), re.I)


def another_period(claim: dict) -> bool:
    """An earlier figure dated to another period right after it."""
    at = offset_in_sentence(claim)
    if at < 0:
        return False
    return bool(ANOTHER_PERIOD_RE.match(claim["sentence"], at + len(claim.get("text") or "")))


# "the toll has risen to 12", "climbed to", "hits": a running count, updated
RISEN_RE = re.compile(r"\b(?:rose|rises|risen|rising|climbed|climbs|climbing|jumped|jumps|increased|grew|"
                      r"hits|hit|reached|reaches|now)\s+(?:to\s+|at\s+)?$", re.I)


def risen_to(claim: dict) -> bool:
    """The figure is given as what a count has risen to."""
    at = offset_in_sentence(claim)
    return at > 0 and bool(RISEN_RE.search(claim["sentence"][max(0, at - 30):at]))
