"""The report's own page: its status against the due date, and its language versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from reports import services
from reports.forms import AddLanguageForm, ReportStatusForm, StartReportForm, VersionKindForm
from reports.selectors import report_of
from reports.views.base import LanguageVersionActionMixin, ManageReportMixin, ReportPageMixin
from reviews.services import StatusChangeRefused


class ReportView(ReportPageMixin, TemplateView):
    template_name = "reports/report.html"

    def get_content_context(self):
        report = report_of(self.review)
        if report is None:
            return {"report": None, "start_form": StartReportForm()}
        versions = list(report.languages.all())
        due = self.review.report_due
        return {
            "report": report,
            "versions": versions,
            "due": due,
            "on_time": report.is_on_time(due),
            "status_form": ReportStatusForm(report=report),
            "language_form": AddLanguageForm(taken={v.language for v in versions}),
            "changes": report.status_changes.select_related("actor")[:20],
        }


class StartReportView(ManageReportMixin, View):
    def post(self, request, *args, **kwargs):
        form = StartReportForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose the language the report is written in."))
            return redirect("reports:report", pk=self.review.pk)
        report = services.start_report(
            review=self.review, language=form.cleaned_data["language"], actor=request.user
        )
        original = report.languages.get(kind="original")
        return redirect("reports:edit", pk=self.review.pk, language=original.language)


class ReportStatusView(ManageReportMixin, View):
    """The status buttons of the report page: one move of the report's state machine."""

    def post(self, request, *args, **kwargs):
        form = ReportStatusForm(request.POST, report=self.report)
        if not form.is_valid():
            messages.error(request, _("The page was out of date: look again, then try again."))
            return redirect("reports:report", pk=self.review.pk)
        try:
            change = services.set_report_status(
                report=self.report,
                status=form.cleaned_data["status"],
                actor=request.user,
                expected_status=form.cleaned_data["current"],
            )
        except StatusChangeRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _("The report is now “%(status)s”.") % {"status": change.get_to_status_display()},
            )
        return redirect("reports:report", pk=self.review.pk)


class AddLanguageView(ManageReportMixin, View):
    def post(self, request, *args, **kwargs):
        taken = set(self.report.languages.values_list("language", flat=True))
        form = AddLanguageForm(request.POST, taken=taken)
        if not form.is_valid():
            messages.error(request, _("Choose a language the report has no version in yet."))
            return redirect("reports:report", pk=self.review.pk)
        try:
            version = services.add_language_version(
                report=self.report, language=form.cleaned_data["language"], actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("reports:report", pk=self.review.pk)
        return redirect("reports:edit", pk=self.review.pk, language=version.language)


class VersionKindView(LanguageVersionActionMixin, View):
    """Mark a translation official, or pending again."""

    def post(self, request, *args, **kwargs):
        form = VersionKindForm(request.POST)
        if form.is_valid():
            try:
                services.set_version_kind(
                    version=self.language_version,
                    kind=form.cleaned_data["kind"],
                    actor=request.user,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The language version has been updated."))
        else:
            messages.error(request, _("Choose official translation or translation pending."))
        return redirect("reports:report", pk=self.review.pk)
