"""The public and personal REST API: what a client programme sees (DESIGN.md §4, API)."""

import json

import pytest
import yaml
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from inzet.core.models import AuditEntry
from inzet.factories import OrganisationFactory
from inzet.organisations.models import Organisation, Sector
from inzet.places.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def my_organisation_url(organisation):
    return reverse("api:my_organisation_detail", kwargs={"pk": organisation.pk})


def patch(client, url, data):
    return client.patch(url, data=json.dumps(data), content_type="application/json")


def assert_error_shape(response, status, *fields):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"message", "fields"}
    assert isinstance(body["message"], str) and body["message"]
    for field in fields:
        assert isinstance(body["fields"][field], list) and body["fields"][field], body
    return body


# --- municipalities -------------------------------------------------------------------------------------------------


def test_it_lists_all_342_municipalities_without_pagination(client):
    response = client.get(reverse("api:municipality_list"))

    assert response.status_code == 200
    municipalities = response.json()
    assert len(municipalities) == 342
    groningen = next(m for m in municipalities if m["code"] == "GM0014")
    assert groningen["name"] == "Groningen"
    assert groningen["province_code"] == "PV20"
    assert groningen["province"] == "Groningen"
    assert groningen["lat"] is not None and groningen["lon"] is not None


def test_it_filters_municipalities_by_province(client):
    response = client.get(reverse("api:municipality_list"), {"province": "PV20"})

    assert response.status_code == 200
    municipalities = response.json()
    assert len(municipalities) == 10
    assert {m["province_code"] for m in municipalities} == {"PV20"}
    assert {"GM0014", "GM1966", "GM1895"} <= {m["code"] for m in municipalities}
    assert [m["name"] for m in municipalities] == sorted(m["name"] for m in municipalities)


def test_it_returns_no_municipalities_for_an_unknown_province(client):
    response = client.get(reverse("api:municipality_list"), {"province": "PV99"})

    assert response.status_code == 200
    assert response.json() == []


def test_it_shows_one_municipality_by_its_cbs_code(client):
    response = client.get(reverse("api:municipality_detail", kwargs={"code": "GM1895"}))

    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "GM1895"
    assert body["name"] == "Oldambt"
    assert body["province_code"] == "PV20"


def test_it_answers_an_unknown_municipality_code_with_a_json_404(client):
    response = client.get(reverse("api:municipality_detail", kwargs={"code": "GM9999"}))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"message", "fields"}
    assert body["message"]
    assert body["fields"] == {}


# --- public organisations ----------------------------------------------------------------------------------------------


def test_it_lists_only_approved_organisations(client, world):
    OrganisationFactory(name="Afgewezen Club", status=Organisation.Status.REJECTED)

    response = client.get(reverse("api:organisation_list"))

    assert response.status_code == 200
    names = [o["name"] for o in response.json()["results"]]
    assert names == ["Muziekvereniging Winschoten", "Voetbalvereniging Oranje"]


def test_it_paginates_the_organisation_list(client, world):
    for number in range(55):
        OrganisationFactory(name=f"Club {number:02d}")

    first = client.get(reverse("api:organisation_list")).json()
    second = client.get(reverse("api:organisation_list"), {"page": 2}).json()

    assert set(first) == {"count", "next", "previous", "results"}
    assert first["count"] == 57
    assert len(first["results"]) == 50
    assert first["previous"] is None
    assert "page=2" in first["next"]
    assert len(second["results"]) == 7
    assert second["next"] is None
    assert second["previous"] is not None
    assert not {o["id"] for o in first["results"]} & {o["id"] for o in second["results"]}


def test_it_answers_a_page_beyond_the_last_with_a_json_404(client, world):
    response = client.get(reverse("api:organisation_list"), {"page": 9})

    body = assert_error_shape(response, 404)
    assert body["fields"] == {}


