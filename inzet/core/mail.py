"""Templated email: `<prefix>_subject.txt` and `<prefix>_message.txt`, rendered in the recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(
    *, to: list[str], template_prefix: str, context: dict, language: str | None = None
) -> None:
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
        body = render_to_string(f"{template_prefix}_message.txt", context)
    send_mail(
        subject=f"[{settings.SITE_NAME}] {subject}",
        message=body,
        from_email=None,
        recipient_list=to,
        fail_silently=False,
    )
