"""The vacaturebank as a volunteer uses it: searching, reading a vacancy, responding, the profile, suggestions
and their own responses — through the pages, with what a person would notice on them."""

import html
import re

import pytest
from django.urls import reverse

from inzet.organisations.models import Sector
from inzet.vacancies import availability
from inzet.vacancies.models import Response, Vacancy, VolunteerProfile
from inzet.vacancies.tests.factories import VacancyFactory, VolunteerProfileFactory, place

SEARCH = reverse("vacancies:search")
TUESDAY_EVENING = availability.bit(1, 2)
SATURDAY_MORNING = availability.bit(5, 0)


def page_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def near(world):
    """In Groningen city centre, at the default postcode 9712."""
    return VacancyFactory(organisation=world.organisation, title="Jeugdtrainer voetbal")


@pytest.fixture
def far(world):
    """In Winschoten (9671), about 33 km from 9712."""
    return VacancyFactory(
        organisation=world.other_organisation,
        title="Voorlezer in de bibliotheek",
        sector="cultuur",
        **place("9671"),
    )


def profile_data(**overrides):
    data = {
        "postcode": "9712 cp",
        "max_distance_km": "10",
        "hours_per_week": "4",
        "commitment": "structural",
        "availability": ["1-2", "5-0"],
        "sectors": [],
        "languages": "Nederlands, Engels",
        "allows_mediation": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# ── search ───────────────────────────────────────────────────────────────────────────────────────────────────


def test_searching_by_a_word_shows_only_vacancies_with_that_word(world, client, near, far):
    page = page_of(client.get(SEARCH, {"q": "voetbal"}))
    assert "Jeugdtrainer voetbal" in page
    assert "Voorlezer in de bibliotheek" not in page
    assert "1 vacature gevonden" in page


def test_searching_from_a_postcode_keeps_to_15_km_and_shows_the_distance_with_its_source(
    world, client, near, far
):
    page = page_of(client.get(SEARCH, {"postcode": "9712CP"}))
    assert "Jeugdtrainer voetbal" in page
    assert "Voorlezer in de bibliotheek" not in page
    assert "Binnen 15 km" in page
    assert "Bron: CBS" in page
    assert "minder dan 1 km" in page


def test_a_wider_radius_reaches_further_and_sorting_by_distance_puts_the_nearest_first(
    world, client, near, far
):
    page = page_of(client.get(SEARCH, {"postcode": "9712 CP", "radius": "50", "sort": "distance"}))
    assert page.index("Jeugdtrainer voetbal") < page.index("Voorlezer in de bibliotheek")
    assert "33 km" in page


@pytest.mark.parametrize(
    ("params", "found", "missed"),
    [
        ({"sector": "cultuur"}, "Voorlezer", "Jeugdtrainer"),
        ({"activity": "evenementen"}, "Jeugdtrainer", "Voorlezer"),
        ({"max_hours": "3"}, "Voorlezer", "Jeugdtrainer"),
        ({"commitment": "one_off"}, "Voorlezer", "Jeugdtrainer"),
        ({"suits_simple_dutch": "on"}, "Voorlezer", "Jeugdtrainer"),
        ({"suits_mdt": "on"}, "Jeugdtrainer", "Voorlezer"),
        ({"availability": "1-2"}, "Jeugdtrainer", "Voorlezer"),
        ({"availability": ["5-0", "6-0"]}, "Voorlezer", "Jeugdtrainer"),
    ],
)
def test_each_filter_narrows_the_results(world, client, params, found, missed):
    VacancyFactory(
        organisation=world.organisation,
        title="Jeugdtrainer voetbal",
        activity_types=["evenementen"],
        hours_per_week=6,
        suits_mdt=True,
        availability=TUESDAY_EVENING,
    )
    VacancyFactory(
        organisation=world.organisation,
        title="Voorlezer in de bibliotheek",
        sector="cultuur",
        hours_per_week=2,
        commitment="one_off",
        suits_simple_dutch=True,
        availability=SATURDAY_MORNING,
    )
    page = page_of(client.get(SEARCH, params))
    assert found in page
    assert missed not in page


def test_a_card_shows_organisation_place_hours_commitment_and_what_it_suits(world, client):
    VacancyFactory(
        organisation=world.organisation,
        title="Maatje",
        hours_per_week=3,
        commitment="short",
        suits_newcomers=True,
    )
    page = page_of(client.get(SEARCH))
    for text in [
        "Maatje",
        "Voetbalvereniging Oranje",
        "Groningen",
        "3 uur per week",
        "korte periode",
        "Geschikt voor nieuwkomers",
    ]:
        assert text in page


def test_drafts_and_expired_vacancies_are_not_found(world, client, near):
    VacancyFactory(organisation=world.organisation, title="Nog een concept", status=Vacancy.Status.DRAFT)
    VacancyFactory(organisation=world.organisation, title="Al verlopen", expires_at="2020-01-01T00:00:00Z")
    page = page_of(client.get(SEARCH))
    assert "Jeugdtrainer voetbal" in page
    assert "Nog een concept" not in page and "Al verlopen" not in page


@pytest.mark.parametrize(
    "params",
    [
        {"radius": "-5", "postcode": "9712 CP"},
        {"radius": "abc", "postcode": "9712 CP"},
        {"radius": "99999999999999999999"},
        {"q": "x" * 10_000},
        {"q": "🙂 voetbal 🎉"},
        {"q": "\x00'; DROP TABLE vacancies_vacancy; --"},
        {"sector": "bestaat-niet", "activity": "\x00"},
        {"availability": ["9-9", "abc", "1-2"]},
        {"max_hours": "0", "commitment": "altijd", "sort": "willekeurig"},
        {"page": "-1"},
        {"page": "abc"},
        {"postcode": "🙂🙂🙂"},
    ],
)
def test_nonsense_in_the_search_url_is_ignored_never_an_error_page(world, client, near, params):
    page = page_of(client.get(SEARCH, params))
    assert "vacature" in page
    assert "utrecht-form-field-error-message" not in page


def test_an_invalid_radius_falls_back_to_15_km(world, client, near, far):
    page = page_of(client.get(SEARCH, {"postcode": "9712 CP", "radius": "-5"}))
    assert "Binnen 15 km" in page
    assert "Jeugdtrainer voetbal" in page and "Voorlezer in de bibliotheek" not in page


def test_a_too_long_query_is_cut_and_still_searches(world, client, near, far):
    response = client.get(SEARCH, {"q": "voetbal " * 1300})

    assert response.status_code == 200
    page = page_of(response)
    assert "Jeugdtrainer voetbal" in page and "Voorlezer in de bibliotheek" not in page


@pytest.mark.parametrize("postcode", ["kapot", "1000 AA"])
def test_an_unknown_postcode_gets_a_gentle_message_and_a_search_without_distance(
    world, client, near, far, postcode
):
    page = page_of(client.get(SEARCH, {"postcode": postcode}))
    assert "niet vinden" in page
    assert "Jeugdtrainer voetbal" in page and "Voorlezer in de bibliotheek" in page
    assert "Bron: CBS" not in page


def test_a_volunteer_with_a_profile_searches_from_home_unless_they_give_a_postcode(world, client, near, far):
    VolunteerProfileFactory(user=world.volunteer, max_distance_km=10)
    client.force_login(world.volunteer)
    page = page_of(client.get(SEARCH))
    assert "Jeugdtrainer voetbal" in page and "Voorlezer in de bibliotheek" not in page
    assert "Binnen 10 km van 9712 CP" in page
    elsewhere = page_of(client.get(SEARCH, {"postcode": "9671 AB"}))
    assert "Voorlezer in de bibliotheek" in elsewhere and "Jeugdtrainer voetbal" not in elsewhere


def test_results_come_20_to_a_page_with_shareable_links(world, client):
    for number in range(25):
        VacancyFactory(organisation=world.organisation, title=f"Klus {number:02d}", sector="cultuur")
    first = page_of(client.get(SEARCH, {"sector": "cultuur"}))
    assert "25 vacatures gevonden" in first
    assert first.count('class="inzet-card"') == 20
    assert "?sector=cultuur&amp;page=2" in first
    second = page_of(client.get(SEARCH, {"sector": "cultuur", "page": "2"}))
    assert second.count('class="inzet-card"') == 5
    assert "Pagina 2 van 2" in second


def test_htmx_gets_only_the_results(world, client, near):
    page = page_of(client.get(SEARCH, {"q": "voetbal"}, headers={"HX-Request": "true"}))
    assert "Jeugdtrainer voetbal" in page
    assert "<html" not in page and "<form" not in page


def test_the_plain_page_has_the_form_that_htmx_updates_in_place(world, client):
    page = page_of(client.get(SEARCH))
    assert 'method="get"' in page and 'hx-get="/vacatures/"' in page and 'hx-push-url="true"' in page
    assert 'id="results"' in page


def test_nothing_found_suggests_only_searches_that_give_results(world, client, near):
    page = page_of(client.get(SEARCH, {"q": "ruimtevaart", "sector": near.sector.slug}))
    assert "0 vacatures gevonden" in page
    assert "Deze zoekopdrachten geven wel resultaat" in page
    assert "‘sport’" not in page
    links = re.findall(r'<li class="utrecht-unordered-list__item"><a [^>]*href="([^"]+)"', page)
    assert links
    for link in links:
        followed = page_of(client.get(html.unescape(link)))
        assert "0 vacatures gevonden" not in followed


def test_nothing_found_and_nothing_else_to_suggest_says_so_plainly(world, client):
    page = page_of(client.get(SEARCH, {"q": "ruimtevaart"}))
    assert "0 vacatures gevonden" in page
    assert "Deze zoekopdrachten geven wel resultaat" not in page
    assert "Zoek met andere woorden" in page


def test_a_capped_count_shows_the_limit_not_the_row_it_stopped_at(world, client, monkeypatch):
    from inzet.vacancies import search

    monkeypatch.setattr(search, "COUNT_LIMIT", 3)
    VacancyFactory.create_batch(5, organisation=world.organisation, title="Vrijwilliger voor de bar")
    page = page_of(client.get(SEARCH, {"q": "vrijwilliger"}))
    assert "Meer dan 3 vacatures gevonden" in page
    assert "Meer dan 4" not in page


def test_the_search_form_has_an_accessible_week_grid(world, client):
    page = page_of(client.get(SEARCH))
    assert "<legend" in page and "Wanneer kun je?" in page
    assert '<th class="utrecht-table__header-cell" scope="row">dinsdag</th>' in page
    assert '<label class="inzet-visually-hidden" for="id_availability_5">dinsdagavond</label>' in page
    checked = page_of(client.get(SEARCH, {"availability": "1-2"}))
    assert 'value="1-2" id="id_availability_5" checked' in checked


# ── a vacancy ────────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 404),
        ("volunteer", 404),
        ("outsider", 404),
        ("other_coordinator", 404),
        ("coordinator", 200),
        ("member", 200),
        ("consultant", 200),
        ("other_consultant", 404),
        ("staff", 200),
    ],
)
def test_a_draft_exists_only_for_its_organisation_and_its_consultants(world, client_for, persona, status):
    draft = VacancyFactory(
        organisation=world.organisation, status=Vacancy.Status.DRAFT, title="Geheim concept"
    )
    response = client_for(world.persona(persona)).get(draft.get_absolute_url())
    assert response.status_code == status
    if status == 200:
        assert "niet in de vacaturebank" in response.content.decode()


