"""Read articles from files, folders, JSON and a manifest: plain data in, Documents out.

Nothing here touches the database. Each input that cannot be used becomes an
InputError naming the file or row and saying why and what to do, and reading
goes on. Decoding (encodings, mojibake, binary files) lives in decoding.py, dates
and what a text says of itself (a dateline, a headline) in metadata.py.
"""
import csv
import hashlib
import io
import json
import os
import re
import stat
from dataclasses import dataclass, field
from typing import Iterator, List, Optional, Union

from .decoding import NotText, check_text, clean_string, decode_bytes
from .html_text import html_to_text
from .metadata import check_date, infer_metadata

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MANIFEST_COLUMNS = ("file", "outlet", "published", "url", "headline")
METADATA_FIELDS = ("outlet", "published", "url", "headline")
JSON_FIELDS = ("body", "file", "source") + METADATA_FIELDS
# Column (or JSON field) names people use for ours: named in the warning.
ALIASES = {
    "date": "published", "pubdate": "published", "published_at": "published", "publication_date": "published",
    "title": "headline", "headline_text": "headline", "link": "url", "href": "url",
    "publisher": "outlet", "site": "outlet", "source": "file", "path": "file", "filename": "file",
    "text": "body", "content": "body", "article": "body",
}
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


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(value) -> str:
    """One line, no terminal escapes: a file name may hold anything."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group(0))[1:-1], str(value))


@dataclass
class InputError:
    """An input that was not loaded: printed as one line on stderr."""

    source: str
    message: str
    path: Optional[str] = None  # a manifest row's file: not to be loaded from a folder either

    def __str__(self):
        return "{}: {}".format(printable(self.source), printable(self.message))


@dataclass
class InputWarning:
    """Something loaded but worth knowing (an ignored column): one line on stderr."""

    source: str
    message: str

    def __str__(self):
        return "{}: {}".format(printable(self.source), printable(self.message))


@dataclass
class Task:
    """One file to read, with metadata from the manifest (if any)."""

    path: str  # where to open it
    source: str  # what to call it in the database
    metadata: dict = field(default_factory=dict)
    origin: Optional[str] = None  # "manifest.csv line 3" for a manifest row


# ---------------------------------------------------------------- reading

CSV_SUFFIXES = {".csv", ".tsv"}


def read_task(task: Task) -> List[Union[Document, InputError]]:
    """Read one file into Documents (a JSON file may hold many), or say why not."""
    try:
        return _read_task(task)
    except Exception as e:  # a file we did not foresee must not sink the load
        return [
            InputError(
                task.source,
                "could not be read ({}: {}); leave it out and please report it".format(type(e).__name__, e),
            )
        ]


def _where(task: Task) -> str:
    return " ({})".format(task.origin) if task.origin else ""


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most limit bytes; OSError for anything but a regular file that fits."""
    with open(path, "rb") as fp:
        mode = os.fstat(fp.fileno()).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(mode):
            raise OSError(0, "not a regular file")
        data = fp.read(limit + 1)  # bounded: a file growing while we read stays bounded
    return data


def megabytes(size: int) -> str:
    mb = size / (1024 * 1024)
    return "{:.0f} MB".format(mb) if mb >= 10 else "{:.1f} MB".format(mb)


def _too_big(size: int) -> str:
    return (
        "file is {}, over the {} limit for one file; split it into smaller files "
        "(JSON lines: split -l 1000) or leave it out".format(megabytes(size), megabytes(MAX_FILE_BYTES))
    )


def _read_task(task: Task) -> List[Union[Document, InputError]]:
    path = task.path
    suffix = os.path.splitext(path)[1].lower()
    if suffix in CSV_SUFFIXES and not task.origin:
        return [InputError(task.source, "is a CSV file, not an article; pass a manifest with --manifest")]
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return [InputError(task.source, _too_big(size))]
        data = read_bytes(path)
    except FileNotFoundError:
        return [
            InputError(
                task.source,
                "file not found{}; check the path (manifest paths are relative to the manifest's folder)".format(
                    _where(task)
                ),
            )
        ]
    except IsADirectoryError:
        return [InputError(task.source, "is a folder{}; list files in the manifest, not folders".format(_where(task)))]
    except OSError as e:
        return [
            InputError(
                task.source, "cannot read file ({}){}; check it exists and you may read it".format(e.strerror, _where(task))
            )
        ]
    if len(data) > MAX_FILE_BYTES:
        return [InputError(task.source, _too_big(len(data)))]
    if not data.strip():
        return [InputError(task.source, "file has no text (it is empty); leave it out or scrape it again")]
    try:
        check_text(data)
    except NotText as e:
        return [InputError(task.source, str(e))]
    text = decode_bytes(data, html=suffix in HTML_SUFFIXES)
    if suffix in JSON_SUFFIXES:
        return list(_json_documents(task, text))
    if suffix in HTML_SUFFIXES:
        page = html_to_text(text)
        body = page.text
        if not body.strip():
            return [
                InputError(
                    task.source,
                    "page has no text once scripts, styles and navigation are dropped; "
                    "save the article page itself (not a script-only page) or leave it out",
                )
            ]
        inferred = {k: v for k, v in page.metadata.items() if v}
        inferred.update({k: v for k, v in infer_metadata(body).items() if k not in inferred})
    else:
        body = text
        inferred = infer_metadata(body)
    if not body.strip():
        return [InputError(task.source, "file has no text; leave it out or scrape it again")]
    return [_document(task.source, body, task.metadata, inferred)]


