"""The measures index: every quantity counted across articles, most disputed first."""
from datasette.utils.asgi import Response

from .. import queries
from .common import BadRequest, error_response, links, page_offset, page_size, resolve_database, with_arg


async def index_view(datasette, request):
    try:
        name, db = await resolve_database(datasette, request)
        size, offset = page_size(request), page_offset(request)
    except BadRequest as e:
        return error_response(datasette, request, str(e), 400)
    assessment = request.args.get("assessment") or None
    unit = request.args.get("unit") or None
    rows = await queries.measures(db, assessment=assessment, unit=unit, limit=size + 1, offset=offset)
    urls = links(datasette, name)
    measures = [dict(row, url=urls["measure"](row["slug"])) for row in rows[:size]]
    next_token = str(offset + size) if len(rows) > size else None
    facets = await queries.measure_facets(db)
    if request.url_vars.get("format") == ".json":
        return Response.json(
            {
                "database": name,
                "measures": measures,
                "next": next_token,
                "filters": {"assessment": assessment, "unit": unit},
                "counts": facets,
            }
        )
    return Response.html(
        await datasette.render_template(
            "discrepancy_index.html",
            {
                "database": name,
                "measures": measures,
                "next_url": with_arg(request, "_next", next_token) if next_token else None,
                "assessment": assessment,
                "unit": unit,
                "facets": facets,
                "links": urls,
                "filter_url": lambda key, value: with_arg(request, key, value, drop=("_next",)),
            },
            request=request,
        )
    )
