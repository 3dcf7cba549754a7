from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Regional reviews")

    def ready(self):
        from core.pagecache import invalidate_on_change
        from reviews import evaluators  # noqa: F401 — registers the checklist evaluators

        # Public pages show every part of a review but its checklist.
        invalidate_on_change(
            *(model for model in self.get_models() if model.__name__ != "ChecklistItem")
        )
