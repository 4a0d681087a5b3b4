"""A measure's line-up: every outlet's figure for one quantity, by date."""
from datasette.utils.asgi import NotFound, Response

from .. import queries
from ..compare import assess
from .common import SLUG_RE, BadRequest, error_response, links, page_offset, page_size, resolve_database, with_arg
from .lineup_figures import lineup_csv, lineup_figures


async def lineup_view(datasette, request):
    slug = request.url_vars["slug"]
    try:
        name, db = await resolve_database(datasette, request)
        size, offset = page_size(request), page_offset(request)
    except BadRequest as e:
        return error_response(datasette, request, str(e), 400)
    if not SLUG_RE.match(slug):
        raise NotFound("No measure called {}".format(slug))
    measure = await queries.measure(db, slug)
    if measure is None:
        raise NotFound("No measure called {}".format(slug))
    claims = await queries.measure_claims(db, measure["id"], limit=size + 1, offset=offset)
    next_token = str(offset + size) if len(claims) > size else None
    claims = claims[:size]
    _, statuses = assess(await queries.measure_claims_for_assessment(db, measure["id"]))
    urls = links(datasette, name)
    for claim in claims:
        claim["status"] = statuses.get(claim["id"], "agrees")
        claim["article_url"] = urls["article"](claim["article_id"]) + "#claim-{}".format(claim["id"])
    measure_json = dict(measure, url=urls["measure"](slug))
    if request.url_vars.get("format") == ".json":
        return Response.json({"database": name, "measure": measure_json, "claims": claims, "next": next_token})
    if request.url_vars.get("format") == ".csv":
        return await lineup_csv(datasette, request, db, measure, statuses, urls)
    return Response.html(
        await datasette.render_template(
            "discrepancy_lineup.html",
            {
                "database": name,
                "measure": measure_json,
                "claims": claims,
                "links": urls,
                "next_url": with_arg(request, "_next", next_token) if next_token else None,
                "json_url": urls["measure"](slug) + ".json",
                **(await lineup_figures(db, measure, statuses, urls)),
            },
            request=request,
        )
    )
