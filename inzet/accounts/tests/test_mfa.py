"""Two-step login for staff: a consultant turns on an authenticator app and from then on needs its code."""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user
from django.urls import reverse

from inzet.factories import PASSWORD

pytestmark = pytest.mark.django_db

PERIOD = 30  # allauth's default MFA_TOTP_PERIOD, with 6 digits and no tolerance for neighbouring periods


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 code, computed independently of allauth, as an authenticator app would."""
    counter = int(at if at is not None else time.time()) // PERIOD
    digest = hmac.new(
        base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1
    ).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**6:06d}"


def wait_for_a_fresh_period(margin: float = 5):
    """Don't type a code in the last seconds of its period: it might expire before the server checks it."""
    left = PERIOD - time.time() % PERIOD
    if left < margin:
        time.sleep(left + 0.1)


def log_in(client, password=PASSWORD, email="consultant@example.org"):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def open_activation_page(client):
    """Go to the activation page the way a browser does, confirming the password when allauth asks for it."""
    response = client.get(reverse("mfa_activate_totp"))
    if response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate")):
        confirm = client.post(response["Location"], {"password": PASSWORD})
        assert confirm.status_code == 302
        assert confirm["Location"] == reverse("mfa_activate_totp")
        response = client.get(confirm["Location"])
    assert response.status_code == 200
    return response


def secret_on(page) -> str:
    match = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page.content.decode())
    assert match, "the page shows the secret for typing into an app"
    return match.group(1)


def activate(client) -> str:
    page = open_activation_page(client)
    secret = secret_on(page)
    wait_for_a_fresh_period()
    response = client.post(reverse("mfa_activate_totp"), {"code": totp(secret)})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return secret


@pytest.fixture
def consultant_with_totp(client, world):
    assert log_in(client).status_code == 302
    secret = activate(client)
    client.post(reverse("account_logout"))
    assert not get_user(client).is_authenticated
    return secret


def test_activating_asks_for_the_password_again_first(client, world):
    log_in(client)

    response = client.get(reverse("mfa_activate_totp"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    wrong = client.post(response["Location"], {"password": "fout-wachtwoord"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors
    assert client.get(reverse("mfa_activate_totp")).status_code == 302


def test_the_activation_page_shows_a_secret_that_matches_the_qr_code(client, world):
    log_in(client)

    page = open_activation_page(client)

    secret = secret_on(page)
    assert len(secret) == 32
    assert page.context["totp_url"] == (
        f"otpauth://totp/consultant%40example.org?secret={secret}&issuer=Inzet"
    )
    assert page.context["totp_svg_data_uri"].startswith("data:image/svg+xml;base64,")


def test_a_wrong_code_does_not_activate(client, world):
    log_in(client)
    secret = secret_on(open_activation_page(client))
    wait_for_a_fresh_period()
    wrong = f"{(int(totp(secret)) + 1) % 10**6:06d}"

    response = client.post(reverse("mfa_activate_totp"), {"code": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not Authenticator.objects.filter(user=world.consultant).exists()


def test_the_right_code_activates_and_hands_out_recovery_codes(client, world):
    log_in(client)
    secret = secret_on(open_activation_page(client))
    wait_for_a_fresh_period()

    response = client.post(reverse("mfa_activate_totp"), {"code": totp(secret)})

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert set(Authenticator.objects.filter(user=world.consultant).values_list("type", flat=True)) == {
        Authenticator.Type.TOTP,
        Authenticator.Type.RECOVERY_CODES,
    }
    codes_page = client.get(response["Location"])
    assert codes_page.status_code == 200
    assert len(codes_page.context["unused_codes"]) == 10


def test_after_activation_the_password_alone_is_not_enough(client, consultant_with_totp):
    response = log_in(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert not get_user(client).is_authenticated
    assert client.get(reverse("core:dashboard")).status_code == 302  # still outside


def test_a_wrong_code_is_refused(client, consultant_with_totp):
    log_in(client)
    wait_for_a_fresh_period()
    wrong = f"{(int(totp(consultant_with_totp)) + 1) % 10**6:06d}"

    response = client.post(reverse("mfa_authenticate"), {"code": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not get_user(client).is_authenticated


def test_the_right_code_logs_in(client, world, consultant_with_totp):
    log_in(client)
    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200
    wait_for_a_fresh_period()

    response = client.post(reverse("mfa_authenticate"), {"code": totp(consultant_with_totp)})

    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")
    assert get_user(client) == world.consultant
    assert client.get(reverse("core:dashboard")).status_code == 200


def test_a_code_cannot_be_used_twice(client, world, consultant_with_totp):
    wait_for_a_fresh_period(margin=10)
    code = totp(consultant_with_totp)
    log_in(client)
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    client.post(reverse("account_logout"))

    log_in(client)
    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not get_user(client).is_authenticated


def test_the_code_page_cannot_be_used_without_the_password_first(client, consultant_with_totp):
    response = client.post(reverse("mfa_authenticate"), {"code": totp(consultant_with_totp)})

    assert not get_user(client).is_authenticated
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_wrong_password_never_reaches_the_code_step(client, consultant_with_totp):
    response = log_in(client, password="fout-wachtwoord")

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not get_user(client).is_authenticated
