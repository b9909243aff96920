"""Measurements and their responses: start, answer page by page, submit (final), start again, invite others."""

from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.assessments import scoring, selectors, tasks
from inzet.assessments.models import (
    Answer,
    Assessment,
    Campaign,
    Dimension,
    DimensionScore,
    Instrument,
    Item,
    RespondentInvitation,
    Response,
)
from inzet.core import audit
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.core.invitations import invitation_check_usable
from inzet.organisations.models import Organisation

INVITATION_VALID_FOR = timedelta(days=30)
DONT_KNOW = "dk"
AGREE_VALUES = {"1", "2", "3", "4", "5"}
YES_NO_VALUES = {"1", "0"}
MAX_NUMBER = Decimal("999999999")
TEXT_LIMITS = {Item.AnswerType.SHORT_TEXT: 300, Item.AnswerType.LONG_TEXT: 5000}


def _response_for(user: User, assessment: Assessment) -> Response:
    """The person's current questionnaire in this measurement: in progress, else submitted, else a new one."""
    # Two clicks at once would both find nothing and both create: the second waits for the first here.
    Assessment.objects.select_for_update().filter(pk=assessment.pk).exists()
    current = (
        assessment.responses.filter(respondent=user)
        .exclude(status=Response.Status.REPLACED)
        .order_by("status")  # in_progress before submitted
        .first()
    )
    return current or Response.objects.create(assessment=assessment, respondent=user)


@transaction.atomic
def assessment_start(
    *,
    actor: User,
    organisation: Organisation,
    instrument: Instrument | None = None,
    campaign: Campaign | None = None,
    essential_only: bool = False,
) -> Response:
    """A coordinator starts a measurement (on their own, or for a campaign) and gets their own questionnaire.

    For a campaign there is one measurement per organisation: starting again joins the existing one.
    """
    if not actor.has_perm("assessments.manage_assessments", organisation):
        raise NotAllowed(_("Je mag voor deze organisatie geen meting starten."))
    if campaign is not None:
        if not selectors.open_campaigns_for(organisation).filter(pk=campaign.pk).exists():
            raise ApplicationError(_("Deze campagne staat niet (meer) open voor jullie organisatie."))
        instrument = campaign.instrument
        # One measurement per organisation and campaign, also when two coordinators start at the same moment.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).exists()
        existing = Assessment.objects.filter(organisation=organisation, campaign=campaign).first()
        if existing is not None:
            return _response_for(actor, existing)
    if instrument is None:
        raise ApplicationError(
            _("Kies een vragenlijst."), {"fields": {"instrument": _("Kies een vragenlijst.")}}
        )
    if instrument.status != Instrument.Status.PUBLISHED and campaign is None:
        message = _("Deze vragenlijst is niet (meer) beschikbaar. Kies een andere.")
        raise ApplicationError(message, {"fields": {"instrument": message}})
    has_essentials = instrument.items.filter(essential=True).exists()
    assessment = Assessment.objects.create(
        organisation=organisation,
        instrument=instrument,
        campaign=campaign,
        essential_only=bool(essential_only and has_essentials),
        started_by=actor,
    )
    if campaign is not None:
        # An organisation that came into scope after the start (approved later) counts as invited once it joins.
        campaign.invited_organisations.add(organisation)
    audit.log(
        actor,
        "assessment.started",
        assessment,
        {"instrument": instrument.slug, "version": instrument.version, "campaign": campaign and campaign.pk},
    )
    return Response.objects.create(assessment=assessment, respondent=actor)


@transaction.atomic
def response_start(*, actor: User, assessment: Assessment) -> Response:
    """A member of the organisation joins a measurement as a respondent (or gets back to their questionnaire)."""
    if not actor.has_perm("assessments.join_assessment", assessment):
        raise NotAllowed(_("Je mag deze vragenlijst niet invullen."))
    return _response_for(actor, assessment)


def _clean_answer(item: Item, raw: Any) -> dict | None:
    """The stored form of one raw answer; None for "no answer". Raises ValueError with a message for bad input."""
    kind = item.answer_type
    if raw is None or raw == "" or raw == []:
        return None
    if kind in (Item.AnswerType.AGREE5, Item.AnswerType.YES_NO):
        raw = str(raw).strip()
        if raw == DONT_KNOW:
            return {"dont_know": True}
        allowed = AGREE_VALUES if kind == Item.AnswerType.AGREE5 else YES_NO_VALUES
        if raw not in allowed:
            raise ValueError(_("Kies een van de mogelijkheden."))
        return {"number": Decimal(raw)}
    if kind == Item.AnswerType.NUMBER:
        try:
            number = Decimal(str(raw).strip().replace(",", "."))
        except InvalidOperation:
            raise ValueError(_("Vul een getal in.")) from None
        if not number.is_finite() or number < 0 or number > MAX_NUMBER:
            raise ValueError(_("Vul een getal van 0 of meer in."))
        return {"number": number.quantize(Decimal("0.01"))}
    values = {value for value, _label in item.choice_list()}
    if kind == Item.AnswerType.SINGLE_CHOICE:
        if str(raw) not in values:
            raise ValueError(_("Kies een van de mogelijkheden."))
        return {"text": str(raw)}
    if kind == Item.AnswerType.MULTIPLE_CHOICE:
        chosen = [str(value) for value in (raw if isinstance(raw, list | tuple) else [raw])]
        if any(value not in values for value in chosen):
            raise ValueError(_("Kies alleen uit de genoemde mogelijkheden."))
        return {"choices": sorted(set(chosen))}
    text = str(raw).strip()
    if not text:
        return None
    if len(text) > TEXT_LIMITS[kind]:
        raise ValueError(_("Gebruik hoogstens %(limit)s tekens.") % {"limit": TEXT_LIMITS[kind]})
    return {"text": text}


