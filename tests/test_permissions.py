"""The plugin never shows what Datasette itself would hide.

The plugin's pages show rows of the articles, claims and measures tables, so
each page (HTML, JSON and CSV) must be visible to an actor exactly when
Datasette's own table pages show that actor all three tables: the tests below
ask Datasette and the plugin the same question and compare the answers.
"""
import pytest
import sqlite_utils
from datasette.app import Datasette

PAGES = [
    "/border/-/discrepancies",
    "/border/-/discrepancies.json",
    "/border/-/discrepancies-article/1",
    "/border/-/discrepancies-article/1.json",
]
TABLE_PAGES = ["/border/articles.json", "/border/claims.json", "/border/measures.json"]
# Feature check, not a signature check: Datasette.__init__ may be wrapped in tests.
IS_1_0 = hasattr(Datasette, "allowed")


def make(paths, config):
    if IS_1_0:
        return Datasette(paths, config=config)  # 1.0: permissions live in datasette.yaml
    return Datasette(paths, metadata=config)  # 0.65: in metadata


def cookies_for(ds, actor):
    return {"ds_actor": ds.sign({"a": actor}, "actor")} if actor else {}


async def lineup_path(ds, actor=None):
    measures = (await ds.client.get("/border/-/discrepancies.json", cookies=cookies_for(ds, actor))).json()["measures"]
    return measures[0]["url"]


async def plugin_paths(seed_db_path):
    slug_path = await lineup_path(Datasette([seed_db_path]))
    return PAGES + [slug_path, slug_path + ".json", slug_path + ".csv"]


def assert_nothing_leaks(response):
    assert "5,200" not in response.text and "5200" not in response.text
    assert "Mattis" not in response.text and "troops" not in response.text


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "rules",
    [
        {"allow": {"id": "editor"}},  # private database
        {"tables": {"claims": {"allow": {"id": "editor"}}}},  # private table
        {"tables": {"articles": {"allow": {"id": "editor"}}}},
        {"tables": {"measures": {"allow": {"id": "editor"}}}},
    ],
)
async def test_private_data_stays_private(seed_db_path, rules):
    ds = make([seed_db_path], {"databases": {"border": rules}})
    editor = cookies_for(ds, {"id": "editor"})
    paths = await plugin_paths(seed_db_path)
    for path in paths:
        anonymous = await ds.client.get(path)
        assert anonymous.status_code == 403, path
        assert_nothing_leaks(anonymous)
        allowed = await ds.client.get(path, cookies=editor)
        assert allowed.status_code == 200, path
    # the database action links to the report only for those who may see it
    database_page = await ds.client.get("/border", cookies=editor)
    assert "/-/discrepancies" in database_page.text
    anonymous_page = await ds.client.get("/border")
    if anonymous_page.status_code == 200:  # a private table: the database page is public
        assert "/-/discrepancies" not in anonymous_page.text


@pytest.mark.asyncio
async def test_private_instance(seed_db_path):
    ds = make([seed_db_path], {"allow": {"id": "root"}})
    for path in await plugin_paths(seed_db_path):
        response = await ds.client.get(path)
        assert response.status_code == 403, path
        assert_nothing_leaks(response)
    root = cookies_for(ds, {"id": "root"})
    assert (await ds.client.get(PAGES[1], cookies=root)).status_code == 200


@pytest.mark.asyncio
async def test_table_denied_to_everyone(seed_db_path):
    ds = make([seed_db_path], {"databases": {"border": {"tables": {"measures": {"allow": False}}}}})
    for actor in (None, {"id": "editor"}, {"id": "root"}):
        for path in PAGES:
            assert (await ds.client.get(path, cookies=cookies_for(ds, actor))).status_code == 403, (actor, path)


CONFIGS = [
    {},
    {"allow": {"id": "root"}},
    {"allow": {"id": "root"}, "databases": {"border": {"allow": True}}},
    {"databases": {"border": {"allow": {"id": "editor"}}}},
    {"databases": {"border": {"allow": False}}},
    {"databases": {"border": {"allow": {"id": "editor"}, "tables": {"articles": {"allow": True}}}}},
    {"databases": {"border": {"tables": {"claims": {"allow": {"id": "editor"}}}}}},
    {"databases": {"border": {"tables": {"measures": {"allow": {"id": "root"}}}}}},
    {"databases": {"border": {"allow": {"id": ["editor", "root"]}, "tables": {"articles": {"allow": {"id": "root"}}}}}},
]
if IS_1_0:  # `permissions:` blocks are 1.0 configuration
    CONFIGS += [
        {"permissions": {"view-instance": {"id": "root"}}},
        {"permissions": {"view-database": {"id": "editor"}}},
        {"permissions": {"view-table": {"id": "editor"}}},
    ]
