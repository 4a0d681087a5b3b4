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
from .compare import (DEFAULT_APPROX_TOLERANCE, DEFAULT_WINDOW_DAYS, _date, assess, earlier_figures, interval, source,
                      source_key)
from .units import convert_figure

# Below this many claims the pairwise compare.assess is quick enough.
PAIRWISE_MAX = 12

CLAIM_COLUMNS = ("id", "value_low", "value_high", "qualifier", "retrospective", "outlet", "published", "status",
                 "attribution", "unit")


def assess_claims(claims, window_days=DEFAULT_WINDOW_DAYS, approx_tolerance=DEFAULT_APPROX_TOLERANCE):
    """(assessment, {claim id: status}): the same as compare.assess (claim
    ids are unique, as in the claims table)."""
    if len(claims) <= PAIRWISE_MAX or window_days != 1:
        return assess(claims, window_days, approx_tolerance)
    result = assess_columns(
        [c["id"] for c in claims],
        [c.get("value_low") for c in claims],
        [c.get("value_high") for c in claims],
        [c.get("qualifier") for c in claims],
        [c.get("unit") for c in claims],
        [c.get("retrospective") for c in claims],
        [source(c) for c in claims],
        [c.get("published") for c in claims],
        [c.get("outlet") for c in claims],
        approx_tolerance,
    )
    return assess(claims, window_days, approx_tolerance) if result is None else result


def assess_columns(ids, lows, highs, qualifiers, units, retrospectives, sources, published, outlets,
                   approx_tolerance=DEFAULT_APPROX_TOLERANCE):
    """assess_claims (window of one day) of claims given column by column, or
    None when only the pairwise compare.assess will do (a date not in
    YYYY-MM-DD form, a NaN bound)."""
    for day in set(published):
        if day is not None and (_date(day) is None or _date(day).isoformat() != day):
            return None
    # many claims give the same figure: each distinct one is widened once
    intervals = {}
    bounds = []
    for key in zip(lows, highs, qualifiers, units):
        found = intervals.get(key)
        if found is None:
            found = intervals[key] = interval(
                {"value_low": key[0], "value_high": key[1], "qualifier": key[2], "unit": key[3]}, approx_tolerance
            )
            if found[0] != found[0] or found[1] != found[1]:  # NaN
                return None
        bounds.append(found)
    n = len(ids)
    retrospectives = earlier_figures(lows, highs, retrospectives, published, outlets)
    current = [i for i in range(n) if not retrospectives[i]]
    retro = [i for i in range(n) if retrospectives[i]]
    # Intervals with lo > hi (e.g. "less than 800" stored as 800/800) are
    # compared pairwise; for the rest, "b is incompatible with a" is exactly
    # one of b.hi < a.lo or b.lo > a.hi, so counting is two binary searches.
    inverted = [i for i in current if bounds[i][0] > bounds[i][1]]
    normal = [i for i in current if bounds[i][0] <= bounds[i][1]]

    conflicts = [0] * n
    disagreement = False

    def counter(group):
        his = sorted([bounds[i][1] for i in group])
        los = sorted([bounds[i][0] for i in group])
        size = len(los)

        def count(lo, hi):
            return bisect.bisect_left(his, lo) + (size - bisect.bisect_right(los, hi))

        return count

    # dates are canonical ISO or None: equal strings, same window
    by_day, by_day_source = defaultdict(list), defaultdict(list)
    for i in normal:
        day = published[i]
        if day is not None:
            by_day[day].append(i)
            by_day_source[(day, sources[i])].append(i)
    day_counters = {k: counter(g) for k, g in by_day.items()}
    for key, group in by_day_source.items():
        same_source = counter(group)
        all_sources = day_counters[key[0]]
        counted = {}  # claims of a group with the same bounds count the same
        for i in group:
            b = bounds[i]
            found = counted.get(b)
            if found is None:
                found = counted[b] = all_sources(*b) - same_source(*b)
            conflicts[i] += found

    def pair(a, b):
        nonlocal disagreement
        a_lo, a_hi = bounds[a]
        b_lo, b_hi = bounds[b]
        if a_lo <= b_hi and b_lo <= a_hi:  # compatible
            return
        disagreement = True
        if sources[a] != sources[b] and published[a] is not None and published[a] == published[b]:
            conflicts[a] += 1
            conflicts[b] += 1

    for x, a in enumerate(inverted):
        for b in normal:
            pair(a, b)
        for b in inverted[x + 1 :]:
            pair(a, b)

    if normal:
        min_hi = min(bounds[i][1] for i in normal)
        max_lo = max(bounds[i][0] for i in normal)
        if min_hi < max_lo:
            disagreement = True
    if retro and current:
        min_hi = min(bounds[i][1] for i in current)
        max_lo = max(bounds[i][0] for i in current)
        for r in retro:
            lo, hi = bounds[r]
            if min_hi < lo or max_lo > hi:
                disagreement = True
                break
        if not disagreement and _restated_any(retro, current, lows, highs, published):
            disagreement = True

    # Superseded: some current figure published strictly later disagrees.
    superseded = set(retro)
    later_min_hi, later_max_lo = math.inf, -math.inf
    by_date = defaultdict(list)
    for i in current:
        by_date[published[i] or ""].append(i)
    for day in sorted(by_date, reverse=True):
        group = by_date[day]
        for i in group:
            lo, hi = bounds[i]
            if later_min_hi < lo or later_max_lo > hi:
                superseded.add(i)
        for i in group:
            lo, hi = bounds[i]
            later_min_hi, later_max_lo = min(later_min_hi, hi), max(later_max_lo, lo)

    # as compare.verdict words it
    statuses = {}
    for i, claim_id in enumerate(ids):
        if conflicts[i]:
            statuses[claim_id] = "conflicts with {}".format(conflicts[i])
        elif i in superseded:
            statuses[claim_id] = "superseded"
        else:
            statuses[claim_id] = "agrees"
    if any(conflicts):
        return "conflicting", statuses
    if disagreement:
        return "revised", statuses
    return "consistent", statuses


