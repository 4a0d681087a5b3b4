"""Line-ups that explain disagreement: measures, assessments, wire copy."""
import pytest
import sqlite_utils

from datasette_discrepancy import compare, grouping, stories, syndication


def measure_of(db, text, outlet):
    row = next(
        db.query(
            """select measures.* from claims join articles on articles.id = claims.article_id
            join measures on measures.id = claims.measure_id where claims.text = ? and articles.outlet = ?""",
            [text, outlet],
        )
    )
    return row


def test_troop_figures_share_one_measure_and_guard_figures_another(seed_db_path):
    db = sqlite_utils.Database(seed_db_path)
    active = measure_of(db, "800 to 1,000", "ABC News")
    assert measure_of(db, "800 or more", "CNN")["id"] == active["id"]
    assert measure_of(db, "5,200", "Global News")["id"] == active["id"]
    guard = measure_of(db, "about 2,000", "ABC News")
    assert guard["id"] != active["id"]
    assert measure_of(db, "2,100", "Reuters")["id"] == guard["id"]
    assert measure_of(db, "2,092", "Global News")["id"] == guard["id"]
    # "approximately 4,000 personnel authorized but only 2,100 are in place": two quantities
    assert measure_of(db, "approximately 4,000", "CNN")["id"] != guard["id"]


def test_seed_assessments(seed_db_path):
    db = sqlite_utils.Database(seed_db_path)
    assert measure_of(db, "5,200", "Global News")["assessment"] == "revised"
    assert measure_of(db, "2,092", "Global News")["assessment"] == "consistent"


def test_caravan_lineup_holds_both_estimates(seed_db_path):
    db = sqlite_utils.Database(seed_db_path)
    caravan = measure_of(db, "between 3,500 and 7,000", "Global News")
    assert measure_of(db, "more than 7,000", "Associated Press")["id"] == caravan["id"]
    assert caravan["unit"] == "migrants"


def test_wire_copy_detected_between_reuters_and_global_news(seed_db_path):
    db = sqlite_utils.Database(seed_db_path)
    pairs = {(r["outlet"], r["copied_from_outlet"]): r["passages"] for r in db.query("select * from shared_passages")}
    assert set(pairs) == {("Global News", "Reuters")}
    assert pairs[("Global News", "Reuters")] >= 5
    # the reprinted "2,100 U.S. National Guard forces" counts as Reuters' claim
    copied = list(
        db.query(
            """select origin.outlet from claims join articles on articles.id = claims.article_id
            join articles origin on origin.id = claims.origin_article_id
            where claims.text = '2,100' and articles.outlet = 'Global News'"""
        )
    )
    assert copied == [{"outlet": "Reuters"}]


@pytest.mark.asyncio
async def test_lineup_json_counts_independent_sources(ds):
    db = ds.get_database("border")
    slug = (await db.execute(
        "select slug from measures join claims on claims.measure_id = measures.id where claims.text = '2,092'"
    )).first()[0]
    data = (await ds.client.get("/border/-/discrepancies/{}.json".format(slug))).json()
    assert data["measure"]["assessment"] == "consistent"
    by_outlet = {(c["outlet"], c["value_low"]): c for c in data["claims"]}
    # Global News reprints Reuters' 2,100: the reprint adds no independent source
    printing_2100 = [c for c in data["claims"] if c["value_low"] == 2100]
    assert {c["outlet"] for c in printing_2100} >= {"Reuters", "Global News"}
    originals = {c["outlet"] for c in printing_2100 if c["copied_from_article_id"] is None}
    assert "Global News" not in originals
    assert by_outlet[("Global News", 2100)]["independent_sources"] == len(originals)
    assert by_outlet[("Global News", 2100)]["copied_from_article_id"] == by_outlet[("Reuters", 2100)]["article_id"]
    assert {c["status"] for c in data["claims"]} == {"agrees"}


def test_stories_keep_unrelated_articles_apart():
    articles = [
        {"id": 1, "published": "2024-08-03", "body": "The Ridgeline wildfire burned homes in Whitmore Springs as firefighters fought the blaze near the foothills."},
        {"id": 2, "published": "2024-08-04", "body": "Firefighters gained ground on the Ridgeline wildfire near Whitmore Springs, where the blaze burned homes in the foothills."},
        {"id": 3, "published": "2024-08-04", "body": "Parliament voted on the budget as ministers argued over taxes, pensions and the deficit in a long debate."},
    ]
    assigned = stories.assign_stories(articles)
    assert assigned[1] == assigned[2] != assigned[3]


def test_a_past_event_gets_its_own_measure():
    base = {"article_id": 1, "story": 1, "published": "2024-08-05", "unit": "people", "qualifier": "exact"}
    claims = [
        dict(base, text="nine", value_low=9, value_high=9,
             sentence="The fire has killed nine people, the sheriff said."),
        dict(base, text="22", value_low=22, value_high=22, article_id=2,
             sentence="It is the deadliest since the 2017 Ash Creek Fire, which killed 22 people."),
        dict(base, text="five", value_low=5, value_high=5, article_id=3,
             sentence="The wildfire has killed five people, officials said."),
    ]
    labels = grouping.group_claims(claims)
    assert labels[0] == labels[2] != labels[1]


def test_a_past_event_named_again_without_its_year_keeps_its_measure():
    base = {"article_id": 1, "story": 1, "published": "2025-04-12", "unit": "people", "qualifier": "exact"}
    claims = [
        dict(base, text="14", value_low=14, value_high=14,
             sentence="At least 14 people died after the ferry sank off Skerra, the coast guard said."),
        dict(base, text="97", value_low=97, value_high=97,
             sentence="It is the deadliest sinking since the MV Helena went down in 2009, killing 97 people."),
        dict(base, text="more than 150", value_low=150, value_high=None, qualifier="more_than",
             sentence="An inquiry found the Helena had been carrying more than 150 people over its limit."),
        dict(base, text="22", value_low=22, value_high=22, article_id=2,
             sentence="The number of people killed when the ferry sank off Skerra rose to 22."),
    ]
    grouping.date_past_events(claims[:3])
    assert [c["past_year"] for c in claims[:3]] == [None, "2009", "2009"]
    today, helena, overload, later = grouping.group_claims(claims)
    assert today == later
    assert overload not in (today, helena)


@pytest.mark.parametrize("sentence,text,year", [
    ("It is the deadliest since the 2017 Ash Creek Fire, which killed 22 people.", "22", "2017"),
    ("That is less than the $112 million Crestline lost after the group's 2023 attack.", "$112 million", "2023"),
    ("Spending rose to $38 million, up from $22 million in 2021.", "$22 million", "2021"),
    ("The fire has killed 12 people, the most since 2019.", "12", None),
    # a "when" clause after the figure dates it
    ("Turnout was well above the 47.1 percent recorded when the president was re-elected in 2023.",
     "47.1 percent", "2023"),
    ("Turnout reached 61 percent when polls closed on Sunday, as in 2023.", "61 percent", None),
    # a year counted back from the article's own
    ("Last year's march against the reform drew about 28,000 people, police said.", "about 28,000", "2024"),
    ("A similar fire killed nine people three years ago.", "nine", "2022"),
    # ... but a bare "last year", or a comparison with a year ago, dates nothing
    ("The bank's chief executive took home £2.3m last year.", "£2.3m", None),
    ("Sales rose 5% from a year ago.", "5%", None),
    # a year in an earlier clause dates that clause's figures only
    ("Attacks rose to 37 from 21 in 2023, and 64 crew members were kidnapped.", "64", None),
    ("Last year's strike closed 40 schools, but this year 120 are shut.", "120", None),
])
def test_past_event_year(sentence, text, year):
    claim = {"text": text, "sentence": sentence, "published": "2025-02-24"}
    assert grouping.past_event_year(claim) == year


