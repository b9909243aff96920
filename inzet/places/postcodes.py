"""Dutch postcodes: `1234 AB`. The letters SA, SD and SS are never issued."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Z]{2})$")
_EXCLUDED_LETTERS = {"SA", "SD", "SS"}


def normalise_postcode(value: str) -> str:
    """Return `1234 AB` for `1234ab`, ` 1234  ab `, ...; raise ValidationError for anything else."""
    raw = value if isinstance(value, str) else ""
    text = re.sub(r"\s+", " ", raw.strip())  # also folds the no-break spaces of copied addresses
    # Only ASCII letters: str.upper() would turn ligatures such as "ﬀ" into "FF".
    text = text.upper() if text.isascii() else ""
    match = _POSTCODE.match(text)
    if not match or match.group(2) in _EXCLUDED_LETTERS:
        raise ValidationError(
            _("Vul een geldige Nederlandse postcode in, bijvoorbeeld 9712 CP."), code="invalid_postcode"
        )
    return f"{match.group(1)} {match.group(2)}"


def pc4_of(postcode: str) -> str:
    return normalise_postcode(postcode)[:4]
