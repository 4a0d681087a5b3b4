"""Table-driven tests of extract_claims over every construction, the exclusions,
spans, and property tests (hypothesis)."""
import os

import pytest
from hypothesis import given, settings, strategies as st

from datasette_discrepancy.extract import QUALIFIERS, Claim, extract_claims
from datasette_discrepancy.terms import claim_terms

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def one(text):
    claims = extract_claims(text)
    assert len(claims) == 1, [(c.text, c.value_low, c.value_high) for c in claims]
    return claims[0]


# (sentence, expression text, low, high, qualifier, unit)
CASES = [
    # digits, separators, decimals, scale words, money, percent
    ("The fire has burned 5,200 acres.", "5,200", 5200, 5200, "exact", "acres"),
    ("Officials counted 2092 troops at the post.", "2092", 2092, 2092, "exact", "troops"),
    ("The plan costs 1.2 billion euros.", "1.2 billion", 1.2e9, 1.2e9, "exact", "eur"),
    ("Damage reached $1.2 billion, officials said.", "$1.2 billion", 1.2e9, 1.2e9, "exact", "usd"),
    ("Insurers expect claims of £120m this year.", "£120m", 1.2e8, 1.2e8, "exact", "gbp"),
    ("About 40% of homes lost power.", "About 40%", 40, 40, "approximately", "percent"),
    ("Turnout was 65 percent on Sunday.", "65 percent", 65, 65, "exact", "percent"),
    ("Turnout was 65 per cent on Sunday.", "65 per cent", 65, 65, "exact", "percent"),
    ("The 4,000-plus troops arrived.", "4,000-plus", 4000, None, "more_than", "troops"),
    ("The storm dropped 1 1/2 inches of rain.", "1 1/2", 1.5, 1.5, "exact", "inches"),
    # number words
    ("Nine people died in the crash.", "Nine", 9, 9, "exact", "people"),
    ("Searchers found eight sets of remains.", "eight", 8, 8, "exact", "remains"),
    ("A dozen homes burned overnight.", "A dozen", 12, 12, "exact", "homes"),
    ("They hired twenty-five firefighters.", "twenty-five", 25, 25, "exact", "firefighters"),
    ("Two hundred and fifty volunteers came.", "Two hundred and fifty", 250, 250, "exact", "volunteers"),
    ("One firefighter was hurt.", "One", 1, 1, "exact", "firefighters"),
    ("Crews spent a couple of weeks on it.", "couple of", 2, 2, "vague", "weeks"),
    # ranges
    ("Officials said 800 to 1,000 service members could deploy.", "800 to 1,000", 800, 1000, "range", "troops"),
    ("A caravan estimated at between 3,500 and 7,000 migrants.", "between 3,500 and 7,000", 3500, 7000, "range", "migrants"),
    ("Estimates put it at 4,000-5,000 people.", "4,000-5,000", 4000, 5000, "range", "people"),
    ("Two or three buildings collapsed.", "Two or three", 2, 3, "range", "buildings"),
    ("Prices rose 3 to 4 million dollars.", "3 to 4 million", 3e6, 4e6, "range", "usd"),
    # qualifiers
    ("There are about 2,000 National Guard troops there.", "about 2,000", 2000, 2000, "approximately", "troops"),
    ("Roughly 300 soldiers arrived.", "Roughly 300", 300, 300, "approximately", "troops"),
    ("It holds some 1,300 tractors.", "some 1,300", 1300, 1300, "approximately", "tractors"),
    ("Nearly 2,000 people fled.", "Nearly 2,000", 2000, 2000, "approximately", "people"),
    ("Almost 50 homes burned.", "Almost 50", 50, 50, "approximately", "homes"),
    ("More than 7,000 migrants walked.", "More than 7,000", 7000, None, "more_than", "migrants"),
    ("The army will deploy over 5,200 troops.", "over 5,200", 5200, None, "more_than", "troops"),
    ("At least 9 people were killed.", "At least 9", 9, None, "at_least", "people"),
    ("It could send 800 or more troops.", "800 or more", 800, None, "at_least", "troops"),
    ("Up to 800 troops may go.", "Up to 800", None, 800, "at_most", "troops"),
    ("As many as 800 troops may go.", "As many as 800", None, 800, "at_most", "troops"),
    ("Fewer than 10 people remain.", "Fewer than 10", None, 10, "less_than", "people"),
    ("It is less than two weeks away.", "less than two", None, 2, "less_than", "weeks"),
    # vague quantities
    ("Hundreds of firefighters battled the blaze.", "Hundreds", 100, 999, "vague", "firefighters"),
    ("Thousands of residents fled.", "Thousands", 1000, None, "vague", "residents"),
    ("Several thousand people marched.", "Several thousand", 2000, 9999, "vague", "people"),
    ("Dozens of homes were lost.", "Dozens", 24, None, "vague", "homes"),
    ("Tens of thousands of protesters gathered.", "Tens of thousands", 10000, None, "vague", "protesters"),
    ("Millions of others are doing it.", "Millions", 1e6, None, "vague", "people"),
    ("The navy keeps no more than a few warships there.", "no more than a few", 2, 9, "vague", "warships"),
    ("A crowd of thousands gathered.", "thousands", 1000, None, "vague", "people"),
    # units: measurement, temperature, magnitude, partitive
    ("The caravan is more than 1,000 miles from the border.", "more than 1,000", 1000, None, "more_than", "miles"),
    ("A 7.1-magnitude quake hit.", "7.1", 7.1, 7.1, "exact", "magnitude"),
    ("About 610,000 of its customers lost power.", "About 610,000", 610000, 610000, "approximately", "customers"),
    # fractions and relative figures
    ("A third of residents left.", "A third", 33, 33, "exact", "percent"),
    # a fraction of a million is a round way of saying it: about
    ("Before the storm, a quarter of a million people were told to leave.", "a quarter of a million",
     250000, 250000, "approximately", "people"),
    ("Estimates vary from around 3,500 to more than double that.", "around 3,500 to more than double that",
     3500, 7000, "range", None),
]


