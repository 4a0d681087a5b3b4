#!/usr/bin/env python
"""Benchmark loading and serving at scale (issue 5).

    python scripts/bench.py --n 10000            # one size
    python scripts/bench.py --n 1000 --n 10000   # several, one table

For each N it generates a realistic corpus of N articles from the fixture
texts (every figure varied, 40 outlets, dates over two months), then, on this
machine, in one run:

- loads it with `datasette discrepancy load` (all cores) and reports articles/s,
  MB/s of article text, the load time divided by the time of a plain
  `sqlite-utils insert` of the same texts (the floor: storing without
  extracting), the peak RSS of the loader and its workers together, and the
  database size per article;
- serves it with `datasette` and reports the median and p95 latency of the
  index, the largest line-up's first page (JSON and HTML) and an article page,
  each also as a ratio to Datasette's own JSON for the same rows
  (/db/claims.json?measure_id=...).

Then it says which targets are met. Nothing here is a test: run it by hand.
"""
import argparse
import csv
import datetime
import glob
import json
import os
import platform
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)
OUTLETS = [
    "Pacific Wire Service", "Valley Courier", "The Meridian", "KRVN News 7", "Northern Press Agency",
    "The Ledger", "Coastal Observer", "The Sentinel", "Metro Herald", "Capital Post", "Daily Record",
    "Evening Standard-Times", "Harbor Gazette", "Lakeside Tribune", "Mountain Courier", "Plains Dispatch",
    "River City News", "Summit Journal", "The Bulletin", "The Chronicle", "The Examiner", "The Globe",
    "The Independent Voice", "The Monitor", "The Observer", "The Register", "The Times-Union",
    "Tri-County Press", "Union Leader", "West End Weekly", "Wire Asia", "Continental News",
    "ABC News", "CNN", "Reuters", "Associated Press", "Global News", "Atlantic Public Radio",
    "Southern Star", "Frontier Daily",
]
START = datetime.date(2024, 3, 1)
DAYS = 61  # two months
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w,]*\d)")
FILES_PER_FOLDER = 1000


def fixture_texts():
    paths = sorted(glob.glob(os.path.join(ROOT, "fixtures", "articles", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "fixtures", "extra", "articles", "*.txt")))
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as fp:
            texts.append(fp.read())
    return texts


def vary_number(match, rng):
    """A plausible other figure in the same style: years, days and small counts kept."""
    whole, fraction = match.group(1), match.group(2) or ""
    value = int(whole.replace(",", ""))
    if value <= 31 or 1900 <= value <= 2100 and "," not in whole:
        return match.group(0)
    new = max(1, int(round(value * rng.uniform(0.6, 1.6))))
    # keep round figures round
    zeros = len(str(value)) - len(str(value).rstrip("0"))
    if zeros:
        new = max(10**zeros, int(round(new, -zeros)))
    text = "{:,}".format(new) if "," in whole else str(new)
    return text + fraction


