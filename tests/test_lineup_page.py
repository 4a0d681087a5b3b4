"""The line-up page's chart, outlet x date table and CSV export."""
import csv
import io
import re
import sqlite3
import xml.etree.ElementTree as ET

import pytest
from datasette.app import Datasette

from conftest import troop_measure

SVG = "{http://www.w3.org/2000/svg}"


def chart_of(html):
    match = re.search(r'<svg [^>]*class="discrepancy-chart".*?</svg>', html, re.S)
    assert match, "no inline SVG on the page"
    return ET.fromstring(match.group(0))


def outlet_table_of(html):
    match = re.search(r'<table class="rows-and-columns discrepancy-outlets[^"]*">.*?</table>', html, re.S)
    assert match, "no outlet x date table"
    return match.group(0)


@pytest.mark.asyncio
async def test_lineup_page_has_chart_with_marks_that_link_to_sentences(ds):
    measure, lineup = await troop_measure(ds)
    html = (await ds.client.get(measure["url"])).text
    root = chart_of(html)
    marks = [g for g in root.iter(SVG + "g") if "discrepancy-mark" in g.get("class", "").split()]
    assert marks
    values = {float(m.get("data-low")) for m in marks if m.get("data-low")}
    assert {800.0, 1000.0, 5200.0} <= values | {float(m.get("data-high")) for m in marks if m.get("data-high")}
    hrefs = {a.get("href") for a in root.iter(SVG + "a")}
    claim = next(c for c in lineup["claims"] if c["value_low"] == 5200)
    assert "/border/-/discrepancies-article/{}#claim-".format(claim["article_id"]) in " ".join(hrefs)
    # the chart comes before the table, which comes before the claim list
    assert html.index('class="discrepancy-chart"') < html.index('<table class="rows-and-columns discrepancy-outlets') < html.index(
        '<table class="rows-and-columns discrepancy-lineup'
    )


@pytest.mark.asyncio
async def test_outlet_by_date_table(ds):
    measure, lineup = await troop_measure(ds)
    table = outlet_table_of((await ds.client.get(measure["url"])).text)
    outlets = {c["outlet"] for c in lineup["claims"]}
    dates = sorted({c["published"] for c in lineup["claims"] if c["published"]})
    header = re.search(r"<thead>.*?</thead>", table, re.S).group(0)
    assert re.findall(r"<th>(\d{4}-\d\d-\d\d)</th>", header) == dates
    rows = re.findall(r'<th class="discrepancy-outlet" scope="row">.*?</span>(.*?)</th>', table)
    assert sorted(rows) == sorted(outlets)
    for figure in ("800", "1,000", "5,200"):
        assert ">{}".format(figure) in table or " {}<".format(figure) in table or "{} to".format(figure) in table
    assert "800 to 1,000" in table
    # attribution on hover and below
    attributed = next(c for c in lineup["claims"] if c["attribution"])
    assert re.search(r'title="[^"]*according to {}'.format(re.escape(attributed["attribution"])), table)
    assert ">according to {}<".format(attributed["attribution"]) in table
    # each figure links to its sentence on the article page
    assert re.search(r'href="/border/-/discrepancies-article/\d+#claim-\d+"', table)


@pytest.mark.asyncio
async def test_lineup_csv(ds):
    measure, lineup = await troop_measure(ds)
    html = (await ds.client.get(measure["url"])).text
    assert 'href="{}.csv"'.format(measure["url"]) in html
    response = await ds.client.get(measure["url"] + ".csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == [
        "claim_id", "published", "outlet", "text", "value_low", "value_high", "qualifier",
        "unit", "attribution", "status", "sentence", "article_url", "claim_url",
    ]
    # every claim, not one page of them
    full = (await ds.client.get(measure["url"] + ".json?_size=max")).json()["claims"]
    assert sorted(int(r["claim_id"]) for r in rows) == sorted(c["id"] for c in full)
    by_id = {int(r["claim_id"]): r for r in rows}
    for c in full:
        row = by_id[c["id"]]
        assert row["outlet"] == c["outlet"] and row["text"] == c["text"] and row["status"] == c["status"]
        assert row["claim_url"].endswith("/border/-/discrepancies-article/{}#claim-{}".format(c["article_id"], c["id"]))
    assert {"800 to 1,000", "5,200"} <= {r["text"] for r in rows}