# shares, compound measures and vague words
CASES += [
    # ratios "N in M" are shares: a percent, with the hedge
    ("One in five children had received no vaccine.", "One in five", 20, 20, "exact", "percent"),
    ("Nearly two in five eligible voters stayed home.", "Nearly two in five", 40, 40, "approximately", "percent"),
    ("A carrier can infect up to nine in 10 unvaccinated people.", "up to nine in 10", None, 90, "at_most", "percent"),
    ("Three out of four residents backed the plan.", "Three out of four", 75, 75, "exact", "percent"),
    ("About one in every 1,000 cases is fatal.", "About one in every 1,000", 0.1, 0.1, "approximately", "percent"),
    # a qualified "half" is a share too
    ("Nearly half of voters named housing.", "Nearly half", 50, 50, "approximately", "percent"),
    ("In the lower town half of the houses were destroyed.", "half", 50, 50, "exact", "percent"),
    ("Growers expect to lose up to half of the harvest.", "up to half", None, 50, "at_most", "percent"),
    ("Reservoirs are at less than half of capacity.", "less than half", None, 50, "less_than", "percent"),
    ("Farmers could lose as much as half of this year's crop.", "as much as half", None, 50, "at_most", "percent"),
    ("More than half of the trains ran late.", "More than half", 50, None, "more_than", "percent"),
    # one quantity in two units
    ("She waited 2 hours 40 minutes with her children.", "2 hours 40 minutes", 160, 160, "exact", "minutes"),
    ("The climb took about two hours and 15 minutes.", "about two hours and 15 minutes", 135, 135,
     "approximately", "minutes"),
    ("The winning time was 3 minutes 43 seconds.", "3 minutes 43 seconds", 223, 223, "exact", "seconds"),
    ("The suspect is 6 feet 2 inches tall.", "6 feet 2 inches", 74, 74, "exact", "inches"),
    # "a handful"
    ("In a handful of ridings the margin was tiny.", "a handful", 3, 9, "vague", "ridings"),
    ("A handful of nurses were sent home.", "A handful", 3, 9, "vague", "nurses"),
    # a duration with a hedge keeps its unit
    ("It is the worst accident in more than two decades.", "more than two", 2, None, "more_than", "decades"),
    # a decimal after "to" is a value, not a clock time
    ("The index fell to 11.40 on Monday.", "11.40", 11.4, 11.4, "exact", None),
    # "and a half", before or without a scale word
    ("The siege lasted two and a half days.", "two and a half", 2.5, 2.5, "exact", "days"),
    ("Roughly one and a half million viewers tuned in.", "Roughly one and a half million", 1_500_000,
     1_500_000, "approximately", "viewers"),
    ("The queue stretched 3 and a half miles.", "3 and a half", 3.5, 3.5, "exact", "miles"),
    # a count of times, a multiple included
    ("Paramedics were called out 214 times last weekend.", "214", 214, 214, "exact", "times"),
    ("The bill is nearly three times the original estimate.", "nearly three", 3, 3, "approximately", "times"),
    # "one" as a count: what befell it, or the end of a list of counts
    ("Bus plunges into gorge; one still missing", "one", 1, 1, "exact", "people"),
    ("The blizzard has claimed one life so far.", "one", 1, 1, "exact", "people"),
    # fractions: of a unit, and a change "by a fifth"
    ("The queue ran for three quarters of a mile.", "three quarters of a mile", 0.75, 0.75, "exact", "miles"),
    ("Real wages have fallen by a fifth since 2010.", "a fifth", 20, 20, "exact", "percent"),
    # one unit, hedged; half of a whole
    ("The notice will last about a week.", "about a week", 1, 1, "approximately", "weeks"),
    ("The tornado was nearly a mile wide.", "nearly a mile", 1, 1, "approximately", "miles"),
    ("The outage lasted more than an hour.", "more than an hour", 1, None, "more_than", "hours"),
    ("Passengers will get HALF their fare back as credit.", "HALF", 50, 50, "exact", "percent"),
    # below zero
    ("Lows of minus 14 degrees are forecast.", "minus 14", -14, -14, "exact", "degrees"),
    ("It was -9C in the valley at dawn.", "-9C", -9, -9, "exact", "celsius"),
]


@pytest.mark.parametrize("sentence,expr,low,high,qual,unit", CASES, ids=[c[1] + "|" + c[0][:20] for c in CASES])
def test_construction(sentence, expr, low, high, qual, unit):
    c = one(sentence)
    assert c.text == expr
    assert c.value_low == (None if low is None else pytest.approx(low))
    assert c.value_high == (None if high is None else pytest.approx(high))
    assert c.qualifier == qual
    if unit is not None:
        assert c.unit == unit


def test_change_is_two_figures_the_earlier_retrospective():
    claims = extract_claims("The death toll rose from 631 to 1,011 on Monday.")
    assert [(c.text, c.value_low, c.retrospective) for c in claims] == [
        ("631", 631, True), ("1,011", 1011, False)]
    assert {c.unit for c in claims} == {"people"}


@pytest.mark.parametrize("sentence,retrospective", [
    # "to X from Y": the figure after "from" is the earlier one
    ("Deaths climbed to 1,011 from 631 on Monday.", [False, True]),
    ("Prices rose to $4 from $3.50 a gallon.", [False, True]),
    ("The army moved 200 people to shelters from 3 villages.", [False, False]),
    # "had been" dates an earlier figure, not an ongoing state: "had been drifting 40 kilometres off"
    ("The toll had been 12 on Monday.", [True]),
    ("The ship had been drifting 40 kilometres off the coast.", [False]),
    ("The state said about 640 homes had been destroyed and more than 1,900 damaged.", [False, False]),
    # the earlier figure's own details are earlier too: "up from 140,000 in five"
    ("The notice now covers about 185,000 households in seven districts, up from 140,000 in five this morning.",
     [False, False, True, True]),
])
def test_what_a_change_started_from_is_earlier(sentence, retrospective):
    assert [c.retrospective for c in extract_claims(sentence)] == retrospective


@pytest.mark.parametrize("sentence,expr", [
    ("Gen. Smith said the figure was far higher than the 800 to 1,000 initially forecast.", "800 to 1,000"),
    ("They will deploy 5,200 troops instead of initial 800.", "800"),
    ("Power outages fell to 210,000, down from 640,000.", "640,000"),
    ("About 210,000 customers remained without power, down from a peak of roughly 640,000.", "roughly 640,000"),
    ("The surge, which forecasters had forecast at 12 to 15 feet, peaked at about 14 feet.", "12 to 15"),
    ("Some British media had reported on Monday that all 20 would arrive this year.", "20"),
    ("The authorities widened the exclusion zone from 8km to 12km around the crater.", "8km"),
    # a figure quoted to compare the new one with
    ("The tally is now 47, far higher than the 30 the council gave on Monday.", "30"),
    ("That is well above Tuesday's 1,900 and below the \"more than 4,000\" organisers claim.", "1,900"),
    ("That is well above Tuesday's 1,900 and below the \"more than 4,000\" organisers claim.", "more than 4,000"),
    ("The board lifted its offer to 6 per cent on Friday, from 4.5 per cent.", "4.5 per cent"),
    ("The firm now says 2,600 litres leaked, after saying for a week that under 500 had.", "under 500"),
    ("Sales have tripled since March, when the company reported 12,000 units.", "12,000"),
    ("Correction: An earlier version of this story said 19 schools were closed.", "19"),
    ("Correction: an earlier version of this blog said six people had died.", "six"),
    ("Rangers had earlier spoken of \"up to 15\" hikers on the trail.", "up to 15"),
    ("Four died, up from the \"at least two\" police gave on Sunday.", "at least two"),
    ("The survey initially put the magnitude at 5.8 before revising it.", "5.8"),
    # the figure the text says was reported at an earlier time
    ("At least 25 are missing; the 30 that survivors spoke of on Monday may include some since found.", "30"),
    ("The final count is 612, close to the \"more than 600\" registered by the UN agency on Monday.",
     "more than 600"),
])
def test_retrospective(sentence, expr):
    claims = {c.text: c for c in extract_claims(sentence)}
    assert claims[expr].retrospective


