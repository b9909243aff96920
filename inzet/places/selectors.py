from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from inzet.core.errors import ApplicationError
from inzet.places.geo import distance_km
from inzet.places.models import Municipality, PostcodeArea, Province
from inzet.places.postcodes import normalise_postcode


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float
    municipality: Municipality
    precision: str  # "postcode" (PC4 centroid) or "municipality" (municipality centroid)

    def distance_to(self, other: "Location") -> float:
        return distance_km(self.lat, self.lon, other.lat, other.lon)


def province_list() -> QuerySet[Province]:
    return Province.objects.order_by("name")


def municipality_list(*, province_code: str | None = None) -> QuerySet[Municipality]:
    qs = Municipality.objects.select_related("province").order_by("name")
    return qs.filter(province_id=province_code) if province_code else qs


def location_for_postcode(postcode: str, *, municipality: Municipality | None = None) -> Location:
    """Where a postcode lies: its PC4 centroid, else the centroid of the (given or known) municipality.

    Raises ApplicationError for a malformed postcode, or for an unknown one when no municipality is given.
    """
    try:
        normalised = normalise_postcode(postcode)
    except ValidationError as error:
        raise ApplicationError(
            str(error.messages[0]), {"fields": {"postcode": str(error.messages[0])}}
        ) from None
    area = PostcodeArea.objects.select_related("municipality").filter(pc4=normalised[:4]).first()
    if area is not None and area.lat is not None:
        return Location(area.lat, area.lon, area.municipality, "postcode")
    fallback = municipality or (area.municipality if area else None)
    if fallback is not None:
        return Location(fallback.lat, fallback.lon, fallback, "municipality")
    message = _("Postcode %(postcode)s kennen we niet. Controleer de postcode.") % {"postcode": normalised}
    raise ApplicationError(message, {"fields": {"postcode": message}})


def municipality_location(municipality: Municipality) -> Location:
    return Location(municipality.lat, municipality.lon, municipality, "municipality")