@pytest.mark.asyncio
async def test_csv_of_unknown_measure_is_404(ds):
    assert (await ds.client.get("/border/-/discrepancies/no-such-measure.csv")).status_code == 404


@pytest.mark.asyncio
async def test_lineup_under_base_url(seed_db_path):
    ds = Datasette([seed_db_path], settings={"base_url": "/news/"})
    index = (await ds.client.get("/border/-/discrepancies.json?_size=max")).json()
    url = next(m["url"] for m in index["measures"] if m["claims"] > 1)
    assert url.startswith("/news/")
    html = (await ds.client.get(url[len("/news"):])).text
    root = chart_of(html)
    hrefs = [a.get("href") for a in root.iter(SVG + "a")]
    assert hrefs and all(h.startswith("/news/border/-/discrepancies-article/") for h in hrefs)
    assert 'href="{}.csv"'.format(url) in html
    assert 'href="/border/' not in html


@pytest.mark.asyncio
async def test_hostile_article_metadata_is_escaped(seed_db_path, tmp_path):
    evil = '<script>alert(1)</script>'
    path = str(tmp_path / "border.db")
    # the backup API, not a file copy: the seed may be in WAL mode
    with sqlite3.connect(seed_db_path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    conn = sqlite3.connect(path)
    conn.execute("update articles set outlet = ?", [evil + '" onmouseover="x'])
    conn.execute("update claims set attribution = ?, text = ?", [evil, evil])
    conn.commit()
    conn.close()
    ds = Datasette([path])
    index = (await ds.client.get("/border/-/discrepancies.json?_size=max")).json()
    for measure in index["measures"][:3]:
        html = (await ds.client.get(measure["url"])).text
        assert "<script>alert(1)" not in html
        assert '" onmouseover="x' not in html
        chart_of(html)  # still well-formed
        text = (await ds.client.get(measure["url"] + ".csv")).text
        assert evil in text  # CSV carries the data as it is


def test_figure_macro_never_prints_exponents():
    import os

    import jinja2

    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "datasette_discrepancy", "templates")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True)
    template = env.from_string(
        '{% from "_discrepancy_macros.html" import figure, number %}'
        "{{ figure(a) }}|{{ figure(b) }}|{{ number(1000000.0) }}|{{ number(2.5) }}|{{ figure(c) }}"
    )
    out = template.render(
        a={"qualifier": "range", "value_low": 1000000.0, "value_high": 2500000.0},
        b={"qualifier": "more_than", "value_low": 7000.0, "value_high": None},
        c={"qualifier": "approximately", "value_low": 2000.0, "value_high": 2000.0},
    )
    assert out == "1,000,000 to 2,500,000|more than 7,000|1,000,000|2.5|about 2,000"


@pytest.mark.asyncio
async def test_a_large_lineup_is_drawn_from_the_stored_cells(seed_db_path, monkeypatch):
    from datasette_discrepancy.views import lineup_figures

    ds = Datasette([seed_db_path])
    index = (await ds.client.get("/border/-/discrepancies.json?_size=max")).json()["measures"]
    largest = max(index, key=lambda m: m["claims"])
    small = (await ds.client.get(largest["url"])).text
    monkeypatch.setattr(lineup_figures, "AGGREGATE_ABOVE", 1)
    large = (await ds.client.get(largest["url"])).text
    assert "the chart and the table show the range of each outlet" in large
    assert "the chart and the table show the range of each outlet" not in small
    db = ds.get_database("border")
    cells = (await db.execute(
        "select outlet, claims from measure_cells join measures on measures.id = measure_cells.measure_id "
        "where measures.slug = ?", [largest["slug"]]
    )).rows
    assert cells
    for outlet, count in cells:
        if count > 1:  # the table counts each outlet's claims that day
            assert 'title="{} mentions in this outlet that day"'.format(count) in large
    assert 'href="None"' not in large and 'href="#discrepancy-claims"' in large
    assert "<svg" in large
