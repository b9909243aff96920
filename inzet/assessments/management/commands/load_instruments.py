from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from inzet.assessments.loader import (
    InstrumentFileError,
    instrument_files,
    load_instrument,
    read_instrument_file,
)

# Console output is for developers and stays bilingual (Dutch, English in parentheses), like load_demo.
ACTIONS = {
    "created": "nieuw (created)",
    "unchanged": "ongewijzigd (unchanged)",
    "updated": "concept bijgewerkt (draft updated)",
    "new_version": "nieuwe versie (new version)",
}


class Command(BaseCommand):
    help = (
        "Laadt de instrumenten (KrachtMeting, Goed Geregeld) uit YAML (loads the instruments). Gewijzigde inhoud "
        "van een gepubliceerde versie wordt een nieuwe versie; nog een keer laden verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", help="YAML-bestanden (default: inzet/assessments/instruments)"
        )

    def handle(self, *args, paths=(), **options):
        files = [Path(path) for path in paths] or instrument_files()
        try:
            with transaction.atomic():
                for path in files:
                    instrument, action = load_instrument(read_instrument_file(path))
                    self.stdout.write(f"{instrument.slug} v{instrument.version}: {ACTIONS[action]}")
        except (InstrumentFileError, OSError) as error:
            raise CommandError(f"Niet geladen (not loaded): {error}") from error
