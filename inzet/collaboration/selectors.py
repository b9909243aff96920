from django.db.models import QuerySet

from inzet.collaboration.models import SupportOffer, SupportTheme
from inzet.organisations.models import Organisation
from inzet.organisations.selectors import support_points_worked_for


def support_theme_list() -> QuerySet[SupportTheme]:
    return SupportTheme.objects.order_by("position", "name")


def support_offers_for(user) -> QuerySet[SupportOffer]:
    """Offers of the support points this person works for; anything else does not exist for them."""
    return (
        SupportOffer.objects.filter(support_point__in=support_points_worked_for(user))
        .select_related("support_point", "theme")
        .order_by("support_point__name", "theme__position", "title", "pk")
    )


def support_offers_for_organisation(
    organisation: Organisation, *, theme_ids: list[int] | None = None
) -> QuerySet[SupportOffer]:
    """Active offers of the support points serving the organisation's municipality, optionally on some themes."""
    qs = SupportOffer.objects.filter(
        is_active=True, support_point__municipalities=organisation.municipality_id
    )
    if theme_ids is not None:
        qs = qs.filter(theme__in=theme_ids)
    return qs.select_related("support_point", "theme").order_by("theme__position", "title", "pk").distinct()
