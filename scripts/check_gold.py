#!/usr/bin/env python3
"""Check a gold file against its article texts (read-only: never modifies anything).

Usage:
    python scripts/check_gold.py GOLD.jsonl ARTICLES_DIR [--strict] [--verbose]

Checks, for every gold row:
  * the article file exists and text == file[at:at+len(text)] (file read as UTF-8 by Python);
  * "at" is unique within its article, spans do not overlap;
  * required fields are present and values are of the right type / vocabulary.

Then it lists the digit-bearing tokens (and number words) of every article that are not inside any
gold span, each with a guessed reason why it may legitimately have no row (date, year, time, phone,
ordinal, photo count, address, name/designation, repeated caption). Tokens with no guessed reason
are printed as "UNEXPLAINED" for a human to review.

Exit status: 1 if any row fails the offset/text/field checks (or, with --strict, if any digit token
is unexplained); 0 otherwise.
"""
import argparse
import collections
import json
import os
import re
import sys

REQUIRED = ("article", "at", "text", "low", "high", "unit", "measure", "kind")
KINDS = {"core", "optional", "vague"}
QUALIFIERS = {"exact", "approximately", "more_than", "at_least", "less_than", "at_most", "range", "vague"}

MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DIGIT_TOKEN = re.compile(r"\d(?:[\d,.:/]*\d)?")
NUMBER_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|several|"
    r"half|quarter|third|fifth|double|triple|twice|fivefold|tenfold)\b", re.I)

STREET = (r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Dr\.?|Way|"
          r"Place|Court|Highway|Parkway)")


def classify(text, start, end):
    """Guess why a digit token could legitimately have no gold row; None if no idea."""
    tok = text[start:end]
    before = text[max(0, start - 40):start]
    after = text[end:end + 40]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if re.match(r"^\s*date\s+\d{4}-\d\d-\d\d", line) or re.fullmatch(r"\d{4}-\d\d-\d\d", tok) \
            or re.search(r"\d{4}-\d\d-\d\d", text[max(0, start - 8):end + 8]):
        return "date"
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", tok) or re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", tok):
        return "date"
    if re.fullmatch(r"\d{1,2}[:.]\d\d", tok) and re.match(r"\s*(?:[ap]\.?m\.?|[AP]M|BST|CET|CDT|EDT|PDT|GMT|UTC)\b",
                                                          after, re.I):
        return "time"
    if re.fullmatch(r"\d{1,2}:\d\d", tok):
        return "time"
    if re.fullmatch(r"\d{1,2}", tok) and re.match(r"\s*(?:[ap]\.m\.|[ap]m\b|[AP]M\b)", after):
        return "time"
    if re.search(r"\(\s*$", before) and re.match(r"\)?\s*\d{3}-\d{4}", after) or \
            re.search(r"(?:\d[-. )]{1,2}|\()$", before) and re.match(r"[-. ]\d{3,4}\b", after) or \
            re.fullmatch(r"\d{3}", tok) and re.match(r"[-. )]\s?\d{3}-\d{4}", after) or \
            re.fullmatch(r"\d{4}", tok) and re.search(r"\d{3}-$", before):
        return "phone"
    if re.fullmatch(r"1", tok) and re.match(r"-\d{3}-\d{3}-\d{4}", after):
        return "phone"
    if re.match(r"(?:st|nd|rd|th)\b", after):
        return "ordinal"
    if re.match(r"\s+PHOTOS?\b|\s+(?:photos|images|pictures)\s*$", after):
        return "photo count"
    if re.fullmatch(r"(?:1[89]|20)\d\d", tok) and not re.match(r"[,.]?\d", after):
        return "year"
    if re.search(MONTHS + r"\s*$", before) or re.match(r"\s+" + MONTHS, after):
        return "date"
    if re.match(r"\s+(?:[A-Z][\w.'-]*\s+){0,3}" + STREET + r"\b", after) or \
            re.search(r"\b(?:Rue|Via|Calle|Avenue)\s+(?:[\w'-]+\s+){0,4}$", before):
        return "address"
    if re.search(r"(?:[A-Z][A-Za-z]*[- ]|\b[A-Z]+-?)$", before) or re.match(r"[A-Z]\b", after) or \
            re.search(r"\b(?:lines?|routes?|engine|channel|tram|bus|category)\s+(?:\d+\s+and\s+)?$", before, re.I):
        return "name/designation"
    if re.search(r"\(\s*$", before) and re.match(r"\)", after) and ":" in tok:
        return "duration/time"
    return None


