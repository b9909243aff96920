from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from inzet.core.errors import ApplicationError
from inzet.core.forms import DateInput
from inzet.organisations.models import Sector
from inzet.places.postcodes import normalise_postcode
from inzet.places.selectors import Location, location_for_postcode
from inzet.vacancies import availability, nov
from inzet.vacancies.models import (
    ActivityType,
    Commitment,
    Response,
    SavedSearch,
    Skill,
    Vacancy,
    VolunteerProfile,
)
from inzet.vacancies.search import SUITABILITY_FLAGS, VacancyQuery
from inzet.vacancies.services import VACANCY_FIELDS


class AvailabilityField(forms.MultipleChoiceField):
    """The week grid (weekday × morning/afternoon/evening) as checkboxes, cleaned to the 21-bit mask."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", availability.choices)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return [f"{day}-{part}" for day, part in availability.slots(value)]
        return value

    def clean(self, value):
        values = super().clean(value)
        return availability.mask_of(tuple(int(x) for x in item.split("-")) for item in values)


def _checkboxes(label, model) -> forms.ModelMultipleChoiceField:
    """An optional choice from a taxonomy, as a list of checkboxes."""
    return forms.ModelMultipleChoiceField(
        label=label, queryset=model.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )


def _postcode(value: str) -> str:
    try:
        return normalise_postcode(value)
    except forms.ValidationError as error:
        raise forms.ValidationError(error.messages[0]) from None


class ProfileForm(forms.ModelForm):
    postcode = forms.CharField(
        label=_("Postcode"), max_length=12, help_text=_("Afstanden rekenen we vanaf hier.")
    )
    availability = AvailabilityField(
        label=_("Wanneer kun je?"),
        help_text=_("Om vacatures voor te stellen op momenten dat je kunt; organisaties zien dit niet."),
    )
    sectors = _checkboxes(_("Interesses"), Sector)
    activity_types = _checkboxes(_("Wat wil je doen?"), ActivityType)
    skills = _checkboxes(_("Waar ben je goed in?"), Skill)

    class Meta:
        model = VolunteerProfile
        fields = [
            "postcode",
            "max_distance_km",
            "sectors",
            "activity_types",
            "skills",
            "availability",
            "hours_per_week",
            "commitment",
            "languages",
            "suits_simple_dutch",
            "suits_mdt",
            "suits_newcomers",
            "suits_disability",
            "remote_possible",
            "birth_year",
            "accessibility_wishes",
            "motivation",
            "allows_mediation",
        ]
        labels = {
            "suits_simple_dutch": _("Ik zoek werk waarbij eenvoudig Nederlands (B1) genoeg is"),
            "suits_mdt": _("Ik doe maatschappelijke diensttijd (MDT)"),
            "suits_newcomers": _("Ik ben nieuw in Nederland"),
            "suits_disability": _("Ik zoek een plek die past bij een beperking"),
            "remote_possible": _("Ik werk graag (ook) op afstand"),
            "languages": _("Welke talen spreek je?"),
        }
        # The purpose of each sensitive field, next to it (the privacy statement says the rest).
        help_texts = {
            "suits_disability": _(
                "Alleen om plekken voor te stellen die bij je passen; organisaties zien dit niet."
            ),
            "birth_year": _(
                "Alleen om rekening te houden met een minimumleeftijd; organisaties zien dit niet. Leeg laten mag."
            ),
            "accessibility_wishes": _(
                "Wat je nodig hebt om mee te kunnen doen, zodat je het bij de hand hebt als je reageert. "
                "Organisaties zien dit niet. Leeg laten mag."
            ),
            "motivation": _(
                "Gaat mee als je op een vacature reageert, en helpt de vrijwilligerscentrale als je om "
                "bemiddeling vraagt. Leeg laten mag."
            ),
        }
        widgets = {
            "accessibility_wishes": forms.Textarea(attrs={"rows": 3}),
            "motivation": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_postcode(self):
        return _postcode(self.cleaned_data["postcode"])

    def _post_clean(self):
        pass  # the service validates the model inside its transaction


class VacancyForm(forms.ModelForm):
    postcode = forms.CharField(
        label=_("Postcode van de plek"),
        max_length=12,
        required=False,
        help_text=_("Leeg laten: dan geldt het adres van de organisatie."),
    )
    availability = AvailabilityField(label=_("Wanneer?"))
    activity_types = _checkboxes(_("Soort werk"), ActivityType)
    skills = _checkboxes(_("Gevraagde vaardigheden"), Skill)

    class Meta:
        model = Vacancy
        fields = [*VACANCY_FIELDS[:4], "activity_types", "skills", *VACANCY_FIELDS[4:]]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "activities": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "end_date": DateInput(),
        }
        help_texts = {
            "hours_per_week": _("De NOV-richtlijn: hoogstens 20 uur per week."),
            "remote_possible": _("Het werk kan (ook) op afstand."),
        }

    def clean_postcode(self):
        value = self.cleaned_data.get("postcode", "").strip()
        return _postcode(value) if value else ""

    def _post_clean(self):
        pass


class ReviewForm(forms.Form):
    confirmed = forms.MultipleChoiceField(
        label=_("NOV-criteria"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(key, key) for key in nov.keys()],
    )

    def __init__(self, *args, vacancy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirmed"].choices = [
            (c.key, "%s — %s" % (c.label, _("voldoet") if c.passes else _("controleer dit")))  # noqa: UP031
            for c in nov.criteria(vacancy)
        ]


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Wat moet er veranderen?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ResponseForm(forms.Form):
    message = forms.CharField(
        label=_("Je bericht aan de organisatie"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        help_text=_(
            "Vertel kort wie je bent en waarom deze plek je trekt. Alleen de organisatie en de "
            "vrijwilligerscentrale lezen dit, om contact met je op te nemen."
        ),
    )


class ResponseMoveForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe stap"),
        choices=[
            (s, label)
            for s, label in Response.Status.choices
            if s not in (Response.Status.NEW, Response.Status.WITHDRAWN)
        ],
    )
    reason = forms.CharField(
        label=_("Toelichting (verplicht bij afwijzen)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    start_date = forms.DateField(label=_("Begindatum (bij plaatsen)"), required=False, widget=DateInput())
    hours_per_week = forms.IntegerField(
        label=_("Uren per week (bij plaatsen)"), required=False, min_value=1, max_value=40
    )


class MediationForm(forms.Form):
    vacancy = forms.ModelChoiceField(label=_("Vacature"), queryset=Vacancy.objects.none())
    note = forms.CharField(
        label=_("Waarom past dit?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000
    )

    def __init__(self, *args, vacancies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = vacancies


class PlacementForm(forms.Form):
    start_date = forms.DateField(label=_("Begindatum"), widget=DateInput())
    hours_per_week = forms.IntegerField(label=_("Uren per week"), min_value=1, max_value=40)


class PlacementEndForm(forms.Form):
    end_date = forms.DateField(label=_("Einddatum"), widget=DateInput())
    reason = forms.CharField(label=_("Reden van stoppen"), max_length=300, required=False)


MAX_PERIOD_DAYS = 5 * 366


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Van"), widget=DateInput())
    end = forms.DateField(label=_("Tot en met"), widget=DateInput())

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("De einddatum ligt vóór de begindatum."))
        if start and end and (end - start).days > MAX_PERIOD_DAYS:
            raise forms.ValidationError(_("Kies een periode van hoogstens vijf jaar."))
        return data


class QuickSearchForm(forms.Form):
    """The first two fields of SearchForm, as the home page asks them; it submits to the search page."""

    q = forms.CharField(
        label=_("Wat wil je doen?"),
        required=False,
        help_text=_("Bijvoorbeeld: voorlezen, sport, tuin, taalmaatje."),
        widget=forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=12,
        help_text=_("Bijvoorbeeld 9712 CP. Leeg laten mag."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )


QUERY_LENGTH = 200  # characters of a search query that are read; the rest is cut off
DEFAULT_RADIUS_KM = 15  # with a postcode and no radius


class SearchForm(forms.Form):
    """The public vacancy search. Every field is optional; nonsense is ignored, never an error page."""

    # No max_length: a long query is cut (the search reads at most its first words), never refused.
    q = forms.CharField(label=_("Zoek op woord"), required=False, strip=True)
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=12)
    radius = forms.IntegerField(label=_("Binnen (km)"), required=False, min_value=1, max_value=300)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Alle sectoren"),
    )
    activity = forms.ModelChoiceField(
        label=_("Soort werk"),
        queryset=ActivityType.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Alle soorten werk"),
    )
    availability = AvailabilityField(label=_("Wanneer kun je?"))
    max_hours = forms.IntegerField(
        label=_("Hoogstens uren per week"), required=False, min_value=1, max_value=40
    )
    commitment = forms.ChoiceField(
        label=_("Duur"), required=False, choices=[("", _("Alles"))] + list(Commitment.choices)
    )
    suits_mdt = forms.BooleanField(label=_("Geschikt voor MDT"), required=False)
    suits_simple_dutch = forms.BooleanField(label=_("Eenvoudig Nederlands (B1)"), required=False)
    suits_newcomers = forms.BooleanField(label=_("Geschikt voor nieuwkomers"), required=False)
    suits_disability = forms.BooleanField(label=_("Geschikt bij een beperking"), required=False)
    remote_possible = forms.BooleanField(label=_("Op afstand mogelijk"), required=False)
    sort = forms.ChoiceField(
        label=_("Sorteer op"),
        required=False,
        choices=[("relevance", _("Beste match")), ("distance", _("Afstand")), ("newest", _("Nieuwste"))],
    )

    def clean_q(self) -> str:
        return self.cleaned_data["q"][:QUERY_LENGTH]

    @classmethod
    def lenient(cls, data) -> tuple["SearchForm", list[str]]:
        """The form bound to only the fields that are valid, and the names of those dropped: nonsense in a
        URL (or a saved search whose sector no longer exists) is left out, never an error."""
        form = cls(data)
        if form.is_valid():
            return form, []
        dropped = sorted(form.errors)
        valid = data.copy()
        for name in dropped:
            valid.pop(name, None)
        form = cls(valid)
        form.is_valid()
        return form, dropped

    def search_request(self, *, profile=None) -> "SearchRequest":
        """The search this (valid) form asks for. Without a postcode, a volunteer's profile gives the place."""
        data = self.cleaned_data
        postcode = (data.get("postcode") or "").strip()
        origin, radius, unknown_postcode, from_profile = None, None, "", False
        if postcode:
            try:
                origin = location_for_postcode(postcode)
            except ApplicationError:
                unknown_postcode = postcode
            else:
                radius = data.get("radius") or DEFAULT_RADIUS_KM
        elif profile is not None:
            origin = Location(profile.lat, profile.lon, profile.municipality, "postcode")
            radius = data.get("radius") or profile.max_distance_km
            from_profile = True
        query = VacancyQuery(
            text=(data.get("q") or "").strip(),
            origin=origin,
            radius_km=radius,
            sector_slugs=(data["sector"].slug,) if data.get("sector") else (),
            activity_type_slugs=(data["activity"].slug,) if data.get("activity") else (),
            availability=data.get("availability") or 0,
            max_hours=data.get("max_hours"),
            commitment=data.get("commitment") or "",
            sort=data.get("sort") or "relevance",
            **{flag: bool(data.get(flag)) for flag in SUITABILITY_FLAGS},
        )
        return SearchRequest(query=query, unknown_postcode=unknown_postcode, from_profile=from_profile)

    def as_params(self) -> list[tuple[str, str]]:
        """The inverse of reading the GET parameters: this (valid) form's values as the search page's
        parameters, in the form's order, without empty ones or defaults, so that one search always has one
        querystring (a saved search is found again by it)."""
        data, params = self.cleaned_data, []
        for name, field in self.fields.items():
            value = data.get(name)
            if value in (None, "", False, 0) or (name == "sort" and value == "relevance"):
                continue
            if isinstance(field, AvailabilityField):
                params.extend((name, slot) for slot in field.prepare_value(value))
            elif isinstance(field, forms.ModelChoiceField):
                params.append((name, value.slug))
            elif isinstance(field, forms.BooleanField):
                params.append((name, "on"))
            elif name == "postcode":
                try:
                    params.append((name, normalise_postcode(value)))
                except forms.ValidationError:
                    params.append((name, value.strip()))
            else:
                params.append((name, str(value).strip()))
        return params

    def as_querystring(self) -> str:
        return urlencode(self.as_params())

    def describe(self) -> str:
        """The search in a few words ("‘tuin’ · Natuur en milieu · binnen 15 km van 9712 CP"): the name a saved
        search gets when its owner gives none."""
        data, parts = self.cleaned_data, []
        if data.get("q"):
            parts.append(f"‘{data['q'].strip()}’")
        parts += [str(data[name]) for name in ("sector", "activity") if data.get(name)]
        if data.get("commitment"):
            parts.append(str(Commitment(data["commitment"]).label))
        if data.get("max_hours"):
            parts.append(_("hoogstens %(hours)s uur per week") % {"hours": data["max_hours"]})
        parts += [str(self.fields[flag].label) for flag in SUITABILITY_FLAGS if data.get(flag)]
        if data.get("availability"):
            parts.append(str(_("op de gekozen momenten")))
        postcode = dict(self.as_params()).get("postcode")  # written as the saved querystring has it
        if postcode:
            radius = data.get("radius") or DEFAULT_RADIUS_KM
            parts.append(_("binnen %(km)s km van %(postcode)s") % {"km": radius, "postcode": postcode})
        return " · ".join(parts) or str(_("Alle vacatures"))


