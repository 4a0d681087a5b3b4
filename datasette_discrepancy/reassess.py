"""The index's assessments under a configured window and tolerance.

The loader stores each measure's assessment computed with the defaults. When a
deployment configures other values, the index recomputes every measure's
assessment here, read-only, and keeps the result in memory keyed by database,
settings and the database's data version, so the work is done once per change
of data, not once per request.
"""
import os
import weakref

from . import queries
from .compare import assess

ASSESSMENT_ORDER = {"conflicting": 0, "revised": 1}  # then the rest
_CACHE = weakref.WeakKeyDictionary()  # Datasette -> {(database, settings): (version, assessments)}

CLAIMS_SQL = """select claims.measure_id, claims.id, value_low, value_high, qualifier, retrospective,
  articles.outlet, articles.published, claims.attribution, claims.unit
from claims join articles on articles.id = claims.article_id
where claims.measure_id is not null
order by claims.measure_id, articles.published, claims.id"""
FIELDS = ("id", "value_low", "value_high", "qualifier", "retrospective", "outlet", "published", "attribution",
          "unit")


def data_version(db):
    """Changes whenever the database's content may have: constant for an
    immutable database; the file's (and its WAL's) size and modification time
    otherwise. None means unknown (an in-memory database): never cached."""
    if not db.is_mutable:
        return ("immutable", db.path)
    if not db.path or getattr(db, "is_memory", False):
        return None
    version = []
    for path in (db.path, db.path + "-wal"):
        try:
            stat = os.stat(path)
            version.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            version.append(None)
    return tuple(version)


def compute(conn, settings):
    """{measure id: assessment} for every measure, with the given settings."""
    by_measure = {}
    for row in conn.execute(CLAIMS_SQL):
        by_measure.setdefault(row[0], []).append(dict(zip(FIELDS, row[1:])))
    return {
        measure_id: assess(claims, settings.window_days, settings.approx_tolerance)[0]
        for measure_id, claims in by_measure.items()
    }


async def assessments(datasette, name, db, settings):
    version = data_version(db)
    cache = _CACHE.setdefault(datasette, {})
    key = (name, settings)
    hit = cache.get(key)
    if version is not None and hit is not None and hit[0] == version:
        return hit[1]
    # execute_fn: no SQL time limit, and the work runs off the event loop
    result = await db.execute_fn(lambda conn: compute(conn, settings))
    if version is not None:
        cache[key] = (version, result)
    return result


def order_key(measure):
    """queries.MEASURE_ORDER, in Python: most disputed first."""
    spread = measure.get("spread")
    return (
        ASSESSMENT_ORDER.get(measure.get("assessment"), 2),
        -(measure.get("outlets") or 0),
        -(spread if spread is not None else 1),
        -(measure.get("claims") or 0),
        measure["id"],
    )


async def measures_and_facets(datasette, name, db, settings, assessment=None, unit=None, limit=100, offset=0):
    """What queries.measures and queries.measure_facets give, with assessments
    recomputed under `settings`."""
    recomputed = await assessments(datasette, name, db, settings)
    rows = await queries.measures(db, unit=unit, limit=-1, offset=0)
    for row in rows:
        row["assessment"] = recomputed.get(row["id"], row["assessment"])
    # the assessment facet counts every measure, whatever the unit filter
    every = (await queries.measures(db, limit=-1, offset=0)) if unit else rows
    counts = {}
    for row in every:
        value = recomputed.get(row["id"], row["assessment"])
        counts[value] = counts.get(value, 0) + 1
    if assessment:
        rows = [row for row in rows if row["assessment"] == assessment]
    rows.sort(key=order_key)
    facets = await queries.measure_facets(db)
    facets["assessment"] = [
        {"value": value, "count": count} for value, count in sorted(counts.items(), key=lambda item: -item[1])
    ]
    return rows[offset : offset + limit], facets
