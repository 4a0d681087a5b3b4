"""Group claims that count the same real-world quantity into measures.

Claims are compared only within a story (see stories.py) and a unit family
("troops", "soldiers" and "personnel" count the same kind of thing; "homes"
and "structures" do not). Within such a block, claims are clustered by the
words around them: what was counted ("National Guard", "active-duty"), what
happened to it ("killed", "missing", "evacuated"), and which event it belongs
to (a past fire quoted for comparison has its own name). Pure functions.

The unit families are in families.py, the block a claim is compared within
in blocks.py, the words a figure is known by in terms.py, the dating of
earlier events in past_events.py, how a sentence
presents a figure (a rival estimate, a source's own figure, an earlier one) in
phrasing.py, labels and slugs in labels.py;
this module holds the rules that bind figures together or keep them apart,
and the assignment of an article's figures to measures.
"""
import heapq
import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence

from . import compare
from .blocks import block_of  # noqa: F401 (the module's public names)
from .families import INCIDENTAL_UNITS, UNIT_FAMILIES, unit_family  # noqa: F401 (the lexicon is families.py's)
from .labels import MeasureKey, measure_label, slugify  # noqa: F401 (the module's public names)
from .past_events import date_past_events, past_event_year  # noqa: F401
from .phrasing import (another_period, changed_from, corrects, own_estimate, refers_back, revised_later,  # noqa: F401
                       rival_estimates, risen_to)
from .terms import (CLAUSE_BREAK_RE, PREDICATE_STEMS, claim_terms, main_predicate, normalise_word,  # noqa: F401
                    offset_in_sentence, own_predicate)


# ------------------------------------------------------------------ constraints

THRESHOLD = 0.15  # cosine similarity a claim needs to join a measure

MAX_RATIO = 30  # figures this far apart are not one quantity, even revised
CLOSE_RATIO = 1.6  # figures this close to a measure's range ...
CLOSE_VALUE_BONUS = 0.25  # ... add this much to their word similarity
SAME_VALUE_BONUS = 0.1  # ... and this much more when they lie within its range
OTHER_PREDICATE_PENALTY = 0.2  # "taken to hospital" joining a measure of the killed
BOUNDED_FAMILIES = {"percent"}
SHARE_POINTS = 0.5  # a share this close to a measure's range is close (in points)
# an update quoting one of a measure's own figures as its earlier one ("38
# dead, up from 14") belongs to it whatever other words it uses: this
# outweighs any difference of words
QUOTED_EARLIER_BONUS = 1.0
IDF_MIN_MEASURES = 3


def _typical(claim: dict) -> Optional[float]:
    """A claim's figure in its canonical unit (so acres and hectares compare)."""
    if claim.get("qualifier") == "vague":
        return None
    if claim.get("canonical_low") is not None or claim.get("canonical_high") is not None:
        values = [v for v in (claim.get("canonical_low"), claim.get("canonical_high")) if v]
    else:
        values = [v for v in (claim.get("value_low"), claim.get("value_high")) if v]
    return sum(values) / len(values) if values else None


def _cannot_link(a: dict, b: dict) -> bool:
    """Two different figures for the same unit in one sentence are two
    quantities ("4,000 authorized but only 2,100 in place"), unless one is an
    earlier figure quoted for contrast ("400 instead of the 250 first announced").
    Nor are figures thirty times apart ("$38 million" and "$1.2 billion")."""
    va, vb = _typical(a), _typical(b)
    if va and vb and max(va, vb) / min(va, vb) > MAX_RATIO and va > 0 and vb > 0:
        return True
    if a["article_id"] != b["article_id"] or not a.get("sentence") or a.get("sentence") != b.get("sentence"):
        return False
    if a.get("retrospective") or b.get("retrospective"):
        return False
    if rival_estimates(a, b):
        return False
    return (a.get("value_low"), a.get("value_high")) != (b.get("value_low"), b.get("value_high"))


