"""Report data as plain structures, shared by the HTML pages, the PDF and XLSX exports and the API.

- `organisation_report(assessment)` — one organisation's result: per field the mean over its respondents.
- `campaign_report(campaign, municipality_codes=..., for_officer=...)` — the municipality report: per field the
  distribution over organisations. An organisation's score on a field is the mean of its respondents' scores.
- `campaign_responses(campaign)` — every submitted response with its answers, for the consultants' spreadsheet.
- `response_answers(response)` — one response's answers as a person reads them.

Scores come from `DimensionScore`, stored per submitted response, so the per-organisation means are SQL.
Officers never see organisation names or individual answers, and no group of fewer than `MIN_GROUP` organisations.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Avg, Count, Max, Min

from inzet.accounts.selectors import municipality_ids_of_officer
from inzet.assessments import scoring, selectors
from inzet.assessments.models import (
    Answer,
    Assessment,
    Campaign,
    Dimension,
    DimensionScore,
    Item,
    Response,
)
from inzet.collaboration.models import SupportOffer, SupportTheme
from inzet.collaboration.selectors import support_offers_for_organisation
from inzet.organisations.models import Organisation

LOW_SCORE = 50  # below this a field counts as weak (and its organisations as candidates for a round table)
MIN_GROUP = 5  # officers see no breakdown over fewer organisations


@dataclass
class FieldResult:
    """One field of one organisation: the mean over its respondents, and their spread."""

    dimension_id: int
    slug: str
    label: str
    description: str
    score: float | None
    respondents: int  # respondents with a score on this field
    minimum: float | None
    maximum: float | None

    @property
    def spread(self) -> float | None:
        return None if self.minimum is None else self.maximum - self.minimum


@dataclass
class ThemeCount:
    slug: str
    label: str
    count: int


@dataclass
class Suggestion:
    offer: SupportOffer
    reasons: list[str]


@dataclass
class OrganisationReport:
    assessment_id: int
    organisation_id: int
    organisation_name: str
    instrument_label: str
    instrument_version: int
    respondents: int
    fields: list[FieldResult]
    strongest: FieldResult | None
    weakest: FieldResult | None
    weak_fields: list[FieldResult]
    themes: list[ThemeCount]  # count = respondents who chose the theme
    suggestions: list[Suggestion]
    remarks: list[str]  # free texts of the unscored closing block
    min_answered: float
    low_score: int = LOW_SCORE

    @property
    def min_answered_percent(self) -> int:
        return round(self.min_answered * 100)

    @property
    def has_scores(self) -> bool:
        return any(result.score is not None for result in self.fields)


def _scored_dimensions(instrument_id: int) -> list[Dimension]:
    return list(
        Dimension.objects.filter(instrument_id=instrument_id, scored=True)
        .prefetch_related("support_themes")
        .order_by("position", "pk")
    )


def _theme_labels() -> dict[str, tuple[str, int]]:
    return {theme.slug: (theme.label, theme.position) for theme in SupportTheme.objects.all()}


def _ranked_themes(counts: dict[str, int]) -> list[ThemeCount]:
    labels = _theme_labels()
    return sorted(
        (
            ThemeCount(slug, labels.get(slug, (slug, 999))[0], count)
            for slug, count in counts.items()
            if count
        ),
        key=lambda theme: (-theme.count, labels.get(theme.slug, ("", 999))[1]),
    )


def organisation_report(assessment: Assessment) -> OrganisationReport:
    dimensions = _scored_dimensions(assessment.instrument_id)
    submitted = Response.objects.filter(assessment=assessment, status=Response.Status.SUBMITTED)
    rows = {
        row["dimension_id"]: row
        for row in DimensionScore.objects.filter(response__in=submitted)
        .values("dimension_id")
        .annotate(mean=Avg("score"), n=Count("score"), low=Min("score"), high=Max("score"))
    }
    fields = []
    for dimension in dimensions:
        row = rows.get(dimension.pk, {})
        fields.append(
            FieldResult(
                dimension_id=dimension.pk,
                slug=dimension.slug,
                label=dimension.label,
                description=dimension.description_label,
                score=row.get("mean"),
                respondents=row.get("n", 0),
                minimum=row.get("low"),
                maximum=row.get("high"),
            )
        )
    scored = [result for result in fields if result.score is not None]
    strongest = max(scored, key=lambda r: r.score) if len(scored) > 1 else None
    weakest = min(scored, key=lambda r: r.score) if len(scored) > 1 else None
    weak_fields = [r for r in scored if r.score < LOW_SCORE or r is weakest]

    theme_counts: dict[str, int] = {}
    remarks = []
    for answer in Answer.objects.filter(response__in=submitted, item__dimension__scored=False).select_related(
        "item"
    ):
        if answer.item.asks_support_themes:
            for slug in answer.choices:
                theme_counts[slug] = theme_counts.get(slug, 0) + 1
        elif answer.text and answer.item.answer_type == answer.item.AnswerType.LONG_TEXT:
            remarks.append(answer.text)
    themes = _ranked_themes(theme_counts)
    return OrganisationReport(
        assessment_id=assessment.pk,
        organisation_id=assessment.organisation_id,
        organisation_name=assessment.organisation.name,
        instrument_label=assessment.instrument.label,
        instrument_version=assessment.instrument.version,
        respondents=submitted.count(),
        fields=fields,
        strongest=strongest,
        weakest=weakest,
        weak_fields=weak_fields,
        themes=themes,
        suggestions=_suggestions(assessment.organisation, dimensions, weak_fields, themes),
        remarks=remarks,
        min_answered=float(assessment.instrument.scoring.get("min_answered", scoring.DEFAULT_MIN_ANSWERED)),
    )


def _suggestions(
    organisation: Organisation,
    dimensions: list[Dimension],
    weak_fields: list[FieldResult],
    themes: list[ThemeCount],
) -> list[Suggestion]:
    """Offers of the organisation's support point(s) on the themes that strengthen its weak fields or it asked for."""
    from django.utils.translation import gettext as _

    by_id = {dimension.pk: dimension for dimension in dimensions}
    reasons: dict[str, list[str]] = {}
    for result in weak_fields:
        for theme in by_id[result.dimension_id].support_themes.all():
            reasons.setdefault(theme.slug, []).append(_("versterkt %(field)s") % {"field": result.label})
    for theme in themes:
        reasons.setdefault(theme.slug, []).append(_("jullie vroegen erom"))
    if not reasons:
        return []
    offers = support_offers_for_organisation(organisation).filter(theme__slug__in=reasons)
    return [Suggestion(offer, reasons[offer.theme.slug]) for offer in offers]


