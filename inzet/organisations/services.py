from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import Membership, User
from inzet.core import audit
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.core.invitations import invitation_check_usable
from inzet.organisations import tasks
from inzet.organisations.models import Invitation, Organisation, Sector
from inzet.places.models import Municipality
from inzet.places.postcodes import normalise_postcode
from inzet.places.selectors import location_for_postcode

INVITATION_VALID_FOR = timedelta(days=14)

# Fields a coordinator fills in; the same list serves registration, editing and the API.
ORGANISATION_FIELDS = (
    "name",
    "legal_form",
    "kvk_number",
    "anbi",
    "municipality",
    "postcode",
    "address",
    "city",
    "contact_email",
    "contact_phone",
    "website",
    "volunteer_count",
    "description",
)


def _check_unique_name(*, name: str, municipality: Municipality, exclude_pk: int | None = None) -> None:
    clash = Organisation.objects.filter(name__iexact=name.strip(), municipality=municipality)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        message = _("Er is al een organisatie met de naam ‘%(name)s’ in %(municipality)s.") % {
            "name": name.strip(),
            "municipality": municipality.name,
        }
        raise ApplicationError(message, {"fields": {"name": message}})


def _apply_fields(organisation: Organisation, data: dict) -> None:
    for field in ORGANISATION_FIELDS:
        if field in data:
            value = data[field]
            setattr(organisation, field, value.strip() if isinstance(value, str) else value)
    try:
        organisation.postcode = normalise_postcode(organisation.postcode)
    except ValidationError as error:
        raise ApplicationError(error.messages[0], {"fields": {"postcode": error.messages[0]}}) from None
    location = location_for_postcode(organisation.postcode, municipality=organisation.municipality)
    organisation.lat, organisation.lon = location.lat, location.lon


def _save(organisation: Organisation) -> None:
    try:
        organisation.full_clean(exclude=["sectors"])
    except ValidationError as error:
        fields = {name: messages[0] for name, messages in error.message_dict.items()}
        raise ApplicationError(next(iter(fields.values())), {"fields": fields}) from None
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        # Two registrations raced past the name check; the database constraint decided.
        _check_unique_name(
            name=organisation.name, municipality=organisation.municipality, exclude_pk=organisation.pk
        )
        raise


@transaction.atomic
def organisation_register(*, user: User, sectors: list[Sector], **data) -> Organisation:
    """A person registers an organisation; it is pending until a consultant of its area approves it."""
    if not sectors:
        raise ApplicationError(
            _("Kies ten minste één sector."), {"fields": {"sectors": _("Kies ten minste één sector.")}}
        )
    missing = [
        field
        for field in ("name", "legal_form", "municipality", "postcode", "address", "contact_email")
        if not data.get(field)
    ]
    if missing:
        raise ApplicationError(
            _("Vul alle verplichte velden in."),
            {"fields": {field: _("Dit veld is verplicht.") for field in missing}},
        )
    _check_unique_name(name=data["name"], municipality=data["municipality"])
    organisation = Organisation(created_by=user, status=Organisation.Status.PENDING)
    _apply_fields(organisation, data)
    _save(organisation)
    organisation.sectors.set(sectors)
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.COORDINATOR)
    audit.log(user, "organisation.registered", organisation, {"municipality": organisation.municipality_id})
    tasks.notify_consultants_of_new_organisation.enqueue(organisation.pk)
    return organisation


@transaction.atomic
def organisation_update(
    *, actor: User, organisation: Organisation, sectors: list[Sector] | None = None, **data
) -> Organisation:
    """A coordinator edits their organisation. Editing a rejected organisation submits it for review again."""
    if not actor.has_perm("organisations.change_organisation", organisation):
        raise NotAllowed(_("Je mag deze organisatie niet wijzigen."))
    if sectors is not None and not sectors:
        raise ApplicationError(
            _("Kies ten minste één sector."), {"fields": {"sectors": _("Kies ten minste één sector.")}}
        )
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    _check_unique_name(
        name=data.get("name", organisation.name),
        municipality=data.get("municipality", organisation.municipality),
        exclude_pk=organisation.pk,
    )
    old_name = organisation.name
    _apply_fields(organisation, data)
    resubmitted = organisation.status == Organisation.Status.REJECTED
    if resubmitted:
        organisation.status = Organisation.Status.PENDING
        organisation.rejection_reason = ""
    _save(organisation)
    if sectors is not None:
        organisation.sectors.set(sectors)
    if organisation.name != old_name:
        # The organisation's name is part of its vacancies' search text.
        from inzet.vacancies.search import vacancy_search_index_update

        vacancy_search_index_update(vacancy_ids=list(organisation.vacancies.values_list("pk", flat=True)))
    audit.log(
        actor,
        "organisation.resubmitted" if resubmitted else "organisation.updated",
        organisation,
        {"fields": sorted(data)},
    )
    if resubmitted:
        tasks.notify_consultants_of_new_organisation.enqueue(organisation.pk)
    return organisation


