from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("Outbox")

    def ready(self):
        from core.versions import track_review_part
        from reviews.navigation import register_tab

        register_tab(
            name="outbox",
            label=_("Outbox"),
            url_name="outbox:messages",
            permission="reviews.manage_review",
            order=90,
        )
        track_review_part(self.get_model("OutboxMessage"))
