"""Nominations in the browser: proposing for a review, the nominator's outcomes, and the
secretariat's list with the nomination window and each decision."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import OwnContentMixin
from core.listing import page_of
from reviews.models import RegionalReview
from reviews.views.base import ReviewPageMixin
from stakeholders import nominations, selectors_funding
from stakeholders.forms_funding import NominationDecisionForm, NominationForm, NominationWindowForm
from stakeholders.models import Nomination, NominationWindow


class NominationCreateView(PermissionRequiredMixin, FormView):
    permission_required = "stakeholders.add_nomination"
    write_permission_required = "stakeholders.add_nomination"
    template_name = "stakeholders/nominations/new.html"
    form_class = NominationForm

    def get_permission_object(self):
        return get_object_or_404(
            RegionalReview.objects.select_related("nomination_window", "commission"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(review=self.permission_object, **kwargs)

    def form_valid(self, form):
        form.instance.review = self.permission_object
        try:
            nominations.propose_nomination(nomination=form.instance, nominator=self.request.user)
        except nominations.NominationRefused as refusal:
            form.add_error(None, refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, _("Thank you: your proposal has been sent."))
        return redirect("stakeholders:my_nominations")


class MyNominationsView(OwnContentMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "stakeholders.see_own_nominations"
    template_name = "stakeholders/nominations/mine.html"

    def get_content_context(self):
        today = timezone.localdate()
        open_reviews = [
            window.review
            for window in NominationWindow.objects.filter(
                opens__lte=today, closes__gte=today
            ).select_related("review")
            if self.request.user.has_perm("stakeholders.add_nomination", window.review)
        ]
        return {
            "nominations": selectors_funding.nominations_of(self.request.user),
            "open_reviews": open_reviews,
        }


class ReviewNominationsView(ReviewPageMixin, TemplateView):
    """The review's nominations by status; the nomination window is set here."""

    permission_required = "stakeholders.manage_nominations"
    write_permission_required = "stakeholders.manage_nominations"
    template_name = "stakeholders/nominations/review.html"

    @cached_property
    def window(self):
        return NominationWindow.objects.filter(review=self.review).first()

    def get_content_context(self):
        return page_of(self.request, selectors_funding.review_nominations(self.review))

    def get_context_data(self, window_form=None, **kwargs):
        return super().get_context_data(
            window=self.window,
            window_form=window_form or NominationWindowForm(instance=self.window),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = NominationWindowForm(request.POST, instance=self.window)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(window_form=form), status=422)
        nominations.set_nomination_window(
            review=self.review,
            opens=form.cleaned_data["opens"],
            closes=form.cleaned_data["closes"],
        )
        messages.success(request, _("The nomination window has been saved."))
        return redirect("stakeholders:review_nominations", pk=self.review.pk)


class NominationDecisionView(PermissionRequiredMixin, FormView):
    permission_required = "stakeholders.decide_nomination"
    write_permission_required = "stakeholders.decide_nomination"
    template_name = "stakeholders/nominations/decide.html"

    def get_permission_object(self):
        return get_object_or_404(
            selectors_funding.nominations_visible_to(self.request.user).select_related(
                "country", "stakeholder_category", "review__cycle", "nominator"
            ),
            pk=self.kwargs["pk"],
        )

    @property
    def nomination(self) -> Nomination:
        return self.permission_object

    def get_form(self, form_class=None):
        return NominationDecisionForm(
            **self.get_form_kwargs(),
            nomination=self.nomination,
            sessions=self.nomination.review.sessions.order_by("date", "start_time", "pk"),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            nomination=self.nomination, review=self.nomination.review, **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if data["decision"] == "decline":
                nominations.decline_nomination(
                    nomination=self.nomination, actor=self.request.user, reason=data["reason"]
                )
                messages.success(self.request, _("The nomination has been declined."))
            else:
                nominations.accept_nomination(
                    nomination=self.nomination,
                    actor=self.request.user,
                    session=data.get("session"),
                    date=data.get("date"),
                    start_time=data.get("start_time"),
                    end_time=data.get("end_time"),
                    place=data.get("place", ""),
                )
                messages.success(self.request, _("The nomination is in the programme."))
        except nominations.NominationRefused as refusal:
            form.add_error(None, refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        return redirect("stakeholders:review_nominations", pk=self.nomination.review_id)
