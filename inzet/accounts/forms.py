from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "phone", "language"]
        labels = {"name": _("Naam"), "phone": _("Telefoonnummer"), "language": _("Taal van e-mails")}
