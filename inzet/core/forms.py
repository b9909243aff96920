from django import forms
from django.forms.renderers import TemplatesSetting

from inzet.core.errors import ApplicationError


class DateInput(forms.DateInput):
    """The browser's date picker. It only understands ISO dates (2026-11-22): with Django's Dutch default
    (22-11-2026) a date the form already holds would show as an empty field."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class FormRenderer(TemplatesSetting):
    """Every form renders through our accessible field template (label, hint, error linked by aria-describedby)."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


def add_application_error(form: forms.Form, error: ApplicationError) -> None:
    """Show a service's error on the form: on its field where it names one the form has, else above the form."""
    placed = False
    for field, message in error.fields.items():
        if field in form.fields:
            form.add_error(field, message)
            placed = True
    if not placed:
        form.add_error(None, error.message)
