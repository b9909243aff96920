"""Every write of the vacaturebank: profiles, the vacancy lifecycle, responses, mediation and placements."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.core import audit
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.organisations.models import Organisation
from inzet.places.postcodes import normalise_postcode
from inzet.places.selectors import location_for_postcode
from inzet.vacancies import nov, tasks
from inzet.vacancies.models import VACANCY_LIFETIME, Mediation, Placement, Response, Vacancy, VolunteerProfile

PROFILE_FIELDS = (
    "max_distance_km",
    "availability",
    "hours_per_week",
    "commitment",
    "languages",
    "birth_year",
    "accessibility_wishes",
    "motivation",
    "allows_mediation",
    "suits_mdt",
    "suits_simple_dutch",
    "suits_newcomers",
    "suits_disability",
    "remote_possible",
)
# What a coordinator writes, in the order of the form (forms.VacancyForm adds kinds of work and skills).
VACANCY_FIELDS = (
    "title",
    "description",
    "activities",
    "sector",
    "postcode",
    "address",
    "remote_possible",
    "availability",
    "hours_per_week",
    "commitment",
    "start_date",
    "end_date",
    "places",
    "requires_vog",
    "minimum_age",
    "suits_mdt",
    "suits_simple_dutch",
    "suits_newcomers",
    "suits_disability",
    "contact_name",
    "contact_email",
    "contact_phone",
    "expenses_reimbursed",
    "insured",
)
# The organisation's pipeline: which step may follow which.
RESPONSE_STEPS = {
    Response.Status.NEW: {
        Response.Status.IN_CONTACT,
        Response.Status.INTRODUCTION,
        Response.Status.PLACED,
        Response.Status.REJECTED,
    },
    Response.Status.IN_CONTACT: {
        Response.Status.INTRODUCTION,
        Response.Status.PLACED,
        Response.Status.REJECTED,
    },
    Response.Status.INTRODUCTION: {
        Response.Status.PLACED,
        Response.Status.REJECTED,
        Response.Status.IN_CONTACT,
    },
}
REMIND_AFTER_WORKING_DAYS = 5
ESCALATE_AFTER_WORKING_DAYS = 10


def _field_error(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, {"fields": {field: message}})


def _validated(instance, exclude=()) -> None:
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        fields = {name: messages[0] for name, messages in error.message_dict.items()}
        raise ApplicationError(next(iter(fields.values())), {"fields": fields}) from None


def _notify(kind: str, object_id: int) -> None:
    tasks.notify.enqueue(kind=kind, object_id=object_id)


def _refresh_search(vacancy: Vacancy) -> None:
    from inzet.vacancies.search import vacancy_search_index_update

    vacancy_search_index_update(vacancy_ids=[vacancy.pk])


# ── volunteer profiles ───────────────────────────────────────────────────────────────────────────────────────────


@transaction.atomic
def profile_save(
    *, user: User, postcode: str, sectors=(), activity_types=(), skills=(), **data
) -> VolunteerProfile:
    """Create or update the volunteer's own profile. The postcode must be known: distances start from it."""
    location = location_for_postcode(postcode)
    profile = VolunteerProfile.objects.filter(user=user).first() or VolunteerProfile(user=user)
    profile.postcode = normalise_postcode(postcode)
    profile.municipality, profile.lat, profile.lon = location.municipality, location.lat, location.lon
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(profile, field, data[field])
    this_year = timezone.localdate().year
    if profile.birth_year is not None and not (this_year - 110 <= profile.birth_year <= this_year - 10):
        raise _field_error(
            "birth_year",
            _("Vul een geboortejaar in tussen %(low)s en %(high)s.")
            % {"low": this_year - 110, "high": this_year - 10},
        )
    _validated(profile, exclude=["user", "sectors", "activity_types", "skills"])
    profile.save()
    profile.sectors.set(sectors)
    profile.activity_types.set(activity_types)
    profile.skills.set(skills)
    return profile


# ── vacancies ────────────────────────────────────────────────────────────────────────────────────────────────────


