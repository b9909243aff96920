"""The privacy statement: what is kept, why, how long, who sees it, the rights and how to use them, and the contact
of the organisation running this installation (from settings); linked from every page's footer."""

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@override_settings(
    INZET_PRIVACY_CONTROLLER_NAME="Stichting Vrijwilligerswerk Noord",
    INZET_PRIVACY_CONTROLLER_EMAIL="avg@vrijwilligerswerk-noord.example",
    INZET_PRIVACY_CONTROLLER_ADDRESS="Kerkstraat 3, 9901 AB Appingedam",
)
def test_the_privacy_page_shows_the_configured_contact(client):
    response = client.get(reverse("core:privacy"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Stichting Vrijwilligerswerk Noord" in page
    assert "Kerkstraat 3, 9901 AB Appingedam" in page
    assert 'href="mailto:avg@vrijwilligerswerk-noord.example"' in page


def test_the_privacy_page_says_what_is_kept_why_how_long_who_sees_it_and_the_rights(client):
    page = client.get(reverse("core:privacy")).content.decode()

    for heading in ("Wat we bewaren, en waarom", "Wie ziet wat?", "Hoe lang we het bewaren", "Je rechten"):
        assert heading in page
    for right in ("Inzage", "Correctie", "Verwijdering", "Dataportabiliteit", "Bezwaar"):
        assert f"<strong>{right}</strong>" in page
    for sensitive in ("wanneer je kunt", "een beperking", "wensen over toegankelijkheid", "motivatie"):
        assert sensitive in page
    assert "Autoriteit Persoonsgegevens" in page


def test_every_page_links_the_privacy_statement_in_its_footer(world, client):
    for url in (reverse("core:home"), reverse("vacancies:search"), reverse("organisations:directory")):
        page = client.get(url).content.decode()
        footer = page[page.index("<footer") :]
        assert f'href="{reverse("core:privacy")}"' in footer
