"""The project's addresses, with a stand-in for the portal's publication page while the portal
is not in this checkout: the push sends that page's address, which the tests check.

With the portal's page in knowledge/urls.py, the stand-in is not added and this is the project's
own URLconf with the knowledge namespace listed first.
"""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path

from config.urls import urlpatterns as project_patterns
from knowledge.urls import urlpatterns as knowledge_patterns


def publication_stand_in(request, pk):
    return HttpResponse()


if not any(getattr(pattern, "name", None) == "publication" for pattern in knowledge_patterns):
    knowledge_patterns = [
        *knowledge_patterns,
        path("knowledge/<int:pk>/", publication_stand_in, name="publication"),
    ]

# First, so that `knowledge:` names this namespace rather than the project's.
urlpatterns = [
    *i18n_patterns(path("", include((knowledge_patterns, "knowledge")))),
    *project_patterns,
]
