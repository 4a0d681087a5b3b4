"""Read articles from files, folders, JSON and a manifest: plain data in, Documents out.

Nothing here touches the database. Each input that cannot be used becomes an
InputError naming the file or row and saying what to do, and reading goes on.
"""
import csv
import datetime
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from typing import Iterator, List, Optional, Union

from .html_text import html_to_text

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MANIFEST_COLUMNS = ("file", "outlet", "published", "url", "headline")
METADATA_FIELDS = ("outlet", "published", "url", "headline")
# Refuse files past this size rather than exhaust memory: a news article is
# rarely over a few hundred kB, so anything this large is a mistake or a dump.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class Document:
    source: str
    body: str
    outlet: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    headline: Optional[str] = None

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        for value in (self.body, self.outlet, self.published, self.url, self.headline):
            h.update((value or "").encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass
class InputError:
    source: str
    message: str

    def __str__(self):
        return "{}: {}".format(self.source, self.message)


@dataclass
class Task:
    """One file to read, with metadata from the manifest (if any)."""

    path: str  # where to open it
    source: str  # what to call it in the database
    metadata: dict = field(default_factory=dict)


# ---------------------------------------------------------------- metadata

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}

_DATE_LINE = re.compile(r"\A\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b", re.I)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_MDY = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
# A wire dateline: "WASHINGTON (Reuters) -" names the agency the copy came from.
_DATELINE_AGENCY = re.compile(
    r"^[A-Z][A-Z .,'\-]{2,40}\((Reuters|AP|AFP|Bloomberg|CNN|PA|Xinhua)\)\s*[-\u2013\u2014]",
    re.M,
)
AGENCY_NAMES = {"AP": "Associated Press", "AFP": "Agence France-Presse", "PA": "PA Media"}


def parse_date(value: Optional[str]) -> Optional[str]:
    """An ISO YYYY-MM-DD for the common ways a date is written, or None.

    Ambiguous forms (01/02/2018: January or February?) are refused, not guessed.
    """
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    year = month = day = None
    for pattern, order in ((_ISO_DATE, "ymd"), (_SLASH, "ymd")):
        m = pattern.match(value)
        if m:
            year, month, day = (int(g) for g in m.groups()[:3])
            break
    else:
        m = _MDY.match(value)
        if m and m.group(1).lower() in MONTHS:
            year, month, day = int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))
        m2 = _DMY.match(value)
        if year is None and m2 and m2.group(2).lower() in MONTHS:
            year, month, day = int(m2.group(3)), MONTHS[m2.group(2).lower()], int(m2.group(1))
    if year is None:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def infer_metadata(body: str) -> dict:
    """Metadata the text itself states: a scraper's leading `date YYYY-MM-DD`
    line, a wire dateline, a headline on the first line. Never invented."""
    found = {}
    lines = body.lstrip("\ufeff").split("\n", 1)
    first = lines[0].strip()
    m = _DATE_LINE.match(body)
    if m:
        found["published"] = parse_date(m.group(1))
        # "date 2018-10-25 × Headline": the rest of the line is the headline
        first = re.sub(r"^\s*date[:\s]+\d{4}-\d{2}-\d{2}\s*[\u00d7|:\-]?\s*", "", first, flags=re.I)
    m = _DATELINE_AGENCY.search(body[:2000])
    if m:
        found["outlet"] = AGENCY_NAMES.get(m.group(1), m.group(1))
    # A headline is a short first line standing alone, not a sentence of the body.
    if first and len(lines) > 1 and len(first) <= 200 and first[-1] not in ".!?\"\u201d":
        found["headline"] = first
    return {k: v for k, v in found.items() if v}


# ---------------------------------------------------------------- decoding


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), else cp1252 (a superset of printable Latin-1)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


# ---------------------------------------------------------------- reading


def read_task(task: Task) -> List[Union[Document, InputError]]:
    """Read one file into Documents (a JSON file may hold many)."""
    path = task.path
    suffix = os.path.splitext(path)[1].lower()
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return [
                InputError(
                    task.source,
                    "file is {:.0f} MB, over the {:.0f} MB limit for one article; split it or leave it out".format(
                        size / 1e6, MAX_FILE_BYTES / 1e6
                    ),
                )
            ]
        with open(path, "rb") as fp:
            data = fp.read()
    except FileNotFoundError:
        return [InputError(task.source, "file not found; check the path (manifest paths are relative to the manifest)")]
    except OSError as e:
        return [InputError(task.source, "cannot read file ({}); check its permissions".format(e.strerror))]
    if looks_binary(data):
        return [InputError(task.source, "looks like a binary file, not text, HTML or JSON; leave it out")]
    text = decode_bytes(data)
    if suffix in JSON_SUFFIXES:
        return list(_json_documents(task, text))
    if suffix in HTML_SUFFIXES:
        page = html_to_text(text)
        body = page.text
        inferred = {k: v for k, v in page.metadata.items() if v}
        inferred.update({k: v for k, v in infer_metadata(body).items() if k not in inferred})
    else:
        body = text
        inferred = infer_metadata(body)
    if not body.strip():
        return [InputError(task.source, "file has no text; leave it out or re-scrape it")]
    return [_document(task.source, body, task.metadata, inferred)]