@pytest.mark.parametrize("sentence,expr,unit", [
    ("A further 1,450 were injured and 73 remain missing.", "73", "people"),
    ("The number of injured has risen to more than 1,900.", "more than 1,900", "people"),
    ("Officials say 2,300 buildings collapsed and about 9,000 others were damaged.", "about 9,000", "buildings"),
    ("Rebuilding will cost between 1.5 billion and 2 billion soles.", "between 1.5 billion and 2 billion", "pen"),
    ("Winds of more than 60 km/h hampered the rescue.", "more than 60", "km/h"),
    ("Nine remain in hospital, two of them in critical condition.", "Nine", "people"),
    ("Nine remain in hospital, two of them in critical condition.", "two", "people"),
    ("All 23 crew members were lifted off the tanker.", "23", "crew"),
    ("Of the 600-plus stewards, 40pc were agency staff.", "40pc", "percent"),
    ("Eastmere produces ONE IN FIVE of the nation's birds.", "ONE IN FIVE", "percent"),
    ("About 1.2m eggs would have to be destroyed.", "About 1.2m", "eggs"),
    ("A 1.2m wall fell on the path.", "1.2m", "metres"),
    ("23 have been taken to three hospitals across the city.", "23", "people"),
    ("The official attendance was 41,212 for a game.", "41,212", "people"),
    ("School lunch outbreak sickens 213", "213", "people"),
    ("Tessaro eruption: 12,400 forced from their homes", "12,400", "people"),
    ("BIRD FLU CARNAGE: 400,000 BIRDS TO BE GASSED", "400,000", "birds"),
    ("Ash fell 10 centimeters deep.", "10", "cm"),
    ("The guidance allows no more than 4.7 people per square metre.", "no more than 4.7", "people per square metre"),
    ("Water is limited to 150 litres per person a day.", "150", "litres"),
    ("Walkers have reported more than 40 dead swans along the Mere.", "more than 40", "swans"),
    ("The Examiner learned that 12 of the 20 turnstiles were closed.", "12", "turnstiles"),
    ("Symptoms start one to three days after eating.", "one to three", "days"),
    ("The farm boss says the cull is nearer 250,000 birds.", "nearer 250,000", "birds"),
    ("- MORE THAN 400 trains were axed", "MORE THAN 400", "trains"),
    ("The fault tripped 3.2GW (3,200 megawatts) of supply.", "3.2GW (3,200 megawatts)", "gigawatts"),
    ("The agency received 3,000 comments on the plan.", "3,000", "comments"),
    ("Of the 12 (5 of them children) 3 of 9 died.", "9", "people"),
    ("'More than 600' on board: UN agency disputes count", "More than 600", "people"),
    ("Regulators say 12,000 pounds of chlorine escaped. The company says less than 1,000.", "less than 1,000",
     "pounds"),
    ("About 900 spent the night at three shelters.", "About 900", "people"),
    ("Port Calloway, a city of about 58,000, sits on a bend.", "about 58,000", "people"),
    ("A lawsuit on behalf of more than 200 residents seeks $50 million.", "more than 200", "residents"),
    ("Watchdog says 1.6 million lost power, not 1.3 million", "1.6 million", "customers"),
    ("The figure of 14 lies between the two estimates.", "14", None),
    ("A rescue official says \"up to 20\" skiers may have been buried.", "up to 20", "skiers"),
    ("Six were flown to the university hospital.", "Six", "people"),
    ("Cyclone kills 14; more than 1.2 million flee to shelters", "more than 1.2 million", "people"),
    ("Winds of up to 180 kilometres per hour hit the coast.", "up to 180", "km/h"),
    ("Three of them were taken to a hospital in Macon.", "Three", "people"),
    ("About 90 of those on board were children.", "About 90", "children"),
    ("It will cost 8.4 million Swiss francs.", "8.4 million", "chf"),
    ("About 200 fishermen are missing.", "About 200", "fishermen"),
    ("The explosion has now claimed 13 lives, police said.", "13", "people"),
    ("MARKET BLAST TOLL HITS 13 AS GAS FIRM ADMITS LEAK WARNINGS", "13", "people"),
    ("Union says more than 10,000 walked out; the board says about 6,200", "more than 10,000", "people"),
    ("That is higher than the 1,800 police reported on Saturday.", "1,800", None),
    ("Some 2,000 police were deployed.", "Some 2,000", "police"),
    ("Tallis collapses; 240,000 savers wait for compensation", "240,000", "savers"),
    ("The scheme paid 85% of the bank's 242,600 account holders.", "242,600", "customers"),
])
def test_counted_thing_read_from_context(sentence, expr, unit):
    claims = {c.text: c for c in extract_claims(sentence)}
    assert claims[expr].unit == unit


def test_a_sum_converted_to_another_currency_is_one_figure():
    claims = extract_claims("The operation would cost 340 million euros (about $380 million) a year.")
    assert [(c.text, c.value_low, c.unit) for c in claims] == [
        ("340 million euros (about $380 million)", 340e6, "eur")]


def test_a_sum_paid_to_people_is_not_a_range():
    claims = extract_claims("The scheme paid £2.9bn to about 205,000 customers.")
    assert [(c.text, c.value_low, c.unit) for c in claims] == [
        ("£2.9bn", 2.9e9, "gbp"), ("about 205,000", 205000, "customers")]


def test_past_perfect_narrative_is_not_retrospective():
    c = one("Traffic cameras had counted more than 1,200 tractors by noon.")
    assert not c.retrospective


def test_a_toll_counts_people_and_passing_it_is_more_than():
    claims = extract_claims("Quake toll passes 200. The death toll from Monday's earthquake "
                            "has climbed to 247, officials said.")
    assert [(c.text, c.value_low, c.value_high, c.qualifier, c.unit) for c in claims] == [
        ("200", 200, None, "more_than", "people"), ("247", 247, 247, "exact", "people")]


def test_not_retrospective_plain_estimate():
    c = one("The initial estimate is that 800 to 1,000 service members could deploy.")
    assert not c.retrospective


def test_two_units_one_quantity():
    c = one("The caravan is 1,000 miles (1,609 kilometers) from the border.")
    assert c.value_low == 1000 and c.unit == "miles"
    assert c.canonical_unit == "km" and c.canonical_low == pytest.approx(1609.344)
    assert c.text == "1,000 miles (1,609 kilometers)"
    # a speed, its unit read with the number, and its conversion with a slash
    c = one("Winds reached 50 mph (80 km/h) on Sunday.")
    assert (c.text, c.value_low, c.unit) == ("50 mph (80 km/h)", 50, "mph")


def test_nautical_miles_and_hyphenated_area_units():
    c = one("The ship was about 22 nautical miles (40 km) off the islands.")
    assert c.unit == "nautical miles" and c.canonical_low == pytest.approx(40.744)
    c = one("The ship was 22 nm off the islands.")
    assert c.unit == "nautical miles" and c.canonical_unit == "km"
    c = one("Crews held a 250-square-mile fire line.")
    assert c.unit == "square miles" and c.canonical_low == pytest.approx(647.497, rel=1e-3)


@pytest.mark.parametrize("sentence,expr,unit", [
    # a place's name before a figure with a measuring unit labels nothing
    ("Warning sirens sounded in Harlan Springs 18 minutes before the tornado struck.", "18", "minutes"),
    ("The fire broke out in the engine room 25 MILES off the Serrat Islands.", "25", "miles"),
])
def test_a_measured_figure_after_a_name_is_a_claim(sentence, expr, unit):
    claims = {c.text: c for c in extract_claims(sentence)}
    assert claims[expr].unit == unit


def test_designations_still_are_not_claims():
    assert extract_claims("Take Route 66 past Tram 81; Windows 10 users may see Gate 4.") == []


def test_a_question_heading_says_what_its_answer_counts():
    text = ("The tornadoes: what we know\n\nHow many people died?\n\nThe state's count stood at 23 on "
            "Wednesday, up from the 14 first reported. Of the 23 victims, 15 were in mobile homes.\n\n"
            "Were the warnings good enough?\n\nSirens sounded 18 minutes before it struck.")
    claims = extract_claims(text)
    count, sirens = claims[0], claims[-1]
    assert (count.text, sirens.text) == ("23", "18")
    assert "died" in count.context
    assert "died" not in sirens.context and "warnings" in sirens.context
    # grouping weighs the question's words faintly, below the sentence's own
    terms = claim_terms({"sentence": count.sentence, "text": "23", "context": " ".join(count.context)})
    assert 0 < terms["death"] < terms["stood"]


def test_canonical_units():
    c = one("The fire burned 1,000 acres.")
    assert c.canonical_unit == "hectares" and c.canonical_low == pytest.approx(404.69, rel=1e-3)
    c = one("It was 104F at noon.")
    assert c.unit == "fahrenheit" and c.canonical_unit == "celsius" and c.canonical_low == pytest.approx(40)


def test_relative_multiple_of_previous_figure():
    claims = extract_claims("Police said 5,000 protesters attended; organisers said eight times that.")
    assert [c.value_low for c in claims] == [5000, 40000]
    assert claims[1].unit == "protesters"


