"""Measure search and matching on the benchmark data set and write bench/results/.

    python -m bench.measure          # what `make bench` runs after bench.generate; see bench/README.md

Times the real selectors (inzet.vacancies.search, inzet.vacancies.matching), the full search page through
Django's test client, and a hand-tuned SQL version of the same search, each over a fixed list of realistic
queries: one warm-up pass, then BENCH_ITERATIONS timed calls (default 200, rounded up to whole passes over
the cases). Writes bench/results/<UTC timestamp>.json, latest.json and latest.md, and prints the table.
"""

import json
import math
import os
import platform
import random
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.generate import configure_django, database_url, log

RESULTS_DIR = Path(__file__).resolve().parent / "results"
COMMAND = "make bench"

# (search words, postcode, sector slug, availability as "day-part" values: day 0 = Monday, part 0/1/2 =
# morning/afternoon/evening). Postcodes from all twelve provinces, cities and countryside.
QUERY_CASES = (
    ("voetbal", "9712 CP", "sport", ("1-2", "3-2")),
    ("taalmaatje", "1012 AB", "zorg-welzijn", ("0-0", "2-0", "4-1")),
    ("bestuurslid", "3511 AA", "dorpsbelangen-buurt", ("1-2",)),
    ("chauffeur", "5611 AB", "zorg-welzijn", ("0-0", "1-0", "2-0", "3-0", "4-0")),
    ("vrijwilligers", "3011 AB", "cultuur", ("5-0", "5-1", "6-1")),
    ("trainer jeugd", "6811 AB", "sport", ("0-2", "2-2", "5-0")),
    ("penningmeester", "8011 AB", "muziek", ("2-2",)),
    ("maatje ouderen", "2511 AB", "zorg-welzijn", ("1-1", "3-1")),
    ("voorlezen", "7511 AB", "onderwijs", ("0-0", "1-0", "2-0")),
    ("scheidsrechter", "4811 AB", "sport", ("5-0", "5-1")),
    ("natuurgids", "6211 AB", "natuur-milieu", ("5-0", "6-0")),
    ("bardienst", "1811 AB", "sport", ("5-1", "6-1", "4-2")),
    ("museum gastvrouw", "2011 AB", "cultuur", ("5-1", "6-1")),
    ("voedselbank", "5038 AB", "zorg-welzijn", ("1-0", "3-0")),
    ("scouting leiding", "3811 AB", "scouting-jeugd", ("5-0", "5-1")),
    ("repair café", "6511 AB", "dorpsbelangen-buurt", ("5-1",)),
    ("huiswerkbegeleiding", "2311 AB", "onderwijs", ("0-1", "1-1", "3-1")),
    ("koster", "7311 AB", "religie-levensbeschouwing", ("6-0",)),
    ("belastingaangifte", "9401 AB", "belangenbehartiging", ("0-0", "1-0", "2-0")),
    ("festival", "5211 AB", "overig", ("5-0", "5-1", "6-0", "6-1")),
    ("zwemles", "1315 AB", "sport", ("2-2", "5-0")),
    ("dirigent", "8911 AB", "muziek", ("1-2", "3-2")),
    ("digimaatje senioren", "3311 AB", "zorg-welzijn", ("0-0", "2-0")),
    ("hospice", "4331 AB", "zorg-welzijn", ("0-1", "1-1", "2-1", "3-1")),
    ("dorpshuis", "4461 AB", "dorpsbelangen-buurt", ("4-2", "5-2")),
    ("secretaris", "5911 AB", "belangenbehartiging", ("1-2",)),
    ("landschapsonderhoud", "6411 AB", "natuur-milieu", ("5-0",)),
    ("hockey", "7101 AB", "sport", ("2-2", "5-0")),
    ("kringloopwinkel", "7811 AB", "overig", ("1-0", "3-0")),
    ("boodschappenbus", "1781 AB", "zorg-welzijn", ("0-0", "4-0")),
    ("evenementen", "4531 AB", "overig", ("5-1", "6-1")),
    ("toneel decorbouw", "8601 AB", "cultuur", ("1-2", "3-2")),
    ("muziekdocent kinderen", "4301 AB", "muziek", ("2-1",)),
    ("speeltuin", "7901 AB", "scouting-jeugd", ("2-1", "4-1")),
    ("vogels tellen", "9101 AB", "natuur-milieu", ("5-0", "6-0")),
    ("wandelen", "8441 AB", "zorg-welzijn", ("0-1", "2-1", "4-1")),
    ("korfbal", "7201 AB", "sport", ("0-2", "5-0")),
    ("archief", "3521 AB", "cultuur", ("1-0", "3-0")),
    ("gastheer", "1411 AB", "zorg-welzijn", ("0-0", "1-0")),
    ("vrijwilliger", "2801 AB", "religie-levensbeschouwing", ("6-0", "6-1")),
    ("bezoekvrijwilliger", "6041 AB", "religie-levensbeschouwing", ("1-1", "3-1")),
    ("buurtpreventie", "5701 AB", "dorpsbelangen-buurt", ("0-2", "2-2", "4-2")),
    ("tennis", "5401 AB", "sport", ("2-2", "5-0")),
    ("geluidstechnicus", "1621 AB", "muziek", ("5-2",)),
    ("energiecoach", "9201 AB", "natuur-milieu", ("1-2", "3-2")),
    ("vrijwilligers", "3071 AB", "zorg-welzijn", ("0-0", "0-1", "1-0", "1-1")),
    ("taalhuis", "2612 AB", "onderwijs", ("1-0", "3-0")),
    ("chauffer", "1217 AB", "overig", ("1-0", "3-0")),  # a typo: found through trigram similarity
    ("jeugdtrainer voetbal", "4701 AB", "sport", ("1-2", "3-2", "5-0")),
    ("kantine", "7411 AB", "sport", ("5-0", "5-1", "6-0")),
)
RADIUS_KM = 15
PAGE_SIZE = 20

