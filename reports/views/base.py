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
        version = selectors.language_version(self.review, self.kwargs["language"])
        if version is None:
            raise Http404
        return version


class ReportPageMixin(ReviewPageMixin, ManageReportMixin):
    """A secretariat page of the report whose body is kept until the review's data changes."""