def test_an_earlier_figure_is_quoted_against_the_figure_before_it():
    sentence = "Eleven people remain in hospital, down from 19 at the weekend; three are critically ill."
    base = {"article_id": 1, "story": 1, "published": "2025-05-27", "unit": "people", "sentence": sentence,
            "qualifier": "exact"}
    claims = [
        dict(base, text="Eleven", value_low=11, value_high=11),
        dict(base, text="19", value_low=19, value_high=19, retrospective=1),
        dict(base, text="three", value_low=3, value_high=3),
    ]
    eleven, nineteen, three = grouping.group_claims(claims)
    assert eleven == nineteen != three


def test_rival_estimates_without_but():
    sentence = "Nurses say more than 3,000 appointments were canceled, hospital says 1,100"
    a = {"article_id": 1, "sentence": sentence, "text": "more than 3,000"}
    b = {"article_id": 1, "sentence": sentence, "text": "1,100"}
    assert grouping.rival_estimates(a, b)
    plain = "The mission has 4,000 personnel authorized but only 2,100 troops are in place."
    assert not grouping.rival_estimates({"article_id": 1, "sentence": plain, "text": "4,000"},
                                        {"article_id": 1, "sentence": plain, "text": "2,100"})


@pytest.mark.parametrize("sentence,first,second,rivals", [
    # a figure and the one it disputes
    ("Organisers say 40,000 marched, not 12,000 as police claim", "40,000", "12,000", True),
    ("\"We had 14 crew aboard, not nine,\" the captain said.", "14", "nine", True),
    # sources named before a colon, in a summary line
    ("* Coast guard: about 600 rescued; charities: more than 900", "about 600", "more than 900", True),
    ("Rally live: police say about 9,000 marched, organisers claim more than 30,000", "about 9,000",
     "more than 30,000", True),
    # a figure set against another source's figure for it
    ("The ministry said 62,000 had crossed, far more than the UN's figure of \"more than 38,000\".", "62,000",
     "more than 38,000", True),
    # a question offering two figures for one quantity
    ("5. $38.5 million — or more than $60 million?", "$38.5 million", "more than $60 million", True),
    ("They sent 40 or 50 trucks.", "40", "50", False),
    # two quantities, not two estimates
    ("The ferry carried 300 passengers and 40 crew, not counting drivers.", "300", "40", False),
    ("Key figures: 300 rescued; 12 still missing", "300", "12", False),
    # one source's two figures: "reported" is what happened to them, not a second source
    ("The institute says at least 60 people have reported symptoms; eight are in hospital", "at least 60",
     "eight", False),
    # a named source's figure set against the article's own
    ("Three crew members died and one is missing, presumed dead; the seafarers' union counts four dead.",
     "Three", "four", True),
    ("Three crew members died and two were hurt; four are still missing", "Three", "four", False),
])
def test_disputed_and_colon_sourced_figures_are_rival_estimates(sentence, first, second, rivals):
    a = {"article_id": 1, "sentence": sentence, "text": first}
    b = {"article_id": 1, "sentence": sentence, "text": second}
    assert grouping.rival_estimates(a, b) is rivals


def test_a_past_event_named_in_a_later_article_keeps_its_measure():
    base = {"story": 1, "unit": "people", "qualifier": "exact"}
    claims = [
        dict(base, article_id=1, published="2025-04-12", text="14", value_low=14, value_high=14,
             sentence="At least 14 people died after the Aurora Bay sank off Skerra."),
        dict(base, article_id=1, published="2025-04-12", text="97", value_low=97, value_high=97,
             sentence="It is the deadliest sinking since the MV Helena went down in 2009, killing 97 people."),
        dict(base, article_id=2, published="2025-04-15", text="22", value_low=22, value_high=22,
             sentence="The number of people killed when the Aurora Bay sank has risen to 22."),
        dict(base, article_id=2, published="2025-04-15", text="97", value_low=97, value_high=97,
             sentence="The disaster revived memories of the Helena, which sank in a storm and killed 97."),
    ]
    first, helena, later, helena_again = grouping.group_claims(claims)
    assert first == later
    assert helena == helena_again != first


@pytest.mark.parametrize("later_figure,with_past", [
    (46, True),   # the earlier eruption's very toll, its year and name unsaid
    (47, False),  # another figure is the story's own
])
def test_an_undated_figure_repeating_an_earlier_events_figure_joins_it(later_figure, with_past):
    base = {"story": 1, "unit": "people", "qualifier": "exact"}
    past = "The volcano last erupted in 1979, when a flow of superheated gas killed 46 people."
    claims = [
        dict(base, article_id=1, published="2025-02-07", text="three", value_low=3, value_high=3,
             sentence="At least three people were killed when the volcano erupted on Thursday."),
        dict(base, article_id=1, published="2025-02-07", text="46", value_low=46, value_high=46, sentence=past),
        dict(base, article_id=2, published="2025-02-09", text="five", value_low=5, value_high=5,
             sentence="The number of people killed by the eruption has risen to five."),
        dict(base, article_id=2, published="2025-02-09", text=str(later_figure), value_low=later_figure,
             value_high=later_figure,
             sentence=f"Scientists say the eruption that killed {later_figure} began in a similar way."),
    ]
    three, earlier, five, later = grouping.group_claims(claims)
    assert three != earlier
    assert (later == earlier) is with_past
    if with_past:  # and no longer keeps the story's own figure out of its measure
        assert three == five


def test_different_figures_in_one_sentence_are_different_measures():
    base = {"article_id": 1, "story": 1, "published": "2018-10-25", "unit": "troops", "qualifier": "exact"}
    sentence = "The mission has 4,000 personnel authorized but only 2,100 troops are in place."
    claims = [
        dict(base, text="4,000", value_low=4000, value_high=4000, sentence=sentence),
        dict(base, text="2,100", value_low=2100, value_high=2100, sentence=sentence),
    ]
    first, second = grouping.group_claims(claims)
    assert first != second


def test_a_change_keeps_both_ends_in_one_measure():
    sentence = "The number of people killed rose from five to nine over the weekend."
    base = {"article_id": 1, "story": 1, "published": "2024-08-05", "unit": "people", "sentence": sentence}
    claims = [
        dict(base, text="five", value_low=5, value_high=5, qualifier="exact", retrospective=1),
        dict(base, text="nine", value_low=9, value_high=9, qualifier="exact", retrospective=0),
    ]
    first, second = grouping.group_claims(claims)
    assert first == second


def test_one_article_gives_one_figure_per_quantity():
    # 31 and 29 Heritage seats in one article are two quantities even in
    # different sentences (their words alone would merge them); the final 32
    # joins the projection it updates
    base = {"story": 1, "unit": "seats", "qualifier": "exact"}
    claims = [
        dict(base, article_id=1, published="2024-05-12", text="31", value_low=31, value_high=31,
             sentence="The opposition Heritage Party was projected to take 31 seats."),
        dict(base, article_id=1, published="2024-05-12", text="29", value_low=29, value_high=29,
             sentence="The Heritage Party held 29 seats in the outgoing legislature."),
        dict(base, article_id=2, published="2024-05-13", text="32", value_low=32, value_high=32,
             sentence="The opposition Heritage Party was set to take 32 seats in the final count."),
    ]
    projected, outgoing, final = grouping.group_claims(claims)
    assert projected != outgoing
    assert final == projected