def test_it_searches_organisations_by_name_or_place(client, world):
    by_name = client.get(reverse("api:organisation_list"), {"q": "voetbal"}).json()
    by_place = client.get(reverse("api:organisation_list"), {"q": "winschoten"}).json()
    nothing = client.get(reverse("api:organisation_list"), {"q": "linde"}).json()  # pending: not public

    assert [o["name"] for o in by_name["results"]] == ["Voetbalvereniging Oranje"]
    assert [o["name"] for o in by_place["results"]] == ["Muziekvereniging Winschoten"]
    assert nothing["count"] == 0


def test_it_filters_organisations_by_municipality(client, world):
    response = client.get(reverse("api:organisation_list"), {"municipality": "GM1895"})

    body = response.json()
    assert [o["name"] for o in body["results"]] == ["Muziekvereniging Winschoten"]
    assert body["results"][0]["municipality"] == "GM1895"
    assert body["results"][0]["municipality_name"] == "Oldambt"


def test_it_filters_organisations_by_sector(client, world):
    choir = OrganisationFactory(
        name="Zangkoor Stemband",
        sectors=[Sector.objects.get(slug="muziek"), Sector.objects.get(slug="cultuur")],
    )

    response = client.get(reverse("api:organisation_list"), {"sector": "muziek"})

    body = response.json()
    assert [o["id"] for o in body["results"]] == [choir.pk]
    assert sorted(body["results"][0]["sectors"]) == ["cultuur", "muziek"]


def test_it_shows_an_approved_organisation_without_private_fields(client, world):
    response = client.get(reverse("api:organisation_detail", kwargs={"pk": world.organisation.pk}))

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Voetbalvereniging Oranje"
    assert body["sectors"] == ["sport"]
    assert "status" not in body and "kvk_number" not in body and "postcode" not in body


@pytest.mark.parametrize("which", ["pending_organisation", "other_pending_organisation"])
def test_it_hides_a_pending_organisation_behind_a_404(client, world, which):
    response = client.get(reverse("api:organisation_detail", kwargs={"pk": getattr(world, which).pk}))

    assert_error_shape(response, 404)


def test_it_hides_a_pending_organisation_even_from_its_own_coordinator_on_the_public_endpoint(
    client_for, world
):
    response = client_for(world.coordinator).get(
        reverse("api:organisation_detail", kwargs={"pk": world.pending_organisation.pk})
    )

    assert response.status_code == 404


# --- token authentication ------------------------------------------------------------------------------------------------


def _create_token_through_the_page(client_for, user):
    response = client_for(user).post(reverse("accounts:api_token"), {"action": "create"})
    assert response.status_code == 200
    return response.context["new_token"]


def test_a_token_made_on_the_account_page_opens_the_personal_api(client_for, world):
    key = _create_token_through_the_page(client_for, world.coordinator)
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")

    response = api.get(reverse("api:my_organisation_list"))

    assert response.status_code == 200
    names = [o["name"] for o in response.json()["results"]]
    assert names == ["Buurtvereniging De Linde", "Voetbalvereniging Oranje"]
    statuses = {o["name"]: o["status"] for o in response.json()["results"]}
    assert statuses == {"Buurtvereniging De Linde": "pending", "Voetbalvereniging Oranje": "approved"}


def test_a_revoked_token_gets_a_401(client_for, world):
    key = _create_token_through_the_page(client_for, world.coordinator)
    client_for(world.coordinator).post(reverse("accounts:api_token"), {"action": "revoke"})
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")

    response = api.get(reverse("api:my_organisation_list"))

    assert_error_shape(response, 401)
    assert response["WWW-Authenticate"] == "Token"


def test_a_regenerated_token_replaces_the_old_one_for_the_api(client_for, world):
    old_key = _create_token_through_the_page(client_for, world.coordinator)
    new_key = _create_token_through_the_page(client_for, world.coordinator)

    assert old_key != new_key
    assert (
        Client(HTTP_AUTHORIZATION=f"Token {old_key}").get(reverse("api:my_organisation_list")).status_code
        == 401
    )
    assert (
        Client(HTTP_AUTHORIZATION=f"Token {new_key}").get(reverse("api:my_organisation_list")).status_code
        == 200
    )


