"""Accounts from before signup asked a name are asked once after logging in ("Hoe heet je?"), can answer or skip,
and a skip is remembered. Nothing else is held up: no loop, the API and the admin work as before."""

import pytest
from django.contrib.auth import get_user
from django.urls import reverse
from rest_framework.authtoken.models import Token

from inzet.accounts.models import User
from inzet.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROMPT = reverse("accounts:name")


def log_in(client, user, next_url=None):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": user.email, "password": PASSWORD})


@pytest.fixture
def nameless(db):
    return UserFactory(email="oud-account@example.org", name="")


def test_a_nameless_account_is_asked_its_name_after_logging_in(client, nameless):
    response = log_in(client, nameless)

    assert response.status_code == 302
    assert response["Location"] == f"{PROMPT}?next=%2Fmijn%2F"
    assert get_user(client).is_authenticated
    page = client.get(response["Location"]).content.decode()
    assert "Hoe heet je?" in page
    assert 'name="given_name"' in page and 'name="family_name"' in page and 'name="skip"' in page


def test_the_answer_is_kept_and_the_person_goes_where_the_login_was_going(client, nameless):
    target = reverse("vacancies:my_responses")
    prompt = log_in(client, nameless, next_url=target)["Location"]

    response = client.post(prompt, {"given_name": "Henk", "family_name": "de Boer", "next": target})

    assert response.status_code == 302 and response["Location"] == target
    nameless.refresh_from_db()
    assert nameless.name == "Henk de Boer"
    client.logout()
    assert log_in(client, nameless)["Location"] == reverse("core:dashboard")


def test_an_empty_answer_is_refused_on_the_form(client, nameless):
    prompt = log_in(client, nameless)["Location"]

    response = client.post(prompt, {"given_name": "", "family_name": "", "next": "/mijn/"})

    assert response.status_code == 200
    assert "Vul je voornaam in" in response.content.decode()
    nameless.refresh_from_db()
    assert nameless.name == "" and nameless.name_prompt_skipped_at is None


def test_a_skip_is_remembered_and_the_next_login_goes_straight_on(client, nameless):
    prompt = log_in(client, nameless)["Location"]

    response = client.post(prompt, {"skip": "1", "next": "/mijn/"})

    assert response.status_code == 302 and response["Location"] == "/mijn/"
    nameless.refresh_from_db()
    assert nameless.name == "" and nameless.name_prompt_skipped_at is not None
    client.logout()
    assert log_in(client, nameless)["Location"] == reverse("core:dashboard")


def test_an_account_with_a_name_is_never_asked(client, world):
    assert log_in(client, world.volunteer)["Location"] == reverse("core:dashboard")


def test_the_question_is_asked_at_login_only_never_on_other_pages(client, nameless):
    client.force_login(nameless)

    for url in (reverse("core:dashboard"), reverse("vacancies:search"), reverse("accounts:profile")):
        assert client.get(url).status_code == 200


def test_the_question_page_sends_a_person_with_a_name_on_and_only_to_this_site(client, world):
    client.force_login(world.volunteer)

    assert client.get(PROMPT, {"next": "/vacatures/"})["Location"] == "/vacatures/"
    assert client.get(PROMPT, {"next": "https://elders.example/"})["Location"] == reverse("core:dashboard")
    assert client.get(PROMPT, {"next": PROMPT})["Location"] == PROMPT
    assert client.get(PROMPT)["Location"] == reverse("core:dashboard")


def test_the_api_and_the_admin_do_not_ask(client, nameless):
    token = Token.objects.create(user=nameless)
    api = client.get(reverse("api:my_organisation_list"), headers={"authorization": f"Token {token.key}"})
    assert api.status_code == 200

    User.objects.filter(pk=nameless.pk).update(is_staff=True, is_superuser=True)
    response = client.post(
        reverse("admin:login") + "?next=/beheer/", {"username": nameless.email, "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/beheer/"


def test_a_name_emptied_on_the_account_page_is_not_asked_for_again(client, world):
    client.force_login(world.volunteer)
    client.post(reverse("accounts:profile"), {"name": "", "phone": "", "language": "nl"})
    client.logout()

    assert log_in(client, world.volunteer)["Location"] == reverse("core:dashboard")
