"""An article's date and outlet: dates as people write them (checked, never
guessed) and what the text says about itself (a `date` line, a wire dateline,
a headline on the first line). Plain functions of strings.
"""
import datetime
import re
from typing import Optional, Tuple

# Dates outside these years are typos (0218, 2918), not news.
MIN_YEAR, MAX_YEAR = 1600, 2200

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}

_DATE_LINE = re.compile(r"\A\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b", re.I)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_MDY = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")
# A wire dateline: "WASHINGTON (Reuters) -" names the agency the copy came from.
_DATELINE_AGENCY = re.compile(
    r"^[A-Z][A-Z .,'\-]{2,40}\((Reuters|AP|AFP|Bloomberg|CNN|PA|Xinhua)\)\s*[-\u2013\u2014]",
    re.M,
)
AGENCY_NAMES = {"AP": "Associated Press", "AFP": "Agence France-Presse", "PA": "PA Media"}


def check_date(value) -> Tuple[Optional[str], Optional[str]]:
    """(ISO YYYY-MM-DD, None) for the common ways a date is written, or
    (None, why not): impossible (2018-02-30), ambiguous (01/02/2018: January
    or February?) or not a date. Ambiguous dates are refused, never guessed;
    13/02/2018 and 02/13/2018 can only be read one way and are accepted."""
    if value is None:
        return None, None
    value = str(value).strip()
    if not value:
        return None, None
    year = month = day = None
    for pattern in (_ISO_DATE, _SLASH):
        m = pattern.match(value)
        if m:
            year, month, day = (int(g) for g in m.groups()[:3])
            break
    else:
        m = _MDY.match(value)
        if m and m.group(1).lower() in MONTHS:
            year, month, day = int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))
        m2 = _DMY.match(value)
        if year is None and m2 and m2.group(2).lower() in MONTHS:
            year, month, day = int(m2.group(3)), MONTHS[m2.group(2).lower()], int(m2.group(1))
        m3 = _NUMERIC.match(value)
        if year is None and m3:
            a, b, y = (int(g) for g in m3.groups())
            if len(m3.group(3)) == 2:
                return None, "is ambiguous (which century?); write it as YYYY-MM-DD"
            if a > 12 and b <= 12:
                day, month, year = a, b, y
            elif b > 12 and a <= 12:
                month, day, year = a, b, y
            elif a == b:
                day = month = a
                year = y
            elif a <= 12 and b <= 12:
                return None, "is ambiguous (day/month or month/day?); write it as YYYY-MM-DD"
            else:
                return None, "is not a real date; write it as YYYY-MM-DD"
    if year is None:
        return None, "is not a date; write it as YYYY-MM-DD"
    try:
        iso = datetime.date(year, month, day).isoformat()
    except ValueError:
        return None, "is not a real date; write it as YYYY-MM-DD"
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None, "is not a plausible year for an article; write it as YYYY-MM-DD"
    return iso, None


def parse_date(value: Optional[str]) -> Optional[str]:
    """An ISO YYYY-MM-DD, or None for no date, an impossible or an ambiguous one."""
    return check_date(value)[0]


def infer_metadata(body: str) -> dict:
    """Metadata the text itself states: a scraper's leading `date YYYY-MM-DD`
    line, a wire dateline, a headline on the first line. Never invented."""
    found = {}
    lines = body.lstrip("\ufeff").split("\n", 1)
    first = lines[0].strip()
    m = _DATE_LINE.match(body)
    if m:
        found["published"] = parse_date(m.group(1))
        # "date 2018-10-25 × Headline": the rest of the line is the headline
        first = re.sub(r"^\s*date[:\s]+\d{4}-\d{2}-\d{2}\s*[\u00d7|:\-]?\s*", "", first, flags=re.I)
    m = _DATELINE_AGENCY.search(body[:2000])
    if m:
        found["outlet"] = AGENCY_NAMES.get(m.group(1), m.group(1))
    # A headline is a short first line standing alone, not a sentence of the body.
    if first and len(lines) > 1 and len(first) <= 200 and first[-1] not in ".!?\"\u201d":
        found["headline"] = first
    return {k: v for k, v in found.items() if v}
