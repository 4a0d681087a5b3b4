"""Load articles into a database: read, extract (in parallel), write in batches.

Used by `datasette discrepancy load` and scripts/load_articles.py.

- Streaming: files are read and extracted a window at a time, in input order,
  so memory stays bounded and ids do not depend on the number of jobs.
- Incremental: a file whose content hash is already stored is not extracted
  again; a changed one replaces its claims.
- Crash-safe: a few batches of articles, their claims, their grouping into
  measures and the queue of measures to refresh commit in one transaction.
  Measure aggregates are recomputed from that queue (every REFRESH_SECONDS and
  at the end), also transactionally, so a killed load leaves whole articles and
  the next load finishes the job.
"""
import collections
import itertools
import multiprocessing
import os
import pickle
import sqlite3
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Callable, List, Optional

from . import aggregates, analysis
from . import db as dblayer
from .articles import Document, InputError, Task, collect_tasks, read_task
from .extract import extract_claims

BATCH_SIZE = 200  # articles written at a time (their results are held meanwhile)
# Batches per transaction. Claims and wire-copy bands go into indexes in date
# and hash order, so a transaction dirties index pages all over; the more
# articles it holds, the fewer times each page is written out (to the WAL,
# then the database).
BATCHES_PER_TRANSACTION = 5
# A load's page cache (KiB), 8 times SQLite's default: fewer of a
# transaction's dirtied pages are written out mid-transaction only to be
# changed and written again. (32 MB was faster but took a 100,000-article
# load over 400 MB.)
CACHE_KIB = 16384
TASKS_PER_CHUNK = 8  # files a worker takes at a time
CHUNKS_IN_FLIGHT_PER_JOB = 4  # bounds how far reading runs ahead of writing ...
REFRESH_SECONDS = 30  # recompute queued measure aggregates this often during a load


