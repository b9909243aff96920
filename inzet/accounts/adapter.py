from types import SimpleNamespace
from urllib.parse import urlencode, urlparse

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpResponseRedirect
from django.urls import reverse

from inzet.core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The signup form asks first name and surname; we keep them as one name (see accounts.forms).
        user.name = form.cleaned_data.get("name", "")
        return super().save_user(request, user, form, commit=commit)

    def post_login(self, request, user, **kwargs):
        """After any login (password, code, MFA, email confirmation), an account without a name is asked for
        one first, once: the question page sends the person on to where the login was going."""
        response = super().post_login(request, user, **kwargs)
        if user.should_be_asked_name and isinstance(response, HttpResponseRedirect):
            query = urlencode({"next": response["Location"]})
            return HttpResponseRedirect(f"{reverse('accounts:name')}?{query}")
        return response

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
