from django.apps import AppConfig


class DigestsConfig(AppConfig):
    name = "tracker.digests"
    verbose_name = "Email digests"

    def ready(self):
        from tracker.digests import receivers

        receivers.connect()  # django-anymail's bounce webhooks, when anymail is installed
