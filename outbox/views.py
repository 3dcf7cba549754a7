from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.concurrency import VersionedFormViewMixin
from core.links import url_for_each
from core.listing import labels, local_datetime, page_of
from outbox import selectors, services
from outbox.forms import OutboxMessageForm, OutboxSendForm
from outbox.models import OutboxMessage
from outbox.tasks import send_outbox_messages
from reviews.views.base import ManageReviewMixin, ReviewPageMixin


@dataclass(frozen=True)
class OutboxRow:
    pk: int
    subject: str
    url: str
    about: str
    recipients: str
    status_label: str
    sent: str


def outbox_rows(rows: Iterable[OutboxMessage], review_pk: int) -> list[OutboxRow]:
    statuses = labels(OutboxMessage.Status.choices)
    edit_url = url_for_each("outbox:message", vary="message", pk=review_pk)
    return [
        OutboxRow(
            pk=message.pk,
            subject=message.subject,
            url=edit_url(message.pk) if message.status == OutboxMessage.Status.DRAFT else "",
            about=message.about_label,
            recipients=", ".join(message.recipients) or "—",
            status_label=statuses[message.status],
            sent=local_datetime(message.sent_at) if message.sent_at else "",
        )
        for message in rows
    ]


class OutboxView(ReviewPageMixin, TemplateView):
    """Every e-mail the review's decisions drafted: submissions, registrations and the rest."""

    template_name = "outbox/outbox.html"

    def get_content_context(self):
        context = page_of(self.request, selectors.outbox_of(self.review))
        context["rows"] = outbox_rows(context["page_obj"], self.review.pk)
        return context

    def get_template_names(self):
        if self.request.htmx:
            return ["outbox/outbox.html#outbox-table"]
        return [self.template_name]

    def post(self, request, *args, **kwargs):
        """Send the chosen drafts; with htmx the table comes back in place, with what happened."""
        form = OutboxSendForm(request.POST, messages=self.review.outbox_messages.all())
        if form.is_valid():
            ids = [message.pk for message in form.cleaned_data["message"]]
            send_outbox_messages.delay(message_ids=ids, actor_id=request.user.pk)
            messages.success(request, _("The chosen messages are being sent."))
        else:
            for error in form.errors["message"]:
                messages.error(request, error)
        if request.htmx:
            return self.render_to_response(self.get_context_data())
        return redirect("outbox:messages", pk=self.review.pk)


class OutboxMessageEditView(ManageReviewMixin, VersionedFormViewMixin, FormView):
    template_name = "outbox/message.html"
    form_class = OutboxMessageForm
    success_message = _("The message has been saved.")

    def get_message(self):
        return get_object_or_404(
            self.review.outbox_messages,
            pk=self.kwargs["message"],
            status=OutboxMessage.Status.DRAFT,
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_message()}

    def save(self, form) -> None:
        services.edit_message(
            message=form.instance,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            expected_version=form.cleaned_data["version"],
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)

    def get_success_url(self):
        return reverse("outbox:messages", kwargs={"pk": self.review.pk})
