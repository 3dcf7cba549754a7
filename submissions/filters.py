"""Filters of the secretariat's lists: what is typed in the query string is validated, never trusted."""

import django_filters
from django.utils.translation import gettext_lazy as _

from submissions.enums import SubmissionKind, SubmissionStatus
from submissions.models import Submission


class ReviewQueueFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=SubmissionKind.choices, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=SubmissionStatus.choices, empty_label=_("All")
    )

    class Meta:
        model = Submission
        fields = ["kind", "status"]
