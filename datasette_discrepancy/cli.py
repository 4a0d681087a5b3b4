"""The `datasette discrepancy ...` commands."""
import os
import sys

import click

from . import loader

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

    def on_error(err):
        click.echo("skipped {}".format(err), err=True)

    show_bar = not quiet and sys.stderr.isatty()
    bar = None
    progress = None
    if show_bar:
        bar = click.progressbar(length=None, label="Loading articles", file=sys.stderr, show_pos=True)
        bar.__enter__()
        progress = bar.update
    try:
        summary = loader.load(db_path, paths, manifest=manifest, jobs=jobs, on_error=on_error, progress=progress)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if not quiet:
        click.echo("{}: {}".format(db_path, summary), err=True)
    if summary.skipped:
        sys.exit(1)
    return summary


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