def _restated_any(retro, current, lows, highs, published):
    """compare._restated for some (earlier, current) pair of claim indexes. Going
    back from the latest date, the first two different figures published on or
    after each date are all it takes to know; for an earlier range, the lowest
    and highest figure published on or after its date (a figure inside it
    restates nothing: compare._narrowed)."""
    by_date = defaultdict(list)
    for i in current:
        by_date[published[i] or ""].append((lows[i], highs[i]))
    dates = sorted(by_date)
    seen, from_date = [], {}
    # (lowest figure, highest figure, whether one has none) on or after each date
    lowest, highest, bare = math.inf, -math.inf, False
    spans = {}
    for d in reversed(dates):
        for pair in by_date[d]:
            if len(seen) < 2 and pair not in seen:
                seen.append(pair)
            values = [v for v in pair if v is not None]
            if values:
                lowest, highest = min(lowest, *values), max(highest, *values)
            else:
                bare = True
        from_date[d] = list(seen)
        spans[d] = (lowest, highest, bare)
    for r in retro:
        at = bisect.bisect_left(dates, published[r] or "")
        if at == len(dates):
            continue
        low, high = lows[r], highs[r]
        if low is not None and high is not None and low < high:
            lowest_after, highest_after, bare_after = spans[dates[at]]
            if bare_after or lowest_after < low or highest_after > high:
                return True
        elif any(pair != (low, high) for pair in from_date[dates[at]]):
            return True
    return False


# A measure's range and cells are in the measure's own unit: a figure given in
# another unit of the same quantity (km in a line-up of miles) is converted by
# discrepancy_convert; other units ("residents" in a line-up of "people") count alike.
_LOW = "coalesce(value_low, value_high)"
_HIGH = "coalesce(value_high, value_low)"
_LOW_CONVERTED = "discrepancy_convert(coalesce(value_low, value_high), claims.unit, :unit)"
_HIGH_CONVERTED = "discrepancy_convert(coalesce(value_high, value_low), claims.unit, :unit)"

