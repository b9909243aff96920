"""The vacaturebank API: public search, and an organisation's own vacancies and responses."""

from django.urls import reverse

from inzet.tests.test_permission_matrix import add_vacancies


def test_the_public_search_finds_open_vacancies_only(world, client):
    add_vacancies(world)
    data = client.get(
        reverse("api:vacancy_list"), {"q": "trainer", "postcode": "9712 CP", "radius": 10}
    ).json()
    assert [row["title"] for row in data["results"]] == ["Trainer jeugd"]
    assert data["results"][0]["distance_km"] is not None
    titles = {row["title"] for row in client.get(reverse("api:vacancy_list")).json()["results"]}
    assert titles == {"Trainer jeugd"}  # not the draft, not the submitted one


def test_nonsense_parameters_are_ignored_not_errors(world, client):
    add_vacancies(world)
    for params in [
        {"radius": "-5"},
        {"radius": "abc", "postcode": "kapot"},
        {"availability": ["9-9", "x"]},
        {"sort": "'; drop"},
        {"q": "x" * 10000},
        {"max_hours": "veel"},
        {"commitment": "altijd"},
    ]:
        response = client.get(reverse("api:vacancy_list"), params)
        assert response.status_code == 200, params


def test_a_coordinator_lists_all_own_vacancies_with_their_status(world, client):
    add_vacancies(world)
    client.force_login(world.coordinator)
    rows = client.get(reverse("api:my_organisation_vacancies", args=[world.organisation.pk])).json()[
        "results"
    ]
    assert {(row["title"], row["status"]) for row in rows} == {
        ("Trainer jeugd", "published"),
        ("Kantinedienst", "draft"),
        ("Scheidsrechter", "submitted"),
    }


def test_responses_are_for_the_organisation_only(world, client):
    add_vacancies(world)
    client.force_login(world.member)
    rows = client.get(reverse("api:my_vacancy_responses", args=[world.vacancy.pk])).json()["results"]
    assert [(row["volunteer_email"], row["status"]) for row in rows] == [("volunteer@example.org", "new")]
    client.force_login(world.other_coordinator)
    assert client.get(reverse("api:my_vacancy_responses", args=[world.vacancy.pk])).status_code == 404
    client.force_login(world.volunteer)
    assert client.get(reverse("api:my_vacancy_responses", args=[world.vacancy.pk])).status_code == 404
