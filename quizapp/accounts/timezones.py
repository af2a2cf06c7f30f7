"""The time-zone list people choose from: grouped by region, named in their language.

The IANA database has 597 names, 150 of them old aliases ("US/Pacific", "Asia/Calcutta")
of another. The list shows each zone once, under its region, as "city, country (GMT+05:00)"
in CLDR's words; an alias still stored for an account stays valid (``ZONES``).
"""

import functools
import json
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, available_timezones

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_gmt, get_timezone_location
from flask_babel import lazy_gettext as _l

ZONES = frozenset(available_timezones() - {"localtime", "Factory"})
DEFAULT_ZONE = "UTC"
# The first part of a zone's name, in the order the list shows the regions.
REGIONS = {
    "Africa": _l("Africa"), "America": _l("Americas"), "Antarctica": _l("Antarctica"),
    "Arctic": _l("Arctic"), "Asia": _l("Asia"), "Atlantic": _l("Atlantic Ocean"),
    "Australia": _l("Australia"), "Europe": _l("Europe"), "Indian": _l("Indian Ocean"),
    "Pacific": _l("Pacific Ocean"),
}
OTHER = _l("Coordinated Universal Time")


def _listed_zones() -> list[str]:
    aliases = get_global("zone_aliases")
    return sorted(zone for zone in ZONES
                  if zone not in aliases and zone.split("/", 1)[0] in REGIONS)


@functools.cache
def browser_aliases() -> str:
    """JSON {old name: listed zone}: some browsers still report "Asia/Calcutta" or
    "Europe/Kiev", which the registration page's script then finds in the list."""
    listed = set(_listed_zones())
    aliases = get_global("zone_aliases")
    return json.dumps({alias: zone for alias, zone in sorted(aliases.items())
                       if zone in listed and alias in ZONES}, separators=(",", ":"))


def _fixed_offsets() -> list[str]:
    """UTC, then the fixed "Etc/GMT±N" zones, west to east (their sign is POSIX's, reversed)."""
    fixed = [zone for zone in ZONES if zone.startswith("Etc/GMT") and zone[7:]]
    return [DEFAULT_ZONE, *sorted(fixed, key=lambda zone: -int(zone[7:]))]


def zone_label(zone: str, locale: Locale, on: date) -> str:
    """ "Almaty, Kazakhstan (GMT+05:00)", "ألماتي، كازاخستان (غرينتش+05:00)"."""
    moment = datetime.combine(on, time(12), UTC).astimezone(ZoneInfo(zone))
    # An isolate keeps "+05:00" together inside right-to-left text.
    offset = "\u2066" + get_timezone_gmt(moment, "long", locale=locale) + "\u2069"
    if zone == DEFAULT_ZONE:
        return f"{OTHER} ({offset})"
    if zone.startswith("Etc/"):
        return offset
    city = get_timezone_location(zone, locale=locale, return_city=True)
    territory = get_global("zone_territories").get(zone)
    country = locale.territories.get(territory) if territory else None
    comma = "، " if locale.language == "ar" else ", "
    place = f"{city}{comma}{country}" if country and country != city else city
    return f"{place} ({offset})"


@functools.lru_cache(maxsize=8)
def grouped_zones(language: str, on: date) -> tuple[tuple[str, tuple[tuple[str, str], ...]],
                                                    ...]:
    """(region label, ((zone, label), ...)) for the list; UTC and fixed offsets first.

    Cached by language and day: offsets change only when daylight saving time does.
    """
    locale = Locale.parse(language)
    by_region: dict[str, list[tuple[str, str]]] = {region: [] for region in REGIONS}
    for zone in _listed_zones():
        by_region[zone.split("/", 1)[0]].append((zone, zone_label(zone, locale, on)))
    groups = [(str(OTHER), tuple((zone, zone_label(zone, locale, on))
                                 for zone in _fixed_offsets()))]
    for region, label in REGIONS.items():
        groups.append((str(label), tuple(sorted(by_region[region], key=lambda z: z[1]))))
    return tuple(groups)
