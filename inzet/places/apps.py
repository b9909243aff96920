from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "inzet.places"
    label = "places"
    verbose_name = _("Plaatsen")
