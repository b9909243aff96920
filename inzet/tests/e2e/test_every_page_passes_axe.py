"""Every HTML page of the KrachtMeting, support offers and events that a role may open (the permission matrix says
which: status 200) passes axe-core in a real browser, with the matrix's own objects."""

import pytest
from django.urls import reverse

from inzet.tests.test_permission_matrix import MATRIX, add_vacancies

pytestmark = pytest.mark.django_db(transaction=True)

NAMESPACES = ("assessments:", "collaboration:", "events:")
DOWNLOADS = (".pdf", ".xlsx", ".ics", ".csv")


@pytest.mark.parametrize("persona", ["anonymous", "volunteer", "coordinator", "consultant", "officer"])
def test_every_page_a_role_opens_passes_axe(live_server, page, accessible, log_in, world, persona):
    add_vacancies(world)
    urls = []
    for name, cases in MATRIX.items():
        if not name.startswith(NAMESPACES):
            continue
        for _label, builder, expected in cases:
            if expected[persona] == 200:
                url = reverse(name, kwargs=builder(world) if builder else None)
                if not url.endswith(DOWNLOADS):
                    urls.append(url)
    assert urls
    user = world.persona(persona)
    if user is not None:
        log_in(user)
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, f"{persona} {url}: {response.status}"
        accessible(page)
