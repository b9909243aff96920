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
