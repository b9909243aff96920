"""Personas shared by all tests (DESIGN.md §5): one small world in which every role has a place.

Groningen (GM0014) and Het Hogeland (GM1966) are served by support point `here`; Oldambt (GM1895) by `there`.
"""

from dataclasses import dataclass

import pytest

from inzet.accounts.models import User
from inzet.factories import (
    OrganisationFactory,
    SupportPointFactory,
    UserFactory,
    make_consultant,
    make_coordinator,
    make_member,
    make_officer,
)
from inzet.organisations.models import Organisation, SupportPoint


@dataclass
class World:
    support_point: SupportPoint
    other_support_point: SupportPoint
    organisation: Organisation  # approved, Groningen, run by `coordinator`
    pending_organisation: Organisation  # pending, Groningen, also run by `coordinator`
    other_organisation: Organisation  # approved, Oldambt, run by `other_coordinator`
    other_pending_organisation: Organisation  # pending, Oldambt
    volunteer: User
    coordinator: User
    member: User
    other_coordinator: User
    consultant: User
    other_consultant: User
    officer: User
    staff: User
    outsider: User

    def persona(self, name: str) -> User | None:
        return None if name == "anonymous" else getattr(self, name)


PERSONAS = [
    "anonymous",
    "volunteer",
    "coordinator",
    "member",
    "other_coordinator",
    "consultant",
    "other_consultant",
    "officer",
    "staff",
]


@pytest.fixture
def world(db) -> World:
    here = SupportPointFactory(
        name="Vrijwilligerscentrale Groningen", municipality_codes=["GM0014", "GM1966"]
    )
    there = SupportPointFactory(name="Steunpunt Oldambt", municipality_codes=["GM1895"])
    organisation = OrganisationFactory(name="Voetbalvereniging Oranje")
    pending = OrganisationFactory(name="Buurtvereniging De Linde", status=Organisation.Status.PENDING)
    other = OrganisationFactory(
        name="Muziekvereniging Winschoten", municipality=_mun("GM1895"), postcode="9671 AB", city="Winschoten"
    )
    other_pending = OrganisationFactory(
        name="Dorpshuis Finsterwolde",
        municipality=_mun("GM1895"),
        postcode="9685 AA",
        status=Organisation.Status.PENDING,
    )
    coordinator = make_coordinator(
        organisation, UserFactory(email="coordinator@example.org", name="Carla Coördinator")
    )
    make_coordinator(pending, coordinator)
    other_coordinator = make_coordinator(other, UserFactory(email="other-coordinator@example.org"))
    make_coordinator(other_pending, other_coordinator)
    staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    return World(
        support_point=here,
        other_support_point=there,
        organisation=organisation,
        pending_organisation=pending,
        other_organisation=other,
        other_pending_organisation=other_pending,
        volunteer=UserFactory(email="volunteer@example.org", name="Vera Vrijwilliger"),
        coordinator=coordinator,
        member=make_member(organisation, UserFactory(email="member@example.org")),
        other_coordinator=other_coordinator,
        consultant=make_consultant(here, UserFactory(email="consultant@example.org", name="Kees Consulent")),
        other_consultant=make_consultant(there, UserFactory(email="other-consultant@example.org")),
        officer=make_officer("GM0014", UserFactory(email="officer@example.org")),
        staff=staff,
        outsider=UserFactory(email="outsider@example.org"),
    )


def _mun(code):
    from inzet.places.models import Municipality

    return Municipality.objects.get(code=code)


@pytest.fixture(autouse=True)
def reference_data(request):
    """Provinces, municipalities, postcodes, the taxonomies and the instruments, as the migrations load them.

    Browser tests run on a real transaction and the database is emptied after each; this puts the reference
    data back (idempotently) for whatever test comes next.
    """
    if "django_db_setup" not in request.fixturenames and not request.node.get_closest_marker("django_db"):
        return
    request.getfixturevalue("_django_db_helper")
    from inzet.organisations.models import Sector
    from inzet.organisations.reference import load_sectors
    from inzet.places.loader import load_places
    from inzet.places.models import Municipality, PostcodeArea, Province

    if not Municipality.objects.exists():
        load_places(Province, Municipality, PostcodeArea)
    if not Sector.objects.exists():
        load_sectors(Sector)
    from inzet.vacancies.models import ActivityType, Skill
    from inzet.vacancies.reference import load_taxonomies

    if not ActivityType.objects.exists():
        load_taxonomies(ActivityType, Skill)
    from inzet.collaboration.models import SupportTheme
    from inzet.collaboration.reference import load_support_themes

    if not SupportTheme.objects.exists():
        load_support_themes(SupportTheme)
    from inzet.assessments.loader import load_all
    from inzet.assessments.models import Instrument

    if not Instrument.objects.exists():
        load_all()


@pytest.fixture(autouse=True)
def fail_on_failed_tasks():
    """The immediate task backend logs a failing task and carries on; in tests a failing task is a failure."""
    from django.tasks.base import TaskResultStatus
    from django.tasks.signals import task_finished

    failures = []

    def record(sender, task_result, **kwargs):
        if task_result.status == TaskResultStatus.FAILED:
            failures.append(f"{task_result.task.name}: {task_result.errors}")

    task_finished.connect(record)
    yield
    task_finished.disconnect(record)
    assert not failures, f"background tasks failed: {failures}"


@pytest.fixture
def client_for(client):
    """`client_for(user)` → a test client logged in as that user (or anonymous for None)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login
