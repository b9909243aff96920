"""Instruments as data (dimensions, items, scoring), campaigns, an organisation's measurements and their answers."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inzet.collaboration.models import SupportTheme
from inzet.organisations.models import Organisation, Sector, SupportPoint
from inzet.places.models import Municipality


def _english() -> bool:
    return (get_language() or "nl").startswith("en")


class Instrument(models.Model):
    """One version of a questionnaire. Published versions are frozen: a change makes a new version."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        PUBLISHED = "published", _("gepubliceerd")
        RETIRED = "retired", _("vervangen")

    slug = models.SlugField()
    version = models.PositiveIntegerField(_("versie"), default=1)
    name = models.CharField(_("naam"), max_length=150)
    name_en = models.CharField(_("naam (Engels)"), max_length=150)
    description = models.TextField(_("omschrijving"), blank=True)
    description_en = models.TextField(_("omschrijving (Engels)"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    # {"method": "mean_scaled", "min_answered": 0.5}: see inzet.assessments.scoring.
    scoring = models.JSONField(_("scoreregel"), default=dict, blank=True)
    # Hash of the data file this version was loaded from; the loader compares it to see what changed.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instrumenten")
        ordering = ["slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="instrument_unique_slug_version"),
        ]

    def __str__(self):
        return f"{self.name} (v{self.version})"

    @property
    def label(self) -> str:
        return self.name_en if _english() and self.name_en else self.name

    @property
    def description_label(self) -> str:
        return self.description_en if _english() and self.description_en else self.description

    @property
    def is_frozen(self) -> bool:
        return self.status != self.Status.DRAFT


class Dimension(models.Model):
    """A field of the instrument (a krachtveld) and at the same time one page of the questionnaire."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="dimensions")
    slug = models.SlugField()
    name = models.CharField(_("naam"), max_length=150)
    name_en = models.CharField(_("naam (Engels)"), max_length=150)
    description = models.TextField(_("omschrijving"), blank=True)
    description_en = models.TextField(_("omschrijving (Engels)"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    scored = models.BooleanField(_("telt mee in de score"), default=True)
    support_themes = models.ManyToManyField(
        SupportTheme, verbose_name=_("ondersteuningsthema's die dit veld versterken"), blank=True
    )

    class Meta:
        verbose_name = _("dimensie")
        verbose_name_plural = _("dimensies")
        ordering = ["instrument", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "slug"], name="dimension_unique_slug"),
        ]

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        return self.name_en if _english() and self.name_en else self.name

    @property
    def description_label(self) -> str:
        return self.description_en if _english() and self.description_en else self.description


class Item(models.Model):
    """One question or statement. `code` is its stable key across versions (and the column of an export)."""

    class AnswerType(models.TextChoices):
        AGREE5 = "agree5", _("vijfpuntsschaal eens/oneens")
        YES_NO = "yes_no", _("ja/nee")
        NUMBER = "number", _("getal")
        SINGLE_CHOICE = "single_choice", _("één keuze")
        MULTIPLE_CHOICE = "multiple_choice", _("meerdere keuzes")
        SHORT_TEXT = "short_text", _("korte tekst")
        LONG_TEXT = "long_text", _("lange tekst")

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="items")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="items")
    code = models.SlugField(max_length=60)
    text = models.TextField(_("tekst"))
    text_en = models.TextField(_("tekst (Engels)"), blank=True)
    help_text = models.TextField(_("toelichting"), blank=True)
    help_text_en = models.TextField(_("toelichting (Engels)"), blank=True)
    answer_type = models.CharField(_("soort antwoord"), max_length=20, choices=AnswerType.choices)
    reverse = models.BooleanField(_("omgekeerd gescoord"), default=False)
    required = models.BooleanField(_("verplicht"), default=True)
    essential = models.BooleanField(_("essentieel (ook voor kleine organisaties)"), default=False)
    # [{"value": ..., "label": ..., "label_en": ...}]; for `asks_support_themes` the values are theme slugs.
    choices = models.JSONField(_("keuzes"), default=list, blank=True)
    asks_support_themes = models.BooleanField(_("vraagt naar ondersteuningsthema's"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["dimension__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "code"], name="item_unique_code"),
        ]

    def __str__(self):
        return f"{self.code}: {self.text[:60]}"

    @property
    def label(self) -> str:
        return self.text_en if _english() and self.text_en else self.text

    @property
    def help_label(self) -> str:
        return self.help_text_en if _english() and self.help_text_en else self.help_text

    @property
    def is_scored(self) -> bool:
        return self.answer_type in (self.AnswerType.AGREE5, self.AnswerType.YES_NO)

    def choice_list(self) -> list[tuple[str, str]]:
        english = _english()
        return [
            (str(choice["value"]), (choice.get("label_en") if english else None) or choice["label"])
            for choice in self.choices
        ]


class Campaign(models.Model):
    """A support point asks the organisations of some municipalities (and sectors) to take an instrument."""

    support_point = models.ForeignKey(
        SupportPoint, verbose_name=_("steunpunt"), on_delete=models.CASCADE, related_name="campaigns"
    )
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="campaigns"
    )
    title = models.CharField(_("titel"), max_length=150)
    starts_on = models.DateField(_("begint op"))
    deadline = models.DateField(_("invullen kan tot en met"))
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("gemeenten"), related_name="campaigns"
    )
    sectors = models.ManyToManyField(
        Sector,
        verbose_name=_("sectoren"),
        related_name="campaigns",
        blank=True,
        help_text=_("Leeg: alle sectoren."),
    )
    invitation_text = models.TextField(_("uitnodigingstekst"), max_length=5000)
    # Who was asked, recorded when the campaign starts (and when an organisation that came into scope later
    # takes part): the response rate divides by this, not by whoever happens to be in scope today.
    invited_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("uitgenodigde organisaties"), related_name="+", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assessments:campaign", kwargs={"pk": self.pk})


class Assessment(models.Model):
    """One organisation's measurement with one instrument version, answered by one or more respondents."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="assessments")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="assessments")
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="assessments"
    )
    # Goed Geregeld: a small organisation answers only the items marked essential.
    essential_only = models.BooleanField(_("alleen de essentiële vragen"), default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "campaign"],
                condition=Q(campaign__isnull=False),
                name="assessment_one_per_campaign",
            ),
        ]

    def __str__(self):
        return f"{self.instrument.name} — {self.organisation}"

    def get_absolute_url(self):
        return reverse("assessments:assessment", kwargs={"pk": self.pk})


