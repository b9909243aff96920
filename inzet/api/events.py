"""Events in the API: the public list of upcoming events, one event, and an organiser's registrations."""

from datetime import date

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers

from inzet.core.tenancy import get_for_user_or_404
from inzet.events import selectors
from inzet.events.models import Audience, Event, ProgrammeItem, Registration


class ProgrammeItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgrammeItem
        fields = ["time", "title"]


class EventSerializer(serializers.ModelSerializer):
    support_point = serializers.CharField(source="support_point.name")
    province = serializers.CharField(source="province_id", allow_null=True)
    municipalities = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    audiences = serializers.ListField(child=serializers.ChoiceField(choices=Audience.choices), read_only=True)
    programme = ProgrammeItemSerializer(many=True, read_only=True)
    places_left = serializers.SerializerMethodField(help_text="null: no limit")
    online = serializers.SerializerMethodField(
        help_text="Online participation; the link itself is emailed to those with a place"
    )
    waiting_list = serializers.IntegerField(source="waitlist_count", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "kind",
            "title",
            "description",
            "status",
            "starts_at",
            "ends_at",
            "venue_name",
            "address",
            "postcode",
            "city",
            "online",
            "support_point",
            "province",
            "municipalities",
            "audiences",
            "basic_functions",
            "capacity",
            "places_left",
            "waiting_list",
            "registration_opens_at",
            "registration_closes_at",
            "series_id",
            "programme",
            "url",
        ]

    def get_online(self, event) -> bool:
        return bool(event.online_url)

    def get_places_left(self, event) -> int | None:
        return selectors.places_left(event)

    def get_url(self, event) -> str:
        return self.context["request"].build_absolute_uri(event.get_absolute_url())


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@extend_schema(
    parameters=[
        OpenApiParameter("kind", str, enum=Event.Kind.values),
        OpenApiParameter("municipality", str, description="CBS municipality code, e.g. GM1966"),
        OpenApiParameter("province", str, description="CBS province code, e.g. PV20"),
        OpenApiParameter("date_from", date, description="From this day (YYYY-MM-DD)"),
        OpenApiParameter("date_to", date, description="Up to and including this day"),
        OpenApiParameter("audience", str, enum=Audience.values),
    ]
)
class EventList(generics.ListAPIView):
    """Upcoming events (regional meetings, Open Club sessions, trainings, ...), soonest first, as on the website.
    Unknown or malformed filters are ignored, never an error."""

    serializer_class = EventSerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.upcoming_events(
            kind=params.get("kind") if params.get("kind") in Event.Kind.values else None,
            municipality=params.get("municipality", "")[:6] or None,
            province=params.get("province", "")[:4] or None,
            date_from=_date(params.get("date_from")),
            date_to=_date(params.get("date_to")),
            audience=params.get("audience") if params.get("audience") in Audience.values else None,
        ).prefetch_related("municipalities", "programme")


class EventDetail(generics.RetrieveAPIView):
    """One event, cancelled ones included (their status says so)."""

    serializer_class = EventSerializer

    def get_queryset(self):
        return selectors.events_visible_to(self.request.user).prefetch_related("municipalities", "programme")


class RegistrationSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.name")
    email = serializers.EmailField(source="person.email")
    organisation = serializers.CharField(source="organisation.name", allow_null=True, default=None)
    organisation_id = serializers.IntegerField(allow_null=True)
    municipality = serializers.CharField(
        source="organisation.municipality.name", allow_null=True, default=None
    )

    class Meta:
        model = Registration
        fields = [
            "id",
            "status",
            "position",
            "name",
            "email",
            "organisation",
            "organisation_id",
            "municipality",
            "answers",
            "attended",
            "checked_in_at",
            "created_at",
            "cancelled_at",
        ]


class OrganisedEventRegistrations(generics.ListAPIView):
    """Everyone registered for one of your support point's events: confirmed in order, then the waiting list in
    order, then cancellations. Personal data: for the organising consultants only."""

    serializer_class = RegistrationSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        event = get_for_user_or_404(selectors.events_organised_by(self.request.user), pk=self.kwargs["pk"])
        return selectors.registrations_organised_by(self.request.user, event=event)
