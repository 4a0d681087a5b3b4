"""The server-side timeline chart: a pure function from claim dicts to SVG."""
import re
import xml.etree.ElementTree as ET

from markupsafe import Markup

from datasette_discrepancy.chart import PALETTE, figure_words, format_number, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def claim(id, outlet, published, low, high, qualifier="exact", text=None, **extra):
    return dict(
        {
            "id": id,
            "outlet": outlet,
            "published": published,
            "value_low": low,
            "value_high": high,
            "qualifier": qualifier,
            "text": text or format_number(low if low is not None else high),
            "attribution": None,
            "retrospective": 0,
            "status": "agrees",
            "article_url": "/border/-/discrepancies-article/{}#claim-{}".format(id, id),
        },
        **extra
    )


# The seed's troop line-up, as the page passes it
TROOPS = [
    claim(1, "ABC News", "2018-10-25", 800, 1000, "range", "800 to 1,000", attribution="a U.S. official"),
    claim(2, "CNN", "2018-10-25", 800, None, "at_least", "800 or more", attribution="three administration officials"),
    claim(3, "Reuters", "2018-10-29", 1000, None, "vague", "thousands"),
    claim(4, "Reuters", "2018-10-29", 800, 1000, "range", "800 to 1,000", retrospective=1, status="superseded"),
    claim(5, "Global News", "2018-10-29", 5200, 5200),
    claim(6, "Global News", "2018-10-29", 5200, None, "more_than", "over 5,200"),
    claim(7, "Global News", "2018-10-29", 5200, 5200),
]


def parse(markup):
    assert isinstance(markup, (Markup, str))
    return ET.fromstring(str(markup))  # well-formed XML, or this raises


def marks(root):
    return [g for g in root.iter(SVG + "g") if "discrepancy-mark" in g.get("class", "").split()]


def centre_y(mark):
    """The y a mark sits at: a dot's centre, a bar's middle, an arrow's bound."""
    for el in mark:
        if el.tag == SVG + "circle" and "discrepancy-dot" in el.get("class", ""):
            return float(el.get("cy"))
        if el.tag == SVG + "rect" and "discrepancy-bar" in el.get("class", ""):
            return float(el.get("y")) + float(el.get("height")) / 2
        if el.tag == SVG + "line" and "discrepancy-bound" in el.get("class", ""):
            return float(el.get("y1"))
    raise AssertionError("mark has no shape")


def mark_for(root, claim_id):
    for m in marks(root):
        if str(claim_id) in m.get("data-claim-ids").split():
            return m
    raise AssertionError("no mark for claim {}".format(claim_id))


def test_format_number_uses_thousands_separators():
    assert format_number(5200) == "5,200"
    assert format_number(1000000.0) == "1,000,000"
    assert format_number(2.5) == "2.5"
    assert format_number(1234.5) == "1,234.5"
    assert format_number(None) == ""


def test_figure_words():
    assert figure_words(claim(1, "A", None, 800, 1000, "range")) == "800 to 1,000"
    assert figure_words(claim(1, "A", None, 7000, None, "more_than")) == "more than 7,000"
    assert figure_words(claim(1, "A", None, 800, None, "at_least")) == "at least 800"
    assert figure_words(claim(1, "A", None, 2000, 2000, "approximately")) == "about 2,000"
    assert figure_words(claim(1, "A", None, None, 800, "at_most")) == "up to 800"
    assert figure_words(claim(1, "A", None, None, 800, "less_than")) == "fewer than 800"
    assert figure_words(claim(1, "A", None, 1000, None, "vague", "thousands")) == "thousands (at least 1,000)"
    assert figure_words(claim(1, "A", None, 100, 999, "vague", "hundreds")) == "hundreds (100 to 999)"


def test_returns_markup():
    assert isinstance(timeline_svg(TROOPS), Markup)


def test_troop_chart_has_marks_at_800_1000_and_5200_in_order():
    root = parse(timeline_svg(TROOPS, unit="troops"))
    assert root.tag == SVG + "svg"
    ys = {}
    for m in marks(root):
        for key in ("data-low", "data-high"):
            if m.get(key):
                ys.setdefault(float(m.get(key)), []).append(m)
    assert {800, 1000, 5200} <= set(ys)
    # higher values sit higher on the page (smaller y)
    y_800 = centre_y(mark_for(root, 2))  # "800 or more": arrow from 800
    y_1000 = centre_y(mark_for(root, 3))  # "thousands": arrow from 1,000
    y_5200 = centre_y(mark_for(root, 5))
    assert y_5200 < y_1000 < y_800
    # a linear scale here: 5,200 / 800 is far below 50
    assert "log scale" not in str(timeline_svg(TROOPS, unit="troops"))


def test_mark_shapes():
    root = parse(timeline_svg(TROOPS))
    rng = mark_for(root, 1)
    assert "discrepancy-mark-range" in rng.get("class")
    bar = rng.find(SVG + "rect")
    assert bar is not None and float(bar.get("height")) > 2
    up = mark_for(root, 2)
    assert "discrepancy-mark-up" in up.get("class")
    assert up.find(SVG + "polygon") is not None  # the arrowhead
    # the arrow points up: its tip is above its bound
    tip_y = min(float(p.split(",")[1]) for p in up.find(SVG + "polygon").get("points").split())
    assert tip_y < centre_y(up)
    dot = mark_for(root, 5)
    assert "discrepancy-mark-point" in dot.get("class")
    assert dot.find(SVG + "circle").get("fill") != "#fff"