class Response(models.Model):
    """One respondent's answers. Submitted is final; "opnieuw invullen" makes a new one that replaces it."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("bezig")
        SUBMITTED = "submitted", _("ingediend")
        REPLACED = "replaced", _("vervangen")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_responses"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS, db_index=True
    )
    replaces = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ingevulde vragenlijst")
        verbose_name_plural = _("ingevulde vragenlijsten")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "respondent"],
                condition=Q(status="in_progress"),
                name="response_one_in_progress",
            ),
            models.UniqueConstraint(
                fields=["assessment", "respondent"],
                condition=Q(status="submitted"),
                name="response_one_submitted",
            ),
        ]

    def __str__(self):
        return f"{self.respondent} — {self.assessment}"

    def get_absolute_url(self):
        return reverse("assessments:response", kwargs={"pk": self.pk})

    @property
    def is_submitted(self) -> bool:
        return self.status != self.Status.IN_PROGRESS


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    # agree5: 1..5, yes/no: 1 or 0, number: the number; choices as values, texts as text.
    number = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)
    choices = models.JSONField(default=list, blank=True)
    dont_know = models.BooleanField(_("weet niet / n.v.t."), default=False)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [models.UniqueConstraint(fields=["response", "item"], name="answer_unique_item")]

    def __str__(self):
        return f"{self.item.code}"


class DimensionScore(models.Model):
    """A submitted response's score on one field, stored so reports aggregate in SQL. None: too few answers."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="scores")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="scores")
    score = models.FloatField(null=True, blank=True)
    answered = models.PositiveSmallIntegerField(default=0)
    scored_items = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["response", "dimension"], name="score_unique_dimension"),
        ]

    def __str__(self):
        return f"{self.dimension_id}: {self.score}"


class RespondentInvitation(models.Model):
    """The group administrator asks a fellow board member or volunteer, by email, to answer too."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mailadres"))
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging om in te vullen")
        verbose_name_plural = _("uitnodigingen om in te vullen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.assessment}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None


class MailMerge(models.Model):
    """A consultant's message to the organisations of a campaign that asked for a theme or scored low."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="mail_merges")
    subject = models.CharField(_("onderwerp"), max_length=150)
    message = models.TextField(_("bericht"), max_length=5000)
    theme = models.ForeignKey(
        SupportTheme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dimension = models.ForeignKey(
        Dimension, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_ids = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject
