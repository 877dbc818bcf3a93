"""The admin login, rate limited without handing anyone a way to lock an account.

Failures are counted per (account, address): LOGIN_FAILURE_LIMIT of them within LOGIN_FAILURE_WINDOW
lock that account from that address only, so a stranger failing the `admin` password locks themselves
out, not the admin. An address failing many accounts (ADDRESS_FAILURE_LIMIT) is locked for all of
them; an account failing from many addresses is slowed down (LOGIN_SLOWDOWN_SECONDS per attempt once
ACCOUNT_SLOWDOWN_AFTER failures), never locked. Counts live in their own table (sources.limits), where
no cache culling resets them; the address is the client's, behind TRACKER_TRUSTED_PROXIES too."""

from __future__ import annotations

import time

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from tracker.sources import limits

LOGIN_FAILURE_LIMIT = 5  # per account and address
ADDRESS_FAILURE_LIMIT = 20  # per address, whatever the accounts
ACCOUNT_SLOWDOWN_AFTER = 10  # failures of one account from any address, then each attempt waits
LOGIN_SLOWDOWN_SECONDS = 1.0
LOGIN_FAILURE_WINDOW = 15 * 60  # seconds


def _keys(request, username: str) -> dict[str, str]:
    address = limits.client_address(request) if request is not None else ""
    return {
        "pair": limits.counter_key("login:pair", username, address),
        "address": limits.counter_key("login:address", address),
        "account": limits.counter_key("login:account", username),
    }


def is_blocked(request, username: str) -> bool:
    keys = _keys(request, username)
    return (
        limits.current_count(keys["pair"]) >= LOGIN_FAILURE_LIMIT
        or limits.current_count(keys["address"]) >= ADDRESS_FAILURE_LIMIT
    )


def is_slowed(request, username: str) -> bool:
    return limits.current_count(_keys(request, username)["account"]) >= ACCOUNT_SLOWDOWN_AFTER


def record_failure(request, username: str) -> None:
    for key in _keys(request, username).values():
        limits.count_hit(key, window=LOGIN_FAILURE_WINDOW)


def record_success(request, username: str) -> None:
    limits.reset(_keys(request, username)["pair"])


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
        if is_slowed(self.request, username):
            time.sleep(LOGIN_SLOWDOWN_SECONDS)
        try:
            cleaned = super().clean()
        except ValidationError:
            record_failure(self.request, username)
            raise
        record_success(self.request, username)
        return cleaned
