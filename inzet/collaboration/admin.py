from django.contrib import admin

from inzet.collaboration.models import SupportOffer, SupportTheme


@admin.register(SupportTheme)
class SupportThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SupportOffer)
class SupportOfferAdmin(admin.ModelAdmin):
    list_display = ["title", "support_point", "theme", "is_active"]
    list_filter = ["is_active", "theme", "support_point"]
    search_fields = ["title", "description"]
    list_select_related = ["support_point", "theme"]
