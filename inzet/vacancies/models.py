import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.core.models import Taxonomy
from inzet.organisations.models import Organisation, Sector
from inzet.places.models import Municipality

VACANCY_LIFETIME = timedelta(days=91)  # "default 3 months, renewable"


class ActivityType(Taxonomy):
    """What the volunteer does: bestuur, begeleiding, coaching/maatje, evenementen, ..."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("soort activiteit")
        verbose_name_plural = _("soorten activiteiten")


class Skill(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("vaardigheid")
        verbose_name_plural = _("vaardigheden")


class Commitment(models.TextChoices):
    ONE_OFF = "one_off", _("eenmalig")
    SHORT = "short", _("korte periode")
    STRUCTURAL = "structural", _("structureel")


class SuitableFor(models.Model):
    """Flags shared by vacancies (suitable for) and profiles (looking for)."""

    suits_mdt = models.BooleanField(_("maatschappelijke diensttijd (MDT)"), default=False)
    suits_simple_dutch = models.BooleanField(_("eenvoudig Nederlands (B1)"), default=False)
    suits_newcomers = models.BooleanField(_("nieuwkomers"), default=False)
    suits_disability = models.BooleanField(_("mensen met een beperking"), default=False)
    remote_possible = models.BooleanField(_("op afstand mogelijk"), default=False)

    class Meta:
        abstract = True


class VolunteerProfile(SuitableFor):
    """What a volunteer looks for. Personal data: visible only to themselves, consultants of their area and the
    organisations they respond to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    postcode = models.CharField(_("postcode"), max_length=7)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    lat = models.FloatField()
    lon = models.FloatField()
    max_distance_km = models.PositiveSmallIntegerField(
        _("hoe ver wil je reizen (km)"), default=10, validators=[MinValueValidator(1), MaxValueValidator(300)]
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("interesses (sectoren)"), blank=True, related_name="+"
    )
    activity_types = models.ManyToManyField(ActivityType, verbose_name=_("soorten werk"), blank=True)
    skills = models.ManyToManyField(Skill, verbose_name=_("vaardigheden"), blank=True)
    availability = models.PositiveIntegerField(_("beschikbaarheid"), default=0)
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), default=4, validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    commitment = models.CharField(
        _("eenmalig of structureel"), max_length=20, choices=Commitment.choices, blank=True
    )
    languages = models.CharField(_("talen"), max_length=200, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("geboortejaar"), null=True, blank=True)
    accessibility_wishes = models.TextField(_("wensen over toegankelijkheid"), max_length=1000, blank=True)
    motivation = models.TextField(_("motivatie"), max_length=2000, blank=True)
    allows_mediation = models.BooleanField(
        _("de vrijwilligerscentrale mag mijn profiel gebruiken om mij te bemiddelen"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vrijwilligersprofiel")
        verbose_name_plural = _("vrijwilligersprofielen")
        indexes = [models.Index(fields=["allows_mediation", "lat", "lon"])]

    def __str__(self):
        return str(self.user)

    @property
    def first_name(self) -> str:
        """What an organisation may see of a suggested volunteer: a first name, never the email address."""
        return self.user.name.split()[0] if self.user.name.strip() else str(_("Vrijwilliger"))


class Vacancy(SuitableFor):
    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        SUBMITTED = "submitted", _("ter beoordeling")
        RETURNED = "returned", _("teruggestuurd")
        PUBLISHED = "published", _("gepubliceerd")
        CLOSED = "closed", _("gesloten")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="vacancies")
    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(_("omschrijving"), max_length=5000)
    activities = models.TextField(_("wat ga je doen"), max_length=3000, blank=True)
    sector = models.ForeignKey(Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="+")
    activity_types = models.ManyToManyField(ActivityType, verbose_name=_("soorten werk"), blank=True)
    skills = models.ManyToManyField(Skill, verbose_name=_("gevraagde vaardigheden"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    lat = models.FloatField()
    lon = models.FloatField()
    availability = models.PositiveIntegerField(_("wanneer"), default=0)
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    commitment = models.CharField(_("duur"), max_length=20, choices=Commitment.choices)
    start_date = models.DateField(_("begindatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    places = models.PositiveSmallIntegerField(
        _("aantal plaatsen"), default=1, validators=[MinValueValidator(1)]
    )
    requires_vog = models.BooleanField(_("VOG nodig"), default=False)
    minimum_age = models.PositiveSmallIntegerField(_("minimumleeftijd"), null=True, blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=150)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"))
    contact_phone = models.CharField(_("telefoon contactpersoon"), max_length=30, blank=True)
    expenses_reimbursed = models.BooleanField(_("onkosten worden vergoed"), default=False)
    insured = models.BooleanField(_("vrijwilligers zijn verzekerd"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    returned_reason = models.TextField(_("reden van terugsturen"), blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # The search index (inzet/vacancies/search_text.py): three lines of terms by weight, on both databases;
    # PostgreSQL also keeps them as a weighted tsvector with a GIN index.
    search_document = models.TextField(blank=True, default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "lat", "lon"], name="vacancy_status_lat_lon"),
            models.Index(fields=["status", "-published_at"], name="vacancy_status_published"),
            models.Index(fields=["organisation", "status"], name="vacancy_org_status"),
            # The search's most common shape: a sector within a radius box (bench/README.md: p95 56 → 18 ms).
            models.Index(
                fields=["sector", "lat", "lon"],
                condition=models.Q(status="published"),
                name="vacancy_open_sector_box",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="vacancy_end_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("vacancies:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PUBLISHED and (
            self.expires_at is None or self.expires_at > timezone.now()
        )


class Response(models.Model):
    """A volunteer's response to a vacancy, moved through the organisation's pipeline."""

    class Status(models.TextChoices):
        NEW = "new", _("nieuw")
        IN_CONTACT = "in_contact", _("in contact")
        INTRODUCTION = "introduction", _("kennismaking")
        PLACED = "placed", _("geplaatst")
        REJECTED = "rejected", _("afgewezen")
        WITHDRAWN = "withdrawn", _("teruggetrokken")

    OPEN_STATUSES = (Status.NEW, Status.IN_CONTACT, Status.INTRODUCTION)

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="responses")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="responses"
    )
    message = models.TextField(_("bericht"), max_length=3000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    rejection_reason = models.TextField(_("reden"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The last time the organisation did something with it; the reminder clock runs from here.
    last_organisation_action_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "volunteer"], name="response_once_per_vacancy"),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="response_status_created")]

    def __str__(self):
        return f"{self.volunteer} → {self.vacancy}"


class Mediation(models.Model):
    """A consultant proposes a volunteer for a vacancy (bemiddeling); both sides are told."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("voorgesteld")
        ACCEPTED = "accepted", _("geaccepteerd")
        DECLINED = "declined", _("afgeslagen")
        PLACED = "placed", _("geplaatst")

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mediations"
    )
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="mediations")
    note = models.TextField(_("toelichting"), max_length=3000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    response = models.OneToOneField(
        Response, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bemiddeling")
        verbose_name_plural = _("bemiddelingen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "volunteer"], name="mediation_once_per_vacancy"),
        ]

    def __str__(self):
        return f"{self.volunteer} → {self.vacancy}"


class Placement(models.Model):
    """A confirmed placement (plaatsing): the start of what follow-up and impact build on."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="placements")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="placements")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="placements"
    )
    response = models.OneToOneField(
        Response, null=True, blank=True, on_delete=models.SET_NULL, related_name="placement"
    )
    via_mediation = models.BooleanField(default=False)
    start_date = models.DateField(_("begindatum"))
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    end_reason = models.CharField(_("reden van stoppen"), max_length=300, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="placement_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.volunteer} @ {self.vacancy}"


class SearchTerm(models.Model):
    """A term of the search index's vocabulary: what a query word is expanded to (its stem, the compounds it
    begins or ends) and corrected against. Added to as vacancies are indexed, recounted by
    ``manage.py search_index`` (daily)."""

    term = models.CharField(max_length=40, unique=True)
    stem = models.CharField(max_length=40, db_index=True)
    reversed_term = models.CharField(max_length=40, db_index=True)  # for "ends with" as a prefix lookup
    documents = models.PositiveIntegerField(default=0)  # open vacancies that contain it, at the last count

    class Meta:
        verbose_name = _("zoekterm")
        verbose_name_plural = _("zoektermen")

    def __str__(self):
        return self.term


def new_unsubscribe_token() -> str:
    return secrets.token_urlsafe(24)


class SavedSearch(models.Model):
    """A search a person keeps, with an email digest of the new vacancies it finds. ``query`` holds the search
    page's GET parameters (a querystring, as ``SearchForm.as_querystring`` writes it), so the saved search is
    re-run by exactly the code the page uses, and a link to it is the search page plus this querystring.
    Personal data: it belongs to its owner and goes with the account."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("dagelijks")
        WEEKLY = "weekly", _("wekelijks")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("naam"), max_length=100)
    query = models.CharField(_("zoekopdracht"), max_length=2000, blank=True)
    frequency = models.CharField(
        _("hoe vaak"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    active = models.BooleanField(_("e-mail aan"), default=True)
    # The one-click "stop" link of the digest works without logging in: this random token is the key.
    unsubscribe_token = models.CharField(
        max_length=64, unique=True, default=new_unsubscribe_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(_("laatste e-mail"), null=True, blank=True)

    class Meta:
        verbose_name = _("bewaarde zoekopdracht")
        verbose_name_plural = _("bewaarde zoekopdrachten")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The same search twice (two clicks at once) is one row.
            models.UniqueConstraint(fields=["owner", "query"], name="saved_search_once_per_owner"),
        ]

    def __str__(self):
        return self.name

    def get_search_url(self) -> str:
        url = reverse("vacancies:search")
        return f"{url}?{self.query}" if self.query else url

    def get_unsubscribe_url(self) -> str:
        return reverse("vacancies:saved_search_unsubscribe", kwargs={"token": self.unsubscribe_token})


class SavedSearchHit(models.Model):
    """A vacancy that a saved search's digest has announced: never the same one twice."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="hits")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verstuurde vacature")
        verbose_name_plural = _("verstuurde vacatures")
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "vacancy"], name="saved_search_hit_once"),
        ]

    def __str__(self):
        return f"{self.saved_search} → {self.vacancy}"