def test_rival_estimates_in_one_sentence_share_a_measure():
    sentence = ("The institute puts the figure at 18,000, but the Red Cross said on Thursday "
                "that some 45,000 people were without shelter.")
    base = {"article_id": 1, "story": 1, "published": "2025-03-06", "unit": "people", "sentence": sentence}
    claims = [
        dict(base, text="18,000", value_low=18000, value_high=18000, qualifier="exact"),
        dict(base, text="some 45,000", value_low=45000, value_high=45000, qualifier="approximately"),
    ]
    first, second = grouping.group_claims(claims)
    assert first == second


def _crowd(article_id, published, text, value, sentence, attribution, qualifier="exact"):
    return {"article_id": article_id, "story": 1, "published": published, "unit": "people", "text": text,
            "value_low": value, "value_high": value if qualifier != "more_than" else None,
            "qualifier": qualifier, "sentence": sentence, "attribution": attribution}


@pytest.mark.parametrize("third_source,joins", [
    # a third source's figure in another sentence joins the quantity the
    # article already shows two sources disputing
    ("The interior minister", True),
    # the same source giving another figure in another sentence is another quantity
    ("Police", False),
])
def test_an_article_that_disputes_a_quantity_lines_up_its_other_sources(third_source, joins):
    rivals = "Police put the crowd at about 20,000, while the union said more than 60,000 marched."
    third = f"{third_source} said on Sunday that fewer than 15,000 had taken part in the march."
    claims = [
        _crowd(1, "2025-04-12", "about 20,000", 20000, "Police put the crowd at about 20,000 marchers.", "Police",
               "approximately"),
        _crowd(2, "2025-04-13", "about 20,000", 20000, rivals, "Police", "approximately"),
        _crowd(2, "2025-04-13", "more than 60,000", 60000, rivals, "the union", "more_than"),
        _crowd(2, "2025-04-13", "fewer than 15,000", 15000, third, third_source, "less_than"),
    ]
    claims[-1]["value_low"] = None
    labels = grouping.group_claims(claims)
    assert labels[1] == labels[2]
    assert (labels[3] == labels[1]) is joins


@pytest.mark.parametrize("sentence,text,refers", [
    ("A fishermen's association put the number at \"more than 200\", citing its own lists.", "more than 200", True),
    ("The club said it was no more than 800.", "no more than 800", True),
    ("The advisory centre still puts it at 14km.", "14km", True),
    ("Researchers say the true figure is closer to 520 million euros.", "closer to 520 million", True),
    ("Police said 40 people died.", "40", False),
    ("The union put 300 members on strike.", "300", False),
    # "the number of people infected": still the quantity the text was on
    ("Its president told MNA, putting the number of people infected at around 5,000.", "around 5,000", True),
])
def test_a_figure_given_for_the_number_refers_back(sentence, text, refers):
    assert grouping.refers_back({"sentence": sentence, "text": text}) is refers


def test_the_number_a_rival_source_puts_joins_the_quantity_it_refers_to():
    # "the number" is the fishermen missing of the sentence before, not those
    # rescued earlier: the association's figure joins the coast guard's
    base = {"article_id": 1, "story": 1, "published": "2025-10-14", "unit": "fishermen", "qualifier": "exact"}
    claims = [
        dict(base, text="35", value_low=35, value_high=35, attribution="The coast guard",
             sentence="Coast guard crews pulled 35 fishermen from the water on Tuesday."),
        dict(base, text="about 60", value_low=60, value_high=60, qualifier="approximately", attribution="The coast guard",
             sentence="The coast guard said about 60 fishermen were missing after their boats failed to come back."),
        dict(base, text="more than 200", value_low=200, value_high=None, qualifier="more_than",
             attribution="A fishermen's association",
             sentence="A fishermen's association put the number at \"more than 200\", citing its own lists."),
    ]
    rescued, missing, association = grouping.group_claims(claims)
    assert association == missing != rescued


@pytest.mark.parametrize("sentence,text,stem", [
    ("More than 15,000 people have left their homes.", "More than 15,000", "evacuated"),
    ("Some 2,000 were forced from their homes by the floodwater.", "Some 2,000", "evacuated"),
    ("Organisers called off 12 concerts.", "12", "cancelled"),
    ("\"There are more than 70 people we cannot find,\" the mayor said.", "more than 70", "missing"),
    ("Rescuers believe about 30 people are still under the rubble.", "about 30", "missing"),
    ("At least 60 people have reported symptoms since Saturday.", "At least 60", "sickened"),
    ("BUG WATER: 1,000-PLUS STRUCK DOWN", "1,000-PLUS", "sickened"),
    ("At least 27 people were injured, six of them seriously.", "six", "critical"),
    # a flow across a border and the stock a country already hosts are two quantities
    ("More than 38,000 people have crossed into Selvara since Friday.", "More than 38,000", "arrived"),
    ("Selvara already hosts over 300,000 refugees.", "over 300,000", "hosted"),
])
def test_phrases_say_what_happened(sentence, text, stem):
    assert stem in grouping.claim_terms({"sentence": sentence, "text": text})


def test_an_aside_describes_the_counted_but_says_nothing_of_what_befell_them():
    sentence = ("At least 60 people, among them injured and elderly passengers, had been flown by helicopter "
                "to hospital.")
    terms = grouping.claim_terms({"sentence": sentence, "text": "At least 60"})
    assert max(("injured", "airlifted", "hospitalised"), key=terms.get) == "airlifted"


def test_one_figure_reached_from_two_different_earlier_ones_is_two_quantities():
    zone = "The authorities widened the exclusion zone from 8 km to 12 km around the crater."
    column = "The institute revised its figure for the ash column to 12 km, up from the 9 km it first gave."
    base = {"article_id": 1, "story": 1, "published": "2025-10-04", "unit": "km", "qualifier": "exact"}
    claims = [
        dict(base, text="8 km", value_low=8, value_high=8, sentence=zone, retrospective=1),
        dict(base, text="12 km", value_low=12, value_high=12, sentence=zone),
        dict(base, text="12 km", value_low=12, value_high=12, sentence=column),
        dict(base, text="9 km", value_low=9, value_high=9, sentence=column, retrospective=1),
    ]
    # (the same figure twice in an article is otherwise certainly one measure)
    groups = grouping._must_link_groups(claims)
    assert [0, 1] in groups and [2, 3] in groups
    claims[3] = dict(claims[3], text="8 km", value_low=8, value_high=8)  # both from 8 km: one quantity
    assert [0, 1, 2, 3] in grouping._must_link_groups(claims)