# The municipality report of a campaign


@dataclass
class FieldDistribution:
    dimension_id: int
    slug: str
    label: str
    summary: scoring.Summary  # over organisations


@dataclass
class GroupRow:
    label: str
    organisations: int
    means: list[float | None]  # per field, in the order of `CampaignReport.fields`
    hidden: bool = False  # too few organisations to show to an officer


@dataclass
class OrganisationRow:
    organisation_id: int
    assessment_id: int
    name: str
    municipality: str
    sectors: list[str]
    respondents: int
    scores: list[float | None]


@dataclass
class LowScores:
    dimension_id: int
    slug: str
    label: str
    organisations: list[tuple[int, str, float]]  # (id, name, score), lowest first


@dataclass
class CampaignReport:
    campaign_id: int
    title: str
    instrument_label: str
    instrument_version: int
    for_officer: bool
    municipalities: list[str]
    invited: int
    participated: int
    fields: list[tuple[str, str]]  # (slug, label)
    distributions: list[FieldDistribution] = field(default_factory=list)
    whole_campaign: GroupRow | None = None
    sectors: list[GroupRow] = field(default_factory=list)
    themes: list[ThemeCount] = field(default_factory=list)
    low_scores: list[LowScores] = field(default_factory=list)
    organisations: list[OrganisationRow] = field(default_factory=list)
    protected: bool = (
        False  # an officer's report over fewer than MIN_GROUP organisations: only the response rate
    )
    low_score: int = LOW_SCORE
    min_group: int = MIN_GROUP

    @property
    def response_rate(self) -> float | None:
        return self.participated / self.invited * 100 if self.invited else None


def _organisation_means(campaign: Campaign) -> dict[int, dict[int, float | None]]:
    """organisation id → dimension id → mean score over its submitted responses (SQL AVG ignores empty scores)."""
    means: dict[int, dict[int, float | None]] = {}
    for row in (
        DimensionScore.objects.filter(
            response__assessment__campaign=campaign, response__status=Response.Status.SUBMITTED
        )
        .values("response__assessment__organisation_id", "dimension_id")
        .annotate(mean=Avg("score"))
    ):
        means.setdefault(row["response__assessment__organisation_id"], {})[row["dimension_id"]] = row["mean"]
    return means


