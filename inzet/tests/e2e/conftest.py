"""End-to-end tests in Debian's Chromium, driven by Playwright, with axe-core on every page visited.

Without Chromium they skip on a laptop; with CI=true a missing browser fails the run instead.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in this thread; the ORM calls in tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}: browser tests may not skip in CI", pytrace=False)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


_axe = Axe()


@pytest.fixture
def accessible():
    """`accessible(page)` asserts that the page as it is now has no WCAG 2.1 AA violations."""
    checked = []

    def check(page):
        page.wait_for_load_state("domcontentloaded")
        results = _axe.run(page, options=WCAG_21_AA)
        checked.append(page.url)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    check.pages = checked
    return check


@pytest.fixture
def log_in(page, live_server):
    """`log_in(user)`: a fresh browser session, logged in through the real login form."""
    from django.urls import reverse
    from playwright.sync_api import expect

    from inzet.factories import PASSWORD

    def login(user):
        page.context.clear_cookies()
        page.goto(live_server.url + reverse("account_login"))
        page.locator("#id_login").fill(user.email)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("main form button[type=submit]").click()
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()

    return login
