"""Generate a synthetic corpus of scraped-looking news articles for the benchmarks.

    python tests/benchmarks/generate.py OUT_DIR -n 10000 [--seed 7] [--jobs 2]

Deterministic: article ``i`` depends only on ``(seed, i, revision)``, so the same seed gives
the same bytes whatever the number of jobs. Files go to ``OUT_DIR/0000/000000_xxxxxxxx.txt``,
at most 1000 per folder. About 1% are written in cp1251 or latin-1 and 2% with CRLF endings.

Each article has the mess of a real scrape (language switchers, font-size widgets, tags,
"Advertisement", "Read more:", share lines, photo captions), a headline (usually), a date in
one of several formats, a byline, 500–800 words of body drawn from a news vocabulary with
Zipf-like frequencies, and 2–6 quotes attributed in varied ways by a few hundred recurring
speakers whose names are spelled in several ways across articles.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import time
import unicodedata
from bisect import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FILES_PER_DIR = 1000


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --------------------------------------------------------------------------------------------
# Vocabulary, roughly most frequent first (the Zipf weights follow the list order).
# --------------------------------------------------------------------------------------------

NOUNS = _words("""
government president minister war country talks peace security people city region
forces army official agreement support deal attack troops border time year week day
ministry leader state meeting country's decision plan conflict power energy situation
part issue question time side territory drone missile strike defence military economy
law policy election parliament budget sanctions aid weapons front line ceasefire summit
statement report data number case process result level position pressure interest
negotiations negotiator delegation proposal demand offer guarantee commitment threat risk
effort step response reaction concern warning message call signal move approach idea
future history month morning evening night capital village town district province area
infrastructure plant station facility bridge port airport road railway network grid
gas oil electricity price market bank currency inflation growth debt loan fund investment
company business industry production export import trade tariff supply shortage cost
official's spokesman spokeswoman ambassador diplomat envoy commander general soldier
volunteer civilian resident family child student teacher doctor hospital school church
court judge prosecutor investigation case charge trial sentence prison police officer
corruption scandal protest rally crowd opposition party coalition majority vote campaign
candidate minister's cabinet committee council commission union alliance bloc partner
ally neighbour region's population refugee migrant shelter evacuation damage destruction
casualty victim injury loss reconstruction recovery repair restoration programme project
initiative reform strategy framework mechanism regime system service agency authority
institution organisation office department headquarters staff team group unit brigade
battalion regiment division fleet ship vessel submarine aircraft jet helicopter tank
artillery shell rocket launcher radar satellite cyberattack hacker intelligence spy
source document letter memo draft text treaty accord protocol resolution declaration
sovereignty independence integrity occupation annexation invasion offensive counteroffensive
advance retreat withdrawal operation exercise drill deployment mobilisation conscription
recruitment training equipment ammunition supply logistics fuel food water heating
winter summer spring autumn season weather storm flood fire drought harvest grain wheat
fertiliser shipment convoy corridor route sea coast island river lake mountain forest
field farm factory mine reactor nuclear radiation inspector inspection monitoring mission
observer expert analyst researcher scientist journalist editor reporter correspondent
newspaper broadcaster channel television radio interview broadcast podcast website platform
media press conference briefing speech address remark comment claim allegation denial
accusation criticism praise recognition award honour anniversary ceremony memorial
tribute funeral death birth health disease vaccine epidemic outbreak care insurance
pension salary wage tax revenue spending deficit surplus forecast estimate figure
percentage share stake owner ownership property land housing rent construction development
technology innovation research science education culture language identity religion
tradition heritage museum library art music film book festival sport match team's
tournament championship stadium athlete coach fan ticket tourist travel visa passport
citizen citizenship rights freedom democracy justice accountability transparency
stability crisis emergency disaster catastrophe tragedy chaos tension dispute row
controversy debate discussion dialogue consultation contact phone call video conference
visit trip tour arrival departure return exchange prisoner hostage detainee release swap
body remains identification search rescue operation's aftermath consequence impact effect
benefit advantage obstacle barrier challenge problem solution option alternative choice
priority goal target objective aim purpose reason cause motive basis ground principle
value norm standard rule regulation requirement condition term clause provision article
amendment bill act decree order instruction directive guideline recommendation advice
request appeal petition complaint lawsuit claim's verdict ruling judgement precedent
jurisdiction tribunal arbitration mediation mediator broker guarantor observer's signatory
""")

ADJECTIVES = _words("""
new military political Russian Ukrainian European international national local foreign
economic public official possible former current major key important serious difficult
new significant large small long short high low full final last next early late recent
previous further additional direct strong weak clear open real global regional western
eastern southern northern central joint common general special senior top main certain
likely unlikely necessary sufficient effective successful failed urgent immediate critical
dangerous safe secure free independent democratic legal illegal unlawful humanitarian
diplomatic strategic tactical financial fiscal monetary industrial commercial agricultural
technical digital nuclear chemical environmental social cultural historical religious
civil criminal constitutional judicial administrative electoral parliamentary presidential
governmental bilateral multilateral unilateral temporary permanent partial complete total
massive heavy intense fierce brutal deadly fatal severe minor modest limited broad wide
narrow deep shallow rapid slow gradual sudden unexpected unprecedented historic symbolic
practical theoretical realistic optimistic pessimistic cautious careful sceptical hopeful
confident concerned worried angry frustrated disappointed satisfied ready willing unable
responsible accountable transparent corrupt fair unfair just equal stable unstable fragile
robust resilient vulnerable exposed isolated divided united coordinated comprehensive
detailed specific concrete vague broader tougher stronger weaker higher lower bigger
smaller greater better worse best worst first second third fourth fifth
""")

VERBS = _words("""
say|said|said
make|made|made
take|took|taken
give|gave|given
hold|held|held
meet|met|met
send|sent|sent
bring|brought|brought
keep|kept|kept
lead|led|led
seek|sought|sought
win|won|won
lose|lost|lost
build|built|built
begin|began|begun
break|broke|broken
see|saw|seen
tell|told|told
leave|left|left
put|put|put
set|set|set
cut|cut|cut
announce
confirm
approve
reject
accept
adopt
agree
allow
attack
block
call
claim
continue
demand
deny
deploy
discuss
expect
extend
focus
help
hope
increase
introduce
launch
offer
open
plan
prepare
present
prevent
propose
protect
provide
receive
reduce
remain
repeat
report
require
restore
secure
sign
strengthen
supply
support
suspend
target
urge
warn
welcome
accuse
address
criticise
destroy
damage
evacuate
finance
impose
investigate
negotiate
outline
pledge
postpone
question
raise
review
shell
strike|struck|struck
fund
back
boost
curb
ease
ensure
establish
expand
halt
ignore
intercept
lift
mobilise
monitor
oppose
recognise
release
resume
seize
stress
transfer
underline
unveil
""")

ADVERBS = _words("""
also still already now again only just even further currently recently previously
reportedly allegedly publicly privately officially formally directly clearly firmly
repeatedly quickly slowly gradually immediately eventually finally initially largely
mainly partly fully entirely significantly sharply strongly heavily increasingly
""")

PREPOSITIONS = _words(
    "of in on for with to from at by after over against during between under amid "
    "without across towards within around before despite"
)

WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
MONTHS = _words(
    "January February March April May June July August September October November December"
)

# Nationality: (country, adjective, name style)
NATIONS: tuple[tuple[str, str, str], ...] = (
    ("Ukraine", "Ukrainian", "ua"),
    ("Russia", "Russian", "ru"),
    ("Germany", "German", "de"),
    ("France", "French", "fr"),
    ("Poland", "Polish", "pl"),
    ("the United States", "American", "en"),
    ("Britain", "British", "en"),
    ("Estonia", "Estonian", "ee"),
    ("Lithuania", "Lithuanian", "lt"),
    ("Turkey", "Turkish", "tr"),
    ("Hungary", "Hungarian", "hu"),
    ("Georgia", "Georgian", "ge"),
    ("Moldova", "Moldovan", "ro"),
    ("Romania", "Romanian", "ro"),
    ("Finland", "Finnish", "fi"),
)

# First names per style, each a tuple of spelling variants (canonical first).
FIRST_NAMES: dict[str, tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]] = {
    "ua": (
        (
            ("Oleksandr", "Alexander", "Aleksandr"),
            ("Serhiy", "Serhii", "Sergiy"),
            ("Dmytro", "Dmitro"),
            ("Andriy", "Andrii"),
            ("Volodymyr",),
            ("Mykola",),
            ("Yuriy", "Yurii"),
            ("Oleh", "Oleg"),
            ("Petro",),
            ("Vasyl",),
            ("Mykhailo", "Mikhail"),
            ("Taras",),
            ("Ihor", "Igor"),
            ("Vitaliy", "Vitalii"),
            ("Denys", "Denis"),
            ("Rustem",),
        ),
        (
            ("Yuliia", "Yulia"),
            ("Olena", "Elena"),
            ("Kateryna", "Katerina"),
            ("Iryna", "Irina"),
            ("Oksana",),
            ("Nataliia", "Natalia"),
            ("Tetiana", "Tatiana"),
            ("Olha", "Olga"),
            ("Daryna", "Darina"),
        ),
    ),
    "ru": (
        (
            ("Sergey", "Sergei"),
            ("Dmitry", "Dmitri"),
            ("Alexei", "Aleksei", "Alexey"),
            ("Nikolai", "Nikolay"),
            ("Yevgeny", "Evgeny"),
            ("Maxim", "Maksim"),
            ("Andrei", "Andrey"),
            ("Vladimir",),
            ("Mikhail",),
            ("Yuri", "Yury"),
        ),
        (
            ("Maria",),
            ("Yelena", "Elena"),
            ("Anna",),
            ("Valentina",),
            ("Tatyana", "Tatiana"),
        ),
    ),
    "de": (
        (
            ("Friedrich",),
            ("Olaf",),
            ("Boris",),
            ("Markus",),
            ("Jürgen", "Juergen"),
            ("Lars",),
            ("Johann", "Johan"),
            ("Thomas",),
        ),
        (("Annalena",), ("Ursula",), ("Katrin",), ("Bärbel", "Baerbel"), ("Julia",)),
    ),
    "fr": (
        (
            ("Emmanuel",),
            ("Jean-Noël", "Jean-Noel"),
            ("François", "Francois"),
            ("Stéphane", "Stephane"),
            ("Sébastien", "Sebastien"),
            ("Gabriel",),
        ),
        (("Hélène", "Helene"), ("Catherine",), ("Élisabeth", "Elisabeth"), ("Marine",)),
    ),
    "pl": (
        (
            ("Radosław", "Radoslaw"),
            ("Andrzej",),
            ("Donald",),
            ("Władysław", "Wladyslaw"),
            ("Tomasz",),
            ("Paweł", "Pawel"),
        ),
        (("Małgorzata", "Malgorzata"), ("Agnieszka",), ("Katarzyna",)),
    ),
    "en": (
        (
            ("John",),
            ("James",),
            ("Michael", "Mike"),
            ("Robert", "Bob"),
            ("Marco",),
            ("Keir",),
            ("David",),
            ("Peter",),
            ("William", "Bill"),
            ("Steven", "Steve"),
        ),
        (
            ("Kristi",),
            ("Rachel",),
            ("Mary",),
            ("Emily",),
            ("Sarah",),
            ("Karoline",),
            ("Yvette",),
        ),
    ),
    "ee": ((("Margus",), ("Urmas",), ("Alar",), ("Hanno",)), (("Kaja",), ("Kersti",), ("Liina",))),
    "lt": (
        (("Gitanas",), ("Gabrielius",), ("Kęstutis", "Kestutis"), ("Arvydas",)),
        (("Ingrida",), ("Dalia",), ("Agnė", "Agne")),
    ),
    "tr": (
        (("Recep",), ("Hakan",), ("Mevlüt", "Mevlut"), ("Ömer", "Omer")),
        (("Ayşe", "Ayse"), ("Zeynep",)),
    ),
    "hu": ((("Viktor",), ("Péter", "Peter"), ("Gergely",)), (("Katalin",), ("Judit",))),
    "ge": ((("Irakli",), ("Giorgi", "George"), ("Levan",)), (("Salome",), ("Nino",))),
    "ro": ((("Maia",), ("Nicușor", "Nicusor"), ("Klaus",), ("Ion",)), (("Maia",), ("Ana",))),
    "fi": ((("Alexander",), ("Petteri",), ("Antti",)), (("Elina",), ("Sanna",))),
}

# Surname stems and endings per style; an ending is a tuple of spelling variants, and the
# optional third element gives the feminine endings.
SURNAME_STEMS: dict[str, tuple[str, ...]] = {
    "ua": _words(
        "Shev Kov Zelen Bor Dan Hor Lys Mak Nest Pav Ros Tar Vol Kul Mel Dor Tym Yar Ost Pol "
        "Hrab Sydor Kraw Marchen Levch Bondar Tkach Kravch Mosk Sav Yerm Stef Ruden Klym "
        "Bilous Sob Dub Ryb Hnat"
    ),
    "ru": _words(
        "Lavr Pesk Med Shoig Zakhar Naryshk Volod Patrush Sobyan Ushak Belous Gerasim "
        "Kirien Nebenz Ryab Lapt Golik Kozak Morozov Orlov Sokol Vorob Zhur Kuzn"
    ),
    "de": _words("Schol Merz Pistor Wad Lind Hoff Kling Baer Stein Wald Rot Hart Brand"),
    "fr": _words("Barr Lecorn Mac Ségol Bay Dup Ren Lamb Gir Moreau Fourn Chev"),
    "pl": _words("Sikor Kosiniak Dud Tusk Nawr Kowal Wiśniew Lewand Zieliń Szyman Wójc"),
    "en": _words(
        "Rub Hegs Whit Witk Lamm Starm Carl Brook Ash Wood Field Hamil Bright Wells Clark "
        "Morr Fletch Hudd Penn Ward"
    ),
    "ee": _words("Kall Tsakh Kar Mih Ratas Ansip Luik Kask Tamm"),
    "lt": _words("Nausėd Landsberg Budrys Šimon Kubil Paluck Skvern"),
    "tr": _words("Erdog Fid Çav Kal Yıldır Akar Bayr"),
    "hu": _words("Orb Szijj Nov Gul Var Kovács"),
    "ge": _words("Kobakh Garib Zourab Papuash Kavel"),
    "ro": _words("Sand Dan Iohann Bolojan Recean Popesc Grosu"),
    "fi": _words("Stubb Valton Häkk Orp Marin"),
}
SURNAME_ENDINGS: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...] | None], ...]] = {
    "ua": (
        (("enko",), None),
        (("chuk",), None),
        (("skyy", "sky", "skyi"), ("ska",)),
        (("ko",), None),
        (("iv",), None),
        (("yuk",), None),
        (("ych", "ich"), None),
        (("ets",), None),
    ),
    "ru": (
        (("ov",), ("ova",)),
        (("ev", "yev"), ("eva", "yeva")),
        (("in",), ("ina",)),
        (("sky", "skiy", "skii"), ("skaya",)),
    ),
    "de": ((("mann", "man"), None), (("er",), None), (("berg",), None), (("bach",), None)),
    "fr": ((("ard",), None), (("ier",), None), (("eau",), None), (("ot",), None)),
    "pl": ((("ski", "sky"), ("ska",)), (("wicz", "vich"), None), (("czyk",), None)),
    "en": ((("son",), None), (("ton",), None), (("ley",), None), (("er",), None), (("",), None)),
    "ee": ((("as",), None), (("na",), None), (("",), None), (("e",), None)),
    "lt": ((("a",), None), (("is",), None), (("as",), None), (("ius",), None)),
    "tr": ((("an",), None), (("oğlu", "oglu"), None), (("er",), None)),
    "hu": ((("án", "an"), None), (("ó", "o"), None), (("i",), None)),
    "ge": ((("shvili",), None), (("dze",), None), (("ia",), None)),
    "ro": ((("u",), None), (("escu",), None), (("ean",), None)),
    "fi": ((("inen",), None), (("nen",), None), (("o",), None)),
}

ROLES = (
    "foreign minister",
    "defence minister",
    "prime minister",
    "president",
    "deputy prime minister",
    "energy minister",
    "finance minister",
    "interior minister",
    "ambassador to the United Nations",
    "presidential adviser",
    "national security adviser",
    "army chief of staff",
    "parliament speaker",
    "opposition leader",
    "central bank governor",
    "economy minister",
)
ORG_ROLES = (
    ("spokesman", "spokesman for the {org}"),
    ("spokeswoman", "spokeswoman for the {org}"),
    ("press secretary", "press secretary of the {nat} president"),
    ("head", "head of the {org}"),
    ("analyst", "analyst at the {org}"),
    ("mayor", "mayor of {city}"),
    ("governor", "governor of the {city} region"),
    ("commander", "commander of the {nat} navy"),
    ("chief executive", "chief executive of {company}"),
    ("ombudsman", "human rights ombudsman of {country}"),
)
ORGS = (
    "Foreign Ministry",
    "Defence Ministry",
    "General Staff",
    "European Commission",
    "Security Service",
    "Energy Ministry",
    "Interior Ministry",
    "National Bank",
    "Institute for the Study of War",
    "Centre for Eastern Studies",
    "International Atomic Energy Agency",
    "Red Cross",
    "United Nations",
    "World Bank",
    "Ministry of Health",
    "State Emergency Service",
    "Prosecutor General's Office",
    "Council of Europe",
    "European Parliament",
    "Kremlin",
    "Pentagon",
    "State Department",
    "NATO",
)
COMPANIES = (
    "Naftogaz",
    "Ukrenergo",
    "Gazprom",
    "Rosatom",
    "Energoatom",
    "Rheinmetall",
    "Siemens Energy",
    "Ukrzaliznytsia",
    "DTEK",
    "Kyivstar",
)
# The long tail: less common words, and settlement names built from parts (a few thousand
# types that each occur in a small share of articles, as real news has).
RARE_NOUNS = _words("""
abduction acquittal adjournment admiral affidavit airspace airstrip allegiance ambush amnesty
antenna apparatus appeasement archbishop archive armistice arsenal assassination asylum atrocity
auditor autocracy backlog ballot bankruptcy barracks barrage battlefield bidder blackout
blockade bombardment bondholder boycott breach brigadier bulletin bunker bureaucracy cadet
canal capitulation cargo cartel cassation censorship census chancellor chaplain checkpoint
clampdown clearance clemency coalfield coastguard cobalt collaborator collateral commissioner
communique compensation concession condolence confiscation conglomerate conscript consulate
contractor convict cooperative copper cordon coroner councillor counterpart coup courier
covenant crackdown creditor cruiser curfew custodian customs dam deadline decommissioning
defector delegate demining demolition deportation depot deputy derailment desertion detention
deterrence devaluation dictatorship diesel dignitary dismissal dissident dividend dockyard
dossier downturn draftee dredging drydock earthquake electorate embargo embassy embezzlement
encirclement enclave escalation espionage eviction excavation exile expedition extradition
extremist famine ferry filibuster firefighter flotilla footage foreclosure forgery
fortification frigate fugitive gallery garrison gendarme genocide gigawatt governorship
granary graveyard gridlock grievance gunboat gunfire gunman hangar harbour hardliner headcount
heatwave helmet hijacking homeowner howitzer hydropower impeachment incumbent indictment
informant inmate insurgent interceptor internment interpreter irrigation junta kidnapping
kilowatt landmine landslide lawmaker leaflet legislature lender levy liaison lieutenant lithium
lobbyist locomotive looting loyalist magistrate manifesto marksman massacre memorandum
mercenary militia minefield misinformation mortar motorcade municipality munitions mutiny
nationalisation neutrality nominee notary oblast obituary oligarch onslaught orphanage outpost
overpass paramedic paratrooper pardon parole partisan patrol payroll peacekeeper pensioner
persecution pipeline plaintiff plebiscite plutonium polling pontoon powerline precinct premier
prosecution protectorate provocation proxy quarantine racketeering raid rationing rearmament
rebel recession referendum refinery regent reinforcement relocation repatriation reprisal
reservist reservoir retaliation retiree riot roadblock rouble salvo sanatorium sapper saboteur
scrutiny secession sentry settlement shipyard shrapnel siege skirmish smuggler sniper stalemate
stockpile subsidy substation subpoena surveillance takeover tanker taxpayer telecom tenant
testimony timber torpedo trench truce turbine turnout tycoon underpass uprising uranium
vandalism veteran veto viaduct vigil voucher warehouse warhead warship watchdog waterworks
whistleblower windfall wiretap workforce
""")
SETTLEMENT_PARTS = (
    _words("Novo Staro Velyka Mala Pryvil Krasno Zoloto Bilo Chorno Vysoko Verkhnio Nyzhnio"),
    _words("hrad dol pil yar lyman kamyan bor lis ozer sel dub mykh ivan petr oleks hor vod"),
    _words("ivka ove ynka ne ske ytsia ychi ivske any ivtsi"),
)

PLACES = _words(
    "Kyiv Moscow Brussels Washington Berlin Paris Warsaw London Geneva Istanbul Ankara "
    "Kharkiv Odesa Lviv Dnipro Zaporizhzhia Kherson Donetsk Luhansk Mariupol Bakhmut Avdiivka "
    "Pokrovsk Kramatorsk Sumy Chernihiv Poltava Mykolaiv Vinnytsia Uzhhorod Rivne Lutsk "
    "Crimea Donbas Belgorod Kursk Bryansk Rostov Sevastopol Minsk Vilnius Riga Tallinn "
    "Helsinki Budapest Bucharest Chisinau Tbilisi Prague Bratislava Rome Madrid Vienna "
    "Anchorage Alaska Jeddah Riyadh Doha Beijing Tokyo Ottawa Oslo Stockholm Copenhagen"
)
OUTLETS = (
    "News.Az",
    "Politico",
    "Reuters",
    "BBC Radio 4",
    "NBC News",
    "Digital",
    "Ukrinform",
    "RBC-Ukraine",
    "Kyiv Independent",
    "Interfax",
    "TASS",
    "Euronews",
    "Deutsche Welle",
    "Le Monde",
    "Financial Times",
    "The Guardian",
    "Associated Press",
    "Bloomberg",
    "Al Jazeera",
    "European Pravda",
    "The Eastern Herald",
    "Baltic Times",
    "Daily Observer",
    "Global Wire",
)

CURLY = ("\u201c", "\u201d")  # “ ”
STRAIGHT = ('"', '"')
GUILLEMETS = ("\u00ab", "\u00bb")  # « »
SAY = (
    "said",
    "said",
    "said",
    "said",
    "told reporters",
    "stated",
    "added",
    "noted",
    "stressed",
    "wrote on X",
    "told journalists",
)


TABLE_BITS = 16


class Zipf:
    """Draw items with weights ``1 / (rank + 1 + q) ** s`` (Zipf–Mandelbrot over list order)."""

    def __init__(self, items: Sequence[str], s: float = 1.0, q: float = 2.7) -> None:
        self.items = list(items)
        total = 0.0
        self.cum: list[float] = []
        for rank in range(len(self.items)):
            total += 1.0 / (rank + 1 + q) ** s
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> str:
        return self.items[bisect(self.cum, rng.random() * self.total)]

    def table(self, bits: int = TABLE_BITS) -> list[str]:
        """A lookup table: ``table[rng.getrandbits(bits)]`` draws an item (far faster)."""
        size = 1 << bits
        table: list[str] = []
        for item, cum in zip(self.items, self.cum, strict=True):
            table.extend([item] * (round(cum / self.total * size) - len(table)))
        return table


@dataclass(frozen=True, slots=True)
class Speaker:
    """A recurring speaker. Names are tuples of spelling variants, canonical first."""

    first: tuple[str, ...]
    last: tuple[str, ...]
    gender: str  # "m" or "f"
    country: str
    nationality: str
    role: str  # "foreign minister", "spokesman"
    appositive: str  # "the foreign minister of Ukraine", "the spokesman for the Kremlin"
    title: str  # "Ukrainian Foreign Minister" (before the name)

    @property
    def name(self) -> str:
        """The canonical full name."""
        return f"{self.first[0]} {self.last[0]}"


def _plural(noun: str) -> str:
    if noun.endswith("'s") or noun in ("data", "media", "police", "staff", "aid", "equipment"):
        return noun
    if noun.endswith("is"):
        return noun[:-2] + "es"  # crisis -> crises
    if noun.endswith(("ss", "us", "as", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("s"):  # already plural: talks, forces, sanctions, headquarters
        return noun
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if verb in ("plan", "ban", "stop", "ship"):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _third(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _ing(verb: str) -> str:
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    if verb in ("plan", "ban", "stop", "ship", "cut", "put", "set", "win", "begin"):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title(text: str) -> str:
    """Headline case: capitalise all but the small words."""
    small = ("of", "to", "in", "the", "a", "an", "on", "for", "and")
    return " ".join(w if w in small else _cap(w) for w in text.split())


# --------------------------------------------------------------------------------------------
# Sentence shapes: the grammar runs once per world and leaves a slot (MARK + kind) for each
# word; articles fill the slots from Zipf lookup tables. Far faster than building every sentence.
# --------------------------------------------------------------------------------------------

MARK = "\x00"
CAP = "\x01"  # capitalise what follows (a sentence start)
Shape = tuple[str, tuple[list[str], ...]]  # (format string, one lookup table per "{}")
# Slot kinds: n noun, p plural, a adjective, A "a"/"an" and an adjective, r adverb,
# i preposition, l place, o organisation, u outlet, x less common noun, v village, and verb
# forms b base, d past, e past participle, z third person, g -ing. "n^" is "n" capitalised.


class Grammar:
    """A small phrase grammar for news prose, writing slot markers instead of words."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def np(self, depth: int = 0) -> str:
        """A noun phrase."""
        rng = self.rng
        r = rng.random()
        if r < 0.32:
            phrase = "the \0n"
        elif r < 0.52:
            phrase = "the \0a \0n"
        elif r < 0.62:
            phrase = "\0A \0n"
        elif r < 0.72:
            phrase = "\0a \0p" if rng.random() < 0.5 else "\0p"
        elif r < 0.8:
            phrase = "\0l"
        elif r < 0.85:
            phrase = "the \0o"
        elif r < 0.9:
            phrase = f"{rng.randint(2, 900)} \0p"
        elif r < 0.93:
            phrase = "the \0n of \0l"
        elif r < 0.965:
            phrase = "the \0x"
        else:
            phrase = "\0v" if rng.random() < 0.75 else "the village of \0v"
        if depth == 0 and rng.random() < 0.25:
            phrase += f" \0i {self.np(1)}"
        return phrase

    def when(self) -> str:
        rng = self.rng
        r = rng.randrange(8)
        return (
            f"on {rng.choice(WEEKDAYS)}",
            "last week",
            "this year",
            f"in {rng.choice(MONTHS)}",
            "earlier this month",
            f"since {rng.randint(2014, 2025)}",
            "in recent days",
            "overnight",
        )[r]

    def clause(self) -> str:
        """Subject, verb, object (and sometimes a time)."""
        rng = self.rng
        r = rng.random()
        if r < 0.45:
            verb = "\0d"
        elif r < 0.6:
            verb = f"{rng.choice(('will', 'would', 'could', 'may', 'must', 'plans to'))} \0b"
        elif r < 0.72:
            verb = "has \0e"
        elif r < 0.82:
            verb = "\0r \0d"
        elif r < 0.9:
            verb = "is \0g"
        else:
            verb = "\0z"
        text = f"{self.np(1)} {verb} {self.np()}"
        if rng.random() < 0.3:
            text += " " + self.when()
        return text

    def sentence(self) -> str:
        rng = self.rng
        text = self.clause()
        r = rng.random()
        if r < 0.2:
            conj = rng.choice(("and", "but", "while", "as"))
            return f"{CAP}{text}, {conj} {self.clause()}."
        if r < 0.3:
            intro = rng.choice(
                (
                    f"On {rng.choice(WEEKDAYS)}",
                    "Earlier this week",
                    "In \0l",
                    "Meanwhile",
                    "However",
                    "At the same time",
                    "According to \0u",
                )
            )
            return f"{intro}, {text}."
        return f"{CAP}{text}."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))

    def quote(self) -> str:
        """One first-person sentence, as people are quoted."""
        rng = self.rng
        r = rng.random()
        if r < 0.25:
            aux = rng.choice(("will", "will not", "must", "cannot", "are ready to"))
            return f"We {aux} \0b {self.np()}."
        if r < 0.4:
            return f"This is \0A \0n for {self.np(1)}."
        if r < 0.55:
            return f"There is no \0n \0i {self.np(1)}."
        if r < 0.7:
            return f"Our \0n has \0e {self.np()}."
        if r < 0.85:
            return f"I think {self.clause()}."
        return f"It is \0a that {self.clause()}."

    def partial(self) -> str:
        """A short phrase to quote inside a sentence."""
        return self.rng.choice(
            ("\0A \0n", "\0a and \0a", "the \0n that \0l wants", "the \0a \0n of our time")
        )


