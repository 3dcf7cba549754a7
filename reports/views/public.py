"""The secretariat's print preview of the report (the public reads it on the knowledge platform)."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.generic import TemplateView

from core.fragments import cached_fragment
from core.versions import review_scope
from reports.document import report_document
from reports.views.base import LanguageVersionActionMixin


class ReportPrintView(LanguageVersionActionMixin, TemplateView):
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
