from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "tracker.sources"
    verbose_name = "Sources: outlets, feeds and articles"
