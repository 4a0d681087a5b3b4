"""Generic English lexicons for the counted thing (`unit`) of a figure.

Nothing here is specific to one story: plural lemmas, a small synonym table
(soldiers/service members/forces/personnel -> troops), measurement units with a
canonical unit for comparison (miles -> km, acres -> hectares) and collective
nouns ("a crowd of thousands" counts people).
"""
import re
from functools import lru_cache
from typing import Optional, Tuple

# Irregular plurals and nouns that do not change.
_IRREGULAR = {
    "person": "people", "man": "men", "woman": "women", "child": "children",
    "foot": "feet", "tooth": "teeth", "mouse": "mice", "goose": "geese",
    "ox": "oxen", "life": "lives", "wife": "wives", "knife": "knives",
    "leaf": "leaves", "half": "halves", "wolf": "wolves", "shelf": "shelves",
    "thief": "thieves", "calf": "calves", "medium": "media", "datum": "data",
    "criterion": "criteria", "phenomenon": "phenomena", "crisis": "crises",
    "analysis": "analyses", "thesis": "theses", "fungus": "fungi",
    "cactus": "cacti", "nucleus": "nuclei", "radius": "radii",
}
_INVARIANT = {
    "people", "police", "personnel", "staff", "aircraft", "sheep", "deer",
    "fish", "cattle", "livestock", "series", "species", "remains", "troops",
    "news", "means", "headquarters", "offspring", "swine", "bison", "moose",
    "salmon", "trout", "crew", "data", "media", "clergy", "militia",
    "spacecraft", "hovercraft", "watercraft", "infantry", "cavalry",
    "artillery", "youth", "elk", "reindeer", "dead", "injured", "wounded",
    "missing", "homeless", "displaced", "evacuated", "poor", "elderly",
    "others", "percent", "usd", "km", "hectares", "kg", "magnitude", "celsius", "fahrenheit",
    "gbp", "eur", "jpy", "cad", "aud", "inr", "nzd", "hkd", "sgd", "brl",
}


def pluralize(word: str) -> str:
    """Plural lemma of an English noun (lower case in, lower case out)."""
    w = word.lower()
    if not w:
        return w
    if w in _INVARIANT or w in _IRREGULAR.values():
        return w
    if w.endswith(("children", "people", "women")):
        return w   # grandchildren, townspeople, businesswomen
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 4 and not any(v in w for v in "aeiouy"):
        return w   # an abbreviation: "mm", "mph", "ft"
    if w.endswith(("ss", "sh", "ch", "x", "zz")):
        return w + "es"
    if w.endswith("s"):
        return w   # already plural (or a mass noun ending in s)
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith("man") and len(w) > 4:   # firemen, guardsmen, servicemen
        return w[:-3] + "men"
    if w.endswith("men") and len(w) > 4:   # already plural: fishermen
        return w
    return w + "s"


