"""The versions of a budget: their history, two of them compared, and the approval of one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.permissions import PermissionRequiredMixin
from budgets import charts, versioning
from budgets.annex4 import categories_as_rows, commissions_as_columns
from budgets.committed import committed_totals
from budgets.comparison import compare_versions
from budgets.models import Budget, BudgetVersion
from budgets.version_forms import ApprovalForm, VersionPairForm


class BudgetMixin(PermissionRequiredMixin):
    """A page of one budget: every secretariat reads it; only the Network secretariat changes it."""

    permission_required = "budgets.see_budget"
    write_permission_required = "budgets.manage_budget"

    def get_permission_object(self):
        return get_object_or_404(Budget.objects.select_related("cycle"), pk=self.kwargs["pk"])

    @property
    def budget(self) -> Budget:
        return self.permission_object

    def get_context_data(self, **kwargs):
        return super().get_context_data(budget=self.budget, **kwargs)


class BudgetVersionMixin(BudgetMixin):
    """A page of one version of the budget, named by its number."""

    @cached_property
    def version(self) -> BudgetVersion:
        version = get_object_or_404(self.budget.versions, number=self.kwargs["number"])
        version.budget = self.budget
        return version


class VersionHistoryView(BudgetMixin, TemplateView):
    template_name = "budgets/versions.html"
    template_permissions = {"approve": "budgets.manage_budget"}

    def get_context_data(self, **kwargs):
        rows = versioning.version_history(self.budget)
        # The charts show the approved version, or the latest while none is approved.
        charted = next((row for row in rows if row.approved), rows[0] if rows else None)
        budget_charts = []
        if charted is not None:
            charted.version.budget = self.budget
            budget_charts = charts.budget_charts(
                charted.version,
                totals=charted.totals,
                committed=committed_totals(self.budget),
                commissions=commissions_as_columns(),
                categories=categories_as_rows([charted.version]),
            )
        return super().get_context_data(
            rows=rows,
            approvals=versioning.approvals_of(self.budget),
            charted=charted and charted.version,
            budget_charts=budget_charts,
            **kwargs,
        )


class VersionComparisonView(BudgetMixin, TemplateView):
    template_name = "budgets/compare.html"

    def get_context_data(self, **kwargs):
        versions = versioning.versions_of(self.budget)
        form = VersionPairForm(self.request.GET, budget=self.budget, versions=versions)
        comparison = compare_versions(*form.chosen()) if form.is_valid() else None
        return super().get_context_data(
            form=form, comparison=comparison, versions=versions, **kwargs
        )


class ApproveVersionView(BudgetVersionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = ApprovalForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The approval could not be read; reload the page."))
            return redirect("budgets:versions", pk=self.budget.pk)
        try:
            versioning.approve_version(
                version=self.version,
                actor=request.user,
                expected_approved_id=form.cleaned_data["approved_version"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Version %(number)s is now the approved version.")
                % {"number": self.version.number},
            )
        return redirect("budgets:versions", pk=self.budget.pk)