def test_close_figures_in_one_article_are_not_one_quantity_for_being_close():
    # one article's 9 km ash column and 8 km exclusion zone: an article
    # repeats its figure for a quantity, so a near one counts something else;
    # but the figure it says came first ("initially put ... at 6.1") joins
    base = {"article_id": 1, "story": 1, "published": "2025-10-03", "unit": "km", "qualifier": "exact"}
    claims = [
        dict(base, text="about 9 kilometers", value_low=9, value_high=9, qualifier="approximately",
             sentence="The volcano erupted on Thursday, hurling ash about 9 kilometers into the sky."),
        dict(base, text="8", value_low=8, value_high=8,
             sentence="Authorities set up an exclusion zone of 8 kilometers around the crater."),
    ]
    ash, zone = grouping.group_claims(claims)
    assert ash != zone
    base = {"article_id": 1, "story": 1, "published": "2025-05-11", "unit": "magnitude", "qualifier": "exact"}
    claims = [
        dict(base, text="6.4", value_low=6.4, value_high=6.4,
             sentence="A magnitude 6.4 earthquake struck the region before dawn on Monday."),
        dict(base, text="6.1", value_low=6.1, value_high=6.1, retrospective=1,
             sentence="The institute initially put the magnitude at 6.1 before upgrading it."),
    ]
    now, initially = grouping.group_claims(claims)
    assert now == initially


@pytest.mark.parametrize("sentence,text,earlier", [
    ("The union said more than 60,000 and on Sunday raised that to 80,000.", "more than 60,000", True),
    ("The ministry put the toll at 40, then revised its figure sharply to 52.", "40", True),
    ("The union said more than 60,000 and on Sunday raised that to 80,000.", "80,000", False),
    ("The union said 60,000 marched and 80,000 signed the petition.", "60,000", False),
])
def test_a_figure_its_source_has_since_replaced(sentence, text, earlier):
    assert grouping.revised_later({"sentence": sentence, "text": text}) is earlier


@pytest.mark.parametrize("disputed,other_eight,one_measure", [
    # the article sets 11 against eight, so its plain "eight" is the same count
    ("\"There were 11 of our officers in that building, not eight,\" the union said.", "eight", True),
    # without the dispute, 11 and eight in one article are two quantities
    ("\"There were 11 of our officers in that building,\" the union said.", "eight", False),
    # a dispute licenses only the figures it sets against each other
    ("\"There were 11 of our officers in that building, not eight,\" the union said.", "seven", False),
])
def test_a_figure_the_article_disputes_joins_the_dispute(disputed, other_eight, one_measure):
    base = {"article_id": 1, "story": 1, "published": "2025-06-02", "unit": "officers", "qualifier": "exact"}
    lead = f"Inmates held {other_eight} officers hostage for six hours before guards retook the block."
    value = {"eight": 8, "seven": 7}[other_eight]
    claims = [dict(base, text=other_eight, value_low=value, value_high=value, sentence=lead),
              dict(base, text="11", value_low=11, value_high=11, sentence=disputed)]
    if "not eight" in disputed:
        claims.append(dict(base, text="eight", value_low=8, value_high=8, sentence=disputed))
    labels = grouping.group_claims(claims)
    assert (labels[0] == labels[1]) is one_measure


@pytest.mark.parametrize("sentence,text,own", [
    ("The union stands by its figure of 11, and says two more hid.", "11", True),
    ("The agency stood by its figure of about 40.", "about 40", True),
    ("The ash advisory centre still puts it at 14km.", "14km", True),
    ("Organisers insist it was more than 90,000.", "more than 90,000", True),
    ("The union continues to put the figure at 1,400.", "1,400", True),
    ("The company raised its own figure to \"around 2,500 pounds,\" after two days.", "2,500", True),
    ("Traders say \"more than 30\" are unaccounted for.", "more than 30", True),
    ("The group said the real number was \"at least 120,000,\" because many were told to stay home.",
     "at least 120,000", True),
    ("“Up to 20” skiers may have been buried, an official said.", "Up to 20", True),
    # "puts the damage at", "put the toll higher, at", or the figure alone after "says"
    ("The government puts the damage at €1.9 billion.", "€1.9 billion", True),
    ("The aid agency put the toll higher, at least 130, citing remote villages.", "at least 130", True),
    ("The insurer says $4.5 billion.", "$4.5 billion", True),
    # ... or a quantity named without an article
    ("Open Ballot's parallel count puts turnout at 53.8%.", "53.8%", True),
    ("The monitors estimate turnout at 53.8%, give or take 1.5 points.", "53.8%", True),
    ("The plan puts 300 jobs at risk.", "300", False),
    ("The club said it was no more than 800.", "no more than 800", True),
    ("Police said 19 people were arrested.", "19", False),
    # a quotation that goes on past the figure is someone's words, not a figure quoted
    ("\"We have 30 colleagues we cannot reach,\" she said.", "30", False),
    # a running total or a plain count is not a source's rival figure
    ("The new cases bring the total to 300.", "300", False),
    ("The number of people killed rose to 12.", "12", False),
    ("The ferry carried 300 passengers.", "300", False),
])
def test_own_estimate(sentence, text, own):
    assert grouping.own_estimate({"sentence": sentence, "text": text}) is own


def test_a_source_standing_by_its_own_figure_joins_the_measure_it_disputes():
    base = {"article_id": 1, "story": 1, "published": "2025-06-02", "unit": "officers", "qualifier": "exact"}
    claims = [
        dict(base, text="nine", value_low=9, value_high=9,
             sentence="The department now says nine officers were held hostage during the riot."),
        dict(base, text="11", value_low=11, value_high=11,
             sentence="The officers' union stands by its figure of 11 hostages held during the riot."),
        dict(base, text="12", value_low=12, value_high=12,
             sentence="The union says 12 officers were held hostage during the riot."),
    ]
    nine, eleven, twelve = grouping.group_claims(claims)
    assert nine == eleven  # the union's own figure for the same hostages
    assert twelve != nine  # without the words, one article gives one figure


def test_a_figure_quoted_as_a_sources_own_is_so_wherever_the_article_repeats_it():
    base = {"article_id": 1, "story": 1, "published": "2025-08-12", "unit": "people", "qualifier": "exact"}
    claims = [
        dict(base, text="about 480", value_low=480, value_high=480, qualifier="approximately",
             sentence="The coast guard said a boat carrying about 480 people reached the island."),
        dict(base, text="More than 600", value_low=600, value_high=None, qualifier="more_than",
             sentence="'More than 600' on board the boat, the UN agency says."),
        dict(base, text="more than 600", value_low=600, value_high=None, qualifier="more_than",
             sentence="The UN agency said its staff had registered more than 600 people on board the boat."),
    ]
    coast_guard, headline, body = grouping.group_claims(claims)
    assert headline == body == coast_guard


@pytest.mark.parametrize("earlier,later,value,later_value,joins", [
    ("1,400", "more than 1,900", 1400, 1900, True),  # the article's own earlier figure, given again
    ("nine", "more than 12", 9, 12, False),  # small counts recur for other things
])
def test_a_figure_the_article_quotes_as_earlier_is_earlier_wherever_it_gives_it(earlier, later, value,
                                                                                later_value, joins):
    base = {"article_id": 1, "story": 1, "published": "2026-01-14", "unit": "operations", "qualifier": "exact"}
    update = f"The board has updated its figures: {later} operations have now been postponed, up from {earlier} yesterday."
    claims = [
        dict(base, text=later, value_low=later_value, value_high=None, qualifier="more_than", sentence=update),
        dict(base, text=earlier, value_low=value, value_high=value, retrospective=1, sentence=update),
        dict(base, text=f"about {earlier}", value_low=value, value_high=value, qualifier="approximately",
             sentence=f"The board said yesterday that about {earlier} operations had been postponed."),
    ]
    now, quoted, again = grouping.group_claims(claims)
    assert now == quoted
    assert (again == now) is joins


