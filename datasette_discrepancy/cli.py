"""The `datasette discrepancy ...` commands.

Every problem a user can cause ends as one line on stderr saying what to do,
never a traceback: unusable inputs are skipped and named (the load goes on,
the exit status is 1), and a database that cannot be opened or written stops
the command with exit status 1.
"""
import contextlib
import os
import sqlite3
import sys

import click

from . import loader
from .articles import CSV_SUFFIXES, SUFFIXES, manifest_warnings, printable

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures")


@click.group(name="discrepancy")
def discrepancy():
    "Load news articles and line up the figures they report"


@discrepancy.command(name="load")
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@click.argument("paths", metavar="[PATH]...", nargs=-1, type=click.Path())
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False),
    help="CSV with columns file,outlet,published,url,headline (file relative to the CSV)",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes for extraction (default: all cores)")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary")
def load_command(db_path, paths, manifest, jobs, quiet):
    """Load articles into DB (created if absent), extracting every figure.

    PATH is a file or folder: .txt, .html/.htm (text pulled out of the page),
    .json/.jsonl (records with body and the manifest's fields). Loading the
    same input again changes nothing; changed files replace their claims.

    \b
    Example:
        datasette discrepancy load border.db articles/ --manifest articles.csv
    """
    run_load(db_path, paths, manifest, jobs, quiet)


def run_load(db_path, paths, manifest, jobs=None, quiet=False):
    if not paths and not manifest:
        raise click.UsageError("give at least one PATH or --manifest")
    check_database_path(db_path)

    def on_error(err):
        click.echo("skipped {}".format(err), err=True)

    if manifest:
        for warning in manifest_warnings(manifest):
            click.echo("warning: {}".format(warning), err=True)

    show_bar = not quiet and sys.stderr.isatty()
    bar = None
    progress = None
    if show_bar:
        bar = click.progressbar(length=None, label="Loading articles", file=sys.stderr, show_pos=True)
        bar.__enter__()
        progress = bar.update
    try:
        with database_errors(db_path):
            summary = loader.load(db_path, paths, manifest=manifest, jobs=jobs, on_error=on_error, progress=progress)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if not quiet:
        click.echo("{}: {}".format(db_path, summary), err=True)
    if summary.skipped:
        sys.exit(1)
    return summary


SQLITE_HEADER = b"SQLite format 3\x00"


LOAD_USAGE = "datasette discrepancy load DB [PATH]... --manifest CSV"


def check_database_path(db_path, usage=LOAD_USAGE):
    """Stop with one clear line if DB cannot be a database we may write."""
    shown = printable(db_path)
    if os.path.isdir(db_path):
        raise click.ClickException(
            "{} is a folder; DB comes first and is a database file, e.g. "
            "datasette discrepancy load border.db {}".format(shown, shown)
        )
    folder = os.path.dirname(os.path.abspath(db_path))
    if not os.path.isdir(folder):
        raise click.ClickException(
            "cannot create {}: the folder {} does not exist; create it first (mkdir -p) or choose another path".format(
                shown, printable(folder)
            )
        )
    if os.path.exists(db_path):
        try:
            with open(db_path, "rb") as fp:
                header = fp.read(len(SQLITE_HEADER))
        except OSError as e:
            raise click.ClickException("cannot read {} ({}); check its permissions".format(shown, e.strerror))
        if header and header != SQLITE_HEADER:
            raise click.ClickException(
                "{} is not a SQLite database; DB comes first and is a new or existing .db file: {}".format(shown, usage)
            )
        if not os.access(db_path, os.W_OK):
            raise click.ClickException(
                "{} is read-only; make it writable (chmod u+w) or load into a copy".format(shown)
            )
    else:
        suffix = os.path.splitext(db_path)[1].lower()
        if suffix in SUFFIXES or suffix in CSV_SUFFIXES:
            raise click.ClickException(
                "{} looks like an input, not a database; DB comes first: {}".format(shown, usage)
            )
    if not os.access(folder, os.W_OK):
        raise click.ClickException(
            "cannot write to the folder {} (SQLite keeps its journal next to {}); "
            "choose a folder you can write to".format(printable(folder), shown)
        )