def _compile(shape: str, tables: dict[str, list[str]]) -> Shape:
    """Turn slot markers into ``{}`` and their lookup tables (capitalised after ``CAP``)."""
    parts = shape.split(MARK)
    fmt, slots = [parts[0]], []
    for part in parts[1:]:
        key = part[0]
        if fmt[-1].endswith(CAP):
            fmt[-1] = fmt[-1][:-1]
            key += "^"
        slots.append(tables[key])
        fmt.append("{}" + part[1:])
    text = "".join(fmt)
    while CAP in text:  # a capital before literal text
        i = text.index(CAP)
        text = text[:i] + text[i + 1 : i + 2].upper() + text[i + 2 :]
    return text, tuple(slots)


# --------------------------------------------------------------------------------------------
# The world: vocabulary with weights, sentence shapes, speakers, authors. One per seed.
# --------------------------------------------------------------------------------------------


class _Tables(dict[str, list[str]]):
    """Lookup tables per slot kind, made when first asked for ("n^": capitalised "n")."""

    def __init__(self, slots: dict[str, Zipf]) -> None:
        super().__init__()
        self.slots = slots

    def __missing__(self, key: str) -> list[str]:
        if key.endswith("^"):
            capital = {w: _cap(w) for w in self.slots[key[0]].items}
            table = [capital[w] for w in self[key[0]]]
        else:
            table = self.slots[key].table()
        self[key] = table
        return table


