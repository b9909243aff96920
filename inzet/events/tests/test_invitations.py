"""Inviting organisations to an event by what they asked for in a KrachtMeting campaign of the support point."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from inzet.assessments.models import Campaign
from inzet.assessments.tests.helpers import krachtmeting, submitted, uniform
from inzet.collaboration.models import SupportTheme
from inzet.core.models import AuditEntry
from inzet.events import selectors
from inzet.factories import OrganisationFactory, make_coordinator
from inzet.places.models import Municipality


def make_campaign(support_point, municipality_code, title):
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        support_point=support_point,
        instrument=krachtmeting(),
        title=title,
        starts_on=today - timedelta(days=10),
        deadline=today + timedelta(days=20),
        invitation_text="Doe mee",
    )
    campaign.municipalities.set([Municipality.objects.get(code=municipality_code)])
    return campaign


@pytest.fixture
def campaigns(world):
    """Here: `world.organisation` asked for ‘werven-behouden’, a second club only for ‘jongeren’. Elsewhere (the
    other support point): `world.other_organisation` asked for ‘werven-behouden’ too."""
    here = make_campaign(world.support_point, "GM0014", "Behoeftepeiling Groningen")
    submitted(world.coordinator, world.organisation, uniform(50), campaign=here, themes=["werven-behouden"])
    youth_club = OrganisationFactory(name="Scouting Stad")
    submitted(make_coordinator(youth_club), youth_club, uniform(75), campaign=here, themes=["jongeren"])
    there = make_campaign(world.other_support_point, "GM1895", "Behoeftepeiling Oldambt")
    submitted(
        world.other_coordinator,
        world.other_organisation,
        uniform(25),
        campaign=there,
        themes=["werven-behouden"],
    )
    mail.outbox.clear()
    return here, there


def theme(slug):
    return SupportTheme.objects.get(slug=slug)


def invitations_sent():
    return AuditEntry.objects.filter(action="event.invitations_sent").count()


def test_it_invites_the_organisations_that_asked_for_a_theme_in_the_krachtmeting(
    client_for, world, event, campaigns
):
    here, _there = campaigns
    client = client_for(world.consultant)
    page = client.get(reverse("events:invite", args=[event.pk])).text
    assert "Behoeftepeiling Groningen" in page and "Behoeftepeiling Oldambt" not in page
    response = client.post(
        reverse("events:invite", args=[event.pk]),
        {"campaign": here.pk, "theme": theme("werven-behouden").pk},
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert world.organisation.contact_email in message.to and world.coordinator.email in message.to
    entry = AuditEntry.objects.get(action="event.invitations_sent")
    assert entry.data == {"organisations": [world.organisation.pk]}


def test_it_combines_a_theme_with_a_chosen_list_and_invites_each_organisation_once(
    client_for, world, event, campaigns
):
    here, _there = campaigns
    scouting = selectors.organisations_asking_for_theme(here, theme_slug="jongeren").get()
    client_for(world.consultant).post(
        reverse("events:invite", args=[event.pk]),
        {
            "campaign": here.pk,
            "theme": theme("jongeren").pk,
            "organisations": [scouting.pk, world.organisation.pk],
        },
    )
    scouting_coordinator = scouting.memberships.get().user
    assert len(mail.outbox) == 2
    assert {world.coordinator.email, scouting_coordinator.email} <= {to for m in mail.outbox for to in m.to}


@pytest.mark.parametrize(
    "case",
    ["campaign_without_theme", "theme_without_campaign", "other_support_points_campaign", "nobody_asked"],
)
def test_it_refuses_an_incomplete_or_foreign_krachtmeting_choice_and_sends_nothing(
    client_for, world, event, campaigns, case
):
    here, there = campaigns
    data = {
        "campaign_without_theme": {"campaign": here.pk},
        "theme_without_campaign": {"theme": theme("werven-behouden").pk},
        "other_support_points_campaign": {"campaign": there.pk, "theme": theme("werven-behouden").pk},
        "nobody_asked": {"campaign": here.pk, "theme": theme("financien-fondsen").pk},
    }[case]
    response = client_for(world.consultant).post(reverse("events:invite", args=[event.pk]), data)
    assert response.status_code == 200
    assert "Niet alles is goed ingevuld" in response.text
    if case == "nobody_asked":
        assert "vroeg geen organisatie om ondersteuning" in response.text
    assert not mail.outbox and invitations_sent() == 0


def test_only_campaigns_of_the_events_own_support_point_are_offered(world, campaigns):
    here, there = campaigns
    assert list(selectors.invitation_campaigns(world.consultant, support_point=world.support_point)) == [here]
    assert list(selectors.invitation_campaigns(world.staff, support_point=world.support_point)) == [here]
    assert not selectors.invitation_campaigns(world.other_consultant, support_point=world.support_point)
    assert not selectors.invitation_campaigns(world.officer, support_point=world.other_support_point)


def test_without_campaigns_the_page_offers_only_a_municipality_or_a_list(client_for, world, event):
    page = client_for(world.consultant).get(reverse("events:invite", args=[event.pk])).text
    assert 'name="campaign"' not in page and 'name="municipality"' in page
