"""The plugin's settings, under both configuration styles: plugin settings in
metadata (Datasette 0.65) and in datasette.yaml (Datasette 1.0)."""
import inspect
import json
import sqlite3

import pytest
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.cli import cli

from datasette_discrepancy import config, loader, reassess
from datasette_discrepancy.compare import DEFAULT_APPROX_TOLERANCE, DEFAULT_WINDOW_DAYS

PLUGIN = "datasette-discrepancy"
HAS_CONFIG = "config" in inspect.signature(Datasette.__init__).parameters
# 0.65 reads plugin settings from metadata; 1.0 from datasette.yaml (and still
# accepts them in metadata, moving them across)
STYLES = ["config", "metadata"] if HAS_CONFIG else ["metadata"]


def make(paths, conf, style="config" if HAS_CONFIG else "metadata", **kwargs):
    return Datasette(paths, **{style: conf}, **kwargs)


def copy_database(source, destination):
    """A consistent copy, whatever is still in the source's WAL file."""
    src, dst = sqlite3.connect(source), sqlite3.connect(destination)
    src.backup(dst)
    src.close()
    dst.close()
    return destination


def plugins(settings):
    return {"plugins": {PLUGIN: settings}}


async def troop_lineup(ds):
    """The active-duty troop line-up (ABC, CNN and AP on the 25th; Reuters
    "thousands" and Global News 5,200 on the 29th): found by its figures."""
    index = (await ds.client.get("/border/-/discrepancies.json?_size=max")).json()
    for measure in index["measures"]:
        lineup = (await ds.client.get(measure["url"] + ".json?_size=max")).json()
        values = {c["value_low"] for c in lineup["claims"]} | {c["value_high"] for c in lineup["claims"]}
        if measure["unit"] == "troops" and {5200, 1000} <= values:
            return measure, lineup
    raise AssertionError("no troop line-up holding 5,200 and 1,000")


@pytest.fixture(scope="module")
def about_db_path(tmp_path_factory):
    """Two outlets on the same day: "About 2,100" and an exact 2,350. With the
    default tolerance (10%) they conflict; with 20% they agree."""
    folder = tmp_path_factory.mktemp("about")
    (folder / "a.txt").write_text("About 2,100 migrants reached the border crossing on Monday, officials said.\n")
    (folder / "b.txt").write_text(
        "A total of 2,350 migrants reached the border crossing on Monday, according to the mayor.\n"
    )
    (folder / "manifest.csv").write_text(
        "file,outlet,published,url,headline\n"
        "a.txt,Daily One,2020-03-02,,Migrants reach border\n"
        "b.txt,Daily Two,2020-03-02,,Migrants at crossing\n"
    )
    path = str(folder / "about.db")
    loader.load(path, manifest=str(folder / "manifest.csv"), jobs=1)
    return path


def test_defaults_match_compare():
    assert config.Settings() == config.Settings(DEFAULT_WINDOW_DAYS, DEFAULT_APPROX_TOLERANCE)
    assert config.Settings().is_default
    assert not config.Settings(window_days=5).is_default


@pytest.mark.parametrize("style", STYLES)
def test_settings_top_level_and_per_database(seed_db_path, style):
    ds = make(
        [seed_db_path],
        {
            **plugins({"conflict_window_days": 3, "approx_tolerance": 0.2}),
            # per database: overrides the top level, key by key
            "databases": {"border": {"plugins": {PLUGIN: {"conflict_window_days": 7}}}},
        },
        style,
    )
    assert config.settings(ds, "border") == config.Settings(window_days=7, approx_tolerance=0.2)
    assert config.settings(ds, "elsewhere") == config.Settings(window_days=3, approx_tolerance=0.2)


@pytest.mark.parametrize("style", STYLES)
def test_database_config_without_plugin_settings_falls_back(seed_db_path, style):
    # a database with other configuration (here: who may see it) still gets the top-level settings
    ds = make(
        [seed_db_path],
        {**plugins({"conflict_window_days": 5}), "databases": {"border": {"allow": True}}},
        style,
    )
    assert config.settings(ds, "border").window_days == 5


