"""Users correct the grouping with a small file; corrections survive reloads."""
import sqlite_utils
from click.testing import CliRunner
from datasette.cli import cli

from conftest import MANIFEST


def run(*args):
    return CliRunner().invoke(cli, ["discrepancy", *args], catch_exceptions=False)


def measure_of(db, text, outlet):
    return next(
        db.query(
            """select measures.* from claims join articles on articles.id = claims.article_id
               join measures on measures.id = claims.measure_id
               where claims.text = ? and articles.outlet = ?""",
            [text, outlet],
        )
    )


def claim_id(db, text, outlet):
    return next(
        db.query(
            "select claims.id from claims join articles on articles.id = claims.article_id "
            "where claims.text = ? and articles.outlet = ?",
            [text, outlet],
        )
    )["id"]


def test_rename_merge_move_and_reload(seed_db_copy, tmp_path):
    db = sqlite_utils.Database(seed_db_copy)
    troops = measure_of(db, "5,200", "Global News")
    guard = measure_of(db, "2,092", "Global News")
    authorized = measure_of(db, "approximately 4,000", "CNN")
    moved = claim_id(db, "2,092", "Global News")
    config = tmp_path / "corrections.yml"
    config.write_text(
        "rename:\n  {t}: Active-duty troops to the border\n"
        "merge:\n  - into: {g}\n    measures: [{a}]\n"
        "move:\n  - claim: {c}\n    to: {t}\n".format(t=troops["slug"], g=guard["slug"], a=authorized["slug"], c=moved)
    )
    result = run("regroup", seed_db_copy, "--config", str(config))
    assert result.exit_code == 0, result.output
    assert "3 corrections stored" in result.output

    def check():
        db = sqlite_utils.Database(seed_db_copy)
        renamed = db.execute("select label, slug from measures where id = ?", [troops["id"]]).fetchone()
        assert renamed == ("Active-duty troops to the border", troops["slug"])  # the URL stays
        assert measure_of(db, "approximately 4,000", "CNN")["id"] == guard["id"]
        assert measure_of(db, "2,092", "Global News")["id"] == troops["id"]
        assert db.execute("select count(*) from measures where slug = ?", [authorized["slug"]]).fetchone()[0] == 0
        assert measure_of(db, "2,092", "Global News")["claims_count"] == troops["claims_count"] + 1

    check()
    # a changed article is regrouped from scratch, then the corrections apply again
    db = sqlite_utils.Database(seed_db_copy)
    db.execute("update articles set content_hash = 'stale' where outlet = 'Global News'")
    db.conn.commit()
    result = run("load", seed_db_copy, "--manifest", MANIFEST)
    assert "1 changed" in result.output
    check()


def test_unknown_slug_is_a_clear_error(seed_db_copy, tmp_path):
    config = tmp_path / "c.yml"
    config.write_text("rename:\n  no-such-measure: Whatever\n")
    result = CliRunner().invoke(cli, ["discrepancy", "regroup", seed_db_copy, "--config", str(config)])
    assert result.exit_code == 1
    assert "no measure with slug 'no-such-measure'" in result.output
    config.write_text("renam:\n  x: y\n")
    result = CliRunner().invoke(cli, ["discrepancy", "regroup", seed_db_copy, "--config", str(config)])
    assert "unknown key renam" in result.output


def test_the_readme_example(seed_db_copy, tmp_path):
    """The corrections shown in the README do what the README says."""
    import os
    import re

    from conftest import ROOT

    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    section = readme[readme.index("## Correcting the grouping"):]
    example = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    config = tmp_path / "corrections.yml"
    config.write_text(example)
    result = run("regroup", seed_db_copy, "--config", str(config))
    assert "border.db: 2 corrections stored; 2 measures changed" in result.output
    db = sqlite_utils.Database(seed_db_copy)
    miles = {r["slug"]: r for r in db.query("select * from measures where unit = 'miles'")}
    assert miles["miles-caravan-border"]["assessment"] == "consistent"
    assert miles["miles-caravan-border"]["min_value"] == 1000
    guatemala = miles["caravan-distance-from-the-guatemala-border"]
    assert (guatemala["min_value"], guatemala["claims_count"]) == (80, 1)
    assert db.execute(
        "select label from measures where slug = 'active-duty-troops-deployed-service'"
    ).fetchone()[0] == "Active-duty troops to the border"
