from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Case tracker"
admin.site.site_title = "Case tracker admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("tracker.web.urls")),
]
