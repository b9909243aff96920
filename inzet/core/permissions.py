"""The one registry of named permissions (DESIGN.md §4). Views, API and services ask `user.has_perm(name, obj)`.

Predicates take (user, obj). Fetching is scoped separately by selectors (`inzet.core.tenancy`): an object the
user may not even know about is a 404; one they can see but not act on is a 403.
"""

import rules

from inzet.accounts.models import Membership, OfficerMembership, StaffMembership


@rules.predicate
def is_platform_staff(user):
    return user.is_authenticated and user.is_staff


@rules.predicate
def is_coordinator_of(user, organisation):
    return (
        user.is_authenticated
        and organisation is not None
        and Membership.objects.filter(
            user=user, organisation=organisation, role=Membership.Role.COORDINATOR
        ).exists()
    )


@rules.predicate
def is_member_of(user, organisation):
    return (
        user.is_authenticated
        and organisation is not None
        and Membership.objects.filter(user=user, organisation=organisation).exists()
    )


@rules.predicate
def is_consultant_for(user, organisation):
    """Works for a support point that serves the organisation's municipality."""
    return (
        user.is_authenticated
        and organisation is not None
        and StaffMembership.objects.filter(
            user=user, support_point__municipalities=organisation.municipality_id
        ).exists()
    )


@rules.predicate
def is_officer_for(user, organisation):
    return (
        user.is_authenticated
        and organisation is not None
        and OfficerMembership.objects.filter(user=user, municipality=organisation.municipality_id).exists()
    )


@rules.predicate
def is_support_point_staff(user):
    return user.is_authenticated and StaffMembership.objects.filter(user=user).exists()


@rules.predicate
def is_municipality_officer(user):
    return user.is_authenticated and OfficerMembership.objects.filter(user=user).exists()


@rules.predicate
def is_approved(user, organisation):
    return organisation is not None and organisation.is_approved


# organisations
rules.add_perm(
    "organisations.view_organisation",
    is_approved | is_member_of | is_consultant_for | is_officer_for | is_platform_staff,
)
rules.add_perm("organisations.change_organisation", is_coordinator_of | is_platform_staff)
rules.add_perm("organisations.manage_members", is_coordinator_of | is_platform_staff)
# The decision itself is only possible while pending; the service checks that and says so.
rules.add_perm("organisations.review_organisation", is_consultant_for | is_platform_staff)
rules.add_perm("organisations.view_review_queue", is_support_point_staff | is_platform_staff)
rules.add_perm("organisations.view_municipality_overview", is_municipality_officer | is_platform_staff)


# vacancies — predicates on a vacancy or a response reach through to its organisation.
@rules.predicate
def is_coordinator_of_vacancy(user, vacancy):
    return vacancy is not None and is_coordinator_of(user, vacancy.organisation)


@rules.predicate
def is_member_of_vacancy(user, vacancy):
    return vacancy is not None and is_member_of(user, vacancy.organisation)


@rules.predicate
def is_consultant_for_vacancy(user, vacancy):
    return vacancy is not None and is_consultant_for(user, vacancy.organisation)


@rules.predicate
def is_published(user, vacancy):
    return vacancy is not None and vacancy.is_open


@rules.predicate
def is_own_response(user, response):
    return user.is_authenticated and response is not None and response.volunteer_id == user.pk


@rules.predicate
def is_coordinator_for_response(user, response):
    return response is not None and is_coordinator_of(user, response.vacancy.organisation)


@rules.predicate
def is_member_for_response(user, response):
    return response is not None and is_member_of(user, response.vacancy.organisation)


@rules.predicate
def is_consultant_for_response(user, response):
    return response is not None and is_consultant_for(user, response.vacancy.organisation)


rules.add_perm(
    "vacancies.view_vacancy",
    is_published | is_member_of_vacancy | is_consultant_for_vacancy | is_platform_staff,
)
rules.add_perm("vacancies.change_vacancy", is_coordinator_of_vacancy | is_platform_staff)
rules.add_perm("vacancies.review_vacancy", is_consultant_for_vacancy | is_platform_staff)
rules.add_perm("vacancies.mediate", is_consultant_for_vacancy | is_platform_staff)
# Personal data of a volunteer: themselves, the organisation they responded to, consultants of its area.
rules.add_perm(
    "vacancies.view_response",
    is_own_response | is_member_for_response | is_consultant_for_response | is_platform_staff,
)
rules.add_perm("vacancies.handle_response", is_coordinator_for_response | is_platform_staff)
rules.add_perm("vacancies.withdraw_response", is_own_response)
rules.add_perm(
    "vacancies.register_placement", is_coordinator_of_vacancy | is_consultant_for_vacancy | is_platform_staff
)
rules.add_perm("vacancies.view_support_point_work", is_support_point_staff | is_platform_staff)


# assessments (KrachtMeting) — an assessment or a response reaches through to its organisation, a campaign to its
# support point. Individual answers: the organisation itself and the consultants serving it; officers only ever
# see aggregates (and those only for groups of at least five organisations, see assessments.reports).
@rules.predicate
def is_coordinator_for_assessment(user, assessment):
    return assessment is not None and is_coordinator_of(user, assessment.organisation)


