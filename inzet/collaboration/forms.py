from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.collaboration.models import SupportOffer, SupportTheme
from inzet.organisations.models import SupportPoint


class SupportOfferForm(forms.ModelForm):
    theme = forms.ModelChoiceField(
        label=_("Thema"), queryset=SupportTheme.objects.all(), empty_label=_("Kies een thema")
    )

    class Meta:
        model = SupportOffer
        fields = ["support_point", "theme", "title", "description", "url", "contact", "is_active"]
        labels = {
            "support_point": _("Steunpunt"),
            "title": _("Titel"),
            "description": _("Wat houdt het aanbod in?"),
            "url": _("Link naar meer informatie (optioneel)"),
            "contact": _("Contactpersoon of e-mailadres (optioneel)"),
            "is_active": _("Dit aanbod is actief en wordt voorgesteld aan organisaties"),
        }
        help_texts = {
            "description": _(
                "Organisaties zien dit in hun KrachtMeting-rapport als het bij hun vragen past."
            ),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, support_points, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk or len(support_points) == 1:
            # Nothing to choose: the offer stays with its support point.
            del self.fields["support_point"]
        else:
            self.fields["support_point"].queryset = SupportPoint.objects.filter(
                pk__in=[point.pk for point in support_points]
            )
            self.fields["support_point"].empty_label = _("Kies een steunpunt")

    def _post_clean(self):
        pass

    def service_data(self) -> dict:
        return dict(self.cleaned_data)
