from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from accounts.permissions import PermissionContextMixin, PermissionRequiredMixin, permitted
from core.concurrency import VersionedFormViewMixin
from core.fragments import CachedContentMixin
from core.links import url_for_each
from core.versions import PUBLIC, review_scope
from reviews import selectors, services
from reviews.forms import PhaseFormSet, ReviewForm, ReviewStatusForm, RoundtableForm
from reviews.publication import public_parts_for
from reviews.readiness import Part
from reviews.views.base import ManageReviewMixin, ReviewPageMixin


class ReviewPublicView(CachedContentMixin, PermissionRequiredMixin, TemplateView):
    """What participants and the public see of a review once it is announced."""

    permission_required = "reviews.see_review"
    template_permissions = {
        "manage": "reviews.manage_review",
        "take_part": "reviews.take_part_in_review",
    }
    public = True
    template_name = "reviews/review_public.html"
    content_template_name = "reviews/includes/review_public_content.html"

    def get_permission_object(self):
        # The review alone: its commission and cycle are read by the kept body, when it is made.
        return get_object_or_404(
            selectors.reviews_visible_to(self.request.user).select_related(None),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(review=self.permission_object, **kwargs)

    def content_scopes(self):
        return [PUBLIC, review_scope(self.permission_object.pk)]

    def content_vary(self):
        """Besides the review's data, what a visitor sees depends only on whether they are signed
        in, take part (the participants' documents, the meeting link) and manage the review (every
        document, the dashboard button): the body is shared by everyone alike."""
        return [
            self.permission_object.pk,
            self.request.user.is_authenticated,
            self.can["take_part"],
            self.can["manage"],
        ]

    def get_content_context(self):
        review, user = self.permission_object, self.request.user
        today = timezone.localdate()
        document_url = url_for_each("reviews:document")
        documents = permitted(user, "reviews.see_document", selectors.documents_of(review))
        return {
            "facts": selectors.facts_for(review, {Part.ROUNDTABLES, Part.SESSIONS}, today),
            "documents": [(document_url(document.pk), document) for document in documents],
            "consultation_open": review.consultation_is_open(today),
            "public_parts": public_parts_for(review),
        }


class ReviewDashboardView(ReviewPageMixin, TemplateView):
    template_name = "reviews/dashboard.html"

    def get_content_context(self):
        return {"facts": self.facts, "status_form": ReviewStatusForm(review=self.review)}


class ReviewStatusView(ManageReviewMixin, View):
    """The status buttons of the dashboard: one move of the review's state machine."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = ReviewStatusForm(request.POST, review=self.review)
        if not form.is_valid():
            return HttpResponseBadRequest()
        try:
            change = services.set_review_status(
                review=self.review,
                status=form.cleaned_data["status"],
                actor=request.user,
                expected_status=form.cleaned_data["current"],
            )
        except services.StatusChangeRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _("The review is now “%(status)s”.") % {"status": change.get_to_status_display()},
            )
        return redirect("reviews:dashboard", pk=self.review.pk)


class ReviewEditView(ManageReviewMixin, VersionedFormViewMixin, FormView):
    form_class = ReviewForm
    template_name = "reviews/review_form.html"
    success_message = _("The review has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.review}

    def save(self, form) -> None:
        services.update_review(
            review=form.instance,
            expected_version=form.cleaned_data["version"],
            fields=list(form.Meta.fields),
        )

    def get_success_url(self):
        return self.review.get_absolute_url()


class RoadmapView(ReviewPageMixin, TemplateView):
    template_name = "reviews/roadmap.html"

    def get_formset(self):
        return PhaseFormSet(
            self.request.POST or None, queryset=self.review.phases.order_by("pk"), prefix="phase"
        )

    def get_content_context(self):
        return {"formset": self.get_formset()}

    def post(self, request, *args, **kwargs):
        formset = self.get_formset()
        if formset.is_valid():
            services.save_roadmap(review=self.review, phases=formset.save(commit=False))
            messages.success(request, _("The roadmap has been saved."))
            return redirect("reviews:roadmap", pk=self.review.pk)
        return self.render_to_response(self.get_context_data(formset=formset))


class RoundtablesView(ReviewPageMixin, TemplateView):
    template_name = "reviews/roundtables.html"
    facts_parts = {Part.ROUNDTABLES}

    def get_forms(self):
        roundtables = self.facts.roundtables
        return [
            (
                roundtable,
                RoundtableForm(
                    self.request.POST or None,
                    prefix=f"rt{roundtable.number}",
                    initial={
                        "title": roundtable.title,
                        "objectives": list(roundtable.objectives.all()),
                    },
                ),
            )
            for roundtable in roundtables
        ]

    def get_content_context(self):
        return {"forms": self.get_forms(), "facts": self.facts}

    def post(self, request, *args, **kwargs):
        forms = self.get_forms()
        if not all(form.is_valid() for _roundtable, form in forms):
            return self.render_to_response(self.get_context_data(forms=forms))
        for roundtable, form in forms:
            services.set_roundtable(
                roundtable=roundtable,
                title=form.cleaned_data["title"],
                objectives=form.cleaned_data["objectives"],
            )
        facts = selectors.facts_for(self.review, self.facts_parts)
        if facts.uncovered_objectives:
            messages.warning(
                request,
                _(
                    "The round tables have been saved, but some objectives are covered by no round table."
                ),
            )
        else:
            messages.success(request, _("The round tables have been saved."))
        return redirect("reviews:roundtables", pk=self.review.pk)


class ReviewListView(CachedContentMixin, PermissionContextMixin, ListView):
    """Every review the visitor may see, by cycle: announced ones for all, own ones for staff.

    Public: the selector returns only what the visitor may see.
    """

    template_permissions = {"see_cycles": "reviews.see_cycles"}

    template_name = "reviews/review_list.html"
    context_object_name = "reviews"

    def content_scopes(self):
        return [PUBLIC]  # a review's status and title move it

    def get_queryset(self):
        return selectors.reviews_visible_to(self.request.user).order_by(
            "-cycle__imrf_year", "cycle__title", "commission__position"
        )
