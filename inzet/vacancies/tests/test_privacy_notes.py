"""Forms that ask for sensitive data say what each such field is for, next to it, and link the privacy
statement: the volunteer profile (availability, a disability, birth year, accessibility wishes, motivation) and
the message of a response."""

import pytest
from django.urls import reverse

from inzet.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db

PRIVACY_LINK = f'href="{reverse("core:privacy")}"'


def main_part(response) -> str:
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index('<main id="main"') : page.index("</main>")]


def test_the_profile_form_says_what_each_sensitive_field_is_for_and_links_the_privacy_statement(
    world, client
):
    client.force_login(world.volunteer)

    response = client.get(reverse("vacancies:profile"))
    page = main_part(response)

    form = response.context["form"]
    for field in ("availability", "suits_disability", "birth_year", "accessibility_wishes", "motivation"):
        purpose = str(form[field].help_text)
        assert purpose, f"{field} has no purpose next to it"
        assert purpose in page
    assert 'id="id_accessibility_wishes_helptext"' in page
    assert 'aria-describedby="id_accessibility_wishes_helptext"' in page
    assert "organisaties zien dit niet" in str(form["accessibility_wishes"].help_text).lower()
    assert PRIVACY_LINK in page


def test_the_response_form_says_who_reads_the_message_and_links_the_privacy_statement(world, client):
    vacancy = VacancyFactory(organisation=world.organisation)
    client.force_login(world.volunteer)

    page = main_part(client.get(reverse("vacancies:respond", args=[vacancy.pk])))

    assert "Alleen de organisatie en de vrijwilligerscentrale lezen dit" in page
    assert PRIVACY_LINK in page
