"""The loader CLI, run the way users run it: `datasette discrepancy load`."""
import os
import sqlite3

import sqlite_utils
from click.testing import CliRunner
from datasette.cli import cli

from conftest import FIXTURES, MANIFEST

SEEDS = [
    "000_4ca35c54567294ab.txt",
    "001_276504ba4fddb15f.txt",
    "002_00e359b3fb1c7ee4.txt",
    "003_c1aadee197f8e9a9.txt",
    "004_dbab1b048ad38f47.txt",
]


def run(*args):
    return CliRunner().invoke(cli, ["discrepancy", *args], catch_exceptions=False)


def dump(path):
    conn = sqlite3.connect(path)
    return "\n".join(line for line in conn.iterdump() if not line.startswith("INSERT INTO \"sqlite_stat"))


def test_help_lists_commands():
    result = run("--help")
    assert result.exit_code == 0
    assert "load" in result.output and "demo" in result.output
    result = run("load", "--help")
    assert "--manifest" in result.output and "--jobs" in result.output


def test_load_manifest(tmp_path):
    db_path = str(tmp_path / "border.db")
    result = run("load", db_path, "--manifest", MANIFEST)
    assert result.exit_code == 0, result.output
    assert "5 loaded (5 new, 0 changed), 0 unchanged, 0 skipped" in result.output
    db = sqlite_utils.Database(db_path)
    rows = list(db.query("select source, outlet, published from articles order by id"))
    assert [os.path.basename(r["source"]) for r in rows] == SEEDS
    assert [r["outlet"] for r in rows] == ["ABC News", "CNN", "Associated Press", "Reuters", "Global News"]
    assert [r["published"] for r in rows] == ["2018-10-25"] * 3 + ["2018-10-29"] * 2


def test_loading_again_changes_nothing(tmp_path):
    db_path = str(tmp_path / "border.db")
    assert run("load", db_path, "--manifest", MANIFEST).exit_code == 0
    before = dump(db_path)
    result = run("load", db_path, "--manifest", MANIFEST)
    assert result.exit_code == 0
    assert "0 loaded (0 new, 0 changed), 5 unchanged, 0 skipped" in result.output
    assert dump(db_path) == before


def test_load_folder_infers_metadata_from_text(tmp_path):
    db_path = str(tmp_path / "folder.db")
    result = run("load", db_path, os.path.join(FIXTURES, "articles"))
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    by_name = {os.path.basename(r["source"]): r for r in db.query("select * from articles")}
    assert set(by_name) == set(SEEDS)
    # CNN's scraper wrote a leading "date 2018-10-25" line; nothing else states a date
    assert by_name["001_276504ba4fddb15f.txt"]["published"] == "2018-10-25"
    assert by_name["001_276504ba4fddb15f.txt"]["headline"] == "Mattis expected to send 800 more troops to southern border"
    assert by_name["000_4ca35c54567294ab.txt"]["published"] is None
    # "WASHINGTON (Reuters) -" is a dateline naming the agency
    assert by_name["003_c1aadee197f8e9a9.txt"]["outlet"] == "Reuters"
    assert by_name["000_4ca35c54567294ab.txt"]["outlet"] is None


