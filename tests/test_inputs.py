"""Messy input: every unusable file or manifest row is named on one line of
stderr with what to do, the rest loads, and loading again changes nothing."""
import json
import os
import sqlite3
import tracemalloc

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.cli import cli

from datasette_discrepancy import articles, cli as discrepancy_cli
from datasette_discrepancy.articles import Task, read_task
from datasette_discrepancy.metadata import check_date
from datasette_discrepancy.decoding import decode_bytes, fix_mojibake

GOOD = "Rescuers found 12 survivors in the rubble, officials said.\n"


def run(*args):
    return CliRunner().invoke(cli, ["discrepancy", *args], catch_exceptions=False)


def load(db_path, *args):
    return run("load", str(db_path), "-j", "1", *[str(a) for a in args])


def stderr_lines(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


def skipped_lines(result):
    return [line for line in stderr_lines(result) if line.startswith("skipped ")]


def the_line(result, needle):
    """The single stderr line naming needle."""
    lines = [line for line in stderr_lines(result) if needle in line]
    assert len(lines) == 1, (needle, result.stderr)
    return lines[0]


def rows(db_path, sql="select source, outlet, published, headline, body from articles order by source"):
    return list(sqlite_utils.Database(str(db_path)).query(sql))


def dump(path):
    conn = sqlite3.connect(str(path))
    try:
        return "\n".join(line for line in conn.iterdump() if "sqlite_stat" not in line)
    finally:
        conn.close()


def assert_clean(result):
    """No traceback, nothing on stdout, every problem on one line."""
    assert "Traceback" not in result.output
    assert result.stdout == ""


# ---------------------------------------------------------------- files


def test_unusable_files_are_skipped_one_line_each(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n\t \n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "scripts-only.html").write_text("<html><script>var n = 12;</script><style>p{}</style></html>")
    db_path = tmp_path / "db.db"
    result = load(db_path, folder)
    assert_clean(result)
    assert result.exit_code == 1
    assert "empty.txt: file has no text" in the_line(result, "empty.txt")
    assert "blank.txt: file has no text" in the_line(result, "blank.txt")
    assert "binary.txt: looks like a binary file, not text, HTML or JSON; leave it out" in the_line(result, "binary.txt")
    assert "report.txt: looks like a PDF, not text, HTML or JSON; convert it to text first" in the_line(result, "report.txt")
    assert "photo.html: looks like a PNG image" in the_line(result, "photo.html")
    assert "scripts-only.html: page has no text once scripts, styles and navigation are dropped" in the_line(
        result, "scripts-only.html"
    )
    assert len(skipped_lines(result)) == 6
    assert "1 loaded (1 new, 0 changed), 0 unchanged, 6 skipped" in result.stderr
    assert [os.path.basename(r["source"]) for r in rows(db_path)] == ["good.txt"]
    assert sqlite_utils.Database(str(db_path))["claims"].count == 1


def test_huge_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "dump.txt"
    with open(huge, "wb") as fp:  # sparse: 30 MB on paper, nothing on disk
        fp.truncate(30 * 1024 * 1024)
    tracemalloc.start()
    try:
        result = read_task(Task(path=str(huge), source="dump.txt"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024  # never read into memory
    assert len(result) == 1
    assert str(result[0]) == (
        "dump.txt: file is 30 MB, over the 20 MB limit for one file; "
        "split it into smaller files (JSON lines: split -l 1000) or leave it out"
    )


def test_huge_file_in_a_load_is_skipped_and_the_rest_loads(tmp_path, monkeypatch):
    monkeypatch.setattr(articles, "MAX_FILE_BYTES", 1024 * 1024)
    (tmp_path / "big.txt").write_text(GOOD * 21_000)  # 1.2 MB
    (tmp_path / "small.txt").write_text(GOOD)
    db_path = tmp_path / "db.db"
    result = load(db_path, tmp_path / "big.txt", tmp_path / "small.txt")
    assert result.exit_code == 1
    assert "big.txt: file is 1.2 MB, over the 1.0 MB limit for one file" in the_line(result, "big.txt")
    assert [os.path.basename(r["source"]) for r in rows(db_path)] == ["small.txt"]


def test_file_just_under_the_limit_is_processed(tmp_path, monkeypatch):
    monkeypatch.setattr(articles, "MAX_FILE_BYTES", 100_000)
    body = GOOD * (99_000 // len(GOOD))
    (tmp_path / "long.txt").write_text(body)
    result = load(tmp_path / "db.db", tmp_path / "long.txt")
    assert result.exit_code == 0, result.stderr
    assert rows(tmp_path / "db.db")[0]["body"] == body


@pytest.mark.parametrize(
    "data,expected",
    [
        ("It’s “12” € café".encode("utf-8"), "It’s “12” € café"),
        (b"\xef\xbb\xbf" + "It’s “12” € café".encode("utf-8"), "It’s “12” € café"),
        ("It’s “12” € café".encode("cp1252"), "It’s “12” € café"),
        ("Le café coûte 3 francs".encode("latin-1"), "Le café coûte 3 francs"),
        ("It’s 12 survivors".encode("utf-16"), "It’s 12 survivors"),
        ("It’s 12 survivors".encode("utf-16-le"), "It’s 12 survivors"),
        # mojibake: UTF-8 once read as cp1252, saved again as UTF-8
        ("Itâ€™s â€œ12â€\x9d cafÃ©".encode("utf-8"), "It’s “12” café"),
        # twice over
        ("Itâ€™s".encode("utf-8").decode("cp1252").encode("utf-8"), "It’s"),
        (b"line one\r\nline two\rline three", "line one\nline two\nline three"),
    ],
)
def test_decoding(data, expected):
    assert decode_bytes(data) == expected


@pytest.mark.parametrize("text", ["café naïve Straße", "»Fuß«", "Ñandú", "São Paulo", "¿Qué?", "100 °C ±2", "Ã"])
def test_mojibake_repair_leaves_real_text_alone(text):
    assert fix_mojibake(text) == text


def test_html_declared_charset():
    page = '<meta charset="koi8-r"><p>Привет</p>'.encode("koi8-r")
    assert "Привет" in decode_bytes(page, html=True)


def test_encodings_are_loaded_readably(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbfBOM headline\n\nIt\xe2\x80\x99s 12 survivors.\n")
    (folder / "legacy.txt").write_bytes("Legacy headline\n\nIt’s 14 survivors, café owners said.\n".encode("cp1252"))
    (folder / "mojibake.txt").write_bytes("Mojibake headline\n\nItâ€™s 16 survivors.\n".encode("utf-8"))
    (folder / "wide.txt").write_bytes("Wide headline\r\n\r\nIt’s 18 survivors.\r\n".encode("utf-16"))
    db_path = tmp_path / "db.db"
    result = load(db_path, folder)
    assert result.exit_code == 0, result.stderr
    by_name = {os.path.basename(r["source"]): r for r in rows(db_path)}
    assert by_name["bom.txt"]["headline"] == "BOM headline"
    assert by_name["bom.txt"]["body"].startswith("BOM headline")
    assert "It’s 14 survivors, café owners" in by_name["legacy.txt"]["body"]
    assert "It’s 16 survivors" in by_name["mojibake.txt"]["body"]
    assert by_name["wide.txt"]["body"] == "Wide headline\n\nIt’s 18 survivors.\n"
    values = sorted(r["value_low"] for r in rows(db_path, "select value_low from claims"))
    assert values == [12, 14, 16, 18]


def test_html_scripts_styles_and_unclosed_head(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Quake toll</title><meta property='og:site_name' content='Courier'>"
        "<script>var total = 999999; document.write('</p><p>777 fake')</script>"
        "<style>.x { width: 888px }</style>"
        "<body><nav>Menu 24/7</nav><p>At least 31 people died.</p><!-- 555 hidden -->"
        "<footer>© 2024</footer><p>About 40 were hurt.</p><script>unterminated 666"
    )
    db_path = tmp_path / "db.db"
    result = load(db_path, tmp_path / "page.html")
    assert result.exit_code == 0, result.stderr
    (article,) = rows(db_path)
    assert article["body"] == "At least 31 people died.\n\nAbout 40 were hurt."
    assert article["outlet"] == "Courier" and article["headline"] == "Quake toll"
    values = sorted(r["value_low"] for r in rows(db_path, "select value_low from claims"))
    assert values == [31, 40]


def test_json_lines_with_missing_and_extra_fields(tmp_path):
    lines = [
        {"file": "wire-1", "outlet": "Wire", "published": "2024-09-01", "body": "About 2,000 homes lost power."},
        {"file": "wire-2", "outlet": "Wire", "body": "Some 300 roads closed.", "author": "A", "tags": ["x"], "id": 7},
        {"file": "wire-3", "title": "No body here", "text": "Text in the wrong field."},
        {"file": "wire-4", "published": "2018-02-30", "body": "Nearly 50 schools shut."},
        ["not", "an", "object"],
        {"file": "wire-5", "body": "Lone \ud800 surrogate and 70 cars.", "headline": "Odd \udfff"},
    ]
    text = "\n".join(json.dumps(line) for line in lines)
    text += '\n{"file": "wire-6", "body": broken\n\n'
    (tmp_path / "feed.jsonl").write_text(text)
    db_path = tmp_path / "db.db"
    result = load(db_path, tmp_path / "feed.jsonl")
    assert_clean(result)
    assert result.exit_code == 1
    assert the_line(result, "feed.jsonl:3").endswith(
        "feed.jsonl:3: record has no 'body' text (its fields: file, title, text); "
        "put the article text in 'body' (rename 'text' to 'body')"
    )
    assert the_line(result, "feed.jsonl:4").endswith(
        "feed.jsonl:4: published '2018-02-30' is not a real date; write it as YYYY-MM-DD"
    )
    assert "feed.jsonl:5: expected an object with a 'body' field" in the_line(result, "feed.jsonl:5")
    assert "feed.jsonl:7: not valid JSON (Expecting value); fix or remove the line" in the_line(result, "feed.jsonl:7")
    assert "3 loaded (3 new, 0 changed), 0 unchanged, 4 skipped" in result.stderr
    loaded = {r["source"]: r for r in rows(db_path)}
    assert set(loaded) == {"wire-1", "wire-2", "wire-5"}
    assert loaded["wire-1"]["published"] == "2024-09-01"
    assert "\ufffd" in loaded["wire-5"]["body"] and "\ufffd" in loaded["wire-5"]["headline"]


def test_json_file_shapes(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"file": "a", "body": "Some 10 boats sank."}]))
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [{"file": "b", "body": "Some 20 boats sank."}]}))
    (tmp_path / "lines.json").write_text('{"file": "c", "body": "Some 30 boats sank."}\n{"file": "d", "body": "Some 40 boats sank."}\n')
    (tmp_path / "bad.json").write_text('{"file": "e", "body": "x",,}')
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "none.json").write_text("[]")
    db_path = tmp_path / "db.db"
    result = load(db_path, tmp_path)
    assert_clean(result)
    assert [r["source"] for r in rows(db_path)] == ["a", "b", "c", "d"]
    assert "bad.json: not valid JSON (line 1: Expecting property name enclosed in double quotes)" in the_line(result, "bad.json")
    assert "deep.json: JSON could not be read (RecursionError)" in the_line(result, "deep.json")
    assert "none.json: has no JSON records; leave it out or export the articles again" in the_line(result, "none.json")
    assert len(skipped_lines(result)) == 3


