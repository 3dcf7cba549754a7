from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, TemplateView, UpdateView

from core.concurrency import ConcurrentEditError, ConflictMixin
from core.links import url_for_each
from core.listing import labels
from reviews import services
from reviews.balance import Balance
from reviews.enums import Affiliation, Gender, SpeakerRole
from reviews.forms import SessionForm, SpeakerForm, TargetsForm
from reviews.models import Session, Speaker
from reviews.readiness import Part, ReviewFacts
from reviews.views.base import ManageReviewMixin, ReviewPageMixin


@dataclass(frozen=True)
class SpeakerRow:
    speaker: Speaker
    role: str
    gender: str
    affiliation: str
    edit_url: str


@dataclass(frozen=True)
class SessionRow:
    session: Session
    balance: Balance
    speakers: list[SpeakerRow]
    edit_url: str
    add_speaker_url: str


def session_rows(facts: ReviewFacts) -> list[SessionRow]:
    """The sessions of the programme with their speakers' cells, labels and links made once."""
    review_pk = facts.review.pk
    session_url = url_for_each("reviews:session_edit", vary="session", pk=review_pk)
    add_speaker_url = url_for_each("reviews:speaker_new", vary="session", pk=review_pk)
    roles = labels(SpeakerRole.choices)
    genders = labels(Gender.choices)
    affiliations = labels(Affiliation.choices)
    rows = []
    for session, balance in facts.session_rows:
        speaker_url = url_for_each(
            "reviews:speaker_edit", vary="speaker", pk=review_pk, session=session.pk
        )
        speakers = [
            SpeakerRow(
                speaker=speaker,
                role=roles.get(speaker.role, speaker.role),
                gender=genders.get(speaker.gender, speaker.gender),
                affiliation=affiliations.get(speaker.affiliation, speaker.affiliation),
                edit_url=speaker_url(speaker.pk),
            )
            for speaker in session.speakers.all()
        ]
        rows.append(
            SessionRow(
                session=session,
                balance=balance,
                speakers=speakers,
                edit_url=session_url(session.pk),
                add_speaker_url=add_speaker_url(session.pk),
            )
        )
    return rows


class ProgrammeView(ReviewPageMixin, ConflictMixin, TemplateView):
    template_name = "reviews/programme.html"
    facts_parts = {Part.SESSIONS}

    def get_content_context(self):
        return {
            "targets_form": TargetsForm(instance=self.review),
            "facts": self.facts,
            "sessions": session_rows(self.facts),
        }

    def post(self, request, *args, **kwargs):
        """Save the balance targets."""
        form = TargetsForm(request.POST, instance=self.review)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(targets_form=form))
        try:
            services.set_targets(
                review=form.instance, expected_version=form.cleaned_data["version"]
            )
        except ConcurrentEditError as conflict:
            return self.conflict_response(conflict, form=form, form_name="targets_form")
        messages.success(request, _("The targets have been saved."))
        return redirect("reviews:programme", pk=self.review.pk)


class ProgrammeItemMixin(ManageReviewMixin):
    """A session or a speaker: after saving or deleting, back to the programme."""

    def get_success_url(self):
        return reverse("reviews:programme", kwargs={"pk": self.review.pk})


class SessionMixin(ProgrammeItemMixin):
    form_class = SessionForm
    template_name = "reviews/session_form.html"
    context_object_name = "session"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "review": self.review}

    def get_object(self, queryset=None):
        return get_object_or_404(self.review.sessions, pk=self.kwargs["session"])


class SessionCreateView(SessionMixin, CreateView):
    def form_valid(self, form):
        form.instance.review = self.review
        messages.success(self.request, _("The session has been added."))
        return super().form_valid(form)


class SessionUpdateView(SessionMixin, UpdateView):
    def form_valid(self, form):
        messages.success(self.request, _("The session has been saved."))
        return super().form_valid(form)


class SessionDeleteView(SessionMixin, DeleteView):
    template_name = "reviews/confirm_delete.html"

    def form_valid(self, form):
        messages.success(self.request, _("The session has been deleted."))
        return super().form_valid(form)


class SpeakerMixin(ProgrammeItemMixin):
    form_class = SpeakerForm
    template_name = "reviews/speaker_form.html"
    context_object_name = "speaker"

    @cached_property
    def session(self):
        return get_object_or_404(self.review.sessions, pk=self.kwargs["session"])

    def get_object(self, queryset=None):
        return get_object_or_404(
            Speaker.objects.filter(session=self.session), pk=self.kwargs["speaker"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, **kwargs)


class SpeakerCreateView(SpeakerMixin, CreateView):
    def form_valid(self, form):
        form.instance.session = self.session
        messages.success(self.request, _("The speaker has been added."))
        return super().form_valid(form)


class SpeakerUpdateView(SpeakerMixin, UpdateView):
    def form_valid(self, form):
        messages.success(self.request, _("The speaker has been saved."))
        return super().form_valid(form)


class SpeakerDeleteView(SpeakerMixin, DeleteView):
    template_name = "reviews/confirm_delete.html"

    def form_valid(self, form):
        messages.success(self.request, _("The speaker has been removed."))
        return super().form_valid(form)
