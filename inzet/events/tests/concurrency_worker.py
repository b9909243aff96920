"""Registers people for one event from several threads, in a process of its own (its own DB connections).

    python -m inzet.events.tests.concurrency_worker <event id> <user ids, comma-separated> <threads> <start at>

Run by test_concurrency.py, twice at once, to play two app servers. DATABASE_URL names the test database.
Prints one JSON line: {"confirmed": n, "waitlisted": n, "errors": [...]}.
"""

import json
import os
import sys
import threading
import time


def register_all(event_id: int, user_ids: list[int], threads: int, start_at: float) -> dict:
    from django.db import connection

    from inzet.accounts.models import User
    from inzet.events import services
    from inzet.events.models import Event

    results = {"confirmed": 0, "waitlisted": 0, "errors": []}
    lock = threading.Lock()
    chunks = [user_ids[n::threads] for n in range(threads)]
    barrier = threading.Barrier(threads)

    def work(chunk):
        try:
            event = Event.objects.get(pk=event_id)
            people = list(User.objects.filter(pk__in=chunk).order_by("pk"))
            barrier.wait()
            delay = start_at - time.time()
            if delay > 0:
                time.sleep(delay)
            for person in people:
                try:
                    registration = services.registration_create(actor=person, event=event)
                except Exception as error:  # noqa: BLE001 — reported to the test, which fails on any
                    with lock:
                        results["errors"].append(repr(error))
                else:
                    with lock:
                        results[registration.status] += 1
        finally:
            connection.close()

    workers = [threading.Thread(target=work, args=(chunk,)) for chunk in chunks]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results


if __name__ == "__main__":
    import faulthandler

    # A hang (a lock never released) should fail the test with every thread's stack, not stall CI.
    faulthandler.dump_traceback_later(int(os.environ.get("WORKER_TIMEOUT", "120")), exit=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inzet.settings_test")
    import django

    django.setup()
    event_id, ids, threads, start_at = sys.argv[1:5]
    result = register_all(int(event_id), [int(i) for i in ids.split(",")], int(threads), float(start_at))
    print(json.dumps(result))