def test_a_made_up_token_gets_a_401(client, world):
    response = client.get(reverse("api:my_organisation_list"), HTTP_AUTHORIZATION="Token " + "0" * 40)

    assert_error_shape(response, 401)


def test_the_personal_api_refuses_anonymous_callers_with_a_401(client, world):
    response = client.get(reverse("api:my_organisation_list"))

    assert_error_shape(response, 401)


def test_a_token_can_patch_the_own_organisation(client_for, world):
    key = _create_token_through_the_page(client_for, world.coordinator)
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")

    response = patch(api, my_organisation_url(world.organisation), {"city": "Haren"})

    assert response.status_code == 200
    world.organisation.refresh_from_db()
    assert world.organisation.city == "Haren"


def test_the_personal_list_is_empty_for_someone_without_organisations(client_for, world):
    response = client_for(world.volunteer).get(reverse("api:my_organisation_list"))

    assert response.status_code == 200
    assert response.json()["count"] == 0


# --- PATCH /api/v1/my/organisations/<pk>/ --------------------------------------------------------------------------------


def test_a_coordinator_can_read_the_own_organisation_with_private_fields(client_for, world):
    response = client_for(world.coordinator).get(my_organisation_url(world.pending_organisation))

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "pending"
    assert body["postcode"] == "9712 CP"
    assert "kvk_number" in body


