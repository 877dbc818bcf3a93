"""The admin login, rate limited: after LOGIN_FAILURE_LIMIT failed attempts within LOGIN_FAILURE_WINDOW
from one IP address, or for one username, further attempts are refused with a clear message until the
window passes. Counts live in the shared cache (CACHE_URL), so every web process sees the same ones."""

from __future__ import annotations

import hashlib

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError

LOGIN_FAILURE_LIMIT = 5
LOGIN_FAILURE_WINDOW = 15 * 60  # seconds


def _keys(request, username: str) -> list[str]:
    ip = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    name = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    return [f"curation:login-failures:ip:{ip}", f"curation:login-failures:user:{name}"]


def is_blocked(request, username: str) -> bool:
    return any(cache.get(key, 0) >= LOGIN_FAILURE_LIMIT for key in _keys(request, username))


def record_failure(request, username: str) -> None:
    for key in _keys(request, username):
        cache.add(key, 0, timeout=LOGIN_FAILURE_WINDOW)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=LOGIN_FAILURE_WINDOW)


class RateLimitedAuthenticationForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "rate_limited": "Too many failed logins. Wait %(minutes)d minutes, then try again.",
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if is_blocked(self.request, username):
            raise ValidationError(
                self.error_messages["rate_limited"],
                code="rate_limited",
                params={"minutes": LOGIN_FAILURE_WINDOW // 60},
            )
        try:
            return super().clean()
        except ValidationError:
            record_failure(self.request, username)
            raise
