from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.links import url_for_each
from core.listing import page_of
from reference.models import Objective
from reviews.views.base import ReviewPageMixin
from submissions import exports, rows, selectors, services
from submissions.filters import ReviewQueueFilter
from submissions.forms import DecisionForm
from submissions.views.authors import SubmissionMixin


class ReviewQueueView(ReviewPageMixin, TemplateView):
    """The review's submissions, filtered; with htmx only the table is swapped in."""

    template_name = "submissions/queue.html"

    def get_template_names(self):
        if self.request.htmx:
            return ["submissions/queue.html#queue-table"]
        return [self.template_name]

    def get_content_context(self):
        context = {"filter": self.filter, **page_of(self.request, self.filter.qs)}
        submissions = list(context["page_obj"])
        word_counts = selectors.section_word_counts(s.pk for s in submissions)
        context["rows"] = rows.queue_rows(submissions, word_counts)
        if not self.request.htmx:
            context["objectives"] = objective_links(self.review)
        return context

    @cached_property
    def filter(self) -> ReviewQueueFilter:
        return ReviewQueueFilter(self.request.GET, queryset=selectors.review_queue(self.review))

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export not in {"csv", "xlsx"}:
            return super().get(request, *args, **kwargs)
        rows = exports.queue_rows(self.filter.qs)
        if export == "csv":
            content, content_type = exports.as_csv(rows), "text/csv; charset=utf-8"
        else:
            content = exports.as_xlsx(rows)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(content, content_type=content_type)
        filename = f"submissions-{self.review.commission.code.lower()}-{self.review.pk}.{export}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def objective_links(review) -> list[tuple[int, str, str]]:
    """Number, title and per-objective view of each of the 23 objectives."""
    url = url_for_each("submissions:objective", vary="number", pk=review.pk)
    return [
        (objective.number, objective.title, url(objective.number))
        for objective in Objective.objects.order_by("number")
    ]


class DecisionView(SubmissionMixin, FormView):
    write_permission_required = "submissions.decide_submission"
    form_class = DecisionForm
    http_method_names = ["post"]

    def form_valid(self, form):
        try:
            services.decide_submission(
                submission=self.submission,
                actor=self.request.user,
                status=form.cleaned_data["status"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
        else:
            messages.success(self.request, _("The decision has been recorded."))
        return redirect(self.submission)

    def form_invalid(self, form):
        messages.error(self.request, _("Choose a decision."))
        return redirect(self.submission)


class ObjectiveAcrossSubmissionsView(ReviewPageMixin, TemplateView):
    """What every submission of the region says about one objective: material for key findings."""

    template_name = "submissions/objective_across.html"

    @cached_property
    def objective(self):
        return get_object_or_404(Objective, number=self.kwargs["number"])

    def get_content_context(self):
        context = {
            "objectives": objective_links(self.review),
            **page_of(self.request, selectors.progress_on_objective(self.review, self.objective)),
        }
        context["rows"] = rows.progress_rows(context["page_obj"])
        return context

    def get_context_data(self, **kwargs):
        return super().get_context_data(objective=self.objective, **kwargs)
