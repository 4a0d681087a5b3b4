"""Load articles into a database: read, extract (in parallel), write in batches.

Used by `datasette discrepancy load` and scripts/load_articles.py.
"""
import multiprocessing
import os
import sys
from dataclasses import dataclass, field
from typing import Callable, List, Optional

from . import analysis
from . import db as dblayer
from .articles import Document, InputError, Task, collect_tasks, read_task
from .compare import assess
from .extract import extract_claims

BATCH_SIZE = 200  # articles per transaction


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


def process_task(task: Task):
    """Read one file and extract its claims: runs in a worker process."""
    results = []
    for item in read_task(task):
        if isinstance(item, InputError):
            results.append(item)
        else:
            try:
                claims = extract_claims(item.body)
            except Exception as e:  # a bug in extraction must not sink the load
                results.append(InputError(item.source, "extraction failed ({}: {}); please report this file".format(type(e).__name__, e)))
                continue
            results.append((item, claims))
    return results


def claim_row(claim, claim_id, article_id):
    return {
        "id": claim_id,
        "article_id": article_id,
        "span_start": claim.span_start,
        "span_end": claim.span_end,
        "text": claim.text,
        "value_low": claim.value_low,
        "value_high": claim.value_high,
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "measure_id": None,  # set by analysis.update
        "sentence": claim.sentence,
        "attribution": claim.attribution,
        "retrospective": int(bool(claim.retrospective)),
        "boilerplate": int(bool(claim.boilerplate)),
        "canonical_unit": claim.canonical_unit,
        "canonical_low": claim.canonical_low,
        "canonical_high": claim.canonical_high,
        "noun_phrase": claim.noun_phrase,
        "context": " ".join(claim.context or ()),
    }


def measure_claims(db, measure_id):
    return [
        dict(zip(("id", "value_low", "value_high", "qualifier", "retrospective", "outlet", "published"), row))
        for row in db.execute(
            """select claims.id, value_low, value_high, qualifier, retrospective, articles.outlet, articles.published
            from claims join articles on articles.id = claims.article_id
            where measure_id = ? order by articles.published, claims.id""",
            [measure_id],
        )
    ]


def assess_measure(db, measure_id):
    return assess(measure_claims(db, measure_id))[0]


def _results(tasks, jobs):
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield process_task(task)
        return
    # imap keeps input order, so ids do not depend on the number of jobs
    ctx = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(process_task, tasks, chunksize=4)


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

    def error(err):
        summary.skipped += 1
        summary.errors.append(str(err))
        if on_error:
            on_error(err)

    tasks = []
    for item in collect_tasks(paths, manifest):
        if isinstance(item, InputError):
            error(item)
        else:
            tasks.append(item)

    known = dblayer.article_hashes(db)
    touched_measures = set()
    seen_sources = set()
    batches = _batched(_results(tasks, jobs), progress)
    for batch in batches:
        # One transaction per batch, grouping included, so a crash leaves
        # whole articles with their claims and measures, or none.
        changed_articles = []
        with db.atomic():
            for item in batch:
                if isinstance(item, InputError):
                    error(item)
                    continue
                document, claims = item
                if document.source in seen_sources:
                    error(InputError(document.source, "given twice in this load; keeping the first"))
                    continue
                seen_sources.add(document.source)
                existing = known.get(document.source)
                content_hash = document.content_hash
                if existing and existing[1] == content_hash:
                    summary.unchanged += 1
                    continue
                article_id = existing[0] if existing else dblayer.next_id(db, "articles")
                with db.atomic():
                    if existing:
                        touched_measures.update(dblayer.article_measure_ids(db, article_id))
                    _write_article(db, document, content_hash, article_id, claims)
                changed_articles.append(article_id)
                known[document.source] = (article_id, content_hash)
                summary.claims += len(claims)
                if existing:
                    summary.changed += 1
                else:
                    summary.new += 1
            touched_measures.update(analysis.update(db, changed_articles))
    with db.atomic():
        dblayer.refresh_measure_stats(db, sorted(touched_measures), assess=assess_measure)
    return summary


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


def _write_article(db, document: Document, content_hash, article_id, claims):
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
    first_claim_id = dblayer.next_id(db, "claims")
    rows = [claim_row(claim, first_claim_id + n, article_id) for n, claim in enumerate(claims)]
    dblayer.replace_article(db, article, rows)
