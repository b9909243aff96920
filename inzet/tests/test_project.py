"""Project-wide guards: migrations in step with models, and every page of every app renders without error."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_migration_is_missing():
    output = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit as exit_:
        pytest.fail(
            f"models changed without a migration (run manage.py makemigrations):\n{output.getvalue()}"
            if exit_.code
            else ""
        )


@pytest.mark.django_db
def test_the_system_checks_pass():
    call_command("check", "--fail-level", "WARNING")


@pytest.mark.parametrize("persona", ["anonymous", "staff"])
def test_every_named_url_renders_without_a_server_error(world, client, persona):
    from django.urls import reverse

    from inzet.organisations.models import Invitation
    from inzet.tests.test_permission_matrix import MATRIX, add_vacancies

    add_vacancies(world)
    world.invitation = Invitation.objects.create(
        organisation=world.organisation, email="volunteer@example.org", role="member"
    )
    if persona == "staff":
        client.force_login(world.staff)
    for name, cases in MATRIX.items():
        for _label, builder, _expected in cases:
            url = reverse(name, kwargs=builder(world) if builder else None)
            response = client.get(url)
            assert response.status_code < 500, f"{url}: {response.status_code}"
            if response.get("Content-Type", "").startswith("text/html") and response.status_code == 200:
                assert b"<html" in response.content, url


def test_a_server_error_shows_the_styled_page_without_needing_the_request(rf):
    from inzet.core.views import error_500

    response = error_500(rf.get("/kapot/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in page and "inzet/theme.css" in page
    assert "niet opgeslagen" in page
