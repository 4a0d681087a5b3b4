"""The plugin never shows what Datasette itself would hide."""
import inspect

import pytest
from datasette.app import Datasette

PAGES = [
    "/border/-/discrepancies",
    "/border/-/discrepancies.json",
    "/border/-/discrepancies-article/1",
    "/border/-/discrepancies-article/1.json",
]


def make(seed_db_path, config):
    if "config" in inspect.signature(Datasette.__init__).parameters:
        return Datasette([seed_db_path], config=config)  # 1.0: permissions live in datasette.yaml
    return Datasette([seed_db_path], metadata=config)  # 0.65: in metadata


async def lineup_path(ds, actor=None):
    cookies = {"ds_actor": ds.sign({"a": actor}, "actor")} if actor else {}
    measures = (await ds.client.get("/border/-/discrepancies.json", cookies=cookies)).json()["measures"]
    return measures[0]["url"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "rules",
    [
        {"allow": {"id": "editor"}},  # private database
        {"tables": {"claims": {"allow": {"id": "editor"}}}},  # private table
        {"tables": {"articles": {"allow": {"id": "editor"}}}},
    ],
)
async def test_private_data_stays_private(seed_db_path, rules):
    ds = make(seed_db_path, {"databases": {"border": rules}})
    editor = {"ds_actor": ds.sign({"a": {"id": "editor"}}, "actor")}
    slug_path = await lineup_path(ds, {"id": "editor"})
    for path in PAGES + [slug_path, slug_path + ".json"]:
        anonymous = await ds.client.get(path)
        assert anonymous.status_code == 403, path
        assert "5,200" not in anonymous.text and "5200" not in anonymous.text
        allowed = await ds.client.get(path, cookies=editor)
        assert allowed.status_code == 200, path
    database_page = await ds.client.get("/border", cookies=editor)
    assert "/-/discrepancies" in database_page.text


@pytest.mark.asyncio
async def test_private_instance(seed_db_path):
    ds = make(seed_db_path, {"allow": {"id": "root"}})
    for path in PAGES:
        assert (await ds.client.get(path)).status_code == 403
    root = {"ds_actor": ds.sign({"a": {"id": "root"}}, "actor")}
    assert (await ds.client.get(PAGES[1], cookies=root)).status_code == 200
