"""Every write of the assessments app, split by sub-domain. Import from here: `services.response_submit(...)`."""

from inzet.assessments.services.campaigns import (
    campaign_create,
    campaign_record_invited,
    campaign_send_reminders,
    mail_merge_create,
    mail_merge_recipients,
)
from inzet.assessments.services.instruments import instrument_ensure_editable, instrument_new_version
from inzet.assessments.services.responses import (
    assessment_start,
    respondent_invitation_accept,
    respondent_invitation_create,
    respondent_invitation_revoke,
    response_restart,
    response_save_page,
    response_start,
    response_submit,
)

__all__ = [
    "assessment_start",
    "campaign_create",
    "campaign_record_invited",
    "campaign_send_reminders",
    "instrument_ensure_editable",
    "instrument_new_version",
    "mail_merge_create",
    "mail_merge_recipients",
    "respondent_invitation_accept",
    "respondent_invitation_create",
    "respondent_invitation_revoke",
    "response_restart",
    "response_save_page",
    "response_start",
    "response_submit",
]
