"""The plugin's pages, fetched the way Datasette's own tests do."""
import pytest
from datasette.app import Datasette

from conftest import troop_measure


@pytest.mark.asyncio
async def test_plugin_is_installed(ds):
    response = await ds.client.get("/-/plugins.json")
    assert "datasette-discrepancy" in {p["name"] for p in response.json()}


@pytest.mark.asyncio
async def test_index_json(ds):
    response = await ds.client.get("/border/-/discrepancies.json")
    assert response.status_code == 200
    measures = response.json()["measures"]
    assert measures
    first = measures[0]
    assert set(first) >= {"slug", "label", "unit", "claims", "outlets", "min", "max", "assessment"}
    # most disputed first: no single-outlet measure ahead of a multi-outlet one with the same assessment
    order = {"conflicting": 0, "revised": 1, "consistent": 2}
    keys = [(order.get(m["assessment"], 3), -m["outlets"]) for m in measures]
    assert keys == sorted(keys)


@pytest.mark.asyncio
async def test_troop_lineup(ds):
    measure, lineup = await troop_measure(ds)
    claims = lineup["claims"]
    assert set(claims[0]) >= {
        "id", "article_id", "outlet", "published", "value_low", "value_high",
        "qualifier", "text", "sentence", "attribution",
    }
    figures = {(c["value_low"], c["value_high"]) for c in claims}
    assert (800, 1000) in figures and (5200, 5200) in figures
    assert len({c["outlet"] for c in claims}) >= 3
    assert [c["published"] for c in claims] == sorted(c["published"] for c in claims)
    assert lineup["measure"]["slug"] == measure["slug"]
    html = await ds.client.get(measure["url"])
    assert html.status_code == 200
    assert "5,200" in html.text and "800 to 1,000" in html.text


@pytest.mark.asyncio
async def test_index_html_links_to_lineups(ds):
    response = await ds.client.get("/border/-/discrepancies")
    assert response.status_code == 200
    assert "<h1>Discrepancies in border</h1>" in response.text
    measure, _ = await troop_measure(ds)
    assert 'href="/border/-/discrepancies/{}"'.format(measure["slug"]) in response.text


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "path",
    [
        "/border/-/discrepancies/no-such-measure",
        "/border/-/discrepancies/no-such-measure.json",
        "/border/-/discrepancies/..%2F..%2Fetc%2Fpasswd",
        "/border/-/discrepancies/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/border/-/discrepancies/" + "a" * 500,
        "/nope/-/discrepancies",
        "/border/-/discrepancies-article/99999",
        "/border/-/discrepancies-article/1%27%20or%201=1",
    ],
)
async def test_unknown_and_hostile_paths_are_404(ds, path):
    # Datasette first redirects %-escapes to its ~-encoding
    response = await ds.client.get(path, follow_redirects=True)
    assert response.status_code == 404
    assert "<script>alert(1)</script>" not in response.text


@pytest.mark.asyncio
@pytest.mark.parametrize("query", ["_size=0", "_size=abc", "_size=100000", "_next=-1", "_next=x"])
async def test_bad_parameters_are_400(ds, query):
    response = await ds.client.get("/border/-/discrepancies.json?" + query)
    assert response.status_code == 400


@pytest.mark.asyncio
async def test_article_page_highlights_claims(ds):
    measure, lineup = await troop_measure(ds)
    claim = next(c for c in lineup["claims"] if c["value_low"] == 5200)
    response = await ds.client.get("/border/-/discrepancies-article/{}".format(claim["article_id"]))
    assert response.status_code == 200
    assert 'id="claim-{}"'.format(claim["id"]) in response.text
    assert 'href="/border/-/discrepancies/{}"'.format(measure["slug"]) in response.text


@pytest.mark.asyncio
async def test_database_page_links_to_report(ds):
    response = await ds.client.get("/border")
    assert 'href="/border/-/discrepancies"' in response.text


@pytest.mark.asyncio
async def test_no_link_for_databases_without_the_tables(seed_db_path, tmp_path):
    import sqlite_utils

    other = str(tmp_path / "other.db")
    sqlite_utils.Database(other)["t"].insert({"a": 1})
    ds = Datasette([seed_db_path, other])
    response = await ds.client.get("/other")
    assert "/-/discrepancies" not in response.text
    assert (await ds.client.get("/other/-/discrepancies")).status_code == 404


@pytest.mark.asyncio
async def test_base_url(seed_db_path):
    ds = Datasette([seed_db_path], settings={"base_url": "/news/"})
    # the test client adds base_url to the path, as a proxy would
    response = await ds.client.get("/border/-/discrepancies")
    assert response.status_code == 200
    assert 'href="/news/border/-/discrepancies/' in response.text
    assert 'href="/border/' not in response.text


@pytest.mark.asyncio
@pytest.mark.parametrize("base_url", ["/", "/news/"])
async def test_pages_link_the_plugin_stylesheet(seed_db_path, base_url):
    ds = Datasette([seed_db_path], settings={"base_url": base_url})
    page = (await ds.client.get("/border/-/discrepancies")).text
    href = "{}-/static-plugins/datasette-discrepancy/discrepancy.css".format(base_url)
    assert '<link rel="stylesheet" href="{}">'.format(href) in page
    css = await ds.client.get("/-/static-plugins/datasette-discrepancy/discrepancy.css")
    assert css.status_code == 200
    assert ".discrepancy-assessment-conflicting" in css.text
