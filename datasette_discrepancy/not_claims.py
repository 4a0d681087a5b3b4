"""What looks like a figure but is none: dates, times, ages, phone and street numbers,
URLs, designations ("Route 66", "Challenger 2", "day two") and numbered list items.

The patterns and predicates; atoms._parse_atom applies them to each number it reads.
"""
import re

from .nouns import _count_noun_follows


# ----------------- dates and times: "October 25, 2018", "Monday, 11", "10 a.m."

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?,?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?$")
_MONTH_CAP = re.compile(r"[JFMASOND]")   # a month name starts with one of these (a cheap gate)
_MONTH_AFTER = re.compile(rf"(?:(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b|\.[ \t]*{_MONTH}\.?[ \t]+\d{{4}})")  # "15. Feb. 2025"
_WEEKDAY_BEFORE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?$")
_PARTITIVE_PRONOUN = re.compile(r"\s+of\s+(?:them|those|these|whom|which|us|you|the|its|their)\b", re.I)
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|ET|PT|local\s+time|o'clock|o’clock|hours?\s+GMT)", re.I)


# -------- written forms that are never counts: ISO and slashed dates, clock times, phone numbers, URLs

_EXCLUDED_RES = [
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?"),             # ISO date
    re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),                                  # 10/25/2018
    re.compile(r"(?<![\d,.])\d{1,2}/\d{1,2}(?![\d/])"),                                 # 10/25 (fractions handled below)
    re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)\s?|\b\d{3}[\s.-]|\b0\d{1,4}\s)\d{3}[\s.-]\d{4}\b"),  # phone
    re.compile(r"\b1-8\d\d-\w{3}-\w{4}\b"),
    re.compile(r"\(0\d{2,5}\)\s?\d{3,8}\b|\b0\d{2,5}[ .-]\d{5,8}\b|\b0\d{3,4}(?:[ .-]\d{2,4}){2,3}\b"
               r"|\+\d{1,3}(?:[ .-]\d{1,5}){2,5}\b"),                                         # (03459) 335577
    re.compile(r"\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?"),                         # times
    re.compile(r"\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b", re.I),
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|@\w+"),                            # urls, emails, handles
]

# _EXCLUDED_RES but the last (urls, checked otherwise), each with strings one of which
# any match of it contains (None: no cheap test)
_EXCL_GATED = list(zip(_EXCLUDED_RES[:-1], [("-",), ("/", "."), ("/",), None, ("1-8",), None, (":",), ("m", "M")],
                       strict=True))
_EXCL_HINT = re.compile(r"\d[-/:.]\d|\d\s*[apAP]\.?[mM]|\(\d|\d\)|\+\d|\d[\s.-]\d\d\d[\s.-]\d|\b0\d\d+[ .-]\d")


def _excluded_at(text: str, pos: int) -> bool:
    """Is the digit at `pos` part of a date, time, phone number, URL, email or handle?"""
    n = len(text)
    lo, hi = max(0, pos - 24), min(n, pos + 24)
    if _EXCL_HINT.search(text, max(0, pos - 20), min(n, pos + 16)):
        w = text[lo:hi]
        # each pattern only where a character it needs is in the window
        rxs = [rx for rx, need in _EXCL_GATED if need is None or any(map(w.__contains__, need))]
    else:
        rxs = ()
    for rx in rxs:
        for m in rx.finditer(text, lo, hi):
            if m.start() <= pos < m.end():
                return True
            if m.start() > pos:
                break
    # URL / email / handle: the whitespace-delimited token holding pos
    ts = pos
    while ts > 0 and not text[ts - 1].isspace() and pos - ts < 300:
        ts -= 1
    tok = text[ts:pos + 1]
    return "://" in tok or "www." in tok or "@" in tok


# other phone formats: three or four groups of 2-4 digits ("0800 555 0199", "020 7946 0321", "957 555 012")
_PHONE_RUN = re.compile(r"(?<![\w,.$£€¥-])(?=[\d .-]{10})\d{2,4}(?:[ .-]\d{2,4}){2,3}(?![\w,]|[.-]\d)")


def _in_phone_run(text: str, ds: int, de: int) -> bool:
    """The digits text[ds:de] (2-4 of them) are one group of a phone number written in groups."""
    if not ((text[de:de + 1] in (" ", ".", "-") and text[de + 1:de + 2].isdigit()) or
            (ds >= 2 and text[ds - 1] in (" ", ".", "-") and text[ds - 2].isdigit())):
        return False
    for pm in _PHONE_RUN.finditer(text, max(0, ds - 15), min(len(text), de + 16)):
        if pm.start() <= ds < pm.end():
            return True
    return False


