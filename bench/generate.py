"""Build the national-scale benchmark data set in PostgreSQL, reproducibly from a seed.

    python -m bench.generate          # what `make bench` runs first; see bench/README.md

Creates the database named by BENCH_DATABASE_URL when it is missing, migrates it, and generates the data set only
when the one for this seed and these sizes is not there yet (BENCH_FRESH=1 rebuilds). Rows go in with COPY, not
through the ORM: Python draws every value from seeded random streams and PostgreSQL ingests on the second core.

The whole load is one transaction: the data tables are emptied (TRUNCATE) and refilled, so a failed run leaves the
previous data set and its marker (`bench_meta`) untouched. The schema itself is never dropped or altered.
"""

import json
import os
import random
import re
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from bench import population, words

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/inzet_bench"
# Bump when the generator changes what it produces: an existing data set with another version is rebuilt.
GENERATOR_VERSION = 2
# Vacancies are published within this many days before the anchor and run VACANCY_LIFETIME (91 days), so the
# data set stays "open" for at least 91 - 80 = 11 days; after REANCHOR_AFTER the dates are shifted to today.
PUBLISHED_WITHIN_DAYS = 80
REANCHOR_AFTER = timedelta(days=7)

# Tables this generator fills. TRUNCATE ... CASCADE also empties whatever refers to them (responses, memberships,
# sessions of these users, ...), which is why it refuses to run on a database that is not a benchmark database.
DATA_TABLES = (
    "accounts_user",
    "organisations_organisation",
    "organisations_organisation_sectors",
    "vacancies_vacancy",
    "vacancies_vacancy_activity_types",
    "vacancies_vacancy_skills",
    "vacancies_volunteerprofile",
    "vacancies_volunteerprofile_sectors",
    "vacancies_volunteerprofile_activity_types",
    "vacancies_volunteerprofile_skills",
)
VACANCY_COLUMNS = (
    "id",
    "organisation_id",
    "title",
    "description",
    "activities",
    "sector_id",
    "postcode",
    "address",
    "municipality_id",
    "lat",
    "lon",
    "availability",
    "hours_per_week",
    "commitment",
    "start_date",
    "end_date",
    "places",
    "requires_vog",
    "minimum_age",
    "contact_name",
    "contact_email",
    "contact_phone",
    "expenses_reimbursed",
    "insured",
    "status",
    "returned_reason",
    "published_at",
    "expires_at",
    "created_by_id",
    "created_at",
    "updated_at",
    "suits_mdt",
    "suits_simple_dutch",
    "suits_newcomers",
    "suits_disability",
    "remote_possible",
)


@dataclass(frozen=True)
class Spec:
    seed: int
    organisations: int
    vacancies: int
    profiles: int
    version: int = GENERATOR_VERSION


def spec_from_env() -> Spec:
    return Spec(
        seed=int(os.environ.get("BENCH_SEED", "20260101")),
        organisations=int(os.environ.get("BENCH_ORGANISATIONS", "100000")),
        vacancies=int(os.environ.get("BENCH_VACANCIES", "250000")),
        profiles=int(os.environ.get("BENCH_PROFILES", "1000000")),
    )


def database_url() -> str:
    return os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL


def configure_django() -> None:
    """Point Django at the benchmark database; production-like settings (DEBUG off) unless told otherwise."""
    os.environ["DATABASE_URL"] = database_url()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inzet.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "inzet-benchmark-only-not-a-secret")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    import django

    django.setup()


def log(message: str) -> None:
    print(f"[bench {datetime.now(UTC):%H:%M:%S}Z] {message}", flush=True)


# --- the database --------------------------------------------------------------------------------------------------


def ensure_database(url: str) -> bool:
    """Create the database when it does not exist; True when it was created."""
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = conninfo_to_dict(url)["dbname"]
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


META_DDL = """
CREATE TABLE IF NOT EXISTS bench_meta (
    id smallint PRIMARY KEY CHECK (id = 1),
    spec jsonb NOT NULL,
    anchor timestamptz NOT NULL,
    generated_at timestamptz NOT NULL,
    generation_seconds double precision NOT NULL,
    details jsonb NOT NULL
)
"""


def read_meta(conn) -> dict | None:
    conn.execute(META_DDL)
    row = conn.execute(
        "SELECT spec, anchor, generated_at, generation_seconds, details FROM bench_meta WHERE id = 1"
    ).fetchone()
    conn.commit()
    if row is None:
        return None
    return dict(zip(("spec", "anchor", "generated_at", "generation_seconds", "details"), row, strict=True))


def assert_benchmark_database(conn, meta: dict | None) -> None:
    """Never empty a database that holds anything but our own data set."""
    if meta is not None:
        return
    for table in ("accounts_user", "organisations_organisation", "vacancies_vacancy"):
        if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
            sys.exit(
                f"bench: {table} has rows but there is no bench_meta marker: this does not look like a benchmark "
                "database. Point BENCH_DATABASE_URL at an empty or benchmark-only database."
            )