def _apply_vacancy_fields(vacancy: Vacancy, data: dict) -> None:
    for field in VACANCY_FIELDS:
        if field in data:
            value = data[field]
            setattr(vacancy, field, value.strip() if isinstance(value, str) else value)
    organisation = vacancy.organisation
    if vacancy.postcode:
        try:
            vacancy.postcode = normalise_postcode(vacancy.postcode)
        except ValidationError as error:
            raise _field_error("postcode", error.messages[0]) from None
        location = location_for_postcode(vacancy.postcode, municipality=organisation.municipality)
        vacancy.municipality, vacancy.lat, vacancy.lon = location.municipality, location.lat, location.lon
    elif vacancy.remote_possible or organisation.lat is not None:
        # No address of its own: the organisation's place stands for it (remote work has to start somewhere too).
        vacancy.municipality = organisation.municipality
        vacancy.lat = organisation.lat if organisation.lat is not None else organisation.municipality.lat
        vacancy.lon = organisation.lon if organisation.lon is not None else organisation.municipality.lon
    if vacancy.start_date and vacancy.end_date and vacancy.end_date < vacancy.start_date:
        raise _field_error("end_date", _("De einddatum ligt vóór de begindatum."))
    _validated(
        vacancy, exclude=["activity_types", "skills", "search_document", "search_vector", "created_by"]
    )


@transaction.atomic
def vacancy_create(
    *, actor: User, organisation: Organisation, activity_types=(), skills=(), **data
) -> Vacancy:
    if not actor.has_perm("organisations.change_organisation", organisation):
        raise NotAllowed(_("Alleen coördinatoren van de organisatie maken vacatures."))
    if not organisation.is_approved:
        raise ApplicationError(_("Je organisatie moet eerst goedgekeurd zijn door de vrijwilligerscentrale."))
    vacancy = Vacancy(organisation=organisation, created_by=actor, status=Vacancy.Status.DRAFT)
    _apply_vacancy_fields(vacancy, data)
    vacancy.save()
    vacancy.activity_types.set(activity_types)
    vacancy.skills.set(skills)
    audit.log(actor, "vacancy.created", vacancy)
    return vacancy


@transaction.atomic
def vacancy_update(*, actor: User, vacancy: Vacancy, activity_types=None, skills=None, **data) -> Vacancy:
    """Edit a vacancy. A published vacancy that no longer meets the NOV criteria goes back for review."""
    if not actor.has_perm("vacancies.change_vacancy", vacancy):
        raise NotAllowed(_("Je mag deze vacature niet wijzigen."))
    vacancy = (
        Vacancy.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=vacancy.pk)
    )
    if vacancy.status == Vacancy.Status.CLOSED:
        raise ApplicationError(_("Een gesloten vacature kan niet meer worden gewijzigd."))
    _apply_vacancy_fields(vacancy, data)
    back_to_review = vacancy.status == Vacancy.Status.PUBLISHED and not all(
        c.passes for c in nov.criteria(vacancy)
    )
    if back_to_review:
        vacancy.status = Vacancy.Status.SUBMITTED
    vacancy.save()
    if activity_types is not None:
        vacancy.activity_types.set(activity_types)
    if skills is not None:
        vacancy.skills.set(skills)
    if vacancy.status == Vacancy.Status.PUBLISHED:
        _refresh_search(vacancy)
    audit.log(actor, "vacancy.updated", vacancy, {"fields": sorted(data), "back_to_review": back_to_review})
    if back_to_review:
        _notify("vacancy_submitted", vacancy.pk)
    return vacancy


@transaction.atomic
def vacancy_submit(*, actor: User, vacancy: Vacancy) -> Vacancy:
    if not actor.has_perm("vacancies.change_vacancy", vacancy):
        raise NotAllowed(_("Je mag deze vacature niet indienen."))
    vacancy = (
        Vacancy.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=vacancy.pk)
    )
    if vacancy.status not in (Vacancy.Status.DRAFT, Vacancy.Status.RETURNED):
        raise ApplicationError(_("Deze vacature is al ingediend."))
    vacancy.status = Vacancy.Status.SUBMITTED
    vacancy.save(update_fields=["status", "updated_at"])
    audit.log(actor, "vacancy.submitted", vacancy)
    _notify("vacancy_submitted", vacancy.pk)
    return vacancy


