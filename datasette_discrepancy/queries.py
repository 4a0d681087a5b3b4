"""The read queries the pages run, against a Datasette Database object.

Every query is served by an index (see tests/test_query_plans.py), and pages
are keyset-paginated: `after` is the sort key of the last row of the previous
page (measures.order_key for the index, claims.sort_key for a line-up), so
page 1,000 costs what page 1 does.
"""

MEASURE_FIELDS = (
    "id, slug, label, unit, claims_count as claims, articles_count as articles, "
    "outlets_count as outlets, min_value as min, max_value as max, spread, assessment, "
    "first_published, last_published"
)

# Most disputed first: conflicting, then revised, then consistent; then by how
# many outlets report it and how far apart the figures are.
MEASURE_ORDER = """
  case assessment when 'conflicting' then 0 when 'revised' then 1 else 2 end,
  outlets_count desc, coalesce(spread, 1) desc, claims_count desc, id
"""


async def measures(db, assessment=None, unit=None, limit=100, offset=0, after=None, with_key=False):
    """Measures in index order (MEASURE_ORDER, stored as measures.order_key),
    after the given order_key. Measures whose aggregates are not computed
    yet (a load is running) are left out."""
    where, params = ["order_key > :after"], {"after": after or ""}
    if assessment:
        where.append("assessment = :assessment")
        params["assessment"] = assessment
    if unit:
        where.append("unit = :unit")
        params["unit"] = unit
    sql = "select {}{} from measures where {} order by order_key limit :limit offset :offset".format(
        MEASURE_FIELDS, ", order_key" if with_key else "", " and ".join(where)
    )
    params.update(limit=limit, offset=offset)
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def measure_facets(db):
    assessments = await db.execute(
        "select assessment as value, count(*) as count from measures group by assessment order by count desc"
    )
    units = await db.execute(
        "select unit as value, count(*) as count from measures group by unit order by count desc, unit limit 30"
    )
    return {
        "assessment": [dict(r) for r in assessments.rows],
        "unit": [dict(r) for r in units.rows],
    }


async def measure(db, slug):
    rows = (await db.execute("select {} from measures where slug = ?".format(MEASURE_FIELDS), [slug])).rows
    return dict(rows[0]) if rows else None


CLAIM_FIELDS = """
  claims.id, claims.article_id, articles.outlet, articles.published, articles.headline,
  claims.value_low, claims.value_high, claims.qualifier, claims.unit, claims.text,
  claims.sentence, claims.attribution, claims.retrospective, claims.boilerplate,
  claims.span_start, claims.span_end, claims.origin_article_id
"""


async def measure_claims(db, measure_id, limit=100, offset=0, after=None):
    """A line-up's claims in order (published, outlet, article, position:
    claims.sort_key, returned as `sort_key`), after the given sort key."""
    sql = """select {}, claims.status, claims.sort_key
      from claims join articles on articles.id = claims.article_id
      where claims.measure_id = :measure_id and claims.sort_key > :after
      order by claims.sort_key
      limit :limit offset :offset""".format(
        CLAIM_FIELDS
    )
    params = {"measure_id": measure_id, "after": after or "", "limit": limit, "offset": offset}
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def claim_statuses(db, measure_id, limit=-1):
    """{claim id: stored status} for a line-up's first `limit` claims in order."""
    sql = """select id, status from claims where measure_id = ? and sort_key > ''
      order by sort_key limit ?"""
    return {r[0]: r[1] or "agrees" for r in (await db.execute(sql, [measure_id, limit])).rows}


async def measure_cells(db, measure_id):
    """The stored outlet x date cells of a line-up (what its table and chart draw):
    claims, articles, min_value, max_value, retrospective and conflicting counts."""
    sql = """select outlet, published, claims, articles, min_value, max_value, retrospective, conflicting
      from measure_cells where measure_id = ? order by published, outlet"""
    return [dict(r) for r in (await db.execute(sql, [measure_id])).rows]


async def measure_claims_for_assessment(db, measure_id):
    sql = """select claims.id, value_low, value_high, qualifier, retrospective, articles.outlet, articles.published,
      claims.attribution, claims.unit
      from claims join articles on articles.id = claims.article_id
      where claims.measure_id = ? order by articles.published, claims.id"""
    return [dict(r) for r in (await db.execute(sql, [measure_id])).rows]


async def article(db, article_id):
    rows = (
        await db.execute(
            "select id, source, outlet, published, url, headline, body from articles where id = ?", [article_id]
        )
    ).rows
    return dict(rows[0]) if rows else None


async def article_claims(db, article_id):
    sql = """select claims.id, claims.span_start, claims.span_end, claims.text, claims.value_low,
        claims.value_high, claims.qualifier, claims.unit, claims.attribution, claims.retrospective,
        claims.boilerplate, measures.slug as measure, measures.label as measure_label
      from claims left join measures on measures.id = claims.measure_id
      where claims.article_id = ? order by claims.span_start"""  # index (article_id, span_start)
    return [dict(r) for r in (await db.execute(sql, [article_id])).rows]


async def figure_sources(db, measure_id):
    """{(value_low, value_high): independent sources} for a measure's figures:
    claims whose passage was copied from one article count as one source.
    Served by the covering index on claims(measure_id, value_low, value_high,
    origin_article_id)."""
    sql = """select value_low, value_high, count(distinct coalesce(origin_article_id, article_id)) as sources
      from claims where measure_id = ? group by value_low, value_high"""
    return {(r["value_low"], r["value_high"]): r["sources"] for r in (await db.execute(sql, [measure_id])).rows}


WIRE_COPY_LIMIT = 20  # a wire story can be reprinted thousands of times: list the first


async def shared_passages(db, article_id):
    """Which articles this one reprints from, and which reprint it, with how
    many paragraphs each (both directions use an index on passages)."""
    if "passages" not in await db.table_names():
        return {"copied_from": [], "copied_by": [], "reprinted_by_articles": 0}
    sql = """select passages.{other} as article_id, articles.outlet, articles.published, articles.headline,
        count(*) as passages
      from passages join articles on articles.id = passages.{other}
      where passages.{this} = :id and passages.article_id != passages.origin_article_id
      group by passages.{other} order by passages.{other} limit :limit"""
    params = {"id": article_id, "limit": WIRE_COPY_LIMIT}
    copied_from = await db.execute(sql.format(this="article_id", other="origin_article_id"), params)
    copied_by = await db.execute(sql.format(this="origin_article_id", other="article_id"), params)
    reprints = (await db.execute(
        "select count(distinct article_id) from passages where origin_article_id = :id and article_id != :id",
        {"id": article_id},
    )).first()[0]
    return {
        "copied_from": [dict(r) for r in copied_from.rows],
        "copied_by": [dict(r) for r in copied_by.rows],
        "reprinted_by_articles": reprints,
    }
