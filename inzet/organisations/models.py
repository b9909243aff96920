import uuid

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inzet.core.models import Taxonomy
from inzet.places.models import Municipality

kvk_validator = RegexValidator(r"^[0-9]{8}$", _("Een KvK-nummer bestaat uit precies 8 cijfers."))


class Sector(Taxonomy):
    """The sector taxonomy, kept as data so a support point can extend it in the admin."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")


class SupportPoint(models.Model):
    """A local support point (steunpunt vrijwilligerswerk / vrijwilligerscentrale) serving municipalities."""

    name = models.CharField(_("naam"), max_length=150, unique=True)
    slug = models.SlugField(unique=True)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("werkgebied"), related_name="support_points", blank=True
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("steunpunt")
        verbose_name_plural = _("steunpunten")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    class LegalForm(models.TextChoices):
        VERENIGING = "vereniging", _("vereniging")
        STICHTING = "stichting", _("stichting")
        INFORMEEL = "informeel", _("informeel initiatief")

    class Status(models.TextChoices):
        PENDING = "pending", _("wacht op beoordeling")
        APPROVED = "approved", _("goedgekeurd")
        REJECTED = "rejected", _("afgewezen")

    name = models.CharField(_("naam"), max_length=150)
    legal_form = models.CharField(_("rechtsvorm"), max_length=20, choices=LegalForm.choices)
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), related_name="organisations")
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, blank=True, validators=[kvk_validator])
    anbi = models.BooleanField(_("ANBI-status"), default=False)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="organisations"
    )
    postcode = models.CharField(_("postcode"), max_length=7)
    address = models.CharField(_("adres"), max_length=200)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    contact_email = models.EmailField(_("e-mailadres contact"))
    contact_phone = models.CharField(_("telefoon contact"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    volunteer_count = models.PositiveIntegerField(
        _("aantal vrijwilligers"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    description = models.TextField(_("beschrijving"), max_length=5000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField(_("reden van afwijzing"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    decision_notified_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "municipality", name="organisation_unique_name_per_municipality"
            ),
        ]
        indexes = [models.Index(fields=["status", "municipality"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", kwargs={"pk": self.pk})

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class Invitation(models.Model):
    """An emailed invitation to join an organisation with a role; accepted once, by a logged-in person."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mailadres"))
    role = models.CharField(
        _("rol"), max_length=20, choices=[("coordinator", _("coördinator")), ("member", _("lid"))]
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None