# ----------------------- ages: "a 42-year-old", "aged 7", "Smith, 42, of Leeds"

_AGE_AFTER = re.compile(r"(?:-|\s)(?:years?|yrs?|months?|weeks?)(?:-|\s)old\b|-year-old|\s+years\s+of\s+age", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:between\s+)?(?:\d{1,3}\s*(?:to|-|–|and)\s*)?$", re.I)
_APPOSITION_BEFORE = re.compile(r"[A-Z][\w'’.-]*,\s*$")
_APPOSITION_AFTER = re.compile(r"\s*(?:,|\)|;|\s+and\s+[A-Z]|\s+(?:of|from)\s+[A-Z])")
# ... or ending the sentence after a full name: "and her cousin Ryan Barnes, 23."
_FULL_NAME_BEFORE = re.compile(r"\b[A-Z][a-z'’-]+\s+(?!(?:County|City|State|Province|Region|District|Island|Islands|"
                               r"Street|Road|Valley|Park|Bay)\b)[A-Z][\w'’-]*,\s*$")
_SENTENCE_END_AFTER = re.compile(r"\.(?:\s|$)")


# -------- designations and addresses: "Route 66", "gates 3 and 4", "Challenger 2", "day two", "10 Downing Street"

# a label before the number: "Route 66", "No. 10", "#3"
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Number|Route|Highway|Hwy|Interstate|Flight|Category|Level|Stage|Phase|Article|"
    r"Section|Chapter|Title|Room|Suite|Gate|Terminal|Platform|Page|Episode|Season|Amendment|District|"
    r"Station|Channel|Exit|Grade|Proposition|Prop|Resolution|Volume|Vol|Issue|Track|Pier|Lot|Ward|"
    r"Precinct|Zone|Engine|Ladder|Squad|Medic|Camp|Building|Block|Unit|Tower|Floor|Act|Form|Rule|Code|"
    r"Model|Type|Mark|Mk|Apollo|War|Bowl|Windows|Version|version|Jr|Sr|Gen|Phase|Round|Game|Week|Day|"
    r"Year|Class|Region|Sector|Area|Site|Base|Fort|Lane|Road|Street|Avenue|Box|Suite|Apt|Ch|Sec|Art|"
    r"Figure|Fig|Table|Item|Part|Series|Vol|COVID|Covid|Pier|Bay|Hangar|Terminal|Line|Bus|Train|Air|Force|"
    r"Group|Team|Corps|Fleet|Wing|Brigade|Battalion|Regiment|Division|Army|Company|Troop|Squadron|"
    r"Platoon|Detachment|Task|Local|Chapter|Bill|HB|SB|H\.R|S|Rev|Psalm|John|Luke)\.?\s*#?|#|№)\s*$"
)
# the same in lower case, perhaps with a list of numbers: "gates 3 and 4"
_LABEL_LOWER = re.compile(
    r"\b(?:lines?|routes?|gates?|platforms?|terminals?|exits?|highways?|interstates?|rooms?|wards?|pages?|"
    r"chapters?|sections?|articles?|stages?|phases?|levels?|categor(?:y|ies)|trams?|buses|bus|flights?|"
    r"numbers?|no\.|nos\.|tracks?|channels?|seasons?|episodes?|units?|blocks?|lots?|zones?|districts?|"
    r"precincts?|squads?|engines?|ladders?|stations?|grades?|types?|models?|versions?|sizes?)"
    r"\s+(?:\d+\s*(?:,|and|or|&)\s*)*$", re.I)
_LABEL_WORDS = {"line", "lines", "route", "routes", "gate", "gates", "platform", "platforms", "terminal",
                "terminals", "exit", "exits", "highway", "highways", "interstate", "room", "rooms", "ward",
                "wards", "page", "pages", "chapter", "chapters", "section", "sections", "article", "articles",
                "stage", "stages", "phase", "phases", "level", "levels", "category", "categories", "tram",
                "trams", "bus", "buses", "flight", "flights", "number", "numbers", "no.", "nos.", "track",
                "tracks", "channel", "channels", "season", "seasons", "episode", "episodes", "unit", "units",
                "block", "blocks", "lot", "lots", "zone", "zones", "district", "districts", "precinct",
                "precincts", "squad", "squads", "engine", "engines", "ladder", "ladders", "station",
                "stations", "grade", "grades", "type", "types", "model", "models", "version", "versions",
                "size", "sizes"}
