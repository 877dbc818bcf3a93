from django.apps import AppConfig


class CurationConfig(AppConfig):
    """Staff curation around the admin: the Curator group and the rate-limited admin login."""

    name = "tracker.curation"
    label = "curation"

    def ready(self):
        from django.contrib import admin

        from tracker.curation.login import RateLimitedAuthenticationForm

        admin.site.login_form = RateLimitedAuthenticationForm
