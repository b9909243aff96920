from io import StringIO

import pytest
from django.core.management import call_command

from inzet.assessments import reports
from inzet.assessments.models import Campaign, Response
from inzet.collaboration.models import SupportOffer

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_campaign_with_fifteen_submitted_krachtmetingen_and_support_offers():
    call_command("load_demo", force=True, stdout=StringIO())

    campaign = Campaign.objects.get()
    assert Response.objects.filter(assessment__campaign=campaign, status="submitted").count() == 15
    assert SupportOffer.objects.filter(support_point=campaign.support_point).count() == 7
    report = reports.campaign_report(campaign)
    assert report.participated == 15 and report.invited > 15
    assert all(row.summary.n >= 10 for row in report.distributions)
    officer = reports.campaign_report(campaign, municipality_codes=["GM0014"], for_officer=True)
    assert not officer.protected and officer.distributions[0].summary.n >= 5
