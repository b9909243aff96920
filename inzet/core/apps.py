from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "inzet.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self):
        # The one registry of named permissions (DESIGN.md §4).
        from inzet.core import permissions  # noqa: F401
