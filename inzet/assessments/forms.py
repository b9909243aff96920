from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.assessments.models import Campaign, Instrument, Item
from inzet.assessments.services.responses import DONT_KNOW
from inzet.collaboration.models import SupportTheme
from inzet.core.forms import DateInput
from inzet.organisations.models import Sector
from inzet.places.models import Municipality

AGREE_CHOICES = [
    ("1", _("Helemaal mee oneens")),
    ("2", _("Mee oneens")),
    ("3", _("Neutraal")),
    ("4", _("Mee eens")),
    ("5", _("Helemaal mee eens")),
    (DONT_KNOW, _("Weet niet / n.v.t.")),
]
YES_NO_CHOICES = [("1", _("Ja")), ("0", _("Nee")), (DONT_KNOW, _("Weet niet / n.v.t."))]
CHOICE_ERROR = {"invalid_choice": _("Kies een van de mogelijkheden.")}


def field_name(item: Item) -> str:
    return f"item_{item.code}"


def _field_for(item: Item) -> forms.Field:
    # Nothing is required per page: required questions are checked when the questionnaire is handed in.
    common = {"label": item.label, "required": False, "help_text": item.help_label}
    kind = item.answer_type
    if kind == Item.AnswerType.AGREE5:
        return forms.ChoiceField(
            choices=AGREE_CHOICES, widget=forms.RadioSelect, error_messages=CHOICE_ERROR, **common
        )
    if kind == Item.AnswerType.YES_NO:
        return forms.ChoiceField(
            choices=YES_NO_CHOICES, widget=forms.RadioSelect, error_messages=CHOICE_ERROR, **common
        )
    if kind == Item.AnswerType.NUMBER:
        return forms.DecimalField(min_value=0, max_digits=11, decimal_places=2, **common)
    if kind == Item.AnswerType.SINGLE_CHOICE:
        return forms.ChoiceField(
            choices=item.choice_list(), widget=forms.RadioSelect, error_messages=CHOICE_ERROR, **common
        )
    if kind == Item.AnswerType.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=item.choice_list(),
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": _("Kies alleen uit de genoemde mogelijkheden.")},
            **common,
        )
    if kind == Item.AnswerType.SHORT_TEXT:
        return forms.CharField(max_length=300, **common)
    return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 4}), **common)


def initial_value(item: Item, answer) -> object:
    if answer is None:
        return None
    if answer.dont_know:
        return DONT_KNOW
    if item.answer_type in (Item.AnswerType.AGREE5, Item.AnswerType.YES_NO):
        return str(int(answer.number))
    if item.answer_type == Item.AnswerType.NUMBER:
        return answer.number.normalize()
    if item.answer_type == Item.AnswerType.MULTIPLE_CHOICE:
        return answer.choices
    return answer.text


class PageForm(forms.Form):
    """One page (dimension) of a questionnaire; one field per item, named `item_<code>`."""

    def __init__(self, *args, items: list[Item], answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            name = field_name(item)
            self.fields[name] = _field_for(item)
            self.fields[name].item = item
            self.initial[name] = initial_value(item, answers.get(item.pk))

    def service_answers(self) -> dict:
        """item code → raw value, for `response_save_page` (which checks everything again)."""
        return {item.code: self.cleaned_data.get(field_name(item)) for item in self.items}


class StartForm(forms.Form):
    instrument = forms.ModelChoiceField(
        label=_("Vragenlijst"),
        queryset=Instrument.objects.filter(status=Instrument.Status.PUBLISHED),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    essential_only = forms.BooleanField(
        label=_("We zijn een kleine organisatie: alleen de essentiële vragen (Goed Geregeld)"),
        required=False,
    )


class RespondentInvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_(
            "Een medebestuurder of vrijwilliger. Die krijgt een link om dezelfde vragenlijst in te vullen."
        ),
    )


class CampaignForm(forms.ModelForm):
    instrument = forms.ModelChoiceField(
        label=_("Vragenlijst"),
        queryset=Instrument.objects.filter(status=Instrument.Status.PUBLISHED),
        empty_label=_("Kies een vragenlijst"),
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Gemeenten"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één gemeente.")},
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectoren (optioneel)"),
        queryset=Sector.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kies niets om alle organisaties in de gekozen gemeenten uit te nodigen."),
    )

    class Meta:
        model = Campaign
        fields = [
            "support_point",
            "instrument",
            "title",
            "starts_on",
            "deadline",
            "municipalities",
            "sectors",
            "invitation_text",
        ]
        labels = {
            "support_point": _("Steunpunt"),
            "title": _("Titel"),
            "starts_on": _("Begint op"),
            "deadline": _("Invullen kan tot en met"),
            "invitation_text": _("Uitnodigingstekst"),
        }
        help_texts = {
            "title": _("Bijvoorbeeld: Behoeftepeiling 2026 gemeente Groningen."),
            "invitation_text": _(
                "De coördinatoren van de organisaties krijgen deze tekst per e-mail, met een link."
            ),
            "deadline": _(
                "Een week ervoor krijgen organisaties die nog niets hebben ingevuld een herinnering."
            ),
        }
        widgets = {
            "starts_on": DateInput(),
            "deadline": DateInput(),
            "invitation_text": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, support_points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_point"].queryset = support_points
        self.fields["support_point"].empty_label = None
        self.fields["municipalities"].queryset = (
            Municipality.objects.filter(support_points__in=support_points).distinct().order_by("name")
        )
        self.initial.setdefault("starts_on", timezone.localdate())

    def _post_clean(self):
        pass

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["municipalities"] = list(data["municipalities"])
        data["sectors"] = list(data.get("sectors") or [])
        return data


class MailMergeForm(forms.Form):
    target = forms.ChoiceField(label=_("Aan wie?"), widget=forms.RadioSelect)
    subject = forms.CharField(label=_("Onderwerp"), max_length=150)
    message = forms.CharField(
        label=_("Bericht"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Bijvoorbeeld een uitnodiging voor een rondetafelgesprek of een training, met datum en plaats."
        ),
    )

    def __init__(self, *args, themes: list, dimensions: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {f"theme:{theme.slug}": theme for theme in themes}
        self.dimensions = {f"field:{dimension.slug}": dimension for dimension in dimensions}
        self.fields["target"].choices = [
            (key, _("Vroeg om ondersteuning bij: %(theme)s") % {"theme": theme.label})
            for key, theme in self.themes.items()
        ] + [
            (key, _("Scoort laag op %(field)s") % {"field": dimension.label})
            for key, dimension in self.dimensions.items()
        ]

    def service_data(self) -> dict:
        target = self.cleaned_data["target"]
        return {
            "subject": self.cleaned_data["subject"],
            "message": self.cleaned_data["message"],
            "theme": self.themes.get(target),
            "dimension": self.dimensions.get(target),
        }


def theme_choices():
    return SupportTheme.objects.order_by("position")
