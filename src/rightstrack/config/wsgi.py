import os

from django.core.wsgi import get_wsgi_application

from rightstrack.config.gc_tuning import tune_gc

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.config.settings")
application = get_wsgi_application()
tune_gc()
