"""Who a sentence says a figure comes from: "according to X", "X said", "said X",
"estimated by X", "X told reporters"."""
import re
from typing import Optional

from .terms import PREDICATE_STEMS, TOKEN_RE, normalise_word

_VERBS = (r"said|says|say|told|tells|tell|estimated|estimates|estimate|reported|reports|"
          r"announced|announces|stated|states|added|adds|confirmed|confirms|noted|notes|"
          r"wrote|writes|tweeted|tweets|claimed|claims|counted|counts|put|puts|projected|"
          r"projects|predicted|predicts|warned|warns|explained|explains|according")

_NP = r"((?:[A-Z][\w.'’&-]*|the|a|an|three|two|four|five|several|senior|top|local|state|federal|" \
      r"military|administration|government|police|fire|defense|defence|health|U\.S\.|[a-z]+ officials?|" \
      r"officials?|spokes(?:man|woman|person)|[a-z]+)(?:[ ,]+(?:[A-Z][\w.'’&-]*|of|the|for|and|[a-z]+)){0,8}?)"

_ACCORDING = re.compile(r"\baccording\s+to\s+((?:[^,.;:!?\"“”()]|(?<=\b[A-Z])\.|\.(?=\S))+)")
_BY = re.compile(r"\b(?:estimated|reported|counted|projected|confirmed|announced|provided|released|compiled|put|claimed|"
                 r"measured|recorded|given)\s+by\s+"
                 r"((?:the\s+)?(?:[A-Z][\w.'’&-]*(?:\s+(?:of|for|and|the|on)\s+|\s+)?)+|(?:a|an|the)\s+[\w.'’ -]{2,40}?)(?=[,.;:!?)]|\s+(?:to|as|at|in|on|and|who|which|that)\b|$)")
# (a noun-phrase word is a capitalised or a lower-case word: spelling out "of", "the", ...
# as well only made the engine try each such word twice)
_SUBJ_VERB = re.compile(
    r"(?:^|[,;:“\"—–-]\s*|\b(?:that|as|while|whereas|but)\s+)((?:(?:the|a|an|three|two|four|five|several|some|many|other|senior|top)\s+)?"
    r"(?:[A-Z][\w.'’&-]*|[a-z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’&-]*|[a-z][\w.'’-]*)){0,7}?)"
    r"\s+(?:also\s+|previously\s+|later\s+|again\s+|have\s+|has\s+|had\s+)?(?:said|says|say|told|tell|tells|estimated|estimates|reported|reports|"
    r"announced|confirmed|stated|added|noted|tweeted|wrote|claimed|warned|predicted|puts?|believes?|"
    r"insists?|insisted|maintains?|maintained|gave|gives|counted|counts|stands\s+by|stood\s+by|"
    r"promised|pledged|offered|"
    r"show|shows|showed)\b"
    # "the three people reported missing": a passive participle, no source speaking
    r"(?!\s+(?:missing|dead|killed|injured|hurt|wounded|safe|alive|lost|stranded|displaced|sick|ill|way|birth|chase)\b)")
# headings that end in a colon and are no source: "Key figures:", "Latest:", "Update:"
_LABEL_WORDS = {"figures", "numbers", "points", "facts", "glance", "latest", "breaking", "update", "updated",
                "correction", "note", "photo", "photos", "video", "watch", "related", "live", "timeline",
                "summary", "background", "context", "q", "a", "more", "toll", "total", "totals", "so far"}
# a summary line that names its source first: "Police: 9 dead, 53 injured"
_COLON_SOURCE = re.compile(r"^[\s•*·-]*((?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,4}):\s+(?=\S*\d|[A-Za-z]+\s+\d)")
# the source said last, at the end of the sentence or of its clause: "..., police said." (before any subject
# of the sentence's own verbs: "The storm has so far claimed one life, police said.")
_END_SAID = re.compile(r"[,”\"]\s*((?:the\s+|a\s+|an\s+)?[\w.'’&-]+(?:\s+[\w.'’&-]+){0,5}?)\s+(?:also\s+)?(?:ha(?:s|ve|d)\s+)?"
                       r"(?:said|says|say|told\s+(?:reporters|[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})|estimated|reported|"
                       r"added|confirmed|noted|wrote|warned|claimed|insisted|announced)"
                       r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
                       r"on\s+Twitter|on\s+X|in\s+a\s+statement)){0,2}(?:\s*[.!?]?[\"”’']?\s*$|,\s+[a-z])")
