"""The objectives form writes its widgets in Python: the same HTML as Django's templates."""

import re

import pytest
from django import forms

from submissions.widgets import (
    PlainCheckboxSelectMultiple,
    PlainSelect,
    PlainTextarea,
)

CHOICES = [("", "- Select -"), ("a", "A & B"), ("b", '"quoted"')]


def normalised(html: str) -> str:
    return re.sub(r"\s+", " ", str(html)).replace("> <", "><").strip()


@pytest.mark.parametrize(
    ("plain", "standard", "value"),
    [
        (PlainTextarea(attrs={"rows": 3}), forms.Textarea(attrs={"rows": 3}), "<b>x</b> & y"),
        (PlainTextarea(), forms.Textarea(), ""),
        (PlainSelect(choices=CHOICES), forms.Select(choices=CHOICES), "a"),
        (PlainSelect(choices=CHOICES), forms.Select(choices=CHOICES), None),
        (
            PlainCheckboxSelectMultiple(choices=CHOICES[1:]),
            forms.CheckboxSelectMultiple(choices=CHOICES[1:]),
            ["b"],
        ),
    ],
)
def test_plain_widget_renders_what_the_template_widget_renders(plain, standard, value):
    attrs = {"id": "id_o1-field", "aria-invalid": "true", "required": True, "disabled": False}
    html = plain.render("o1-field", value, attrs=attrs)
    assert normalised(html) == normalised(standard.render("o1-field", value, attrs=attrs))


def test_objective_form_keeps_what_was_typed_with_its_errors(reference_data):
    from submissions.forms import ObjectiveProgressForm

    form = ObjectiveProgressForm(
        {"o1-status": "lost", "o1-narrative": "<i>Remesas</i>", "o1-principles": ["7"]},
        prefix="o1",
        principles=[(7, "Human rights")],
    )
    assert not form.is_valid()
    assert normalised(form["status"].label_tag()) == (
        '<label for="id_o1-status">Status of implementation:</label>'
    )
    assert "&lt;i&gt;Remesas&lt;/i&gt;</textarea>" in str(form["narrative"])
    assert 'value="7" id="id_o1-principles_0" checked>' in str(form["principles"])
    assert 'aria-invalid="true"' in str(form["status"])