def test_csv_given_as_a_path_and_empty_or_missing_folders(tmp_path):
    (tmp_path / "articles.csv").write_text("file,outlet\na.txt,X\n")
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "good.txt").write_text(GOOD)
    db_path = tmp_path / "db.db"
    result = load(db_path, tmp_path / "articles.csv", tmp_path / "empty-folder", tmp_path / "nope", tmp_path / "good.txt")
    assert_clean(result)
    assert "articles.csv: is a CSV file, not an article; pass a manifest with --manifest" in the_line(result, "articles.csv")
    assert "empty-folder: folder holds no .htm, .html, .json, .jsonl, .md, .ndjson, .text, .txt files" in the_line(
        result, "empty-folder"
    )
    assert "nope: no such file or folder; check the path" in the_line(result, "nope")
    assert len(rows(db_path)) == 1


def test_hostile_file_names_stay_on_one_line(tmp_path):
    name = "evil\n\x1b[31mred\rname.txt"
    (tmp_path / name).write_bytes(b"")
    result = load(tmp_path / "db.db", tmp_path / name)
    (line,) = skipped_lines(result)
    assert "\x1b" not in result.stderr
    assert "evil\\n\\x1b[31mred\\rname.txt: file has no text" in line


# ---------------------------------------------------------------- manifest


