from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.enums import VerificationState
from accounts.models import Organisation
from core.concurrency import VersionedForm
from core.uploads import check_upload
from reference.models import Country, StakeholderCategory
from reviews.forms import DateInput, LanguagesField
from stakeholders.enums import ParticipantKind, RegistrationStatus
from stakeholders.models import Event, Profile
from stakeholders.profiles import PROFILE_FIELDS
from stakeholders.registration import NOTE_VERBALE_KINDS, NOTE_VERBALE_MAX_BYTES


class ProfileForm(forms.ModelForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    languages = LanguagesField(label=_("Languages I work in"))

    class Meta:
        model = Profile
        fields = list(PROFILE_FIELDS)
        labels = {"country_of_residence": _("Country of residence (delegates: your delegation)")}
        widgets = {
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            "name_visibility": forms.RadioSelect,
            "kind": forms.RadioSelect,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].initial = user.name
        self.fields["organisation"].queryset = Organisation.objects.filter(
            verification=VerificationState.VERIFIED
        ).only("name")
        self.fields["organisation"].help_text = _(
            "Only verified organisations are listed; propose yours if it is missing."
        )
        self.fields["category"].queryset = StakeholderCategory.objects.all()
        self.fields["country_of_residence"].queryset = Country.objects.order_by("name")
        self.fields["nationality"].queryset = Country.objects.order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("kind") == ParticipantKind.STAKEHOLDER and not data.get("category"):
            self.add_error("category", _("Choose your stakeholder category."))
        if data.get("kind") == ParticipantKind.GOVERNMENT and not data.get("country_of_residence"):
            self.add_error("country_of_residence", _("Name your delegation's country."))
        return data


class OrganisationProposalForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "category", "country", "website"]


class EventForm(VersionedForm):
    working_languages = LanguagesField(label=_("Working languages"))

    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "starts_on",
            "ends_on",
            "meeting_format",
            "venue",
            "capacity",
            "registration_opens",
            "registration_closes",
            "working_languages",
        ]
        widgets = {
            name: DateInput()
            for name in ("starts_on", "ends_on", "registration_opens", "registration_closes")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields.pop("version")


class RegistrationForm(forms.Form):
    note_verbale = forms.FileField(
        label=_("Note verbale"),
        required=False,
        help_text=_("Government delegates: PDF, Word, OpenDocument, PNG or JPEG; at most 20 MB."),
    )

    def clean_note_verbale(self):
        upload = self.cleaned_data.get("note_verbale")
        if upload:
            check_upload(upload, allowed=NOTE_VERBALE_KINDS, max_bytes=NOTE_VERBALE_MAX_BYTES)
        return upload


DECISIONS = [
    (RegistrationStatus.APPROVED, _("Approve")),
    (RegistrationStatus.WAITLISTED, _("Put on the waiting list")),
    (RegistrationStatus.DECLINED, _("Decline")),
]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS)
    note = forms.CharField(
        label=_("Reason (for the record)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class BulkDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS)
    registration = forms.ModelMultipleChoiceField(
        queryset=None, error_messages={"required": _("Choose the registrations to decide.")}
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registration"].queryset = registrations


class EndorsementForm(forms.Form):
    endorse = forms.TypedChoiceField(
        choices=[("yes", _("Endorse")), ("no", _("Refuse"))],
        coerce=lambda value: value == "yes",
    )
