from django import forms
from django.forms.renderers import TemplatesSetting

from inzet.core.errors import ApplicationError


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
