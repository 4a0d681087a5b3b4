"""A measure's line-up: every outlet's figure for one quantity, by date."""
from datasette.utils.asgi import NotFound, Response

from .. import config, queries
from ..compare import assess
from .common import SLUG_RE, BadRequest, error_response, links, next_token, page_after, page_size, resolve_database, with_arg
from .lineup_figures import FIGURES_LIMIT, lineup_csv, lineup_figures


async def lineup_view(datasette, request):
    slug = request.url_vars["slug"]
    try:
        name, db = await resolve_database(datasette, request)
        size, after = page_size(request), page_after(request)
    except BadRequest as e:
        return error_response(datasette, request, str(e), 400)
    if not SLUG_RE.match(slug):
        raise NotFound("No measure called {}".format(slug))
    measure = await queries.measure(db, slug)
    if measure is None:
        raise NotFound("No measure called {}".format(slug))
    claims = await queries.measure_claims(db, measure["id"], limit=size + 1, after=after)
    keys = [claim.pop("sort_key") for claim in claims]
    token = next_token(keys[size - 1]) if len(claims) > size else None
    claims = claims[:size]
    settings = config.settings(datasette, name)
    if settings.is_default:  # the statuses stored at load time apply: no scan of all claims
        assessment = measure["assessment"]
        is_csv = request.url_vars.get("format") == ".csv"
        statuses = await queries.claim_statuses(db, measure["id"], limit=-1 if is_csv else FIGURES_LIMIT)
        statuses.update((claim["id"], claim["status"] or "agrees") for claim in claims)
    else:
        assessment, statuses = assess(
            await queries.measure_claims_for_assessment(db, measure["id"]), settings.window_days, settings.approx_tolerance
        )
    urls = links(datasette, name)
    sources = await queries.figure_sources(db, measure["id"])
    for claim in claims:
        origin = claim.pop("origin_article_id")
        claim["copied_from_article_id"] = origin if origin not in (None, claim["article_id"]) else None
        claim["independent_sources"] = sources.get((claim["value_low"], claim["value_high"]), 1)
        claim["status"] = statuses.get(claim["id"], "agrees")
        claim["article_url"] = urls["article"](claim["article_id"]) + "#claim-{}".format(claim["id"])
    measure_json = dict(measure, url=urls["measure"](slug))
    if not settings.is_default:  # the stored assessment used the defaults
        measure_json["assessment"] = assessment
    if request.url_vars.get("format") == ".json":
        return Response.json({"database": name, "measure": measure_json, "claims": claims, "next": token})
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
                "next_url": with_arg(request, "_next", token) if token else None,
                "json_url": urls["measure"](slug) + ".json",
                **(await lineup_figures(db, measure, statuses, urls)),
            },
            request=request,
        )
    )