def test_a_vacancy_page_tells_what_when_where_and_the_conditions(world, client):
    vacancy = VacancyFactory(
        organisation=world.organisation,
        title="Jeugdtrainer voetbal",
        activities="Trainingen voorbereiden en geven.",
        availability=TUESDAY_EVENING | SATURDAY_MORNING,
        hours_per_week=3,
        requires_vog=True,
        minimum_age=18,
        contact_name="Carla Coördinator",
        contact_phone="050 123 4567",
        address="Sportpark 1",
        insured=True,
        expenses_reimbursed=False,
    )
    page = page_of(client.get(vacancy.get_absolute_url()))
    for text in [
        "Trainingen voorbereiden en geven.",
        "dinsdagavond, zaterdagochtend",
        "3 uur per week",
        "Sportpark 1",
        "Ja, je hebt een VOG nodig",
        "18 jaar",
        "Carla Coördinator",
        "050 123 4567",
        "Je bent verzekerd",
        "Worden niet vergoed",
        "Je logt eerst in",
    ]:
        assert text in page, text
    assert f'href="{reverse("vacancies:respond", args=[vacancy.pk])}">Reageren</a>' in page


def test_a_volunteer_with_a_profile_sees_why_a_vacancy_suits_them(world, client, near):
    VolunteerProfileFactory(user=world.volunteer, sectors=["sport"])
    client.force_login(world.volunteer)
    page = page_of(client.get(near.get_absolute_url()))
    assert "Past dit bij jou?" in page
    assert "van 100" in page
    assert "past bij je interesse in sport" in page


