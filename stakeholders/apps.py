from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = _("Stakeholders and participants")

    def ready(self):
        from core.versions import track, track_review_part
        from reviews.checklist import register_evaluator
        from reviews.navigation import register_tab
        from reviews.participation import register_participation
        from stakeholders import checklist, profiles
        from stakeholders.registration import approved_review_ids

        register_tab(
            name="events",
            label=_("Registrations"),
            url_name="stakeholders:events",
            permission="reviews.manage_review",
            order=85,
        )
        # Documents shared with participants, and consultation comments, admit approved
        # registrants of the review.
        register_participation(approved_review_ids)
        register_evaluator("stakeholders-involved")(checklist.stakeholders_involved)
        register_evaluator("stakeholder-modalities")(checklist.stakeholder_modalities)

        # The public registration page shows the events, and the public participant list the
        # approved registrations; a profile (a name, who may see it) shows on the participant
        # lists of every review its person takes part in.
        track_review_part(self.get_model("Event"), public=True)
        track_review_part(
            self.get_model("Registration"), "event.review_id", public=True, owner="user_id"
        )
        track(self.get_model("Profile"), profiles.scopes_showing)

        from stakeholders import setup_funding

        setup_funding.connect(self)
