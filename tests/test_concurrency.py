"""Datasette serves the database while a load writes to it (WAL): no
"database is locked" for the readers or for the writer."""
import os
import subprocess
import sys

import pytest
from datasette.app import Datasette

from datasette_discrepancy import db as dblayer

from test_scale import bench

LOAD = """
import sys
from datasette_discrepancy import loader
loader.BATCH_SIZE = 2
loader.REFRESH_SECONDS = 0  # refresh measures after every batch: as many writes as possible
s = loader.load(sys.argv[1], manifest=sys.argv[2], jobs=2)
print(s, file=sys.stderr)
"""
N = 16


@pytest.mark.asyncio
async def test_datasette_reads_while_a_load_writes(tmp_path):
    folder = str(tmp_path / "corpus")
    bench.make_corpus(folder, N, seed=3)
    db_path = str(tmp_path / "live.db")
    dblayer.open_database(db_path).close()  # the schema exists before Datasette opens the file
    ds = Datasette([db_path])
    proc = subprocess.Popen(
        [sys.executable, "-c", LOAD, db_path, os.path.join(folder, "manifest.csv")],
        stderr=subprocess.PIPE,
        text=True,
    )
    reads, saw_articles = 0, set()
    try:
        while proc.poll() is None or reads < 5:
            for path in (
                "/live/-/discrepancies.json?_size=3",
                "/live/-/discrepancies",
                "/live/claims.json?_size=5",
                "/live/articles.json?_size=1&_col=id",
            ):
                response = await ds.client.get(path)
                assert response.status_code == 200, (path, response.text[:500])
                assert "locked" not in response.text
                reads += 1
            index = (await ds.client.get("/live/-/discrepancies.json?_size=1")).json()
            for measure in index["measures"]:
                response = await ds.client.get(measure["url"] + ".json")
                assert response.status_code == 200, response.text[:500]
            count = await ds.get_database("live").execute("select count(*) from articles")
            saw_articles.add(count.first()[0])
    finally:
        _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert "locked" not in stderr
    assert "{} loaded".format(N) in stderr
    # the readers saw the load progress, not just the before and after
    assert len(saw_articles) >= 2
    final = (await ds.client.get("/live/-/discrepancies.json?_size=max")).json()["measures"]
    assert final and all(m["assessment"] for m in final)
