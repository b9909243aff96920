"""Every HTML page a persona may open (the permission matrix says which: status 200), with the matrix's own objects,
fits a phone (390 × 844, mobile emulation, Dutch) and a laptop (1280 × 800) without sideways scrolling, and passes
axe-core (WCAG 2.1 AA) at both widths.

One browser context per persona and width, logged in once; every failure of a run is collected and reported at
once, naming the elements that stick out. With SCREENSHOTS_DIR set (`make screenshots`) it also saves a full-page
screenshot of every page it visits, for review.
"""

import os
import re
from pathlib import Path

import pytest
from django.urls import reverse

from inzet.organisations.models import Invitation
from inzet.tests.e2e.conftest import DESKTOP, PHONE, WCAG_22_AA, axe_violations, log_in_on, sideways_scroll
from inzet.tests.test_permission_matrix import MATRIX, add_vacancies
from inzet.vacancies.search import vacancy_search_index_update

pytestmark = pytest.mark.django_db(transaction=True)

PERSONAS = ["anonymous", "volunteer", "coordinator", "consultant", "officer"]
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
DOWNLOADS = (".pdf", ".xlsx", ".ics", ".csv")
# Pages that are not HTML pages of the site: the machine-readable API and its documents.
NOT_HTML = ("api:",)
SCREENSHOTS_DIR = os.environ.get("SCREENSHOTS_DIR")


def pages_for(world, persona):
    """The URLs of every HTML page the matrix lets `persona` open, in matrix order, each once."""
    urls = []
    for name, cases in MATRIX.items():
        if name.startswith(NOT_HTML):
            continue
        for _label, builder, expected in cases:
            if expected[persona] != 200:
                continue
            url = reverse(name, kwargs=builder(world) if builder else None)
            if not url.endswith(DOWNLOADS) and url not in urls:
                urls.append(url)
    return urls


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_a_persona_opens_fits_the_screen_and_passes_axe(
    live_server, browser, world, persona, viewport
):
    add_vacancies(world)
    world.invitation = Invitation.objects.create(
        organisation=world.organisation,
        email="volunteer@example.org",
        role="member",
        invited_by=world.coordinator,
    )
    _with_long_words(world)
    urls = pages_for(world, persona)
    assert urls
    context = browser.new_context(**VIEWPORTS[viewport])
    page = context.new_page()
    user = world.persona(persona)
    if user is not None:
        log_in_on(page, live_server.url, user)
    failures = []
    try:
        for url in urls:
            response = page.goto(live_server.url + url)
            if response.status != 200 or "html" not in response.headers.get("content-type", ""):
                failures.append(f"{url}: {response.status} {response.headers.get('content-type')}")
                continue
            if SCREENSHOTS_DIR:
                _screenshot(page, persona, viewport, url)
            for problem in (sideways_scroll(page), axe_violations(page, WCAG_22_AA)):
                if problem:
                    failures.append(problem)
    finally:
        context.close()
    assert not failures, (
        f"{persona} at {viewport}: {len(failures)} of {len(urls)} pages fail\n\n" + "\n\n".join(failures)
    )


def _with_long_words(world):
    """Real Dutch names are long compounds, and addresses are long too: they are what break a narrow layout."""
    world.organisation.name = "Stichting Vrijwilligersondersteuningsorganisatie Stadsdeelcentrum-Noordoost"
    world.organisation.contact_email = (
        "vrijwilligerscoordinatie.stadsdeelcentrum-noordoost@voorbeeldorganisatie.nl"
    )
    world.organisation.save()
    world.vacancy.title = "Vrijwilligerscoördinatorondersteuningsmedewerker jeugdvoetbalafdeling"
    world.vacancy.contact_email = "jeugdvoetbalvrijwilligerscoordinator@voetbalverenigingoranje.nl"
    world.vacancy.save()
    vacancy_search_index_update(vacancy_ids=[world.vacancy.pk])


def _screenshot(page, persona, viewport, url):
    folder = Path(SCREENSHOTS_DIR) / persona
    folder.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"
    page.screenshot(path=str(folder / f"{slug}.{viewport}.png"), full_page=True)
