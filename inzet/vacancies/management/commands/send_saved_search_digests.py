from django.core.management.base import BaseCommand

from inzet.vacancies import saved_searches


class Command(BaseCommand):
    help = (
        "Stuurt de e-mails van bewaarde zoekopdrachten die aan de beurt zijn, met de nieuwe vacatures (queues "
        "the daily and weekly digests of saved searches). Idempotent: run it daily (or more often) from cron."
    )

    def handle(self, *args, **options):
        queued = saved_searches.saved_search_digests_queue()
        self.stdout.write(f"zoekopdrachten aan de beurt (saved searches due): {queued}")