def make_corpus(folder, n, seed=0):
    """Write n articles (and manifest.csv) under folder; return bytes of text."""
    rng = random.Random(seed)
    texts = fixture_texts()
    os.makedirs(folder, exist_ok=True)
    total = 0
    with open(os.path.join(folder, "manifest.csv"), "w", newline="", encoding="utf-8") as fp:
        writer = csv.writer(fp)
        writer.writerow(["file", "outlet", "published", "url", "headline"])
        for i in range(n):
            text = NUMBER.sub(lambda m: vary_number(m, rng), texts[i % len(texts)])
            sub = "{:04d}".format(i // FILES_PER_FOLDER)
            os.makedirs(os.path.join(folder, sub), exist_ok=True)
            name = "{}/{:07d}.txt".format(sub, i)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
                out.write(text)
            total += len(text.encode("utf-8"))
            published = START + datetime.timedelta(days=rng.randrange(DAYS))
            writer.writerow([name, rng.choice(OUTLETS), published.isoformat(), "https://example.com/{}".format(i), ""])
    return total


def corpus_jsonl(folder, path):
    """The same texts and metadata as newline-delimited JSON, for the floor."""
    with open(os.path.join(folder, "manifest.csv"), encoding="utf-8") as fp, open(path, "w", encoding="utf-8") as out:
        for row in csv.DictReader(fp):
            with open(os.path.join(folder, row["file"]), encoding="utf-8") as f:
                row["body"] = f.read()
            out.write(json.dumps(row) + "\n")


# ---------------------------------------------------------------- measuring


def tree_rss(pid):
    """Resident memory of a process and all its descendants, in bytes."""
    children = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as fp:
                fields = fp.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.split("/")[2]))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open("/proc/{}/status".format(p)) as fp:
                for line in fp:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def run_measured(cmd, **kwargs):
    """(seconds, peak RSS of the process tree) for a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, **kwargs)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit("{} failed with status {}".format(" ".join(cmd), proc.returncode))
    return elapsed, peak


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
        status = response.status
    if status != 200:
        raise SystemExit("{} gave {}".format(url, status))
    return time.perf_counter() - start


def latency(url, repeat):
    fetch(url)  # warm up
    times = sorted(fetch(url) for _ in range(repeat))
    return statistics.median(times), times[max(0, int(round(0.95 * len(times))) - 1)]


def serve(db_path):
    port = free_port()
    proc = subprocess.Popen(
        [os.path.join(BIN, "datasette"), "serve", db_path, "--port", str(port), "--setting", "sql_time_limit_ms", "10000"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = "http://127.0.0.1:{}".format(port)
    for _ in range(200):
        try:
            fetch(base + "/-/versions.json")
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("datasette did not start")


# ---------------------------------------------------------------- one size


def bench(n, workdir, repeat, keep=False, log=print):
    folder = os.path.join(workdir, "corpus-{}".format(n))
    if not os.path.exists(os.path.join(folder, "manifest.csv")):
        log("N={}: generating the corpus".format(n))
        make_corpus(folder, n)
    text_bytes = sum(
        os.path.getsize(p) for p in glob.glob(os.path.join(folder, "*", "*.txt"))
    )
    jsonl = os.path.join(workdir, "corpus-{}.jsonl".format(n))
    if not os.path.exists(jsonl):
        corpus_jsonl(folder, jsonl)

    floor_db = os.path.join(workdir, "floor-{}.db".format(n))
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(floor_db + suffix):
            os.remove(floor_db + suffix)
    log("N={}: sqlite-utils insert (the floor)".format(n))
    floor_seconds, _ = run_measured([os.path.join(BIN, "sqlite-utils"), "insert", floor_db, "articles", jsonl, "--nl"])

    db_path = os.path.join(workdir, "bench.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    log("N={}: datasette discrepancy load".format(n))
    load_seconds, peak_rss = run_measured(
        [os.path.join(BIN, "datasette"), "discrepancy", "load", db_path, "--manifest", os.path.join(folder, "manifest.csv"), "--quiet"]
    )
    conn = sqlite3.connect(db_path)
    conn.execute("pragma wal_checkpoint(truncate)")
    articles, claims = conn.execute("select (select count(*) from articles), (select count(*) from claims)").fetchone()
    measures = conn.execute("select count(*) from measures").fetchone()[0]
    largest_id, largest_slug, largest_count = conn.execute(
        "select id, slug, claims_count from measures order by claims_count desc limit 1"
    ).fetchone()
    article_id = conn.execute("select article_id from claims where measure_id = ? limit 1", [largest_id]).fetchone()[0]
    conn.close()
    db_bytes = os.path.getsize(db_path)

    log("N={}: serving".format(n))
    proc, base = serve(db_path)
    try:
        urls = {
            "datasette claims.json": "/bench/claims.json?measure_id={}".format(largest_id),
            "index HTML": "/bench/-/discrepancies",
            "index JSON": "/bench/-/discrepancies.json",
            "largest line-up JSON": "/bench/-/discrepancies/{}.json".format(largest_slug),
            "largest line-up HTML": "/bench/-/discrepancies/{}".format(largest_slug),
            "article HTML": "/bench/-/discrepancies-article/{}".format(article_id),
        }
        latencies = {name: latency(base + path, repeat) for name, path in urls.items()}
    finally:
        proc.terminate()
        proc.wait()
    if not keep:
        os.remove(floor_db)
    return {
        "n": n,
        "articles": articles,
        "claims": claims,
        "measures": measures,
        "largest_measure_claims": largest_count,
        "text_mb": text_bytes / 1e6,
        "floor_s": floor_seconds,
        "load_s": load_seconds,
        "articles_per_s": articles / load_seconds,
        "mb_per_s": text_bytes / 1e6 / load_seconds,
        "load_over_floor": load_seconds / floor_seconds,
        "peak_rss_mb": peak_rss / 1e6,
        "db_kb_per_article": db_bytes / 1e3 / max(articles, 1),
        "latency": latencies,
    }


def machine():
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as fp:
            for line in fp:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as fp:
            mem = int(fp.readline().split()[1]) / 1e6
    except OSError:
        mem = 0
    import datasette

    return "{} cores ({}), {:.0f} GB RAM, {} {}, Python {}, SQLite {}, Datasette {}".format(
        os.cpu_count(), cpu, mem, platform.system(), platform.release(), platform.python_version(),
        sqlite3.sqlite_version, datasette.__version__,
    )


def ms(seconds):
    return "{:.0f}".format(seconds * 1000) if seconds >= 0.01 else "{:.1f}".format(seconds * 1000)


def table(results):
    rows = [
        ("articles", lambda r: "{:,}".format(r["articles"])),
        ("claims / measures", lambda r: "{:,} / {:,}".format(r["claims"], r["measures"])),
        ("claims in the largest line-up", lambda r: "{:,}".format(r["largest_measure_claims"])),
        ("article text (MB)", lambda r: "{:.1f}".format(r["text_mb"])),
        ("load time (s)", lambda r: "{:.1f}".format(r["load_s"])),
        ("articles/s", lambda r: "{:.0f}".format(r["articles_per_s"])),
        ("MB/s of text", lambda r: "{:.2f}".format(r["mb_per_s"])),
        ("plain `sqlite-utils insert` (s)", lambda r: "{:.1f}".format(r["floor_s"])),
        ("load / plain insert", lambda r: "{:.1f}x".format(r["load_over_floor"])),
        ("peak RSS, loader + workers (MB)", lambda r: "{:.0f}".format(r["peak_rss_mb"])),
        ("database size per article (kB)", lambda r: "{:.1f}".format(r["db_kb_per_article"])),
    ]
    for name in ("datasette claims.json", "index HTML", "index JSON", "largest line-up JSON", "largest line-up HTML", "article HTML"):
        def cell(r, name=name):
            median, p95 = r["latency"][name]
            base = r["latency"]["datasette claims.json"][0]
            text = "{} / {}".format(ms(median), ms(p95))
            if name != "datasette claims.json":
                text += " ({:.2f}x)".format(median / base)
            return text

        rows.append(("{} ms, median / p95{}".format(name, "" if name == "datasette claims.json" else " (x Datasette)"), cell))
    lines = ["| N | " + " | ".join("{:,}".format(r["n"]) for r in results) + " |"]
    lines.append("|---|" + "---:|" * len(results))
    for label, fn in rows:
        lines.append("| {} | {} |".format(label, " | ".join(fn(r) for r in results)))
    return "\n".join(lines)


def targets(results):
    out = []
    by_n = {r["n"]: r for r in results}
    for r in results:
        out.append("N={:,}: load {:.1f}x the plain insert (target <= 10x: {}); {:.2f} MB/s (target >= 2: {})".format(
            r["n"], r["load_over_floor"], "met" if r["load_over_floor"] <= 10 else "MISSED",
            r["mb_per_s"], "met" if r["mb_per_s"] >= 2 else "MISSED"))
        lineup = r["latency"]["largest line-up JSON"][0] / r["latency"]["datasette claims.json"][0]
        out.append("N={:,}: largest line-up first page {:.2f}x Datasette's JSON (target <= 1.5x: {})".format(
            r["n"], lineup, "met" if lineup <= 1.5 else "MISSED"))
    if 100_000 in by_n:
        r = by_n[100_000]
        out.append("N=100,000: peak RSS {:.0f} MB (target <= 400: {})".format(
            r["peak_rss_mb"], "met" if r["peak_rss_mb"] <= 400 else "MISSED"))
        index = r["latency"]["index HTML"][0]
        out.append("N=100,000: index median {} ms (target <= 250: {})".format(ms(index), "met" if index <= 0.25 else "MISSED"))
    if 100_000 in by_n and 10_000 in by_n:
        ratio = by_n[100_000]["load_s"] / by_n[10_000]["load_s"]
        out.append("load time 100k / 10k = {:.1f}x (target <= 12x: {})".format(ratio, "met" if ratio <= 12 else "MISSED"))
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="corpus size (repeatable; default 1000 and 10000)")
    parser.add_argument("--workdir", help="where corpora and databases go (default: a temporary folder)")
    parser.add_argument("--repeat", type=int, default=30, help="requests per page for the latencies")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    sizes = args.n or [1000, 10000]
    workdir = args.workdir or tempfile.mkdtemp(prefix="discrepancy-bench-")
    os.makedirs(workdir, exist_ok=True)
    results = []
    for n in sizes:
        results.append(bench(n, workdir, args.repeat, log=lambda m: print(m, file=sys.stderr, flush=True)))
        if args.json:
            with open(args.json, "w") as fp:
                json.dump({"machine": machine(), "results": results}, fp, indent=2)
    print("Machine: " + machine())
    print()
    print(table(results))
    print()
    print(targets(results))
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
