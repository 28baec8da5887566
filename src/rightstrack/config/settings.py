"""Django settings, read from the environment (see ``rightstrack.config.knobs`` for the list).

SQLite in ``RIGHTSTRACK_DATA_DIR`` is the default; ``DATABASE_URL`` selects any other database
(``postgres://user@host:5432/name``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext

from rightstrack.config.env import SettingError, env_bool, env_int, env_list, env_path, env_str

django_stubs_ext.monkeypatch()  # lets admin classes be written ModelAdmin[Model] at run time

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = env_path("RIGHTSTRACK_DATA_DIR", Path.cwd() / "var")

DEBUG = env_bool("RIGHTSTRACK_DEBUG", False)
DEVELOPMENT_SECRET_KEY = "rightstrack-insecure-development-key-change-me-in-production"
# The development key serves the test suite, the CLI and `rightstrack serve` on loopback; the WSGI
# application (gunicorn) refuses to start with it unless RIGHTSTRACK_DEBUG is on (config/wsgi.py).
SECRET_KEY = os.environ.get("SECRET_KEY") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rightstrack.documents",
    "rightstrack.recommendations",
    "rightstrack.assessments",
    "rightstrack.actionplans",
    "rightstrack.treaties",
    "rightstrack.portal",
    "rightstrack.api",
    "rightstrack.reports",
    "rightstrack.assist",
    "rightstrack.evidence",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "django_tasks_db",
    "rightstrack.web",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rightstrack.assessments.middleware.HistoryActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "rightstrack.config.throttling.SiteThrottleMiddleware",
    "rightstrack.config.busy.BusyDatabaseMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it turns a sign-in lockout into its answer
]

ROOT_URLCONF = "rightstrack.config.urls"
WSGI_APPLICATION = "rightstrack.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rightstrack.portal.context.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", "") or f"sqlite:///{DATA_DIR / 'rightstrack.sqlite3'}",
        conn_max_age=60,
    )
}
# The data folder is made by `rightstrack migrate` (cli/main.py), never by reading these settings: a
# command run in the wrong folder says which database it looked for and leaves no empty var/ behind.
_ENGINE = DATABASES["default"]["ENGINE"]
if _ENGINE == "django.db.backends.postgresql" and not importlib.util.find_spec("psycopg"):
    raise SettingError(
        "DATABASE_URL names a PostgreSQL database but its driver is not installed: "
        "pip install 'rightstrack[postgres]' (psycopg)"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the site read while an import writes; IMMEDIATE avoids lock upgrades mid-import.
    # Reads through a memory map (shared with the OS page cache, not copied per process) and a 32 MB
    # page cache: a keyword search touching 33,000 rows of a 270k database took 35 ms, now 25.
    # A writer waits up to RIGHTSTRACK_SQLITE_TIMEOUT seconds for another one (an import) to finish;
    # past that the site answers 503 "busy, retry" (config/busy.py), the CLI says so.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": env_int("RIGHTSTRACK_SQLITE_TIMEOUT", 30),
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-32768;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Imports take turns (documents/locking.py): a second one waits this long for the first, then says busy.
RIGHTSTRACK_IMPORT_WAIT_SECONDS = env_int("RIGHTSTRACK_IMPORT_WAIT_SECONDS", 600)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# WhiteNoise serves the static files from the application (no separate file server needed); it finds
# them in the apps when `collectstatic` has not been run (development, tests).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
if DATA_DIR.is_dir():  # WhiteNoise looks there first (collectstatic fills it); migrate makes DATA_DIR
    with contextlib.suppress(OSError):
        STATIC_ROOT.mkdir(exist_ok=True)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("RIGHTSTRACK_BEHIND_PROXY", False) else None
)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("RIGHTSTRACK_SECURE_COOKIES", False)
SECURE_HSTS_SECONDS = env_int("RIGHTSTRACK_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("RIGHTSTRACK_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("RIGHTSTRACK_HSTS_PRELOAD", False)
# Plain-HTTP requests are sent to HTTPS (nginx does it too); /healthz answers a local probe over HTTP.
SECURE_SSL_REDIRECT = env_bool("RIGHTSTRACK_SSL_REDIRECT", SESSION_COOKIE_SECURE)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/portal/"
LOGOUT_REDIRECT_URL = "/"
LOCALE_PATHS = [BASE_DIR / "locale"]

# Every page says where its scripts, styles and images may come from: this site only.
SECURE_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

# E-mail (invitations, reminders): printed on the console unless an SMTP server is configured.
_MAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _MAIL_BACKEND,
        "OPTIONS": (
            {"host": env_str("EMAIL_HOST", "localhost"), "port": env_int("EMAIL_PORT", 25)}
            if _MAIL_BACKEND.endswith("smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "RightsTrack <rightstrack@localhost>")

# The client's address: REMOTE_ADDR, or behind RIGHTSTRACK_PROXY_COUNT trusted proxies (nginx: 1) the
# address that many hops from the right of RIGHTSTRACK_PROXY_HEADER (config/clients.py).
RIGHTSTRACK_PROXY_COUNT = env_int("RIGHTSTRACK_PROXY_COUNT", 0)
RIGHTSTRACK_PROXY_HEADER = env_str("RIGHTSTRACK_PROXY_HEADER", "X-Forwarded-For")

# Sign-in throttling (django-axes, counted in the database so every gunicorn process sees them): after
# this many failures for one account from one address, or from one address for any accounts, sign-in
# (the page, the admin, /api/token/) is refused for the window.
LOGIN_FAILURES_ALLOWED = env_int("RIGHTSTRACK_LOGIN_FAILURES", 5)
LOGIN_LOCKOUT_SECONDS = env_int("RIGHTSTRACK_LOGIN_LOCKOUT_SECONDS", 900)
AUTHENTICATION_BACKENDS = [
    "rightstrack.config.signin.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = LOGIN_FAILURES_ALLOWED  # the failure that reaches it is answered; the next refused
AXES_COOLOFF_TIME = timedelta(seconds=LOGIN_LOCKOUT_SECONDS)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "rightstrack.config.clients.client_ip"
AXES_LOCKOUT_CALLABLE = "rightstrack.config.signin.lockout_response"
AXES_VERBOSE = False
# Password-reset e-mails: at most this many per address and per account in the window.
PASSWORD_RESETS_ALLOWED = env_int("RIGHTSTRACK_PASSWORD_RESETS", 3)
PASSWORD_RESET_WINDOW_SECONDS = env_int("RIGHTSTRACK_PASSWORD_RESET_WINDOW_SECONDS", 3600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("RIGHTSTRACK_PASSWORD_MIN_LENGTH", 10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# API tokens expire this many days after they were issued; a password change deletes them.
API_TOKEN_DAYS = env_int("RIGHTSTRACK_API_TOKEN_DAYS", 30)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rightstrack.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Anonymous clients, counted per address in the shared cache (config/throttling.py): all reads,
    # and searches by meaning (an embedding each) on their own, tighter budget.
    "DEFAULT_THROTTLE_CLASSES": [
        "rightstrack.config.throttling.AnonymousApiThrottle",
        "rightstrack.config.throttling.SemanticSearchApiThrottle",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "RightsTrack API",
    "DESCRIPTION": "Recommendations, reviews, stakeholders and published assessments; "
    "contributors write assessments with a token.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Background work (imports, reports...) through Django's task framework: a database-backed queue
# with `rightstrack worker` by default; `rq` sends it to Redis (RQ) for several workers on several
# machines; `immediate` runs it at once in the caller (tests, one-off scripts).
TASK_QUEUE = env_str("RIGHTSTRACK_TASKS", "database")
# Machine help (embeddings, label suggestions, links) queued after every import that changed
# recommendations; the embedder: "auto" (the multilingual encoder when installed), "use" or "hashing".
RIGHTSTRACK_MACHINE_HELP = env_bool("RIGHTSTRACK_MACHINE_HELP", True)
RIGHTSTRACK_EMBEDDER = env_str("RIGHTSTRACK_EMBEDDER", "auto")
# gunicorn processes load the encoder and the vectors before serving (config/wsgi.py), not during a
# visitor's first search by meaning.
RIGHTSTRACK_WARM_SEARCH = env_bool("RIGHTSTRACK_WARM_SEARCH", True)
if RIGHTSTRACK_EMBEDDER not in {"auto", "use", "hashing"}:
    raise SettingError(f"RIGHTSTRACK_EMBEDDER={RIGHTSTRACK_EMBEDDER!r}: expected auto, use or hashing")
if TASK_QUEUE == "rq":
    if not importlib.util.find_spec("django_tasks_rq"):
        raise SettingError(
            "RIGHTSTRACK_TASKS=rq but the Redis queue is not installed: "
            "pip install 'rightstrack[rq]' (django-tasks-rq, rq, redis)"
        )
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": env_str("REDIS_URL", "redis://127.0.0.1:6379/0")}}
elif TASK_QUEUE == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
elif TASK_QUEUE == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
else:
    raise SettingError(f"RIGHTSTRACK_TASKS={TASK_QUEUE!r}: expected database, rq or immediate")

# Shared by every gunicorn process on the machine (files under the data folder): throttling counters,
# cached facets and dashboards; "reports" holds rendered reports, one per data version (reports/cache.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "default"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "reports": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "reports"),
        "TIMEOUT": 7 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
# Throttles for anonymous clients, per address (config/throttling.py): report downloads and searches
# by meaning on the site and the API, and every API request.
RIGHTSTRACK_THROTTLE_API = env_str("RIGHTSTRACK_THROTTLE_API", "1200/min")
RIGHTSTRACK_THROTTLE_REPORTS = env_str("RIGHTSTRACK_THROTTLE_REPORTS", "30/min")
RIGHTSTRACK_THROTTLE_SEMANTIC = env_str("RIGHTSTRACK_THROTTLE_SEMANTIC", "30/min")
# /healthz fails when a queued task has waited longer than this (no worker takes them).
RIGHTSTRACK_HEALTH_QUEUE_SECONDS = env_int("RIGHTSTRACK_HEALTH_QUEUE_SECONDS", 900)

# Every error the site answers with is logged with its request (method, path, user) to stderr, and to
# RIGHTSTRACK_LOG_FILE when set.
_LOG_FILE = env_str("RIGHTSTRACK_LOG_FILE", "")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "rightstrack.config.logs.RequestFields"}},
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(method)s %(path)s user=%(user)s] %(message)s"
        }
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "filters": ["request"],
            "formatter": "plain",
        },
        **(
            {
                "file": {
                    "class": "logging.handlers.WatchedFileHandler",
                    "filename": _LOG_FILE,
                    "filters": ["request"],
                    "formatter": "plain",
                }
            }
            if _LOG_FILE
            else {}
        ),
    },
    "root": {"handlers": ["stderr", *(["file"] if _LOG_FILE else [])], "level": "WARNING"},
    "loggers": {
        "django": {"level": "WARNING", "propagate": True},
        "rightstrack": {"level": "INFO", "propagate": True},
        "axes": {"level": "WARNING", "propagate": True},
        "weasyprint": {"level": "ERROR", "propagate": True},  # font notes on every PDF
    },
}

# Where `rightstrack fetch` downloads from: templates with {symbol} or {state} (ISO alpha-3).
RIGHTSTRACK_UN_DOCUMENTS_URL = env_str(
    "RIGHTSTRACK_UN_DOCUMENTS_URL", "https://documents.un.org/api/symbol/access?s={symbol}&l=en&t=pdf"
)
RIGHTSTRACK_UHRI_EXPORT_URL = env_str(
    "RIGHTSTRACK_UHRI_EXPORT_URL", "https://uhri.ohchr.org/en/export/recommendations?country={state}"
)
