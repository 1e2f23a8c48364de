"""The English local authorities with children's services, and finding them in text."""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from indexer import settings

# Words after a place name that make it another body's name ("Kent and Medway NHS Trust", "Kent Police").
_ORG_WORDS = re.compile(
    r"^(?:[ ,]+(?:and|&|[A-Z][\w’'-]+)){0,5}?\s+(NHS|Police|Constabulary|Fire|CCG|Clinical|Hospitals?|University"
    r"|FC|Football|Airport|Crown Court|Magistrates|Chamber|Cathedral|Diocese|Integrated Care|ICB|Healthcare"
    r"|Health(?:care)? (?:Trust|Board)|Partnership NHS|Foundation Trust|Ambulance|Rugby|Cricket|Water|Rovers"
    r"|Wanderers|Athletic|Albion|Hotspur"
    # round 9: a joint safeguarding board or partnership ("the Bournemouth and Poole Local Safeguarding Children
    # Board", "Kent Safeguarding Children Partnership", "the Brent LSCB") is a partner body, not the council
    r"|Safeguarding\s+(?:Children|Adults|Partnership|Board)|LSCB|LSCP|SCB|SCP)\b"
)
# A newspaper or station named after a town is not the council ("Shropshire Star", "Manchester Evening News").
_PAPER_WORDS = re.compile(r"^\s+(?:Evening\s+|Free\s+|Daily\s+|Weekly\s+)?(Echo|Gazette|Advertiser|Chronicle|Herald"
                          r"|Mercury|Telegraph|Argus|Press|Live|Star|Post|News|Times|Journal|Express|Observer|Standard"
                          r"|Examiner|Courier|Citizen|Reporter|Sentinel|Guardian|Evening)\b")
_ORG_WORDS_ANY_CASE = re.compile(_ORG_WORDS.pattern, re.IGNORECASE)
# Aliases too ambiguous to trust on their own.
_RISKY_ALIASES = {"Hull City"}
# Everyday names that always mean one council ("Newcastle" alone is Newcastle upon Tyne; "-under-Lyme" is excluded;
# "Kingston" alone is the London borough: Kingston upon Hull is called "Hull", and its full name is matched first).
_EVERYDAY_ALIASES = {"Newcastle upon Tyne": ("Newcastle",), "Kingston upon Thames": ("Kingston",)}
# Round 31 (`settings.ROUND31_COUNTY_SHORT_FORMS`): the counties' customary short forms, as pages and people write them
# ("Bucks County Council", "Herts children's services"); matched with a capital only, as every alias is ("bucks the
# trend" is no county).
COUNTY_SHORT_FORMS = {"Buckinghamshire": ("Bucks",), "Hertfordshire": ("Herts",), "Northamptonshire": ("Northants",),
                      "Nottinghamshire": ("Notts",), "Lancashire": ("Lancs",),
                      "Leicestershire": ("Leics",), "Cambridgeshire": ("Cambs",), "Staffordshire": ("Staffs",),
                      "Lincolnshire": ("Lincs",), "Worcestershire": ("Worcs",), "Wiltshire": ("Wilts",),
                      "Oxfordshire": ("Oxon",), "Derbyshire": ("Derbys",)}
# Round 32 (`settings.ROUND32_LOCAL_SHORT_FORMS`): other councils' customary short forms and initials, as local pages
# and people write them ("IoW children's services", "H&F adoption", "South Glos front door"; set ae's questions called
# three councils so). "Glos" is Gloucestershire only now that "South Glos" / "Sth Glos" are matched first (longest
# first); also matched with a capital only.
LOCAL_SHORT_FORMS = {"Isle of Wight": ("IoW", "IOW"), "Hammersmith and Fulham": ("H&F",),
                     "Kensington and Chelsea": ("K&C",), "Windsor and Maidenhead": ("RBWM",),
                     "South Gloucestershire": ("South Glos", "Sth Glos", "S Glos"), "Gloucestershire": ("Glos",),
                     "North East Lincolnshire": ("NE Lincs", "North East Lincs"),
                     "North Lincolnshire": ("North Lincs", "N Lincs"), "North Yorkshire": ("North Yorks", "N Yorks"),
                     "East Sussex": ("E Sussex",), "West Sussex": ("W Sussex",)}


def short_forms(name: str, county_short: bool, local_short: bool) -> tuple[str, ...]:
    """A council's customary short forms the switches turn on (round 31's counties', round 32's others')."""
    return ((COUNTY_SHORT_FORMS.get(name, ()) if county_short else ())
            + (LOCAL_SHORT_FORMS.get(name, ()) if local_short else ()))


@dataclass(frozen=True)
class Authority:
    """One local authority: ONS code, canonical short name, aliases and validity dates."""

    code: str
    name: str
    council_name: str
    aliases: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    successors: tuple[str, ...]
    predecessors: tuple[str, ...]

    def valid_on(self, day: dt.date | None) -> bool:
        """True when the authority existed on that day (or the day is unknown)."""
        if day is None:
            return True
        return (self.valid_from is None or day >= self.valid_from) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Mention:
    """A place in the text where an authority is named."""

    start: int
    end: int
    alias: str
    codes: tuple[str, ...]  # several when a name is shared by old and new bodies (resolved by date)
    is_org: bool  # part of another body's name


