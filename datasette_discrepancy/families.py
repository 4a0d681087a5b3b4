"""Unit families: nouns that count the same kind of thing ("troops",
"soldiers" and "personnel"; "jobs" and "workers"; miles and kilometres), so
grouping compares figures only within a family. A generic lexicon of news
English, not any story's vocabulary. Pure data and one function.
"""
from typing import Optional

from . import units

# Nouns that count the same kind of thing, so outlets' wording differs but the
# quantity can be the same. A generic lexicon, not a story's vocabulary.
UNIT_FAMILIES = {
    "people": {
        "people", "persons", "residents", "deaths", "dead", "victims", "fatalities", "lives",
        "individuals", "civilians", "inhabitants", "citizens", "bodies", "casualties",
        "protesters", "protestors", "demonstrators", "marchers", "participants",
        "fans", "spectators", "attendees", "festival-goers", "festivalgoers", "concertgoers", "visitors",
        "patients", "passengers", "travellers", "travelers", "pilgrims", "worshippers",
        "children", "adults", "men", "women", "kids", "babies", "infants", "teenagers", "boys", "girls",
        "students", "pupils", "survivors", "evacuees", "refugees", "migrants", "voters", "volunteers",
        "families", "members", "crew", "crew members", "crewmembers", "seafarers", "hostages",
        "prisoners", "detainees", "inmates", "miners", "men", "fishermen", "officers", "police", "members",
        "guards", "skiers", "climbers", "hikers", "tourists", "guests", "holidaymakers", "rescuers",
        "firefighters", "responders", "volunteers", "nurses", "doctors", "teachers", "farmers", "nationals",
        # a workforce: "1,150 jobs" and "1,400 workers" may count the same cut
        "workers", "employees", "staff", "staffers", "jobs", "positions", "posts", "roles", "layoffs",
        "job cuts", "job losses", "redundancies",
        "colleagues", "co-workers", "coworkers", "relatives", "neighbours", "neighbors", "locals",
        "foreigners", "tenants", "occupants", "commuters", "shoppers", "motorists", "drivers",
        "britons", "scots", "danes", "swedes", "finns", "poles", "turks", "greeks", "french", "dutch",
        "swiss", "irish", "chinese", "japanese", "vietnamese", "portuguese", "lebanese",
        # what happened to people, counted: "19 arrests" are 19 people arrested
        "arrests", "detentions", "injuries", "signatures", "signatories", "cases", "infections",
        # the popular press's words for people
        "cops", "coppers", "thugs", "yobs", "rioters", "looters", "hooligans", "heroes", "mourners",
        "brits", "revellers", "revelers", "clubbers", "clubgoers", "partygoers", "party-goers", "punters",
    },
    "vessels": {"ships", "vessels", "boats", "warships", "frigates", "destroyers", "tankers", "freighters",
                "container ships", "cargo ships", "yachts", "trawlers"},
    "countries": {"countries", "states", "nations", "member states", "governments"},
    "vehicles": {"vehicles", "cars", "trucks", "lorries", "buses"},
    "aircraft": {"aircraft", "planes", "jets", "airplanes", "aeroplanes"},
    "troops": {
        "troops", "soldiers", "personnel", "service members", "servicemembers", "forces",
        "marines", "sailors", "airmen", "guardsmen", "reservists", "paratroopers",
        "peacekeepers", "servicemen", "servicewomen", "service personnel", "military personnel",
        "commandos", "infantrymen", "gunners", "sappers", "special forces", "guard members",
        "national guardsmen", "aircrew",
    },
    "structures": {"structures", "buildings"},
    "homes": {"homes", "houses", "dwellings", "residences", "households"},
    "area": {"acres", "hectares", "square miles", "square kilometres", "square kilometers", "sq km", "km2"},
    "length": {"miles", "nautical miles", "km", "kilometres", "kilometers", "metres", "meters", "feet", "yards"},
    "money": {"usd", "eur", "gbp", "dollars", "euros", "pounds", "yen", "yuan", "rupees"},
    "meals": {"meals", "lunches", "dinners", "breakfasts", "portions"},
    "procedures": {"appointments", "operations", "procedures", "surgeries", "outpatient appointments"},
    "customers": {"customers", "homes and businesses", "accounts", "subscribers", "savers", "depositors",
                  "clients", "users", "policyholders", "account holders"},
}
_FAMILY_OF = {unit: family for family, units in UNIT_FAMILIES.items() for unit in units}

# Incidental counts and ages: never a line-up of their own. (Durations in
# minutes, hours, days, weeks or months are: a strike's 48 hours, an
# outage's 19 hours, a closure's three days are figures outlets report.)
INCIDENTAL_UNITS = {
    "years", "year", "seconds", "times",
    "photos", "o'clock",
}


def unit_family(unit: Optional[str]) -> Optional[str]:
    """The kind of thing a unit counts or measures: units that convert into
    one another (miles and km, gallons and litres, F and C) are one kind."""
    if not unit:
        return None
    unit = unit.lower()
    if unit in _FAMILY_OF:
        return _FAMILY_OF[unit]
    if unit.endswith("ians") or unit.endswith("icans"):
        return "people"  # Italians, Americans, technicians, physicians
    if " " in unit and unit.rsplit(" ", 1)[1] in _FAMILY_OF:
        return _FAMILY_OF[unit.rsplit(" ", 1)[1]]  # "police officers" are officers
    converted = units.canonical(unit, None, None)[0]
    return _FAMILY_OF.get(converted, converted)
