from django.contrib import admin
from django.urls import include, path

from tracker.web.api import api

admin.site.site_header = "Case tracker"
admin.site.site_title = "Case tracker admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("tracker.web.urls")),
    path("subscriptions/", include("tracker.digests.urls")),
]
