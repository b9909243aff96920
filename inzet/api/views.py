from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from inzet.api import serializers
from inzet.core.tenancy import get_for_user_or_404
from inzet.organisations import selectors as organisation_selectors
from inzet.organisations import services as organisation_services
from inzet.places import selectors as place_selectors


@extend_schema(parameters=[OpenApiParameter("province", str, description="CBS province code, e.g. PV20")])
class MunicipalityList(generics.ListAPIView):
    """The 342 Dutch municipalities (CBS 2025). Bron: CBS."""

    serializer_class = serializers.MunicipalitySerializer
    pagination_class = None

    def get_queryset(self):
        return place_selectors.municipality_list(
            province_code=self.request.query_params.get("province") or None
        )


class MunicipalityDetail(generics.RetrieveAPIView):
    serializer_class = serializers.MunicipalitySerializer
    lookup_field = "code"

    def get_queryset(self):
        return place_selectors.municipality_list()


@extend_schema(
    parameters=[
        OpenApiParameter("q", str, description="Part of the name or place"),
        OpenApiParameter("municipality", str, description="CBS municipality code, e.g. GM0014"),
        OpenApiParameter("sector", str, description="Sector slug, e.g. sport"),
    ]
)
class OrganisationList(generics.ListAPIView):
    """Approved volunteer organisations, as in the public directory."""

    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        params = self.request.query_params
        return organisation_selectors.organisation_directory(
            query=params.get("q", "")[:100],
            municipality_code=params.get("municipality", ""),
            sector_slug=params.get("sector", ""),
        )


class OrganisationDetail(generics.RetrieveAPIView):
    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        return organisation_selectors.organisation_directory()


class MyOrganisationList(generics.ListAPIView):
    """The organisations the authenticated person belongs to, with their status."""

    serializer_class = serializers.OwnOrganisationSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return (
            organisation_selectors.organisations_of_member(self.request.user)
            .select_related("municipality")
            .prefetch_related("sectors")
        )


class MyOrganisationDetail(generics.RetrieveUpdateAPIView):
    """Read or change one of your own organisations (coordinators only may change)."""

    serializer_class = serializers.OwnOrganisationSerializer
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        return get_for_user_or_404(
            organisation_selectors.organisations_of_member(self.request.user).select_related("municipality"),
            pk=self.kwargs["pk"],
        )

    @extend_schema(
        request=serializers.OrganisationUpdateSerializer, responses=serializers.OwnOrganisationSerializer
    )
    def patch(self, request, *args, **kwargs):
        organisation = self.get_object()
        if not request.user.has_perm("organisations.change_organisation", organisation):
            raise PermissionDenied(_("Alleen coördinatoren mogen de gegevens van de organisatie wijzigen."))
        data = serializers.OrganisationUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        sectors = values.pop("sectors", None)
        organisation_services.organisation_update(
            actor=request.user, organisation=organisation, sectors=sectors, **values
        )
        return Response(self.get_serializer(self.get_object()).data)