def test_corrects():
    sentence = "Watchdog says 1.6 million lost power, not 1.3 million as network claims"
    a = {"article_id": 1, "sentence": sentence, "text": "1.6 million"}
    b = {"article_id": 1, "sentence": sentence, "text": "1.3 million"}
    assert grouping.corrects(a, b) and grouping.corrects(b, a)
    rivals = "Nurses say more than 3,000 appointments were canceled, hospital says 1,100"
    assert not grouping.corrects({"article_id": 1, "sentence": rivals, "text": "more than 3,000"},
                                 {"article_id": 1, "sentence": rivals, "text": "1,100"})


def test_figures_in_units_that_convert_are_one_kind():
    assert grouping.unit_family("fahrenheit") == grouping.unit_family("celsius")
    assert grouping.unit_family("gallons") == grouping.unit_family("litres")
    assert grouping.unit_family("jobs") == grouping.unit_family("workers")
    assert grouping.unit_family("homes") != grouping.unit_family("structures")


@pytest.mark.parametrize("sentence,text,counted", [
    ("Divers recovered five more bodies from cars in the river.", "five", False),
    ("Rescuers found two more victims overnight.", "two", False),
    ("The toll rose to 14 after divers found more bodies.", "14", True),
    ("Britain will send 1,500 more troops.", "1,500", True),
])
def test_what_a_toll_rose_by_is_no_figure_of_the_toll(sentence, text, counted):
    claim = {"story": 1, "unit": "people", "sentence": sentence, "text": text, "past_year": None}
    assert (grouping.block_of(claim) is not None) is counted


@pytest.mark.parametrize("a,b", [
    ("arrests", "people"), ("thugs", "protesters"), ("police officers", "officers"),
    ("colleagues", "people"), ("britons", "nationals"), ("italians", "people"), ("technicians", "workers"),
    ("lunches", "meals"), ("appointments", "operations"), ("peacekeepers", "troops"), ("guard members", "soldiers"),
    # an outbreak's cases and infections are people who fell ill
    ("cases", "people"), ("infections", "patients"), ("nautical miles", "km"),
    # "confirms 1,740 job losses" and "cutting 1,740 jobs"; the popular press's revellers
    ("job losses", "jobs"), ("brits", "people"), ("revellers", "people"),
])
def test_nouns_for_the_same_kind_of_thing_are_one_family(a, b):
    assert grouping.unit_family(a) == grouping.unit_family(b)


def test_a_plural_in_ians_is_people_but_other_plurals_keep_their_own_family():
    assert grouping.unit_family("physicians") == "people"
    assert grouping.unit_family("plans") == "plans"
    assert grouping.unit_family("lunches") != grouping.unit_family("people")


@pytest.mark.parametrize("sentence,text,unit,family", [
    ("The blackout left 1.3 million homes without power.", "1.3 million", "homes", "customers"),
    ("The watchdog says the blackout hit 1.6 million people.", "1.6 million", "people", "customers"),
    ("More than 1.1 million customers lost power.", "more than 1.1 million", "customers", "customers"),
    # what happened to them is something else: they stay what they are
    ("Two people died in the blackout after their oxygen machines failed.", "Two", "people", "people"),
    ("The storm destroyed 300 homes.", "300", "homes", "homes"),
])
def test_homes_and_people_without_power_are_customers(sentence, text, unit, family):
    claim = {"story": 1, "unit": unit, "sentence": sentence, "text": text, "past_year": None}
    assert grouping.block_of(claim) == (1, family, None)


@pytest.mark.parametrize("sentence,text,earlier", [
    ("The agency lowered its estimate to about 9,000 pounds (4,080 kilograms), from as much as 12,000.",
     "as much as 12,000", True),
    ("The state raised starting pay to $44,000 a year, from $38,000, and hired more guards.", "$38,000", True),
    ("The board raised its pay offer to 4.2 per cent, from 3.5 per cent, ending the dispute.", "3.5 per cent", True),
    # "from" naming where people came from, or a change with no figure reached before it
    ("Search teams from 11 countries are helping.", "11", False),
    ("The clean-up fleet has more than doubled, from 14 vessels on Tuesday.", "14", False),
])
def test_changed_from(sentence, text, earlier):
    assert grouping.changed_from({"sentence": sentence, "text": text}) is earlier


@pytest.mark.parametrize("sentence,text,other", [
    ("The ministry said 18% of samples were positive, up from 4% in January.", "4%", True),
    ("The reservoir is at 35%, against 41% a year ago.", "41%", True),
    ("Exports fell to $2 billion, down from $2.6 billion last year.", "$2.6 billion", True),
    # another round of a vote, another quarter
    ("Turnout was 61.2 percent, up from 52.3 percent in the first round.", "52.3 percent", True),
    ("Sales rose to $4m from $3.1m in the previous quarter.", "$3.1m", True),
    # an earlier count of this quantity, revised
    ("The toll rose to 38, up from 14 on Tuesday.", "14", False),
    ("The toll rose from 12 to 31 over the weekend.", "12", False),
])
def test_another_period(sentence, text, other):
    assert grouping.another_period({"sentence": sentence, "text": text}) is other


def test_an_earlier_figure_for_another_period_is_a_measure_of_its_own():
    sentence = "The ministry said 18% of samples were positive, up from 4% in January."
    base = {"article_id": 1, "story": 1, "published": "2025-03-20", "unit": "percent", "qualifier": "exact",
            "sentence": sentence}
    claims = [dict(base, text="18%", value_low=18, value_high=18),
              dict(base, text="4%", value_low=4, value_high=4, retrospective=1)]
    now, january = grouping.group_claims(claims)
    assert now != january


@pytest.mark.parametrize("unit,lined_up", [
    ("hours", True),  # "the 48-hour strike", "without power for up to 19 hours"
    ("days", True),
    ("years", False),  # ages and anniversaries
    ("times", False),
])
def test_durations_are_line_ups_and_incidental_counts_are_not(unit, lined_up):
    claim = {"story": 1, "unit": unit, "sentence": "It lasted 48 of them.", "text": "48", "past_year": None}
    assert (grouping.block_of(claim) is not None) is lined_up


def test_an_update_quoting_a_figure_joins_its_measure():
    base = {"story": 1, "unit": "people", "qualifier": "exact"}
    claims = [
        dict(base, article_id=1, published="2025-03-04", text="73", value_low=73, value_high=73,
             sentence="A further 1,450 were injured and 73 remain missing."),
        dict(base, article_id=2, published="2025-03-08", text="Nineteen", value_low=19, value_high=19,
             sentence="Nineteen people have still not been found, down from the 73 initially reported."),
        dict(base, article_id=2, published="2025-03-08", text="73", value_low=73, value_high=73,
             retrospective=1,
             sentence="Nineteen people have still not been found, down from the 73 initially reported."),
    ]
    labels = grouping.group_claims(claims)
    assert labels[0] == labels[1] == labels[2]


def test_an_update_quoting_a_measures_figure_joins_it_whatever_its_words():
    # the new national toll is worded like the district's count, but it is
    # quoted against the national figure it replaces
    base = {"story": 1, "unit": "people", "qualifier": "exact"}
    update = "Officials confirmed 38 dead in Noakhar district and on islands, up from 14 on Tuesday."
    claims = [
        dict(base, article_id=1, published="2025-05-13", text="14", value_low=14, value_high=14,
             sentence="The cyclone killed at least 14 people across the country, the ministry said."),
        dict(base, article_id=1, published="2025-05-13", text="nine", value_low=9, value_high=9,
             sentence="Officials confirmed nine dead in Noakhar district, where the storm made landfall."),
        dict(base, article_id=2, published="2025-05-15", text="38", value_low=38, value_high=38, sentence=update),
        dict(base, article_id=2, published="2025-05-15", text="14", value_low=14, value_high=14,
             retrospective=1, sentence=update),
    ]
    national, district, update_now, update_before = grouping.group_claims(claims)
    assert national != district
    assert update_now == update_before == national


