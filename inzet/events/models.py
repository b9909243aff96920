"""Meetings and trainings of a support point: events, series, registrations with a waiting list, outcomes."""

from django.conf import settings
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.organisations.models import Organisation, SupportPoint
from inzet.places.models import Municipality, Province

CANCEL_TOKEN_SALT = "inzet.events.registration.cancel"


class BasicFunction(models.TextChoices):
    """The basic functions of local volunteer support (DESIGN.md §2, seed 004 canvas)."""

    MATCHING = "matching", _("matchen vraag en aanbod")
    RECOGNITION = "recognition", _("erkennen en waarderen")
    ADVOCACY = "advocacy", _("belangenbehartigen")
    PROMOTION = "promotion", _("promotie")
    EXPERTISE = "expertise", _("deskundigheidsbevordering")
    INNOVATION = "innovation", _("bevorderen nieuwe ontwikkelingen")


class Audience(models.TextChoices):
    BOARD_MEMBERS = "board_members", _("bestuurders van organisaties")
    VOLUNTEERS = "volunteers", _("vrijwilligers")
    CONSULTANTS = "consultants", _("consulenten van het netwerk")


class EventSeries(models.Model):
    """Sessions that belong together (e.g. three Open Club sessions in a region), created and shown as one."""

    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(_("omschrijving"), max_length=5000, blank=True)
    support_point = models.ForeignKey(
        SupportPoint, verbose_name=_("organisator"), on_delete=models.PROTECT, related_name="event_series"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reeks")
        verbose_name_plural = _("reeksen")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class Event(models.Model):
    class Kind(models.TextChoices):
        REGIONAL_MEETING = "regiobijeenkomst", _("regiobijeenkomst")
        OPEN_CLUB = "open_club", _("Open Club sessie")
        TRAINING = "training", _("training of workshop")
        DO_DAY = "doe_dag", _("doe-dag")
        ROUND_TABLE = "rondetafel", _("rondetafelgesprek")
        PROVINCIAL_DAY = "provinciale_kennisdag", _("provinciale kennisdag")
        NETWORK_MEETING = "netwerkbijeenkomst", _("netwerkbijeenkomst")

    class Status(models.TextChoices):
        PUBLISHED = "published", _("gepubliceerd")
        CANCELLED = "cancelled", _("geannuleerd")

    kind = models.CharField(_("soort bijeenkomst"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(_("omschrijving"), max_length=5000)
    venue_name = models.CharField(_("locatie"), max_length=150, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    online_url = models.URLField(_("link voor online deelname"), blank=True)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("voor gemeenten"), blank=True, related_name="events"
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("voor provincie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    for_board_members = models.BooleanField(Audience.BOARD_MEMBERS.label, default=True)
    for_volunteers = models.BooleanField(Audience.VOLUNTEERS.label, default=False)
    for_consultants = models.BooleanField(Audience.CONSULTANTS.label, default=False)
    # Empty: no limit (an online session, a day for everyone).
    capacity = models.IntegerField(_("aantal plaatsen"), null=True, blank=True)
    registration_opens_at = models.DateTimeField(_("aanmelden vanaf"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("aanmelden tot"), null=True, blank=True)
    limit_per_organisation = models.PositiveSmallIntegerField(
        _("maximaal aantal per organisatie"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    # A list of BasicFunction values: every event of a support point says which functions it serves.
    basic_functions = models.JSONField(_("basisfuncties"), default=list, blank=True)
    support_point = models.ForeignKey(
        SupportPoint, verbose_name=_("organisator"), on_delete=models.PROTECT, related_name="events"
    )
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("reeks"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(_("reden van annuleren"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"], name="event_status_starts")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=0),
                name="event_capacity_not_negative",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.address

    @property
    def audiences(self) -> list[str]:
        flags = [
            (self.for_board_members, Audience.BOARD_MEMBERS),
            (self.for_volunteers, Audience.VOLUNTEERS),
            (self.for_consultants, Audience.CONSULTANTS),
        ]
        return [audience.value for on, audience in flags if on]

    @property
    def basic_function_labels(self) -> list[str]:
        return [BasicFunction(value).label for value in self.basic_functions if value in BasicFunction.values]

    @property
    def location_text(self) -> str:
        return ", ".join(part for part in (self.venue_name, self.address, self.postcode, self.city) if part)

    @property
    def closes_at(self):
        """Registration closes when the organiser says, and at the latest when the event starts."""
        return self.registration_closes_at or self.starts_at

    def has_ended(self, now=None) -> bool:
        return self.ends_at <= (now or timezone.now())

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.is_cancelled or now >= self.closes_at:
            return False
        return self.registration_opens_at is None or now >= self.registration_opens_at


class ProgrammeItem(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    time = models.TimeField(_("tijd"))
    title = models.CharField(_("onderdeel"), max_length=200)

    class Meta:
        verbose_name = _("programmaonderdeel")
        verbose_name_plural = _("programma")
        ordering = ["time", "pk"]

    def __str__(self):
        return f"{self.time:%H:%M} {self.title}"


class RegistrationQuestion(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("tekst")
        CHOICE = "choice", _("keuze")
        YES_NO = "yes_no", _("ja/nee")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("vraag"), max_length=300)
    kind = models.CharField(_("soort antwoord"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    required = models.BooleanField(_("verplicht"), default=False)
    # For a choice question: the options, in order.
    choices = models.JSONField(_("keuzes"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("aanmeldvraag")
        verbose_name_plural = _("aanmeldvragen")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text

    @property
    def answer_key(self) -> str:
        return f"q{self.pk}"


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("aangemeld")
        WAITLISTED = "waitlisted", _("op de wachtlijst")
        CANCELLED = "cancelled", _("afgemeld")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("namens organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # Place on the waiting list, 1 first; kept without gaps by the services. Empty unless waitlisted.
    position = models.PositiveIntegerField(_("plaats op de wachtlijst"), null=True, blank=True)
    # {"q<question id>": answer}; the question texts are kept with the event.
    answers = models.JSONField(_("antwoorden"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("aanwezig"), default=False)
    checked_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        constraints = [
            # The service refuses a second registration with a message; this keeps it true under any race.
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=~models.Q(status="cancelled"),
                name="registration_once_per_person",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self):
        return f"{self.person} → {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED

    @property
    def cancel_token(self) -> str:
        """A signed token for the one-click cancel link in emails; a changed id breaks the signature."""
        # Without a timestamp: every e-mail about this registration carries the same link.
        return signing.Signer(salt=CANCEL_TOKEN_SALT).sign_object({"r": self.pk}, compress=True)

    def get_cancel_url(self) -> str:
        return reverse("events:cancel_by_token", kwargs={"token": self.cancel_token})


class Outcome(models.Model):
    """What came out of a meeting: kept for the collaboration capability to turn into local initiatives."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="outcome")
    notes = models.TextField(_("verslag"), max_length=10000, blank=True)
    organisations_present = models.ManyToManyField(
        Organisation, verbose_name=_("aanwezige organisaties"), blank=True, related_name="event_outcomes"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("opbrengst")
        verbose_name_plural = _("opbrengsten")

    def __str__(self):
        return str(self.event)


class Idea(models.Model):
    """An idea or shared ambition that came up, with the organisations that want to take it further."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="ideas")
    title = models.CharField(_("idee of ambitie"), max_length=200)
    description = models.TextField(_("toelichting"), max_length=3000, blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisaties die verder willen"), blank=True, related_name="event_ideas"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idee")
        verbose_name_plural = _("ideeën")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title


class Evaluation(models.Model):
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="evaluation")
    rating = models.PositiveSmallIntegerField(
        _("cijfer (1–10)"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    useful = models.TextField(_("wat had je eraan"), max_length=3000, blank=True)
    next_step = models.TextField(_("wat ga je nu doen"), max_length=3000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=10), name="evaluation_rating_1_to_10"
            ),
        ]

    def __str__(self):
        return f"{self.registration}: {self.rating}"
