"""The coordinator's and the consultant's vacancy pages, as they use them."""

import csv
import io
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from inzet.organisations.models import Sector
from inzet.vacancies import services
from inzet.vacancies.models import Mediation, Placement, Response, Vacancy

ALL_CRITERIA = ["hours", "insured", "expenses", "contact", "not_for_profit"]


def form_data(**overrides):
    data = {
        "title": "Bardienst zaterdag",
        "description": "Achter de bar bij thuiswedstrijden.",
        "sector": Sector.objects.get(slug="sport").pk,
        "hours_per_week": "3",
        "commitment": "structural",
        "places": "2",
        "contact_name": "Carla",
        "contact_email": "bar@oranje.example.org",
        "insured": "on",
        "expenses_reimbursed": "on",
        "availability": ["5-0", "5-1"],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def published(world):
    vacancy = services.vacancy_create(
        actor=world.coordinator,
        organisation=world.organisation,
        title="Trainer",
        description="Train de jeugd.",
        sector=Sector.objects.get(slug="sport"),
        hours_per_week=3,
        commitment="structural",
        contact_name="Carla",
        contact_email="t@oranje.example.org",
        insured=True,
        expenses_reimbursed=True,
    )
    services.vacancy_submit(actor=world.coordinator, vacancy=vacancy)
    vacancy = services.vacancy_publish(actor=world.consultant, vacancy=vacancy, confirmed=ALL_CRITERIA)
    mail.outbox.clear()
    return vacancy


def test_a_coordinator_writes_submits_and_sees_a_vacancy_published(world, client):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("vacancies:create", args=[world.organisation.pk]), form_data(), follow=True
    )
    vacancy = Vacancy.objects.get(title="Bardienst zaterdag")
    assert "Concept opgeslagen" in response.content.decode()
    assert vacancy.availability == (1 << 15) | (1 << 16)  # saturday morning and afternoon
    client.post(reverse("vacancies:submit", args=[vacancy.pk]))
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.SUBMITTED

    client.force_login(world.consultant)
    queue = client.get(reverse("vacancies:review_queue")).content.decode()
    assert "Bardienst zaterdag" in queue
    page = client.post(
        reverse("vacancies:review", args=[vacancy.pk]), {"decision": "publish", "confirmed": ALL_CRITERIA[:2]}
    )
    assert "Nog open" in page.content.decode()
    client.post(
        reverse("vacancies:review", args=[vacancy.pk]), {"decision": "publish", "confirmed": ALL_CRITERIA}
    )
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED


def test_bad_vacancy_input_is_shown_on_the_form_and_nothing_is_saved(world, client):
    client.force_login(world.coordinator)
    for field, value in [
        ("hours_per_week", "99"),
        ("title", ""),
        ("postcode", "999"),
        ("contact_email", "x"),
        ("availability", ["9-9"]),
        ("sector", "12345"),
    ]:
        response = client.post(
            reverse("vacancies:create", args=[world.organisation.pk]), form_data(**{field: value})
        )
        assert response.status_code == 200, field
        assert 'aria-invalid="true"' in response.content.decode(), field
    assert not Vacancy.objects.exists()


def test_a_return_reason_is_required_on_the_review_page(world, client, published):
    draft = services.vacancy_create(
        actor=world.coordinator,
        organisation=world.organisation,
        title="Tweede",
        description="x",
        sector=published.sector,
        hours_per_week=2,
        commitment="one_off",
        contact_name="C",
        contact_email="c@example.org",
    )
    services.vacancy_submit(actor=world.coordinator, vacancy=draft)
    client.force_login(world.consultant)
    response = client.post(reverse("vacancies:review", args=[draft.pk]), {"decision": "return", "reason": ""})
    assert 'aria-invalid="true"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Vacancy.Status.SUBMITTED


