from django.contrib import admin

from inzet.vacancies.models import (
    ActivityType,
    Mediation,
    Placement,
    Response,
    SavedSearch,
    SavedSearchHit,
    Skill,
    Vacancy,
    VolunteerProfile,
)


@admin.register(ActivityType, Skill)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "municipality", "status", "published_at", "expires_at"]
    list_filter = ["status", "commitment", "sector"]
    search_fields = ["title", "organisation__name"]
    raw_id_fields = ["organisation", "created_by"]
    autocomplete_fields = ["municipality"]
    filter_horizontal = ["activity_types", "skills"]
    list_select_related = ["organisation", "municipality"]
    readonly_fields = ["published_at", "created_at", "updated_at"]


@admin.register(VolunteerProfile)
class VolunteerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality", "allows_mediation", "updated_at"]
    list_filter = ["allows_mediation"]
    search_fields = ["user__email", "user__name"]
    raw_id_fields = ["user"]
    autocomplete_fields = ["municipality"]
    list_select_related = ["user", "municipality"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "vacancy", "status", "created_at", "reminder_sent_at", "escalated_at"]
    list_filter = ["status"]
    search_fields = ["volunteer__email", "vacancy__title"]
    raw_id_fields = ["volunteer", "vacancy"]
    list_select_related = ["volunteer", "vacancy"]


@admin.register(Mediation)
class MediationAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "vacancy", "status", "consultant", "created_at"]
    raw_id_fields = ["volunteer", "vacancy", "consultant", "response"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "vacancy", "organisation", "start_date", "end_date", "via_mediation"]
    list_filter = ["via_mediation"]
    raw_id_fields = ["volunteer", "vacancy", "organisation", "response", "registered_by"]


class SavedSearchHitInline(admin.TabularInline):
    """What a digest has announced: a record, not something to edit."""

    model = SavedSearchHit
    fields = ["vacancy", "sent_at"]
    readonly_fields = fields
    raw_id_fields = ["vacancy"]
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "frequency", "active", "created_at", "last_sent_at"]
    list_filter = ["frequency", "active"]
    search_fields = ["name", "owner__email", "owner__name"]
    raw_id_fields = ["owner"]
    list_select_related = ["owner"]
    readonly_fields = ["unsubscribe_token", "created_at", "last_sent_at"]
    inlines = [SavedSearchHitInline]


@admin.register(SavedSearchHit)
class SavedSearchHitAdmin(admin.ModelAdmin):
    list_display = ["saved_search", "vacancy", "sent_at"]
    search_fields = ["saved_search__name", "saved_search__owner__email", "vacancy__title"]
    list_select_related = ["saved_search", "vacancy"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