@pytest.mark.parametrize("sentence,text,risen", [
    ("The confirmed death toll has risen to 12.", "12", True),
    ("The toll climbed to 12 on Friday.", "12", True),
    ("Death toll hits NINE as probe finds train was speeding", "NINE", True),
    ("Officials counted 12 deaths from generators.", "12", False),
])
def test_risen_to(sentence, text, risen):
    assert grouping.risen_to({"sentence": sentence, "text": text}) is risen


@pytest.mark.parametrize("measure_predicate,low,high,bonus", [
    ("death", 3, 3, grouping.CLOSE_VALUE_BONUS),  # "at least 3 dead" ... "the toll has risen to 12"
    ("injured", 3, 3, 0.0),  # another predicate's count
    ("death", 8, 8, 0.0),  # close already: the close-value bonus, not this one
    ("death", 15, 20, 0.0),  # not outgrown
])
def test_a_count_said_to_have_risen_updates_the_measure_it_outgrew(measure_predicate, low, high, bonus):
    from collections import Counter
    block = (1, "people", None)
    measure = grouping.Measure(key=1, block=block, centroid=Counter({measure_predicate: 2.0, "storm": 0.5}),
                               size=1, low=low, high=high)
    group = grouping._Group([0], block, Counter({"death": 1.4, "friday": 0.75}), [12.0], [])
    group.vector, group.predicate = dict(group.terms), "death"
    group.norm = grouping._norm(group.vector)
    plain = grouping._scores(group, [measure])[0]
    group.risen = True
    risen = grouping._scores(group, [measure])[0]
    assert risen - plain == pytest.approx(bonus)
    assert grouping._score(group, measure) == pytest.approx(risen)


def test_a_figure_for_something_else_that_happened_stays_apart():
    # close figures, but "taken to hospital" is not "died"
    base = {"story": 1, "unit": "people", "qualifier": "exact"}
    claims = [
        dict(base, article_id=1, published="2024-07-14", text="Eight", value_low=8, value_high=8,
             sentence="Eight people have died in the heat across the region, the ministry said."),
        dict(base, article_id=2, published="2024-07-15", text="A dozen", value_low=12, value_high=12,
             sentence="A dozen were taken to hospital in the region, the ministry said."),
        dict(base, article_id=3, published="2024-07-16", text="11", value_low=11, value_high=11,
             sentence="The heat has now killed 11 people in the region, the ministry said."),
    ]
    died, hospital, killed = grouping.group_claims(claims)
    assert died == killed != hospital


def test_compatible_figures_of_one_article_may_share_a_measure():
    base = {"article_id": 1, "story": 1, "published": "2018-10-25", "unit": "troops"}
    claims = [
        dict(base, text="about 2,000", value_low=2000, value_high=2000, qualifier="approximately",
             sentence="About 2,000 National Guard troops are already at the border."),
        dict(base, text="2,092", value_low=2092, value_high=2092, qualifier="exact",
             sentence="The 2,092 National Guard troops already at the border will stay."),
    ]
    first, second = grouping.group_claims(claims)
    assert first == second


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ((2000, 2000, "approximately"), (2092, 2092, "exact"), True),
        ((2100, 2100, "exact"), (2092, 2092, "exact"), True),
        ((800, None, "at_least"), (5200, 5200, "exact"), True),
        ((7000, None, "more_than"), (3500, 7000, "range"), False),
        ((800, 1000, "range"), (5200, 5200, "exact"), False),
        ((None, 800, "at_most"), (900, 900, "exact"), False),
        # a decimal is as precise as its last place: "1.2" (km) covers 1.207, not 1.26
        ((1.2, 1.2, "exact"), (1.207, 1.207, "exact"), True),
        ((1.2, 1.2, "exact"), (1.26, 1.26, "exact"), False),
        # "a quarter of a million" customers and a later exact 242,600
        ((250000, 250000, "approximately"), (242600, 242600, "exact"), True),
    ],
)
def test_compatibility(a, b, expected):
    ca = dict(zip(("value_low", "value_high", "qualifier"), a))
    cb = dict(zip(("value_low", "value_high", "qualifier"), b))
    assert compare.compatible(ca, cb) is expected


def test_assessment_consistent_revised_conflicting():
    def claim(i, low, high, qualifier, outlet, published, retrospective=0):
        return dict(id=i, value_low=low, value_high=high, qualifier=qualifier, outlet=outlet,
                    published=published, retrospective=retrospective)

    guard = [claim(1, 2000, 2000, "approximately", "A", "2018-10-25"), claim(2, 2100, 2100, "exact", "B", "2018-10-25"),
             claim(3, 2092, 2092, "exact", "C", "2018-10-29")]
    assert compare.assess(guard)[0] == "consistent"
    troops = [claim(1, 800, 1000, "range", "A", "2018-10-25"), claim(2, 800, None, "at_least", "B", "2018-10-25"),
              claim(3, 5200, 5200, "exact", "C", "2018-10-29"), claim(4, 800, 1000, "range", "C", "2018-10-29", 1)]
    assessment, statuses = compare.assess(troops)
    assert assessment == "revised"
    assert statuses[1] == "superseded" and statuses[4] == "superseded" and statuses[3] == "agrees"
    crowd = [claim(1, 5000, 5000, "approximately", "Police", "2024-11-19"),
             claim(2, 40000, 40000, "exact", "Organisers", "2024-11-19")]
    assessment, statuses = compare.assess(crowd)
    assert assessment == "conflicting" and statuses[1] == "conflicts with 1"


def test_sources_disputing_a_figure_in_one_article_conflict():
    def claim(i, value, attribution, published="2025-09-08", retrospective=0):
        return dict(id=i, value_low=value, value_high=value, qualifier="exact", outlet="Echo", published=published,
                    attribution=attribution, retrospective=retrospective)

    # "the union says 11 of its members were held, not the eight the department gives"
    dispute = [claim(1, 11, "the union"), claim(2, 8, "The department")]
    assessment, statuses = compare.assess(dispute)
    assert assessment == "conflicting" and statuses[2] == "conflicts with 1"
    # one source correcting itself within the day is a revision, not a dispute
    assert compare.assess([claim(1, 11, "the department"), claim(2, 8, "The department", retrospective=1)])[0] \
        == "revised"
    # an outlet's own unattributed figures on two days are revised as ever
    assert compare.assess([claim(1, 11, None, "2025-09-09"), claim(2, 8, None)])[0] == "revised"


def test_points_other_than_a_score_line_up():
    # "the city has opened 14 distribution points": counted like anything else
    claim = {"story": 1, "unit": "points", "sentence": "The city has opened 14 distribution points.", "text": "14",
             "past_year": None}
    assert grouping.block_of(claim) == (1, "points", None)