def test_down_arrow_for_up_to():
    root = parse(timeline_svg([claim(1, "A", "2020-01-01", None, 800, "at_most", "up to 800"), claim(2, "B", "2020-01-02", 500, 500)]))
    down = mark_for(root, 1)
    assert "discrepancy-mark-down" in down.get("class")
    tip_y = max(float(p.split(",")[1]) for p in down.find(SVG + "polygon").get("points").split())
    assert tip_y > centre_y(down)


def test_identical_mentions_share_a_mark():
    root = parse(timeline_svg(TROOPS))
    both = mark_for(root, 5)
    assert both.get("data-claim-ids").split() == ["5", "7"]
    assert "2 mentions" in both.find(SVG + "title").text


def test_retrospective_is_hollow_and_dashed_conflicts_ringed():
    claims = TROOPS[:4] + [dict(TROOPS[4], status="conflicts with 2")]
    root = parse(timeline_svg(claims))
    retro = mark_for(root, 4)
    assert "discrepancy-retrospective" in retro.get("class")
    bar = retro.find(SVG + "rect")
    assert bar.get("fill") == "#fff" and bar.get("stroke-dasharray")
    conflict = mark_for(root, 5)
    assert "discrepancy-conflicting" in conflict.get("class")
    rings = [el for el in conflict if "discrepancy-conflict" in el.get("class", "")]
    assert rings and rings[0].get("fill") == "none"
    # no ring on claims that agree
    assert not [el for el in mark_for(root, 1) if "discrepancy-conflict" in el.get("class", "")]


def test_tooltips_and_links():
    root = parse(timeline_svg(TROOPS))
    links = [a for a in root.iter(SVG + "a")]
    assert len(links) == len(marks(root))
    first = mark_for(root, 2)
    parent = next(a for a in links if first in list(a))
    assert parent.get("href") == "/border/-/discrepancies-article/2#claim-2"
    title = first.find(SVG + "title").text
    assert "CNN" in title and "2018-10-25" in title and "800 or more" in title
    assert "three administration officials" in title


def test_legend_names_each_outlet_once_with_its_own_colour():
    root = parse(timeline_svg(TROOPS))
    legend = [g for g in root.iter(SVG + "g") if g.get("class") == "discrepancy-legend-outlet"]
    names = [g.find(SVG + "text").text for g in legend]
    assert sorted(names) == ["ABC News", "CNN", "Global News", "Reuters"]
    colours = [g.find(SVG + "circle").get("fill") for g in legend]
    assert len(set(colours)) == 4 and set(colours) <= set(PALETTE)
    # a mark is drawn in its outlet's colour
    colour = dict(zip(names, colours))
    assert mark_for(root, 5).find(SVG + "circle").get("fill") == colour["Global News"]


def test_axis_ticks_have_thousands_separators():
    text = str(timeline_svg(TROOPS))
    labels = re.findall(r'<g class="discrepancy-y-axis".*?</g>', text)[0]
    assert ">6,000<" in labels or ">5,000<" in labels
    assert not re.search(r">\d{4,}<", labels)
    assert "25 Oct 2018" in text and "29 Oct" in text


def test_log_scale_when_values_span_more_than_fifty_times():
    claims = [claim(1, "A", "2020-01-01", 10, 10), claim(2, "B", "2020-01-02", 100000, 100000), claim(3, "C", "2020-01-03", 1000, 1000)]
    text = str(timeline_svg(claims, unit="usd"))
    assert "usd (log scale)" in text
    root = parse(text)
    y10, y1k, y100k = (centre_y(mark_for(root, i)) for i in (1, 3, 2))
    # on a log scale 1,000 sits halfway between 10 and 100,000
    assert abs((y10 - y1k) - (y1k - y100k)) < 1
    assert ">100,000<" in text


def test_undated_claims_in_their_own_column():
    claims = [claim(1, "A", "2020-01-01", 10, 10), claim(2, "B", None, 20, 20)]
    root = parse(timeline_svg(claims))
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "undated" in texts
    x_dated = float(mark_for(root, 1).find(SVG + "circle").get("cx"))
    x_undated = float(mark_for(root, 2).find(SVG + "circle").get("cx"))
    assert x_undated > x_dated


def test_hostile_text_is_escaped():
    evil = '<script>alert(1)</script>" onload="x'
    claims = [
        claim(1, evil, "2020-01-01", 10, 10, text=evil, attribution=evil,
              article_url='/x"><script>alert(2)</script>'),
        claim(2, "B", "2020-01-02", 20, 20),
    ]
    text = str(timeline_svg(claims, unit=evil, title=evil))
    assert "<script" not in text
    assert 'onload="x' not in text
    root = parse(text)  # still well-formed
    legend = [g for g in root.iter(SVG + "g") if g.get("class") == "discrepancy-legend-outlet"]
    assert legend[0].find(SVG + "title").text == evil


def test_nothing_to_draw():
    assert timeline_svg([]) == Markup("")
    assert timeline_svg([claim(1, "A", "2020-01-01", None, None, "vague", "some")]) == Markup("")


def test_one_date_one_value():
    root = parse(timeline_svg([claim(1, "A", "2020-01-01", 0, 0)]))
    assert len(marks(root)) == 1


def test_negative_values():
    root = parse(timeline_svg([claim(1, "A", "2020-01-01", -5, -5), claim(2, "A", "2020-01-02", 3, 3)]))
    assert centre_y(mark_for(root, 1)) > centre_y(mark_for(root, 2))
