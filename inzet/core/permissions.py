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
