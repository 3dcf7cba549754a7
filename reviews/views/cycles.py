from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import CreateView, ListView, TemplateView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import CachedContentMixin
from core.versions import PUBLIC, review_scope
from reviews import selectors, services
from reviews.forms import CycleForm, NewReviewForm
from reviews.models import ReviewCycle
from reviews.navigation import cycle_links_for


class CycleListView(CachedContentMixin, PermissionRequiredMixin, ListView):
    permission_required = "reviews.see_cycles"
    template_permissions = {"add_cycle": "reviews.add_cycle"}
    template_name = "reviews/cycle_list.html"
    context_object_name = "cycles"

    def content_scopes(self):
        return [PUBLIC]  # cycles and the reviews in them

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


class CycleDashboardView(CachedContentMixin, PermissionRequiredMixin, TemplateView):
    """The reviews of one cycle side by side, as far as the user manages them."""

    permission_required = "reviews.see_cycles"
    template_permissions = {"add_review": "reviews.add_review"}
    template_name = "reviews/cycle_dashboard.html"

    @cached_property
    def cycle(self):
        return get_object_or_404(ReviewCycle, slug=self.kwargs["slug"])

    @cached_property
    def reviews(self):
        return list(
            selectors.reviews_managed_by(self.request.user)
            .filter(cycle=self.cycle)
            .order_by("commission__position")
        )

    def content_scopes(self):
        return [review_scope(review.pk) for review in self.reviews]

    def get_content_context(self):
        return {"columns": selectors.facts_for_reviews(self.reviews)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cycle=self.cycle, cycle_links=cycle_links_for(self.request.user, self.cycle), **kwargs
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