TARGETS = {
    "search_selector": ("p95", 50.0, "ms"),
    "search_request": ("p95", 100.0, "ms"),
    "suggested_vacancies": ("p95", 100.0, "ms"),
    "suggested_volunteers": ("p95", 100.0, "ms"),
    "selector_vs_raw_sql": ("ratio", 1.5, "×"),
    "generation": ("seconds", 15 * 60.0, "s"),
}


def mask_of(values) -> int:
    from inzet.vacancies import availability

    return availability.mask_of(tuple(int(x) for x in value.split("-")) for value in values)


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    index = max(0, math.ceil(fraction * len(sorted_values)) - 1)
    return sorted_values[index]


def summary(samples_ms: list[float]) -> dict:
    ordered = sorted(samples_ms)
    return {
        "iterations": len(ordered),
        "p50_ms": round(percentile(ordered, 0.50), 2),
        "p95_ms": round(percentile(ordered, 0.95), 2),
        "max_ms": round(ordered[-1], 2),
        "mean_ms": round(sum(ordered) / len(ordered), 2),
    }


def timed_runs(cases: list, call, iterations: int, *, prepare=None) -> list[float]:
    """One untimed warm-up pass over all cases, then whole passes until `iterations` calls are timed.

    `prepare(case)` (untimed) builds the argument of `call`, e.g. a fresh model instance without caches.
    """
    for case in cases:
        call(prepare(case) if prepare else case)
    passes = max(1, math.ceil(iterations / len(cases)))
    samples = []
    for _ in range(passes):
        for case in cases:
            argument = prepare(case) if prepare else case
            started = time.perf_counter()
            call(argument)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def _timed(call, argument) -> float:
    started = time.perf_counter()
    call(argument)
    return (time.perf_counter() - started) * 1000


