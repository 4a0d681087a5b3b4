#!/usr/bin/env python
"""Score extraction against a gold file.

    python scripts/evaluate.py DB GOLD              # a loaded database
    python scripts/evaluate.py --articles DIR GOLD  # run extract_claims on DIR/*.txt, no database
    ... --check                                    # exit 1 when a figure is below its target
    ... --expected DIR/expected.json               # also assessments and wire-copy pairs

Prints the figures (core recall, precision, vague recall, unit accuracy,
grouping pairwise F1 when measure ids are available), then the misses and the
false positives.  Exit status 0 (it is a report) unless --check.
"""
import argparse
import glob
import json
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from datasette_discrepancy.evaluate import (Prediction, TARGETS, article_key, assessment_agreement,  # noqa: E402
                                            format_details, format_summary, load_gold, pair_agreement, score)


def predictions_from_db(db_path):
    conn = sqlite3.connect("file:{}?mode=ro".format(db_path), uri=True)
    conn.row_factory = sqlite3.Row
    cols = {r[1] for r in conn.execute("pragma table_info(claims)")}
    has_measure = "measure_id" in cols
    q = ("select a.source, c.span_start, c.text, c.value_low, c.value_high, c.unit, "
         + ("c.measure_id, " if has_measure else "null as measure_id, ")
         + ("c.boilerplate " if "boilerplate" in cols else "0 as boilerplate ")
         + "from claims c join articles a on a.id = c.article_id order by a.id, c.span_start")
    preds = [Prediction(article=r["source"], span_start=r["span_start"], text=r["text"] or "",
                        value_low=r["value_low"], value_high=r["value_high"], unit=r["unit"],
                        measure_id=r["measure_id"], boilerplate=bool(r["boilerplate"]))
             for r in conn.execute(q)]
    conn.close()
    return preds, has_measure


def _grouper():
    """A grouping function if the project has one: assign_measures(claims) -> ids,
    else measure_for(claim) -> key with .slug; None when neither exists."""
    try:
        from datasette_discrepancy import grouping
    except Exception:
        return None
    fn = getattr(grouping, "assign_measures", None)
    if fn is not None:
        return ("assign_measures", fn)
    fn = getattr(grouping, "measure_for", None)
    if fn is not None:
        return ("measure_for", fn)
    return None


def predictions_from_articles(directory, gold_articles):
    from datasette_discrepancy.extract import extract_claims
    files = sorted(glob.glob(os.path.join(directory, "*.txt")))
    grouper = _grouper()
    preds = []
    all_claims = []
    for f in files:
        name = os.path.basename(f)
        if gold_articles and name not in gold_articles:
            continue
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        for c in extract_claims(text):
            all_claims.append(c)
            preds.append(Prediction(article=name, span_start=c.span_start, text=c.text,
                                    value_low=c.value_low, value_high=c.value_high, unit=c.unit,
                                    qualifier=c.qualifier, boilerplate=c.boilerplate))
    grouped = False
    if grouper is not None:
        kind, fn = grouper
        try:
            if kind == "assign_measures":
                ids = list(fn(all_claims))
                for p, i in zip(preds, ids):
                    p.measure_id = i
            else:
                for p, c in zip(preds, all_claims):
                    key = fn(c)
                    p.measure_id = getattr(key, "slug", key) if key is not None else None
            grouped = True
        except Exception as e:  # a broken grouper must not break the report
            print("grouping skipped: {}: {}".format(type(e).__name__, e), file=sys.stderr)
    return preds, grouped


def expected_report(db_path, rep, expected_path):
    """Lines comparing the database's assessments and wire-copy pairs with an expected.json."""
    with open(expected_path, encoding="utf-8") as fh:
        expected = json.load(fh)
    conn = sqlite3.connect("file:{}?mode=ro".format(db_path), uri=True)
    assessment_of = dict(conn.execute("select id, assessment from measures"))
    pairs = conn.execute(
        "select distinct o.source, a.source from passages p join articles a on a.id = p.article_id "
        "join articles o on o.id = p.origin_article_id where p.origin_article_id != p.article_id").fetchall()
    conn.close()
    lines = []
    agree, compared, wrong = assessment_agreement(rep.matched_core, assessment_of, expected.get("assessments", {}))
    lines.append("assessments      {}/{} gold measures get the expected assessment".format(agree, compared))
    lines.extend("  " + w for w in wrong)
    found, total, extra = pair_agreement(pairs, expected.get("syndicated_pairs", []))
    lines.append("wire copy        {}/{} expected pairs found, {} unexpected".format(found, total, len(extra)))
    lines.extend("  unexpected: " + e for e in extra)
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", nargs="?", help="database loaded with `datasette discrepancy load`")
    ap.add_argument("gold", help="gold.jsonl")
    ap.add_argument("--articles", metavar="DIR", help="extract directly from DIR/*.txt instead of a database")
    ap.add_argument("--check", action="store_true", help="exit 1 if any figure is below its target")
    ap.add_argument("--quiet", "-q", action="store_true", help="figures only, no misses / false positives")
    ap.add_argument("--limit", type=int, default=200, help="at most this many lines per detail section")
    ap.add_argument("--expected", metavar="FILE",
                    help="expected.json: also compare assessments and wire-copy pairs (with DB only)")
    args = ap.parse_args(argv)
    gold = load_gold(args.gold)
    gold_articles = {article_key(r["article"]) for r in gold}
    if args.articles:
        preds, grouped = predictions_from_articles(args.articles, gold_articles)
        source = args.articles
    else:
        if not args.db:
            ap.error("give DB or --articles DIR")
        if not os.path.exists(args.db):
            ap.error("no such database: {}".format(args.db))
        preds, has_measure = predictions_from_db(args.db)
        grouped = has_measure
        source = args.db
        found = {article_key(p.article) for p in preds}
        missing = sorted(gold_articles - found)
        if missing:
            print("note: no claims in the database for {} gold article(s): {}".format(
                len(missing), ", ".join(missing[:10])), file=sys.stderr)
    rep = score(preds, gold, grouping=grouped)
    print("Evaluation of {} against {} ({} articles)".format(source, args.gold, len(gold_articles)))
    print(format_summary(rep))
    if args.expected:
        if args.articles:
            ap.error("--expected needs a database")
        print(expected_report(args.db, rep, args.expected))
    if not args.quiet:
        details = format_details(rep, limit=args.limit)
        if details:
            print()
            print(details)
    if args.check and not rep.passed(TARGETS):
        print("\nFAILED targets: {}".format(", ".join(rep.failures(TARGETS))), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
