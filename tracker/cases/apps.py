from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tracker.cases"
    verbose_name = "Cases and vocabulary"
