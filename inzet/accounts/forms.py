from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import User

NAME_PART_MAX_LENGTH = 70  # two parts and a space fit User.name (150)


def _given_name_field() -> forms.CharField:
    return forms.CharField(
        label=_("Voornaam"),
        max_length=NAME_PART_MAX_LENGTH,
        error_messages={"required": _("Vul je voornaam in: organisaties zien je naam als je reageert.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )


def _family_name_field() -> forms.CharField:
    return forms.CharField(
        label=_("Achternaam"),
        max_length=NAME_PART_MAX_LENGTH,
        help_text=_("Met tussenvoegsel, bijvoorbeeld ‘de Vries’."),
        error_messages={"required": _("Vul je achternaam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )


def full_name(given_name: str, family_name: str) -> str:
    return " ".join(part for part in (given_name.strip(), family_name.strip()) if part)


class SignupForm(AllauthSignupForm):
    """allauth's signup with the person's name first: everywhere a person appears we show the name."""

    given_name = _given_name_field()
    family_name = _family_name_field()
    field_order = ["given_name", "family_name", "email", "password1", "password2"]

    def clean(self):
        data = super().clean()
        data["name"] = full_name(data.get("given_name", ""), data.get("family_name", ""))
        return data


class NameForm(forms.Form):
    """The one-time question to an account from before signup asked a name."""

    given_name = _given_name_field()
    family_name = _family_name_field()

    @property
    def name(self) -> str:
        return full_name(self.cleaned_data["given_name"], self.cleaned_data["family_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "phone", "language"]
        labels = {"name": _("Naam"), "phone": _("Telefoonnummer"), "language": _("Taal van e-mails")}