@pytest.mark.parametrize("sentence,text,yearly", [
    ("Tornadoes kill about 70 people in the United States in an average year.", "about 70", True),
    ("Tornadoes kill about 70 people there a year on average.", "about 70", True),
    ("Each year, about 3,000 people drown in the country's rivers.", "about 3,000", True),
    ("The tornadoes killed 23 people, the most in a year since 2011.", "23", False),
    ("The storm killed 23 people on Sunday.", "23", False),
    # money "a year" is often part of what the figure is (a salary), not a background rate
    ("The chief executive is paid $2.3 million a year.", "$2.3 million", False),
])
def test_a_yearly_rate_lines_up_only_with_yearly_rates(sentence, text, yearly):
    unit = "usd" if text.startswith("$") else "people"
    claim = {"story": 1, "unit": unit, "sentence": sentence, "text": text, "past_year": None}
    assert grouping.block_of(claim)[1].endswith(" a year") is yearly


def test_a_figure_an_update_of_the_same_day_quotes_as_earlier_is_superseded():
    from datasette_discrepancy import aggregates

    def claim(i, value, outlet, published, retrospective=0):
        return dict(id=i, value_low=value, value_high=value, qualifier="exact", outlet=outlet, published=published,
                    attribution=None, retrospective=retrospective)

    # the wire's 64 patients in the morning; the local station's "81, up from 64" that afternoon
    hospital = [claim(1, 64, "Wire", "2027-04-12"), claim(2, 81, "Station", "2027-04-12"),
                claim(3, 64, "Station", "2027-04-12", retrospective=1)]
    assessment, statuses = compare.assess(hospital)
    assert assessment == "revised" and statuses[1] == "superseded" and statuses[2] == "agrees"
    # the large-measure path agrees
    padded = hospital + [claim(10 + i, 81, "Paper %d" % i, "2027-04-13") for i in range(12)]
    assert aggregates.assess_claims(padded) == compare.assess(padded)
    assert aggregates.assess_claims(padded)[1][1] == "superseded"
    # quoted days later, a same-day dispute stays one
    crowd = [claim(1, 480, "Agency", "2025-08-11"), claim(2, 600, "Daily", "2025-08-11"),
             claim(3, 612, "Review", "2025-08-14"), claim(4, 480, "Review", "2025-08-14", retrospective=1)]
    assert compare.assess(crowd)[0] == "conflicting"
    # an article quoting two earlier figures and no current one supersedes nothing
    share = [claim(1, 18, "TV", "2025-03-10"), claim(2, 23, "Gazette", "2025-03-10", retrospective=1),
             claim(3, 18, "Gazette", "2025-03-10", retrospective=1)]
    assert compare.assess(share)[1][1] == "agrees"


def test_a_named_source_quoted_by_two_outlets_is_one_source():
    def claim(i, value, outlet, attribution):
        return dict(id=i, value_low=value, value_high=value, qualifier="approximately", outlet=outlet,
                    published="2027-04-12", attribution=attribution, retrospective=0)

    # the mayor's "about 30" unaccounted for in the morning wire, "about a dozen" on the afternoon news
    mayor = [claim(1, 30, "Wire", "Mayor Carla Menifee"), claim(2, 12, "Station", "Mayor Carla Menifee")]
    assert compare.assess(mayor)[0] == "revised"
    # two sources, or one outlet's figure against another's, still conflict
    assert compare.assess([claim(1, 30, "Wire", "Mayor Carla Menifee"), claim(2, 12, "Station", "the sheriff's office")
                           ])[0] == "conflicting"
    assert compare.assess([claim(1, 30, "Wire", None), claim(2, 12, "Station", None)])[0] == "conflicting"


def test_neighbouring_small_counts_disagree():
    def claim(i, value, published):
        return dict(id=i, value_low=value, value_high=value, qualifier="exact", outlet="A" if i == 1 else "B",
                    published=published, retrospective=0)

    assert not compare.compatible(claim(1, 2, "x"), claim(2, 3, "x"))
    assert compare.assess([claim(1, 2, "2025-06-17"), claim(2, 3, "2025-06-18")])[0] == "revised"
    # a round figure still covers its rounding: 2,100 and 2,092
    assert compare.compatible(claim(1, 2100, "x"), claim(2, 2092, "x"))


def test_an_earlier_figure_quoted_against_a_new_one_is_a_revision():
    def claim(i, low, high, qualifier, published, retrospective=0):
        return dict(id=i, value_low=low, value_high=high, qualifier=qualifier, outlet="A", published=published,
                    retrospective=retrospective)

    # "at least four" allows six, but "six, up from the 'at least four'" says the count changed
    toll = [claim(1, 4, None, "at_least", "2025-09-08"), claim(2, 6, 6, "exact", "2025-09-11"),
            claim(3, 4, None, "at_least", "2025-09-11", retrospective=1)]
    assert compare.assess(toll)[0] == "revised"
    assert compare.assess(toll[:2])[0] == "consistent"


def test_a_later_figure_inside_an_earlier_range_quoted_again_is_no_revision():
    def claim(i, low, high, qualifier, published, retrospective=0):
        return dict(id=i, value_low=low, value_high=high, qualifier=qualifier, outlet="A", published=published,
                    retrospective=retrospective)

    # "the surge, forecast at 12 to 15 feet, peaked at about 14": the forecast held
    surge = [claim(1, 12, 15, "range", "2024-09-12"), claim(2, 14, 14, "approximately", "2024-09-13"),
             claim(3, 12, 15, "range", "2024-09-13", retrospective=1)]
    assert compare.assess(surge)[0] == "consistent"
    # ... but a figure outside it revises it
    surge[1] = claim(2, 17, 17, "approximately", "2024-09-13")
    assert compare.assess(surge)[0] == "revised"


def test_figures_in_different_units_are_compared_converted():
    def claim(i, value, unit, qualifier="exact", outlet="A"):
        return dict(id=i, value_low=value, value_high=value, qualifier=qualifier, unit=unit, outlet=outlet,
                    published="2025-03-01", retrospective=0)

    # an ash column "30,000 feet" high and "about 9 km" high agree
    assert compare.assess([claim(1, 30000, "feet"), claim(2, 9, "km", "approximately", "B")])[0] == "consistent"
    # a limit of 150 litres a person and "about 40 gallons" agree; 40 litres does not
    assert compare.assess([claim(1, 150, "litres"), claim(2, 40, "gallons", "approximately", "B")])[0] \
        == "consistent"
    assert compare.assess([claim(1, 150, "litres"), claim(2, 40, "litres", "approximately", "B")])[0] \
        == "conflicting"
    # "tons" in news copy is as often metric tonnes: compared as written
    assert compare.assess([claim(1, 95000, "tonnes"), claim(2, 95000, "tons", "exact", "B")])[0] == "consistent"
    # 100F is 37.8C
    assert compare.compatible(claim(1, 100, "fahrenheit"), claim(2, 38, "celsius", "approximately"))


def test_near_verbatim_copies_match_and_a_shared_phrase_does_not():
    original = ("The decision to send active duty forces this time gives the Pentagon the ability to more "
                "rapidly mobile greater capability than would be immediately available with the Guard, officials tell Reuters.")
    edited = ("The decision to send active-duty forces this time gives the Pentagon the ability to more "
              "rapidly mobilize greater capability than would be immediately available with the Guard, officials tell Reuters.")
    other = ("Officials said the decision to send troops gives commanders more options than the Guard could offer "
             "on short notice, although critics in Congress disagreed sharply.")
    a, b, c = (syndication.sketch(syndication.shingles(t)) for t in (original, edited, other))
    assert syndication.is_copy(a, b)
    assert not syndication.is_copy(a, c)
    # candidates are found through the smallest hashes: the copy shares one
    assert set(a[: syndication.BANDS]) & set(b[: syndication.BANDS])


