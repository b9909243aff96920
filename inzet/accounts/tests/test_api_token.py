"""The API-key page: a key is shown once, can be replaced, can be revoked, and each step is audited."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from inzet.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def post(client, action):
    return client.post(reverse("accounts:api_token"), {"action": action})


def test_without_a_key_the_page_offers_to_make_one(client_for, world):
    response = client_for(world.volunteer).get(reverse("accounts:api_token"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Sleutel maken" in content
    assert 'value="revoke"' not in content
    assert response.context["new_token"] is None


def test_creating_a_key_shows_it_once(client_for, world):
    client = client_for(world.volunteer)

    response = post(client, "create")

    assert response.status_code == 200
    token = Token.objects.get(user=world.volunteer)
    assert f"<code>{token.key}</code>" in response.content.decode()
    assert "Bewaar hem nu" in response.content.decode()
    later = client.get(reverse("accounts:api_token"))
    assert token.key not in later.content.decode()
    assert "Nieuwe sleutel maken (de oude vervalt)" in later.content.decode()
    assert 'value="revoke"' in later.content.decode()


def test_creating_a_key_is_audited(client_for, world):
    post(client_for(world.volunteer), "create")

    entry = AuditEntry.objects.get()
    assert entry.action == "account.api_token_created"
    assert entry.actor == world.volunteer
    assert entry.target_id == str(world.volunteer.pk)
    assert Token.objects.get(user=world.volunteer).key not in str(entry.data)  # never log the secret


def test_regenerating_replaces_the_key(client_for, world):
    client = client_for(world.volunteer)
    post(client, "create")
    old_key = Token.objects.get(user=world.volunteer).key

    response = post(client, "create")

    new_key = Token.objects.get(user=world.volunteer).key
    assert new_key != old_key
    assert not Token.objects.filter(key=old_key).exists()
    assert new_key in response.content.decode() and old_key not in response.content.decode()
    assert AuditEntry.objects.filter(action="account.api_token_created").count() == 2


def test_revoking_removes_the_key_and_is_audited(client_for, world):
    client = client_for(world.volunteer)
    post(client, "create")

    response = post(client, "revoke")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:api_token")
    assert not Token.objects.filter(user=world.volunteer).exists()
    entry = AuditEntry.objects.get(action="account.api_token_revoked")
    assert entry.actor == world.volunteer
    page = client.get(response["Location"])
    assert "Je API-sleutel is ingetrokken." in page.content.decode()
    assert 'value="revoke"' not in page.content.decode()


def test_revoking_without_a_key_changes_nothing_and_logs_nothing(client_for, world):
    response = post(client_for(world.volunteer), "revoke")

    assert response.status_code == 302
    assert not AuditEntry.objects.exists()


def test_a_key_belongs_to_one_person(client_for, world):
    post(client_for(world.volunteer), "create")
    volunteer_key = Token.objects.get(user=world.volunteer).key

    post(client_for(world.coordinator), "revoke")
    post(client_for(world.coordinator), "create")

    assert Token.objects.get(user=world.volunteer).key == volunteer_key
    assert Token.objects.count() == 2


def test_anonymous_visitors_cannot_make_a_key(client):
    response = post(client, "create")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Token.objects.exists()
