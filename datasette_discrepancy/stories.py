"""Which articles cover the same story: figures are only lined up within one.

An article joins the story whose word profile (the sum of its articles'
word vectors) is most like its own, among stories with an article published
within a few weeks of it, or starts a new story. Articles are taken one at a
time in id order, so stories never depend on how a load was batched. Pure
functions of plain data; analysis.py keeps stories in the database.
"""
import datetime
import functools
import itertools
import json
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional

SIMILARITY = 0.25  # cosine between an article and a story's profile to join it
WINDOW_DAYS = 21  # how far from a story's dates an article can be published
PROFILE_TERMS = 300  # a story remembers its most frequent words
ARTICLE_TERMS = 150  # an article is compared by its most frequent words
MAX_OWN_NAMES = 5000  # names a story remembers as its own

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]{2,}")
STOPWORDS = set(
    """the and for are but not you all any can had her was one our out day get has him his how man new
    now old see two way who boy did its let put say she too use that with have this will your from they
    know want been good much some time very when come here just like long make many over such take than
    them well were what said says would could should there their about after before which while where
    also into more most other only then these those through during against between because being both
    each few further once same under until again off own whom why does doing having itself themselves
    yourself ourselves above below told according officials official percent""".split()
)


def article_vector(text: str) -> Dict[str, float]:
    """Unit-length vector of an article's words (log-scaled counts)."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    counts = Counter(w for w in words if w not in STOPWORDS)
    # the most frequent words are enough to tell stories apart, and cheaper
    vector = {t: 1 + math.log(c) for t, c in counts.most_common(ARTICLE_TERMS)}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def top_terms(weights: Dict[str, float], n: int) -> Counter:
    """The n heaviest terms, ties broken by the term: the same whatever order
    the weights were built in."""
    # by term, then (a stable sort) by weight, heaviest first: the order of
    # a sort on (-weight, term), without a Python key function
    items = sorted(weights.items())
    items.sort(key=operator.itemgetter(1), reverse=True)
    return Counter(dict(items[:n]))


@functools.lru_cache(maxsize=4096)  # a story's dates are checked for every article near them
def _date(value: Optional[str]):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass
class Story:
    id: int
    first_published: Optional[str] = None
    last_published: Optional[str] = None
    articles: int = 0
    profile: Counter = field(default_factory=Counter)
    # earlier events the story's articles name (name -> year) and the names
    # around its own figures, so a later article's "the Helena" is dated
    past_events: Dict[str, str] = field(default_factory=dict)
    own_names: Dict[str, None] = field(default_factory=dict)  # ordered set

    def remember_names(self, dated: Dict[str, str], undated: Iterable[str]) -> bool:
        """Add what grouping learned of an article's names; True if anything changed."""
        before = (len(self.past_events), len(self.own_names))
        for name, year in sorted(dated.items()):
            self.past_events.setdefault(name, year)
        for name in sorted(undated):
            if len(self.own_names) >= MAX_OWN_NAMES:
                break
            self.own_names.setdefault(name)
        return before != (len(self.past_events), len(self.own_names))

    def names_json(self) -> str:
        return json.dumps({"past": self.past_events, "own": list(self.own_names)}, sort_keys=True)

    def load_names(self, value: Optional[str]):
        names = json.loads(value or "{}")
        self.past_events = dict(names.get("past", {}))
        self.own_names = dict.fromkeys(names.get("own", []))

    def in_window(self, published: Optional[str], days: int = WINDOW_DAYS) -> bool:
        date = _date(published)
        first, last = _date(self.first_published), _date(self.last_published)
        if date is None or first is None:
            return True  # undated articles may belong to any story
        return (first - datetime.timedelta(days=days)) <= date <= (last + datetime.timedelta(days=days))

    _norm: Optional[float] = None

    def similarity(self, vector: Dict[str, float]) -> float:
        if self._norm is None:
            self._norm = math.sqrt(sum(v * v for v in self.profile.values())) or 1.0
        # the products in the vector's order, as a plain loop would sum them
        weights = map(self.profile.get, vector, itertools.repeat(0.0))
        return sum(map(operator.mul, vector.values(), weights)) / self._norm

    def add(self, vector: Dict[str, float], published: Optional[str]):
        self.profile.update(vector)
        # kept exactly as stored, so a later load sees what this one saw
        self.profile = top_terms(self.profile, PROFILE_TERMS)
        self._norm = None
        self.articles += 1
        if published and _date(published):
            self.first_published = min(filter(None, [self.first_published, published]))
            self.last_published = max(filter(None, [self.last_published, published]))


def best_story(vector: Dict[str, float], published: Optional[str], candidates: Iterable[Story],
               similarity: float = SIMILARITY) -> Optional[Story]:
    """The candidate story this article belongs to, or None for a new story."""
    best, chosen = similarity, None
    for story in sorted(candidates, key=lambda s: s.id):
        if not story.in_window(published):
            continue
        score = story.similarity(vector)
        if score >= best:
            best, chosen = score, story
    return chosen


def assign_stories(articles: Iterable[dict]) -> Dict[int, int]:
    """{article id: story id} for articles given as dicts with id, body,
    published; a story's id is the id of its first article."""
    stories: List[Story] = []
    result = {}
    for article in sorted(articles, key=lambda a: a["id"]):
        vector = article_vector(article.get("body") or "")
        story = best_story(vector, article.get("published"), stories)
        if story is None:
            story = Story(id=article["id"])
            stories.append(story)
        story.add(vector, article.get("published"))
        result[article["id"]] = story.id
    return result
