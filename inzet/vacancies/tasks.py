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


@task
def send_saved_search_digest(*, saved_search_id: int) -> int:
    """The digest of one saved search, if it is due and has new vacancies (see `inzet.vacancies.saved_searches`)."""
    from inzet.vacancies import saved_searches

    return saved_searches.saved_search_digest_send(saved_search_id=saved_search_id)
