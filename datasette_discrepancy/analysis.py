"""What happens after articles are written: each article joins a story, and
its claims join measures (grouping.py), article by article in id order.

Runs inside the load's transaction, so articles, claims, stories and
measures are committed together. What grouping must remember between loads
(story word profiles, measure centroids) is kept in the database, so a later
load continues exactly where the earlier one stopped.
"""
import json
from collections import Counter
from typing import Dict, Iterable, List, Set

from . import grouping, regroup, stories, syndication

CENTROID_TERMS = 80  # a measure remembers its most weighted words


def ensure_tables(db):
    regroup.ensure_table(db)
    if not db["stories"].exists():
        db["stories"].create(
            {"id": int, "first_published": str, "last_published": str, "articles": int, "profile": str},
            pk="id",
        )
        db["stories"].create_index(["last_published"])
    if "story_id" not in db["articles"].columns_dict:
        db["articles"].add_column("story_id", int)
    columns = db["measures"].columns_dict
    for column, type_ in (("story_id", int), ("unit_family", str), ("past_year", str), ("grouping", str)):
        if column not in columns:
            db["measures"].add_column(column, type_)
    if not any(i.columns == ["story_id", "unit_family"] for i in db["measures"].indexes):
        db["measures"].create_index(["story_id", "unit_family"], if_not_exists=True)
    if "origin_article_id" not in db["claims"].columns_dict:
        db["claims"].add_column("origin_article_id", int)
        # independent sources behind each figure of a line-up, from the index alone
        db["claims"].create_index(
            ["measure_id", "value_low", "value_high", "origin_article_id"], if_not_exists=True
        )
    if not db["passages"].exists():
        db["passages"].create(
            {"id": int, "article_id": int, "span_start": int, "span_end": int, "origin_article_id": int},
            pk="id",
            foreign_keys=[("article_id", "articles", "id"), ("origin_article_id", "articles", "id")],
        )
        db["passages"].create_index(["article_id"])
        db["passages"].create_index(["origin_article_id"])
        db["passage_bands"].create({"band": int, "passage_id": int}, foreign_keys=[("passage_id", "passages", "id")])
        db["passage_bands"].create_index(["band"])
        db["passage_bands"].create_index(["passage_id"])
    if "shared_passages" not in db.view_names():
        db.create_view("shared_passages", SHARED_PASSAGES_VIEW)


# Which articles reprint passages first published in another: wire copy.
SHARED_PASSAGES_VIEW = """
select
  passages.article_id,
  copy.outlet,
  passages.origin_article_id as copied_from_article_id,
  origin.outlet as copied_from_outlet,
  count(*) as passages
from passages
  join articles copy on copy.id = passages.article_id
  join articles origin on origin.id = passages.origin_article_id
where passages.origin_article_id != passages.article_id
group by passages.article_id, passages.origin_article_id
"""


# ------------------------------------------------------------------ syndication

CANDIDATES_PER_BAND = 20  # the oldest copies are enough to find the origin


def _passage_text(db, article_id, start, end) -> str:
    row = db.execute(
        "select substr(body, ? + 1, ? - ?) from articles where id = ?", [start, end, start, article_id]
    ).fetchone()
    return row[0] if row else ""


def find_origin(db, article_id: int, passage: syndication.Passage):
    """The article that first published a near-copy of this passage, if any."""
    checked = set()
    for band in passage.bands:
        rows = db.execute(
            """select passages.id, passages.article_id, passages.span_start, passages.span_end,
                 passages.origin_article_id
               from passage_bands join passages on passages.id = passage_bands.passage_id
               where passage_bands.band = ? and passages.article_id != ?
               order by passages.id limit ?""",
            [band, article_id, CANDIDATES_PER_BAND],
        ).fetchall()
        for passage_id, other_article, start, end, origin in rows:
            if passage_id in checked:
                continue
            checked.add(passage_id)
            other = syndication.shingles(_passage_text(db, other_article, start, end))
            if syndication.is_copy(passage.shingles, other):
                return origin
    return None


def record_passages(db, article_id: int, body: str):
    """Fingerprint the article's passages and mark each claim with the
    article its passage first appeared in (its own, unless copied)."""
    db.execute(
        "delete from passage_bands where passage_id in (select id from passages where article_id = ?)", [article_id]
    )
    db.execute("delete from passages where article_id = ?", [article_id])
    db.execute("update claims set origin_article_id = ? where article_id = ?", [article_id, article_id])
    for passage in syndication.passages(body):
        origin = find_origin(db, article_id, passage) or article_id
        passage_id = db["passages"].insert(
            {"article_id": article_id, "span_start": passage.start, "span_end": passage.end, "origin_article_id": origin}
        ).last_pk
        db["passage_bands"].insert_all({"band": band, "passage_id": passage_id} for band in passage.bands)
        if origin != article_id:
            db.execute(
                "update claims set origin_article_id = ? where article_id = ? and span_start >= ? and span_end <= ?",
                [origin, article_id, passage.start, passage.end],
            )


# ------------------------------------------------------------------ stories


def _story_from_row(row) -> stories.Story:
    return stories.Story(
        id=row["id"],
        first_published=row["first_published"],
        last_published=row["last_published"],
        articles=row["articles"],
        profile=Counter(json.loads(row["profile"] or "{}")),
    )