# --- search vector -------------------------------------------------------------------------------------------------


TEXT_SEARCH_CONFIG = "inzet_dutch"  # created by inzet/vacancies/migrations/0003_search_postgres.py


def search_vector_sql(alias: str, organisation_alias: str = "o") -> str:
    """The SQL that fills search_vector for a row `alias` (vacancy columns) joined to its organisation.

    Mirrors inzet.vacancies.search.vacancy_search_index_update exactly (title A, activities + description B,
    organisation name C); verify_search_vectors() checks that on sample rows against the real function.
    """
    config = f"'{TEXT_SEARCH_CONFIG}'::regconfig"
    return (
        f"setweight(to_tsvector({config}, COALESCE({alias}.title, '')), 'A') || "
        f"setweight(to_tsvector({config}, COALESCE({alias}.activities, '') || ' ' || "
        f"COALESCE({alias}.description, '')), 'B') || "
        f"setweight(to_tsvector({config}, COALESCE({organisation_alias}.name, '')), 'C')"
    )


def verify_search_vectors(sample_size: int = 200) -> None:
    """Recompute the vectors of sample vacancies with the application's own function (rolled back) and compare."""
    from django.db import connection, transaction

    try:
        from inzet.vacancies.search import vacancy_search_index_update
    except ImportError:
        log("inzet.vacancies.search not there yet: search vectors not verified against it")
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM vacancies_vacancy ORDER BY id")
        ids = [row[0] for row in cursor.fetchall()]
    sample = sorted(random.Random(0).sample(ids, min(sample_size, len(ids))))
    query = "SELECT id, search_vector::text FROM vacancies_vacancy WHERE id = ANY(%s) ORDER BY id"
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(query, [sample])
            ours = cursor.fetchall()
            vacancy_search_index_update(vacancy_ids=sample)
            cursor.execute(query, [sample])
            theirs = cursor.fetchall()
        transaction.set_rollback(True)
    differing = [a[0] for a, b in zip(ours, theirs, strict=True) if a != b]
    if differing:
        sys.exit(
            f"bench: search vectors of {len(differing)}/{len(sample)} sample vacancies differ from "
            f"vacancy_search_index_update (e.g. id {differing[0]}): update search_vector_sql() in bench/generate.py"
        )
    log(f"search vectors of {len(sample)} sample vacancies equal vacancy_search_index_update's")


# --- drawing values ------------------------------------------------------------------------------------------------

DAYS, PARTS = 7, 3
ALL_SLOTS = (1 << 21) - 1


def bit(day: int, part: int) -> int:
    return 1 << (day * PARTS + part)


WEEKDAY_EVENINGS = [bit(day, 2) for day in range(5)]
WEEKDAY_DAYTIME = [bit(day, part) for day in range(5) for part in (0, 1)]
WEEKEND_DAYTIME = [bit(day, part) for day in (5, 6) for part in (0, 1)]
EVERY_SLOT = [bit(day, part) for day in range(DAYS) for part in range(PARTS)]


def availability(rng: random.Random, pattern: str) -> int:
    """A weekly availability mask shaped like real answers: evenings, weekends, weekday daytime, or anything."""
    if pattern == "evening":
        slots = rng.sample(WEEKDAY_EVENINGS, rng.randint(1, 3))
    elif pattern == "training":
        slots = rng.sample(WEEKDAY_EVENINGS, rng.randint(1, 2)) + ([bit(5, 0)] if rng.random() < 0.5 else [])
    elif pattern == "weekend":
        slots = rng.sample(WEEKEND_DAYTIME, rng.randint(1, 3)) + ([bit(4, 2)] if rng.random() < 0.2 else [])
    elif pattern == "weekday":
        slots = rng.sample(WEEKDAY_DAYTIME, rng.randint(2, 6))
    elif pattern == "once":
        slots = [rng.choice(WEEKEND_DAYTIME if rng.random() < 0.6 else EVERY_SLOT)]
    elif pattern == "flexible":
        if rng.random() < 0.2:
            return ALL_SLOTS
        slots = rng.sample(EVERY_SLOT, rng.randint(3, 10))
    elif pattern == "any":
        return ALL_SLOTS
    else:  # "none": not filled in
        return 0
    mask = 0
    for slot in slots:
        mask |= slot
    return mask


PROFILE_PATTERNS = ("evening", "weekend", "weekday", "flexible", "training", "any", "none")
PROFILE_PATTERN_WEIGHTS = (25, 15, 20, 25, 5, 7, 3)

