"""Pages of a support point's consultant (campaigns, the municipality report, mail merge) and of an officer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inzet.assessments import documents, reports, selectors, services
from inzet.assessments.forms import CampaignForm, MailMergeForm
from inzet.assessments.views._helpers import get_campaign_for_user, require
from inzet.collaboration.selectors import support_theme_list
from inzet.core.documents import PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE, file_response
from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.organisations.selectors import support_points_worked_for


@login_required
def campaigns(request):
    require(request, "assessments.view_campaigns", None)
    return render(
        request,
        "assessments/campaigns.html",
        {
            "page": paginate(request, selectors.campaigns_visible_to(request.user)),
            "can_create": request.user.has_perm("assessments.create_campaign", None),
        },
    )


@login_required
def campaign_create(request):
    require(request, "assessments.create_campaign", None)
    support_points = support_points_worked_for(request.user)
    form = CampaignForm(request.POST or None, support_points=support_points)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_create(actor=request.user, **form.service_data())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "De campagne is gestart. De coördinatoren van de organisaties krijgen een uitnodiging per e-mail."
                ),
            )
            return redirect(campaign)
    return render(request, "assessments/campaign_form.html", {"form": form})


def report_for(request, campaign) -> reports.CampaignReport:
    """The full report for the campaign's consultants; for an officer the aggregate over their own municipalities."""
    report = reports.campaign_report_for(request.user, campaign)
    if report is None:
        raise PermissionDenied
    return report


@login_required
def campaign(request, pk: int):
    campaign = get_campaign_for_user(request, pk)
    report = report_for(request, campaign)
    return render(
        request,
        "assessments/campaign_report.html",
        {
            "campaign": campaign,
            "report": report,
            "can_mail": request.user.has_perm("assessments.send_mail_merge", campaign),
            "can_export": request.user.has_perm("assessments.view_campaign_report", campaign),
            "chart": documents.campaign_radar(report),
            "themes_chart": documents.themes_bar(report),
        },
    )


@login_required
def campaign_pdf(request, pk: int):
    """The municipality report as a PDF, made from the same report as the page: an officer's holds only theirs."""
    campaign = get_campaign_for_user(request, pk)
    report = report_for(request, campaign)
    return file_response(
        documents.campaign_report_pdf(campaign, report),
        filename=documents.campaign_filename(campaign, extension="pdf"),
        content_type=PDF_CONTENT_TYPE,
    )


@login_required
def campaign_xlsx(request, pk: int):
    """Every response with its answers: individual answers, so for the campaign's consultants only."""
    campaign = get_campaign_for_user(request, pk)
    require(request, "assessments.view_campaign_report", campaign)
    return file_response(
        documents.campaign_xlsx(campaign),
        filename=documents.campaign_filename(campaign, extension="xlsx"),
        content_type=XLSX_CONTENT_TYPE,
    )


@login_required
def mail_merge(request, pk: int):
    campaign = get_campaign_for_user(request, pk)
    require(request, "assessments.send_mail_merge", campaign)
    dimensions = list(campaign.instrument.dimensions.filter(scored=True).order_by("position"))
    themes = list(support_theme_list())
    initial = {"target": request.GET.get("target")}
    form = MailMergeForm(request.POST or None, themes=themes, dimensions=dimensions, initial=initial)
    recipients = []
    target = form.data.get("target") if form.is_bound else initial["target"]
    if target in form.themes or target in form.dimensions:
        recipients = services.mail_merge_recipients(
            campaign=campaign, theme=form.themes.get(target), dimension=form.dimensions.get(target)
        )
    if request.method == "POST" and form.is_valid():
        try:
            merge = services.mail_merge_create(actor=request.user, campaign=campaign, **form.service_data())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request,
                _("Het bericht gaat naar de coördinatoren van %(count)s organisaties.")
                % {"count": len(merge.organisation_ids)},
            )
            return redirect(campaign)
    return render(
        request,
        "assessments/mail_merge.html",
        {"campaign": campaign, "form": form, "recipients": recipients, "target": target},
    )
