"""kill -9 at any moment of a load leaves a consistent database (an article and
its claims together or not at all; measures whose aggregates are stale are
queued), and the next load completes it to what a clean load gives."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from datasette_discrepancy import loader

from test_scale import bench, dump

LOAD = """
import sys
from datasette_discrepancy import loader
loader.BATCH_SIZE = 3
loader.TASKS_PER_CHUNK = 1
loader.REFRESH_SECONDS = 0  # refresh aggregates after every batch: more moments to be killed in
loader.load(sys.argv[1], manifest=sys.argv[2], jobs=int(sys.argv[3]))
"""
N = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("crash-corpus"))
    bench.make_corpus(folder, N, seed=2)
    clean = os.path.join(folder, "clean.db")
    loader.load(clean, manifest=os.path.join(folder, "manifest.csv"), jobs=1)
    return folder, clean


def count_articles(path):
    try:
        conn = sqlite3.connect("file:{}?mode=ro".format(path), uri=True, timeout=5)
        try:
            return conn.execute("select count(*) from articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # not created yet


def load_and_kill(db_path, manifest, jobs, after_articles, delay):
    proc = subprocess.Popen(
        [sys.executable, "-c", LOAD, db_path, manifest, str(jobs)],
        start_new_session=True,  # its own process group: the loader and its workers
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if count_articles(db_path) >= after_articles:
            break
        time.sleep(0.01)
    time.sleep(delay)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return proc.returncode


def check_consistent(crashed, clean):
    conn = sqlite3.connect(crashed)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.execute("attach ? as clean", [clean])
    # the articles written are the clean load's first ones, whole, with all their claims
    ids = [r[0] for r in conn.execute("select id from articles order by id")]
    assert ids == list(range(1, len(ids) + 1))
    for table, columns in (
        ("articles", "id, source, outlet, published, body, content_hash"),
        ("claims", "id, article_id, span_start, span_end, text, value_low, value_high, measure_id, sort_key"),
    ):
        mine = conn.execute("select {} from main.{} order by id".format(columns, table)).fetchall()
        theirs = conn.execute(
            "select {} from clean.{} where {} <= ? order by id".format(columns, table, "id" if table == "articles" else "article_id"),
            [len(ids)],
        ).fetchall()
        assert mine == theirs, table
    # a measure whose stored counts are stale is queued for the next load to refresh
    stale = conn.execute(
        """select measures.id from measures left join
          (select measure_id, count(*) as n from claims group by measure_id) counts on counts.measure_id = measures.id
        where coalesce(measures.claims_count, -1) != coalesce(counts.n, 0)
          and measures.id not in (select measure_id from dirty_measures)"""
    ).fetchall()
    assert stale == []
    conn.close()


@pytest.mark.parametrize(
    "jobs,after_articles,delay",
    [
        (1, 0, 0.0),  # while creating the schema or reading the first files
        (1, 3, 0.05),  # between batches
        (2, 6, 0.0),  # with workers running
        (1, N, 0.0),  # during the last refresh of the measures
    ],
)
def test_killed_load_is_consistent_and_the_next_load_completes_it(corpus, tmp_path, jobs, after_articles, delay):
    folder, clean = corpus
    manifest = os.path.join(folder, "manifest.csv")
    db_path = str(tmp_path / "crashed.db")
    load_and_kill(db_path, manifest, jobs, after_articles, delay)
    if os.path.exists(db_path):
        check_consistent(db_path, clean)
    summary = loader.load(db_path, manifest=manifest, jobs=jobs)
    assert summary.skipped == 0 and summary.new + summary.unchanged == N
    assert dump(db_path) == dump(clean)
