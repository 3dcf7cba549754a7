import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from accounts.models import Organisation
from accounts.permissions import PermissionRequiredMixin
from core.concurrency import ConcurrentEditError, ConflictMixin
from core.drafting import AutosaveMixin, DraftingFormMixin, revision_changes, section_rows
from core.fragments import CachedContentMixin
from core.storage import file_download
from core.versions import review_scope
from reference.models import Country
from submissions import selectors, services
from submissions.enums import SubmissionKind
from submissions.forms import (
    AttachmentForm,
    DecisionForm,
    ObjectiveProgressForm,
    PlanForm,
    StartRegionalInputForm,
    StartVoluntaryReviewForm,
)
from submissions.models import Attachment, SectionText, Submission
from submissions.rows import objective_rows, own_rows


class MySubmissionsView(CachedContentMixin, PermissionRequiredMixin, ListView):
    permission_required = "submissions.see_own_submissions"
    template_permissions = {"start_voluntary_review": "submissions.start_voluntary_review"}
    template_name = "submissions/my_submissions.html"
    context_object_name = "submissions"

    def get_queryset(self):
        return selectors.submissions_of(self.request.user).order_by("-updated_at")

    def content_scopes(self):
        reviews = self.get_queryset().order_by().values_list("review_id", flat=True).distinct()
        return [review_scope(review_id) for review_id in reviews]

    def content_vary(self):
        return [*super().content_vary(), self.request.user.pk]

    def get_content_context(self):
        return {"rows": own_rows(self.get_queryset())}


