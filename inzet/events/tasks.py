"""Background work of the events domain. Each task is idempotent."""

from django.tasks import task


@task
def notify(*, kind: str, object_id: int, organisation_id: int | None = None) -> bool:
    """Send the e-mail of one happening (see `inzet.events.notifications`)."""
    from inzet.events import notifications

    return notifications.send(kind=kind, object_id=object_id, organisation_id=organisation_id)


@task
def send_reminders() -> int:
    """Hourly or daily: reminders for events starting within two days."""
    from inzet.events import services

    return services.reminders_send()


@task
def send_evaluation_requests() -> int:
    """Daily: evaluation requests for events that ended."""
    from inzet.events import services

    return services.evaluation_requests_send()
