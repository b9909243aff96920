"""Report data, against hand-computed fixtures: one organisation, and a campaign over many."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inzet.assessments import reports, services
from inzet.assessments.models import Campaign
from inzet.assessments.services import campaign_record_invited
from inzet.assessments.tests.helpers import krachtmeting, submitted
from inzet.collaboration.models import SupportOffer, SupportTheme
from inzet.factories import OrganisationFactory, make_coordinator
from inzet.organisations.models import Sector
from inzet.places.models import Municipality


def offer(point, theme, title, **extra):
    return SupportOffer.objects.create(
        support_point=point, theme=SupportTheme.objects.get(slug=theme), title=title, description="…", **extra
    )


def test_the_organisation_report_averages_respondents_and_suggests_support(world):
    a = {
        "stuurkracht": 100,
        "draagkracht": 50,
        "samenwerkingskracht": 75,
        "hulpkracht": 50,
        "vernieuwingskracht": 75,
    }
    b = {
        "stuurkracht": 100,
        "draagkracht": 0,
        "samenwerkingskracht": 75,
        "hulpkracht": 50,
        "vernieuwingskracht": 25,
    }
    first = submitted(
        world.coordinator, world.organisation, a, themes=["werven-behouden", "financien-fondsen"]
    )
    member = services.response_start(actor=world.member, assessment=first.assessment)
    from inzet.assessments.tests.helpers import answer

    answer(member, b, themes=["werven-behouden"], text="Meer jonge mensen graag.")
    services.response_submit(actor=world.member, response=member)
    werven = offer(world.support_point, "werven-behouden", "Cursus werven")
    geld = offer(world.support_point, "financien-fondsen", "Fondsenspreekuur")
    offer(world.support_point, "accommodatie", "Ruimte delen")  # HulpKracht is not weak (50 is not below 50)
    offer(world.support_point, "jongeren", "Jongerenavond", is_active=False)
    offer(world.other_support_point, "werven-behouden", "Elders")

    report = reports.organisation_report(first.assessment)

    assert report.respondents == 2
    scores = {f.slug: (f.score, f.respondents, f.minimum, f.maximum) for f in report.fields}
    assert scores == {
        "stuurkracht": (100, 2, 100, 100),
        "draagkracht": (25, 2, 0, 50),
        "samenwerkingskracht": (75, 2, 75, 75),
        "hulpkracht": (50, 2, 50, 50),
        "vernieuwingskracht": (50, 2, 25, 75),
    }
    assert report.strongest.slug == "stuurkracht" and report.weakest.slug == "draagkracht"
    assert [f.slug for f in report.weak_fields] == ["draagkracht"]
    assert [(t.slug, t.count) for t in report.themes] == [("werven-behouden", 2), ("financien-fondsen", 1)]
    suggested = {s.offer: s.reasons for s in report.suggestions}
    assert set(suggested) == {werven, geld}
    assert suggested[werven] == ["versterkt DraagKracht", "jullie vroegen erom"]
    assert report.remarks == ["Meer jonge mensen graag."]


def test_an_organisation_without_submitted_questionnaires_has_an_empty_report(world, client):
    response = services.assessment_start(
        actor=world.coordinator, organisation=world.organisation, instrument=krachtmeting()
    )
    report = reports.organisation_report(response.assessment)
    assert report.respondents == 0 and not report.has_scores and report.strongest is None
    client.force_login(world.coordinator)
    from django.urls import reverse

    html = client.get(reverse("assessments:report", args=[response.assessment_id])).content.decode()
    assert "Er is nog geen vragenlijst ingediend." in html


SK_SCORES = [0, 25, 50, 75, 100, 100]


@pytest.fixture
def campaign(world):
    """Six organisations in Groningen take part (three sport, three music); `world.organisation` is invited too."""
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
    themes = [
        ["jongeren", "werven-behouden"],
        ["jongeren"],
        ["jongeren"],
        ["digitalisering"],
        [],
        ["werven-behouden"],
    ]
    for index, score in enumerate(SK_SCORES):
        organisation = OrganisationFactory(name=f"Club {index}", sectors=[sport if index < 3 else music])
        submitted(
            make_coordinator(organisation),
            organisation,
            {"stuurkracht": score, "draagkracht": 50},
            campaign=campaign,
            themes=themes[index],
        )
    return campaign


def test_the_campaign_report_shows_the_distribution_over_organisations(world, campaign):
    report = reports.campaign_report(campaign)

    assert (report.invited, report.participated) == (7, 6)
    assert round(report.response_rate, 1) == 85.7
    stuurkracht = report.distributions[0].summary
    assert stuurkracht.n == 6
    assert stuurkracht.mean == pytest.approx(350 / 6)
    assert stuurkracht.median == 62.5
    # inclusive quartiles of 0, 25, 50, 75, 100, 100: positions 1.25 and 3.75
    assert (stuurkracht.q1, stuurkracht.q3) == (31.25, 93.75)
    assert stuurkracht.histogram == (1, 1, 1, 1, 2)
    assert report.distributions[2].summary.n == 0  # SamenwerkingsKracht: all "weet niet"

    sectors = {group.label: group for group in report.sectors}
    assert sectors["Sport"].organisations == 3 and sectors["Sport"].means[0] == 25  # (0 + 25 + 50) / 3
    assert sectors["Muziek"].means[0] == pytest.approx(275 / 3)
    assert not sectors["Sport"].hidden

    assert [(t.slug, t.count) for t in report.themes] == [
        ("jongeren", 3),
        ("werven-behouden", 2),
        ("digitalisering", 1),
    ]
    low = report.low_scores[0]
    assert [(name, score) for _id, name, score in low.organisations] == [("Club 0", 0), ("Club 1", 25)]
    assert len(report.organisations) == 6
    assert reports.organisations_asking_for(campaign, theme_slug="werven-behouden") == sorted(
        row.organisation_id for row in report.organisations if row.name in ("Club 0", "Club 5")
    )


def test_an_officer_sees_aggregates_without_names_and_no_small_groups(world, campaign):
    report = reports.campaign_report(campaign, municipality_codes=["GM0014"], for_officer=True)
    assert report.distributions[0].summary.n == 6
    assert all(group.hidden for group in report.sectors)  # 3 and 3: fewer than 5 each
    assert report.whole_campaign is not None and not report.whole_campaign.hidden
    assert report.organisations == [] and report.low_scores == []


def test_an_officer_sees_only_the_response_rate_below_five_organisations(world, campaign):
    report = reports.campaign_report(campaign, municipality_codes=["GM1966"], for_officer=True)
    assert (report.invited, report.participated, report.protected) == (0, 0, True)
    assert report.distributions == [] and report.themes == []


def test_an_officer_gets_no_figure_that_rests_on_fewer_than_five_organisations(world):
    """Six organisations in Groningen and one in Het Hogeland answer. Only two have a HulpKracht score; the one in
    Het Hogeland would follow from 'whole campaign' minus 'Groningen'."""
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        support_point=world.support_point,
        instrument=krachtmeting(),
        title="Behoeftepeiling",
        starts_on=today,
        deadline=today + timedelta(days=30),
        invitation_text="Doe mee",
    )
    campaign.municipalities.set(Municipality.objects.filter(code__in=["GM0014", "GM1966"]))
    campaign_record_invited(campaign=campaign)
    sport = Sector.objects.get(slug="sport")
    for index in range(6):
        organisation = OrganisationFactory(name=f"Club {index}", sectors=[sport])
        scores = {"stuurkracht": 25 * (index % 5)} | ({"hulpkracht": 100} if index < 2 else {})
        submitted(make_coordinator(organisation), organisation, scores, campaign=campaign)
    far = OrganisationFactory(name="Dorpsbelang", municipality=Municipality.objects.get(code="GM1966"))
    submitted(make_coordinator(far), far, {"stuurkracht": 0}, campaign=campaign)

    report = reports.campaign_report(campaign, municipality_codes=["GM0014"], for_officer=True)
    stuurkracht, _draag, _samen, hulpkracht, _vernieuwing = report.distributions
    assert stuurkracht.summary.n == 6 and stuurkracht.summary.mean is not None
    assert (stuurkracht.summary.minimum, stuurkracht.summary.maximum) == (None, None)
    assert hulpkracht.summary.n == 2 and hulpkracht.summary.mean is None and hulpkracht.summary.median is None
    (sport_row,) = report.sectors  # all six are sport: the same six as the whole, nothing to subtract
    assert not sport_row.hidden and sport_row.means[0] is not None and sport_row.means[3] is None
    assert report.whole_campaign.hidden  # 7 - 6 = one organisation outside Groningen

    consultant = reports.campaign_report(campaign)
    assert (
        consultant.distributions[3].summary.mean == 100 and consultant.distributions[0].summary.minimum == 0
    )