def load_rows(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append((n, json.loads(line)))
            except ValueError as e:
                rows.append((n, {"__error__": str(e)}))
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("articles")
    ap.add_argument("--strict", action="store_true", help="fail if a digit token is unexplained")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list explained tokens")
    args = ap.parse_args(argv)

    errors = []
    texts = {}
    by_article = collections.defaultdict(list)
    for n, row in load_rows(args.gold):
        if "__error__" in row:
            errors.append("line %d: invalid JSON: %s" % (n, row["__error__"]))
            continue
        missing = [k for k in REQUIRED if k not in row]
        if missing:
            errors.append("line %d: missing fields %s" % (n, ", ".join(missing)))
            continue
        art = row["article"]
        if art not in texts:
            p = os.path.join(args.articles, art)
            if not os.path.exists(p):
                errors.append("line %d: no article file %s" % (n, p))
                texts[art] = None
                continue
            with open(p, encoding="utf-8") as f:
                texts[art] = f.read()
        text = texts[art]
        if text is None:
            continue
        at, t = row["at"], row["text"]
        if not isinstance(at, int) or text[at:at + len(t)] != t:
            got = text[at:at + len(t)] if isinstance(at, int) else None
            errors.append("line %d: %s@%s text %r != file %r" % (n, art, at, t, got))
        if row["kind"] not in KINDS:
            errors.append("line %d: bad kind %r" % (n, row["kind"]))
        q = row.get("qualifier")
        if q is not None and q not in QUALIFIERS:
            errors.append("line %d: bad qualifier %r" % (n, q))
        for k in ("low", "high"):
            v = row[k]
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                errors.append("line %d: %s is not a number: %r" % (n, k, v))
        if isinstance(row["low"], (int, float)) and isinstance(row["high"], (int, float)) \
                and row["low"] > row["high"]:
            errors.append("line %d: low > high" % n)
        for pair in row.get("accept") or []:
            if not (isinstance(pair, list) and len(pair) == 2):
                errors.append("line %d: bad accept entry %r" % (n, pair))
        by_article[art].append((n, row))

    for art, items in sorted(by_article.items()):
        seen = {}
        spans = sorted((r["at"], r["at"] + len(r["text"]), n) for n, r in items if isinstance(r["at"], int))
        for n, r in items:
            if r["at"] in seen:
                errors.append("line %d: duplicate at %d in %s (also line %d)" % (n, r["at"], art, seen[r["at"]]))
            seen[r["at"]] = n
        for (s1, e1, n1), (s2, e2, n2) in zip(spans, spans[1:]):
            if s2 < e1:
                errors.append("lines %d/%d: overlapping spans in %s" % (n1, n2, art))

    # uncovered tokens
    files = sorted(f for f in os.listdir(args.articles) if f.endswith(".txt"))
    counts = collections.Counter()
    unexplained = 0
    for fn in files:
        if fn not in texts:
            with open(os.path.join(args.articles, fn), encoding="utf-8") as f:
                texts[fn] = f.read()
        text = texts[fn]
        if text is None:
            continue
        rows = [r for _, r in by_article.get(fn, [])]
        spans = [(r["at"], r["at"] + len(r["text"])) for r in rows if isinstance(r["at"], int)]
        repeats = {r["text"] for r in rows if r.get("repeat")}

        def covered(s, e):
            return any(a <= s and e <= b for a, b in spans)

        report = []
        for m in DIGIT_TOKEN.finditer(text):
            s, e = m.start(), m.end()
            # extend over a trailing "-mph"/"km" etc. is unnecessary: coverage is by start
            if covered(s, e):
                continue
            reason = classify(text, s, e)
            if reason is None and any(m.group(0) in rep for rep in repeats):
                reason = "repeated caption"
            counts[reason or "UNEXPLAINED"] += 1
            if reason is None:
                unexplained += 1
            if reason is None or args.verbose:
                ctx = text[max(0, s - 35):e + 35].replace("\n", " ")
                report.append("  %-17s @%-6d %-12r ...%s..." % (reason or "UNEXPLAINED", s, m.group(0), ctx))
        words = []
        for m in NUMBER_WORDS.finditer(text):
            if covered(m.start(), m.end()):
                continue
            counts["number word"] += 1
            ctx = text[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
            words.append("  %-17s @%-6d %-12r ...%s..." % ("number word", m.start(), m.group(0), ctx))
        if report or words:
            print("%s:" % fn)
            for line in report + words:
                print(line)

    print()
    print("rows: %d in %d articles (%d article files)" % (sum(len(v) for v in by_article.values()),
                                                           len(by_article), len(files)))
    kinds = collections.Counter(r["kind"] for v in by_article.values() for _, r in v)
    print("kinds: " + ", ".join("%s=%d" % kv for kv in sorted(kinds.items())))
    print("tokens without a row: " + ", ".join("%s=%d" % kv for kv in sorted(counts.items())))
    if errors:
        print("\nERRORS (%d):" % len(errors))
        for e in errors:
            print("  " + e)
    else:
        print("offsets/text/fields: OK")
    if errors or (args.strict and unexplained):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
