"""Make sure someone can log in to the admin, and say how (used by `make run`).

Creates the superuser "admin" only while no superuser exists, with TRACKER_ADMIN_PASSWORD or a random
password; a generated password is kept in var/admin-password.txt (mode 600) so later runs can print
it again. A password that no longer works (changed in the admin) is never printed.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

USERNAME = "admin"
PASSWORD_ENV = "TRACKER_ADMIN_PASSWORD"


@dataclass(frozen=True)
class AdminLogin:
    created: bool
    password: str = ""  # "" when no working password is known
    superusers: tuple[str, ...] = ()


def password_file() -> Path:
    return Path(settings.VAR_DIR) / "admin-password.txt"


def _write_secret(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    os.chmod(path, 0o600)  # in case the file existed with wider permissions


def ensure_admin(*, env_password: str = "") -> AdminLogin:
    """Create the "admin" superuser if there is no superuser at all; say what login is known."""
    users = get_user_model()
    path = password_file()
    with transaction.atomic():
        superusers = tuple(
            users.objects.filter(is_superuser=True).order_by("pk").values_list("username", flat=True)
        )
        if not superusers:
            password = env_password or secrets.token_urlsafe(12)
            users.objects.create_superuser(USERNAME, email="", password=password)
            if not env_password:
                _write_secret(path, password)
            return AdminLogin(created=True, password=password, superusers=(USERNAME,))
    admin = users.objects.filter(username=USERNAME, is_superuser=True).first()
    candidates = [env_password] if env_password else []
    if path.is_file():
        candidates.append(path.read_text(encoding="utf-8").strip())
    for candidate in candidates:
        if admin is not None and candidate and admin.check_password(candidate):
            return AdminLogin(created=False, password=candidate, superusers=superusers)
    return AdminLogin(created=False, superusers=superusers)


class Command(BaseCommand):
    help = 'Create the superuser "admin" when there is none, and print the admin login.'

    def handle(self, *args, **options) -> None:
        login = ensure_admin(env_password=os.environ.get(PASSWORD_ENV, ""))
        if login.created and not os.environ.get(PASSWORD_ENV):
            self.stdout.write(f"Created superuser {USERNAME}; password saved in {password_file()}")
        if login.password:
            self.stdout.write(f"Admin login: {USERNAME} / {login.password}")
        else:
            self.stdout.write(f"Admin login: existing superuser(s): {', '.join(login.superusers)}")
