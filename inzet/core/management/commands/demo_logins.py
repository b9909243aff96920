from django.core.management.base import BaseCommand

from inzet.core import demo

# Console output is for developers and stays bilingual (Dutch, English in parentheses) rather than translated.


class Command(BaseCommand):
    help = "Toont de demo-inloggegevens (prints the demo logins)."

    def handle(self, *args, **options):
        logins = demo.demo_logins_present() if demo.demo_present() else []
        if not logins:
            self.stdout.write(
                "Er zijn geen demogegevens in deze database (no demo data found). "
                "Laad ze met (load them with): manage.py load_demo"
            )
            return
        headers = ("Rol (role)", "E-mailadres (email)", "Wachtwoord (password)")
        rows = [(f"{login.role} ({login.role_en})", login.email, demo.DEMO_PASSWORD) for login in logins]
        widths = [max(len(row[column]) for row in [headers, *rows]) for column in range(len(headers))]

        def line(cells):
            return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"Inzet-demo: open {demo.DEMO_URL} en log in met (log in with):")
        )
        self.stdout.write("")
        self.stdout.write(line(headers))
        self.stdout.write(line(["-" * width for width in widths]))
        for row in rows:
            self.stdout.write(line(row))
        self.stdout.write("")
        self.stdout.write("Alle e-mailadressen zijn al bevestigd (all email addresses are verified).")
        self.stdout.write("")
