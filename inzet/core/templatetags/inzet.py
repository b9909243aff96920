from django import forms, template

register = template.Library()

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
}


@register.filter
def styled(bound_field):
    """Render a form field's widget with the NL Design System class for its kind."""
    widget = bound_field.field.widget
    css = next((css for kind, css in _WIDGET_CLASSES.items() if type(widget) is kind), None)
    if css is None:
        css = "utrecht-textbox utrecht-textbox--html-input"
    if bound_field.errors:
        css += " utrecht-textbox--invalid" if "textbox" in css else ""
    existing = widget.attrs.get("class", "")
    return bound_field.as_widget(attrs={"class": f"{existing} {css}".strip()})


@register.filter
def is_checkbox(bound_field) -> bool:
    return type(bound_field.field.widget) is forms.CheckboxInput
