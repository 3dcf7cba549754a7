from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_categories(sender, **kwargs):
    from budgets.services import install_builtin_categories

    install_builtin_categories()


class BudgetsConfig(AppConfig):
    name = "budgets"
    verbose_name = _("Budgets")

    def ready(self):
        from django.urls import reverse

        from budgets.checklist import ldc_travel
        from reviews.checklist import register_evaluator
        from reviews.navigation import register_cycle_link

        # The Annex 4 categories exist wherever the tables do, like the shipped outlines.
        post_migrate.connect(_install_categories, sender=self)
        register_evaluator("ldc-travel")(ldc_travel)
        register_cycle_link(
            name="budgets",
            label=_("Budgets"),
            url=lambda cycle: f"{reverse('budgets:list')}?cycle={cycle.slug}",
            permission="budgets.see_budget",
            order=10,
        )

        from core.versions import EVERYTHING, track

        # Review pages show what budgets decide (the LDC travel item of every checklist).
        for model in self.get_models():
            track(model, lambda instance: (EVERYTHING,))