def write_manifest(tmp_path, text, files=("a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt")):
    for n, name in enumerate(files):
        (tmp_path / name).write_text("Officials said {} firefighters were at the scene.\n".format(100 + n))
    path = tmp_path / "manifest.csv"
    path.write_text(text)
    return path


def test_manifest_rows_are_checked_one_by_one(tmp_path):
    manifest = write_manifest(
        tmp_path,
        "file,outlet,published,url,headline\n"
        "a.txt,Daily,2018-10-25,https://example.com/a,A\n"
        "missing.txt,Daily,2018-10-25,,\n"
        "b.txt,Daily,2018-02-30,,\n"
        "c.txt,Daily,01/02/2018,,\n"
        "d.txt,Daily,25/10/2018,,\n"
        "a.txt,Daily,2018-10-25,https://example.com/a,A\n"
        "a.txt,Other,2018-10-26,,\n"
        ",Daily,2018-10-25,,\n"
        "e.txt,Daily,2018-10-25,,Headline, with a comma\n"
        "f.txt,Daily,last tuesday,,\n",
    )
    db_path = tmp_path / "db.db"
    result = load(db_path, "--manifest", manifest)
    assert_clean(result)
    assert result.exit_code == 1
    m = str(manifest)
    assert the_line(result, "missing.txt") == (
        "skipped missing.txt: file not found (manifest.csv line 3); "
        "check the path (manifest paths are relative to the manifest's folder)"
    )
    assert the_line(result, m + ":4") == "skipped {}:4: published '2018-02-30' is not a real date; write it as YYYY-MM-DD".format(m)
    assert the_line(result, m + ":5") == (
        "skipped {}:5: published '01/02/2018' is ambiguous (day/month or month/day?); write it as YYYY-MM-DD".format(m)
    )
    assert the_line(result, m + ":7") == "skipped {}:7: repeats line 2; delete the duplicate row".format(m)
    assert the_line(result, m + ":8") == (
        "skipped {}:8: lists a.txt again with different metadata (line 2 is used); delete the row you do not want".format(m)
    )
    assert the_line(result, m + ":9") == "skipped {}:9: row has no file; fill in the file column or delete the row".format(m)
    assert the_line(result, m + ":10") == (
        "skipped {}:10: row has 6 fields but the header has 5; put values holding commas in double quotes".format(m)
    )
    assert the_line(result, m + ":11") == (
        "skipped {}:11: published 'last tuesday' is not a date; write it as YYYY-MM-DD".format(m)
    )
    assert "2 loaded (2 new, 0 changed), 0 unchanged, 8 skipped" in result.stderr
    assert len(skipped_lines(result)) == 8
    loaded = {r["source"]: r for r in rows(db_path)}
    assert set(loaded) == {"a.txt", "d.txt"}
    assert loaded["a.txt"]["outlet"] == "Daily" and loaded["a.txt"]["headline"] == "A"
    assert loaded["d.txt"]["published"] == "2018-10-25"  # 25/10/2018 can only be read one way


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2018-10-25", ("2018-10-25", None)),
        ("2018-10-25T10:00:00Z", ("2018-10-25", None)),
        ("Oct. 25, 2018", ("2018-10-25", None)),
        ("25 October 2018", ("2018-10-25", None)),
        ("10/25/2018", ("2018-10-25", None)),
        ("05/05/2018", ("2018-05-05", None)),
        ("2018-02-29", (None, "is not a real date; write it as YYYY-MM-DD")),
        ("2018-13-01", (None, "is not a real date; write it as YYYY-MM-DD")),
        ("31/31/2018", (None, "is not a real date; write it as YYYY-MM-DD")),
        ("Feb 30, 2018", (None, "is not a real date; write it as YYYY-MM-DD")),
        ("01/02/2018", (None, "is ambiguous (day/month or month/day?); write it as YYYY-MM-DD")),
        ("1/2/18", (None, "is ambiguous (which century?); write it as YYYY-MM-DD")),
        ("0218-10-25", (None, "is not a plausible year for an article; write it as YYYY-MM-DD")),
        ("soon", (None, "is not a date; write it as YYYY-MM-DD")),
        ("", (None, None)),
    ],
)
def test_check_date(value, expected):
    assert check_date(value) == expected