@rules.predicate
def is_member_for_assessment(user, assessment):
    return assessment is not None and is_member_of(user, assessment.organisation)


@rules.predicate
def is_consultant_for_assessment(user, assessment):
    return assessment is not None and is_consultant_for(user, assessment.organisation)


@rules.predicate
def is_respondent(user, response):
    return user.is_authenticated and response is not None and response.respondent_id == user.pk


@rules.predicate
def is_coordinator_for_assessment_response(user, response):
    return response is not None and is_coordinator_of(user, response.assessment.organisation)


@rules.predicate
def is_consultant_for_assessment_response(user, response):
    return response is not None and is_consultant_for(user, response.assessment.organisation)


@rules.predicate
def is_staff_of_support_point(user, support_point):
    return (
        user.is_authenticated
        and support_point is not None
        and StaffMembership.objects.filter(user=user, support_point=support_point).exists()
    )


@rules.predicate
def is_consultant_of_campaign(user, campaign):
    return campaign is not None and is_staff_of_support_point(user, campaign.support_point)


@rules.predicate
def is_officer_for_campaign(user, campaign):
    return (
        user.is_authenticated
        and campaign is not None
        and OfficerMembership.objects.filter(
            user=user, municipality__in=campaign.municipalities.values("code")
        ).exists()
    )


# On an organisation: start a measurement, see its measurements.
rules.add_perm("assessments.manage_assessments", is_coordinator_of | is_platform_staff)
# On an assessment.
rules.add_perm("assessments.manage_respondents", is_coordinator_for_assessment)
rules.add_perm("assessments.join_assessment", is_member_for_assessment)
rules.add_perm(
    "assessments.view_report",
    is_coordinator_for_assessment | is_consultant_for_assessment | is_platform_staff,
)
# On a response.
rules.add_perm(
    "assessments.view_response",
    is_respondent
    | is_coordinator_for_assessment_response
    | is_consultant_for_assessment_response
    | is_platform_staff,
)
rules.add_perm("assessments.answer_response", is_respondent)
# Campaigns.
rules.add_perm(
    "assessments.view_campaigns", is_support_point_staff | is_municipality_officer | is_platform_staff
)
rules.add_perm("assessments.create_campaign", is_support_point_staff | is_platform_staff)
# On a support point: run a campaign for (some of) the municipalities it serves.
rules.add_perm("assessments.run_campaign", is_staff_of_support_point | is_platform_staff)
rules.add_perm("assessments.view_campaign_report", is_consultant_of_campaign | is_platform_staff)
rules.add_perm(
    "assessments.view_campaign_aggregate",
    is_consultant_of_campaign | is_officer_for_campaign | is_platform_staff,
)
rules.add_perm("assessments.send_mail_merge", is_consultant_of_campaign | is_platform_staff)

# collaboration — support offers belong to a support point.
rules.add_perm("collaboration.view_support_offers", is_support_point_staff | is_platform_staff)
rules.add_perm("collaboration.manage_support_offers", is_staff_of_support_point | is_platform_staff)


# events — events are public; an event belongs to its organising support point, a registration to its person.
@rules.predicate
def is_organiser_of_event(user, event):
    return (
        user.is_authenticated
        and event is not None
        and StaffMembership.objects.filter(user=user, support_point=event.support_point_id).exists()
    )


@rules.predicate
def is_own_registration(user, registration):
    return user.is_authenticated and registration is not None and registration.person_id == user.pk


@rules.predicate
def is_organiser_for_registration(user, registration):
    return registration is not None and is_organiser_of_event(user, registration.event)


@rules.predicate
def is_authenticated(user):
    return user.is_authenticated


@rules.predicate
def has_a_place_at(user, event):
    from inzet.events.models import Registration

    return (
        user.is_authenticated
        and event is not None
        and Registration.objects.filter(
            event=event, person=user, status=Registration.Status.CONFIRMED
        ).exists()
    )


# On a support point: create events and series for it.
rules.add_perm("events.organise_events", is_staff_of_support_point | is_platform_staff)
# Without an object: see the organiser's pages (my events, statistics).
rules.add_perm("events.view_organiser_pages", is_support_point_staff | is_platform_staff)
# On an event: edit, cancel, invite, attendee list, check-in, outcome, evaluation results, statistics.
rules.add_perm("events.manage_event", is_organiser_of_event | is_platform_staff)
rules.add_perm("events.register", is_authenticated)
# The link of an online event: for those with a place (and the organisers), not for the whole internet.
rules.add_perm("events.view_online_link", has_a_place_at | is_organiser_of_event | is_platform_staff)
# On a registration.
rules.add_perm(
    "events.cancel_registration", is_own_registration | is_organiser_for_registration | is_platform_staff
)
rules.add_perm("events.evaluate", is_own_registration)
rules.add_perm(
    "events.view_certificate", is_own_registration | is_organiser_for_registration | is_platform_staff
)