@pytest.mark.parametrize("sentence", [
    # a bare or dated "a week" is a rate or a time, not a figure
    "They meet once a week.",
    "It happened about a year ago.",
    "More than a week later, the town is still dark.",
    "Prices rose for the first half of the year.",
    "It happened on Oct. 22, 2018.",
    "It happened on October 25, 2018, near the border.",
    "On 25 October the march began.",
    "date 2018-10-25 x",
    "The report dated 10/25/2018 said so.",
    "The meeting is at 10:30 a.m. on Monday.",
    "Shelters open at 7 a.m. daily.",
    "In 2016, voters chose a new mayor.",
    "Glenda Escobar, 33, a migrant from Honduras, rests.",
    "The families were named as Chloe Barnes and her cousin Ryan Barnes, 23.",
    "She has a 33-year-old son.",
    "18 PHOTOS",
    "Related: the valley before and after the flood, seen from the air — 40 PHOTOS\nMore news",
    "The siren went at midnight. By ten past, the water was at the door.",
    "It was twenty past six when the dam gave way.",
    "Sales fell in the first half of the year.",
    "News | Politics | Weather\nMarlow 17°C, sunny\n\nThe council met.",
    "The loss is far higher, more than twice the figure given by the government on Tuesday.",
    "The 82nd Airborne Division deployed.",
    "Call (530) 555-0142 for help.",
    "Shelter is at 1200 Main Street.",
    "A Category 4 storm hit.",
    "Route 49 is closed.",
    "Metro lines 1 and 5 were running.",
    "They bought 20 Challenger 2 tanks.",
    "See https://example.com/story?id=58741906 for more.",
    "The 1990s were different.",
    "No one was hurt, and one of them left.",
    # phone numbers in other formats
    "A family assistance line has been set up on 0800 555 0199.",
    "Call the newsdesk on 020 7946 0321 or email us.",
    "The festival's medical line is 957 555 012.",
    "Residents can find one by calling 955 555 210.",
    "Call +44 20 7946 0321 today.",
    "Families can call the municipal line at (0290) 555-0182.",
    "For help call 01 419-5700.",
    "Call the helpline on (03459) 335577.",
    "Report dead birds on 03459 335577.",
    "Donate online or call +30 22470 55 019.",
    "Got a story? WhatsApp us on 07700 900 412.",
    # page furniture
    "9:48 AM · Aug 11, 2025\n4.3K likes  1.9K reposts\n\nVolunteers came.",
    "6 min read | 89 comments\n\nShare",
    "Pensioner story\nCOMMENTS (1,024)\n\nDo you have a story?",
    "Rescuers dig in Corvessa. (AWS Photo/Marta Klein) 1 of 14\n\nCORVESSA, Alta Sarna (AWS) - A hillside fell.",
    "We value your privacy. We and our 842 partners store and access information.",
    "KXPC 12 NEWS | Port Calloway",
    "Most viewed\n1 Storm closes alpine pass\n2 Tennis star pulls out of tournament",

    "For comparison, the 1979 eruption was smaller.",
    # bylines and outlet names
    "By Jordan Okafor | February 18, 2025 1:12 pm ET | 6 min read",
    "WPCV 8 News\nBy Alyssa Brandt",
    # numbered list items at the start of a line
    "Here is what the figures tell us.\n\n1. Seats\nThat is the final tally.",
    "What to know:\n2) Turnout\n3) Spending",
    "Key facts:\n1. eggs\n2. milk",
    # a number that labels a day, round or stage
    "Welcome to our live coverage of day two of the festival.",
    "Organisers say the site was full for day two.",
    "The race resumes with stage 4 in the Alps.",
    "Voters go back to the polls in round two.",
    # an age band
    "Turnout among voters aged 18 to 24 was low.",
    "It happened on Friday 13.",
    # page furniture and clock times
    "Published May 2, 2025\n\nComments 1,308\n\nThe council met.",
    "May 2, 2025, 10:14 AM GMT+6",
    "By Ana Ruiz | May 2, 2025\nListen (9 min)\n",
    "At 11.40 on Saturday the alarm sounded.",
    "Most viewed\n1. Man completes marathon\n2. Storm warning",
    "A few days ago a few may have left.",
    "Callers jammed 911 lines through the night.",
    '"Level 4 means you stay on the marked piste," the guide said.',
    # "one" as a pronoun, or one person quoted
    "Each one sends people running for the open fields.",
    "One shop worker in the high street said the water came in fast.",
    "No one was hurt.",
    "In the words of one aid official, the camp is full.",
    # ranks, idioms, road names, a masthead's weather, a dotted European date
    "Clubs in the top two divisions spent more. It is a top 10 finish.",
    "The two sides still disagree.",
    "Bitte Zufahrt L 247 meiden.",
    "Weather now: Brisk -12°C | Traffic | Live TV",
    "18:04 · 15. Feb. 2025",
])
def test_exclusions(sentence):
    claims = extract_claims(sentence)
    bad = [c.text for c in claims if c.text not in ("20",)]
    assert bad == [], bad


@pytest.mark.parametrize("text,expr,low", [
    # a number that looks like a list marker but continues a hard-wrapped sentence
    ("The death toll rose to\n12. Officials said more were missing.", "12", 12),
    # a quantified day is not a label: "each day 300", "the day two people died"
    ("Each day 300 trucks cross the border.", "300", 300),
    ("It was the day two people died in the flood.", "two", 2),
    ("On day two, 5,000 fans came.", "5,000", 5000),
    # "Monday, 11 of them": a count, not a date
    ("58 people were in hospital on Monday, 11 of them in intensive care.", "11", 11),
    ("On Tuesday, 14 of the 20 schools reopened.", "14", 14),
    ("On Friday 13 people were rescued.", "13", 13),
    # a ratio needs a round denominator and no time unit after it
    ("Rescuers found 5 in 12 villages.", "5", 5),
    ("He scored 3 in 10 minutes.", "3", 3),
    # "half" alone, or "half an hour", is not a share
    ("It took more than half an hour.", None, None),
    ("The bridge is half as long.", None, None),
])
def test_not_a_share_or_label(text, expr, low):
    claims = {c.text: c for c in extract_claims(text)}
    if expr is None:
        assert not any(c.unit == "percent" for c in claims.values()), list(claims)
    else:
        assert expr in claims, list(claims)
        assert claims[expr].value_low == low


def test_boilerplate_lines_marked():
    text = ("Storm kills 12 in Louisiana\n\nAt least 12 people were killed, officials said.\n\n"
            "WATCH: Thousands flee as storm nears\n\nREAD MORE: 5 things to know about the storm\n\n"
            "Sign up for our newsletter to get 3 stories a day in your inbox.\n")
    claims = extract_claims(text)
    by = {(c.text, c.span_start): c for c in claims}
    flags = {c.text: c.boilerplate for c in claims}
    assert flags["At least 12"] is False
    assert flags["Thousands"] is True
    assert flags["5"] is True
    assert flags["3"] is True
    assert by  # spans exact
    for c in claims:
        assert text[c.span_start:c.span_end] == c.text


def test_gallery_region_is_boilerplate():
    text = ("Body text with 40 homes destroyed.\n\n18 PHOTOS\nA day in the fire zone\nSee Gallery\n"
            "About 300 firefighters rest near a truck. REUTERS/Some One\nBACK TO SLIDE\n\nMore body: 12 people.")
    claims = {c.text: c for c in extract_claims(text)}
    assert "18" not in claims
    assert claims["About 300"].boilerplate
    assert not claims["40"].boilerplate and not claims["12"].boilerplate


def test_attribution():
    c = extract_claims("The caravan has 800 or more troops, according to three administration officials.")[0]
    assert c.attribution == "three administration officials"
    c = one("The migrants, once estimated by the United Nations to number more than 7,000, walked on.")
    assert c.attribution == "the United Nations"
    assert c.unit == "migrants"