def per_case(cases: list[dict], samples: list[float]) -> dict[str, float]:
    """Median per search case; samples come in whole passes over the cases."""
    result = {}
    for index, case in enumerate(cases):
        own = sorted(samples[index :: len(cases)])
        result[f"{case['text']} @ {case['postcode']}"] = round(own[len(own) // 2], 2)
    return result


# --- the search ----------------------------------------------------------------------------------------------


def search_cases() -> list[dict]:
    from inzet.places.selectors import location_for_postcode

    cases = []
    for text, postcode, sector, slots in QUERY_CASES:
        cases.append(
            {
                "text": text,
                "postcode": postcode,
                "sector": sector,
                "slots": slots,
                "mask": mask_of(slots),
                "origin": location_for_postcode(postcode),
            }
        )
    return cases


def selector_query(case: dict):
    from inzet.vacancies.search import VacancyQuery

    return VacancyQuery(
        text=case["text"],
        origin=case["origin"],
        radius_km=RADIUS_KM,
        sector_slugs=(case["sector"],),
        availability=case["mask"],
        sort="relevance",
    )


def run_selector(case: dict) -> list[int]:
    from inzet.vacancies.search import vacancy_search

    return [vacancy.pk for vacancy in list(vacancy_search(selector_query(case))[:PAGE_SIZE])]


# The same search written by hand. Same filters, same relevance expression and the same order (so the same 20
# rows); what differs: the candidate rows are ranked on the vacancy table alone, only the 20 winners are joined
# to their organisation and municipality, only the columns a result card shows are read (no search_vector),
# and it is one statement with no ORM around it.
RAW_SEARCH_SQL = """
WITH query AS (
    SELECT plainto_tsquery('inzet_dutch'::regconfig, %(text)s) AS tsq
), ranked AS (
    SELECT v.id, v.published_at,
           COALESCE(ts_rank(v.search_vector, query.tsq), 0.0) + word_similarity(%(text)s, v.title) AS relevance,
           12742.0176 * asin(least(1.0, sqrt(
               power(sin(radians(v.lat - %(lat)s) / 2.0), 2)
               + %(cos_lat)s * cos(radians(v.lat)) * power(sin(radians(v.lon - %(lon)s) / 2.0), 2)
           ))) AS distance_km
    FROM vacancies_vacancy v, query
    WHERE v.status = 'published'
      AND (v.expires_at IS NULL OR v.expires_at > now())
      AND v.lat BETWEEN %(lat_min)s AND %(lat_max)s
      AND v.lon BETWEEN %(lon_min)s AND %(lon_max)s
      AND v.sector_id IN (SELECT id FROM organisations_sector WHERE slug = %(sector)s)
      AND v.availability & %(mask)s > 0
      AND (v.search_vector @@ query.tsq OR v.title %%> %(text)s)
), page AS (
    SELECT id, published_at, relevance, distance_km FROM ranked
    WHERE distance_km <= %(radius)s
    ORDER BY relevance DESC, published_at DESC NULLS LAST, id DESC
    LIMIT %(limit)s
)
SELECT v.id, v.title, o.name, m.name, page.distance_km, v.hours_per_week, v.commitment,
       v.suits_mdt, v.suits_simple_dutch, v.suits_newcomers, v.suits_disability, v.remote_possible
FROM page
JOIN vacancies_vacancy v ON v.id = page.id
JOIN organisations_organisation o ON o.id = v.organisation_id
JOIN places_municipality m ON m.code = v.municipality_id
ORDER BY page.relevance DESC, page.published_at DESC NULLS LAST, page.id DESC
"""


def raw_parameters(case: dict) -> dict:
    from inzet.vacancies.search import bounding_box_q, clean_text

    origin = case["origin"]
    # The selector's own box (same floats), so that both see exactly the same candidate rows.
    box = dict(_lookups(bounding_box_q(origin.lat, origin.lon, RADIUS_KM)))
    return {
        "text": clean_text(case["text"]),
        "lat": origin.lat,
        "lon": origin.lon,
        "cos_lat": math.cos(math.radians(origin.lat)),
        "lat_min": box["lat__gte"],
        "lat_max": box["lat__lte"],
        "lon_min": box["lon__gte"],
        "lon_max": box["lon__lte"],
        "sector": case["sector"],
        "mask": case["mask"],
        "radius": float(RADIUS_KM),
        "limit": PAGE_SIZE,
    }


def _lookups(q):
    for child in q.children:
        if isinstance(child, tuple):
            yield child
        else:
            yield from _lookups(child)


def run_raw(case: dict) -> list[int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(RAW_SEARCH_SQL, case["raw"])
        return [row[0] for row in cursor.fetchall()]


def search_url() -> tuple[str | None, str]:
    """The search page's URL, or None and why not."""
    try:
        from django.urls import reverse

        return reverse("vacancies:search"), ""
    except Exception as error:  # noqa: BLE001 - any reason means: not measurable yet
        return None, f"{type(error).__name__}: {error}"


def run_request(client, url: str, case: dict) -> None:
    response = client.get(
        url,
        {
            "q": case["text"],
            "postcode": case["postcode"],
            "radius": RADIUS_KM,
            "sector": case["sector"],
            "availability": list(case["slots"]),
        },
    )
    if response.status_code != 200:
        raise RuntimeError(f"search page answered {response.status_code} for {case['text']!r}")


# --- matching ------------------------------------------------------------------------------------------------


def sample_ids(table: str, count: int, seed: int, where: str = "TRUE") -> list[int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE {where} ORDER BY id")
        ids = [row[0] for row in cursor.fetchall()]
    return sorted(random.Random(seed).sample(ids, min(count, len(ids))))


# --- facts ---------------------------------------------------------------------------------------------------


def machine_facts() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
        settings = {}
        for name in (
            "shared_buffers",
            "work_mem",
            "effective_cache_size",
            "random_page_cost",
            "jit",
            "max_parallel_workers_per_gather",
        ):
            cursor.execute(f"SHOW {name}")
            settings[name] = cursor.fetchone()[0]
    cpu_model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        memory_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1)
    except (ValueError, OSError, AttributeError):
        pass
    try:
        load = [round(value, 2) for value in os.getloadavg()]
    except OSError:
        load = None
    import django

    return {
        "cores": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gb": memory_gb,
        "load_average_at_start": load,
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": version,
        "postgresql_settings": settings,
    }


def git_commit() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], capture_output=True, text=True
        ).stdout.strip()
        return commit + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def dataset_facts() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT spec, generated_at, generation_seconds, details, anchor FROM bench_meta WHERE id = 1"
        )
        row = cursor.fetchone()
        if row is None:
            sys.exit("bench: no data set (bench_meta is empty): run `python -m bench.generate` first")
        spec, generated_at, seconds, details, anchor = row
        spec = json.loads(spec) if isinstance(spec, str) else spec
        details = json.loads(details) if isinstance(details, str) else details
        cursor.execute(
            "SELECT pg_database_size(current_database()), "
            "pg_size_pretty(pg_database_size(current_database()))"
        )
        size_bytes, size_pretty = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM places_municipality")
        municipalities = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM vacancies_vacancy WHERE status = 'published' "
            "AND (expires_at IS NULL OR expires_at > now())"
        )
        open_vacancies = cursor.fetchone()[0]
    return {
        "seed": spec["seed"],
        "organisations": spec["organisations"],
        "vacancies": spec["vacancies"],
        "profiles": spec["profiles"],
        "generator_version": spec.get("version"),
        "municipalities": municipalities,
        "open_vacancies": open_vacancies,
        "weighting": details.get("weights"),
        "generated_at": generated_at.isoformat(),
        "dates_anchored_at": anchor.isoformat(),
        "generation_seconds": seconds,
        "generation_steps_seconds": details.get("steps_seconds"),
        "row_counts": details.get("counts"),
        "database_size_bytes": size_bytes,
        "database_size": size_pretty,
    }


