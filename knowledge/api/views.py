"""The open data API: what the knowledge platform publishes, read-only, for anyone.

Every list and item is read from public publications only (knowledge.selectors), answered in the
language asked for, and kept in the cache until the public data changes: a withdrawal is gone
from the next answer.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from core.fragments import TIMEOUT
from core.versions import EVERYTHING, PUBLIC, versions_and
from knowledge.api import selectors, serializers
from knowledge.api.schema import LANGUAGE_PARAMETER, OpenDataSchema
from knowledge.enums import PublicationKind
from knowledge.filters import PublicationFilter
from knowledge.selectors import objectives_with_public_counts


class OpenDataPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    """Anonymous reading, in the language asked for, kept until the public data changes."""

    authentication_classes = []
    permission_classes = [AllowAny]
    pagination_class = OpenDataPagination
    schema = OpenDataSchema()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # The API is outside i18n_patterns: the language comes from ?lang= or Accept-Language.
        translation.activate(self.reader_language(request))

    def reader_language(self, request) -> str:
        code = request.query_params.get(LANGUAGE_PARAMETER)
        if code is None:
            return translation.get_language_from_request(request._request)
        if code not in dict(settings.LANGUAGES):
            raise ValidationError(
                {
                    LANGUAGE_PARAMETER: [
                        _("Unknown language: use one of ar, zh-hans, en, fr, ru, es.")
                    ]
                }
            )
        return code

    def list(self, request, *args, **kwargs):
        return self.kept(request, super().list, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self.kept(request, super().retrieve, *args, **kwargs)

    def kept(self, request, answer, *args, **kwargs):
        """The answer, as it was sent, from the cache while the public data it was made from is
        current (a long list of texts is costly to encode again).

        Only parameters that change the answer are in the key, so made-up ones cannot fill the
        cache; the host is, as the answers hold absolute addresses.
        """
        key = self.cache_key(request)
        current, entry = versions_and([PUBLIC, EVERYTHING], key)
        if entry is not None and entry[0] == current:
            return HttpResponse(entry[1], content_type=entry[2])
        response = answer(request, *args, **kwargs)
        if response.status_code == 200:
            self._keep = (key, current)
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        keep = getattr(self, "_keep", None)
        if keep is not None and isinstance(response, Response):
            key, current = keep
            response.render()
            cache.set(key, (current, response.content, response["Content-Type"]), TIMEOUT)
        return response

    def cache_key(self, request) -> str:
        meaningful = self.answer_parameters()
        query = sorted(
            (name, value) for name in meaningful for value in request.query_params.getlist(name)
        )
        varying = repr((self.basename, self.action, sorted(self.kwargs.items()), query))
        origin = f"{request.scheme}://{request.get_host()}"
        digest = hashlib.sha256(f"{origin}|{varying}".encode()).hexdigest()[:40]
        return f"api:{translation.get_language()}:{digest}"

    def answer_parameters(self) -> set[str]:
        pagination = self.pagination_class
        return {pagination.page_query_param, pagination.page_size_query_param}


class PublicationViewSet(OpenDataViewSet):
    """Published reports, inputs and documents together, newest first."""

    serializer_class = serializers.PublicationSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = PublicationFilter
    kind: str | None = None

    def get_queryset(self):
        return selectors.publications_for_api(self.kind)

    def answer_parameters(self) -> set[str]:
        return super().answer_parameters() | set(PublicationFilter.base_filters)


class ReportViewSet(PublicationViewSet):
    """Published language versions of outcome reports."""

    serializer_class = serializers.ReportSerializer
    kind = PublicationKind.REPORT


class SubmissionViewSet(PublicationViewSet):
    """Published inputs to the reviews (Member States' reviews, regional organisations,
    stakeholders); each one's answer has its text."""

    serializer_class = serializers.SubmissionSerializer
    kind = PublicationKind.SUBMISSION

    # A list holds up to 200 inputs: each one's text is in its own answer.
    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.SubmissionDetailSerializer
        return super().get_serializer_class()

    def get_queryset(self):
        publications = super().get_queryset()
        return publications.with_text() if self.action == "retrieve" else publications


class DocumentViewSet(PublicationViewSet):
    """Published documents of the reviews."""

    serializer_class = serializers.DocumentSerializer
    kind = PublicationKind.DOCUMENT


class ReviewViewSet(OpenDataViewSet):
    """Public regional reviews, with what is published of each."""

    serializer_class = serializers.ReviewSerializer

    def get_queryset(self):
        return selectors.public_reviews_with_items()


class ObjectiveViewSet(OpenDataViewSet):
    """The 23 objectives of the Global Compact, with how many public publications address each."""

    serializer_class = serializers.ObjectiveSerializer
    lookup_field = "number"

    def get_queryset(self):
        return objectives_with_public_counts()


class OpenApiSchemaView(SpectacularAPIView):
    """The OpenAPI schema of this API, as YAML or (?format=json) JSON."""

    authentication_classes = []
    permission_classes = [AllowAny]
    # Made from the code alone (about a quarter of a second): kept per language for the life
    # of the process.
    _made: dict[str, dict] = {}

    def _get_schema_response(self, request):
        language = translation.get_language()
        if language not in self._made:
            self._made[language] = super()._get_schema_response(request).data
        return Response(self._made[language])


class ApiDocsView(SpectacularSwaggerSplitView):
    """The schema to read and try in the browser (Swagger UI, its files served from this site)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    url_name = "api:schema"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if "script" not in request.GET:
            # The page's few inline style rules get this response's CSP nonce, as ours do.
            tag = f'<style nonce="{get_nonce(request)}">'.encode()
            response.add_post_render_callback(
                lambda rendered: setattr(
                    rendered, "content", rendered.content.replace(b"<style>", tag, 1)
                )
            )
        return response
