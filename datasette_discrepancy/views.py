"""The plugin's pages: the measures index, a measure's line-up, an article."""
import re

from datasette.utils import path_with_replaced_args, tilde_decode
from datasette.utils.asgi import NotFound, Response

from . import queries
from .compare import assess
from .permissions import ensure_can_view

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
ASSESSMENT_ORDER = {"conflicting": 0, "revised": 1, "consistent": 2}
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000


async def has_discrepancy_tables(datasette, database_name):
    db = datasette.databases.get(database_name)
    if db is None:
        return False
    tables = set(await db.table_names())
    return {"articles", "claims", "measures"} <= tables


async def _database(datasette, request):
    """The database named in the URL, after permission checks, or a 404."""
    name = tilde_decode(request.url_vars["database"])
    if name not in datasette.databases:
        raise NotFound("Database not found: {}".format(name))
    await ensure_can_view(datasette, request.actor, name)
    if not await has_discrepancy_tables(datasette, name):
        raise NotFound(
            "{} has no articles, claims and measures tables: load articles with `datasette discrepancy load`".format(
                name
            )
        )
    return name, datasette.get_database(name)


def _page_size(request):
    raw = request.args.get("_size")
    if raw is None:
        return DEFAULT_PAGE_SIZE
    if raw == "max":
        return MAX_PAGE_SIZE
    if not raw.isdigit() or not (1 <= int(raw) <= MAX_PAGE_SIZE):
        raise BadRequest("_size must be a whole number from 1 to {}".format(MAX_PAGE_SIZE))
    return int(raw)


def _offset(request):
    raw = request.args.get("_next")
    if raw is None:
        return 0
    if not raw.isdigit() or len(raw) > 12:
        raise BadRequest("_next must be the token given by the previous page")
    return int(raw)


class BadRequest(Exception):
    pass


def _error(datasette, request, message, status):
    if request.url_vars.get("format") == ".json":
        return Response.json({"ok": False, "error": message, "status": status}, status=status)
    return Response.text(message, status=status)


def _urls(datasette, database):
    base = datasette.urls.database(database)
    return {
        "index": base + "/-/discrepancies",
        "measure": lambda slug: base + "/-/discrepancies/" + slug,
        "article": lambda article_id: base + "/-/discrepancies-article/{}".format(article_id),
        "database": base,
    }


async def index_view(datasette, request):
    try:
        name, db = await _database(datasette, request)
        size, offset = _page_size(request), _offset(request)
    except BadRequest as e:
        return _error(datasette, request, str(e), 400)
    assessment = request.args.get("assessment") or None
    unit = request.args.get("unit") or None
    rows = await queries.measures(db, assessment=assessment, unit=unit, limit=size + 1, offset=offset)
    urls = _urls(datasette, name)
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
                "next_url": _with_arg(request, "_next", next_token) if next_token else None,
                "assessment": assessment,
                "unit": unit,
                "facets": facets,
                "links": urls,
                "filter_url": lambda key, value: _with_arg(request, key, value, drop=("_next",)),
            },
            request=request,
        )
    )


def _with_arg(request, key, value, drop=()):
    """This page's path with one query argument set (or removed, for None)."""
    replacements = {k: None for k in drop}
    replacements[key] = value
    return path_with_replaced_args(request, replacements)


async def lineup_view(datasette, request):
    slug = request.url_vars["slug"]
    try:
        name, db = await _database(datasette, request)
        size, offset = _page_size(request), _offset(request)
    except BadRequest as e:
        return _error(datasette, request, str(e), 400)
    if not SLUG_RE.match(slug):
        raise NotFound("No measure called {}".format(slug))
    measure = await queries.measure(db, slug)
    if measure is None:
        raise NotFound("No measure called {}".format(slug))
    claims = await queries.measure_claims(db, measure["id"], limit=size + 1, offset=offset)
    next_token = str(offset + size) if len(claims) > size else None
    claims = claims[:size]
    _, statuses = assess(await queries.measure_claims_for_assessment(db, measure["id"]))
    urls = _urls(datasette, name)
    for claim in claims:
        claim["status"] = statuses.get(claim["id"], "agrees")
        claim["article_url"] = urls["article"](claim["article_id"]) + "#claim-{}".format(claim["id"])
    measure_json = dict(measure, url=urls["measure"](slug))
    if request.url_vars.get("format") == ".json":
        return Response.json({"database": name, "measure": measure_json, "claims": claims, "next": next_token})
    return Response.html(
        await datasette.render_template(
            "discrepancy_lineup.html",
            {
                "database": name,
                "measure": measure_json,
                "claims": claims,
                "links": urls,
                "next_url": _with_arg(request, "_next", next_token) if next_token else None,
                "json_url": urls["measure"](slug) + ".json",
            },
            request=request,
        )
    )


async def article_view(datasette, request):
    raw_id = request.url_vars["article_id"]
    name, db = await _database(datasette, request)
    if not raw_id.isdigit() or len(raw_id) > 18:
        raise NotFound("No article {}".format(raw_id))
    article = await queries.article(db, int(raw_id))
    if article is None:
        raise NotFound("No article {}".format(raw_id))
    claims = await queries.article_claims(db, article["id"])
    urls = _urls(datasette, name)
    if request.url_vars.get("format") == ".json":
        return Response.json({"database": name, "article": article, "claims": claims})
    return Response.html(
        await datasette.render_template(
            "discrepancy_article.html",
            {
                "database": name,
                "article": article,
                "segments": highlight_segments(article["body"], claims),
                "claims": claims,
                "links": urls,
            },
            request=request,
        )
    )


def highlight_segments(body, claims):
    """Split a body into (text, claim-or-None) pieces for highlighting.
    Overlapping spans keep the first; the template escapes every piece."""
    segments, pos = [], 0
    for claim in sorted(claims, key=lambda c: (c["span_start"], -c["span_end"])):
        start, end = claim["span_start"], claim["span_end"]
        if start < pos or end > len(body):
            continue
        if start > pos:
            segments.append((body[pos:start], None))
        segments.append((body[start:end], claim))
        pos = end
    segments.append((body[pos:], None))
    return segments


ROUTES = [
    (r"^/(?P<database>[^/]+)/-/discrepancies(?P<format>\.json)?$", index_view),
    (r"^/(?P<database>[^/]+)/-/discrepancies/(?P<slug>[^/]+?)(?P<format>\.json)?$", lineup_view),
    (r"^/(?P<database>[^/]+)/-/discrepancies-article/(?P<article_id>[^/]+?)(?P<format>\.json)?$", article_view),
]
