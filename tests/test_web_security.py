"""Hostile articles and hostile visitors: no markup from a source ever runs,
and no URL or query string gives a 500."""
import asyncio
import json
import re
import sqlite3
import urllib.parse

import pytest
from datasette.app import Datasette
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datasette_discrepancy import loader

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
QUOTES = "\" onmouseover=\"alert(3)\" x='"
CLOSE = "</textarea></title></style><svg onload=alert(4)>"
HOSTILE = " ".join([SCRIPT, IMG, QUOTES, CLOSE])
# What must never appear in a page: each hostile string as live markup.
LIVE = [SCRIPT, "<img src=x onerror", 'onmouseover="alert', "<svg onload", "</title></style>"]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """Articles whose every field is hostile, loaded the normal way, then
    claims and measures given hostile text too (the extractor would not
    produce it, but a database can hold anything)."""
    folder = tmp_path_factory.mktemp("hostile")
    records = [
        {
            "file": "evil-1",
            "outlet": "Evil " + HOSTILE,
            "published": "2018-10-25",
            "url": "javascript:alert(5)",
            "headline": "Head " + HOSTILE,
            "body": "Officials said 800 troops {} were sent, {} said. About 1,000 troops arrived.".format(SCRIPT, IMG),
        },
        {
            "file": "evil-2",
            "outlet": "Other " + QUOTES,
            "published": "2018-10-26",
            "url": " JaVaScRiPt:alert(6)",
            "headline": CLOSE,
            "body": "The Pentagon said 5,200 troops were sent. {}".format(CLOSE),
        },
        {
            "file": "fine-3",
            "outlet": "Fine",
            "published": "2018-10-27",
            "url": "https://example.com/a?b=1&c=\"2\"",
            "headline": "Fine",
            "body": "Some 900 troops were sent.",
        },
    ]
    (folder / "evil.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    path = str(folder / "border.db")
    summary = loader.load(path, [str(folder / "evil.jsonl")], jobs=1)
    assert summary.new == 3, summary.errors
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("update claims set attribution = ?, sentence = sentence || ?", ["Spokesman " + HOSTILE, HOSTILE])
        conn.execute("update claims set unit = ? where id = (select min(id) from claims)", ["troops" + SCRIPT])
        conn.execute("update measures set label = ?", ["Label " + HOSTILE])
    conn.close()
    return path


@pytest.fixture(scope="module")
def loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="module")
def hostile_ds(hostile_db):
    return Datasette([hostile_db])


def get(ds, loop, path, **kwargs):
    return loop.run_until_complete(ds.client.get(path, follow_redirects=True, **kwargs))


def assert_inert(html):
    for live in LIVE:
        assert live not in html, live
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)


def hostile_pages(ds, loop):
    index = get(ds, loop, "/border/-/discrepancies.json?_size=max").json()
    pages = ["/border/-/discrepancies", "/border/-/discrepancies?unit=" + urllib.parse.quote(SCRIPT)]
    for measure in index["measures"]:
        pages.append(measure["url"])
        pages.append(measure["url"] + "?_size=1")
    articles = [1, 2, 3]
    pages += ["/border/-/discrepancies-article/{}".format(a) for a in articles]
    return pages


def test_hostile_articles_render_as_text(hostile_ds, loop):
    pages = hostile_pages(hostile_ds, loop)
    assert len(pages) > 5
    seen_escaped = set()
    for path in pages:
        response = get(hostile_ds, loop, path)
        assert response.status_code == 200, path
        html = response.text
        assert_inert(html)
        for fragment in ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=", "&lt;svg onload=alert(4)&gt;"):
            if fragment in html:
                seen_escaped.add(fragment)
    # the hostile text was shown, escaped, not dropped
    assert len(seen_escaped) == 3


def test_article_page_escapes_every_field(hostile_ds, loop):
    html = get(hostile_ds, loop, "/border/-/discrepancies-article/1").text
    assert_inert(html)
    assert "Head &lt;script&gt;alert(1)&lt;/script&gt;" in html  # headline
    assert "Evil &lt;script&gt;" in html  # outlet
    assert "troops &lt;script&gt;alert(" in html  # body
    # a javascript: URL is shown as text, never linked
    assert "original: javascript:alert(5)" in html
    html2 = get(hostile_ds, loop, "/border/-/discrepancies-article/2").text
    assert_inert(html2)
    assert "JaVaScRiPt:alert(6)" in html2 and not re.search(r"href=\"\s*javascript", html2, re.I)
    html3 = get(hostile_ds, loop, "/border/-/discrepancies-article/3").text
    assert 'href="https://example.com/a?b=1&amp;c=&#34;2&#34;"' in html3
    assert 'rel="nofollow noopener noreferrer"' in html3