class World:
    """Everything shared by all articles of one seed."""

    def __init__(self, seed: int, n_speakers: int = 400) -> None:
        rng = random.Random(f"world/{seed}")
        self.seed = seed
        nouns = list(dict.fromkeys(NOUNS))
        verbs = [[*v.split("|"), "", ""][:3] for v in VERBS]
        verbs = [(b, d or _past(b), e or d or _past(b)) for b, d, e in verbs]
        self.slots: dict[str, Zipf] = {
            "n": Zipf(nouns),
            "p": Zipf([_plural(n) for n in nouns]),
            "a": Zipf(list(dict.fromkeys(ADJECTIVES))),
            "r": Zipf(ADVERBS),
            "i": Zipf(PREPOSITIONS, s=1.1, q=1.0),
            "l": Zipf(PLACES, s=0.9),
            "x": Zipf([w for w in dict.fromkeys(RARE_NOUNS) if w not in nouns], q=20),
            "v": Zipf(self._settlements(rng, 1500), q=10),
            "o": Zipf(ORGS),
            "u": Zipf(OUTLETS),
            "b": Zipf([b for b, _, _ in verbs], s=0.9),
            "d": Zipf([d for _, d, _ in verbs], s=0.9),
            "e": Zipf([e for _, _, e in verbs], s=0.9),
            "z": Zipf([_third(b) for b, _, _ in verbs], s=0.9),
            "g": Zipf([_ing(b) for b, _, _ in verbs], s=0.9),
        }
        adjectives = self.slots["a"].items
        self.slots["A"] = Zipf([f"{'an' if a[0] in 'aeiou' else 'a'} {a}" for a in adjectives])
        tables = _Tables(self.slots)
        grammar = Grammar(rng)
        self.paragraphs = [_compile(grammar.paragraph(), tables) for _ in range(3000)]
        self.clauses = [_compile(grammar.clause(), tables) for _ in range(1500)]
        self.quotes = [_compile(grammar.quote(), tables) for _ in range(2000)]
        self.partials = [_compile(grammar.partial(), tables) for _ in range(50)]
        self.org = self.slots["o"]
        self.outlet = self.slots["u"]
        self.place = self.slots["l"]
        self.noun = self.slots["n"]
        self.speakers = [self._speaker(rng) for _ in range(n_speakers)]
        self.speaker_rank = Zipf([str(i) for i in range(n_speakers)], s=0.9, q=5)
        people = (self._person(rng, rng.choice(("ua", "en", "ua", "de", "pl"))) for _ in range(150))
        self.author = Zipf([f"{first[0]} {last[0]}" for first, last, _ in people], s=0.8)

    @staticmethod
    def _settlements(rng: random.Random, count: int) -> list[str]:
        """Village names from parts (Novodolivka, Krasnoyarske, ...), in a random order."""
        first, middle, last = SETTLEMENT_PARTS
        names = [a + b + c for a in first for b in middle for c in last]
        rng.shuffle(names)
        return names[:count]

    def _person(
        self, rng: random.Random, style: str
    ) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        gender = "f" if rng.random() < 0.35 else "m"
        males, females = FIRST_NAMES[style]
        first = rng.choice(females if gender == "f" else males)
        stem = rng.choice(SURNAME_STEMS[style])
        if rng.random() < 0.3 and style in ("ua", "ru", "en"):
            stem += rng.choice(("al", "ol", "an", "ar", "en", "ur", "ash"))
        endings, feminine = rng.choice(SURNAME_ENDINGS[style])
        if gender == "f" and feminine:
            endings = feminine
        return first, tuple(stem + e for e in endings), gender

    def _speaker(self, rng: random.Random) -> Speaker:
        country, nat, style = NATIONS[min(int(rng.expovariate(0.35)), len(NATIONS) - 1)]
        first, last, gender = self._person(rng, style)
        if rng.random() < 0.6:
            role = rng.choice(ROLES)
            appositive = f"the {role} of {country}"
            title = f"{nat} {_title(role)}"
        else:
            role, pattern = rng.choice(ORG_ROLES)
            if role in ("spokesman", "spokeswoman"):
                role = "spokeswoman" if gender == "f" else "spokesman"
                pattern = f"{role} for the {{org}}"
            appositive = "the " + pattern.format(
                org=rng.choice(ORGS),
                nat=nat,
                city=rng.choice(PLACES),
                company=rng.choice(COMPANIES),
                country=country,
            )
            title = f"{nat} {role}"
        return Speaker(first, last, gender, country, nat, role, appositive, title)


