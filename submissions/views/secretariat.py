from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.concurrency import ConcurrentEditError, save_if_unchanged
from reference.models import Objective
from reviews.views.base import ManageReviewMixin
from submissions import exports, selectors, services
from submissions.enums import SubmissionStatus
from submissions.forms import DecisionForm, OutboxMessageForm
from submissions.models import ObjectiveProgress, OutboxMessage
from submissions.tasks import send_outbox_messages
from submissions.views.authors import SubmissionMixin


class ReviewQueueView(ManageReviewMixin, TemplateView):
    template_name = "submissions/queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submissions=self.get_submissions(),
            status_choices=SubmissionStatus.choices,
            objectives=Objective.objects.order_by("number"),
            **kwargs,
        )

    def get_submissions(self):
        submissions = selectors.review_queue(self.review)
        if status := self.request.GET.get("status"):
            submissions = submissions.filter(status=status)
        if kind := self.request.GET.get("kind"):
            submissions = submissions.filter(kind=kind)
        return submissions

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export not in {"csv", "xlsx"}:
            return super().get(request, *args, **kwargs)
        rows = exports.queue_rows(self.get_submissions())
        if export == "csv":
            content, content_type = exports.as_csv(rows), "text/csv; charset=utf-8"
        else:
            content = exports.as_xlsx(rows)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(content, content_type=content_type)
        filename = f"submissions-{self.review.commission.code.lower()}-{self.review.pk}.{export}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class DecisionView(SubmissionMixin, FormView):
    permission_required = "submissions.decide_submission"
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


class ObjectiveAcrossSubmissionsView(ManageReviewMixin, TemplateView):
    """What every submission of the region says about one objective: material for key findings."""

    template_name = "submissions/objective_across.html"

    def get_context_data(self, **kwargs):
        objective = get_object_or_404(Objective, number=self.kwargs["number"])
        rows = (
            ObjectiveProgress.objects.filter(submission__review=self.review, objective=objective)
            .exclude(status="", narrative="")
            .select_related("submission__country", "submission__organisation", "submission__author")
            .prefetch_related("principles")
            .order_by("submission__kind", "submission__country__name", "submission__pk")
        )
        return super().get_context_data(
            objective=objective,
            rows=rows,
            objectives=Objective.objects.order_by("number"),
            **kwargs,
        )


class OutboxView(ManageReviewMixin, TemplateView):
    template_name = "submissions/outbox.html"

    def get_context_data(self, **kwargs):
        messages_ = self.review.outbox_messages.select_related(
            "submission__country", "submission__organisation", "submission__author", "sent_by"
        )
        return super().get_context_data(outbox=messages_, **kwargs)

    def post(self, request, *args, **kwargs):
        ids = [int(pk) for pk in request.POST.getlist("message") if pk.isdigit()]
        ids = list(self.review.outbox_messages.filter(pk__in=ids).values_list("pk", flat=True))
        if not ids:
            messages.error(request, _("Choose the messages to send."))
        else:
            send_outbox_messages.delay(message_ids=ids, actor_id=request.user.pk)
            messages.success(request, _("The chosen messages are being sent."))
        return redirect("submissions:outbox", pk=self.review.pk)


class OutboxMessageEditView(ManageReviewMixin, FormView):
    template_name = "submissions/outbox_message.html"
    form_class = OutboxMessageForm

    def get_message(self):
        return get_object_or_404(
            self.review.outbox_messages,
            pk=self.kwargs["message"],
            status=OutboxMessage.Status.DRAFT,
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_message()}

    def form_valid(self, form):
        try:
            save_if_unchanged(
                form.instance,
                expected_version=form.cleaned_data["version"],
                fields=["subject", "body"],
            )
        except ConcurrentEditError:
            form.add_error(
                None,
                _(
                    "Someone else changed this message while you were editing it. Your text is "
                    "kept here; reload the message in another tab to compare."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, _("The message has been saved."))
        return redirect("submissions:outbox", pk=self.review.pk)
