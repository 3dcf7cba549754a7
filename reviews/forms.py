from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.enums import Role
from accounts.models import User
from core.concurrency import VersionedForm
from core.uploads import check_upload
from reference.models import Commission, Country, Objective
from reviews.enums import Affiliation, ReviewStatus
from reviews.models import (
    ChecklistItem,
    RegionalReview,
    ReviewCycle,
    ReviewDocument,
    RoadmapPhase,
    Session,
    Speaker,
)
from reviews.services import DOCUMENT_KINDS, DOCUMENT_MAX_BYTES, TARGET_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class CycleForm(forms.ModelForm):
    class Meta:
        model = ReviewCycle
        fields = ["title", "slug", "imrf_year"]


class LanguagesField(forms.MultipleChoiceField):
    """Some of the six UN languages, ticked."""

    def __init__(self, *, label, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            label=label, choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple, **kwargs
        )


class ReviewForm(VersionedForm):
    working_languages = LanguagesField(label=_("Working languages"))

    class Meta:
        model = RegionalReview
        fields = [
            "title",
            "meeting_start",
            "meeting_end",
            "venue",
            "meeting_format",
            "working_languages",
            "online_meeting_link",
            "documents_due_weeks",
            "consultation_opens",
            "consultation_closes",
            "submissions_due",
        ]
        widgets = {
            "submissions_due": DateInput(),
            "meeting_start": DateInput(),
            "meeting_end": DateInput(),
            "consultation_opens": DateInput(),
            "consultation_closes": DateInput(),
        }


class ReviewStatusForm(forms.Form):
    """One button per state the review may move to; `current` is the state the page showed."""

    current = forms.ChoiceField(choices=ReviewStatus.choices, widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=ReviewStatus.choices)

    def __init__(self, *args, review: RegionalReview, **kwargs):
        super().__init__(*args, **kwargs)
        # Any state is accepted here: set_review_status decides, and says why it refuses.
        self.next_states = ReviewStatus(review.status).next_states()
        if not self.is_bound:
            self.initial["current"] = review.status


class NewReviewForm(forms.ModelForm):
    class Meta:
        model = RegionalReview
        fields = [
            "cycle",
            "commission",
            "title",
            "meeting_start",
            "meeting_end",
            "venue",
            "meeting_format",
        ]
        widgets = {"meeting_start": DateInput(), "meeting_end": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.scopes.network:
            self.fields["commission"].queryset = Commission.objects.filter(
                pk__in=user.scopes.commission_ids
            )


class TargetsForm(VersionedForm):
    class Meta:
        model = RegionalReview
        fields = TARGET_FIELDS


class PhaseForm(forms.ModelForm):
    class Meta:
        model = RoadmapPhase
        fields = ["starts_on", "ends_on", "completed_on", "note"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "completed_on": DateInput()}


PhaseFormSet = forms.modelformset_factory(RoadmapPhase, form=PhaseForm, extra=0)


class RoundtableForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    objectives = forms.ModelMultipleChoiceField(
        label=_("Objectives"),
        queryset=Objective.objects.order_by("number"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["kind", "title", "roundtable", "date", "start_time", "end_time", "place"]
        widgets = {"date": DateInput(), "start_time": TimeInput(), "end_time": TimeInput()}

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roundtable"].queryset = review.roundtables.all()


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = [
            "role",
            "name",
            "title",
            "gender",
            "country",
            "affiliation",
            "stakeholder_category",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.order_by("name")

    def clean(self):
        data = super().clean()
        is_stakeholder = data.get("affiliation") == Affiliation.STAKEHOLDER
        if is_stakeholder and not data.get("stakeholder_category"):
            self.add_error("stakeholder_category", _("Choose the stakeholder category."))
        if not is_stakeholder and data.get("stakeholder_category"):
            self.add_error(
                "stakeholder_category",
                _(
                    "Only a stakeholder has a stakeholder category; clear it or change the affiliation."
                ),
            )
        return data


class EvidenceLinksField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(
                    _("“%(link)s” is not a web address (http:// or https://)."),
                    params={"link": line},
                ) from None
        return lines

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value


class ChecklistItemForm(VersionedForm):
    evidence_links = EvidenceLinksField(
        label=_("Evidence links"), required=False, help_text=_("One web address per line.")
    )

    class Meta:
        model = ChecklistItem
        fields = ["status", "owner", "due_date", "note", "evidence_links"]
        widgets = {"due_date": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            User.objects.filter(
                Q(role_assignments__role=Role.NETWORK_SECRETARIAT)
                | Q(
                    role_assignments__role=Role.COMMISSION_SECRETARIAT,
                    role_assignments__commission=review.commission_id,
                ),
                is_active=True,
            )
            .distinct()
            .order_by("name", "email")
        )


class ChecklistStatusForm(VersionedForm):
    """The status of one item, set from its row of the checklist."""

    class Meta:
        model = ChecklistItem
        fields = ["status"]


class DocumentForm(forms.ModelForm):
    class Meta:
        model = ReviewDocument
        fields = ["kind", "title", "visibility", "shared_on"]
        widgets = {"shared_on": DateInput()}


class DocumentVersionForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, OpenDocument, Excel or PowerPoint; at most 25 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, allowed=DOCUMENT_KINDS, max_bytes=DOCUMENT_MAX_BYTES)
        return upload


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