def _date(value: str) -> dt.date | None:
    """ISO date or None."""
    return dt.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def authorities() -> dict[str, Authority]:
    """All authorities by ONS code."""
    out = {}
    with open(settings.GAZETTEER_CSV, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names = {row["short_name"], row["name"], row["council_name"], *row["aliases"].split(";"),
                     *_EVERYDAY_ALIASES.get(row["name"], ())}
            aliases = tuple(sorted({a.strip() for a in names if a.strip() and a.strip() not in _RISKY_ALIASES}))
            out[row["code"]] = Authority(
                code=row["code"], name=row["short_name"], council_name=row["council_name"], aliases=aliases,
                valid_from=_date(row["valid_from"]), valid_to=_date(row["valid_to"]),
                successors=tuple(c for c in row["successor_codes"].split(";") if c),
                predecessors=tuple(c for c in row["predecessor_codes"].split(";") if c))
    return out


def _alias_index() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """One regex over every alias, longest first, and alias -> codes (per round-28 switch)."""
    return _alias_index_for(settings.ROUND28_HYPHENED_NAMES, settings.ROUND31_COUNTY_SHORT_FORMS,
                            settings.ROUND32_LOCAL_SHORT_FORMS)


# Round 28: "Kingston upon Hull" written "Kingston-upon-Hull", "Newcastle-upon-Tyne": the joining word of a town's
# name set between hyphens is the same name (without it, "Kingston-upon-Hull" read as "Kingston", the London borough).
_JOINED = re.compile(r" (upon|on|under|in|le|by) ")


def _hyphened(alias: str) -> str | None:
    """The alias with hyphens round its joining word ("Kingston-upon-Hull"), when it has one."""
    joined = _JOINED.sub(lambda m: f"-{m.group(1)}-", alias)
    return joined if joined != alias else None


@lru_cache(maxsize=8)
def _alias_index_for(hyphened: bool, county_short: bool = False,
                     local_short: bool = False) -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """_alias_index for one setting of ROUND28_HYPHENED_NAMES (and the short forms' switches)."""
    by_alias: dict[str, set[str]] = {}
    for auth in authorities().values():
        for alias in (*auth.aliases, *short_forms(auth.name, county_short, local_short)):
            by_alias.setdefault(alias, set()).add(auth.code)
            variant = _hyphened(alias) if hyphened else None
            if variant:
                by_alias.setdefault(variant, set()).add(auth.code)
            # "Medway's", "Kent’s" are covered by the boundary; also allow "X Council" written in lower case.
    ordered = sorted(by_alias, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in ordered) + r")(?![\w]|-(?!on|upon|under))")
    return pattern, {a: tuple(sorted(c)) for a, c in by_alias.items()}


@lru_cache(maxsize=1)
def _capitals_index() -> dict[str, str]:
    """Upper-cased alias -> alias, for names set in capitals ("GATESHEAD and York", "OLDHAM Council")."""
    return {alias.upper(): alias for alias in _alias_index_for(False)[1] if len(alias) >= 4 and alias.upper() not in _CAPITALS_WORDS}


_CAPITALS_WORDS = {"READING"}  # an everyday word in a capitalised headline far more often than the council
_CAPITALS_RUN = re.compile(r"(?<![\w-])[A-Z][A-Z'’&-]+(?:\s+(?:[A-Z][A-Z'’&-]+|AND|UPON|ON))*(?![\w-])")


def _capitals_text(text: str) -> str:
    """Text with runs of capitals that spell a council's name rewritten in the name's own case (same length)."""
    if not re.search(r"[A-Z]{4}", text):
        return text
    capitals = _capitals_index()

    def recase(match: re.Match) -> str:
        run = match.group(0)
        if run in capitals:
            return capitals[run]
        return re.sub(r"[A-Z][A-Z'’&-]+", lambda word: capitals.get(word.group(0), word.group(0)), run)
    return _CAPITALS_RUN.sub(recase, text)


# Everyday short forms that are only safe as council names when "council" or "borough" follows.
_CONTEXT_ALIASES = {
    "Brighton": "Brighton and Hove", "Stoke": "Stoke-on-Trent", "Telford": "Telford and Wrekin",
    "Redcar": "Redcar and Cleveland", "Bath": "Bath and North East Somerset", "Kingston": "Kingston upon Thames",
    "Richmond": "Richmond upon Thames", "Windsor": "Windsor and Maidenhead", "Blackburn": "Blackburn with Darwen",
    "Southend": "Southend-on-Sea", "Hammersmith": "Hammersmith and Fulham", "Kensington": "Kensington and Chelsea",
    "Stockton": "Stockton-on-Tees", "Barking": "Barking and Dagenham",
}
_CONTEXT_RE = re.compile(r"\b(" + "|".join(_CONTEXT_ALIASES) + r")(?=(?:['’]s)?\s+(?:City\s+|Borough\s+)?(?:council|borough)\b)",
                         re.IGNORECASE)


