"""Background work of the organisations app. Each task is idempotent: running it twice sends one email."""

from django.db import transaction
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from inzet.core.mail import send_templated_mail


@task
def notify_consultants_of_new_organisation(organisation_id: int) -> int:
    from inzet.accounts.models import StaffMembership
    from inzet.organisations.models import Organisation

    organisation = Organisation.objects.select_related("municipality").filter(pk=organisation_id).first()
    if organisation is None or organisation.status != Organisation.Status.PENDING:
        return 0
    recipients = sorted(
        set(
            StaffMembership.objects.filter(
                support_point__municipalities=organisation.municipality_id
            ).values_list("user__email", flat=True)
        )
    )
    if recipients:
        send_templated_mail(
            to=recipients,
            template_prefix="organisations/email/review_requested",
            context={
                "organisation": organisation,
                "url": reverse("organisations:review", args=[organisation.pk]),
            },
        )
    return len(recipients)


@task
def notify_organisation_decision(organisation_id: int) -> bool:
    from inzet.accounts.models import Membership
    from inzet.organisations.models import Organisation

    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().filter(pk=organisation_id).first()
        if organisation is None or organisation.decision_notified_at or organisation.status == "pending":
            return False
        recipients = list(
            organisation.memberships.filter(role=Membership.Role.COORDINATOR).values_list(
                "user__email", flat=True
            )
        ) or [organisation.contact_email]
        send_templated_mail(
            to=recipients,
            template_prefix=f"organisations/email/{organisation.status}",
            context={"organisation": organisation, "url": organisation.get_absolute_url()},
        )
        organisation.decision_notified_at = timezone.now()
        organisation.save(update_fields=["decision_notified_at"])
    return True


@task
def send_invitation(invitation_id: int) -> bool:
    from inzet.organisations.models import Invitation

    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("organisation", "invited_by")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or invitation.sent_at or not invitation.is_open:
            return False
        send_templated_mail(
            to=[invitation.email],
            template_prefix="organisations/email/invitation",
            context={
                "invitation": invitation,
                "url": reverse("organisations:invitation", args=[invitation.token]),
            },
        )
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    return True
