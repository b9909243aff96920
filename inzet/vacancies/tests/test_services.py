"""The vacancy lifecycle, responses, mediation and placements, through the services as every caller uses them."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from inzet.core.errors import ApplicationError, NotAllowed
from inzet.core.models import AuditEntry
from inzet.factories import UserFactory
from inzet.organisations.models import Sector
from inzet.vacancies import services
from inzet.vacancies.models import Mediation, Placement, Response, Vacancy

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def vacancy_data(**overrides):
    data = {
        "title": "Jeugdtrainer onder 10",
        "description": "Train elke dinsdag de jongste jeugd.",
        "sector": Sector.objects.get(slug="sport"),
        "hours_per_week": 3,
        "commitment": "structural",
        "contact_name": "Carla",
        "contact_email": "trainers@oranje.example.org",
        "insured": True,
        "expenses_reimbursed": True,
        "availability": 0b100000,
    }
    data.update(overrides)
    return data


@pytest.fixture
def draft(world):
    return services.vacancy_create(actor=world.coordinator, organisation=world.organisation, **vacancy_data())


@pytest.fixture
def published(world, draft):
    services.vacancy_submit(actor=world.coordinator, vacancy=draft)
    vacancy = services.vacancy_publish(
        actor=world.consultant,
        vacancy=draft,
        confirmed=["hours", "insured", "expenses", "contact", "not_for_profit"],
    )
    mail.outbox.clear()
    return vacancy


@pytest.fixture
def profile(world):
    return services.profile_save(
        user=world.volunteer, postcode="9712 CP", max_distance_km=10, hours_per_week=4, allows_mediation=True
    )


def test_a_coordinator_drafts_a_vacancy_at_the_organisations_place(world, draft):
    assert draft.status == Vacancy.Status.DRAFT
    assert (draft.lat, draft.lon) == (world.organisation.lat, world.organisation.lon)
    assert AuditEntry.objects.filter(action="vacancy.created", target_id=str(draft.pk)).exists()


def test_a_vacancy_with_its_own_postcode_is_placed_there(world):
    vacancy = services.vacancy_create(
        actor=world.coordinator, organisation=world.organisation, **vacancy_data(postcode="9981 aa")
    )
    assert vacancy.postcode == "9981 AA"
    assert vacancy.municipality_id == "GM1966"  # Uithuizen, Het Hogeland


def test_only_coordinators_of_an_approved_organisation_draft_vacancies(world):
    with pytest.raises(NotAllowed):
        services.vacancy_create(actor=world.member, organisation=world.organisation, **vacancy_data())
    with pytest.raises(ApplicationError):
        services.vacancy_create(
            actor=world.coordinator, organisation=world.pending_organisation, **vacancy_data()
        )
    assert not Vacancy.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hours_per_week", 0),
        ("hours_per_week", 41),
        ("title", ""),
        ("contact_email", "geen"),
        ("postcode", "12"),
        ("end_date", date(2026, 1, 1)),
    ],
)
def test_bad_vacancy_input_is_refused_and_nothing_is_written(world, field, value):
    data = vacancy_data(start_date=date(2026, 6, 1)) if field == "end_date" else vacancy_data()
    data[field] = value
    with pytest.raises(ApplicationError) as error:
        services.vacancy_create(actor=world.coordinator, organisation=world.organisation, **data)
    assert field in error.value.fields
    assert not Vacancy.objects.exists()


def test_submitting_tells_the_consultants_of_the_area(world, draft):
    services.vacancy_submit(actor=world.coordinator, vacancy=draft)
    assert [m.to for m in mail.outbox] == [["consultant@example.org"]]
    with pytest.raises(ApplicationError):
        services.vacancy_submit(actor=world.coordinator, vacancy=draft)


def test_publishing_needs_every_nov_criterion_confirmed(world, draft):
    services.vacancy_submit(actor=world.coordinator, vacancy=draft)
    with pytest.raises(ApplicationError) as error:
        services.vacancy_publish(actor=world.consultant, vacancy=draft, confirmed=["hours", "insured"])
    assert "confirmed" in error.value.fields
    draft.refresh_from_db()
    assert draft.status == Vacancy.Status.SUBMITTED


def test_a_published_vacancy_runs_for_three_months_and_the_organisation_is_told(world, published):
    assert published.status == Vacancy.Status.PUBLISHED
    assert published.is_open
    assert timedelta(days=90) < published.expires_at - published.published_at < timedelta(days=92)


def test_a_consultant_of_another_area_cannot_review(world, draft):
    services.vacancy_submit(actor=world.coordinator, vacancy=draft)
    with pytest.raises(NotAllowed):
        services.vacancy_publish(actor=world.other_consultant, vacancy=draft, confirmed=[])
    with pytest.raises(NotAllowed):
        services.vacancy_return(actor=world.other_consultant, vacancy=draft, reason="nee")


def test_returning_needs_a_reason_that_reaches_the_coordinator(world, draft):
    services.vacancy_submit(actor=world.coordinator, vacancy=draft)
    with pytest.raises(ApplicationError):
        services.vacancy_return(actor=world.consultant, vacancy=draft, reason=" ")
    mail.outbox.clear()
    services.vacancy_return(actor=world.consultant, vacancy=draft, reason="Noem een vaste contactpersoon.")
    assert "Noem een vaste contactpersoon." in mail.outbox[0].body
    assert "coordinator@example.org" in mail.outbox[0].to
    services.vacancy_submit(actor=world.coordinator, vacancy=draft)  # and it can be submitted again


def test_editing_a_published_vacancy_beyond_20_hours_sends_it_back_for_review(world, published):
    vacancy = services.vacancy_update(actor=world.coordinator, vacancy=published, hours_per_week=24)
    assert vacancy.status == Vacancy.Status.SUBMITTED
    assert not vacancy.is_open
    assert mail.outbox[0].to == ["consultant@example.org"]


def test_a_small_edit_keeps_a_vacancy_published(world, published):
    vacancy = services.vacancy_update(actor=world.coordinator, vacancy=published, title="Jeugdtrainer O10")
    assert vacancy.status == Vacancy.Status.PUBLISHED


def test_renewing_and_closing(world, published):
    Vacancy.objects.filter(pk=published.pk).update(expires_at=timezone.now() - timedelta(days=1))
    published.refresh_from_db()
    assert not published.is_open
    renewed = services.vacancy_renew(actor=world.coordinator, vacancy=published)
    assert renewed.is_open
    closed = services.vacancy_close(actor=world.coordinator, vacancy=renewed)
    assert closed.status == Vacancy.Status.CLOSED and not closed.is_open
    with pytest.raises(ApplicationError):
        services.vacancy_update(actor=world.coordinator, vacancy=closed, title="Toch niet")


def test_a_volunteer_responds_once_and_the_organisation_is_told(world, published):
    response = services.response_create(
        volunteer=world.volunteer, vacancy=published, message="Ik train graag!"
    )
    assert response.status == Response.Status.NEW
    assert set(mail.outbox[0].to) == {"coordinator@example.org", "trainers@oranje.example.org"}
    with pytest.raises(ApplicationError, match="al op deze vacature gereageerd"):
        services.response_create(volunteer=world.volunteer, vacancy=published, message="Nog een keer")
    assert Response.objects.count() == 1


@pytest.mark.parametrize("message", ["", "   "])
def test_a_response_needs_a_message(world, published, message):
    with pytest.raises(ApplicationError) as error:
        services.response_create(volunteer=world.volunteer, vacancy=published, message=message)
    assert "message" in error.value.fields


def test_no_responses_to_drafts_or_from_the_organisation_itself(world, draft, published):
    other = services.vacancy_create(
        actor=world.coordinator, organisation=world.organisation, **vacancy_data()
    )
    with pytest.raises(ApplicationError):
        services.response_create(volunteer=world.volunteer, vacancy=other, message="Hallo")
    with pytest.raises(ApplicationError):
        services.response_create(volunteer=world.member, vacancy=published, message="Hallo")


def test_the_pipeline_tells_the_volunteer_of_every_step(world, published):
    response = services.response_create(volunteer=world.volunteer, vacancy=published, message="Hallo")
    mail.outbox.clear()
    for step in ("in_contact", "introduction"):
        services.response_move(actor=world.coordinator, response=response, status=step)
    assert [m.to for m in mail.outbox] == [["volunteer@example.org"], ["volunteer@example.org"]]
    assert "kennismaking" in mail.outbox[-1].body


def test_placing_registers_a_placement(world, published):
    response = services.response_create(volunteer=world.volunteer, vacancy=published, message="Hallo")
    services.response_move(
        actor=world.coordinator,
        response=response,
        status="placed",
        start_date=date(2026, 12, 1),
        hours_per_week=2,
    )
    placement = Placement.objects.get()
    assert (placement.volunteer, placement.start_date, placement.hours_per_week) == (
        world.volunteer,
        date(2026, 12, 1),
        2,
    )
    assert placement.response == response


def test_a_rejection_needs_a_reason_and_ends_the_pipeline(world, published):
    response = services.response_create(volunteer=world.volunteer, vacancy=published, message="Hallo")
    with pytest.raises(ApplicationError):
        services.response_move(actor=world.coordinator, response=response, status="rejected")
    services.response_move(actor=world.coordinator, response=response, status="rejected", reason="Vol.")
    with pytest.raises(ApplicationError):
        services.response_move(actor=world.coordinator, response=response, status="in_contact")
    assert "Vol." in mail.outbox[-1].body


def test_others_cannot_move_or_withdraw_a_response(world, published):
    response = services.response_create(volunteer=world.volunteer, vacancy=published, message="Hallo")
    for actor in (world.member, world.other_coordinator, world.volunteer):
        with pytest.raises(NotAllowed):
            services.response_move(actor=actor, response=response, status="in_contact")
    with pytest.raises(NotAllowed):
        services.response_withdraw(volunteer=world.outsider, response=response)
    services.response_withdraw(volunteer=world.volunteer, response=response)
    response.refresh_from_db()
    assert response.status == Response.Status.WITHDRAWN


def test_unanswered_responses_are_chased_after_5_and_escalated_after_10_working_days(world, published):
    response = services.response_create(volunteer=world.volunteer, vacancy=published, message="Hallo")
    monday = datetime(2026, 11, 2, 10, tzinfo=AMSTERDAM)
    Response.objects.filter(pk=response.pk).update(created_at=monday)
    mail.outbox.clear()
    assert services.responses_chase_unanswered(today=date(2026, 11, 6)) == {"reminded": 0, "escalated": 0}
    assert services.responses_chase_unanswered(today=date(2026, 11, 9)) == {"reminded": 1, "escalated": 0}
    assert services.responses_chase_unanswered(today=date(2026, 11, 10)) == {"reminded": 0, "escalated": 0}
    assert len(mail.outbox) == 1 and "wacht op antwoord" in mail.outbox[0].subject
    assert services.responses_chase_unanswered(today=date(2026, 11, 16)) == {"reminded": 0, "escalated": 1}
    assert services.responses_chase_unanswered(today=date(2026, 11, 17)) == {"reminded": 0, "escalated": 0}
    from inzet.vacancies.selectors import unanswered_responses_for

    assert list(unanswered_responses_for(world.consultant)) == [response]
    assert list(unanswered_responses_for(world.other_consultant)) == []


def test_an_answered_response_is_not_chased(world, published):
    response = services.response_create(volunteer=world.volunteer, vacancy=published, message="Hallo")
    services.response_move(actor=world.coordinator, response=response, status="in_contact")
    Response.objects.filter(pk=response.pk).update(created_at=timezone.now() - timedelta(days=30))
    assert services.responses_chase_unanswered() == {"reminded": 0, "escalated": 0}


def test_a_consultant_mediates_a_volunteer_who_asked_for_it(world, published, profile):
    mediation = services.mediation_propose(
        consultant=world.consultant, profile=profile, vacancy=published, note="Zij traint al jaren jeugd."
    )
    assert mediation.status == Mediation.Status.PROPOSED
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["coordinator@example.org", "trainers@oranje.example.org", "volunteer@example.org"]
    with pytest.raises(ApplicationError):
        services.mediation_propose(
            consultant=world.consultant, profile=profile, vacancy=published, note="Nog eens"
        )


def test_no_mediation_without_consent_or_outside_the_area(world, published, profile):
    with pytest.raises(NotAllowed):
        services.mediation_propose(
            consultant=world.other_consultant, profile=profile, vacancy=published, note="x"
        )
    profile.allows_mediation = False
    profile.save()
    with pytest.raises(ApplicationError):
        services.mediation_propose(consultant=world.consultant, profile=profile, vacancy=published, note="x")
    assert not Mediation.objects.exists()


def test_a_suggested_volunteer_is_invited_once_without_revealing_their_address(world, published, profile):
    services.candidate_invite(actor=world.coordinator, vacancy=published, profile=profile)
    assert mail.outbox[0].to == ["volunteer@example.org"]
    with pytest.raises(ApplicationError, match="al uitgenodigd"):
        services.candidate_invite(actor=world.coordinator, vacancy=published, profile=profile)
    assert len(mail.outbox) == 1


def test_a_placement_ends_with_a_date_and_reason(world, published):
    placement = services.placement_register(
        actor=world.consultant,
        vacancy=published,
        volunteer=world.volunteer,
        start_date=date(2026, 1, 5),
        hours_per_week=None,
    )
    assert placement.hours_per_week == 3
    with pytest.raises(ApplicationError):
        services.placement_end(
            actor=world.consultant, placement=placement, end_date=date(2025, 1, 1), reason=""
        )
    services.placement_end(
        actor=world.coordinator, placement=placement, end_date=date(2026, 6, 30), reason="Verhuisd"
    )
    placement.refresh_from_db()
    assert (placement.end_date, placement.end_reason) == (date(2026, 6, 30), "Verhuisd")


def test_a_profile_needs_a_known_postcode_and_a_sensible_birth_year(world):
    with pytest.raises(ApplicationError):
        services.profile_save(user=world.volunteer, postcode="kapot")
    with pytest.raises(ApplicationError) as error:
        services.profile_save(user=world.volunteer, postcode="9712 CP", birth_year=1800)
    assert "birth_year" in error.value.fields
    profile = services.profile_save(user=UserFactory(), postcode="9712cp", availability=0b111)
    assert profile.postcode == "9712 CP" and profile.municipality_id == "GM0014"


def test_renaming_the_organisation_makes_its_vacancies_findable_by_the_new_name(world, published):
    from inzet.organisations.services import organisation_update
    from inzet.vacancies.search import VacancyQuery, vacancy_search

    organisation_update(actor=world.coordinator, organisation=world.organisation, name="Sportclub Zwaluwen")
    assert list(vacancy_search(VacancyQuery(text="zwaluwen"))) == [published]


def test_an_edit_that_keeps_the_name_leaves_the_search_text_alone(world, published, monkeypatch):
    from inzet.organisations.services import organisation_update
    from inzet.vacancies import search

    calls = []
    monkeypatch.setattr(search, "vacancy_search_index_update", lambda **kwargs: calls.append(kwargs))
    organisation_update(
        actor=world.coordinator,
        organisation=world.organisation,
        name=world.organisation.name,
        description="Nieuwe tekst.",
    )
    assert calls == []
    organisation_update(actor=world.coordinator, organisation=world.organisation, name="Sportclub Zwaluwen")
    assert calls == [{"vacancy_ids": [published.pk]}]
