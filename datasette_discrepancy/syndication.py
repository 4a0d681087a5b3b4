"""Find passages that articles share near-verbatim (wire copy reprinted).

Each paragraph is cut into overlapping five-word shingles; a MinHash
signature of those shingles, split into bands, finds candidate copies
(locality-sensitive hashing), and a candidate counts as a copy when the
Jaccard similarity of the two shingle sets is at least COPY_JACCARD. Small
edits ("mobile" vs "mobilize", a changed clause) still match; a paragraph
that merely shares a phrase does not. Pure functions.
"""
import re
import zlib
from dataclasses import dataclass
from typing import List, Set

SHINGLE_WORDS = 5
MIN_WORDS = 12  # shorter paragraphs ("WATCH: ...", captions) are not compared
BANDS = 4
ROWS = 3  # hashes per band: 12 in all
COPY_JACCARD = 0.5

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
PARAGRAPH_RE = re.compile(r"[^\n]+")


@dataclass
class Passage:
    start: int
    end: int
    shingles: Set[int]

    @property
    def bands(self) -> List[int]:
        return bands(self.shingles)


def shingles(text: str) -> Set[int]:
    words = [w.lower() for w in WORD_RE.findall(text)]
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8", "surrogatepass"))
        for i in range(max(0, len(words) - SHINGLE_WORDS + 1))
    }


def passages(body: str) -> List[Passage]:
    """The paragraphs of an article long enough to compare, with their spans."""
    found = []
    for m in PARAGRAPH_RE.finditer(body):
        text = m.group()
        if len(WORD_RE.findall(text)) >= MIN_WORDS:
            found.append(Passage(m.start(), m.end(), shingles(text)))
    return found


_SALTS = [zlib.crc32("minhash-{}".format(i).encode()) for i in range(BANDS * ROWS)]
_MASK = 0xFFFFFFFF


def minhash(shingle_set: Set[int]) -> List[int]:
    # Universal hashing of the (already hashed) shingles, one salt per row.
    return [min(((s ^ salt) * 2654435761) & _MASK for s in shingle_set) for salt in _SALTS]


def bands(shingle_set: Set[int]) -> List[int]:
    """One integer per band: two passages sharing any band are candidates."""
    if not shingle_set:
        return []
    signature = minhash(shingle_set)
    result = []
    for b in range(BANDS):
        rows = signature[b * ROWS : (b + 1) * ROWS]
        key = "{}:{}".format(b, ",".join(map(str, rows))).encode()
        # SQLite integers are signed 64-bit: keep the band key in range
        result.append(zlib.crc32(key) | (b << 32))
    return result


def jaccard(a: Set[int], b: Set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def is_copy(a: Set[int], b: Set[int]) -> bool:
    return jaccard(a, b) >= COPY_JACCARD
