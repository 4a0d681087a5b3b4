"""What every page shares: finding the database, permission checks, paging
parameters, error responses and the links between pages."""
import base64
import re

from datasette.utils import path_with_replaced_args, tilde_decode
from datasette.utils.asgi import NotFound, Response

from ..config import reports_on
from ..permissions import ensure_can_view

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


async def resolve_database(datasette, request):
    """The database named in the URL, after permission checks, or a 404."""
    name = tilde_decode(request.url_vars["database"])
    if name not in datasette.databases or not reports_on(datasette, name):
        raise NotFound("Database not found: {}".format(name))
    await ensure_can_view(datasette, request.actor, name)
    if not await has_discrepancy_tables(datasette, name):
        raise NotFound(
            "{} has no articles, claims and measures tables: load articles with `datasette discrepancy load`".format(
                name
            )
        )
    return name, datasette.get_database(name)


def page_size(request):
    raw = request.args.get("_size")
    if raw is None:
        return DEFAULT_PAGE_SIZE
    if raw == "max":
        return MAX_PAGE_SIZE
    if not (raw.isascii() and raw.isdigit()) or not (1 <= int(raw) <= MAX_PAGE_SIZE):
        raise BadRequest("_size must be a whole number from 1 to {}".format(MAX_PAGE_SIZE))
    return int(raw)


def page_offset(request):
    raw = request.args.get("_next")
    if raw is None:
        return 0
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise BadRequest("_next must be the token given by the previous page")
    return int(raw)


TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,800}$")


def next_token(key):
    """The `next` token for a keyset page: the last row's sort key, URL-safe."""
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii").rstrip("=")


def page_after(request):
    """The sort key a keyset page starts after (from `_next`), or None."""
    raw = request.args.get("_next")
    if raw is None:
        return None
    if not TOKEN_RE.match(raw):
        raise BadRequest("_next must be the token given by the previous page")
    try:
        return base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode("utf-8")
    except ValueError:  # bad base64 or not UTF-8
        raise BadRequest("_next must be the token given by the previous page")


class BadRequest(Exception):
    pass


def error_response(datasette, request, message, status):
    if request.url_vars.get("format") == ".json":
        return Response.json({"ok": False, "error": message, "status": status}, status=status)
    return Response.text(message, status=status)


def links(datasette, database):
    base = datasette.urls.database(database)
    return {
        "index": base + "/-/discrepancies",
        "measure": lambda slug: base + "/-/discrepancies/" + slug,
        "article": lambda article_id: base + "/-/discrepancies-article/{}".format(article_id),
        "database": base,
    }


def with_arg(request, key, value, drop=()):
    """This page's path with one query argument set (or removed, for None)."""
    replacements = {k: None for k in drop}
    replacements[key] = value
    return path_with_replaced_args(request, replacements)
