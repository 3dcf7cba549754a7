from django.shortcuts import get_object_or_404
from django.views.generic import ListView, TemplateView

from reference import selectors
from reference.enums import MembershipKind

# Public pages: the reference data is published for every visitor.


class ObjectiveListView(TemplateView):
    template_name = "reference/objective_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(roundtables=selectors.objectives_by_roundtable(), **kwargs)


class CommissionListView(ListView):
    template_name = "reference/commission_list.html"
    context_object_name = "commissions"

    def get_queryset(self):
        return selectors.commissions_with_counts()


class CommissionDetailView(TemplateView):
    template_name = "reference/commission_detail.html"

    def get_context_data(self, **kwargs):
        commission = get_object_or_404(selectors.commission_with_members(self.kwargs["code"]))
        memberships = commission.ordered_memberships
        return super().get_context_data(
            commission=commission,
            members=[m for m in memberships if m.kind == MembershipKind.MEMBER],
            associates=[m for m in memberships if m.kind == MembershipKind.ASSOCIATE],
            **kwargs,
        )