@transaction.atomic
def vacancy_publish(*, actor: User, vacancy: Vacancy, confirmed: list[str]) -> Vacancy:
    """A consultant publishes after confirming every NOV criterion."""
    if not actor.has_perm("vacancies.review_vacancy", vacancy):
        raise NotAllowed(_("Je mag deze vacature niet beoordelen."))
    vacancy = (
        Vacancy.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=vacancy.pk)
    )
    if vacancy.status != Vacancy.Status.SUBMITTED:
        raise ApplicationError(_("Alleen ingediende vacatures kunnen worden gepubliceerd."))
    missing = [c for c in nov.criteria(vacancy) if c.key not in confirmed]
    if missing:
        message = _("Vink alle NOV-criteria aan, of stuur de vacature terug. Nog open: %(open)s.") % {
            "open": ", ".join(str(c.label) for c in missing)
        }
        raise _field_error("confirmed", message)
    now = timezone.now()
    vacancy.status = Vacancy.Status.PUBLISHED
    vacancy.returned_reason = ""
    vacancy.published_at = now
    vacancy.expires_at = now + VACANCY_LIFETIME
    vacancy.save(update_fields=["status", "returned_reason", "published_at", "expires_at", "updated_at"])
    _refresh_search(vacancy)
    audit.log(actor, "vacancy.published", vacancy, {"confirmed": sorted(confirmed)})
    _notify("vacancy_published", vacancy.pk)
    return vacancy


@transaction.atomic
def vacancy_return(*, actor: User, vacancy: Vacancy, reason: str) -> Vacancy:
    if not actor.has_perm("vacancies.review_vacancy", vacancy):
        raise NotAllowed(_("Je mag deze vacature niet beoordelen."))
    reason = (reason or "").strip()
    if not reason:
        raise _field_error(
            "reason", _("Geef aan wat er moet veranderen; de organisatie krijgt dit per e-mail.")
        )
    vacancy = Vacancy.objects.select_for_update(of=("self",)).get(pk=vacancy.pk)
    if vacancy.status != Vacancy.Status.SUBMITTED:
        raise ApplicationError(_("Alleen ingediende vacatures kunnen worden teruggestuurd."))
    vacancy.status = Vacancy.Status.RETURNED
    vacancy.returned_reason = reason
    vacancy.save(update_fields=["status", "returned_reason", "updated_at"])
    audit.log(actor, "vacancy.returned", vacancy, {"reason": reason})
    _notify("vacancy_returned", vacancy.pk)
    return vacancy


@transaction.atomic
def vacancy_renew(*, actor: User, vacancy: Vacancy) -> Vacancy:
    """Another three months in the bank, from today."""
    if not actor.has_perm("vacancies.change_vacancy", vacancy):
        raise NotAllowed(_("Je mag deze vacature niet verlengen."))
    if vacancy.status != Vacancy.Status.PUBLISHED:
        raise ApplicationError(_("Alleen gepubliceerde vacatures kunnen worden verlengd."))
    vacancy.expires_at = timezone.now() + VACANCY_LIFETIME
    vacancy.save(update_fields=["expires_at", "updated_at"])
    audit.log(actor, "vacancy.renewed", vacancy, {"expires_at": vacancy.expires_at.isoformat()})
    return vacancy


@transaction.atomic
def vacancy_close(*, actor: User, vacancy: Vacancy) -> Vacancy:
    if not actor.has_perm("vacancies.change_vacancy", vacancy):
        raise NotAllowed(_("Je mag deze vacature niet sluiten."))
    if vacancy.status == Vacancy.Status.CLOSED:
        raise ApplicationError(_("Deze vacature is al gesloten."))
    vacancy.status = Vacancy.Status.CLOSED
    vacancy.save(update_fields=["status", "updated_at"])
    audit.log(actor, "vacancy.closed", vacancy)
    return vacancy


# ── responses ────────────────────────────────────────────────────────────────────────────────────────────────────


@transaction.atomic
def response_create(*, volunteer: User, vacancy: Vacancy, message: str) -> Response:
    message = (message or "").strip()
    if not message:
        raise _field_error("message", _("Schrijf een kort bericht aan de organisatie."))
    if not vacancy.is_open:
        raise ApplicationError(_("Op deze vacature kun je niet meer reageren."))
    if vacancy.organisation.memberships.filter(user=volunteer).exists():
        raise ApplicationError(_("Je hoort zelf bij deze organisatie."))
    if Response.objects.filter(vacancy=vacancy, volunteer=volunteer).exists():
        raise ApplicationError(
            _("Je hebt al op deze vacature gereageerd. Je vindt je reactie bij ‘Mijn reacties’.")
        )
    try:
        with transaction.atomic():
            response = Response.objects.create(vacancy=vacancy, volunteer=volunteer, message=message)
    except IntegrityError:  # a double click that raced past the check above
        raise ApplicationError(_("Je hebt al op deze vacature gereageerd.")) from None
    audit.log(volunteer, "response.created", response)
    _notify("response_created", response.pk)
    return response


