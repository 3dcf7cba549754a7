"""The secretariat's side: a review's events, their registrations, decisions and balance."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, TemplateView

from core.concurrency import VersionedFormViewMixin
from core.fragments import CachedContentMixin
from core.listing import labels, page_of
from core.versions import review_scope
from reviews.views.base import ManageReviewMixin, ReviewPageMixin
from stakeholders import registration as services
from stakeholders import registration_selectors as selectors
from stakeholders.enums import ParticipantKind, RegistrationStatus
from stakeholders.forms import BulkDecisionForm, DecisionForm, EventForm
from stakeholders.models import Event
from stakeholders.participants import registration_balance
from stakeholders.views.registration import EventMixin, RegistrationMixin


class EventListView(ReviewPageMixin, TemplateView):
    template_name = "stakeholders/registration/events.html"

    def get_content_context(self):
        return {"events": selectors.events_of_review(self.review)}


class EventCreateView(ManageReviewMixin, FormView):
    template_name = "stakeholders/registration/event_form.html"
    form_class = EventForm

    def get_form_kwargs(self):
        review = self.review
        instance = Event(
            review=review,
            meeting_format=review.meeting_format,
            venue=review.venue,
            working_languages=list(review.working_languages),
        )
        return {**super().get_form_kwargs(), "instance": instance}

    def form_valid(self, form):
        services.save_event(event=form.instance)
        messages.success(self.request, _("The event has been saved."))
        return redirect("stakeholders:events", pk=self.review.pk)


class EventEditView(EventMixin, VersionedFormViewMixin, FormView):
    permission_required = "stakeholders.manage_event"
    write_permission_required = "stakeholders.manage_event"
    template_name = "stakeholders/registration/event_form.html"
    form_class = EventForm
    success_message = _("The event has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.event}

    def get_context_data(self, **kwargs):
        return super().get_context_data(review=self.event.review, **kwargs)

    def save(self, form) -> None:
        services.save_event(event=form.instance, expected_version=form.cleaned_data["version"])

    def get_success_url(self):
        return reverse("stakeholders:events", kwargs={"pk": self.event.review_id})


class RegistrationQueueView(EventMixin, CachedContentMixin, FormView):
    """The event's registrations as they come in, with their balance; decided one by one on
    their own page or several at once here."""

    permission_required = "stakeholders.manage_event"
    write_permission_required = "stakeholders.manage_event"
    template_name = "stakeholders/registration/queue.html"
    form_class = BulkDecisionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "registrations": self.event.registrations.all()}

    def content_scopes(self):
        return [review_scope(self.event.review_id)]

    def get_content_context(self) -> dict:
        status = self.request.GET.get("status", "")
        context = {
            "status": status,
            "statuses": RegistrationStatus.choices,
            "balance": registration_balance(self.event),
            **page_of(self.request, selectors.registrations_for_decision(self.event, status)),
        }
        kinds = labels(ParticipantKind.choices)
        states = labels(RegistrationStatus.choices)
        context["rows"] = [
            {
                "pk": registration.pk,
                "url": registration.get_absolute_url(),
                "name": str(registration.user),
                "takes_part_as": registration.organisation.name
                if registration.organisation_id
                else (
                    registration.country.name
                    if registration.country_id
                    else kinds[registration.kind]
                ),
                "status": states[registration.status],
                "needs_endorsement": registration.needs_endorsement
                and registration.status == RegistrationStatus.PENDING,
                "note_verbale": bool(registration.note_verbale),
            }
            for registration in context["page_obj"]
        ]
        return context

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, review=self.event.review, **kwargs)

    def form_valid(self, form):
        outcome = services.decide_registrations(
            registrations=form.cleaned_data["registration"],
            decision=form.cleaned_data["decision"],
            actor=self.request.user,
        )
        if outcome.decided:
            messages.success(
                self.request,
                ngettext(
                    "%(count)s registration decided.",
                    "%(count)s registrations decided.",
                    len(outcome.decided),
                )
                % {"count": len(outcome.decided)},
            )
        if outcome.waitlisted:
            messages.warning(
                self.request,
                ngettext(
                    "The event is full: %(count)s registration went to the waiting list.",
                    "The event is full: %(count)s registrations went to the waiting list.",
                    len(outcome.waitlisted),
                )
                % {"count": len(outcome.waitlisted)},
            )
        for registration, reason in outcome.refused:
            messages.error(self.request, f"{registration.user}: {reason}")
        return redirect("stakeholders:registrations", pk=self.event.pk)

    def form_invalid(self, form):
        for error in form.errors.get("registration", []) + form.errors.get("decision", []):
            messages.error(self.request, error)
        return redirect("stakeholders:registrations", pk=self.event.pk)


class DecideRegistrationView(RegistrationMixin, View):
    write_permission_required = "stakeholders.decide_registration"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        registration = self.registration
        if not form.is_valid():
            messages.error(request, _("Choose a decision."))
            return redirect(registration)
        try:
            decided = services.decide_registration(
                registration=registration,
                decision=form.cleaned_data["decision"],
                actor=request.user,
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(registration)
        if decided.status != form.cleaned_data["decision"]:
            messages.warning(request, _("The event is full: the person is on the waiting list."))
        else:
            messages.success(
                request,
                _("Decided: %(status)s. The e-mail waits in the outbox.")
                % {"status": decided.get_status_display()},
            )
        return redirect(registration)
