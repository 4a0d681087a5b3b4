import os
import sqlite3

import pytest
from datasette.app import Datasette

from datasette_discrepancy import loader

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "fixtures")
MANIFEST = os.path.join(FIXTURES, "manifest.csv")


@pytest.fixture(scope="session")
def seed_db_path(tmp_path_factory):
    """The five seed articles loaded once for the whole session (read-only)."""
    path = str(tmp_path_factory.mktemp("seed") / "border.db")
    summary = loader.load(path, manifest=MANIFEST, jobs=1)
    assert summary.new == 5 and summary.skipped == 0, summary.errors
    return path


@pytest.fixture
def seed_db_copy(seed_db_path, tmp_path):
    """A private copy of the seed database for tests that write."""
    path = str(tmp_path / "border.db")
    # the backup API copies what is still in the WAL file too
    source, target = sqlite3.connect(seed_db_path), sqlite3.connect(path)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return path


@pytest.fixture
def ds(seed_db_path):
    return Datasette([seed_db_path])


async def troop_measure(ds):
    """The active-duty line-up: found by its figures, not by a slug we chose."""
    response = await ds.client.get("/border/-/discrepancies.json?_size=max")
    for measure in response.json()["measures"]:
        lineup = (await ds.client.get(measure["url"] + ".json?_size=max")).json()
        values = {c["value_low"] for c in lineup["claims"]} | {c["value_high"] for c in lineup["claims"]}
        if measure["unit"] == "troops" and {5200, 1000} <= values:
            return measure, lineup
    raise AssertionError("no troop line-up holding 5,200 and 1,000")
