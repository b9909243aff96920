"""Registration is safe under concurrency (issue 5): 200 people registering at once for 50 places, from several
threads and from two separate OS processes (two app servers), give exactly 50 confirmed and 150 on the waiting
list with positions 1..150, in order of arrival.

PostgreSQL only: SQLite serialises all writers anyway and has no row locks to prove anything with. CI runs the
suite on PostgreSQL, so this is exercised there.
"""

import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from inzet.accounts.models import User
from inzet.events import services
from inzet.events.models import Registration
from inzet.events.tests.concurrency_worker import register_all
from inzet.events.tests.conftest import event_data

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL: row locks across connections (set DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True),
]

PLACES, PEOPLE = 50, 200
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def full_event(world):
    start = timezone.now() + timedelta(days=10)
    return services.event_create(
        actor=world.consultant,
        support_point=world.support_point,
        **event_data(capacity=PLACES, starts_at=start, ends_at=start + timedelta(hours=2)),
    )


@pytest.fixture
def crowd(db):
    User.objects.bulk_create(User(email=f"druk{n}@example.org", name=f"Deelnemer {n}") for n in range(PEOPLE))
    return list(User.objects.filter(email__startswith="druk").order_by("pk").values_list("pk", flat=True))


def assert_exactly_full_with_an_ordered_waiting_list(event):
    registrations = list(Registration.objects.filter(event=event).order_by("pk"))
    assert len(registrations) == PEOPLE
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    waiting = [r for r in registrations if r.status == Registration.Status.WAITLISTED]
    assert len(confirmed) == PLACES and len(waiting) == PEOPLE - PLACES
    # Positions 1..150 without gaps or doubles ...
    assert sorted(r.position for r in waiting) == list(range(1, PEOPLE - PLACES + 1))
    # ... in order of arrival: the lock hands out places and positions in the order rows are written.
    assert [r.position for r in waiting] == list(range(1, PEOPLE - PLACES + 1))
    assert max(r.pk for r in confirmed) < min(r.pk for r in waiting)
    by_position = sorted(waiting, key=lambda r: r.position)
    assert all(a.created_at <= b.created_at for a, b in zip(by_position, by_position[1:], strict=False))


def test_it_gives_exactly_the_places_there_are_to_threads_registering_at_once(full_event, crowd):
    result = register_all(full_event.pk, crowd, threads=8, start_at=time.time() + 0.5)
    assert result["errors"] == []
    assert (result["confirmed"], result["waitlisted"]) == (PLACES, PEOPLE - PLACES)
    assert_exactly_full_with_an_ordered_waiting_list(full_event)


def test_it_gives_exactly_the_places_there_are_to_two_app_processes_registering_at_once(
    full_event, crowd, tmp_path
):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    if db.get("PASSWORD"):
        url = url.replace(f"{db['USER']}@", f"{db['USER']}:{db['PASSWORD']}@")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "inzet.settings_test",
        "WORKER_TIMEOUT": "20",
    }
    start_at = time.time() + 3  # both processes are up and connected by then, and fire together
    halves = [crowd[0::2], crowd[1::2]]
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "inzet.events.tests.concurrency_worker",
                str(full_event.pk),
                ",".join(map(str, half)),
                "4",
                str(start_at),
            ],
            cwd=ROOT,
            env=env,
            # Files, not pipes: a worker blocked on a full pipe while holding the row lock would stall the other.
            stdout=(tmp_path / f"out{number}").open("w"),
            stderr=(tmp_path / f"err{number}").open("w"),
        )
        for number, half in enumerate(halves)
    ]
    results = []
    for number, process in enumerate(processes):
        process.wait(timeout=180)
        assert process.returncode == 0, (tmp_path / f"err{number}").read_text()[-5000:]
        results.append(json.loads((tmp_path / f"out{number}").read_text().strip().splitlines()[-1]))
    assert [r["errors"] for r in results] == [[], []]
    assert sum(r["confirmed"] for r in results) == PLACES
    assert sum(r["waitlisted"] for r in results) == PEOPLE - PLACES
    assert all(r["confirmed"] + r["waitlisted"] == PEOPLE // 2 for r in results)
    assert_exactly_full_with_an_ordered_waiting_list(full_event)
