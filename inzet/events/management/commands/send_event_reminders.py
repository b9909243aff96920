from django.core.management.base import BaseCommand

from inzet.events import services


class Command(BaseCommand):
    help = (
        "Stuurt herinneringen voor bijeenkomsten die binnen twee dagen beginnen (reminders for events starting "
        "within two days). Idempotent: run it as often as you like, e.g. hourly from cron."
    )

    def handle(self, *args, **options):
        queued = services.reminders_send()
        self.stdout.write(f"herinneringen (reminders): {queued}")