def test_a_coordinator_patches_the_organisation_and_the_change_is_audited(client_for, world):
    organisation = world.organisation

    response = patch(
        client_for(world.coordinator),
        my_organisation_url(organisation),
        {
            "name": "VV Oranje Groningen",
            "description": "Voetbal voor iedereen.",
            "postcode": "9711ab",
            "kvk_number": "12345678",
            "sectors": ["sport", "scouting-jeugd"],
            "volunteer_count": 40,
        },
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["name"] == "VV Oranje Groningen"
    assert sorted(body["sectors"]) == ["scouting-jeugd", "sport"]
    assert body["postcode"] == "9711 AB"
    organisation.refresh_from_db()
    assert organisation.name == "VV Oranje Groningen"
    assert organisation.description == "Voetbal voor iedereen."
    assert organisation.postcode == "9711 AB"
    assert organisation.kvk_number == "12345678"
    assert organisation.volunteer_count == 40
    assert sorted(organisation.sectors.values_list("slug", flat=True)) == ["scouting-jeugd", "sport"]
    assert organisation.status == Organisation.Status.APPROVED
    entry = AuditEntry.objects.get(action="organisation.updated")
    assert entry.actor == world.coordinator
    assert entry.target_id == str(organisation.pk)
    assert entry.data["fields"] == sorted(
        ["name", "description", "postcode", "kvk_number", "volunteer_count"]
    )


def test_a_coordinator_can_move_the_organisation_to_another_municipality(client_for, world):
    response = patch(
        client_for(world.coordinator),
        my_organisation_url(world.organisation),
        {"municipality": "GM1966", "postcode": "9981 AA", "city": "Uithuizen"},
    )

    assert response.status_code == 200, response.content
    assert response.json()["municipality"] == "GM1966"
    world.organisation.refresh_from_db()
    assert world.organisation.municipality_id == "GM1966"


def test_patching_a_rejected_organisation_resubmits_it(client_for, world):
    Organisation.objects.filter(pk=world.pending_organisation.pk).update(
        status=Organisation.Status.REJECTED, rejection_reason="Geen KvK-nummer"
    )

    response = patch(
        client_for(world.coordinator),
        my_organisation_url(world.pending_organisation),
        {"kvk_number": "87654321"},
    )

    assert response.status_code == 200
    assert response.json()["status"] == "pending"
    assert response.json()["rejection_reason"] == ""
    assert AuditEntry.objects.filter(action="organisation.resubmitted").count() == 1


def test_a_member_may_not_patch_and_gets_a_403_with_a_message(client_for, world):
    before = Organisation.objects.get(pk=world.organisation.pk)

    response = patch(
        client_for(world.member), my_organisation_url(world.organisation), {"name": "Overgenomen"}
    )

    body = assert_error_shape(response, 403)
    assert "coördinator" in body["message"]
    assert body["fields"] == {}
    world.organisation.refresh_from_db()
    assert world.organisation.name == before.name
    assert not AuditEntry.objects.filter(action="organisation.updated").exists()


def test_a_member_can_still_read_the_organisation(client_for, world):
    response = client_for(world.member).get(my_organisation_url(world.organisation))

    assert response.status_code == 200
    assert response.json()["name"] == "Voetbalvereniging Oranje"


@pytest.mark.parametrize("method", ["get", "patch"])
def test_another_organisations_coordinator_gets_a_404(client_for, world, method):
    client = client_for(world.other_coordinator)
    url = my_organisation_url(world.organisation)

    response = patch(client, url, {"name": "Overgenomen"}) if method == "patch" else client.get(url)

    assert_error_shape(response, 404)
    world.organisation.refresh_from_db()
    assert world.organisation.name == "Voetbalvereniging Oranje"


@pytest.mark.parametrize("persona", ["consultant", "officer", "volunteer"])
def test_people_outside_the_organisation_get_a_404_even_when_they_may_see_it_elsewhere(
    client_for, world, persona
):
    response = patch(
        client_for(world.persona(persona)), my_organisation_url(world.organisation), {"city": "X"}
    )

    assert response.status_code == 404


def test_an_anonymous_patch_gets_a_401(client, world):
    response = patch(client, my_organisation_url(world.organisation), {"name": "Overgenomen"})

    assert_error_shape(response, 401)
    world.organisation.refresh_from_db()
    assert world.organisation.name == "Voetbalvereniging Oranje"


def test_put_is_not_allowed(client_for, world):
    response = client_for(world.coordinator).put(
        my_organisation_url(world.organisation),
        data=json.dumps({"name": "Nieuw"}),
        content_type="application/json",
    )

    assert_error_shape(response, 405)
    world.organisation.refresh_from_db()
    assert world.organisation.name == "Voetbalvereniging Oranje"


def test_delete_is_not_allowed(client_for, world):
    response = client_for(world.coordinator).delete(my_organisation_url(world.organisation))

    assert response.status_code == 405
    assert Organisation.objects.filter(pk=world.organisation.pk).exists()


def _snapshot(organisation):
    organisation.refresh_from_db()
    fields = {f.name: getattr(organisation, f.name) for f in Organisation._meta.concrete_fields}
    fields["sectors"] = sorted(organisation.sectors.values_list("slug", flat=True))
    return fields


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"postcode": "12345"}, "postcode"),
        ({"postcode": "0123 AB"}, "postcode"),
        ({"postcode": "9712 SS"}, "postcode"),
        ({"kvk_number": "123"}, "kvk_number"),
        ({"kvk_number": "1234567a"}, "kvk_number"),
        ({"name": "x" * 200}, "name"),
        ({"name": ""}, "name"),
        ({"sectors": ["sport", "breien"]}, "sectors"),
        ({"sectors": []}, "sectors"),
        ({"municipality": "GM9999"}, "municipality"),
        ({"legal_form": "bv"}, "legal_form"),
        ({"contact_email": "geen-adres"}, "contact_email"),
        ({"website": "geen url"}, "website"),
        ({"website": "https://example.org/" + "a" * 250}, "website"),
        ({"contact_email": "a" * 250 + "@example.org"}, "contact_email"),
        ({"contact_phone": "0" * 31}, "contact_phone"),
        ({"city": "x" * 101}, "city"),
        ({"volunteer_count": -1}, "volunteer_count"),
        ({"description": "x" * 5001}, "description"),
    ],
    ids=lambda value: str(value)[:40],
)
def test_bad_input_gives_a_400_naming_the_field_and_changes_nothing(client_for, world, data, field):
    before = _snapshot(world.organisation)

    response = patch(
        client_for(world.coordinator), my_organisation_url(world.organisation), {"city": "Haren", **data}
    )

    body = assert_error_shape(response, 400, field)
    assert all(isinstance(message, str) for message in body["fields"][field])
    assert _snapshot(world.organisation) == before
    assert not AuditEntry.objects.filter(action="organisation.updated").exists()