def _must_link_keys(claim: dict):
    """Keys shared by claims that are certainly one measure."""
    # the same words in the same place of the same sentence (a key point repeated in the body);
    # not "arrests rose from 12 to 19, and 12 officers were hurt"
    yield ("wording", claim.get("sentence"), claim.get("text"), offset_in_sentence(claim))
    low, high = claim.get("value_low"), claim.get("value_high")
    if low is not None or high is not None:
        # the same figure again in one article: "1,400" in headline and lead
        if max(v for v in (low, high) if v is not None) >= 10:
            yield ("repeat", claim["article_id"], low, high, bool(claim.get("retrospective")))


# ------------------------------------------------------------------ online


def _norm(vector: Dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values())) or 1.0


_UNKNOWN = object()


@dataclass
class Measure:
    """What grouping needs to remember of a measure between loads."""

    key: int
    block: tuple
    centroid: Counter
    size: int = 0
    low: Optional[float] = None  # smallest and largest typical figure
    high: Optional[float] = None
    _norm: Optional[float] = None
    _predicate: object = _UNKNOWN  # main_predicate(centroid), once known
    # the terms added since the centroid was last compacted (analysis.py),
    # or None when it is not known to be compact
    _fresh: Optional[set] = None

    @property
    def norm(self) -> float:
        if self._norm is None:
            self._norm = _norm(self.centroid)
        return self._norm

    @property
    def predicate(self) -> Optional[str]:
        if self._predicate is _UNKNOWN:
            self._predicate = main_predicate(self.centroid)
        return self._predicate

    def centroid_changed(self):
        """Forget what was computed from the centroid (call after changing it)."""
        self._norm = None
        self._predicate = _UNKNOWN

    def fits(self, value: Optional[float]) -> bool:
        if not value or self.low is None:
            return True
        return max(self.high, value) / min(self.low, value) <= MAX_RATIO

    def close(self, values) -> bool:
        """Every figure lies within CLOSE_RATIO of the measure's range."""
        if self.low is None:
            return False
        return all(self.low / CLOSE_RATIO <= v <= self.high * CLOSE_RATIO for v in values)

    def close_share(self, values) -> bool:
        """Every share lies within SHARE_POINTS of the measure's range."""
        return self.low is not None and all(self.low - SHARE_POINTS <= v <= self.high + SHARE_POINTS for v in values)

    def holds(self, value: float) -> bool:
        """The value lies within the measure's range of figures."""
        return self.low is not None and self.low * 0.98 <= value <= self.high * 1.02

    def add(self, terms: Counter, value: Optional[float], count: int = 1):
        if terms:
            self.centroid.update(terms)
            if self._fresh is not None:
                self._fresh.update(terms)
            self.centroid_changed()
        self.size += count
        if value:
            self.low = value if self.low is None else min(self.low, value)
            self.high = value if self.high is None else max(self.high, value)


