from allauth.account.adapter import DefaultAccountAdapter

from inzet.core.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render allauth's mail now, send it from the task worker so a slow mail server never blocks a page."""
        message = self.render_mail(template_prefix, email, context)
        html = next((content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"),
                    "")
        send_email.enqueue(subject=message.subject, body=message.body, to=list(message.to),
                           from_email=message.from_email, html=html)