def _ensure_campaign_open(assessment: Assessment) -> None:
    """A campaign's answers are final after its deadline: its report may already have gone to the municipality."""
    campaign = assessment.campaign
    if campaign is not None and campaign.deadline < timezone.localdate():
        raise ApplicationError(
            _("De campagne ‘%(title)s’ is gesloten sinds %(date)s; de antwoorden veranderen niet meer.")
            % {"title": campaign.title, "date": formats.date_format(campaign.deadline)}
        )


def _lock_own_open_response(actor: User, response: Response) -> Response:
    if not actor.has_perm("assessments.answer_response", response):
        raise NotAllowed(_("Dit is niet jouw vragenlijst."))
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("assessment__instrument", "assessment__campaign")
        .get(pk=response.pk)
    )
    if response.status != Response.Status.IN_PROGRESS:
        raise ApplicationError(
            _(
                "Deze vragenlijst is al ingediend en verandert niet meer. Kies ‘opnieuw invullen’ om het over te doen."
            )
        )
    _ensure_campaign_open(response.assessment)
    return response


@transaction.atomic
def response_save_page(
    *, actor: User, response: Response, dimension: Dimension, answers: dict[str, Any]
) -> Response:
    """Save the answers of one page (item code → raw value). All valid, or nothing is written."""
    response = _lock_own_open_response(actor, response)
    assessment = response.assessment
    items = {item.code: item for item in selectors.items_for(assessment) if item.dimension_id == dimension.pk}
    if not items:
        raise ApplicationError(_("Deze pagina hoort niet bij deze vragenlijst. Er is niets opgeslagen."))
    unknown = sorted(set(answers) - set(items))
    if unknown:
        raise ApplicationError(
            _(
                "Er zijn antwoorden meegestuurd op vragen die niet op deze pagina staan. Er is niets opgeslagen."
            ),
            {"unknown": unknown},
        )
    cleaned, errors = {}, {}
    for code, raw in answers.items():
        try:
            cleaned[code] = _clean_answer(items[code], raw)
        except ValueError as error:
            errors[f"item_{code}"] = str(error)
    if errors:
        raise ApplicationError(
            _("Niet alle antwoorden zijn geldig. Er is niets opgeslagen."), {"fields": errors}
        )
    for code, value in cleaned.items():
        item = items[code]
        if value is None:
            Answer.objects.filter(response=response, item=item).delete()
            continue
        Answer.objects.update_or_create(
            response=response,
            item=item,
            defaults={
                "number": value.get("number"),
                "text": value.get("text", ""),
                "choices": value.get("choices", []),
                "dont_know": value.get("dont_know", False),
            },
        )
    response.save(update_fields=["updated_at"])
    return response


def missing_required(response: Response) -> list[dict]:
    """Required questions still unanswered: [{"code", "text", "page"}] with the 1-based page number."""
    assessment = response.assessment
    pages = {dimension.pk: number for number, dimension in enumerate(selectors.pages_for(assessment), 1)}
    answered = set(response.answers.values_list("item_id", flat=True))
    return [
        {"code": item.code, "text": item.label, "page": pages[item.dimension_id]}
        for item in selectors.items_for(assessment)
        if item.required and item.pk not in answered
    ]


