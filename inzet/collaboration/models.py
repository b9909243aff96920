from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.core.models import Taxonomy
from inzet.organisations.models import SupportPoint


class SupportTheme(Taxonomy):
    """What an organisation may want help with (bestuur, werving, financiën, ...), kept as data."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("ondersteuningsthema")
        verbose_name_plural = _("ondersteuningsthema's")


class SupportOffer(models.Model):
    """Help a support point offers on one theme: a training, a consultation hour, a guide, a pool of experts."""

    support_point = models.ForeignKey(
        SupportPoint, verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="support_offers"
    )
    theme = models.ForeignKey(
        SupportTheme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="offers"
    )
    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(_("omschrijving"), max_length=3000)
    url = models.URLField(_("link"), blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ondersteuningsaanbod")
        verbose_name_plural = _("ondersteuningsaanbod")
        ordering = ["theme__position", "title"]

    def __str__(self):
        return self.title