STATS_SQL = """
select count(*), count(distinct claims.article_id), count(distinct articles.outlet),
  min({low}), max({high}), min(articles.published), max(articles.published)
from claims join articles on articles.id = claims.article_id
where claims.measure_id = :measure_id
"""

CELLS_SQL = """
insert into measure_cells
  (measure_id, outlet, published, claims, articles, min_value, max_value, retrospective, conflicting)
select claims.measure_id, articles.outlet, articles.published, count(*), count(distinct claims.article_id),
  min({low}), max({high}), sum(claims.retrospective), sum(claims.status like 'conflicts%')
from claims join articles on articles.id = claims.article_id
where claims.measure_id = :measure_id
group by articles.published, articles.outlet
order by articles.published, articles.outlet
"""

MIXED_UNITS_SQL = """
select measures.unit from measures where measures.id = :measure_id and measures.unit is not null and exists (
  select 1 from claims where claims.measure_id = :measure_id and claims.unit is not measures.unit)
"""


def in_unit(value, unit, to_unit):
    """`value` (in `unit`) in the measure's unit `to_unit` where the two convert, else as it is."""
    converted = convert_figure(value, unit, to_unit)
    return value if converted is None else converted


def _in_unit(sql, converted):
    return sql.format(low=_LOW_CONVERTED if converted else _LOW, high=_HIGH_CONVERTED if converted else _HIGH)


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


def _assess_measure(db, measure_id):
    """(assessment, {claim id: status}, [(claim id, stored status)]) of a
    measure. Its claims are read column by column, strings shared; only a
    line-up the fast path cannot assess is held as rows."""
    columns = [[] for _ in CLAIM_COLUMNS]
    ids, lows, highs, qualifiers, retrospectives, outlets, published, stored, attributions, units = columns
    intern = sys.intern
    for row in db.execute(
        """select claims.id, value_low, value_high, qualifier, retrospective, articles.outlet,
          articles.published, claims.status, claims.attribution, claims.unit
        from claims join articles on articles.id = claims.article_id
        where measure_id = ? order by claims.id""",
        [measure_id],
    ):
        ids.append(row[0])
        lows.append(row[1])
        highs.append(row[2])
        qualifiers.append(row[3] if row[3] is None else intern(row[3]))
        retrospectives.append(row[4])
        outlets.append(row[5] if row[5] is None else intern(row[5]))
        published.append(row[6] if row[6] is None else intern(row[6]))
        stored.append(row[7] if row[7] is None else intern(row[7]))
        attributions.append(row[8] if row[8] is None else intern(row[8]))
        units.append(row[9] if row[9] is None else intern(row[9]))
    result = None
    if len(ids) > PAIRWISE_MAX:
        sources = [source_key(outlet, attribution) for outlet, attribution in zip(outlets, attributions)]
        result = assess_columns(ids, lows, highs, qualifiers, units, retrospectives, sources, published, outlets)
    if result is None:
        result = assess([ClaimRow(values) for values in zip(*columns)])
    return result[0], result[1], list(zip(ids, stored))


def refresh_measures(db, measure_ids):
    """Recompute the stored aggregates of the given measures and delete those
    left with no claims. The caller holds the transaction."""
    db.conn.create_function("discrepancy_convert", 3, in_unit, deterministic=True)
    for measure_id in measure_ids:
        db.execute("delete from measure_cells where measure_id = ?", [measure_id])
        mixed = db.execute(MIXED_UNITS_SQL, {"measure_id": measure_id}).fetchone()
        params = {"measure_id": measure_id, "unit": mixed[0] if mixed else None}
        stats = db.execute(_in_unit(STATS_SQL, mixed), params).fetchone()
        if not stats[0]:
            db.execute("delete from measures where id = ?", [measure_id])
            continue
        assessment, statuses, stored = _assess_measure(db, measure_id)
        changed = [(statuses[i], i) for i, status in stored if status != statuses[i]]
        db.conn.executemany("update claims set status = ? where id = ?", changed)
        db.execute(_in_unit(CELLS_SQL, mixed), params)
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
