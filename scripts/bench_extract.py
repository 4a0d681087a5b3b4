#!/usr/bin/env python
"""Benchmark extract_claims alone (one process, one core).  Not a test.

    python scripts/bench_extract.py [--repeat 50] [--rounds 3] [--profile]

Two corpora, both built from the fixture articles (fixtures/articles and
fixtures/extra/articles), each article extracted separately as the loader does:

* seed-like:     the fixture articles as they are, repeated --repeat times;
* figure-dense:  only the sentences of those articles that hold a figure,
                 regrouped into articles of about 3 KB (figures every few words),
                 repeated --repeat times.

Prints MB/s of article text (UTF-8 bytes) and claims/s for each, best of
--rounds, measured in CPU time of this process (so other jobs on the machine
disturb the figures less than wall-clock time would).  --profile prints the top of a cProfile of both.
"""
import argparse
import cProfile
import glob
import os
import pstats
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from datasette_discrepancy.extract import extract_claims  # noqa: E402


def fixture_texts():
    paths = sorted(glob.glob(os.path.join(ROOT, "fixtures", "articles", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "fixtures", "extra", "articles", "*.txt")))
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            out.append(f.read())
    return out


def figure_dense(texts, size=3000):
    """Sentences that hold a figure, regrouped into ~size-character articles."""
    sents = []
    for t in texts:
        seen = set()
        for c in extract_claims(t):
            if c.sentence_start not in seen and not c.boilerplate:
                seen.add(c.sentence_start)
                sents.append(c.sentence)
    arts, cur = [], []
    length = 0
    for s in sents:
        cur.append(s)
        length += len(s) + 1
        if length >= size:
            arts.append(" ".join(cur))
            cur, length = [], 0
    if cur:
        arts.append(" ".join(cur))
    return arts


def run(texts, repeat):
    n_claims = 0
    t0 = time.process_time()
    for _ in range(repeat):
        for t in texts:
            n_claims += len(extract_claims(t))
    return time.process_time() - t0, n_claims


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    seed = fixture_texts()
    corpora = [("seed-like", seed), ("figure-dense", figure_dense(seed))]
    for name, texts in corpora:
        nbytes = sum(len(t.encode("utf-8")) for t in texts) * args.repeat
        best = None
        for _ in range(args.rounds):
            secs, n_claims = run(texts, args.repeat)
            best = secs if best is None else min(best, secs)
        print("{:<13} {:6.2f} MB/s  {:8.0f} claims/s  ({:.1f} MB, {} claims, {:.0f} bytes/claim, best of {})".format(
            name, nbytes / best / 1e6, n_claims / best, nbytes / 1e6, n_claims, nbytes / max(1, n_claims),
            args.rounds))
    if args.profile:
        for name, texts in corpora:
            pr = cProfile.Profile()
            pr.enable()
            run(texts, max(1, args.repeat // 5))
            pr.disable()
            print("\n=== profile:", name)
            pstats.Stats(pr).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