def _themes_by_organisation(campaign: Campaign) -> dict[int, set[str]]:
    chosen: dict[int, set[str]] = {}
    for organisation_id, choices in Answer.objects.filter(
        response__assessment__campaign=campaign,
        response__status=Response.Status.SUBMITTED,
        item__asks_support_themes=True,
    ).values_list("response__assessment__organisation_id", "choices"):
        chosen.setdefault(organisation_id, set()).update(choices)
    return chosen


def organisations_asking_for(campaign: Campaign, *, theme_slug: str) -> list[int]:
    return sorted(org for org, slugs in _themes_by_organisation(campaign).items() if theme_slug in slugs)


def organisations_low_on(campaign: Campaign, *, dimension_id: int, threshold: float = LOW_SCORE) -> list[int]:
    return sorted(
        org
        for org, scores in _organisation_means(campaign).items()
        if scores.get(dimension_id) is not None and scores[dimension_id] < threshold
    )


def _group(
    label: str, organisation_ids: list[int], means, dimensions, *, protect: bool, within: int
) -> GroupRow:
    """The mean per field over a group of organisations. For an officer (`protect`) a group is hidden when it has
    fewer than MIN_GROUP organisations, and also when the rest of the `within` organisations it is shown beside
    are 1 to MIN_GROUP - 1 (their scores would follow by subtraction); a field mean over fewer than MIN_GROUP
    scored organisations is left out."""
    rest = within - len(organisation_ids)
    row = GroupRow(
        label=label,
        organisations=len(organisation_ids),
        means=[],
        hidden=protect and (len(organisation_ids) < MIN_GROUP or 0 < rest < MIN_GROUP),
    )
    for dimension in dimensions:
        scores = [means[org].get(dimension.pk) for org in organisation_ids]
        scored = sum(score is not None for score in scores)
        row.means.append(None if protect and scored < MIN_GROUP else scoring.mean_or_none(scores))
    return row


def _protected_summary(summary: scoring.Summary) -> scoring.Summary:
    """What an officer may see of a field's distribution: nothing over fewer than MIN_GROUP scored organisations,
    and never the lowest and highest score (each is one organisation's own)."""
    if summary.n < MIN_GROUP:
        return scoring.Summary(summary.n, None, None, None, None, None, None, (0,) * len(summary.histogram))
    return scoring.Summary(
        summary.n, summary.mean, summary.median, summary.q1, summary.q3, None, None, summary.histogram
    )


def campaign_report(
    campaign: Campaign, *, municipality_codes: list[str] | None = None, for_officer: bool = False
) -> CampaignReport:
    """The campaign's results, optionally only over some municipalities (an officer's own)."""
    dimensions = _scored_dimensions(campaign.instrument_id)
    invited = campaign.invited_organisations.all()
    all_means = _organisation_means(campaign)
    participating = Organisation.objects.filter(pk__in=all_means)
    if municipality_codes is not None:
        invited = invited.filter(municipality__in=municipality_codes)
        participating = participating.filter(municipality__in=municipality_codes)
    participants = list(
        participating.select_related("municipality").prefetch_related("sectors").order_by("name")
    )
    # Participants were recorded as invited when they started; the union only guards older data.
    invited_ids = set(invited.values_list("pk", flat=True)) | {org.pk for org in participants}
    report = CampaignReport(
        campaign_id=campaign.pk,
        title=campaign.title,
        instrument_label=campaign.instrument.label,
        instrument_version=campaign.instrument.version,
        for_officer=for_officer,
        municipalities=sorted(
            campaign.municipalities.filter(
                **({"code__in": municipality_codes} if municipality_codes is not None else {})
            ).values_list("name", flat=True)
        ),
        invited=len(invited_ids),
        participated=len(participants),
        fields=[(d.slug, d.label) for d in dimensions],
    )
    if for_officer and len(participants) < MIN_GROUP:
        report.protected = True
        return report
    ids = [org.pk for org in participants]
    report.distributions = []
    for d in dimensions:
        summary = scoring.summarise([all_means[org].get(d.pk) for org in ids])
        report.distributions.append(
            FieldDistribution(d.pk, d.slug, d.label, _protected_summary(summary) if for_officer else summary)
        )
    if municipality_codes is not None:
        # Shown beside the officer's own municipalities: hidden when the others are too few to stay anonymous.
        everyone = list(all_means)
        report.whole_campaign = _group(
            str(campaign.title), everyone, all_means, dimensions, protect=for_officer, within=len(everyone)
        )
        if for_officer and 0 < len(everyone) - len(ids) < MIN_GROUP:
            report.whole_campaign.hidden = True
    by_sector: dict[tuple[int, str], list[int]] = {}
    for org in participants:
        for sector in org.sectors.all():
            by_sector.setdefault((sector.position, sector.label), []).append(org.pk)
    report.sectors = [
        _group(label, members, all_means, dimensions, protect=for_officer, within=len(ids))
        for (_position, label), members in sorted(by_sector.items())
    ]
    chosen = _themes_by_organisation(campaign)
    counts: dict[str, int] = {}
    for org in ids:
        for slug in chosen.get(org, ()):
            counts[slug] = counts.get(slug, 0) + 1
    report.themes = _ranked_themes(counts)
    if not for_officer:
        respondents = dict(
            Response.objects.filter(assessment__campaign=campaign, status=Response.Status.SUBMITTED)
            .values("assessment__organisation_id")
            .annotate(n=Count("pk"))
            .values_list("assessment__organisation_id", "n")
        )
        assessments = dict(campaign.assessments.values_list("organisation_id", "pk"))
        report.organisations = [
            OrganisationRow(
                organisation_id=org.pk,
                assessment_id=assessments[org.pk],
                name=org.name,
                municipality=org.municipality.name,
                sectors=[sector.label for sector in org.sectors.all()],
                respondents=respondents.get(org.pk, 0),
                scores=[all_means[org.pk].get(d.pk) for d in dimensions],
            )
            for org in participants
        ]
        names = {org.pk: org.name for org in participants}
        report.low_scores = [
            LowScores(
                d.pk,
                d.slug,
                d.label,
                sorted(
                    (
                        (org, names[org], all_means[org][d.pk])
                        for org in ids
                        if all_means[org].get(d.pk) is not None and all_means[org][d.pk] < LOW_SCORE
                    ),
                    key=lambda row: (row[2], row[1]),
                ),
            )
            for d in dimensions
        ]
    return report


