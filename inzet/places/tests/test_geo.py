import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inzet.places.geo import EARTH_RADIUS_KM, distance_km
from inzet.places.models import Municipality


@pytest.mark.django_db
def test_groningen_and_amsterdam_lie_about_150_km_apart():
    groningen = Municipality.objects.get(code="GM0014")
    amsterdam = Municipality.objects.get(code="GM0363")

    distance = distance_km(groningen.lat, groningen.lon, amsterdam.lat, amsterdam.lon)

    assert 145 <= distance <= 160


def test_the_distance_from_a_point_to_itself_is_zero():
    assert distance_km(53.2183, 6.6209, 53.2183, 6.6209) == 0


def test_one_degree_of_latitude_is_about_111_km():
    assert distance_km(52.0, 5.0, 53.0, 5.0) == pytest.approx(111.2, abs=0.2)


latitudes = st.floats(min_value=-90, max_value=90, allow_nan=False)
longitudes = st.floats(min_value=-180, max_value=180, allow_nan=False)


@given(lat1=latitudes, lon1=longitudes, lat2=latitudes, lon2=longitudes)
def test_distance_is_symmetric_and_never_more_than_half_the_globe(lat1, lon1, lat2, lon2):
    there = distance_km(lat1, lon1, lat2, lon2)
    back = distance_km(lat2, lon2, lat1, lon1)

    assert there == pytest.approx(back, abs=1e-6)
    assert 0 <= there <= math.pi * EARTH_RADIUS_KM + 1e-6
