import pytest
from django.core import mail

from inzet.accounts.models import Membership
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.core.models import AuditEntry
from inzet.factories import UserFactory, municipality
from inzet.organisations import services
from inzet.organisations.models import Invitation, Organisation, Sector


def registration(**overrides):
    data = {
        "name": "Toneelvereniging Het Masker",
        "legal_form": "vereniging",
        "sectors": [Sector.objects.get(slug="cultuur")],
        "kvk_number": "12345678",
        "anbi": False,
        "municipality": municipality("GM0014"),
        "postcode": "9712 CP",
        "address": "Oude Boteringestraat 10",
        "city": "Groningen",
        "contact_email": "info@hetmasker.example.org",
        "contact_phone": "",
        "website": "",
        "volunteer_count": 25,
        "description": "Toneel voor jong en oud.",
    }
    data.update(overrides)
    return data


def test_registering_makes_a_pending_organisation_with_its_author_as_coordinator(world):
    organisation = services.organisation_register(user=world.volunteer, **registration())
    assert organisation.status == Organisation.Status.PENDING
    assert Membership.objects.get(organisation=organisation).user == world.volunteer
    assert Membership.objects.get(organisation=organisation).role == Membership.Role.COORDINATOR
    assert (organisation.lat, organisation.lon) != (None, None)
    assert AuditEntry.objects.filter(
        action="organisation.registered", target_id=str(organisation.pk)
    ).exists()


def test_registering_tells_the_consultants_of_the_area_and_nobody_else(world):
    services.organisation_register(user=world.volunteer, **registration())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["consultant@example.org"]
    assert "Toneelvereniging Het Masker" in mail.outbox[0].subject


def test_a_name_taken_in_the_same_municipality_is_refused_whatever_its_case(world):
    with pytest.raises(ApplicationError) as error:
        services.organisation_register(user=world.volunteer, **registration(name="voetbalvereniging ORANJE"))
    assert "name" in error.value.fields
    assert (
        not Organisation.objects.filter(name__iexact="voetbalvereniging oranje")
        .exclude(pk=world.organisation.pk)
        .exists()
    )


def test_the_same_name_in_another_municipality_is_fine(world):
    organisation = services.organisation_register(
        user=world.volunteer,
        **registration(
            name="Voetbalvereniging Oranje", municipality=municipality("GM1895"), postcode="9671 AB"
        ),
    )
    assert organisation.municipality_id == "GM1895"


def test_an_unknown_postcode_falls_back_to_the_municipality_centre(world):
    # 1099 is a postcode area newer than the CBS shapes we ship (see places/data/SOURCES.md).
    organisation = services.organisation_register(user=world.volunteer, **registration(postcode="1099 AA"))
    groningen = municipality("GM0014")
    assert (organisation.lat, organisation.lon) == (groningen.lat, groningen.lon)


def test_a_registration_without_sectors_is_refused_and_nothing_is_written(world):
    before = Organisation.objects.count()
    with pytest.raises(ApplicationError):
        services.organisation_register(user=world.volunteer, **registration(sectors=[]))
    assert Organisation.objects.count() == before
    assert not Membership.objects.filter(user=world.volunteer).exists()


def test_a_bad_kvk_number_is_refused_and_nothing_is_written(world):
    before = Organisation.objects.count()
    with pytest.raises(ApplicationError) as error:
        services.organisation_register(user=world.volunteer, **registration(kvk_number="1234"))
    assert "kvk_number" in error.value.fields
    assert Organisation.objects.count() == before
    assert not Membership.objects.filter(user=world.volunteer).exists()


def test_a_consultant_of_the_area_approves_and_the_coordinator_is_told(world):
    services.organisation_approve(actor=world.consultant, organisation=world.pending_organisation)
    world.pending_organisation.refresh_from_db()
    assert world.pending_organisation.status == Organisation.Status.APPROVED
    assert world.pending_organisation.reviewed_by == world.consultant
    assert [m.to for m in mail.outbox] == [["coordinator@example.org"]]
    assert "goedgekeurd" in mail.outbox[0].subject
    assert AuditEntry.objects.filter(action="organisation.approved", actor=world.consultant).exists()


def test_a_rejection_needs_a_reason_which_is_emailed(world):
    with pytest.raises(ApplicationError):
        services.organisation_reject(
            actor=world.consultant, organisation=world.pending_organisation, reason="  "
        )
    services.organisation_reject(
        actor=world.consultant,
        organisation=world.pending_organisation,
        reason="Geen vrijwilligersorganisatie.",
    )
    world.pending_organisation.refresh_from_db()
    assert world.pending_organisation.status == Organisation.Status.REJECTED
    assert "Geen vrijwilligersorganisatie." in mail.outbox[-1].body
    assert AuditEntry.objects.get(action="organisation.rejected").data == {
        "reason": "Geen vrijwilligersorganisatie."
    }


def test_a_consultant_of_another_support_point_cannot_decide(world):
    with pytest.raises(NotAllowed):
        services.organisation_approve(actor=world.other_consultant, organisation=world.pending_organisation)
    world.pending_organisation.refresh_from_db()
    assert world.pending_organisation.status == Organisation.Status.PENDING


def test_a_decision_is_taken_only_once(world):
    services.organisation_approve(actor=world.consultant, organisation=world.pending_organisation)
    with pytest.raises(ApplicationError):
        services.organisation_reject(
            actor=world.consultant, organisation=world.pending_organisation, reason="Te laat"
        )
    world.pending_organisation.refresh_from_db()
    assert world.pending_organisation.status == Organisation.Status.APPROVED


