"""Number parsing: digits with separators, decimals, scale words, fractions,
English number words and vague quantities."""
import re
from typing import Optional, Tuple

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}
SCALE_ABBR = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
    "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}
UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3,
                     "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}

_UW = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TW = "|".join(TENS_WORDS)
_SW = "hundred|thousand|million|billion|trillion"
# one number word: "twenty-five", "seven", "hundred"
_NW = rf"(?:(?:{_TW})(?:-(?:{_UW}))?|{_UW}|{_SW}|dozen)"
# a sequence: "two hundred and fifty thousand", "twenty five"
WORDSEQ = rf"(?:{_NW})(?:(?:\s+and\s+|[\s-]+)(?:{_NW}))*"

# Vague quantities: phrase (lower case, single spaces) -> (low, high)
VAGUE = {
    "a couple": (2, 2), "a couple of": (2, 2), "couple of": (2, 2),
    "several": (2, 9), "a few": (2, 9), "a handful": (3, 9),
    "dozens": (24, None), "scores": (40, None),
    "hundreds": (100, 999), "thousands": (1_000, None),
    "tens of thousands": (10_000, None), "hundreds of thousands": (100_000, None),
    "millions": (1_000_000, None), "tens of millions": (10_000_000, None),
    "hundreds of millions": (100_000_000, None), "billions": (1_000_000_000, None),
    "several dozen": (24, 99), "a few dozen": (24, 99),
    "several hundred": (200, 999), "a few hundred": (200, 999),
    "several thousand": (2_000, 9_999), "a few thousand": (2_000, 9_999),
    "several million": (2_000_000, 9_999_999), "a few million": (2_000_000, 9_999_999),
    "several billion": (2_000_000_000, 9_999_999_999),
    "a few billion": (2_000_000_000, 9_999_999_999),
}
VAGUE_RE = (
    r"(?:(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million|billion))"
    r"|(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions))"
    r"|dozens|hundreds|thousands|millions|billions|scores(?=\s+of\b)"
    r"|(?:a\s+)?couple\s+of(?=\s+[a-z])|several(?=\s+[a-z])|a\s+handful"
    # "a few warships", but not "a few days ago", "a few more", "a few may never"
    r"|a\s+few(?=\s+(?!(?:seconds|minutes|hours|days|weeks|months|years|times|decades)\b)"
    r"(?:[a-z]+s\b|people|men|women|children|police))"
)


def vague_value(phrase: str) -> Optional[Tuple[Optional[float], Optional[float]]]:
    p = " ".join(phrase.lower().split())
    if p in VAGUE:
        return VAGUE[p]
    if p.startswith("couple"):
        return (2, 2)
    return None


def parse_digits(s: str) -> float:
    return float(s.replace(",", ""))


def parse_words(s: str) -> Optional[float]:
    """Parse an English number-word sequence ("two hundred and fifty thousand",
    "twenty-five", "a dozen", "half a million"). None if it does not parse."""
    words = re.split(r"[\s-]+", s.lower().strip())
    if not words or words == [""]:
        return None
    total = 0.0
    current = 0.0
    seen = False
    last_kind = None
    i = 0
    if words[0] in ("a", "an"):
        current = 1
        seen = True
        last_kind = "unit"
        i = 1
    elif words[0] == "half" and len(words) > 2 and words[1] in ("a", "an"):
        current = 0.5
        seen = True
        last_kind = "unit"
        i = 2
    for w in words[i:]:
        if w == "and":
            continue
        if w in UNITS_WORDS:
            if last_kind in ("unit",) or (last_kind == "tens" and UNITS_WORDS[w] >= 10):
                return None
            current += UNITS_WORDS[w]
            last_kind = "unit"
        elif w in TENS_WORDS:
            if last_kind in ("unit", "tens"):
                return None
            current += TENS_WORDS[w]
            last_kind = "tens"
        elif w == "dozen":
            current = (current or 1) * 12
            last_kind = "scale"
        elif w == "hundred":
            current = (current or 1) * 100
            last_kind = "hundred"
        elif w in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[w]
            current = 0
            last_kind = "scale"
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


FRACTION_WORDS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
                  "quarters": 0.25, "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2,
                  "sixth": 1 / 6, "sixths": 1 / 6, "tenth": 0.1, "tenths": 0.1, "eighth": 0.125,
                  "eighths": 0.125}
