from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge platform")

    def ready(self):
        from core.versions import track, track_review_part
        from knowledge import rules, signals  # noqa: F401 - permissions, source refresh
        from knowledge.portal import public_part_context
        from knowledge.push import hooks  # noqa: F401 - push to an external platform
        from knowledge.push.models import DELIVERIES
        from reviews.navigation import register_tab
        from reviews.publication import register_public_part

        register_tab(
            name="publishing",
            label=_("Publishing"),
            url_name="knowledge:manage",
            permission="knowledge.manage_publications",
            order=97,
        )
        # The review's public page says what is published of it, and links to the portal.
        register_public_part(
            name="publications",
            template_name="knowledge/includes/public_part.html",
            context=public_part_context,
            order=10,
        )
        track_review_part(self.get_model("Publication"), public=True)
        track_review_part(self.get_model("PublicationEvent"), "publication.review_id")
        track(self.get_model("Delivery"), lambda delivery: (DELIVERIES,))
