"""Public views. Until the timeline exists, the home page sends people to the admin."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET


@require_GET
def home(request):
    return redirect("admin:index")


@require_GET
def health(request):
    """A cheap page for process managers and CI: the app is up and can read its database."""
    from tracker.cases.models import Case

    return JsonResponse({"ok": True, "cases": Case.objects.count()})