def test_settings_from_environment(seed_db_path, monkeypatch):
    monkeypatch.setenv("DISCREPANCY_WINDOW", "4")
    monkeypatch.setenv("DISCREPANCY_ABOUT", "0.25")
    ds = make(
        [seed_db_path],
        plugins({"conflict_window_days": {"$env": "DISCREPANCY_WINDOW"}, "approx_tolerance": {"$env": "DISCREPANCY_ABOUT"}}),
    )
    assert config.settings(ds, "border") == config.Settings(window_days=4, approx_tolerance=0.25)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "settings,message",
    [
        ({"conflict_window_days": -1}, "conflict_window_days must be a whole number"),
        ({"conflict_window_days": 1.5}, "conflict_window_days must be a whole number"),
        ({"conflict_window_days": "a week"}, "conflict_window_days must be a number"),
        ({"conflict_window_days": True}, "conflict_window_days must be a number"),
        ({"approx_tolerance": 1}, "approx_tolerance must be a fraction"),
        ({"approx_tolerance": -0.1}, "approx_tolerance must be a fraction"),
        ({"approx_tolerance": None}, "approx_tolerance must be a number"),
        ({"databases": "border,other".split(",") + [3]}, "databases must be a list"),
        ({"window_days": 3}, "unknown setting window_days"),
    ],
)
async def test_bad_settings_fail_at_startup(seed_db_path, settings, message):
    ds = make([seed_db_path], plugins(settings))
    with pytest.raises(config.ConfigError, match=message):
        await ds.invoke_startup()


@pytest.mark.asyncio
async def test_databases_is_a_top_level_setting(seed_db_path):
    ds = make([seed_db_path], {"databases": {"border": {"plugins": {PLUGIN: {"databases": ["border"]}}}}})
    with pytest.raises(config.ConfigError, match="unknown setting databases for database border"):
        await ds.invoke_startup()


@pytest.mark.asyncio
@pytest.mark.parametrize("style", STYLES)
async def test_conflict_window(seed_db_path, style):
    default = Datasette([seed_db_path])
    measure, lineup = await troop_lineup(default)
    # four days apart: a revision with the default window...
    assert measure["assessment"] == lineup["measure"]["assessment"] == "revised"
    assert not any(c["status"].startswith("conflicts") for c in lineup["claims"])
    ds = make([seed_db_path], plugins({"conflict_window_days": 5}), style)
    # ...a conflict when figures up to five days apart count as the same news cycle
    measure, lineup = await troop_lineup(ds)
    assert measure["assessment"] == lineup["measure"]["assessment"] == "conflicting"
    by_figure = {(c["value_low"], c["value_high"]): c["status"] for c in lineup["claims"]}
    assert by_figure[(5200, 5200)].startswith("conflicts with")
    # the index agrees with its line-ups: order, filters and counts use the configured assessment
    index = (await ds.client.get("/border/-/discrepancies.json?_size=max")).json()
    assert index["measures"][0]["slug"] == measure["slug"]
    conflicting = (await ds.client.get("/border/-/discrepancies.json?assessment=conflicting&_size=max")).json()
    assert measure["slug"] in {m["slug"] for m in conflicting["measures"]}
    counts = {c["value"]: c["count"] for c in index["counts"]["assessment"]}
    assert counts["conflicting"] == len(conflicting["measures"])
    assert sum(counts.values()) == len(index["measures"])
    html = await ds.client.get("/border/-/discrepancies")
    assert html.status_code == 200


@pytest.mark.asyncio
@pytest.mark.parametrize("style", STYLES)
async def test_about_tolerance(about_db_path, style):
    async def assessments(ds):
        index = (await ds.client.get("/about/-/discrepancies.json")).json()["measures"]
        lineup = (await ds.client.get(index[0]["url"] + ".json")).json()
        return index[0]["assessment"], lineup["measure"]["assessment"], {c["status"] for c in lineup["claims"]}

    assert await assessments(Datasette([about_db_path])) == ("conflicting", "conflicting", {"conflicts with 1"})
    wider = make([about_db_path], plugins({"approx_tolerance": 0.2}), style)
    assert await assessments(wider) == ("consistent", "consistent", {"agrees"})


