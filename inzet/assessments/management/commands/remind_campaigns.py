from django.core.management.base import BaseCommand

from inzet.assessments import services


class Command(BaseCommand):
    help = (
        "Herinnert organisaties die een KrachtMeting-campagne nog niet hebben ingevuld, N dagen voor de einddatum "
        "(reminds organisations before a campaign's deadline). Run daily, e.g. from cron; each organisation gets "
        "one reminder per campaign."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=services.campaigns.REMIND_DAYS_BEFORE,
            help="Zoveel dagen voor de einddatum (days before the deadline; default 7).",
        )

    def handle(self, *args, days, **options):
        count = services.campaign_send_reminders(days_before=days)
        self.stdout.write(f"campagnes met herinneringen (campaigns reminded): {count}")
