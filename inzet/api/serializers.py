from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from inzet.organisations.models import Organisation, Sector
from inzet.places.models import Municipality


class MunicipalitySerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.name")
    province_code = serializers.CharField(source="province_id")

    class Meta:
        model = Municipality
        fields = ["code", "name", "province_code", "province", "lat", "lon"]


class OrganisationSerializer(serializers.ModelSerializer):
    """Public view of an approved organisation."""

    sectors = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    municipality = serializers.CharField(source="municipality_id")
    municipality_name = serializers.CharField(source="municipality.name")

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "legal_form",
            "sectors",
            "municipality",
            "municipality_name",
            "city",
            "website",
            "contact_email",
            "contact_phone",
            "volunteer_count",
            "description",
            "anbi",
        ]


class OwnOrganisationSerializer(OrganisationSerializer):
    """A coordinator's own organisation: every field, including status."""

    class Meta(OrganisationSerializer.Meta):
        fields = [
            *OrganisationSerializer.Meta.fields,
            "kvk_number",
            "postcode",
            "address",
            "status",
            "rejection_reason",
        ]


class OrganisationUpdateSerializer(serializers.Serializer):
    """Input for PATCH by a coordinator; validated here for shape, by the service for rules."""

    name = serializers.CharField(max_length=150, required=False)
    legal_form = serializers.ChoiceField(choices=Organisation.LegalForm.choices, required=False)
    sectors = serializers.SlugRelatedField(
        slug_field="slug", queryset=Sector.objects.all(), many=True, required=False
    )
    kvk_number = serializers.RegexField(
        r"^[0-9]{8}$",
        required=False,
        allow_blank=True,
        error_messages={"invalid": _("Een KvK-nummer bestaat uit precies 8 cijfers.")},
    )
    anbi = serializers.BooleanField(required=False)
    municipality = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), required=False
    )
    postcode = serializers.CharField(max_length=12, required=False)
    address = serializers.CharField(max_length=200, required=False)
    city = serializers.CharField(max_length=100, required=False, allow_blank=True)
    contact_email = serializers.EmailField(max_length=254, required=False)
    contact_phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    website = serializers.URLField(max_length=200, required=False, allow_blank=True)
    volunteer_count = serializers.IntegerField(
        min_value=0, max_value=1_000_000, required=False, allow_null=True
    )
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)

    def validate_postcode(self, value):
        from django.core.exceptions import ValidationError

        from inzet.places.postcodes import normalise_postcode

        try:
            return normalise_postcode(value)
        except ValidationError as error:
            raise serializers.ValidationError(error.messages[0]) from None
