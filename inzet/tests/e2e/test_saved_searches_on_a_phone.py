"""A volunteer on a phone saves a search, manages it under "Mijn zoekopdrachten", and a visitor without a login
stops its mail from the link — at 390 × 844 with touch, in Chromium, with axe-core (WCAG 2.2 AA, so also the
24 px target size) and a sideways-scroll check on every page on the way."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from inzet.factories import PASSWORD
from inzet.vacancies.models import SavedSearch
from inzet.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
    "locale": "nl-NL",
    "timezone_id": "Europe/Amsterdam",
}
WCAG_22_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


def _checker(page):
    axe = Axe()

    def check():
        page.wait_for_load_state("domcontentloaded")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"
        results = axe.run(page, options=WCAG_22_AA)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


def test_a_volunteer_on_a_phone_saves_a_search_manages_it_and_stops_its_mail(live_server, browser, world):
    VacancyFactory(organisation=world.organisation, title="Scheidsrechter jeugd")
    base = live_server.url
    context = browser.new_context(**PHONE)
    page = context.new_page()
    check = _checker(page)

    page.goto(base + reverse("account_login"))
    page.locator("#id_login").fill(world.volunteer.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("form[action$='/logout/'] button[type=submit]")).to_be_attached()

    # 1. On the search page the form is folded away (the results come first) and opens with one tap.
    page.goto(base + reverse("vacancies:search") + "?q=scheidsrechter")
    expect(page.get_by_text("Scheidsrechter jeugd")).to_be_visible()
    check()
    page.get_by_text("Bewaar deze zoekopdracht").click()
    page.get_by_label("Naam").fill("Fluiten")
    page.get_by_label("dagelijks").check()
    check()
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("Je zoekopdracht ‘Fluiten’ is bewaard.")).to_be_visible()
    check()
    saved_search = SavedSearch.objects.get(owner=world.volunteer)
    assert (saved_search.query, saved_search.frequency) == ("q=scheidsrechter", "daily")

    # 2. "Mijn zoekopdrachten": change how often, and a delete that asks first.
    page.goto(base + reverse("vacancies:saved_searches"))
    check()
    page.get_by_label("E-mail met nieuwe vacatures").select_option("weekly")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Je krijgt elke week een e-mail over ‘Fluiten’")).to_be_visible()
    check()
    page.get_by_role("link", name="Verwijderen").click()
    expect(page.get_by_role("heading", name="Zoekopdracht ‘Fluiten’ verwijderen?")).to_be_visible()
    check()
    page.get_by_role("link", name="Nee, terug").click()

    # 3. The stop link of the mail, opened on a phone without being logged in.
    context.clear_cookies()
    page.goto(base + saved_search.get_unsubscribe_url())
    check()
    page.get_by_role("button", name="Ja, stop deze e-mail").click()
    expect(page.get_by_role("heading", name="Je krijgt geen e-mail meer")).to_be_visible()
    check()
    saved_search.refresh_from_db()
    assert not saved_search.active
    page.goto(base + reverse("vacancies:saved_search_unsubscribe", args=["onbekend"]))
    expect(page.get_by_role("heading", name="Afmeldlink klopt niet")).to_be_visible()
    check()
    context.close()
