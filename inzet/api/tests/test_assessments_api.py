"""KrachtMeting in the API: instruments, a campaign's aggregate results and an organisation's own reports."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from inzet.assessments.models import Campaign, Instrument
from inzet.assessments.services import campaign_record_invited
from inzet.assessments.tests.helpers import krachtmeting, submitted
from inzet.factories import OrganisationFactory, make_coordinator
from inzet.organisations.models import Sector
from inzet.places.models import Municipality

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_published_instruments_with_their_fields_and_statements(client):
    data = client.get(reverse("api:instrument_list")).json()
    by_slug = {row["slug"]: row for row in data}
    kracht = by_slug["krachtmeting"]
    assert [d["slug"] for d in kracht["dimensions"] if d["scored"]] == [
        "stuurkracht",
        "draagkracht",
        "samenwerkingskracht",
        "hulpkracht",
        "vernieuwingskracht",
    ]
    assert all(item["text"] and item["text_en"] for item in kracht["items"])
    assert any(item["reverse"] for item in kracht["items"])
    assert "goed-geregeld" in by_slug
    detail = client.get(reverse("api:instrument_detail", args=[kracht["id"]])).json()
    assert detail["version"] == kracht["version"] and len(detail["items"]) == len(kracht["items"])


def test_a_draft_instrument_stays_private(client):
    draft = Instrument.objects.create(slug="concept", name="Concept", name_en="Draft")
    assert client.get(reverse("api:instrument_detail", args=[draft.pk])).status_code == 404
    assert "concept" not in {row["slug"] for row in client.get(reverse("api:instrument_list")).json()}


@pytest.fixture
def campaign(world):
    """Six organisations in Groningen answered: three sport (StuurKracht 0, 25, 50), three music (75, 100, 100)."""
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        support_point=world.support_point,
        instrument=krachtmeting(),
        title="Behoeftepeiling Groningen",
        starts_on=today,
        deadline=today + timedelta(days=30),
        invitation_text="Doe mee",
    )
    campaign.municipalities.set([Municipality.objects.get(code="GM0014")])
    campaign_record_invited(campaign=campaign)  # as campaign_create does
    sport, music = Sector.objects.get(slug="sport"), Sector.objects.get(slug="muziek")
    for index, score in enumerate([0, 25, 50, 75, 100, 100]):
        organisation = OrganisationFactory(name=f"Club {index}", sectors=[sport if index < 3 else music])
        submitted(
            make_coordinator(organisation),
            organisation,
            {"stuurkracht": score, "draagkracht": 50},
            campaign=campaign,
            themes=["jongeren"] if index % 2 else [],
        )
    return campaign


def test_a_consultant_gets_the_campaign_results_as_aggregates(world, client, campaign):
    client.force_login(world.consultant)
    assert [row["id"] for row in client.get(reverse("api:campaign_list")).json()["results"]] == [campaign.pk]
    data = client.get(reverse("api:campaign_results", args=[campaign.pk])).json()
    assert (data["invited"], data["participated"]) == (
        7,
        6,
    )  # world.organisation was invited and did not answer
    stuurkracht = data["distributions"][0]
    assert stuurkracht["field"] == "stuurkracht" and stuurkracht["organisations"] == 6
    assert stuurkracht["mean"] == pytest.approx(350 / 6) and stuurkracht["median"] == 62.5
    sectors = {group["label"]: group for group in data["sectors"]}
    assert sectors["Sport"]["means"]["stuurkracht"] == 25
    assert data["themes"] == [{"slug": "jongeren", "label": "Jongeren", "organisations": 3}]
    assert "Club" not in str(data)  # aggregates only, never an organisation's name


def test_an_officer_gets_their_aggregate_without_small_groups(world, client, campaign):
    client.force_login(world.officer)
    data = client.get(reverse("api:campaign_results", args=[campaign.pk])).json()
    assert data["distributions"][0]["organisations"] == 6
    assert all(group["hidden"] and group["means"] == {} for group in data["sectors"])  # 3 and 3 organisations
    assert "Club" not in str(data)


def test_another_support_point_does_not_know_the_campaign(world, client, campaign):
    client.force_login(world.other_consultant)
    assert client.get(reverse("api:campaign_results", args=[campaign.pk])).status_code == 404
    assert client.get(reverse("api:campaign_list")).json()["results"] == []
    client.force_login(world.volunteer)
    assert client.get(reverse("api:campaign_results", args=[campaign.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("api:campaign_results", args=[campaign.pk])).status_code in (401, 403)


def test_a_coordinator_reads_their_organisations_reports(world, client):
    submitted(
        world.coordinator, world.organisation, {"stuurkracht": 75, "hulpkracht": 25}, themes=["jongeren"]
    )
    client.force_login(world.coordinator)
    (report,) = client.get(reverse("api:my_organisation_reports", args=[world.organisation.pk])).json()
    scores = {row["field"]: row["score"] for row in report["fields"]}
    assert scores["stuurkracht"] == 75 and scores["hulpkracht"] == 25 and scores["draagkracht"] is None
    assert (report["strongest"], report["weakest"], report["respondents"]) == ("stuurkracht", "hulpkracht", 1)
    assert report["themes"][0]["slug"] == "jongeren"


def test_members_and_strangers_do_not_read_an_organisations_reports(world, client):
    submitted(world.coordinator, world.organisation, {"stuurkracht": 75})
    url = reverse("api:my_organisation_reports", args=[world.organisation.pk])
    client.force_login(world.member)
    assert client.get(url).status_code == 403
    client.force_login(world.other_coordinator)
    assert client.get(url).status_code == 404
    assert client.get(reverse("api:my_organisation_reports", args=[999999])).status_code == 404
