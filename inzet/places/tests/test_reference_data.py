"""The reference data a migration loads from places/data/ (see SOURCES.md there)."""

import re

import pytest
from django.db.models import Count

from inzet.places.loader import load_places
from inzet.places.models import Municipality, PostcodeArea, Province

pytestmark = pytest.mark.django_db

# Generous bounding box of the Netherlands (mainland and Wadden islands), WGS84.
NL_LAT = (50.70, 53.60)
NL_LON = (3.30, 7.25)


def test_there_are_12_provinces_342_municipalities_and_4068_postcode_areas():
    assert Province.objects.count() == 12
    assert Municipality.objects.count() == 342
    assert PostcodeArea.objects.count() == 4068


def test_each_province_has_the_number_of_municipalities_in_sources_md():
    counts = dict(Municipality.objects.values_list("province__name").annotate(n=Count("code")))

    assert counts == {
        "Groningen": 10,
        "Fryslân": 18,
        "Drenthe": 12,
        "Overijssel": 25,
        "Flevoland": 6,
        "Gelderland": 51,
        "Utrecht": 26,
        "Noord-Holland": 44,
        "Zuid-Holland": 50,
        "Zeeland": 13,
        "Noord-Brabant": 56,
        "Limburg": 31,
    }


def test_codes_have_the_cbs_shape():
    assert all(
        re.fullmatch(r"PV(2\d|3[01])", code) for code in Province.objects.values_list("code", flat=True)
    )
    assert all(re.fullmatch(r"GM\d{4}", code) for code in Municipality.objects.values_list("code", flat=True))
    assert all(re.fullmatch(r"[1-9]\d{3}", pc4) for pc4 in PostcodeArea.objects.values_list("pc4", flat=True))


def test_municipality_names_follow_cbs_2025():
    names = set(Municipality.objects.values_list("name", flat=True))

    assert {"'s-Gravenhage", "Bergen (L.)", "Bergen (NH.)", "Voorne aan Zee", "Het Hogeland"} <= names
    assert "Weesp" not in names  # merged into Amsterdam in 2022
    assert Municipality.objects.get(code="GM1992").name == "Voorne aan Zee"


def test_every_municipality_centroid_lies_in_the_netherlands():
    for name, lat, lon in Municipality.objects.values_list("name", "lat", "lon"):
        assert NL_LAT[0] <= lat <= NL_LAT[1] and NL_LON[0] <= lon <= NL_LON[1], name


def test_every_postcode_area_with_coordinates_lies_in_the_netherlands():
    for pc4, lat, lon in PostcodeArea.objects.filter(lat__isnull=False).values_list("pc4", "lat", "lon"):
        assert NL_LAT[0] <= lat <= NL_LAT[1] and NL_LON[0] <= lon <= NL_LON[1], pc4


def test_only_postcode_area_5028_lacks_coordinates_and_a_municipality():
    assert list(PostcodeArea.objects.filter(lat__isnull=True).values_list("pc4", flat=True)) == ["5028"]
    assert list(PostcodeArea.objects.filter(municipality__isnull=True).values_list("pc4", flat=True)) == [
        "5028"
    ]


def test_postcode_areas_belong_to_the_expected_municipalities():
    assert PostcodeArea.objects.get(pc4="9712").municipality_id == "GM0014"  # Groningen
    assert PostcodeArea.objects.get(pc4="1012").municipality_id == "GM0363"  # Amsterdam
    assert PostcodeArea.objects.get(pc4="9891").municipality_id == "GM1969"  # Ezinge, Westerkwartier


def test_loading_the_reference_data_again_changes_nothing():
    before = list(PostcodeArea.objects.order_by("pc4").values_list("pc4", "lat", "lon", "municipality_id"))

    assert load_places(Province, Municipality, PostcodeArea) == (12, 342, 4068)

    assert Province.objects.count() == 12
    assert Municipality.objects.count() == 342
    assert (
        list(PostcodeArea.objects.order_by("pc4").values_list("pc4", "lat", "lon", "municipality_id"))
        == before
    )
