"""The floor the benchmark measures the site against: a bare Django project of one view, with
no middleware, no database and no templates, served by the same gunicorn command as the site
(`gunicorn demo.bench.hello:application`). Whatever the site answers slower than this is the
site's own cost. It has settings of its own, so it imports nothing of the site's."""

import secrets

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path


def hello(request):
    return JsonResponse({"hello": "world"})


urlpatterns = [path("", hello)]

settings.configure(
    DEBUG=False,
    SECRET_KEY=secrets.token_urlsafe(50),
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
    DATABASES={},
    USE_I18N=False,
)
django.setup()
application = get_wsgi_application()