# Synonym table: plural phrase -> normalised unit.
SYNONYMS = {
    # military
    "soldiers": "troops", "service members": "troops", "servicemembers": "troops",
    "servicemen": "troops", "servicewomen": "troops", "service personnel": "troops",
    "forces": "troops", "personnel": "troops", "military personnel": "troops",
    "troopers": "troops", "guardsmen": "troops", "guardsmembers": "troops",
    "guard members": "troops", "reservists": "troops", "paratroopers": "troops",
    "marines": "troops", "sailors": "troops", "airmen": "troops",
    "military members": "troops", "members of the military": "troops",
    "national guard members": "troops", "infantry": "troops", "militia": "troops",
    "peacekeepers": "troops", "commandos": "troops", "infantrymen": "troops",
    # police: "cop" is the informal word for a police officer
    "cops": "officers", "policemen": "officers", "policewomen": "officers",
    # workers
    "staff": "workers", "staffers": "workers", "employees": "workers", "staff members": "workers",
    "air tankers": "aircraft", "airplanes": "aircraft", "planes": "aircraft", "aeroplanes": "aircraft",
    "jets": "aircraft", "airliners": "aircraft",
    "metric tons": "tonnes",
    # people
    "persons": "people", "individuals": "people", "others": "people", "nationals": "people",
    "crew members": "crew", "crewmembers": "crew", "crews": "crew", "account holders": "customers",
    "humans": "people", "human beings": "people", "souls": "people",
    "men and women": "people",
    # deaths are counted people
    "deaths": "people", "fatalities": "people", "dead": "people", "lives": "people",
    "casualties": "people", "victims": "people",
    # what happened to them, standing for them: "73 remain missing"
    "missing": "people", "injured": "people", "wounded": "people", "killed": "people", "hurt": "people",
    # money written as a word
    "euros": "eur", "euro": "eur", "dollars": "usd", "dollar": "usd", "pounds sterling": "gbp",
    "sterling": "gbp", "yen": "jpy", "rupees": "inr", "soles": "pen",
    "swiss francs": "chf", "taka": "bdt", "yuan": "cny", "renminbi": "cny", "rand": "zar", "naira": "ngn",
    "roubles": "rub", "rubles": "rub", "lira": "try",
    "degrees celsius": "celsius", "degrees fahrenheit": "fahrenheit", "c": "celsius", "f": "fahrenheit",
    # measures
    "kilometers": "km", "kilometres": "km", "kms": "km",
    "centimeters": "cm", "centimetres": "cm", "millimeters": "mm", "millimetres": "mm",
    "cms": "cm", "mms": "mm",
    "gw": "gigawatts", "mw": "megawatts", "kw": "kilowatts", "gwh": "gigawatt hours", "mwh": "megawatt hours",
    "kwh": "kilowatt hours",
    "square kilometers": "square km", "square kilometres": "square km", "sq km": "square km",
    "sq miles": "square miles", "sq mi": "square miles", "mi": "miles",
    "nm": "nautical miles", "nmi": "nautical miles", "nautical mile": "nautical miles",
    "meters": "metres", "m": "metres",
    "foots": "feet", "ft": "feet",
    "per cent": "percent", "pct": "percent", "%": "percent",
    "us dollars": "usd", "u.s. dollars": "usd",
    "ha": "hectares", "hectare": "hectares",
    "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg", "kgs": "kg",
    "lbs": "pounds", "tonnes": "tonnes",
    "mph": "mph", "miles per hour": "mph", "km/h": "km/h", "kph": "km/h",
    "kilometers per hour": "km/h", "kilometres per hour": "km/h",
    "hrs": "hours", "mins": "minutes",
    "stories": "floors", "storeys": "floors",
    "kroner": "nok", "norwegian kroner": "nok", "danish kroner": "dkk", "kronor": "sek", "swedish kronor": "sek",
}


@lru_cache(maxsize=8192)
def normalize_unit(phrase: Optional[str]) -> Optional[str]:
    """Normalise a counted-noun phrase to its unit: plural lemma + synonyms."""
    if not phrase:
        return None
    p = " ".join(phrase.lower().replace("’", "'").split())
    if p in SYNONYMS:
        return SYNONYMS[p]
    words = p.split()
    last = pluralize(words[-1])
    cand = " ".join(words[:-1] + [last])
    if cand in SYNONYMS:
        return SYNONYMS[cand]
    if last in SYNONYMS:
        return SYNONYMS[last]
    return cand


# Measurement units: normalised unit -> (canonical unit, factor).
CANONICAL = {
    "miles": ("km", 1.609344),
    "nautical miles": ("km", 1.852),
    "km": ("km", 1.0),
    "metres": ("km", 0.001),
    "feet": ("km", 0.0003048),
    "yards": ("km", 0.0009144),
    "inches": ("cm", 2.54),
    "cm": ("cm", 1.0),
    "mm": ("cm", 0.1),
    "centimeters": ("cm", 1.0),
    "centimetres": ("cm", 1.0),
    "millimeters": ("cm", 0.1),
    "millimetres": ("cm", 0.1),
    "acres": ("hectares", 0.40468564224),
    "hectares": ("hectares", 1.0),
    "square miles": ("square km", 2.589988110336),
    "square km": ("square km", 1.0),
    "kg": ("kg", 1.0),
    "pounds": ("kg", 0.45359237),
    "tons": ("tonnes", 0.90718474),
    "tonnes": ("tonnes", 1.0),
    "gallons": ("litres", 3.785411784),
    "litres": ("litres", 1.0),
    "liters": ("litres", 1.0),
    "mph": ("km/h", 1.609344),
    "km/h": ("km/h", 1.0),
    "knots": ("km/h", 1.852),
    "percent": ("percent", 1.0),
    "percentage points": ("percentage points", 1.0),
    "usd": ("usd", 1.0),
    "celsius": ("celsius", 1.0),
    "gigawatts": ("megawatts", 1000.0),
    "megawatts": ("megawatts", 1.0),
    "kilowatts": ("megawatts", 0.001),
}

