"""Sentence splitting and scraped-boilerplate detection for news text.

Everything works on offsets into the original text, so spans stay exact.
"""
import bisect
import re
from typing import List, Tuple

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cpt", "maj",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "st", "ste", "mt", "ft", "jr", "sr",
    "no", "nos", "vs", "v", "inc", "corp", "co", "ltd", "llc", "dept", "est", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "al",
    "ave", "blvd", "rd", "hwy", "fig", "pres", "supt", "atty", "sgt", "pvt", "cpl",
}

# (written to start with a character class: the regex engine then skips fast to candidates)
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?:\s+|$)|\n\n*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def split_sentences(text: str) -> List[Tuple[int, int]]:
    """Return (start, end) spans of sentences; lines are always boundaries."""
    spans = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if "\n" not in m.group():
            # sentence punctuation followed by space: check abbreviation / next char
            nxt = text[end:end + 1]
            if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'(["):
                continue
            if m.group()[0] == ".":
                wb = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
                if wb:
                    w = wb.group(1).lower()
                    glued = wb.start(1) > 0 and text[wb.start(1) - 1].isdigit()  # "£300m." ends a sentence
                    if not glued and (w in _ABBREV or (len(w) == 1 and w.isalpha())):
                        continue
        s, e = start, m.start() if "\n" in m.group() and m.group().strip() == "" else end
        # trim whitespace
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = end
    s, e = start, n
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
    return spans


def line_spans(text: str) -> List[Tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


_BOILER_START = re.compile(
    r"^\s*(?:WATCH\b|READ\s+MORE\b|MORE\s*:|RELATED\b|Related\s*:|PHOTO\s*:|PHOTOS\s*:|VIDEO\s*:|"
    r"Read\s+(?:more|Full\s+Story|the\s+full)|See\s+(?:Gallery|also|more|the\s+full)|"
    r"Sign\s+up\b|Subscribe\b|Click\s+here\b|Follow\s+(?:us|@)|Story\s+continues|"
    r"Advertisement\b|ADVERTISEMENT\b|Share\s+this\b|SHARE\b|Listen\s+to\b|LISTEN\b|"
    r"Get\s+(?:the\s+latest|breaking|our)|Download\s+the\b|Copyright\b|©|"
    r"HIDE\s+CAPTION|SHOW\s+CAPTION|SEE\s+ALL|BACK\s+TO\s+SLIDE|Next\s+slide|Previous\s+slide|"
    r"Emails?\s+may\b|You\s+may\s+unsubscribe|Interested\s+in\b|Add\s+Interest|Add\s+\w+\s+as\s+an\s+interest|"
    r"\(?Reporting\s+by\b|Editing\s+by\b|Additional\s+reporting\b|Image\s+(?:source|caption)|"
    r"Getty\s+Images|AP\s+Photo|\d+\s+(?:PHOTOS|Photos|photos|IMAGES|Images|SLIDES|Slides|VIDEOS|Videos)\s*$|"
    r"Photo\s*(?:\d+\s*(?:of|/)\s*\d+|credit|:)|Caption\b|Credit\s*:|"
    r"[—–-]\s*[A-Z][\w. ]+\(@\w+\)|pic\.twitter\.com)",
)
# (the leading look-ahead lets the regex engine skip most positions at once)
_BOILER_ANY = re.compile(
    r"(?=[rR(aAgGpP/tTnNiI])(?:REUTERS/|\(AP\s+Photo|\bAFP(?:/| via)\b|Getty\s+Images|Picture\s+taken\b|"
    r"\bPhoto(?:graph)?\s*(?:by|credit)\b|/File\s+photo|\bTPX\s+IMAGES|"
    r"\bnewsletters?\b.*\b(?:sign|subscribe|inbox)|\binbox\b|"
    r"\(@\w+\)\s+\w+\s+\d|pic\.twitter\.com)",
    re.IGNORECASE,
)
_ANY_KEYS = ("reuters/", "ap photo", "afp", "getty", "picture taken", "photo", "tpx", "newsletter",
             "inbox", "(@", "pic.twitter")
_GALLERY_START = re.compile(r"^\s*\d+\s+(?:PHOTOS|Photos|photos|IMAGES|Images|SLIDES|Slides)\s*$")
_GALLERY_END = re.compile(r"^\s*(?:BACK\s+TO\s+SLIDE|SEE\s+ALL|HIDE\s+CAPTION|SHOW\s+CAPTION)\s*$")


class Layout:
    """Lines, sentences and boilerplate flags of a text, with fast lookups.

    Boilerplate flags are computed lazily, line by line: the sequential state
    (photo galleries, repeated lines) is cheap and done once for the whole text;
    the costly pattern checks run only for lines that hold a figure."""

    def __init__(self, text: str):
        self.text = text
        self.lines = line_spans(text)
        self.line_starts = [s for s, _ in self.lines]
        self.sentences = split_sentences(text)
        self.sent_starts = [s for s, _ in self.sentences]
        self._flags = None

    def _sequential(self) -> List[bool]:
        """Per line: True (gallery or repeated line), False (blank) or None (check patterns)."""
        text = self.text
        flags = []
        seen = {}
        gallery = self._gallery_lines()
        for i, (s, e) in enumerate(self.lines):
            line = text[s:e]
            stripped = line.strip()
            b = i in gallery
            if not b and stripped:
                j = seen.get(stripped)
                # repeated line (caption / headline repeat), not the first lines; the
                # pattern checks below come first, so leave a marker for them
                b = "r" if (j is not None and j != i and i > 2) else None
            if stripped and stripped not in seen:
                seen[stripped] = i
            flags.append(b)
        return flags

    def _gallery_lines(self) -> set:
        """Lines of photo galleries: from an "18 PHOTOS" badge through its
        block of captions (to the first blank line, or past blank lines on to
        a closing HIDE CAPTION / SEE ALL / BACK TO SLIDE). A badge alone above
        a live blog's entries is a gallery of one line, not the rest of the page."""
        text, lines = self.text, self.lines
        gallery = set()
        i = 0
        while i < len(lines):
            if not _GALLERY_START.match(text[lines[i][0]:lines[i][1]]):
                i += 1
                continue
            gallery.add(i)
            j = i + 1
            while j < len(lines):
                line = text[lines[j][0]:lines[j][1]]
                if line.strip():
                    gallery.add(j)
                    j += 1
                    continue
                ahead = j  # past blank lines, a closing line continues the gallery
                while ahead < len(lines) and not text[lines[ahead][0]:lines[ahead][1]].strip():
                    ahead += 1
                if ahead < len(lines) and _GALLERY_END.match(text[lines[ahead][0]:lines[ahead][1]]):
                    j = ahead
                    continue
                break
            i = j
        return gallery

    @property
    def boiler(self) -> List[bool]:
        """Boilerplate flag of every line (forces the pattern checks on all lines)."""
        return [self._line_flag(i) for i in range(len(self.lines))]

    def _line_flag(self, i: int) -> bool:
        flags = self._flags
        if flags is None:
            flags = self._flags = self._sequential()
        b = flags[i]
        if b is True or b is False:
            return b
        s, e = self.lines[i]
        line = self.text[s:e]
        ll = line.lower()
        b = bool(_BOILER_START.match(line) or (any(k in ll for k in _ANY_KEYS) and _BOILER_ANY.search(line))) \
            or b == "r"
        flags[i] = b
        return b

    def line_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.line_starts, pos) - 1)

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def is_boilerplate(self, pos: int) -> bool:
        if not self.lines:
            return False
        return self._line_flag(self.line_index(pos))