def campaign_report_for(user, campaign: Campaign) -> CampaignReport | None:
    """The report this person may read: the full one for the campaign's consultants; for an officer the aggregate
    over their own municipalities; None for anyone else. Used by the pages, the downloads and the API alike."""
    if user.has_perm("assessments.view_campaign_report", campaign):
        return campaign_report(campaign)
    if user.has_perm("assessments.view_campaign_aggregate", campaign):
        codes = list(
            campaign.municipalities.filter(code__in=municipality_ids_of_officer(user)).values_list(
                "code", flat=True
            )
        )
        return campaign_report(campaign, municipality_codes=codes, for_officer=True)
    return None


@dataclass
class AnsweredItem:
    code: str
    text: str
    answer: str  # as shown to a person
    dont_know: bool = False


@dataclass
class AnsweredPage:
    label: str
    items: list[AnsweredItem]


def _agree_labels() -> dict[int, str]:
    from django.utils.translation import gettext as _

    return {
        1: _("helemaal mee oneens"),
        2: _("mee oneens"),
        3: _("neutraal"),
        4: _("mee eens"),
        5: _("helemaal mee eens"),
    }


def shown_answer(item: Item, answer: Answer | None, *, agree: dict[int, str] | None = None) -> str:
    """An answer as a person reads it: the scale's words, "ja"/"nee", the chosen labels joined, or the text."""
    from django.utils.translation import gettext as _

    if answer is None:
        return "—"
    if answer.dont_know:
        return _("weet niet / n.v.t.")
    if item.answer_type == item.AnswerType.AGREE5:
        return (agree or _agree_labels()).get(int(answer.number), "—") if answer.number is not None else "—"
    if item.answer_type == item.AnswerType.YES_NO:
        return _("ja") if answer.number == 1 else _("nee")
    if item.answer_type == item.AnswerType.NUMBER:
        return f"{answer.number.normalize():f}" if answer.number is not None else "—"
    if item.answer_type in (item.AnswerType.SINGLE_CHOICE, item.AnswerType.MULTIPLE_CHOICE):
        labels = dict(item.choice_list())
        values = answer.choices if item.answer_type == item.AnswerType.MULTIPLE_CHOICE else [answer.text]
        return ", ".join(labels.get(value, value) for value in values if value) or "—"
    return answer.text


def response_answers(response: Response) -> list[AnsweredPage]:
    """One response's answers, page by page, as text (for the respondent, their coordinator and consultants)."""
    agree = _agree_labels()
    answers = {answer.item_id: answer for answer in response.answers.all()}
    pages: dict[int, AnsweredPage] = {}
    for item in selectors.items_for(response.assessment):
        page = pages.setdefault(item.dimension_id, AnsweredPage(item.dimension.label, []))
        answer = answers.get(item.pk)
        shown = shown_answer(item, answer, agree=agree)
        page.items.append(AnsweredItem(item.code, item.label, shown, bool(answer and answer.dont_know)))
    return list(pages.values())


