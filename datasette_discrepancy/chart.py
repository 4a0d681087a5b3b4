"""A measure's timeline as inline SVG, drawn on the server.

`timeline_svg(claims)` is a pure function: plain dicts in, a
`markupsafe.Markup` string out. No JavaScript, no external resources, no
absolute URLs of its own (every link is the claim's `article_url`, built by
the caller from Datasette's URL helpers, so `base_url` works).

x is the publication date (claims without one go in an "undated" column at
the right), y the value (linear, or log when the largest figure is more than
50 times the smallest). Marks:

- an exact or approximate figure: a dot;
- a range ("800 to 1,000"): a vertical bar;
- an open interval upwards ("more than 7,000", "800 or more", "thousands"):
  an arrow pointing up from its bound;
- an open interval downwards ("up to 800", "fewer than 800"): an arrow
  pointing down from its bound;
- a retrospective mention (an earlier figure quoted later): hollow, dashed;
- a claim whose status starts with "conflicts": a red ring.

One colour per outlet (the Okabe-Ito palette, safe for colour-blind
readers), with a legend. Every mark carries a <title> tooltip and links to
the claim's sentence on the article page. Everything that comes from an
article is escaped.
"""
import datetime
import math
from typing import Dict, Iterable, List, Optional, Sequence

from markupsafe import Markup, escape

# Okabe & Ito (2008), "Color Universal Design"; yellow last (weak on white)
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#000000",  # black
    "#B59F00",  # a darker yellow, readable on white
)
CONFLICT_COLOUR = "#D7191C"
LOG_RATIO = 50
ARROW = 26  # length of an open interval's arrow, in pixels
UNDATED = "undated"

OPEN_UP_WORDS = {"more_than": "more than", "at_least": "at least"}
OPEN_DOWN_WORDS = {"less_than": "fewer than", "at_most": "up to"}


# ---------------------------------------------------------------- formatting


def format_number(value) -> str:
    """1234 -> "1,234"; 1234.5 -> "1,234.5"; 1e6 -> "1,000,000" (never 1e+06)."""
    if value is None:
        return ""
    value = float(value)
    if math.isfinite(value) and value == int(value):
        return "{:,}".format(int(value))
    text = "{:,.4f}".format(value).rstrip("0").rstrip(".")
    return text


def figure_words(claim: dict) -> str:
    """A claim's interval in words: "800 to 1,000", "more than 7,000",
    "about 2,000", "up to 800", "1,400"; vague words keep their wording:
    "thousands (at least 1,000)", "hundreds (100 to 999)"."""
    low, high = claim.get("value_low"), claim.get("value_high")
    qualifier = claim.get("qualifier") or "exact"
    text = (claim.get("text") or "").strip()
    if qualifier == "vague" and text and low is not None and high is not None:
        # "hundreds (100 to 999)": the words as written, then what they allow
        return "{} ({})".format(text, figure_words(dict(claim, qualifier="range")))
    if low is not None and high is not None:
        if low != high:
            return "{} to {}".format(format_number(low), format_number(high))
        if qualifier == "approximately":
            return "about " + format_number(low)
        return format_number(low)
    if low is not None:
        if qualifier == "vague":
            return "{} (at least {})".format(claim.get("text") or "", format_number(low)).strip()
        return "{} {}".format(OPEN_UP_WORDS.get(qualifier, "more than"), format_number(low))
    if high is not None:
        return "{} {}".format(OPEN_DOWN_WORDS.get(qualifier, "up to"), format_number(high))
    return claim.get("text") or ""


def _date(value) -> Optional[datetime.date]:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _date_label(day: datetime.date, with_year: bool) -> str:
    label = "{} {}".format(day.day, day.strftime("%b"))
    return label + " " + str(day.year) if with_year else label


def _n(value: float) -> str:
    """A coordinate, short."""
    return "{:.1f}".format(value).rstrip("0").rstrip(".")


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# ---------------------------------------------------------------- scales


def _nice_step(span: float, count: int = 5) -> float:
    raw = span / max(count, 1)
    if raw <= 0:
        return 1.0
    exp = math.floor(math.log10(raw))
    base = 10 ** exp
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * base:
            return m * base
    return 10 * base