@pytest.mark.asyncio
async def test_article_page_names_the_wire_copy(ds):
    db = ds.get_database("border")
    ids = {r[0]: r[1] for r in (await db.execute("select outlet, id from articles")).rows}
    page = (await ds.client.get("/border/-/discrepancies-article/{}".format(ids["Global News"]))).text
    assert "Reprints 12 paragraphs near-verbatim from" in page
    assert 'href="/border/-/discrepancies-article/{}">Reuters, 2018-10-29</a>'.format(ids["Reuters"]) in page
    data = (await ds.client.get("/border/-/discrepancies-article/{}.json".format(ids["Reuters"]))).json()
    assert [(o["outlet"], o["passages"]) for o in data["wire_copy"]["copied_by"]] == [("Global News", 12)]
    assert data["wire_copy"]["copied_from"] == []


def test_a_capitalised_name_says_nothing_of_what_happened():
    def terms(sentence, text):
        return grouping.claim_terms({"sentence": sentence, "text": text, "unit": "customers"})
    named = terms("Westerly Power Networks says 1.1 million customers were hit.", "1.1 million")
    assert "outage" not in named and "power" in named
    plain = terms("The utility says 1.1 million customers lost power.", "1.1 million")
    assert "outage" in plain
    # a headline in title case still says what happened
    headline = terms("Storm Leaves 1.1 Million Without Power", "1.1 Million")
    assert "outage" in headline


@pytest.mark.asyncio
async def test_a_lineup_in_two_units_is_drawn_in_the_measures_unit(tmp_path):
    from datasette.app import Datasette

    from datasette_discrepancy import aggregates, db as dblayer
    from datasette_discrepancy.units import convert

    assert convert(1000, "miles", "km") == pytest.approx(1609.344)
    assert convert(212, "fahrenheit", "celsius") == pytest.approx(100)
    assert convert(100, "celsius", "fahrenheit") == pytest.approx(212, abs=0.01)
    assert convert(3, "tons", "tonnes") == 3  # written alike in news copy
    assert convert(5, "residents", "people") is None

    path = str(tmp_path / "ash.db")
    db = dblayer.open_database(path)
    dblayer.ensure_schema(db)
    db["articles"].insert_all([
        {"id": 1, "source": "a.txt", "outlet": "Metric Daily", "published": "2025-03-01", "body": "x"},
        {"id": 2, "source": "b.txt", "outlet": "Imperial Post", "published": "2025-03-01", "body": "y"},
    ])
    db["measures"].insert({"id": 1, "slug": "ash-column", "label": "Ash column height", "unit": "km"})
    claim = {"span_start": 0, "span_end": 1, "retrospective": 0, "sentence": "s", "measure_id": 1}
    db["claims"].insert_all([
        dict(claim, id=1, article_id=1, text="about 9 km", value_low=9, value_high=9, qualifier="approximately",
             unit="km", sort_key="1"),
        dict(claim, id=2, article_id=2, text="30,000 feet", value_low=30000, value_high=30000, qualifier="exact",
             unit="feet", sort_key="2"),
    ])
    aggregates.refresh_measures(db, [1])
    db.conn.commit()
    measure = db["measures"].get(1)
    assert measure["assessment"] == "consistent"
    assert (measure["min_value"], round(measure["max_value"], 3)) == (9, 9.144)   # not 30,000
    cells = {row["outlet"]: round(row["max_value"], 3) for row in db["measure_cells"].rows}
    assert cells == {"Metric Daily": 9, "Imperial Post": 9.144}

    html = (await Datasette([path]).client.get("/ash/-/discrepancies/ash-column")).text
    assert "9.144 (given in feet)" in html
    assert "30,000 (given" not in html


def _labelled(*rows):
    claims = [{"sentence": sentence, "text": text, "unit": unit, "noun_phrase": phrase}
              for sentence, text, unit, phrase in rows]
    return grouping.measure_label(claims)


def test_a_count_is_labelled_by_what_happened_to_it_not_by_names():
    label, unit = _labelled(
        ("Officials in Valdora said 12 people were killed when the hillside gave way.", "12", "people", "people"),
        ("The landslide killed 14 people, Valdora police said.", "14", "people", "people"),
    )
    assert unit == "people"
    assert label.startswith("People killed")
    assert "valdora" not in label.lower()


def test_a_measurement_is_labelled_by_its_unit_and_what_it_measures():
    label, unit = _labelled(
        ("The oil has fouled 40 km of coastline, the coast guard said.", "40", "km", "km"),
        ("Oil now fouls about 55 km of coastline.", "about 55", "km", "km"),
    )
    assert label.startswith("Km (") and "oil" in label.lower()
    money, _ = _labelled(("The fund has raised £90,000 for the victims' families.", "£90,000", "gbp", "gbp"))
    assert money.startswith("£ (")


def test_an_age_a_rule_sets_is_a_measure_but_a_persons_age_is_not():
    rule = {"unit": "years", "noun_phrase": "retirement age", "story": 1, "text": "65",
            "sentence": "The plan would raise the retirement age to 65."}
    person = {"unit": "years", "noun_phrase": "years", "story": 1, "text": "44",
              "sentence": "He died at the age of 44."}
    assert grouping.block_of(rule) is not None
    assert grouping.block_of(person) is None


def test_sending_people_to_hospital_is_no_deployment():
    terms = grouping.claim_terms({"sentence": "The outbreak has sickened 213 people and sent 22 to the hospital.",
                                  "text": "22"})
    assert "hospitalised" in terms and "deployed" not in terms
    sent = grouping.claim_terms({"sentence": "The army sent 400 soldiers to the flooded town.", "text": "400"})
    assert "deployed" in sent


def _share(article_id, text, value, sentence):
    return {"article_id": article_id, "story": 1, "published": f"2028-05-1{article_id}", "unit": "percent",
            "text": text, "value_low": value, "value_high": value, "qualifier": "exact", "sentence": sentence}


@pytest.mark.parametrize("value,joins", [(61.0, True), (60.7, True), (62.0, False), (52.3, False)])
def test_shares_within_half_a_point_are_evidence_of_one_quantity(value, joins):
    # shares crowd into 0 to 100 whatever they measure, so only a figure within
    # half a point of a measure's own counts as close: the commission's turnout
    # and an outlet's "61.0 percent of voters turned out"
    claims = [
        _share(1, "61.2 percent", 61.2, "The commission put turnout at 61.2 percent on Monday."),
        _share(1, "40.1 percent", 40.1, "The challenger, a former mayor, had 40.1 percent of the vote."),
        _share(2, f"{value} percent", value, f"The official count says {value} percent of voters turned out."),
    ]
    labels = grouping.group_claims(claims)
    assert (labels[2] == labels[0]) is joins
    assert labels[1] != labels[0]


def test_a_label_says_nothing_with_pronouns_or_prepositions():
    label, _ = _labelled(
        ("Preliminary results gave him 57.6 percent of the vote.", "57.6 percent", "percent", "percent"),
        ("Results two weeks ago gave him 57.1 percent across the country.", "57.1 percent", "percent", "percent"),
    )
    words = set(label.lower().replace("(", " ").replace(")", " ").replace(",", " ").split())
    assert not words & {"him", "ago", "across"}, label
