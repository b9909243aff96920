from types import SimpleNamespace
from urllib.parse import urlparse

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site

from inzet.core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render allauth's mail now, send it from the task worker so a slow mail server never blocks a page."""
        message = self.render_mail(template_prefix, email, {**self._mail_context(email), **context})
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        send_email.enqueue(
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            from_email=message.from_email,
            html=html,
        )

    @staticmethod
    def _mail_context(email):
        # allauth's own send_mail adds these; its templates greet with `current_site.name` ("Hallo van Inzet!").
        request = allauth_context.request
        domain = (
            get_current_site(request).domain if request is not None else urlparse(settings.SITE_URL).netloc
        )
        return {
            "request": request,
            "email": email,
            "current_site": SimpleNamespace(name=settings.SITE_NAME, domain=domain),
        }
