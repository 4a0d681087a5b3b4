"""Served the way `datasette publish` serves it: immutable (-i), with an
inspect file, behind a base_url. The plugin never writes, at startup or at
request time, and every page it links to works."""
import hashlib
import json
import os
import re
import sqlite3
import urllib.parse

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.cli import cli
from datasette.database import Database

BASE_URL = "/news/"
MAX_PAGES = 1000
def publishable(source, folder):
    """What the README's Publishing section says to do before publishing:
    a checkpointed copy with WAL off, and an inspect file."""
    path = str(folder / "border.db")
    src, dst = sqlite3.connect(source), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    sqlite_utils.Database(path).disable_wal()
    result = CliRunner().invoke(cli, ["inspect", path, "--inspect-file", str(folder / "inspect-data.json")])
    assert result.exit_code == 0, result.output
    return path


def fingerprint(folder):
    return {
        name: (hashlib.sha256((folder / name).read_bytes()).hexdigest(), os.stat(folder / name).st_mtime_ns)
        for name in sorted(os.listdir(folder))
    }


async def crawl(ds, start, cookies=None):
    """Fetch `start` and every plugin page reachable from it (HTML links and
    JSON `url` / `next` values); return {path: response}."""
    seen, queue = {}, [start]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        assert len(seen) < MAX_PAGES, "more pages than expected"
        assert path.startswith(BASE_URL), path
        # the test client adds base_url itself, as a proxy in front would not strip it
        response = await ds.client.get(path[len(BASE_URL) - 1 :], cookies=cookies)
        seen[path] = response
        if response.status_code != 200:
            continue
        if path.split("?")[0].endswith(".json"):
            data = response.json()
            found = [v for v in _values(data, "url")]
            if data.get("next"):
                found.append(_with_next(path, data["next"]))
        elif "text/html" in response.headers.get("content-type", ""):
            found = [urllib.parse.unquote(h).replace("&amp;", "&") for h in re.findall(r'href="([^"#]*)', response.text)]
            found = [h if h.startswith("/") else urllib.parse.urljoin(path, h) for h in found if h]
        else:
            found = []
        for link in found:
            if "/-/discrepancies" in link and link.startswith("/"):
                assert link.startswith(BASE_URL), "{} links to {} outside base_url".format(path, link)
                queue.append(link)
                if not link.split("?")[0].endswith((".json", ".csv")):
                    queue.append(link.split("?")[0].split("#")[0] + ".json")
    return seen


def _values(data, key):
    if isinstance(data, dict):
        for k, v in data.items():
            if k == key and isinstance(v, str):
                yield v.split("#")[0]
            else:
                yield from _values(v, key)
    elif isinstance(data, list):
        for item in data:
            yield from _values(item, key)


def _with_next(path, token):
    base, _, query = path.partition("?")
    args = [(k, v) for k, v in urllib.parse.parse_qsl(query) if k != "_next"] + [("_next", token)]
    return base + "?" + urllib.parse.urlencode(args)


