import re
from urllib.parse import urlparse

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth keeps rate-limit counters and used TOTP codes in the cache; no test may inherit another's."""
    cache.clear()
    yield
    cache.clear()


def link_in(message, path_fragment: str) -> str:
    """The path of the first link in an email's text body that contains `path_fragment`."""
    for url in re.findall(r"https?://\S+", message.body):
        if path_fragment in url:
            return urlparse(url).path
    raise AssertionError(f"no link with {path_fragment!r} in:\n{message.body}")