def test_a_malformed_postcode_is_explained_in_dutch(client_for, world):
    response = patch(
        client_for(world.coordinator), my_organisation_url(world.organisation), {"postcode": "ABCD 12"}
    )

    body = assert_error_shape(response, 400, "postcode")
    assert body["fields"]["postcode"] == ["Vul een geldige Nederlandse postcode in, bijvoorbeeld 9712 CP."]


def test_a_short_kvk_number_is_explained(client_for, world):
    response = patch(
        client_for(world.coordinator), my_organisation_url(world.organisation), {"kvk_number": "123"}
    )

    body = assert_error_shape(response, 400, "kvk_number")
    assert body["fields"]["kvk_number"] == ["Een KvK-nummer bestaat uit precies 8 cijfers."]


def test_a_name_clashing_case_insensitively_in_the_same_municipality_is_refused(client_for, world):
    before = _snapshot(world.organisation)

    response = patch(
        client_for(world.coordinator),
        my_organisation_url(world.organisation),
        {"name": "BUURTVERENIGING de linde", "city": "Haren"},
    )

    body = assert_error_shape(response, 400, "name")
    assert "Er is al een organisatie met de naam" in body["message"]
    assert "Groningen" in body["message"]
    assert body["fields"]["name"] == [body["message"]]
    assert _snapshot(world.organisation) == before


def test_a_name_clash_caused_by_moving_to_another_municipality_is_refused(client_for, world):
    before = _snapshot(world.organisation)

    response = patch(
        client_for(world.coordinator),
        my_organisation_url(world.organisation),
        {"name": "muziekvereniging winschoten", "municipality": "GM1895", "postcode": "9671 AB"},
    )

    assert_error_shape(response, 400, "name")
    assert _snapshot(world.organisation) == before


def test_the_same_name_in_another_municipality_is_fine(client_for, world):
    response = patch(
        client_for(world.coordinator),
        my_organisation_url(world.organisation),
        {"name": "Muziekvereniging Winschoten"},
    )

    assert response.status_code == 200
    world.organisation.refresh_from_db()
    assert world.organisation.name == "Muziekvereniging Winschoten"


def test_keeping_the_own_name_in_another_case_is_fine(client_for, world):
    response = patch(
        client_for(world.coordinator),
        my_organisation_url(world.organisation),
        {"name": "VOETBALVERENIGING ORANJE"},
    )

    assert response.status_code == 200
    world.organisation.refresh_from_db()
    assert world.organisation.name == "VOETBALVERENIGING ORANJE"


def test_a_body_that_is_not_json_gives_a_400(client_for, world):
    response = client_for(world.coordinator).patch(
        my_organisation_url(world.organisation), data="{name: oeps", content_type="application/json"
    )

    body = assert_error_shape(response, 400)
    assert body["fields"] == {}


def test_a_body_that_is_a_list_gives_a_400_not_a_500(client_for, world):
    response = patch(client_for(world.coordinator), my_organisation_url(world.organisation), ["name"])

    assert response.status_code == 400
    assert set(response.json()) == {"message", "fields"}


