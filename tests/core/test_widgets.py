"""QuickSelect writes what Django's Select writes: the same options, selection, groups, attributes
and escaping."""

import pytest
from django import forms
from django.test.html import parse_html

from core.widgets import QuickSelect
from reference.models import Country

CHOICES = [
    ("", "All"),
    ("fr", 'Français <"quoted"> & more'),
    ("Regions", [("eca", "Africa"), ("ece", "Europe & Central Asia")]),
    ("x'y", "It's"),
]


def both(field_factory, data=None, **attrs):
    """The field as Django's Select and as QuickSelect write it."""

    def rendered(widget):
        class Form(forms.Form):
            choice = field_factory(widget(attrs=attrs))

        return str(Form(data)["choice"])

    return rendered(forms.Select), rendered(QuickSelect)


@pytest.mark.parametrize("data", [None, {"choice": "ece"}, {"choice": "x'y"}, {"choice": "nope"}])
def test_same_html_as_djangos_select(data):
    django_select, quick = both(
        lambda widget: forms.ChoiceField(choices=CHOICES, widget=widget, required=False),
        data,
        **{"class": "wide", "aria-describedby": "help", "disabled": False, "autofocus": True},
    )
    assert parse_html(quick) == parse_html(django_select)


def test_the_chosen_option_is_selected_and_labels_are_escaped():
    _django, quick = both(
        lambda widget: forms.ChoiceField(choices=CHOICES, widget=widget), {"choice": "ece"}
    )
    html = quick
    assert '<option value="ece" selected>Europe &amp; Central Asia</option>' in html
    assert "Français &lt;&quot;quoted&quot;&gt; &amp; more" in html
    assert '<optgroup label="Regions">' in html


@pytest.mark.django_db
def test_same_html_for_model_choices(reference_data):
    mexico = Country.objects.get(iso3="MEX")
    django_select, quick = both(
        lambda widget: forms.ModelChoiceField(
            Country.objects.order_by("name"), to_field_name="iso3", widget=widget
        ),
        {"choice": mexico.iso3},
    )
    assert parse_html(quick) == parse_html(django_select)
    assert f'<option value="MEX" selected>{mexico.name}</option>' in quick