def _document(source, body, given, inferred) -> Document:
    meta = {}
    for key in METADATA_FIELDS:
        value = given.get(key)
        value = value.strip() if isinstance(value, str) else value
        meta[key] = value or inferred.get(key) or None
    return Document(source=source, body=body, **meta)


def _json_records(task: Task, text: str):
    """(where, record) pairs and InputErrors from a JSON file or JSON lines."""
    stripped = text.lstrip()
    if task.path.lower().endswith(".json") and stripped.startswith(("[", "{")):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as e:
            if e.msg != "Extra data":  # "Extra data": several objects, i.e. JSON lines
                yield InputError(
                    task.source, "not valid JSON (line {}: {}); fix it or save it as JSON lines".format(e.lineno, e.msg)
                )
                return
        except (ValueError, RecursionError) as e:
            yield InputError(task.source, "JSON could not be read ({}); fix it or leave it out".format(type(e).__name__))
            return
        else:
            if isinstance(value, dict) and "body" not in value:
                # {"articles": [...]}: the one list of records it holds
                lists = [v for v in value.values() if isinstance(v, list)]
                if len(lists) == 1:
                    value = lists[0]
            for i, record in enumerate(value if isinstance(value, list) else [value]):
                yield "{}:{}".format(task.source, i + 1), record
            return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = "{}:{}".format(task.source, lineno)
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(where, "not valid JSON ({}); fix or remove the line".format(e.msg))
        except (ValueError, RecursionError) as e:
            yield InputError(where, "JSON could not be read ({}); fix or remove the line".format(type(e).__name__))


def _json_documents(task: Task, text: str) -> Iterator[Union[Document, InputError]]:
    count = 0
    for item in _json_records(task, text):
        count += 1
        if isinstance(item, InputError):
            yield item
            continue
        where, record = item
        if not isinstance(record, dict):
            yield InputError(where, "expected an object with a 'body' field; fix or remove it")
            continue
        body = record.get("body")
        if not isinstance(body, str) or not body.strip():
            fields = ", ".join(printable(k) for k in list(record)[:8]) or "none"
            hint = ""
            for name in record:
                if ALIASES.get(str(name).lower()) == "body":
                    hint = " (rename '{}' to 'body')".format(printable(name))
                    break
            yield InputError(
                where, "record has no 'body' text (its fields: {}); put the article text in 'body'{}".format(fields, hint)
            )
            continue
        source = record.get("file") or record.get("source") or where
        if not isinstance(source, str):
            source = json.dumps(source, sort_keys=True)
        meta = {k: clean_string(record[k]) for k in METADATA_FIELDS if isinstance(record.get(k), str)}
        if meta.get("published") is not None:
            iso, problem = check_date(meta["published"])
            if problem:
                yield InputError(where, "published {!r} {}".format(meta["published"], problem))
                continue
            meta["published"] = iso
        body = clean_string(body).replace("\r\n", "\n")
        yield _document(clean_string(source), body, meta, infer_metadata(body))
    if not count:
        yield InputError(task.source, "has no JSON records; leave it out or export the articles again")


# ---------------------------------------------------------------- manifest

def _manifest_text(manifest_path: str):
    """The manifest's text, or an InputError saying why it cannot be used."""
    try:
        size = os.path.getsize(manifest_path)
        if size > MAX_FILE_BYTES:
            return InputError(
                manifest_path,
                "manifest is {}, over the {} limit; split it".format(megabytes(size), megabytes(MAX_FILE_BYTES)),
            )
        raw = read_bytes(manifest_path)
    except OSError as e:
        return InputError(manifest_path, "cannot read manifest ({}); check the path".format(e.strerror))
    if not raw.strip():
        return InputError(manifest_path, "manifest is empty; its first line must be the header " + ",".join(MANIFEST_COLUMNS))
    try:
        check_text(raw)
    except NotText as e:
        return InputError(
            manifest_path,
            "manifest is not a CSV file ({}); give a CSV with columns {}".format(str(e).split(";")[0], ",".join(MANIFEST_COLUMNS)),
        )
    return decode_bytes(raw)


