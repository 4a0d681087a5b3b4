"""Loading at scale: the same database whatever --jobs, incremental loads equal
to full ones, only new or changed files extracted, bounded read-ahead, stored
aggregates that match a from-scratch computation, keyset paging."""
import os
import random
import re
import shutil
import sqlite3
import sys

import pytest
from datasette.app import Datasette
from hypothesis import given, settings
from hypothesis import strategies as st

from datasette_discrepancy import aggregates, compare, loader
from datasette_discrepancy.articles import Task

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "scripts"))
import bench  # noqa: E402  (its corpus generator)


FTS_SHADOW = re.compile(r'^INSERT INTO "\w+_fts_(data|idx|docsize|config)"')


def dump(path):
    """The whole database as SQL. FTS5's internal segments depend on how the
    writes were split into transactions, so they are left out and what a
    search finds is compared instead; measure_cells (derived, no id of its
    own) is compared in key order rather than rowid order."""
    conn = sqlite3.connect(path)
    lines = [
        line
        for line in conn.iterdump()
        if not line.startswith(('INSERT INTO "sqlite_stat', 'INSERT INTO "measure_cells"')) and not FTS_SHADOW.match(line)
    ]
    lines.extend(map(repr, conn.execute("select * from measure_cells order by measure_id, published, outlet")))
    for table in ("articles_fts", "claims_fts"):
        for word in ("troops", "people", "homes", "said"):
            hits = [r[0] for r in conn.execute("select rowid from {} where {} match ? order by rowid".format(table, table), [word])]
            lines.append("{} {}: {}".format(table, word, hits))
    conn.close()
    return "\n".join(lines)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("corpus"))
    bench.make_corpus(folder, 24, seed=1)
    return folder


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(loader, "BATCH_SIZE", 7)
    monkeypatch.setattr(loader, "TASKS_PER_CHUNK", 2)


def manifest_rows(corpus, start, stop, path):
    with open(os.path.join(corpus, "manifest.csv")) as fp:
        lines = fp.read().splitlines()
    with open(path, "w") as out:
        out.write("\n".join([lines[0]] + lines[1 + start : 1 + stop]) + "\n")
    return path


def test_jobs_give_identical_databases(corpus, tmp_path, small_batches):
    manifest = os.path.join(corpus, "manifest.csv")
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    s1 = loader.load(one, manifest=manifest, jobs=1)
    s2 = loader.load(two, manifest=manifest, jobs=2)
    assert s1.new == s2.new == 24 and not s1.errors and not s2.errors
    assert dump(one) == dump(two)


def test_when_aggregates_are_refreshed_does_not_change_the_result(tmp_path, monkeypatch):
    # a refresh during a load runs by the clock: how fast the machine is must not matter.
    # (Undated articles, read from a folder without a manifest, once made it matter.)
    folder = str(tmp_path / "corpus")
    os.makedirs(folder)
    bench.make_corpus(folder, 120, seed=1)
    os.remove(os.path.join(folder, "manifest.csv"))
    monkeypatch.setattr(loader, "BATCH_SIZE", 10)
    monkeypatch.setattr(loader, "BATCHES_PER_TRANSACTION", 1)
    often, never = str(tmp_path / "often.db"), str(tmp_path / "never.db")
    monkeypatch.setattr(loader, "REFRESH_SECONDS", 0)
    loader.load(often, [folder], jobs=1)
    monkeypatch.setattr(loader, "REFRESH_SECONDS", 10 ** 9)
    loader.load(never, [folder], jobs=1)
    assert dump(often) == dump(never)


def test_incremental_load_equals_full_load(corpus, tmp_path, small_batches):
    full, grown = str(tmp_path / "full.db"), str(tmp_path / "grown.db")
    loader.load(full, manifest=os.path.join(corpus, "manifest.csv"), jobs=1)
    first = manifest_rows(corpus, 0, 10, os.path.join(corpus, "first.csv"))
    loader.load(grown, manifest=first, jobs=2)
    summary = loader.load(grown, manifest=os.path.join(corpus, "manifest.csv"), jobs=2)
    assert (summary.new, summary.unchanged, summary.changed) == (14, 10, 0)
    assert dump(grown) == dump(full)


def test_only_new_or_changed_files_are_extracted(corpus, tmp_path, monkeypatch):
    db_path = str(tmp_path / "db.db")
    loader.load(db_path, manifest=os.path.join(corpus, "manifest.csv"), jobs=1)
    calls = []
    real = loader.extract_claims
    monkeypatch.setattr(loader, "extract_claims", lambda body: calls.append(body) or real(body))
    summary = loader.load(db_path, manifest=os.path.join(corpus, "manifest.csv"), jobs=1)
    assert summary.unchanged == 24 and calls == []


