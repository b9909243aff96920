"""PostgreSQL search support for the vacaturebank; a no-op on SQLite.

- extensions pg_trgm (typo tolerance) and unaccent (accent tolerance);
- text search configuration ``inzet_dutch``: the Dutch snowball stemmer behind unaccent;
- a GIN index on ``search_vector`` and a GIN trigram index on ``title``;
- fills ``search_vector`` for the vacancies that already exist (title A, activities and description B,
  organisation name C — the same as ``inzet.vacancies.search.vacancy_search_vector_update``).

The reverse drops the indexes and the configuration but leaves the extensions: other code may use them.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'inzet_dutch') THEN
            CREATE TEXT SEARCH CONFIGURATION inzet_dutch (COPY = pg_catalog.dutch);
            ALTER TEXT SEARCH CONFIGURATION inzet_dutch
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
        END IF;
    END
    $$
    """,
    "CREATE INDEX IF NOT EXISTS vacancy_search_vector_gin ON vacancies_vacancy USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS vacancy_title_trgm ON vacancies_vacancy USING gin (title gin_trgm_ops)",
    """
    UPDATE vacancies_vacancy AS v
    SET search_vector =
        setweight(to_tsvector('inzet_dutch', coalesce(v.title, '')), 'A')
        || setweight(to_tsvector('inzet_dutch', coalesce(v.activities, '') || ' ' || coalesce(v.description, '')), 'B')
        || setweight(to_tsvector('inzet_dutch', coalesce(o.name, '')), 'C')
    FROM organisations_organisation AS o
    WHERE o.id = v.organisation_id
    """,
]

BACKWARD = [
    "DROP INDEX IF EXISTS vacancy_title_trgm",
    "DROP INDEX IF EXISTS vacancy_search_vector_gin",
    "UPDATE vacancies_vacancy SET search_vector = NULL",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS inzet_dutch",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0002_taxonomies")]
    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