def test_a_model_validation_error_that_slips_past_the_serializer_still_gives_a_400_in_the_one_shape():
    from django.core.exceptions import ValidationError

    from inzet.api.errors import exception_handler

    response = exception_handler(ValidationError({"website": ["Te lang."], "__all__": ["Klopt niet."]}), {})

    assert response.status_code == 400
    assert response.data == {"message": "Klopt niet.", "fields": {"website": ["Te lang."]}}


# --- OpenAPI schema ------------------------------------------------------------------------------------------------------


def _api_v1_routes():
    """Every /api/v1/ route as the schema writes it: `<str:code>` → `{code}`, `<int:pk>` → `{id}`."""
    import re

    api = next(p for p in get_resolver().url_patterns if getattr(p, "app_name", None) == "api")
    routes = set()
    for pattern in api.url_patterns:
        assert isinstance(pattern, URLPattern)
        route = str(pattern.pattern)
        if route.startswith("v1/"):
            routes.add("/api/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route).replace("{pk}", "{id}"))
    return routes


def test_the_openapi_schema_is_json_and_lists_every_v1_path(client):
    response = client.get(reverse("api:schema"), {"format": "json"})

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Inzet API"
    expected = {
        "/api/v1/municipalities/",
        "/api/v1/municipalities/{code}/",
        "/api/v1/organisations/",
        "/api/v1/organisations/{id}/",
        "/api/v1/my/organisations/",
        "/api/v1/my/organisations/{id}/",
        "/api/v1/vacancies/",
        "/api/v1/vacancies/{id}/",
        "/api/v1/my/organisations/{id}/vacancies/",
        "/api/v1/my/vacancies/{id}/responses/",
        "/api/v1/instruments/",
        "/api/v1/instruments/{id}/",
        "/api/v1/campaigns/",
        "/api/v1/campaigns/{id}/results/",
        "/api/v1/my/organisations/{id}/reports/",
        "/api/v1/events/",
        "/api/v1/events/{id}/",
        "/api/v1/my/events/{id}/registrations/",
    }
    documented = {path for path in schema["paths"] if path.startswith("/api/v1/")}
    assert documented == expected
    assert documented == _api_v1_routes()  # a new v1 route must show up in the schema too


def test_the_openapi_schema_documents_the_patch_and_its_filters(client):
    schema = json.loads(client.get(reverse("api:schema"), {"format": "json"}).content)

    my_detail = schema["paths"]["/api/v1/my/organisations/{id}/"]
    assert set(my_detail) >= {"get", "patch"}
    assert "put" not in my_detail and "delete" not in my_detail
    listing = schema["paths"]["/api/v1/organisations/"]["get"]
    assert {"q", "municipality", "sector", "page"} <= {p["name"] for p in listing["parameters"]}
    assert "province" in {p["name"] for p in schema["paths"]["/api/v1/municipalities/"]["get"]["parameters"]}
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_the_openapi_schema_is_valid_yaml_by_default(client):
    response = client.get(reverse("api:schema"))

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert {path for path in schema["paths"] if path.startswith("/api/v1/")} == {
        path
        for path in json.loads(client.get(reverse("api:schema"), {"format": "json"}).content)["paths"]
        if path.startswith("/api/v1/")
    }


def test_the_api_documentation_page_opens(client):
    response = client.get(reverse("api:docs"))

    assert response.status_code == 200
    assert reverse("api:schema").encode() in response.content


def test_municipality_codes_in_the_api_match_the_reference_data(client):
    codes = {m["code"] for m in client.get(reverse("api:municipality_list")).json()}

    assert codes == set(Municipality.objects.values_list("code", flat=True))


def test_anonymous_api_clients_are_throttled(world, client, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import SimpleRateThrottle

    # The rates are read once at import; patch them on the class so the change ends with this test.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": "3/min"})
    cache.clear()
    statuses = [client.get("/api/v1/municipalities/GM0014/").status_code for _ in range(4)]
    cache.clear()
    assert statuses == [200, 200, 200, 429]