@transaction.atomic
def response_withdraw(*, volunteer: User, response: Response) -> Response:
    if response.volunteer_id != volunteer.pk:
        raise NotAllowed(_("Dit is niet jouw reactie."))
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.status not in Response.OPEN_STATUSES:
        raise ApplicationError(_("Deze reactie is al afgerond."))
    response.status = Response.Status.WITHDRAWN
    response.save(update_fields=["status"])
    audit.log(volunteer, "response.withdrawn", response)
    _notify("response_withdrawn", response.pk)
    return response


@transaction.atomic
def response_move(
    *,
    actor: User,
    response: Response,
    status: str,
    reason: str = "",
    start_date: date | None = None,
    hours_per_week: int | None = None,
) -> Response:
    """The organisation moves a response one step in its pipeline; the volunteer is told of every step."""
    if not actor.has_perm("vacancies.handle_response", response):
        raise NotAllowed(_("Je mag deze reactie niet behandelen."))
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("vacancy__organisation")
        .get(pk=response.pk)
    )
    allowed = RESPONSE_STEPS.get(response.status, set())
    if status not in allowed:
        raise ApplicationError(
            _("Van ‘%(from)s’ kan een reactie niet naar ‘%(to)s’.")
            % {"from": response.get_status_display(), "to": dict(Response.Status.choices).get(status, status)}
        )
    if status == Response.Status.REJECTED and not reason.strip():
        raise _field_error("reason", _("Geef een reden; de vrijwilliger krijgt die te zien."))
    response.status = status
    response.rejection_reason = reason.strip() if status == Response.Status.REJECTED else ""
    response.last_organisation_action_at = timezone.now()
    response.save(update_fields=["status", "rejection_reason", "last_organisation_action_at"])
    if status == Response.Status.PLACED:
        placement_register(
            actor=actor,
            vacancy=response.vacancy,
            volunteer=response.volunteer,
            response=response,
            start_date=start_date or timezone.localdate(),
            hours_per_week=hours_per_week or response.vacancy.hours_per_week,
        )
    audit.log(actor, f"response.{status}", response, {"reason": response.rejection_reason} if reason else {})
    _notify("response_status", response.pk)
    return response


def _working_days_between(start: date, end: date) -> int:
    days, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


def responses_chase_unanswered(*, today: date | None = None) -> dict:
    """Remind after 5 working days without any action by the organisation; after 10 the consultant sees it."""
    today = today or timezone.localdate()
    reminded = escalated = 0
    candidates = Response.objects.filter(
        status=Response.Status.NEW, last_organisation_action_at__isnull=True
    ).filter(created_at__date__lte=today - timedelta(days=REMIND_AFTER_WORKING_DAYS))
    for response in candidates.filter(escalated_at__isnull=True).only("pk", "created_at", "reminder_sent_at"):
        age = _working_days_between(timezone.localtime(response.created_at).date(), today)
        with transaction.atomic():
            if age >= ESCALATE_AFTER_WORKING_DAYS:
                Response.objects.filter(pk=response.pk, escalated_at__isnull=True).update(
                    escalated_at=timezone.now()
                )
                audit.log(None, "response.escalated", response, {"working_days": age})
                escalated += 1
            elif age >= REMIND_AFTER_WORKING_DAYS and response.reminder_sent_at is None:
                Response.objects.filter(pk=response.pk).update(reminder_sent_at=timezone.now())
                _notify("response_reminder", response.pk)
                reminded += 1
    return {"reminded": reminded, "escalated": escalated}