@pytest.mark.parametrize("text,expr,source", [
    ("Local police put Saturday's crowd at some 40,000.", "some 40,000", "Local police"),
    # a source's own count, however it is called, in a key point
    ("- Open Ballot's parallel count puts turnout at 53.8% and the president's share at 52.4%", "53.8%", "Open Ballot"),
    ("The Foreign Office believes about 700 Britons are still on the island.", "about 700", "The Foreign Office"),
    ("- Coast guard: 9 dead, 53 injured", "9", "Coast guard"),
    # each source its own figure, in one sentence
    ("The city says 16 people are unaccounted for; the landlord says no more than five.", "16", "The city"),
    ("The city says 16 people are unaccounted for; the landlord says no more than five.", "no more than five",
     "the landlord"),
    ("Police said 3,000 people marched, but organisers said 10,000 took part.", "10,000", "organisers"),
    # one source, two clauses
    ("Police said 40 people died; 12 more are missing.", "12", "Police"),
    # the source said last wins over the subject of the sentence's own verb
    ("The storm has so far claimed one life, police said.", "one", "police"),
    ("Prices could rise by 7 per cent, industry experts said, because supply is short.", "7 per cent",
     "industry experts"),
    # a source set off by an apposition: the name
    ("Ray Kowalczyk, president of Local 719, said the closure would cut roughly 1,400 jobs.", "roughly 1,400",
     "Ray Kowalczyk"),
    ("A spokesman, Lukas Meyer, said at least eight people were still missing.", "at least eight", "Lukas Meyer"),
    ("But the UN refugee agency, UNHCR, said on Monday that it had registered more than 600 people.",
     "more than 600", "UNHCR"),
    # a possessive source, a figure owned by its source, records that show
    ("Gov. Claire Benoit's office said Friday that 800,000 homes had no power.", "800,000",
     "Gov. Claire Benoit's office"),
    ("The government's figure is 1.9 million.", "1.9 million", "The government"),
    ("Ambulances were diverted more than 300 times, county records show.", "more than 300", "county records"),
    ("The UK will send 1,500 troops to Estonia, the defence secretary, James Alder, has announced.", "1,500",
     "James Alder"),
    ('"Twelve thousand pounds is a wild number," the firm\'s vice president, Wendell Ames, said in an interview.',
     "Twelve thousand", "Wendell Ames"),
    # a relative clause describes the source, it does not name it
    ("Turnout was put at 9,000 by police, while the union, which called the strike, said 25,000 took part.",
     "25,000", "the union"),
    ("The hospital, where most of the injured were taken, said 41 patients remained.", "41", "The hospital"),
    # an adverb is no part of the source; "as X say" names one
    ("The fishermen's association still says 206 of its members are unaccounted for.", "206",
     "The fishermen's association"),
    ("Storm toll rises to 14 as fishermen's groups say 200 still at sea", "200", "fishermen's groups"),
    ("The government, which counts people at the border, now puts the total at nearly 80,000.", "nearly 80,000",
     "The government"),
    # a name's "of", a possessive's noun phrase, no lone article
    ("Britain's Ministry of Defence said on Wednesday that 12 tanks would deploy first.", "12",
     "Britain's Ministry of Defence"),
    ("Estonia's defence intelligence service said Russia had massed an estimated 30,000 troops.",
     "an estimated 30,000", "Estonia's defence intelligence service"),
    ("The young farmers' association alone said it had brought 3,000 members.", "3,000",
     "The young farmers' association"),
    # "reported missing" is passive: nobody is speaking
    ("Two of the four people reported missing on Sunday were found alive.", "four", None),
    # "Its estimate" names no one, the sentence before does
    ("Roughly 12,000 people attended, according to a count by Crowdsense. The firm used drone images. "
     "Its central estimate is about 12,400.", "about 12,400", "a count by Crowdsense"),
    # a fact box's label says what was counted, not who counted it
    ("Deaths: 23", "23", None),
    ("Homes destroyed: 642", "642", None),
    ("Without power: 62,000 customers", "62,000", None),
    ("Police: 9 dead, 53 injured", "9", "Police"),
    ("Rescue services: 12 missing", "12", "Rescue services"),
    # whoever measured or counted the figure, right before it
    ("The institute has recorded over 200 aftershocks.", "over 200", "The institute"),
    ("Rome-based insurers estimate the damage at between €90m and €120m.", "between €90m and €120m",
     "Rome-based insurers"),
    ("It is well below the 5,000 tons claimed by the environmental group Kyst Alliance.", "5,000",
     "the environmental group Kyst Alliance"),
    ("The largest recorded outbreak, in 1993, sickened an estimated 403,000 people.", "an estimated 403,000", None),
    # "gave way" is a collapse, not a source giving a figure
    ("It is the worst collapse since 1998, when a parking garage on Grover Street gave way and killed seven workers.",
     "seven", None),
    # a subject starts after the clause's first word: not "TWO Brits among dead as survivors"
    ("TWO Brits among dead as survivors say bosses crammed 600 into club licensed for 350", "600", "survivors"),
    # who identified the dead, who promised or offered the money
    ("Police have so far identified 19 of the dead.", "19", "Police"),
    ("The government has promised €20,000 to the family of each person who died.", "€20,000", "The government"),
    ("The government on Tuesday offered £80mn for retraining.", "£80mn", "The government"),
    # (but a possessive's estimate is its owner's, whatever its adjective)
    ("The department's first estimate is $12 million.", "$12 million", "The department"),
    # "said its chair, Lidia Marsh": the name the description is given
    ("\"We have more than 30 colleagues we cannot reach,\" said its chair, Lidia Marsh, who runs a stall.",
     "more than 30", "Lidia Marsh"),
])
def test_attribution_of_each_figure(text, expr, source):
    claims = {c.text: c for c in extract_claims(text)}
    assert claims[expr].attribution == source


def test_an_auxiliary_or_a_preposition_is_no_source():
    text = "The institute's plan, published in September, had warned that up to 30,000 people could leave."
    assert all(c.attribution not in ("had", "has") for c in extract_claims(text))
    text = '"It is 40," the chief said in a phone interview.'
    assert all(c.attribution != "in a phone interview" for c in extract_claims(text))


def test_a_conjunction_is_no_source():
    text = "The union stands by its figure of 11, and says two more were held."
    assert all(c.attribution != "and" for c in extract_claims(text))


@pytest.mark.parametrize("text", ["Key figures: 300 rescued", "WATCH: 5 things to know about the storm"])
def test_a_heading_is_no_source(text):
    assert all(c.attribution is None for c in extract_claims(text))


def test_noun_phrase_and_context():
    c = one("There are 2,100 U.S. National Guard forces at the border already.")
    assert c.unit == "troops"
    assert c.noun_phrase == "U.S. National Guard forces"
    assert "border" in c.context and "already" in c.context


def test_anaphora_units():
    claims = extract_claims("That mission has approximately 4,000 personnel authorized but only 2,100 are in place.")
    assert [c.unit for c in claims] == ["troops", "troops"]
    claims = extract_claims("The fire killed 22. The number of people in shelters climbed to more than 6,500.")
    assert [c.unit for c in claims] == ["people", "people"]


