from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.concurrency import ConcurrentEditError, ConflictMixin
from reviews import services
from reviews.forms import ChecklistItemForm, ChecklistStatusForm
from reviews.views.base import ManageReviewMixin, ReviewPageMixin


class ChecklistView(ReviewPageMixin, TemplateView):
    template_name = "reviews/checklist.html"

    def get_content_context(self):
        return {"facts": self.facts}


class ChecklistStatusView(ManageReviewMixin, View):
    """Set one item's status from its row: htmx swaps the row in place, a plain post redirects."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        item = get_object_or_404(self.review.checklist_items, pk=self.kwargs["item"])
        form = ChecklistStatusForm(request.POST, instance=item)
        error = None
        if not form.is_valid():
            error = next(iter(form.errors.values()))[0]
        else:
            try:
                services.update_checklist_item(
                    item=form.instance, expected_version=form.cleaned_data["version"]
                )
            except ConcurrentEditError:
                error = ConflictMixin.conflict_message
        if not request.htmx:
            if error:
                messages.error(request, error)
            else:
                messages.success(request, _("The checklist item has been saved."))
            return redirect(f"{reverse('reviews:checklist', args=[self.review.pk])}#item-{item.pk}")
        context = {
            "review": self.review,
            "row": self.facts.checklist_row(item.pk),
            "row_error": error,
        }
        return render(request, "reviews/checklist.html#row", context)


class ChecklistItemView(ManageReviewMixin, ConflictMixin, TemplateView):
    """Edit one item; with htmx the form and the saved row are swapped in place."""

    template_name = "reviews/checklist_item.html"

    def get_item(self):
        return get_object_or_404(self.review.checklist_items, pk=self.kwargs["item"])

    def get_context_data(self, **kwargs):
        row = self.facts.checklist_row(int(self.kwargs["item"]))
        kwargs.setdefault("form", ChecklistItemForm(instance=row.item, review=self.review))
        return super().get_context_data(row=row, facts=self.facts, **kwargs)

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        form = ChecklistItemForm(request.POST, instance=item, review=self.review)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=422)
        try:
            services.update_checklist_item(
                item=form.instance, expected_version=form.cleaned_data["version"]
            )
        except ConcurrentEditError as conflict:
            return self.conflict_response(conflict, form=form)
        messages.success(request, _("The checklist item has been saved."))
        return redirect("reviews:checklist", pk=self.review.pk)
