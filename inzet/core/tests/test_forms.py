"""Shared form pieces."""

from datetime import date

from django import forms
from django.utils import translation

from inzet.core.forms import DateInput


class PeriodForm(forms.Form):
    start = forms.DateField(widget=DateInput())


def test_a_date_the_form_holds_reaches_the_date_picker_in_iso_form_in_dutch_too():
    with translation.override("nl"):
        html = str(PeriodForm(initial={"start": date(2026, 3, 9)})["start"])
    assert 'type="date"' in html and 'value="2026-03-09"' in html


def test_a_picked_date_is_read_back():
    with translation.override("nl"):
        form = PeriodForm({"start": "2026-03-09"})
        assert form.is_valid() and form.cleaned_data["start"] == date(2026, 3, 9)
