from dataclasses import dataclass, field

from django.db.models import QuerySet

from inzet.accounts.models import Membership, OfficerMembership, StaffMembership, User


@dataclass
class Roles:
    """What a person is on the platform; drives navigation and dashboards, not permissions."""

    organisation_memberships: list[Membership] = field(default_factory=list)
    staff_memberships: list[StaffMembership] = field(default_factory=list)
    officer_memberships: list[OfficerMembership] = field(default_factory=list)
    is_platform_staff: bool = False

    @property
    def is_coordinator(self) -> bool:
        return any(m.role == Membership.Role.COORDINATOR for m in self.organisation_memberships)

    @property
    def is_consultant(self) -> bool:
        return bool(self.staff_memberships)

    @property
    def is_officer(self) -> bool:
        return bool(self.officer_memberships)


def roles_for_user(user) -> Roles:
    if not user.is_authenticated:
        return Roles()
    return Roles(
        organisation_memberships=list(
            Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")
        ),
        staff_memberships=list(StaffMembership.objects.filter(user=user).select_related("support_point")),
        officer_memberships=list(OfficerMembership.objects.filter(user=user).select_related("municipality")),
        is_platform_staff=user.is_staff,
    )


def municipality_ids_served_by(user) -> QuerySet:
    """Codes of the municipalities served by the support points this person works for."""
    from inzet.places.models import Municipality

    return Municipality.objects.filter(support_points__staff_memberships__user=user).values("code")


def municipality_ids_of_officer(user) -> QuerySet:
    return OfficerMembership.objects.filter(user=user).values("municipality_id")


def user_get_by_email(email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()