def assign_article(claims: Sequence[dict], measures: List[Measure], threshold: float = THRESHOLD) -> List[Optional[int]]:
    """Assign one article's claims to measures, creating measures as needed.

    The best-scoring (figure, measure) pairs are settled first, so one
    figure's weak match cannot take the measure a later figure fits better.
    An article gives one figure per quantity: a measure holding one of its
    figures takes no incompatible other (an earlier figure quoted as such,
    "up from 631", excepted).

    `measures` is updated in place; keys of new measures are negative
    placeholders (-1, -2, ...) for the caller to replace with real ids.
    """
    keys: List[Optional[int]] = [None] * len(claims)
    if claims and "past_year" not in claims[0]:
        date_past_events(claims)
    for claim in claims:
        if claim.get("retrospective") and another_period(claim):
            claim["retrospective"] = 0  # a figure of its own, not an earlier one of this quantity
        elif not claim.get("retrospective") and (changed_from(claim) or revised_later(claim)):
            claim["retrospective"] = 1
    terms = [c.get("terms") or claim_terms(c) for c in claims]
    by_block = defaultdict(list)
    for m in measures:
        by_block[m.block].append(m)
    groups = []
    for members in _must_link_groups(claims):
        block = block_of(claims[members[0]])
        if block is None:
            continue
        if len(members) == 1:  # what sum([...], Counter()) gives: the positive terms
            group_terms = Counter({t: w for t, w in terms[members[0]].items() if w > 0})
        else:
            group_terms = sum((terms[i] for i in members), Counter())
        values = [v for v in (_typical(claims[i]) for i in members) if v]
        earlier = [v for v in (_typical(claims[i]) for i in members if claims[i].get("retrospective")) if v]
        groups.append(_Group(members, block, group_terms, values, earlier))
    # words every measure of a block shares say little about which one a
    # figure belongs to: weigh terms by how few measures use them (as the
    # block stood before this article)
    block_df = {}
    for block in {g.block for g in groups}:
        block_df[block] = _document_frequencies(by_block[block], [g.terms for g in groups if g.block == block])
    past_of = defaultdict(list)  # (story, family) -> measures of earlier events
    for m in measures:
        if m.block[2] is not None:
            past_of[m.block[:2]].append(m)
    candidates = []
    for index, group in enumerate(groups):
        group.vector = _weighted(group.terms, *block_df[group.block])
        group.norm = _norm(group.vector)
        group.predicate = own_predicate(group.terms)
        group.risen = group.predicate is not None and any(
            risen_to(claims[i]) for i in group.members if not claims[i].get("retrospective"))
        block_measures = by_block[group.block] + _past_events_quoted(group, past_of)
        for m, score in zip(block_measures, _scores(group, block_measures)):
            if score > threshold:
                candidates.append((-score, index, m.key))
    heapq.heapify(candidates)
    by_key = {m.key: m for m in measures}
    in_article = defaultdict(list)  # measure key -> this article's claims in it
    chosen: Dict[int, Measure] = {}
    while candidates:
        _, index, key = heapq.heappop(candidates)
        group = groups[index]
        if index in chosen or not _may_join(group, in_article[key], claims, by_key[key]):
            continue
        chosen[index] = by_key[key]
        in_article[key].extend(group.members)
    for index, group in enumerate(groups):
        measure = chosen.get(index)
        if any(refers_back(claims[i]) for i in group.members):
            # "put the number at ...": the quantity just talked about, before
            # the best match elsewhere
            if measure is not None:
                in_article[measure.key] = [i for i in in_article[measure.key] if i not in group.members]
            measure = _referred_to(group, claims, in_article, by_key) or measure
            if measure is not None and measure.key > 0:  # (the article's own measures are added below)
                in_article[measure.key].extend(group.members)
        if measure is None:
            # a measure this article started may fit a later figure of it
            best = threshold
            for m in by_block[group.block] + _past_events_quoted(group, past_of):
                if m.key < 0 and _may_join(group, in_article[m.key], claims, m):
                    score = _score(group, m, same_article=True)
                    if score > best:
                        best, measure = score, m
        if measure is None:
            measure = Measure(key=-(1 + sum(1 for m in measures if m.key < 0)), block=group.block, centroid=Counter())
            measures.append(measure)
            by_key[measure.key] = measure
            by_block[group.block].append(measure)
            in_article[measure.key].extend(group.members)
        elif measure.key < 0:
            in_article[measure.key].extend(group.members)
        for i in group.members:
            keys[i] = measure.key
        for value in group.values or [None]:
            measure.add(None, value, 0)
        measure.add(group.terms, None, len(group.members))
    return keys


