"""Every page each role reaches, in its normal and its error state, passes axe-core (WCAG 2.1 AA)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from inzet.organisations.models import Invitation

pytestmark = pytest.mark.django_db(transaction=True)


def visit_all(page, base, accessible, paths):
    for path in paths:
        response = page.goto(base + path)
        assert response.status < 400, f"{path}: {response.status}"
        accessible(page)


def test_public_pages(live_server, page, accessible, world):
    base = live_server.url
    visit_all(
        page,
        base,
        accessible,
        [
            reverse("core:home"),
            reverse("organisations:directory") + "?sector=sport",
            reverse("organisations:directory") + "?q=bestaat-niet",
            reverse("organisations:detail", args=[world.organisation.pk]),
            reverse("account_signup"),
            reverse("account_reset_password"),
            reverse("api:docs"),
        ],
    )
    page.goto(base + reverse("account_login"))
    page.locator("#id_login").fill("iemand@example.org")
    page.locator("#id_password").fill("fout")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".utrecht-alert, .utrecht-form-field-error-message").first).to_be_visible()
    accessible(page)
    page.goto(base + reverse("account_signup"))
    page.locator("#id_email").fill("geen-email")
    page.locator("main form button[type=submit]").click()
    accessible(page)


def test_coordinator_pages(live_server, page, accessible, log_in, world):
    base = live_server.url
    Invitation.objects.create(organisation=world.organisation, email="x@example.org", role="member")
    log_in(world.coordinator)
    member = world.organisation.memberships.get(user=world.member)
    visit_all(
        page,
        base,
        accessible,
        [
            reverse("core:dashboard"),
            reverse("organisations:detail", args=[world.pending_organisation.pk]),
            reverse("organisations:edit", args=[world.organisation.pk]),
            reverse("organisations:members", args=[world.organisation.pk]),
            reverse("organisations:member_remove", args=[world.organisation.pk, member.pk]),
            reverse("organisations:register"),
            reverse("accounts:profile"),
            reverse("account_email"),
            reverse("account_change_password"),
            reverse("mfa_index"),
        ],
    )
    page.goto(base + reverse("organisations:members", args=[world.organisation.pk]))
    page.get_by_label("E-mailadres").fill("member@example.org")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".utrecht-form-field-error-message")).to_contain_text("hoort al bij")
    accessible(page)
    page.goto(base + reverse("accounts:api_token"))
    page.get_by_role("button", name="Sleutel maken").click()
    expect(page.locator("code")).to_be_visible()
    accessible(page)


def test_consultant_and_officer_pages(live_server, page, accessible, log_in, world):
    base = live_server.url
    log_in(world.consultant)
    visit_all(
        page,
        base,
        accessible,
        [
            reverse("core:dashboard"),
            reverse("organisations:review_queue"),
            reverse("organisations:review", args=[world.pending_organisation.pk]),
        ],
    )
    page.get_by_role("button", name="Afwijzen met deze reden").click()
    expect(page.locator(".utrecht-form-field-error-message")).to_be_visible()
    accessible(page)
    log_in(world.officer)
    visit_all(
        page,
        base,
        accessible,
        [
            reverse("core:dashboard"),
            reverse("organisations:municipality_overview"),
            reverse("organisations:municipality_overview") + "?status=pending",
        ],
    )


def test_english_pages(live_server, page, accessible, world):
    base = live_server.url
    page.goto(base + "/")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("link", name="Register your organisation").first).to_be_visible()
    visit_all(page, base, accessible, [reverse("organisations:directory"), reverse("account_login")])