POSTCODE_LETTERS = [
    a + b for a in "ABCDEFGHJKLMNPRSTVWXZ" for b in "ABCDEFGHJKLMNPRSTVWXZ" if a + b not in {"SA", "SD", "SS"}
]


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def esc(text: str) -> str:
    """COPY text format: backslash, tab, newline and carriage return must be escaped."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def b(value: bool) -> str:
    return "t" if value else "f"


def ts(value: datetime) -> str:
    return value.isoformat()


def weighted_sample(rng: random.Random, population, cum_weights, k: int) -> list:
    """k distinct items drawn by weight."""
    chosen: list = []
    while len(chosen) < k:
        item = rng.choices(population, cum_weights=cum_weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def cumulative(weights) -> list[float]:
    total, result = 0.0, []
    for weight in weights:
        total += weight
        result.append(total)
    return result


def person_name(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
    return first, last


def phone(rng: random.Random) -> str:
    return f"06-{rng.randrange(10_000_000, 100_000_000)}"


# --- reference data ------------------------------------------------------------------------------------------------


@dataclass
class Reference:
    sectors: dict[str, int]
    activity_types: dict[str, int]
    skills: dict[str, int]
    municipality_names: dict[str, str]
    areas: list[tuple[str, float, float, str]]  # (pc4, lat, lon, municipality code), sorted by pc4
    areas_by_municipality: dict[str, list[tuple[str, float, float, str]]]
    # Cumulative weights over `areas`: a municipality's approximate inhabitants shared by its PC4 areas.
    area_cum_weights: list[float]

    def random_area(self, rng: random.Random) -> tuple[str, float, float, str]:
        """A postcode area drawn the way people live: by municipality population, then uniformly."""
        return rng.choices(self.areas, cum_weights=self.area_cum_weights)[0]


def load_reference(conn) -> Reference:
    slugs = {
        table: dict(conn.execute(f"SELECT slug, id FROM {table}").fetchall())
        for table in ("organisations_sector", "vacancies_activitytype", "vacancies_skill")
    }
    names = dict(conn.execute("SELECT code, name FROM places_municipality").fetchall())
    areas = conn.execute(
        "SELECT pc4, lat, lon, municipality_id FROM places_postcodearea "
        "WHERE lat IS NOT NULL AND municipality_id IS NOT NULL ORDER BY pc4"
    ).fetchall()
    by_municipality: dict[str, list] = {}
    for area in areas:
        by_municipality.setdefault(area[3], []).append(area)
    missing = set(words.SECTORS) - set(slugs["organisations_sector"])
    if missing or len(names) < 300 or len(areas) < 4000:
        sys.exit(
            f"bench: reference data incomplete (missing sectors {missing}, {len(names)} municipalities, "
            f"{len(areas)} postcode areas); did the migrations run?"
        )
    inhabitants = population.municipality_weights(
        names, {code: len(areas_of) for code, areas_of in by_municipality.items()}
    )
    return Reference(
        area_cum_weights=cumulative(inhabitants[area[3]] / len(by_municipality[area[3]]) for area in areas),
        sectors=slugs["organisations_sector"],
        activity_types=slugs["vacancies_activitytype"],
        skills=slugs["vacancies_skill"],
        municipality_names=names,
        areas=areas,
        areas_by_municipality=by_municipality,
    )


# --- COPY ----------------------------------------------------------------------------------------------------------


class CopyWriter:
    """Streams tab-separated lines into COPY, in chunks of about a megabyte."""

    def __init__(self, cursor, table: str, columns, *, freeze: bool = True):
        options = "FREEZE" if freeze else ""
        self.statement = (
            f"COPY {table} ({', '.join(columns)}) FROM STDIN {('WITH (' + options + ')') if options else ''}"
        )
        self.cursor = cursor
        self.lines: list[str] = []
        self.size = 0
        self.count = 0

    def __enter__(self):
        self._context = self.cursor.copy(self.statement)
        self.copy = self._context.__enter__()
        return self

    def row(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line)
        if self.size > 1_000_000:
            self.flush()

    def flush(self) -> None:
        if self.lines:
            self.copy.write("\n".join(self.lines) + "\n")
            self.count += len(self.lines)
            self.lines, self.size = [], 0

    def __exit__(self, *exc):
        if exc[0] is None:
            self.flush()
        return self._context.__exit__(*exc)


# --- generation ----------------------------------------------------------------------------------------------------


@dataclass
class Org:
    id: int
    municipality: str
    place: str
    area: tuple
    sectors: list[str]
    name: str
    domain: str


def generate_organisations(cur, spec: Spec, ref: Reference, anchor: datetime) -> list[Org]:
    rng = random.Random(f"inzet-bench:{spec.seed}:organisations")
    sector_slugs = list(words.SECTORS)
    sector_cum = cumulative(words.SECTORS[slug]["weight"] for slug in sector_slugs)
    used_names: set[tuple[str, str]] = set()
    orgs: list[Org] = []
    columns = (
        "id",
        "name",
        "legal_form",
        "kvk_number",
        "anbi",
        "municipality_id",
        "postcode",
        "address",
        "city",
        "lat",
        "lon",
        "contact_email",
        "contact_phone",
        "website",
        "volunteer_count",
        "description",
        "status",
        "rejection_reason",
        "reviewed_at",
        "decision_notified_at",
        "created_by_id",
        "reviewed_by_id",
        "created_at",
        "updated_at",
    )
    with CopyWriter(cur, "organisations_organisation", columns) as out:
        for org_id in range(1, spec.organisations + 1):
            area = ref.random_area(rng)
            municipality = area[3]
            place = ref.municipality_names[municipality]
            sectors = weighted_sample(rng, sector_slugs, sector_cum, 2 if rng.random() < 0.25 else 1)
            info = words.SECTORS[sectors[0]]
            for _attempt in range(4):
                name = rng.choice(info["names"]).format(
                    nick=rng.choice(words.CLUB_NICKNAMES), place=place, street=rng.choice(words.STREETS)
                )
                if (name.lower(), municipality) not in used_names:
                    break
            else:
                suffix = 2
                while (f"{name} {suffix}".lower(), municipality) in used_names:
                    suffix += 1
                name = f"{name} {suffix}"
            used_names.add((name.lower(), municipality))
            legal_form = rng.choice(info["legal_forms"])
            domain = f"{ascii_slug(name)[:40]}-{org_id}.voorbeeld.test"
            members = int(rng.lognormvariate(3.2, 1.0)) + 3
            created = anchor - timedelta(days=rng.uniform(30, 4 * 365))
            reviewed = created + timedelta(days=rng.uniform(0.1, 10))
            description = " ".join(
                sentence.format(org=name, place=place, members=members, year=rng.randint(1890, 2022))
                for sentence in rng.sample(words.ORG_DESCRIPTIONS, rng.randint(1, 3))
            )
            out.row(
                "\t".join(
                    (
                        str(org_id),
                        esc(name),
                        legal_form,
                        "" if legal_form == "informeel" else f"{40_000_000 + org_id:08d}",
                        b(legal_form == "stichting" and rng.random() < 0.6),
                        municipality,
                        f"{area[0]} {rng.choice(POSTCODE_LETTERS)}",
                        f"{rng.choice(words.STREETS)} {rng.randint(1, 180)}",
                        esc(place),
                        repr(area[1]),
                        repr(area[2]),
                        f"info@{domain}",
                        phone(rng) if rng.random() < 0.7 else "",
                        f"https://{domain}/" if rng.random() < 0.6 else "",
                        str(members),
                        esc(description),
                        "approved",
                        "",
                        ts(reviewed),
                        ts(reviewed),
                        "\\N",
                        "\\N",
                        ts(created),
                        ts(reviewed),
                    )
                )
            )
            orgs.append(Org(org_id, municipality, place, area, sectors, name, domain))
    with CopyWriter(cur, "organisations_organisation_sectors", ("organisation_id", "sector_id")) as out:
        for org in orgs:
            for slug in org.sectors:
                out.row(f"{org.id}\t{ref.sectors[slug]}")
    return orgs


ROLE_SENTENCES = (
    "Als {role} ben je een belangrijke schakel in onze organisatie.",
    "Word jij onze nieuwe {role}?",
    "We zoeken een enthousiaste {role} die ons team komt versterken.",
    "Voor {org} zoeken we een {role}.",
)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if not text[:2].isupper() else text


def generate_vacancies(
    cur, spec: Spec, ref: Reference, orgs: list[Org], anchor: datetime, vector_sql: str
) -> None:
    rng = random.Random(f"inzet-bench:{spec.seed}:vacancies")
    # A few organisations post many vacancies, most one or two: log-normal weights, care organisations heavier.
    weights = [
        rng.lognormvariate(0, 1.0) * (1.5 if org.sectors[0] == "zorg-welzijn" else 1.0) for org in orgs
    ]
    chosen = rng.choices(range(len(orgs)), cum_weights=cumulative(weights), k=spec.vacancies)
    activity_cum = cumulative(1 for _ in ref.activity_types)
    activity_slugs = list(ref.activity_types)
    skill_slugs = list(ref.skills)
    cur.execute(
        "CREATE TEMP TABLE bench_vacancy_stage (LIKE vacancies_vacancy INCLUDING DEFAULTS) ON COMMIT DROP"
    )
    activity_rows: list[str] = []
    skill_rows: list[str] = []
    with CopyWriter(cur, "bench_vacancy_stage", VACANCY_COLUMNS, freeze=False) as out:
        for index, org_index in enumerate(chosen):
            vacancy_id = index + 1
            org = orgs[org_index]
            sector = org.sectors[0] if len(org.sectors) == 1 or rng.random() < 0.8 else org.sectors[1]
            info = words.SECTORS[sector]
            role, role_activities, role_skills, pattern = rng.choice(info["roles"])
            place = org.place
            title = role + rng.choice(words.SUFFIXES).format(
                place=place, org=org.name, part=rng.choice(words.PARTS_OF_WEEK)
            )
            first, last = person_name(rng)
            contact = f"{first} {last}"
            fill = {
                "place": place,
                "org": org.name,
                "members": rng.randint(15, 400),
                "street": rng.choice(words.STREETS),
                "contact": contact,
                "role": lower_first(role),
            }
            intro = [rng.choice(ROLE_SENTENCES)] + rng.sample(info["sentences"], rng.randint(1, 3))
            practical = rng.sample(words.GENERIC_SENTENCES, rng.randint(1, 3))
            description = (
                " ".join(s.format(**fill) for s in intro)
                + "\n\n"
                + " ".join(s.format(**fill) for s in practical)
            )
            activities = "\n".join(
                "- " + line for line in rng.sample(words.ACTIVITY_LINES, rng.randint(2, 4))
            )
            area = org.area if rng.random() < 0.6 else rng.choice(ref.areas_by_municipality[org.municipality])
            published = anchor - timedelta(
                days=PUBLISHED_WITHIN_DAYS * (1 - index / spec.vacancies), minutes=rng.uniform(0, 600)
            )
            created = published - timedelta(hours=rng.uniform(1, 120))
            commitment = rng.choices(("structural", "short", "one_off"), weights=(70, 15, 15))[0]
            start = end = None
            if commitment == "one_off":
                start = end = (anchor + timedelta(days=rng.randint(7, 60))).date()
            elif commitment == "short":
                start = (anchor + timedelta(days=rng.randint(0, 45))).date()
                end = start + timedelta(days=rng.randint(14, 120))
            elif rng.random() < 0.3:
                start = (anchor + timedelta(days=rng.randint(0, 60))).date()
            vulnerable = sector in ("zorg-welzijn", "scouting-jeugd") or "jeugd" in role or "kinder" in role
            mask = 0 if rng.random() < 0.02 else availability(rng, pattern)
            out.row(
                "\t".join(
                    (
                        str(vacancy_id),
                        str(org.id),
                        esc(title[:150]),
                        esc(description),
                        esc(activities),
                        str(ref.sectors[sector]),
                        f"{area[0]} {rng.choice(POSTCODE_LETTERS)}",
                        f"{rng.choice(words.STREETS)} {rng.randint(1, 180)}",
                        org.municipality,
                        repr(round(area[1] + rng.uniform(-0.004, 0.004), 6)),
                        repr(round(area[2] + rng.uniform(-0.006, 0.006), 6)),
                        str(mask),
                        str(rng.choice((1, 2, 2, 3, 4, 4, 4, 5, 6, 8, 8, 10, 12, 16, 20))),
                        commitment,
                        start.isoformat() if start else "\\N",
                        end.isoformat() if end else "\\N",
                        str(rng.choice((1, 1, 1, 1, 2, 2, 3, 4, 5, 10))),
                        b(rng.random() < (0.7 if vulnerable else 0.1)),
                        rng.choice(("\\N", "\\N", "\\N", "16", "18", "18", "12")),
                        esc(contact),
                        f"{ascii_slug(first)}.{ascii_slug(last).replace('-', '')}@{org.domain}",
                        phone(rng) if rng.random() < 0.7 else "",
                        b(rng.random() < 0.7),
                        b(rng.random() < 0.9),
                        "published",
                        "",
                        ts(published),
                        ts(published + timedelta(days=91)),
                        "\\N",
                        ts(created),
                        ts(published),
                        b(rng.random() < 0.15),
                        b(rng.random() < 0.10),
                        b(rng.random() < 0.08),
                        b(rng.random() < 0.06),
                        b(rng.random() < 0.07),
                    )
                )
            )
            activity_ids = {ref.activity_types[slug] for slug in role_activities}
            if rng.random() < 0.1:
                activity_ids.add(ref.activity_types[rng.choices(activity_slugs, cum_weights=activity_cum)[0]])
            skill_ids = {ref.skills[slug] for slug in role_skills if rng.random() < 0.7}
            if rng.random() < 0.1:
                skill_ids.add(ref.skills[rng.choice(skill_slugs)])
            activity_rows.extend(f"{vacancy_id}\t{pk}" for pk in sorted(activity_ids))
            skill_rows.extend(f"{vacancy_id}\t{pk}" for pk in sorted(skill_ids))
    columns = ", ".join(VACANCY_COLUMNS)
    selected = ", ".join(f"s.{column}" for column in VACANCY_COLUMNS)
    cur.execute(
        f"INSERT INTO vacancies_vacancy ({columns}, search_vector) "
        f"SELECT {selected}, {vector_sql} FROM bench_vacancy_stage s "
        "JOIN organisations_organisation o ON o.id = s.organisation_id ORDER BY s.id"
    )
    cur.execute("DROP TABLE bench_vacancy_stage")
    for table, column, rows in (
        ("vacancies_vacancy_activity_types", "activitytype_id", activity_rows),
        ("vacancies_vacancy_skills", "skill_id", skill_rows),
    ):
        with CopyWriter(cur, table, ("vacancy_id", column)) as out:
            for line in rows:
                out.row(line)


def generate_profiles(cur, spec: Spec, ref: Reference, anchor: datetime) -> None:
    """Users and their volunteer profiles, in chunks so that no more than one chunk sits in memory."""
    rng = random.Random(f"inzet-bench:{spec.seed}:profiles")
    sector_slugs = list(words.SECTORS)
    # Interests lean towards the big sectors but less than organisations do.
    sector_cum = cumulative(words.SECTORS[slug]["weight"] + 5 for slug in sector_slugs)
    activity_ids = list(ref.activity_types.values())
    skill_ids = list(ref.skills.values())
    pattern_cum = cumulative(PROFILE_PATTERN_WEIGHTS)
    ascii_first = {name: ascii_slug(name) for name in words.FIRST_NAMES}
    ascii_last = {name: ascii_slug(name).replace("-", "") for name in words.LAST_NAMES}
    young = anchor.year - 30
    chunk = 50_000
    profile_columns = (
        "id",
        "user_id",
        "postcode",
        "municipality_id",
        "lat",
        "lon",
        "max_distance_km",
        "availability",
        "hours_per_week",
        "commitment",
        "languages",
        "birth_year",
        "accessibility_wishes",
        "motivation",
        "allows_mediation",
        "created_at",
        "updated_at",
        "suits_mdt",
        "suits_simple_dutch",
        "suits_newcomers",
        "suits_disability",
        "remote_possible",
    )
    user_columns = (
        "id",
        "password",
        "last_login",
        "is_superuser",
        "is_staff",
        "is_active",
        "date_joined",
        "email",
        "name",
        "phone",
        "language",
    )
    for start in range(1, spec.profiles + 1, chunk):
        users, profiles, sectors, activities, skills = [], [], [], [], []
        for pk in range(start, min(start + chunk, spec.profiles + 1)):
            area = ref.random_area(rng)
            first, last = person_name(rng)
            joined = anchor - timedelta(days=rng.uniform(0, 3 * 365))
            birth_year = int(rng.triangular(1940, anchor.year - 14, 1975))
            users.append(
                "\t".join(
                    (
                        str(pk),
                        "!",
                        "\\N",
                        "f",
                        "f",
                        "t",
                        ts(joined),
                        f"{ascii_first[first]}.{ascii_last[last]}.{pk}@voorbeeld.test",
                        esc(f"{first} {last}"),
                        phone(rng) if rng.random() < 0.3 else "",
                        "en" if rng.random() < 0.05 else "nl",
                    )
                )
            )
            pattern = rng.choices(PROFILE_PATTERNS, cum_weights=pattern_cum)[0]
            profiles.append(
                "\t".join(
                    (
                        str(pk),
                        str(pk),
                        f"{area[0]} {rng.choice(POSTCODE_LETTERS)}",
                        area[3],
                        repr(area[1]),
                        repr(area[2]),
                        str(rng.choice((3, 5, 5, 10, 10, 10, 10, 15, 15, 20, 25, 30, 50))),
                        str(availability(rng, pattern)),
                        str(rng.choice((1, 2, 2, 3, 4, 4, 4, 6, 8, 8, 12, 16))),
                        rng.choices(("", "one_off", "short", "structural"), weights=(30, 20, 15, 35))[0],
                        rng.choice(words.LANGUAGE_SETS),
                        str(birth_year) if rng.random() < 0.9 else "\\N",
                        "Rolstoeltoegankelijke locatie graag." if rng.random() < 0.03 else "",
                        esc(rng.choice(words.MOTIVATIONS)) if rng.random() < 0.5 else "",
                        b(rng.random() < 0.6),
                        ts(joined),
                        ts(joined + timedelta(days=rng.uniform(0, 30))),
                        b(birth_year >= young and rng.random() < 0.3),
                        b(rng.random() < 0.08),
                        b(rng.random() < 0.05),
                        b(rng.random() < 0.04),
                        b(rng.random() < 0.15),
                    )
                )
            )
            for slug in weighted_sample(
                rng, sector_slugs, sector_cum, rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0]
            ):
                sectors.append(f"{pk}\t{ref.sectors[slug]}")
            for pk_ in sorted(rng.sample(activity_ids, rng.choices((0, 1, 2, 3), (10, 35, 35, 20))[0])):
                activities.append(f"{pk}\t{pk_}")
            for pk_ in sorted(rng.sample(skill_ids, rng.choices((0, 1, 2, 3, 4), (20, 25, 25, 20, 10))[0])):
                skills.append(f"{pk}\t{pk_}")
        for table, columns, lines in (
            ("accounts_user", user_columns, users),
            ("vacancies_volunteerprofile", profile_columns, profiles),
            ("vacancies_volunteerprofile_sectors", ("volunteerprofile_id", "sector_id"), sectors),
            (
                "vacancies_volunteerprofile_activity_types",
                ("volunteerprofile_id", "activitytype_id"),
                activities,
            ),
            ("vacancies_volunteerprofile_skills", ("volunteerprofile_id", "skill_id"), skills),
        ):
            with CopyWriter(cur, table, columns) as out:
                for line in lines:
                    out.row(line)
        log(f"  profiles {min(start + chunk - 1, spec.profiles):,}/{spec.profiles:,}")


FOREIGN_KEY_CHECKS = (
    ("vacancies_vacancy", "organisation_id", "organisations_organisation", "id"),
    ("vacancies_vacancy", "sector_id", "organisations_sector", "id"),
    ("vacancies_vacancy", "municipality_id", "places_municipality", "code"),
    ("vacancies_vacancy_activity_types", "vacancy_id", "vacancies_vacancy", "id"),
    ("vacancies_vacancy_activity_types", "activitytype_id", "vacancies_activitytype", "id"),
    ("vacancies_vacancy_skills", "vacancy_id", "vacancies_vacancy", "id"),
    ("vacancies_vacancy_skills", "skill_id", "vacancies_skill", "id"),
    ("organisations_organisation", "municipality_id", "places_municipality", "code"),
    ("organisations_organisation_sectors", "organisation_id", "organisations_organisation", "id"),
    ("organisations_organisation_sectors", "sector_id", "organisations_sector", "id"),
    ("vacancies_volunteerprofile", "user_id", "accounts_user", "id"),
    ("vacancies_volunteerprofile", "municipality_id", "places_municipality", "code"),
    ("vacancies_volunteerprofile_sectors", "volunteerprofile_id", "vacancies_volunteerprofile", "id"),
    ("vacancies_volunteerprofile_sectors", "sector_id", "organisations_sector", "id"),
    ("vacancies_volunteerprofile_activity_types", "volunteerprofile_id", "vacancies_volunteerprofile", "id"),
    ("vacancies_volunteerprofile_activity_types", "activitytype_id", "vacancies_activitytype", "id"),
    ("vacancies_volunteerprofile_skills", "volunteerprofile_id", "vacancies_volunteerprofile", "id"),
    ("vacancies_volunteerprofile_skills", "skill_id", "vacancies_skill", "id"),
)


def check_foreign_keys(cur) -> None:
    """Foreign-key triggers are skipped during the load (session_replication_role); check the result in bulk."""
    for table, column, target, key in FOREIGN_KEY_CHECKS:
        broken = cur.execute(
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM {target} r WHERE r.{key} = t.{column})"
        ).fetchone()[0]
        if broken:
            raise RuntimeError(f"{broken} rows of {table}.{column} point nowhere in {target}")


def build(conn, spec: Spec, vector_sql: str) -> dict:
    """Empty the data tables and fill them; returns the details stored in bench_meta."""
    anchor = datetime.now(UTC).replace(second=0, microsecond=0)
    steps: dict[str, float] = {}
    started = clock = time.perf_counter()

    def step(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        steps[name] = round(now - clock, 1)
        clock = now
        log(f"  {name}: {steps[name]} s")

    with conn.cursor() as cur:
        cur.execute("SET synchronous_commit = off")
        cur.execute("SET maintenance_work_mem = '512MB'")
        cur.execute("SET work_mem = '256MB'")
        cur.execute("SET temp_buffers = '512MB'")
        try:
            # Skips the (deferred) foreign-key triggers: millions of queued checks otherwise. Needs a superuser;
            # check_foreign_keys() verifies the result instead.
            cur.execute("SET session_replication_role = replica")
            fk_triggers_skipped = True
        except Exception:  # noqa: BLE001 - not a superuser: load with the triggers, only slower
            conn.rollback()
            fk_triggers_skipped = False
            cur.execute("SET temp_buffers = '512MB'")
        cur.execute("DELETE FROM bench_meta")
        cur.execute(f"TRUNCATE {', '.join(DATA_TABLES)} RESTART IDENTITY CASCADE")
        ref = load_reference(conn)
        step("truncate")
        log(f"organisations: {spec.organisations:,}")
        orgs = generate_organisations(cur, spec, ref, anchor)
        step("organisations")
        log(f"vacancies: {spec.vacancies:,} (with search vectors)")
        generate_vacancies(cur, spec, ref, orgs, anchor, vector_sql)
        del orgs
        step("vacancies")
        log(f"volunteer profiles: {spec.profiles:,} (and their users)")
        generate_profiles(cur, spec, ref, anchor)
        step("profiles")
        for table in DATA_TABLES:
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}"
            )
        if fk_triggers_skipped:
            cur.execute("SET session_replication_role = DEFAULT")
            check_foreign_keys(cur)
            step("foreign-key check")
        counts = {table: cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in DATA_TABLES}
        details = {
            "anchor": anchor.isoformat(),
            "counts": counts,
            "weights": "municipalities weighted by approximate inhabitants (bench/population.py)",
            "vector_sql": vector_sql,
            "fk_triggers_skipped": fk_triggers_skipped,
        }
        cur.execute(
            "INSERT INTO bench_meta (id, spec, anchor, generated_at, generation_seconds, details) "
            "VALUES (1, %s, %s, now(), 0, %s)",
            [json.dumps(asdict(spec)), anchor, json.dumps(details)],
        )
    conn.commit()
    step("commit")
    vacuum_analyze(conn)
    step("vacuum analyze")
    details["steps_seconds"] = steps
    total = round(time.perf_counter() - started, 1)
    conn.execute(
        "UPDATE bench_meta SET generation_seconds = %s, details = %s WHERE id = 1",
        [total, json.dumps(details)],
    )
    conn.commit()
    return details | {"generation_seconds": total}


def vacuum_analyze(conn) -> None:
    conn.commit()
    conn.autocommit = True
    try:
        conn.execute("SET maintenance_work_mem = '512MB'")
        for table in DATA_TABLES:
            conn.execute(f"VACUUM (ANALYZE) {table}")
    finally:
        conn.autocommit = False


def reanchor(conn, meta: dict) -> None:
    """Shift the vacancy dates so that the data set is as 'open' today as on the day it was generated."""
    shift = datetime.now(UTC).replace(second=0, microsecond=0) - meta["anchor"]
    log(f"re-anchoring vacancy dates by {shift.days} days (generated {meta['anchor']:%Y-%m-%d})")
    conn.execute(
        "UPDATE vacancies_vacancy SET published_at = published_at + %(s)s, expires_at = expires_at + %(s)s, "
        "created_at = created_at + %(s)s, updated_at = updated_at + %(s)s, "
        "start_date = start_date + %(d)s, end_date = end_date + %(d)s",
        {"s": shift, "d": shift.days},
    )
    conn.execute("UPDATE bench_meta SET anchor = anchor + %s", [shift])
    conn.commit()
    conn.autocommit = True
    conn.execute("VACUUM (ANALYZE) vacancies_vacancy")
    conn.autocommit = False


def refresh_search_vectors(conn, meta: dict, vector_sql: str) -> None:
    log("search vector definition changed: refreshing vacancies_vacancy.search_vector in one UPDATE")
    conn.execute(
        f"UPDATE vacancies_vacancy v SET search_vector = {vector_sql} "
        "FROM organisations_organisation o WHERE o.id = v.organisation_id"
    )
    details = dict(meta["details"], vector_sql=vector_sql)
    conn.execute("UPDATE bench_meta SET details = %s", [json.dumps(details)])
    conn.commit()
    conn.autocommit = True
    conn.execute("VACUUM (ANALYZE) vacancies_vacancy")
    conn.autocommit = False


def main() -> int:
    import psycopg

    url = database_url()
    spec = spec_from_env()
    fresh = os.environ.get("BENCH_FRESH", "").strip().lower() in {"1", "true", "yes"}
    if ensure_database(url):
        log(f"created database {url.rsplit('/', 1)[-1]}")
    configure_django()
    log("migrating")
    migrate()
    vector_sql = search_vector_sql("v")
    with psycopg.connect(url) as conn:
        meta = read_meta(conn)
        if meta and meta["spec"] == asdict(spec) and not fresh:
            log(
                f"data set for {asdict(spec)} already there (generated {meta['generated_at']:%Y-%m-%d %H:%M %Z}, "
                f"{meta['generation_seconds']:.0f} s); BENCH_FRESH=1 rebuilds it"
            )
            if meta["details"].get("vector_sql") != vector_sql:
                refresh_search_vectors(conn, meta, vector_sql)
            if datetime.now(UTC) - meta["anchor"] > REANCHOR_AFTER:
                reanchor(conn, meta)
            verify_search_vectors()
            return 0
        assert_benchmark_database(conn, meta)
        log(f"generating {asdict(spec)}")
        details = build(conn, spec, search_vector_sql("s"))
        # Stored with the alias used at refresh time so that the comparison above is like for like.
        conn.execute(
            "UPDATE bench_meta SET details = jsonb_set(details, '{vector_sql}', to_jsonb(%s::text))",
            [vector_sql],
        )
        conn.commit()
        size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
    verify_search_vectors()
    log(f"generated in {details['generation_seconds']:.0f} s; database size {size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