# --- the report ----------------------------------------------------------------------------------------------


def judge(name: str, value: float) -> dict:
    metric, limit, unit = TARGETS[name]
    passed = value <= limit
    return {
        "target": f"{metric} ≤ {limit:g} {unit}".replace("ratio ≤", "≤").replace("seconds ≤", "≤"),
        "target_value": limit,
        "pass": passed,
        "over_by": None if passed else round(value - limit, 2),
        "over_by_percent": None if passed else round(100 * (value / limit - 1), 1),
    }


def markdown(result: dict) -> str:
    data = result["dataset"]
    machine = result["machine"]
    lines = [
        f"# Benchmark {result['timestamp']}",
        "",
        f"`{result['command']}` at commit `{result['git_commit']}` — seed {data['seed']}: "
        f"{data['municipalities']} municipalities, {data['organisations']:,} organisations, "
        f"{data['vacancies']:,} vacancies ({data['open_vacancies']:,} open), {data['profiles']:,} volunteer "
        "profiles.",
        f"Machine: {machine['cores']} cores ({machine['cpu_model']}), {machine['memory_gb']} GB, "
        f"PostgreSQL {machine['postgresql']} (shared_buffers {machine['postgresql_settings']['shared_buffers']}), "
        f"load average at start {machine['load_average_at_start']}, at end {machine.get('load_average_at_end')}.",
        "",
        "| measurement | p50 | p95 | max | target | result |",
        "|---|---:|---:|---:|---|---|",
    ]
    for item in result["measurements"]:
        if item.get("skipped"):
            lines.append(
                f"| {item['title']} | – | – | – | {item['target']} | not measured: {item['skipped']} |"
            )
            continue
        verdict = (
            "pass"
            if item["pass"]
            else f"**FAIL** (+{item['over_by']} {item['unit']}, +{item['over_by_percent']}%)"
        )
        if item["unit"] == "ms":
            lines.append(
                f"| {item['title']} | {item['p50_ms']:.1f} ms | {item['p95_ms']:.1f} ms | {item['max_ms']:.1f} ms "
                f"| {item['target']} | {verdict} |"
            )
        else:
            lines.append(
                f"| {item['title']} | | {item['value']} {item['unit']} | | {item['target']} | {verdict} |"
            )
    lines += [
        "",
        f"Database size: {data['database_size']} ({data['database_size_bytes']:,} bytes). Generation: "
        f"{data['generation_seconds']:.0f} s ({data['generated_at'][:16]}); steps: {data['generation_steps_seconds']}.",
        f"Iterations per measurement: {result['iterations']} after one warm-up pass over {result['cases']} cases; "
        f"search results per case (all pages): median {result['search_matches']['median']}, "
        f"max {result['search_matches']['max']}.",
    ]
    selector = next((m for m in result["measurements"] if m["name"] == "search_selector"), None)
    if selector and selector.get("per_case_p50_ms"):
        slowest = sorted(selector["per_case_p50_ms"].items(), key=lambda item: item[1])[-5:][::-1]
        counts = result["search_matches"]["per_case"]
        lines.append(
            "Slowest search cases (selector p50; results): "
            + ", ".join(f"{case} {ms:.0f} ms ({counts.get(case)})" for case, ms in slowest)
            + "."
        )
    if result.get("notes"):
        lines += ["", *[f"- {note}" for note in result["notes"]]]
    return "\n".join(lines) + "\n"


