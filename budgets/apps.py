from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "budgets"
    verbose_name = _("Budgets")

    def ready(self):
        from django.urls import reverse

        from budgets.checklist import ldc_travel
        from reviews.checklist import register_evaluator
        from reviews.navigation import register_cycle_link

        register_evaluator("ldc-travel")(ldc_travel)
        register_cycle_link(
            name="budgets",
            label=_("Budgets"),
            url=lambda cycle: f"{reverse('budgets:list')}?cycle={cycle.slug}",
            permission="budgets.see_budget",
            order=10,
        )