def test_unknown_columns_warn_once_and_still_load(tmp_path):
    manifest = write_manifest(
        tmp_path,
        "File,Outlet,Date,Section,url\n"
        "a.txt,Daily,2018-10-25,World,https://example.com/a\n"
        "b.txt,Daily,2018-10-26,World,\n",
        files=("a.txt", "b.txt"),
    )
    db_path = tmp_path / "db.db"
    result = load(db_path, "--manifest", manifest)
    assert_clean(result)
    assert result.exit_code == 0, result.stderr
    assert stderr_lines(result)[0] == (
        "warning: {}: columns 'date' (did you mean 'published'?), 'section' ignored; "
        "the columns read are file,outlet,published,url,headline".format(manifest)
    )
    assert result.stderr.count("warning:") == 1
    assert [(r["source"], r["outlet"]) for r in rows(db_path)] == [("a.txt", "Daily"), ("b.txt", "Daily")]


@pytest.mark.parametrize(
    "content,message",
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "manifest is not a CSV file (looks like a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP files), not text, HTML or JSON)"),
        (b"\x00\x01\x02\x03" * 10, "manifest is not a CSV file (looks like a binary file, not text, HTML or JSON)"),
        (b'[{"file": "a.txt"}]', "manifest is not a CSV with a 'file' column (it looks like JSON)"),
        (b"<html><body>hi</body></html>", "manifest is not a CSV with a 'file' column (it looks like HTML or XML)"),
        (b"name,outlet\na.txt,X\n", "manifest is not a CSV with a 'file' column; its first line must be the header file,outlet,published,url,headline"),
        (b"", "manifest is empty; its first line must be the header file,outlet,published,url,headline"),
    ],
)
def test_manifest_that_is_not_csv(tmp_path, content, message):
    (tmp_path / "good.txt").write_text(GOOD)
    manifest = tmp_path / "manifest.csv"
    manifest.write_bytes(content)
    db_path = tmp_path / "db.db"
    result = load(db_path, tmp_path / "good.txt", "--manifest", manifest)
    assert_clean(result)
    assert result.exit_code == 1
    assert message in the_line(result, str(manifest))
    assert len(skipped_lines(result)) == 1
    assert [os.path.basename(r["source"]) for r in rows(db_path)] == ["good.txt"]  # the rest still loads


