"""A consultant starts a KrachtMeting campaign, a coordinator answers it and reads the organisation report with
its radar chart, the consultant reads the municipality report and the officer the aggregate. axe on every page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_krachtmeting_from_campaign_to_municipality_report(live_server, page, accessible, log_in, world):
    base = live_server.url

    # The consultant starts a campaign for Groningen.
    log_in(world.consultant)
    page.goto(base + reverse("assessments:campaigns"))
    accessible(page)
    page.get_by_role("link", name="Nieuwe campagne").click()
    accessible(page)
    page.get_by_label("Vragenlijst").select_option(label="KrachtMeting (v1)")
    page.get_by_label("Titel").fill("Behoeftepeiling Groningen 2027")
    page.get_by_label("Invullen kan tot en met").fill(str(timezone.localdate() + timedelta(days=30)))
    page.get_by_role("checkbox", name="Groningen", exact=True).check()
    page.get_by_label("Uitnodigingstekst").fill("Hoe sterk is jullie vereniging? Vul de KrachtMeting in.")
    page.get_by_role("button", name="Campagne starten").click()
    expect(page.get_by_role("status")).to_contain_text("De campagne is gestart")
    accessible(page)

    # The coordinator answers every statement (mee eens) and submits.
    log_in(world.coordinator)
    page.goto(base + reverse("assessments:organisation", args=[world.organisation.pk]))
    expect(page.get_by_role("heading", name="Behoeftepeiling Groningen 2027")).to_be_visible()
    accessible(page)
    page.get_by_role("button", name="Invullen").click()
    for _page in range(10):
        expect(page.locator("progress")).to_be_visible()
        accessible(page)
        for group in page.locator("fieldset").all():
            for answer in ("Mee eens", "Ja"):
                option = group.get_by_role("radio", name=answer, exact=True)
                if option.count():
                    option.check()
                    break
        youth = page.get_by_role("checkbox", name="Jongeren")
        if youth.count():
            youth.check()
        if page.get_by_role("button", name="Naar indienen").count():
            page.get_by_role("button", name="Naar indienen").click()
            break
        page.get_by_role("button", name="Volgende").click()
    accessible(page)
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_role("status")).to_be_visible()
    accessible(page)

    # Their report: a score per field, the radar chart with the same numbers in a table.
    page.goto(base + reverse("assessments:organisation", args=[world.organisation.pk]))
    page.get_by_role("link", name="Bekijk").first.click()
    expect(page.locator("figure svg[role=img]")).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("StuurKracht")
    accessible(page)

    # The consultant reads the municipality report.
    log_in(world.consultant)
    page.goto(base + reverse("assessments:campaigns"))
    page.get_by_role("link", name="Behoeftepeiling Groningen 2027").click()
    expect(page.get_by_role("main")).to_contain_text(world.organisation.name)
    accessible(page)

    # The officer sees only the aggregate: one organisation took part, too few to show.
    log_in(world.officer)
    page.goto(base + reverse("assessments:campaigns"))
    accessible(page)
    page.get_by_role("link", name="Behoeftepeiling Groningen 2027").click()
    expect(page.get_by_role("main")).not_to_contain_text(world.organisation.name)
    accessible(page)
