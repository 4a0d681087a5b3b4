"""Corrections a user makes to the automatic grouping, kept across reloads.

A corrections file (YAML or JSON) says what to change:

    rename:
      people-killed-fire: People killed by the fire
    merge:
      - into: people-killed-fire
        measures: [dead-blaze-county]
    split:
      - from: km-border-distance
        claims: [57]
        label: Distance from the coast
    move:
      - claim: 61
        to: people-missing-sheriff

`datasette discrepancy regroup DB --config FILE` stores the file's
corrections in the `measure_corrections` table (replacing earlier ones) and
applies them; every later load applies them again, so they survive reloads.
Claims are remembered by article source and position, not by id, because a
changed article's claims get new ids.
"""
import json
from collections import Counter
from typing import List, Set

import yaml

from . import grouping

ACTIONS = ("rename", "merge", "split", "move")


class CorrectionError(Exception):
    """A corrections file that cannot be applied; the message says why."""


def parse(text: str, source: str = "corrections") -> dict:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        raise CorrectionError("{}: not valid YAML or JSON ({})".format(source, str(e).splitlines()[0]))
    if not isinstance(data, dict):
        raise CorrectionError("{}: expected a mapping with keys {}".format(source, ", ".join(ACTIONS)))
    unknown = set(data) - set(ACTIONS)
    if unknown:
        raise CorrectionError(
            "{}: unknown key {}; use {}".format(source, ", ".join(sorted(unknown)), ", ".join(ACTIONS))
        )
    rename = data.get("rename") or {}
    if not isinstance(rename, dict) or not all(isinstance(v, str) and v.strip() for v in rename.values()):
        raise CorrectionError("{}: rename maps a measure slug to its new label".format(source))
    for key, fields in (("merge", ("into", "measures")), ("split", ("from", "claims")), ("move", ("claim", "to"))):
        items = data.get(key) or []
        if not isinstance(items, list) or not all(isinstance(i, dict) and all(f in i for f in fields) for i in items):
            raise CorrectionError("{}: each {} entry needs {}".format(source, key, " and ".join(fields)))
    return {
        "rename": rename,
        "merge": data.get("merge") or [],
        "split": data.get("split") or [],
        "move": data.get("move") or [],
    }


def ensure_table(db):
    if not db["measure_corrections"].exists():
        db["measure_corrections"].create({"id": int, "action": str, "payload": str}, pk="id")


def _claim_key(db, claim_id) -> dict:
    row = db.execute(
        """select articles.source, claims.span_start, claims.text from claims
           join articles on articles.id = claims.article_id where claims.id = ?""",
        [claim_id],
    ).fetchone()
    if row is None:
        raise CorrectionError("no claim with id {}; see the claims table for ids".format(claim_id))
    return {"source": row[0], "span_start": row[1], "text": row[2]}


def _measure_id(db, slug, required=True):
    row = db.execute("select id from measures where slug = ?", [slug]).fetchone()
    if row is None and required:
        raise CorrectionError("no measure with slug {!r}; see the measures table for slugs".format(slug))
    return row[0] if row else None


def store(db, corrections: dict):
    """Check a parsed corrections file against the database and replace the
    stored corrections with it. Claim ids are turned into lasting keys."""
    ensure_table(db)
    rows = []
    for slug, label in sorted(corrections["rename"].items()):
        _measure_id(db, slug)
        rows.append(("rename", {"slug": slug, "label": label.strip()}))
    for item in corrections["merge"]:
        _measure_id(db, item["into"])
        for slug in item["measures"]:
            _measure_id(db, slug)
        rows.append(("merge", {"into": item["into"], "measures": list(item["measures"])}))
    for item in corrections["split"]:
        _measure_id(db, item["from"])
        claims = [_claim_key(db, c) for c in item["claims"]]
        label = item.get("label") or "{} (split)".format(item["from"])
        rows.append(("split", {"from": item["from"], "claims": claims, "label": label,
                               "slug": grouping.slugify(item.get("slug") or label)}))
    for item in corrections["move"]:
        _measure_id(db, item["to"])
        rows.append(("move", {"claim": _claim_key(db, item["claim"]), "to": item["to"]}))
    db.execute("delete from measure_corrections")
    db["measure_corrections"].insert_all(
        ({"action": action, "payload": json.dumps(payload, sort_keys=True)} for action, payload in rows), pk="id"
    )


def _claim_ids(db, key) -> List[int]:
    return [
        r[0]
        for r in db.execute(
            """select claims.id from claims join articles on articles.id = claims.article_id
               where articles.source = ? and claims.span_start = ? and claims.text = ?""",
            [key["source"], key["span_start"], key["text"]],
        )
    ]


def _merge_grouping_state(db, target_id, source_id):
    rows = {
        r[0]: json.loads(r[1] or "{}")
        for r in db.execute("select id, grouping from measures where id in (?, ?)", [target_id, source_id])
    }
    target, source = rows.get(target_id, {}), rows.get(source_id, {})
    centroid = Counter(target.get("centroid", {}))
    centroid.update(source.get("centroid", {}))
    lows = [v for v in (target.get("low"), source.get("low")) if v is not None]
    highs = [v for v in (target.get("high"), source.get("high")) if v is not None]
    state = {
        "centroid": dict(centroid.most_common(80)),
        "size": target.get("size", 0) + source.get("size", 0),
        "low": min(lows) if lows else None,
        "high": max(highs) if highs else None,
    }
    db.execute("update measures set grouping = ? where id = ?", [json.dumps(state, sort_keys=True), target_id])


def apply(db) -> Set[int]:
    """Apply the stored corrections; return the ids of measures they changed."""
    if not db["measure_corrections"].exists():
        return set()
    touched = set()
    for action, payload in db.execute("select action, payload from measure_corrections order by id").fetchall():
        item = json.loads(payload)
        if action == "rename":
            measure_id = _measure_id(db, item["slug"], required=False)
            if measure_id:
                db.execute("update measures set label = ? where id = ?", [item["label"], measure_id])
        elif action == "merge":
            target = _measure_id(db, item["into"], required=False)
            for slug in item["measures"]:
                source = _measure_id(db, slug, required=False)
                if target and source and source != target:
                    db.execute("update claims set measure_id = ? where measure_id = ?", [target, source])
                    _merge_grouping_state(db, target, source)
                    touched |= {target, source}
        elif action == "split":
            source = _measure_id(db, item["from"], required=False)
            target = _measure_id(db, item["slug"], required=False)
            if target is None and source is not None:
                row = db.execute(
                    "select unit, story_id, unit_family, past_year from measures where id = ?", [source]
                ).fetchone()
                target = db["measures"].insert(
                    {"slug": item["slug"], "label": item["label"], "unit": row[0], "story_id": row[1],
                     "unit_family": row[2], "past_year": row[3]}
                ).last_pk
            for key in item["claims"]:
                for claim_id in _claim_ids(db, key):
                    old = db.execute("select measure_id from claims where id = ?", [claim_id]).fetchone()[0]
                    if old != target:
                        db.execute("update claims set measure_id = ? where id = ?", [target, claim_id])
                        touched |= {t for t in (old, target) if t}
        elif action == "move":
            target = _measure_id(db, item["to"], required=False)
            for claim_id in _claim_ids(db, item["claim"]):
                old = db.execute("select measure_id from claims where id = ?", [claim_id]).fetchone()[0]
                if target and old != target:
                    db.execute("update claims set measure_id = ? where id = ?", [target, claim_id])
                    touched |= {t for t in (old, target) if t}
    return touched
