"""The report as it is read: the secretariat's print preview, and the published report."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import CachedContentMixin, cached_fragment
from core.versions import PUBLIC, review_scope
from reports.document import report_document
from reports.enums import ReportStatus
from reports.selectors import language_version, published_versions
from reports.views.base import ManageReportMixin
from reviews.selectors import reviews_visible_to


class ReportPrintView(ManageReportMixin, TemplateView):
    """The printed report of one language version as HTML, as the PDF is made from it.

    Any version, pending translations included (their cover says so), for the secretariat. The
    printed report is made to be published: its annex names only the participants who share
    their name with everyone, whoever previews it; so one copy serves every secretariat reader
    until the review's data changes.
    """

    template_name = "reports/print/report.html"

    def get(self, request, *args, **kwargs):
        language = self.language_version.language

        def render() -> str:
            with translation.override(language):
                document = report_document(self.report, language, AnonymousUser())
                return render_to_string(self.template_name, {"document": document})

        html = cached_fragment(
            request,
            "reports.print_preview",
            scopes=[review_scope(self.review.pk)],
            vary=[self.review.pk, language],
            render=render,
        )
        return HttpResponse(html)


class PublishedReportView(CachedContentMixin, PermissionRequiredMixin, TemplateView):
    """A final language version of a published report, for everyone who may see the review.

    A pending translation is not published: its address answers 404. The annex lists only the
    names their participants share with everyone, as the report is a public document.
    """

    permission_required = "reports.read_report"
    public = True
    template_name = "reports/published.html"

    def get_permission_object(self):
        return get_object_or_404(
            reviews_visible_to(self.request.user).select_related(None), pk=self.kwargs["pk"]
        )

    @cached_property
    def version(self):
        version = language_version(self.permission_object, self.kwargs["language"])
        if (
            version is None
            or not version.is_final
            or version.report.status != ReportStatus.PUBLISHED
        ):
            raise Http404
        return version

    def get(self, request, *args, **kwargs):
        self.version  # noqa: B018 - 404 before anything is rendered
        return super().get(request, *args, **kwargs)

    def content_scopes(self):
        return [PUBLIC, review_scope(self.permission_object.pk)]

    def content_vary(self):
        return [self.permission_object.pk, self.version.language]

    def get_content_context(self):
        report = self.version.report
        return {
            "document": report_document(report, self.version.language, AnonymousUser()),
            "versions": published_versions(report),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            review=self.permission_object, version=self.version, **kwargs
        )