def _referred_to(group: "_Group", claims: Sequence[dict], in_article, by_key) -> Optional[Measure]:
    """The measure "the number" / "it" of the group's sentence refers back to:
    of the article's figures in its block in that sentence or the one before,
    the measure the group fits best ("the coast guard said about 60 fishermen
    were missing" ... "an association put the number at more than 200"), if
    the group may join it."""
    first = claims[min(group.members)]
    sentences = {first.get("sentence")}
    measure_of = {i: key for key, members in in_article.items() for i in members}
    before = [i for i in range(min(group.members)) if i in measure_of]
    if before:  # the sentence before the group's, by the nearest figure before it
        sentences.add(claims[before[-1]].get("sentence"))
    best, best_score = None, -1.0
    for i in before:  # (nearest first among equals)
        if claims[i].get("sentence") not in sentences:
            continue
        measure = by_key[measure_of[i]]
        if measure.block != group.block or measure is best:
            continue
        score = _score(group, measure)
        if score >= best_score and score >= 0 and _may_join(group, in_article[measure.key], claims, measure):
            best, best_score = measure, score
    return best


def _past_events_quoted(group: "_Group", past_of) -> List[Measure]:
    """Measures of an earlier event holding the very figures of an undated
    group: "the 1979 eruption killed 46" ... "the eruption that killed 46"."""
    if group.block[2] is not None or not group.values:
        return []
    return [m for m in past_of.get(group.block[:2], ())
            if m.low == m.high and all(v == m.low for v in group.values)]


@dataclass
class _Group:
    """Claims of one article that must share a measure."""

    members: List[int]
    block: tuple
    terms: Counter
    values: List[float]
    earlier: List[float]  # the figures it quotes as earlier ones ("up from 73")
    vector: Optional[Dict[str, float]] = None
    norm: float = 1.0
    # its main predicate when said right by the figure (see _predicates_differ)
    predicate: Optional[str] = None
    risen: bool = False  # "the toll has risen to 12": a running count, updated


def _document_frequencies(measures: Sequence[Measure], terms: Iterable[Counter]):
    """(number of measures, {term: measures whose centroid has it}) for the
    given groups' terms (all _weighted reads)."""
    wanted = set()
    for group_terms in terms:
        wanted.update(group_terms)
    df = Counter()
    if wanted:
        for m in measures:
            df.update(m.centroid.keys() & wanted)
    return len(measures), df


def _weighted(terms: Counter, n: int, df: Counter) -> Dict[str, float]:
    if n < IDF_MIN_MEASURES:
        return terms
    return {t: w * math.log((n + 1) / (df.get(t, 0) + 0.5)) for t, w in terms.items()}


def _score(group: _Group, measure: Measure, same_article: bool = False) -> float:
    """Cosine of the group's words and the measure's, plus a bonus when its
    figures are close to the measure's own; -1 when they cannot be one.
    Within one article (`same_article`: a measure the article started) close
    figures are no such evidence: an article repeats its figure for a
    quantity, and a different one nearby counts something else ("ash 9 km
    high" ... "an exclusion zone of 8 km")."""
    if not all(measure.fits(v) for v in group.values):
        return -1.0
    centroid = measure.centroid
    vector = group.vector
    # the products in the vector's order, as a plain loop would sum them
    weights = map(centroid.get, vector, itertools.repeat(0.0))
    score = sum(map(operator.mul, vector.values(), weights)) / (group.norm * measure.norm)
    if group.predicate is not None and _differs(group.predicate, measure.predicate, centroid):
        score -= OTHER_PREDICATE_PENALTY
    # figures close to a measure's own are evidence they count the same thing,
    # the same figures more so, and so is an update quoting one of its figures
    # ("down from the 73 initially reported"); shares crowd into 0 to 100
    # whatever they measure, so only one within half a point is close
    bounded = group.block[1] in BOUNDED_FAMILIES
    quoted = any(measure.holds(v) for v in group.earlier)
    # (one article's earlier figure differs from its current one; a group
    # repeating one of the article's figures for the measure is evidence)
    near = measure.holds if same_article and not group.earlier else None
    if bounded:
        close = bool(group.values) and near is None and measure.close_share(group.values)
    else:
        close = bool(group.values) and (any(map(near, group.values)) if near else measure.close(group.values))
    if quoted or close:
        score += CLOSE_VALUE_BONUS
    if quoted:
        score += QUOTED_EARLIER_BONUS
    if group.values and not bounded and all(measure.holds(v) for v in group.values):
        score += SAME_VALUE_BONUS
    # a count said to have risen past a measure's figures, with the same
    # predicate ("the toll rose to 12" after "at least 3 dead"), updates it
    if (group.risen and measure.low is not None and not (group.values and not bounded and measure.close(group.values))
            and measure.predicate == group.predicate and group.values and all(v > 0 for v in group.values)
            and 0 < measure.low and min(group.values) > measure.high):
        score += CLOSE_VALUE_BONUS
    return score


