"""The review's Publishing tab: what the secretariat may publish, and publishing or withdrawing it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from knowledge import selectors, services
from knowledge.enums import PublicationKind
from knowledge.forms import PublishForm, WithdrawForm
from knowledge.models import Publication
from reports.models import LanguageVersion
from reviews.views.base import ManageReviewMixin, ReviewPageMixin


class ManagePublicationsMixin(ManageReviewMixin):
    permission_required = "knowledge.manage_publications"
    write_permission_required = "knowledge.manage_publications"


class ManagePublicationsView(ReviewPageMixin, ManagePublicationsMixin, TemplateView):
    """Kept until the review's data changes: its publications, report, inputs and documents are
    all in the review's scope."""

    template_name = "knowledge/manage.html"
    # A withdrawal refused for want of a reason shows again with what was typed.
    refused: tuple[int, WithdrawForm] | None = None

    def get_content_context(self):
        # Only a refused withdrawal has a form of its own, with what was typed and the error;
        # the others are the same empty field, written out in the template.
        refused_pk, refused_form = self.refused or (None, None)
        groups = {}
        for candidate in selectors.publishing_overview(self.review):
            form = (
                refused_form if getattr(candidate.publication, "pk", None) == refused_pk else None
            )
            groups.setdefault(candidate.kind, []).append((candidate, form))
        return {"groups": groups, "reason_field": WithdrawForm.base_fields["reason"]}


def _source_in(review, kind: str, pk: int):
    """The source, found only among this review's own things: another review's answers 404."""
    if kind == PublicationKind.REPORT:
        return get_object_or_404(
            LanguageVersion.objects.select_related("report"), pk=pk, report__review=review
        )
    if kind == PublicationKind.SUBMISSION:
        return get_object_or_404(review.submissions, pk=pk)
    return get_object_or_404(review.documents, pk=pk)


class PublishView(ManagePublicationsMixin, View):
    def post(self, request, *args, **kwargs):
        form = PublishForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The page was out of date: look again, then try again."))
            return redirect("knowledge:manage", pk=self.review.pk)
        kind = form.cleaned_data["kind"]
        source = _source_in(self.review, kind, form.cleaned_data["source"])
        try:
            publication = services.publish(kind=kind, source=source, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("“%(title)s” is published on the knowledge platform.")
                % {"title": publication.title},
            )
        return redirect("knowledge:manage", pk=self.review.pk)


class WithdrawView(ManagePublicationsView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        publication = get_object_or_404(
            Publication, pk=self.kwargs["publication"], review=self.review
        )
        form = WithdrawForm(request.POST, prefix=f"withdraw-{publication.pk}")
        if form.is_valid():
            try:
                services.withdraw(
                    publication=publication,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("“%(title)s” is withdrawn from every public page.")
                    % {"title": publication.title},
                )
            return redirect("knowledge:manage", pk=self.review.pk)
        self.refused = (publication.pk, form)
        return self.render_to_response(self.get_context_data(), status=422)
