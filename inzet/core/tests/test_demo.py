import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from inzet.accounts.models import Membership, OfficerMembership, StaffMembership, User
from inzet.core import demo
from inzet.core.models import AuditEntry
from inzet.organisations.models import Organisation, Sector, SupportPoint
from inzet.places.models import PostcodeArea

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [
    "beheer@inzet.example",
    "consulent@inzet.example",
    "manager@inzet.example",
    "gemeente@inzet.example",
    "coordinator@inzet.example",
    "lid@inzet.example",
    "vrijwilliger@inzet.example",
    "consulent-oldambt@inzet.example",
]


def run(command, **options):
    out = StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def loaded():
    # Tests run with DEBUG off, which the command guards against unless forced.
    return run("load_demo", force=True)


def counts():
    return {
        "support_points": SupportPoint.objects.count(),
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "staff": StaffMembership.objects.count(),
        "officers": OfficerMembership.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


def test_it_creates_the_support_point_serving_three_groningen_municipalities(loaded):
    point = SupportPoint.objects.get(slug="vrijwilligerscentrale")

    assert point.name == "Vrijwilligerscentrale"
    assert point.email and point.phone and point.address
    assert set(point.municipalities.values_list("code", flat=True)) == {"GM0014", "GM1966", "GM1969"}
    oldambt = SupportPoint.objects.get(name="Steunpunt Vrijwilligerswerk Oldambt")
    assert list(oldambt.municipalities.values_list("code", flat=True)) == ["GM1895"]


def test_it_creates_about_sixty_organisations_in_every_sector_and_in_each_municipality(loaded):
    organisations = Organisation.objects.all()

    assert 55 <= organisations.count() <= 65
    assert set(organisations.values_list("municipality_id", flat=True)) == {"GM0014", "GM1966", "GM1969"}
    assert set(Sector.objects.filter(organisations__isnull=False).values_list("slug", flat=True)) == set(
        Sector.objects.values_list("slug", flat=True)
    )
    assert Sector.objects.count() == 11


def test_it_leaves_four_organisations_pending_and_rejects_one_with_a_reason(loaded):
    assert Organisation.objects.filter(status=Organisation.Status.PENDING).count() == 4
    rejected = Organisation.objects.get(status=Organisation.Status.REJECTED)
    assert rejected.rejection_reason
    consultant = User.objects.get(email="consulent@inzet.example")
    decided = Organisation.objects.exclude(status=Organisation.Status.PENDING)
    assert all(organisation.reviewed_by == consultant for organisation in decided)


def test_decisions_are_in_the_audit_log_in_the_consultants_name(loaded):
    approved = Organisation.objects.filter(status=Organisation.Status.APPROVED).count()

    assert AuditEntry.objects.filter(action="organisation.registered").count() == Organisation.objects.count()
    assert AuditEntry.objects.filter(
        action="organisation.approved", actor_label="consulent@inzet.example"
    ).count() == (approved)
    assert (
        AuditEntry.objects.filter(
            action="organisation.rejected", actor_label="consulent@inzet.example"
        ).count()
        == 1
    )


def test_organisation_details_look_real_but_cannot_reach_anyone(loaded):
    areas = dict(PostcodeArea.objects.values_list("pc4", "municipality_id"))
    for organisation in Organisation.objects.all():
        assert re.fullmatch(r"[1-9]\d{3} [A-Z]{2}", organisation.postcode), organisation.name
        assert organisation.postcode[5:] not in {"SA", "SD", "SS"}
        assert areas[organisation.postcode[:4]] == organisation.municipality_id, organisation.name
        assert organisation.lat is not None and organisation.lon is not None
        assert organisation.address and organisation.city
        assert organisation.contact_email.endswith(".example.org")
        assert organisation.contact_phone.startswith("050-1234")
        assert 1 <= len(organisation.description.split(". ")) <= 3 and organisation.description.endswith(".")
        assert organisation.volunteer_count > 0
        if organisation.legal_form == Organisation.LegalForm.INFORMEEL:
            assert organisation.kvk_number == ""
        else:
            assert re.fullmatch(r"\d{8}", organisation.kvk_number)


def test_every_demo_login_has_the_demo_password_and_a_verified_email(loaded):
    for email in DEMO_EMAILS:
        user = User.objects.get(email=email)
        assert user.name, email
        assert user.check_password("demo-inzet-2026"), email
        assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True).exists(), (
            email
        )