MEASURE_UNITS = set(CANONICAL) | {
    "degrees", "magnitude", "celsius", "fahrenheit", "barrels", "cubic metres", "cubic feet",
    "gbp", "eur", "cad", "aud", "jpy", "inr", "nzd", "hkd",
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
    "centuries", "nights",
}
TIME_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years",
              "decades", "centuries", "nights"}


def canonical(unit: Optional[str], low: Optional[float], high: Optional[float]
              ) -> Tuple[Optional[str], Optional[float], Optional[float]]:
    if unit is None:
        return None, low, high
    if unit == "fahrenheit":
        f = lambda v: None if v is None else round((v - 32) * 5 / 9, 2)  # noqa: E731
        return "celsius", f(low), f(high)
    cu = CANONICAL.get(unit)
    if cu is None:
        return unit, low, high
    name, f = cu
    return (name, None if low is None else low * f, None if high is None else high * f)


def convert(value: Optional[float], unit: Optional[str], to_unit: Optional[str]) -> Optional[float]:
    """`value` in `unit` expressed in `to_unit` (miles -> km, fahrenheit ->
    celsius), or None when the two units do not measure the same thing."""
    if value is None or unit == to_unit or {unit, to_unit} == {"tons", "tonnes"}:
        return value   # (news copy writes "tons" for tonnes as often as for short tons)
    cu, cv, _ = canonical(unit, value, None)
    to_cu, zero, _ = canonical(to_unit, 0.0, None)
    if cu is None or cu != to_cu:
        return None
    # into to_unit the conversion is linear or affine (celsius); measured over a
    # thousand units, as canonical() rounds temperatures to two decimals
    slope = (canonical(to_unit, 1000.0, None)[1] - zero) / 1000.0
    return (cv - zero) / slope if slope else None


def convert_figure(value: Optional[float], unit: Optional[str], to_unit: Optional[str]) -> Optional[float]:
    """convert(), to the four significant digits a converted figure can claim
    ("about 15,600 hectares" is about 38,550 acres, not 38,548.4395)."""
    converted = convert(value, unit, to_unit)
    return None if converted is None else float("{:.4g}".format(converted))


# Count nouns a figure commonly counts (singular or plural written form).
# Used to recognise the head of a noun phrase and for anaphora.
_COUNT = """
people person persons individual individuals resident residents citizen citizens
migrant migrants immigrant immigrants refugee refugees asylum-seeker asylum-seekers seeker seekers
evacuee evacuees survivor survivors victim victims life lives
protester protesters protestor protestors demonstrator demonstrators marcher marchers rioter rioters
activist activists supporter supporters participant participants attendee attendees spectator spectators
police officer officers cop cops agent agents trooper troopers deputy deputies detective detectives
troop troops soldier soldiers forces force personnel marine marines sailor sailors airman airmen
guardsman guardsmen reservist reservists paratrooper paratroopers servicemember servicemembers
serviceman servicemen fighter fighters militant militants insurgent insurgents rebel rebels
firefighter firefighters fireman firemen responder responders rescuer rescuers volunteer volunteers
worker workers employee employees staff staffer staffers crew crews member members
student students child children kid kids adult adults man men woman women boy boys girl girls
baby babies infant infants teenager teenagers teen teens minor minors family families household households
patient patients case cases infection infections death deaths fatality fatalities casualty casualties
injury injuries dead injured wounded missing body bodies remains corpse corpses
arrest arrests detainee detainees prisoner prisoners inmate inmates hostage hostages suspect suspects
voter voters vote votes ballot ballots seat seats signature signatures delegate delegates
official officials lawmaker lawmakers senator senators legislator legislators
journalist journalists reporter reporters passenger passengers tourist tourists visitor visitors
home homes house houses structure structures building buildings residence residences dwelling dwellings
business businesses shop shops store stores school schools hospital hospitals church churches
apartment apartments unit units property properties farm farms village villages town towns
city cities community communities county counties state states country countries nation nations
vehicle vehicles car cars truck trucks bus buses tank tanks aircraft plane planes jet jets
helicopter helicopters drone drones ship ships vessel vessels boat boats warship warships
missile missiles rocket rockets bomb bombs shell shells round rounds weapon weapons gun guns
tent tents bed beds shelter shelters camp camps
animal animals cow cows cattle horse horses dog dogs sheep
fire fires blaze blazes wildfire wildfires earthquake earthquakes quake quakes aftershock aftershocks
flight flights convoy convoys
job jobs dose doses test tests
acre acres hectare hectares mile miles kilometer kilometers kilometre kilometres km
meter meters metre metres foot feet yard yards inch inches centimeter centimeters
ton tons tonne tonnes pound pounds kilogram kilograms kg gallon gallons liter liters litre litres barrel barrels
percent dollar dollars euro euros tractor tractors coach coaches customer customers meal meals
tanker tankers launcher launchers
degree degrees magnitude point points
second seconds minute minutes hour hours day days week weeks month months year years decade decades night nights
"""
COUNT_NOUNS = set(_COUNT.split())

