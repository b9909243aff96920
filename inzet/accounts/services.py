from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from inzet.accounts.models import User
from inzet.core import audit


@transaction.atomic
def user_update_profile(*, user: User, name: str, phone: str, language: str) -> User:
    user.name, user.phone, user.language = name.strip(), phone.strip(), language
    if not user.name and user.name_prompt_skipped_at is None:
        user.name_prompt_skipped_at = timezone.now()  # emptied on purpose: not asked for it after login
    user.full_clean(exclude=["password"])
    user.save(update_fields=["name", "phone", "language", "name_prompt_skipped_at"])
    return user


@transaction.atomic
def user_set_name(*, user: User, name: str) -> User:
    """The answer to "Hoe heet je?" after login: from now on the name is shown instead of the address."""
    user.name = name.strip()
    user.full_clean(exclude=["password"])
    user.save(update_fields=["name"])
    return user


@transaction.atomic
def user_skip_name_prompt(*, user: User) -> User:
    """The person chose not to give a name now: we do not ask again (the account page still can)."""
    if user.name_prompt_skipped_at is None:
        user.name_prompt_skipped_at = timezone.now()
        user.save(update_fields=["name_prompt_skipped_at"])
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
