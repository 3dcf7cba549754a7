"""The one set of filters of the knowledge platform: browsing, search, the CSV and the API.

Every filter names things by their stable public codes (a commission's code, a cycle's slug, an
objective's number, a country's ISO code, a language code), so filtered addresses can be shared.
"""

import functools

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.fragments import kept
from core.widgets import QuickSelect
from knowledge.enums import InputKind, PublicationKind
from knowledge.models import Publication
from reference.models import Commission, Country, Objective
from reviews.models import ReviewCycle


class PublicationFilter(django_filters.FilterSet):
    commission = django_filters.ModelChoiceFilter(
        label=_("Commission"),
        field_name="review__commission",
        to_field_name="code",
        queryset=Commission.objects.all(),
        empty_label=_("All"),
        widget=QuickSelect,
    )
    cycle = django_filters.ModelChoiceFilter(
        label=_("Cycle"),
        field_name="review__cycle",
        to_field_name="slug",
        queryset=ReviewCycle.objects.order_by("-imrf_year", "title"),
        empty_label=_("All"),
        widget=QuickSelect,
    )
    objective = django_filters.ModelChoiceFilter(
        label=_("Objective"),
        field_name="objectives",
        to_field_name="number",
        queryset=Objective.objects.all(),
        empty_label=_("All"),
        widget=QuickSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=PublicationKind.choices,
        empty_label=_("All"),
        widget=QuickSelect,
    )
    input_kind = django_filters.ChoiceFilter(
        label=_("Kind of input"),
        choices=InputKind.choices,
        empty_label=_("All"),
        widget=QuickSelect,
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        to_field_name="iso3",
        queryset=Country.objects.all(),
        empty_label=_("All"),
        widget=QuickSelect,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
        empty_label=_("All"),
        widget=QuickSelect,
    )

    class Meta:
        model = Publication
        fields = ["commission", "cycle", "objective", "kind", "input_kind", "country", "language"]

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            # The lists of reference data (countries, objectives, commissions, cycles) are read
            # once per language until that data changes, not on every page offering the filters;
            # and only when drawn, never for an answer of the API.
            listed = functools.cache(
                lambda: kept(
                    "knowledge.filters.PublicationFilter.choices",
                    scopes=(),
                    build=lambda: {
                        name: [(str(value), str(label)) for value, label in field.choices]
                        for name, field in form.fields.items()
                        if isinstance(field, forms.ModelChoiceField)
                    },
                )
            )
            for name, field in form.fields.items():
                if isinstance(field, forms.ModelChoiceField):
                    field.widget.choices = functools.partial(lambda name: listed()[name], name)
        return self._form