# any other capitalised word right before: "Challenger 2", "Tram 81", "News 7"
# (or a lone capital, as roads are named: "the L 247", "A 7" is an article and "I" a pronoun)
_CAP_BEFORE = re.compile(r"(?<=[A-Za-z0-9,;] )(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|The|A|An|In|On|At|Of|By|And|But|Some|About|Nearly|Over|Only|Just|All|To|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:[A-Z][A-Za-z]+|[B-HJ-Z])\s$")
# house numbers: "10 Downing Street", "Rue de Rivoli 12"
_STREET_AFTER = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|"
    r"Lane|Ln|Way|Place|Pl|Court|Ct|Parkway|Pkwy|Terrace|Circle|Highway|Hwy|Pike|Trail)\b\.?")
_STREET_BEFORE = re.compile(
    r"\b(?:Rue|Avenue|Boulevard|Chauss[ée]e|Place|Plaza|Via|Viale|Calle|Carrer|Rua|Stra(?:ß|ss)e|Street|Road|"
    r"Lane|Quai|Plein|Laan|Weg|Gasse|Straat|Allee|Platz)\b(?:\s+(?:[A-Z][\w'’-]*|de|la|du|des|del|der|van|von|"
    r"di|da|le|les|the|of))*\s+$")

# nouns a number can label rather than count: "day two", "round 3", "stage four"
_SEQ_LABELS = {"day", "week", "round", "stage", "phase", "leg", "game", "match", "act", "part", "lap",
               "chapter", "episode", "season", "series", "volume", "level", "grade", "category", "year"}
_SEQ_BEFORE = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(_SEQ_LABELS)) + r")[ \t]+$", re.I)
_SEQ_DET_BEFORE = re.compile(r"(?:\b(?:a|an|the|each|every|per|one|that|this|same|whole|entire|first|last|next|"
                             r"previous|following|single|final|opening|closing|second|third|fourth|fifth|sixth|seventh|"
                             r"eighth|ninth|tenth)|\d(?:st|nd|rd|th)?)\s+\S+\s+$", re.I)


def _seq_label(text: str, start: int, end: int) -> bool:
    """The word before `start` (one of _SEQ_LABELS) labels the number: it is not itself
    quantified ("each day 300 ...", "the first year 12 ...") and no counted noun follows."""
    if _SEQ_DET_BEFORE.search(text, max(0, start - 30), start):
        return False
    return not _count_noun_follows(text, end)


# -------- numbered lists and captions: "1. 47 seats", "12 PHOTOS", "Photo 3 of 12"

_LIST_ITEM = re.compile(r"[ \t]*\d{1,2}[.)][ \t]")


def _list_marker_at(text: str, pos: int) -> bool:
    """pos starts a line (only spaces or tabs before it on its line) that does not
    continue a sentence from the line before (hard-wrapped text: "... rose to\n12. Officials")."""
    p = pos
    while p > 0 and text[p - 1] in " \t":
        p -= 1
    if p == 0:
        return True
    if text[p - 1] != "\n":
        return False
    q = p - 1
    while q > 0 and text[q - 1] in " \t\r":
        q -= 1
    if q == 0 or not (text[q - 1].islower() or text[q - 1] in ",;"):
        return True
    ls = text.rfind("\n", 0, q) + 1      # the line before is itself a list item: "1. eggs\n2. milk"
    return _LIST_ITEM.match(text, ls, q) is not None or _RANKED_HEADING.match(text, ls, q) is not None


_RANKED_HEADING = re.compile(r"[ \t]*(?:most[ \t]+(?:read|viewed|popular|shared|commented|watched)|trending|"
                             r"top[ \t]+stories|popular[ \t]+now|popular|more[ \t]+stories)[ \t:]*$", re.I)
_RANKED_ITEM = re.compile(r"[ \t]*\d{1,2}[ \t]+[A-Z'‘\"“]")


# a rank, not a count: "the top two divisions", "a top 10 finish"
_RANK_BEFORE = re.compile(r"\b(?:top|bottom)[ \t]+$", re.I)
# idiom: "the two sides still disagree" names the parties to a dispute
_SIDES_AFTER = re.compile(r"[ \t]+sides\b")


def _ranked_list_item(text: str, start: int, end: int) -> bool:
    """A number starting a line of a "Most read" list: "1 The 10 things to do"."""
    ls = text.rfind("\n", 0, start) + 1
    if text[ls:start].strip() or not _RANKED_ITEM.match(text, ls):
        return False
    # the lines before, up to the heading, are items of the same list
    pe = ls - 1
    while pe > 0:
        ps = text.rfind("\n", 0, pe) + 1
        line = text[ps:pe]
        if _RANKED_HEADING.match(line):
            return True
        if not _RANKED_ITEM.match(line):
            return False
        pe = ps - 1
    return False


