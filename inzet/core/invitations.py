"""The one rule for accepting an emailed invitation (to an organisation, to answer a KrachtMeting, ...)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.core.errors import ApplicationError


def verified_addresses(user) -> set[str]:
    """The user's login address and every address they verified, lower-cased."""
    return {user.email.lower()} | {
        address.lower()
        for address in user.emailaddress_set.filter(verified=True).values_list("email", flat=True)
    }


def invitation_check_usable(invitation, *, user, valid_for: timedelta, wrong_address: str) -> None:
    """Refuse an invitation that was used or revoked, has expired, or was sent to another address than the
    user's. `invitation` has `is_open`, `created_at` and `email`; `wrong_address` is the message for the last
    case, with `%(email)s`."""
    if not invitation.is_open:
        raise ApplicationError(_("Deze uitnodiging is al gebruikt of ingetrokken."))
    if timezone.now() - invitation.created_at > valid_for:
        raise ApplicationError(_("Deze uitnodiging is verlopen. Vraag de coördinator om een nieuwe."))
    if invitation.email.lower() not in verified_addresses(user):
        raise ApplicationError(wrong_address % {"email": invitation.email})