@dataclass(frozen=True)
class SearchRequest:
    query: VacancyQuery
    unknown_postcode: str = ""  # a postcode that was typed but is not known: searched without a place
    from_profile: bool = False  # the place is the volunteer's profile postcode


class SaveSearchForm(forms.Form):
    """ "Bewaar deze zoekopdracht" on the search page; ``params`` carries the page's GET parameters."""

    params = forms.CharField(widget=forms.HiddenInput, required=False, max_length=4000)
    name = forms.CharField(
        label=_("Naam"),
        required=False,
        max_length=100,
        help_text=_("Leeg laten mag: dan noemen we hem naar wat je zoekt."),
    )
    frequency = forms.ChoiceField(
        label=_("Stuur me nieuwe vacatures"),
        choices=SavedSearch.Frequency.choices,
        initial=SavedSearch.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )


ALERT_OFF = "off"


class SavedSearchAlertForm(forms.Form):
    """How often a saved search mails, or not at all (the same as the "stop" link in the mail)."""

    alert = forms.ChoiceField(
        label=_("E-mail met nieuwe vacatures"),
        choices=[
            (SavedSearch.Frequency.DAILY, _("Elke dag")),
            (SavedSearch.Frequency.WEEKLY, _("Elke week")),
            (ALERT_OFF, _("Geen e-mail")),
        ],
    )

    @classmethod
    def for_saved_search(cls, saved_search, data=None) -> "SavedSearchAlertForm":
        # One form per saved search on a page: the ids must differ.
        return cls(
            data,
            auto_id=f"id_%s_{saved_search.pk}",
            initial={"alert": saved_search.frequency if saved_search.active else ALERT_OFF},
        )
