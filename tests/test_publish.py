"""`datasette publish cloudrun`, offline: a stub `gcloud` first on PATH keeps
the Docker build context it is asked to submit. The test checks the generated
Dockerfile installs the plugin, then runs that Dockerfile's steps and serve
command here, without Docker, and fetches the plugin's pages."""
import json
import os
import shlex
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import urllib.request

import pytest
import sqlite_utils

SERVICE = "discrepancies"
METADATA = {
    "title": "Border deployment figures, October 2018",
    "source": "Five news articles",
    "source_url": "https://example.com/border-articles",
    "plugins": {"datasette-discrepancy": {"conflict_window_days": 5, "approx_tolerance": 0.1}},
}
STUB_GCLOUD = """#!/bin/sh
# A stand-in for gcloud: logs its arguments, answers the project question,
# and keeps the build context `gcloud builds submit` is run in.
echo "$*" >> "$GCLOUD_LOG"
case "$*" in
  "config get-value project") echo test-project ;;
  "builds submit"*) cp -R . "$GCLOUD_CAPTURE" ;;
esac
exit 0
"""


def datasette_command(*args):
    return [sys.executable, "-m", "datasette", *args]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture(scope="module")
def published(seed_db_path, tmp_path_factory):
    """Run `datasette publish cloudrun` as the README says; return the build
    context the stub gcloud captured and the log of gcloud calls."""
    root = tmp_path_factory.mktemp("publish")
    work, bin_dir = root / "work", root / "bin"
    work.mkdir()
    bin_dir.mkdir()
    # the README's first step: a checkpointed database with WAL off
    src, dst = sqlite3.connect(seed_db_path), sqlite3.connect(str(work / "border.db"))
    src.backup(dst)
    src.close()
    dst.close()
    sqlite_utils.Database(str(work / "border.db")).disable_wal()
    (work / "metadata.json").write_text(json.dumps(METADATA, indent=2))
    gcloud = bin_dir / "gcloud"
    gcloud.write_text(STUB_GCLOUD)
    gcloud.chmod(gcloud.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    env = dict(
        os.environ,
        PATH=str(bin_dir) + os.pathsep + os.environ.get("PATH", ""),
        GCLOUD_LOG=str(root / "gcloud.log"),
        GCLOUD_CAPTURE=str(root / "context"),
    )
    assert shutil.which("gcloud", path=env["PATH"]) == str(gcloud)
    result = subprocess.run(
        datasette_command(
            "publish", "cloudrun", "border.db",
            "--service", SERVICE,
            "--install", "datasette-discrepancy",
            "--metadata", "metadata.json",
            "--title", METADATA["title"],
            "--source", METADATA["source"],
            "--source_url", METADATA["source_url"],
        ),
        cwd=str(work), env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "context", (root / "gcloud.log").read_text().splitlines()


def test_publish_builds_and_deploys(published):
    context, calls = published
    image = "us-docker.pkg.dev/test-project/datasette/datasette-{}".format(SERVICE)
    assert "builds submit --tag {}".format(image) in calls
    assert any(c.startswith("run deploy") and "--image {} {}".format(image, SERVICE) in c for c in calls)
    assert sorted(os.listdir(context)) == ["Dockerfile", "border.db", "metadata.json"]


def test_dockerfile_installs_the_plugin_and_serves_immutably(published):
    context, _ = published
    dockerfile = (context / "Dockerfile").read_text()
    installs = [shlex.split(line)[3:] for line in dockerfile.splitlines() if line.startswith("RUN pip install")]
    assert installs == [["-U", "datasette", "datasette-discrepancy"]]
    cmd = shlex.split(next(line for line in dockerfile.splitlines() if line.startswith("CMD ")))[1:]
    assert cmd[:2] == ["datasette", "serve"]
    assert cmd[cmd.index("-i") + 1] == "border.db"
    assert cmd[cmd.index("--inspect-file") + 1] == "inspect-data.json"
    assert cmd[cmd.index("--metadata") + 1] == "metadata.json"
    metadata = json.loads((context / "metadata.json").read_text())
    assert {k: metadata[k] for k in ("title", "source", "source_url")} == {
        k: METADATA[k] for k in ("title", "source", "source_url")
    }
    assert metadata["plugins"] == METADATA["plugins"]


def dockerfile_steps(dockerfile, port):
    """The Dockerfile's ENV values, its `datasette ...` RUN steps and its CMD,
    adapted to run here: this interpreter's datasette, localhost, a free port.
    (`pip install` steps are skipped: this environment has the plugin.)"""
    env, runs, cmd = {}, [], None
    for line in dockerfile.splitlines():
        if line.startswith("ENV "):
            key, value = line[4:].split(" ", 1)
            env[key] = value.strip("'") if key != "PORT" else str(port)
        elif line.startswith("RUN datasette "):
            runs.append(datasette_command(*shlex.split(line)[2:]))
        elif line.startswith("CMD "):
            args = [
                {"$PORT": str(port), "0.0.0.0": "127.0.0.1"}.get(arg, arg) for arg in shlex.split(line[4:])
            ]
            assert args[0] == "datasette"
            cmd = datasette_command(*args[1:])
    return env, runs, cmd


def test_the_dockerfile_serve_command_serves_the_plugin_pages(published, tmp_path):
    context, _ = published
    app = tmp_path / "app"  # the image's /app
    shutil.copytree(str(context), str(app))
    port = free_port()
    env_values, runs, cmd = dockerfile_steps((app / "Dockerfile").read_text(), port)
    env = dict(os.environ, **env_values)
    for run in runs:  # datasette inspect border.db --inspect-file inspect-data.json
        subprocess.run(run, cwd=str(app), env=env, check=True, timeout=60)
    assert (app / "inspect-data.json").exists()
    database_before = (app / "border.db").read_bytes()
    log = open(str(tmp_path / "server.log"), "w")
    server = subprocess.Popen(cmd, cwd=str(app), env=env, stdout=log, stderr=subprocess.STDOUT)
    base = "http://127.0.0.1:{}".format(port)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "server.log").read_text()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        status, plugins = get(base + "/-/plugins.json")
        assert "datasette-discrepancy" in {p["name"] for p in json.loads(plugins)}
        # the title and source link from the publish options
        status, home = get(base + "/")
        assert METADATA["title"] in home and 'href="{}"'.format(METADATA["source_url"]) in home
        status, html = get(base + "/border/-/discrepancies")
        assert status == 200 and "Discrepancies in border" in html
        status, body = get(base + "/border/-/discrepancies.json?_size=max")
        measures = json.loads(body)["measures"]
        lineups = [json.loads(get(base + m["url"] + ".json?_size=max")[1]) for m in measures]
        troops = next(
            lineup for lineup in lineups
            if {5200, 1000} <= {c["value_low"] for c in lineup["claims"]} | {c["value_high"] for c in lineup["claims"]}
        )
        # the plugin's settings from metadata apply: 4 days apart is within the 5-day window
        assert troops["measure"]["assessment"] == "conflicting"
        assert next(m for m in measures if m["slug"] == troops["measure"]["slug"])["assessment"] == "conflicting"
        status, html = get(base + troops["measure"]["url"])
        assert status == 200 and "5,200" in html
        article_id = troops["claims"][0]["article_id"]
        for path in ("/border/-/discrepancies-article/{}", "/border/-/discrepancies-article/{}.json"):
            status, _ = get(base + path.format(article_id))
            assert status == 200
        status, database_page = get(base + "/border")
        assert 'href="/border/-/discrepancies"' in database_page
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    assert (app / "border.db").read_bytes() == database_before
    assert sorted(os.listdir(app)) == ["Dockerfile", "border.db", "inspect-data.json", "metadata.json"]
