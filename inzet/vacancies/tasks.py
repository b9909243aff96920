"""Background work of the vacaturebank. Each task is idempotent."""

from django.tasks import task


@task
def notify(*, kind: str, object_id: int) -> bool:
    """Send the email of one event (see `inzet.vacancies.notifications`)."""
    from inzet.vacancies import notifications

    return notifications.send(kind=kind, object_id=object_id)


@task
def chase_unanswered_responses() -> dict:
    """Daily: remind organisations of responses untouched for 5 working days, escalate after 10."""
    from inzet.vacancies import services

    return services.responses_chase_unanswered()
