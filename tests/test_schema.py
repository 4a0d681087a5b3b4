"""The schema contract users write SQL against."""
import sqlite_utils


def test_tables_and_columns(seed_db_path):
    db = sqlite_utils.Database(seed_db_path)
    assert set(db["articles"].columns_dict) >= {"id", "source", "outlet", "published", "url", "headline", "body"}
    assert set(db["claims"].columns_dict) >= {
        "id", "article_id", "span_start", "span_end", "text", "value_low", "value_high",
        "qualifier", "unit", "measure_id", "sentence", "attribution",
    }
    assert set(db["measures"].columns_dict) >= {"id", "slug", "label", "unit"}
    fks = {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys}
    assert fks == {("article_id", "articles"), ("measure_id", "measures")}
    indexed = {tuple(i.columns) for i in db["claims"].indexes}
    assert ("article_id",) in indexed and ("measure_id",) in indexed
    assert any(i.unique and i.columns == ["slug"] for i in db["measures"].indexes)
    assert "claims_detail" in db.view_names()


def test_every_span_holds_its_text(seed_db_path):
    db = sqlite_utils.Database(seed_db_path)
    bad = list(
        db.query(
            "select claims.id from claims join articles on articles.id = claims.article_id "
            "where substr(body, span_start + 1, span_end - span_start) != text"
        )
    )
    assert bad == []
    assert db["claims"].count > 30


def claim_values(db, text):
    return {
        (r["value_low"], r["value_high"], r["qualifier"], r["unit"])
        for r in db.query("select * from claims where text = ?", [text])
    }


def test_the_figures_the_story_turns_on(seed_db_path):
    db = sqlite_utils.Database(seed_db_path)
    assert (800, 1000, "range", "troops") in claim_values(db, "800 to 1,000")
    assert (5200, 5200, "exact", "troops") in claim_values(db, "5,200")
    assert (2100, 2100, "exact", "troops") in claim_values(db, "2,100")
    # "a caravan of mostly Hondurans, estimated to number between 3,500 and 7,000": the people
    # the article says the caravan is made of
    assert claim_values(db, "between 3,500 and 7,000") == {(3500, 7000, "range", "migrants")}
    assert claim_values(db, "more than 7,000") == {(7000, None, "more_than", "migrants")}
    assert claim_values(db, "800 or more") == {(800, None, "at_least", "troops")}


def test_dates_and_photo_counts_are_not_claims(seed_db_path):
    db = sqlite_utils.Database(seed_db_path)
    texts = {r["text"] for r in db.query("select text from claims")}
    assert not texts & {"2018", "22", "21", "18", "34", "2016", "Oct. 22, 2018"}
    assert not any(r["value_low"] in (2016, 2018) for r in db.query("select value_low from claims"))


def test_measures_have_url_safe_unique_slugs(seed_db_path):
    import re

    db = sqlite_utils.Database(seed_db_path)
    slugs = [r["slug"] for r in db.query("select slug from measures")]
    assert slugs and len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", s) for s in slugs)


def test_claims_detail_view_joins_outlets_and_measures(seed_db_path):
    db = sqlite_utils.Database(seed_db_path)
    rows = list(db.query("select outlet, published, value_low, measure from claims_detail where text = '2,092'"))
    assert len(rows) == 1
    assert rows[0]["outlet"] == "Global News" and rows[0]["published"] == "2018-10-29"
    assert rows[0]["measure"]
