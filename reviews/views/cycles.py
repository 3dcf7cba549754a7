from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import CreateView, ListView, TemplateView

from accounts.permissions import PermissionRequiredMixin
from reviews import selectors, services
from reviews.forms import CycleForm, NewReviewForm
from reviews.models import ReviewCycle
from reviews.navigation import cycle_links_for


class CycleListView(PermissionRequiredMixin, ListView):
    permission_required = "reviews.see_cycles"
    template_permissions = {"add_cycle": "reviews.add_cycle"}
    template_name = "reviews/cycle_list.html"
    context_object_name = "cycles"

    def get_queryset(self):
        managed = selectors.reviews_managed_by(self.request.user).order_by("commission__position")
        return ReviewCycle.objects.prefetch_related(
            Prefetch("reviews", queryset=managed, to_attr="managed_reviews")
        )


class CycleCreateView(PermissionRequiredMixin, CreateView):
    permission_required = "reviews.add_cycle"
    write_permission_required = "reviews.add_cycle"
    form_class = CycleForm
    template_name = "reviews/cycle_form.html"

    def form_valid(self, form):
        cycle = services.create_cycle(**form.cleaned_data)
        messages.success(self.request, _("The review cycle has been created."))
        return redirect(cycle)


class CycleDashboardView(PermissionRequiredMixin, TemplateView):
    """The reviews of one cycle side by side, as far as the user manages them."""

    permission_required = "reviews.see_cycles"
    template_permissions = {"add_review": "reviews.add_review"}
    template_name = "reviews/cycle_dashboard.html"

    def get_context_data(self, **kwargs):
        cycle = get_object_or_404(ReviewCycle, slug=self.kwargs["slug"])
        reviews = (
            selectors.reviews_managed_by(self.request.user)
            .filter(cycle=cycle)
            .order_by("commission__position")
        )
        return super().get_context_data(
            cycle=cycle,
            columns=selectors.facts_for_reviews(list(reviews)),
            cycle_links=cycle_links_for(self.request.user, cycle),
            **kwargs,
        )


class ReviewCreateView(PermissionRequiredMixin, CreateView):
    permission_required = "reviews.add_review"
    write_permission_required = "reviews.add_review"
    form_class = NewReviewForm
    template_name = "reviews/review_new.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        cycle = ReviewCycle.objects.filter(slug=self.request.GET.get("cycle")).first()
        if cycle and not self.request.POST:
            kwargs["initial"] = {"cycle": cycle}
        return kwargs

    def form_valid(self, form):
        # The form offers only the commissions the user manages.
        review = services.create_review(**form.cleaned_data)
        messages.success(self.request, _("The regional review has been created."))
        return redirect(review)
