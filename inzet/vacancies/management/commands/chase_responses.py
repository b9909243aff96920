from django.core.management.base import BaseCommand

from inzet.vacancies import services


class Command(BaseCommand):
    help = (
        "Herinnert organisaties aan reacties zonder antwoord (5 werkdagen) en zet ze na 10 werkdagen bij de "
        "vrijwilligerscentrale (reminds organisations; escalates to consultants). Run daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        result = services.responses_chase_unanswered()
        self.stdout.write(
            f"herinnerd (reminded): {result['reminded']}, doorgezet (escalated): {result['escalated']}"
        )
