"""The participant's side: an event's public page and registering for it, one's own
registrations; the organisation representative's endorsements."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import CachedContentMixin, OwnContentMixin
from core.storage import file_download
from core.versions import PUBLIC, person_scope, review_scope
from stakeholders import registration as services
from stakeholders import registration_selectors as selectors
from stakeholders.enums import ParticipantKind
from stakeholders.forms import DecisionForm, EndorsementForm, RegistrationForm
from stakeholders.models import Event, Profile, Registration


class EventMixin(PermissionRequiredMixin):
    def get_permission_object(self):
        return get_object_or_404(
            selectors.events_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    @property
    def event(self) -> Event:
        return self.permission_object


class EventView(EventMixin, CachedContentMixin, FormView):
    """An event's public page, in the review's working languages, where people register."""

    permission_required = "stakeholders.see_event"
    write_permission_required = "stakeholders.register_for_event"
    template_permissions = {
        "manage": "stakeholders.manage_event",
        "register": "stakeholders.register_for_event",
    }
    public = True
    template_name = "stakeholders/registration/event.html"
    form_class = RegistrationForm

    def content_scopes(self):
        scopes = [review_scope(self.event.review_id), PUBLIC]
        if self.request.user.is_authenticated:
            scopes.append(person_scope(self.request.user.pk))
        return scopes

    def content_vary(self):
        # The page shows the reader's own registration and profile.
        return [*super().content_vary(), self.request.user.pk]

    def get_content_context(self):
        user, event = self.request.user, self.event
        profile = registration = None
        if user.is_authenticated:
            profile = Profile.objects.filter(user=user).first()
            registration = Registration.objects.filter(event=event, user=user).first()
        return {
            "profile": profile,
            "registration": registration,
            "needs_note_verbale": profile is not None
            and profile.kind == ParticipantKind.GOVERNMENT,
        }

    def get_context_data(self, **kwargs):
        event = self.event
        return super().get_context_data(
            event=event,
            review=event.review,
            registration_open=event.registration_is_open(timezone.localdate()),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            registration = services.register(
                event=self.event,
                user=self.request.user,
                note_verbale=form.cleaned_data["note_verbale"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form), status=422)
        messages.success(
            self.request,
            _("You are registered; the secretariat will tell you its decision by e-mail."),
        )
        return redirect(registration)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)


class OpenEventListView(CachedContentMixin, PermissionRequiredMixin, TemplateView):
    """The events of announced reviews whose registration has not closed, soonest first."""

    permission_required = "stakeholders.see_open_events"
    public = True
    template_name = "stakeholders/registration/open_events.html"

    def content_scopes(self):
        return [PUBLIC]

    def get_content_context(self):
        page = Paginator(selectors.open_events(timezone.localdate()), 100).get_page(
            self.request.GET.get("page")
        )
        return {"page_obj": page, "events": page, "is_paginated": page.has_other_pages()}


class MyRegistrationsView(OwnContentMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "stakeholders.edit_own_profile"
    template_name = "stakeholders/registration/mine.html"

    def get_content_context(self):
        return {
            "registrations": selectors.own_registrations(self.request.user),
            "profile": Profile.objects.filter(user=self.request.user).first(),
        }


class RegistrationMixin(PermissionRequiredMixin):
    permission_required = "stakeholders.see_registration"

    def get_permission_object(self):
        return get_object_or_404(
            selectors.registrations_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    @property
    def registration(self) -> Registration:
        return self.permission_object


class RegistrationDetailView(RegistrationMixin, CachedContentMixin, TemplateView):
    template_name = "stakeholders/registration/registration.html"
    template_permissions = {
        "cancel": "stakeholders.cancel_registration",
        "endorse": "stakeholders.endorse_registration",
        "decide": "stakeholders.decide_registration",
        "personal": "stakeholders.see_registration_personal_data",
    }

    def content_scopes(self):
        return [review_scope(self.registration.event.review_id)]

    def get_content_context(self):
        profile = (
            Profile.objects.filter(user_id=self.registration.user_id)
            .select_related("category", "nationality", "country_of_residence")
            .first()
        )
        return {"profile": profile}

    def get_context_data(self, **kwargs):
        registration = self.registration
        return super().get_context_data(
            registration=registration,
            event=registration.event,
            review=registration.event.review,
            decision_form=DecisionForm(initial={"version": registration.version}),
            **kwargs,
        )


class CancelRegistrationView(RegistrationMixin, View):
    write_permission_required = "stakeholders.cancel_registration"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            services.cancel_registration(registration=self.registration, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your registration has been cancelled."))
        return redirect(self.registration)


class NoteVerbaleView(RegistrationMixin, View):
    """The note verbale is personal data: only the secretariat and its author download it."""

    permission_required = "stakeholders.see_registration"

    def get(self, request, *args, **kwargs):
        registration = self.registration
        allowed = request.user.has_perm(
            "stakeholders.see_registration_personal_data", registration
        ) or request.user.has_perm("stakeholders.cancel_registration", registration)
        if not allowed or not registration.note_verbale:
            raise Http404
        name = registration.note_verbale.name.rsplit("/", 1)[-1].split("-", 1)[-1]
        return file_download(
            registration.note_verbale, filename=name, content_type="application/octet-stream"
        )


class EndorsementsView(PermissionRequiredMixin, ListView):
    """The registrations made on behalf of the representative's organisations, to endorse."""

    permission_required = "stakeholders.see_endorsements"
    template_name = "stakeholders/registration/endorsements.html"
    context_object_name = "registrations"
    paginate_by = 200

    def get_queryset(self):
        return selectors.awaiting_endorsement(self.request.user)


class EndorseView(RegistrationMixin, View):
    write_permission_required = "stakeholders.endorse_registration"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = EndorsementForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Endorse or refuse the registration."))
            return redirect("stakeholders:endorsements")
        try:
            services.endorse_registration(
                registration=self.registration,
                actor=request.user,
                endorse=form.cleaned_data["endorse"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The registration has been endorsed.")
                if form.cleaned_data["endorse"]
                else _("The registration has been refused."),
            )
        return redirect(reverse("stakeholders:endorsements"))
