from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm
from core.uploads import check_upload
from reviews.models import RegionalReview
from submissions.enums import MeansOfImplementation, SubmissionStatus
from submissions.models import ObjectiveProgress, Submission
from submissions.widgets import (
    PlainCheckboxSelectMultiple,
    PlainSelect,
    PlainTextarea,
    label_html,
)


class StartVoluntaryReviewForm(forms.Form):
    review = forms.ModelChoiceField(
        label=_("Regional review"), queryset=RegionalReview.objects.none()
    )
    language = forms.ChoiceField(label=_("Language of the review"), choices=settings.LANGUAGES)

    def __init__(self, *args, reviews, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = reviews
        self.fields["country"] = forms.ModelChoiceField(
            label=_("Member State"), queryset=countries, empty_label=None
        )


class PlanForm(VersionedForm):
    means_needed = forms.MultipleChoiceField(
        label=_("Means of implementation needed"),
        choices=MeansOfImplementation.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Submission
        fields = ["plan_status", "plan_link", "stakeholder_involvement", "means_needed"]
        widgets = {"stakeholder_involvement": forms.Textarea(attrs={"rows": 4})}


class ObjectiveProgressForm(forms.ModelForm):
    """One objective of the 23; `principles` are the guiding principles' choices, read once.

    The chosen principles are ids (`principles.set()` takes them), so neither showing nor
    checking the 23 forms queries the principles again.
    """

    principles = forms.TypedMultipleChoiceField(
        label=_("Guiding principles applied"),
        coerce=int,
        widget=PlainCheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ObjectiveProgress
        fields = ["status", "narrative", "indicators", "promising_practice"]
        widgets = {
            "status": PlainSelect,
            "narrative": PlainTextarea(attrs={"rows": 5}),
            "indicators": PlainTextarea(attrs={"rows": 3}),
            "promising_practice": PlainTextarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, principles: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["principles"].choices = principles

    def render(self, template_name=None, context=None, renderer=None):
        if template_name == self.template_name_label:
            return label_html(context)
        return super().render(template_name, context, renderer)


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (SubmissionStatus.RETURNED, _("Return for revision")),
            (SubmissionStatus.ACCEPTED, _("Accept")),
        ],
    )
    comment = forms.CharField(
        label=_("Comment to the authors"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, OpenDocument, Excel, CSV, PNG or JPEG; at most 20 MB."),
    )
    is_note_verbale = forms.BooleanField(
        label=_("This is the covering note verbale"), required=False
    )

    def clean_file(self):
        from submissions.services import ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES

        upload = self.cleaned_data["file"]
        check_upload(upload, allowed=ATTACHMENT_KINDS, max_bytes=ATTACHMENT_MAX_BYTES)
        return upload


class StartRegionalInputForm(forms.Form):
    review = forms.ModelChoiceField(
        label=_("Regional review"), queryset=RegionalReview.objects.none()
    )
    language = forms.ChoiceField(label=_("Language of the input"), choices=settings.LANGUAGES)

    def __init__(self, *args, reviews, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = reviews
        self.fields["organisation"] = forms.ModelChoiceField(
            label=_("On behalf of"),
            queryset=organisations,
            required=False,
            empty_label=_("Myself, as a registered stakeholder"),
        )
