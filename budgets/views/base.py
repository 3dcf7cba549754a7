"""What every page of one budget shares: finding it among those the user may see."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property

from accounts.permissions import PermissionRequiredMixin
from budgets import selectors
from budgets.models import Budget, BudgetVersion
from core.fragments import CachedContentMixin

BUDGET_PERMISSIONS = {
    "manage_budget": "budgets.manage_budget",
    "edit_budget": "budgets.edit_budget",
}


class BudgetMixin(PermissionRequiredMixin):
    """A page of one budget: every secretariat reads it; who changes what is each view's own."""

    permission_required = "budgets.see_budget"
    template_permissions = BUDGET_PERMISSIONS

    def get_permission_object(self):
        return get_object_or_404(
            selectors.budgets_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    @property
    def budget(self) -> Budget:
        return self.permission_object

    def budget_url(self, version=None) -> str:
        url = reverse("budgets:budget", args=[self.budget.pk])
        return f"{url}?version={version.number}" if version is not None else url

    def get_context_data(self, **kwargs):
        return super().get_context_data(budget=self.budget, **kwargs)


class BudgetVersionMixin(BudgetMixin):
    """A page of one version of the budget, named by its number."""

    @cached_property
    def version(self) -> BudgetVersion:
        version = get_object_or_404(self.budget.versions, number=self.kwargs["number"])
        version.budget = self.budget
        return version


class BudgetPageMixin(CachedContentMixin):
    """Budget pages keep their body until a budget changes: budgets move the EVERYTHING version
    (every review's checklist reads them), which every cached body depends on."""

    def content_scopes(self):
        return []