# --------------------------------------------------------------------------------------------
# One article.
# --------------------------------------------------------------------------------------------


class ArticleWriter:
    """Writes the text of one article from its own random stream."""

    def __init__(self, world: World, rng: random.Random) -> None:
        self.w = world
        self.rng = rng
        r = rng.random()
        self.marks = CURLY if r < 0.6 else STRAIGHT if r < 0.87 else GUILLEMETS
        self.named: list[Speaker] = []  # speakers already introduced in this article
        self.spelling: dict[int, tuple[str, str]] = {}
        self.last_speaker: Speaker | None = None

    # ---- prose ----------------------------------------------------------------------------

    def fill(self, shapes: Sequence[Shape]) -> str:
        rng = self.rng
        fmt, tables = shapes[rng.getrandbits(20) % len(shapes)]
        bits = rng.getrandbits
        return fmt.format(*[table[bits(TABLE_BITS)] for table in tables])

    def clause(self) -> str:
        """A clause without final punctuation (lower-case unless it starts with a name)."""
        return self.fill(self.w.clauses)

    def quoted(self, sentences: int = 0) -> str:
        """A first-person quotation of one to three sentences, final period included."""
        n = sentences or self.rng.choice((1, 1, 2, 2, 3))
        return " ".join(self.fill(self.w.quotes) for _ in range(n))

    def partial(self) -> str:
        return self.fill(self.w.partials)

    # ---- speakers -------------------------------------------------------------------------

    def pick_speaker(self) -> Speaker:
        rng = self.rng
        if self.named and rng.random() < 0.35:
            return rng.choice(self.named)
        return self.w.speakers[int(self.w.speaker_rank(rng))]

    def names(self, sp: Speaker) -> tuple[str, str]:
        """(full, last) as this article spells them."""
        key = id(sp)
        if key not in self.spelling:
            rng = self.rng
            first = sp.first[0] if rng.random() < 0.75 else rng.choice(sp.first)
            last = sp.last[0] if rng.random() < 0.75 else rng.choice(sp.last)
            self.spelling[key] = (f"{first} {last}", last)
        return self.spelling[key]

    def introduce(self, sp: Speaker) -> None:
        if sp not in self.named:
            self.named.append(sp)

    def ref(self, sp: Speaker) -> str:
        """How the text names the speaker: in full with a title first, then the surname.

        An appositive reference ends with a comma: ``"Name, the role of X,"``.
        """
        full, last = self.names(sp)
        if sp in self.named:
            return last
        self.named.append(sp)
        r = self.rng.random()
        if r < 0.5:
            return f"{sp.title} {full}"
        if r < 0.8:
            return full
        return f"{full}, {sp.appositive},"

    # ---- quotes ---------------------------------------------------------------------------

    def quote_paragraph(self) -> str:
        """A paragraph holding one attributed quote, in one of the attribution forms."""
        rng = self.rng
        o, c = self.marks
        sp = self.pick_speaker()
        say = rng.choice(SAY)
        form = rng.random()
        body = self.quoted()
        lead = f"{o}{body[:-1]},{c}"  # “We will ...,”
        if form < 0.2:  # after: “…,” Name said.
            who = self.ref(sp)
            text = f"{lead} said {who[:-1]}." if who.endswith(",") else f"{lead} {who} {say}."
        elif form < 0.33:  # before: Name said: “…”
            text = f"{_cap(self.ref(sp))} {say}: {o}{body}{c}"
        elif form < 0.43:  # appositive: Name, the foreign minister of X, said
            full, _ = self.names(sp)
            self.introduce(sp)
            text = (
                f"{full}, {sp.appositive}, said on {rng.choice(WEEKDAYS)}: {o}{body}{c}"
                if rng.random() < 0.5
                else f"{lead} said {full}, {sp.appositive}."
            )
        elif form < 0.55 and self.last_speaker is not None:  # pronoun: “…,” she said.
            sp = self.last_speaker
            he = "she" if sp.gender == "f" else "he"
            text = (
                f"{lead} {he} {say}."
                if rng.random() < 0.6
                else f"{_cap(he)} {rng.choice(('said', 'added'))} that {self.clause()}."
            )
        elif (
            form < 0.65
        ):  # role phrase: The spokesman for X, Name, said ... “…,” the spokesman said.
            full, _ = self.names(sp)
            self.introduce(sp)
            text = (
                f"{_cap(sp.appositive)}, {full}, said {self.clause()}. {lead} the {sp.role} {say}."
            )
        elif form < 0.75:  # partial: Name described it as “…”
            verb = rng.choice(("described it as", "called the decision", "called the move"))
            partial = self.partial()
            text = f"{_cap(self.ref(sp))} {verb} {o}{partial}{c} and said {self.clause()}."
        elif form < 0.9:  # indirect: Name said that … / According to Name, …
            who = self.ref(sp)
            text = (
                f"{_cap(who)} said that {self.clause()}."
                if rng.random() < 0.5
                else f"According to {who.rstrip(',')}, {self.clause()}."
            )
        else:  # an organisation speaks
            self.last_speaker = None
            return f"{lead} the {self.w.org(rng)} said in a statement."
        self.last_speaker = sp
        return text

    # ---- furniture ------------------------------------------------------------------------

    def headline(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.3:
            o, c = self.marks
            return f"{self.names(self.pick_speaker())[1]}: {o}{self.quoted(1)[:-1]}{c}"
        text = _cap(self.clause())
        return _title(text) if r < 0.6 else text

    def date_line(self) -> str:
        rng = self.rng
        y, m, d = _ymd(rng.randint(0, 820))  # 2024-01-01 .. 2026-03-31
        hh, mm = rng.randint(6, 23), rng.randint(0, 59)
        fmt = rng.random()
        if fmt < 0.25:
            return f" date {y}-{m:02d}-{d:02d}"
        if fmt < 0.45:
            return f"{MONTHS[m - 1]} {d}, {y}" + (" by No Comments" if rng.random() < 0.3 else "")
        if fmt < 0.6:
            return f"{y}.{m:02d}.{d:02d}"
        if fmt < 0.75:
            return f"{d} {MONTHS[m - 1]} {y}"
        if fmt < 0.9:
            return f"{y}-{m:02d}-{d:02d}, {hh}:{mm:02d}"
        return f"{d:02d}.{m:02d}.{y}, {hh}:{mm:02d}"

    def byline(self) -> str | None:
        rng = self.rng
        author = self.w.author(rng)
        r = rng.random()
        if r < 0.3:
            return f"Author: {author}"
        if r < 0.6:
            return f"By {author}"
        if r < 0.8:
            return f"{author} | {self.w.outlet(rng)}"
        return None

    def cruft(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.3:
            return "Advertisement"
        if r < 0.6:
            return f"Read more: {self.headline()}"
        if r < 0.75:
            return "Subscribe to our Telegram channel"
        if r < 0.9:
            return f"Photo: {self.w.outlet(rng)}"
        return "Share: Facebook Twitter Telegram WhatsApp"

    def caption(self) -> str:
        sp = self.pick_speaker()
        full, _ = self.names(sp)
        src = self.rng.choice(("Getty Images", "Reuters", "AP", "EPA", "Ukrinform"))
        return f"Photo: {full}, {sp.appositive.removeprefix('the ')} ({src})"

    # ---- the whole article ----------------------------------------------------------------

    def article(self) -> str:
        rng = self.rng
        lines: list[str] = []
        if rng.random() < 0.2:
            lines.append(rng.choice(("ua en ru", "UA | EN | RU", "en ru", "Українською English")))
        if rng.random() < 0.2:
            lines.append(rng.choice(("#News", "#Politics", "#War", "#Economy", "#World")))
        title = self.headline() if rng.random() < 0.88 else None
        date = self.date_line() if rng.random() < 0.95 else None
        byline = self.byline()
        if date and rng.random() < 0.25:
            date += " + ↺ − 16 px"
        elif rng.random() < 0.1:
            lines.append("+ ↺ − 16 px")
        if title:
            lines.append(title)
        if date and rng.random() < 0.85:
            lines.append(date)
            date = None  # otherwise glued to the first paragraph, as some scrapes have it
        if byline:
            lines.append(byline)
        if rng.random() < 0.25:
            lines.append((title + " " if title and rng.random() < 0.5 else "") + self.caption())

        target = rng.randint(500, 800)
        quote_at = sorted(rng.sample(range(1, 14), rng.randint(2, 6)))
        words = para = 0
        while words < target or quote_at:
            if quote_at and para >= quote_at[0]:
                text = self.quote_paragraph()
                quote_at.pop(0)
            else:
                text = self.fill(self.w.paragraphs)
            if para == 0 and date:
                text = f"{date} {text}"
            words += text.count(" ") + 1
            lines.append(text)
            para += 1
            if rng.random() < 0.06:
                lines.append(self.cruft())
        tail = rng.random()
        if tail < 0.2:
            lines.append("Share: Facebook Twitter Telegram")
        elif tail < 0.35:
            lines.append(f"Tags: {self.w.place(rng)}, war, {self.w.noun(rng)}")
        elif tail < 0.45:
            lines.append(f"Source: {self.w.outlet(rng)}")
        return "\n\n".join(lines) + "\n"


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _ymd(day: int) -> tuple[int, int, int]:
    """Day number from 2024-01-01 to (year, month, day); no datetime needed in the hot path."""
    year = 2024
    while True:
        length = 366 if year % 4 == 0 else 365
        if day < length:
            break
        day -= length
        year += 1
    for month, days in enumerate(_MONTH_DAYS, 1):
        days += month == 2 and year % 4 == 0
        if day < days:
            return year, month, day + 1
        day -= days
    raise AssertionError("unreachable")


# --------------------------------------------------------------------------------------------
# Files.
# --------------------------------------------------------------------------------------------

_FALLBACK = {"↺": "", "−": "-", "\u2019": "'", "\u2018": "'", "…": "..."}


def encoding_for(seed: int, index: int) -> str:
    """The encoding article ``index`` is written in: about 1% cp1251 or latin-1."""
    r = random.Random(f"enc/{seed}/{index}").random()
    return "cp1251" if r < 0.005 else "latin-1" if r < 0.01 else "utf-8"


def _encode(text: str, encoding: str) -> bytes:
    """Encode, degrading characters the codec lacks (accents stripped, symbols replaced)."""
    table: dict[int, str] = {}
    for ch in sorted(set(text)):
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            sub = _FALLBACK.get(ch, unicodedata.normalize("NFKD", ch)[:1])
            if encoding == "latin-1" and sub in "“”«»":
                sub = '"'
            table[ord(ch)] = sub.encode(encoding, "replace").decode(encoding)
    return text.translate(table).encode(encoding)


def relpath(seed: int, index: int) -> str:
    """The file's path inside the corpus: ``0012/012345_1a2b3c4d.txt``."""
    tag = random.Random(f"name/{seed}/{index}").getrandbits(32)
    return f"{index // FILES_PER_DIR:04d}/{index:06d}_{tag:08x}.txt"


def render(world: World, index: int, revision: int = 0) -> bytes:
    """The bytes of article ``index`` (``revision`` > 0 gives an edited version)."""
    rng = random.Random(f"article/{world.seed}/{index}/{revision}")
    text = ArticleWriter(world, rng).article()
    encoding = encoding_for(world.seed, index)
    if encoding == "cp1251":
        text = rng.choice(("Читайте також", "Новини", "Укр Рус Eng")) + "\n\n" + text
    if random.Random(f"crlf/{world.seed}/{index}").random() < 0.02:
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8") if encoding == "utf-8" else _encode(text, encoding)


_WORLD: World | None = None


def _world(seed: int) -> World:
    global _WORLD
    if _WORLD is None or _WORLD.seed != seed:
        _WORLD = World(seed)
    return _WORLD


def _write_range(args: tuple[str, int, int, int]) -> int:
    out, seed, start, stop = args
    world = _world(seed)
    root = Path(out)
    made: set[Path] = set()
    for i in range(start, stop):
        path = root / relpath(seed, i)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(render(world, i))
    return stop - start


def generate(
    out: Path | str,
    n: int,
    seed: int = 7,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Write ``n`` articles under ``out``; return their paths in index order."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    chunks = [(str(out), seed, s, min(s + 500, n)) for s in range(0, n, 500)]
    done = 0
    if jobs > 1 and len(chunks) > 1:
        _world(seed)  # build once, share with the forked workers
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for count in pool.imap_unordered(_write_range, chunks):
                done += count
                if progress:
                    progress(done, n)
    else:
        for chunk in chunks:
            done += _write_range(chunk)
            if progress:
                progress(done, n)
    return [out / relpath(seed, i) for i in range(n)]


def rewrite(out: Path | str, indices: Iterable[int], seed: int = 7, revision: int = 1) -> None:
    """(Over)write the given articles; ``revision`` > 0 gives edited versions."""
    world = _world(seed)
    for i in indices:
        path = Path(out) / relpath(seed, i)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(world, i, revision))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder (created)")
    parser.add_argument("-n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    generate(args.out, args.n, args.seed, args.jobs)
    print(
        f"wrote {args.n} articles to {args.out} in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
