from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tracker.web"

    def ready(self):
        from tracker.web import receivers  # noqa: F401  (connects events_changed: retires cached pages)
