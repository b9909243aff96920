"""Loads the reference data shipped in `places/data/` (sourced from CBS; see SOURCES.md there). Idempotent."""

import csv
from decimal import Decimal
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_places(province_model, municipality_model, postcode_model) -> tuple[int, int, int]:
    with open(DATA_DIR / "gemeenten.csv", encoding="utf-8", newline="") as handle:
        municipalities = list(csv.DictReader(handle))
    provinces = {row["province_code"]: row["province"] for row in municipalities}
    for code, name in provinces.items():
        province_model.objects.update_or_create(code=code, defaults={"name": name})
    for row in municipalities:
        municipality_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "province_id": row["province_code"],
                "lat": float(row["lat"]),
                "lon": float(row["lon"]),
            },
        )
    with open(DATA_DIR / "pc4.csv", encoding="utf-8", newline="") as handle:
        areas = list(csv.DictReader(handle))
    existing = set(postcode_model.objects.values_list("pc4", flat=True))
    new, changed = [], []
    for row in areas:
        area = postcode_model(
            pc4=row["pc4"],
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
            municipality_id=row["gemeente_code"] or None,
            municipality_area_share=Decimal(row["gemeente_area_share"] or "1"),
        )
        (changed if area.pc4 in existing else new).append(area)
    postcode_model.objects.bulk_create(new, batch_size=1000)
    postcode_model.objects.bulk_update(
        changed, ["lat", "lon", "municipality_id", "municipality_area_share"], batch_size=1000
    )
    return len(provinces), len(municipalities), len(areas)
