"""A consultant's campaign: invitations, reminders, joining from the invitation, the report and the mail merge."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from inzet.assessments import services
from inzet.assessments.models import Assessment, Campaign, MailMerge
from inzet.assessments.tests.helpers import krachtmeting, submitted, uniform
from inzet.collaboration.models import SupportTheme
from inzet.core.errors import ApplicationError
from inzet.core.models import AuditEntry
from inzet.factories import OrganisationFactory, make_coordinator
from inzet.organisations.models import Sector
from inzet.places.models import Municipality


def campaign_data(**overrides):
    today = timezone.localdate()
    data = {
        "support_point": "",
        "instrument": krachtmeting().pk,
        "title": "Behoeftepeiling 2026",
        "starts_on": today.isoformat(),
        "deadline": (today + timedelta(days=30)).isoformat(),
        "municipalities": ["GM0014"],
        "invitation_text": "Hoe sterk staat jullie club ervoor? Doe mee.",
    }
    data.update(overrides)
    return data


@pytest.fixture
def campaign(world):
    today = timezone.localdate()
    return services.campaign_create(
        actor=world.consultant,
        support_point=world.support_point,
        instrument=krachtmeting(),
        title="Behoeftepeiling 2026",
        starts_on=today,
        deadline=today + timedelta(days=30),
        municipalities=[Municipality.objects.get(code="GM0014")],
        invitation_text="Doe mee.",
    )


def test_a_consultant_starts_a_campaign_and_the_organisations_in_scope_are_invited(world, client, mailoutbox):
    music = OrganisationFactory(name="Harmonie", sectors=[Sector.objects.get(slug="muziek")])
    make_coordinator(music)
    client.force_login(world.consultant)
    data = campaign_data(support_point=world.support_point.pk, sectors=[Sector.objects.get(slug="sport").pk])

    page = client.post(reverse("assessments:campaign_create"), data, follow=True)

    campaign = Campaign.objects.get()
    assert page.redirect_chain[-1][0] == campaign.get_absolute_url()
    # Only the approved sport club in Groningen: not the pending one, not Oldambt, not the music society.
    assert [message.to for message in mailoutbox] == [["coordinator@example.org"]]
    assert "Hoe sterk staat jullie club ervoor?" in mailoutbox[0].body
    assert reverse("assessments:organisation", args=[world.organisation.pk]) in mailoutbox[0].body
    assert AuditEntry.objects.filter(action="campaign.created").count() == 1
    from inzet.assessments.tasks import send_campaign_invitations

    assert send_campaign_invitations.call(campaign.pk) == 0  # running again sends nothing
    assert len(mailoutbox) == 1


def test_a_campaign_outside_the_support_points_area_or_with_a_bad_period_is_refused(world, client):
    client.force_login(world.consultant)
    page = client.post(
        reverse("assessments:campaign_create"),
        campaign_data(support_point=world.support_point.pk, municipalities=["GM1895"]),
    )
    assert page.status_code == 200  # Oldambt is not even a choice
    today = timezone.localdate()
    page = client.post(
        reverse("assessments:campaign_create"),
        campaign_data(support_point=world.support_point.pk, deadline=(today - timedelta(days=1)).isoformat()),
    )
    assert "De einddatum ligt voor de begindatum." in page.content.decode()
    with pytest.raises(ApplicationError, match="werkt niet in"):
        services.campaign_create(
            actor=world.consultant,
            support_point=world.support_point,
            instrument=krachtmeting(),
            title="X",
            starts_on=today,
            deadline=today,
            municipalities=[Municipality.objects.get(code="GM1895")],
            invitation_text="X",
        )
    assert not Campaign.objects.exists()


def test_a_coordinator_answers_from_the_invitation_and_a_second_start_joins_the_same_measurement(
    world, client, campaign
):
    client.force_login(world.coordinator)
    page = client.get(reverse("assessments:organisation", args=[world.organisation.pk]))
    assert "Behoeftepeiling 2026" in page.content.decode()
    client.post(reverse("assessments:start", args=[world.organisation.pk]), {"campaign": campaign.pk})
    second = make_coordinator(world.organisation)
    services.assessment_start(actor=second, organisation=world.organisation, campaign=campaign)
    assessment = Assessment.objects.get()
    assert assessment.campaign == campaign and assessment.responses.count() == 2
    # Another organisation cannot start on a campaign that does not invite it.
    with pytest.raises(ApplicationError, match="niet \\(meer\\) open"):
        services.assessment_start(
            actor=world.other_coordinator, organisation=world.other_organisation, campaign=campaign
        )


def test_reminders_go_once_to_organisations_that_have_not_submitted(world, campaign, mailoutbox):
    done = OrganisationFactory(name="Al klaar")
    submitted(make_coordinator(done), done, uniform(75), campaign=campaign)
    mailoutbox.clear()
    out = StringIO()

    call_command("remind_campaigns", stdout=out)  # 30 days before the deadline: too early
    assert mailoutbox == []
    campaign.deadline = timezone.localdate() + timedelta(days=7)
    campaign.save()
    call_command("remind_campaigns", stdout=out)
    call_command("remind_campaigns", stdout=out)

    assert [message.to for message in mailoutbox] == [["coordinator@example.org"]]
    assert "Herinnering" in mailoutbox[0].subject


def test_the_consultant_mails_the_organisations_that_asked_for_a_theme(world, client, campaign, mailoutbox):
    other = OrganisationFactory(name="Jeugdclub")
    submitted(make_coordinator(other), other, uniform(25), campaign=campaign, themes=["jongeren"])
    submitted(
        world.coordinator, world.organisation, uniform(75), campaign=campaign, themes=["digitalisering"]
    )
    mailoutbox.clear()
    client.force_login(world.consultant)

    page = client.get(reverse("assessments:mail_merge", args=[campaign.pk]) + "?target=theme:jongeren")
    assert "Jeugdclub" in page.content.decode() and "Voetbalvereniging Oranje" not in page.content.decode()
    page = client.post(
        reverse("assessments:mail_merge", args=[campaign.pk]),
        {"target": "theme:jongeren", "subject": "Rondetafel jongeren", "message": "Kom 12 mei praten."},
        follow=True,
    )

    assert "naar de coördinatoren van 1 organisaties" in page.content.decode()
    assert len(mailoutbox) == 1 and mailoutbox[0].subject.endswith("Rondetafel jongeren")
    assert "Kom 12 mei praten." in mailoutbox[0].body
    assert AuditEntry.objects.filter(action="campaign.mail_merge_sent").count() == 1
    # Low on a field works the same way.
    merge = services.mail_merge_create(
        actor=world.consultant,
        campaign=campaign,
        subject="Training",
        message="Welkom",
        dimension=krachtmeting().dimensions.get(slug="draagkracht"),
    )
    assert merge.organisation_ids == [other.pk]


def test_a_mail_merge_without_recipients_sends_nothing(world, campaign, mailoutbox):
    mailoutbox.clear()
    with pytest.raises(ApplicationError, match="Geen enkele organisatie"):
        services.mail_merge_create(
            actor=world.consultant,
            campaign=campaign,
            subject="X",
            message="Y",
            theme=SupportTheme.objects.get(slug="accommodatie"),
        )
    assert not MailMerge.objects.exists() and mailoutbox == []


def test_the_officer_sees_the_aggregate_without_organisation_names(world, client, campaign):
    names = []
    for index in range(5):
        organisation = OrganisationFactory(name=f"Vereniging Geheim {index}")
        names.append(organisation.name)
        submitted(make_coordinator(organisation), organisation, uniform(25 * (index % 4)), campaign=campaign)
    client.force_login(world.officer)

    html = client.get(campaign.get_absolute_url()).content.decode()

    assert "5 van de 6 uitgenodigde organisaties" in html
    assert "Scores per krachtveld" in html
    assert not any(name in html for name in names)
    assert "te weinig organisaties om te tonen" not in html  # all five are sport: one group of five
    assert client.get(reverse("assessments:mail_merge", args=[campaign.pk])).status_code == 403
    client.force_login(world.consultant)
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert all(name in html for name in names)


def test_the_response_rate_divides_by_who_was_invited_not_by_who_is_in_scope_today(world, campaign):
    from inzet.assessments import reports
    from inzet.organisations.models import Organisation

    invited = reports.campaign_report(campaign).invited
    assert invited == Organisation.objects.filter(status="approved", municipality="GM0014").count()

    # An organisation approved after the start was not asked: it does not lower the rate ...
    late = OrganisationFactory(name="Nieuwe Club")
    assert reports.campaign_report(campaign).invited == invited
    # ... until it takes part anyway, which makes it one of the invited (and participating).
    submitted(make_coordinator(late), late, uniform(50), campaign=campaign)
    report = reports.campaign_report(campaign)
    assert (report.invited, report.participated) == (invited + 1, 1)


def test_a_mail_merge_subject_with_a_line_break_is_refused(world, campaign, mailoutbox):
    submitted(world.coordinator, world.organisation, uniform(50), campaign=campaign, themes=["jongeren"])
    mailoutbox.clear()
    with pytest.raises(ApplicationError, match="op één regel"):
        services.mail_merge_create(
            actor=world.consultant,
            campaign=campaign,
            subject="Hallo\r\nBcc: iedereen@example.org",
            message="Y",
            theme=SupportTheme.objects.get(slug="jongeren"),
        )
    assert not MailMerge.objects.exists() and mailoutbox == []


def test_after_the_deadline_a_campaigns_answers_stay_as_they_are(world, campaign):
    submitted_response = submitted(world.coordinator, world.organisation, uniform(50), campaign=campaign)
    member_response = services.response_start(actor=world.member, assessment=submitted_response.assessment)
    Campaign.objects.filter(pk=campaign.pk).update(deadline=timezone.localdate() - timedelta(days=1))
    dimension = submitted_response.assessment.instrument.dimensions.order_by("position").first()
    with pytest.raises(ApplicationError, match="gesloten"):
        services.response_save_page(
            actor=world.member, response=member_response, dimension=dimension, answers={}
        )
    with pytest.raises(ApplicationError, match="gesloten"):
        services.response_submit(actor=world.member, response=member_response)
    with pytest.raises(ApplicationError, match="gesloten"):
        services.response_restart(actor=world.coordinator, response=submitted_response)
    submitted_response.refresh_from_db()
    assert submitted_response.status == "submitted" and not submitted_response.replaced_by.exists()
