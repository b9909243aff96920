"""Every write of the events domain. Split by sub-domain; import from here: `from inzet.events import services`."""

from inzet.events.services.events import (  # noqa: F401
    EVENT_FIELDS,
    event_cancel,
    event_create,
    event_update,
    invitations_send,
    series_create,
)
from inzet.events.services.outcomes import (  # noqa: F401
    evaluation_requests_send,
    evaluation_submit,
    idea_add,
    idea_delete,
    outcome_save,
)
from inzet.events.services.registrations import (  # noqa: F401
    attendance_record,
    registration_by_cancel_token,
    registration_cancel,
    registration_create,
    reminders_send,
)