@lru_cache(maxsize=1)
def _current_by_name() -> dict[str, str]:
    """Current authorities' short names -> code (built once, not per sentence)."""
    return {a.name: a.code for a in authorities().values() if a.valid_to is None}


def _context_mentions(text: str, taken: list[Mention]) -> list[Mention]:
    """Short forms such as "Brighton council" where no full name was matched at that place."""
    by_name = _current_by_name()
    out = []
    for match in _CONTEXT_RE.finditer(text):
        if any(m.start <= match.start() < m.end for m in taken):
            continue
        name = _CONTEXT_ALIASES[match.group(1).title()]
        if name in by_name:
            out.append(Mention(match.start(), match.end(), match.group(1), (by_name[name],), False))
    return out


# Round 12: "North and West Northamptonshire", "East and West Sussex": two places sharing one head noun, the first
# written without it.
_COMPASS = ("North", "South", "East", "West", "Central", "Mid")
_ELIDED_BEFORE = re.compile(rf"\b({'|'.join(_COMPASS)})\s+(?:and|&)\s+$")


def _elided_heads(text: str, mentions: list[Mention], codes: dict) -> list[Mention]:
    """The first place of "North and West Northamptonshire" when "North Northamptonshire" is an authority's name."""
    out = []
    for mention in mentions:
        head, _, rest = mention.alias.partition(" ")
        if head not in _COMPASS or not rest:
            continue
        match = _ELIDED_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        full = f"{match.group(1)} {rest}" if match else ""
        if full in codes and not any(m.start <= match.start(1) < m.end for m in mentions):
            out.append(Mention(match.start(1), match.end(1), full, codes[full], mention.is_org))
    return out


def short_form_code(word: str) -> str | None:
    """The current council an everyday short form ("Richmond", "Brighton") stands for, when it is one."""
    name = _CONTEXT_ALIASES.get(word.strip().title())
    return next((a.code for a in authorities().values() if a.valid_to is None and a.name == name), None)


def find_mentions(text: str) -> list[Mention]:
    """Every authority name in the text, longest match first, marked when part of another body's name."""
    # a copy: callers may change their list
    return list(_mentions(text, settings.ROUND28_HYPHENED_NAMES, settings.ROUND31_COUNTY_SHORT_FORMS,
                          settings.ROUND32_LOCAL_SHORT_FORMS))


# Every rule scans the same sentences for councils (subjects, attribution, movement): each text is scanned once.
@lru_cache(maxsize=8192)
def _mentions(text: str, hyphened: bool, county_short: bool = False, local_short: bool = False) -> tuple[Mention, ...]:
    """find_mentions, remembered per text (and per switch of names)."""
    pattern, codes = _alias_index_for(hyphened, county_short, local_short)
    mentions = []
    text = _capitals_text(text)
    for match in pattern.finditer(text):
        alias = match.group(1)
        # "Newcastle-under-Lyme" is a district, not Newcastle upon Tyne.
        if text[match.end():match.end() + 7].lower().startswith("-under"):
            continue
        following = text[match.end():match.end() + 80]
        # "Greater Manchester", "Greater London": a region named after the place, not its council.
        region = text[max(0, match.start() - 8):match.start()] == "Greater "
        is_org = bool(_ORG_WORDS.match(following) or _PAPER_WORDS.match(following)) or region
        mentions.append(Mention(match.start(), match.end(), alias, codes[alias], is_org))
    elided = _elided_heads(text, mentions, codes)
    mentions = sorted(mentions + elided, key=lambda m: m.start) if elided else mentions
    extra = _context_mentions(text, mentions)
    return tuple(sorted(mentions + extra, key=lambda m: m.start) if extra else mentions)


def resolve(codes: tuple[str, ...], day: dt.date | None) -> str:
    """Pick the authority a name meant on a given day (e.g. Dorset CC before 2019, Dorset Council after)."""
    if len(codes) == 1:
        return codes[0]
    auths = [authorities()[c] for c in codes]
    valid = [a for a in auths if a.valid_on(day)]
    if day is None:
        current = [a for a in auths if a.valid_to is None]
        valid = current or auths
    return (valid or auths)[0].code


def resolve_mention(codes: tuple[str, ...], day: dt.date | None) -> str:
    """Like resolve, and a name used after its authority was abolished means the successor ("Bournemouth" in 2020 -> BCP)."""
    code = resolve(codes, day)
    auth = authorities()[code]
    if day and auth.valid_to and day > auth.valid_to and len(auth.successors) == 1:
        return auth.successors[0]
    return code


def display_name(code: str) -> str:
    """The short canonical name shown as the facet value."""
    auth = authorities()[code]
    if auth.valid_to is not None and any(a.name == auth.name for a in authorities().values() if a.code != code):
        return f"{auth.name} ({auth.council_name})" if auth.council_name != auth.name else f"{auth.name} (pre-{auth.valid_to.year + 1})"
    return auth.name


def names_another_body(following: str) -> bool:
    """True when the words after a place name make it another body's name, in any case ("kent police")."""
    return bool(_ORG_WORDS_ANY_CASE.match(following))