def _decide(*, actor: User, organisation: Organisation, status: str, reason: str) -> Organisation:
    if not actor.has_perm("organisations.review_organisation", organisation):
        raise NotAllowed(_("Je mag deze organisatie niet beoordelen."))
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if locked.status != Organisation.Status.PENDING:
        raise ApplicationError(_("Over deze organisatie is al besloten."))
    locked.status = status
    locked.rejection_reason = reason
    locked.reviewed_by = actor
    locked.reviewed_at = timezone.now()
    locked.decision_notified_at = None
    locked.save(
        update_fields=[
            "status",
            "rejection_reason",
            "reviewed_by",
            "reviewed_at",
            "decision_notified_at",
            "updated_at",
        ]
    )
    return locked


@transaction.atomic
def organisation_approve(*, actor: User, organisation: Organisation) -> Organisation:
    organisation = _decide(
        actor=actor, organisation=organisation, status=Organisation.Status.APPROVED, reason=""
    )
    audit.log(actor, "organisation.approved", organisation)
    tasks.notify_organisation_decision.enqueue(organisation.pk)
    return organisation


@transaction.atomic
def organisation_reject(*, actor: User, organisation: Organisation, reason: str) -> Organisation:
    reason = (reason or "").strip()
    if not reason:
        message = _("Geef een reden op; de coördinator krijgt die per e-mail.")
        raise ApplicationError(message, {"fields": {"reason": message}})
    organisation = _decide(
        actor=actor, organisation=organisation, status=Organisation.Status.REJECTED, reason=reason
    )
    audit.log(actor, "organisation.rejected", organisation, {"reason": reason})
    tasks.notify_organisation_decision.enqueue(organisation.pk)
    return organisation


@transaction.atomic
def invitation_create(*, actor: User, organisation: Organisation, email: str, role: str) -> Invitation:
    if not actor.has_perm("organisations.manage_members", organisation):
        raise NotAllowed(_("Je mag voor deze organisatie geen mensen uitnodigen."))
    email = email.strip().lower()
    if role not in Membership.Role.values:
        raise ApplicationError(_("Kies een geldige rol."), {"fields": {"role": _("Kies een geldige rol.")}})
    if organisation.memberships.filter(user__email__iexact=email).exists():
        message = _("%(email)s hoort al bij deze organisatie.") % {"email": email}
        raise ApplicationError(message, {"fields": {"email": message}})
    if organisation.invitations.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).exists():
        message = _("%(email)s is al uitgenodigd. Trek die uitnodiging in om opnieuw te sturen.") % {
            "email": email
        }
        raise ApplicationError(message, {"fields": {"email": message}})
    invitation = Invitation.objects.create(
        organisation=organisation, email=email, role=role, invited_by=actor
    )
    audit.log(actor, "membership.invited", organisation, {"email": email, "role": role})
    tasks.send_invitation.enqueue(invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> None:
    if not actor.has_perm("organisations.manage_members", invitation.organisation):
        raise NotAllowed(_("Je mag deze uitnodiging niet intrekken."))
    if not invitation.is_open:
        raise ApplicationError(_("Deze uitnodiging is niet meer open."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.log(actor, "membership.invitation_revoked", invitation.organisation, {"email": invitation.email})


@transaction.atomic
def invitation_accept(*, user: User, invitation: Invitation) -> Membership:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=invitation.pk)
    )
    invitation_check_usable(
        invitation,
        user=user,
        valid_for=INVITATION_VALID_FOR,
        wrong_address=_(
            "Deze uitnodiging is voor %(email)s. Log in met dat e-mailadres om haar aan te nemen."
        ),
    )
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    if not created and invitation.role == Membership.Role.COORDINATOR and membership.role != invitation.role:
        membership.role = invitation.role
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit.log(user, "membership.joined", invitation.organisation, {"role": membership.role})
    return membership


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    organisation = membership.organisation
    is_self = membership.user_id == actor.pk
    if not (is_self or actor.has_perm("organisations.manage_members", organisation)):
        raise NotAllowed(_("Je mag deze persoon niet verwijderen."))
    coordinators = list(organisation.memberships.select_for_update().filter(role=Membership.Role.COORDINATOR))
    if membership.role == Membership.Role.COORDINATOR and len(coordinators) <= 1:
        raise ApplicationError(
            _("Een organisatie heeft minstens één coördinator. Maak eerst iemand anders coördinator.")
        )
    membership.delete()
    audit.log(
        actor, "membership.removed", organisation, {"email": membership.user.email, "role": membership.role}
    )
