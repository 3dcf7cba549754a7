from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from reference.models import GuidingPrinciple
from reviews.models import RegionalReview
from submissions.enums import MeansOfImplementation, SubmissionStatus
from submissions.models import ObjectiveProgress, Submission


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


class PlanForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version


class ObjectiveProgressForm(forms.ModelForm):
    principles = forms.ModelMultipleChoiceField(
        label=_("Guiding principles applied"),
        queryset=GuidingPrinciple.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ObjectiveProgress
        fields = ["status", "narrative", "indicators", "promising_practice", "principles"]
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 5}),
            "indicators": forms.Textarea(attrs={"rows": 3}),
            "promising_practice": forms.Textarea(attrs={"rows": 3}),
        }


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (SubmissionStatus.RETURNED, _("Return for revision")),
            (SubmissionStatus.ACCEPTED, _("Accept")),
            (SubmissionStatus.PUBLISHED, _("Publish")),
        ],
    )
    comment = forms.CharField(
        label=_("Comment to the authors"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
