from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from reference.models import Country
from reviews.enums import Affiliation
from reviews.forms import DateInput, TimeInput
from stakeholders.enums import FundingBasis, FundingStatus, NominationKind
from stakeholders.models import Nomination, NominationWindow

AMOUNT = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


class FundingRequestForm(forms.Form):
    flight = forms.DecimalField(
        label=_("Flight estimate (USD)"),
        help_text=_("A return economy-class ticket from where you live to the venue."),
        **AMOUNT,
    )
    days = forms.IntegerField(label=_("Days of per diem"), min_value=0, max_value=30)
    rate = forms.DecimalField(
        label=_("Per diem rate (USD a day)"),
        help_text=_("The United Nations daily subsistence allowance of the venue."),
        **AMOUNT,
    )
    justification = forms.CharField(
        label=_("Why you ask for support"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class DecisionForm(forms.Form):
    """The secretariat's decision: offer (with the eligibility confirmed and what is granted),
    ask for information, or reject."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (FundingStatus.OFFERED, _("Offer funding")),
            (FundingStatus.INFORMATION_NEEDED, _("Ask for information")),
            (FundingStatus.REJECTED, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    basis = forms.ChoiceField(label=_("Eligibility"), choices=FundingBasis.choices)
    flight = forms.DecimalField(label=_("Flight granted (USD)"), required=False, **AMOUNT)
    days = forms.IntegerField(
        label=_("Days of per diem granted"), min_value=0, max_value=30, required=False
    )
    rate = forms.DecimalField(label=_("Per diem rate granted (USD)"), required=False, **AMOUNT)
    note = forms.CharField(
        label=_("Message to the applicant"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    override = forms.BooleanField(
        label=_("Commit beyond the budget line"),
        required=False,
        help_text=_("Only when the line's amount or places would be exceeded; say why below."),
    )
    override_reason = forms.CharField(label=_("Why the line may be exceeded"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        moves = set(FundingStatus(request.status).moves_for("secretariat"))
        self.fields["decision"].choices = [
            choice for choice in self.fields["decision"].choices if choice[0] in moves
        ]
        if not self.is_bound:
            self.initial.update(
                basis=request.basis or request.proposed_basis,
                flight=request.granted_flight
                if request.granted_flight is not None
                else request.requested_flight,
                days=request.granted_days
                if request.granted_days is not None
                else request.requested_days,
                rate=request.granted_rate
                if request.granted_rate is not None
                else request.requested_rate,
                version=request.version,
            )

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == FundingStatus.OFFERED:
            for name in ("flight", "days", "rate"):
                if data.get(name) is None:
                    self.add_error(name, _("Say what is granted."))
            if data.get("basis") == FundingBasis.NOT_ELIGIBLE:
                self.add_error("basis", _("Funding is offered to eligible participants only."))
        elif decision and not (data.get("note") or "").strip():
            self.add_error("note", _("Tell the applicant why."))
        if data.get("override") and not (data.get("override_reason") or "").strip():
            self.add_error("override_reason", _("Say why the commitment may exceed the line."))
        return data


class ApplicantMoveForm(forms.Form):
    to = forms.ChoiceField(choices=FundingStatus.choices, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Message to the secretariat"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class MessageForm(forms.Form):
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}))
    visible_to_applicant = forms.BooleanField(
        label=_("The applicant reads this message"), required=False, initial=True
    )


class NominationForm(forms.ModelForm):
    class Meta:
        model = Nomination
        fields = [
            "kind",
            "name",
            "title",
            "description",
            "gender",
            "country",
            "affiliation",
            "stakeholder_category",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "gender": _("For a panellist or a moderator."),
            "country": _("For a panellist or a moderator."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("kind") in NominationKind.people():
            for name in ("gender", "affiliation"):
                if not data.get(name):
                    self.add_error(name, _("Give the person's gender and affiliation."))
            is_stakeholder = data.get("affiliation") == Affiliation.STAKEHOLDER
            if is_stakeholder and not data.get("stakeholder_category"):
                self.add_error("stakeholder_category", _("Choose the stakeholder category."))
        return data


class NominationWindowForm(forms.ModelForm):
    class Meta:
        model = NominationWindow
        fields = ["opens", "closes"]
        widgets = {"opens": DateInput(), "closes": DateInput()}


class NominationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept into the programme")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    session = forms.ModelChoiceField(
        label=_("Session"),
        queryset=None,
        required=False,
        help_text=_("For a panellist or a moderator."),
    )
    date = forms.DateField(label=_("Day"), widget=DateInput(), required=False)
    start_time = forms.TimeField(label=_("Starts at"), widget=TimeInput(), required=False)
    end_time = forms.TimeField(label=_("Ends at"), widget=TimeInput(), required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    reason = forms.CharField(
        label=_("Why it is declined"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, nomination, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.nomination = nomination
        self.fields["session"].queryset = sessions
        if nomination.kind == NominationKind.SIDE_EVENT:
            del self.fields["session"]
        else:
            for name in ("date", "start_time", "end_time", "place"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the nomination is declined."))
        if data.get("decision") == "accept":
            if self.nomination.kind == NominationKind.SIDE_EVENT:
                for name in ("date", "start_time"):
                    if not data.get(name):
                        self.add_error(name, _("Give the day and the time of the side event."))
            elif not data.get("session"):
                self.add_error("session", _("Choose the session of the programme."))
        return data


class DeleteAccountForm(forms.Form):
    email = forms.CharField(
        label=_("Type your e-mail address to confirm"),
        help_text=_("This cannot be undone."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email != self.user.email.lower():
            raise forms.ValidationError(_("This is not the e-mail address of your account."))
        return email
