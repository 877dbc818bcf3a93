from django.apps import AppConfig


class DocketsConfig(AppConfig):
    name = "tracker.dockets"
    verbose_name = "Court record"
