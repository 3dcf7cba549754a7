from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_outlines(sender, **kwargs):
    from submissions.services import install_shipped_outlines

    install_shipped_outlines()


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Voluntary reviews and regional inputs")

    def ready(self):
        from reviews.navigation import register_tab

        # Shipped outlines exist wherever the tables do, like Django's own permissions.
        post_migrate.connect(_install_outlines, sender=self)
        register_tab(
            name="submissions",
            label=_("Submissions"),
            url_name="submissions:queue",
            permission="reviews.manage_review",
            order=80,
        )
        from core.versions import EVERYTHING, track, track_review_part

        for name in ("Outline", "OutlineSection"):
            track(self.get_model(name), lambda outline: (EVERYTHING,))
        track_review_part(self.get_model("Submission"), public=True)
        for name in (
            "SectionText",
            "ObjectiveProgress",
            "AuditEvent",
            "SecretariatComment",
            "Attachment",
        ):
            track_review_part(self.get_model(name), "submission.review_id")
        track_review_part(self.get_model("SectionRevision"), "section_text.submission.review_id")
