"""Find passages that articles share near-verbatim (wire copy reprinted).

Each paragraph is cut into overlapping five-word shingles, each hashed to an
integer. A paragraph's sketch is its SKETCH_SIZE smallest shingle hashes (a
bottom-k MinHash sketch): two sketches estimate the Jaccard similarity of the
two paragraphs' shingle sets, and a paragraph is a copy of another when that
estimate is at least COPY_JACCARD, so small edits ("mobile" vs "mobilize", a
changed clause) still match while a shared phrase does not. Candidates are
found through the BANDS smallest hashes: near-copies almost always share one
of them (locality-sensitive hashing). Pure functions.
"""
import functools
import re
import zlib
from dataclasses import dataclass
from typing import List, Sequence, Set, Tuple

SHINGLE_WORDS = 5
MIN_WORDS = 12  # shorter paragraphs ("WATCH: ...", captions) are not compared
SKETCH_SIZE = 32
BANDS = 4  # a paragraph is looked up by its four smallest shingle hashes
COPY_JACCARD = 0.5

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
PARAGRAPH_RE = re.compile(r"[^\n]+")


@dataclass
class Passage:
    start: int
    end: int
    sketch: Tuple[int, ...]

    @property
    def bands(self) -> Tuple[int, ...]:
        return self.sketch[:BANDS]


def shingles(text: str) -> Set[int]:
    return _shingles([w.lower() for w in WORD_RE.findall(text)])


def _shingles(words: List[str]) -> Set[int]:
    # each word encoded once: a run's bytes are its words' joined by spaces,
    # as the run joined and then encoded
    encoded = [w.encode("utf-8", "surrogatepass") for w in words]
    runs = zip(*(encoded[k:] for k in range(SHINGLE_WORDS)))  # each run of five words
    return {zlib.crc32(b" ".join(run)) for run in runs}


def sketch(shingle_set: Set[int]) -> Tuple[int, ...]:
    return tuple(sorted(shingle_set)[:SKETCH_SIZE])


def passages(body: str) -> List[Passage]:
    """The paragraphs of an article long enough to compare, with their spans."""
    found = []
    for m in PARAGRAPH_RE.finditer(body):
        words = WORD_RE.findall(m.group())
        if len(words) >= MIN_WORDS:
            found.append(Passage(m.start(), m.end(), sketch(_shingles([w.lower() for w in words]))))
    return found


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Bottom-k estimate: of the k smallest hashes of the union, the share
    found in both sketches."""
    if not a or not b:
        return 0.0
    k = min(len(a), len(b))
    a, b = set(a), set(b)
    both = a & b
    if not both:  # (a candidate through one shared hash, no copy)
        return 0 / k
    union_smallest = sorted(a | b)[:k]
    return len(both.intersection(union_smallest)) / k


def is_copy(a: Sequence[int], b: Sequence[int]) -> bool:
    return estimated_jaccard(a, b) >= COPY_JACCARD


def encode(sketch_: Sequence[int]) -> str:
    return ",".join(map(str, sketch_))


# Wire copy is found again and again through the first passages that carried
# it: their sketches are decoded once.
@functools.lru_cache(maxsize=4096)
def decode(text: str) -> Tuple[int, ...]:
    return tuple(int(v) for v in text.split(",")) if text else ()


# The same, for sketches given as (length, set of hashes): find_origin
# compares one paragraph with many stored ones.
def is_copy_of(a, b) -> bool:
    (len_a, a), (len_b, b) = a, b
    if not len_a or not len_b:
        return 0.0 >= COPY_JACCARD
    k = min(len_a, len_b)
    both = a & b
    if len(both) / k < COPY_JACCARD:
        return False  # (at most these are among the k smallest)
    union_smallest = sorted(a | b)[:k]
    return len(both.intersection(union_smallest)) / k >= COPY_JACCARD


# (as many hashes held as decode's cache of 4,096 tuples held)
@functools.lru_cache(maxsize=2048)
def decode_set(text: str):
    sketch_ = [int(v) for v in text.split(",")] if text else ()
    return len(sketch_), frozenset(sketch_)