@transaction.atomic
def response_submit(*, actor: User, response: Response) -> Response:
    """Hand in a questionnaire: final, scored per field. Submitting twice changes nothing."""
    if not actor.has_perm("assessments.answer_response", response):
        raise NotAllowed(_("Dit is niet jouw vragenlijst."))
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("assessment__instrument", "assessment__organisation", "assessment__campaign")
        .get(pk=response.pk)
    )
    if response.status != Response.Status.IN_PROGRESS:
        return response
    _ensure_campaign_open(response.assessment)
    missing = missing_required(response)
    if missing:
        raise ApplicationError(_("Nog niet alle verplichte vragen zijn beantwoord."), {"missing": missing})
    assessment = response.assessment
    items = selectors.items_for(assessment)
    values = {
        answer.item_id: None if answer.dont_know else answer.number for answer in response.answers.all()
    }
    scored_dimensions = {item.dimension_id for item in items if item.dimension.scored}
    results = scoring.score_response(
        [item for item in items if item.dimension_id in scored_dimensions],
        values,
        min_answered=float(assessment.instrument.scoring.get("min_answered", scoring.DEFAULT_MIN_ANSWERED)),
    )
    DimensionScore.objects.bulk_create(
        DimensionScore(
            response=response,
            dimension_id=dimension_id,
            score=result.score,
            answered=result.answered,
            scored_items=result.scored_items,
        )
        for dimension_id, result in results.items()
    )
    if response.replaces_id:
        replaced = Response.objects.select_for_update().get(pk=response.replaces_id)
        if replaced.status == Response.Status.SUBMITTED:
            replaced.status = Response.Status.REPLACED
            replaced.save(update_fields=["status", "updated_at"])
            audit.log(actor, "assessment.response_replaced", replaced, {"by": response.pk})
    response.status = Response.Status.SUBMITTED
    response.submitted_at = timezone.now()
    response.save(update_fields=["status", "submitted_at", "updated_at"])
    audit.log(
        actor,
        "assessment.response_submitted",
        response,
        {"assessment": assessment.pk, "organisation": assessment.organisation_id},
    )
    return response


@transaction.atomic
def response_restart(*, actor: User, response: Response) -> Response:
    """ "Opnieuw invullen": a new questionnaire, filled with the old answers, that replaces the old on submit."""
    if not actor.has_perm("assessments.answer_response", response):
        raise NotAllowed(_("Dit is niet jouw vragenlijst."))
    response = Response.objects.select_for_update(of=("self",)).get(pk=response.pk)
    if response.status != Response.Status.SUBMITTED:
        raise ApplicationError(_("Alleen een ingediende vragenlijst kun je opnieuw invullen."))
    _ensure_campaign_open(response.assessment)
    existing = response.replaced_by.filter(status=Response.Status.IN_PROGRESS).first()
    if existing is not None:
        return existing
    new = Response.objects.create(assessment=response.assessment, respondent=actor, replaces=response)
    Answer.objects.bulk_create(
        Answer(
            response=new,
            item_id=answer.item_id,
            number=answer.number,
            text=answer.text,
            choices=answer.choices,
            dont_know=answer.dont_know,
        )
        for answer in response.answers.all()
    )
    audit.log(actor, "assessment.response_restarted", new, {"replaces": response.pk})
    return new


@transaction.atomic
def respondent_invitation_create(*, actor: User, assessment: Assessment, email: str) -> RespondentInvitation:
    if not actor.has_perm("assessments.manage_respondents", assessment):
        raise NotAllowed(_("Je mag voor deze meting niemand uitnodigen."))
    email = (email or "").strip().lower()
    if not email:
        message = _("Vul een e-mailadres in.")
        raise ApplicationError(message, {"fields": {"email": message}})
    if assessment.responses.filter(respondent__email__iexact=email).exists():
        message = _("%(email)s vult deze vragenlijst al in.") % {"email": email}
        raise ApplicationError(message, {"fields": {"email": message}})
    if selectors.open_respondent_invitations(assessment).filter(email__iexact=email).exists():
        message = _("%(email)s is al uitgenodigd.") % {"email": email}
        raise ApplicationError(message, {"fields": {"email": message}})
    invitation = RespondentInvitation.objects.create(assessment=assessment, email=email, invited_by=actor)
    audit.log(actor, "assessment.respondent_invited", assessment, {"email": email})
    tasks.send_respondent_invitation.enqueue(invitation.pk)
    return invitation


@transaction.atomic
def respondent_invitation_revoke(*, actor: User, invitation: RespondentInvitation) -> None:
    if not actor.has_perm("assessments.manage_respondents", invitation.assessment):
        raise NotAllowed(_("Je mag deze uitnodiging niet intrekken."))
    if not invitation.is_open:
        raise ApplicationError(_("Deze uitnodiging is niet meer open."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.log(
        actor, "assessment.respondent_invitation_revoked", invitation.assessment, {"email": invitation.email}
    )


@transaction.atomic
def respondent_invitation_accept(*, user: User, invitation: RespondentInvitation) -> Response:
    invitation = (
        RespondentInvitation.objects.select_for_update(of=("self",))
        .select_related("assessment")
        .get(pk=invitation.pk)
    )
    invitation_check_usable(
        invitation,
        user=user,
        valid_for=INVITATION_VALID_FOR,
        wrong_address=_("Deze uitnodiging is voor %(email)s. Log in met dat e-mailadres om mee te doen."),
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit.log(user, "assessment.respondent_joined", invitation.assessment)
    return _response_for(user, invitation.assessment)
