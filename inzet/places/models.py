from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    code = models.CharField(_("CBS-code"), max_length=4, primary_key=True)  # PV20 … PV31
    name = models.CharField(_("naam"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("provincie")
        verbose_name_plural = _("provincies")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("CBS-code"), max_length=6, primary_key=True)  # GM0014
    name = models.CharField(_("naam"), max_length=100, db_index=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="municipalities")
    lat = models.FloatField(_("breedtegraad"))
    lon = models.FloatField(_("lengtegraad"))

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PostcodeArea(models.Model):
    """A four-digit postcode area (PC4) with its centroid and the municipality covering most of it."""

    pc4 = models.CharField(_("postcodegebied"), max_length=4, primary_key=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    # Empty only where the source has no shape for the area (5028); see data/SOURCES.md.
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="postcode_areas", null=True, blank=True
    )
    municipality_area_share = models.DecimalField(max_digits=3, decimal_places=2, default=1)

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["pc4"]

    def __str__(self):
        return self.pc4