def main() -> int:
    configure_django()
    from django.db import connection
    from django.test import Client

    iterations = int(os.environ.get("BENCH_ITERATIONS", "200"))
    log(f"measuring on {database_url().rsplit('/', 1)[-1]} ({iterations} iterations per measurement)")
    dataset = dataset_facts()
    machine = machine_facts()
    notes: list[str] = []
    measurements: list[dict] = []

    def record(name: str, title: str, samples: list[float], **extra) -> dict:
        stats = summary(samples)
        item = {"name": name, "title": title, "unit": "ms", **stats, **judge(name, stats["p95_ms"]), **extra}
        measurements.append(item)
        log(
            f"{title}: p50 {stats['p50_ms']:.1f} ms, p95 {stats['p95_ms']:.1f} ms, max {stats['max_ms']:.1f} ms"
        )
        return item

    cases = search_cases()
    for case in cases:
        case["raw"] = raw_parameters(case)

    # Correctness first: the hand-tuned SQL must return the selector's rows, in the selector's order.
    from inzet.vacancies.search import vacancy_search

    matches = []
    mismatched = []
    for case in cases:
        matches.append(vacancy_search(selector_query(case)).count())
        if run_selector(case) != run_raw(case):
            mismatched.append(case["text"])
    if mismatched:
        notes.append(f"raw SQL returned other rows than the selector for: {', '.join(mismatched)}")
    ordered_matches = sorted(matches)
    search_matches = {
        "median": ordered_matches[len(ordered_matches) // 2],
        "max": ordered_matches[-1],
        "min": ordered_matches[0],
        "empty_cases": sum(1 for count in matches if count == 0),
        "per_case": {
            case["text"] + " @ " + case["postcode"]: count for case, count in zip(cases, matches, strict=True)
        },
    }

    # Selector and hand-tuned SQL alternate call by call, so that both see the same load on the machine.
    selector_samples, raw_samples = [], []
    timed_runs(
        cases,
        lambda case: (
            selector_samples.append(_timed(run_selector, case)),
            raw_samples.append(_timed(run_raw, case)),
        ),
        iterations,
    )
    del selector_samples[: len(cases)], raw_samples[: len(cases)]  # the warm-up pass
    selector = record(
        "search_selector",
        "Vacancy search: selector (text + 15 km + sector + availability, first 20)",
        selector_samples,
        per_case_p50_ms=per_case(cases, selector_samples),
    )
    raw = summary(raw_samples) | {"per_case_p50_ms": per_case(cases, raw_samples)}
    log(f"hand-tuned SQL: p50 {raw['p50_ms']:.1f} ms, p95 {raw['p95_ms']:.1f} ms")
    ratio_p50 = round(selector["p50_ms"] / raw["p50_ms"], 2)
    ratio_p95 = round(selector["p95_ms"] / raw["p95_ms"], 2)
    measurements.append(
        {
            "name": "selector_vs_raw_sql",
            "title": "Selector ÷ hand-tuned SQL (p50 ratio; same run, same cases)",
            "unit": "×",
            "value": ratio_p50,
            "ratio_p95": ratio_p95,
            "raw_sql": raw,
            "raw_sql_matches_selector": not mismatched,
            **judge("selector_vs_raw_sql", ratio_p50),
        }
    )
    log(f"selector ÷ raw SQL: {ratio_p50} (p50), {ratio_p95} (p95)")

    url, why_not = search_url()
    if url is not None:
        client = Client()
        try:
            run_request(client, url, cases[0])
        except Exception as error:  # noqa: BLE001
            url, why_not = None, f"{type(error).__name__}: {error}"
    if url is not None:
        record(
            "search_request",
            f"Vacancy search: full HTTP request GET {url} (test client, anonymous)",
            request_samples := timed_runs(cases, lambda case: run_request(client, url, case), iterations),
            url=url,
            per_case_p50_ms=per_case(cases, request_samples),
        )
    else:
        measurements.append(
            {
                "name": "search_request",
                "title": "Vacancy search: full HTTP request",
                "unit": "ms",
                "skipped": why_not,
                **judge("search_request", 0),
                "pass": None,
            }
        )
        log(f"search page not measurable yet: {why_not}")

    try:
        from inzet.vacancies.matching import suggested_vacancies, suggested_volunteers
    except ImportError as error:
        for name, title in (
            ("suggested_vacancies", "Suggested vacancies for a volunteer (top 20 with reasons)"),
            ("suggested_volunteers", "Suggested volunteers for a vacancy (top 20 with reasons)"),
        ):
            measurements.append(
                {
                    "name": name,
                    "title": title,
                    "unit": "ms",
                    "skipped": str(error),
                    **judge(name, 0),
                    "pass": None,
                }
            )
    else:
        from inzet.vacancies.models import Vacancy, VolunteerProfile

        seed = dataset["seed"]
        profile_ids = sample_ids("vacancies_volunteerprofile", len(cases), seed)
        vacancy_ids = sample_ids("vacancies_vacancy", len(cases), seed)
        sizes = {"profiles": [], "vacancies": []}

        def fresh_profile(pk):  # what the "voor jou" view has: the volunteer's own profile, no caches
            return VolunteerProfile.objects.select_related("user").get(pk=pk)

        def fresh_vacancy(pk):  # what the candidates view has: the vacancy, no caches
            return Vacancy.objects.select_related("organisation").get(pk=pk)

        for pk in profile_ids:
            sizes["profiles"].append(len(suggested_vacancies(profile=fresh_profile(pk))))
        for pk in vacancy_ids:
            sizes["vacancies"].append(len(suggested_volunteers(vacancy=fresh_vacancy(pk))))
        record(
            "suggested_vacancies",
            "Suggested vacancies for a volunteer (top 20 with reasons)",
            timed_runs(
                profile_ids,
                lambda profile: suggested_vacancies(profile=profile),
                iterations,
                prepare=fresh_profile,
            ),
            sample=f"{len(profile_ids)} random profiles (seeded)",
            results_per_call_min=min(sizes["profiles"]),
        )
        record(
            "suggested_volunteers",
            "Suggested volunteers for a vacancy (top 20 with reasons)",
            timed_runs(
                vacancy_ids,
                lambda vacancy: suggested_volunteers(vacancy=vacancy),
                iterations,
                prepare=fresh_vacancy,
            ),
            sample=f"{len(vacancy_ids)} random vacancies (seeded)",
            results_per_call_min=min(sizes["vacancies"]),
        )

    generation = dataset["generation_seconds"]
    measurements.append(
        {
            "name": "generation",
            "title": "Generating the data set (once per seed and sizes)",
            "unit": "s",
            "value": round(generation, 1),
            **judge("generation", generation),
        }
    )
    measurements.append(
        {
            "name": "database_size",
            "title": "Database size (pg_database_size)",
            "unit": "MB",
            "value": round(dataset["database_size_bytes"] / 1024**2),
            "target": "–",
            "pass": True,
        }
    )
    connection.close()

    try:
        machine["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    except OSError:
        machine["load_average_at_end"] = None
    now = datetime.now(UTC)
    result = {
        "timestamp": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": COMMAND,
        "git_commit": git_commit(),
        "machine": machine,
        "dataset": dataset,
        "iterations": max(1, math.ceil(iterations / len(cases))) * len(cases),
        "cases": len(cases),
        "radius_km": RADIUS_KM,
        "page_size": PAGE_SIZE,
        "query_cases": [
            {
                "q": case["text"],
                "postcode": case["postcode"],
                "sector": case["sector"],
                "availability": case["slots"],
            }
            for case in cases
        ],
        "search_matches": search_matches,
        "measurements": measurements,
        "notes": notes,
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    body = json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n"
    (RESULTS_DIR / f"{now:%Y%m%dT%H%M%SZ}.json").write_text(body)
    (RESULTS_DIR / "latest.json").write_text(body)
    table = markdown(result)
    (RESULTS_DIR / "latest.md").write_text(table)
    print()
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