def chunks_in_flight(jobs):
    """... but at least a batch ahead, so workers go on extracting while the
    writer writes one."""
    return max(jobs * CHUNKS_IN_FLIGHT_PER_JOB, -(-BATCH_SIZE // TASKS_PER_CHUNK) + jobs)


@dataclass
class LoadSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    claims: int = 0
    errors: List[str] = field(default_factory=list)

    @property
    def loaded(self):
        return self.new + self.changed

    def __str__(self):
        return "{} loaded ({} new, {} changed), {} unchanged, {} skipped; {} claims written".format(
            self.loaded, self.new, self.changed, self.unchanged, self.skipped, self.claims
        )


@dataclass
class Unchanged:
    """A document whose stored content hash matched when read: not extracted."""

    document: Document


_stored_hash = None  # source -> stored content hash, or None (set per process)


def _open_hash_lookup(db_path):
    """In a worker: look up stored hashes through a read-only connection."""
    global _stored_hash
    if db_path is None:
        _stored_hash = None
        return
    uri = "file:{}?mode=ro".format(urllib.request.pathname2url(db_path))
    conn = sqlite3.connect(uri, uri=True, timeout=dblayer.BUSY_TIMEOUT_MS / 1000)

    def lookup(source):
        row = conn.execute("select content_hash from articles where source = ?", [source]).fetchone()
        return row[0] if row else None

    _stored_hash = lookup


def process_task(task: Task):
    """Read one file and extract its claims (unless unchanged): runs in a worker."""
    results = []
    for item in read_task(task):
        if isinstance(item, InputError):
            results.append(item)
        else:
            content_hash = item.content_hash
            if _stored_hash is not None and _stored_hash(item.source) == content_hash:
                results.append(Unchanged(item))
                continue
            try:
                values, prepared = extract(item.body, item.outlet)
            except Exception as e:  # a bug in extraction must not sink the load
                results.append(InputError(item.source, "extraction failed ({}: {}); please report this file".format(type(e).__name__, e)))
                continue
            results.append((item, values, prepared))
    return results


# A claim's columns that extraction alone decides, in this order.
CLAIM_VALUES = (
    "span_start", "span_end", "text", "value_low", "value_high", "qualifier", "unit", "sentence",
    "attribution", "retrospective", "boilerplate", "canonical_unit", "canonical_low", "canonical_high",
    "noun_phrase", "context",
)


def _real(value):
    # as a REAL column gives it back: grouping must see what a later load reads
    return None if value is None else float(value)


def extract(body, outlet=None):
    """(a tuple of CLAIM_VALUES per claim, analysis.Prepared) for an article
    text and its outlet. The tuples are as stored, and cheap to send from a worker."""
    claims = extract_claims(body, outlet)
    values = [
        (
            c.span_start, c.span_end, c.text, _real(c.value_low), _real(c.value_high), c.qualifier, c.unit,
            c.sentence, c.attribution, int(bool(c.retrospective)), int(bool(c.boilerplate)), c.canonical_unit,
            _real(c.canonical_low), _real(c.canonical_high), c.noun_phrase, " ".join(c.context or ()),
        )
        for c in claims
    ]
    return values, analysis.prepare(body, claims)


def claim_row(values, claim_id, article_id, published=None, outlet=None):
    row = {"id": claim_id, "article_id": article_id}
    row.update(zip(CLAIM_VALUES, values))
    row.update(
        measure_id=None,  # set by the analyzer
        sort_key=dblayer.sort_key(published, outlet, article_id, row["span_start"], claim_id),
        status=None,  # set by aggregates.refresh_measures
        origin_article_id=None,  # set by the analyzer
    )
    return row


def _process_chunk(tasks) -> bytes:
    # pickled here and unpickled only when the writer takes the results: a
    # batch's worth waiting in flight is a few MB as bytes, many more as objects
    return pickle.dumps([process_task(task) for task in tasks], pickle.HIGHEST_PROTOCOL)


def _chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(tasks, jobs, db_path):
    """process_task for each task, in input order, with at most a few chunks
    per worker read ahead (Pool.imap would read the whole corpus ahead)."""
    if jobs <= 1:
        _open_hash_lookup(db_path)
        try:
            for task in tasks:
                yield process_task(task)
        finally:
            _open_hash_lookup(None)
        return
    ctx = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    with ctx.Pool(jobs, initializer=_open_hash_lookup, initargs=(db_path,)) as pool:
        pending = collections.deque()
        for chunk in _chunks(tasks, TASKS_PER_CHUNK):
            pending.append(pool.apply_async(_process_chunk, (chunk,)))
            while len(pending) >= chunks_in_flight(jobs):
                yield from pickle.loads(pending.popleft().get())
        while pending:
            yield from pickle.loads(pending.popleft().get())


def load(
    db_path,
    paths=(),
    manifest=None,
    jobs: Optional[int] = None,
    on_error: Callable[[InputError], None] = None,
    progress=None,
) -> LoadSummary:
    """Load the given files/folders (and manifest) into db_path.

    `progress(n)` is called after each file; `on_error(err)` for each unusable input.
    """
    jobs = jobs or os.cpu_count() or 1
    summary = LoadSummary()
    db = dblayer.open_database(db_path)
    db.execute("pragma cache_size = -{}".format(CACHE_KIB))

    def error(err):
        summary.skipped += 1
        summary.errors.append(str(err))
        if on_error:
            on_error(err)

    def tasks():
        for item in collect_tasks(paths, manifest):
            if isinstance(item, InputError):
                error(item)
            else:
                yield item

    seen_sources = set()
    last_refresh, refresh_took = time.monotonic(), 0.0
    analyzer = analysis.Analyzer(db)
    batches = _batched(_results(tasks(), jobs, os.path.abspath(db_path)), progress)
    for first in batches:
        # One transaction for a few batches, grouping included, so a crash
        # leaves whole articles with their claims and measures, or none.
        with db.atomic():
            for batch in itertools.chain([first], itertools.islice(batches, BATCHES_PER_TRANSACTION - 1)):
                touched = _write_batch(db, analyzer, batch, summary, error, seen_sources)
                dblayer.mark_dirty(db, sorted(touched))
        # What grouping learned is read back as stored: the next transaction sees what a
        # later load would, whenever the aggregates were last refreshed (timing) and
        # however many workers there are.
        analyzer.forget()
        # A refresh reads every claim of the measures it recomputes, so on a
        # large corpus it is spaced out to take at most an eighth of the time.
        if time.monotonic() - last_refresh > max(REFRESH_SECONDS, 7 * refresh_took):
            started = time.monotonic()
            refresh_dirty(db)
            analyzer.forget()  # refreshing deletes measures left empty
            last_refresh = time.monotonic()
            refresh_took = last_refresh - started
    refresh_dirty(db)
    return summary


def refresh_dirty(db):
    """Recompute the aggregates of every queued measure, in one transaction."""
    with db.atomic():
        measure_ids = dblayer.dirty_measure_ids(db)
        aggregates.refresh_measures(db, measure_ids)
        dblayer.clear_dirty(db, measure_ids)


def _write_batch(db, analyzer, batch, summary, error, seen_sources):
    """Write a batch's new and changed articles with their claims, stories,
    measures and passages; return the ids of the measures whose claims changed."""
    touched, changed = set(), set()
    articles, claims, pending = [], [], []
    next_article_id = dblayer.next_id(db, "articles")
    next_claim_id = dblayer.next_id(db, "claims")
    for item in batch:
        if isinstance(item, InputError):
            error(item)
            continue
        if isinstance(item, Unchanged):
            document, values, ready = item.document, None, None
        else:
            document, values, ready = item
        if document.source in seen_sources:
            error(InputError(document.source, "given twice in this load; keeping the first"))
            continue
        seen_sources.add(document.source)
        existing = dblayer.article_state(db, document.source)
        content_hash = document.content_hash
        if existing and existing[1] == content_hash:
            summary.unchanged += 1
            continue
        if values is None:  # the stored article changed since the worker looked
            values, ready = extract(document.body, document.outlet)
        if existing:
            article_id, story_id = existing[0], existing[2]
            touched.update(dblayer.article_measure_ids(db, article_id))
        else:
            article_id, story_id = next_article_id, None
            next_article_id += 1
        article, rows = _rows(document, content_hash, article_id, values, next_claim_id)
        articles.append(article)
        if existing:
            changed.add(article_id)
        claims.extend(rows)
        pending.append(analysis.Pending(article_id, document.published, story_id, ready, rows, new=not existing))
        next_claim_id += len(rows)
        summary.claims += len(rows)
        if existing:
            summary.changed += 1
        else:
            summary.new += 1
    # stories first, so articles are written with theirs; then measures and
    # wire copy, so claims are written with theirs
    analyzer.assign_stories(pending)
    for article, analysed in zip(articles, pending):
        article["story_id"] = analysed.story_id
        if article["id"] in changed:
            dblayer.replace_article(db, article)
    dblayer.insert_rows(db, "articles", [a for a in articles if a["id"] not in changed])
    touched |= analyzer.group(pending)
    dblayer.insert_rows(db, "claims", claims)
    return touched | analyzer.finish()


def _batched(results, progress):
    batch = []
    for items in results:
        batch.extend(items)
        if progress:
            progress(1)
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def _rows(document: Document, content_hash, article_id, values, first_claim_id):
    article = {
        "id": article_id,
        "source": document.source,
        "outlet": document.outlet,
        "published": document.published,
        "url": document.url,
        "headline": document.headline,
        "body": document.body,
        "content_hash": content_hash,
    }
    rows = [
        claim_row(v, first_claim_id + n, article_id, document.published, document.outlet)
        for n, v in enumerate(values)
    ]
    return article, rows