class StartVoluntaryReviewView(PermissionRequiredMixin, FormView):
    """A focal point opens (or finds) its country's voluntary GCM review for a regional review."""

    permission_required = "submissions.start_voluntary_review"
    write_permission_required = "submissions.start_voluntary_review"
    template_name = "submissions/start.html"
    form_class = StartVoluntaryReviewForm

    def get_form_kwargs(self):
        country_ids = self.request.user.scopes.country_ids
        return {
            **super().get_form_kwargs(),
            "reviews": selectors.reviews_open_to_country(country_ids),
            "countries": Country.objects.filter(pk__in=country_ids),
            "initial": {"language": self.request.user.preferred_language},
        }

    def form_valid(self, form):
        try:
            submission = services.start_submission(
                kind=SubmissionKind.VOLUNTARY_REVIEW,
                review=form.cleaned_data["review"],
                language=form.cleaned_data["language"],
                country=form.cleaned_data["country"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect(submission)


class SubmissionMixin(PermissionRequiredMixin):
    permission_required = "submissions.see_submission"
    template_permissions = {
        "edit": "submissions.edit_submission",
        "submit": "submissions.submit_submission",
        "decide": "submissions.decide_submission",
        "withdraw": "submissions.withdraw_submission",
    }

    def get_permission_object(self):
        return get_object_or_404(
            # What the rules read; the rest is loaded when a page body is rendered.
            Submission.objects.select_related("review"),
            pk=self.kwargs["pk"],
        )

    @property
    def submission(self) -> Submission:
        return self.permission_object

    def get_context_data(self, **kwargs):
        return super().get_context_data(submission=self.submission, **kwargs)


class SubmissionPageMixin(CachedContentMixin, SubmissionMixin):
    """A page of one submission whose body is kept until the data of its review changes."""

    def content_scopes(self):
        return [review_scope(self.submission.review_id)]

    def content_vary(self):
        # Authors' rights are their own (author, designated focal point).
        return [*super().content_vary(), self.request.user.pk]


class SubmissionEditView(SubmissionPageMixin, ConflictMixin, DraftingFormMixin, TemplateView):
    """The authors' form: every section with its guidance, live counts and autosave.

    Without JavaScript the form posts every section at once, each with the version it started
    from; a section saved meanwhile by someone else is shown beside the writer's text.
    """

    write_permission_required = "submissions.edit_submission"
    template_name = "submissions/edit.html"

    def section_texts(self):
        return selectors.sections_of(self.submission)

    draft_service = staticmethod(services.save_section)

    def draft_rows(self, rows):
        for row in rows:
            row["section"] = row["text"].section
        return rows

    def get_success_url(self):
        return self.submission.get_absolute_url()

    def get_content_context(self):
        submission = self.submission
        rows = self.draft_rows(section_rows(self.section_texts()))
        return {
            "rows": rows,
            "problems": services.submission_problems(submission, [row["text"] for row in rows]),
            "comments": submission.secretariat_comments.order_by("created_at", "pk"),
            "attachments": submission.attachments.order_by("uploaded_at", "pk"),
            "activity": submission.audit_events.select_related("actor").order_by(
                "-created_at", "-pk"
            )[:50],
            "attachment_form": AttachmentForm(),
            "decision_form": DecisionForm(),
        }


class SectionAutosaveView(AutosaveMixin, SubmissionMixin, View):
    """JSON endpoint for autosave of one section of the submission."""

    write_permission_required = "submissions.edit_submission"

    def get_section_text(self):
        return get_object_or_404(
            SectionText.objects.select_related("submission"),
            pk=self.kwargs["section"],
            submission=self.submission,
        )

    draft_service = staticmethod(services.save_section)


class SectionHistoryView(SubmissionPageMixin, TemplateView):
    template_name = "submissions/history.html"

    @cached_property
    def section_text(self):
        return get_object_or_404(
            SectionText.objects.select_related("section"),
            pk=self.kwargs["section"],
            submission=self.submission,
        )

    def get_content_context(self):
        return {"changes": revision_changes(self.section_text.revisions.select_related("author"))}

    def get_context_data(self, **kwargs):
        return super().get_context_data(section_text=self.section_text, **kwargs)


class ObjectivesView(SubmissionPageMixin, ConflictMixin, TemplateView):
    """All 23 objectives at once, with the plan and the means of implementation."""

    write_permission_required = "submissions.edit_submission"
    template_name = "submissions/objectives.html"

    def get_forms(self, data=None):
        """Each stored row with its form, or with None when the page only shows the table.

        The form edits a copy, so the row shows what is stored.
        """
        progress = list(selectors.progress_of(self.submission))
        chosen = selectors.principle_ids_of(row.pk for row in progress)
        for row in progress:
            row.principle_ids = chosen[row.pk]
        if data is None and not self.can["edit"]:
            return [(row, None) for row in progress]
        principles = selectors.principle_choices()
        return [
            (
                row,
                ObjectiveProgressForm(
                    data,
                    instance=copy.copy(row),
                    prefix=f"o{row.objective.number}",
                    initial={"principles": row.principle_ids},
                    principles=principles,
                ),
            )
            for row in progress
        ]

    def get_content_context(self):
        forms = self.get_forms()
        context = {"forms": forms, "objectives": objective_rows(row for row, _form in forms)}
        if self.can["edit"]:
            context["plan_form"] = PlanForm(instance=self.submission)
        return context

    def post(self, request, *args, **kwargs):
        plan_form = PlanForm(request.POST, instance=self.submission)
        forms = self.get_forms(request.POST)
        if not plan_form.is_valid() or not all(form.is_valid() for _row, form in forms):
            return self.render_to_response(
                self.get_context_data(forms=forms, plan_form=plan_form), status=422
            )
        try:
            services.save_objectives(
                submission=self.submission,
                expected_version=plan_form.cleaned_data["version"],
                plan=plan_form.cleaned_data,
                progress=[(row, form.cleaned_data) for row, form in forms if form.has_changed()],
            )
        except ConcurrentEditError as conflict:
            return self.conflict_response(
                conflict, form=plan_form, form_name="plan_form", forms=forms
            )
        except ValidationError as error:
            plan_form.add_error(None, error)
            return self.render_to_response(
                self.get_context_data(forms=forms, plan_form=plan_form), status=422
            )
        messages.success(request, _("The progress on the objectives has been saved."))
        return redirect("submissions:objectives", pk=self.submission.pk)


class SubmitView(SubmissionMixin, View):
    write_permission_required = "submissions.submit_submission"

    def post(self, request, *args, **kwargs):
        try:
            services.submit_submission(submission=self.submission, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.submission)
        messages.success(request, _("The submission has been sent to the secretariat."))
        return redirect(self.submission)


class AttachmentUploadView(SubmissionMixin, View):
    write_permission_required = "submissions.edit_submission"

    def post(self, request, *args, **kwargs):
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            services.add_attachment(
                submission=self.submission,
                upload=form.cleaned_data["file"],
                is_note_verbale=form.cleaned_data["is_note_verbale"],
                actor=request.user,
            )
            messages.success(request, _("The file has been attached."))
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return redirect(self.submission)


class AttachmentDownloadView(SubmissionMixin, View):
    def get(self, request, *args, **kwargs):
        attachment = get_object_or_404(
            Attachment, pk=self.kwargs["attachment"], submission=self.submission
        )
        return file_download(
            attachment.file,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )


class StartRegionalInputView(PermissionRequiredMixin, FormView):
    """An organisation, or a registered stakeholder in person, submits an input to a review."""

    permission_required = "submissions.start_regional_input"
    write_permission_required = "submissions.start_regional_input"
    template_name = "submissions/start.html"
    form_class = StartRegionalInputForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "reviews": selectors.reviews_open_to_inputs(),
            "organisations": Organisation.objects.filter(
                pk__in=self.request.user.scopes.organisation_ids
            ),
            "initial": {"language": self.request.user.preferred_language},
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(regional_input=True, **kwargs)

    def form_valid(self, form):
        organisation = form.cleaned_data["organisation"]
        submission = services.start_submission(
            kind=SubmissionKind.REGIONAL_INPUT,
            review=form.cleaned_data["review"],
            language=form.cleaned_data["language"],
            organisation=organisation,
            author=None if organisation else self.request.user,
            actor=self.request.user,
        )
        return redirect(submission)


class WithdrawView(SubmissionMixin, View):
    write_permission_required = "submissions.withdraw_submission"

    def post(self, request, *args, **kwargs):
        try:
            services.withdraw_submission(submission=self.submission, actor=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The submission has been withdrawn."))
        return redirect(self.submission)
