from django.db import transaction
from rest_framework.authtoken.models import Token

from inzet.accounts.models import User
from inzet.core import audit


@transaction.atomic
def user_update_profile(*, user: User, name: str, phone: str, language: str) -> User:
    user.name, user.phone, user.language = name.strip(), phone.strip(), language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["name", "phone", "language"])
    return user


@transaction.atomic
def api_token_regenerate(*, user: User) -> Token:
    """A new API token; the old one stops working at once."""
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    audit.log(user, "account.api_token_created", user)
    return token


@transaction.atomic
def api_token_revoke(*, user: User) -> None:
    if Token.objects.filter(user=user).delete()[0]:
        audit.log(user, "account.api_token_revoked", user)
