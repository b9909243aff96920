"""The organisation pages as a person uses them: forms, messages, and what is (not) written on bad input."""

import pytest
from django.core import mail
from django.urls import reverse

from inzet.organisations.models import Invitation, Organisation, Sector


def form_data(**overrides):
    data = {
        "name": "Stichting Buurtmoestuin Helpman",
        "legal_form": "stichting",
        "sectors": [Sector.objects.get(slug="natuur-milieu").pk],
        "kvk_number": "87654321",
        "municipality": "GM0014",
        "postcode": "9722ab",
        "address": "Helperpark 5",
        "city": "Groningen",
        "contact_email": "tuin@example.org",
        "volunteer_count": "12",
        "description": "Samen groente kweken.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_person_registers_an_organisation_and_lands_on_its_page(world, client):
    client.force_login(world.volunteer)
    response = client.post(reverse("organisations:register"), form_data(), follow=True)
    organisation = Organisation.objects.get(name="Stichting Buurtmoestuin Helpman")
    assert response.redirect_chain[-1][0] == organisation.get_absolute_url()
    assert organisation.postcode == "9722 AB"
    assert "beoordeelt de aanmelding" in response.content.decode()
    assert organisation.status == Organisation.Status.PENDING


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "97222", "geldige Nederlandse postcode"),
        ("postcode", "9722 SA", "geldige Nederlandse postcode"),
        ("kvk_number", "1234567", "precies 8 cijfers"),
        ("kvk_number", "1234567a", "precies 8 cijfers"),
        ("contact_email", "geen-email", "e-mailadres"),
        ("name", "x" * 151, "150"),
        ("description", "x" * 5001, "5000"),
        ("municipality", "GM9999", "geldige keuze"),
        ("sectors", None, "ten minste één sector"),
        ("sectors", "999999", "geldige keuze"),
        ("volunteer_count", "-3", "0"),
        ("website", "javascript:alert(1)", "URL"),
        ("legal_form", "bv", "geldige keuze"),
    ],
)
def test_bad_input_is_named_on_the_form_and_nothing_is_written(world, client, field, value, message):
    client.force_login(world.volunteer)
    before = Organisation.objects.count()
    response = client.post(reverse("organisations:register"), form_data(**{field: value}))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'aria-invalid="true"' in page
    assert Organisation.objects.count() == before
    assert not world.volunteer.memberships.exists()


def test_a_duplicate_name_is_shown_on_the_name_field(world, client):
    client.force_login(world.volunteer)
    response = client.post(reverse("organisations:register"), form_data(name="VOETBALVERENIGING  Oranje"))
    assert "Er is al een organisatie met de naam" in response.content.decode()
    assert Organisation.objects.filter(name__iexact="voetbalvereniging oranje").count() == 1


def test_the_form_keeps_what_was_typed_after_an_error(world, client):
    client.force_login(world.volunteer)
    response = client.post(reverse("organisations:register"), form_data(postcode="oops"))
    assert 'value="Stichting Buurtmoestuin Helpman"' in response.content.decode()


def test_the_directory_filters_and_paginates(world, client):
    from inzet.factories import OrganisationFactory

    for number in range(25):
        OrganisationFactory(name=f"Koor {number:02d}", sectors=[Sector.objects.get(slug="muziek")])
    first = client.get(reverse("organisations:directory"), {"sector": "muziek"}).content.decode()
    assert "25 organisaties gevonden" in first
    assert "Koor 00" in first and "Koor 20" not in first
    second = client.get(reverse("organisations:directory"), {"sector": "muziek", "page": 2}).content.decode()
    assert "Koor 20" in second and "Koor 00" not in second
    assert "Pagina 2 van 2" in second


def test_the_directory_survives_nonsense_in_its_url(world, client):
    for params in [
        {"page": "-1"},
        {"page": "abc"},
        {"municipality": "'; DROP TABLE"},
        {"sector": "\x00"},
        {"q": "x" * 10000},
        {"q": "🙂🎉"},
    ]:
        response = client.get(reverse("organisations:directory"), params)
        assert response.status_code == 200


def test_the_directory_says_when_nothing_matches(world, client):
    page = client.get(reverse("organisations:directory"), {"q": "bestaatniet"}).content.decode()
    assert "Geen organisaties gevonden" in page


