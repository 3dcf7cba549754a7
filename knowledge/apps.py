from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge platform")

    def ready(self):
        from core.versions import track_review_part
        from knowledge import rules, signals  # noqa: F401 - permissions, source refresh
        from knowledge.push import hooks  # noqa: F401 - push to an external platform
        from reviews.navigation import register_tab

        register_tab(
            name="publishing",
            label=_("Publishing"),
            url_name="knowledge:manage",
            permission="knowledge.manage_publications",
            order=97,
        )
        track_review_part(self.get_model("Publication"), public=True)
        track_review_part(self.get_model("PublicationEvent"), "publication.review_id")
