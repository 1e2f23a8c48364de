"""The council whose own website published a page, read from the page's address.

A council's newsroom or committee minutes ("democracy.plymouth.gov.uk", "rutlandcounty.moderngov.co.uk") often never
name the council in their text: the site says whose page it is. The scraped text loses the site's header, so the
address is the one place left that names the publisher.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from urllib.parse import urlsplit

from indexer.ingest.annotate.gazetteer import authorities, resolve_mention

# The part of a council host that names the council: "X.gov.uk", "X.moderngov.co.uk".
_COUNCIL_HOST = re.compile(r"(?:^|\.)([a-z0-9-]+)\.(?:gov\.uk|moderngov\.co\.uk)$")
# gov.uk hosts that are not a council's: the national government and its bodies.
_NOT_COUNCILS = frozenset({"www", "gov", "ofsted", "nationalarchives", "childrenscommissioner", "education",
                           "parliament", "service", "nhs", "police", "cqc", "legislation", "data", "assets"})
# Words a council's site name adds to or drops from its name ("barnsleymbc", "rutlandcounty", "nottinghamcity").
_SITE_SUFFIXES = ("council", "county", "city", "mbc", "cc", "bc", "dc", "gov")
# Shortened county names councils use in their addresses ("hants", "westberks", "southglos", "nelincs").
_SHORT_COUNTIES = (("northants", "northamptonshire"), ("hants", "hampshire"), ("lincs", "lincolnshire"),
                   ("glos", "gloucestershire"), ("berks", "berkshire"), ("yorks", "yorkshire"),
                   ("notts", "nottinghamshire"), ("leics", "leicestershire"), ("staffs", "staffordshire"),
                   ("worcs", "worcestershire"), ("wilts", "wiltshire"), ("herts", "hertfordshire"),
                   ("bucks", "buckinghamshire"), ("cambs", "cambridgeshire"), ("beds", "bedfordshire"))
# Addresses no rule derives from the name (initials, an old portal's name).
_IRREGULAR = {"bathnes": "Bath and North East Somerset", "iow": "Isle of Wight", "rbkc": "Kensington and Chelsea",
              "lbhf": "Hammersmith and Fulham", "rbwm": "Windsor and Maidenhead", "dorsetforyou": "Dorset",
              "nelincs": "North East Lincolnshire", "bcpcouncil": "Bournemouth, Christchurch and Poole"}
# Words of a council's name its address leaves out ("London Borough of Barnet" -> barnet).
_NAME_WORDS = re.compile(r"\b(?:london borough of|royal borough of|borough of|city of|council|county|metropolitan"
                         r"|borough|district|city)\b")
_MIN_PART = 4  # a shorter address part ("bury" is fine, "ely" is not a council) matches only exactly


def _squash(name: str) -> str:
    """Lower case, '&' as 'and', letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("&", "and"))


def _forms(alias: str) -> set[str]:
    """The ways an address may spell a council's name: whole, without 'and', without council words."""
    spelt = alias.lower().replace("&", " and ")
    plain = _NAME_WORDS.sub(" ", spelt)
    forms = {_squash(spelt), _squash(plain), _squash(re.sub(r"\band\b", " ", spelt)),
             _squash(re.sub(r"\band\b", " ", plain))}
    return forms - {""}


@lru_cache(maxsize=1)
def _by_form() -> dict[str, frozenset[str]]:
    """Spelling -> the codes of the councils it names."""
    out: dict[str, set[str]] = {}
    for auth in authorities().values():
        for alias in (auth.name, auth.council_name, *auth.aliases):
            for form in _forms(alias):
                out.setdefault(form, set()).add(auth.code)
    return {form: frozenset(codes) for form, codes in out.items()}


def address_part_codes(part: str, exact: bool = False) -> frozenset[str]:
    """Round 27: the council a word (or run of words) of any address names; with `exact`, only by a whole spelling."""
    return _codes_for(part, exact)


def one_body(codes: frozenset[str]) -> bool:
    """The codes name one council (an old body and the one that succeeded it count as one)."""
    return _one_body(codes)


def _one_body(codes: frozenset[str]) -> bool:
    """The codes name one council (an old body and the one that succeeded it count as one)."""
    first, *rest = sorted(codes)
    related = {first, *authorities()[first].successors, *authorities()[first].predecessors}
    return all(code in related for code in rest)


def _host(url: str) -> str:
    """The host of the page itself; an archive's copy ("webarchive…/2010…/http://www.x.gov.uk/…") is the original's."""
    inner = re.findall(r"https?://[^\s]+", url[8:]) if url else []
    try:
        host = urlsplit(inner[-1] if inner else url).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


def _candidates(part: str) -> list[str]:
    """The address part as written, without a site suffix, and with a short county name written out."""
    out = [part, part[len("royal"):]] if part.startswith("royal") else [part]  # "royalgreenwich"
    out += [part[: -len(suffix)] for suffix in _SITE_SUFFIXES if part.endswith(suffix) and len(part) > len(suffix) + 2]
    for short, full in _SHORT_COUNTIES:
        out += [c.replace(short, full) for c in list(out) if short in c]
    return out


def _codes_for(part: str, exact: bool = False) -> frozenset[str]:
    """The council an address part names, or none: exact spellings first, then one council whose name it starts or ends."""
    forms = _by_form()
    if part in _IRREGULAR:
        return forms.get(_squash(_IRREGULAR[part]), frozenset())
    candidates = _candidates(part.replace("-", ""))
    for candidate in candidates:
        if candidate in forms:
            return forms[candidate]
    if exact:
        return frozenset()
    for candidate in candidates:
        if len(candidate) < _MIN_PART:
            continue
        found = frozenset(code for form, codes in forms.items() if len(form) > len(candidate)
                          and (form.startswith(candidate) or form.endswith(candidate)) for code in codes)
        if found:
            return found if _one_body(found) else frozenset()
    return frozenset()


def site_council(url: str, day: dt.date | None) -> tuple[str | None, str]:
    """The council whose own website the address belongs to, with the host ((None, '') for any other site)."""
    host = _host(url)
    match = _COUNCIL_HOST.search(host)
    if not match or match.group(1) in _NOT_COUNCILS:
        return None, ""
    codes = _codes_for(match.group(1))
    if not codes or not _one_body(codes):
        return None, ""
    return resolve_mention(tuple(sorted(codes)), day), host