def _scores(group: _Group, measures: Sequence[Measure]) -> List[float]:
    """_score(group, m) for each measure, in one loop: the same arithmetic in
    the same order, without a call per measure."""
    values, earlier, vector = group.values, group.earlier, group.vector
    group_norm, mine, risen = group.norm, group.predicate, group.risen
    bounded = group.block[1] in BOUNDED_FAMILIES
    valued = bool(values) and not bounded
    weights = list(vector.values())
    mul, repeat = operator.mul, itertools.repeat
    # When every figure is positive, a test of all of them against a
    # measure's positive range holds when it holds for the smallest and the
    # largest: the further a figure lies outside the range, the larger its
    # ratio to the far end (max(high, v) / min(low, v)).
    positive = bool(values) and all(v > 0 for v in values)
    if positive:
        smallest, largest = min(values), max(values)
    scores = []
    for m in measures:
        low, high = m.low, m.high
        extremes = positive and low is not None and 0 < low <= high
        if low is not None and values:
            if extremes:
                fits = (max(high, smallest) / min(low, smallest) <= MAX_RATIO
                        and max(high, largest) / min(low, largest) <= MAX_RATIO)
            else:
                fits = all(not v or max(high, v) / min(low, v) <= MAX_RATIO for v in values)
            if not fits:
                scores.append(-1.0)
                continue
        centroid = m.centroid
        norm = m._norm
        if norm is None:
            norm = m.norm
        score = sum(map(mul, weights, map(centroid.get, vector, repeat(0.0)))) / (group_norm * norm)
        if mine is not None:
            theirs = m._predicate
            if theirs is _UNKNOWN:
                theirs = m.predicate
            if theirs is not None and theirs != mine and centroid.get(mine, 0.0) < 0.25 * centroid[theirs]:
                score -= OTHER_PREDICATE_PENALTY
        if low is not None:
            if valued:
                if extremes:
                    close = low / CLOSE_RATIO <= smallest and largest <= high * CLOSE_RATIO
                    same = low * 0.98 <= smallest and largest <= high * 1.02
                else:
                    close = all(low / CLOSE_RATIO <= v <= high * CLOSE_RATIO for v in values)
                    same = all(low * 0.98 <= v <= high * 1.02 for v in values)
            elif values:  # a share
                same = False
                close = all(low - SHARE_POINTS <= v <= high + SHARE_POINTS for v in values)
            else:
                close = same = False
            quoted = bool(earlier) and any(low * 0.98 <= v <= high * 1.02 for v in earlier)
            if close or quoted:
                score += CLOSE_VALUE_BONUS
            if quoted:
                score += QUOTED_EARLIER_BONUS
            if same:
                score += SAME_VALUE_BONUS
            if risen and not (close and valued) and theirs == mine and extremes and smallest > high:
                score += CLOSE_VALUE_BONUS
        scores.append(score)
    return scores


def _differs(mine: str, theirs: Optional[str], centroid) -> bool:
    if theirs is None or theirs == mine:
        return False
    return centroid.get(mine, 0.0) < 0.25 * centroid[theirs]


def _predicates_differ(terms: Counter, centroid: Counter) -> bool:
    """The figure says what happened to it ("taken to hospital") and the
    measure is mostly about something else ("killed")."""
    mine = own_predicate(terms)  # said right by the figure
    if mine is None:
        return False
    return _differs(mine, main_predicate(centroid), centroid)


