"""Helpers shared by the events services."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

from inzet.core.errors import ApplicationError

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def field_error(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, {"fields": {field: message}})


def validated(instance, exclude=()) -> None:
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        fields = {name: messages[0] for name, messages in error.message_dict.items()}
        raise ApplicationError(next(iter(fields.values())), {"fields": fields}) from None


def aware(value: datetime | None) -> datetime | None:
    """Times typed by a person are local (Europe/Amsterdam) unless they say otherwise."""
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value, AMSTERDAM)
    return value


def notify(kind: str, object_id: int, **extra) -> None:
    from inzet.events import tasks

    tasks.notify.enqueue(kind=kind, object_id=object_id, **extra)