def comparable(path):
    """Everything a user sees, with claims and measures named by content, not id."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    articles = [dict(r) for r in conn.execute("select id, source, outlet, published, body, content_hash from articles order by id")]
    claims = sorted(
        tuple(r)
        for r in conn.execute(
            """select articles.source, span_start, span_end, text, value_low, value_high, qualifier, claims.unit,
              sentence, attribution from claims join articles on articles.id = claims.article_id"""
        )
    )
    measures = sorted(
        tuple(r)
        for r in conn.execute(
            """select slug, label, unit, claims_count, articles_count, outlets_count, min_value, max_value,
              spread, first_published, last_published, assessment from measures"""
        )
    )
    cells = sorted(
        tuple(r)
        for r in conn.execute(
            """select measures.slug, outlet, published, claims, articles, measure_cells.min_value, measure_cells.max_value,
                  retrospective, conflicting
            from measure_cells join measures on measures.id = measure_cells.measure_id"""
        )
    )
    conn.close()
    return articles, claims, measures, cells


def test_changed_file_replaces_its_claims_like_a_full_load(corpus, tmp_path, small_batches):
    changed = str(tmp_path / "changed")
    shutil.copytree(corpus, changed)
    db_path = str(tmp_path / "incremental.db")
    loader.load(db_path, manifest=os.path.join(changed, "manifest.csv"), jobs=2)
    victim = os.path.join(changed, "0000", "0000005.txt")
    with open(victim) as fp:
        text = fp.read()
    with open(victim, "w") as fp:
        fp.write(text.replace("800", "950", 1) + "\nOfficials later said 4,400 troops had arrived.\n")
    summary = loader.load(db_path, manifest=os.path.join(changed, "manifest.csv"), jobs=2)
    assert (summary.changed, summary.unchanged) == (1, 23)
    full = str(tmp_path / "full.db")
    loader.load(full, manifest=os.path.join(changed, "manifest.csv"), jobs=1)
    incremental_view, full_view = comparable(db_path), comparable(full)
    # the same articles (ids included) and claims (ids aside: the new ones come last)
    assert incremental_view[:2] == full_view[:2]
    # Which measure a claim joins depends on the order grouping saw the
    # articles in (analysis.py clusters online), so measures are checked for
    # consistency with their claims rather than against the full load.
    check_aggregates(db_path)


def test_read_ahead_is_bounded(monkeypatch):
    """Results are consumed while tasks are still unread: memory does not grow with the corpus."""
    monkeypatch.setattr(loader, "process_task", lambda task: [task.source])
    consumed = []

    def tasks():
        for i in range(10_000):
            consumed.append(i)
            yield Task(path="x", source=str(i))

    results = loader._results(tasks(), 2, None)
    first = next(results)
    assert first == ["0"]
    assert len(consumed) <= (loader.chunks_in_flight(2) + 1) * loader.TASKS_PER_CHUNK
    assert [r[0] for r in results] == [str(i) for i in range(1, 10_000)]


def test_stored_aggregates_match_a_fresh_computation(corpus, tmp_path):
    db_path = str(tmp_path / "db.db")
    loader.load(db_path, manifest=os.path.join(corpus, "manifest.csv"), jobs=2)
    check_aggregates(db_path)


def check_aggregates(db_path):
    """Every stored aggregate equals what the claims give when computed afresh."""
    conn = sqlite3.connect(db_path)
    # counts, and the range in the measure's own unit (a figure in km of a line-up in miles converted)
    measure_units = dict(conn.execute("select id, unit from measures"))
    found = {}
    for measure_id, article_id, low, high, unit in conn.execute(
        "select measure_id, article_id, value_low, value_high, unit from claims where measure_id is not null"
    ):
        to_unit = measure_units[measure_id]
        low, high = (aggregates.in_unit(v, unit, to_unit) for v in (low if low is not None else high,
                                                                    high if high is not None else low))
        count, articles, lows, highs = found.setdefault(measure_id, [0, set(), [], []])
        found[measure_id][0] += 1
        articles.add(article_id)
        lows.extend([low] if low is not None else [])
        highs.extend([high] if high is not None else [])
    stats = [(m, n, len(a), min(lo, default=None), max(hi, default=None)) for m, (n, a, lo, hi) in found.items()]
    stored = conn.execute("select id, claims_count, articles_count, min_value, max_value from measures").fetchall()
    assert sorted(stats) == sorted(stored)
    for measure_id, claims_count, assessment in conn.execute("select id, claims_count, assessment from measures"):
        rows = conn.execute(
            """select claims.id, value_low, value_high, qualifier, retrospective, outlet, published, status,
            attribution, unit from claims join articles on articles.id = claims.article_id where measure_id = ?""",
            [measure_id],
        ).fetchall()
        claims = [dict(zip(aggregates.CLAIM_COLUMNS, r)) for r in rows]
        expected, statuses = compare.assess(claims)
        assert assessment == expected
        assert {c["id"]: c["status"] for c in claims} == statuses
        cells = conn.execute("select sum(claims) from measure_cells where measure_id = ?", [measure_id]).fetchone()[0]
        assert cells == claims_count == len(claims)
    assert conn.execute("select count(*) from dirty_measures").fetchone()[0] == 0
    conn.close()


QUALIFIERS = ["exact", "approximately", "more_than", "at_least", "less_than", "at_most", "range", "vague"]


@st.composite
def lineups(draw):
    n = draw(st.integers(min_value=0, max_value=40))
    claims = []
    for i in range(n):
        qualifier = draw(st.sampled_from(QUALIFIERS))
        low = draw(st.one_of(st.none(), st.sampled_from([100, 250, 300, 800, 1000, 1200, 5000, 5200, 7000])))
        high = draw(st.one_of(st.none(), st.sampled_from([100, 300, 800, 950, 1000, 2000, 5200, 7500])))
        claims.append(
            {
                "id": i + 1,
                "value_low": low,
                "value_high": high,
                "qualifier": qualifier,
                "retrospective": draw(st.sampled_from([0, 0, 0, 1])),
                "outlet": draw(st.sampled_from(["A", "B", "C", None])),
                "published": draw(st.sampled_from(["2024-03-01", "2024-03-02", "2024-03-05", None])),
                "attribution": draw(st.sampled_from([None, "police", "the Police", "the union"])),
            }
        )
    return claims


@settings(max_examples=100, deadline=None)
@given(lineups())
def test_fast_assessment_equals_pairwise(claims):
    original = aggregates.PAIRWISE_MAX
    aggregates.PAIRWISE_MAX = -1  # always the fast path
    try:
        assert aggregates.assess_claims(claims) == compare.assess(claims)
    finally:
        aggregates.PAIRWISE_MAX = original


def test_fast_assessment_of_a_large_lineup():
    # 50,000 claims: the pairwise version would take hours (scripts/bench.py times the real thing)
    rng = random.Random(0)
    claims = []
    for i in range(50_000):
        value, qualifier = rng.choice([800, 1000, 5200, 7000]), rng.choice(["exact", "more_than", "approximately"])
        claims.append(
            {
                "id": i,
                "value_low": value,
                "value_high": None if qualifier == "more_than" else value,
                "qualifier": qualifier,
                "retrospective": 0,
                "outlet": "outlet {}".format(rng.randrange(40)),
                "published": "2024-03-{:02d}".format(rng.randrange(1, 29)),
            }
        )
    assessment, statuses = aggregates.assess_claims(claims)
    assert assessment == "conflicting" and len(statuses) == 50_000
    assert statuses[0].startswith("conflicts with")


@pytest.mark.asyncio
async def test_keyset_pages_walk_every_row_once(corpus, tmp_path):
    db_path = str(tmp_path / "paged.db")
    loader.load(db_path, manifest=os.path.join(corpus, "manifest.csv"), jobs=2)
    ds = Datasette([db_path])
    name = "paged"

    async def walk(path, key):
        rows, url = [], path + ("&" if "?" in path else "?") + "_size=7"
        while True:
            response = await ds.client.get(url)
            assert response.status_code == 200, response.text
            data = response.json()
            rows.extend(data[key])
            if not data["next"]:
                return rows
            url = path + ("&" if "?" in path else "?") + "_size=7&_next=" + data["next"]

    everything = (await ds.client.get("/{}/-/discrepancies.json?_size=max".format(name))).json()["measures"]
    assert await walk("/{}/-/discrepancies.json".format(name), "measures") == everything
    largest = max(everything, key=lambda m: m["claims"])
    assert largest["claims"] > 7
    lineup = "/{}/-/discrepancies/{}.json".format(name, largest["slug"])
    all_claims = (await ds.client.get(lineup + "?_size=max")).json()["claims"]
    paged = await walk(lineup, "claims")
    assert paged == all_claims and len(paged) == largest["claims"]
    order = [(c["published"] or "", c["outlet"] or "", c["article_id"], c["span_start"]) for c in paged]
    assert order == sorted(order)
    filtered = await walk("/{}/-/discrepancies.json?unit={}".format(name, largest["unit"]), "measures")
    assert filtered == [m for m in everything if m["unit"] == largest["unit"]]
