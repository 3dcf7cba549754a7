from django.http import Http404
from django.utils.functional import cached_property

from reports import selectors
from reviews.views.base import ManageReviewMixin, ReviewPageMixin


class ManageReportMixin(ManageReviewMixin):
    """A secretariat page or action of the review's report; the permission object is the review."""

    permission_required = "reports.manage_report"
    write_permission_required = "reports.manage_report"

    @cached_property
    def report(self):
        report = selectors.report_of(self.review)
        if report is None:
            raise Http404
        return report

    @cached_property
    def language_version(self):
        version = selectors.managed_language_version(
            self.request.user, self.kwargs[self.review_url_kwarg], self.kwargs["language"]
        )
        if version is None:
            raise Http404
        return version


class LanguageVersionActionMixin(ManageReportMixin):
    """An action on one language version, which it always reads: the version is found with its
    report and review in one query, and the review is the permission object."""

    def get_permission_object(self):
        return self.language_version.report.review


class ReportPageMixin(ReviewPageMixin, ManageReportMixin):
    """A secretariat page of the report whose body is kept until the review's data changes.

    On a language version's page the permission object stays the review alone: a body kept for
    the version's address proves the version exists (adding or removing one moves the review's
    data version), so the version is loaded only when the body is rendered.
    """
