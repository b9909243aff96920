"""Signing up with a name, email and password: nobody gets in before their address is verified."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user
from django.core import mail
from django.urls import reverse

from inzet.accounts.models import User
from inzet.accounts.tests.conftest import link_in
from inzet.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "een-heel-lang-wachtwoord-42"


NAME = {"given_name": "Noor", "family_name": "van Dijk"}


def sign_up(client, email="nieuw@example.org", password=NEW_PASSWORD, **name):
    return client.post(
        reverse("account_signup"),
        {**NAME, **name, "email": email, "password1": password, "password2": password},
    )


def test_the_signup_page_opens(client):
    response = client.get(reverse("account_signup"))

    assert response.status_code == 200
    assert b'name="email"' in response.content and b'name="password1"' in response.content


def test_the_signup_page_asks_the_name_first_and_links_the_privacy_statement(client):
    page = client.get(reverse("account_signup")).content.decode()

    assert page.index('name="given_name"') < page.index('name="family_name"') < page.index('name="email"')
    assert 'autocomplete="given-name"' in page and 'autocomplete="family-name"' in page
    assert f'href="{reverse("core:privacy")}"' in page.split("<footer")[0]


def test_signing_up_stores_first_name_and_surname_as_the_name(client):
    sign_up(client, given_name="  Noor ", family_name="van Dijk ")

    user = User.objects.get(email="nieuw@example.org")
    assert user.name == "Noor van Dijk"
    assert str(user) == "Noor van Dijk" and user.get_short_name() == "Noor"


@pytest.mark.parametrize(
    ("name", "field", "message"),
    [
        ({"given_name": ""}, "given_name", "Vul je voornaam in"),
        ({"given_name": "   "}, "given_name", "Vul je voornaam in"),
        ({"family_name": ""}, "family_name", "Vul je achternaam in."),
        ({"given_name": "x" * 71}, "given_name", "70"),
    ],
)
def test_signing_up_without_a_name_is_refused_with_a_clear_message(client, name, field, message):
    response = sign_up(client, **name)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert message in response.content.decode()
    assert not User.objects.exists()
    assert mail.outbox == []


def test_signing_up_sends_a_verification_email_and_does_not_log_in(client):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="nieuw@example.org")
    assert user.check_password(NEW_PASSWORD)
    assert EmailAddress.objects.get(user=user).verified is False
    assert not get_user(client).is_authenticated
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@example.org"]
    assert message.subject == "[Inzet] Bevestig je e-mailadres"
    assert message.body.startswith("Hallo van Inzet!")
    assert link_in(message, "/account/confirm-email/")


def test_the_verification_sent_page_tells_what_to_do(client):
    response = sign_up(client, email="nieuw@example.org")
    page = client.get(response["Location"])

    assert page.status_code == 200
    assert "Verifieer je e-mailadres" in page.content.decode()


def test_following_the_link_shows_a_page_then_confirming_verifies_and_logs_in(client):
    sign_up(client)
    link = link_in(mail.outbox[0], "/account/confirm-email/")

    page = client.get(link)

    assert page.status_code == 200
    assert "nieuw@example.org" in page.content.decode()
    assert EmailAddress.objects.get(email="nieuw@example.org").verified is False  # a GET changes nothing
    assert not get_user(client).is_authenticated

    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")
    assert EmailAddress.objects.get(email="nieuw@example.org").verified is True
    user = get_user(client)
    assert user.is_authenticated and user.email == "nieuw@example.org"


def test_a_confirmation_link_with_a_made_up_key_verifies_nothing(client):
    sign_up(client)

    response = client.post(reverse("account_confirm_email", kwargs={"key": "MQ:nep:nep"}))

    assert response.status_code in (200, 404)
    assert EmailAddress.objects.get(email="nieuw@example.org").verified is False
    assert not get_user(client).is_authenticated


def test_logging_in_before_verification_is_sent_to_the_verification_page(client):
    sign_up(client)
    mail.outbox.clear()

    response = client.post(reverse("account_login"), {"login": "nieuw@example.org", "password": NEW_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not get_user(client).is_authenticated
    assert len(mail.outbox) == 1  # the link is sent again
    assert mail.outbox[0].to == ["nieuw@example.org"]


def test_after_verification_the_password_logs_in(client):
    sign_up(client)
    client.post(link_in(mail.outbox[0], "/account/confirm-email/"))
    client.logout()

    response = client.post(reverse("account_login"), {"login": "NIEUW@example.org", "password": NEW_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")
    assert get_user(client).email == "nieuw@example.org"


def test_a_second_signup_with_a_taken_address_creates_no_account_and_warns_the_owner(client, world):
    response = sign_up(client, email="volunteer@example.org")

    # The page looks like any signup, so nobody can probe which addresses have an account ...
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact="volunteer@example.org").count() == 1
    assert User.objects.get(email="volunteer@example.org").check_password(PASSWORD)
    assert not get_user(client).is_authenticated
    # ... and the owner hears about it, with the way back in.
    [message] = mail.outbox
    assert message.to == ["volunteer@example.org"]
    assert message.subject == "[Inzet] Account bestaat al"
    assert link_in(message, reverse("account_reset_password"))


@pytest.mark.parametrize(
    ("password1", "password2"),
    [
        ("kort", "kort"),
        ("12345678901234", "12345678901234"),
        (NEW_PASSWORD, NEW_PASSWORD + "x"),
    ],
)
def test_a_weak_or_mismatched_password_is_refused_on_the_form(client, password1, password2):
    response = client.post(
        reverse("account_signup"),
        {**NAME, "email": "nieuw@example.org", "password1": password1, "password2": password2},
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert mail.outbox == []


def test_a_malformed_email_is_refused_on_the_form(client):
    response = sign_up(client, email="geen-adres")

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert User.objects.count() == 0
