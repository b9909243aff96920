from django.contrib import admin

from inzet.places.models import Municipality, PostcodeArea, Province


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "province", "lat", "lon"]
    list_filter = ["province"]
    search_fields = ["code", "name"]


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(admin.ModelAdmin):
    list_display = ["pc4", "municipality", "lat", "lon", "municipality_area_share"]
    search_fields = ["pc4", "municipality__name"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]