def test_the_coordinator_moves_a_response_to_placed(world, client, published):
    response = services.response_create(volunteer=world.volunteer, vacancy=published, message="Ik wil graag")
    client.force_login(world.coordinator)
    assert (
        "Vera Vrijwilliger"
        in client.get(reverse("vacancies:responses", args=[published.pk])).content.decode()
    )
    page = client.get(reverse("vacancies:response", args=[response.pk])).content.decode()
    assert "volunteer@example.org" in page and "Ik wil graag" in page
    client.post(
        reverse("vacancies:response", args=[response.pk]),
        {"status": "placed", "start_date": "2026-12-01", "hours_per_week": "2"},
    )
    response.refresh_from_db()
    assert response.status == Response.Status.PLACED
    assert Placement.objects.get().start_date == date(2026, 12, 1)
    client.force_login(world.consultant)
    assert "Vera Vrijwilliger" in client.get(reverse("vacancies:placements")).content.decode()


def test_a_rejection_without_reason_stays_on_the_page(world, client, published):
    response = services.response_create(volunteer=world.volunteer, vacancy=published, message="Hoi")
    client.force_login(world.coordinator)
    page = client.post(reverse("vacancies:response", args=[response.pk]), {"status": "rejected"})
    assert 'aria-invalid="true"' in page.content.decode()
    response.refresh_from_db()
    assert response.status == Response.Status.NEW


def test_a_member_may_read_but_not_move_a_response(world, client, published):
    response = services.response_create(volunteer=world.volunteer, vacancy=published, message="Hoi")
    client.force_login(world.member)
    assert client.get(reverse("vacancies:response", args=[response.pk])).status_code == 200
    assert (
        client.post(reverse("vacancies:response", args=[response.pk]), {"status": "in_contact"}).status_code
        == 403
    )
    response.refresh_from_db()
    assert response.status == Response.Status.NEW


def test_suggested_volunteers_are_anonymous_and_can_be_invited(world, client, published):
    profile = services.profile_save(
        user=world.volunteer, postcode="9712 CP", allows_mediation=True, max_distance_km=20
    )
    profile.sectors.set([published.sector])
    client.force_login(world.coordinator)
    page = client.get(reverse("vacancies:candidates", args=[published.pk])).content.decode()
    assert "Vera" in page and "volunteer@example.org" not in page and "Vrijwilliger" in page
    client.post(reverse("vacancies:candidate_invite", args=[published.pk, profile.pk]))
    assert mail.outbox[-1].to == ["volunteer@example.org"]


def test_a_consultant_proposes_a_volunteer_through_the_mediation_pages(world, client, published):
    profile = services.profile_save(user=world.volunteer, postcode="9712 CP", allows_mediation=True)
    client.force_login(world.consultant)
    assert "Vera Vrijwilliger" in client.get(reverse("vacancies:mediation")).content.decode()
    client.post(
        reverse("vacancies:mediation_propose", args=[profile.pk]),
        {"vacancy": published.pk, "note": "Past goed."},
    )
    assert Mediation.objects.get().note == "Past goed."
    client.force_login(world.other_consultant)
    assert client.get(reverse("vacancies:mediation_propose", args=[profile.pk])).status_code == 404


