from django import template

from inzet.vacancies import selectors

register = template.Library()

ORGANISATION_PAGE_VACANCIES = 30


@register.inclusion_tag("vacancies/_organisation_open_vacancies.html")
def organisation_open_vacancies(organisation):
    """The open vacancies of an organisation, for its public page (organisations sits below vacancies, so
    its template asks for them rather than its view). A very busy organisation shows its newest ones."""
    open_ones = selectors.open_vacancies_of_organisation(organisation)
    vacancies = list(open_ones[: ORGANISATION_PAGE_VACANCIES + 1])
    shown = vacancies[:ORGANISATION_PAGE_VACANCIES]
    return {
        "organisation": organisation,
        "vacancies": shown,
        "total": open_ones.count() if len(vacancies) > len(shown) else len(shown),
    }


@register.simple_tag(takes_context=True)
def save_search_form(context):
    """The "Bewaar deze zoekopdracht" form for the search page, carrying the page's own GET parameters (the
    search page's view knows nothing of saved searches: its template asks for the form)."""
    from inzet.vacancies.forms import SaveSearchForm

    params = context["request"].GET.copy()
    params.pop("page", None)
    return SaveSearchForm(initial={"params": params.urlencode()}, auto_id="id_save_%s")
