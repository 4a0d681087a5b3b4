"""Score extracted claims against a gold file (format of fixtures/gold.jsonl).

Pure functions: no database, no printing.  See scripts/evaluate.py for the CLI.

* Articles are matched by file name.
* A prediction matches a gold row of the same article when the set of non-NULL
  numbers among value_low/value_high equals the gold's (or an `accept`
  alternative) within 0.5%; among several such rows the nearest by offset wins
  (one-to-one), and a `repeat` row also absorbs further identical predictions.
* core recall, precision, vague recall, unit accuracy, grouping pairwise F1;
  with an expected.json, assessments and wire-copy pairs.
"""
import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

TARGETS = {
    "core_recall": 0.96,
    "precision": 0.95,
    "vague_recall": 0.85,
    "unit_accuracy": 0.95,
    "grouping_f1": 0.90,
}
TOLERANCE = 0.005


@dataclass
class Prediction:
    article: str
    span_start: Optional[int]
    text: str
    value_low: Optional[float]
    value_high: Optional[float]
    unit: Optional[str] = None
    measure_id: Any = None
    qualifier: Optional[str] = None
    boilerplate: bool = False


@dataclass
class Report:
    core_total: int = 0
    core_matched: int = 0
    vague_total: int = 0
    vague_matched: int = 0
    predictions: int = 0
    predictions_matched: int = 0
    unit_total: int = 0
    unit_correct: int = 0
    pairs_tp: int = 0
    pairs_fp: int = 0
    pairs_fn: int = 0
    grouping_measured: bool = False
    misses: List[dict] = field(default_factory=list)           # core/vague gold rows not found
    false_positives: List[Prediction] = field(default_factory=list)
    unit_errors: List[tuple] = field(default_factory=list)    # (gold row, prediction)
    grouping_errors: List[tuple] = field(default_factory=list)
    matched_core: List[tuple] = field(default_factory=list)   # (gold row, prediction)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def core_recall(self) -> float:
        return self._ratio(self.core_matched, self.core_total)

    @property
    def precision(self) -> float:
        return self._ratio(self.predictions_matched, self.predictions)

    @property
    def vague_recall(self) -> float:
        return self._ratio(self.vague_matched, self.vague_total)

    @property
    def unit_accuracy(self) -> float:
        return self._ratio(self.unit_correct, self.unit_total)

    @property
    def grouping_f1(self) -> Optional[float]:
        if not self.grouping_measured:
            return None
        tp, fp, fn = self.pairs_tp, self.pairs_fp, self.pairs_fn
        if tp + fp + fn == 0:
            return 1.0
        return 2 * tp / (2 * tp + fp + fn)

    def figures(self) -> Dict[str, Optional[float]]:
        return {
            "core_recall": self.core_recall,
            "precision": self.precision,
            "vague_recall": self.vague_recall,
            "unit_accuracy": self.unit_accuracy,
            "grouping_f1": self.grouping_f1,
        }

    def failures(self, targets: Dict[str, float] = TARGETS) -> List[str]:
        out = []
        for k, v in self.figures().items():
            if v is None:
                continue
            if v + 1e-12 < targets.get(k, 0):
                out.append(k)
        return out

    def passed(self, targets: Dict[str, float] = TARGETS) -> bool:
        return not self.failures(targets)


