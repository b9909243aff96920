from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.assessments.models import Campaign
from inzet.collaboration.models import SupportTheme
from inzet.core.forms import DateInput
from inzet.events.models import Audience, BasicFunction, Event, RegistrationQuestion
from inzet.organisations.models import Organisation
from inzet.places.models import Municipality, Province

_LOCAL_DATETIME = "%Y-%m-%dT%H:%M"


class LocalDateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=_LOCAL_DATETIME)

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", [_LOCAL_DATETIME, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"])
        super().__init__(**kwargs)


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Alle soorten"))] + Event.Kind.choices, required=False
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("Alle gemeenten"),
    )
    province = forms.ModelChoiceField(
        label=_("Provincie"),
        queryset=Province.objects.all(),
        required=False,
        empty_label=_("Alle provincies"),
    )
    date_from = forms.DateField(label=_("Vanaf"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Tot en met"), required=False, widget=DateInput())
    audience = forms.ChoiceField(
        label=_("Voor wie"), choices=[("", _("Iedereen"))] + Audience.choices, required=False
    )


class EventForm(forms.Form):
    """What an organiser fills in; the service checks it all (and says what is wrong)."""

    kind = forms.ChoiceField(label=_("Soort bijeenkomst"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("Titel"), max_length=150)
    description = forms.CharField(
        label=_("Omschrijving"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    starts_at = LocalDateTimeField(label=_("Begint om"))
    ends_at = LocalDateTimeField(label=_("Eindigt om"))
    venue_name = forms.CharField(label=_("Locatie (naam)"), max_length=150, required=False)
    address = forms.CharField(label=_("Adres"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False)
    city = forms.CharField(label=_("Plaats"), max_length=100, required=False)
    online_url = forms.URLField(
        label=_("Link voor online deelname"), required=False, assume_scheme="https", max_length=200
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Voor gemeenten"),
        queryset=Municipality.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leeg laten als de bijeenkomst voor de hele provincie of voor iedereen is."),
    )
    province = forms.ModelChoiceField(
        label=_("Voor provincie"), queryset=Province.objects.all(), required=False, empty_label=_("—")
    )
    for_board_members = forms.BooleanField(label=Audience.BOARD_MEMBERS.label, required=False, initial=True)
    for_volunteers = forms.BooleanField(label=Audience.VOLUNTEERS.label, required=False)
    for_consultants = forms.BooleanField(label=Audience.CONSULTANTS.label, required=False)
    capacity = forms.IntegerField(
        label=_("Aantal plaatsen"), required=False, help_text=_("Leeg laten voor onbeperkt.")
    )
    registration_opens_at = LocalDateTimeField(label=_("Aanmelden vanaf"), required=False)
    registration_closes_at = LocalDateTimeField(
        label=_("Aanmelden tot"), required=False, help_text=_("Leeg: tot de bijeenkomst begint.")
    )
    limit_per_organisation = forms.IntegerField(
        label=_("Maximaal aantal per organisatie"), required=False, min_value=1
    )
    basic_functions = forms.MultipleChoiceField(
        label=_("Basisfuncties"),
        choices=BasicFunction.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = (
            municipalities if municipalities is not None else Municipality.objects.none()
        )


class ProgrammeItemForm(forms.Form):
    time = forms.TimeField(label=_("Tijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    title = forms.CharField(label=_("Onderdeel"), max_length=200)


class QuestionForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=_("Vraag"), max_length=300)
    kind = forms.ChoiceField(label=_("Soort antwoord"), choices=RegistrationQuestion.Kind.choices)
    required = forms.BooleanField(label=_("Verplicht"), required=False)
    choices = forms.CharField(
        label=_("Keuzes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen bij een keuzevraag: één keuze per regel."),
    )


ProgrammeFormSet = forms.formset_factory(ProgrammeItemForm, extra=3, can_delete=True)
QuestionFormSet = forms.formset_factory(QuestionForm, extra=1, can_delete=True)


class SessionForm(forms.Form):
    starts_at = LocalDateTimeField(label=_("Begint om"))
    ends_at = LocalDateTimeField(label=_("Eindigt om"))
    venue_name = forms.CharField(label=_("Locatie (naam)"), max_length=150, required=False)
    address = forms.CharField(label=_("Adres"), max_length=200, required=False)
    city = forms.CharField(label=_("Plaats"), max_length=100, required=False)


SessionFormSet = forms.formset_factory(SessionForm, extra=3, min_num=1, validate_min=True)


class SeriesForm(EventForm):
    """A series shares everything but the sessions' times and places."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at", "venue_name", "address", "postcode", "city"):
            del self.fields[name]
        self.fields["kind"].initial = Event.Kind.OPEN_CLUB


class RegistrationForm(forms.Form):
    """Built from the event's questions; answers are keyed `q<id>` as the service expects."""

    organisation = forms.ModelChoiceField(
        label=_("Namens organisatie"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Voor mezelf"),
    )

    def __init__(self, *args, event: Event, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if not organisations.exists():
            del self.fields["organisation"]
        for question in event.questions.all():
            key = question.answer_key
            if question.kind == RegistrationQuestion.Kind.CHOICE:
                field = forms.ChoiceField(
                    choices=[(c, c) for c in question.choices],
                    widget=forms.RadioSelect,
                    required=question.required,
                )
            elif question.kind == RegistrationQuestion.Kind.YES_NO:
                field = forms.ChoiceField(
                    choices=[("yes", _("ja")), ("no", _("nee"))],
                    widget=forms.RadioSelect,
                    required=question.required,
                )
            else:
                field = forms.CharField(
                    max_length=2000, required=question.required, widget=forms.Textarea(attrs={"rows": 2})
                )
            field.label = question.text
            self.fields[key] = field

    def answers(self) -> dict:
        return {key: value for key, value in self.cleaned_data.items() if key.startswith("q")}


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden (staat in de e-mail aan de deelnemers)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OutcomeForm(forms.Form):
    notes = forms.CharField(
        label=_("Verslag"), max_length=10000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    organisations_present = forms.ModelMultipleChoiceField(
        label=_("Aanwezige organisaties"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations_present"].queryset = organisations


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Idee of gedeelde ambitie"), max_length=200)
    description = forms.CharField(
        label=_("Toelichting"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisaties die hiermee verder willen"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations


class EvaluationForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Welk cijfer geef je de bijeenkomst?"),
        choices=[(n, str(n)) for n in range(1, 11)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    useful = forms.CharField(
        label=_("Wat had je eraan?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    next_step = forms.CharField(
        label=_("Wat ga je nu doen?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CampaignChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.instrument.name})"


class InvitationForm(forms.Form):
    """Whom to invite: everyone in a municipality, a chosen list, or those that asked for a support theme in a
    KrachtMeting campaign of the support point (any combination; each organisation is invited once)."""

    municipality = forms.ModelChoiceField(
        label=_("Alle organisaties in gemeente"), queryset=Municipality.objects.none(), required=False
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Of kies organisaties"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    campaign = CampaignChoiceField(
        label=_("Of de organisaties die in de KrachtMeting om ondersteuning vroegen: campagne"),
        queryset=Campaign.objects.none(),
        required=False,
        empty_label=_("—"),
    )
    theme = forms.ModelChoiceField(
        label=_("Ondersteuningsthema"),
        queryset=SupportTheme.objects.none(),
        required=False,
        empty_label=_("—"),
        help_text=_("Alleen organisaties die dit thema in hun ingediende KrachtMeting aankruisten."),
    )

    def __init__(self, *args, municipalities, organisations, campaigns=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["organisations"].queryset = organisations
        if campaigns is None or not campaigns.exists():
            del self.fields["campaign"], self.fields["theme"]
        else:
            self.fields["campaign"].queryset = campaigns
            self.fields["theme"].queryset = SupportTheme.objects.order_by("position", "name")

    def clean(self):
        data = super().clean()
        campaign, theme = data.get("campaign"), data.get("theme")
        if campaign and not theme:
            self.add_error("theme", _("Kies het thema waar de organisaties om vroegen."))
        elif theme and not campaign:
            self.add_error("campaign", _("Kies de KrachtMeting-campagne waarin om dit thema gevraagd is."))
        elif not data.get("municipality") and not data.get("organisations") and not campaign:
            if "campaign" in self.fields:
                message = _("Kies een gemeente, een of meer organisaties, of een campagne en een thema.")
            else:
                message = _("Kies een gemeente of een of meer organisaties.")
            raise forms.ValidationError(message)
        return data


class PeriodForm(forms.Form):
    date_from = forms.DateField(label=_("Vanaf"), widget=DateInput())
    date_to = forms.DateField(label=_("Tot en met"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            raise forms.ValidationError(_("De einddatum ligt vóór de begindatum."))
        return data