def test_without_a_profile_there_is_no_match_block(world, client, near):
    client.force_login(world.volunteer)
    assert "Past dit bij jou?" not in page_of(client.get(near.get_absolute_url()))


def test_after_responding_the_vacancy_says_so_with_the_status(world, client, near):
    Response.objects.create(vacancy=near, volunteer=world.volunteer, message="Ik help graag.")
    client.force_login(world.volunteer)
    page = page_of(client.get(near.get_absolute_url()))
    assert "Je hebt al gereageerd" in page
    assert 'inzet-badge--new">nieuw</span>' in page
    assert reverse("vacancies:respond", args=[near.pk]) not in page


# ── responding ───────────────────────────────────────────────────────────────────────────────────────────────


def test_responding_sends_the_message_and_lands_on_my_responses(world, client, near):
    client.force_login(world.volunteer)
    url = reverse("vacancies:respond", args=[near.pk])
    assert "Je bericht aan de organisatie" in page_of(client.get(url))
    response = client.post(url, {"message": "Ik train graag de jeugd."}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("vacancies:my_responses")
    page = page_of(response)
    assert "Je reactie op ‘Jeugdtrainer voetbal’ is verstuurd" in page
    assert Response.objects.get().message == "Ik train graag de jeugd."


def test_responding_twice_says_so_clearly_and_keeps_one_response(world, client, near):
    client.force_login(world.volunteer)
    url = reverse("vacancies:respond", args=[near.pk])
    client.post(url, {"message": "Eerste keer."})
    page = page_of(client.post(url, {"message": "Tweede keer."}))
    assert "Je hebt al op deze vacature gereageerd" in page
    assert Response.objects.filter(vacancy=near, volunteer=world.volunteer).count() == 1
    assert Response.objects.get().message == "Eerste keer."


def test_an_empty_message_is_named_on_the_form_and_nothing_is_sent(world, client, near):
    client.force_login(world.volunteer)
    page = page_of(client.post(reverse("vacancies:respond", args=[near.pk]), {"message": "   "}))
    assert 'aria-invalid="true"' in page
    assert not Response.objects.exists()


def test_a_coordinator_cannot_respond_to_their_own_vacancy(world, client, near):
    client.force_login(world.coordinator)
    page = page_of(client.post(reverse("vacancies:respond", args=[near.pk]), {"message": "Ik wil ook!"}))
    assert "Je hoort zelf bij deze organisatie" in page
    assert not Response.objects.exists()


def test_responding_to_a_draft_is_refused(world, client):
    draft = VacancyFactory(organisation=world.organisation, status=Vacancy.Status.DRAFT)
    client.force_login(world.consultant)
    page = page_of(client.post(reverse("vacancies:respond", args=[draft.pk]), {"message": "Hallo"}))
    assert "niet (meer) reageren" in page
    assert not Response.objects.exists()


def test_anonymous_responders_are_sent_to_log_in_first(world, client, near):
    url = reverse("vacancies:respond", args=[near.pk])
    response = client.post(url, {"message": "Hallo"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]
    assert not Response.objects.exists()


def test_responding_to_someone_elses_draft_is_a_404(world, client):
    draft = VacancyFactory(organisation=world.other_organisation, status=Vacancy.Status.DRAFT)
    client.force_login(world.volunteer)
    assert client.get(reverse("vacancies:respond", args=[draft.pk])).status_code == 404
    assert client.post(reverse("vacancies:respond", args=[draft.pk]), {"message": "x"}).status_code == 404


# ── the profile ──────────────────────────────────────────────────────────────────────────────────────────────


def test_a_volunteer_creates_a_profile_and_is_shown_suggestions(world, client):
    client.force_login(world.volunteer)
    page = page_of(client.get(reverse("vacancies:profile")))
    assert "Wie ziet je profiel?" in page and "De organisaties waarop je reageert." in page
    assert "vrijwilligerscentrale" in page
    response = client.post(
        reverse("vacancies:profile"), profile_data(sectors=[Sector.objects.get(slug="sport").pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("vacancies:suggestions")
    profile = VolunteerProfile.objects.get(user=world.volunteer)
    assert profile.postcode == "9712 CP"
    assert profile.municipality_id == "GM0014"
    assert profile.availability == TUESDAY_EVENING | SATURDAY_MORNING
    assert profile.allows_mediation is True
    assert [sector.slug for sector in profile.sectors.all()] == ["sport"]


def test_a_profile_with_an_unknown_postcode_is_refused_on_the_postcode_field(world, client):
    client.force_login(world.volunteer)
    page = page_of(client.post(reverse("vacancies:profile"), profile_data(postcode="1000 AA")))
    assert "Postcode 1000 AA kennen we niet" in page
    assert 'aria-invalid="true"' in page
    assert not VolunteerProfile.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "kapot", "geldige Nederlandse postcode"),
        ("max_distance_km", "0", "1"),
        ("hours_per_week", "41", "40"),
        ("birth_year", "1800", "geboortejaar"),
    ],
)
def test_bad_profile_input_is_named_and_nothing_is_saved(world, client, field, value, message):
    client.force_login(world.volunteer)
    page = page_of(client.post(reverse("vacancies:profile"), profile_data(**{field: value})))
    assert message in page
    assert not VolunteerProfile.objects.exists()


def test_editing_a_profile_shows_what_was_saved_and_updates_it(world, client):
    VolunteerProfileFactory(user=world.volunteer, availability=TUESDAY_EVENING, max_distance_km=25)
    client.force_login(world.volunteer)
    page = page_of(client.get(reverse("vacancies:profile")))
    assert 'value="1-2" id="id_availability_5" checked' in page
    assert 'value="25"' in page
    client.post(reverse("vacancies:profile"), profile_data(max_distance_km="40"))
    assert VolunteerProfile.objects.get(user=world.volunteer).max_distance_km == 40
    assert VolunteerProfile.objects.count() == 1


def test_the_profile_needs_a_login(world, client):
    response = client.get(reverse("vacancies:profile"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


# ── suggestions ──────────────────────────────────────────────────────────────────────────────────────────────


def test_without_a_profile_suggestions_invite_to_make_one(world, client, near):
    client.force_login(world.volunteer)
    page = page_of(client.get(reverse("vacancies:suggestions")))
    assert "Maak je profiel" in page
    assert "Jeugdtrainer voetbal" not in page


def test_suggestions_come_with_their_reasons_in_words(world, client, near, far):
    VolunteerProfileFactory(user=world.volunteer, sectors=["sport"], max_distance_km=10)
    client.force_login(world.volunteer)
    page = page_of(client.get(reverse("vacancies:suggestions")))
    assert "Jeugdtrainer voetbal" in page
    assert "Voorlezer in de bibliotheek" not in page
    assert "past bij je interesse in sport" in page
    assert "minder dan 1 km van je postcode" in page


# ── my responses and withdrawing ─────────────────────────────────────────────────────────────────────────────


def test_my_responses_lists_only_mine_with_status_and_a_withdraw_link_for_open_ones(world, client, near, far):
    open_one = Response.objects.create(vacancy=near, volunteer=world.volunteer, message="a")
    done = Response.objects.create(vacancy=far, volunteer=world.volunteer, message="b", status="rejected")
    other = VacancyFactory(organisation=world.organisation, title="Van een ander")
    Response.objects.create(vacancy=other, volunteer=world.outsider, message="c")
    client.force_login(world.volunteer)
    page = page_of(client.get(reverse("vacancies:my_responses")))
    assert "Jeugdtrainer voetbal" in page and "Voorlezer in de bibliotheek" in page
    assert "Van een ander" not in page
    assert 'inzet-badge--new">nieuw</span>' in page and 'inzet-badge--rejected">afgewezen</span>' in page
    assert reverse("vacancies:withdraw", args=[open_one.pk]) in page
    assert reverse("vacancies:withdraw", args=[done.pk]) not in page


def test_withdrawing_asks_first_then_withdraws(world, client, near):
    response = Response.objects.create(vacancy=near, volunteer=world.volunteer, message="a")
    client.force_login(world.volunteer)
    url = reverse("vacancies:withdraw", args=[response.pk])
    assert "Ja, intrekken" in page_of(client.get(url))
    response.refresh_from_db()
    assert response.status == Response.Status.NEW
    page = page_of(client.post(url, follow=True))
    assert "is ingetrokken" in page
    response.refresh_from_db()
    assert response.status == Response.Status.WITHDRAWN


def test_withdrawing_a_finished_response_is_refused_kindly(world, client, near):
    response = Response.objects.create(vacancy=near, volunteer=world.volunteer, message="a", status="placed")
    client.force_login(world.volunteer)
    url = reverse("vacancies:withdraw", args=[response.pk])
    assert "Intrekken kan niet meer" in page_of(client.get(url))
    assert "al afgerond" in page_of(client.post(url, follow=True))
    response.refresh_from_db()
    assert response.status == Response.Status.PLACED


@pytest.mark.parametrize("persona", ["outsider", "coordinator", "consultant"])
def test_someone_elses_response_cannot_be_withdrawn(world, client, near, persona):
    response = Response.objects.create(vacancy=near, volunteer=world.volunteer, message="a")
    client.force_login(getattr(world, persona))
    url = reverse("vacancies:withdraw", args=[response.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    response.refresh_from_db()
    assert response.status == Response.Status.NEW