# (text, expression, unit): the counted thing comes from what is counted, not the nearest noun
UNIT_CASES = [
    # "put / estimated / numbered the X at N": X is what is counted
    ("Police said 5,000 protesters and 1,300 tractors took part, while organisers put the crowd at 40,000.",
     "40,000", "protesters"),
    ("Officials estimated the crowd at 12,000.", "12,000", "people"),
    ("The union put the number of strikers at 3,000.", "3,000", "strikers"),
    ("The ministry put the death toll at 41.", "41", "people"),
    ("The health agency numbered the evacuees at 900.", "900", "evacuees"),
    # a crowd counts the members of the gathering named nearby
    ("How big was the protest? Police put the crowd at roughly 5,000; organizers claimed eight times that.",
     "roughly 5,000", "protesters"),
    ("How big was the protest? Police put the crowd at roughly 5,000; organizers claimed eight times that.",
     "eight times that", "protesters"),
    ("The march was peaceful. A crowd of 2,000 gathered at noon.", "2,000", "marchers"),
    ("Officials estimated the crowd at 60,000 at the stadium.", "60,000", "people"),
    # "N-strong X": people, whatever the group is called
    ("The 250-strong advance party flew in on Tuesday, and by Thursday some 400 British soldiers had arrived.",
     "250", "troops"),
    ("A 300-strong contingent left the base.", "300", "troops"),
    ("A 5,000-strong crowd filled the square.", "5,000", "people"),
    ("The 40-strong team reached the summit.", "40", "people"),
    # a military presence counts troops
    ("The British presence at the base had stood at around 900 before the announcement.", "around 900", "troops"),
    # utilities count customers: homes and businesses without power
    ("By Thursday evening, more than 400,000 homes and businesses were without electricity.",
     "more than 400,000", "customers"),
    ("More than 800,000 homes and businesses remained without power.", "More than 800,000", "customers"),
    ("The fire destroyed 300 homes and businesses.", "300", "homes"),
    ("About 20,000 homes were without power.", "About 20,000", "homes"),
    # a possessive determines the noun after it; it is not the counted thing
    ("The party was projected to win at least 45 of the legislature's 87 seats.", "at least 45", "seats"),
    ("Three of the city's hospitals closed.", "Three", "hospitals"),
    # a verb is not a noun: "31,000 cast", "one person remains missing", "two children dead"
    ("Raman won by just 38 votes out of more than 31,000 cast.", "more than 31,000", "votes"),
    ("One person remains missing, down from three on Saturday.", "One", "people"),
    ("One person remains missing, down from three on Saturday.", "three", "people"),
    ("Measles outbreak passes 400 cases; two children dead", "two", "children"),
    # a figure that does what people do counts people
    ("Medics: more than 300 treated for heat-related illness", "more than 300", "people"),
    ("The injured went to hospitals in three towns, and nine were in a critical condition.", "nine", "people"),
    ("The hospital has 12 isolation rooms. More than 1,900 have phoned its advice line.", "More than 1,900",
     "people"),
    ("The festival has four first-aid posts. A dozen were taken to hospital in the city.", "A dozen", "people"),
    ("Organisers say more than 90,000 are on the site today.", "more than 90,000", "people"),
    ("Its members were treating more than 90, including children.", "more than 90", "patients"),
    ("The ministry put the number in intensive care at 13.", "13", "people"),
    # "points" that are places, not percentage points
    ("Queues for the free water points - there are 40 across the site - were long.", "40", "points"),
    # "degrees" takes the scale the article states elsewhere
    ("It was 112 degrees Fahrenheit on Sunday. The record, 117.7 degrees, was set in 2021.", "117.7",
     "fahrenheit"),
    ("It hit 44.6C on Sunday. Temperatures will ease by 4 to 6 degrees.", "4 to 6", "celsius"),
    ("The plane turned 180 degrees.", "180", "degrees"),
    # a verb ends the noun phrase; the noun is not what befell it
    ("Rangers said about 40 climbers remained stranded overnight.", "about 40", "climbers"),
    ("Eleven fishermen missing after trawler capsizes", "Eleven", "fishermen"),
    # "of them" counts the group a figure before it counted
    ("The shelter took in about 600 evacuees. Nearly 70 of them needed medical care.", "Nearly 70",
     "evacuees"),
    ("The shelter took in about 600 evacuees. Nearly 70 of them were children under five.", "Nearly 70",
     "children"),
    # but "of those on board were children" names them itself
    ("About 40 of those on the bus were pupils, the school said.", "About 40", "pupils"),
    # two modifiers, one noun
    ("The firm will cut 180 seasonal and agency workers.", "180", "workers"),
    # no noun past a semicolon
    ("Fraud tally climbs to 3,150; victims demand refunds", "3,150", None),
    # a figure with no noun takes the unit of the same figure elsewhere in the article
    ("Fraud tally climbs to 3,150\n\nPolice say 3,150 pensioners lost money.", "3,150", "pensioners"),
    # a multiple does not pass "times" to the figure it multiplies
    ("Rivals say the leak is four times the 12,000 the firm reported.", "12,000", None),
    # "one" ending a list of counts, or with what befell it
    ("Among the injured are three French tourists and one Belgian, officials said.", "one", "tourists"),
    ("Six people are in hospital, one of them in a critical condition.", "one", "people"),
    # "others" are more of what was counted before, not the tremor's magnitude
    ("The 6.8-magnitude quake flattened 1,200 homes and left about 4,000 others damaged.", "about 4,000", "homes"),
    # a group counted as a whole counts the people the article is about when its sentence names none
    ("Hundreds of refugees reached the border on Monday. Aid groups met them.\n\nThe column, mostly "
     "Syrians, now numbers about 4,000. Police watched. The refugees camped in a field.", "about 4,000", "refugees"),
    # storeys are floors; kroner are Norwegian crowns
    ("The 14-storey tower was evacuated.", "14", "floors"),
    ("The ferry line lost 65 million kroner last year.", "65 million", "nok"),
    # a group named by its own word; what happened to "them" keeps the group they are
    ("Of the 22 dead, five were members of the ship's 24-strong crew.", "24", "crew"),
    ("Volunteers have collected 1,240 oiled seabirds. At least 380 of them were dead.", "At least 380", "seabirds"),
    # "the number" answers the question just asked
    ("The two sides disagree on how many nurses took part. The board puts the number at about 7,000.",
     "about 7,000", "nurses"),
    # no noun is taken from a clause of its own
    ("The death toll stands at five. It rose from two on Sunday when rescuers reached a house.", "two", "people"),
    # the question names who the answer counts; "and one is" ends a list of counts
    ("Q: Where are the inmates now? A: About 450 have been moved to five other prisons.", "About 450", "inmates"),
    ("Nine children remain in hospital. Three of them have kidney failure, up from two on Wednesday, "
     "and one is on dialysis.", "one", "children"),
    # an estimate of the quantity counted before, not of the cameras in between
    ("The rally drew between 21,000 and 25,000 people, an independent count found. The firm filmed the route "
     "from four cameras. Its central estimate is about 23,000.", "about 23,000", "people"),
    # a scale named before the figure: the magnitude, not the earthquake
    ("A magnitude 6.2 earthquake shook the valley before dawn.", "6.2", "magnitude"),
    # an age in a rule or a policy is in years
    ("The bill would raise the retirement age to 67 by 2040.", "67", "years"),
    # abbreviated units are not pluralised: "mm", not "mms"
    ("Some 180 mm of rain fell in two days.", "Some 180", "mm"),
    # nouns of one kind coordinated with the counted noun: the figure counts the kind they share
    ("Flooding trapped about 1,500 buses, taxis and motorbikes on the ring road.", "about 1,500", "vehicles"),
    ("The drought has killed 9,000 cows and horses in the province.", "9,000", "animals"),
    ("Some 700 pupils and teachers were sent home.", "Some 700", "people"),
    ("The hotel housed 240 tourists and other visitors.", "240", "people"),
    # ... but not across kinds, nor for a force named by its first arm
    ("The storm damaged 80 homes and businesses.", "80", "homes"),
    ("Up to 900 soldiers, police and border guards were deployed.", "Up to 900", "troops"),
    ("Police said 12 cars and three buses were hit.", "12", "cars"),
    # the noun that gives a figure is not what it counts
    ("Twelve people were on the slope. Mountain guides had earlier spoken of \"up to 30\".", "up to 30", "people"),
    ("The agency registered 500 people. A port official, who asked not to be named, said the figure of 420 "
     "came from counting people on the quay.", "420", "people"),
    # "the figure" refers back to the figure given before, unless a question just named the count
    ("The company says the merger will cut 600 jobs. The union puts the figure at 900, citing temporary workers "
     "who were left out.", "900", "jobs"),
    ("How many households lost heating is unclear. The utility puts the figure at 3,000, but volunteers "
     "counted 5,200 flats.", "3,000", "households"),
    # some of an organisation's members are the people it represents ...
    ("The union that represents prison guards disputed the count. \"There were 14 of our members inside, "
     "not nine,\" its president said.", "14", "guards"),
    ("The union that represents prison guards disputed the count. \"There were 14 of our members inside, "
     "not nine,\" its president said.", "nine", "guards"),
    ("The dockers' union still says 300 of its members are out.", "300", "dockers"),
    # ... but its membership counted whole stays members
    ("The dockers' union said it brought 300 members.", "300", "members"),
    ("A spokesman for the Miners' Federation said: \"Forty of our men are still below ground.\"", "Forty", "miners"),
    ("The linesmen's union says 120 of its members refused overtime.", "120", "linesmen"),
    # a bare figure is compared with the figure of its order of magnitude in its sentence
    ("About 1,200 patients were moved to four other hospitals, short of the 1,500 the plan foresaw.",
     "1,500", "patients"),
    # "N were members of the crew" counts the group they belong to
    ("Of the 31 dead, 20 were passengers and four were members of the ferry's 12-strong crew.", "four", "crew"),
    # a figure that a plural subject stands at or fell from counts that subject
    ("Two ferries were cancelled. Unanswered complaints now stand at 4,100.", "4,100", "complaints"),
    ("Across the region, burglaries fell from a peak of 812 in 2015 to 300 last year.", "812", "burglaries"),
    ("Temperatures fell to minus 12 overnight.", "minus 12", None),
    # plurals of compounds of irregular plurals; "cm" written against the number
    ("She lives with her four grandchildren.", "four", "grandchildren"),
    ("Forecasters said 45cm of snow fell overnight.", "45cm", "cm"),
    # an irregular past verb ends the noun phrase; a name is not a counted noun
    ("Three trucks overturned and two slid into a ditch.", "two", "trucks"),
    ("Dozens of residents drove cars into the square.", "Dozens", "residents"),
    ("Father-of-three Tom Harker, 41, said the water came fast.", "three", None),
    # a line in another language counts what the English before it counts
    ("Rescuers said 14 people were injured.\nProtección Civil / @ProteccionCivil\n"
     "Según el último balance, 14 heridos y 2 muertos en la zona.", "2", "people"),
    ("Rescuers said 14 people were injured.\nStadt Feuerwehr\nBitte meiden: 6 Verletzte und 2 Tote.", "6", "people"),
    ("Los Angeles police said 30 cars were towed.", "30", "cars"),
    # a place's capacity, when nothing names what it holds, is of people
    ("Photograph: the old gym.\n\nThe shelter, designed for 300, now houses about 750.", "about 750", "people"),
    ("The jail held 900 inmates in a block designed for 600.", "600", "inmates"),
    # a crowd is the people just counted, when they were counted as people of its size
    ("Tens of thousands of people joined the protest against the fuel tax on Sunday. Police put the crowd at "
     "18,000, while the unions said 60,000 took part.", "18,000", "people"),
    ("Tens of thousands of people joined the protest against the fuel tax on Sunday. Police put the crowd at "
     "18,000, while the unions said 60,000 took part.", "60,000", "people"),
    ("Police said 14 people were arrested at the protest. They put the crowd at 8,000.", "8,000", "protesters"),
    # a subject's verb and a preposition: the noun after them is where the figure is, not what it counts
    ("The river burst its banks overnight. About 3,100 are staying in school gyms; the rest are with family.",
     "About 3,100", "people"),
    ("Of the 300, about 120 are children.", "about 120", "children"),
    # a collective before "of" says what the figure counts
    ("The bank will close 40 branches, cutting 900 jobs from a workforce of about 11,000.", "about 11,000",
     "workers"),
    ("The navy sent 12 ships and later a flotilla of 30.", "30", "boats"),
    # "the figure" disputes the figure of its size, not a larger total given alongside it
    ("The airline will cut 2,300 jobs, about a sixth of its 14,000 staff. The pilots' union puts the "
     "figure at 2,900.", "2,900", "jobs"),
    # a nationality counts people
    ("The embassy believes about 600 Canadians are still in the city.", "about 600", "people"),
    ("Among the injured were three Dutch nationals and one Belgian.", "three", "people"),
    ("Among the injured were three Dutch nationals and one Belgian.", "one", "people"),
    # "the number rescued": the people it befell, not the noun of the figure before it
    ("Officials said two crew members had been found alive, bringing the number rescued to 212.", "212", "people"),
    ("The number killed in the fire now stands at 17.", "17", "people"),
    # a bare figure restating one given before counts what it counted, not what a figure in between did
    ("The regulator said the true number of customers cut off was at least 240,000. A survey of more than "
     "9,000 people backed it. \"It is 240,000,\" its director said.", "240,000", "customers"),
    # ... but a measure restated keeps its unit word
    ("Winds reached 150 km/h. Rescuers found 30 fishermen. More than 150 are still missing.", "More than 150",
     "people"),
    # "cops" and "policemen" are police officers
    ("Two cops were hurt when the crowd surged.", "Two", "officers"),
    ("Some 40 policemen guarded the embassy.", "Some 40", "officers"),
    # a preposition after the figure is no noun: those aboard are people
    ("Fire on cruise ship with more than 3,000 aboard kills two off Serrat Islands", "more than 3,000", "people"),
    ("Fire on cruise ship with more than 3,000 aboard kills two off Serrat Islands", "two", "people"),
    # a measure's own word before "of" says what it counts, not a unit given earlier
    ("The 290-metre ship has a gross tonnage of 115,000.", "115,000", "tonnes"),
    ("The union has a membership of 40,000.", "40,000", "members"),
    # a singular noun after "in the" is where the counted are, not what they are
    ("Suspected cholera cases in the camp rose from 12 to 19 in 24 hours.", "19", "cases"),
    # those who fell ill are people, and "became" is a verb, not a noun ("ills")
    ("It is the worst outbreak since the scandal of 2011, when 2,700 fell ill.", "2,700", "people"),
    ("About 300 became ill after the wedding.", "About 300", "people"),
    # a place's capacity holds people (those its sentence counted), not a noun of the sentence before
    ("Police said 560 people had been in the club, based on the 540 tickets sold. The club was licensed for 350.",
     "350", "people"),
    ("The prison held 2,412 inmates in a facility designed for 1,650, or 46% over capacity.", "1,650", "inmates"),
]


