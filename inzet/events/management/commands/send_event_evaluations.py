from django.core.management.base import BaseCommand

from inzet.events import services


class Command(BaseCommand):
    help = (
        "Vraagt deelnemers van afgelopen bijeenkomsten om een evaluatie (asks attendees of events that ended for "
        "an evaluation). Idempotent: run it daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        queued = services.evaluation_requests_send()
        self.stdout.write(f"evaluatieverzoeken (evaluation requests): {queued}")