class _Linear:
    log = False

    def __init__(self, lo: float, hi: float, top: float, bottom: float):
        if lo >= 0:
            lo = 0.0  # counts start from zero: bars are not exaggerated
        if hi <= lo:
            hi = lo + (abs(lo) or 1.0)
        step = _nice_step(hi - lo)
        self.lo = math.floor(lo / step) * step
        self.hi = math.ceil(hi / step) * step
        self.step = step
        self.top, self.bottom = top, bottom

    def __call__(self, value: float) -> float:
        return self.bottom - (value - self.lo) / (self.hi - self.lo) * (self.bottom - self.top)

    def ticks(self) -> List[float]:
        count = int(round((self.hi - self.lo) / self.step))
        return [self.lo + i * self.step for i in range(count + 1)]


class _Log:
    log = True

    def __init__(self, lo: float, hi: float, top: float, bottom: float):
        self.lo_exp = math.floor(math.log10(lo))
        self.hi_exp = math.ceil(math.log10(hi))
        if self.hi_exp == self.lo_exp:
            self.hi_exp += 1
        self.top, self.bottom = top, bottom

    def __call__(self, value: float) -> float:
        value = max(value, 10.0 ** self.lo_exp)
        frac = (math.log10(value) - self.lo_exp) / (self.hi_exp - self.lo_exp)
        return self.bottom - frac * (self.bottom - self.top)

    def ticks(self) -> List[float]:
        decades = self.hi_exp - self.lo_exp
        multiples = (1, 2, 5) if decades <= 3 else (1,)
        out = []
        for e in range(self.lo_exp, self.hi_exp + 1):
            for m in multiples:
                v = m * 10.0 ** e
                if v <= 10.0 ** self.hi_exp * 1.0000001:
                    out.append(v)
        return out


def _values(claims: Iterable[dict]) -> List[float]:
    out = []
    for c in claims:
        for key in ("value_low", "value_high"):
            v = c.get(key)
            if v is not None and isinstance(v, (int, float)) and math.isfinite(v):
                out.append(float(v))
    return out


def y_scale(values: Sequence[float], top: float, bottom: float):
    """The y scale for these values: log when max/min > 50 (all positive)."""
    lo, hi = min(values), max(values)
    if lo > 0 and hi / lo > LOG_RATIO:
        return _Log(lo, hi, top, bottom)
    return _Linear(lo, hi, top, bottom)


# ---------------------------------------------------------------- marks


def _kind(claim: dict) -> Optional[str]:
    low, high = claim.get("value_low"), claim.get("value_high")
    if low is not None and high is not None:
        return "range" if low != high else "point"
    if low is not None:
        return "up"
    if high is not None:
        return "down"
    return None


def _tooltip(claim: dict) -> str:
    parts = [claim.get("outlet") or "Unknown outlet"]
    parts.append(claim.get("published") or "undated")
    line = ", ".join(parts) + ": \u201c{}\u201d".format(claim.get("text") or figure_words(claim))
    words = figure_words(claim)
    if words and words != (claim.get("text") or ""):
        line += " ({})".format(words)
    if claim.get("attribution"):
        line += ", according to " + claim["attribution"]
    extras = []
    if claim.get("retrospective"):
        extras.append("an earlier figure quoted later")
    status = claim.get("status")
    if status and status != "agrees":
        extras.append(status)
    if extras:
        line += " [" + "; ".join(extras) + "]"
    return line


