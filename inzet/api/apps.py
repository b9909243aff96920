from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "inzet.api"
    label = "api"
    verbose_name = "API"
