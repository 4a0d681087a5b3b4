"""What happens after articles are written: each article joins a story, its
claims join measures (grouping.py), and its paragraphs are checked for wire
copy (syndication.py), article by article in id order.

The work that needs only the article itself (word vectors, paragraph
sketches, the words around each figure) is done by `prepare` in the loader's
worker processes; an Analyzer then does the rest in the writing process,
inside the load's transaction, so articles, claims, stories, measures and
passages are committed together. It works on the articles' claims before
they are written, so each claim row is inserted once, complete, rather than
inserted and then updated. What it must remember between loads (story
profiles, measure centroids, paragraph sketches) is kept in the database, and
cached in memory for the length of one load.
"""
import contextlib
import itertools
import json
from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Optional, Set

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
    if "names" not in db["stories"].columns_dict:
        db["stories"].add_column("names", str)
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
            {"id": int, "article_id": int, "span_start": int, "span_end": int, "origin_article_id": int,
             "sketch": str},
            pk="id",
            foreign_keys=[("article_id", "articles", "id"), ("origin_article_id", "articles", "id")],
        )
        db["passages"].create_index(["article_id"])
        db["passages"].create_index(["origin_article_id"])
        db["passage_bands"].create({"band": int, "passage_id": int}, foreign_keys=[("passage_id", "passages", "id")])
        db["passage_bands"].create_index(["passage_id"])
    # the oldest passages with a band come first from the index itself, however
    # many passages share it (wire copy reprinted thousands of times)
    db["passage_bands"].create_index(["band", "passage_id"], if_not_exists=True)
    if "sketch" not in db["passages"].columns_dict:
        db["passages"].add_column("sketch", str)
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


# ------------------------------------------------------------------ preparing


@dataclass
class Prepared:
    """What analysis needs from one article, computed where it was extracted."""

    vector: Dict[str, float]
    passages: List[syndication.Passage]
    claim_terms: List[Counter]
    # where each figure starts in its sentence: a sentence may give the same
    # figure twice ("arrests rose from 12 to 19, and 12 officers were hurt")
    sentence_offsets: List[int]


def claim_for_grouping(claim) -> dict:
    """An extract.Claim as the plain dict grouping reads."""
    return {
        "text": claim.text,
        "unit": claim.unit,
        "sentence": claim.sentence,
        "sentence_offset": claim.span_start - claim.sentence_start,
        "attribution": claim.attribution,
        "context": " ".join(claim.context or ()),
    }


def prepare(body: str, claims) -> Prepared:
    return Prepared(
        vector=stories.article_vector(body),
        passages=syndication.passages(body),
        claim_terms=[grouping.claim_terms(claim_for_grouping(c)) for c in claims],
        sentence_offsets=[c.span_start - c.sentence_start for c in claims],
    )


@dataclass
class Pending:
    """A new or changed article of a batch, before it is written: its claims
    are dicts of their column values as stored (CLAIM_COLUMNS and the span at
    least). The analyzer sets `story_id` and each claim's "measure_id" and
    "origin_article_id"."""

    id: int
    published: Optional[str]
    story_id: Optional[int]  # a changed article stays in its story
    prepared: Prepared
    claims: List[dict]
    new: bool = False  # not stored before: it has no passages to replace


# ------------------------------------------------------------------ the analyzer

CANDIDATES_PER_BAND = 20  # the oldest copies are enough to find the origin
# what grouping reads of a claim, in this order
CLAIM_COLUMNS = (
    "id", "article_id", "text", "unit", "noun_phrase", "context", "sentence", "attribution",
    "value_low", "value_high", "qualifier", "retrospective", "canonical_low", "canonical_high",
)