def test_missing_manifest(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    result = load(tmp_path / "db.db", tmp_path / "good.txt", "--manifest", tmp_path / "nope.csv")
    assert result.exit_code == 1
    assert "nope.csv: cannot read manifest (No such file or directory); check the path" in the_line(result, "nope.csv")
    assert len(rows(tmp_path / "db.db")) == 1


def test_tab_and_semicolon_manifests(tmp_path):
    for n, delimiter in enumerate(("\t", ";")):
        folder = tmp_path / str(n)
        folder.mkdir()
        manifest = write_manifest(
            folder, delimiter.join(["file", "outlet", "published"]) + "\n" + delimiter.join(["a.txt", "Daily", "2018-10-25"]) + "\n",
            files=("a.txt",),
        )
        result = load(folder / "db.db", "--manifest", manifest)
        assert result.exit_code == 0, result.stderr
        assert [(r["outlet"], r["published"]) for r in rows(folder / "db.db")] == [("Daily", "2018-10-25")]


# ---------------------------------------------------------------- the database path


def test_database_in_a_missing_folder(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    result = load(tmp_path / "no" / "such" / "db.db", tmp_path / "good.txt")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert stderr_lines(result) == [
        "Error: cannot create {}: the folder {} does not exist; create it first (mkdir -p) or choose another path".format(
            tmp_path / "no" / "such" / "db.db", tmp_path / "no" / "such"
        )
    ]
    assert not (tmp_path / "no").exists()


def test_database_in_a_folder_that_is_not_writable(tmp_path, monkeypatch):
    # Tests may run as root, for whom every folder is writable: fake the answer.
    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        discrepancy_cli.os, "access", lambda p, mode: False if os.path.abspath(p) == str(folder) else real_access(p, mode)
    )
    (tmp_path / "good.txt").write_text(GOOD)
    result = load(folder / "db.db", tmp_path / "good.txt")
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        "Error: cannot write to the folder {} (SQLite keeps its journal next to {}); choose a folder you can write to".format(
            folder, folder / "db.db"
        )
    ]
    assert os.listdir(folder) == []


def test_database_path_mixed_up_with_inputs(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    result = load(tmp_path / "good.txt", tmp_path)
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        "Error: {} is not a SQLite database; DB comes first and is a new or existing .db file: "
        "datasette discrepancy load DB [PATH]... --manifest CSV".format(tmp_path / "good.txt")
    ]
    assert (tmp_path / "good.txt").read_text() == GOOD  # untouched
    result = load(tmp_path / "new.txt", tmp_path / "good.txt")
    assert result.exit_code == 1 and "looks like an input, not a database" in result.stderr
    assert not (tmp_path / "new.txt").exists()
    result = load(tmp_path, tmp_path / "good.txt")  # click refuses a folder for DB
    assert result.exit_code == 2 and "is a directory" in result.stderr