def _document(source, body, given, inferred) -> Document:
    meta = {}
    for key in METADATA_FIELDS:
        value = given.get(key)
        value = value.strip() if isinstance(value, str) else value
        meta[key] = value or inferred.get(key) or None
    return Document(source=source, body=body, **meta)


def _json_documents(task: Task, text: str) -> Iterator[Union[Document, InputError]]:
    stripped = text.lstrip()
    records = []
    if task.path.lower().endswith(".json") and stripped.startswith(("[", "{")):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as e:
            yield InputError(task.source, "not valid JSON (line {}: {}); fix it or save it as JSON lines".format(e.lineno, e.msg))
            return
        records = [(i + 1, r) for i, r in enumerate(value if isinstance(value, list) else [value])]
    else:
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append((lineno, json.loads(line)))
            except json.JSONDecodeError as e:
                yield InputError("{}:{}".format(task.source, lineno), "not valid JSON ({}); fix or remove the line".format(e.msg))
    for n, record in records:
        where = "{}:{}".format(task.source, n)
        if not isinstance(record, dict):
            yield InputError(where, "expected an object with a 'body' field; fix or remove it")
            continue
        body = record.get("body")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "record has no 'body' text; add the article text as 'body'")
            continue
        source = record.get("file") or record.get("source") or where
        meta = {k: record.get(k) for k in METADATA_FIELDS if isinstance(record.get(k), str)}
        if meta.get("published") is not None and parse_date(meta["published"]) is None:
            yield InputError(where, "published {!r} is not a date; use YYYY-MM-DD".format(meta["published"]))
            continue
        if meta.get("published"):
            meta["published"] = parse_date(meta["published"])
        yield _document(str(source), body, meta, infer_metadata(body))


def read_manifest(manifest_path: str):
    """Yield Tasks (or InputErrors) for each usable manifest row."""
    base = os.path.dirname(manifest_path)
    try:
        with open(manifest_path, "rb") as fp:
            raw = fp.read()
    except OSError as e:
        yield InputError(manifest_path, "cannot read manifest ({}); check the path".format(e.strerror))
        return
    if looks_binary(raw):
        yield InputError(manifest_path, "manifest is not a CSV file; give a CSV with columns " + ",".join(MANIFEST_COLUMNS))
        return
    reader = csv.DictReader(decode_bytes(raw).splitlines())
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "file" not in columns:
        yield InputError(
            manifest_path,
            "manifest has no 'file' column; its first line must be the header " + ",".join(MANIFEST_COLUMNS),
        )
        return
    reader.fieldnames = columns
    seen = set()
    for lineno, row in enumerate(reader, 2):
        where = "{}:{}".format(manifest_path, lineno)
        name = (row.get("file") or "").strip()
        if not name:
            yield InputError(where, "row has no file; fill in the file column or delete the row")
            continue
        source = os.path.normpath(name)
        if source in seen:
            yield InputError(where, "{} is listed twice; delete the duplicate row".format(name))
            continue
        seen.add(source)
        meta = {k: (row.get(k) or "").strip() or None for k in METADATA_FIELDS}
        if meta["published"] is not None:
            iso = parse_date(meta["published"])
            if iso is None:
                yield InputError(where, "published {!r} is not a date; use YYYY-MM-DD".format(meta["published"]))
                continue
            meta["published"] = iso
        yield Task(path=os.path.join(base, name), source=source, metadata=meta)


def find_files(path: str) -> Iterator[str]:
    """The article files under a path, in a stable (sorted) order."""
    if os.path.isdir(path):
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames.sort()
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in sorted(filenames):
                if os.path.splitext(name)[1].lower() in SUFFIXES and not name.startswith("."):
                    yield os.path.join(dirpath, name)
    else:
        yield path


def collect_tasks(paths, manifest=None):
    """Every Task to read: manifest rows first, then the files under each PATH
    not already listed in the manifest. Yields Tasks and InputErrors."""
    listed = set()
    if manifest:
        for item in read_manifest(manifest):
            if isinstance(item, Task):
                listed.add(os.path.realpath(item.path))
            yield item
    for path in paths:
        if not os.path.exists(path):
            yield InputError(path, "no such file or folder; check the path")
            continue
        for filename in find_files(path):
            if os.path.realpath(filename) in listed:
                continue
            listed.add(os.path.realpath(filename))
            yield Task(path=filename, source=os.path.normpath(filename))
