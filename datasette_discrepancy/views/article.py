"""An article with every figure highlighted and linked to its line-up."""
from datasette.utils.asgi import NotFound, Response

from .. import queries
from .common import links, resolve_database


async def article_view(datasette, request):
    raw_id = request.url_vars["article_id"]
    name, db = await resolve_database(datasette, request)
    if not (raw_id.isascii() and raw_id.isdigit()) or len(raw_id) > 18:
        raise NotFound("No article {}".format(raw_id))
    article = await queries.article(db, int(raw_id))
    if article is None:
        raise NotFound("No article {}".format(raw_id))
    claims = await queries.article_claims(db, article["id"])
    shared = await queries.shared_passages(db, article["id"])
    urls = links(datasette, name)
    if request.url_vars.get("format") == ".json":
        return Response.json({"database": name, "article": article, "claims": claims, "wire_copy": shared})
    return Response.html(
        await datasette.render_template(
            "discrepancy_article.html",
            {
                "database": name,
                "article": article,
                "segments": highlight_segments(article["body"], claims),
                "claims": claims,
                "shared": shared,
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
