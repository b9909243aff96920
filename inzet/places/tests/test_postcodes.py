import re

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from inzet.places.postcodes import normalise_postcode, pc4_of

INVALID_MESSAGE = "Vul een geldige Nederlandse postcode in, bijvoorbeeld 9712 CP."
CANONICAL = re.compile(r"^[1-9][0-9]{3} [A-Z]{2}$")


@pytest.mark.parametrize(
    "spelling",
    [
        "9712 CP",
        "9712CP",
        "9712cp",
        "9712 cp",
        "9712 cP",
        " 9712 CP ",
        "9712   CP",
        "\t9712\tcp\n",
        "9712\u00a0CP",  # a non-breaking space, as pasted from a web page
    ],
)
def test_it_normalises_many_spellings_to_the_canonical_form(spelling):
    assert normalise_postcode(spelling) == "9712 CP"


def test_it_normalises_lowercase_postcodes():
    assert normalise_postcode("1011ab") == "1011 AB"


def test_it_gives_the_four_digit_area_of_a_postcode():
    assert pc4_of(" 9712cp") == "9712"


@pytest.mark.parametrize(
    "value",
    [
        "0123 AB",  # no postcode starts with 0
        "1234 SA",  # SA, SD and SS are never issued
        "1234 SD",
        "1234 SS",
        "1234 ss",
        "12345",
        "1234",
        "1234 A",
        "1234 A1",
        "1234 ABC",
        "123 AB",
        "AB 1234",
        "1234-AB",
        "12 34 AB",
        "",
        "   ",
        None,
        "None",
        "x" * 10_240,
        "1234 AB" * 1_500,
        "1234 🙂",
        "🙂🙂🙂🙂 AB",
        "١٢٣٤ AB",  # Arabic-Indic digits are digits to Python, not to PostNL
        "1234 ÅB",
    ],
)
def test_it_rejects_malformed_postcodes_with_a_dutch_message(value):
    with pytest.raises(ValidationError) as error:
        normalise_postcode(value)
    assert error.value.messages == [INVALID_MESSAGE]
    assert error.value.code == "invalid_postcode"


digits = st.integers(min_value=1000, max_value=9999).map(str)
letters = (
    st.tuples(*[st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")] * 2)
    .map("".join)
    .filter(lambda pair: pair not in {"SA", "SD", "SS"})
)
whitespace = st.text(alphabet=" \t", max_size=3)


@given(
    digits=digits,
    letters=letters,
    lower=st.booleans(),
    before=whitespace,
    middle=whitespace,
    after=whitespace,
)
def test_every_valid_postcode_normalises_to_the_canonical_form_and_stays_there(
    digits, letters, lower, before, middle, after
):
    spelled = f"{before}{digits}{middle}{letters.lower() if lower else letters}{after}"

    normalised = normalise_postcode(spelled)

    assert normalised == f"{digits} {letters}"
    assert normalise_postcode(normalised) == normalised


@given(text=st.text(max_size=40))
def test_random_text_gives_a_canonical_postcode_or_a_validation_error_and_nothing_else(text):
    try:
        normalised = normalise_postcode(text)
    except ValidationError:
        return
    assert CANONICAL.match(normalised)
    assert normalised[5:] not in {"SA", "SD", "SS"}
    assert normalise_postcode(normalised) == normalised
