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


# --- Lists for people: Czech alphabetical order, the regional offices --------------------------------------------

# The office that mediates foster care and adoption in each region (by VÚSC code). Prague's regional office
# is its City Hall (Magistrát hlavního města Prahy).
REGIONAL_OFFICES = {
    19: "Magistrát hlavního města Prahy",
    27: "Krajský úřad Středočeského kraje",
    35: "Krajský úřad Jihočeského kraje",
    43: "Krajský úřad Plzeňského kraje",
    51: "Krajský úřad Karlovarského kraje",
    60: "Krajský úřad Ústeckého kraje",
    78: "Krajský úřad Libereckého kraje",
    86: "Krajský úřad Královéhradeckého kraje",
    94: "Krajský úřad Pardubického kraje",
    108: "Krajský úřad Kraje Vysočina",
    116: "Krajský úřad Jihomoravského kraje",
    124: "Krajský úřad Olomouckého kraje",
    132: "Krajský úřad Moravskoslezského kraje",
    141: "Krajský úřad Zlínského kraje",
}


def regional_office_name(region) -> str:
    """ "Krajský úřad Jihomoravského kraje" for a region (its own name when the code is unknown)."""
    return REGIONAL_OFFICES.get(region.code, str(region))


def regions_in_czech_order():
    """Every region, in Czech alphabetical order (the database cannot collate cs-CZ everywhere)."""
    from nrp.core.czech import czech_sorted
    from nrp.core.models import Region

    return czech_sorted(Region.objects.all(), key=lambda r: r.name)


def orps_in_czech_order(queryset=None, *, region_ids=None):
    """ORP in Czech alphabetical order, all of them or those of ``region_ids``."""
    from nrp.core.czech import czech_sorted
    from nrp.core.models import Orp

    qs = queryset if queryset is not None else Orp.objects.select_related("region")
    if region_ids is not None:
        qs = qs.filter(region_id__in=list(region_ids))
    return czech_sorted(qs, key=lambda o: o.name)


def orp_choices_by_region(*, region_ids=None, empty_label: str | None = "---------") -> list:
    """Choices grouped by region (optgroups), regions and ORP in Czech order: a 206-item list made findable."""
    from nrp.core.czech import czech_sorted

    groups: dict = {}
    for orp in orps_in_czech_order(region_ids=region_ids):
        groups.setdefault(orp.region, []).append((orp.pk, orp.name))
    choices: list = [("", empty_label)] if empty_label is not None else []
    for region in czech_sorted(groups, key=lambda r: r.name):
        choices.append((region.name, groups[region]))
    return choices
