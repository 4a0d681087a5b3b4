"""What happens after articles are written: claims are grouped into measures.

Runs inside the load's transaction, so articles, claims and their measures
are committed together.
"""
from dataclasses import asdict

from . import db as dblayer
from .grouping import measure_for

CLAIM_GROUPING_COLUMNS = "id, article_id, unit, noun_phrase, context, value_low, value_high, retrospective"


def update(db, article_ids):
    """Assign measures to the claims of the given (new or changed) articles.
    Returns the ids of every measure whose claims changed."""
    touched = set()
    for article_id in article_ids:
        claims = [
            dict(zip(CLAIM_GROUPING_COLUMNS.split(", "), row))
            for row in db.execute(
                "select {} from claims where article_id = ? order by id".format(CLAIM_GROUPING_COLUMNS),
                [article_id],
            )
        ]
        keys = [measure_for(c) for c in claims]
        # first-appearance order, so measure ids never depend on hashing
        ids = dblayer.measure_ids(db, [asdict(k) for k in dict.fromkeys(k for k in keys if k)])
        for claim, key in zip(claims, keys):
            if key:
                db.execute("update claims set measure_id = ? where id = ?", [ids[key.slug], claim["id"]])
                touched.add(ids[key.slug])
    return touched
