"""API of the vacaturebank: the public search, and an organisation's own vacancies and responses."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers

from inzet.core.errors import ApplicationError
from inzet.core.tenancy import get_for_user_or_404
from inzet.organisations.selectors import organisations_of_member
from inzet.places.selectors import location_for_postcode
from inzet.vacancies import availability, selectors
from inzet.vacancies.models import Response, Vacancy
from inzet.vacancies.search import VacancyQuery, vacancy_search


class VacancySerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name")
    organisation_id = serializers.IntegerField()
    municipality = serializers.CharField(source="municipality_id")
    municipality_name = serializers.CharField(source="municipality.name")
    sector = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    distance_km = serializers.SerializerMethodField()
    when = serializers.SerializerMethodField()

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "title",
            "description",
            "activities",
            "organisation",
            "organisation_id",
            "municipality",
            "municipality_name",
            "sector",
            "hours_per_week",
            "commitment",
            "start_date",
            "end_date",
            "places",
            "requires_vog",
            "minimum_age",
            "suits_mdt",
            "suits_simple_dutch",
            "suits_newcomers",
            "suits_disability",
            "remote_possible",
            "expenses_reimbursed",
            "insured",
            "published_at",
            "expires_at",
            "distance_km",
            "when",
        ]

    def get_distance_km(self, vacancy) -> float | None:
        distance = getattr(vacancy, "distance_km", None)
        return round(distance, 1) if distance is not None else None

    def get_when(self, vacancy) -> list[str]:
        """Day-part codes ("1-2" is Tuesday evening: day 0-6 from Monday, part 0-2 morning/afternoon/evening)."""
        return [f"{day}-{part}" for day, part in availability.slots(vacancy.availability)]


class OwnVacancySerializer(VacancySerializer):
    open_responses = serializers.IntegerField(read_only=True)

    class Meta(VacancySerializer.Meta):
        fields = [*VacancySerializer.Meta.fields, "status", "returned_reason", "open_responses"]


class ResponseSerializer(serializers.ModelSerializer):
    volunteer_name = serializers.CharField(source="volunteer.name")
    volunteer_email = serializers.EmailField(source="volunteer.email")

    class Meta:
        model = Response
        fields = [
            "id",
            "vacancy_id",
            "volunteer_name",
            "volunteer_email",
            "message",
            "status",
            "rejection_reason",
            "created_at",
        ]


def _int(value, low: int, high: int) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return min(max(number, low), high)


def _flag(params, name: str) -> bool:
    return params.get(name, "").lower() in {"1", "true", "yes", "on"}


@extend_schema(
    parameters=[
        OpenApiParameter("q", str, description="Free text, Dutch (stemming, accents and typos tolerated)"),
        OpenApiParameter("postcode", str, description="Dutch postcode the distance is measured from"),
        OpenApiParameter("radius", int, description="Kilometres from the postcode (1-300, default 15)"),
        OpenApiParameter("sector", str, many=True, description="Sector slug(s)"),
        OpenApiParameter("activity", str, many=True, description="Activity type slug(s)"),
        OpenApiParameter(
            "availability", str, many=True, description="Day-part codes such as 1-2 (Tuesday evening)"
        ),
        OpenApiParameter("max_hours", int, description="At most this many hours a week"),
        OpenApiParameter("commitment", str, enum=["one_off", "short", "structural"]),
        OpenApiParameter("suits_mdt", bool),
        OpenApiParameter("suits_simple_dutch", bool),
        OpenApiParameter("suits_newcomers", bool),
        OpenApiParameter("suits_disability", bool),
        OpenApiParameter("remote_possible", bool),
        OpenApiParameter("sort", str, enum=["relevance", "distance", "newest"]),
    ]
)
class VacancySearch(generics.ListAPIView):
    """Open vacancies, searched as on the website. Unknown or malformed parameters are ignored, never an error."""

    serializer_class = VacancySerializer

    def get_queryset(self):
        params = self.request.query_params
        origin = None
        if params.get("postcode"):
            try:
                origin = location_for_postcode(params["postcode"][:12])
            except ApplicationError:  # an unknown postcode searches without distance, as the website does
                origin = None
        slots = []
        for code in params.getlist("availability"):
            day, _, part = code.partition("-")
            if day.isdigit() and part.isdigit() and int(day) < 7 and int(part) < 3:
                slots.append((int(day), int(part)))
        query = VacancyQuery(
            text=params.get("q", "")[:200],
            origin=origin,
            radius_km=(_int(params.get("radius"), 1, 300) or 15) if origin else None,
            sector_slugs=tuple(params.getlist("sector"))[:20],
            activity_type_slugs=tuple(params.getlist("activity"))[:20],
            availability=availability.mask_of(slots),
            max_hours=_int(params.get("max_hours"), 1, 40),
            commitment=params.get("commitment", "")
            if params.get("commitment") in {"one_off", "short", "structural"}
            else "",
            suits_mdt=_flag(params, "suits_mdt"),
            suits_simple_dutch=_flag(params, "suits_simple_dutch"),
            suits_newcomers=_flag(params, "suits_newcomers"),
            suits_disability=_flag(params, "suits_disability"),
            remote_possible=_flag(params, "remote_possible"),
            sort=params.get("sort")
            if params.get("sort") in {"relevance", "distance", "newest"}
            else "relevance",
        )
        return vacancy_search(query)


class VacancyDetail(generics.RetrieveAPIView):
    """One open vacancy."""

    serializer_class = VacancySerializer

    def get_queryset(self):
        return selectors.open_vacancies().select_related("organisation", "municipality", "sector")


class MyOrganisationVacancies(generics.ListAPIView):
    """All vacancies of one of your organisations, whatever their status."""

    serializer_class = OwnVacancySerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        organisation = get_for_user_or_404(organisations_of_member(self.request.user), pk=self.kwargs["pk"])
        return selectors.vacancies_of_organisation(organisation).select_related(
            "organisation", "municipality"
        )


class MyVacancyResponses(generics.ListAPIView):
    """The responses to one vacancy of your organisation (personal data: members of the organisation only)."""

    serializer_class = ResponseSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        vacancy = get_for_user_or_404(
            Vacancy.objects.filter(organisation__in=organisations_of_member(self.request.user)),
            pk=self.kwargs["pk"],
        )
        return selectors.responses_for_vacancy(vacancy)
