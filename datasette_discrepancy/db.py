"""The database layer: schema, migrations and writes, all through sqlite-utils."""
import sqlite_utils

SCHEMA_VERSION = 1

ARTICLE_COLUMNS = {
    "id": int,
    "source": str,
    "outlet": str,
    "published": str,
    "url": str,
    "headline": str,
    "body": str,
    "content_hash": str,
}

CLAIM_COLUMNS = {
    "id": int,
    "article_id": int,
    "span_start": int,
    "span_end": int,
    "text": str,
    "value_low": float,
    "value_high": float,
    "qualifier": str,
    "unit": str,
    "measure_id": int,
    "sentence": str,
    "attribution": str,
    "retrospective": int,
    "boilerplate": int,
    "canonical_unit": str,
    "canonical_low": float,
    "canonical_high": float,
    "noun_phrase": str,
    "context": str,  # words around the figure, for grouping
}

MEASURE_COLUMNS = {
    "id": int,
    "slug": str,
    "label": str,
    "unit": str,
    # Aggregates the pages need, kept up to date at load time
    "claims_count": int,
    "articles_count": int,
    "outlets_count": int,
    "min_value": float,
    "max_value": float,
    "spread": float,
    "first_published": str,
    "last_published": str,
    "assessment": str,
}

CLAIMS_DETAIL_VIEW = """
select
  claims.id as claim_id,
  articles.id as article_id,
  articles.outlet,
  articles.published,
  measures.slug as measure,
  measures.label as measure_label,
  claims.value_low,
  claims.value_high,
  claims.qualifier,
  claims.unit,
  claims.text,
  claims.attribution,
  claims.retrospective,
  claims.boilerplate,
  claims.sentence,
  articles.headline,
  articles.source
from claims
  join articles on articles.id = claims.article_id
  left join measures on measures.id = claims.measure_id
"""


def open_database(path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    # WAL lets `datasette` read while a load writes.
    db.enable_wal()
    db.execute("pragma foreign_keys = on")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database):
    """Create the tables if absent; add any missing columns (a migration)."""
    with db.atomic():
        if not db["measures"].exists():
            db["measures"].create(MEASURE_COLUMNS, pk="id", not_null={"slug"})
            db["measures"].create_index(["slug"], unique=True)
        if not db["articles"].exists():
            db["articles"].create(ARTICLE_COLUMNS, pk="id", not_null={"source", "body"})
            db["articles"].create_index(["source"], unique=True)
            db["articles"].create_index(["outlet"])
            db["articles"].create_index(["published"])
        if not db["claims"].exists():
            db["claims"].create(
                CLAIM_COLUMNS,
                pk="id",
                foreign_keys=[("article_id", "articles", "id"), ("measure_id", "measures", "id")],
            )
            db["claims"].create_index(["article_id"])
            db["claims"].create_index(["measure_id"])
            db["claims"].create_index(["unit"])
        for name, columns in (
            ("articles", ARTICLE_COLUMNS),
            ("claims", CLAIM_COLUMNS),
            ("measures", MEASURE_COLUMNS),
        ):
            existing = db[name].columns_dict
            for column, type_ in columns.items():
                if column not in existing:
                    db[name].add_column(column, type_)
        if "claims_detail" not in db.view_names():
            db.create_view("claims_detail", CLAIMS_DETAIL_VIEW)
    if not db["articles_fts"].exists():
        db["articles"].enable_fts(["headline", "body"], create_triggers=True)
    if not db["claims_fts"].exists():
        db["claims"].enable_fts(["sentence", "text"], create_triggers=True)
    db.execute("pragma user_version = {}".format(SCHEMA_VERSION))


def article_hashes(db) -> dict:
    return {row[0]: (row[1], row[2]) for row in db.execute("select source, id, content_hash from articles")}


def article_measure_ids(db, article_id):
    return [
        r[0]
        for r in db.execute(
            "select distinct measure_id from claims where article_id = ? and measure_id is not null",
            [article_id],
        )
    ]


def next_id(db, table) -> int:
    return (db.execute("select coalesce(max(id), 0) from [{}]".format(table)).fetchone()[0]) + 1


def measure_ids(db, measures) -> dict:
    """Upsert measures by slug (keeping existing ids); return slug -> id."""
    ids = {}
    for measure in measures:
        row = db.execute("select id from measures where slug = ?", [measure["slug"]]).fetchone()
        if row:
            ids[measure["slug"]] = row[0]
        else:
            new_id = next_id(db, "measures")
            db["measures"].insert(dict(measure, id=new_id))
            ids[measure["slug"]] = new_id
    return ids


def replace_article(db, article: dict, claims: list):
    """Write an article and its claims together: the caller holds the transaction.

    An article already in the database keeps its id; its old claims go.
    """
    db.execute("delete from claims where article_id = ?", [article["id"]])
    db["articles"].upsert(article, pk="id")
    if claims:
        db["claims"].insert_all(claims, pk="id")


def refresh_measure_stats(db, measure_ids=None, assess=None):
    """Recompute the stored aggregates of the given measures (all if None) and
    delete measures left with no claims."""
    if measure_ids is None:
        measure_ids = [r[0] for r in db.execute("select id from measures")]
    for measure_id in measure_ids:
        stats = db.execute(
            """
            select count(*), count(distinct claims.article_id), count(distinct articles.outlet),
              min(coalesce(value_low, value_high)), max(coalesce(value_high, value_low)),
              min(articles.published), max(articles.published)
            from claims join articles on articles.id = claims.article_id
            where claims.measure_id = ?
            """,
            [measure_id],
        ).fetchone()
        if not stats[0]:
            db.execute("delete from measures where id = ?", [measure_id])
            continue
        count, articles, outlets, low, high, first, last = stats
        spread = (high / low) if low and high and low > 0 else None
        values = {
            "claims_count": count,
            "articles_count": articles,
            "outlets_count": outlets,
            "min_value": low,
            "max_value": high,
            "spread": spread,
            "first_published": first,
            "last_published": last,
        }
        if assess is not None:
            values["assessment"] = assess(db, measure_id)
        db["measures"].update(measure_id, values)
