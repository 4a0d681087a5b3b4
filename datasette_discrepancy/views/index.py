"""The measures index: every quantity counted across articles, most disputed first."""
from datasette.utils.asgi import Response

from .. import config, queries, reassess
from .common import (
    BadRequest, error_response, links, next_token, page_after, page_offset, page_size, resolve_database, with_arg
)


async def index_view(datasette, request):
    try:
        name, db = await resolve_database(datasette, request)
        settings = config.settings(datasette, name)
        size = page_size(request)
        # keyset paging on the stored order; offsets when reassessing in memory
        after, offset = (page_after(request), 0) if settings.is_default else (None, page_offset(request))
    except BadRequest as e:
        return error_response(datasette, request, str(e), 400)
    assessment = request.args.get("assessment") or None
    unit = request.args.get("unit") or None
    if settings.is_default:  # the assessments stored at load time apply
        rows = await queries.measures(db, assessment=assessment, unit=unit, limit=size + 1, after=after, with_key=True)
        facets = await queries.measure_facets(db)
        keys = [row.pop("order_key") for row in rows]
        token = next_token(keys[size - 1]) if len(rows) > size else None
    else:
        rows, facets = await reassess.measures_and_facets(
            datasette, name, db, settings, assessment=assessment, unit=unit, limit=size + 1, offset=offset
        )
        token = str(offset + size) if len(rows) > size else None
    urls = links(datasette, name)
    measures = [dict(row, url=urls["measure"](row["slug"])) for row in rows[:size]]
    if request.url_vars.get("format") == ".json":
        return Response.json(
            {
                "database": name,
                "measures": measures,
                "next": token,
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
                "next_url": with_arg(request, "_next", token) if token else None,
                "assessment": assessment,
                "unit": unit,
                "facets": facets,
                "links": urls,
                "filter_url": lambda key, value: with_arg(request, key, value, drop=("_next",)),
            },
            request=request,
        )
    )