# Every submitted response of a campaign, for the consultants' spreadsheet


@dataclass
class ItemColumn:
    code: str
    text: str
    field: str  # the label of the item's field (page)
    answer_type: str


@dataclass
class ResponseRow:
    organisation_id: int
    organisation_name: str
    municipality: str
    sectors: list[str]
    respondent_number: int  # 1, 2, ... within the organisation, in order of submission: no names in exports
    role: str  # coördinator, lid, genodigde
    submitted_at: datetime | None
    instrument_version: int
    answers: dict[str, str | Decimal | None]  # item code → the answer as shown (a number item: the number)
    scores: dict[str, float | None]  # field slug → score


@dataclass
class CampaignResponses:
    items: list[ItemColumn]
    fields: list[tuple[str, str]]  # (slug, label) of the scored fields
    rows: list[ResponseRow]


def campaign_responses(campaign: Campaign) -> CampaignResponses:
    """Every submitted response of the campaign with its answers and field scores, in a fixed number of queries.

    Columns are item codes, the stable key across instrument versions: a response on an older version fills the
    columns its version shares with the campaign's, and items only an older version asked come last.
    """
    from django.utils.translation import gettext as _

    from inzet.accounts.models import Membership

    responses = list(
        Response.objects.filter(assessment__campaign=campaign, status=Response.Status.SUBMITTED)
        .select_related("assessment__organisation__municipality", "assessment__instrument")
        .prefetch_related("assessment__organisation__sectors")
        .order_by("assessment__organisation__name", "assessment__organisation_id", "submitted_at", "pk")
    )
    instrument_ids = {campaign.instrument_id} | {response.assessment.instrument_id for response in responses}
    items = list(
        Item.objects.filter(instrument_id__in=instrument_ids)
        .select_related("dimension")
        .order_by("dimension__position", "position", "pk")
    )
    columns: dict[str, ItemColumn] = {}
    # The campaign's own version decides the order and the wording; other versions only add what it lacks.
    for item in sorted(items, key=lambda item: item.instrument_id != campaign.instrument_id):
        if item.code not in columns:
            columns[item.code] = ItemColumn(item.code, item.label, item.dimension.label, item.answer_type)
    items_by_id = {item.pk: item for item in items}
    dimensions = _scored_dimensions(campaign.instrument_id)

    response_ids = [response.pk for response in responses]
    answers: dict[int, dict[str, str | Decimal | None]] = {}
    agree = _agree_labels()
    for answer in Answer.objects.filter(response_id__in=response_ids).only(
        "response_id", "item_id", "number", "text", "choices", "dont_know"
    ):
        item = items_by_id[answer.item_id]
        if item.answer_type == Item.AnswerType.NUMBER and not answer.dont_know:
            value = answer.number
        else:
            value = shown_answer(item, answer, agree=agree)
        answers.setdefault(answer.response_id, {})[item.code] = value
    scores: dict[int, dict[str, float | None]] = {}
    for response_id, slug, score in DimensionScore.objects.filter(response_id__in=response_ids).values_list(
        "response_id", "dimension__slug", "score"
    ):
        scores.setdefault(response_id, {})[slug] = score
    roles = {
        (user_id, organisation_id): role
        for user_id, organisation_id, role in Membership.objects.filter(
            user_id__in={response.respondent_id for response in responses},
            organisation_id__in={response.assessment.organisation_id for response in responses},
        ).values_list("user_id", "organisation_id", "role")
    }
    role_labels = dict(Membership.Role.choices)

    rows, numbers = [], {}
    for response in responses:
        assessment = response.assessment
        organisation = assessment.organisation
        numbers[organisation.pk] = numbers.get(organisation.pk, 0) + 1
        role = roles.get((response.respondent_id, organisation.pk))
        rows.append(
            ResponseRow(
                organisation_id=organisation.pk,
                organisation_name=organisation.name,
                municipality=organisation.municipality.name,
                sectors=[sector.label for sector in organisation.sectors.all()],
                respondent_number=numbers[organisation.pk],
                # Someone who answered through an invitation without being a member is a guest respondent.
                role=str(role_labels[role]) if role in role_labels else _("genodigde"),
                submitted_at=response.submitted_at,
                instrument_version=assessment.instrument.version,
                answers=answers.get(response.pk, {}),
                scores=scores.get(response.pk, {}),
            )
        )
    return CampaignResponses(
        items=list(columns.values()), fields=[(d.slug, d.label) for d in dimensions], rows=rows
    )