def _comparable(claim: dict) -> dict:
    """The claim's interval in its canonical unit, for compare.compatible."""
    if claim.get("canonical_low") is not None or claim.get("canonical_high") is not None:
        return {"value_low": claim.get("canonical_low"), "value_high": claim.get("canonical_high"),
                "qualifier": claim.get("qualifier")}
    return claim


def _may_join(group: _Group, others: Sequence[int], claims: Sequence[dict], measure: Optional[Measure] = None) -> bool:
    """Whether a group may join `measure`, already holding `others` of its article."""
    excused = None  # worked out at the first disagreement only: most joins have none
    for i in group.members:
        a = claims[i]
        for j in others:
            b = claims[j]
            if _cannot_link(a, b):
                return False
            if a.get("retrospective") or b.get("retrospective") or rival_estimates(a, b):
                continue
            if not compare.compatible(_comparable(a), _comparable(b)):
                if excused is None:
                    excused = _excused(group, others, claims)
                disputes, figures, rivals = excused
                if _disputed(a, b, disputes) or _typical(a) in figures:
                    continue
                # two sources disagreeing, where the article sets sources'
                # figures against each other or other reports already span both
                if _sources_differ(a, b) and (rivals or (measure is not None and measure.holds(_typical(a) or 0)
                                                         and measure.holds(_typical(b) or 0))):
                    continue
                return False
    return True


def _sources_differ(a: dict, b: dict) -> bool:
    sa, sb = a.get("attribution"), b.get("attribution")
    return bool(sa and sb) and sa.lower() != sb.lower()


def _excused(group: _Group, others: Sequence[int], claims: Sequence[dict]):
    """(the figures the article sets against each other, the figures that may
    disagree with the rest): a figure given as a source's own is so wherever the
    article repeats it, and one the article quotes as an earlier one ("up from
    1,400 yesterday") is an earlier figure wherever the article gives it (not
    small counts, which recur for other things: "rose from nine", "nine in hospital")."""
    members = [*group.members, *others]
    claimed = {_typical(claims[i]) for i in group.members if own_estimate(claims[i])} - {None}
    earlier = {v for v in (_typical(claims[i]) for i in members if claims[i].get("retrospective")) if v and v >= 10}
    # an article that sets two sources' figures against each other in one
    # sentence treats the quantity as disputed: its other sources' figures for
    # it may disagree as well ("Police said 42,000 ... while organisers said
    # 150,000" ... "The minister said fewer than 45,000")
    rivals = any(rival_estimates(claims[i], claims[j]) for x, i in enumerate(members) for j in members[x + 1:])
    return _disputes(members, claims), claimed | earlier, rivals


def _disputes(indexes: Sequence[int], claims: Sequence[dict]) -> List[tuple]:
    """The figures pairs of which a sentence of the article sets against each
    other ("the union says 11, not eight")."""
    pairs = []
    for x, i in enumerate(indexes):
        for j in indexes[x + 1:]:
            a, b = claims[i], claims[j]
            if corrects(a, b) and not compare.compatible(_comparable(a), _comparable(b)):
                pairs.append((_typical(a), _typical(b)))
    return pairs


def _disputed(a: dict, b: dict, disputes: Sequence[tuple]) -> bool:
    """Whether the article itself sets a's figure against b's: its other
    mentions of the very same figures then belong with the dispute."""
    va, vb = _typical(a), _typical(b)
    return bool(va and vb) and ((va, vb) in disputes or (vb, va) in disputes)