@transaction.atomic
def candidate_invite(*, actor: User, vacancy: Vacancy, profile: VolunteerProfile) -> None:
    """The organisation invites a suggested volunteer to respond; the platform mails them, the address stays hidden."""
    from inzet.core.mail import send_once

    if not actor.has_perm("vacancies.change_vacancy", vacancy):
        raise NotAllowed(_("Je mag voor deze vacature niemand uitnodigen."))
    if not profile.allows_mediation:
        raise ApplicationError(_("Deze vrijwilliger wil niet benaderd worden."))
    if not vacancy.is_open:
        raise ApplicationError(_("Alleen voor gepubliceerde vacatures kun je vrijwilligers uitnodigen."))
    if Response.objects.filter(vacancy=vacancy, volunteer=profile.user_id).exists():
        raise ApplicationError(_("Deze vrijwilliger heeft al gereageerd."))
    sent = send_once(
        key=f"candidate_invite:{vacancy.pk}:{profile.user_id}",
        to=[profile.user.email],
        template_prefix="vacancies/email/candidate_invite",
        context={"vacancy": vacancy, "url": vacancy.get_absolute_url()},
    )
    if not sent:
        raise ApplicationError(_("Deze vrijwilliger is al uitgenodigd."))
    audit.log(actor, "vacancy.candidate_invited", vacancy, {"profile": profile.pk})


# ── mediation and placements ─────────────────────────────────────────────────────────────────────────────────────


@transaction.atomic
def mediation_propose(
    *, consultant: User, profile: VolunteerProfile, vacancy: Vacancy, note: str
) -> Mediation:
    """A consultant proposes a volunteer who asked for mediation; the volunteer and the organisation are told."""
    if not consultant.has_perm("vacancies.mediate", vacancy):
        raise NotAllowed(_("Deze vacature valt buiten het werkgebied van je vrijwilligerscentrale."))
    if not profile.allows_mediation:
        raise ApplicationError(_("Deze vrijwilliger wil niet bemiddeld worden."))
    if not vacancy.is_open:
        raise ApplicationError(_("Deze vacature staat niet (meer) open."))
    if not (note or "").strip():
        raise _field_error("note", _("Schrijf waarom deze vrijwilliger bij deze plek past."))
    if Mediation.objects.filter(vacancy=vacancy, volunteer=profile.user).exists():
        raise ApplicationError(_("Deze vrijwilliger is al voor deze vacature voorgesteld."))
    mediation = Mediation.objects.create(
        consultant=consultant, volunteer=profile.user, vacancy=vacancy, note=note.strip()
    )
    audit.log(consultant, "mediation.proposed", mediation, {"vacancy": vacancy.pk})
    _notify("mediation_proposed", mediation.pk)
    return mediation


@transaction.atomic
def placement_register(
    *,
    actor: User,
    vacancy: Vacancy,
    volunteer: User,
    start_date: date,
    hours_per_week: int | None,
    response: Response | None = None,
    mediation: Mediation | None = None,
) -> Placement:
    if not actor.has_perm("vacancies.register_placement", vacancy):
        raise NotAllowed(_("Je mag voor deze vacature geen plaatsing registreren."))
    if Placement.objects.filter(vacancy=vacancy, volunteer=volunteer, end_date__isnull=True).exists():
        raise ApplicationError(_("Deze vrijwilliger is al op deze plek geplaatst."))
    placement = Placement(
        vacancy=vacancy,
        organisation=vacancy.organisation,
        volunteer=volunteer,
        response=response,
        via_mediation=mediation is not None,
        start_date=start_date,
        hours_per_week=hours_per_week or vacancy.hours_per_week,
        registered_by=actor,
    )
    _validated(placement, exclude=["response", "registered_by"])
    placement.save()
    if mediation is not None:
        Mediation.objects.filter(pk=mediation.pk).update(status=Mediation.Status.PLACED)
    audit.log(actor, "placement.registered", placement, {"vacancy": vacancy.pk, "volunteer": volunteer.pk})
    return placement


@transaction.atomic
def placement_end(*, actor: User, placement: Placement, end_date: date, reason: str) -> Placement:
    if not actor.has_perm("vacancies.register_placement", placement.vacancy):
        raise NotAllowed(_("Je mag deze plaatsing niet beëindigen."))
    if placement.end_date is not None:
        raise ApplicationError(_("Deze plaatsing is al beëindigd."))
    if end_date < placement.start_date:
        raise _field_error("end_date", _("De einddatum ligt vóór de begindatum."))
    placement.end_date, placement.end_reason = end_date, (reason or "").strip()[:300]
    placement.save(update_fields=["end_date", "end_reason"])
    audit.log(actor, "placement.ended", placement, {"reason": placement.end_reason})
    return placement
