"""A real browser against a real `datasette` serving the seed database.

Playwright drives Debian's chromium (/usr/bin/chromium; `playwright install`
is never needed). The test skips, saying why, only where chromium or the
playwright package is absent. It saves docs/lineup.png, the screenshot the
README shows (under Datasette 0.x, whose page chrome the committed picture
shows; under 1.x, whose header differs, it saves to a temporary folder, so a
run of the whole matrix leaves the committed picture alone).
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCREENSHOT = os.path.join(ROOT, "docs", "lineup.png")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path():
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chromium():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright; no `playwright install` needed)")
    path = chromium_path()
    if path is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture
def server(seed_db_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", seed_db_path, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = "http://127.0.0.1:{}".format(port)
    try:
        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError("datasette exited: " + proc.stdout.read().decode("utf8", "replace"))
                if time.time() > deadline:
                    raise AssertionError("datasette did not start on " + base)
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def troop_url(base):
    """The troop line-up: the troops measure whose figures include 5,200 and 1,000."""
    import json

    def get(path):
        with urllib.request.urlopen(base + path, timeout=10) as r:
            return json.loads(r.read())

    for measure in get("/border/-/discrepancies.json?_size=max")["measures"]:
        lineup = get(measure["url"] + ".json?_size=max")
        values = {c["value_low"] for c in lineup["claims"]} | {c["value_high"] for c in lineup["claims"]}
        if measure["unit"] == "troops" and {5200, 1000} <= values:
            return measure["url"]
    raise AssertionError("no troop line-up holding 5,200 and 1,000")


def screenshot_path(tmp_path):
    import datasette

    if datasette.__version__.startswith("0."):
        return SCREENSHOT
    return str(tmp_path / "lineup.png")


def test_index_to_lineup_chart_and_table(chromium, server, tmp_path):
    from playwright.sync_api import sync_playwright

    shot = screenshot_path(tmp_path)

    href = troop_url(server)
    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.on(
                "request",
                lambda request: outside.append(request.url) if not request.url.startswith(server) else None,
            )
            page.goto(server + "/border/-/discrepancies")
            assert page.locator("h1").inner_text() == "Discrepancies in border"

            # follow the index's link to the troop line-up
            link = page.locator('table.discrepancy-measures a[href="{}"]'.format(href))
            assert link.count() == 1
            link.click()
            page.wait_for_load_state()
            assert page.url == server + href

            # the chart: an inline SVG, visible, with marks that link to sentences
            chart = page.locator("svg.discrepancy-chart")
            assert chart.count() == 1 and chart.is_visible()
            box = chart.bounding_box()
            assert box["width"] > 300 and box["height"] > 200
            marks = chart.locator("g.discrepancy-mark")
            assert marks.count() >= 3
            assert marks.first.is_visible()
            legend = chart.locator("g.discrepancy-legend-outlet text").all_text_contents()
            assert len(legend) >= 3 and len(set(legend)) == len(legend)

            # the outlet x date table shows 800, 1,000 and 5,200
            table = page.locator("table.discrepancy-outlets")
            assert table.is_visible()
            text = table.inner_text()
            for figure in ("800", "1,000", "5,200"):
                assert figure in text, figure
            assert table.locator("tbody tr").count() >= 3

            page.evaluate("window.scrollTo(0, 0)")
            bottom = table.bounding_box()["y"] + table.bounding_box()["height"] + 16
            os.makedirs(os.path.dirname(shot), exist_ok=True)
            page.screenshot(path=shot, full_page=True, clip={"x": 0, "y": 0, "width": 1100, "height": min(bottom, 2000)})

            # a mark takes you to its sentence on the article page
            first = chart.locator("a").first
            target = first.get_attribute("href")
            first.click()
            page.wait_for_load_state()
            assert page.url == server + target
            claim_id = target.split("#")[1]
            assert page.locator("mark#" + claim_id).is_visible()
        finally:
            browser.close()
    assert not outside, "the pages fetched something from outside: {}".format(outside)
    assert os.path.getsize(shot) > 10000