def _mark(claim: dict, x: float, y, colour: str) -> str:
    """One claim's shapes (without the link around them)."""
    kind = _kind(claim)
    hollow = bool(claim.get("retrospective"))
    conflict = str(claim.get("status") or "").startswith("conflicts")
    fill = "#fff" if hollow else colour
    dash = ' stroke-dasharray="3 2"' if hollow else ""
    shapes = []
    ring_at = None
    if kind == "point":
        cy = y(claim["value_low"])
        shapes.append(
            '<circle class="discrepancy-dot" cx="{}" cy="{}" r="5" fill="{}" stroke="{}" stroke-width="1.5"{}/>'.format(
                _n(x), _n(cy), fill, colour, dash
            )
        )
        ring_at = (x, cy, 9)
    elif kind == "range":
        y_hi, y_lo = y(claim["value_high"]), y(claim["value_low"])
        height = max(y_lo - y_hi, 2)
        shapes.append(
            '<rect class="discrepancy-bar" x="{}" y="{}" width="7" height="{}" rx="2" fill="{}" stroke="{}" '
            'stroke-width="1.5"{}/>'.format(_n(x - 3.5), _n(y_hi), _n(height), fill, colour, dash)
        )
        if conflict:
            shapes.append(
                '<rect class="discrepancy-conflict" x="{}" y="{}" width="15" height="{}" rx="5" fill="none" '
                'stroke="{}" stroke-width="2"/>'.format(_n(x - 7.5), _n(y_hi - 4), _n(height + 8), CONFLICT_COLOUR)
            )
    elif kind in ("up", "down"):
        bound = claim["value_low"] if kind == "up" else claim["value_high"]
        y0 = y(bound)
        sign = -1 if kind == "up" else 1
        tip = y0 + sign * ARROW
        shapes.append(
            '<line class="discrepancy-arrow" x1="{x}" y1="{y0}" x2="{x}" y2="{y1}" stroke="{c}" stroke-width="2"{d}/>'.format(
                x=_n(x), y0=_n(y0), y1=_n(tip - sign * 6), c=colour, d=dash
            )
        )
        shapes.append(
            '<polygon class="discrepancy-arrowhead" points="{},{} {},{} {},{}" fill="{}" stroke="{}" stroke-width="1"/>'.format(
                _n(x - 5), _n(tip - sign * 7), _n(x + 5), _n(tip - sign * 7), _n(x), _n(tip), fill, colour
            )
        )
        # the bound itself: a short bar across the shaft
        shapes.append(
            '<line class="discrepancy-bound" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{c}" stroke-width="2.5"/>'.format(
                _n(x - 5), _n(x + 5), y=_n(y0), c=colour
            )
        )
        ring_at = (x, y0, 9)
    if conflict and ring_at:
        shapes.append(
            '<circle class="discrepancy-conflict" cx="{}" cy="{}" r="{}" fill="none" stroke="{}" stroke-width="2"/>'.format(
                _n(ring_at[0]), _n(ring_at[1]), ring_at[2], CONFLICT_COLOUR
            )
        )
    return "".join(shapes)


# ---------------------------------------------------------------- the chart


def outlet_colours(claims: Iterable[dict]) -> Dict[str, str]:
    """Outlet -> colour, in order of first appearance (by date, then name)."""
    firsts: Dict[str, str] = {}
    for c in claims:
        outlet = c.get("outlet") or "Unknown outlet"
        key = c.get("published") or "9999"
        if outlet not in firsts or key < firsts[outlet]:
            firsts[outlet] = key
    ordered = sorted(firsts, key=lambda o: (firsts[o], o.lower()))
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(ordered)}


