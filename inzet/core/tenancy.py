"""Every view fetches a tenant's object through a selector that takes the user: not yours means 404."""

from django.db.models import QuerySet
from django.http import Http404


def get_for_user_or_404(queryset: QuerySet, **lookups):
    """`queryset` is already scoped to the user by a selector; anything outside it does not exist for them."""
    try:
        return queryset.get(**lookups)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
