"""KrachtMeting in the API: the instruments, a campaign's results (aggregates only) and an organisation's own
reports. The same permissions and report code as the HTML pages (`inzet.assessments.reports`)."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from inzet.assessments import reports
from inzet.assessments import selectors as assessment_selectors
from inzet.assessments.models import Campaign, Dimension, Instrument, Item
from inzet.core.tenancy import get_for_user_or_404
from inzet.organisations import selectors as organisation_selectors

# --- instruments ---------------------------------------------------------------------------------------------


class DimensionSerializer(serializers.ModelSerializer):
    support_themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Dimension
        fields = ["slug", "name", "name_en", "description", "description_en", "scored", "support_themes"]


class ItemSerializer(serializers.ModelSerializer):
    dimension = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Item
        fields = [
            "code",
            "dimension",
            "text",
            "text_en",
            "answer_type",
            "reverse",
            "required",
            "essential",
            "choices",
        ]


class InstrumentSerializer(serializers.ModelSerializer):
    dimensions = DimensionSerializer(many=True, read_only=True)
    items = ItemSerializer(many=True, read_only=True)

    class Meta:
        model = Instrument
        fields = [
            "id",
            "slug",
            "version",
            "name",
            "name_en",
            "description",
            "description_en",
            "status",
            "published_at",
            "scoring",
            "dimensions",
            "items",
        ]


def _instruments():
    # Published and retired versions: answers given to a retired version keep pointing at it. Drafts stay private.
    return (
        Instrument.objects.exclude(status=Instrument.Status.DRAFT)
        .prefetch_related(
            Prefetch(
                "dimensions", Dimension.objects.order_by("position", "pk").prefetch_related("support_themes")
            ),
            Prefetch("items", Item.objects.select_related("dimension")),  # in the order of the pages
        )
        .order_by("slug", "-version")
    )


class InstrumentList(generics.ListAPIView):
    """The questionnaires (KrachtMeting, Goed Geregeld) with their fields, statements and scoring rule; published
    and retired versions."""

    serializer_class = InstrumentSerializer
    pagination_class = None

    def get_queryset(self):
        return _instruments()


class InstrumentDetail(generics.RetrieveAPIView):
    serializer_class = InstrumentSerializer

    def get_queryset(self):
        return _instruments()


# --- campaign results (aggregates) ---------------------------------------------------------------------------


class CampaignSerializer(serializers.ModelSerializer):
    support_point = serializers.CharField(source="support_point.name")
    instrument = serializers.CharField(source="instrument.slug")
    instrument_version = serializers.IntegerField(source="instrument.version")
    municipalities = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Campaign
        fields = [
            "id",
            "title",
            "support_point",
            "instrument",
            "instrument_version",
            "starts_on",
            "deadline",
            "municipalities",
        ]


class DistributionSerializer(serializers.Serializer):
    field = serializers.CharField(source="slug")
    label = serializers.CharField()
    organisations = serializers.IntegerField(source="summary.n")
    mean = serializers.FloatField(source="summary.mean", allow_null=True)
    median = serializers.FloatField(source="summary.median", allow_null=True)
    q1 = serializers.FloatField(source="summary.q1", allow_null=True)
    q3 = serializers.FloatField(source="summary.q3", allow_null=True)
    minimum = serializers.FloatField(source="summary.minimum", allow_null=True)
    maximum = serializers.FloatField(source="summary.maximum", allow_null=True)
    histogram = serializers.ListField(
        source="summary.histogram",
        child=serializers.IntegerField(),
        help_text="Organisations per band of 20 points",
    )


class GroupSerializer(serializers.Serializer):
    label = serializers.CharField()
    organisations = serializers.IntegerField()
    hidden = serializers.BooleanField(
        help_text="Fewer than five organisations: not shown to municipality officers"
    )
    means = serializers.SerializerMethodField()

    def get_means(self, group) -> dict[str, float | None]:
        if group.hidden:
            return {}
        return {slug: mean for (slug, _label), mean in zip(self.context["fields"], group.means, strict=True)}


class ThemeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    label = serializers.CharField()
    organisations = serializers.IntegerField(source="count")


class CampaignResultsSerializer(serializers.Serializer):
    campaign = serializers.IntegerField(source="campaign_id")
    title = serializers.CharField()
    instrument = serializers.CharField(source="instrument_label")
    instrument_version = serializers.IntegerField()
    municipalities = serializers.ListField(child=serializers.CharField())
    invited = serializers.IntegerField()
    participated = serializers.IntegerField()
    response_rate = serializers.FloatField(allow_null=True, help_text="Percentage of invited organisations")
    protected = serializers.BooleanField(
        help_text="Fewer than five organisations took part: only the response rate is given to officers"
    )
    distributions = DistributionSerializer(many=True)
    whole_campaign = GroupSerializer(allow_null=True)
    sectors = GroupSerializer(many=True)
    themes = ThemeSerializer(many=True)


class CampaignList(generics.ListAPIView):
    """KrachtMeting campaigns of your support point, or covering your municipality (officers)."""

    serializer_class = CampaignSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return assessment_selectors.campaigns_visible_to(self.request.user).prefetch_related("municipalities")


class CampaignResults(APIView):
    """The results of a campaign as aggregates over organisations: never an organisation's name or answers.
    Officers get their own municipalities only, and no group of fewer than five organisations."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=CampaignResultsSerializer)
    def get(self, request, pk: int):
        campaign = get_for_user_or_404(assessment_selectors.campaigns_visible_to(request.user), pk=pk)
        report = reports.campaign_report_for(request.user, campaign)
        if report is None:
            raise PermissionDenied
        return Response(CampaignResultsSerializer(report, context={"fields": report.fields}).data)


# --- an organisation's own reports ---------------------------------------------------------------------------


class FieldResultSerializer(serializers.Serializer):
    field = serializers.CharField(source="slug")
    label = serializers.CharField()
    score = serializers.FloatField(allow_null=True, help_text="0-100; null: too few statements answered")
    respondents = serializers.IntegerField()
    minimum = serializers.FloatField(allow_null=True)
    maximum = serializers.FloatField(allow_null=True)


class OrganisationReportSerializer(serializers.Serializer):
    assessment = serializers.IntegerField(source="assessment_id")
    instrument = serializers.CharField(source="instrument_label")
    instrument_version = serializers.IntegerField()
    respondents = serializers.IntegerField()
    fields = FieldResultSerializer(many=True)
    strongest = serializers.CharField(source="strongest.slug", allow_null=True, default=None)
    weakest = serializers.CharField(source="weakest.slug", allow_null=True, default=None)
    themes = ThemeSerializer(many=True)


class MyOrganisationReports(APIView):
    """The KrachtMeting and Goed Geregeld results of one of your organisations (its coordinators), newest first.
    Only measurements with at least one submitted questionnaire; averages per field, never one person's answers."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=OrganisationReportSerializer(many=True))
    def get(self, request, pk: int):
        organisation = get_for_user_or_404(
            organisation_selectors.organisations_of_member(request.user), pk=pk
        )
        assessments = [
            assessment
            for assessment in assessment_selectors.assessments_of_organisation(organisation)
            if request.user.has_perm("assessments.view_report", assessment)
        ]
        if not assessments:
            if not request.user.has_perm("assessments.manage_assessments", organisation):
                raise PermissionDenied
            return Response([])
        results = [
            reports.organisation_report(assessment) for assessment in assessments if assessment.submitted
        ]
        return Response(OrganisationReportSerializer(results, many=True).data)
