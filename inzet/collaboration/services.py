"""Every write of the collaboration app: the support offers consultants maintain."""

from django.db import transaction
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.collaboration.models import SupportOffer, SupportTheme
from inzet.core import audit
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.organisations.models import SupportPoint

OFFER_FIELDS = ("title", "description", "url", "contact", "is_active")


def _check(data: dict) -> None:
    missing = [field for field in ("title", "description") if not (data.get(field) or "").strip()]
    if missing:
        raise ApplicationError(
            _("Vul alle verplichte velden in."),
            {"fields": {field: _("Dit veld is verplicht.") for field in missing}},
        )


@transaction.atomic
def support_offer_create(
    *, actor: User, support_point: SupportPoint, theme: SupportTheme, **data
) -> SupportOffer:
    if not actor.has_perm("collaboration.manage_support_offers", support_point):
        raise NotAllowed(_("Je mag geen aanbod toevoegen voor dit steunpunt."))
    _check(data)
    offer = SupportOffer(support_point=support_point, theme=theme)
    for field in OFFER_FIELDS:
        if field in data:
            value = data[field]
            setattr(offer, field, value.strip() if isinstance(value, str) else value)
    offer.save()
    audit.log(actor, "support_offer.created", offer, {"theme": theme.slug})
    return offer


@transaction.atomic
def support_offer_update(
    *, actor: User, offer: SupportOffer, theme: SupportTheme | None = None, **data
) -> SupportOffer:
    if not actor.has_perm("collaboration.manage_support_offers", offer.support_point):
        raise NotAllowed(_("Je mag dit aanbod niet wijzigen."))
    _check({"title": offer.title, "description": offer.description, **data})
    if theme is not None:
        offer.theme = theme
    for field in OFFER_FIELDS:
        if field in data:
            value = data[field]
            setattr(offer, field, value.strip() if isinstance(value, str) else value)
    offer.save()
    audit.log(actor, "support_offer.updated", offer, {"fields": sorted(data)})
    return offer


@transaction.atomic
def support_offer_delete(*, actor: User, offer: SupportOffer) -> None:
    if not actor.has_perm("collaboration.manage_support_offers", offer.support_point):
        raise NotAllowed(_("Je mag dit aanbod niet verwijderen."))
    audit.log(actor, "support_offer.deleted", offer.support_point, {"title": offer.title})
    offer.delete()