def load_gold(path: str) -> List[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def value_set(low, high) -> List[float]:
    vals = sorted({float(v) for v in (low, high) if v is not None})
    return vals


def close(a: float, b: float, tol: float = TOLERANCE) -> bool:
    if a == b:
        return True
    return abs(a - b) <= tol * max(abs(a), abs(b))


def sets_match(pred: Sequence[float], gold: Sequence[float]) -> bool:
    if len(pred) != len(gold) or not pred:
        return False
    return all(close(p, g) for p, g in zip(pred, gold))


def gold_alternatives(row: dict) -> List[List[float]]:
    alts = [value_set(row.get("low"), row.get("high"))]
    for acc in row.get("accept") or []:
        if isinstance(acc, dict):
            alts.append(value_set(acc.get("low"), acc.get("high")))
        elif isinstance(acc, (list, tuple)):
            alts.append(value_set(*(list(acc) + [None, None])[:2]))
        elif acc is not None:
            alts.append(value_set(acc, acc))
    return [a for a in alts if a]


def matches(pred: Prediction, row: dict) -> bool:
    ps = value_set(pred.value_low, pred.value_high)
    return any(sets_match(ps, g) for g in gold_alternatives(row))


def _norm_unit(u: Optional[str]) -> Optional[str]:
    if not u:
        return None
    from .units import normalize_unit
    return normalize_unit(u.replace("_", " "))


# Names of the same unit that extraction keeps apart (for its canonical values: a US
# "ton" is 0.907 tonnes) but that news copy uses interchangeably.  Only true synonyms.
_UNIT_EQUIVALENTS = [
    {"tons", "tonnes", "metric tons"},
]


def unit_matches(pred_unit: Optional[str], gold_unit: Optional[str]) -> bool:
    """Does the predicted unit name the gold unit? Equal after plural-lemma and
    synonym normalisation (soldiers = troops, kilometers = km), in the same
    class of _UNIT_EQUIVALENTS (tons = tonnes), or one is the last word of the
    other ("police officers" / "officers")."""
    if gold_unit is None:
        return True
    p, g = _norm_unit(pred_unit), _norm_unit(gold_unit)
    if p is None or g is None:
        return False
    if p == g:
        return True
    for cls in _UNIT_EQUIVALENTS:
        if p in cls and g in cls:
            return True
    pw, gw = p.split(), g.split()
    return pw[-1] == gw[-1] and (len(pw) == 1 or len(gw) == 1)


def article_key(name: str) -> str:
    return os.path.basename(name or "")


def score(predictions: Iterable[Prediction], gold: Iterable[dict],
          grouping: bool = False) -> Report:
    """Score predictions (for the gold articles) against gold rows.

    With grouping=True, pairs of matched core claims are compared: "same gold
    measure" vs "same measure_id" (predictions with measure_id None are in no group).
    """
    rep = Report(grouping_measured=grouping)
    gold_by: Dict[str, List[dict]] = {}
    for r in gold:
        gold_by.setdefault(article_key(r["article"]), []).append(r)
    preds_by: Dict[str, List[Prediction]] = {}
    for p in predictions:
        key = article_key(p.article)
        if key in gold_by:
            preds_by.setdefault(key, []).append(p)
    matched_core = []   # (gold row, prediction)
    for art in sorted(gold_by):
        rows = gold_by[art]
        preds = preds_by.get(art, [])
        rep.predictions += len(preds)
        cands = []
        for pi, p in enumerate(preds):
            for gi, r in enumerate(rows):
                if matches(p, r):
                    dist = abs((p.span_start if p.span_start is not None else 0) - (r.get("at") or 0))
                    if p.span_start is None:
                        dist = 10 ** 9
                    cands.append((dist, pi, gi))
        cands.sort()
        p_match: Dict[int, int] = {}
        g_match: Dict[int, int] = {}
        for dist, pi, gi in cands:
            if pi in p_match or gi in g_match:
                continue
            p_match[pi] = gi
            g_match[gi] = pi
        # repeat rows absorb further identical predictions
        for pi, p in enumerate(preds):
            if pi in p_match:
                continue
            for gi, r in enumerate(rows):
                if r.get("repeat") and matches(p, r):
                    p_match[pi] = gi
                    break
        rep.predictions_matched += len(p_match)
        for pi, p in enumerate(preds):
            if pi not in p_match:
                rep.false_positives.append(p)
        for gi, r in enumerate(rows):
            kind = r.get("kind", "core")
            if kind == "core":
                rep.core_total += 1
                if gi in g_match:
                    rep.core_matched += 1
                    p = preds[g_match[gi]]
                    matched_core.append((r, p))
                    rep.unit_total += 1
                    if unit_matches(p.unit, r.get("unit")):
                        rep.unit_correct += 1
                    else:
                        rep.unit_errors.append((r, p))
                else:
                    rep.misses.append(r)
            elif kind == "vague":
                rep.vague_total += 1
                if gi in g_match:
                    rep.vague_matched += 1
                else:
                    rep.misses.append(r)
    rep.matched_core = matched_core
    if grouping:
        items = [(r.get("measure"), p.measure_id, r, p) for r, p in matched_core if r.get("measure")]
        for i in range(len(items)):
            gi_, pi_, ri, ppi = items[i]
            for j in range(i + 1, len(items)):
                gj, pj, rj, ppj = items[j]
                same_gold = gi_ == gj
                same_pred = pi_ is not None and pi_ == pj
                if same_gold and same_pred:
                    rep.pairs_tp += 1
                elif same_pred:
                    rep.pairs_fp += 1
                    rep.grouping_errors.append(("merged", ri, rj, ppi, ppj))
                elif same_gold:
                    rep.pairs_fn += 1
                    rep.grouping_errors.append(("split", ri, rj, ppi, ppj))
    return rep


def format_summary(rep: Report, targets: Dict[str, float] = TARGETS) -> str:
    lines = []
    def row(name, value, detail):
        if value is None:
            lines.append(f"{name:<16} {'n/a':>7}   {detail}")
            return
        ok = "ok" if value + 1e-12 >= targets[name] else "BELOW TARGET"
        lines.append(f"{name:<16} {value:7.3f}   {detail}  (target {targets[name]:.2f}) {ok}")
    row("core_recall", rep.core_recall, f"{rep.core_matched}/{rep.core_total} core rows")
    row("precision", rep.precision, f"{rep.predictions_matched}/{rep.predictions} predictions")
    row("vague_recall", rep.vague_recall, f"{rep.vague_matched}/{rep.vague_total} vague rows")
    row("unit_accuracy", rep.unit_accuracy, f"{rep.unit_correct}/{rep.unit_total} matched core")
    if rep.grouping_measured:
        row("grouping_f1", rep.grouping_f1,
            f"pairs tp={rep.pairs_tp} fp={rep.pairs_fp} fn={rep.pairs_fn}")
    else:
        row("grouping_f1", None, "not measured (no measure ids)")
    return "\n".join(lines)


def format_details(rep: Report, limit: int = 200) -> str:
    out = []
    if rep.misses:
        out.append(f"MISSES ({len(rep.misses)}):")
        for r in rep.misses[:limit]:
            out.append(f"  {r['article']} @{r.get('at')} [{r.get('kind', 'core')}] {r.get('text')!r} "
                       f"low={r.get('low')} high={r.get('high')} unit={r.get('unit')}")
    if rep.false_positives:
        out.append(f"FALSE POSITIVES ({len(rep.false_positives)}):")
        for p in rep.false_positives[:limit]:
            out.append(f"  {article_key(p.article)} @{p.span_start} {p.text!r} low={p.value_low} "
                       f"high={p.value_high} unit={p.unit}" + (" [boilerplate]" if p.boilerplate else ""))
    if rep.unit_errors:
        out.append(f"UNIT ERRORS ({len(rep.unit_errors)}):")
        for r, p in rep.unit_errors[:limit]:
            out.append(f"  {r['article']} @{r.get('at')} {r.get('text')!r}: gold unit={r.get('unit')} "
                       f"predicted={p.unit}")
    if rep.grouping_errors:
        out.append(f"GROUPING ERRORS ({len(rep.grouping_errors)} pairs, first {min(limit, 40)}):")
        for kind, ri, rj, pi, pj in rep.grouping_errors[:min(limit, 40)]:
            out.append(f"  {kind}: {ri['article']}@{ri.get('at')} {ri.get('text')!r} ({ri.get('measure')}, "
                       f"id {pi.measure_id}) ~ {rj['article']}@{rj.get('at')} {rj.get('text')!r} "
                       f"({rj.get('measure')}, id {pj.measure_id})")
    return "\n".join(out)


# ------------------------------------------------- assessments and wire copy


def assessment_agreement(matched_core: Sequence[tuple], assessment_of: Dict[Any, str],
                         expected: Dict[str, str]) -> Tuple[int, int, List[str]]:
    """(agreeing, compared, disagreements) between each gold measure's expected
    assessment and that of the measure holding most of its matched core claims."""
    ids: Dict[str, Counter] = defaultdict(Counter)
    for row, prediction in matched_core:
        if row.get("measure") and prediction.measure_id is not None:
            ids[row["measure"]][prediction.measure_id] += 1
    agree, compared, wrong = 0, 0, []
    for measure, want in sorted(expected.items()):
        if measure not in ids:
            continue
        got = assessment_of.get(ids[measure].most_common(1)[0][0])
        compared += 1
        if got == want:
            agree += 1
        else:
            wrong.append("{}: expected {}, got {}".format(measure, want, got))
    return agree, compared, wrong


def pair_agreement(found: Iterable[Sequence[str]], expected: Iterable[Sequence[str]]) -> Tuple[int, int, List[str]]:
    """(expected pairs found, expected pairs, pairs found that were not expected)."""
    found_set = {frozenset(map(article_key, p)) for p in found}
    expected_set = {frozenset(map(article_key, p)) for p in expected}
    extra = sorted(" ~ ".join(sorted(p)) for p in found_set - expected_set)
    return len(found_set & expected_set), len(expected_set), extra
