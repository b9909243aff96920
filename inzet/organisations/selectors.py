from django.db.models import Count, Q, QuerySet

from inzet.accounts.models import Membership, StaffMembership
from inzet.accounts.selectors import municipality_ids_of_officer, municipality_ids_served_by
from inzet.organisations.models import Invitation, Organisation, Sector, SupportPoint


def sector_list() -> QuerySet[Sector]:
    return Sector.objects.order_by("position", "name")


def organisation_directory(
    *, query: str = "", municipality_code: str = "", sector_slug: str = ""
) -> QuerySet[Organisation]:
    """The public directory: approved organisations, searchable by name, filterable by municipality and sector."""
    qs = Organisation.objects.filter(status=Organisation.Status.APPROVED)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(city__icontains=query))
    if municipality_code:
        qs = qs.filter(municipality_id=municipality_code)
    if sector_slug:
        qs = qs.filter(sectors__slug=sector_slug)
    return qs.select_related("municipality").prefetch_related("sectors").order_by("name", "pk").distinct()


def approved_organisation_count() -> int:
    """How many organisations the public directory holds (the home page shows it)."""
    return Organisation.objects.filter(status=Organisation.Status.APPROVED).count()


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """Everything this person may know exists: approved ones, and the pending/rejected ones that concern them."""
    qs = Organisation.objects.all()
    if user.is_authenticated and user.is_staff:
        return qs
    visible = Q(status=Organisation.Status.APPROVED)
    if user.is_authenticated:
        visible |= Q(memberships__user=user)
        visible |= Q(municipality__in=municipality_ids_served_by(user))
        visible |= Q(municipality__in=municipality_ids_of_officer(user))
    # A subquery on ids keeps the joins from duplicating rows.
    return qs.filter(pk__in=Organisation.objects.filter(visible).values("pk"))


def organisations_of_member(user) -> QuerySet[Organisation]:
    return Organisation.objects.filter(memberships__user=user).order_by("name")


def organisation_members(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("role", "user__name", "user__email")


def organisation_open_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True)


def review_queue_for(user) -> QuerySet[Organisation]:
    """Pending organisations in the area of the support points this person works for (staff: all)."""
    qs = Organisation.objects.filter(status=Organisation.Status.PENDING)
    if not user.is_staff:
        qs = qs.filter(municipality__in=municipality_ids_served_by(user))
    return qs.select_related("municipality").prefetch_related("sectors").order_by("created_at", "pk")


def organisations_for_officer(user, *, status: str = "") -> QuerySet[Organisation]:
    """All organisations (any status) in the municipalities this officer works for."""
    qs = Organisation.objects.filter(municipality__in=municipality_ids_of_officer(user))
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("municipality").prefetch_related("sectors").order_by("name", "pk")


def municipality_sector_counts(user) -> QuerySet:
    """Approved organisations per sector in the officer's municipalities."""
    return (
        Sector.objects.filter(
            organisations__status=Organisation.Status.APPROVED,
            organisations__municipality__in=municipality_ids_of_officer(user),
        )
        .annotate(total=Count("organisations", distinct=True))
        .order_by("-total", "position")
    )


def support_points_serving(municipality_code: str) -> QuerySet[SupportPoint]:
    return SupportPoint.objects.filter(municipalities=municipality_code)


def invitation_get_open(token) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation")
        .filter(token=token, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )


def support_points_worked_for(user) -> QuerySet[SupportPoint]:
    """The support points this person works for (platform staff: all of them), by name. The scope of campaigns,
    support offers and organised events."""
    if user.is_authenticated and user.is_staff:
        return SupportPoint.objects.order_by("name")
    if not user.is_authenticated:
        return SupportPoint.objects.none()
    return SupportPoint.objects.filter(
        pk__in=StaffMembership.objects.filter(user=user).values("support_point_id")
    ).order_by("name")
