"""The versions of a budget: their history, two of them compared, and the approval of one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from budgets import charts, versioning
from budgets.annex4 import categories_as_rows, commissions_as_columns
from budgets.committed import committed_totals
from budgets.comparison import compare_versions
from budgets.version_forms import ApprovalForm, VersionPairForm
from budgets.views.base import BudgetMixin, BudgetPageMixin, BudgetVersionMixin


class VersionHistoryView(BudgetPageMixin, BudgetMixin, TemplateView):
    template_name = "budgets/versions.html"
    template_permissions = {"approve": "budgets.manage_budget"}

    def get_content_context(self):
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
        return {
            "rows": rows,
            "approvals": versioning.approvals_of(self.budget),
            "charted": charted and charted.version,
            "budget_charts": budget_charts,
        }


class VersionComparisonView(BudgetPageMixin, BudgetMixin, TemplateView):
    template_name = "budgets/compare.html"

    def get_content_context(self):
        versions = versioning.versions_of(self.budget)
        form = VersionPairForm(self.request.GET, budget=self.budget, versions=versions)
        comparison = compare_versions(*form.chosen()) if form.is_valid() else None
        return {"form": form, "comparison": comparison, "versions": versions}


class ApproveVersionView(BudgetVersionMixin, View):
    http_method_names = ["post"]
    write_permission_required = "budgets.manage_budget"

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
