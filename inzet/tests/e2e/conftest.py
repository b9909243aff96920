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
# WCAG 2.2 AA adds the rules of 2.2, among them target size (2.5.8: touch targets of at least 24 × 24 px), which
# axe-core leaves off unless it is named.
WCAG_22_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"target-size": {"enabled": True}},
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


# The two widths every page is checked at: a phone (mobile emulation, so the browser behaves as on a phone, and
# Dutch, whose long words are what break layouts) and a laptop.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
    "locale": "nl-NL",
    "timezone_id": "Europe/Amsterdam",
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}

# Which elements make the page wider than its screen. Everything to the right of the edge is a candidate; the
# culprits are the candidates whose hiding shrinks the overflow (a wide table also widens the siblings that stretch
# with it), reported innermost first. clientWidth, not innerWidth: a mobile browser zooms an over-wide page out and
# innerWidth grows with it.
_SIDEWAYS = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const overflow = root.scrollWidth - width;
  if (overflow <= 0) return null;
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.classList.length ? "." + [...el.classList].join(".") : "");
  const depth = (el) => { let d = 0; for (let n = el; n; n = n.parentElement) d++; return d; };
  const candidates = [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > width + 0.5)
    .sort((a, b) => depth(b) - depth(a))
    .slice(0, 400);
  const culprits = [];
  for (const el of candidates) {
    if (culprits.some((found) => el.contains(found))) continue;
    const before = el.style.getPropertyValue("display");
    const priority = el.style.getPropertyPriority("display");
    el.style.setProperty("display", "none", "important");
    const shrunk = root.scrollWidth - width < overflow;
    el.style.setProperty("display", before, priority);
    if (shrunk) culprits.push(el);
  }
  return {
    overflow: overflow,
    elements: (culprits.length ? culprits : candidates).slice(0, 6).map((el) => {
      const path = [];
      for (let node = el; node && node !== document.body && path.length < 4; node = node.parentElement) {
        path.unshift(describe(node));
      }
      const box = el.getBoundingClientRect();
      const text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
      return path.join(" > ") + ` (${Math.round(box.width)}px wide, right edge ${Math.round(box.right)}px`
        + (text ? `, "${text}"` : "") + ")";
    }),
  };
}"""


def sideways_scroll(page):
    """None when the page fits its width, else a sentence naming by how much and which elements stick out."""
    found = page.evaluate(_SIDEWAYS)
    if found is None:
        return None
    return f"{page.url} scrolls sideways by {found['overflow']}px: " + "; ".join(found["elements"])


def fits_the_screen(page):
    problem = sideways_scroll(page)
    assert problem is None, problem


_axe = Axe()


def axe_violations(page, options=WCAG_21_AA):
    """None when axe-core finds no violation (WCAG 2.1 AA unless `options` say otherwise) on the page as it is now,
    else its report."""
    page.wait_for_load_state("domcontentloaded")
    results = _axe.run(page, options=options)
    return None if results.violations_count == 0 else f"{page.url}\n{results.generate_report()}"


@pytest.fixture
def accessible():
    """`accessible(page)` asserts that the page as it is now has no WCAG 2.1 AA violations."""
    checked = []

    def check(page):
        report = axe_violations(page)
        checked.append(page.url)
        assert report is None, report

    check.pages = checked
    return check


@pytest.fixture
def log_in(page, live_server):
    """`log_in(user)`: a fresh browser session, logged in through the real login form."""

    def login(user):
        log_in_on(page, live_server.url, user)

    return login


def log_in_on(page, base_url, user):
    """Logs `user` in on `page` (any browser context) through the real login form, after clearing its cookies."""
    from django.urls import reverse
    from playwright.sync_api import expect

    from inzet.factories import PASSWORD

    page.context.clear_cookies()
    page.goto(base_url + reverse("account_login"))
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("form[action$='/logout/'] button[type=submit]")).to_be_attached()