def _reader(text: str):
    """A csv reader with the delimiter the header uses (comma, tab or semicolon)."""
    header = text.split("\n", 1)[0]
    delimiter = ","
    for candidate in ("\t", ";"):
        if candidate in header and "file" in [c.strip().lower() for c in header.split(candidate)]:
            delimiter = candidate
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _header(manifest_path: str):
    """(columns, reader) or an InputError."""
    text = _manifest_text(manifest_path)
    if isinstance(text, InputError):
        return text
    reader = _reader(text)
    try:
        header = next(reader, None)
    except csv.Error as e:
        return InputError(manifest_path, "manifest is not valid CSV ({}); save it as CSV".format(e))
    columns = [c.strip().lower() for c in (header or [])]
    if "file" not in columns:
        stripped = text.lstrip()
        kind = ""
        if stripped.startswith(("{", "[")):
            kind = " (it looks like JSON)"
        elif stripped.startswith("<"):
            kind = " (it looks like HTML or XML)"
        return InputError(
            manifest_path,
            "manifest is not a CSV with a 'file' column{}; its first line must be the header {}".format(
                kind, ",".join(MANIFEST_COLUMNS)
            ),
        )
    return columns, reader


def manifest_warnings(manifest_path: str) -> List[InputWarning]:
    """One warning for the columns the manifest has that are not read."""
    found = _header(manifest_path)
    if isinstance(found, InputError):
        return []
    columns, _ = found
    unknown = [c for c in columns if c not in MANIFEST_COLUMNS]
    if not unknown:
        return []
    described = []
    for column in unknown:
        alias = ALIASES.get(column)
        if alias in MANIFEST_COLUMNS and alias not in columns:
            described.append("'{}' (did you mean '{}'?)".format(column or "(blank)", alias))
        else:
            described.append("'{}'".format(column or "(blank)"))
    return [
        InputWarning(
            manifest_path,
            "column{} {} ignored; the columns read are {}".format(
                "s" if len(unknown) > 1 else "", ", ".join(described), ",".join(MANIFEST_COLUMNS)
            ),
        )
    ]


def read_manifest(manifest_path: str):
    """Yield Tasks (or InputErrors) for each usable manifest row."""
    base = os.path.dirname(manifest_path)
    found = _header(manifest_path)
    if isinstance(found, InputError):
        yield found
        return
    columns, reader = found
    seen = {}  # source -> (line, row values)
    lineno = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield InputError(
                "{}:{}".format(manifest_path, reader.line_num),
                "not valid CSV ({}); fix the quoting on this line".format(e),
            )
            return
        lineno = reader.line_num
        where = "{}:{}".format(manifest_path, lineno)
        if not any(v.strip() for v in values):
            continue  # a blank line
        if len(values) > len(columns) and any(v.strip() for v in values[len(columns):]):
            yield InputError(
                where,
                "row has {} fields but the header has {}; put values holding commas in double quotes".format(
                    len(values), len(columns)
                ),
            )
            continue
        row = dict(zip(columns, values))
        name = (row.get("file") or "").strip()
        if not name:
            yield InputError(where, "row has no file; fill in the file column or delete the row")
            continue
        source = clean_string(os.path.normpath(name))
        path = os.path.join(base, name)
        meta = {k: clean_string((row.get(k) or "").strip()) or None for k in METADATA_FIELDS}
        if source in seen:
            first_line, first_meta = seen[source]
            if first_meta == meta:
                yield InputError(where, "repeats line {}; delete the duplicate row".format(first_line), path)
            else:
                yield InputError(
                    where,
                    "lists {} again with different metadata (line {} is used); delete the row you do not want".format(
                        name, first_line
                    ),
                    path,
                )
            continue
        seen[source] = (lineno, meta)
        if meta["published"] is not None:
            iso, problem = check_date(meta["published"])
            if problem:
                yield InputError(where, "published {!r} {}".format(meta["published"], problem), path)
                continue
            meta["published"] = iso
        yield Task(
            path=path,
            source=source,
            metadata=meta,
            origin="{} line {}".format(os.path.basename(manifest_path), lineno),
        )


# ---------------------------------------------------------------- files and folders

def clean_path(path: str) -> str:
    """A file name as text SQLite can store: undecodable bytes written as \\xNN."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def find_files(path: str, errors=None) -> Iterator[str]:
    """The article files under a path, in a stable (sorted) order."""
    if os.path.isdir(path):

        def onerror(e):
            if errors is not None:
                errors.append(
                    InputError(clean_path(e.filename or path), "cannot read folder ({}); check its permissions".format(e.strerror))
                )

        for dirpath, dirnames, filenames in os.walk(path, onerror=onerror):
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
            # a row's file, loaded or refused, is not loaded again from a folder
            if isinstance(item, Task) or item.path:
                listed.add(os.path.realpath(item.path))
            yield item
    for path in paths:
        if not os.path.exists(path):
            yield InputError(clean_path(path), "no such file or folder; check the path")
            continue
        errors = []
        found = 0
        for filename in find_files(path, errors):
            found += 1
            if os.path.realpath(filename) in listed:
                continue
            listed.add(os.path.realpath(filename))
            yield Task(path=filename, source=clean_path(os.path.normpath(filename)))
        yield from errors
        if not found and not errors:
            yield InputError(
                clean_path(path),
                "folder holds no {} files; check the path".format(", ".join(sorted(SUFFIXES))),
            )
