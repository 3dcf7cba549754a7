from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Regional reviews")

    def ready(self):
        from core.versions import EVERYTHING, PUBLIC, track, track_review_part
        from reviews import evaluators  # noqa: F401 — registers the checklist evaluators
        from reviews.navigation import register_tab

        for order, (name, label) in enumerate(
            [
                ("dashboard", _("Dashboard")),
                ("edit", _("Meeting")),
                ("roadmap", _("Roadmap")),
                ("roundtables", _("Round tables")),
                ("programme", _("Programme")),
                ("checklist", _("Checklist")),
                ("documents", _("Documents")),
            ]
        ):
            register_tab(
                name=name,
                label=label,
                url_name=f"reviews:{name}",
                permission="reviews.manage_review",
                order=10 * (order + 1),
            )
        register_tab(
            name="review",
            label=_("Public page"),
            url_name="reviews:review",
            permission="reviews.see_review",
            order=1000,
        )

        # Public pages show every part of a review but its checklist.
        track(self.get_model("ReviewCycle"), lambda cycle: (EVERYTHING, PUBLIC))
        track_review_part(self.get_model("RegionalReview"), "pk", public=True)
        for name in ("RoadmapPhase", "Roundtable", "Session", "ReviewDocument"):
            track_review_part(self.get_model(name), public=True)
        track_review_part(self.get_model("ReviewStatusChange"), public=True)
        track_review_part(self.get_model("Speaker"), "session.review_id", public=True)
        for name in ("DocumentVersion", "DocumentComment"):
            track_review_part(self.get_model(name), "document.review_id", public=True)
        track_review_part(self.get_model("ChecklistItem"))