ACTORS = [None, {"id": "editor"}, {"id": "root"}, {"id": "stranger"}]


@pytest.mark.asyncio
@pytest.mark.parametrize("config", CONFIGS, ids=[str(n) for n in range(len(CONFIGS))])
async def test_plugin_agrees_with_datasette(seed_db_path, config):
    """For each configuration and actor: the plugin's pages are visible
    exactly when Datasette shows all three tables, and so is the link."""
    ds = make([seed_db_path], config)
    paths = await plugin_paths(seed_db_path)
    for actor in ACTORS:
        cookies = cookies_for(ds, actor)
        tables_visible = all([(await ds.client.get(p, cookies=cookies)).status_code == 200 for p in TABLE_PAGES])
        for path in paths:
            response = await ds.client.get(path, cookies=cookies)
            assert response.status_code == (200 if tables_visible else 403), (config, actor, path)
            if not tables_visible:
                assert_nothing_leaks(response)
        database_page = await ds.client.get("/border", cookies=cookies)
        if database_page.status_code == 200:
            assert ('href="/border/-/discrepancies"' in database_page.text) == tables_visible, (config, actor)


@pytest.mark.asyncio
@pytest.mark.skipif(not IS_1_0, reason="actor restrictions (_r) are a 1.0 feature")
@pytest.mark.parametrize(
    "restrictions,visible",
    [
        ({"a": ["vi"]}, False),
        ({"d": {"other": ["vd", "vt"]}}, False),
        ({"r": {"border": {"articles": ["vt"]}}}, False),
        ({"r": {"border": {"articles": ["vt"], "claims": ["vt"]}}}, False),
        ({"r": {"border": {"articles": ["vt"], "claims": ["vt"], "measures": ["vt"]}}}, True),
        ({"d": {"border": ["vd", "vt"]}}, True),
    ],
)
async def test_restricted_tokens(seed_db_path, restrictions, visible):
    ds = Datasette([seed_db_path])
    cookies = cookies_for(ds, {"id": "bot", "_r": restrictions})
    for path in PAGES:
        response = await ds.client.get(path, cookies=cookies)
        assert response.status_code == (200 if visible else 403), path
    tables = [(await ds.client.get(p, cookies=cookies)).status_code for p in TABLE_PAGES]
    assert all(status == 200 for status in tables) == visible


@pytest.mark.asyncio
async def test_private_database_is_not_listed_or_linked(seed_db_path, tmp_path):
    """Two report databases, one private: nothing the plugin shows about the
    public one names or links the private one."""
    import sqlite3

    secret = str(tmp_path / "secretdesk.db")
    # the backup API, not a file copy: the seed database is in WAL mode
    source, target = sqlite3.connect(seed_db_path), sqlite3.connect(secret)
    source.backup(target)
    source.close()
    target.close()
    ds = make([seed_db_path, secret], {"databases": {"secretdesk": {"allow": {"id": "editor"}}}})
    paths = await plugin_paths(seed_db_path)
    for path in paths + ["/border"]:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
        assert "secretdesk" not in response.text, path
    for path in [p.replace("/border/", "/secretdesk/") for p in paths]:
        response = await ds.client.get(path)
        assert response.status_code == 403, path
        assert_nothing_leaks(response)
    editor = cookies_for(ds, {"id": "editor"})
    assert (await ds.client.get("/secretdesk/-/discrepancies.json", cookies=editor)).status_code == 200
    assert 'href="/secretdesk/-/discrepancies"' in (await ds.client.get("/secretdesk", cookies=editor)).text


@pytest.mark.asyncio
async def test_internal_and_non_report_databases(seed_db_path, tmp_path):
    other = str(tmp_path / "plain.db")
    sqlite_utils.Database(other)["t"].insert({"a": 1})
    ds = Datasette([seed_db_path, other])
    for path in ("/_internal/-/discrepancies", "/_internal/-/discrepancies.json", "/plain/-/discrepancies.json"):
        response = await ds.client.get(path)
        assert response.status_code in (403, 404), path
