"""A volunteer makes a profile, searches by word and postcode, opens a vacancy, responds and finds the response
under "Mijn reacties" — in Chromium, with axe-core on every page and state on the way."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from inzet.factories import OrganisationFactory
from inzet.vacancies.models import Response
from inzet.vacancies.tests.factories import VacancyFactory, place

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_volunteer_finds_a_vacancy_near_home_and_responds(live_server, page, accessible, log_in, world):
    VacancyFactory(
        organisation=world.organisation,
        title="Jeugdtrainer voetbal",
        description="Train op dinsdagavond de jongste jeugd van de club.",
        availability=1 << 5,  # dinsdagavond
        requires_vog=True,
        suits_mdt=True,
    )
    VacancyFactory(
        organisation=OrganisationFactory(name="Buurthuis De Ster"),
        title="Gastvrouw",
        description="Koffie schenken.",
    )
    VacancyFactory(
        organisation=world.other_organisation,
        title="Scheidsrechter voetbal in Winschoten",
        description="Fluit wedstrijden van de jeugd.",
        **place("9671"),
    )
    base = live_server.url

    # The search is public and accessible before anyone logs in.
    page.goto(base + reverse("vacancies:search"))
    expect(page.get_by_role("status")).to_contain_text("3 vacatures gevonden")
    accessible(page)

    # 1. Make a profile.
    log_in(world.volunteer)
    page.goto(base + reverse("vacancies:profile"))
    expect(page.locator("h1")).to_have_text("Maak je vrijwilligersprofiel")
    accessible(page)
    postcode = page.get_by_label(re.compile(r"^Postcode"))  # required: "Postcode *"
    postcode.fill("1000 AA")  # a postcode that does not exist
    page.get_by_role("button", name="Profiel opslaan").click()
    expect(page.locator(".utrecht-form-field-error-message").first).to_contain_text("kennen we niet")
    accessible(page)
    postcode.fill("9712cp")
    page.get_by_label(re.compile(r"^Hoe ver wil je reizen")).fill("10")
    page.get_by_role("group", name="Interesses").get_by_label("Sport", exact=True).check()
    page.get_by_label("dinsdagavond").check()
    page.get_by_label(re.compile(r"^Uren per week")).fill("4")
    page.get_by_label("Ik doe maatschappelijke diensttijd (MDT)").check()
    page.get_by_label("De vrijwilligerscentrale mag mijn profiel gebruiken om mij te bemiddelen").check()
    page.get_by_role("button", name="Profiel opslaan").click()

    # Suggestions follow, with the reasons in words; the far one is not among them.
    expect(page.locator("h1")).to_have_text("Vacatures voor jou")
    expect(page.get_by_role("status")).to_contain_text("Je profiel is opgeslagen")
    expect(page.get_by_role("link", name="Jeugdtrainer voetbal")).to_be_visible()
    expect(page.get_by_text("past bij je beschikbaarheid op dinsdagavond")).to_be_visible()
    expect(page.get_by_role("link", name="Scheidsrechter voetbal in Winschoten")).to_have_count(0)
    accessible(page)

    # 2. Search by word: from home (the profile) the referee in Winschoten is too far.
    page.goto(base + reverse("vacancies:search"))
    expect(page.get_by_text("Binnen 10 km van 9712 CP")).to_be_visible()
    page.get_by_label("Zoek op woord").fill("voetbal")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status")).to_contain_text("1 vacature gevonden")
    expect(page.get_by_role("link", name="Jeugdtrainer voetbal")).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=voetbal"))
    accessible(page)

    # ... and by another postcode, in place (htmx), with the distance and its source.
    page.get_by_label("Postcode", exact=True).fill("9671 AB")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Scheidsrechter voetbal in Winschoten")).to_be_visible()
    expect(page.get_by_role("link", name="Jeugdtrainer voetbal")).to_have_count(0)
    expect(page.locator("#results")).to_contain_text("Bron: CBS")
    expect(page).to_have_url(re.compile(r"postcode=9671"))
    accessible(page)

    # A postcode that makes no sense: a gentle message, and results without distance.
    page.get_by_label("Postcode", exact=True).fill("kapot")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("We kunnen postcode ‘kapot’ niet vinden")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("2 vacatures gevonden")
    accessible(page)

    # The shared URL gives the same page without JavaScript's help.
    page.goto(base + reverse("vacancies:search") + "?q=voetbal&postcode=9712+CP&radius=15")
    expect(page.get_by_role("status")).to_contain_text("1 vacature gevonden")
    accessible(page)

    # 3. Open the vacancy: what, when, where, and why it suits.
    page.get_by_role("link", name="Jeugdtrainer voetbal").click()
    expect(page.locator("h1")).to_have_text("Jeugdtrainer voetbal")
    expect(page.get_by_text("Past dit bij jou?")).to_be_visible()
    expect(page.get_by_text("dinsdagavond").first).to_be_visible()
    expect(page.get_by_text("Ja, je hebt een VOG nodig")).to_be_visible()
    accessible(page)

    # 4. Respond; an empty message is refused first.
    page.get_by_role("link", name="Reageren").click()
    expect(page.locator("h1")).to_contain_text("Reageren op ‘Jeugdtrainer voetbal’")
    accessible(page)
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator(".utrecht-form-field-error-message").first).to_be_visible()
    accessible(page)
    page.get_by_label("Je bericht aan de organisatie").fill("Ik voetbal al jaren en train graag de jeugd.")
    page.get_by_role("button", name="Reactie versturen").click()

    # 5. "Mijn reacties" shows it, with its status and a way to withdraw.
    expect(page.locator("h1")).to_have_text("Mijn reacties")
    expect(page.get_by_role("status")).to_contain_text("is verstuurd")
    row = page.get_by_role("row").filter(has_text="Jeugdtrainer voetbal")
    expect(row).to_contain_text("nieuw")
    accessible(page)
    assert Response.objects.get().volunteer == world.volunteer

    row.get_by_role("link", name="Intrekken").click()
    expect(page.locator("h1")).to_contain_text("intrekken?")
    accessible(page)
    page.get_by_role("link", name="Nee, terug").click()
    expect(page.locator("h1")).to_have_text("Mijn reacties")

    # Back on the vacancy: no second response, but the status.
    page.goto(base + reverse("vacancies:detail", args=[Response.objects.get().vacancy_id]))
    expect(page.get_by_text("Je hebt al gereageerd")).to_be_visible()
    accessible(page)
