from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_email(
    *, subject: str, body: str, to: list[str], from_email: str | None = None, html: str = ""
) -> None:
    """Sends an already-rendered email (allauth's verification and password mails go through here)."""
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