def test_htmx_requests_get_only_the_results(world, client):
    response = client.get(reverse("organisations:directory"), {"q": "Oranje"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "Voetbalvereniging Oranje" in page
    assert "<html" not in page


def test_a_consultant_approves_through_the_review_page(world, client):
    client.force_login(world.consultant)
    queue = client.get(reverse("organisations:review_queue")).content.decode()
    assert "Buurtvereniging De Linde" in queue and "Dorpshuis Finsterwolde" not in queue
    response = client.post(
        reverse("organisations:review", args=[world.pending_organisation.pk]),
        {"decision": "approve"},
        follow=True,
    )
    assert "is goedgekeurd" in response.content.decode()
    world.pending_organisation.refresh_from_db()
    assert world.pending_organisation.is_approved
    assert "Buurtvereniging De Linde" in client.get(reverse("organisations:directory")).content.decode()


def test_a_rejection_without_reason_is_refused_on_the_form(world, client):
    client.force_login(world.consultant)
    response = client.post(
        reverse("organisations:review", args=[world.pending_organisation.pk]),
        {"decision": "reject", "reason": ""},
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    world.pending_organisation.refresh_from_db()
    assert world.pending_organisation.status == Organisation.Status.PENDING
    assert not mail.outbox


def test_a_second_decision_is_explained_not_crashed(world, client):
    client.force_login(world.consultant)
    url = reverse("organisations:review", args=[world.pending_organisation.pk])
    client.post(url, {"decision": "approve"})
    response = client.post(url, {"decision": "reject", "reason": "alsnog"}, follow=True)
    assert response.status_code == 200
    assert "al besloten" in response.content.decode()


def test_a_forged_organisation_id_is_a_404(world, client):
    client.force_login(world.coordinator)
    for name in ["organisations:edit", "organisations:members", "organisations:review"]:
        assert (
            client.post(reverse(name, args=[world.other_pending_organisation.pk]), form_data()).status_code
            == 404
        )
    assert (
        client.post(
            reverse("organisations:invitation_revoke", args=[world.organisation.pk, 999999])
        ).status_code
        == 404
    )


def test_a_coordinator_invites_and_the_invited_person_joins(world, client):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("organisations:members", args=[world.organisation.pk]),
        {"email": "volunteer@example.org", "role": "member"},
        follow=True,
    )
    assert "Uitnodiging verstuurd" in response.content.decode()
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/uitnodiging/" in line).strip()
    client.force_login(world.volunteer)
    path = link.split("127.0.0.1:8000")[-1]
    response = client.post(path, follow=True)
    assert "Welkom bij Voetbalvereniging Oranje" in response.content.decode()
    assert world.organisation.memberships.filter(user=world.volunteer).exists()


def test_removing_a_member_asks_for_confirmation_first(world, client):
    client.force_login(world.coordinator)
    membership = world.organisation.memberships.get(user=world.member)
    url = reverse("organisations:member_remove", args=[world.organisation.pk, membership.pk])
    assert "Ja, verwijderen" in client.get(url).content.decode()
    assert world.organisation.memberships.filter(user=world.member).exists()
    client.post(url)
    assert not world.organisation.memberships.filter(user=world.member).exists()


def test_revoking_an_invitation(world, client):
    invitation = Invitation.objects.create(
        organisation=world.organisation, email="x@example.org", role="member"
    )
    client.force_login(world.coordinator)
    client.post(reverse("organisations:invitation_revoke", args=[world.organisation.pk, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_an_officer_sees_the_organisations_of_their_municipality(world, client):
    client.force_login(world.officer)
    page = client.get(reverse("organisations:municipality_overview")).content.decode()
    assert "Voetbalvereniging Oranje" in page and "Buurtvereniging De Linde" in page
    assert "Muziekvereniging Winschoten" not in page
    filtered = client.get(
        reverse("organisations:municipality_overview"), {"status": "pending"}
    ).content.decode()
    assert "Voetbalvereniging Oranje" not in filtered


def test_a_loosely_typed_postcode_is_accepted_and_stored_canonically(world, client):
    client.force_login(world.volunteer)
    client.post(reverse("organisations:register"), form_data(postcode=" 9722  ab "))
    assert Organisation.objects.get(name="Stichting Buurtmoestuin Helpman").postcode == "9722 AB"
