"""Every query a page runs is served by an index: fetch each page, record the
SQL it sends, and check SQLite's EXPLAIN QUERY PLAN for full-table scans."""
import re
import sqlite3

import pytest
from datasette.app import Datasette
from datasette.database import Database

OUR_TABLES = {"articles", "claims", "measures", "measure_cells", "passages"}
# "SCAN claims" reads every row; "SCAN measures USING INDEX ..." walks an index in order
FULL_SCAN = re.compile(r"^SCAN (\w+)(?! USING)")


@pytest.fixture
def recorded(monkeypatch):
    queries = []
    real = Database.execute

    async def execute(self, sql, params=None, *args, **kwargs):
        if re.search(r"\b(articles|claims|measures|measure_cells|passages)\b", sql) and "sqlite_master" not in sql:
            queries.append((self.path, sql, params))
        return await real(self, sql, params, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", execute)
    return queries


def plan(path, sql, params):
    conn = sqlite3.connect(path)
    try:
        return [row[3] for row in conn.execute("explain query plan " + sql, params or [])]
    finally:
        conn.close()


async def page_paths(ds):
    index = (await ds.client.get("/border/-/discrepancies.json?_size=2")).json()
    largest = max(index["measures"], key=lambda m: m["claims"])
    lineup = (await ds.client.get(largest["url"] + ".json?_size=2")).json()
    article_id = lineup["claims"][0]["article_id"]
    return [
        "/border/-/discrepancies",
        "/border/-/discrepancies.json",
        "/border/-/discrepancies.json?_size=2&_next=" + index["next"],
        "/border/-/discrepancies.json?assessment=conflicting",
        "/border/-/discrepancies.json?unit=troops",
        largest["url"],
        largest["url"] + ".json",
        largest["url"] + ".json?_size=2&_next=" + lineup["next"],
        "/border/-/discrepancies-article/{}".format(article_id),
        "/border/-/discrepancies-article/{}.json".format(article_id),
    ]


@pytest.mark.asyncio
async def test_every_page_query_uses_an_index(seed_db_path, recorded):
    ds = Datasette([seed_db_path])
    paths = await page_paths(ds)
    recorded.clear()
    for path in paths:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
    assert len(recorded) >= len(paths)
    problems = []
    for path, sql, params in recorded:
        for step in plan(path, sql, params):
            m = FULL_SCAN.match(step)
            if m and m.group(1) in OUR_TABLES:
                problems.append((step, " ".join(sql.split())))
    assert problems == []


@pytest.mark.asyncio
async def test_paged_queries_read_in_index_order(seed_db_path, recorded):
    """Paging never sorts: page 1,000 of a line-up costs what page 1 does."""
    ds = Datasette([seed_db_path])
    for path in await page_paths(ds):
        await ds.client.get(path)
    paged = [(p, sql, params) for p, sql, params in recorded if "order_key >" in sql or "sort_key >" in sql]
    assert any("claims.sort_key >" in sql for _, sql, _ in paged)
    assert any("order_key >" in sql for _, sql, _ in paged)
    for path, sql, params in paged:
        steps = plan(path, sql, params)
        assert not any("TEMP B-TREE" in step for step in steps), (sql, steps)
        assert any("USING INDEX" in step or "USING COVERING INDEX" in step for step in steps), (sql, steps)