@pytest.mark.parametrize("text,expr,unit", UNIT_CASES, ids=[c[1] + "|" + c[0][:30] for c in UNIT_CASES])
def test_unit_from_what_is_counted(text, expr, unit):
    claims = {c.text: c for c in extract_claims(text)}
    assert expr in claims, list(claims)
    assert claims[expr].unit == unit


def test_sentence_offsets():
    text = "First sentence here. Officials said 40 homes burned. Last one."
    c = one(text)
    assert c.sentence == "Officials said 40 homes burned."
    assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence


def test_claims_sorted_and_disjoint():
    text = open(os.path.join(ROOT, "fixtures", "articles", "003_c1aadee197f8e9a9.txt"), encoding="utf-8").read()
    claims = extract_claims(text)
    assert claims == sorted(claims, key=lambda c: c.span_start)
    for a, b in zip(claims, claims[1:]):
        assert a.span_end <= b.span_start


def test_empty_and_no_numbers():
    assert extract_claims("") == []
    assert extract_claims("No figures at all in this sentence.") == []


def _check_invariants(text, claims):
    for c in claims:
        assert isinstance(c, Claim)
        assert 0 <= c.span_start < c.span_end <= len(text)
        assert text[c.span_start:c.span_end] == c.text
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
        assert c.qualifier in QUALIFIERS
        if c.value_low is not None and c.value_high is not None:
            assert c.value_low <= c.value_high
        assert c.value_low is not None or c.value_high is not None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_property_arbitrary_unicode(text):
    _check_invariants(text, extract_claims(text))


