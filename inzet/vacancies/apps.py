from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VacanciesConfig(AppConfig):
    name = "inzet.vacancies"
    label = "vacancies"
    verbose_name = _("Vacaturebank")
