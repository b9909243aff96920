"""The home page, volunteers first: a search that lands on the results, the sectors with most open vacancies,
the newest vacancies (near the volunteer's own postcode when the profile has one), real figures, and the way in
for organisations and the municipality."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from inzet.factories import OrganisationFactory
from inzet.organisations.models import Organisation
from inzet.vacancies.models import Vacancy
from inzet.vacancies.tests.factories import VacancyFactory, VolunteerProfileFactory, place

pytestmark = pytest.mark.django_db


def home(client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return response


class SearchFormParser(HTMLParser):
    """The action and the named inputs of the form with role="search"."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self._inside = None, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("role") == "search":
            self.action, self._inside = attrs["action"], True
        elif self._inside and tag == "input" and attrs.get("name"):
            self.fields.append(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False


def test_the_home_page_shows_the_real_number_of_open_vacancies_and_organisations(world, client):
    VacancyFactory.create_batch(3, organisation=world.organisation)
    VacancyFactory(organisation=world.organisation, status=Vacancy.Status.DRAFT, published_at=None)
    VacancyFactory(organisation=world.organisation, status=Vacancy.Status.CLOSED)
    VacancyFactory(organisation=world.organisation, expires_at=timezone.now() - timedelta(days=1))
    approved = Organisation.objects.filter(status=Organisation.Status.APPROVED).count()

    page = home(client).content.decode()

    assert "Er staan nu 3 vacatures open." in page
    assert f"{approved} vrijwilligersorganisaties staan in de gids." in page


def test_the_home_page_lists_the_newest_open_vacancies_newest_first(world, client):
    now = timezone.now()
    old = VacancyFactory(title="Oude vacature", published_at=now - timedelta(days=30))
    recent = [
        VacancyFactory(title=f"Nieuwe vacature {n}", published_at=now - timedelta(days=n)) for n in range(6)
    ]
    VacancyFactory(title="Concept", status=Vacancy.Status.DRAFT, published_at=None)

    response = home(client)
    page = response.content.decode()

    assert [v.pk for v in response.context["newest"]] == [v.pk for v in recent]
    assert page.index("Nieuwe vacature 0") < page.index("Nieuwe vacature 5")
    assert old.title not in page and "Concept" not in page


def test_the_home_page_links_the_sectors_with_most_open_vacancies(world, client):
    VacancyFactory.create_batch(3, sector="sport")
    VacancyFactory(sector="cultuur")
    VacancyFactory(sector="zorg-welzijn", status=Vacancy.Status.DRAFT, published_at=None)

    response = home(client)
    sectors = response.context["figures"].popular_sectors

    assert [(s.slug, s.open_count) for s in sectors] == [("sport", 3), ("cultuur", 1)]
    page = response.content.decode()
    assert f'href="{reverse("vacancies:search")}?sector=sport"' in page
    assert "?sector=zorg-welzijn" not in page


def test_the_home_search_form_lands_on_the_search_results(world, client):
    VacancyFactory(title="Voorlezen op de basisschool", organisation=world.organisation)
    VacancyFactory(title="Penningmeester gezocht", organisation=world.organisation)
    form = SearchFormParser()
    form.feed(home(client).content.decode())
    assert form.action == reverse("vacancies:search")
    assert form.fields == ["q", "postcode"]

    results = client.get(form.action, {"q": "voorlezen", "postcode": "9712 CP"})

    assert results.status_code == 200
    page = results.content.decode()
    assert "Voorlezen op de basisschool" in page and "Penningmeester gezocht" not in page


def test_with_a_profile_the_home_page_shows_what_is_new_near_the_volunteer(world, client):
    VolunteerProfileFactory(user=world.volunteer, max_distance_km=10)
    near = VacancyFactory(title="Dichtbij in Groningen")
    VacancyFactory(title="Ver weg in Winschoten", **place("9671"))
    client.force_login(world.volunteer)

    response = home(client)
    page = response.content.decode()

    assert [v.pk for v in response.context["newest"]] == [near.pk]
    assert "Nieuw bij jou in de buurt" in page and "Binnen 10 km van 9712 CP" in page
    assert "Ver weg in Winschoten" not in page


def test_when_nothing_is_near_the_home_page_shows_the_newest_and_says_so(world, client):
    VolunteerProfileFactory(user=world.volunteer, max_distance_km=5)
    VacancyFactory(title="Ver weg in Winschoten", **place("9671"))
    client.force_login(world.volunteer)

    page = home(client).content.decode()

    assert "Ver weg in Winschoten" in page
    assert "staat nu niets nieuws open" in page


def test_with_nothing_open_the_home_page_says_so(world, client):
    page = home(client).content.decode()

    assert "Er staan nu geen vacatures open." in page
    assert "Er staan nu 0 vacatures open." in page
    assert "Veel gezocht" not in page


def test_the_home_page_shows_the_way_in_for_organisations_and_the_municipality(world, client):
    page = home(client).content.decode()
    assert "Voor organisaties" in page and "Voor de gemeente" in page
    assert reverse("account_signup") in page

    client.force_login(world.coordinator)
    page = home(client).content.decode()
    assert reverse("vacancies:create", args=[world.organisation.pk]) in page
    # The coordinator's pending organisation cannot post vacancies yet.
    assert reverse("vacancies:create", args=[world.pending_organisation.pk]) not in page

    client.force_login(world.officer)
    assert reverse("organisations:municipality_overview") in home(client).content.decode()


@override_settings(INZET_HOME_FIGURES_CACHE_SECONDS=300)
def test_the_figures_are_counted_once_per_cache_period(world, client):
    cache.clear()
    try:
        VacancyFactory()
        assert home(client).context["figures"].open_count == 1
        OrganisationFactory()
        VacancyFactory()

        # Counting the whole vacaturebank is not repeated on every visit: it may lag a few minutes.
        assert home(client).context["figures"].open_count == 1
    finally:
        cache.clear()
