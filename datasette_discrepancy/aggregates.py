"""The stored aggregates the pages read instead of scanning claims.

refresh_measures recomputes, for each given measure: its counts, range and
assessment (in measures), each claim's status (claims.status), its outlet x
date cells (measure_cells) and its place in the index (measures.order_key).

assess_claims gives exactly what compare.assess gives (tests/test_scale.py
checks it on random line-ups) in O(n log n) rather than O(n^2), so a measure
with 100,000 claims is assessed in about a second.
"""
import bisect
import math
import sys
from collections import defaultdict

from . import db as dblayer
from .compare import (DEFAULT_APPROX_TOLERANCE, DEFAULT_WINDOW_DAYS, _date, assess, compatible, interval, source,
                      verdict)

# Below this many claims the pairwise compare.assess is quick enough.
PAIRWISE_MAX = 12

CLAIM_COLUMNS = ("id", "value_low", "value_high", "qualifier", "retrospective", "outlet", "published", "status",
                 "attribution", "unit")


def assess_claims(claims, window_days=DEFAULT_WINDOW_DAYS, approx_tolerance=DEFAULT_APPROX_TOLERANCE):
    """(assessment, {claim id: status}): the same as compare.assess."""
    if len(claims) <= PAIRWISE_MAX or window_days != 1:
        return assess(claims, window_days, approx_tolerance)
    for c in claims:
        published = c.get("published")
        if published is not None and (_date(published) is None or _date(published).isoformat() != published):
            return assess(claims, window_days, approx_tolerance)  # a date not in YYYY-MM-DD form
    bounds = {}
    for c in claims:
        lo, hi = interval(c, approx_tolerance)
        if lo != lo or hi != hi:  # NaN
            return assess(claims, window_days, approx_tolerance)
        bounds[c["id"]] = (lo, hi)
    current = [c for c in claims if not c.get("retrospective")]
    retro = [c for c in claims if c.get("retrospective")]
    # Intervals with lo > hi (e.g. "less than 800" stored as 800/800) are
    # compared pairwise; for the rest, "b is incompatible with a" is exactly
    # one of b.hi < a.lo or b.lo > a.hi, so counting is two binary searches.
    inverted = [c for c in current if bounds[c["id"]][0] > bounds[c["id"]][1]]
    normal = [c for c in current if bounds[c["id"]][0] <= bounds[c["id"]][1]]

    conflicts = {c["id"]: 0 for c in claims}
    disagreement = False

    def day(c):
        return c.get("published")  # canonical ISO or None: equal strings, same window

    def counter(group):
        his = sorted(bounds[c["id"]][1] for c in group)
        los = sorted(bounds[c["id"]][0] for c in group)

        def count(lo, hi):
            return bisect.bisect_left(his, lo) + (len(los) - bisect.bisect_right(los, hi))

        return count

    by_day, by_day_source = defaultdict(list), defaultdict(list)
    for c in normal:
        if day(c) is not None:
            by_day[day(c)].append(c)
            by_day_source[(day(c), source(c))].append(c)
    day_counters = {k: counter(g) for k, g in by_day.items()}
    for key, group in by_day_source.items():
        same_source = counter(group)
        all_sources = day_counters[key[0]]
        for c in group:
            lo, hi = bounds[c["id"]]
            conflicts[c["id"]] += all_sources(lo, hi) - same_source(lo, hi)

    def pair(a, b):
        nonlocal disagreement
        if compatible(a, b, approx_tolerance):
            return
        disagreement = True
        if source(a) != source(b) and day(a) is not None and day(a) == day(b):
            conflicts[a["id"]] += 1
            conflicts[b["id"]] += 1

    for i, x in enumerate(inverted):
        for b in normal:
            pair(x, b)
        for y in inverted[i + 1 :]:
            pair(x, y)

    if normal:
        min_hi = min(bounds[c["id"]][1] for c in normal)
        max_lo = max(bounds[c["id"]][0] for c in normal)
        if min_hi < max_lo:
            disagreement = True
    if retro and current:
        min_hi = min(bounds[c["id"]][1] for c in current)
        max_lo = max(bounds[c["id"]][0] for c in current)
        for r in retro:
            lo, hi = bounds[r["id"]]
            if min_hi < lo or max_lo > hi:
                disagreement = True
                break
        if not disagreement and _restated_any(retro, current):
            disagreement = True

    # Superseded: some current figure published strictly later disagrees.
    superseded = set(c["id"] for c in retro)
    later_min_hi, later_max_lo = math.inf, -math.inf
    by_date = defaultdict(list)
    for c in current:
        by_date[c.get("published") or ""].append(c)
    for published in sorted(by_date, reverse=True):
        group = by_date[published]
        for c in group:
            lo, hi = bounds[c["id"]]
            if later_min_hi < lo or later_max_lo > hi:
                superseded.add(c["id"])
        for c in group:
            lo, hi = bounds[c["id"]]
            later_min_hi, later_max_lo = min(later_min_hi, hi), max(later_max_lo, lo)

    return verdict(claims, conflicts, superseded, disagreement)