# Multi-word count nouns (checked before single words).
COMPOUND_NOUNS = {
    "service members", "service member", "police officers", "police officer",
    "asylum seekers", "asylum seeker", "square miles", "square mile", "nautical miles", "nautical mile",
    "square kilometers", "square kilometres", "square kilometer", "square kilometre",
    "percentage points", "percentage point", "per cent", "first responders",
    "human beings", "miles per hour", "kilometers per hour", "kilometres per hour",
    "cubic metres", "cubic meters", "cubic feet", "metric tons", "law enforcement officers",
    "national guard members", "guard members", "military personnel", "service personnel",
    "health workers", "aid workers", "rescue workers", "fire crews", "air tankers", "air tanker",
    "staff members", "crew members", "account holders", "swiss francs",
}

# Collective nouns: "a crowd of thousands", "the column ... number 7,000".
COLLECTIVES = {
    "crowd": "people", "crowds": "people", "throng": "people", "mob": "people",
    "convoy": "vehicles", "fleet": "vessels", "flotilla": "boats",
    "herd": "animals", "flock": "birds", "army": "troops", "contingent": "troops",
    "deployment": "troops", "garrison": "troops", "battalion": "troops",
    "brigade": "troops", "regiment": "troops", "division": "troops",
    "workforce": "workers", "population": "people", "audience": "people",
    "delegation": "delegates", "toll": "people", "death toll": "people",
    "turnout": "people", "attendance": "people", "march": "people", "rally": "people", "protest": "protesters",
    "demonstration": "demonstrators", "presence": "troops",
    # a measure's own word: "a gross tonnage of 115,000", "a membership of 40,000"
    "tonnage": "tonnes", "membership": "members", "electorate": "voters", "caseload": "cases",
}

# Nouns that speak rather than get counted (skipped when guessing a unit by anaphora).
SPEAKER_NOUNS = {"official", "officials", "spokesman", "spokeswoman", "spokesperson",
                 "reporters", "reporter", "journalists", "authorities", "sources",
                 "source", "analysts", "experts", "officers", "police"}

# Words that are measure words: "eight sets of remains" counts remains.
CONTAINER_NOUNS = {"sets", "set", "pieces", "piece", "pairs", "pair", "groups", "batches",
                   "bags", "boxes", "loads", "truckloads", "busloads", "planeloads",
                   "rounds", "kinds", "types", "families", "teams", "units", "crews"}

DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:ans|ese|ians|ish|is|ers|ons)$")

# Superordinates of count nouns: a figure that counts a mix of kinds, "3,000 cars, vans
# and lorries", "2,000 goats and sheep", "6,500 guests and staff", counts the kind they
# share.  Plural lemmas (normalize_unit) of the nouns, by kind.
KINDS = {
    "people": set("""
people residents citizens inhabitants locals migrants immigrants refugees evacuees survivors victims
protesters demonstrators marchers rioters activists supporters participants attendees spectators fans
officers agents deputies detectives troops firefighters responders rescuers volunteers workers
crew members students children adults men women boys girls babies infants teenagers kids pupils
teachers parents families relatives colleagues neighbours neighbors friends guests visitors tourists
holidaymakers travellers travelers passengers commuters shoppers traders customers patients nurses doctors
prisoners inmates detainees hostages guards voters delegates journalists officials farmers fishermen
miners pilgrims worshippers mourners skiers climbers hikers tenants occupants motorists drivers pedestrians
cyclists civilians soldiers staff employees volunteers spouses partners divers paramedics medics lifeguards specialists""".split()),
    "vehicles": set("""
vehicles cars vans lorries trucks buses coaches minibuses taxis cabs motorcycles motorbikes scooters
tractors trailers ambulances snowploughs snowplows jeeps""".split()),
    "animals": set("""
animals goats sheep cattle cows bulls calves pigs hogs horses donkeys mules camels dogs cats chickens
hens ducks geese turkeys poultry livestock rabbits deer""".split()),
}
KIND_OF = {noun: kind for kind, nouns in KINDS.items() for noun in nouns}
