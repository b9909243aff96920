from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from inzet.core import demo
from inzet.core.errors import ApplicationError

# Console output is for developers and stays bilingual (Dutch, English in parentheses) rather than translated.


class Command(BaseCommand):
    help = (
        "Laadt een demoregio in de provincie Groningen (loads the demo data). Nog een keer verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook laden als DEBUG uit staat (load even when DEBUG is off). De demo-accounts hebben een "
            "openbaar wachtwoord, dus doe dit nooit in productie.",
        )

    def handle(self, *args, force=False, **options):
        if demo.demo_present():
            self.stdout.write("Demogegevens zijn er al (demo data already present); er is niets veranderd.")
            return
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG staat uit: de demo maakt een beheerder met een openbaar wachtwoord. Gebruik --force "
                "als je dat echt wilt (DEBUG is off; the demo creates an admin with a published password)."
            )
        # The demo's organisations are fictional: their registration and decision mails go nowhere.
        quiet = override_settings(
            TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
            MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}},
        )
        try:
            with quiet:
                result = demo.load_demo()
        except (demo.DemoError, ApplicationError) as error:
            raise CommandError(f"Demogegevens niet geladen (demo data not loaded): {error}") from error
        if result is None:  # loaded by someone else in the meantime
            self.stdout.write("Demogegevens zijn er al (demo data already present); er is niets veranderd.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogegevens geladen (demo data loaded): {result.support_points} steunpunten, "
                f"{result.organisations} organisaties ({result.approved} goedgekeurd, "
                f"{result.pending} wachten op beoordeling, {result.rejected} afgewezen), "
                f"{result.users} demo-accounts."
            )
        )
        self.stdout.write("Inloggegevens (logins): manage.py demo_logins")