def test_there_is_a_demo_login_for_every_role(loaded):
    user = {email.split("@")[0]: User.objects.get(email=email) for email in DEMO_EMAILS}

    assert user["beheer"].is_staff and user["beheer"].is_superuser
    assert not any(u.is_staff for key, u in user.items() if key != "beheer")
    assert user["consulent"].staff_memberships.get().role == StaffMembership.Role.CONSULTANT
    assert user["consulent"].staff_memberships.get().support_point.slug == "vrijwilligerscentrale"
    assert user["manager"].staff_memberships.get().role == StaffMembership.Role.MANAGER
    assert user["gemeente"].officer_memberships.get().municipality_id == "GM0014"
    assert user["consulent-oldambt"].staff_memberships.get().support_point.name == (
        "Steunpunt Vrijwilligerswerk Oldambt"
    )
    coordinated = {
        m.organisation.status: m.role for m in user["coordinator"].memberships.select_related("organisation")
    }
    assert coordinated == {"approved": "coordinator", "pending": "coordinator"}
    membership = user["lid"].memberships.get()
    assert membership.role == Membership.Role.MEMBER
    assert membership.organisation.is_approved
    assert not user["vrijwilliger"].memberships.exists()
    assert not user["vrijwilliger"].staff_memberships.exists()
    assert not user["vrijwilliger"].officer_memberships.exists()


def test_only_the_consultant_of_the_area_may_review_the_pending_organisations(loaded):
    consultant = User.objects.get(email="consulent@inzet.example")
    other_consultant = User.objects.get(email="consulent-oldambt@inzet.example")

    for organisation in Organisation.objects.filter(status=Organisation.Status.PENDING):
        assert consultant.has_perm("organisations.review_organisation", organisation)
        assert not other_consultant.has_perm("organisations.review_organisation", organisation)


def test_loading_twice_changes_nothing_and_says_so(loaded):
    before = counts()

    output = run("load_demo", force=True)

    assert "demo data already present" in output
    assert counts() == before


def test_the_demo_is_the_same_every_time_it_is_built():
    def snapshot():
        return sorted(
            Organisation.objects.values_list(
                "name", "postcode", "address", "kvk_number", "anbi", "website", "volunteer_count", "status"
            )
        )

    with transaction.atomic():
        demo.load_demo()
        first = snapshot()
        transaction.set_rollback(True)
    assert not Organisation.objects.exists()

    demo.load_demo()

    assert snapshot() == first


def test_it_refuses_to_create_a_known_password_admin_when_debug_is_off():
    with pytest.raises(CommandError, match="--force"):
        run("load_demo")

    assert not SupportPoint.objects.exists()
    assert not User.objects.exists()


def test_it_does_not_take_over_an_existing_account():
    User.objects.create_user("beheer@inzet.example", "someone-elses-password")

    with pytest.raises(CommandError, match="beheer@inzet.example"):
        run("load_demo", force=True)

    assert not SupportPoint.objects.exists()
    assert User.objects.get().check_password("someone-elses-password")


def test_demo_logins_lists_every_demo_email_with_the_password_and_the_address(loaded):
    output = run("demo_logins")

    for email in DEMO_EMAILS:
        assert email in output
    assert "demo-inzet-2026" in output
    assert "http://127.0.0.1:8000" in output


def test_demo_logins_says_so_when_there_is_no_demo():
    output = run("demo_logins")

    assert "load_demo" in output
    assert "demo-inzet-2026" not in output
    assert "@inzet.example" not in output


def test_the_demo_has_a_vacaturebank_to_look_at(loaded):
    from inzet.vacancies.models import Response, Vacancy, VolunteerProfile

    assert Vacancy.objects.filter(status="published").count() == 11
    assert Vacancy.objects.filter(status="submitted").count() == 1
    assert VolunteerProfile.objects.filter(
        user__email="vrijwilliger@inzet.example", allows_mediation=True
    ).exists()
    assert Response.objects.filter(volunteer__email="vrijwilliger@inzet.example").count() == 1
