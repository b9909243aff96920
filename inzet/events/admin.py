from django.contrib import admin

from inzet.events.models import (
    Evaluation,
    Event,
    EventSeries,
    Idea,
    Outcome,
    ProgrammeItem,
    Registration,
    RegistrationQuestion,
)


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0


class RegistrationQuestionInline(admin.TabularInline):
    model = RegistrationQuestion
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "support_point", "starts_at", "capacity", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "support_point__name"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["created_by", "series"]
    autocomplete_fields = ["municipalities"]
    list_select_related = ["support_point"]
    readonly_fields = ["created_at", "updated_at", "cancelled_at"]
    inlines = [ProgrammeItemInline, RegistrationQuestionInline]


@admin.register(EventSeries)
class EventSeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "support_point", "created_at"]
    search_fields = ["title"]
    raw_id_fields = ["created_by"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["person", "event", "organisation", "status", "position", "attended", "created_at"]
    list_filter = ["status", "attended"]
    search_fields = ["person__email", "event__title", "organisation__name"]
    raw_id_fields = ["event", "person", "organisation"]
    list_select_related = ["person", "event", "organisation"]
    readonly_fields = ["created_at", "promoted_at", "cancelled_at", "checked_in_at"]


class IdeaInline(admin.StackedInline):
    model = Idea
    extra = 0
    raw_id_fields = ["organisations"]


@admin.register(Outcome)
class OutcomeAdmin(admin.ModelAdmin):
    list_display = ["event", "updated_at"]
    raw_id_fields = ["event", "organisations_present", "recorded_by"]
    inlines = [IdeaInline]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["registration", "rating", "created_at"]
    raw_id_fields = ["registration"]