SQLITE_MESSAGES = [
    ("database is locked", "{} is locked by another program writing to it; wait for it to finish and run the command again"),
    ("readonly", "{} is read-only; make it and its folder writable or load into a copy"),
    ("not a database", "{} is not a SQLite database; DB comes first and is a new or existing .db file"),
    ("malformed", "{} is damaged (malformed); restore it from a backup or load into a new file"),
    ("disk is full", "the disk holding {} is full; free some space and run the same command again to finish"),
    ("unable to open", "cannot open {}; check its folder exists and you may write to it"),
]


@contextlib.contextmanager
def database_errors(db_path):
    """Turn the ways a database can fail into one line saying what to do."""
    shown = printable(db_path)
    try:
        yield
    except sqlite3.Error as e:
        text = str(e).lower()
        for needle, message in SQLITE_MESSAGES:
            if needle in text:
                raise click.ClickException(message.format(shown))
        raise click.ClickException("{}: SQLite error ({}); check the file or load into a new one".format(shown, e))
    except KeyboardInterrupt:
        click.echo("interrupted; run the same command again to finish loading", err=True)
        sys.exit(130)
    except OSError as e:
        raise click.ClickException(
            "{}: {} ({}); check the disk and permissions and run the command again".format(
                shown, e.strerror or type(e).__name__, printable(e.filename or "")
            )
        )


@discrepancy.command(name="regroup")
@click.argument("db_path", metavar="DB", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--config",
    "config_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="YAML or JSON file of corrections: rename, merge, split, move",
)
def regroup_command(db_path, config_path):
    """Correct how claims are grouped into measures.

    The corrections replace any given before and are applied again after
    every later load, so they survive reloads.

    \b
    Example corrections.yml:
        rename:
          people-killed-fire: People killed by the fire
        merge:
          - into: people-killed-fire
            measures: [dead-blaze-county]
        move:
          - claim: 61
            to: people-missing-sheriff
        split:
          - from: km-border-distance
            claims: [57]
            label: Distance from the coast
    """
    from . import aggregates, analysis, regroup
    from . import db as dblayer

    try:
        with open(config_path, encoding="utf-8") as fp:
            text = fp.read()
    except (OSError, UnicodeDecodeError) as e:
        raise click.ClickException("cannot read {} ({}); give a UTF-8 YAML or JSON file".format(printable(config_path), e))
    check_database_path(db_path, usage="datasette discrepancy regroup DB --config FILE")
    with database_errors(db_path):
        db = dblayer.open_database(db_path)
        try:
            corrections = regroup.parse(text, config_path)
            with db.atomic():
                analysis.ensure_tables(db)
                regroup.store(db, corrections)
                touched = regroup.apply(db)
                aggregates.refresh_measures(db, sorted(touched))
        except regroup.CorrectionError as e:
            raise click.ClickException(str(e))
    count = db["measure_corrections"].count
    click.echo(
        "{}: {} correction{} stored; {} measure{} changed".format(
            db_path, count, "" if count == 1 else "s", len(touched), "" if len(touched) == 1 else "s"
        ),
        err=True,
    )


@discrepancy.command(name="demo")
@click.option("--db", "db_path", default="discrepancy-demo.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--fixtures", default=FIXTURES, show_default=True, type=click.Path(file_okay=False))
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("-h", "--host", default="127.0.0.1", show_default=True)
@click.option("--load-only", is_flag=True, help="Build the database and stop, without serving it")
@click.pass_context
def demo_command(ctx, db_path, fixtures, port, host, load_only):
    """Load the bundled seed articles and serve the report.

    Run it from a checkout of the project (the articles live in fixtures/).
    """
    manifest = os.path.join(fixtures, "manifest.csv")
    if not os.path.exists(manifest):
        raise click.ClickException(
            "no {} here; run the demo from a checkout of datasette-discrepancy or pass --fixtures DIR".format(manifest)
        )
    run_load(db_path, (), manifest)
    if load_only:
        return
    from datasette.cli import serve

    click.echo(
        "Serving the report at http://{}:{}/{}/-/discrepancies".format(
            host, port, os.path.splitext(os.path.basename(db_path))[0]
        ),
        err=True,
    )
    ctx.invoke(serve, files=(db_path,), port=port, host=host)
