from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from core.versions import person_scope, track, track_review_part
        from reports.printing import checks, rules  # noqa: F401 - system checks, permissions
        from reports.printing.kinds import register_all

        register_all()
        # "My documents" shows the person's own jobs.
        track(self.get_model("RenderJob"), lambda job: (person_scope(job.requested_by_id),))
        from reports import checklist
        from reviews.checklist import register_evaluator
        from reviews.navigation import register_tab

        register_tab(
            name="report",
            label=_("Report"),
            url_name="reports:report",
            permission="reports.manage_report",
            order=95,
        )
        register_evaluator("report-outcome")(checklist.report_outcome)
        register_evaluator("report-on-time")(checklist.report_on_time)
        register_evaluator("report-published")(checklist.report_published)
        register_evaluator("report-sections")(checklist.report_sections)

        track_review_part(self.get_model("Report"), public=True)
        track_review_part(self.get_model("ReportStatusChange"), "report.review_id", public=True)
        track_review_part(self.get_model("LanguageVersion"), "report.review_id", public=True)
        track_review_part(
            self.get_model("ReportSectionText"), "language_version.report.review_id", public=True
        )
        track_review_part(
            self.get_model("ReportSectionRevision"),
            "section_text.language_version.report.review_id",
        )
