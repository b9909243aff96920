"""Pages of an organisation: its measurements, starting one, inviting fellow respondents, and the report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.models import Membership
from inzet.assessments import documents, reports, selectors, services
from inzet.assessments.forms import RespondentInvitationForm, StartForm
from inzet.assessments.models import Assessment
from inzet.assessments.views._helpers import get_assessment_for_user, require
from inzet.core.documents import PDF_CONTENT_TYPE, file_response
from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.core.tenancy import get_for_user_or_404
from inzet.organisations.selectors import organisations_visible_to


@login_required
def mine(request):
    """Everything KrachtMeting for this person: own questionnaires, measurements to join, organisations to run."""
    user = request.user
    memberships = (
        Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")
    )
    joinable = (
        Assessment.objects.filter(organisation__memberships__user=user)
        .exclude(responses__respondent=user)
        .select_related("organisation", "instrument")
        .order_by("-created_at")[:20]
    )
    return render(
        request,
        "assessments/mine.html",
        {
            "responses": selectors.responses_of(user)[:50],
            "joinable": joinable,
            "coordinated": [m.organisation for m in memberships if m.role == Membership.Role.COORDINATOR],
        },
    )


@login_required
def organisation(request, org_pk: int):
    organisation = get_for_user_or_404(organisations_visible_to(request.user), pk=org_pk)
    require(request, "assessments.manage_assessments", organisation)
    return render(
        request,
        "assessments/organisation.html",
        {
            "organisation": organisation,
            "page": paginate(request, selectors.assessments_of_organisation(organisation)),
            "campaigns": selectors.open_campaigns_for(organisation),
            "form": StartForm(),
        },
    )


@login_required
@require_POST
def start(request, org_pk: int):
    organisation = get_for_user_or_404(organisations_visible_to(request.user), pk=org_pk)
    require(request, "assessments.manage_assessments", organisation)
    campaign_id = request.POST.get("campaign")
    form = StartForm(request.POST)
    try:
        if campaign_id:
            campaign = get_for_user_or_404(selectors.open_campaigns_for(organisation), pk=campaign_id)
            response = services.assessment_start(
                actor=request.user, organisation=organisation, campaign=campaign
            )
        elif form.is_valid():
            response = services.assessment_start(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        else:
            raise ApplicationError(
                _("Kies een vragenlijst."), {"fields": {"instrument": _("Kies een vragenlijst.")}}
            )
    except ApplicationError as error:
        add_application_error(form, error)
        return render(
            request,
            "assessments/organisation.html",
            {
                "organisation": organisation,
                "page": paginate(request, selectors.assessments_of_organisation(organisation)),
                "campaigns": selectors.open_campaigns_for(organisation),
                "form": form,
            },
            status=400,
        )
    return redirect("assessments:fill", pk=response.pk, page=1)


@login_required
def assessment(request, pk: int):
    """The group administrator's page: who answers, who is invited, invite someone."""
    assessment = get_assessment_for_user(request, pk)
    require(request, "assessments.manage_respondents", assessment)
    form = RespondentInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.respondent_invitation_create(
                actor=request.user, assessment=assessment, email=form.cleaned_data["email"]
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request, _("Uitnodiging verstuurd naar %(email)s.") % {"email": invitation.email}
            )
            return redirect("assessments:assessment", pk=assessment.pk)
    return render(
        request,
        "assessments/assessment.html",
        {
            "assessment": assessment,
            "respondents": selectors.respondents_of(assessment),
            "invitations": selectors.open_respondent_invitations(assessment),
            "own_response": assessment.responses.filter(respondent=request.user)
            .exclude(status="replaced")
            .first(),
            "newer_version": selectors.newer_version_of(assessment.instrument),
            "form": form,
        },
    )


@login_required
@require_POST
def join(request, pk: int):
    assessment = get_assessment_for_user(request, pk)
    require(request, "assessments.join_assessment", assessment)
    response = services.response_start(actor=request.user, assessment=assessment)
    return redirect(response)


@login_required
@require_POST
def invitation_revoke(request, pk: int, invitation_pk: int):
    assessment = get_assessment_for_user(request, pk)
    require(request, "assessments.manage_respondents", assessment)
    invitation = get_object_or_404(assessment.invitations, pk=invitation_pk)
    try:
        services.respondent_invitation_revoke(actor=request.user, invitation=invitation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("De uitnodiging voor %(email)s is ingetrokken.") % {"email": invitation.email}
        )
    return redirect("assessments:assessment", pk=assessment.pk)


@login_required
def invitation(request, token):
    invitation = selectors.respondent_invitation_get_open(token)
    if invitation is None:
        return render(request, "assessments/invitation.html", {"invitation": None}, status=404)
    if request.method == "POST":
        try:
            response = services.respondent_invitation_accept(user=request.user, invitation=invitation)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            return redirect("assessments:fill", pk=response.pk, page=1)
    return render(request, "assessments/invitation.html", {"invitation": invitation})


@login_required
def report(request, pk: int):
    assessment = get_assessment_for_user(request, pk)
    require(request, "assessments.view_report", assessment)
    data = reports.organisation_report(assessment)
    return render(
        request,
        "assessments/report.html",
        {
            "assessment": assessment,
            "report": data,
            "chart": documents.organisation_radar(data),
            "can_manage": request.user.has_perm("assessments.manage_respondents", assessment),
        },
    )


@login_required
def report_pdf(request, pk: int):
    """The organisation report as a PDF: the same permission, the same data, the same chart as the page."""
    assessment = get_assessment_for_user(request, pk)
    require(request, "assessments.view_report", assessment)
    data = reports.organisation_report(assessment)
    return file_response(
        documents.organisation_report_pdf(assessment, data),
        filename=documents.organisation_report_filename(assessment),
        content_type=PDF_CONTENT_TYPE,
    )
