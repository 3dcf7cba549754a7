from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from core.versions import person_scope, track
        from reports.printing import checks, rules  # noqa: F401 - system checks, permissions
        from reports.printing.kinds import register_all

        register_all()
        # "My documents" shows the person's own jobs.
        track(self.get_model("RenderJob"), lambda job: (person_scope(job.requested_by_id),))
