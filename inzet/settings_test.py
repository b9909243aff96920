"""Test overrides: fast hashing, tasks at once, mail in memory. The database comes from DATABASE_URL as usual."""

import os

os.environ.setdefault("SECRET_KEY", "inzet-tests")
os.environ.setdefault("TASKS_BACKEND", "immediate")

from inzet.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
ACCOUNT_RATE_LIMITS = False
LANGUAGE_CODE = "nl"
# Hundreds of test requests come from one address; throttling has its own test with its own rates.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/min", "user": "100000/min"}}  # noqa: F405
# Every test sees the figures of its own data.
INZET_HOME_FIGURES_CACHE_SECONDS = 0
