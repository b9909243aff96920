"""The one way assessment views fetch what they show: not this person's to know about is a 404."""

from django.core.exceptions import PermissionDenied

from inzet.assessments import selectors
from inzet.core.tenancy import get_for_user_or_404


def require(request, permission: str, obj) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def get_assessment_for_user(request, pk: int):
    return get_for_user_or_404(selectors.assessments_visible_to(request.user), pk=pk)


def get_response_for_user(request, pk: int):
    return get_for_user_or_404(selectors.responses_visible_to(request.user), pk=pk)


def get_campaign_for_user(request, pk: int):
    return get_for_user_or_404(selectors.campaigns_visible_to(request.user), pk=pk)
