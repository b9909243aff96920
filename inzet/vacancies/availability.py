"""Weekly availability as a 21-bit mask: one bit per weekday (Monday first) × part of day (morning, afternoon, evening).

Kept as an integer so that overlap between a volunteer and a vacancy is one bitwise AND in SQL.
"""

from django.utils.translation import gettext_lazy as _

DAYS = [_("maandag"), _("dinsdag"), _("woensdag"), _("donderdag"), _("vrijdag"), _("zaterdag"), _("zondag")]
PARTS = [_("ochtend"), _("middag"), _("avond")]
ALL = (1 << 21) - 1


def bit(day: int, part: int) -> int:
    return 1 << (day * len(PARTS) + part)


def slots(mask: int) -> list[tuple[int, int]]:
    """The (day, part) pairs set in a mask, in week order."""
    return [(day, part) for day in range(len(DAYS)) for part in range(len(PARTS)) if mask & bit(day, part)]


def mask_of(pairs) -> int:
    mask = 0
    for day, part in pairs:
        mask |= bit(day, part)
    return mask


def label(day: int, part: int) -> str:
    # Dutch writes one word ("dinsdagavond"), English two ("Tuesday evening"): the translation decides.
    return _("%(day)s%(part)s") % {"day": DAYS[day], "part": PARTS[part]}


def choices() -> list[tuple[str, str]]:
    """Form choices "day-part" → "maandagochtend" …"""
    return [(f"{day}-{part}", label(day, part)) for day in range(len(DAYS)) for part in range(len(PARTS))]
