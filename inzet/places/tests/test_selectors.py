import pytest

from inzet.core.errors import ApplicationError
from inzet.places.models import Municipality, PostcodeArea
from inzet.places.selectors import (
    location_for_postcode,
    municipality_list,
    municipality_location,
    province_list,
)

pytestmark = pytest.mark.django_db


def test_a_known_postcode_lies_at_its_postcode_area_centroid():
    area = PostcodeArea.objects.get(pc4="9712")

    location = location_for_postcode("9712cp")

    assert location.precision == "postcode"
    assert location.municipality.code == "GM0014"
    assert (location.lat, location.lon) == (area.lat, area.lon)


def test_a_known_postcode_keeps_its_own_centroid_when_a_municipality_is_given_too():
    amsterdam = Municipality.objects.get(code="GM0363")

    location = location_for_postcode("9712 CP", municipality=amsterdam)

    assert location.precision == "postcode"
    assert location.municipality.code == "GM0014"


def test_an_unknown_postcode_falls_back_to_the_given_municipality():
    # 1099 was issued after the 2020 source data (see data/SOURCES.md).
    assert not PostcodeArea.objects.filter(pc4="1099").exists()
    amsterdam = Municipality.objects.get(code="GM0363")

    location = location_for_postcode("1099 AB", municipality=amsterdam)

    assert location.precision == "municipality"
    assert location.municipality == amsterdam
    assert (location.lat, location.lon) == (amsterdam.lat, amsterdam.lon)


def test_an_unknown_postcode_without_a_municipality_is_an_error_on_the_postcode_field():
    with pytest.raises(ApplicationError) as error:
        location_for_postcode("1099ab")

    assert error.value.message == "Postcode 1099 AB kennen we niet. Controleer de postcode."
    assert error.value.fields["postcode"] == error.value.message


def test_the_postcode_area_without_coordinates_falls_back_to_the_given_municipality():
    area = PostcodeArea.objects.get(pc4="5028")
    assert area.lat is None and area.municipality is None
    tilburg = Municipality.objects.get(code="GM0855")

    location = location_for_postcode("5028 AB", municipality=tilburg)

    assert location.precision == "municipality"
    assert (location.lat, location.lon) == (tilburg.lat, tilburg.lon)


def test_the_postcode_area_without_coordinates_and_without_a_municipality_is_an_error():
    with pytest.raises(ApplicationError) as error:
        location_for_postcode("5028 AB")

    assert "5028 AB" in error.value.message
    assert "postcode" in error.value.fields


@pytest.mark.parametrize("postcode", ["0123 AB", "1234 SA", "", "🙂"])
def test_a_malformed_postcode_is_an_error_on_the_postcode_field(postcode):
    with pytest.raises(ApplicationError) as error:
        location_for_postcode(postcode)

    assert error.value.message == "Vul een geldige Nederlandse postcode in, bijvoorbeeld 9712 CP."
    assert error.value.fields == {"postcode": error.value.message}


def test_the_distance_between_two_locations_is_in_kilometres():
    groningen = location_for_postcode("9712 CP")
    zuidhorn = location_for_postcode("9801 AB")

    assert 10 <= groningen.distance_to(zuidhorn) <= 20
    assert groningen.distance_to(groningen) == 0


def test_a_municipality_location_is_its_centroid():
    groningen = Municipality.objects.get(code="GM0014")

    location = municipality_location(groningen)

    assert (location.lat, location.lon, location.precision) == (groningen.lat, groningen.lon, "municipality")


def test_municipalities_can_be_listed_for_one_province_in_alphabetical_order():
    names = list(municipality_list(province_code="PV20").values_list("name", flat=True))

    assert names == [
        "Eemsdelta",
        "Groningen",
        "Het Hogeland",
        "Midden-Groningen",
        "Oldambt",
        "Pekela",
        "Stadskanaal",
        "Veendam",
        "Westerkwartier",
        "Westerwolde",
    ]


def test_without_a_province_all_municipalities_are_listed():
    assert municipality_list().count() == 342
    assert municipality_list(province_code="").count() == 342


def test_provinces_are_listed_by_name():
    names = list(province_list().values_list("name", flat=True))

    assert len(names) == 12
    assert names == sorted(names)
