from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.assessments import services
from inzet.assessments.models import Assessment, Campaign, Dimension, Instrument, Item, MailMerge, Response


class FrozenInline:
    """Inlines of a published instrument are read-only: responses point at these very questions."""

    def has_add_permission(self, request, obj=None):
        return obj is None or not obj.is_frozen

    def has_change_permission(self, request, obj=None):
        return obj is None or not obj.is_frozen

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.is_frozen


class DimensionInline(FrozenInline, admin.StackedInline):
    model = Dimension
    extra = 0
    fields = [
        ("slug", "position", "scored"),
        ("name", "name_en"),
        "description",
        "description_en",
        "support_themes",
    ]
    filter_horizontal = ["support_themes"]


class ItemInline(FrozenInline, admin.StackedInline):
    model = Item
    extra = 0
    fields = [
        ("code", "dimension", "position"),
        "text",
        "text_en",
        ("answer_type", "reverse", "required", "essential", "asks_support_themes"),
        "choices",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "dimension" and request.resolver_match.kwargs.get("object_id"):
            kwargs["queryset"] = Dimension.objects.filter(
                instrument=request.resolver_match.kwargs["object_id"]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "version", "status", "published_at"]
    list_filter = ["status", "slug"]
    inlines = [DimensionInline, ItemInline]
    readonly_fields = ["status", "published_at"]
    actions = ["make_new_version", "publish"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_frozen:
            return [
                "slug",
                "version",
                "name",
                "name_en",
                "description",
                "description_en",
                "scoring",
                "status",
                "published_at",
            ]
        return self.readonly_fields

    @admin.action(description=_("Nieuwe versie maken (concept, kopie van de gekozen versie)"))
    def make_new_version(self, request, queryset):
        for instrument in queryset:
            copy = services.instrument_new_version(actor=request.user, instrument=instrument)
            self.message_user(
                request,
                _("%(name)s versie %(version)s is aangemaakt als concept.")
                % {"name": copy.name, "version": copy.version},
            )

    @admin.action(description=_("Publiceren (de vorige gepubliceerde versie wordt vervangen)"))
    @transaction.atomic
    def publish(self, request, queryset):
        for instrument in queryset.filter(status=Instrument.Status.DRAFT):
            Instrument.objects.filter(slug=instrument.slug, status=Instrument.Status.PUBLISHED).update(
                status=Instrument.Status.RETIRED
            )
            instrument.status = Instrument.Status.PUBLISHED
            instrument.published_at = timezone.now()
            instrument.save(update_fields=["status", "published_at"])
            self.message_user(
                request, _("%(instrument)s is gepubliceerd.") % {"instrument": instrument}, messages.SUCCESS
            )


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "support_point", "instrument", "starts_on", "deadline"]
    list_filter = ["support_point"]
    filter_horizontal = ["municipalities", "sectors"]
    raw_id_fields = ["created_by"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["organisation", "instrument", "campaign", "created_at"]
    raw_id_fields = ["organisation", "started_by"]
    list_select_related = ["organisation", "instrument", "campaign"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["assessment", "respondent", "status", "submitted_at"]
    list_filter = ["status"]
    raw_id_fields = ["assessment", "respondent", "replaces"]


@admin.register(MailMerge)
class MailMergeAdmin(admin.ModelAdmin):
    list_display = ["subject", "campaign", "created_at"]
    raw_id_fields = ["campaign", "created_by"]