def test_lineup_escapes_attribution_and_sentence(hostile_ds, loop):
    index = get(hostile_ds, loop, "/border/-/discrepancies.json?_size=max").json()
    found = False
    for measure in index["measures"]:
        html = get(hostile_ds, loop, measure["url"]).text
        assert_inert(html)
        if "Spokesman &lt;script&gt;" in html:
            found = True
            assert "Label &lt;script&gt;alert(1)&lt;/script&gt;" in html
            assert "&#34; onmouseover=&#34;alert(3)&#34;" in html
    assert found


def test_json_is_json_not_html(hostile_ds, loop):
    for path in (
        "/border/-/discrepancies.json",
        "/border/-/discrepancies-article/1.json",
        "/border/-/discrepancies/nope.json",
    ):
        response = get(hostile_ds, loop, path)
        assert response.headers["content-type"].startswith("application/json"), path
        response.json()


def test_error_pages_do_not_reflect_markup(hostile_ds, loop):
    for path in (
        "/border/-/discrepancies/" + urllib.parse.quote(SCRIPT, safe=""),
        "/border/-/discrepancies-article/" + urllib.parse.quote(SCRIPT, safe=""),
        "/border/-/discrepancies?_size=" + urllib.parse.quote(SCRIPT),
        "/border/-/discrepancies/x?_next=" + urllib.parse.quote(SCRIPT),
        "/" + urllib.parse.quote(SCRIPT, safe="") + "/-/discrepancies",
    ):
        response = get(hostile_ds, loop, path)
        assert response.status_code in (400, 404), path
        assert SCRIPT not in response.text


# ---------------------------------------------------------------- hostile URLs

OK_STATUSES = {200, 400, 403, 404}


@pytest.fixture(scope="module")
def seed_ds(seed_db_path):
    return Datasette([seed_db_path])


@pytest.mark.parametrize(
    "path",
    [
        "/border/-/discrepancies?_size=\u00b2",  # a Unicode digit that int() refuses
        "/border/-/discrepancies?_next=\u00b2",
        "/border/-/discrepancies-article/\u00b2",
        "/border/-/discrepancies-article/\u0663",  # Arabic-Indic three
        "/border/-/discrepancies-article/" + "9" * 18,
        "/border/-/discrepancies-article/-1",
        "/border/-/discrepancies/troops%0A",
        "/border/-/discrepancies/troops%00",
        "/border/-/discrepancies/%FF%FE",
        "/border/-/discrepancies/~2E~2E",
        "/border/-/discrepancies?_size=1&_size=2&_next=&unit=%00",
        "/border/-/discrepancies?assessment=" + "x" * 10000,
        "/_internal/-/discrepancies",
        "/-/-/discrepancies",
        "/border~2Fx/-/discrepancies",
        "/%00/-/discrepancies",
    ],
)
def test_awkward_urls_are_never_500(seed_ds, loop, path):
    response = get(seed_ds, loop, path)
    assert response.status_code in OK_STATUSES, (path, response.status_code, response.text[:500])


segment = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
query_key = st.sampled_from(["_size", "_next", "assessment", "unit", "_sort", "_facet", "x", "_shape"]) | segment
query = st.lists(st.tuples(query_key, st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)), max_size=4)
template = st.sampled_from(
    [
        "/border/-/discrepancies{fmt}?{q}",
        "/border/-/discrepancies/{s}{fmt}?{q}",
        "/border/-/discrepancies-article/{s}{fmt}?{q}",
        "/{s}/-/discrepancies{fmt}?{q}",
        "/border/-/discrepancies/troops-{s}{fmt}?{q}",
        "/border/-/discrepancies-article/1{fmt}?{q}",
    ]
)
fmt = st.sampled_from(["", ".json", ".csv"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(template=template, slug=segment, q=query, fmt=fmt)
def test_random_routes_never_500(seed_ds, loop, template, slug, q, fmt):
    path = template.format(
        s=urllib.parse.quote(slug, safe=""),
        fmt=fmt,
        q=urllib.parse.urlencode(q),
    )
    response = get(seed_ds, loop, path)
    assert response.status_code in OK_STATUSES, (path, response.status_code, response.text[:500])
    if response.status_code != 200:
        assert "Traceback" not in response.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(min_size=1, max_size=30))
def test_random_raw_bytes_in_paths_never_500(seed_ds, loop, raw):
    piece = urllib.parse.quote_from_bytes(raw, safe="")
    for path in ("/border/-/discrepancies/" + piece, "/border/-/discrepancies-article/" + piece, "/border/-/discrepancies?unit=" + piece):
        response = get(seed_ds, loop, path)
        assert response.status_code in OK_STATUSES, (path, response.status_code, response.text[:500])
