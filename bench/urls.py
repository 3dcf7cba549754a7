from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from bench.views import bare
from config.urls import urlpatterns as application_urlpatterns

urlpatterns = [
    *i18n_patterns(path("bench/bare/", bare, name="bench_bare"), prefix_default_language=True),
    *application_urlpatterns,
]
