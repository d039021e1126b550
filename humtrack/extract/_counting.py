"""What a figure counts: the counted noun and the verb that says what happened, read into
a metric, group, unit and kind (stock or flow), with the rules for parts, lists and restatements."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import islice
from typing import Final

from humtrack._data import read_data_csv
from humtrack.extract._cues import (
    _ADJECTIVAL,
    _APPROX_LEAD,
    _AS_OF,
    _EVENT_CUES,
    _EVENT_METRICS,
    _HOMES_LOST,
    _LEAD_IN,
    _PERSON_VERBS,
    _REFUGEE_WORDS,
    _SINCE,
    _STOCK_DEFAULT,
    _THING_METRICS,
    _TOKEN,
    _WORD,
    _data_lines,
    _last,
    _not_adjectival,
    _phrases,
    _verbs,
)
from humtrack.extract._labels import (
    _BULLET,
    _animals_of,
    _generic_heading,
    _intro_cue,
    _label_before,
    _label_or_parenthesis,
    dash_header_cell,
)
from humtrack.extract._scan import Worded
from humtrack.extract._tables import table_cell
from humtrack.extract.lexicon import STOP_WORDS, Lexicon, NounCue
from humtrack.extract.mentions import Mention, slashed_row
from humtrack.extract.places import Gazetteer, PlaceMatch
from humtrack.extract.text import SHARE_ASIDE
from humtrack.vocab import METRICS


@dataclass(frozen=True, slots=True)
class _Counted:
    metric: str
    group: str
    unit: str
    kind: str
    subject: str | None
    origin: str | None
    notes: list[str]


_NOT_HECTARES: Final = re.compile(r"[ \t]+(?:[A-Z]|\w+(?:ado|ido|ada|ida)s?\b)")


def _noun_phrase(
    text: str, mention: Mention, clause_end: int, lex: Lexicon, gaz: Gazetteer
) -> tuple[NounCue | None, int, str | None]:
    """Find the counted noun after a number: (cue, end offset, origin code from a demonym)."""
    window_end = min(clause_end, mention.end + 90)
    first = _FIRST_WORD.match(text, mention.end, window_end)
    if first is None:
        return None, mention.end, None  # a digit or punctuation follows: no noun
    tokens = [
        (m.start(), m.end(), m.group())
        for m in islice(_TOKEN.finditer(text, mention.end, window_end), 4 + lex.max_noun_words)
    ]
    origin: str | None = None
    skipped = 0
    allow_of = mention.vague
    i = 0
    while i < len(tokens) and skipped <= 3:
        _start, end, word = tokens[i]
        low = word.lower()
        if word[:2] == "km" or low in {"km", "kilometres", "kilometers"}:
            return lex.nouns["km"], end, origin
        if i == 0 and word == "ha" and not _NOT_HECTARES.match(text, end):
            # "211,000 ha": hectares in lower case, not "3,000 Ha Tinh residents" nor the
            # Spanish "3.000 ha sido evacuadas"
            return lex.nouns["hectares"], end, origin
        for n in (
            range(min(lex.max_noun_words, len(tokens) - i), 0, -1) if low in lex.noun_starts else ()
        ):
            phrase = " ".join(t[2].lower() for t in tokens[i : i + n]) if n > 1 else low
            cue = lex.nouns.get(phrase)
            if cue is not None:
                # "Rohingya refugees", "civilian deaths": the last noun of a compound is its head
                if i + n < len(tokens):
                    head = lex.nouns.get(tokens[i + n][2].lower())
                    if head is not None and head.metric:
                        return head, tokens[i + n][1], origin
                return cue, tokens[i + n - 1][1], origin
        demonym = gaz.demonyms.get(low.replace("’", "'"))
        if i + 1 < len(tokens):
            # "South Sudanese", "Central African": a demonym of two words, not "Sudanese"
            two = gaz.demonyms.get(f"{low} {tokens[i + 1][2].lower()}".replace("’", "'"))
            if two is not None:
                origin = two
                i += 1
                _start, end, word = tokens[i]
                low = word.lower()
                demonym = two
        if demonym is not None:
            origin = demonym
            following = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
            ends_phrase = not following or following in STOP_WORDS or not following[0].isalpha()
            if word[0].isupper() and (low.endswith("s") or ends_phrase):
                return (
                    NounCue("", "all", "person"),
                    end,
                    origin,
                )  # "displaced Syrians", "2 million Sudanese"
            skipped += 1
            i += 1
            continue
        if low in {"of", "the"} and allow_of:
            i += 1
            continue
        if (
            low in {"more", "further", "additional"}
            and i == 0
            and len(tokens) > 1
            and tokens[1][2][:1].islower()
            and tokens[1][2].lower() not in STOP_WORDS
        ):
            # "30 more bodies", "two further deaths": the noun after says what is counted
            i += 1
            continue
        if (
            low in {"and", "or"}
            and i > 0
            and tokens[i - 1][2][:1].isalpha()
            and i + 2 < len(tokens)
            and tokens[i + 1][2].lower() == "other"
            and tokens[i + 2][2][:1].isalpha()
        ):
            # "30,000 ethnic Rakhine and other non-Muslim residents": one group and others
            # like it, before the noun that counts them all
            i += 2
            continue
        if (
            low in {"and", "or"}
            and i > 0
            and tokens[i - 1][2][:1].isalpha()
            and i + 1 < len(tokens)
            and tokens[i + 1][2][:1].islower()
            and tokens[i + 1][2].lower() not in STOP_WORDS
            # not "killed one soldier and wounded 4": a verb and its own figure
            and not (
                i + 2 < len(tokens)
                and (tokens[i + 2][2][:1].isdigit() or tokens[i + 2][2].lower() in _FIGURE_LEADS)
            )
        ):
            # "1 407 suspected and confirmed cases", "340 pregnant or breastfeeding women":
            # two words of one kind before the noun they describe
            skipped += 1
            i += 1
            continue
        if low in STOP_WORDS or not word[0].isalpha():
            return None, end, origin
        skipped += 1
        i += 1
    return None, mention.end, origin


# words that open a figure: "wounded at least 4", "wounded some 30"
_FIGURE_LEADS: Final = frozenset(
    {"at", "about", "some", "more", "over", "nearly", "almost", "around", "up", "dozens",
     "hundreds", "thousands", "an", "a", "one", "two", "three", "four", "five", "six", "seven",
     "eight", "nine", "ten", "several", "scores"}
)  # fmt: skip
_FIRST_WORD: Final = re.compile(r"\s*[A-Za-zÀ-ÿ’']")
_OF_THEM: Final = re.compile(r"\s+of\s+(?:them|whom)\b(?P<be>\s*(?:(?:were|are|was|being)\s+)?)")
_FATAL_PART: Final = re.compile(
    r"(?:proved\s+|have\s+been\s+|had\s+been\s+)?(?:fatal|resulted\s+in\s+death)\b"
)
# "Goma, a lakeside city of about 2 million people": a place's people, in apposition
_APPOSITION_OF: Final = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|camp|district|province|island"
    r"|region|country|port|capital|municipality|settlement|neighbou?rhood|suburb|territory)\s+"
    r"of\s+$"
    r"|\bpopulation\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3},\s+$"
)
_POPULATION_OF: Final = re.compile(
    r"\b(?:population|city|town|village|camp|area|district|governorate|province|island|kingdom"
    r"|country|nation|region|state|community|port|capital|municipality|settlement|neighbou?rhood"
    r"|suburb|territory|enclave|strip|county|archipelago|valley|metropolis)\s+"
    r"(?:of|was|is|stands\s+at)\s+$"
)
_REGISTERED: Final = re.compile(r"\bregist(?:ered|ering|ers)\b", re.IGNORECASE)
_SHARE_OF_PLACE: Final = re.compile(
    r"\b(?:most|many|much|half|all|some|part|parts|share|proportion|third|thirds|quarter"
    r"|quarters|majority|minority)\s+of\s+(?:(?:the\s+)?(?:[a-z]+|[A-Z][\w-]*)['’]s|its|their)\s+"
    rf"{_APPROX_LEAD}$"
)
# "the island's 22 million people", "Gaza's 2.3 million residents"
_PLACE_POSSESSIVE: Final = re.compile(r"(?:\b[a-z]+|[A-Z][\w-]*)['’]s\s+$")
_CROSS_BORDER: Final = re.compile(
    r"\b(?:to|into|in)\s+(?:neighbou?ring|other)\s+countr|\babroad\b|\bacross\s+(?:the\s+)?borders?\b"
)
_RISEN_TO: Final = re.compile(
    r"\b(?:rose|risen|rises|reached|climbed|increased|jumped|stands|stood)\s+(?:to\s+|at\s+)?$"
    r"|\b(?:remain|remains|remained)\s+at\s+$"
    r"|\b(?:doubled|tripled|grown|grew|fallen|fell|dropped|declined)\b[^.;:]{0,30}\s+to\s+$"
)
# "up from about 47,000", "compared with 4,000 in December": the same count at another time
_COMPARED_WITH: Final = re.compile(
    r"\b(?:up|down)\s+from\s+(?:\w+\s+){0,2}?$|\bcompare[sd]?\s+(?:with|to)\s+(?:\w+\s+){0,2}?$"
    r"|\bfrom\s+$"
    # "had risen to 231, and on Monday to 276": the same count, a day later
    r"|\d,?\s+and\s+(?:on|by|in)\s+(?:[A-Z][a-z]+|\d\d?\s+[A-Z][a-z]+)(?:\s+[a-z]+)?\s+to\s+$"
)
_OWN_WORD_AFTER: Final = re.compile(r"[ \t]+([A-Za-z]+)\b")
_BODIES_OF: Final = re.compile(r"\b(?:bodies|remains|deaths)\s+of\s+$")
_TOLL: Final = re.compile(
    r"(?:rose|risen|rises|rising|reached|climbed|increased|jumped|stands|stood|hit|to|at|is|was|of"
    r"|number|numbered|totalled|totaled)\s*$"
)
_INTO: Final = re.compile(
    r"(?:\s+(?!(?:as|when|while|after|before|because|and|but)\b)[\w'’-]+){0,4}?\s+"
    r"(?:into|(?<=refuge )in)\s+((?:[A-Z][\w'’-]+\s*){1,3})"
)


_FLED: Final = frozenset({"fled", "have fled", "has fled", "had fled", "fleeing"})
_COUNTRY_AFTER: Final = re.compile(r"\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*){1,3})")


def _fled_country(text: str, gaz: Gazetteer, lo: int, hi: int) -> bool:
    """Whether a flight at ``lo`` leaves a country named as such ("have fled Ukraine"), not
    a town or region of it ("fled Kharkiv", "fled Syria's Idlib")."""
    named = _COUNTRY_AFTER.match(text, lo, hi)
    if named is None:
        return False
    phrase = named.group(1).strip()
    found = gaz.exact(phrase)
    # "fled Guatemala City", "fled Syria's Idlib": a city or a region, not the country
    return found is not None and found[1] == "country" and not phrase.endswith(("'s", "’s"))


def _into_country(text: str, gaz: Gazetteer, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` says "into" a country: a flight that crosses a border."""
    into = _INTO.match(text, lo, hi)
    if into is None:
        return False
    words = into.group(1).split()
    for n in range(len(words), 0, -1):
        # "into Niger's Maradi region": Niger, whose region it is
        found = gaz.lookup(" ".join(words[:n]).removesuffix("'s").removesuffix("’s"))
        if found is not None:
            return found[1] == "country"
    return False


_CASUALTY_METRICS: Final = frozenset({"killed", "injured", "missing"})
_RELEASE: Final = frozenset({"escaped", "freeing", "freed", "released"})
_MOVING: Final = re.compile(r"(?:arriv|cross)")


_AMONG_THE: Final = re.compile(
    r"[^.;:!?\d]*?\bwere\s+among\s+the\s+(dead|killed|injured|wounded)\b"
)
_LIST_ITEM_IN: Final = re.compile(rf"(?:,|\band)\s+{_LEAD_IN}$")
_IN_PLACE_AFTER: Final = re.compile(r"\s+(?:in|into|to|from)\s+(?:the\s+)?[A-Z]")
_PLACE_ITEM_BEFORE: Final = re.compile(
    r"(?:(?:,|;|\band|\bfollowed\s+by|\bwith|\bin)\s+(?:the\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:of\s+the\s+|of\s+|and\s+|-\s*)?[A-Z][\w'’.-]*){0,5}\s+(?:city\s+)?"
    r"(?:accounting\s+for\s+|with\s+|for\s+|[:–—]\s+|\(\s*)?"
    r"|\b(?:share|number|group)(?:\s+of\s+[a-z]+)?,\s+"
    # "distributed as follows: province of Pisco, 337; province of Chincha, 96"
    r"|[;:]\s+(?:(?:province|region|district|department|state|county|governorate|municipality)s?"
    r"\s+of\s+)?[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){0,4}(?:\s+\([^()]{1,40}\))?,\s+)$"
)


def _item_by_place(text: str, mention: Mention) -> bool:
    """Whether the figure follows a place as the next item of a list by place ("…,
    Khyber Pakhtunkhwa for 300", "followed by Guatemala with 339,000", "North Lombok (")."""
    return _PLACE_ITEM_BEFORE.search(text, max(0, mention.start - 70), mention.start) is not None


def _list_by_division(
    text: str, lex: Lexicon, mention: Mention, named: _Places, origin: str | None
) -> _Counted | None:
    """What a list by place counts, when the figure follows a place of it and the sentence
    opens the list with what it counts and by what division: "Registered IDPs by oblast include
    Donetsk (government-controlled area) 438,527, Kharkiv 168,034"."""
    start = max(0, mention.start - 600)
    start = max(
        start,
        _last_full_stop(text, start, mention.start) + 1,
        text.rfind("\n", start, mention.start) + 1,
    )
    by = (
        _last(_BY_DIVISION.pattern, text[start : mention.start])
        if _BY_DIVISION.holds(text, start, mention.start)
        else None
    )
    if by is None and start > 0 and text[start - 1] == "\n":
        # "3. Deaths by municipality" on the line above "Ilhota 26 | Blumenau 24 | ...": a
        # heading that ends on its division opens the list below it
        above = max(text.rfind("\n", max(0, start - 200), start - 1) + 1, start - 200, 0)
        heading = (
            _last(_BY_DIVISION.pattern, text[above:start])
            if _BY_DIVISION.holds(text, above, start)
            else None
        )
        # (a line that ends in a colon introduces its rows as labels do: left to them)
        if heading is not None and above + heading.end() == start and ":" not in heading.group():
            start, by = above, heading
    if by is None or "origin" in by.group().lower():
        return None  # "Refugees by country of origin: Sudan 610,000": where they came from
    by_start, list_start = start + by.start(), start + by.end()
    i = bisect.bisect_left(named.starts, max(start, mention.start - 80))
    if not any(
        _PLACE_TO_FIGURE.fullmatch(text, p.end, mention.start)
        for p in named.found[i : bisect.bisect_left(named.starts, mention.start)]
    ) and not (
        _ITEM_NAME_BEFORE.search(text, list_start, mention.start)
        or _FIRST_ITEM_NAME.fullmatch(text, list_start, mention.start)
    ):
        # a place the gazetteer does not know, named as an item of the list: "Reported
        # fatalities by region: Banadir 128; Hiraan 71; all other regions 18"
        return None
    # the list runs from the heading to the figure: places and figures, no verb of its own
    if _verbs(text, lex, list_start, mention.start):
        return None
    if not text[start:by_start].strip() and start > 0:
        # "RESETTLEMENT DEPARTURES, JANUARY–NOVEMBER 2019 / By country of asylum: Tanzania
        # 1,410; ...": a list that opens on its division counts what the heading above says
        line_end = start - 1
        for _ in range(4):
            above = max(text.rfind("\n", max(0, line_end - 300), line_end) + 1, line_end - 300, 0)
            if _HEADING_ABOVE.fullmatch(text, above, line_end):
                start = above
                break
            if not text.startswith("By ", above):
                break
            line_end = above - 1  # past "By country of asylum: ..." over "By country of ..."
    nouns = [
        (m.start(), m.end(), noun)
        for m in _WORD.finditer(text, start, by_start)
        if (noun := lex.nouns.get(m.group().lower())) is not None
    ]
    # "Children killed by governorate": the group and unit of the noun the heading counts
    group = next((n.group for _s, _e, n in reversed(nouns) if n.group != "all"), "all")
    unit = next((n.unit for _s, _e, n in reversed(nouns)), "person")
    counted = [v for v in _verbs(text, lex, start, by_start) if lex.verb_metric[v[2]][0] != "other"]
    if len({lex.verb_metric[v[2]][0] for v in counted}) > 1:
        return None  # "Deaths and injuries by district": which of the two, no item says
    if counted:
        metric, kind = lex.verb_metric[counted[-1][2]]
    elif named_nouns := [n for _s, _e, n in nouns if n.metric]:
        metric = named_nouns[-1].metric
        kind = METRICS[metric].default_kind
    else:
        return None
    if metric == "facilities_damaged" and not lex.damage.search(text, start, by_start):
        metric = "other"  # "Health facilities by governorate": places counted, not damage
    note = "an item of a list by place: counts what the sentence opening it counts"
    return _Counted(metric, group, unit, kind, None, origin, [note])