# a source set off by an apposition: "Tom Aldana, a county supervisor, said ..."; "A spokesman,
# Lukas Meyer, said ..."; "Its operator, Aurelia Tankers of Limassol, said ..."
_APPOSED_SAID = re.compile(
    r"(?:^|[.;:,“\"]\s*|\b(?:[Bb]ut|[Aa]nd)\s+)((?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[A-Z][\w.&-]*['’]s)\s+"
    r"(?:[\w.'’&-]+\s+){0,3}?[\w.'’&-]+)|"
    r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}),\s+([^\"“”,]{2,100}?(?:,\s+[^\"“”,]{2,60}?)?),\s+"
    r"(?:also\s+|now\s+|still\s+)?(?:ha(?:s|ve|d)\s+)?(?:said|says|told|estimated|reported|announced|confirmed|added|wrote|"
    r"warned|claimed|insisted|puts|put)\b")
_NAME = re.compile(r"^[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|for|and|the|de|van|von)){0,5}$")
# "The government's figure is 1.9 million": a figure owned by its source
_OWN_FIGURE = re.compile(r"(?:^[\s•*·-]*|[,;:]\s*|\b(?:but|and|while)\s+)((?:the\s+)?[A-Z][\w.&-]*(?:\s+[\w.&-]+){0,3}?|the\s+[a-z]+(?:\s+[a-z]+)?)['’]s?\s+"
                         r"(?:[a-z]+\s+){0,2}?(?:figure|estimate|count|tally|number|total|tabulation|projection|survey|poll)s?\s+"
                         r"(?:is|was|stands|stood|puts|put|of|shows?|showed|gives|gave)\b", re.I)
# a subject that measured or counted the figure right after its verb (not "the
# largest recorded outbreak", "its estimate of", "the hottest day ever recorded")
_MEASURED = re.compile(
    r"(?:^|[,;]\s+|\b(?:and|but|while)\s+)((?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,4}?|[a-z]+(?:[\s-][a-z]+)?)"
    r"\s+(?:now\s+|also\s+)?(?:has\s+|have\s+|had\s+)?(?:so\s+far\s+|now\s+)?(?:estimates?|measured|recorded|registered|identified)\s+"
    r"(?:(?:the|its|their)\s+[a-z]+(?:\s+[a-z]+)?\s+at\s+)?(?:(?:at\s+least|over|more\s+than|about|around|some|"
    r"nearly|almost|up\s+to|between)\s+)?[\d$£€]")
_NAMED_AFTER = re.compile(r",\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})(?=[,.;]|$)")
_SAID_SUBJ = re.compile(r"[,”\"]\s*(?:said|says|according\s+to)\s+(?!(?:in|on|at|by|to|for|during|after|before|last|this|that|"
                        r"when|while|from|with|yesterday|today|earlier|later)\b)((?:the|a|an)?\s*[\w.'’& -]{2,60}?)(?=[.,;!?]|$)")

_KEYS = ("accord", " by ", "said", "say", "told", "tell", "estimat", "report", "announc", "confirm",
         "stated", "states", "added", "adds", "noted", "notes", "tweet", "wrote", "claim", "warn", "predict",
         "put", "believe", "insist", "maintain", "gave", "give", "count", "stand", "stood", "show", "figure",
         "estimate", "tally", "total", "measured", "recorded", "registered", "identified", "promised", "pledged",
         "offered")
# adverbs that stand where a source might: "now puts the total at", "The association still says"
_ADVERBS = r"still|also|now|again|later|previously|meanwhile|too|alone|itself|themselves"
_BAD_HEAD = re.compile(r"^(?:it|he|she|they|we|i|you|this|that|which|who|there|officials? also|and|but|or|so|"
                       r"then|yet|" + _ADVERBS + r"|a|an|the|has|have|had|is|are|was|were|will|would|could|"
                       r"may|might)$", re.I)


_TRAIL_WHEN = re.compile(r"\s+(?:on|last|this|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening|afternoon|statement|a\s+statement).*$")
_TRAIL_WHERE = re.compile(r"\s+(?:on|in)\s+(?:Twitter|Facebook|social media).*$")
_LEAD_CONJ = re.compile(r"^(?:but|and|so|however|also)\s+", re.I)
_TRAIL_ADVERB = re.compile(r"(?:\s+(?:" + _ADVERBS + r"))+$", re.I)  # no part of the source
_DIGIT = re.compile(r"\d")


def _clean(s: str) -> Optional[str]:
    s = s.strip(" ,;:-–—\"“”'’")
    s = _TRAIL_WHEN.sub("", s)
    s = _TRAIL_WHERE.sub("", s)
    s = _LEAD_CONJ.sub("", s)
    s = _TRAIL_ADVERB.sub("", s)
    s = s.strip(" ,;:-–—\"“”'’")
    if not s or len(s) > 80 or _BAD_HEAD.match(s):
        return None
    if len(s.split()) > 10:
        return None
    return s


# (rescue services, a rescue team: those who rescue are a source)
_AGENT_STEMS = {"rescued"}


def _says_what_happened(label: str) -> bool:
    """A fact box's label says what befell the counted ("Deaths: 23", "Homes
    destroyed: 642", "Without power: 62,000"): it names no source."""
    return any(normalise_word(w) in PREDICATE_STEMS and normalise_word(w) not in _AGENT_STEMS
               for w in TOKEN_RE.findall(label))


def find_attribution(sentence: str) -> Optional[str]:
    """Best-effort source of the figures in `sentence` (None if not stated)."""
    if ":" in sentence[:50]:
        m = _COLON_SOURCE.match(sentence)
        if m and not _DIGIT.search(m.group(1)) and not m.group(1).isupper() and \
                m.group(1).lower().split()[-1] not in _LABEL_WORDS and not _says_what_happened(m.group(1)):
            r = _clean(m.group(1))
            if r:
                return r
    sl = sentence.lower()
    if not any(map(sl.__contains__, _KEYS)):
        return None
    # (the cheap substring tests only skip regexes that could not match)
    m = _ACCORDING.search(sentence) if "according" in sentence else None
    if m:
        r = _clean(m.group(1))
        if r:
            return r
    m = _BY.search(sentence) if "by" in sentence else None
    if m:
        r = _clean(m.group(1))
        if r:
            return r
    m = _END_SAID.search(sentence)
    if m:
        r = _source(m.group(1))
        if r and not _BAD_HEAD.match(r.split()[0]):
            return r
    m = _APPOSED_SAID.search(sentence)
    if m:
        r = _source(_apposed_source(m.group(1), m.group(2).strip()))
        if r:
            return r
    m = _OWN_FIGURE.search(sentence)
    if m:
        r = _source(m.group(1))
        if r:
            return r
    best = None
    for m in _SUBJ_VERB.finditer(sentence):
        cand = m.group(1)
        # keep the shortest tail noun phrase: trim at the last comma, or the last
        # word that starts a clause ("TWO Brits among dead as survivors say ...")
        cand = _CLAUSE_START.split(cand.split(",")[-1])[-1]
        r = _clean(cand)
        if r and not _DIGIT.search(r):
            words = r.split()
            # drop leading verbs/nouns of the clause: keep from the last determiner or capital run
            for i in range(len(words) - 1, -1, -1):
                if words[i].lower() in ("the", "a", "an", "three", "two", "four", "five", "several", "senior", "top"):
                    r = " ".join(words[i:])
                    break
            else:
                # capitalised run at the end
                j = len(words)
                while j > 0 and (words[j - 1][:1].isupper() or words[j - 1].lower() in ("officials", "official")
                                 # "Britain's Ministry of Defence": a name's "of" / "for" / "and"
                                 or (words[j - 1] in ("of", "for", "and") and j > 1 and words[j - 2][:1].isupper())):
                    j -= 1
                if j < len(words):
                    r = " ".join(words[j:])
                elif len(words) >= 2 and words[-2][-2:] in ("'s", "’s") and words[-2][:1].isupper():
                    k = len(words) - 2     # "Gov. Claire Benoit's office"
                    while k > 0 and words[k - 1][:1].isupper():
                        k -= 1
                    r = " ".join(words[k:])
                elif words[0][-2:] in ("'s", "’s") and words[0][:1].isupper() and len(words) <= 5:
                    pass           # "Estonia's defence intelligence service"
                elif len(words) > 3:
                    r = None
            if r and not _BAD_HEAD.match(r):
                best = r
                break
    if best:
        return best
    m = _SAID_SUBJ.search(sentence)
    if m:
        named = _NAMED_AFTER.match(sentence, m.end(1))
        if named and m.group(1).split()[0].lower() in ("its", "their", "the", "a", "an", "his", "her"):
            return _source(named.group(1))   # 'said its chair, Lidia Marsh': the name
        return _source(m.group(1))
    # "The institute has recorded over 200 aftershocks", "insurers estimate the damage at"
    m = _MEASURED.search(sentence) if any(map(sl.__contains__, ("measured", "recorded", "registered", "estimate",
                                                                "identified"))) \
        else None
    return _source(m.group(1)) if m and not _BAD_HEAD.match(m.group(1)) else None


def _source(phrase: str) -> Optional[str]:
    """The phrase cleaned, if it can name a source (no figure in it)."""
    r = _clean(phrase)
    return r if r and not _DIGIT.search(r) else None


_CLAUSE_START = re.compile(r"\b(?:as|that|while|whereas|but|because|after|when)\s+")
_RELATIVE = re.compile(r"(?:which|who|whose|whom|where|that)\b", re.I)


def _apposed_source(head: str, apposed: str) -> str:
    """Of "HEAD, APPOSED, said": a described source's name ("A spokesman, Lukas
    Meyer"; "Britain's defence secretary, James Alder"), else the head itself,
    which is the name ("Ray Kowalczyk, president of Local 719")."""
    if _RELATIVE.match(apposed):
        return head  # "the union, which represents nurses, said": the clause describes the source
    first = head.split()[0]
    described = first.lower() in ("the", "a", "an", "its", "their", "his", "her") or \
        (first[-2:] in ("'s", "’s") and len(head.split()) > 1)
    if not head[:1].isupper() or (described and _NAME.match(apposed)):
        return apposed
    return head