@pytest.fixture(scope="module")
def published(seed_db_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("published")
    path = publishable(seed_db_path, folder)
    return folder, path


class WriteRecorder:
    """Records every way a write could happen while serving: Datasette's write
    methods, and any connection to the served file that is not read-only."""

    METHODS = ("execute_write", "execute_write_fn", "execute_write_script", "execute_write_many")

    def __init__(self, monkeypatch, paths):
        self.writes, self.connects = [], 0
        self.paths = [os.path.realpath(p) for p in paths]
        for name in self.METHODS:
            original = getattr(Database, name, None)
            if original is not None:
                monkeypatch.setattr(Database, name, self._wrap(name, original))
        connect = sqlite3.connect

        def recording_connect(target, *args, **kwargs):
            text = str(target)
            self.connects += 1
            readonly = "mode=ro" in text or "immutable=1" in text
            if not readonly and any(p in os.path.realpath(text.split("?")[0].replace("file:", "")) for p in self.paths):
                self.writes.append(("connect", text))
            return connect(target, *args, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", recording_connect)

    def _wrap(self, name, original):
        def wrapper(db, *args, **kwargs):
            if db.name == "border":
                self.writes.append((name, args))
            return original(db, *args, **kwargs)

        return wrapper


async def check_every_page(ds, size=None):
    start = BASE_URL + "border/-/discrepancies" + ("?_size={}".format(size) if size else "")
    pages = await crawl(ds, start)
    failed = {path: r.status_code for path, r in pages.items() if r.status_code != 200}
    assert not failed
    assert any(".json" in p for p in pages)
    assert any("discrepancies-article" in p and p.endswith(".json") for p in pages)
    assert any(re.search(r"/discrepancies/[^/?.]+$", p) for p in pages)  # a line-up, HTML
    assert any(re.search(r"/discrepancies/[^/?.]+\.json", p) for p in pages)  # and JSON
    return pages


@pytest.mark.asyncio
async def test_immutable_with_inspect_file_and_base_url(published, monkeypatch):
    folder, path = published
    write_recorder = WriteRecorder(monkeypatch, [path])
    before = fingerprint(folder)
    inspect_data = json.loads((folder / "inspect-data.json").read_text())
    ds = Datasette(immutables=[path], inspect_data=inspect_data, settings={"base_url": BASE_URL})
    await ds.invoke_startup()
    assert not ds.get_database("border").is_mutable
    pages = await check_every_page(ds)
    # small pages, so the crawl follows `next` links too
    await check_every_page(ds, size=2)
    # the database page's action link respects base_url
    database_page = await ds.client.get("/border")
    assert 'href="{}border/-/discrepancies"'.format(BASE_URL) in database_page.text
    assert len(pages) > 10
    assert fingerprint(folder) == before  # no byte written, no -wal/-shm/-journal created
    assert write_recorder.writes == []


@pytest.mark.asyncio
async def test_no_writes_to_a_mutable_database_either(published, tmp_path, monkeypatch):
    """Even when it could write (a mutable, WAL-mode database being loaded
    into), the plugin only reads: startup and every page."""
    _, source = published
    path = str(tmp_path / "border.db")
    src, dst = sqlite3.connect(source), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    sqlite_utils.Database(path).enable_wal()
    write_recorder = WriteRecorder(monkeypatch, [path])
    before = hashlib.sha256(open(path, "rb").read()).hexdigest()
    # non-default settings, so the index recomputes its assessments too
    ds = Datasette(
        [path],
        settings={"base_url": BASE_URL},
        **{
            ("config" if "config" in Datasette.__init__.__code__.co_varnames else "metadata"): {
                "plugins": {"datasette-discrepancy": {"conflict_window_days": 5}}
            }
        },
    )
    await ds.invoke_startup()
    await check_every_page(ds)
    assert write_recorder.writes == []
    assert write_recorder.connects  # it saw Datasette connect
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == before


def test_serve_immutable_from_the_command_line(published):
    folder, path = published
    before = fingerprint(folder)
    result = CliRunner().invoke(
        cli,
        [
            "serve", "-i", path, "--inspect-file", str(folder / "inspect-data.json"),
            "--get", "/border/-/discrepancies.json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["measures"] and all(m["url"].startswith("/border/-/discrepancies/") for m in data["measures"])
    assert fingerprint(folder) == before


@pytest.mark.asyncio
async def test_the_write_recorder_sees_writes(tmp_path, monkeypatch):
    path = str(tmp_path / "border.db")
    sqlite_utils.Database(path)["t"].insert({"a": 1})
    recorder = WriteRecorder(monkeypatch, [path])
    ds = Datasette([path])
    await ds.get_database("border").execute_write("insert into t (a) values (2)")
    kinds = [w[0] for w in recorder.writes]
    assert kinds[0] == "execute_write" and "connect" in kinds  # and its write connection
    sqlite3.connect(path).close()
    assert len(recorder.writes) == len(kinds) + 1
