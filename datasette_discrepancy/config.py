"""The plugin's settings: read from Datasette's plugin configuration, checked,
and given their defaults.

    plugins:
      datasette-discrepancy:
        conflict_window_days: 3   # figures published 3+ days apart are a revision, not a conflict
        approx_tolerance: 0.15    # "about 2,000" covers 1,700 to 2,300
        databases: [border]       # report on these databases only

`conflict_window_days` and `approx_tolerance` may also be set for one database
(under `databases: {name: {plugins: ...}}`), which overrides the top level.
"""
from dataclasses import dataclass
from typing import FrozenSet, Optional

from .compare import DEFAULT_APPROX_TOLERANCE, DEFAULT_WINDOW_DAYS

PLUGIN = "datasette-discrepancy"
MEASURE_SETTINGS = ("conflict_window_days", "approx_tolerance")
TOP_LEVEL_SETTINGS = MEASURE_SETTINGS + ("databases",)
MAX_WINDOW_DAYS = 3660


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    window_days: int = DEFAULT_WINDOW_DAYS
    approx_tolerance: float = DEFAULT_APPROX_TOLERANCE

    @property
    def is_default(self) -> bool:
        return self == Settings()


def settings(datasette, database: str) -> Settings:
    """The window and tolerance that apply to one database."""
    merged = dict(_top(datasette))
    merged.update(_for_database(datasette, database))
    return Settings(
        window_days=window_days(merged.get("conflict_window_days", DEFAULT_WINDOW_DAYS)),
        approx_tolerance=approx_tolerance(merged.get("approx_tolerance", DEFAULT_APPROX_TOLERANCE)),
    )


def reported_databases(datasette) -> Optional[FrozenSet[str]]:
    """The databases the report is limited to, or None for every database."""
    value = _top(datasette).get("databases")
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError("{}: databases must be a list of database names".format(PLUGIN))
    return frozenset(value)


def reports_on(datasette, database: str) -> bool:
    allowed = reported_databases(datasette)
    return allowed is None or database in allowed


def validate(datasette):
    """Check every setting (run at startup, so a typo fails loudly and early)."""
    settings_for_top = _top(datasette)
    _check_keys(settings_for_top, TOP_LEVEL_SETTINGS, "")
    reported_databases(datasette)
    for name in list(datasette.databases):
        _check_keys(_for_database(datasette, name), MEASURE_SETTINGS, " for database {}".format(name))
        settings(datasette, name)


def window_days(value) -> int:
    number = _number(value, "conflict_window_days")
    if number != int(number) or not (0 <= number <= MAX_WINDOW_DAYS):
        raise ConfigError(
            "{}: conflict_window_days must be a whole number of days from 0 to {}, not {!r}".format(
                PLUGIN, MAX_WINDOW_DAYS, value
            )
        )
    return int(number)


def approx_tolerance(value) -> float:
    number = _number(value, "approx_tolerance")
    if not (0 <= number < 1):
        raise ConfigError(
            '{}: approx_tolerance must be a fraction from 0 to below 1 (0.1 means "about" allows 10%), not {!r}'.format(
                PLUGIN, value
            )
        )
    return float(number)


def _number(value, name):
    # Values from {"$env": ...} arrive as strings
    if isinstance(value, bool):
        raise ConfigError("{}: {} must be a number, not {!r}".format(PLUGIN, name, value))
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise ConfigError("{}: {} must be a number, not {!r}".format(PLUGIN, name, value))
    if not isinstance(value, (int, float)) or value != value:
        raise ConfigError("{}: {} must be a number, not {!r}".format(PLUGIN, name, value))
    return value


def _check_keys(raw, allowed, where):
    unknown = sorted(set(raw) - set(allowed))
    if unknown:
        raise ConfigError(
            "{}: unknown setting{} {}{}; the settings are {}".format(
                PLUGIN, "s" if len(unknown) > 1 else "", ", ".join(unknown), where, ", ".join(allowed)
            )
        )


def _top(datasette) -> dict:
    return _as_dict(datasette.plugin_config(PLUGIN), "")


def _for_database(datasette, database) -> dict:
    # fallback=False, then merged over the top level by the caller: Datasette's own
    # fallback does not merge (and on some 1.0 alphas does not fall back at all)
    return _as_dict(
        datasette.plugin_config(PLUGIN, database=database, fallback=False), " for database {}".format(database)
    )


def _as_dict(value, where) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError("{}: the plugin's configuration{} must be a mapping of settings".format(PLUGIN, where))
    return value
