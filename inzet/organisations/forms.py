from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from inzet.accounts.models import Membership
from inzet.organisations.models import Organisation, Sector
from inzet.organisations.services import ORGANISATION_FIELDS
from inzet.places.models import Municipality
from inzet.places.postcodes import normalise_postcode


class OrganisationForm(forms.ModelForm):
    """Registration and editing of an organisation. Validation of shape here; rules in the services."""

    sectors = forms.ModelMultipleChoiceField(
        label=_("Sector(en)"),
        queryset=Sector.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één sector.")},
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.order_by("name"),
        empty_label=_("Kies een gemeente"),
    )
    # Longer than the stored `1234 AB`, so loosely typed postcodes reach normalisation.
    postcode = forms.CharField(label=_("Postcode"), max_length=12, help_text=_("Bijvoorbeeld 9712 CP."))

    class Meta:
        model = Organisation
        # The fields the services accept, with the sectors shown right after the legal form.
        fields = [*ORGANISATION_FIELDS[:2], "sectors", *ORGANISATION_FIELDS[2:]]
        labels = {
            "name": _("Naam van de organisatie"),
            "legal_form": _("Rechtsvorm"),
            "kvk_number": _("KvK-nummer (optioneel)"),
            "anbi": _("De organisatie heeft de ANBI-status"),
            "postcode": _("Postcode"),
            "address": _("Straat en huisnummer"),
            "city": _("Plaats"),
            "contact_email": _("E-mailadres voor contact"),
            "contact_phone": _("Telefoonnummer (optioneel)"),
            "website": _("Website (optioneel)"),
            "volunteer_count": _("Aantal vrijwilligers (ongeveer)"),
            "description": _("Wat doet de organisatie?"),
        }
        help_texts = {
            "kvk_number": _("8 cijfers, zoals op het uittreksel van de Kamer van Koophandel."),
            "postcode": _("Bijvoorbeeld 9712 CP."),
            "description": _("Vertel in een paar zinnen wat jullie doen en voor wie."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def clean_postcode(self):
        try:
            return normalise_postcode(self.cleaned_data["postcode"])
        except ValidationError as error:
            raise ValidationError(error.messages[0]) from None

    def clean_kvk_number(self):
        value = (self.cleaned_data.get("kvk_number") or "").replace(" ", "")
        if value and (not value.isdigit() or len(value) != 8):
            raise ValidationError(_("Een KvK-nummer bestaat uit precies 8 cijfers."))
        return value

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def _post_clean(self):
        # The model's full_clean runs in the service, inside its transaction; the form checks shape only.
        pass

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["sectors"] = list(data.pop("sectors"))
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van afwijzing"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("De coördinator krijgt deze reden per e-mail en kan de gegevens daarna aanpassen."),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"), max_length=254)
    role = forms.ChoiceField(label=_("Rol"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam of plaats"), required=False, max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label=_("Alle gemeenten"),
        to_field_name="code",
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("Alle sectoren"),
        to_field_name="slug",
    )