class Analyzer:
    """Stories, measures and wire copy for the articles of one load.

    Keeps what it reads in memory for the length of the load and writes what
    changed before each `update` returns, inside the caller's transaction.
    """

    def __init__(self, db):
        self.db = db
        ensure_tables(db)
        self.forget()

    def forget(self):
        """Drop what is cached: call after anything else changed the database."""
        self.stories: Dict[int, stories.Story] = {}
        self.window_ids: Dict[Optional[str], List[int]] = {}
        self.blocks: Dict[tuple, List[grouping.Measure]] = {}
        self.dirty_stories: Set[int] = set()
        self.dirty_measures: Dict[int, grouping.Measure] = {}

    def save(self):
        """Write the stories and measure centroids this batch changed."""
        self.db.conn.executemany(
            "update measures set grouping = ? where id = ?",
            [(_grouping_state(m), key) for key, m in sorted(self.dirty_measures.items())],
        )
        self.dirty_measures.clear()
        self.save_stories()

    def save_stories(self):
        for story_id in sorted(self.dirty_stories):
            story = self.stories[story_id]
            self.db.execute(
                "insert or replace into stories (id, first_published, last_published, articles, profile, names) "
                "values (?, ?, ?, ?, ?, ?)",
                [story.id, story.first_published, story.last_published, story.articles,
                 json.dumps(dict(story.profile), sort_keys=True), story.names_json()],
            )
        self.dirty_stories.clear()

    # -- stories

    def _stories_near(self, published) -> List[stories.Story]:
        if published not in self.window_ids:
            if published:
                rows = self.db.execute(
                    """select id from stories where last_published is null
                       or (last_published >= date(:p, '-{d} days') and first_published <= date(:p, '+{d} days'))
                    """.format(d=stories.WINDOW_DAYS),
                    {"p": published},
                )
            else:
                rows = self.db.execute("select id from stories")
            self.window_ids[published] = [r[0] for r in rows]
        found = []
        # stories changed in this batch are not saved yet: best_story checks their window
        for story_id in sorted(set(self.window_ids[published]) | self.dirty_stories):
            story = self._story(story_id)
            if story is not None:
                found.append(story)
        return found

    def _story(self, story_id) -> Optional[stories.Story]:
        if story_id not in self.stories:
            row = self.db.execute(
                "select id, first_published, last_published, articles, profile, names from stories where id = ?",
                [story_id],
            ).fetchone()
            if row is None:
                return None
            story = stories.Story(
                id=row[0], first_published=row[1], last_published=row[2], articles=row[3],
                profile=Counter(json.loads(row[4] or "{}")),
            )
            story.load_names(row[5])
            self.stories[story_id] = story
        return self.stories[story_id]

    def assign_story(self, article_id, published, vector) -> int:
        story = stories.best_story(vector, published, self._stories_near(published))
        if story is None:
            story = stories.Story(id=article_id)
            self.stories[story.id] = story
            # a new story is near every date within its window: forget cached windows
            self.window_ids.clear()
        story.add(vector, published)
        self.dirty_stories.add(story.id)
        if story.first_published != published or story.last_published != published:
            self.window_ids.clear()  # its window may have grown
        return story.id

    # -- measures

    def _block_measures(self, block) -> List[grouping.Measure]:
        if block not in self.blocks:
            rows = self.db.execute(
                "select id, story_id, unit_family, past_year, grouping from measures "
                "where story_id = ? and unit_family = ? and past_year is ? order by id",
                list(block),
            )
            self.blocks[block] = [
                _measure_from_state(r[0], (r[1], r[2], r[3]), r[4]) for r in rows
            ]
        return self.blocks[block]

    def _past_blocks(self, blocks) -> Set[tuple]:
        """The earlier events' blocks of the story's own blocks (an undated
        figure may repeat one of theirs)."""
        past = set()
        for story_id, family, year in blocks:
            if year is None:
                rows = self.db.execute(
                    "select distinct past_year from measures where story_id = ? and unit_family = ? "
                    "and past_year is not null", [story_id, family])
                past.update((story_id, family, r[0]) for r in rows)
        return past

    def group_article(self, article: Pending) -> Set[int]:
        # exactly what grouping would read back from the database
        claims = [
            dict({k: c[k] for k in CLAIM_COLUMNS}, story=article.story_id, published=article.published)
            for c in article.claims
        ]
        claim_terms = article.prepared.claim_terms
        if claim_terms and len(claim_terms) == len(claims):
            for claim, terms, offset in zip(claims, claim_terms, article.prepared.sentence_offsets):
                claim["terms"] = terms
                claim["sentence_offset"] = offset
        story = self._story(article.story_id)
        if story is None:
            grouping.date_past_events(claims)
        elif story.remember_names(*grouping.date_past_events(claims, story.past_events, story.own_names)):
            self.dirty_stories.add(story.id)
        blocks = {grouping.block_of(c) for c in claims} - {None}
        blocks = sorted(blocks | self._past_blocks(blocks), key=repr)
        measures = [m for block in blocks for m in self._block_measures(block)]
        before = {m.key: m.size for m in measures}
        keys = grouping.assign_article(claims, measures)
        new_ids: Dict[int, int] = {}
        for measure in measures:
            if measure.key < 0:
                members = [c for c, k in zip(claims, keys) if k == measure.key]
                label, unit = grouping.measure_label(members)
                new_ids[measure.key] = self.db["measures"].insert(
                    {
                        "slug": _unique_slug(self.db, label),
                        "label": label,
                        "unit": unit,
                        "story_id": measure.block[0],
                        "unit_family": measure.block[1],
                        "past_year": measure.block[2],
                        "grouping": _grouping_state(measure),
                    }
                ).last_pk
                measure.key = new_ids[measure.key]
                self.blocks[measure.block].append(measure)
            elif measure.size != before.get(measure.key):
                _compact(measure)  # as it will be stored
                self.dirty_measures[measure.key] = measure
        for claim, key in zip(article.claims, keys):
            claim["measure_id"] = new_ids.get(key, key)
        return {c["measure_id"] for c in article.claims if c["measure_id"] is not None}

    # -- wire copy

    def find_origin(self, article_id, passage: syndication.Passage):
        """The article that first published a near-copy of this passage, if any."""
        checked = set()
        mine = (len(passage.sketch), set(passage.sketch))
        for band in passage.bands:
            # read lazily: the first candidate is usually the copy, and the
            # rest need not be read from the database at all
            with contextlib.closing(self.db.conn.execute(
                """select passages.id, passages.origin_article_id, passages.sketch
                   from passage_bands join passages on passages.id = passage_bands.passage_id
                   where passage_bands.band = ? and passages.article_id != ?
                   order by passage_bands.passage_id limit ?""",
                [band, article_id, CANDIDATES_PER_BAND],
            )) as rows:
                for passage_id, origin, sketch in rows:
                    if passage_id in checked:
                        continue
                    checked.add(passage_id)
                    if syndication.is_copy_of(mine, syndication.decode_set(sketch)):
                        return origin
        return None

    def record_passages(self, article: Pending):
        """Record the article's paragraphs and mark each claim with the article
        its paragraph first appeared in (its own, unless copied)."""
        db, article_id = self.db, article.id
        if not article.new:
            db.execute(
                "delete from passage_bands where passage_id in (select id from passages where article_id = ?)",
                [article_id],
            )
            db.execute("delete from passages where article_id = ?", [article_id])
        for claim in article.claims:
            claim["origin_article_id"] = article_id
        next_id = (db.execute("select coalesce(max(id), 0) from passages").fetchone()[0]) + 1
        rows, bands = [], []
        for n, passage in enumerate(article.prepared.passages):
            origin = self.find_origin(article_id, passage) or article_id
            passage_id = next_id + n
            rows.append((passage_id, article_id, passage.start, passage.end, origin, syndication.encode(passage.sketch)))
            bands.extend((band, passage_id) for band in passage.bands)
            if origin != article_id:
                for claim in article.claims:
                    if claim["span_start"] >= passage.start and claim["span_end"] <= passage.end:
                        claim["origin_article_id"] = origin
        db.conn.executemany(
            "insert into passages (id, article_id, span_start, span_end, origin_article_id, sketch) values (?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.conn.executemany("insert into passage_bands (band, passage_id) values (?, ?)", bands)

    # -- all together

    def assign_stories(self, articles: List[Pending]):
        """Give each new article a story (before the articles are written)."""
        for article in sorted(articles, key=lambda a: a.id):
            if article.story_id is None:
                article.story_id = self.assign_story(article.id, article.published, article.prepared.vector)

    def group(self, articles: List[Pending]) -> Set[int]:
        """Give the articles' claims a measure and their paragraphs an origin
        (before the claims are written). Returns the ids of every measure
        whose claims changed."""
        touched = set()
        for article in sorted(articles, key=lambda a: a.id):
            touched |= self.group_article(article)
            self.record_passages(article)
        return touched

    def finish(self) -> Set[int]:
        """Once the batch's claims are written: save what changed and apply
        the user's corrections. Returns the ids of the measures these changed."""
        self.save()
        # the user's corrections (datasette discrepancy regroup) outlast reloads
        corrected = regroup.apply(self.db)
        if corrected:
            self.forget()  # merged measures' centroids changed in the database
        return corrected


def _measure_from_state(measure_id, block, state_json) -> grouping.Measure:
    state = json.loads(state_json or "{}")
    return grouping.Measure(
        key=measure_id,
        block=block,
        centroid=Counter(state.get("centroid", {})),
        size=state.get("size", 0),
        low=state.get("low"),
        high=state.get("high"),
    )


def _compact(measure: grouping.Measure):
    """Keep a measure's centroid exactly as it is stored (its heaviest terms,
    rounded), so the next article is grouped the same whether this load goes
    on or a later load reads it back."""
    centroid, fresh = measure.centroid, measure._fresh
    if fresh is None:
        rounded = dict(zip(centroid.keys(), map(round, centroid.values(), itertools.repeat(4))))
    else:
        # the rest were rounded when it was last compacted (rounding again
        # gives the same float)
        rounded = dict(centroid)
        for term in fresh:
            rounded[term] = round(rounded[term], 4)
    measure.centroid = stories.top_terms(rounded, CENTROID_TERMS)
    measure._fresh = set()
    measure.centroid_changed()


def _grouping_state(measure: grouping.Measure) -> str:
    _compact(measure)
    return json.dumps(
        {"centroid": dict(measure.centroid), "size": measure.size, "low": measure.low, "high": measure.high},
        sort_keys=True,
    )


def _unique_slug(db, label: str) -> str:
    base = grouping.slugify(label)
    slug, n = base, 1
    while db.execute("select 1 from measures where slug = ?", [slug]).fetchone():
        n += 1
        slug = "{}-{}".format(base, n)
    return slug
