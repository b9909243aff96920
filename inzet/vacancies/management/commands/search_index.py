from django.core.management.base import BaseCommand

from inzet.vacancies.models import Vacancy
from inzet.vacancies.search import search_terms_refresh, vacancy_search_index_update


class Command(BaseCommand):
    help = (
        "Telt de woordenschat van de zoekindex opnieuw (recounts the search vocabulary: run daily, e.g. from "
        "cron). Met --rebuild eerst de zoekindex van alle vacatures opnieuw (after changing the analysis)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="recompute every vacancy's search document"
        )

    def handle(self, *args, rebuild=False, **options):
        if rebuild:
            ids = list(Vacancy.objects.values_list("pk", flat=True))
            vacancy_search_index_update(vacancy_ids=ids)
            self.stdout.write(f"vacatures geïndexeerd (indexed): {len(ids)}")
        terms = search_terms_refresh()
        self.stdout.write(f"zoektermen (terms): {terms}")