def _must_link_groups(claims: Sequence[dict]) -> List[List[int]]:
    """One article's claims in groups that must share a measure (the same
    figure repeated; a change's two ends), never joining two different
    figures of one sentence."""
    parent = list(range(len(claims)))
    members = {i: [i] for i in range(len(claims))}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        ri, rj = find(i), find(j)
        if ri == rj or block_of(claims[i]) != block_of(claims[j]):
            return
        if any(_cannot_link(claims[a], claims[b]) for a in members[ri] for b in members[rj]):
            return
        keep, drop = min(ri, rj), max(ri, rj)
        parent[drop] = keep
        members[keep].extend(members.pop(drop))

    # the earlier figures each sentence quotes: one figure reached from two
    # different earlier ones is two quantities ("widened the zone from 8 km to
    # 12 km"; "revised the column's height to 12 km, up from 9 km")
    earlier_in = defaultdict(set)
    for claim in claims:
        if claim.get("retrospective") and claim.get("sentence"):
            earlier_in[claim["sentence"]].add(_typical(claim))
    first_with = {}
    for i, claim in enumerate(claims):
        for key in _must_link_keys(claim):
            if key in first_with:
                j = first_with[key]
                ei, ej = earlier_in.get(claim.get("sentence")), earlier_in.get(claims[j].get("sentence"))
                if key[0] == "repeat" and ei and ej and not ei & ej:
                    continue
                union(j, i)
            else:
                first_with[key] = i
    by_sentence = defaultdict(list)
    for i, claim in enumerate(claims):
        if claim.get("sentence"):
            by_sentence[claim["sentence"]].append(i)
    for indexes in by_sentence.values():
        current = [i for i in indexes if not claims[i].get("retrospective")]
        for i in indexes:
            if claims[i].get("retrospective") and current:
                union(i, _updated_by(claims, i, current))
        # "the institute puts the figure at 18,000, but the Red Cross said some
        # 45,000 people ...": rival estimates of one quantity
        for x, i in enumerate(current):
            for j in current[x + 1:]:
                if rival_estimates(claims[i], claims[j]) and not _predicates_differ(
                        claims[i].get("terms") or claim_terms(claims[i]),
                        claims[j].get("terms") or claim_terms(claims[j])):
                    union(i, j)
    return [sorted(m) for _, m in sorted(members.items())]


def _updated_by(claims: Sequence[dict], earlier: int, current: List[int]) -> int:
    """The figure of a sentence that an earlier figure is quoted against: the
    nearest before it in its clause ("Eleven remain in hospital, down from 19;
    three are critical"), else the nearest at all ("rose from 631 to 1,011")."""
    sentence = claims[earlier].get("sentence") or ""
    where = offset_in_sentence(claims[earlier])
    clause_start = max([m.end() for m in CLAUSE_END_RE.finditer(sentence, 0, max(where, 0))] or [0])
    before = [j for j in current if clause_start <= offset_in_sentence(claims[j]) < where]
    if before:
        return max(before, key=lambda j: (offset_in_sentence(claims[j]), -j))
    return min(current, key=lambda j: (abs(offset_in_sentence(claims[j]) - where), j))


CLAUSE_END_RE = re.compile(r"[;:\u2014]|\s-\s|\.\s")


def group_claims(claims: Sequence[dict], threshold: float = THRESHOLD) -> List[Optional[int]]:
    """Cluster numbers for claims (None for incidental ones), assigning
    article by article in id order, exactly as a sequence of loads does.
    Claims carry `story` (stories.py), `published`, `unit`, `sentence`,
    `text`, `article_id`, values and `retrospective`."""
    measures: List[Measure] = []
    by_article = defaultdict(list)
    for i, c in enumerate(claims):
        by_article[c["article_id"]].append(i)
    labels: List[Optional[int]] = [None] * len(claims)
    next_key = 0
    past_events = defaultdict(lambda: ({}, set()))  # story -> earlier events' names, its own names
    for article_id in sorted(by_article):
        indexes = by_article[article_id]
        article = [dict(claims[i]) for i in indexes]
        past, current = past_events[article[0].get("story")]
        dated, undated = date_past_events(article, past, current)
        for name, year in dated.items():
            past.setdefault(name, year)
        current |= undated
        keys = assign_article(article, measures, threshold)
        renumber = {}
        for m in measures:
            if m.key < 0:
                renumber[m.key] = next_key
                m.key = next_key
                next_key += 1
        for i, k in zip(indexes, keys):
            labels[i] = renumber.get(k, k) if k is not None else None
    return labels
