from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    name = "reference"
    verbose_name = _("Reference data")

    def ready(self):
        from core.versions import EVERYTHING, track

        # Reference facts show everywhere, public pages included.
        for model in self.get_models():
            track(model, lambda instance: (EVERYTHING,))