def _csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_figures_add_up_per_month_municipality_and_organisation(world, client, published):
    from inzet.vacancies.models import Placement as PlacementModel

    services.response_create(volunteer=world.volunteer, vacancy=published, message="Hoi")
    services.response_create(volunteer=world.outsider, vacancy=published, message="Hoi")
    Response.objects.filter(volunteer=world.outsider).update(created_at="2026-03-10T12:00:00+01:00")
    placement = services.placement_register(
        actor=world.consultant,
        vacancy=published,
        volunteer=world.outsider,
        start_date=date(2026, 3, 15),
        hours_per_week=2,
    )
    services.placement_end(
        actor=world.consultant, placement=placement, end_date=date(2026, 5, 1), reason="Verhuisd"
    )
    assert PlacementModel.objects.count() == 1
    client.force_login(world.consultant)
    period = {"start": "2026-01-01", "end": "2026-12-31"}

    page = client.get(reverse("vacancies:statistics"), period).content.decode()
    assert "Voetbalvereniging Oranje" in page and "Groningen (subtotaal)" in page
    assert "maart 2026" in page and "december 2026" in page

    months = _csv(
        client.get(reverse("vacancies:statistics"), {**period, "format": "csv", "tabel": "maanden"})
    )
    assert months[0] == ["Maand", "Reacties", "Bemiddelingen", "Plaatsingen gestart", "Plaatsingen beëindigd"]
    assert len(months) == 1 + 12 + 1  # header, every month of 2026 (empty ones too), total
    by_month = {row[0]: row[1:] for row in months[1:]}
    assert by_month["2026-03"] == ["1", "0", "1", "0"]
    assert by_month["2026-05"] == ["0", "0", "0", "1"]
    this_month = date.today().strftime("%Y-%m")
    if this_month.startswith("2026"):
        assert by_month[this_month][0] == "1"
    assert by_month["Totaal"] == ["2", "0", "1", "1"]

    municipalities = _csv(
        client.get(reverse("vacancies:statistics"), {**period, "format": "csv", "tabel": "gemeenten"})
    )
    assert municipalities[1:] == [["Groningen", "2", "0", "1", "1"], ["Totaal", "2", "0", "1", "1"]]

    organisations = _csv(client.get(reverse("vacancies:statistics"), {**period, "format": "csv"}))
    assert organisations[0][:2] == ["Gemeente", "Organisatie"]
    assert organisations[1] == ["Groningen", "Voetbalvereniging Oranje", "2", "0", "1", "1"]

    # Only the support point's own municipalities.
    client.force_login(world.other_consultant)
    other = client.get(reverse("vacancies:statistics"), {**period, "format": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert "Oranje" not in other


def test_the_figures_survive_nonsense_periods(world, client):
    client.force_login(world.consultant)
    for period, message in (
        ({"start": "kapot", "end": "2026-13-45"}, "Voer een geldige datum in."),
        ({"start": "2026-05-01", "end": "2026-01-01"}, "De einddatum ligt vóór de begindatum."),
        ({"start": "1900-01-01", "end": "2026-01-01"}, "Kies een periode van hoogstens vijf jaar."),
    ):
        response = client.get(reverse("vacancies:statistics"), period)
        assert response.status_code == 200
        assert message in response.content.decode()


def test_a_csv_download_cannot_smuggle_in_a_formula(world, client, published):
    world.organisation.name = '=HYPERLINK("http://evil.example")'
    world.organisation.save()
    services.response_create(volunteer=world.volunteer, vacancy=published, message="Hoi")
    client.force_login(world.consultant)
    rows = _csv(client.get(reverse("vacancies:statistics"), {"format": "csv"}))
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example")'


def test_closing_asks_first(world, client, published):
    client.force_login(world.coordinator)
    assert "Ja, sluiten" in client.get(reverse("vacancies:close", args=[published.pk])).content.decode()
    published.refresh_from_db()
    assert published.status == Vacancy.Status.PUBLISHED
    client.post(reverse("vacancies:close", args=[published.pk]))
    published.refresh_from_db()
    assert published.status == Vacancy.Status.CLOSED


def test_a_successful_mediation_is_registered_as_a_placement(world, client, published):
    profile = services.profile_save(user=world.volunteer, postcode="9712 CP", allows_mediation=True)
    mediation = services.mediation_propose(
        consultant=world.consultant, profile=profile, vacancy=published, note="Past goed."
    )
    client.force_login(world.consultant)
    assert "Plaatsing registreren" in client.get(reverse("vacancies:mediation")).content.decode()
    bad = client.post(
        reverse("vacancies:mediation_place", args=[mediation.pk]), {"start_date": "", "hours_per_week": 0}
    )
    assert 'aria-invalid="true"' in bad.content.decode() and not Placement.objects.exists()
    client.post(
        reverse("vacancies:mediation_place", args=[mediation.pk]),
        {"start_date": "2026-12-07", "hours_per_week": "3"},
    )
    placement = Placement.objects.get()
    assert placement.via_mediation and placement.volunteer == world.volunteer
    mediation.refresh_from_db()
    assert mediation.status == Mediation.Status.PLACED
