"""The case tracker: follow a court case and the controversy around it through the news."""

from tracker.celery import app as celery_app

__all__ = ["celery_app"]