def timeline_svg(
    claims: Sequence[dict],
    unit: Optional[str] = None,
    title: Optional[str] = None,
    width: int = 760,
    height: int = 340,
) -> Markup:
    """The timeline of a measure's claims as an inline <svg> element.

    `claims`: dicts with id, outlet, published, value_low, value_high,
    qualifier, text, attribution, retrospective, status, article_url.
    Returns an empty Markup when no claim has a value.
    """
    claims = [c for c in claims if _kind(c) is not None]
    values = _values(claims)
    if not claims or not values:
        return Markup("")
    colours = outlet_colours(claims)

    legend_w = 190
    margin = {"left": 72, "right": legend_w + 16, "top": ARROW + 14, "bottom": 48}
    legend_rows = len(colours) + 4
    height = max(height, margin["top"] + legend_rows * 18 + 20)
    plot_left, plot_right = margin["left"], width - margin["right"]
    plot_top, plot_bottom = margin["top"], height - margin["bottom"]
    y = y_scale(values, plot_top, plot_bottom)

    # identical mentions (same outlet, day, figure, kind of mention) share one
    # mark: Reuters' eighteen "thousands" are one arrow, not a comb
    marks: List[List[dict]] = []
    seen: Dict[tuple, List[dict]] = {}
    for c in claims:
        key = (
            c.get("outlet") or "Unknown outlet",
            c.get("published") or "",
            c.get("value_low"),
            c.get("value_high"),
            c.get("qualifier"),
            bool(c.get("retrospective")),
            str(c.get("status") or "").startswith("conflicts"),
        )
        if key not in seen:
            seen[key] = []
            marks.append(seen[key])
        seen[key].append(c)

    # x: dated claims on a day scale; undated ones in a column at the right
    days = sorted({d for d in (_date(m[0].get("published")) for m in marks) if d is not None})
    has_undated = any(_date(m[0].get("published")) is None for m in marks)
    undated_w = 70 if has_undated else 0
    per_day: Dict[Optional[datetime.date], int] = {}
    for m in marks:
        d = _date(m[0].get("published"))
        per_day[d] = per_day.get(d, 0) + 1
    span = (days[-1] - days[0]).days if days else 0
    inner = plot_right - undated_w - plot_left
    if len(days) > 1:
        # a band for each day's marks: wide enough for them, narrower than the gaps
        min_gap = min((b - a).days for a, b in zip(days, days[1:])) / span
        widest = max(per_day.get(d, 1) for d in days) * 14.0
        band = min(widest, 0.8 * min_gap * inner, 120.0)
        band = max(band, 8.0)
    else:
        band = min(max(per_day.values()) * 14.0, inner - 40)
    pad = band / 2 + 14
    x_left, x_right = plot_left + pad, plot_right - undated_w - pad

    def x_of(day):
        if not span:
            return (x_left + x_right) / 2
        return x_left + (day - days[0]).days / span * (x_right - x_left)

    undated_x = plot_right - undated_w / 2

    # dodge: within each date, spread the marks side by side, by outlet
    groups: Dict[Optional[datetime.date], List[List[dict]]] = {}
    for m in marks:
        groups.setdefault(_date(m[0].get("published")), []).append(m)
    outlet_order = list(colours)
    positions = {}
    for d, group in groups.items():
        group.sort(
            key=lambda m: (
                outlet_order.index(m[0].get("outlet") or "Unknown outlet"),
                bool(m[0].get("retrospective")),
                m[0].get("value_low") if m[0].get("value_low") is not None else m[0].get("value_high"),
                m[0].get("id") or 0,
            )
        )
        centre = undated_x if d is None else x_of(d)
        width_here = (undated_w - 20) if d is None else band
        step = min(14.0, width_here / max(len(group) - 1, 1))
        start = centre - step * (len(group) - 1) / 2
        for i, m in enumerate(group):
            positions[id(m)] = start + i * step

    out = []
    label = title or "Figures by date"
    out.append(
        '<svg xmlns="http://www.w3.org/2000/svg" class="discrepancy-chart" role="img" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'style="max-width:100%;height:auto;font-family:Helvetica,Arial,sans-serif" '
        'aria-label="{label}">'.format(w=width, h=height, label=escape(label))
    )
    out.append("<title>{}</title>".format(escape(label)))

    # grid and y axis
    out.append('<g class="discrepancy-y-axis" font-size="11" fill="#444" text-anchor="end">')
    for t in y.ticks():
        ty = y(t)
        if ty < plot_top - 0.5 or ty > plot_bottom + 0.5:
            continue
        out.append(
            '<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="#e3e3e3" stroke-width="1"/>'.format(
                plot_left, plot_right, y=_n(ty)
            )
        )
        out.append('<text x="{}" y="{}">{}</text>'.format(plot_left - 6, _n(ty + 4), format_number(t)))
    out.append("</g>")
    axis_label = (unit or "value") + (" (log scale)" if y.log else "")
    out.append(
        '<text class="discrepancy-y-label" font-size="11" fill="#444" text-anchor="middle" '
        'transform="translate(14 {}) rotate(-90)">{}</text>'.format(_n((plot_top + plot_bottom) / 2), escape(axis_label))
    )
    out.append(
        '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="#888"/><line x1="{l}" y1="{t}" x2="{l}" y2="{b}" stroke="#888"/>'.format(
            l=plot_left, r=plot_right, t=plot_top, b=plot_bottom
        )
    )

    # x axis: every date when there are few, else about six evenly spaced
    out.append('<g class="discrepancy-x-axis" font-size="11" fill="#444" text-anchor="middle">')
    if days:
        if len(days) <= 7:
            tick_days = days
        else:
            count = 6
            tick_days = sorted(
                {days[0] + datetime.timedelta(days=round(i * span / (count - 1))) for i in range(count)}
            )
        last_year = None
        for day in tick_days:
            tx = x_of(day)
            out.append(
                '<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#888"/>'.format(
                    plot_bottom, plot_bottom + 5, x=_n(tx)
                )
            )
            out.append(
                '<text x="{}" y="{}">{}</text>'.format(
                    _n(tx), plot_bottom + 18, escape(_date_label(day, day.year != last_year))
                )
            )
            last_year = day.year
    if has_undated:
        sep = plot_right - undated_w
        out.append(
            '<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#bbb" stroke-dasharray="4 3"/>'.format(
                plot_top, plot_bottom, x=_n(sep)
            )
        )
        out.append('<text x="{}" y="{}" font-style="italic">{}</text>'.format(_n(undated_x), plot_bottom + 18, UNDATED))
    out.append(
        '<text x="{}" y="{}" fill="#666">publication date</text>'.format(
            _n((plot_left + plot_right) / 2), plot_bottom + 38
        )
    )
    out.append("</g>")

    # marks: retrospective ones first, so current figures sit on top
    out.append('<g class="discrepancy-marks">')
    for m in sorted(marks, key=lambda m: not m[0].get("retrospective")):
        c = m[0]
        outlet = c.get("outlet") or "Unknown outlet"
        classes = ["discrepancy-mark", "discrepancy-mark-" + _kind(c)]
        if c.get("retrospective"):
            classes.append("discrepancy-retrospective")
        if str(c.get("status") or "").startswith("conflicts"):
            classes.append("discrepancy-conflicting")
        tooltip = _tooltip(c)
        if len(m) > 1:
            tooltip += " \u2014 {} mentions in this outlet that day".format(len(m))
        mark = '<g class="{}" data-claim-ids="{}" data-outlet="{}" data-low="{}" data-high="{}">' \
            "<title>{}</title>{}</g>".format(
                " ".join(classes),
                escape(" ".join(str(x.get("id", "")) for x in m)),
                escape(outlet),
                "" if c.get("value_low") is None else escape(repr(float(c["value_low"]))),
                "" if c.get("value_high") is None else escape(repr(float(c["value_high"]))),
                escape(tooltip),
                _mark(c, positions[id(m)], y, colours[outlet]),
            )
        if c.get("article_url"):
            mark = '<a href="{}">{}</a>'.format(escape(c["article_url"]), mark)
        out.append(mark)
    out.append("</g>")

    # legend: outlets, then what the marks mean
    lx, ly = width - legend_w, plot_top
    out.append('<g class="discrepancy-legend" font-size="12" fill="#222">')
    for i, (outlet, colour) in enumerate(colours.items()):
        ry = ly + i * 18
        out.append(
            '<g class="discrepancy-legend-outlet"><title>{full}</title>'
            '<circle cx="{cx}" cy="{cy}" r="5" fill="{c}"/><text x="{tx}" y="{ty}">{name}</text></g>'.format(
                full=escape(outlet),
                cx=lx + 6,
                cy=_n(ry),
                c=colour,
                tx=lx + 16,
                ty=_n(ry + 4),
                name=escape(_truncate(outlet, 24)),
            )
        )
    ky = ly + len(colours) * 18 + 12
    key_x = lx + 6
    out.append('<g class="discrepancy-legend-key" font-size="11" fill="#555">')
    out.append(
        '<rect x="{}" y="{}" width="6" height="14" rx="2" fill="#888"/><text x="{}" y="{}">range</text>'.format(
            key_x - 3, _n(ky - 7), lx + 16, _n(ky + 4)
        )
    )
    ky += 18
    out.append(
        '<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="#888" stroke-width="2"/>'
        '<polygon points="{},{} {},{} {x},{}" fill="#888"/><text x="{}" y="{}">open-ended (more than &#8230;)</text>'.format(
            _n(ky + 6), _n(ky - 2), key_x - 4, _n(ky - 2), key_x + 4, _n(ky - 2), _n(ky - 9), lx + 16, _n(ky + 4), x=key_x
        )
    )
    ky += 18
    out.append(
        '<circle cx="{}" cy="{}" r="5" fill="#fff" stroke="#888" stroke-width="1.5" stroke-dasharray="3 2"/>'
        '<text x="{}" y="{}">earlier figure, quoted later</text>'.format(key_x, _n(ky), lx + 16, _n(ky + 4))
    )
    ky += 18
    out.append(
        '<circle cx="{}" cy="{}" r="7" fill="none" stroke="{}" stroke-width="2"/>'
        '<text x="{}" y="{}">conflicts with another outlet</text>'.format(
            key_x, _n(ky), CONFLICT_COLOUR, lx + 16, _n(ky + 4)
        )
    )
    out.append("</g></g>")
    out.append("</svg>")
    return Markup("".join(out))
