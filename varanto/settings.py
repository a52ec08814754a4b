"""Varanto settings: one module, every deployment-specific value from the environment.

Environment variables (all optional for local use):
  DATABASE_URL      e.g. postgres://user@host:5432/varanto; default: SQLite file under var/
  SECRET_KEY        required when DEBUG is off in production; locally one is generated into var/
  DEBUG             "true" for development error pages (default false)
  ALLOWED_HOSTS     comma-separated host names (default: localhost names)
  PUBLIC_BASE_URL   absolute address of the public site, for request texts, DCAT and the API's links (default:
                    the address each request was sent to; outside a request http://127.0.0.1:8000)
  SEARCH_AGGREGATE_URL  a Varanto installation searching every organisation (its /haku/), where static
                    copies' search forms go (default: this site's own search)
  VARANTO_VAR_DIR   where the SQLite database, the secret key and logs live (default ./var)
  LOG_LEVEL         INFO by default
  SIGN_IN_FAILURE_LIMIT, SIGN_IN_LOCKOUT_MINUTES   sign-in throttling (default 5 failures, 15 minutes)
  EMAIL_URL         how mail is sent, e.g. smtp+tls://user:password@mail.example.org:587 (default: printed
                    to the console); DEFAULT_FROM_EMAIL the sender address. See the block "e-mail" below
  SECURE_*, SQLITE_BUSY_TIMEOUT, PUBLIC_EMBED_FRAME_ANCESTORS: see the blocks "deployment security",
                    "database" and "content security policy" below
"""

import datetime
import secrets
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent
env = environ.Env()

