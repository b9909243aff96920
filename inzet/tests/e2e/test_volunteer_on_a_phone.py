"""A new visitor on a phone: searches from the home page with a misspelled two-word query, finds the vacancy,
signs up with a name, responds, and finds the response under "Mijn Inzet" — at 390 × 844 with touch, in
Chromium, with axe-core and a sideways-scroll check on every page on the way."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from inzet.tests.e2e.conftest import PHONE, axe_violations, fits_the_screen
from inzet.vacancies.models import Response
from inzet.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_new_visitor_on_a_phone_finds_signs_up_responds_and_follows_up(live_server, browser, world):
    trainer = VacancyFactory(
        organisation=world.organisation,
        title="Jeugdtrainer voetbal",
        description="Train op dinsdagavond de jongste jeugd van de club.",
    )
    VacancyFactory(organisation=world.organisation, title="Penningmeester", description="Houd de kas bij.")
    from inzet.vacancies.search import search_terms_refresh

    search_terms_refresh()
    context = browser.new_context(**PHONE)
    page = context.new_page()
    check = _checker(page)
    base = live_server.url

    # 1. The home page leads with the search; a misspelled two-word query still finds the vacancy.
    page.goto(base + "/")
    check()
    page.get_by_label("Wat wil je doen?").fill("jeugtrainer voetbal")
    page.get_by_label("Wat wil je doen?").press("Enter")
    result = page.locator(".inzet-card-list").get_by_role("link", name="Jeugdtrainer voetbal")
    expect(result).to_be_visible()
    expect(page.get_by_text("Bedoelde je")).to_be_visible()
    check()

    # 2. The vacancy; responding asks to log in, and from there to sign up with a name.
    result.click()
    check()
    page.get_by_role("link", name=re.compile("Reageren")).first.click()
    check()
    page.locator("main").get_by_role("link", name=re.compile("registreer", re.I)).first.click()
    check()
    page.get_by_label("Voornaam").fill("Sanne")
    page.get_by_label("Achternaam").fill("Visser")
    page.locator("#id_email").fill("sanne@example.org")
    page.locator("#id_password1").fill("een-lang-wachtwoord-2026")
    page.locator("#id_password2").fill("een-lang-wachtwoord-2026")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Verifieer je e-mailadres")
    link = re.search(r"https?://\S+/account/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(base + "/" + link.split("/", 3)[3])
    check()
    page.locator("main form button[type=submit]").click()

    # 3. Respond.
    page.goto(base + reverse("vacancies:detail", args=[trainer.pk]))
    page.get_by_role("link", name=re.compile("Reageren")).first.click()
    check()
    page.get_by_label("Je bericht aan de organisatie").fill("Hallo! Ik train graag op dinsdagavond.")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("status").first).to_contain_text("is verstuurd")
    check()

    # 4. Follow up under "Mijn Inzet": the response, shown with the volunteer's name, not an email address.
    page.goto(base + "/")
    page.get_by_text("Menu", exact=True).click()
    page.get_by_text("Mijn Inzet", exact=True).click()
    page.get_by_role("link", name="Mijn reacties").click()
    expect(page.locator("main")).to_contain_text("Jeugdtrainer voetbal")
    check()
    response = Response.objects.get()
    assert response.volunteer.name == "Sanne Visser"
    context.close()


def _checker(page):
    def check():
        fits_the_screen(page)
        report = axe_violations(page)
        assert report is None, report

    return check
