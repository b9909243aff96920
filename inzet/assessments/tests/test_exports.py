"""The KrachtMeting downloads, parsed back: the organisation and campaign reports as PDF, the campaign as XLSX.

Expected numbers are computed by hand from the answers in the fixtures (see the comments next to them).
"""

import io
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from inzet.assessments import reports, services
from inzet.assessments.models import Campaign, Dimension
from inzet.assessments.services import campaign_record_invited
from inzet.assessments.tests.helpers import answer, krachtmeting, submitted
from inzet.collaboration.models import SupportOffer, SupportTheme
from inzet.core.documents import PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE
from inzet.factories import OrganisationFactory, UserFactory, make_coordinator, make_member, make_officer
from inzet.organisations.models import Sector
from inzet.places.models import Municipality

FIELD_LABELS = ["StuurKracht", "DraagKracht", "SamenwerkingsKracht", "HulpKracht", "VernieuwingsKracht"]
FORMULA_NAME = "=SUM(1+1)"


def pdf_text(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == PDF_CONTENT_TYPE
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def workbook(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    return load_workbook(io.BytesIO(response.content))


def rows_of(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def filename(response) -> str:
    return re.search(r'filename="([^"]+)"', response["Content-Disposition"]).group(1)


# --- The organisation report ----------------------------------------------------------------------------------


@pytest.fixture
def organisation_report(world):
    """Two respondents of `world.organisation`; per field the mean, the lowest and the highest:
    StuurKracht 100/100 → 100 (100–100), DraagKracht 50/0 → 25 (0–50), SamenwerkingsKracht 75/75 → 75,
    HulpKracht 50/50 → 50, VernieuwingsKracht 75/25 → 50 (25–75)."""
    first = submitted(
        world.coordinator,
        world.organisation,
        {
            "stuurkracht": 100,
            "draagkracht": 50,
            "samenwerkingskracht": 75,
            "hulpkracht": 50,
            "vernieuwingskracht": 75,
        },
        themes=["werven-behouden", "financien-fondsen"],
    )
    second = services.response_start(actor=world.member, assessment=first.assessment)
    answer(
        second,
        {
            "stuurkracht": 100,
            "draagkracht": 0,
            "samenwerkingskracht": 75,
            "hulpkracht": 50,
            "vernieuwingskracht": 25,
        },
        themes=["werven-behouden"],
    )
    services.response_submit(actor=world.member, response=second)
    SupportOffer.objects.create(
        support_point=world.support_point,
        theme=SupportTheme.objects.get(slug="werven-behouden"),
        title="Cursus vrijwilligers werven",
        description="Drie avonden over werven en behouden.",
    )
    return first.assessment


def test_the_organisation_pdf_holds_scores_spread_chart_themes_and_suggestions(
    world, client, organisation_report
):
    client.force_login(world.coordinator)
    response = client.get(reverse("assessments:report_pdf", args=[organisation_report.pk]))
    text = pdf_text(response)

    assert "KrachtMeting: rapport van Voetbalvereniging Oranje" in text
    assert "Gebaseerd op 2 ingediende vragenlijsten (versie 1)." in text
    # field, score, respondents, lowest–highest, spread
    assert "StuurKracht 100 2 100–100 0" in text
    assert "DraagKracht 25 2 0–50 50" in text
    assert "SamenwerkingsKracht 75 2 75–75 0" in text
    assert "HulpKracht 50 2 50–50 0" in text
    assert "VernieuwingsKracht 50 2 25–75 50" in text
    assert "Het sterkst: StuurKracht. Hier valt het meest te winnen: DraagKracht." in text
    assert "Hoe wordt de score berekend?" in text and "‘Weet niet / n.v.t.’ telt niet mee." in text
    assert "Werven & behouden van vrijwilligers (2 invullers)" in text
    assert "Financiën & fondsen (1 invuller)" in text
    assert "Cursus vrijwilligers werven — Werven & behouden van vrijwilligers" in text
    assert "Waarom: versterkt DraagKracht; jullie vroegen erom." in text
    # The radar chart's text stays text: its axes, its rings and its legend are in the PDF as well.
    chart = text[text.index("Het sterkst") :]
    assert all(label in chart for label in FIELD_LABELS)
    assert "25\n50\n75\n100\nVoetbalvereniging Oranje" in text

    today = timezone.localdate().isoformat()
    assert filename(response) == f"krachtmeting-voetbalvereniging-oranje-{today}.pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"


def test_the_report_page_links_to_its_pdf(world, client, organisation_report):
    client.force_login(world.coordinator)
    html = client.get(reverse("assessments:report", args=[organisation_report.pk])).content.decode()
    assert reverse("assessments:report_pdf", args=[organisation_report.pk]) in html


def test_the_consultant_of_the_support_point_gets_the_same_pdf(world, client, organisation_report):
    client.force_login(world.consultant)
    text = pdf_text(client.get(reverse("assessments:report_pdf", args=[organisation_report.pk])))
    assert "DraagKracht 25 2 0–50 50" in text


def test_an_empty_report_is_a_pdf_that_says_so(world, client):
    response = services.assessment_start(
        actor=world.coordinator, organisation=world.organisation, instrument=krachtmeting()
    )
    client.force_login(world.coordinator)
    text = pdf_text(client.get(reverse("assessments:report_pdf", args=[response.assessment_id])))
    assert "Er is nog geen vragenlijst ingediend." in text


@pytest.mark.parametrize("persona", ["other_coordinator", "other_consultant", "officer", "volunteer"])
def test_the_organisation_pdf_is_not_found_for_another_tenant(world, client, organisation_report, persona):
    client.force_login(world.persona(persona))
    assert client.get(reverse("assessments:report_pdf", args=[organisation_report.pk])).status_code == 404


def test_the_organisation_pdf_of_an_unknown_measurement_is_not_found(world, client):
    client.force_login(world.coordinator)
    assert client.get(reverse("assessments:report_pdf", args=[987654])).status_code == 404


def test_a_file_name_holds_no_odd_characters(world, client):
    organisation = OrganisationFactory(name='Zang & Spel "De Súdwester" / 2026')
    coordinator = make_coordinator(organisation)
    result = submitted(coordinator, organisation, {"stuurkracht": 50, "draagkracht": 50})
    client.force_login(coordinator)
    response = client.get(reverse("assessments:report_pdf", args=[result.assessment_id]))
    assert (
        filename(response)
        == f"krachtmeting-zang-spel-de-sudwester-2026-{timezone.localdate().isoformat()}.pdf"
    )


# --- The campaign ---------------------------------------------------------------------------------------------


@pytest.fixture
def campaign(world):
    """Six organisations in Groningen take part; `world.organisation` is invited too (7 invited, 6 took part).

    organisation (sector)  respondents: StuurKracht / DraagKracht   org. mean SK / DK   themes
    Club 0 (sport)         0 / 50                                   0 / 50              jongeren, werven-behouden
    Club 1 (sport)         25 / 50                                  25 / 50             jongeren
    Club 2 (sport)         50 / 50                                  50 / 50             jongeren
    Club 3 (muziek)        75 / 50                                  75 / 50             digitalisering
    Club 4 (muziek)        100 / 50                                 100 / 50            —
    =SUM(1+1) (muziek)     100 / 50 and 50 / 0                      75 / 25             werven-behouden
    The other fields are answered "weet niet" throughout, so they have no score.
    """
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        support_point=world.support_point,
        instrument=krachtmeting(),
        title="Behoeftepeiling Groningen",
        starts_on=today,
        deadline=today + timedelta(days=30),
        invitation_text="Doe mee",
        created_by=world.consultant,
    )
    campaign.municipalities.set([Municipality.objects.get(code="GM0014")])
    campaign_record_invited(campaign=campaign)  # as campaign_create does
    sport, music = Sector.objects.get(slug="sport"), Sector.objects.get(slug="muziek")
    plan = [
        ("Club 0", sport, 0, ["jongeren", "werven-behouden"]),
        ("Club 1", sport, 25, ["jongeren"]),
        ("Club 2", sport, 50, ["jongeren"]),
        ("Club 3", music, 75, ["digitalisering"]),
        ("Club 4", music, 100, []),
        (FORMULA_NAME, music, 100, ["werven-behouden"]),
    ]
    draagkracht = Dimension.objects.get(instrument=campaign.instrument, slug="draagkracht")
    for index, (name, sector, score, themes) in enumerate(plan):
        organisation = OrganisationFactory(name=name, sectors=[sector])
        coordinator = make_coordinator(organisation, UserFactory(email=f"coordinator-{index}@example.org"))
        response = services.assessment_start(
            actor=coordinator, organisation=organisation, instrument=campaign.instrument, campaign=campaign
        )
        answer(response, {"stuurkracht": score, "draagkracht": 50}, themes=themes)
        if name == "Club 3":
            services.response_save_page(
                actor=coordinator, response=response, dimension=draagkracht, answers={"dk-aantal": "12"}
            )
        services.response_submit(actor=coordinator, response=response)
        if name == FORMULA_NAME:
            member = make_member(organisation, UserFactory(email="second-respondent@example.org"))
            second = services.response_start(actor=member, assessment=response.assessment)
            answer(second, {"stuurkracht": 50, "draagkracht": 0}, themes=[])
            services.response_submit(actor=member, response=second)
    return campaign


def test_the_consultants_campaign_pdf_has_the_numbers_and_the_organisations(world, client, campaign):
    client.force_login(world.consultant)
    response = client.get(reverse("assessments:campaign_pdf", args=[campaign.pk]))
    text = pdf_text(response)

    assert "Behoeftepeiling Groningen" in text
    assert "6 van de 7 uitgenodigde organisaties hebben de vragenlijst ingediend (86%)." in text
    # n, mean, median, quartiles, lowest–highest over the organisations' means:
    # StuurKracht 0, 25, 50, 75, 75, 100: mean 325/6 = 54.2, median 62.5, Q1 31.25, Q3 75
    assert "StuurKracht 6 54 63 31–75 0–100" in text
    # DraagKracht 50, 50, 50, 50, 50, 25: mean 275/6 = 45.8, quartiles 50 and 50
    assert "DraagKracht 6 46 50 50–50 25–50" in text
    assert "SamenwerkingsKracht 0 onvoldoende antwoorden" in text
    assert "StuurKracht 1 1 1 2 1" in text  # histogram: 0 | 25 | 50 | 75, 75 | 100
    assert "DraagKracht 0 1 5 0 0" in text
    # by sector: sport SK (0 + 25 + 50) / 3 = 25, DK 50; music SK (75 + 100 + 75) / 3 = 83.3, DK 125 / 3 = 41.7
    assert re.search(r"Sport 3 25 50 onvoldoende", text)
    assert re.search(r"Muziek 3 83 42 onvoldoende", text)
    assert "1 Jongeren 3" in text and "2 Werven & behouden van vrijwilligers 2" in text
    assert "3 Digitalisering 1" in text
    assert "Club 0: 0" in text and "Club 1: 25" in text and f"{FORMULA_NAME}: 25" in text
    assert "Gemiddelde van de organisaties" in text  # the radar chart's legend
    assert (
        filename(response) == f"krachtmeting-behoeftepeiling-groningen-{timezone.localdate().isoformat()}.pdf"
    )


def test_the_officers_campaign_pdf_has_no_organisation_names_and_hides_small_groups(world, client, campaign):
    client.force_login(world.officer)
    text = pdf_text(client.get(reverse("assessments:campaign_pdf", args=[campaign.pk])))

    assert "zonder namen van organisaties" in text
    assert "6 van de 7 uitgenodigde organisaties hebben de vragenlijst ingediend (86%)." in text
    assert "StuurKracht 6 54 63 31–75\n" in text or "StuurKracht 6 54 63 31–75 " in text
    assert "31–75 0–100" not in text  # no lowest and highest score for officers
    # Sport and music have three organisations each: fewer than five, so not shown.
    assert "Sport te weinig organisaties om te tonen" in text
    assert "Muziek te weinig organisaties om te tonen" in text
    assert "83" not in text  # the music sector's StuurKracht
    assert "1 Jongeren 3" in text
    for name in ["Club", FORMULA_NAME, "Voetbalvereniging", "example.org"]:
        assert name not in text
    assert "Organisaties met een lage score" not in text and "Per organisatie" not in text


def test_an_officer_of_a_small_campaign_sees_only_the_response_rate(world, client):
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        support_point=world.support_point,
        instrument=krachtmeting(),
        title="Peiling Noord",
        starts_on=today,
        deadline=today + timedelta(days=30),
        invitation_text="Doe mee",
    )
    campaign.municipalities.set([Municipality.objects.get(code="GM0014")])
    campaign_record_invited(campaign=campaign)  # as campaign_create does
    for index in range(4):
        organisation = OrganisationFactory(name=f"Kleintje {index}")
        submitted(
            make_coordinator(organisation), organisation, {"stuurkracht": 25 * index}, campaign=campaign
        )

    client.force_login(world.officer)
    text = pdf_text(client.get(reverse("assessments:campaign_pdf", args=[campaign.pk])))
    assert "4 van de 5 uitgenodigde organisaties hebben de vragenlijst ingediend (80%)." in text
    assert "Te weinig organisaties om te tonen" in text
    assert "StuurKracht" not in text and "Kleintje" not in text

    client.force_login(world.consultant)
    assert "Kleintje 0: 0" in pdf_text(client.get(reverse("assessments:campaign_pdf", args=[campaign.pk])))


def test_an_officer_of_another_municipality_does_not_find_the_campaign(world, client, campaign):
    client.force_login(make_officer("GM1895", UserFactory()))
    assert client.get(reverse("assessments:campaign_pdf", args=[campaign.pk])).status_code == 404
    assert client.get(reverse("assessments:campaign_xlsx", args=[campaign.pk])).status_code == 404


def test_the_campaign_page_shows_the_chart_and_links_to_the_downloads(world, client, campaign):
    client.force_login(world.consultant)
    html = client.get(reverse("assessments:campaign", args=[campaign.pk])).content.decode()
    assert reverse("assessments:campaign_pdf", args=[campaign.pk]) in html
    assert reverse("assessments:campaign_xlsx", args=[campaign.pk]) in html
    assert html.count("<svg ") == 2  # the radar chart and the themes
    assert 'role="img"' in html and "Gemiddelde score per krachtveld: Behoeftepeiling Groningen" in html

    client.force_login(world.officer)
    html = client.get(reverse("assessments:campaign", args=[campaign.pk])).content.decode()
    assert reverse("assessments:campaign_pdf", args=[campaign.pk]) in html
    assert reverse("assessments:campaign_xlsx", args=[campaign.pk]) not in html
    assert "Gemiddelde score per krachtveld" in html


# --- The campaign spreadsheet ---------------------------------------------------------------------------------


def test_the_spreadsheet_has_one_row_per_response_with_answers_and_scores(world, client, campaign):
    client.force_login(world.consultant)
    response = client.get(reverse("assessments:campaign_xlsx", args=[campaign.pk]))
    book = workbook(response)
    assert book.sheetnames == ["Antwoorden", "Per organisatie", "Ondersteuningsthema's", "Vragen"]
    assert (
        filename(response)
        == f"krachtmeting-behoeftepeiling-groningen-{timezone.localdate().isoformat()}.xlsx"
    )

    header, *rows = rows_of(book["Antwoorden"])
    codes = list(
        campaign.instrument.items.order_by("dimension__position", "position").values_list("code", flat=True)
    )
    assert header == [
        "Organisatie",
        "Gemeente",
        "Sectoren",
        "Invuller",
        "Rol",
        "Ingediend op",
        "Versie vragenlijst",
        *codes,
        *[f"Score {label}" for label in FIELD_LABELS],
    ]
    assert len(rows) == 7  # six organisations, one of them with two respondents
    column = {name: index for index, name in enumerate(header)}
    by_key = {(row[0], row[3]): row for row in rows}

    club0 = by_key[("Club 0", 1)]
    assert club0[1:5] == ["Groningen", "Sport", 1, "coördinator"]
    assert club0[column["Ingediend op"]].date() == timezone.localdate()
    assert club0[column["Versie vragenlijst"]] == 1
    # StuurKracht 0: strongly disagree, and strongly agree on the reversed statement
    assert club0[column["sk-koers"]] == "helemaal mee oneens"
    assert club0[column["sk-opvolging"]] == "helemaal mee eens"
    assert club0[column["dk-genoeg"]] == "neutraal"
    assert club0[column["swk-partners"]] == "weet niet / n.v.t."
    assert club0[column["dk-aantal"]] is None  # not answered
    assert set(club0[column["ond-themas"]].split(", ")) == {"Jongeren", "Werven & behouden van vrijwilligers"}
    assert club0[column["Score StuurKracht"]] == 0
    assert club0[column["Score DraagKracht"]] == 50
    assert club0[column["Score SamenwerkingsKracht"]] is None

    assert by_key[("Club 3", 1)][column["dk-aantal"]] == 12  # a number stays a number

    first, second = by_key[(FORMULA_NAME, 1)], by_key[(FORMULA_NAME, 2)]
    assert (first[4], second[4]) == ("coördinator", "lid")
    assert (first[column["Score StuurKracht"]], second[column["Score StuurKracht"]]) == (100, 50)
    assert (first[column["Score DraagKracht"]], second[column["Score DraagKracht"]]) == (50, 0)
    assert second[column["ond-themas"]] is None

    # A name that looks like a formula stays text.
    sheet = book["Antwoorden"]
    cells = [cell for cell in sheet["A"] if cell.value == FORMULA_NAME]
    assert len(cells) == 2 and all(cell.data_type == "s" for cell in cells)
    # Respondents are numbered, never named.
    everything = str([rows_of(book[name]) for name in book.sheetnames])
    assert "@example.org" not in everything and "Carla" not in everything


def test_the_spreadsheet_has_the_means_per_organisation_and_the_themes_ranked(world, client, campaign):
    client.force_login(world.consultant)
    book = workbook(client.get(reverse("assessments:campaign_xlsx", args=[campaign.pk])))

    header, *rows = rows_of(book["Per organisatie"])
    assert header == ["Organisatie", "Gemeente", "Sectoren", "Invullers", *FIELD_LABELS]
    by_name = {row[0]: row for row in rows}
    assert len(rows) == 6
    assert by_name[FORMULA_NAME] == [FORMULA_NAME, "Groningen", "Muziek", 2, 75, 25, None, None, None]
    assert by_name["Club 1"] == ["Club 1", "Groningen", "Sport", 1, 25, 50, None, None, None]
    assert book["Per organisatie"]["A1"].font.bold

    header, *rows = rows_of(book["Ondersteuningsthema's"])
    assert header == ["Plaats", "Thema", "Organisaties", "Aandeel van de deelnemers"]
    assert [row[:3] for row in rows] == [
        [1, "Jongeren", 3],
        [2, "Werven & behouden van vrijwilligers", 2],
        [3, "Digitalisering", 1],
    ]
    assert [row[3] for row in rows] == pytest.approx([3 / 6, 2 / 6, 1 / 6])

    header, *rows = rows_of(book["Vragen"])
    assert header == ["Kolom", "Krachtveld", "Vraag of stelling"]
    assert rows[0][:2] == ["sk-koers", "StuurKracht"] and rows[0][2].startswith("Het bestuur heeft")


def test_the_spreadsheet_reads_the_answers_in_a_fixed_number_of_queries(world, client, campaign):
    client.force_login(world.consultant)
    url = reverse("assessments:campaign_xlsx", args=[campaign.pk])
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as selector_before:
        reports.campaign_responses(campaign)

    for index in range(4):
        organisation = OrganisationFactory(name=f"Extra {index}")
        first = submitted(make_coordinator(organisation), organisation, {"hulpkracht": 75}, campaign=campaign)
        member = make_member(organisation)
        second = services.response_start(actor=member, assessment=first.assessment)
        answer(second, {"hulpkracht": 25})
        services.response_submit(actor=member, response=second)

    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    with CaptureQueriesContext(connection) as selector_after:
        data = reports.campaign_responses(campaign)
    assert len(data.rows) == 15 and len(rows_of(workbook(response)["Antwoorden"])) == 16
    assert len(selector_after) == len(selector_before) <= 8
    assert len(after) == len(before)


def test_only_the_campaigns_consultants_get_the_spreadsheet(world, client, campaign):
    url = reverse("assessments:campaign_xlsx", args=[campaign.pk])
    client.force_login(world.officer)
    assert client.get(url).status_code == 403  # individual answers never reach an officer
    client.force_login(world.other_consultant)
    assert client.get(url).status_code == 404
    client.force_login(world.coordinator)
    assert client.get(url).status_code == 404
    client.force_login(world.consultant)
    assert client.get(reverse("assessments:campaign_xlsx", args=[987654])).status_code == 404
    assert client.get(reverse("assessments:campaign_pdf", args=[987654])).status_code == 404


def test_an_empty_campaign_exports_just_the_headers(world, client):
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        support_point=world.support_point,
        instrument=krachtmeting(),
        title="KrachtMeting voorjaar",
        starts_on=today,
        deadline=today + timedelta(days=30),
        invitation_text="Doe mee",
    )
    client.force_login(world.consultant)
    response = client.get(reverse("assessments:campaign_xlsx", args=[campaign.pk]))
    book = workbook(response)
    assert [len(rows_of(book[name])) for name in book.sheetnames[:3]] == [1, 1, 1]
    assert filename(response) == f"krachtmeting-voorjaar-{today.isoformat()}.xlsx"
    assert "Nog geen enkele organisatie" in pdf_text(
        client.get(reverse("assessments:campaign_pdf", args=[campaign.pk]))
    )