# a label that names damage done: "Damage", "3. Damage to public facilities", "Damage recorded
# so far"; not "Damage assessment teams deployed", "Schools with no damage reported"
_DAMAGE_LABEL: Final = re.compile(
    r"[ \t]*(?:[-–—•*·][ \t]+)?(?:\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)?(?i:damages?|destruction)"
    r"(?:[ \t]+(?:to|of|in|recorded|reported)\b(?![^:\n]*\bassess)[^:\n]*)?[ \t]*"
)
# a heading in capitals on the line above a list
_HEADING_ABOVE: Final = re.compile(r"[^a-z\n]{3,120}")
# "Tanzania 45,000 tents": a plural noun of its own after the figure
_NOUN_AFTER_ITEM: Final = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?!(?:is|was|has|as|this|its|thus|plus|less|us|does)\b)[a-z-]+[a-z]s\b"
)
_OF_THE_WORD: Final = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s+[\w-]+")
_OF_THE_AFTER: Final = re.compile(
    r"\s+of\s+(?:the|its|their|these|those|our|his|her|your)\s+(?:[\w-]+['’]s?\s+)?"
)
_TO_BEFORE: Final = re.compile(
    r"(?:\bto|\bpast|\b(?:stands?|stood|remains?|remained|peaked|peaks|puts?(?:\s+[\w-]+){1,9})"
    r"\s+at)\s+"
    rf"{_LEAD_IN}$"
)
# "the IDP population rose by 1,994": a count grown by the figure, which counts the newcomers
_GREW_BY: Final = (
    r"\b(?:rose|risen|rises|increased|increases|jumped|climbed|grew|grown|went\s+up|gone\s+up)"
    r"\s+by\s+"
)
_GREW_BY_BEFORE: Final = Worded(re.compile(rf"{_GREW_BY}{_LEAD_IN}$", re.IGNORECASE), ("by",))
_FELL_BY_BEFORE: Final = re.compile(
    rf"\b(?:fell|fallen|falls|dropped|drops|decreased|declined|went\s+down|gone\s+down)\s+by\s+"
    rf"{_LEAD_IN}$",
    re.IGNORECASE,
)
# "of the 1,500", "of the city's 15", "of 2000": the words between a part and its whole
_OF_WHOLE: Final = (
    r"\s+of\s+(?:(?:the|its|their|these|those|our)\s+)?(?:[A-Za-z-]+['’]s\s+)?"
    r"(?:(?:some|about|around|nearly|almost)\s+)?"
)
_OF_WHOLE_AFTER: Final = re.compile(
    rf"{_OF_WHOLE}(?P<whole>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\d.,]\d)"
)
_HEAD_ENDS: Final = re.compile(r"[^.;:!?,\n\d]{0,60},")
_RATE_BASE: Final = re.compile(r"10|100|1,?000|10,?000|100,?000")
_PART_OF_WHOLE_BEFORE: Final = Worded(
    re.compile(
        r"(?:(?<![\w,.])\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        rf"|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?){_OF_WHOLE}$",
        re.IGNORECASE,
    ),
    ("of",),
)
_WHERE_BEFORE: Final = re.compile(r"\bwhere\s+(?:[\w,-]+\s+){0,3}$")
_LIVED_AFTER: Final = re.compile(r"\s+(?:lived|live|lives|resided|reside|used\s+to\s+live)\b")
# "4,000 people were at the station when the rockets struck": who was there, a population
_THERE_WHEN: Final = re.compile(
    r"\s+(?:were|was)\s+(?:still\s+)?(?:at|in|on|inside)\s+(?:(?:the|a|an)\s+)?"
    # a place, not a state: not "at risk", "in custody", "in a coma", "in hospital"
    r"(?!(?:risk|danger|need|custody|detention|coma|hiding|hospital|critical|serious|shock"
    r"|pain|fear|trouble|debt|prison|jail|care)\b)"
    r"[^.;:!?\n]{1,60}?\bwhen\b"
)
# "a farming town near the border with some 40,000 residents"
_PLACE_WITH_BEFORE: Final = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|island|community"
    r"|district|neighbou?rhood|area|municipality|region|province|capital|port|suburb|quarter)\b"
    r"[^.;:!?\n\d]{0,60}?\bwith\s+"
    rf"{_APPROX_LEAD}$",
    re.IGNORECASE,
)
_CARRYING_BEFORE: Final = re.compile(
    r"\b(?:boat|vessel|ship|dinghy|raft|canoe|bus|truck|lorry|plane|aircraft|ferry|train)s?"
    r"\s+(?:(?:was|were)\s+)?carrying\s+$",
    re.IGNORECASE,
)
# "were in Crisis (IPC Phase 3) or worse", "are projected to be in Emergency (IPC Phase 4)"
_IN_IPC_PHASE: Final = re.compile(
    r"(?:\s+[—–]\s[^—–\n]{1,80}\s[—–])?"  # past an aside: "– about 42 per cent of the population –"
    r"\s+(?:(?:are|were|is|was|remain(?:ed)?)\s+)?(?:(?:still|now|projected\s+to\s+be|expected"
    r"\s+to\s+be|estimated\s+to\s+be)\s+)?in\s+(?:Crisis|Emergency|Catastrophe|Famine)"
    r"[^.;\n]{0,40}?\(IPC\s+Phases?\s+[3-5]"
)
# "rose by 1,994 to 66,913": the count the change reached, as it stands
_GREW_BY_TO_BEFORE: Final = re.compile(
    rf"{_GREW_BY}(?:[^,;:]|,(?=\d)){{1,40}}?\s+to\s+{_LEAD_IN}$", re.IGNORECASE
)
# "the cumulative number of cases is 2,713": the number, the toll or the count as the subject
_NUMBER_IS_BEFORE: Final = Worded(
    re.compile(
        r"\b(?:number|toll|tally|count|total)\s+of\s+[\w -]{1,40}?\s+(?:is|was)(?:\s+now)?\s+$",
        re.IGNORECASE,
    ),
    ("number", "toll", "tally", "count", "total"),
)
_NUMBER_OF: Final = re.compile(
    r"\b(?:number|toll|tally|count|list|population)(?:\s+of)?\s+", re.IGNORECASE
)
_WORD_BEFORE: Final = re.compile(r"([A-Za-z]+)\s+$")
_OF_NOUN: Final = re.compile(r"population\s+of\s+([A-Za-z]+)", re.IGNORECASE)


def _noun_after_of(text: str, at: int) -> tuple[str, ...]:
    """The noun after "population of" ("the population of IDPs"), lower-cased, if any."""
    m = _OF_NOUN.match(text, at)
    return (m.group(1).lower().rstrip("s") + "s",) if m else ()


_NUMBER_OF_COMMA: Final = re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+$")


_ABBREVIATED: Final = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|St|Mr|Dr|Gen|Lt|Col|U\.S|U\.N|ind)$"
)


def _last_full_stop(text: str, start: int, end: int) -> int:
    """Where the last ". " in ``text[start:end]`` is, past abbreviations ("since Oct. 7")."""
    at = text.rfind(". ", start, end)
    while at >= 0 and _ABBREVIATED.search(text, max(start, at - 5), at):
        at = text.rfind(". ", start, at)
    return at


def _number_of(text: str, lex: Lexicon, position: int) -> tuple[int, int, str] | None:
    """What "the number of ..." counts, when its figure comes at the end of a long sentence:
    "the number of deaths from the fire that broke out ... (Qaraqosh) ... has risen to 107"."""
    start = max(0, position - 250)
    cut = max(
        _last_full_stop(text, start, position),
        *(
            text.rfind(mark, start, position)
            for mark in (";", "\n", ", while", ", but", ", whereas", ", although")
        ),
    )
    found = _last(_NUMBER_OF, text[max(start, cut + 1) : position])
    if found is None:
        return None
    if found.group().lower().startswith("toll"):
        # "the death toll from two landslides rose to 229": a toll counts the dead
        return (position, position, "deaths")
    if found.group().lower().startswith("population"):
        # "whose population has almost doubled in a year to an estimated 170,000"; but "the
        # refugee population has grown to", "the population of IDPs": who the population is
        found_at = max(start, cut + 1) + found.start()
        if position - found_at > 120:
            return None
        before = _WORD_BEFORE.search(text, max(0, found_at - 20), found_at)
        of_whom = _verbs(text, lex, found_at, min(position, found_at + 40))
        named = [
            (found_at, found_at, w)
            for w in (before.group(1).lower() if before else "", *_noun_after_of(text, found_at))
            if w in lex.nouns and lex.nouns[w].metric
        ]
        if named:
            return named[0]
        if of_whom and lex.verb_metric[of_whom[0][2]][0] != "other":
            return of_whom[0]
        return (position, position, "living")
    lo = max(start, cut + 1) + found.end()
    hi = min(position, lo + 40)
    verbs = [v for v in _verbs(text, lex, lo, hi) if lex.verb_metric[v[2]][0] != "other"]
    if verbs:
        return verbs[0]
    for word in _WORD.finditer(text, lo, hi):
        noun = lex.nouns.get(word.group().lower())
        if noun is not None and noun.metric:
            return (word.start(), word.end(), word.group().lower())
    return None


_UNNAMED: Final = "counts a thing the vocabulary does not name"
# "280 people a day", "1,000 a day in March"; not "17,674 a day earlier"
_PER_DAY: Final = re.compile(
    r"\s+(?:a|per|each)\s+day\b"
    r"(?!\s+(?:earlier|later|before|after|ago|into|ahead|prior|since|of|when|and\s+night)\b)",
    re.IGNORECASE,
)
_COPULA_AFTER: Final = re.compile(r"\s+(?:are|were)\s+")
_HELD_BEFORE: Final = re.compile(
    rf"\b(?:hold|holds|held|holding)\s+{_APPROX_LEAD}$",
    re.IGNORECASE,
)
_DETENTION_PLACE: Final = re.compile(r"\b(?:detention|prisons?|jails?|custody)\b", re.IGNORECASE)
_IN_USE_OR_STANDING: Final = re.compile(
    r"[^.;:!?\n]{0,30}?\b(?:are|is|were|remain|remained|have|has)\s+(?:still\s+|now\s+|being\s+)*"
    r"(?:standing|used\s+as|closed|shut|functional|functioning|operational|open|suspended)\b",
    re.IGNORECASE,
)
# a line "Label: " or "Label — " up to the figure, with nothing after the separator but a qualifier
_ON_LABEL_LINE: Final = re.compile(
    r"[^\n:]{2,100}(?::|\s[—–])\s*"
    # past the cells before it: "Ratnapura: 104 centres | 5,980 HH | "
    r"(?:[^\n|: \t][^\n|:]{0,39}[ \t]\|[ \t]+)*"
    r"(?:(?:about|some|over|nearly|almost|approximately)\s+)?$"
)
_DEATH_BEFORE: Final = re.compile(
    r"\b(?:bodies|remains|names|buried|identified|named)\b(?:\s+[a-z]+){0,3}?\s+$", re.IGNORECASE
)
_DEATH_AFTER: Final = re.compile(
    r"\s+(?:(?:have|has|had)\s+been\s+|were\s+|was\s+)?(?:identified|buried|named)\b"
    r"|\s+(?:(?:have|has|had)\s+been|were|was)\s+recovered\b"
    r"|\s+recovered\s+(?:so\s+far|from\s+the\s+(?:rubble|water|river|sea|debris|mud))\b"
    r"|\s+(?:by\s+name)\b"
)
_IDENTIFIED_AFTER: Final = re.compile(
    r"\s+(?:(?:have|has|had)\s+(?:so\s+far\s+|now\s+)?been\s+|(?:are|were|remain)\s+(?:still\s+)?"
    r"|(?:have|has)\s+yet\s+to\s+be\s+)(?:identified|unidentified)\b"
)
_BODIES_HEAD: Final = re.compile(
    r"\b(?:Of|Among)\s+(?:the|these|those)\s+(?:\d[\d,.]*\s+)?"
    r"(?:bodies|dead|victims\s+(?:(?:have\s+been\s+)?recovered|found|retrieved))\b[^.;:!?\n]*$"
)
_NOT_COUNTED: Final = frozenset(w.lower() for w in _data_lines("extract_not_counted.txt"))
# up to three lower-case words after a number, the last a plural noun: "cholera treatment centres"
_THING_AFTER: Final = re.compile(
    r"\s+(?:[a-z][a-z-]*\s+){0,2}?(?P<noun>[a-z][a-z-]*[a-z]s)\b(?![-'’])"
)
# "Table 2 lists", "Camp 4 suffers", "Zone 3 receives": a number that names, not counts
_LABEL_WORD_BEFORE: Final = re.compile(
    rf"\b{_phrases('extract_label_words.txt')}\s+(?:No\.?\s*)?$", re.IGNORECASE
)
# "the two figures", "its 36 hospitals": things named, not counted
# "the two storms", "the three deadly earthquakes"
_STATE: Final = ("other", "stock")  # "in a critical condition", "remain in hospital"
_EVENT_NOUN_AFTER: Final = re.compile(r"\s+(?P<noun>[a-z-]+)\b(?:\s+(?P<next>[a-z-]+)\b)?")
_DEFINITE_BEFORE: Final = re.compile(r"\b(?:the|these|those|its|their|his|her|our)\s+$", re.I)
_INCLUDING_BEFORE: Final = re.compile(
    rf"\b(?:including|among\s+them|among\s+whom|of\s+which|of\s+whom)\s+{_LEAD_IN}$"
)
# "the dead included 35 children", "among the injured were 12 women": the whole is a noun
_NOUN_INCLUDED: Final = re.compile(
    r"\b(?:the\s+)?(?P<noun>[a-z]+)\s+(?:included|include|includes|including)\s+"
    r"(?:[^.;:!?\n\d]{0,40}\s(?:and|as\s+well\s+as)\s+)?"
    r"(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|over\s+)?$"
    r"|\bamong\s+the\s+(?P<among>[a-z]+)\s+(?:were|are)\s+$",
    re.IGNORECASE,
)


def _whole_of_part(
    text: str,
    mention: Mention,
    noun_end: int,
    lex: Lexicon,
    previous: _Counted | None,
    unit: str,
    window: tuple[int, int],
) -> _Counted | None:
    """The whole that a figure of a group is a part of, when the words around say so:
    "1,036 trauma patients were referred, including 274 children" (the figure before it);
    "the dead included 35 children" (a counted noun). None when the part has its own verb."""
    lo, hi = window
    stop = _CLAUSE_STOP.search(text, noun_end, min(hi, noun_end + 60))
    own = [
        v
        for v in _verbs(text, lex, noun_end, stop.start() if stop else min(hi, noun_end + 60))
        if lex.verb_metric[v[2]][0] not in _THING_METRICS
    ]
    if own:
        return None  # "including 40 children who later died": the part says what it counts
    named = _NOUN_INCLUDED.search(text, max(lo, mention.start - 80), mention.start)
    if named is not None:
        noun = lex.nouns.get((named.group("noun") or named.group("among")).lower())
        # people are a part of people: not "The camps include 12,000 children"
        if noun is not None and noun.metric and noun.metric != "other" and noun.unit == "person":
            kind = METRICS[noun.metric].default_kind
            return _Counted(
                noun.metric, "all", "person", kind, None, None,
                [f"a part of the {noun.metric} the sentence names"],
            )  # fmt: skip
    if (
        previous is not None
        and previous.unit == unit
        and _INCLUDING_BEFORE.search(text, max(lo, mention.start - 30), mention.start)
    ):
        # not "93 relief camps, including 2,514 persons in 16 camps": people are no part of camps
        return _Counted(
            previous.metric, previous.group, previous.unit, previous.kind, None,
            previous.origin, ["a part of the figure before it"],
        )  # fmt: skip
    return None


