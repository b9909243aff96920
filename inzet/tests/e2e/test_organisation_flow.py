"""A person registers, verifies their email, registers an organisation; a consultant approves it; the public finds it."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from inzet.factories import PASSWORD, SupportPointFactory, UserFactory, make_consultant

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_signup_to_an_approved_organisation_in_the_directory(live_server, page, accessible):
    support_point = SupportPointFactory(name="Vrijwilligerscentrale Groningen", municipality_codes=["GM0014"])
    make_consultant(support_point, UserFactory(email="consulent@example.org", name="Kees Consulent"))
    base = live_server.url

    page.goto(base + "/")
    accessible(page)

    # 1. Register with a name, email and password.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Registreren").click()
    accessible(page)
    page.get_by_label("Voornaam").fill("Nina")
    page.get_by_label("Achternaam").fill("de Jong")
    page.locator("#id_email").fill("nieuw@example.org")
    page.locator("#id_password1").fill("een-lang-wachtwoord-2026")
    page.locator("#id_password2").fill("een-lang-wachtwoord-2026")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Verifieer je e-mailadres")
    accessible(page)

    # 2. Verify the address with the link from the email.
    assert mail.outbox[-1].to == ["nieuw@example.org"]
    link = re.search(r"https?://\S+/account/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(base + "/" + link.split("/", 3)[3])
    accessible(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Welkom")
    accessible(page)

    # 3. Register an organisation.
    page.goto(base + "/organisaties/aanmelden/")
    accessible(page)
    page.get_by_label("Naam van de organisatie").fill("Koor De Nachtegaal")
    page.get_by_label("Rechtsvorm").select_option("vereniging")
    page.get_by_label("Muziek").check()
    page.get_by_label("Gemeente").select_option(label="Groningen")
    page.get_by_label("Postcode").fill("9712cp")
    page.get_by_label("Straat en huisnummer").fill("Oude Ebbingestraat 1")
    page.get_by_label("Plaats").fill("Groningen")
    page.get_by_label("E-mailadres voor contact").fill("koor@example.org")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1")).to_have_text("Koor De Nachtegaal")
    expect(page.get_by_role("status")).to_contain_text("beoordeelt de aanmelding")
    accessible(page)

    # A bad form shows its errors accessibly too.
    page.goto(base + "/organisaties/aanmelden/")
    page.get_by_label("Postcode").fill("12345")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".utrecht-form-field-error-message").first).to_be_visible()
    accessible(page)

    # 4. The consultant approves it.
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(base + "/account/login/")
    accessible(page)
    page.locator("#id_login").fill("consulent@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beoordelen").click()
    accessible(page)
    page.get_by_role("link", name="Koor De Nachtegaal").click()
    accessible(page)
    page.get_by_role("button", name="Goedkeuren en in de gids zetten").click()
    expect(page.get_by_role("status")).to_contain_text("is goedgekeurd")
    accessible(page)
    assert "goedgekeurd" in mail.outbox[-1].subject and mail.outbox[-1].to == ["nieuw@example.org"]

    # 5. The public finds it in the directory.
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(base + "/organisaties/")
    page.get_by_label("Zoek op naam of plaats").fill("Nachtegaal")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Koor De Nachtegaal")).to_be_visible()
    accessible(page)
    page.get_by_role("link", name="Koor De Nachtegaal").click()
    expect(page.locator("h1")).to_have_text("Koor De Nachtegaal")
    accessible(page)


def test_error_pages_and_english_are_accessible(live_server, page, accessible):
    page.goto(live_server.url + "/organisaties/999999/")
    expect(page.locator("h1")).to_contain_text("bestaat niet")
    accessible(page)
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    accessible(page)
