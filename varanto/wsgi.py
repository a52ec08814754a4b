import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "varanto.settings")
application = get_wsgi_application()

# Public pages already rendered for the latest publication skip Django altogether (varanto/public/wsgi.py).
from varanto.public.wsgi import serve_published_pages  # noqa: E402  (needs the settings loaded above)

application = serve_published_pages(application)