VAR_DIR = Path(env.str("VARANTO_VAR_DIR", default=str(Path.cwd() / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _local_secret_key() -> str:
    """A per-installation key kept outside the repository, made on first start."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="") or _local_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Empty: taken from each request (varanto.core.addresses.public_base_url).
PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="").rstrip("/")
# A Varanto installation that searches every organisation (its /haku/): static copies' search forms go there.
SEARCH_AGGREGATE_URL = env.str("SEARCH_AGGREGATE_URL", default="").rstrip("/")
# Headless Chromium that prints back-office reports to PDF (Debian's package; the browser tests use it too).
CHROMIUM_PATH = env.str("CHROMIUM", default="/usr/bin/chromium")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "varanto.core",
    "varanto.catalog",
    "varanto.interchange",
    "varanto.publications",
    "varanto.accounts",
    "varanto.search",
    "varanto.public",
    "varanto.backoffice",
    "varanto.api",
    "varanto.backup",
    "varanto.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "varanto.urls"
WSGI_APPLICATION = "varanto.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'varanto.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers continue while a publication or import is being written.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    # Writes take the write lock when their transaction begins, so a reader turned writer is never
    # refused mid-transaction; a writer waits its turn up to the busy timeout (seconds) instead of
    # failing with "database is locked" while a publication or import is written.
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"]["timeout"] = env.float("SQLITE_BUSY_TIMEOUT", default=30.0)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
FORMAT_MODULE_PATH = ["varanto.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise expects it even before collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "varanto.core.storage.StaticFilesStorage"},
}
# Serve app static files directly too, so tests and a fresh checkout need no collectstatic;
# hashed names are used once `collectstatic` has written the manifest.
WHITENOISE_USE_FINDERS = True
WHITENOISE_MANIFEST_STRICT = False

# --- deployment security ---
# Served over https (DEBUG off and PUBLIC_BASE_URL https): HSTS, redirect to https and cookies sent
# only over https, each overridable from the environment. Behind a TLS-terminating proxy, Django
# learns that a request came in over https from the header SECURE_PROXY_SSL_HEADER names (default
# X-Forwarded-Proto: https; the proxy must set it on every request, overwriting what a client sent;
# set it empty when Granian itself terminates TLS).
_HTTPS = not DEBUG and PUBLIC_BASE_URL.startswith("https://")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_HTTPS)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if _HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_HTTPS)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=_HTTPS)
_PROXY_SSL_HEADER = env.str("SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto" if _HTTPS else "")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _PROXY_SSL_HEADER.upper().replace("-", "_"), "https") if _PROXY_SSL_HEADER else None
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=_HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "varanto.public.errors.csrf_failure"  # in the visitor's language, like the other error pages
MIDDLEWARE.append("varanto.core.middleware.PrivatePagesNoStoreMiddleware")

# --- content security policy ---
# django-csp: scripts, styles and everything else from this site only, no inline script, style or event
# handler (they live in static files), no plugins, and no framing except the embeddable view, which
# the sites in PUBLIC_EMBED_FRAME_ANCESTORS may show in an iframe ("*": any site; or e.g.
# "https://www.imatra.fi"). A link injected into a description cannot run script on /hallinta/.
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "csp.middleware.CSPMiddleware")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
PUBLIC_EMBED_FRAME_ANCESTORS = env.list("PUBLIC_EMBED_FRAME_ANCESTORS", default=["*"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "readable": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s", "datefmt": "%Y-%m-%d %H:%M:%S"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "readable"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}

# --- imports ---
# Bounds on what an import reads (varanto/interchange/limits.py), so that no file can exhaust the
# server: the size of the file, what its zip (CSV zip, XLSX) unpacks to, how deep its JSON nests,
# and how many of a text page's warnings are listed.
IMPORT_MAX_FILE_MB = env.float("IMPORT_MAX_FILE_MB", default=20.0)
IMPORT_MAX_UNPACKED_MB = env.float("IMPORT_MAX_UNPACKED_MB", default=100.0)
IMPORT_MAX_JSON_DEPTH = env.int("IMPORT_MAX_JSON_DEPTH", default=32)
IMPORT_MAX_WARNINGS = env.int("IMPORT_MAX_WARNINGS", default=100)

# --- public ---
# The public site's in-process caches (varanto/public/cache.py): how often a worker asks the
# database whether an organisation has published again, and how many rendered pages it keeps.
PUBLIC_PUBLICATION_CHECK_SECONDS = env.float("PUBLIC_PUBLICATION_CHECK_SECONDS", default=2.0)
PUBLIC_PAGE_CACHE_SIZE = env.int("PUBLIC_PAGE_CACHE_SIZE", default=2000)
# First, so that a page rendered before is served without the rest of the middleware.
MIDDLEWARE.insert(0, "varanto.public.http.PublishedPageCacheMiddleware")

# --- api ---
# The REST API (/api/v1/, varanto/api): DRF with the OpenAPI 3.1 schema made by drf-spectacular
# from the canonical JSON Schema, and its browsable docs served from local files (sidecar).
INSTALLED_APPS += ["rest_framework", "django_filters", "drf_spectacular", "drf_spectacular_sidecar"]
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["varanto.api.parsers.BoundedJSONParser"],
    "EXCEPTION_HANDLER": "varanto.api.parsers.exception_handler",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Varanto API",
    "DESCRIPTION": (
        "Published descriptions of data resources (asiakirjajulkisuuskuvaus, Act 906/2019 §28): organisations, "
        "sections, data resources, systems, open data and publications, as the canonical format varanto.catalog/1 "
        "has them. Every answer carries an ETag; send it back in If-None-Match to get 304 until the next publication."
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the sidecar package, by plain static paths rather than "SIDECAR", so the docs
    # need no collectstatic manifest (WhiteNoise finds the files either way).
    "SWAGGER_UI_DIST": STATIC_URL + "drf_spectacular_sidecar/swagger-ui-dist",
    "SWAGGER_UI_FAVICON_HREF": STATIC_URL + "drf_spectacular_sidecar/swagger-ui-dist/favicon-32x32.png",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "varanto.api.schemas.add_components",
    ],
}

# --- sign-in throttling (accounts) ---
# django-axes counts failed sign-ins on the back office and /admin/ per user name and address
# together, so that someone guessing cannot lock the real user out from elsewhere; after
# SIGN_IN_FAILURE_LIMIT failures that pair is refused for SIGN_IN_LOCKOUT_MINUTES (each further
# try starts the wait again). `varanto axes_reset_username NAME` lifts a lockout early.
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AXES_FAILURE_LIMIT = env.int("SIGN_IN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("SIGN_IN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The address as the audit log has it (REMOTE_ADDR), not a header a client could set.
AXES_CLIENT_IP_CALLABLE = "varanto.accounts.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "varanto.accounts.lockout.lockout_response"
AXES_VERBOSE = False

# --- e-mail (notifications) ---
# Reminders to officials and notices to the public's subscribers go through Django's mail, configured
# by one EMAIL_URL: smtp://host:25, smtp+tls://user:password@host:587 (STARTTLS), smtp+ssl://host:465,
# consolemail:// (printed, the default for development), memorymail:// or dummymail://. Tests replace it
# with a real SMTP server of their own (varanto/testing/smtp.py).
_EMAIL = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _EMAIL["EMAIL_BACKEND"]
EMAIL_HOST = _EMAIL.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _EMAIL.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _EMAIL.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _EMAIL.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(_EMAIL.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(_EMAIL.get("EMAIL_USE_SSL"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="varanto@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# --- single sign-on (OpenID Connect: backoffice/sso, mozilla-django-oidc; docs/single-sign-on.md) ---
# On when OIDC_ISSUER and OIDC_CLIENT_ID are set; the endpoints come from the issuer's discovery
# document. Local passwords keep working beside it.
OIDC_ISSUER = env.str("OIDC_ISSUER", default="").rstrip("/")
OIDC_RP_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_CLIENT_SECRET", default="")
OIDC_PROVIDER_NAME = env.str("OIDC_PROVIDER_NAME", default="")  # on the sign-in button
OIDC_RP_SIGN_ALGO = env.str("OIDC_SIGN_ALGORITHM", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_SCOPES", default="openid email profile")
# The claim holding the user's groups or app roles, and which value gives which role where:
# "value=organisation-short-name:role,…"; the provider then decides the roles in those organisations.
OIDC_ROLE_CLAIM = env.str("OIDC_ROLE_CLAIM", default="groups")
OIDC_ROLE_MAP = env.dict("OIDC_ROLE_MAP", default={})
# An existing user is linked on first sign-in by e-mail only when the provider says it verified it
# (or OIDC_TRUST_EMAIL says every address it issues is the organisation's own).
OIDC_MATCH_EMAIL = env.bool("OIDC_MATCH_EMAIL", default=True)
OIDC_TRUST_EMAIL = env.bool("OIDC_TRUST_EMAIL", default=False)
OIDC_CREATE_USER = env.bool("OIDC_CREATE_USER", default=True)  # only when the role map gives a role
OIDC_USE_PKCE = True
OIDC_TIMEOUT = env.float("OIDC_TIMEOUT", default=10.0)
OIDC_AUTHENTICATION_CALLBACK_URL = "backoffice:sso_callback"
AUTHENTICATION_BACKENDS += ["varanto.backoffice.sso.backend.SsoBackend"]