def _candidate_stories(db, published) -> List[stories.Story]:
    if published:
        rows = db.execute(
            """select * from stories where last_published is null
               or (last_published >= date(:p, '-{d} days') and first_published <= date(:p, '+{d} days'))""".format(
                d=stories.WINDOW_DAYS
            ),
            {"p": published},
        )
    else:
        rows = db.execute("select * from stories")
    columns = [c[0] for c in rows.description]
    return [_story_from_row(dict(zip(columns, r))) for r in rows]


def _save_story(db, story: stories.Story):
    db["stories"].upsert(
        {
            "id": story.id,
            "first_published": story.first_published,
            "last_published": story.last_published,
            "articles": story.articles,
            "profile": json.dumps(dict(story.profile.most_common(stories.PROFILE_TERMS)), sort_keys=True),
        },
        pk="id",
    )


def assign_story(db, article) -> int:
    vector = stories.article_vector(article["body"] or "")
    story = stories.best_story(vector, article["published"], _candidate_stories(db, article["published"]))
    if story is None:
        story = stories.Story(id=article["id"])
    story.add(vector, article["published"])
    _save_story(db, story)
    db.execute("update articles set story_id = ? where id = ?", [story.id, article["id"]])
    return story.id


# ------------------------------------------------------------------ measures


def _measure_from_row(row) -> grouping.Measure:
    state = json.loads(row["grouping"] or "{}")
    return grouping.Measure(
        key=row["id"],
        block=(row["story_id"], row["unit_family"], row["past_year"]),
        centroid=Counter(state.get("centroid", {})),
        size=state.get("size", 0),
        low=state.get("low"),
        high=state.get("high"),
    )


def _grouping_state(measure: grouping.Measure) -> str:
    centroid = {t: round(w, 4) for t, w in measure.centroid.most_common(CENTROID_TERMS)}
    return json.dumps(
        {"centroid": centroid, "size": measure.size, "low": measure.low, "high": measure.high}, sort_keys=True
    )


def _block_measures(db, blocks) -> List[grouping.Measure]:
    measures = []
    for story_id, family, past_year in sorted(blocks, key=repr):
        rows = db.execute(
            "select * from measures where story_id = ? and unit_family = ? and past_year is ? order by id",
            [story_id, family, past_year],
        )
        columns = [c[0] for c in rows.description]
        measures.extend(_measure_from_row(dict(zip(columns, r))) for r in rows)
    return measures


def _unique_slug(db, label: str) -> str:
    base = grouping.slugify(label)
    slug, n = base, 1
    while db.execute("select 1 from measures where slug = ?", [slug]).fetchone():
        n += 1
        slug = "{}-{}".format(base, n)
    return slug


CLAIM_COLUMNS = (
    "claims.id, claims.article_id, claims.text, claims.unit, claims.noun_phrase, claims.context, "
    "claims.sentence, claims.value_low, claims.value_high, claims.qualifier, claims.retrospective, "
    "claims.canonical_low, claims.canonical_high"
)


def group_article(db, article_id: int, story_id: int, published) -> Set[int]:
    rows = db.execute(
        "select {} from claims where article_id = ? order by span_start, id".format(CLAIM_COLUMNS), [article_id]
    )
    columns = [c[0] for c in rows.description]
    claims = [dict(zip(columns, r), story=story_id, published=published) for r in rows]
    blocks = {grouping.block_of(c) for c in claims} - {None}
    measures = _block_measures(db, blocks)
    before = {m.key: (m.size, dict(m.centroid)) for m in measures}
    keys = grouping.assign_article(claims, measures)
    new_ids: Dict[int, int] = {}
    for measure in measures:
        if measure.key < 0:
            members = [c for c, k in zip(claims, keys) if k == measure.key]
            label, unit = grouping.measure_label(members)
            row = {
                "slug": _unique_slug(db, label),
                "label": label,
                "unit": unit,
                "story_id": measure.block[0],
                "unit_family": measure.block[1],
                "past_year": measure.block[2],
                "grouping": _grouping_state(measure),
            }
            new_ids[measure.key] = db["measures"].insert(row).last_pk
            measure.key = new_ids[measure.key]
        elif (measure.size, dict(measure.centroid)) != before.get(measure.key):
            db["measures"].update(measure.key, {"grouping": _grouping_state(measure)})
    touched = set()
    for claim, key in zip(claims, keys):
        measure_id = new_ids.get(key, key)
        db.execute("update claims set measure_id = ? where id = ?", [measure_id, claim["id"]])
        if measure_id is not None:
            touched.add(measure_id)
    return touched


def update(db, article_ids: Iterable[int]) -> Set[int]:
    """Give the given (new or changed) articles a story and their claims a
    measure. Returns the ids of every measure whose claims changed."""
    ensure_tables(db)
    touched = set()
    for article_id in sorted(article_ids):
        row = db.execute("select id, body, published, story_id from articles where id = ?", [article_id]).fetchone()
        if row is None:
            continue
        article = {"id": row[0], "body": row[1], "published": row[2]}
        # a changed article stays in its story
        story_id = row[3] if row[3] is not None else assign_story(db, article)
        touched |= group_article(db, article_id, story_id, article["published"])
        record_passages(db, article_id, article["body"] or "")
    # the user's corrections (datasette discrepancy regroup) outlast reloads
    touched |= regroup.apply(db)
    return touched
