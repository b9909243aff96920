"""Charts and downloads of KrachtMeting reports: the organisation and campaign reports as PDF, the campaign as XLSX.

Every document is built from the same data as its HTML page (`inzet.assessments.reports`), so a PDF can never
show more than the page it comes from: an officer's campaign PDF is made from the officer's own report.
"""

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from inzet.assessments import reports
from inzet.assessments.models import Assessment, Campaign
from inzet.core.charts import bar_svg, radar_svg
from inzet.core.documents import Sheet, render_pdf, xlsx_bytes

SCORE_FORMAT = "0.0"

# --- Charts ----------------------------------------------------------------------------------------------------


def organisation_radar(report: reports.OrganisationReport, *, key: str | None = None) -> str:
    """The organisation's score per field; empty when there is nothing to draw (the table says why)."""
    if not report.has_scores or len(report.fields) < 3:
        return ""
    return radar_svg(
        axes=[result.label for result in report.fields],
        series=[(report.organisation_name, [result.score for result in report.fields])],
        title=_("Scores per krachtveld van %(name)s") % {"name": report.organisation_name},
        key=key,
    )


def campaign_radar(report: reports.CampaignReport, *, key: str | None = None) -> str:
    """The mean score per field over the organisations; an officer's report adds the whole campaign to compare."""
    if report.protected or not report.distributions or len(report.distributions) < 3:
        return ""
    means = [row.summary.mean for row in report.distributions]
    if all(mean is None for mean in means):
        return ""
    series = [
        (
            _("Gemiddelde van je gemeente") if report.whole_campaign else _("Gemiddelde van de organisaties"),
            means,
        )
    ]
    whole = report.whole_campaign
    if whole is not None and not whole.hidden and any(mean is not None for mean in whole.means):
        series.append((_("Hele campagne"), whole.means))
    return radar_svg(
        axes=[row.label for row in report.distributions],
        series=series,
        title=_("Gemiddelde score per krachtveld: %(title)s") % {"title": report.title},
        key=key,
    )


def themes_bar(report: reports.CampaignReport, *, key: str | None = None) -> str:
    """The most requested support themes, counted in organisations."""
    if report.protected or not report.themes:
        return ""
    return bar_svg(
        labels=[theme.label for theme in report.themes],
        values=[theme.count for theme in report.themes],
        title=_("Meest gevraagde ondersteuning (aantal organisaties)"),
        key=key,
    )


# --- File names ------------------------------------------------------------------------------------------------


def _filename(instrument_slug: str, subject: str, *, fallback: str, extension: str) -> str:
    """<instrument>-<subject>-<date>.<extension>, in ASCII letters, digits and hyphens only."""
    subject = slugify(subject)[:80].strip("-") or fallback
    if subject.startswith(instrument_slug):  # "krachtmeting-krachtmeting-voorjaar" would say it twice
        subject = subject.removeprefix(instrument_slug).strip("-") or fallback
    return f"{instrument_slug}-{subject}-{timezone.localdate().isoformat()}.{extension}"


def organisation_report_filename(assessment: Assessment) -> str:
    """krachtmeting-<organisation>-<date>.pdf"""
    return _filename(
        slugify(assessment.instrument.slug),
        assessment.organisation.name,
        fallback=f"organisatie-{assessment.organisation_id}",
        extension="pdf",
    )


def campaign_filename(campaign: Campaign, *, extension: str) -> str:
    """krachtmeting-<campaign title>-<date>.pdf or .xlsx"""
    return _filename(
        slugify(campaign.instrument.slug),
        campaign.title,
        fallback=f"campagne-{campaign.pk}",
        extension=extension,
    )


# --- PDF -------------------------------------------------------------------------------------------------------


def organisation_report_pdf(assessment: Assessment, report: reports.OrganisationReport) -> bytes:
    return render_pdf(
        "assessments/report_pdf.html",
        {
            "assessment": assessment,
            "report": report,
            "chart": organisation_radar(report, key="radar"),
            "made_on": timezone.localdate(),
        },
    )


def campaign_report_pdf(campaign: Campaign, report: reports.CampaignReport) -> bytes:
    return render_pdf(
        "assessments/campaign_report_pdf.html",
        {
            "campaign": campaign,
            "report": report,
            "chart": campaign_radar(report, key="radar"),
            "themes_chart": themes_bar(report, key="themes"),
            "made_on": timezone.localdate(),
        },
    )


# --- XLSX ------------------------------------------------------------------------------------------------------


def campaign_xlsx(campaign: Campaign) -> bytes:
    """For the campaign's consultants: every response, the means per organisation, the themes, the questions.

    Respondents appear as a number per organisation and a role, never by name or e-mail address: what a
    spreadsheet is for (counting, comparing, sorting) does not need them, and a file travels further than a page.
    """
    data = reports.campaign_responses(campaign)
    report = reports.campaign_report(campaign)
    field_labels = [label for _slug, label in data.fields]

    fixed = [
        _("Organisatie"),
        _("Gemeente"),
        _("Sectoren"),
        _("Invuller"),
        _("Rol"),
        _("Ingediend op"),
        _("Versie vragenlijst"),
    ]
    response_rows = [
        [
            row.organisation_name,
            row.municipality,
            ", ".join(row.sectors),
            row.respondent_number,
            row.role,
            row.submitted_at,
            row.instrument_version,
            *[row.answers.get(column.code, "") for column in data.items],
            *[row.scores.get(slug) for slug, _label in data.fields],
        ]
        for row in data.rows
    ]
    first_score = len(fixed) + len(data.items)
    responses = Sheet(
        title=_("Antwoorden"),
        header=[
            *fixed,
            *[column.code for column in data.items],
            *[_("Score %(field)s") % {"field": label} for label in field_labels],
        ],
        rows=response_rows,
        number_formats={first_score + index: SCORE_FORMAT for index in range(len(data.fields))},
    )

    organisations = Sheet(
        title=_("Per organisatie"),
        header=[_("Organisatie"), _("Gemeente"), _("Sectoren"), _("Invullers"), *field_labels],
        rows=[
            [row.name, row.municipality, ", ".join(row.sectors), row.respondents, *row.scores]
            for row in report.organisations
        ],
        number_formats={4 + index: SCORE_FORMAT for index in range(len(field_labels))},
    )

    themes = Sheet(
        title=_("Ondersteuningsthema's"),
        header=[_("Plaats"), _("Thema"), _("Organisaties"), _("Aandeel van de deelnemers")],
        rows=[
            [
                position,
                theme.label,
                theme.count,
                theme.count / report.participated if report.participated else None,
            ]
            for position, theme in enumerate(report.themes, start=1)
        ],
        number_formats={3: "0%"},
    )

    questions = Sheet(
        title=_("Vragen"),
        header=[_("Kolom"), _("Krachtveld"), _("Vraag of stelling")],
        rows=[[column.code, column.field, column.text] for column in data.items],
        widths=[18, 22, 100],
    )
    return xlsx_bytes([responses, organisations, themes, questions])