_NEWSY = st.lists(st.sampled_from([
    "about", "more than", "800", "1,000", "to", "between", "and", "or more", "troops", "$1.2 billion",
    "40%", "percent", "thousands", "of", "people", "Oct.", "22,", "2018", "-", "–", "(", ")", "1 1/2", "a dozen",
    "nine", "rose from", "double that", "\n", "WATCH:", "miles", "(1,609 kilometers)", ".", ",", "Gen.",
    "said", "up to", "a third of", "eight times that", "½", "4,000-plus", "5m", "£", "€", "33,", "Glenda",
]), max_size=40).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_NEWSY)
def test_property_newsy_fragments(text):
    _check_invariants(text, extract_claims(text))


def test_seed_and_extra_articles_invariants():
    import glob
    for f in glob.glob(os.path.join(ROOT, "fixtures", "**", "*.txt"), recursive=True):
        text = open(f, encoding="utf-8").read()
        _check_invariants(text, extract_claims(text))


def test_a_sentence_ends_after_a_glued_scale_but_not_after_an_abbreviation():
    from datasette_discrepancy.sentences import split_sentences
    text = "He said it was no more than £300m. Savers held £610m. It began at 6 a.m. Monday. Gen. Smith agreed."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "He said it was no more than £300m.", "Savers held £610m.", "It began at 6 a.m. Monday.", "Gen. Smith agreed."]


@pytest.mark.parametrize("sentence,expr", [
    ("The tally is now 47, far higher than the 30 the council gave on Monday.", "47"),
    ("The board lifted its offer to 6 per cent on Friday, from 4.5 per cent.", "6 per cent"),
    ("Police said their cameras had counted more than 1,200 vans by noon.", "more than 1,200"),
    # the day of the event is no earlier report
    ("Mourners gathered for the 12 people killed on Monday.", "12"),
])
def test_the_figure_compared_with_an_earlier_one_is_current(sentence, expr):
    claims = {c.text: c for c in extract_claims(sentence)}
    assert not claims[expr].retrospective


def test_a_figure_heading_a_numbered_explainer_takes_the_words_after_it():
    text = ("Five numbers from the vote\n\n2. 61.4%\nTurnout was the highest since 1998, the commission said.\n\n"
            "3. 12\nThe margin, in votes, by which the incumbent held Eastfield.\n\n"
            "4. 1,240 birds\nVolunteers have collected that many oiled seabirds on the coast.")
    claims = {c.text: c for c in extract_claims(text)}
    assert claims["61.4%"].sentence == "61.4%"
    assert "turnout" in claims["61.4%"].context
    assert "margin" in claims["12"].context
    assert "oiled" in claims["1,240"].context
    assert "Eastfield" not in " ".join(claims["61.4%"].context)  # (only the sentence right after)
    # grouping reads those words when the figure's sentence has none
    terms = claim_terms({"sentence": "61.4%", "text": "61.4%", "context": " ".join(claims["61.4%"].context)})
    assert "turnout" in terms


@pytest.mark.parametrize("sentence,expr,unit", [
    # a mix of kinds counts the kind they share
    ("About 3,000 cars, vans and lorries were stuck on the motorway.", "About 3,000", "vehicles"),
    ("Some 2,000 goats and sheep drowned.", "Some 2,000", "animals"),
    ("The hotel had 650 guests and staff inside.", "650", "people"),
    # a force is named by its first arm ...
    ("The EU will send 2,000 sailors, marines and staff officers.", "2,000", "troops"),
    # ... but firefighters, police and volunteers searching together are rescuers
    ("About 250 firefighters, police officers and volunteers are searching the river.", "About 250", "rescuers"),
    ("Some 400 firefighters, soldiers and divers were deployed.", "Some 400", "rescuers"),
    # two figures are two counts
    ("About 180 firefighters and 40 fire engines were sent.", "About 180", "firefighters"),
])
def test_a_figure_counting_a_mix_of_kinds(sentence, expr, unit):
    claims = {c.text: c for c in extract_claims(sentence)}
    assert claims[expr].unit == unit


def test_rescuers_are_not_the_rescued():
    # (a unit saying what happened counts double: not this one)
    terms = claim_terms({"sentence": "Some 400 searched the rubble.", "text": "Some 400", "unit": "rescuers"})
    assert "rescued" not in terms
    terms = claim_terms({"sentence": "Some 40 were rescued from the rubble.", "text": "Some 40", "unit": "people"})
    assert "rescued" in terms


@pytest.mark.parametrize("sentence,expr,unit", [
    ("The UN will send 450 peacekeepers to the region.", "450", "troops"),
    ("Some 140 jets were parked at the wrong airports.", "Some 140", "aircraft"),
    ("The airline grounded 30 airliners.", "30", "aircraft"),
])
def test_synonyms_fold_to_one_unit(sentence, expr, unit):
    claims = {c.text: c for c in extract_claims(sentence)}
    assert claims[expr].unit == unit


def test_gallery_badge_alone_marks_only_itself():
    # a live blog's "24 PHOTOS" badge, then its entries: they are the story, not captions
    text = ("Key points\n- Police say about 12,000 people are in the square\n\n24 PHOTOS\n\n22:45\n"
            "Police now estimate the crowd at about 12,000.\n\n17:40\nTurnout is now given as 61.0%.")
    claims = {(c.text, c.span_start): c for c in extract_claims(text)}
    assert not any(c.boilerplate for c in claims.values())
    # a caption block is a gallery to its first blank line, or on to its closing line
    text = ("18 PHOTOS\nHurricane batters coast\nSee Gallery\nA man wades through floodwater, 150 homes lost.\n"
            "HIDE CAPTION\nSHOW CAPTION\n\nA day after the storm, more than 800,000 homes were without power.")
    claims = {c.text: c for c in extract_claims(text)}
    assert claims["150"].boilerplate
    assert not claims["more than 800,000"].boilerplate
    text = "6 PHOTOS\nRescuers carry 3 children out.\n\nSEE ALL\nBACK TO SLIDE\n\nBody: 40 homes destroyed."
    claims = {c.text: c for c in extract_claims(text)}
    assert claims["3"].boilerplate and not claims["40"].boilerplate


def test_page_furniture_of_business_and_broadcast_sites():
    text = ("THE LEDGER\nCompanies | Markets | Economy\n\nFTSE 100 7,912.4 +0.3% | GBP/USD 1.2315 | Brent $84.10\n\n"
            "Reading time: 7 min\n\nThe union says 2,300 jobs are at stake.")
    assert [c.text for c in extract_claims(text)] == ["2,300"]
    # a fact box split by bars holds figures: no market move, no currency pair
    assert [c.text for c in extract_claims("Deaths: 23 | Injured: 60")] == ["23", "60"]
    # a number in the outlet's own name, in its masthead and its photo credits
    text = ("NORTHLINK 6 NEWS\nYour region\n\nMarchers in town on Thursday. (NorthLink 6/Dan Pickering)\n\n"
            "The fund rose to 120 million pounds, 6 towns said.")
    assert [c.text for c in extract_claims(text, outlet="NorthLink 6 News")] == ["120 million", "6"]


def test_a_count_after_a_place_at_a_sentence_end_is_still_a_count():
    # an age ends "Ryan Barnes, 23." but "Harlan County, 12." is a county's count
    assert [c.text for c in extract_claims("Deaths rose to 23. In Harlan County, 12.")] == ["23", "12"]
