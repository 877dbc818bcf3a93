from django.apps import AppConfig


class CrossrefConfig(AppConfig):
    name = "tracker.crossref"