_PHOTO_FIRST = {"P", "p", "I", "i", "S", "V"}   # first letters of the words _PHOTO_AFTER knows
_PHOTO_AFTER = re.compile(r"\s*(?:PHOTOS|Photos|photos|IMAGES|Images|images|PICTURES|Pictures|SLIDES|Slides|VIDEOS|Videos)\b")
# reactions under a post or an article: "4.3K likes  1.9K reposts", "89 comments", "COMMENTS (1,024)"
_SOCIAL_AFTER = re.compile(r"[ \t]*(?:likes?|reposts?|retweets?|replies|quotes|comments|shares|views|bookmarks)\b"
                           r"[ \t]*(?:[|·•\n]|$|\d)", re.I)
_SOCIAL_BEFORE = re.compile(r"\b(?:comments|replies|shares|reactions)[ \t]*[(:]?[ \t]*$", re.I)
# a time-zone offset ("GMT+6"), an audio or video length ("Listen (9 min)")
_OFFSET_BEFORE = re.compile(r"\b(?:GMT|UTC)[ \t]?[+−-]$")
_PLAYER_BEFORE = re.compile(r"\b(?:listen|watch|play|duration|read(?:ing)?[ \t]+time)[ \t]*[(:][ \t]*$", re.I)
# a clock time with a dot: "at 11.40 on Saturday"
_DOT_TIME_BEFORE = re.compile(r"\b(?:at|from|until|till|by|before|after)[ \t]+$", re.I)
_DOT_TIME_AFTER = re.compile(r"[ \t]*(?:on\b|this\b|that\b|last\b|local\b|hrs?\b|hours\b|[ap]\.?m\b|GMT|BST|,|;)",
                             re.I)
# emergency numbers: "911 calls", "dialled 999"
_EMERGENCY_AFTER = re.compile(r"[ \t]+(?:calls?|callers?|operators?|dispatch(?:ers?)?|lines?|cent(?:er|re)s?)\b", re.I)
_EMERGENCY_BEFORE = re.compile(r"\b(?:dial(?:l?ed|s|ing)?|call(?:ed|s|ing)?|rang|ring(?:s|ing)?)[ \t]+$", re.I)
# a gallery counter after a photo credit: ") 1 of 14"
_PHOTO_COUNTER = re.compile(r"\)[ \t]\d{1,2}[ \t]+of[ \t]+\d{1,3}[ \t]*$", re.M)
_PHOTO_COUNTER_END = re.compile(r"\)[ \t]\d{1,2}[ \t]+of[ \t]+$")
_READ_TIME_AFTER = re.compile(r"[ \t]*(?:min|mins|minute|MIN)\.?[ \t]+(?:read|READ)\b")  # "6 min read"
_OF_N = re.compile(r"\s*(?:of|/)\s*\d+\s*$")


def _site_chrome_line(text: str, pos: int) -> bool:
    """pos lies on a short line of site chrome split by bars, such as a masthead's
    weather widget: "Weather now: Brisk -12°C | Traffic | Live TV"."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    # ... or a line that is only a place, a temperature and the sky: "Corvenna 17°C, sunny"
    return le - ls <= 120 and " | " in line or bool(_WEATHER_WIDGET.match(line))


def _market_strip_line(text: str, pos: int) -> bool:
    """pos lies on a business site's strip of market prices, split by bars,
    with a day's signed move or a currency pair: "FTSE 100 7,912.4 +0.3% |
    GBP/USD 1.2315 | Brent $84.10"."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    le = len(text) if le < 0 else le
    if le - ls > 160 or " | " not in text[ls:le]:
        return False
    line = text[ls:le]
    segments = line.split(" | ")
    return (len(segments) >= 2 and all(any(ch.isdigit() for ch in seg) and len(seg.split()) <= 5 for seg in segments)
            and _MARKET_MOVE.search(line) is not None)


_MARKET_MOVE = re.compile(r"(?:^|\s)[+\u2212\u25b2\u25bc-]\d[\d,.]*%?(?=\s|$)|\b[A-Z]{3}/[A-Z]{3}\b")


_WEATHER_WIDGET = re.compile(r"^\s*(?:[A-Z][\w'’.-]*\s+){0,3}-?\d{1,2}(?:\.\d)?\s*°\s*[CF]?,?\s*(?:sunny|cloudy|clear|"
                             r"overcast|rain|showers|drizzle|fog|foggy|snow|windy|fair|mist|thunderstorms?|"
                             r"partly\s+cloudy|mostly\s+sunny)?\s*$", re.I)
