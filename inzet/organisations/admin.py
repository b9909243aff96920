from django.contrib import admin

from inzet.accounts.models import Membership
from inzet.organisations.models import Invitation, Organisation, Sector, SupportPoint


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SupportPoint)
class SupportPointAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "phone"]
    search_fields = ["name"]
    filter_horizontal = ["municipalities"]
    prepopulated_fields = {"slug": ["name"]}


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "legal_form", "status", "created_at"]
    list_filter = ["status", "legal_form", "sectors", "municipality__province"]
    search_fields = ["name", "city", "kvk_number"]
    autocomplete_fields = ["municipality"]
    filter_horizontal = ["sectors"]
    readonly_fields = [
        "reviewed_by",
        "reviewed_at",
        "decision_notified_at",
        "created_by",
        "created_at",
        "updated_at",
    ]
    list_select_related = ["municipality"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "accepted_at", "revoked_at"]
    search_fields = ["email", "organisation__name"]
    raw_id_fields = ["organisation", "invited_by", "accepted_by"]
