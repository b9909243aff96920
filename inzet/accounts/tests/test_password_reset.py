"""Forgotten password: an emailed link lets you choose a new one, once."""

import pytest
from django.contrib.auth import get_user
from django.core import mail
from django.urls import reverse

from inzet.accounts.tests.conftest import link_in
from inzet.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "nieuw-en-lang-wachtwoord-2025"


def request_reset(client, email):
    return client.post(reverse("account_reset_password"), {"email": email})


def choose_new_password(client, link, password=NEW_PASSWORD):
    """What a person does: open the link (allauth moves the key into the session), then fill in the form."""
    opened = client.get(link, follow=True)
    assert opened.status_code == 200
    form_url = opened.redirect_chain[-1][0] if opened.redirect_chain else link
    return form_url, client.post(form_url, {"password1": password, "password2": password})


def log_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_asking_for_a_reset_sends_an_email_with_a_link(client, world):
    response = request_reset(client, "volunteer@example.org")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    [message] = mail.outbox
    assert message.to == ["volunteer@example.org"]
    assert message.subject == "[Inzet] Nieuw wachtwoord"
    assert link_in(message, "/account/password/reset/key/")


def test_the_link_lets_the_user_set_a_new_password_that_then_works(client, world):
    request_reset(client, "volunteer@example.org")
    link = link_in(mail.outbox[0], "/account/password/reset/key/")

    _, response = choose_new_password(client, link)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_from_key_done")
    world.volunteer.refresh_from_db()
    assert world.volunteer.check_password(NEW_PASSWORD)
    assert not world.volunteer.check_password(PASSWORD)

    client.logout()
    assert log_in(client, "volunteer@example.org", PASSWORD).status_code == 200  # old one: form error
    assert not get_user(client).is_authenticated
    response = log_in(client, "volunteer@example.org", NEW_PASSWORD)
    assert response.status_code == 302
    assert get_user(client) == world.volunteer


def test_a_reset_link_works_only_once(client, world):
    request_reset(client, "volunteer@example.org")
    link = link_in(mail.outbox[0], "/account/password/reset/key/")
    choose_new_password(client, link)
    client.logout()

    page = client.get(link, follow=True)

    assert page.status_code == 200
    assert page.context["token_fail"] is True
    response = client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else link,
        {"password1": "nog-een-ander-wachtwoord-7", "password2": "nog-een-ander-wachtwoord-7"},
    )
    world.volunteer.refresh_from_db()
    assert world.volunteer.check_password(NEW_PASSWORD)
    assert response.status_code == 200


def test_a_weak_new_password_is_refused_and_the_old_one_stays(client, world):
    request_reset(client, "volunteer@example.org")
    link = link_in(mail.outbox[0], "/account/password/reset/key/")

    _, response = choose_new_password(client, link, password="kort")

    assert response.status_code == 200
    assert response.context["form"].errors
    world.volunteer.refresh_from_db()
    assert world.volunteer.check_password(PASSWORD)


def test_a_reset_for_an_unknown_address_tells_that_address_no_account_exists(client, world):
    response = request_reset(client, "niemand@example.org")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")  # same page as for a real account
    [message] = mail.outbox
    assert message.to == ["niemand@example.org"]
    assert message.subject == "[Inzet] Onbekend account"
    assert "/account/password/reset/key/" not in message.body