def test_changed_file_replaces_its_claims(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials said 300 firefighters were at the scene.\n")
    db_path = str(tmp_path / "db.db")
    assert run("load", db_path, str(folder)).exit_code == 0
    (folder / "a.txt").write_text("Officials said 450 firefighters were at the scene.\n")
    result = run("load", db_path, str(folder))
    assert "1 loaded (0 new, 1 changed)" in result.output
    db = sqlite_utils.Database(db_path)
    assert [(r["value_low"], r["unit"]) for r in db.query("select * from claims")] == [(450, "firefighters")]
    assert db["articles"].count == 1


def test_a_number_in_the_outlets_name_is_no_figure(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("NORTHLINK 6 NEWS\n\nMarchers in town. (NorthLink 6/Dan Pickering)\n\n"
                                  "The fund was raised to 120 million pounds.\n")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,outlet,published\nin/a.txt,NorthLink 6 News,2028-10-12\n")
    db_path = str(tmp_path / "db.db")
    assert run("load", db_path, "--manifest", str(manifest)).exit_code == 0
    db = sqlite_utils.Database(db_path)
    assert [r["text"] for r in db.query("select text from claims")] == ["120 million"]


def test_bad_inputs_are_named_and_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Rescuers found 12 survivors.\n")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,outlet,published\nin/good.txt,Daily,2024-08-03\nin/missing.txt,Daily,2024-08-03\n")
    db_path = str(tmp_path / "db.db")
    result = run("load", db_path, str(folder), "--manifest", str(manifest))
    assert result.exit_code == 1
    assert "in/missing.txt: file not found" in result.output
    assert "empty.txt: file has no text" in result.output
    assert "binary.txt: looks like a binary file" in result.output
    assert "1 loaded (1 new, 0 changed), 0 unchanged, 3 skipped" in result.output
    db = sqlite_utils.Database(db_path)
    assert [(r["outlet"], r["published"]) for r in db.query("select * from articles")] == [("Daily", "2024-08-03")]


def test_html_and_jsonl_inputs(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Storm toll rises</title><meta property='og:site_name' content='The Courier'>"
        "<meta property='article:published_time' content='2024-09-02T10:00:00Z'>"
        "<script>var x = 999999;</script><style>.a{width:500px}</style></head>"
        "<body><nav>Home 24/7</nav><article><h1>Storm toll rises</h1>"
        "<p>At least 31 people died, officials said.</p></article></body></html>"
    )
    (tmp_path / "feed.jsonl").write_text(
        '{"file": "wire-1", "outlet": "Wire", "published": "2024-09-01", "body": "About 2,000 homes lost power."}\n'
    )
    db_path = str(tmp_path / "db.db")
    result = run("load", db_path, str(tmp_path / "page.html"), str(tmp_path / "feed.jsonl"))
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    articles = {r["outlet"]: r for r in db.query("select * from articles")}
    page = articles["The Courier"]
    assert page["published"] == "2024-09-02" and page["headline"] == "Storm toll rises"
    assert "999999" not in page["body"] and "500px" not in page["body"]
    assert "At least 31 people died" in page["body"]
    assert articles["Wire"]["source"] == "wire-1"
    values = sorted(r["value_low"] for r in db.query("select value_low from claims"))
    assert values == [31, 2000]


def test_scripts_load_articles_runs_the_same_loader(tmp_path):
    import subprocess
    import sys

    db_path = str(tmp_path / "db.db")
    script = os.path.join(os.path.dirname(FIXTURES), "scripts", "load_articles.py")
    proc = subprocess.run([sys.executable, script, db_path, "--manifest", MANIFEST], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert sqlite_utils.Database(db_path)["articles"].count == 5


def test_demo_builds_the_seed_database(tmp_path):
    db_path = str(tmp_path / "demo.db")
    result = run("demo", "--db", db_path, "--load-only")
    assert result.exit_code == 0, result.output
    assert sqlite_utils.Database(db_path)["articles"].count == 5


def test_demo_outside_a_checkout_says_what_to_do(tmp_path):
    result = run("demo", "--db", str(tmp_path / "d.db"), "--fixtures", str(tmp_path), "--load-only")
    assert result.exit_code == 1
    assert "run the demo from a checkout" in result.output


def test_a_figure_given_twice_in_one_sentence_is_grouped_where_it_stands(tmp_path):
    # the earlier "12" is the arrests' own; the second 12 counts injured officers
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Police have updated their figures: arrests have risen from 12 to 19, and 12 officers were injured, "
        "up from the nine they reported earlier.\n")
    db_path = str(tmp_path / "db.db")
    assert run("load", db_path, str(folder)).exit_code == 0
    db = sqlite_utils.Database(db_path)
    measure_of = {}
    for row in db.query("select text, span_start, measure_id from claims order by span_start"):
        measure_of.setdefault(row["text"], []).append(row["measure_id"])
    (earlier_arrests, officers), (arrests,), (earlier_officers,) = measure_of["12"], measure_of["19"], measure_of["nine"]
    assert earlier_arrests == arrests
    assert earlier_officers == officers != arrests
