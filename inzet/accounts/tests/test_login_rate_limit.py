"""Guessing passwords: after three wrong attempts a minute allauth (65.21) refuses further logins on the form.

allauth counts failed logins per IP and per address ("login_failed"); once the limit is reached its adapter raises
the `too_many_login_attempts` validation error *before* checking the password, so the login page is shown again
(status 200) with that message — not a 429, which allauth keeps for its whole-view limits such as "login".
"""

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from inzet.factories import PASSWORD

pytestmark = pytest.mark.django_db

TOO_MANY = "Te veel inlogpogingen. Probeer het later nogmaals."
WRONG = "Het door jou opgegeven e-mailadres en/of wachtwoord is niet correct."


@pytest.fixture(autouse=True)
def three_failures_a_minute(settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip,3/m/key"}


def log_in(client, email, password, ip="192.0.2.10"):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def form_errors(response):
    return response.context["form"].non_field_errors()


def test_the_first_three_wrong_passwords_just_say_the_password_is_wrong(client, world):
    for _ in range(3):
        response = log_in(client, "volunteer@example.org", "fout-wachtwoord")
        assert response.status_code == 200
        assert form_errors(response) == [WRONG]


def test_the_fourth_wrong_password_is_refused_with_too_many_attempts(client, world):
    for _ in range(3):
        log_in(client, "volunteer@example.org", "fout-wachtwoord")

    response = log_in(client, "volunteer@example.org", "fout-wachtwoord")

    assert response.status_code == 200
    assert form_errors(response) == [TOO_MANY]
    assert TOO_MANY in response.content.decode()
    assert not get_user(client).is_authenticated


def test_after_the_limit_even_the_right_password_is_refused(client, world):
    for _ in range(3):
        log_in(client, "volunteer@example.org", "fout-wachtwoord")

    response = log_in(client, "volunteer@example.org", PASSWORD)

    assert response.status_code == 200
    assert form_errors(response) == [TOO_MANY]
    assert not get_user(client).is_authenticated


def test_the_limit_per_address_holds_when_the_guesser_changes_ip(client, world):
    for number in range(3):
        log_in(client, "volunteer@example.org", "fout-wachtwoord", ip=f"192.0.2.{number + 1}")

    response = log_in(client, "volunteer@example.org", PASSWORD, ip="198.51.100.7")

    assert form_errors(response) == [TOO_MANY]
    assert not get_user(client).is_authenticated


def test_the_limit_per_ip_holds_when_the_guesser_changes_address(client, world):
    for email in ["volunteer@example.org", "member@example.org", "outsider@example.org"]:
        log_in(client, email, "fout-wachtwoord")

    response = log_in(client, "coordinator@example.org", PASSWORD)

    assert form_errors(response) == [TOO_MANY]
    assert not get_user(client).is_authenticated


def test_someone_else_from_another_ip_can_still_log_in(client, world):
    for _ in range(4):
        log_in(client, "volunteer@example.org", "fout-wachtwoord")

    response = log_in(client, "coordinator@example.org", PASSWORD, ip="198.51.100.7")

    assert response.status_code == 302
    assert get_user(client) == world.coordinator


def test_successful_logins_do_not_use_up_the_allowance(client, world):
    for _ in range(5):
        assert log_in(client, "volunteer@example.org", PASSWORD).status_code == 302
        client.logout()

    response = log_in(client, "volunteer@example.org", "fout-wachtwoord")

    assert form_errors(response) == [WRONG]
