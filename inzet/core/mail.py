"""Templated email: `<prefix>_subject.txt` and `<prefix>_message.txt`, rendered in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django.utils import translation

# (filename, content, MIME type), e.g. ("bijeenkomst.ics", b"BEGIN:VCALENDAR...", "text/calendar").
Attachment = tuple[str, bytes, str]


def send_templated_mail(
    *,
    to: list[str],
    template_prefix: str,
    context: dict,
    language: str | None = None,
    attachments: list[Attachment] | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """``headers``: extra mail headers with absolute URLs, e.g. List-Unsubscribe (RFC 8058)."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
        body = render_to_string(f"{template_prefix}_message.txt", context)
    if attachments or headers:
        EmailMessage(
            subject=f"[{settings.SITE_NAME}] {subject}",
            body=body,
            to=to,
            attachments=list(attachments or []),
            headers=headers,
        ).send()
        return
    send_mail(
        subject=f"[{settings.SITE_NAME}] {subject}",
        message=body,
        from_email=None,
        recipient_list=to,
        fail_silently=False,
    )


def send_once(
    *,
    key: str,
    to: list[str],
    template_prefix: str,
    context: dict,
    attachments: list[Attachment] | None = None,
) -> bool:
    """Send unless an email with this key went out before. Returns whether it was sent now.

    The mark is written in the same transaction as the send is attempted: if sending fails, the mark is rolled
    back and the task may run again.
    """
    from django.db import IntegrityError, transaction

    from inzet.core.models import SentMail

    recipients = sorted({address for address in to if address})
    if not recipients:
        return False
    try:
        with transaction.atomic():
            SentMail.objects.create(key=key[:200])
            send_templated_mail(
                to=recipients, template_prefix=template_prefix, context=context, attachments=attachments
            )
    except IntegrityError:
        return False
    return True
