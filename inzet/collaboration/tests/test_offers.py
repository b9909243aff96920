"""Consultants keep their support point's offers: list, add, edit, delete after confirmation."""

import pytest
from django.urls import reverse

from inzet.collaboration import services
from inzet.collaboration.models import SupportOffer, SupportTheme
from inzet.core.errors import NotAllowed
from inzet.core.models import AuditEntry


@pytest.fixture
def offer(world):
    return services.support_offer_create(
        actor=world.consultant,
        support_point=world.support_point,
        theme=SupportTheme.objects.get(slug="financien-fondsen"),
        title="Fondsenspreekuur",
        description="Elke eerste dinsdag.",
    )


def test_the_support_themes_ship_with_the_platform(db):
    assert SupportTheme.objects.count() == 10
    assert SupportTheme.objects.get(slug="wet-regelgeving").name == "Wet- en regelgeving (AVG, WBTR, VOG)"


def test_a_consultant_adds_an_offer_for_their_support_point(world, client):
    client.force_login(world.consultant)
    page = client.post(
        reverse("collaboration:offer_create"),
        {
            "theme": SupportTheme.objects.get(slug="jongeren").pk,
            "title": "Jongerenavond",
            "description": "Hoe bereik je jongeren?",
            "is_active": "on",
        },
        follow=True,
    )
    assert "Het aanbod is toegevoegd." in page.content.decode()
    offer = SupportOffer.objects.get()
    assert offer.support_point == world.support_point and offer.is_active
    assert "Jongerenavond" in page.content.decode()


def test_an_offer_without_a_title_is_refused_and_nothing_is_written(world, client):
    client.force_login(world.consultant)
    page = client.post(
        reverse("collaboration:offer_create"),
        {"theme": SupportTheme.objects.get(slug="jongeren").pk, "title": "", "description": "x"},
    )
    assert page.status_code == 200 and "title" in page.context["form"].errors
    assert not SupportOffer.objects.exists()


def test_a_consultant_edits_and_deletes_an_offer_after_confirmation(world, client, offer):
    client.force_login(world.consultant)
    client.post(
        reverse("collaboration:offer_edit", args=[offer.pk]),
        {"theme": offer.theme_id, "title": "Fondsenspreekuur (nieuw)", "description": "Elke dinsdag."},
    )
    offer.refresh_from_db()
    assert offer.title == "Fondsenspreekuur (nieuw)" and not offer.is_active
    page = client.get(reverse("collaboration:offer_delete", args=[offer.pk]))
    assert "verwijderen?" in page.content.decode()
    assert SupportOffer.objects.exists()
    client.post(reverse("collaboration:offer_delete", args=[offer.pk]))
    assert not SupportOffer.objects.exists()
    assert AuditEntry.objects.filter(action="support_offer.deleted").count() == 1


def test_another_support_points_offer_does_not_exist_for_you(world, client, offer):
    client.force_login(world.other_consultant)
    assert client.post(reverse("collaboration:offer_delete", args=[offer.pk])).status_code == 404
    assert "Fondsenspreekuur" not in client.get(reverse("collaboration:offers")).content.decode()
    with pytest.raises(NotAllowed):
        services.support_offer_delete(actor=world.other_consultant, offer=offer)
    assert SupportOffer.objects.exists()
