"""Load the project's copy of the official region and ORP list (data/orp.csv; sources in ORP_SOURCES.md)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

ORP_CSV = Path(__file__).resolve().parent / "data" / "orp.csv"


def read_orp_rows() -> list[dict]:
    with ORP_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_reference_data(region_model, orp_model) -> None:
    """Create or update every region and ORP from the CSV (idempotent; used by the data migration)."""
    rows = read_orp_rows()
    regions = {}
    for row in rows:
        code = int(row["region_code"])
        if code not in regions:
            regions[code], _ = region_model.objects.update_or_create(
                code=code, defaults={"name": row["region_name"], "nuts3": row["nuts3"]}
            )
    for row in rows:
        orp_model.objects.update_or_create(
            code=row["orp_code"],
            defaults={
                "name": row["orp_name"],
                "region": regions[int(row["region_code"])],
                "lat": Decimal(row["lat"]),
                "lon": Decimal(row["lon"]),
                "ruian_code": int(row["ruian_orp_code"]),
            },
        )
