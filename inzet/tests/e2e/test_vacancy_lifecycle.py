"""Coordinator writes a vacancy, consultant publishes it after the NOV check, a volunteer finds it by text and
distance and responds, the coordinator places them, the consultant sees the placement. axe on every page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_vacancy_from_draft_to_placement(live_server, page, accessible, log_in, world):
    base = live_server.url

    # The coordinator writes and submits a vacancy.
    log_in(world.coordinator)
    page.goto(base + reverse("vacancies:organisation_vacancies", args=[world.organisation.pk]))
    accessible(page)
    page.get_by_role("link", name="Nieuwe vacature").click()
    accessible(page)
    page.get_by_label("Titel").fill("Taalmaatje voor nieuwkomers")
    page.get_by_label("Omschrijving").fill("Oefen een uur per week Nederlands met een nieuwkomer.")
    page.get_by_label("Sector").select_option(label="Zorg & welzijn")
    page.get_by_label("dinsdagavond").check()
    page.get_by_label("Uren per week").fill("2")
    page.get_by_label("Duur").select_option("structural")
    page.locator("#id_contact_name").fill("Carla Coördinator")
    page.get_by_label("E-mailadres contactpersoon").fill("taal@oranje.example.org")
    page.get_by_label("Onkosten worden vergoed").check()
    page.get_by_label("Vrijwilligers zijn verzekerd").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Concept opgeslagen")
    accessible(page)
    page.get_by_role("button", name="Indienen bij de vrijwilligerscentrale").click()
    expect(page.get_by_role("status")).to_contain_text("Ingediend")

    # The consultant checks the NOV criteria and publishes.
    log_in(world.consultant)
    page.goto(base + reverse("vacancies:review_queue"))
    accessible(page)
    page.get_by_role("link", name="Taalmaatje voor nieuwkomers").click()
    accessible(page)
    for checkbox in page.locator("input[name=confirmed]").all():
        checkbox.check()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_role("status")).to_contain_text("Gepubliceerd")

    # A volunteer finds it by text and distance, and responds.
    log_in(world.volunteer)
    page.goto(base + reverse("vacancies:search") + "?q=taalmaatjes&postcode=9712CP&radius=10")
    expect(page.get_by_role("link", name="Taalmaatje voor nieuwkomers")).to_be_visible()
    accessible(page)
    page.get_by_role("link", name="Taalmaatje voor nieuwkomers").click()
    accessible(page)
    page.get_by_role("link", name="Reageren").first.click()
    page.get_by_label("Je bericht aan de organisatie").fill("Ik geef al jaren les, graag!")
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("h1")).to_contain_text("Mijn reacties")
    accessible(page)

    # The coordinator places the volunteer.
    log_in(world.coordinator)
    vacancy_pk = world.organisation.vacancies.get().pk
    page.goto(base + reverse("vacancies:responses", args=[vacancy_pk]))
    accessible(page)
    page.get_by_role("link", name="Vera Vrijwilliger").click()
    accessible(page)
    page.get_by_label("Nieuwe stap").select_option("placed")
    page.get_by_label("Begindatum (bij plaatsen)").fill("2026-12-01")
    page.get_by_role("button", name="Bijwerken en de vrijwilliger laten weten").click()
    expect(page.get_by_role("status")).to_contain_text("Bijgewerkt")

    # The consultant sees the placement and the figures.
    log_in(world.consultant)
    page.goto(base + reverse("vacancies:placements"))
    expect(page.get_by_role("cell", name="Vera Vrijwilliger", exact=True)).to_be_visible()
    accessible(page)
    page.goto(base + reverse("vacancies:statistics"))
    accessible(page)
    for path in ("vacancies:mediation", "vacancies:unanswered"):
        page.goto(base + reverse(path))
        accessible(page)
