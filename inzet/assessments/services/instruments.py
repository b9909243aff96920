"""Instrument versions: a published version is frozen; changing it means copying it as a new draft."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.assessments.models import Dimension, Instrument, Item
from inzet.core import audit
from inzet.core.errors import ApplicationError, NotAllowed


def instrument_ensure_editable(instrument: Instrument) -> None:
    """Raise when the instrument's questions may no longer change (it was published: responses point at it)."""
    if instrument.is_frozen:
        raise ApplicationError(
            _(
                "Versie %(version)s van %(name)s is gepubliceerd en kan niet meer veranderen. "
                "Maak een nieuwe versie om vragen aan te passen."
            )
            % {"version": instrument.version, "name": instrument.name}
        )


@transaction.atomic
def instrument_new_version(*, actor: User, instrument: Instrument) -> Instrument:
    """Copy a version, with its fields and questions, as a draft with the next version number."""
    if not actor.is_staff:
        raise NotAllowed(_("Alleen platformbeheerders beheren instrumenten."))
    next_version = (
        (Instrument.objects.filter(slug=instrument.slug).aggregate(Max("version"))["version__max"]) + 1
    )
    copy = Instrument.objects.create(
        slug=instrument.slug,
        version=next_version,
        name=instrument.name,
        name_en=instrument.name_en,
        description=instrument.description,
        description_en=instrument.description_en,
        scoring=instrument.scoring,
        status=Instrument.Status.DRAFT,
    )
    dimensions = {}
    for dimension in instrument.dimensions.prefetch_related("support_themes"):
        new = Dimension.objects.create(
            instrument=copy,
            slug=dimension.slug,
            name=dimension.name,
            name_en=dimension.name_en,
            description=dimension.description,
            description_en=dimension.description_en,
            position=dimension.position,
            scored=dimension.scored,
        )
        new.support_themes.set(dimension.support_themes.all())
        dimensions[dimension.pk] = new
    Item.objects.bulk_create(
        Item(
            instrument=copy,
            dimension=dimensions[item.dimension_id],
            code=item.code,
            text=item.text,
            text_en=item.text_en,
            help_text=item.help_text,
            help_text_en=item.help_text_en,
            answer_type=item.answer_type,
            reverse=item.reverse,
            required=item.required,
            essential=item.essential,
            choices=item.choices,
            asks_support_themes=item.asks_support_themes,
            position=item.position,
        )
        for item in instrument.items.all()
    )
    audit.log(actor, "instrument.new_version", copy, {"from_version": instrument.version})
    return copy