@pytest.mark.parametrize(
    "error,message",
    [
        ("database is locked", "is locked by another program writing to it; wait for it to finish and run the command again"),
        ("database or disk is full", "is full; free some space and run the same command again to finish"),
        ("attempt to write a readonly database", "is read-only; make it and its folder writable or load into a copy"),
        ("database disk image is malformed", "is damaged (malformed); restore it from a backup or load into a new file"),
    ],
)
def test_database_errors_are_one_line(tmp_path, monkeypatch, error, message):
    def fail(*args, **kwargs):
        raise sqlite3.OperationalError(error)

    monkeypatch.setattr(discrepancy_cli.loader, "load", fail)
    (tmp_path / "good.txt").write_text(GOOD)
    result = load(tmp_path / "db.db", tmp_path / "good.txt")
    assert result.exit_code == 1
    (line,) = stderr_lines(result)
    assert line.startswith("Error: ") and line.endswith(message)


# ---------------------------------------------------------------- idempotence


def test_messy_input_loaded_twice_leaves_the_database_identical(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes("Headline A\n\nIt’s 800 troops, officials said.\n".encode("cp1252"))
    (folder / "b.txt").write_bytes("Itâ€™s 1,000 troops.\r\n".encode("utf-8"))
    (folder / "c.html").write_text("<title>C</title><script>1</script><p>Some 5,200 troops.</p>")
    (folder / "d.jsonl").write_text('{"file": "d1", "body": "About 900 troops.", "x": 1}\n{"body": ""}\n')
    (folder / "e.txt").write_bytes(b"\x00\x00")
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "file,outlet,published,extra\nin/a.txt,ABC,2018-10-25,1\nin/b.txt,CNN,2018-02-30,2\nin/a.txt,ABC,2018-10-25,1\n"
    )
    db_path = tmp_path / "db.db"
    first = load(db_path, folder, "--manifest", manifest)
    before = dump(db_path)
    second = load(db_path, folder, "--manifest", manifest)
    assert dump(db_path) == before
    assert first.exit_code == second.exit_code == 1
    assert skipped_lines(first) == skipped_lines(second)
    assert "3 loaded (3 new, 0 changed), 0 unchanged, 4 skipped" in first.stderr
    assert "0 loaded (0 new, 0 changed), 3 unchanged, 4 skipped" in second.stderr


# ---------------------------------------------------------------- any bytes at all

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from datasette_discrepancy.articles import Document, InputError, read_manifest  # noqa: E402
from datasette_discrepancy.html_text import html_to_text  # noqa: E402


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl"]),
)
@example(data=b"<![ ", suffix=".html")  # html.parser asserted on a nameless marked section
def test_any_bytes_become_documents_or_one_line_errors(tmp_path, data, suffix):
    path = tmp_path / ("in" + suffix)
    path.write_bytes(data)
    for item in read_task(Task(path=str(path), source="in" + suffix)):
        assert isinstance(item, (Document, InputError))
        if isinstance(item, InputError):
            assert "\n" not in str(item) and "\r" not in str(item)
            assert "could not be read" not in item.message, item  # the safety net is not the plan
        else:
            item.body.encode("utf-8")  # storable: no lone surrogates
            assert item.body.strip()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_manifest_gives_tasks_or_one_line_errors(tmp_path, data):
    path = tmp_path / "m.csv"
    path.write_bytes(b"file,outlet,published\n" + data)
    for item in read_manifest(str(path)):
        assert isinstance(item, (Task, InputError))
        if isinstance(item, InputError):
            assert "\n" not in str(item)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.text(st.characters(blacklist_characters="<"), max_size=100), st.sampled_from(["script", "style", "nav"]))
def test_html_to_text_takes_any_text_and_drops_scripts(before, inside, tag):
    html_to_text(before)  # never raises
    page = html_to_text("<p>{}</p><{}>{} SECRET</{}><p>kept</p>".format(before.replace("<", ""), tag, inside, tag))
    assert "SECRET" not in page.text
    assert page.text.endswith("kept")


def test_regroup_on_a_file_that_is_not_a_database(tmp_path):
    (tmp_path / "notes.txt").write_text(GOOD)
    (tmp_path / "c.yml").write_text("rename: {}\n")
    result = run("regroup", str(tmp_path / "notes.txt"), "--config", str(tmp_path / "c.yml"))
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        "Error: {} is not a SQLite database; DB comes first and is a new or existing .db file: "
        "datasette discrepancy regroup DB --config FILE".format(tmp_path / "notes.txt")
    ]
    assert (tmp_path / "notes.txt").read_text() == GOOD