def _restated_any(retro, current):
    """compare._restated for some (earlier, current) pair. Going back from the
    latest date, the first two different figures published on or after each date
    are all it takes to know."""
    by_date = defaultdict(list)
    for c in current:
        by_date[c.get("published") or ""].append((c.get("value_low"), c.get("value_high")))
    dates = sorted(by_date)
    seen, from_date = [], {}
    for d in reversed(dates):
        for pair in by_date[d]:
            if len(seen) < 2 and pair not in seen:
                seen.append(pair)
        from_date[d] = list(seen)
    for r in retro:
        i = bisect.bisect_left(dates, r.get("published") or "")
        if i < len(dates) and any(pair != (r.get("value_low"), r.get("value_high")) for pair in from_date[dates[i]]):
            return True
    return False


STATS_SQL = """
select count(*), count(distinct claims.article_id), count(distinct articles.outlet),
  min(coalesce(value_low, value_high)), max(coalesce(value_high, value_low)),
  min(articles.published), max(articles.published)
from claims join articles on articles.id = claims.article_id
where claims.measure_id = ?
"""

CELLS_SQL = """
insert into measure_cells
  (measure_id, outlet, published, claims, articles, min_value, max_value, retrospective, conflicting)
select claims.measure_id, articles.outlet, articles.published, count(*), count(distinct claims.article_id),
  min(coalesce(value_low, value_high)), max(coalesce(value_high, value_low)),
  sum(claims.retrospective), sum(claims.status like 'conflicts%')
from claims join articles on articles.id = claims.article_id
where claims.measure_id = ?
group by articles.published, articles.outlet
order by articles.published, articles.outlet
"""


class ClaimRow:
    """A claim as assessment reads it (`row["id"]`, `row.get("outlet")`), in a
    third of a dict's memory: the largest line-ups hold 100,000 claims. Its
    repeated strings (outlets, dates, statuses) are shared."""

    __slots__ = CLAIM_COLUMNS

    def __init__(self, values):
        for column, value in zip(CLAIM_COLUMNS, values):
            setattr(self, column, sys.intern(value) if type(value) is str else value)

    def __getitem__(self, key):
        return getattr(self, key)

    def get(self, key, default=None):
        return getattr(self, key, default)


def measure_claims(db, measure_id):
    return [
        ClaimRow(row)
        for row in db.execute(
            """select claims.id, value_low, value_high, qualifier, retrospective, articles.outlet,
              articles.published, claims.status, claims.attribution, claims.unit
            from claims join articles on articles.id = claims.article_id
            where measure_id = ? order by claims.id""",
            [measure_id],
        )
    ]


def refresh_measures(db, measure_ids):
    """Recompute the stored aggregates of the given measures and delete those
    left with no claims. The caller holds the transaction."""
    for measure_id in measure_ids:
        db.execute("delete from measure_cells where measure_id = ?", [measure_id])
        stats = db.execute(STATS_SQL, [measure_id]).fetchone()
        if not stats[0]:
            db.execute("delete from measures where id = ?", [measure_id])
            continue
        claims = measure_claims(db, measure_id)
        assessment, statuses = assess_claims(claims)
        changed = [(statuses[c["id"]], c["id"]) for c in claims if c["status"] != statuses[c["id"]]]
        db.conn.executemany("update claims set status = ? where id = ?", changed)
        db.execute(CELLS_SQL, [measure_id])
        count, articles, outlets, low, high, first, last = stats
        spread = (high / low) if low and high and low > 0 else None
        db["measures"].update(
            measure_id,
            {
                "claims_count": count,
                "articles_count": articles,
                "outlets_count": outlets,
                "min_value": low,
                "max_value": high,
                "spread": spread,
                "first_published": first,
                "last_published": last,
                "assessment": assessment,
                "order_key": dblayer.order_key(assessment, outlets, spread, count, measure_id),
            },
        )
