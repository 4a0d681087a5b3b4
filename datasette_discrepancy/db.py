"""The database layer: schema, migrations and writes, all through sqlite-utils."""
import sqlite_utils

SCHEMA_VERSION = 2
# A writer or reader waits this long for a lock rather than fail with
# "database is locked" (WAL makes waits rare: readers never block the writer).
BUSY_TIMEOUT_MS = 60_000

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
    # Stored for the line-up page: its order (published, outlet, article,
    # position; unique, the keyset for paging) and the claim's status in the
    # measure's assessment ("agrees", "superseded", "conflicts with N").
    "sort_key": str,
    "status": str,
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
    # The index page's order (most disputed first) as one sortable string,
    # the keyset for paging; null until the measure's aggregates are computed.
    "order_key": str,
}

# One row per measure x outlet x date: what the line-up's table and chart draw.
CELL_COLUMNS = {
    "measure_id": int,
    "outlet": str,
    "published": str,
    "claims": int,
    "articles": int,
    "min_value": float,
    "max_value": float,
    "retrospective": int,
    "conflicting": int,
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
    db.execute("pragma busy_timeout = {}".format(BUSY_TIMEOUT_MS))
    # WAL lets `datasette` read while a load writes; with WAL, synchronous=normal
    # still survives a killed process (only a power cut can lose the last commit).
    db.enable_wal()
    db.execute("pragma synchronous = normal")
    db.execute("pragma foreign_keys = on")
    ensure_schema(db)
    return db


def sort_key(published, outlet, article_id, span_start, claim_id) -> str:
    """The line-up order of a claim as one string that sorts the same way."""
    return "{}\x1f{}\x1f{:012d}\x1f{:010d}\x1f{:012d}".format(
        published or "", outlet or "", article_id, span_start or 0, claim_id
    )


ASSESSMENT_RANK = {"conflicting": 0, "revised": 1}


def order_key(assessment, outlets, spread, claims, measure_id) -> str:
    """The index order (conflicting, revised, then the rest; more outlets,
    wider spread, more claims first; then id) as one ascending string."""
    spread = 1.0 if spread is None else min(max(float(spread), 0.0), 9.99e9)
    spread_desc = "".join(str(9 - int(c)) if c.isdigit() else c for c in "{:020.9f}".format(spread))
    return "{}.{:010d}.{}.{:010d}.{:012d}".format(
        ASSESSMENT_RANK.get(assessment, 2), 9_999_999_999 - (outlets or 0), spread_desc,
        9_999_999_999 - (claims or 0), measure_id
    )


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
        if not db["measure_cells"].exists():
            db["measure_cells"].create(CELL_COLUMNS, foreign_keys=[("measure_id", "measures", "id")])
        if not db["dirty_measures"].exists():
            # Measures whose aggregates wait to be recomputed: written in the
            # same transaction as the claims that changed them, cleared in the
            # one that recomputes them, so a killed load loses no update.
            db["dirty_measures"].create({"measure_id": int}, pk="measure_id")
        added = {}
        for name, columns in (
            ("articles", ARTICLE_COLUMNS),
            ("claims", CLAIM_COLUMNS),
            ("measures", MEASURE_COLUMNS),
        ):
            existing = db[name].columns_dict
            for column, type_ in columns.items():
                if column not in existing:
                    db[name].add_column(column, type_)
                    added.setdefault(name, set()).add(column)
        for table, columns in INDEXES:
            db[table].create_index(columns, if_not_exists=True)
        if "sort_key" in added.get("claims", ()):
            _backfill_sort_keys(db)
        if added.get("measures") or added.get("claims"):
            db.execute("insert or ignore into dirty_measures select id from measures")
        if "claims_detail" not in db.view_names():
            db.create_view("claims_detail", CLAIMS_DETAIL_VIEW)
    if not db["articles_fts"].exists():
        db["articles"].enable_fts(["headline", "body"], create_triggers=True)
    if not db["claims_fts"].exists():
        db["claims"].enable_fts(["sentence", "text"], create_triggers=True)
    with db.atomic():
        _narrow_fts_update_triggers(db)
    # stories, passages and grouping state: created with the rest, so a
    # reader never sees the schema change once a load is under way
    from .analysis import ensure_tables

    ensure_tables(db)
    if db.execute("pragma user_version").fetchone()[0] != SCHEMA_VERSION:
        db.execute("pragma user_version = {}".format(SCHEMA_VERSION))


# Every query a page runs is served by one of these (tests/test_query_plans.py),
INDEXES = [
    ("claims", ["measure_id", "sort_key"]),  # a line-up page, in order
    ("claims", ["article_id", "span_start"]),  # an article page, in order
    ("measures", ["order_key"]),  # the index page
    ("measures", ["assessment", "order_key"]),  # ... filtered by assessment
    ("measures", ["unit", "order_key"]),  # ... filtered by unit
    # and the loader's: a story's measures of one kind, and the earlier events they name
    ("measures", ["story_id", "unit_family", "past_year"]),
    ("measure_cells", ["measure_id", "published", "outlet"]),
]

FTS_COLUMNS = {"articles": ["headline", "body"], "claims": ["sentence", "text"]}


def _narrow_fts_update_triggers(db):
    """sqlite-utils' FTS triggers fire on any UPDATE; re-create them to fire
    only when an indexed column changes, so setting a claim's measure or status
    does not rewrite the full-text index."""
    for table, columns in FTS_COLUMNS.items():
        name = "{}_au".format(table)
        row = db.execute("select sql from sqlite_master where type = 'trigger' and name = ?", [name]).fetchone()
        if row is None or " update of " in row[0].lower():
            continue
        cols = ", ".join('"{}"'.format(c) for c in columns)
        old = ", ".join('old."{}"'.format(c) for c in columns)
        new = ", ".join('new."{}"'.format(c) for c in columns)
        db.execute('drop trigger "{}"'.format(name))
        db.execute(
            """create trigger "{name}" after update of {cols} on "{table}" begin
  insert into "{table}_fts" ("{table}_fts", rowid, {cols}) values('delete', old.rowid, {old});
  insert into "{table}_fts" (rowid, {cols}) values (new.rowid, {new});
end""".format(name=name, cols=cols, table=table, old=old, new=new)
        )


def _backfill_sort_keys(db):
    rows = db.execute(
        "select claims.id, articles.published, articles.outlet, claims.article_id, claims.span_start "
        "from claims join articles on articles.id = claims.article_id"
    ).fetchall()
    db.conn.executemany(
        "update claims set sort_key = ? where id = ?",
        ((sort_key(pub, outlet, aid, start, cid), cid) for cid, pub, outlet, aid, start in rows),
    )


def article_state(db, source):
    """(id, content_hash, story_id) of the article loaded from source, or None."""
    return db.execute("select id, content_hash, story_id from articles where source = ?", [source]).fetchone()


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


def replace_article(db, article: dict):
    """Rewrite a stored article: the caller holds the transaction and inserts
    its new claims. The article keeps its id; its old claims go."""
    db.execute("delete from claims where article_id = ?", [article["id"]])
    db["articles"].upsert(article, pk="id")


def insert_rows(db, table, rows: list):
    """Insert rows (dicts with the same keys): the caller holds the transaction.

    The rows go into a temporary table first, then into the table in one
    statement: FTS5 writes out its pending terms at every statement, so rows
    inserted one statement each (executemany) would leave a tiny full-text
    segment per row for the triggers' index to write and merge, several times
    the cost of the insert itself.
    """
    if not rows:
        return
    keys = list(rows[0])
    columns = ", ".join("[{}]".format(c) for c in keys)
    stage = "temp.[load_{}]".format(table)
    # no column types: values keep their own until the table's affinity applies
    db.execute("create table {} ({})".format(stage, columns))
    db.conn.executemany(
        "insert into {} values ({})".format(stage, ", ".join("?" * len(keys))), [[row[c] for c in keys] for row in rows]
    )
    db.execute("insert into [{}] ({}) select {} from {} order by rowid".format(table, columns, columns, stage))
    db.execute("drop table {}".format(stage))


def mark_dirty(db, measure_ids):
    """Queue measures for refresh_measures (in the caller's transaction)."""
    db.conn.executemany("insert or ignore into dirty_measures (measure_id) values (?)", [(m,) for m in measure_ids])


def dirty_measure_ids(db):
    return [r[0] for r in db.execute("select measure_id from dirty_measures order by measure_id")]


def clear_dirty(db, measure_ids):
    db.conn.executemany("delete from dirty_measures where measure_id = ?", [(m,) for m in measure_ids])


# Every query a page runs is served by one of these (tests/test_query_plans.py),
