"""What the line-up page draws above its claim list (the timeline chart and the
outlet x date table) and the line-up's CSV export.

Both are drawn from all of a measure's claims, while the claim list and its
JSON are paginated; a line-up of more than AGGREGATE_ABOVE claims is drawn
from the stored outlet x date cells instead (each the range of that outlet's
figures that day), so the largest line-up costs what a small one does.
"""
import csv
import io

from datasette.utils.asgi import Response

from .. import queries
from ..chart import figure_words, outlet_colours, timeline_svg
from ..units import convert_figure

FIGURES_LIMIT = 5000
AGGREGATE_ABOVE = 500

FIGURE_FIELDS = """
  claims.id, claims.article_id, articles.outlet, articles.published, articles.url as article_source_url,
  claims.value_low, claims.value_high, claims.qualifier, claims.unit, claims.text,
  claims.sentence, claims.attribution, claims.retrospective
"""

CSV_COLUMNS = (
    "claim_id",
    "published",
    "outlet",
    "text",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "attribution",
    "status",
    "sentence",
    "article_url",
    "claim_url",
)


async def figures(db, measure_id, limit=FIGURES_LIMIT):
    """All of a measure's claims (up to `limit`), in line-up order."""
    sql = """select {} from claims join articles on articles.id = claims.article_id
      where claims.measure_id = ?
      order by claims.sort_key  -- the same order, read from the index (measure_id, sort_key)
      limit ?""".format(
        FIGURE_FIELDS
    )
    return [dict(r) for r in (await db.execute(sql, [measure_id, limit])).rows]


def in_measure_unit(claims, unit):
    """Figures given in another unit of the measure's quantity ("1 1/2 miles" in a
    line-up of km) converted into its unit, so the chart and table compare like
    with like; the text as written stays with them."""
    for c in claims:
        if unit and c.get("unit") and c["unit"] != unit:
            low = convert_figure(c.get("value_low"), c["unit"], unit)
            high = convert_figure(c.get("value_high"), c["unit"], unit)
            if (low is None) == (c.get("value_low") is None) and (high is None) == (c.get("value_high") is None):
                c["value_low"], c["value_high"] = low, high
                c["converted_from"], c["unit"] = c["unit"], unit
    return claims


def outlet_date_table(claims):
    """Rows = outlets, columns = dates (undated last); each cell the outlet's
    figures that day, identical mentions merged (with a count).

    Returns {"dates": [date or None, ...], "rows": [{"outlet", "colour", "cells": [[entry, ...], ...]}]}
    where an entry is {"words", "text", "attribution", "retrospective",
    "conflicting", "status", "url", "count", "claim_ids"}.
    """
    colours = outlet_colours(claims)
    dates = sorted({c.get("published") for c in claims if c.get("published")})
    if any(not c.get("published") for c in claims):
        dates.append(None)
    column = {d: i for i, d in enumerate(dates)}
    rows = {o: {"outlet": o, "colour": colour, "cells": [[] for _ in dates]} for o, colour in colours.items()}
    merged = {}
    for c in claims:
        outlet = c.get("outlet") or "Unknown outlet"
        status = c.get("status") or "agrees"
        words = figure_words(c)
        if c.get("converted_from"):
            words += " (given in {})".format(c["converted_from"])   # converted; as written on hover
        key = (outlet, c.get("published") or None, words, c.get("attribution"), bool(c.get("retrospective")), status)
        if key in merged:
            merged[key]["count"] += c.get("mentions", 1)
            merged[key]["claim_ids"].append(c["id"])
            continue
        entry = {
            "words": words,
            "text": c.get("text"),
            "attribution": c.get("attribution"),
            "retrospective": bool(c.get("retrospective")),
            "conflicting": status.startswith("conflicts"),
            "status": status,
            "url": c.get("article_url"),
            "count": c.get("mentions", 1),
            "claim_ids": [c["id"]],
            "_sort": c.get("value_low") if c.get("value_low") is not None else c.get("value_high"),
        }
        merged[key] = entry
        rows[outlet]["cells"][column[c.get("published") or None]].append(entry)
    for row in rows.values():
        for cell in row["cells"]:
            cell.sort(key=lambda e: (e["retrospective"], e["_sort"] if e["_sort"] is not None else 0))
    return {"dates": dates, "rows": list(rows.values())}


def cell_as_figure(number, cell):
    """A stored outlet x date cell drawn like one claim: the range of that
    outlet's figures that day."""
    low, high = cell["min_value"], cell["max_value"]
    return {
        "id": -number,
        "outlet": cell["outlet"],
        "published": cell["published"],
        "value_low": low,
        "value_high": high,
        "qualifier": "range" if low != high else "exact",
        "text": "{:,} claim{}".format(cell["claims"], "" if cell["claims"] == 1 else "s"),
        "attribution": None,
        "retrospective": cell["retrospective"] == cell["claims"],
        "status": "conflicts with another outlet" if cell["conflicting"] else "agrees",
        "article_url": "#discrepancy-claims",  # the claim list below
        "mentions": cell["claims"],
    }


async def lineup_figures(db, measure, statuses, urls):
    """The template context for the chart and the table."""
    if measure["claims"] > AGGREGATE_ABOVE:
        cells = await queries.measure_cells(db, measure["id"])
        claims = [cell_as_figure(n, cell) for n, cell in enumerate(cells, 1)]
    else:
        claims = in_measure_unit(await figures(db, measure["id"]), measure.get("unit"))
        for c in claims:
            c["status"] = statuses.get(c["id"], "agrees")
            c["article_url"] = urls["article"](c["article_id"]) + "#claim-{}".format(c["id"])
    return {
        "figures_from_cells": measure["claims"] > AGGREGATE_ABOVE,
        "chart": timeline_svg(claims, unit=measure.get("unit"), title="{}: figures by date".format(measure["label"])),
        "outlet_table": outlet_date_table(claims),
        "figures_truncated": len(claims) >= FIGURES_LIMIT,
        "figures_limit": FIGURES_LIMIT,
        "csv_url": urls["measure"](measure["slug"]) + ".csv",
    }


def _cell(value):
    """A CSV cell; text a spreadsheet would run as a formula is prefixed with '."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


async def lineup_csv(datasette, request, db, measure, statuses, urls):
    """/{db}/-/discrepancies/{slug}.csv: every claim in the line-up, with the
    statuses the page shows (lineup_view computes them and calls this)."""
    slug = measure["slug"]
    claims = await figures(db, measure["id"], limit=-1)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for c in claims:
        path = urls["article"](c["article_id"]) + "#claim-{}".format(c["id"])
        writer.writerow(
            [
                c["id"],
                _cell(c["published"]),
                _cell(c["outlet"]),
                _cell(c["text"]),
                _cell(c["value_low"]),
                _cell(c["value_high"]),
                _cell(c["qualifier"]),
                _cell(c["unit"]),
                _cell(c["attribution"]),
                statuses.get(c["id"], "agrees"),
                _cell(c["sentence"]),
                _cell(c["article_source_url"]),
                datasette.absolute_url(request, path),
            ]
        )
    return Response(
        out.getvalue(),
        status=200,
        content_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="{}.csv"'.format(slug)},
    )