# after "one child in four": the clause goes on with a verb or ends; "in 2 villages" counts places
_NOTHING_AFTER: Final = re.compile(
    r"\s*(?:[,.;:)!?]|$|(?:is|are|was|were|has|have|had|suffer|suffers|live|lives|die|dies|"
    r"under|over|below|above|aged|"
    r"faces?|needs?|remains?|go|goes|went)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Places:
    """The places a text names (not demonyms), in order, for lookups by span."""

    found: list[PlaceMatch]
    starts: list[int]

    def where(self, text: str, lo: int, hi: int) -> str | None:
        """The country of the first place ``text[lo:hi]`` says something is in ("in Homs"), not
        one it came from ("returning from Egypt")."""
        i = bisect.bisect_left(self.starts, lo)
        for p in self.found[i : bisect.bisect_left(self.starts, hi)]:
            before = text[max(lo, p.start - 30) : p.start]
            if _IN_PLACE_BEFORE.search(before) and not _FROM_BEFORE.search(before):
                return p.code[:2]
        return None

    def abroad(self, origin: str, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` names a place outside the country ``origin``."""
        i = bisect.bisect_left(self.starts, lo)
        return any(
            p.code[:2] != origin for p in self.found[i : bisect.bisect_left(self.starts, hi)]
        )


def _small(mention: Mention, text: str) -> bool:
    """Whether the figure is small enough to be the first term of a ratio ("two in five")."""
    estimate = mention.estimate(text)
    return estimate is None or estimate.value is None or estimate.value <= 20


_IN_PLACE_BEFORE: Final = re.compile(r"\b(?:in|at)\s+(?:[\w-]+\s+){0,4}$")
_FROM_BEFORE: Final = re.compile(r"\b(?:from|fled|left)\s+(?:[\w-]+\s+){0,4}$")
_WHEREABOUTS: Final = re.compile(r"\bwhereabouts\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?$", re.I)
_UNKNOWN: Final = re.compile(r"\b(?:unknown|not\s+known|unaccounted|unclear)\b", re.IGNORECASE)
_WERE_BEFORE: Final = re.compile(r"\b(?:were|are)\s+(?:still\s+)?$")
# number words of the vocabulary (number_words.csv), longest first, without articles
_NUMBER_WORDS: Final = "|".join(
    sorted(
        (
            r["word"]
            for r in read_data_csv("number_words.csv")
            if r["kind"] in {"unit", "tens"} and r["word"] not in {"a", "an", "zero"}
        ),
        key=len,
        reverse=True,
    )
)
# the words of numbers, scales and vague quantities (number_words.csv, scales.csv, vague.csv),
# which count nothing themselves: "dozens", "thousands", "lakhs"
_NUMBER_TOKENS: Final = frozenset(
    token
    for name in ("number_words.csv", "scales.csv", "vague.csv")
    for row in read_data_csv(name)
    for token in row["word"].lower().split()
)
_IN_SITES: Final = re.compile(
    r"\s+in\s+(?:some\s+|about\s+|more\s+than\s+|over\s+)?(?:\d[\d,.]*|dozens\s+of|hundreds\s+of"
    rf"|{_NUMBER_WORDS})\s+(?:sites|camps|{_phrases('extract_displacement_settings.txt')})\b"
    # not "3,000 people in 12 camps were vaccinated": aid's reach
    r"(?![^.;:!?\n]{0,40}\b(?:received|receive|reached|vaccinated|treated|fell\s+ill)\b)",
    re.IGNORECASE,
)
# "2,300+ people in public shelters", "59,000 people remained in 305 camps", "1,000 people
# spent Wednesday night in shelters": people where the displaced stay
_SHELTERED_AFTER: Final = re.compile(
    # past a restatement in brackets: "101,300 people (24,450 households) were living in"
    r"(?:(?:\s*\([^()\n]{1,40}\))?\+?\s+(?:(?:were|are|remain|remained|stayed|still|now|currently|living|staying|"
    r"sheltering|sleeping|sleep|sleeps|slept|stranded|hiding|spent\s+(?:[\w-]+\s+){0,2}?nights?)\s+)*"
    r"(?:in|at|on|along)\s+(?:(?:the|some|about|more\s+than|over|\d[\d,]*)\s+){0,2}"
    r"(?:(?:public|temporary|informal|makeshift|spontaneous|collective|emergency|official)\s+)?"
    # "sleep in rows of army tents"
    r"(?:rows\s+of\s+(?:[a-z-]+\s+)?)?"
    rf"(?:{_phrases('extract_displacement_settings.txt')}|camps|sites)\b"
    # "spent a second night outdoors", "slept in the open"
    r"|\+?\s+(?:(?:were|are|remain|remained|still|now)\s+)*(?:sleeping|sleep|slept|spent"
    r"(?:\s+[\w-]+){0,3}?\s+nights?)\s+(?:outdoors|outside|in\s+the\s+open)\b)"
    # not "people in the camps have received cholera vaccines": aid's reach
    r"(?![^.;:!?\n]{0,40}\b(?:received|receive|reached|vaccinated|treated|fell\s+ill)\b)",
    re.IGNORECASE,
)
_HAVE_BEEN: Final = re.compile(r"\b(?:have|has|had)\s+been\s+$")
_STOCK_BEFORE: Final = re.compile(
    r"\b(?:are|is|remain|remains|remained|still|now|currently|were living|living)\s+"
    r"(?:(?:now|still|currently|internally)\s+)*$"
)


def _past_brackets(
    text: str, lex: Lexicon, noun_end: int, next_start: int, hi: int
) -> tuple[int, int]:
    """The end of the words that may hold a figure's verb and where the next figure starts,
    past a figure in brackets right after the counted noun, which ends the clause: "29,753
    ind. (6,920 HH) displaced from Palma" keeps its verb."""
    bracket = _BRACKETED_FIGURE.match(text, noun_end)
    if (
        bracket is None
        or bracket.start("figure") != next_start
        or _verbs(text, lex, *bracket.span())
    ):
        # "1,500 people (300 injured) arrived": the verb in the brackets is the bracket's own
        return hi, next_start
    stop = _CLAUSE_END.search(text, bracket.end(), bracket.end() + 160)
    end = stop.start() if stop is not None else min(len(text), bracket.end() + 160)
    following = _DIGIT.search(text, bracket.end(), end)
    return end, following.start() if following is not None else end


_BRACKETED_FIGURE: Final = re.compile(r"\.?\s*\((?P<figure>)[^()\n]{1,40}\)")
_DIGIT: Final = re.compile(r"\d")
_CLAUSE_END: Final = re.compile(r"[.;:!?\n]")


def _predicate(
    text: str, lex: Lexicon, mention: Mention, noun_end: int, lo: int, hi: int, next_start: int
) -> tuple[int, int, str] | None:
    """The verb that says what happened to what is counted.

    First the predicate after the counted noun and before the next number ("818 people
    died and 1,034 were injured"), else the nearest verb before the number ("killing 45
    people, including 11 women"), else any later verb of the clause.
    """
    if _BODIES_OF.search(text, max(lo, mention.start - 20), mention.start):
        return (mention.start, mention.start, "deaths")  # "the deaths of seven injured people"
    if _FORCED_BEFORE.search(text, max(lo, mention.start - 30), mention.start) and _OUT_OF.match(
        text, noun_end
    ):
        return (mention.start, mention.start, "displaced")  # "forced some 60,000 people out of"
    inside = _verbs(text, lex, mention.end, noun_end)
    if inside and inside[-1][2] in _ADJECTIVAL_STATES:
        # "12,500 displaced people returned to their villages": what happened to them is the
        # figure, the adjective only says who they are
        event = [
            v
            for v in _verbs(text, lex, noun_end, min(hi, next_start, noun_end + 60))
            if lex.verb_metric[v[2]][0]
            in {"returnees", "killed", "injured", "missing", "detained", "in_need"}
        ]
        if event:
            return event[0]
    if len(inside) > 1 and _AND_OR.fullmatch(text, inside[-2][1], inside[-1][0]):
        # "12,000 displaced or returning families": the first word says what they are
        return inside[-2]
    if inside:
        return inside[-1]  # "injured people", "wounded civilians"
    adjacent = _verbs(text, lex, max(lo, mention.start - 14), mention.start)
    if (
        adjacent
        and not text[adjacent[-1][1] : mention.start].strip(
            " " if adjacent[-1][2] in lex.nouns else " ,"
        )
        # not "286 missing, 9,800 households displaced": the word after a figure and a comma
        # says what the figure before counts
        and not (
            "," in text[adjacent[-1][1] : mention.start]
            and _FIGURE_BEFORE.search(text, max(0, adjacent[-1][0] - 12), adjacent[-1][0])
        )
    ):
        # "killed 26 people", "killing at least 30"; but in "2,256 deaths, 1,309 people
        # missing" the noun before the comma counts the figure before it
        if lex.verb_metric[adjacent[-1][2]][0] == "other":
            # "treated more than 160 people for burns": what they were treated for says more
            said = _harm_said(text, lex, noun_end, min(hi, next_start), {"injured", "killed"})
            if said is not None:
                return said
        return adjacent[-1]
    given = _verbs(text, lex, max(lo, mention.start - 40), mention.start)
    if (
        given
        and lex.verb_metric[given[-1][2]][0] == "other"
        and _GIVEN_TO.match(text, given[-1][1], mention.start)
    ):
        return given[-1]  # "provided hot meals to 152,000 people"
    noun_end, next_start = _past_restatement(text, noun_end, next_start, hi)
    aside = _ASIDE.match(text, noun_end)
    if aside is not None and aside.end() < hi:
        # "33 civilians, most of them displaced people, were killed": the aside says who
        # they are; the predicate after it says what happened to them
        noun_end = aside.end()
    after = [
        v
        for v in _verbs(text, lex, noun_end, next_start if noun_end > hi else min(hi, next_start))
        if not (v[2] == "affected" and _ADJECTIVAL.match(text, v[1]))
        # "the killing of 321 civilians and the abduction of 250 others": a noun with "of"
        # names what the figure after it counts
        and not v[2].endswith(" of")
    ]
    if (
        len(after) > 1
        and after[0][2] in _ON_BOARD
        and lex.verb_metric[after[1][2]][0] in _CASUALTY_METRICS
        and _SHORT_GAP.fullmatch(text, after[0][1], after[1][0])
    ):
        # "25 people on board drowned": where they were says who they are, the verb after it
        # what happened to them
        return after[1]
    if after:
        return _treated_for(text, lex, after[0], min(hi, next_start))
    # "After the abduction of the schoolgirls, 5,000 pupils ...": a noun with "of" names
    # its own object, not a figure elsewhere in the clause
    before = [
        v
        for v in _verbs(text, lex, lo, mention.start)
        if not v[2].endswith(" of") or _QUALIFIER_GAP.fullmatch(text, v[1], mention.start)
    ]
    if before:
        return before[-1]
    later = [v for v in _verbs(text, lex, noun_end, hi) if not v[2].endswith(" of")]
    return later[0] if later else None


def _treated_for(
    text: str, lex: Lexicon, verb: tuple[int, int, str], hi: int
) -> tuple[int, int, str]:
    """What people were treated for, when it says more than the treating: "68 civilians had
    been treated for injuries" counts the injured; "treated for hypothermia" stays a count of
    patients."""
    if "treat" not in verb[2] or lex.verb_metric[verb[2]] != ("other", "flow"):
        return verb  # not "still being treated", "remain under treatment": patients in care
    return _harm_said(text, lex, verb[1], hi, {"injured"}) or verb


def _harm_said(
    text: str, lex: Lexicon, start: int, hi: int, metrics: set[str]
) -> tuple[int, int, str] | None:
    """The first word of harm of one of ``metrics`` within 40 characters after ``start``
    (and before ``hi``): "for burns", "for injuries"."""
    return next(
        (
            v
            for v in _verbs(text, lex, start, min(hi, start + 40))
            if lex.verb_metric[v[2]][0] in metrics
        ),
        None,
    )


def _past_restatement(text: str, noun_end: int, next_start: int, hi: int) -> tuple[int, int]:
    """Skip a parenthesis that restates the figure ("2,300 households (about 11,500 people)
    crossed"): the predicate after it is the predicate of both; returns where to look for it."""
    paren = _PAREN_AFTER.match(text, noun_end)
    if paren is None or next_start < noun_end:
        return noun_end, next_start
    if next_start >= paren.end():
        # "Some 80,000 people (most of them farmers) have been affected": an aside with no
        # figure of its own; the predicate after it, before the next figure
        return paren.end(), next_start
    # the clause may end at the parenthesis: look on to the next number or the sentence's end
    following = _NEXT_FIGURE_OR_END.search(text, paren.end(), paren.end() + 160)
    return paren.end(), following.start() if following else max(hi, paren.end())


# "25 people on board drowned": where they were, then what happened to them
_ON_BOARD: Final = frozenset({"on board", "aboard"})
_SHORT_GAP: Final = re.compile(r"\s+(?:(?:were|was|had|have|been|all|later|then)\s+){0,3}")
_PAREN_AFTER: Final = re.compile(
    r"\s*\([^()\n]{1,60}\)"
    r"|,\s+(?:among\s+them|including)\s+[^,;.()\n]{1,40},"
    r"|\s+or\s+(?:(?:about|some|around|nearly)\s+)?\d[\d,. ]*\s+(?:persons|people|individuals)\b"
)
_ASIDE: Final = re.compile(
    # ", three of them children,": an aside that counts a part of them, named by a word
    r",\s+(?:nearly\s+|almost\s+)?(?:[a-z]+(?:-[a-z]+)?|\d[\d,]*)\s+of\s+(?:them|whom)"
    r"\s+[^,;.()\n\d]{1,50},"
    r"|\s+([—–])\s[^—–\n.;:!?\d]{1,80}?\s\1"
    rf"|\s+([—–])\s{SHARE_ASIDE}\s\2"
)
_NEXT_FIGURE_OR_END: Final = re.compile(r"\d|[.;:!?\n]")


_ADJECTIVAL_STATES: Final = frozenset({"displaced", "internally displaced", "uprooted"})
_GIVEN_TO: Final = re.compile(rf"[\w\s,-]{{0,30}}\bto\s+{_LEAD_IN}$")
_LEADING_OF: Final = re.compile(r"^(?:of\s+(?:the\s+)?)")
_ARRIVALS_LABEL: Final = re.compile(r"\b(?:[Aa]rrivals?|[Ss]ince)\b")
_ARRIVALS_HEADING: Final = re.compile(r"\barrivals?\b", re.IGNORECASE)
_POPULATION_NOUN_METRICS: Final = frozenset(
    {"refugees", "idps", "returnees", "detained", "population"}
)
# people evacuated are displaced, as IDMC counts evacuations among displacements; people taken
# from rooftops or water by rescuers, the wounded taken to hospital, and visitors are not
# "airlifted more than 2,000 injured people"; "22 of the injured were flown to Quetta"
_TRANSPORTED_BEFORE: Final = re.compile(
    rf"\b{_phrases('extract_transport_words.txt')}\s+(?!out\b)(?:[a-z]+(?<!ing)\s+){{0,3}}$",
    re.IGNORECASE,
)
_TRANSPORTED_AFTER: Final = re.compile(
    r"\s+(?:were|was|have\s+been|had\s+been)\s+(?:later\s+|also\s+)?"
    rf"{_phrases('extract_transport_words.txt')}\b",
    re.IGNORECASE,
)
_EVACUATED_AFTER: Final = re.compile(
    r"\s+(?:were|was|have\s+been|had\s+been)\s+(?:later\s+|also\s+)?evacuated\b", re.I
)
_EVACUATION: Final = frozenset(
    {
        "evacuated",
        "pre-emptively evacuated",
        "rescued and evacuated",
        "rescued or evacuated",
    }
)
_RESCUE_OR_TRANSFER: Final = re.compile(
    rf"\b{_phrases('extract_rescue_words.txt')}\b", re.IGNORECASE
)
_DISPLACEMENT_WORDS: Final = re.compile(r"\b(?:IDPs?|(?:internal(?:ly)?\s+)?displace\w*)", re.I)
# where displaced people live: who lives there counts as displaced, not as the population
_IN_SETTING: Final = re.compile(
    # past an aside between dashes: "2,375 households – or 9,779 people – are in the 18 ..."
    r"(?:\s+[—–][^—–\n]{1,60}[—–](?=\s))?(?:\s+[—–])?\s+"
    r"(?:are\s+|were\s+|remain\s+|still\s+|now\s+)*(?:in|at)\s+(?:the\s+)?(?:\d[\d,]*\s+)?"
)
# "had gone to more than 4,000 cyclone shelters", "were moved to evacuation centres"
_GONE_TO_SETTING: Final = re.compile(
    r"\b(?:went|gone|go|moved|taken|brought|evacuated|fled)\s+(?:in)?to\s+(?:the\s+)?"
    r"(?:(?:more\s+than|over|some|about)\s+)?(?:[\d,]+\s+)?",
    re.IGNORECASE,
)
_SPACE: Final = re.compile(r"[ \t]+")
_MOVED_BEFORE: Final = re.compile(
    r"\b(?:moved|relocated|transferred|took|taken|brought|evacuated)\s+(?:(?:about|around|some|"
    r"nearly|almost|over|more\s+than|at\s+least|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
_TO_SETTING: Final = re.compile(r"\s+(?:in)?to\s+(?:the\s+)?(?:\d[\d,]*\s+)?")
_AMONG_ARRIVALS_WORDS: Final = (
    r"among\s+(?:the\s+|[A-Z][a-z]+['’]s\s+|this\s+week['’]s\s+)?(?:new(?:ly)?\s+|recent\s+)?"
    r"(?:arrivals|arrived|new\s+arrivals)\b"
)
_AMONG_ARRIVALS: Final = re.compile(
    rf"\s+(?:(?:were|have\s+been|had\s+been)\s+(?:identified|registered|counted)\s+)?"
    rf"{_AMONG_ARRIVALS_WORDS}",
    re.IGNORECASE,
)
_AMONG_ARRIVALS_BEFORE: Final = re.compile(
    rf"\b{_AMONG_ARRIVALS_WORDS}\s+(?:were|was|are|is)\s+(?:some\s+|about\s+)?$", re.IGNORECASE
)
_PASSED_THROUGH: Final = re.compile(
    r"\s+(?:(?:have|has|had)\s+)?(?:passed|transited|gone)\s+through\s+(?:the\s+)?"
    # not health screening: "COVID-19 screening points"
    r"(?:(?!(?i:covid|health|medical|temperature|ebola|security))[\w'’-]+\s+){0,4}?"
    r"(?:screening|registration|transit|reception)\s+"
    r"(?:site|centre|center|point|camp)s?\b"
)
_HOUSED_IN: Final = re.compile(
    r"\s+(?:(?:are|were|have\s+been|had\s+been)\s+(?:being\s+|now\s+|still\s+)?)?"
    r"(?:housed|accommodated|lodged)\s+(?:in|at)\s+(?:the\s+)?"
    r"(?:(?:more\s+than|over|some|about|around)\s+)?(?:[\d,]+\s+)?",
    re.IGNORECASE,
)
# "accommodated in 31 centres": places that shelter people, after a verb that says they do
_SHELTERING_PLACE: Final = re.compile(
    r"(?:[a-z-]+\s+){0,2}?(?:centres|centers|camps|sites|schools|churches|mosques|buildings|halls"
    r"|hotels)\b"
)
# "sheltering in 31 collective centres", "1 929 injured in 26 provinces"
_IN_AT_BEFORE: Final = re.compile(rf"\b(?:in|at|into|across|from)\s+{_APPROX_LEAD}$", re.I)
_WORD_AND_SPACE: Final = re.compile(r"[A-Za-z-]+\s+")


_SETTINGS_COUNTED_BEFORE: Final = re.compile(
    r"\b\d[\d,]*\s+(?P<words>(?:[a-z-]+\s+){0,2}[a-z-]+)\s*,\s*$"
)


# a column that counts people and says no more: "Households", "Individuals", "Persons (est.)"
_PEOPLE_COLUMN: Final = re.compile(
    r"[ \t]*(?:households|individuals|persons|people|families|population|hh|ind\.?)"
    r"(?:[ \t]*\([^()\n]*\))?[ \t]*",
    re.IGNORECASE,
)
# a title that says its table counts who lives where: "CAMP POPULATION BY BLOCK", "SITE
# POPULATION (headcount, 8 to 12 May 2017)", "Registered caseload by site"
_POPULATION_TITLE: Final = re.compile(
    r"\b(?:population|caseload|headcount|head\s+count)\b", re.IGNORECASE
)
#: how far above a table its title may be (a source line and a blank line between)
_TITLE_REACH: Final = 240


_HOUSEHOLDS_COLUMN: Final = re.compile(r"[ \t]*(?:households|families|hh)\b", re.IGNORECASE)


def _people_column_by_place(text: str, mention: Mention) -> str | None:
    """The unit of the column of a figure that counts people and nothing more ("household" or
    "person"), in a table whose title, within a few lines above it, says it counts a
    population; else None."""
    cell = table_cell(text, mention.start)
    if cell is None or cell.column == 0 or cell.header is None:
        return None
    if not _PEOPLE_COLUMN.fullmatch(text, *cell.header):
        return None
    above = max(0, cell.table_start - _TITLE_REACH)
    if _POPULATION_TITLE.search(text, above, cell.table_start) is None:
        return None
    return "household" if _HOUSEHOLDS_COLUMN.match(text, cell.header[0]) else "person"


def _line_start(text: str, position: int, reach: int = 300) -> int:
    """Where the line holding ``position`` starts, looking back at most ``reach`` characters
    (text without line breaks must not be scanned back to its start for every figure)."""
    lo = max(0, position - reach)
    return max(lo, text.rfind("\n", lo, position) + 1)


def _settings_then_people(text: str, mention: Mention, about_displaced: bool) -> bool:
    """Whether a count of places where displaced people live comes right before the
    figure, in the same line ("52 camps, 8,910 households"); plain camps and sites, in a
    text about displaced people or refugees."""
    line_start = _line_start(text, mention.start)
    before = _SETTINGS_COUNTED_BEFORE.search(
        text, max(line_start, mention.start - 40), mention.start
    )
    if before is None:
        return False
    if _CAMPS_OR_SITES.fullmatch(before.group("words")):
        # "Displacement camps by district:" over the row, or a text about displaced people
        block = max(text.rfind("\n\n", max(0, line_start - 400), line_start), line_start - 400, 0)
        return about_displaced or _DISPLACEMENT_WORD.search(text, block, line_start) is not None
    return _setting_at(text, before.start("words"))


# plain camps, sites and settlements: whose they are, the text around says
_PLAIN_SITES: Final = r"(?:camps|sites|settlements)"
_CAMPS_OR_SITES_AT: Final = re.compile(rf"(?:[\w-]+\s+){{0,2}}{_PLAIN_SITES}\b")
_DISPLACEMENT_WORD: Final = re.compile(
    r"\b(?:[Dd]isplace\w*|IDPs?|[Ee]vacuees"
    # "Relocation camps and people accommodated", "evacuation centres": camps of the displaced
    r"|(?:[Rr]elocation|[Ee]vacuation)\s+(?:camps?|sites?|centres?|centers?))\b"
)
_CAMPS_OR_SITES: Final = re.compile(rf"(?:[a-z-]+\s+)?{_PLAIN_SITES}")


def _setting_at(text: str, at: int) -> bool:
    """Whether a place where displaced people live is named at ``at``, after at most two
    words ("emergency shelters", "4,000 cyclone shelters")."""
    start = at
    for _ in range(3):
        if _DISPLACEMENT_SETTING.match(text, start) is not None:
            return True
        word = _WORD_AND_SPACE.match(text, start)
        if word is None:
            return False
        start = word.end()
    return False


# after a verb of staying, the preposition (unless the verb holds it) and the article
_IN_OR_AT: Final = re.compile(r"\s*(?:(?:in|at)\s+)?(?:the\s+)?")
_DISPLACEMENT_SETTING: Final = re.compile(
    rf"\b{_phrases('extract_displacement_settings.txt')}\b", re.IGNORECASE
)
# "displaced and living in 534 displacement sites": the state they are in now
_LIVING_NOW: Final = re.compile(r"\b(?:living|staying|sheltering|sleeping)\b", re.IGNORECASE)
_SHARE_OF_POPULATION: Final = re.compile(
    r"(?:per\s*cent|percent|%)\s+of\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w’']+\s+){0,2}?population\b",
    re.IGNORECASE,
)
# "hosts some 250,000", "hosted about 500,000", "leaves more than 200,000": a verb of holding
_DISPLACED_NEXT: Final = re.compile(r"(?:\s+(?:people|persons|families))?\s+displaced\b")
_HOLDS_BEFORE: Final = re.compile(
    rf"\b(hosts?|hosted|hosting|shelters|sheltered|sheltering|leaves?|left)\s+{_APPROX_LEAD}$",
    re.IGNORECASE,
)
# a place named between a count of things and a later verb: "85 latrines in the villages hosting"
_PREPOSITION: Final = re.compile(r"\b(?:in|at|near|around|across|inside|outside)\s", re.I)
_NEXT_WORD: Final = re.compile(r"\s+([A-Za-z]+)\b")
# "the two estimates": which ones, not how many
_WHICH_ONES: Final = frozenset({"estimates", "tolls", "sources", "reports", "counts", "accounts"})
# "a gap of more than 250,000 deaths": a difference between counts
_GAP_BEFORE: Final = re.compile(rf"\b(?:gap|difference|discrepancy)\s+of\s+{_APPROX_LEAD}$", re.I)
# "dozens of people to an apartment", "12 people per room": a ratio
_PER_EACH_AFTER: Final = re.compile(
    r"\s+(?:to\s+(?:an?|each|every|one)|per(?:\s+(?:an?|each|every|one))?)\s+(?:apartment"
    r"|room|tent|house|household|family|shelter|latrine|toilet|tap|classroom|bed)\b",
    re.IGNORECASE,
)
# "forced some 60,000 people out of the neighbourhood", "drove 3,000 families from their homes"
_FORCED_BEFORE: Final = re.compile(
    rf"\b(?:forced|forcing|forces|drove|driven|driving|drives|pushed|chased)\s+{_APPROX_LEAD}$",
    re.IGNORECASE,
)
_OUT_OF: Final = re.compile(
    r"\s+(?:out\s+of|from)\s+(?:(?:their|his|her)\s+homes?\b|(?:the\s+)?(?:city|cities|towns?"
    r"|villages?|areas?|camps?|neighbou?rhoods?|districts?|regions?)\b|[A-Z])"
)
_AND_OR: Final = re.compile(r"\s+(?:and|or)\s+")
_FIGURE_BEFORE: Final = re.compile(r"\d\s+$")
# between "the evacuation of" and its figure, at most a qualifier: "of more than 1,400"
_QUALIFIER_GAP: Final = re.compile(rf"\s*{_APPROX_LEAD}", re.IGNORECASE)
# a verb of living or staying somewhere, in any tense: "live", "remained", "staying"
_STAYS: Final = re.compile(
    r"\b(?:live|lives|living|lived|stay|stays|staying|stayed|remain|remains|remained)\b",
    re.IGNORECASE,
)
# "living in 22 camps", "remained in and around the camp", "remain in al-Hol camp", "living
# outside camps" (displaced people in host communities)
_IN_CAMPS_AFTER: Final = re.compile(
    r"\s+(?:(?:in|at|outside)\s+)?(?:and\s+around\s+)?(?:the\s+)?(?:\d[\d,]*\s+)?"
    # a camp's name before it, not a word that says what kind of centre: "al-Hol camp",
    # "Kakuma camp", not "town centres", "mining camps", "their camps"
    r"(?:(?:(?-i:[A-Z])|al-)[\w'’-]*\s+){0,2}"
    r"(?:camps?|centres|centers)\b(?!['’])",
    re.IGNORECASE,
)
# "Zamzam camp alone was home to": a camp as the subject of "home to"
_CAMP_BEFORE: Final = re.compile(r"\b(?:camps?|settlements?)\b[^.;:!?\n,]{0,40}$", re.I)
# the places that hold people, as the subject of a verb of holding
_HOLDING_PLACE: Final = r"\b(?:camps?|shelters?|sites|centres?|centers?|settlements?)\b"
# the same, one or many: where the displaced are ("Kalma camp", "Persons in relief camps")
_SETTING_NOUN: Final = r"\b(?:camps?|shelters?|sites?|centres?|centers?|settlements?)\b"
# before a camp or centre, words that make it a place people are held or treated in, not one
# they live in: "detention camp", "treatment centre"
_NOT_WHERE_PEOPLE_LIVE: Final = (
    r"(?<!detention\s)(?<!military\s)(?<!army\s)(?<!treatment\s)(?<!rehabilitation\s)"
    r"(?<!training\s)(?<!isolation\s)(?<!quarantine\s)(?<!trauma\s)"
)
# the sites themselves hold the people: "The shelters host about 189,000 people", "the camp, in
# Hasakeh, continues to host", "camps in Labutta that held about 45,000 people", "Nyakabande
# transit centre, in Kisoro district, held 3,700 people"; not "raided the camp and held 40 men"
_SETTING_HOLDS_BEFORE: Final = Worded(
    re.compile(
        rf"{_HOLDING_PLACE}[^.;:!?\n]{{0,50}}?"
        r"(?<!\band\s)\b(?:host|hosts|hosted|hosting|housed|house|houses|housing|sheltered"
        rf"|accommodated?|accommodates|accommodating)\s+{_APPROX_LEAD}$"
        rf"|{_HOLDING_PLACE}(?:[^.;:!?\n,]{{0,50}}?(?:,\s*)?\b(?:that|which)|,[^.;:!?\n,]{{1,40}},)"
        rf"\s+(?:held|hold|holds)\s+{_APPROX_LEAD}$"
        # the place as the subject right before the verb: "Kalma camp near Nyala alone holds some
        # 90,000", "The largest site, Shahrak-e-Sabz, alone held roughly 6,000 families"
        # (named, placed or "alone": "The camp held 3,700 people" may be a detention camp)
        rf"|{_NOT_WHERE_PEOPLE_LIVE}{_SETTING_NOUN}"
        r"(?:(?:[^.;:!?\n,]{0,40}?,[^.;:!?\n,]{1,40},|\s+(?:near|in|outside)\s+[A-Z][\w'’-]*"
        r"(?:\s+[A-Z][\w'’-]*){0,2})(?:\s+alone)?|\s+alone)"
        rf"\s+(?:held|holds)\s+{_APPROX_LEAD}$"
        # "The other 135 sites held 11,050 households": the rest of the sites a list counts
        rf"|\b(?:other|remaining)\s+(?:\d[\d,]*\s+)?{_SETTING_NOUN}\s+(?:held|hold|holds)\s+{_APPROX_LEAD}"
        rf"(?:\d[\d,]*\s+(?:households|families)\s+and\s+{_APPROX_LEAD})?$"
        # "the centre held about 70,000 people", "the Dadaab camps held 217,511 people": a site
        # that holds people as the verb's subject (not a stadium or a school: their capacity)
        rf"|\bthe\s+(?:[A-Z][\w'’-]*\s+){{0,2}}{_NOT_WHERE_PEOPLE_LIVE}"
        r"(?:camps?|shelters?|sites?|centres?|centers?|settlements?)"
        rf"\s+(?:(?:now|still|already|then|alone)\s+)?(?:held|holds)\s+{_APPROX_LEAD}$",
        re.IGNORECASE,
    ),
    ("hold", "held", "host", "hous", "sheltered", "accommodat"),
)
# "is now the largest centre, with between 40,000 and 50,000 people"
_SETTING_WITH_BEFORE: Final = re.compile(
    rf"(?<!health\s)(?<!medical\s)(?<!feeding\s)(?<!nutrition\s){_NOT_WHERE_PEOPLE_LIVE}"
    rf"{_SETTING_NOUN}(?:\s+[a-z-]+){{0,2}}?,\s+with\s+{_APPROX_LEAD}(?:between\s+)?$",
    re.IGNORECASE,
)
_PEOPLE_WORD: Final = re.compile(
    r"(?:people|persons|individuals|families|households|residents|idps|displaced\s+people)"
)
_OF_THE_BEFORE_VERB: Final = re.compile(r"\bof\s+the\s+$", re.IGNORECASE)
_DIED_AFTER: Final = re.compile(
    r"\s+(?:(?:have|has|had)\s+(?:since\s+)?)?(?:died|succumbed|been\s+killed)\b", re.IGNORECASE
)
_WHO_FLED: Final = re.compile(r"\s+(?:who|that)\s+(?:have\s+|had\s+)?fled\b")
_DIVISION_HOSTS: Final = re.compile(
    r"\b(?:zone|region|district|province|state|county|woreda|governorate|department"
    r"|municipality|sub-county)\s+(?:hosts|hosted|is\s+hosting|was\s+hosting)\b"
)
_HOSTING: Final = frozenset({"hosts", "are hosted", "are being hosted", "hosting"})
# words of flight: whoever crosses in such a sentence is leaving, whatever the text is about
_FLIGHT: Final = re.compile(rf"\b{_phrases('extract_flight_words.txt')}\b", re.IGNORECASE)
_CROSSING: Final = re.compile(r"\s*(?:had\s+|have\s+|has\s+)?(?:crossed|crossing|cross)\b")
_THE_BEFORE: Final = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)
_INHABITED: Final = re.compile(rf"\b{_phrases('extract_inhabited_places.txt')}$", re.IGNORECASE)
_AREA_AFTER: Final = re.compile(rf"\s+{_phrases('extract_area_nouns.txt')}\b", re.IGNORECASE)
_AREA_AFTER_ONE_WORD: Final = re.compile(
    rf"\s+[a-z-]+\s+{_phrases('extract_area_nouns.txt')}\b", re.IGNORECASE
)
# administrative divisions: "in 26 provinces", "across 18 districts"
_DIVISION_NOUNS: Final = (
    "provinces|districts|states|regions|municipalities|departments|counties|governorates|oblasts"
    "|townships|localities|communes|prefectures|divisions"
)
_DIVISIONS_AFTER: Final = re.compile(
    rf"\s+(?:[a-z-]+\s+)?(?:{_DIVISION_NOUNS}|countries|cities)\b", re.IGNORECASE
)
# "Registered IDPs by oblast include ...", "Deaths by governorate: ...": a list by place follows
_BY_DIVISION: Final = Worded(
    re.compile(
        r"\bby\s+(?:"
        + "|".join(
            f"{w[:-3]}y|{w}" if w.endswith("ies") else f"{w[:-1]}|{w}"
            for w in (*_DIVISION_NOUNS.split("|"), "countries", "cities", "camps", "sites")
        )
        + r")\b(?:/[a-z]+)?(?:\s+(?:of\s+[a-z]+|include[sd]?|were|are|was|is))*\s*:?\s+",
        re.IGNORECASE,
    ),
    ("by",),
)
# between a place and its figure in such a list: an aside, a colon or an opening bracket
_DIVISION_ITEM: Final = (
    r"(?:[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Za-z][\w'’.-]*){0,3}|(?:all\s+)?other\s+[a-z]+)"
    r"[ \t]*[:(–—]?[ \t]*"
)
_ITEM_NAME_BEFORE: Final = re.compile(rf"(?:[;,|]\s*|\band\s+){_DIVISION_ITEM}$")
_FIRST_ITEM_NAME: Final = re.compile(_DIVISION_ITEM)
_PLACE_TO_FIGURE: Final = re.compile(r"(?:\s+\([^()\n]{1,60}\))?\s*[:(–—]?\s*")
# a count of administrative divisions, whatever the verb says happened to them: how far harm
# spread, not a count of people or of things hit (cities and countries are left to the verb)
_ADMINISTRATIVE_AFTER: Final = re.compile(
    # "16 districts", "the four most affected districts"; not "103 in other regions"
    rf"[ \t\u00a0]+(?:(?!(?:in|of|from|across|at|for|to|into|with|and)\b)[a-z-]+[ \t\u00a0]+){{0,2}}"
    rf"(?:{_DIVISION_NOUNS}|sub-?districts|sub-?counties|woredas|upazilas|parishes)\b",
    re.IGNORECASE,
)
# "in 21 of the country's 22 departments": where, as a share of the divisions
_OF_ITS_DIVISIONS: Final = re.compile(
    r"\s+of\s+(?:the|its|their|the\s+country['’]s|[A-Z][\w-]*['’]s)\s+\d+"
    + _DIVISIONS_AFTER.pattern,
    re.IGNORECASE,
)
_PEOPLE_IN_SETTING: Final = re.compile(
    r"\b(?:persons|people|individuals|families|households)\s+(?:living\s+|staying\s+|sheltering\s+)?"
    rf"(?:in|at)\s+(?:[\w-]+\s+){{0,2}}{_SETTING_NOUN}",
    re.IGNORECASE,
)
# "... since 15 May (", "1,850 families (about ": a figure restated in brackets
_RESTATED_IN_BRACKETS: Final = re.compile(rf"[\w,.]\s*\(\s*{_APPROX_LEAD}$")
_CLOSING_BRACKET: Final = re.compile(r"\s*\)")
_REMAIN: Final = frozenset({"remain", "remains", "remained"})
_AT_GAP: Final = re.compile(r"\s+at\s+")
_OR_RESTATED: Final = re.compile(rf"[\w.)],\s+or\s+{_APPROX_LEAD}$")
# nothing of its own after a row's figure and noun: "Chikwawa: 52 camps, 8,910 households"
_ROW_ENDS: Final = re.compile(r"\s*(?:[,;)]|$)", re.MULTILINE)
_ONE_CASE: Final = re.compile(r"\s+case", re.IGNORECASE)
_CASE_IDIOM: Final = re.compile(
    r"\s+(?:fatality|management|definition|study|in\s+which|where)\b", re.IGNORECASE
)
_OF_AFTER: Final = re.compile(r"\s+of\b")
_IN_BEFORE: Final = re.compile(r"\b[Ii]n\s+$")
_RATIO_BEFORE: Final = re.compile(
    r"\b(?:one|1|an?)\s+(?:[a-z]+\s+)?(?:in|for|per)\s+(?:every\s+)?$", re.IGNORECASE
)
_RATIO: Final = re.compile(r"\s+in\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b")


def _state_after_flight(
    text: str,
    lex: Lexicon,
    gaz: Gazetteer,
    verb: tuple[int, int, str],
    hi: int,
    kind: str | None,
) -> tuple[str, str | None]:
    """ "forced from their homes and remain displaced", "who fled Ukraine are present": where
    the people who fled are now is the figure (a stock), not their flight."""
    state = [
        v
        for v in _verbs(text, lex, verb[1], hi)
        if lex.verb_metric[v[2]][1] == "stock"
        and lex.verb_metric[v[2]][0] in {"idps", "population"}
    ]
    if not state:
        return "displaced", kind
    abroad = any(
        p.level == "country" and not p.demonym for p in gaz.find(text[verb[1] : state[0][0]])
    )
    return ("refugees" if abroad else "idps"), "stock"


def _damaged_of(
    text: str, lex: Lexicon, mention: Mention, previous: _Counted | None
) -> _Counted | None:
    """Buildings damaged, counted by a bare figure with the degree of damage after it, among
    the buildings the figure before it or the line that opens its list counts: "4,420 schools
    ... 1,012 are heavily damaged", "Of the schools assessed: / - 649 are lightly damaged"."""
    degree = _DEGREE.match(text, mention.end)
    damage = lex.damage.match(text, degree.end()) if degree is not None else None
    if damage is None or not _NOTHING_NAMED_AFTER.match(text, damage.end()):
        return None
    if previous is not None and previous.unit in {"facility", "building"}:
        note = (
            "more of the places the figure before it counts"
            if previous.metric == "facilities_damaged"
            else "damaged, among the places the figure before it counts"
        )
        return _Counted(
            "facilities_damaged", previous.group, previous.unit, "flow", None, previous.origin,
            [note],
        )  # fmt: skip
    line_start = text.rfind("\n", 0, mention.start) + 1
    if previous is not None or not _BULLET.fullmatch(text, line_start, mention.start):
        return None
    above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    for _ in range(12):  # over the list's earlier items, to the line that opens it
        if above == 0 or not _BULLET.match(text, above):
            break
        line_start, above = above, text.rfind("\n", 0, above - 1) + 1
    intro = text[above : max(above, line_start - 1)]
    if not intro.rstrip().endswith(":"):
        return None
    for word in reversed(list(_WORD.finditer(intro))):
        noun = lex.nouns.get(word.group().lower())
        if noun is not None and noun.unit in {"facility", "building"}:
            note = "damaged, among the places the line opening the list counts"
            return _Counted("facilities_damaged", noun.group, noun.unit, "flow", None, None, [note])
    return None


_REACHED_BEFORE: Final = re.compile(
    r"\b(?:distributed|provided|delivered|given|reached|assisted|supported|served)\b"
    r"[^.;:!?\d]{0,30}\bto\s+(?:[a-z]+\s+){0,2}$"
)
_GROUP_LABEL_BEFORE: Final = re.compile(r"(?:^|[(,;:]|\band)\s*([A-Za-z]+)\s*:?\s+$")
_ITEM_ENDS_AFTER: Final = re.compile(r"\s*(?:[),;.]|and\b|$)")


def _partitive_head(
    text: str, mention: Mention, lex: Lexicon, previous: _Counted | None
) -> _Counted | None:
    """A part of a whole the sentence opened with: "Of the 1.8 million refugees registered,
    some 1 million come from South Sudan and 560,000 from the DRC"; "Of the injured admitted
    to hospitals, 1,150 are children". The part counts what the whole counts."""
    if not _OF_THE_HEAD.holds(text, mention.start - 240, mention.start):
        return None
    window = text[max(0, mention.start - 240) : mention.start]
    head = _OF_THE_HEAD.pattern.search(window)
    if head is None:
        return None
    stop = _CLAUSE_STOP.search(text, mention.end, mention.end + 60)
    if _verbs(text, lex, mention.end, stop.start() if stop else mention.end + 60):
        return None  # the part's own verb says what it counts: "1.4 million are sheltering"
    group_word = _PART_GROUP.match(text, mention.end)
    group = group_word.group(1).lower() if group_word else None
    rest_start = mention.start - len(window) + head.start("rest") if head.group("rest") else -1
    own = [
        cue
        # "Among those killed ... were 17 soldiers": the head's own count, whatever came before
        for cue in (
            _verbs(text, lex, mention.start - len(window) + head.start(), mention.start)
            if rest_start >= 0
            else []
        )
        if lex.verb_metric[cue[2]][0] not in {"other", previous.metric if previous else ""}
        and cue[1] <= mention.start - len(window) + head.end("rest")
    ]
    if previous is not None and not own:
        return _Counted(
            previous.metric, group or previous.group, previous.unit, previous.kind, None,
            previous.origin, ["a part of the figure the sentence opens with"],
        )  # fmt: skip
    if rest_start < 0:
        return None
    for cue in own or _verbs(text, lex, rest_start, mention.start):
        metric, kind = lex.verb_metric[cue[2]]
        if metric != "other":
            return _Counted(
                metric, group or "all", "person", kind, None, None,
                ["a part of the count the sentence opens with"],
            )  # fmt: skip
    for word in _WORD.finditer(text, rest_start, mention.start - len(window) + head.end("rest")):
        noun = lex.nouns.get(word.group().lower())
        if noun is not None and noun.metric and noun.metric != "other":
            # "Of the bodies found, 734 have been identified"
            return _Counted(
                noun.metric, group or "all", noun.unit, METRICS[noun.metric].default_kind, None,
                None, ["a part of the count the sentence opens with"],
            )  # fmt: skip
    return None


# "Of the ..., " opening the sentence, the number right after its first comma or after "and"
_OF_THE_HEAD: Final = Worded(
    re.compile(
        r"(?:^|[.;!?]\s+|\n)(?:Of|Among)\s+(?:the|these|those|them)(?:\s+(?P<rest>(?:[^.;:!?\n,]|[.,]\d)+))?,?"
        rf"[^.;:!?\n]*?(?:^|,|\band)?\s+{_LEAD_IN}$"
    ),
    ("of", "among"),
)
_CHAINED_PART: Final = re.compile(
    r"(?:\bof\s+(?:which|whom|them|these|those)|\band|\bfollowed\s+by\s+[^.;:,\d]{1,40}\s+with)\s+"
    rf"{_LEAD_IN}$"
    r"|,\s+(?:another|a\s+further)\s+$"
    # "Fafan zone hosts some 90,000 and Siti zone 41,000": the verb left out before the place
    r"|\band\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:zone|region|district|province|state"
    r"|county|governorate|department|camp|city|town|woreda|sub-county|municipality)\s+"
    rf"(?:(?:some|about|around|nearly|over|more\s+than)\s+)?$"
)
_OTHERS_AFTER: Final = re.compile(r"[ \t]+others\b")
# "788 damaged", "8 987 partially destroyed"
_DEGREE: Final = re.compile(
    r"[ \t]+(?:(?:are|were|have\s+been|had\s+been)[ \t]+)?"
    r"(?:(?:partially|partly|totally|completely|fully|severely|badly|heavily|slightly|moderately"
    r"|lightly)[ \t]+)?",
    re.IGNORECASE,
)
_FALLEN_TO: Final = re.compile(
    r"\b(?:fallen|fell|falls|dropped|drops|declined|decreased|down)\s+to\s+(?:about\s+|some\s+)?$"
)
_FIGURE_THEN_BRACKET: Final = re.compile(r"\d[ \t]*\([ \t]*$")
_LAST_HOURS_BEFORE: Final = re.compile(
    r"\b(?:in\s+)?(?:the\s+)?(?:last|past)\s+(?:24|48|72)\s+hours,?\s+$", re.IGNORECASE
)
# "New displacements dropped to", "displaced each week has fallen to": flows that fall
_NEW_OR_PER: Final = re.compile(
    r"\b(?:new|newly|weekly|monthly|daily|arrivals)\b|\b(?:each|per|a)\s+(?:week|month|day)\b",
    re.IGNORECASE,
)
_NOTHING_NAMED_AFTER: Final = re.compile(r"[ \t]*(?:[,.;:()\n]|$|and\b|or\b|in\b|on\b)")
_ROW_ITEM_BEFORE: Final = re.compile(r"\D,\s+(?:and\s+)?$")
# a state after a figure: "4 partially functional", "1 non-functional"
_STATE_AFTER: Final = re.compile(r"\s+(?:(?:fully|partially|partly|not)\s+)?(?:non-)?functional\b")
_GROUP_BEFORE: Final = re.compile(r"\b([A-Za-z]+),?\s+(?:and\s+)?$")
_RIGHT_AFTER_FIGURE: Final = re.compile(r"\d,\s+$")
_FIGURES_GO_ON: Final = re.compile(r",\s|\s+(?:and|or)\s+\d")
# the part names nothing of its own: "and 313,473 partially damaged", not "and 120 ambulances"
_NO_NOUN_AFTER: Final = re.compile(
    r"\s*(?:[,.;:)]|$|(?:were|was|are|is|had|have|has|partially|totally|completely|fully|more|"
    r"others?|in|on|at|along|across|from|damaged|destroyed|suffered|sustained)\b)",
    re.IGNORECASE,
)
_THE_FIGURE: Final = Worded(
    re.compile(
        # "On Friday it put the total at 30,228": the figure named before, at another time
        r"\b(?:put|puts|estimates?|estimated|places?|placed)\s+(?:the|its|their)\s+(?:figure|number"
        r"|total|count|tally)\s+at\s*$|"
        r"\b(?:the|a)\s+(?:[\w-]+['’]s\s+)?(?:official\s+)?(?:figure|number|total|count|tally)\b"
        r"[^.;:!?\n]{0,40}?\b(?:stood\s+at|stands\s+at|"
        r"(?:projected|expected|forecast)\s+to\s+(?:rise|grow|reach)\s+(?:to\s+)?|"
        r"was|is|rose\s+to|fell\s+to|reached|dropped\s+to|(?:has|had)\s+(?:risen|fallen|dropped|grown)"
        rf"\s+to)\s*{_LEAD_IN}$"
        # "OCHA had given a figure of 24", "the previous figure of 359"
        r"|\b(?:a|the|its|their)\s+(?:previous\s+|earlier\s+|first\s+|initial\s+|new\s+|revised\s+)?"
        rf"(?:figure|count|tally)\s+of\s+{_LEAD_IN}$",
        re.IGNORECASE,
    ),
    ("figure", "number", "total", "count", "tally"),
)
# "the governor raised it to 2,975", "It rose to 64 by December", "The count was up from 136":
# the toll before, when the sentence or the one before it speaks of a toll
_RESTATES_TOLL: Final = Worded(
    re.compile(
        r"\b(?:raised|lowered|revised|increased|brought)\s+it\s+to\s+"
        rf"{_LEAD_IN}$"
        r"|(?:^|[.;!?]\s+|\n)It\s+(?:rose|climbed|fell|dropped|jumped|increased|grew|had\s+risen)\s+to\s+"
        rf"{_LEAD_IN}$"
        rf"|\b(?:was|is|were|are)\s+(?:up|down)\s+from\s+{_LEAD_IN}$"
        # "on November 3 the count stood at 1,562, and by November 10 it had passed 7,000"
        r"|(?:,\s+and|,|;|:|\band)\s+(?:by\s+[^.;:!?\n,]{1,25}\s+)?it\s+(?:had\s+|has\s+)?"
        # ("passed" may open the figure itself, as a qualifier: "passed 7,000")
        rf"(?:(?:passed|topped|exceeded|surpassed|reached|risen\s+to|rose\s+to|climbed\s+to)\s+)?{_LEAD_IN}$"
        # "it passed 100 in the last week of April, stood at 241 on 23 May and reached 337": the
        # same toll's next steps
        r"|(?:,|\band)\s+(?:stood\s+at|reached|passed|topped|rose\s+to|climbed\s+to)\s+"
        rf"{_LEAD_IN}$",
        re.IGNORECASE,
    ),
    ("it", "from", "stood", "reached", "passed", "topped", "rose", "climbed"),
)
# "The toll rose through the day. The first reports put it at 20; by noon it stood at 32, and by
# late afternoon at 73", "by Monday the ministry was counting 62": a toll named just before
_RESTATES_IT: Final = Worded(
    re.compile(
        rf"\b(?:put|puts|putting)\s+it\s+at\s+{_LEAD_IN}$"
        rf"|\bit\s+(?:stood|stands)\s+at\s+{_LEAD_IN}$"
        rf"|(?:,|;|\band)\s+by\s+(?:[\w-]+\s+){{1,3}}at\s+{_LEAD_IN}$"
        rf"|\b(?:was|were)\s+counting\s+{_LEAD_IN}$",
        re.IGNORECASE,
    ),
    ("it", "by", "counting"),
)
_TOLL_NAMED: Final = re.compile(r"\b(?:death\s+)?toll\b(?!-)", re.IGNORECASE)
_NOTHING_AFTER_TOLL: Final = re.compile(r"[ \t]*(?:[,.;:)\n]|$|and\b|by\b|on\b|in\b|as\b)")
_TOLL_WORD: Final = re.compile(
    r"\b(?:toll|tally|count|figure|total|dead|deaths?|killed|died|bodies|victims|casualties)\b",
    re.IGNORECASE,
)
_OF_THE_BEFORE: Final = re.compile(r"(?:^|[.;!?]\s+|\n)(?:Of|Among)\s+the\s+$")
_PART_OF_LAST: Final = re.compile(
    r"\s*(?:(?:Of|Among)\s+(?:these|them|those|whom|the\s+\d[\d,.]*\s*,"
    r"|the\s+(?:victims|casualties|dead|deceased)\b)"
    # "The number of displaced people stands at 352 793. They are in North Lombok (198 846
    # people), West Lombok (91 372) ...": where the figure before it is, place by place
    r"|(?:They|These|Those)\s+(?:are|were)\s+(?:mostly\s+|mainly\s+)?(?:in|staying\s+in|living\s+in"
    r"|sheltering\s+in|spread)\b"
    # "The largest group, 1,985 people, came from Mbuwa district, followed by Yigi (692)"
    r"|The\s+(?:largest|biggest)\s+(?:share|number|group)\b(?!\s+of\s+(?!them\b))"
    # "… 1.5 million displacements. Honduras accounted for the largest share, 937,000, followed
    # by Guatemala with 339,000": the count before it, share by share
    r"|(?:[A-Z][\w'’.-]*\s+){1,4}(?:accounted\s+for|made\s+up|lodged|formed|represented)\s+"
    r"the\s+(?:largest|biggest|greatest)\s+(?:share|number|group|part)\b(?!\s+of\s+(?!them\b))"
    r")"
)
_CLAUSE_STOP: Final = re.compile(r"[,;:.!?](?=\s|$)|\n")
_PART_GROUP: Final = re.compile(r"\s+(?:are|were)\s+(children|women|men)\b", re.IGNORECASE)


def _says_stock(text: str, lex: Lexicon, lo: int, hi: int) -> bool:
    """Whether the words around say a count stands now ("are currently operational", "host"),
    with no word of a flow; "as of" alone dates a cumulative count, it makes no stock."""
    words = [m.group().lower() for m in lex.kind_cues.finditer(text, lo, hi)]
    return not any(lex.kind_of[w] == "flow" for w in words) and any(
        lex.kind_of[w] == "stock" and w != "as of" for w in words
    )


def unnamed(counted: _Counted) -> bool:
    """Whether a figure counts a thing only because a plural noun the vocabulary does not
    know follows it: any rule that says more about it wins."""
    return _UNNAMED in counted.notes


def _same_as(figure: _Counted, notes: list[str], why: str) -> _Counted:
    """A figure that counts what ``figure`` counts (a part, a list item, a later count)."""
    notes.append(why)
    return _Counted(
        figure.metric, figure.group, figure.unit, figure.kind, None, figure.origin, notes
    )


def _bare(
    text: str,
    mention: Mention,
    clause: tuple[int, int],
    lex: Lexicon,
    gaz: Gazetteer,
    next_start: int,
    previous: _Counted | None,
    last_figure: _Counted | None,
    origin: str | None,
    notes: list[str],
    window: tuple[int, int],
) -> _Counted | tuple[int, int, str] | None:
    """A figure with no counted noun after it ("killing 45", "Displaced: over 1 million",
    "nine in Esmeraldas"): what it counts, when the words around say it outright; else the
    verb that says what happened to what it counts; else nothing (not a figure)."""
    lo, hi = window
    verb: tuple[int, int, str] | None = None
    written = text[mention.start : mention.end].lower()
    person = (
        _ONE_PERSON.match(text, mention.end)
        if written == "one" or written.endswith(" one")
        else None
    )
    casualty = _CASUALTY_AFTER.match(text, person.end()) if person is not None else None
    if person is not None and casualty is not None and casualty.group(1) is not None:
        # "one woman, a mother of three, was found dead": past an aside, the casualty word
        # says what happened to the one person (the aside's own words say nothing of it)
        word = (casualty.group("said") or casualty.group("did")).split()[-1].lower()
        metric, kind = lex.verb_metric[word]
        notes.append("one person, past an aside")
        return _Counted(metric, "all", "person", kind, person.group().strip(), origin, notes)
    if (
        (written.endswith((" one", " a", " an")) or written in {"one", "a", "an"})
        and not (
            # "one soldier was killed", "killed at least one soldier"
            person is not None
            and (
                casualty is not None
                or _CASUALTY_BEFORE.search(text, max(0, mention.start - 12), mention.start)
            )
        )
        and not (
            # "two on Carriacou and one on the main island", "three deaths, including one on
            # Bequia", "eight children died, one of them a girl": one, as an item of a count
            written == "one"
            and previous is not None
            and _ONE_ITEM_BEFORE.search(text, max(lo, mention.start - 12), mention.start)
            and _ONE_ITEM_AFTER.match(text, mention.end)
        )
    ):
        return None
    if _POPULATION_OF.search(text, max(lo, mention.start - 40), mention.start):
        return _Counted("population", "all", "person", "stock", None, origin, notes)
    if (
        (
            previous is None
            # "Chimaltenango: 62 deaths, 41 missing, 4,100 in shelters": a row's next column,
            # not "killed 26 people, including 11 in shelters"
            or (
                previous.metric in _CASUALTY_METRICS
                and ":" in text[_line_start(text, mention.start) : mention.start]
                and not _INCLUDING_BEFORE.search(text, max(0, mention.start - 30), mention.start)
            )
        )
        and (setting := _IN_SETTING.match(text, mention.end)) is not None
        and _setting_at(text, setting.end())
    ):
        # "Thousands in emergency shelters", "about 8,200 in collective centres": displaced
        # people where they live now
        return _Counted("idps", "all", "person", "stock", None, origin, notes)
    if _OF_THE_BEFORE.search(text, max(0, mention.start - 12), mention.start) and text.startswith(
        ",", mention.end
    ):
        return None  # "Of the 834, 127 were children": the 834 names the whole given before
    part_of = _partitive_head(text, mention, lex, previous)
    if part_of is not None:
        return part_of
    damaged = _damaged_of(text, lex, mention, previous)
    if damaged is not None:
        return damaged
    if (
        previous is not None
        and previous.unit == "person"
        and (label := _GROUP_LABEL_BEFORE.search(text, max(0, mention.start - 24), mention.start))
        and (noun := lex.nouns.get(label.group(1).lower())) is not None
        and noun.group != "all"
        and _ITEM_ENDS_AFTER.match(text, mention.end)
    ):
        # "Deaths confirmed: 218 (men 96, women 90, children 32)": a part of the figure
        # before it, by group
        note = "a part of the figure before it, by group"
        return _Counted(
            previous.metric, noun.group, "person", previous.kind, None, previous.origin, [note]
        )
    if previous is not None and _INCLUDING_BEFORE.search(
        text, max(lo, mention.start - 30), mention.start
    ):
        stop = _CLAUSE_STOP.search(text, mention.end, min(hi, mention.end + 60))
        own = [
            v
            for v in _verbs(text, lex, mention.end, stop.start() if stop else hi)
            # "including 9 in a serious condition": a state the part is in is its own count
            if lex.verb_metric[v[2]][0] not in _THING_METRICS or lex.verb_metric[v[2]] == _STATE
        ]
        if not own:
            # "113 martyrs, including 14 recovered from under the rubble": a part
            return _same_as(previous, notes, "a part of the figure before it")
    if (
        previous is not None
        and _COMPARED_WITH.search(text, max(lo, mention.start - 30), mention.start)
        # not "56 injured, up from 7 killed and 21 injured in July": its own word says
        and not (
            (word_after := _OWN_WORD_AFTER.match(text, mention.end))
            and word_after.group(1).lower() in lex.verb_metric
            and lex.verb_metric[word_after.group(1).lower()][0] != previous.metric
        )
    ):
        return _same_as(previous, notes, "the same count as the figure before it, at another time")
    the_before = _THE_BEFORE.search(text, max(lo, mention.start - 6), mention.start)
    if the_before and _AREA_AFTER.match(text, mention.end):
        return None  # "in the two regions": which places, not how many
    if (
        the_before
        and (word := _NEXT_WORD.match(text, mention.end)) is not None
        and word.group(1).lower() in _NOT_COUNTED | _WHICH_ONES
    ):
        return None  # "separates the two estimates": which estimates, not a count

    if (
        _IN_AT_BEFORE.search(text, max(lo, mention.start - 30), mention.start)
        and (space := _SPACE.match(text, mention.end)) is not None
        and _setting_at(text, space.end())
    ):
        # "are sheltering in 31 collective centres": a count of the places, whatever the verb
        # before says of the people in them
        return _Counted("other", "all", "site", "stock", None, origin, notes)
    # "killing 45 and wounding 60", "hundreds were injured": a verb beside the number
    # a verb that starts before the next figure may run over it: "300 spent four nights"
    after = _not_adjectival(
        text,
        [v for v in _verbs(text, lex, mention.end, min(hi, mention.end + 45)) if v[0] < next_start],
    )
    thing = _THING_AFTER.match(text, mention.end)
    if (
        after
        and thing is not None
        and not any(w in _NOT_COUNTED or w in STOP_WORDS for w in thing.group().lower().split())
        and _PREPOSITION.search(text, thing.end(), after[0][0])
    ):
        # "built 85 emergency latrines in the villages hosting refugees": the verb after a
        # place named in between says what happens there, not to what the figure counts
        after = []
    if not after and (
        among := _AMONG_THE.match(text, mention.end, min(hi, next_start, mention.end + 100))
    ):
        # "Two police officers guarding the mosque were among the dead"
        after = _verbs(text, lex, mention.end, among.end())[-1:]
    before = [
        v
        for v in _not_adjectival(
            text, _verbs(text, lex, max(lo, mention.start - 30), mention.start)
        )
        # "Confirmed deaths remain at 14": the count stands where it was; deaths say what
        if not (v[2] in _REMAIN and _AT_GAP.fullmatch(text, v[1], mention.start))
    ]

    def counts_people(v: tuple[int, int, str]) -> bool:
        return (
            v[2] in _PERSON_VERBS
            or lex.verb_metric[v[2]][0] not in _THING_METRICS
            or lex.verb_metric[v[2]] == _STATE  # "175 critical": people in a state
        )

    adjacent = bool(before) and not text[before[-1][1] : mention.start].strip()
    toll = (
        _number_of(text, lex, mention.start)
        if _TO_BEFORE.search(text, max(lo, mention.start - 70), mention.start)
        or _NUMBER_IS_BEFORE.search(text, max(lo, mention.start - 70), mention.start)
        or _GREW_BY_BEFORE.search(text, max(lo, mention.start - 30), mention.start)
        else None
    )
    if toll is not None:
        # "raises the number of aid seekers killed since 27 May to 1,239, and the number
        # injured to 8,152": what the number counts, not the verb of the next clause
        verb = toll
    elif adjacent and counts_people(before[-1]):
        verb = before[-1]  # "killing two and wounding nine", "kills at least 30, displaces"
    elif after and counts_people(after[0]):
        verb = after[0]
    elif before and counts_people(before[-1]):
        verb = before[-1]
    elif _BODIES_OF.search(text, max(lo, mention.start - 20), mention.start):
        verb = (mention.start, mention.start, "deaths")  # "the bodies of 97 victims"
    elif _TOLL.search(text, max(lo, mention.start - 20), mention.start):
        # "the number of people killed has risen to 9,061", "the number of injured has reached"
        earlier = [
            v for v in _verbs(text, lex, lo, mention.start) if lex.verb_metric[v[2]][0] != "other"
        ]
        if not earlier and _RISEN_TO.search(text, max(lo, mention.start - 60), mention.start):
            # "the number of cholera cases ... has risen to 11 327"
            # the first counted noun is the subject: "Admissions of children to health
            # facilities rose to 2,300" counts admissions, not facilities
            earlier = [
                (m.start(), m.end(), m.group().lower())
                for m in _WORD.finditer(text, lo, mention.start)
                if (noun := lex.nouns.get(m.group().lower())) is not None and noun.metric
            ][:1]
        verb = earlier[-1] if earlier else None
        if verb is None and _RISEN_TO.search(text, max(lo, mention.start - 60), mention.start):
            verb = _number_of(text, lex, mention.start)
    elif _NUMBER_OF_COMMA.search(text, max(lo, mention.start - 80), mention.start):
        verb = _number_of(text, lex, mention.start)  # "the highest number of new cases, 1 022"
    partitive = _OF_THEM.match(text, mention.end)
    if partitive is not None:
        # "11 million of them children", "400 of them have been left homeless": a part of
        # the figure before, counting what that figure counts unless its own verb says else
        part, part_end, _ = _noun_phrase(
            text, Mention(partitive.end(), partitive.end(), False), clause[1], lex, gaz
        )
        # "of them are internally displaced": the verb cue may begin with the copula
        start = part_end if part else partitive.start("be")
        comma = text.find(",", start, hi)
        after_part = _verbs(text, lex, start, min(hi, next_start, comma if comma >= 0 else hi))
        base_group = previous.group if previous is not None else "all"
        group = part.group if part is not None and part.group != "all" else base_group
        unit = previous.unit if previous is not None else "person"
        origin_code = previous.origin if previous is not None else origin
        if unit == "person" and _FATAL_PART.match(text, partitive.end()):
            # "113 cases, 92 of them fatal", "338 of them resulted in death": the dead; not
            # "40 attacks, 12 of them fatal", attacks that killed
            return _Counted("killed", group, unit, "flow", None, origin_code, notes)
        if after_part:
            part_metric, part_kind = lex.verb_metric[after_part[0][2]]
            if part_metric == "displaced" and previous is not None and previous.metric == "idps":
                # "3.9 million of them displaced by conflict": a part of a stock of IDPs
                part_metric, part_kind = "idps", "stock"
            if part_metric == "population" and _DISPLACEMENT_SETTING.search(
                text, after_part[0][0], min(hi, after_part[0][1] + 60)
            ):
                part_metric = "idps"  # "10,000 of them were living in informal sites"
            return _Counted(part_metric, group, unit, part_kind, None, origin_code, notes)
        if previous is not None:
            return _Counted(previous.metric, group, unit, previous.kind, None, origin_code, notes)
    if verb is None:
        verb = _label_or_parenthesis(text, lex, mention, clause)
    if (
        verb is None
        and previous is not None
        and (be := _COPULA_AFTER.match(text, mention.end)) is not None
        and _CHAINED_PART.search(text, max(lo, mention.start - 40), mention.start)
    ):
        # "600,000 of them are Sudanese refugees, and 200,000 are Chadian returnees": the part
        # says what it is
        named, _end, named_origin = _noun_phrase(
            text, Mention(be.end(), be.end(), False), clause[1], lex, gaz
        )
        if named is not None and named.metric and named.metric != previous.metric:
            kind = METRICS[named.metric].default_kind
            return _Counted(
                named.metric, named.group, named.unit, kind, None, named_origin or origin, notes
            )
    if (
        verb is None
        and previous is not None
        and (why := _continues(text, lex, mention, previous, lo)) is not None
    ):
        return _same_as(previous, notes, why)
    if (
        verb is None
        and last_figure is not None
        and (
            _THE_FIGURE.search(text, max(0, mention.start - 70), mention.start)
            or (
                _RESTATES_TOLL.search(text, max(0, mention.start - 70), mention.start)
                and _TOLL_WORD.search(text, max(0, mention.start - 250), mention.start)
            )
            or (
                _RESTATES_IT.search(text, max(0, mention.start - 70), mention.start)
                and _NOTHING_AFTER_TOLL.match(text, mention.end)
                and _TOLL_NAMED.search(text, max(0, mention.start - 200), mention.start)
            )
        )
    ):
        # "On Thursday, BNPB counted 397,171 people in evacuation posts; by Friday evening
        # the figure stood at 173 064": the figure named before, at another time
        return _same_as(last_figure, notes, "the figure named before, at another time")
    if (
        verb is None
        and previous is not None
        and _LIST_ITEM_IN.search(text, max(lo, mention.start - 40), mention.start)
        and _IN_PLACE_AFTER.match(text, mention.end)
    ):
        # "55,000 refugees in Côte d'Ivoire, about 38,000 in Togo's Savanes region and
        # nearly 18,000 in Benin": each item of the list counts what the first counts
        return _same_as(
            previous, notes, "an item of a list: counts what the figure before it counts"
        )
    if (
        verb is None
        and previous is not None
        and _item_by_place(text, mention)
        and not _NOUN_AFTER_ITEM.match(text, mention.end)
    ):
        # "Sindh accounted for 700, Khyber Pakhtunkhwa for 300 and Balochistan for 299",
        # "Tanzania 45,000, Rwanda more than 26,000", "followed by Guatemala with 339,000",
        # "the largest share, 937,000": each item counts what the figure before it counts
        return _same_as(previous, notes, "an item of a list by place: counts what the first counts")
    if (
        verb is None
        and not mention.vague
        and (thing := _THING_AFTER.match(text, mention.end)) is not None
        and not _DEFINITE_BEFORE.search(text, max(0, mention.start - 8), mention.start)
        and not _LABEL_WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    ):
        words = thing.group().lower().split()
        # "5 percentage points", "six weeks": any word of the phrase may say it is no count;
        # nor is a number a thing ("1 twenty-one dozens")
        if (
            not any(w in _NOT_COUNTED or w in STOP_WORDS for w in words)
            and words[-1] not in _NUMBER_TOKENS
        ):
            # "12 cholera treatment centres", "5,600 criminal proceedings": a count of things
            # the vocabulary does not name, kept as a quantity (metric other)
            notes.append(_UNNAMED)
            if words[-1] == "victims" and (
                _DEATH_BEFORE.search(text, max(lo, mention.start - 40), mention.start)
                or _DEATH_AFTER.match(text, thing.end())
            ):
                # "the bodies of 97 victims", "28 victims have been identified": the dead;
                # victims of violence, floods or trafficking are no count of the dead
                return _Counted("killed", "all", "person", "flow", None, origin, notes[:-1])
            kind = "stock" if _says_stock(text, lex, lo, hi) else "flow"
            return _Counted("other", "all", "item", kind, thing.group().strip(), origin, notes)
    return verb


def _counts_households(text: str, mention: Mention, cue: tuple[int, int, str]) -> bool:
    """Whether the header of a figure's column, or the label cue that says what it counts,
    names households or families rather than people."""
    cell = table_cell(text, mention.start)
    if cell is not None and cell.header is not None:
        return _HOUSEHOLD_WORD.search(text, *cell.header) is not None
    if (header := dash_header_cell(text, mention.start)) is not None:
        # "Location – households – individuals" over "Al Qatrun – 1,180 – 5,900"
        return _HOUSEHOLD_WORD.search(text, *header) is not None
    if slashed_row(text, mention.start) is not None:
        # "Households/individuals displaced: 1,200/7,200": each figure's own name says
        return _HOUSEHOLD_WORD.match(text, cue[0]) is not None
    # "HOUSEHOLDS WHOSE HOMES …", "Families displaced: 1,200", "Displaced households by
    # governorate:"
    return bool(
        _HOUSEHOLD_WORD.match(text, cue[0])
        or _HOUSEHOLD_WORD.match(text, cue[1])
        or _HOUSEHOLD_WORD.match(text, _line_start(text, cue[0]))
    )


_HOUSEHOLD_WORD: Final = re.compile(r"\s*(?:households?|families|family|HH)\b", re.IGNORECASE)


def _names_no_count(
    text: str, mention: Mention, cue: NounCue | None, noun_end: int, lo: int
) -> bool:
    """Whether a number names something other than a count: a case as an idiom ("a case
    fatality rate"), the first term of a ratio, which events or places ("the two storms", "the
    75 affected municipalities"), or how many places harm was spread over."""
    if (
        cue is not None
        and _ONE_CASE.fullmatch(text, mention.end, noun_end)
        and (
            _CASE_IDIOM.match(text, noun_end)
            or _IN_BEFORE.search(text, max(0, mention.start - 4), mention.start)
            # "a case of mistaken identity"; not "confirmed one case of Ebola"
            or (
                _OF_AFTER.match(text, noun_end)
                and text[mention.start : mention.end].lower() in {"a", "an"}
            )
        )
    ):
        return True  # "a case fatality rate", "in one case documented by": no count of cases
    if _RATIO_BEFORE.search(text, max(lo, mention.start - 30), mention.start):
        return True  # "one child in four", "one in five cases": a ratio's, not a count
    if (
        cue is None
        and _THE_BEFORE.search(text, max(lo, mention.start - 6), mention.start)
        and (events := _EVENT_NOUN_AFTER.match(text, mention.end)) is not None
        and any(
            noun.endswith("s") and _EVENT_CUES.fullmatch(noun)
            for noun in (events.group("noun"), events.group("next") or "")
        )
    ):
        return True  # "the death toll of the two storms": which events, not a count of them
    if _THE_BEFORE.search(text, max(lo, mention.start - 6), mention.start) and (
        _AREA_AFTER_ONE_WORD.match(text, mention.end)
    ):
        return True  # "in the 75 affected municipalities": which places, not how many
    if cue is None and _ADMINISTRATIVE_AFTER.match(text, mention.end):
        return True  # "The storm affected 16 districts", "23 counties are in IPC Phase 4"
    # "1 929 injured in 26 provinces and cities": where, not a count of harm
    return bool(
        _IN_AT_BEFORE.search(text, max(lo, mention.start - 20), mention.start)
        and (
            _DIVISIONS_AFTER.match(text, mention.end) or _OF_ITS_DIVISIONS.match(text, mention.end)
        )
    )


def _continues(
    text: str, lex: Lexicon, mention: Mention, previous: _Counted, lo: int
) -> str | None:
    """Why a figure with no noun or verb of its own counts what the figure before it counts,
    when the words around it say so; else None."""
    if _CHAINED_PART.search(text, max(lo, mention.start - 40), mention.start) and (
        _NO_NOUN_AFTER.match(text, mention.end)
    ):
        # "425,873 houses were damaged, of which 112,400 were totally destroyed and 313,473
        # partially damaged"
        return "counts what the figure before it counts"
    if _RIGHT_AFTER_FIGURE.search(text, max(lo, mention.start - 4), mention.start) and (
        _FIGURES_GO_ON.match(text, mention.end)
    ):
        # "Injuries numbered 541, 617, 539 and 451": the middle items of a list of figures
        return "an item of a list: counts what the figure before it counts"
    if (
        _ROW_ITEM_BEFORE.search(text, max(lo, mention.start - 8), mention.start)
        and ":" in text[_line_start(text, mention.start) : mention.start]
        and _STATE_AFTER.match(text, mention.end)
    ):
        # "NGO and private hospitals (17): 12 fully functional, 4 partially functional"
        return "the next item of a row: counts what the one before it counts"
    if (
        previous.metric == "facilities_damaged"
        and (space := _DEGREE.match(text, mention.end)) is not None
        and (damage := lex.damage.match(text, space.end())) is not None
        # "788 damaged", not "45 damaged roads" nor "3 hit by shrapnel"
        and _NOTHING_NAMED_AFTER.match(text, damage.end())
    ):
        # "6,051 structures destroyed; 788 damaged"
        return "more of the places the figure before it counts"
    if (
        previous.metric == "facilities_damaged"
        and _OTHERS_AFTER.match(text, mention.end)
        and lex.damage.search(text, max(lo, mention.start - 30), mention.start) is not None
    ):
        # "destroyed 300 houses and damaged more than 1,000 others"
        return "more of the places the figure before it counts"
    if _FIGURE_THEN_BRACKET.search(text, max(0, mention.start - 4), mention.start) and (
        _CLOSING_BRACKET.match(text, mention.end)
    ):
        # "Shangla: 36 (2)", under "figure for the last 24 hours in brackets"
        return "the figure before it, another count of the same in brackets"
    if _LAST_HOURS_BEFORE.search(text, max(lo, mention.start - 30), mention.start):
        # "Deaths: cumulative 406; in the last 24 hours, 48": the same count, over a day
        return "the figure before it, over the last hours"
    return None


def _count(
    text: str,
    mention: Mention,
    clause: tuple[int, int],
    lex: Lexicon,
    gaz: Gazetteer,
    next_start: int,
    previous: _Counted | None = None,
    *,
    about_returns: bool = False,
    about_refugees: bool = False,
    about_idps: bool = False,
    last_figure: _Counted | None = None,
    named: _Places = _Places([], []),
) -> _Counted | None:
    cue, noun_end, origin = _noun_phrase(text, mention, clause[1], lex, gaz)
    if (
        cue is None
        and text[mention.start : mention.end].lower() not in {"one", "1", "a", "an"}
        and (of_the := _OF_THE_AFTER.match(text, mention.end, clause[1]))
    ):
        # "at least three of the town's health facilities", "4,600 of the displaced women"
        inner, inner_end, inner_origin = _noun_phrase(
            text, Mention(of_the.end(), of_the.end(), False), clause[1], lex, gaz
        )
        if inner is not None:
            cue, noun_end, origin = inner, inner_end, inner_origin or origin
    if (
        cue is None
        and text[mention.start : mention.end].lower() not in {"one", "1", "a", "an"}
        and (of_whole := _OF_WHOLE_AFTER.match(text, mention.end, clause[1])) is not None
        and not _RATE_BASE.fullmatch(text, of_whole.start("whole"), of_whole.end())
        and not _RATIO_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    ):
        # "12 of the 1,500 residents were killed", "Thirteen of the 18 deaths occurred in
        # Akkar": the part counts what the whole's noun and verb say
        inner, inner_end, inner_origin = _noun_phrase(
            text, Mention(of_whole.start("whole"), of_whole.end(), False), clause[1], lex, gaz
        )
        if inner is not None:
            cue, noun_end, origin = inner, inner_end, inner_origin or origin
        elif (
            (said := _verbs(text, lex, of_whole.end(), min(len(text), of_whole.end() + 20)))
            and not text[of_whole.end() : said[0][0]].strip()
            and lex.verb_metric[said[0][2]][0] in _CASUALTY_METRICS
        ):
            # "Three of the 12 injured were children": a part of the casualties the whole's
            # word names
            part_metric, part_kind = lex.verb_metric[said[0][2]]
            part_group = _PART_GROUP.match(text, said[0][1])
            note = "a part of the whole after it"
            return _Counted(
                part_metric, part_group.group(1).lower() if part_group else "all", "person",
                part_kind, None, origin, [note],
            )  # fmt: skip
    if _PART_OF_WHOLE_BEFORE.search(text, max(clause[0], mention.start - 60), mention.start) or (
        # "Of the 1,500 residents, 12 were killed": the head names the whole, people, by its noun
        cue is not None
        and not cue.metric
        and _OF_THE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        and (head := _HEAD_ENDS.match(text, noun_end)) is not None
        # no verb in the head: not "Of the 186 people injured, 44 were evacuated"
        and not _verbs(text, lex, mention.end, head.end())
    ):
        # "12 of the 1,500 residents were killed", "25 of the 31 people on board drowned": what
        # happened is said of the part; the whole is a population, or what its noun counts
        plain = cue is not None and not _verbs(text, lex, mention.end, noun_end)
        note = "the whole a part is counted out of"
        if _RATE_BASE.fullmatch(text, mention.start, mention.end):
            return None  # "12 of 100,000 people", "9 of 10 people": a rate, not a whole
        if cue is not None and plain and not cue.metric and cue.unit == "person":
            return _Counted("population", cue.group, cue.unit, "stock", None, origin, [note])
        if cue is not None and plain and cue.metric == "facilities_damaged":
            # "20 of 35 schools were damaged": the places there are, damage said of the part
            return _Counted("other", cue.group, cue.unit, "stock", None, origin, [note])
    notes: list[str] = []
    lo, hi = max(clause[0], mention.start - 160), min(clause[1], mention.end + 160)
    verb: tuple[int, int, str] | None = None
    if _names_no_count(text, mention, cue, noun_end, lo):
        return None
    if (cue is None or cue.unit == "person") and _PER_DAY.match(
        text, noun_end if cue is not None else mention.end
    ):
        # "an average of 280 people a day", "more than 1,000 a day in March": a rate, kept as
        # a quantity; it counts no people by itself
        notes.append("a rate per day")
        subject = text[mention.end : noun_end].strip() if cue is not None else None
        return _Counted("other", "all", "person", "flow", subject, origin, notes)
    if (
        cue is None
        and _IDENTIFIED_AFTER.match(text, mention.end)
        and _BODIES_HEAD.search(text, max(0, mention.start - 120), mention.start)
    ):
        # "Of the 275 bodies, 88 have been identified so far and 187 are still unidentified":
        # a part of the dead
        notes.append("a part of the dead the sentence opens with")
        return _Counted("killed", "all", "person", "flow", None, origin, notes)
    if cue is None:
        bare = _bare(
            text, mention, clause, lex, gaz, next_start, previous, last_figure, origin, notes,
            (lo, hi),
        )  # fmt: skip
        if bare is None or isinstance(bare, _Counted):
            if bare is None and _SETTING_HOLDS_BEFORE.search(
                text, max(lo, mention.start - 90), mention.start
            ):
                # "Kalma camp near Nyala alone holds some 90,000": the people the site holds
                metric = "refugees" if about_refugees else "idps"
                return _Counted(metric, "all", "person", "stock", None, origin, notes)
            if (
                bare is None
                and (about_refugees or about_idps)
                and (setting := _IN_SETTING.match(text, mention.end)) is not None
                and _CAMPS_OR_SITES_AT.match(text, setting.end())
            ):
                # "37,100 in 10 rural sites along the Logone", in a text about refugees
                metric = "refugees" if about_refugees else "idps"
                return _Counted(metric, "all", "person", "stock", None, origin, notes)
            if bare is None and (by_place := _list_by_division(text, lex, mention, named, origin)):
                return by_place
            if bare is None:
                topic = "refugees" if about_refugees else "idps" if about_idps else None
                if topic is not None and (unit := _people_column_by_place(text, mention)):
                    # "CAMP POPULATION BY BLOCK / Block  Households  Individuals / A  1,214
                    # 5,642", in a text about refugees: the people the text is about, by place
                    notes.append(f"a cell of a table of people by place, in a text about {topic}")
                    return _Counted(topic, "all", unit, "stock", None, origin, notes)
                if (
                    topic is not None
                    and _label_before(text, mention.start) is not None
                    and _generic_heading(text, text.rfind("\n", 0, mention.start) + 1)
                ):
                    # "POPULATION BY LOCATION / Kule camp: 52,900" in a text about refugees:
                    # the people the text is about, where they are
                    notes.append(f"a row of a list of people by place, in a text about {topic}")
                    return _Counted(topic, "all", "person", "stock", None, origin, notes)
                return None
            return _moved_for_care(text, mention, mention.end, bare)
        verb = bare
        if verb[1] <= mention.start and (
            animals := _animals_of(text, lex, max(lo, _line_start(text, verb[0])), verb)
        ):
            # "Livestock died   26,564 head": the animals the verb before says died
            unit = lex.nouns[animals[2]].unit
            return _Counted("other", "all", unit, "flow", None, origin, notes)
        # a noun of a label or title says what is counted: "Houses: 550,928" counts buildings
        named_noun = lex.nouns.get(verb[2]) if verb[2] not in lex.verb_metric else None
        cue = (
            NounCue("", named_noun.group, named_noun.unit)
            if named_noun is not None
            else NounCue("", "all", "person")
        )
        if cue.unit == "person" and _counts_households(text, mention, verb):
            # "| Families |" over "| 640 |", "HOUSEHOLDS WHOSE HOMES WERE DESTROYED": households
            cue = NounCue("", cue.group, "household")
        noun_end = mention.end
    elif cue.metric == "other" and cue.unit == "person":
        # "27 people were injured, including 19 staff members": people counted apart (staff,
        # volunteers, patients) are a part of the whole the sentence counts
        whole = _whole_of_part(text, mention, noun_end, lex, previous, cue.unit, (lo, hi))
        if whole is not None:
            return _Counted(
                whole.metric, cue.group, cue.unit, whole.kind, None, whole.origin, whole.notes
            )
    elif not cue.metric:
        if (
            previous is not None
            and cue.unit in {"person", "household"}
            and previous.unit in {"person", "household"}
            and _RESTATED_IN_BRACKETS.search(
                text, _line_start(text, mention.start, 40), mention.start
            )
            # the brackets hold nothing but the figure and its noun, not "(146 people were killed)"
            and _CLOSING_BRACKET.match(text, noun_end)
        ):
            # "85,440 people displaced since 15 May (14,240 families)": the same people
            return _Counted(
                previous.metric, cue.group, cue.unit, previous.kind, None, previous.origin,
                ["the figure before it, counted in other units"],
            )  # fmt: skip
        if cue.unit == "person" and _SHARE_OF_PLACE.search(
            text, max(lo, mention.start - 50), mention.start
        ):
            # "leaving most of the city's two million residents without running water": the
            # whole is the city's population; what happened is said of a share of it
            return _Counted("population", cue.group, cue.unit, "stock", None, origin, notes)
        if (
            cue.unit in {"person", "household"}
            and _ROW_ENDS.match(text, noun_end)
            and _settings_then_people(text, mention, about_refugees or about_idps)
        ):
            # "Chikwawa: 52 camps, 8,910 households": the people the camps of the row hold
            metric = "refugees" if about_refugees else "idps"
            return _Counted(metric, cue.group, cue.unit, "stock", None, origin, notes)
        if (
            cue.unit in {"person", "household"}
            and (setting := _IN_SETTING.match(text, noun_end)) is not None
            and _setting_at(text, setting.end())
            # not "the strike wounded 25 people in 3 shelters": a verb right before says
            and not _verbs(text, lex, max(lo, mention.start - 14), mention.start)
            # nor "distributed food to 12,000 people in the centres": people reached
            and not _REACHED_BEFORE.search(text, max(lo, mention.start - 40), mention.start)
        ):
            # "death toll reaches 436, more than 352 000 people in evacuation camps": where
            # they live now, whatever the toll before them
            return _Counted("idps", cue.group, cue.unit, "stock", None, origin, notes)
        if (
            previous is not None
            and cue.group != "all"
            and previous.group != "all"
            and previous.unit == cue.unit
            and (listed := _GROUP_BEFORE.search(text, max(lo, mention.start - 30), mention.start))
            and (before_noun := lex.nouns.get(listed.group(1).lower())) is not None
            and before_noun.group != "all"
            # no verb of its own, past any brackets: not "14 civilians (5 children) were wounded"
            and not _verbs(text, lex, noun_end, min(len(text), noun_end + 60))
        ):
            # "322 men, 44 women and 40 children": the next groups of a breakdown
            return _Counted(
                previous.metric, cue.group, cue.unit, previous.kind,
                text[mention.end : noun_end].strip(" ,") or None, previous.origin,
                ["the next group of the breakdown before it"],
            )  # fmt: skip
        part_of = _partitive_head(text, mention, lex, previous)
        if part_of is not None:
            # "Among them are some 30,000 children": a part, in its own group
            group = cue.group if cue.group != "all" else part_of.group
            subject = text[mention.end : noun_end].strip(" ,") or None
            return _Counted(
                part_of.metric, group, cue.unit, part_of.kind, subject, part_of.origin,
                part_of.notes,
            )  # fmt: skip
        whole = _whole_of_part(text, mention, noun_end, lex, previous, cue.unit, (lo, hi))
        if whole is not None:
            group = cue.group if cue.group != "all" else whole.group
            return _Counted(
                whole.metric, group, cue.unit, whole.kind, None, whole.origin, whole.notes
            )
        if (
            cue.unit in {"person", "household"}
            and _WHERE_BEFORE.search(text, max(lo, mention.start - 30), mention.start)
            and _LIVED_AFTER.match(text, noun_end)
        ):
            # "In the town where 25,000 people lived, 12 were killed": the verb after the
            # relative clause says what happened to others
            verb = (noun_end, noun_end, "living")
        elif (
            cue.unit in {"person", "household"}
            and not cue.metric
            and _PLACE_WITH_BEFORE.search(text, max(lo, mention.start - 90), mention.start)
            and not _verbs(text, lex, mention.end, min(hi, next_start, noun_end + 30))
        ):
            # "a farming town near the border with some 40,000 residents": the people of a
            # place, a population, whatever the sentence says happened there
            verb = (noun_end, noun_end, "living")
        elif (
            cue.unit == "person"
            and _THERE_WHEN.match(text, noun_end)
            # another figure after it says what happened to some of them; not "The 12 farmers
            # were on their way to the market when they were shot dead"
            and next_start < clause[1]
        ):
            # "30 people were in the mosque when it was hit and 12 were killed": who was
            # there, a population, whatever the sentence says happened to some of them
            verb = (noun_end, noun_end, "living")
        else:
            verb = _predicate(
                text, lex, mention, noun_end, lo,
                *_past_brackets(text, lex, noun_end, next_start, hi),
            )  # fmt: skip
        if (
            verb is None
            and cue.unit == "person"
            and (
                _CARRYING_BEFORE.search(text, max(lo, mention.start - 40), mention.start)
                or _THERE_WHEN.match(text, noun_end)
            )
        ):
            # "the town, where some 25,000 people lived before the offensive", "a boat carrying
            # around 300 people": the people of a place or on board, a population
            verb = (noun_end, noun_end, "living")
        if (
            verb is None
            and cue.unit in {"person", "household"}
            and _IN_IPC_PHASE.match(text, noun_end)
        ):
            # "3.8 million people were in Crisis (IPC Phase 3) or worse": the phase in brackets
            # says what the people face
            verb = (noun_end, noun_end, "ipc phase 3")
        if verb is None and (
            _GREW_BY_BEFORE.search(text, max(lo, mention.start - 30), mention.start)
            or _TO_BEFORE.search(text, max(lo, mention.start - 70), mention.start)
        ):
            # "the IDP population rose by 1,994 ind. to 66,913 ind.": what the number, the
            # toll or the population counts
            verb = _number_of(text, lex, mention.start)
        if (
            cue.unit in {"person", "household"}
            and (lost := _HOMES_LOST.match(text, noun_end)) is not None
            and (verb is None or verb[0] < lost.end())
        ):
            # "1,850 families whose homes were destroyed or left uninhabitable": people left
            # without a home, displaced; not "... whose homes were destroyed are sheltering
            # in schools" (a verb of their own) nor "whose homes were damaged"
            notes.append("people whose homes were destroyed: displaced")
            subject = text[mention.end : noun_end].strip(" ,") or None
            return _Counted("displaced", cue.group, cue.unit, "flow", subject, origin, notes)
        if (
            verb is None
            and previous is not None
            and previous.unit == cue.unit
            and _LIST_ITEM_IN.search(text, max(lo, mention.start - 40), mention.start)
            and _IN_PLACE_AFTER.match(text, noun_end)
        ):
            # "counted around 12,000 families in informal sites around Herat, some 1,000
            # families in Qala-e-Naw and about 600 families in Chaghcharan": list items
            return _same_as(
                previous, notes, "an item of a list: counts what the figure before it counts"
            )
    if (
        (ratio := _RATIO.match(text, noun_end))
        and _small(mention, text)
        and _NOTHING_AFTER.match(text, ratio.end())
    ):
        return None  # "one child in four": a ratio, not a count ("1,850 homes in 24 towns" is)
    if _GAP_BEFORE.search(text, max(lo, mention.start - 40), mention.start):
        return None  # "a gap of more than 250,000 deaths": a difference between counts
    if _PER_EACH_AFTER.match(text, noun_end):
        return None  # "dozens of people to an apartment", "six families per tent": a ratio
    subject = _LEADING_OF.sub("", text[mention.end : noun_end].strip(" ,")) or None
    metric = cue.metric
    kind: str | None = None
    if (
        metric == "facilities_damaged"
        and not lex.damage.search(text, lo, hi)
        # "Damage to public facilities: 368 school buildings, 144 places of worship": the
        # label before the colon says what happened to them
        and not (
            (colon := text.rfind(":", _line_start(text, mention.start, 120), mention.start)) >= 0
            and _DAMAGE_LABEL.fullmatch(text, _line_start(text, colon, 120), colon)
        )
    ):
        metric = "other"
    if (
        metric == "facilities_damaged"
        and (state := _IN_USE_OR_STANDING.match(text, noun_end, min(hi, noun_end + 60)))
        and not lex.damage.search(text, noun_end, state.end())
    ):
        # "215 schools are being used as shelters", "only two houses are still standing",
        # "140 schools are closed": the state of the places, not damage done to them
        metric, kind = "other", "stock"
    if metric == "other" and cue.unit == "person":
        described = _verbs(text, lex, mention.end, noun_end)
        if described and lex.verb_metric[described[-1][2]][0] not in _THING_METRICS:
            metric = lex.verb_metric[described[-1][2]][0]  # "600 wounded patients"
    if metric in _POPULATION_NOUN_METRICS or (metric == "other" and cue.unit == "person"):
        # "12 refugees were killed", "12,000 refugees were left without a roof": what happened
        # to them is the figure; the noun only says who they are ("15 patients died", but not
        # "5,100 cases recorded among displaced people")
        # "Ten patients, three of them children, were killed": past an aside that counts a
        # part of them, to the verb of both
        aside = _ASIDE.match(text, noun_end)
        reach = min(hi, next_start, noun_end + 60)
        if aside is not None and aside.end() < hi:
            # up to the next figure after the aside: "Some 200 refugees, most of them
            # Eritreans, said 30 were killed" leaves "killed" to the 30
            after_aside = _DIGIT.search(text, aside.end(), min(hi, aside.end() + 60))
            reach = after_aside.start() if after_aside else min(hi, aside.end() + 60)
        event = [
            v
            for v in _verbs(text, lex, noun_end, reach)
            if (
                lex.verb_metric[v[2]][0] in _EVENT_METRICS
                and (
                    metric != "other"
                    or (
                        lex.verb_metric[v[2]][0] in _CASUALTY_METRICS
                        and " and " not in text[noun_end : v[0]]
                    )
                )
            )
            or (metric == "detained" and v[2] in _RELEASE)
        ]
        freed = _verbs(text, lex, max(lo, mention.start - 14), mention.start)
        if (
            metric == "detained"
            and freed
            and freed[-1][2] in _RELEASE
            and not text[freed[-1][1] : mention.start].strip()
        ):
            event = [freed[-1]]  # "freeing 529 inmates": a release, not a detention
        elif (
            freed
            and lex.verb_metric[freed[-1][2]][0] in _CASUALTY_METRICS
            and not text[freed[-1][1] : mention.start].strip()
        ):
            event = [freed[-1]]  # "had killed 214 hostages", "wounding 12 refugees"
        elif (
            metric in {"refugees", "idps"}
            and freed
            and lex.verb_metric[freed[-1][2]][0] == "returnees"
            and not text[freed[-1][1] : mention.start].strip()
        ):
            event = [freed[-1]]  # "the return of 3,000 refugees": returnees
        relocated = [
            v
            for v in _verbs(text, lex, noun_end, min(hi, next_start, noun_end + 40))
            if v[2] == "relocated"
        ]
        if relocated and metric in {"refugees", "idps"} and not event:
            # "1,093 refugees were relocated to the island": moved by the authorities, a count of
            # the moves, not of the refugees
            metric, kind = "other", "flow"
        if _BODIES_OF.search(text, max(lo, mention.start - 20), mention.start):
            metric, kind = "killed", "flow"  # "the bodies of four refugees were recovered"
            event = []
        gap_start = (
            aside.end() if aside is not None and event and aside.end() <= event[0][0] else noun_end
        )
        if event and not text[gap_start : max(gap_start, event[0][0])].count(","):
            event_metric, event_kind = lex.verb_metric[event[0][2]]
            if metric == "refugees" and _MOVING.match(event[0][2]):
                kind = "flow"  # "33,104 refugees from Ethiopia arrived": refugees, arriving
            elif not (metric == "detained" and event_metric in {"detained", "displaced"}):
                metric, kind = event_metric, event_kind
    if (
        metric in {"", "displaced", "population"}
        and cue.unit in {"person", "household"}
        and (
            _IN_SITES.match(text, noun_end)
            or (not about_refugees and _SHELTERED_AFTER.match(text, noun_end))
        )
        and (
            verb is None
            or lex.verb_metric.get(verb[2], ("", ""))[0]
            not in {"killed", "injured", "missing", "detained"}
        )
    ):
        metric, kind = "idps", "stock"  # "183,159 people in 165 sites": where the displaced live
    if not metric and _BODIES_OF.search(text, max(lo, mention.start - 20), mention.start):
        metric, kind = "killed", "flow"  # "recovered the bodies of 232 people"
    if (
        not metric
        and cue.unit == "person"
        and _APPOSITION_OF.search(text, max(lo, mention.start - 60), mention.start)
    ):
        # "The toll has climbed since the rebels entered Goma, a lakeside city of about 2
        # million people": the city's people, whatever the sentence counts besides
        metric, kind = "population", "stock"
    if not metric:
        if verb is not None:
            if verb[2] in lex.verb_metric:
                metric, kind = lex.verb_metric[verb[2]]
                for first, places, instead, instead_kind in lex.verb_places:
                    if verb[2].startswith(first) and places.match(text, verb[1]):
                        # "spent the night in police custody" (detained), "came back to
                        # work" (no count of the metric's people)
                        if not instead:
                            return None
                        metric, kind = instead, instead_kind or None
                        break
            else:  # a counted noun named by a label or before a parenthesis
                metric, kind = lex.nouns[verb[2]].metric, None
                label_start, label_end = _line_start(text, verb[0]), mention.start
                damaged = None
                cell = table_cell(text, mention.start)
                # a noun of the title ("DAMAGED HOUSES BY DISTRICT" over "District  Destroyed
                # Moderate") keeps the words from the title to the cell; a noun of the table
                # has its column's words ("| Schools |" under "| Destroyed |") or its row's
                # ("Houses fully damaged   311   6,744")
                if cell is not None and cell.header and cell.table_start <= verb[0]:
                    label_start, label_end = cell.header
                    damaged = lex.damage.search(text, *cell.row_label)
                if metric == "facilities_damaged" and not (
                    damaged or lex.damage.search(text, label_start, label_end)
                ):
                    # "Relief camps functioning in Wayanad district: 93": places, not damage
                    metric = "other"
                    if _PEOPLE_IN_SETTING.search(text, label_start, verb[1]):
                        # "Persons in relief camps: 10,042": the displaced where they live
                        metric, kind = "idps", "stock"
            if (
                metric in {"injured", "missing"}
                and _OF_THE_BEFORE_VERB.search(text, max(lo, verb[0] - 8), verb[0])
                and _DIED_AFTER.match(text, verb[1])
            ):
                # "seven of the injured have died in hospital": now counted among the dead
                notes.append(f"a part of the {metric} who died")
                metric, kind = "killed", "flow"
            if verb[2] in _EVACUATION and not (
                # the words around, not the verb: "rescued and evacuated from flooded settlements"
                _RESCUE_OR_TRANSFER.search(text, max(lo, mention.start - 60), verb[0])
                or _RESCUE_OR_TRANSFER.search(text, verb[1], min(hi, verb[1] + 60))
            ):
                metric, kind = "displaced", "flow"  # "632,000 were pre-emptively evacuated"
            if (
                metric == "idps"
                and _HAVE_BEEN.search(text, max(lo, verb[0] - 20), verb[0])
                and _SINCE.search(text, verb[1], hi)
            ):
                metric, kind = "displaced", "flow"  # "have been internally displaced since April"
            if metric == "displaced" and _STOCK_BEFORE.search(text, max(lo, verb[0] - 30), verb[0]):
                metric, kind = "idps", "stock"  # "remain displaced", "are now displaced"
            if metric == "displaced" and (
                _CROSS_BORDER.search(text, verb[1], min(hi, verb[1] + 60))
                or _into_country(text, gaz, verb[1], min(hi, verb[1] + 60))
            ):
                # "fled Sudan to neighbouring countries", "have fled West Darfur into Chad"
                metric, kind = "refugees", "flow"
            if metric == "displaced":
                abroad = verb[2] in _FLED and _fled_country(text, gaz, verb[1], hi)
                metric, kind = _state_after_flight(text, lex, gaz, verb, min(hi, next_start), kind)
                if abroad and metric == "displaced":
                    metric, kind = "refugees", "flow"  # "4.3 million people have fled Ukraine"
        elif _POPULATION_OF.search(text, max(lo, mention.start - 40), mention.start):
            metric, kind = "population", "stock"  # "a coastal city of about 100,000 people"
        elif cue.unit == "person" and _PLACE_POSSESSIVE.search(
            text, max(lo, mention.start - 40), mention.start
        ):
            metric, kind = "population", "stock"  # "the island's 22 million people"
        elif (labelled := _label_or_parenthesis(text, lex, mention, clause)) is not None and not (
            # "Jebel Moya and surrounding villages: 12,500 individuals": the label's villages
            # say where the people are, not what the figure counts
            labelled[2] not in lex.verb_metric
            and lex.nouns[labelled[2]].unit not in {"person", "household"}
            and cue.unit in {"person", "household"}
        ):
            if labelled[2] in lex.verb_metric:
                metric, kind = lex.verb_metric[labelled[2]]
            else:
                metric = lex.nouns[labelled[2]].metric
        elif subject and "displaced" in subject.lower():
            metric = "idps"
        elif cue.group == "civilians" or "residents" in (subject or "").lower():
            metric = "population"
        elif origin is not None and (
            (about_refugees and named.abroad(origin, noun_end, hi))
            or _REFUGEE_WORDS.search(text, lo, mention.start)
        ):
            # "212,000 Rohingya in Cox's Bazar", in a text about refugees: refugees where they are
            metric, kind = "refugees", "stock"
        elif (
            about_refugees
            and cue.unit in {"person", "household"}
            and _REGISTERED.search(text, max(lo, mention.start - 40), min(hi, noun_end + 30))
        ):
            # "146,000 people registered entering Macedonia", in a text about refugees: arrivals
            metric, kind = "refugees", "flow"
        elif (
            cue.unit == "person"
            and _HELD_BEFORE.search(text, max(lo, mention.start - 30), mention.start)
            and _DETENTION_PLACE.search(text, max(0, mention.start - 120), mention.start)
        ):
            # "The detention centre was holding about 600 migrants", "prisons hold 39,000 people"
            metric, kind = "detained", "stock"
        elif (
            cue.unit in {"person", "household"}
            and _ON_LABEL_LINE.match(
                text, (line_start := text.rfind("\n", 0, mention.start) + 1), mention.start
            )
            and (intro := _intro_cue(text, lex, line_start)) is not None
        ):
            # "LOCATIONS OF ORIGIN / Sinja town: 48,300 individuals" below "72,800 individuals
            # were displaced": a row of a table counts what the paragraph above it counts
            if intro[2] in lex.verb_metric:
                metric, kind = lex.verb_metric[intro[2]]
            else:  # "DISPLACED FAMILIES BY LOCATION", "NEW ARRIVALS BY SITE": a counted noun
                metric = lex.nouns[intro[2]].metric
                kind = METRICS[metric].default_kind
            notes.append("a row of a table: counts what the paragraph above the table counts")
        elif (
            cue.unit in {"person", "household"}
            and (gone := _GONE_TO_SETTING.search(text, noun_end, min(hi, noun_end + 60)))
            is not None
            and _setting_at(text, gone.end())
        ):
            metric, kind = "displaced", "flow"  # "1.6 million people had gone to shelters"
        elif (
            cue.unit in {"person", "household"}
            and _MOVED_BEFORE.search(text, max(lo, mention.start - 30), mention.start)
            and (to := _TO_SETTING.match(text, noun_end)) is not None
            and _setting_at(text, to.end())
        ):
            metric, kind = "displaced", "flow"  # "moved around 1,300 people to evacuation centres"
        elif (
            cue.unit == "person"
            and about_refugees
            and (
                _AMONG_ARRIVALS.match(text, noun_end)
                or _AMONG_ARRIVALS_BEFORE.search(text, max(lo, mention.start - 40), mention.start)
            )
        ):
            # "Among February's arrivals were 612 unaccompanied or separated children", in a
            # text about refugees: a part of the refugees who arrived (not patients who arrived)
            metric, kind = "refugees", "flow"
        elif (
            cue.unit in {"person", "household"}
            and cue.group == "all"
            and _PASSED_THROUGH.match(text, noun_end)
        ):
            # "Some 58,000 people passed through the Hammam al-Alil screening site": people
            # on the move, counted where they are screened or registered
            metric, kind = ("refugees" if about_refugees else "displaced"), "flow"
        elif (
            cue.unit in {"person", "household"}
            and (housed := _HOUSED_IN.match(text, noun_end)) is not None
            and (
                _setting_at(text, housed.end())
                # not "400 soldiers were accommodated in 3 buildings of the university"
                or (
                    cue.group != "combatants"
                    and _SHELTERING_PLACE.match(text, housed.end()) is not None
                )
            )
        ):
            # "6,875 persons were accommodated in 26 relief camps": where displaced people
            # live now; not "300 soldiers were housed in the barracks"
            metric, kind = ("refugees" if about_refugees else "idps"), "stock"
        elif cue.unit in {"person", "household"} and (
            _SETTING_HOLDS_BEFORE.search(text, max(lo, mention.start - 90), mention.start)
            or (
                _SETTING_WITH_BEFORE.search(text, max(lo, mention.start - 60), mention.start)
                and _PEOPLE_WORD.fullmatch(text[mention.end : noun_end].strip().lower())
            )
        ):
            # "The shelters host about 189,000 people": the people the sites hold, displaced
            # or, in a text about refugees, refugees
            metric, kind = ("refugees" if about_refugees else "idps"), "stock"
        elif (
            previous is not None
            and cue.unit in {"person", "household"}
            and _item_by_place(text, mention)
        ):
            # "They are in North Lombok (198 846 people), West Lombok (91 372) ...": an item of
            # a list by place, counting what the figure before it counts
            return _same_as(
                previous, notes, "an item of a list by place: counts what the first counts"
            )
        elif (
            previous is not None
            and {cue.unit, previous.unit} == {"person", "household"}
            and previous.metric != "population"
            and _OR_RESTATED.search(text, max(0, mention.start - 20), mention.start)
        ):
            # "732,227 internally displaced persons, or 155,494 households, were identified":
            # the same people, counted in other units
            return _same_as(previous, notes, "the figure before it, counted in other units")
        else:
            return None
    if _WHEREABOUTS.search(text, max(0, mention.start - 30), mention.start) and _UNKNOWN.search(
        text, mention.end, hi
    ):
        metric, kind = "missing", "flow"  # "the whereabouts of 112 foreigners remain unknown"
    if (
        metric == "displaced"
        and verb is not None
        and _WERE_BEFORE.search(text, max(lo, verb[0] - 12), verb[0])
        and _AS_OF.search(text, lo, hi)
        and not _SINCE.search(text, lo, hi)
    ):
        metric, kind = (
            "idps",
            "stock",
        )  # "223,751 people were displaced in 122 sites as of 21 October"
    if (
        metric == "displaced"
        and subject
        and "displaced" in subject.lower()
        and "newly" not in subject.lower()
    ):
        metric = (
            "idps"  # "displaced Syrians": people in displacement, unless the wording says a flow
        )
    cues = {lex.kind_of[m.group().lower()] for m in lex.kind_cues.finditer(text, lo, hi)}
    if verb is not None and (verb[0] < lo or verb[1] > hi):
        # a label or heading out of the clause says what the figure counts, and how: "NEW
        # ARRIVALS IN JUNE 2024, BY ENTRY POINT" over "Fassala — 5,102"
        cues |= {lex.kind_of[m.group().lower()] for m in lex.kind_cues.finditer(text, *verb[:2])}
    default = METRICS[metric].default_kind
    if metric in {"refugees", "idps"} and kind is None:
        line_start = max(text.rfind("\n", 0, mention.start) + 1, mention.start - 100)
        if (
            _ARRIVALS_LABEL.search(text[line_start : mention.start])
            and ":" in text[line_start : mention.start]
        ):
            cues.add("flow")  # "Arrivals since 15 April 2023: 551,000 people"
        if (
            verb is not None
            and (verb[0] < lo or verb[1] > hi or "\n" in text[verb[1] : mention.start])
            and _ARRIVALS_HEADING.search(text, verb[0], verb[1])
        ):
            cues.add("flow")  # "ARRIVALS BY BORDER CROSSING (23 September – 31 October)" above
        kind = "flow" if "flow" in cues and "stock" not in cues else "stock"
        if metric == "idps" and kind == "flow":
            metric = "displaced"
    elif metric == "population":
        kind = "stock"
        if (
            origin is not None
            and _REFUGEE_WORDS.search(text, lo, hi)
            and named.abroad(origin, noun_end, hi)
        ):
            metric = "refugees"  # "Some 250,000 Syrians live in refugee camps in Jordan"
    if metric == "other" and _says_stock(text, lex, lo, hi):
        # "1,208 patients are currently admitted", "the camps host 140,000"; not "as of 4
        # December, a cumulative total of 142 cases"
        kind = "stock"
    kind = kind or default
    if metric in _STOCK_DEFAULT and kind == "flow" and metric != "refugees":
        kind = default
    if (
        metric == "other"
        and cue.unit in {"facility", "site"}
        and "flow" not in cues
        and not _INHABITED.search(subject or "")
    ):
        # "24 collective shelters", "2,512 schools had closed": places counted as they stand
        kind = "stock"
    if metric in {"idps", "refugees"} and _GREW_BY_BEFORE.search(
        text, max(lo, mention.start - 30), mention.start
    ):
        # "the IDP population rose by 1,994": the people who came, a flow
        metric, kind = ("displaced" if metric == "idps" else metric), "flow"
    elif _FELL_BY_BEFORE.search(text, max(lo, mention.start - 30), mention.start) or (
        kind == "stock" and _GREW_BY_BEFORE.search(text, max(lo, mention.start - 30), mention.start)
    ):
        # "the death toll fell by 3 to 27", "people in need rose by 2 million to 18 million":
        # the change of a count, no count of people
        return None
    elif metric in {"idps", "displaced", "refugees"} and _GREW_BY_TO_BEFORE.search(
        text, max(lo, mention.start - 80), mention.start
    ):
        # "... rose by 1,994 to 66,913": the population the change reached
        metric, kind = ("idps" if metric == "displaced" else metric), "stock"
    metric, kind = _settle_displacement(
        _Figure(text, mention, noun_end, (lo, hi), clause, next_start, verb, cue, origin),
        metric, kind, lex, gaz, named, about_returns=about_returns, about_refugees=about_refugees,
    )  # fmt: skip
    return _moved_for_care(
        text, mention, noun_end, _Counted(metric, cue.group, cue.unit, kind, subject, origin, notes)
    )


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure being read: its mention, where its counted noun ends, the words around it
    (``window``), its clause, where the next figure starts, its verb, its noun and origin."""

    text: str
    mention: Mention
    noun_end: int
    window: tuple[int, int]
    clause: tuple[int, int]
    next_start: int
    verb: tuple[int, int, str] | None
    cue: NounCue
    origin: str | None


def _settle_displacement(
    figure: _Figure,
    metric: str,
    kind: str,
    lex: Lexicon,
    gaz: Gazetteer,
    named: _Places,
    *,
    about_returns: bool,
    about_refugees: bool,
) -> tuple[str, str]:
    """Where the people a figure counts are, from the words around it: people who crossed in
    a text on returns are returnees, people in camps or sheltering are in displacement, people
    of one country sheltering in another are refugees, the reach of aid is no count of them."""
    text, mention, noun_end, verb = figure.text, figure.mention, figure.noun_end, figure.verb
    cue, origin, clause, next_start = figure.cue, figure.origin, figure.clause, figure.next_start
    lo, hi = figure.window
    if (
        about_returns
        and metric in {"refugees", "idps", "displaced"}
        and _CROSSING.match(text, _past_restatement(text, noun_end, next_start, hi)[0])
        and not _FLIGHT.search(text, clause[0], clause[1])
        and not _FLIGHT.search(text, mention.end, min(len(text), mention.end + 160))
    ):
        metric, kind = "returnees", "flow"  # "376,000 people had crossed" in a text on returns
    if (
        metric in {"population", "displaced"}
        and verb is not None
        and (
            metric == "population"
            or _LIVING_NOW.search(text, verb[1], min(len(text), verb[1] + 40))
        )
        and (
            _DISPLACEMENT_SETTING.search(text, max(lo, mention.start - 80), min(hi, noun_end + 80))
            or _DISPLACEMENT_SETTING.search(text, verb[0], verb[1] + 60)
        )
    ):
        metric, kind = "idps", "stock"  # "the Bentiu IDP camp, home to some 110,000 people"
    if (
        metric == "population"
        and verb is not None
        and verb[2] == "home to"
        and _CAMP_BEFORE.search(text, max(lo, verb[0] - 50), verb[0])
    ):
        # "Zamzam camp alone was home to some 500,000 people": the people of a camp
        metric, kind = ("refugees" if about_refugees else "idps"), "stock"
    if (
        metric == "population"
        and verb is not None
        and _STAYS.search(text, verb[0], verb[1]) is not None
        and _IN_CAMPS_AFTER.match(text, verb[1])
    ):
        # "About 300,000 of them are living in 22 camps around Monrovia": the people of camps
        metric, kind = ("refugees" if about_refugees else "idps"), "stock"
    if (
        metric == "population"
        and verb is not None
        and _STAYS.search(text, verb[0], verb[1]) is not None
        and (after_verb := _IN_OR_AT.match(text, verb[1])) is not None
        and _setting_at(text, after_verb.end())
    ):
        # "7,500 people remain in the Rukban settlement", "8,500 remained in UNRWA schools":
        # people staying where the displaced stay
        metric, kind = ("refugees" if about_refugees else "idps"), "stock"
    if (
        metric == "displaced"
        and kind != "stock"
        and (
            (holds := _HOLDS_BEFORE.search(text, max(lo, mention.start - 40), mention.start))
            is not None
        )
        # "leave thousands homeless" is a new displacement; "leave 200,000 displaced" a state
        and (
            holds.group(1).lower() not in {"leave", "leaves", "left"}
            or _DISPLACED_NEXT.match(text, mention.end)
        )
        and not _SINCE.search(text, lo, hi)
        # not "Chad hosts 600,000 people who fled Sudan": refugees, from another country
        and not any(p.level == "country" for p in gaz.find(text[noun_end:hi]))
    ):
        # "the Grand Sud hosts some 250,000 people who fled the capital", "storms leave tens of
        # thousands displaced": people in displacement, a stock
        metric, kind = "idps", "stock"
    if (
        metric == "displaced"
        and _FALLEN_TO.search(text, max(lo, mention.start - 30), mention.start)
        and not _NEW_OR_PER.search(text, max(lo, mention.start - 90), mention.start)
    ):
        # "the number of registered evacuees had fallen to 41,241": a count that falls is of
        # people still displaced, not of new flights
        metric, kind = "idps", "stock"
    if metric == "displaced" and _SHARE_OF_POPULATION.search(text, lo, hi):
        # "1.9 million people, roughly 90 per cent of Gaza's population, were displaced": a share
        # of a population is the state it is in, not a movement
        metric, kind = "idps", "stock"
    if metric == "idps" and verb is not None and verb[2] in _HOSTING and origin is not None:
        metric, kind = "refugees", "stock"  # "Colombia hosts about 2.8 million Venezuelans"
    if (
        metric == "idps"
        and (fled := _WHO_FLED.match(text, noun_end, hi)) is not None
        and _fled_country(text, gaz, fled.end(), hi)
    ):
        metric, kind = "refugees", "stock"  # "Chad hosts 600,000 people who fled Sudan"
    if (
        about_refugees
        and metric == "idps"
        and verb is not None
        and (verb[2] in _HOSTING or _LIVING_NOW.search(verb[2]) or verb[2].startswith("live"))
        and cue.unit in {"person", "household"}
        and not cue.metric
        and not _DISPLACEMENT_WORDS.search(text, lo, hi)
        # not "Fafan zone hosts some 90,000": a part of a country hosts its own displaced
        and not _DIVISION_HOSTS.search(text, max(lo, mention.start - 40), mention.start)
    ):
        metric, kind = "refugees", "stock"  # "the Caribbean hosts 230,000 of them" (refugees)
    if (
        metric == "idps"
        and origin is not None
        and (where := named.where(text, noun_end, hi)) is not None
        and where != origin
        and not _DISPLACEMENT_WORDS.search(text, lo, hi)
    ):
        # "Some 4,600 Lebanese households are sheltering in 31 collective centres in Homs":
        # people sheltering outside their own country are refugees
        metric, kind = "refugees", "stock"
    given = _verbs(text, lex, max(lo, mention.start - 60), mention.start)
    if (
        metric in {"refugees", "idps", "displaced", "returnees"}
        and given
        and lex.verb_metric[given[-1][2]][0] == "other"
        and _GIVEN_TO.match(text, given[-1][1], mention.start)
    ):
        # "WFP distributed food to 98,000 displaced people": the reach of aid, not the people
        metric, kind = "other", "flow"
    return metric, kind


def _moved_for_care(text: str, mention: Mention, noun_end: int, counted: _Counted) -> _Counted:
    """ "airlifted more than 2,000 injured people", "22 of the injured were flown to Quetta":
    the injured moved for care are a count of transfers (other), not of the injured."""
    of_the = _OF_THE_WORD.match(text, noun_end)
    if counted.metric == "injured" and (
        _TRANSPORTED_BEFORE.search(text, max(0, mention.start - 50), mention.start)
        or _TRANSPORTED_AFTER.match(text, of_the.end() if of_the else noun_end)
        # "75 wounded, of whom 26 were evacuated to Niamey": the injured evacuated, for care
        or _EVACUATED_AFTER.match(text, of_the.end() if of_the else noun_end)
    ):
        notes = [*counted.notes, "the injured moved for care, not a count of the injured"]
        return replace(counted, metric="other", kind="flow", notes=notes)
    return counted


# "one soldier was also killed", "killing one man": one person, counted
_ONE_PERSON: Final = re.compile(
    r"\s+(?:(?:elderly|old|young|local|Palestinian|Israeli|Ukrainian|Russian)\s+)?(?:man|woman|child|boy|girl|person|civilian|soldier|policeman|officer|worker|journalist"
    r"|student|pupil|teacher|farmer|doctor|nurse|guard|driver|resident)\b",
    re.IGNORECASE,
)
_CASUALTY_AFTER: Final = re.compile(
    # past an apposition: "one woman, a Haitian, drowned", "one man, 45, was killed"
    # (not a relative clause: "one soldier, who was injured, was killed")
    r"(,\s+(?!who\b|which\b|that\b)(?:[^,.;:\d\n]{1,40}|(?:aged\s+)?\d{1,3}),)?"
    r"\s+(?:(?:was|has\s+been|had\s+been)(?:\s+also)?"
    r"(?:\s+(?:lightly|slightly|seriously|critically|badly|severely|fatally))?"
    r"\s+(?P<said>killed|injured|wounded|shot\s+dead|found\s+dead|abducted|kidnapped"
    # missing as a state, not "was missing school"
    r"|missing(?=\s*(?:[.,;:!?)]|$|(?:since|after|in|at|for|and|following|from)\b)))"
    r"|(?:also\s+)?(?P<did>died|drowned|went\s+missing))\b"
)
_ONE_ITEM_BEFORE: Final = re.compile(r"(?:,|\band|\bincluding|\bamong\s+them)\s+$")
# not "one in ten": a ratio
_ONE_ITEM_AFTER: Final = re.compile(
    r"\s+(?:(?:on|at|from)\s+(?:the\s+)?[A-Za-z]|of\s+(?:them|whom)\s|in\s+(?:the\s+)?[A-Z])"
)
_CASUALTY_BEFORE: Final = re.compile(r"\b(?:killing|wounding|injuring|killed|wounded|injured)\s+$")
_HOUSEHOLD_NOUN_AFTER: Final = re.compile(r"\s+(?:households|families)\b")
_PERSON_NOUN_AFTER: Final = re.compile(r"\s+(?:people|persons|individuals)\b")


_SLASH_RESTATES: Final = re.compile(
    r"[ \t]+(?:HH|hh|households|families|hhs)\.?[ \t]+/[ \t]+(?:(?:about|some|~)[ \t]*)?"
)
_PEOPLE_AFTER_SLASH: Final = re.compile(r"[ \t]+(?:people|persons|individuals|ind)\b")


def _restated(
    text: str, mention: Mention, counted: _Counted | None, previous: _Counted, previous_end: int
) -> _Counted | None:
    """A figure in parentheses right after another restates it in other units: "2,600
    displaced families (about 12,000 people)" counts what the first figure counts."""
    if (
        _SLASH_RESTATES.fullmatch(text, previous_end, mention.start) is not None
        and previous.unit != "person"
        and _PEOPLE_AFTER_SLASH.match(text, mention.end)
    ):
        unit = "person"  # "Eldoret ASK Showground: 3,870 HH / 15,240 ind.": then their people
    else:
        opening = text.rfind("(", previous_end, mention.start)
        if (
            opening < 0
            or opening - previous_end > 40
            or ")" in text[previous_end:opening]
            or text[opening + 1 : mention.start].strip(" ~")
            or (previous.unit == "person" and not _HOUSEHOLD_NOUN_AFTER.match(text, mention.end))
        ):
            return counted
        unit = (
            "person"
            if _PERSON_NOUN_AFTER.match(text, mention.end)
            else "household"
            if _HOUSEHOLD_NOUN_AFTER.match(text, mention.end)
            else previous.unit
        )
    subject = counted.subject if counted is not None else None
    notes = [*(counted.notes if counted is not None else []), "restates the figure before it"]
    return _Counted(
        previous.metric, previous.group, unit, previous.kind, subject, previous.origin, notes
    )


# "abducting 42 people: 27 students, three staff members and 12 of their relatives"
# "233,416 registered refugees: Dagahaley 81,722, Hagadera 86,005 and Ifo 65,689"
_ITEM_NAME: Final = r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s)?"
_LIST_OPENS: Final = re.compile(rf"[^.;:!?\n\d()]{{0,150}}:\s*{_ITEM_NAME}")
_LIST_GOES_ON: Final = re.compile(
    rf"[^.;:!?\n\d()]{{0,40}}?(?:,\s*(?:and\s+)?|\s+and\s+){_ITEM_NAME}"
)
_LISTED: Final = "an item of the list that breaks down the figure before it"


def _listed_part(
    text: str,
    mention: Mention,
    counted: _Counted | None,
    previous: _Counted,
    previous_end: int,
    lex: Lexicon,
) -> _Counted | None:
    """A figure in a list that breaks the one before it down after a colon counts what that
    figure counts: "abducting 42 people: 27 students, three staff members and 12 of their
    relatives". A figure with a count of its own ("45 casualties: 30 dead") keeps it."""
    if counted is not None and counted.metric != previous.metric and not unnamed(counted):
        return counted
    between = text[previous_end : mention.start]
    opens = _LIST_OPENS.fullmatch(between) is not None
    if not opens and not (_LISTED in previous.notes and _LIST_GOES_ON.fullmatch(between)):
        return counted
    # each item's own noun says its group: "19 people: 3 children, 2 women and 14 men"
    own = [
        lex.nouns[w.group().lower()].group
        for w in islice(_WORD.finditer(text, mention.end, min(len(text), mention.end + 30)), 3)
        if w.group().lower() in lex.nouns
    ]
    group = own[0] if own else counted.group if counted is not None else "all"
    notes = [*(counted.notes if counted is not None else []), _LISTED]
    return _Counted(
        previous.metric, group, previous.unit, previous.kind, None, previous.origin, notes
    )