def test_the_decision_email_is_sent_once_even_if_the_task_runs_twice(world):
    from inzet.organisations.tasks import notify_organisation_decision

    services.organisation_approve(actor=world.consultant, organisation=world.pending_organisation)
    notify_organisation_decision.call(world.pending_organisation.pk)
    assert len(mail.outbox) == 1


def test_editing_a_rejected_organisation_submits_it_again(world):
    services.organisation_reject(
        actor=world.consultant, organisation=world.pending_organisation, reason="Adres klopt niet"
    )
    mail.outbox.clear()
    services.organisation_update(
        actor=world.coordinator, organisation=world.pending_organisation, address="Vismarkt 1"
    )
    world.pending_organisation.refresh_from_db()
    assert world.pending_organisation.status == Organisation.Status.PENDING
    assert world.pending_organisation.rejection_reason == ""
    assert mail.outbox[0].to == ["consultant@example.org"]


def test_a_member_cannot_edit(world):
    with pytest.raises(NotAllowed):
        services.organisation_update(actor=world.member, organisation=world.organisation, name="Overgenomen")
    world.organisation.refresh_from_db()
    assert world.organisation.name == "Voetbalvereniging Oranje"


def test_an_invitation_is_emailed_and_accepted_by_the_invited_address(world):
    invitation = services.invitation_create(
        actor=world.coordinator,
        organisation=world.organisation,
        email="Nieuw@Example.org",
        role="coordinator",
    )
    assert invitation.email == "nieuw@example.org"
    assert mail.outbox[-1].to == ["nieuw@example.org"]
    assert str(invitation.token) in mail.outbox[-1].body
    newcomer = UserFactory(email="nieuw@example.org")
    membership = services.invitation_accept(user=newcomer, invitation=invitation)
    assert membership.role == Membership.Role.COORDINATOR
    invitation.refresh_from_db()
    assert invitation.accepted_by == newcomer


def test_an_invitation_cannot_be_taken_by_someone_else(world):
    invitation = services.invitation_create(
        actor=world.coordinator, organisation=world.organisation, email="nieuw@example.org", role="member"
    )
    with pytest.raises(ApplicationError):
        services.invitation_accept(user=world.volunteer, invitation=invitation)
    assert not world.organisation.memberships.filter(user=world.volunteer).exists()


def test_an_invitation_is_used_once_and_can_be_revoked(world):
    invitation = services.invitation_create(
        actor=world.coordinator, organisation=world.organisation, email="volunteer@example.org", role="member"
    )
    services.invitation_accept(user=world.volunteer, invitation=invitation)
    with pytest.raises(ApplicationError):
        services.invitation_accept(user=world.volunteer, invitation=invitation)
    second = services.invitation_create(
        actor=world.coordinator, organisation=world.organisation, email="outsider@example.org", role="member"
    )
    services.invitation_revoke(actor=world.coordinator, invitation=second)
    with pytest.raises(ApplicationError):
        services.invitation_accept(user=world.outsider, invitation=second)


def test_an_expired_invitation_is_refused(world):
    from datetime import timedelta

    from django.utils import timezone

    invitation = services.invitation_create(
        actor=world.coordinator, organisation=world.organisation, email="outsider@example.org", role="member"
    )
    Invitation.objects.filter(pk=invitation.pk).update(created_at=timezone.now() - timedelta(days=15))
    with pytest.raises(ApplicationError, match="verlopen"):
        services.invitation_accept(user=world.outsider, invitation=invitation)


def test_inviting_a_member_twice_or_an_existing_member_is_refused(world):
    with pytest.raises(ApplicationError):
        services.invitation_create(
            actor=world.coordinator,
            organisation=world.organisation,
            email="member@example.org",
            role="member",
        )
    services.invitation_create(
        actor=world.coordinator, organisation=world.organisation, email="x@example.org", role="member"
    )
    with pytest.raises(ApplicationError):
        services.invitation_create(
            actor=world.coordinator, organisation=world.organisation, email="X@example.org", role="member"
        )


def test_only_coordinators_invite(world):
    with pytest.raises(NotAllowed):
        services.invitation_create(
            actor=world.member, organisation=world.organisation, email="x@example.org", role="member"
        )
    assert not Invitation.objects.exists()


def test_the_last_coordinator_cannot_be_removed(world):
    membership = world.organisation.memberships.get(user=world.coordinator)
    with pytest.raises(ApplicationError):
        services.membership_remove(actor=world.coordinator, membership=membership)
    assert world.organisation.memberships.filter(user=world.coordinator).exists()


def test_a_coordinator_removes_a_member_and_it_is_audited(world):
    membership = world.organisation.memberships.get(user=world.member)
    services.membership_remove(actor=world.coordinator, membership=membership)
    assert not world.organisation.memberships.filter(user=world.member).exists()
    assert AuditEntry.objects.get(action="membership.removed").data["email"] == "member@example.org"


def test_a_member_may_leave_but_not_remove_others(world):
    coordinator_membership = world.organisation.memberships.get(user=world.coordinator)
    with pytest.raises(NotAllowed):
        services.membership_remove(actor=world.member, membership=coordinator_membership)
    services.membership_remove(
        actor=world.member, membership=world.organisation.memberships.get(user=world.member)
    )
    assert not world.organisation.memberships.filter(user=world.member).exists()


def test_postcodes_are_stored_in_their_canonical_form(world):
    organisation = services.organisation_register(user=world.volunteer, **registration(postcode=" 9712\tcp "))
    assert organisation.postcode == "9712 CP"


def test_a_registration_missing_required_fields_names_them(world):
    with pytest.raises(ApplicationError) as error:
        services.organisation_register(user=world.volunteer, **registration(name="", contact_email=""))
    assert set(error.value.fields) == {"name", "contact_email"}
