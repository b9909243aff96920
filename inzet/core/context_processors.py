from django.conf import settings
from django.utils.functional import SimpleLazyObject

from inzet.accounts.selectors import roles_for_user


def platform(request):
    return {
        "site_name": settings.SITE_NAME,
        # Lazy, so pages that never show navigation by role pay no queries for it.
        "roles": SimpleLazyObject(lambda: roles_for_user(request.user)),
    }
