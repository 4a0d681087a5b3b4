"""Bytes from a scraper's files into clean text.

- recognise files that are not text at all (PDF, images, archives, other binaries);
- decode UTF-8 (with or without a BOM), UTF-16/32 with a BOM, an HTML page's
  declared charset, and otherwise Windows-1252 (the legacy encoding of most
  English-language newsroom text, and a superset of printable Latin-1);
- repair mojibake: UTF-8 that was once decoded as Windows-1252 ("Itâ€™s" for
  "It’s"), done by re-encoding only the runs of characters that spell a valid
  UTF-8 sequence, so ordinary accented text is never touched;
- normalise line endings to "\\n".

No dependency: the repair below handles the mojibake newsroom text actually
shows (one or two rounds of UTF-8 read as cp1252/Latin-1), and it is small
enough to read in full.
"""
import codecs
import re
from typing import Optional

# Magic numbers of the binary formats a newsroom folder tends to hold.
SIGNATURES = [
    (b"%PDF-", "a PDF", "convert it to text first (for example with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP files)", "unzip it or save it as text first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file", "save it as text first"),
    (b"{\\rtf", "an RTF document", "save it as plain text first"),
    (b"\x89PNG", "a PNG image", "leave it out"),
    (b"\xff\xd8\xff", "a JPEG image", "leave it out"),
    (b"GIF8", "a GIF image", "leave it out"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first (gunzip)"),
    (b"SQLite format 3\x00", "a SQLite database", "leave it out"),
]
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class NotText(ValueError):
    """The bytes are not text; the message says what they look like and what to do."""


def sniff_bom(data: bytes):
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return bom, encoding
    return None, None


def check_text(data: bytes):
    """Raise NotText if data is plainly not a text file."""
    for magic, kind, todo in SIGNATURES:
        if data.startswith(magic):
            raise NotText("looks like {}, not text, HTML or JSON; {}".format(kind, todo))
    if sniff_bom(data)[0] or _utf16_without_bom(data):
        return
    sample = data[:8192]
    if b"\x00" in sample or (sample and len(sample.translate(None, _CONTROL_BYTES)) < 0.9 * len(sample)):
        raise NotText("looks like a binary file, not text, HTML or JSON; leave it out")


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """ASCII-heavy UTF-16 without a BOM: every other byte is NUL."""
    sample = data[:4096]
    if len(sample) < 16 or len(sample) % 2:
        return None
    if sample[1::2].count(0) > 0.9 * (len(sample) // 2) and not sample[0::2].count(0):
        return "utf-16-le"
    if sample[0::2].count(0) > 0.9 * (len(sample) // 2) and not sample[1::2].count(0):
        return "utf-16-be"
    return None


# ---------------------------------------------------------------- Windows-1252

def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: as Latin-1 does
        return chr(byte)


CP1252 = "".join(_cp1252_char(b) for b in range(256))
_TO_BYTE = {ch: b for b, ch in enumerate(CP1252)}


def decode_cp1252(data: bytes) -> str:
    """Windows-1252 with the five undefined bytes read as Latin-1: never fails."""
    return codecs.charmap_decode(data, "strict", CP1252)[0]


# ---------------------------------------------------------------- mojibake

def _chars(first: int, last: int) -> str:
    return re.escape("".join(CP1252[b] for b in range(first, last + 1)))


_CONT = "[{}]".format(_chars(0x80, 0xBF))
_MOJIBAKE = re.compile(
    "[{}]{c}|[{}]{c}{{2}}|[{}]{c}{{3}}".format(_chars(0xC2, 0xDF), _chars(0xE0, 0xEF), _chars(0xF0, 0xF4), c=_CONT)
)


_RUN = re.compile("(?:{})+".format(_MOJIBAKE.pattern))
_PUNCT = set(CP1252[0x80:0xA0])  # €‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ and the C1 gaps


def _telltale(seq: str) -> bool:
    """Whether one sequence is surely mojibake. A pair of characters is also
    ordinary text now and then ("»Fuß«"), so a pair counts only when it
    starts with Â/Ã (Latin-1 letters mangled) or ends in cp1252 punctuation."""
    return len(seq) > 2 or seq[0] in "\u00c2\u00c3" or seq[1] in _PUNCT


def _unmangle(match) -> str:
    """Repair a run of adjacent sequences (a mangled word) when any of them is
    surely mojibake, so "ÐŸÑ€Ð¸Ð²ÐµÑ‚" is repaired as one word."""
    run = match.group(0)
    sequences = _MOJIBAKE.findall(run)
    if not any(_telltale(seq) for seq in sequences):
        return run
    return "".join(_decode(seq) for seq in sequences)


def _decode(seq: str) -> str:
    try:
        return bytes(_TO_BYTE[ch] for ch in seq).decode("utf-8")
    except UnicodeDecodeError:  # "à" then two symbols, not a UTF-8 sequence
        return seq


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252/Latin-1, up to three times over.

    Only runs that spell a complete, valid UTF-8 sequence are changed
    ("â€™" becomes "’", "Ã©" becomes "é"); "café" or "naïve" stay as written.
    """
    for _ in range(3):
        fixed = _RUN.sub(_unmangle, text)
        if fixed == text:
            break
        text = fixed
    return text


# ---------------------------------------------------------------- decoding

def declared_charset(data: bytes) -> Optional[str]:
    """The charset an HTML page declares in a <meta> tag, if Python knows it."""
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, html: bool = False) -> str:
    """Text from bytes: BOM, then UTF-8, then (for HTML) the declared charset,
    then Windows-1252. Mojibake repaired, line endings normalised."""
    bom, encoding = sniff_bom(data)
    if bom:
        text = data[len(bom):].decode(encoding, errors="replace")
    else:
        encoding = _utf16_without_bom(data)
        if encoding:
            text = data.decode(encoding, errors="replace")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                charset = declared_charset(data) if html else None
                text = None
                if charset and charset not in ("utf-8", "ascii"):
                    try:
                        text = data.decode(charset)
                    except (UnicodeDecodeError, LookupError):
                        text = None
                if text is None:
                    text = decode_cp1252(data)
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return fix_mojibake(text)


def clean_string(value: str) -> str:
    """A string SQLite can store: lone surrogates (from JSON "\\ud800") replaced."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