@pytest.mark.asyncio
@pytest.mark.parametrize("style", STYLES)
async def test_databases_setting_hides_the_report(seed_db_path, tmp_path, style):
    other = copy_database(seed_db_path, str(tmp_path / "other.db"))
    ds = make([seed_db_path, other], plugins({"databases": ["other"]}), style)
    _, lineup = await troop_lineup(Datasette([seed_db_path]))
    hidden = [
        "/border/-/discrepancies",
        "/border/-/discrepancies.json",
        lineup["measure"]["url"],
        lineup["measure"]["url"] + ".json",
        "/border/-/discrepancies-article/1",
        "/border/-/discrepancies-article/1.json",
    ]
    for path in hidden:
        response = await ds.client.get(path)
        assert response.status_code == 404, path
        assert "5,200" not in response.text
    assert "/-/discrepancies" not in (await ds.client.get("/border")).text
    # the listed database keeps its report and its link
    assert (await ds.client.get("/other/-/discrepancies.json")).status_code == 200
    assert 'href="/other/-/discrepancies"' in (await ds.client.get("/other")).text


@pytest.mark.asyncio
async def test_recomputed_index_order_matches_the_stored_order(seed_db_path):
    # the in-memory path, run with the default settings, gives what SQL gives
    ds = Datasette([seed_db_path])
    stored = (await ds.client.get("/border/-/discrepancies.json?_size=max")).json()
    rows, facets = await reassess.measures_and_facets(ds, "border", ds.get_database("border"), config.Settings(), limit=1000)
    assert [r["slug"] for r in rows] == [m["slug"] for m in stored["measures"]]
    assert sorted(map(json.dumps, facets["assessment"])) == sorted(map(json.dumps, stored["counts"]["assessment"]))


@pytest.mark.asyncio
async def test_recomputed_assessments_are_cached_per_data_version(seed_db_path, tmp_path, monkeypatch):
    path = copy_database(seed_db_path, str(tmp_path / "border.db"))
    calls = []
    compute = reassess.compute
    monkeypatch.setattr(reassess, "compute", lambda conn, settings: calls.append(settings) or compute(conn, settings))
    ds = make([path], plugins({"conflict_window_days": 5}))
    for _ in range(3):
        assert (await ds.client.get("/border/-/discrepancies.json")).status_code == 200
    assert len(calls) == 1
    # new data: recomputed once more
    with sqlite3.connect(path) as conn:
        conn.execute("update articles set outlet = outlet || ' ' where id = 1")
    for _ in range(2):
        assert (await ds.client.get("/border/-/discrepancies.json")).status_code == 200
    assert len(calls) == 2


def test_both_styles_from_files_on_the_command_line(seed_db_path, tmp_path):
    """The documented files: metadata.yaml for 0.65, datasette.yaml for 1.0."""
    import yaml

    runner = CliRunner()
    slugs = {}
    for window in (1, 5):
        conf = tmp_path / "datasette-{}.yaml".format(window)
        conf.write_text(yaml.safe_dump(plugins({"conflict_window_days": window, "approx_tolerance": 0.1})))
        option = "-c" if HAS_CONFIG else "-m"
        result = runner.invoke(
            cli, [seed_db_path, option, str(conf), "--get", "/border/-/discrepancies.json?assessment=conflicting&_size=max"]
        )
        assert result.exit_code == 0, result.output
        slugs[window] = {m["slug"] for m in json.loads(result.output)["measures"]}
    assert slugs[1] < slugs[5]


def test_a_bad_setting_stops_the_server(seed_db_path, tmp_path):
    conf = tmp_path / "bad.json"
    conf.write_text(json.dumps(plugins({"conflict_window_days": "soon"})))
    result = CliRunner().invoke(
        cli, [seed_db_path, "-c" if HAS_CONFIG else "-m", str(conf), "--get", "/border/-/discrepancies.json"]
    )
    assert result.exit_code != 0
    assert "conflict_window_days must be a number" in str(result.exception)
