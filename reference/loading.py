"""Load the reference data files into the database.

Every file is read and checked before anything is written: a malformed file raises
ReferenceDataError naming file, line and field, and the database is left as it was.
Loading is idempotent: rows already equal to the files are left untouched and counted as such.
"""

import csv
import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction
from modeltranslation.utils import build_localized_fieldname

from reference.enums import MembershipKind
from reference.models import (
    Commission,
    CommissionMembership,
    Country,
    GuidingPrinciple,
    Objective,
    StakeholderCategory,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


class ReferenceDataError(Exception):
    def __init__(self, file: str, line: int, column: str, message: str):
        self.file, self.line, self.column, self.message = file, line, column, message
        super().__init__(f"{file}, line {line}, field '{column}': {message}")


# Parsers of one cell: take the raw text, return the value or raise ValueError with the reason.


def text(raw: str) -> str:
    if not raw.strip():
        raise ValueError("must not be empty")
    return raw.strip()


def optional_text(raw: str) -> str:
    return raw.strip()


def boolean(raw: str) -> bool:
    value = raw.strip().lower()
    if value not in {"true", "false"}:
        raise ValueError(f"'{raw}' is not true or false")
    return value == "true"


def code(length: int) -> Callable[[str], str]:
    pattern = re.compile(rf"[A-Z]{{{length}}}")

    def parse(raw: str) -> str:
        if not pattern.fullmatch(raw.strip()):
            raise ValueError(f"'{raw}' is not a code of {length} capital letters")
        return raw.strip()

    return parse


def whole_number(low: int, high: int, required: bool = True) -> Callable[[str], int | None]:
    def parse(raw: str) -> int | None:
        if not raw.strip() and not required:
            return None
        try:
            value = int(raw.strip())
        except ValueError:
            raise ValueError(f"'{raw}' is not a whole number") from None
        if not low <= value <= high:
            raise ValueError(f"{value} is not between {low} and {high}")
        return value

    return parse


def optional_date(raw: str) -> datetime.date | None:
    if not raw.strip():
        return None
    try:
        return datetime.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"'{raw}' is not a date in the form YYYY-MM-DD") from None


def slug(raw: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", raw.strip()):
        raise ValueError(f"'{raw}' is not a lower-case identifier")
    return raw.strip()


def choice(values: set[str]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw.strip() not in values:
            raise ValueError(f"'{raw}' is not one of {', '.join(sorted(values))}")
        return raw.strip()

    return parse


@dataclass
class Row:
    file: str
    line: int
    values: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def error(self, column: str, message: str) -> ReferenceDataError:
        return ReferenceDataError(self.file, self.line, column, message)


def read_rows(path: Path, columns: dict[str, Callable[[str], Any]]) -> list[Row]:
    name = path.name
    if not path.exists():
        raise ReferenceDataError(name, 0, "-", "file not found")
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ReferenceDataError(name, 0, "-", f"not UTF-8 text ({error.reason})") from None
    reader = csv.reader(content.splitlines())
    header = next(reader, None)
    if header is None:
        raise ReferenceDataError(name, 1, "-", "the file is empty")
    missing = [column for column in columns if column not in header]
    if missing:
        raise ReferenceDataError(name, 1, missing[0], "column missing from the header")
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise ReferenceDataError(
                name, line, "-", f"{len(cells)} cells where the header has {len(header)}"
            )
        record = dict(zip(header, cells, strict=True))
        values = {}
        for column, parse in columns.items():
            try:
                values[column] = parse(record[column])
            except ValueError as error:
                raise ReferenceDataError(name, line, column, str(error)) from None
        rows.append(Row(name, line, values))
    return rows


def unique(rows: list[Row], *columns: str) -> None:
    seen = set()
    for row in rows:
        key = tuple(row[column] for column in columns)
        if key in seen:
            raise row.error(columns[-1], f"'{'/'.join(map(str, key))}' appears twice")
        seen.add(key)


@dataclass
class ModelCount:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.removed


@dataclass
class LoadReport:
    counts: dict[str, ModelCount] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(count.changed for count in self.counts.values())

    def lines(self) -> Iterator[str]:
        for label, count in self.counts.items():
            yield (
                f"{label}: {count.created} created, {count.updated} updated, "
                f"{count.unchanged} unchanged, {count.removed} removed"
            )


@dataclass
class ReferenceData:
    """Everything in the files, checked, keyed by natural key, as field values."""

    commissions: dict[str, dict[str, Any]]
    countries: dict[str, dict[str, Any]]
    memberships: dict[tuple[str, str], str]
    objectives: dict[int, dict[str, Any]]
    principles: dict[str, dict[str, Any]]
    categories: dict[str, dict[str, Any]]


def _localized(field_name: str, english: str, translations: dict[str, str]) -> dict[str, str]:
    values = {field_name: english, build_localized_fieldname(field_name, "en"): english}
    for language in TRANSLATED_LANGUAGES:
        values[build_localized_fieldname(field_name, language)] = translations.get(language, "")
    return values


def read_reference_data(data_dir: Path = DATA_DIR) -> ReferenceData:
    commission_rows = read_rows(
        data_dir / "regional_commissions.csv",
        {"code": text, "name": text, "headquarters": optional_text, "website": optional_text},
    )
    unique(commission_rows, "code")
    membership_rows = read_rows(
        data_dir / "commission_membership.csv",
        {
            "iso3": code(3),
            "iso2": code(2),
            "country_name": text,
            "commission": text,
            "membership": choice(set(MembershipKind.values)),
        },
    )
    unique(membership_rows, "iso3", "commission")
    m49_rows = read_rows(
        data_dir / "m49_subregions.csv",
        {"iso3": code(3), "country_name": text, "m49_region": text, "m49_subregion": text},
    )
    unique(m49_rows, "iso3")
    ldc_rows = read_rows(
        data_dir / "ldc_lldc.csv",
        {
            "iso3": code(3),
            "country_name": text,
            "ldc": boolean,
            "lldc": boolean,
            "ldc_graduation_year": whole_number(1971, 2100, required=False),
            "ldc_graduation_date": optional_date,
        },
    )
    unique(ldc_rows, "iso3")
    observer_rows = read_rows(
        data_dir / "non_member_states.csv", {"iso3": code(3), "country_name": text, "status": text}
    )
    objective_rows = read_rows(
        data_dir / "gcm_objectives.csv",
        {"number": whole_number(1, 23), "title": text, "imrf_roundtable": whole_number(1, 4)},
    )
    unique(objective_rows, "number")
    principle_rows = read_rows(
        data_dir / "gcm_guiding_principles.csv",
        {"slug": slug, "title": text, "description": optional_text},
    )
    unique(principle_rows, "slug")
    category_rows = read_rows(
        data_dir / "stakeholder_categories.csv", {"slug": slug, "label": text}
    )
    unique(category_rows, "slug")
    translation_rows = read_rows(
        data_dir / "translations.csv",
        {
            "kind": choice(
                {
                    "commission",
                    "objective",
                    "principle",
                    "stakeholder_category",
                    "country",
                    "m49_area",
                }
            ),
            "key": text,
            "field": text,
            **{language.replace("-", "_"): optional_text for language in TRANSLATED_LANGUAGES},
        },
    )
    unique(translation_rows, "kind", "key", "field")

    translations: dict[tuple[str, str, str], dict[str, str]] = {}
    for row in translation_rows:
        translations[(row["kind"], row["key"], row["field"])] = {
            language: row[language.replace("-", "_")] for language in TRANSLATED_LANGUAGES
        }

    def translated(kind: str, key: Any, field_name: str, english: str) -> dict[str, str]:
        return _localized(field_name, english, translations.get((kind, str(key), field_name), {}))

    commissions = {}
    for position, row in enumerate(commission_rows):
        commissions[row["code"]] = {
            **translated("commission", row["code"], "name", row["name"]),
            **translated("commission", row["code"], "headquarters", row["headquarters"]),
            "website": row["website"],
            "position": position,
        }

    m49 = {row["iso3"]: row for row in m49_rows}
    {row["iso3"]: row for row in ldc_rows}
    non_members = {row["iso3"] for row in observer_rows}
    countries: dict[str, dict[str, Any]] = {}
    memberships: dict[tuple[str, str], str] = {}
    iso2_of: dict[str, str] = {}
    for row in membership_rows:
        if row["commission"] not in commissions:
            raise row.error(
                "commission", f"'{row['commission']}' is not in regional_commissions.csv"
            )
        if iso2_of.setdefault(row["iso3"], row["iso2"]) != row["iso2"]:
            raise row.error("iso2", f"{row['iso3']} has two different alpha-2 codes")
        if row["iso3"] not in m49:
            raise row.error("iso3", f"{row['iso3']} has no row in m49_subregions.csv")
        memberships[(row["commission"], row["iso3"])] = row["membership"]
        if row["iso3"] not in countries:
            region, subregion = m49[row["iso3"]]["m49_region"], m49[row["iso3"]]["m49_subregion"]
            countries[row["iso3"]] = {
                "iso2": row["iso2"],
                **translated("country", row["iso3"], "name", row["country_name"]),
                **_rename(translated("m49_area", region, "name", region), "name", "m49_region"),
                **_rename(
                    translated("m49_area", subregion, "name", subregion), "name", "m49_subregion"
                ),
                "ldc": False,
                "lldc": False,
                "ldc_graduation_year": None,
                "ldc_graduation_date": None,
                "un_member_state": False,
            }
        if row["membership"] == MembershipKind.MEMBER and row["iso3"] not in non_members:
            countries[row["iso3"]]["un_member_state"] = True
    for row in ldc_rows:
        if row["iso3"] not in countries:
            raise row.error("iso3", f"{row['iso3']} is in no commission_membership.csv row")
        if (
            row["ldc_graduation_date"]
            and row["ldc_graduation_date"].year != row["ldc_graduation_year"]
        ):
            raise row.error("ldc_graduation_date", "does not fall in ldc_graduation_year")
        countries[row["iso3"]].update(
            ldc=row["ldc"],
            lldc=row["lldc"],
            ldc_graduation_year=row["ldc_graduation_year"],
            ldc_graduation_date=row["ldc_graduation_date"],
        )
    for row in observer_rows:
        if row["iso3"] not in countries:
            raise row.error("iso3", f"{row['iso3']} is in no commission_membership.csv row")

    objectives = {
        row["number"]: {
            **translated("objective", row["number"], "title", row["title"]),
            "imrf_roundtable": row["imrf_roundtable"],
        }
        for row in objective_rows
    }
    if sorted(objectives) != list(range(1, 24)):
        missing = sorted(set(range(1, 24)) - set(objectives))
        raise ReferenceDataError(
            "gcm_objectives.csv", 0, "number", f"objectives {missing} are missing: the GCM has 23"
        )
    principles = {
        row["slug"]: {
            **translated("principle", row["slug"], "title", row["title"]),
            **translated("principle", row["slug"], "description", row["description"]),
            "position": position,
        }
        for position, row in enumerate(principle_rows)
    }
    categories = {
        row["slug"]: {
            **translated("stakeholder_category", row["slug"], "label", row["label"]),
            "position": position,
        }
        for position, row in enumerate(category_rows)
    }
    return ReferenceData(commissions, countries, memberships, objectives, principles, categories)


def _rename(values: dict[str, str], old: str, new: str) -> dict[str, str]:
    return {key.replace(old, new, 1): value for key, value in values.items()}


def _sync(
    model: type[models.Model], key_field: str, wanted: dict[Any, dict[str, Any]]
) -> ModelCount:
    count = ModelCount()
    existing = {getattr(obj, key_field): obj for obj in model.objects.all()}
    to_create, to_update, changed_fields = [], [], set()
    for key, values in wanted.items():
        obj = existing.get(key)
        if obj is None:
            to_create.append(model(**{key_field: key}, **values))
            continue
        differing = [name for name, value in values.items() if getattr(obj, name) != value]
        if differing:
            for name in differing:
                setattr(obj, name, values[name])
            changed_fields.update(differing)
            to_update.append(obj)
        else:
            count.unchanged += 1
    model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields))
    count.created, count.updated = len(to_create), len(to_update)
    return count


def _sync_memberships(memberships: dict[tuple[str, str], str]) -> ModelCount:
    count = ModelCount()
    commission_ids = dict(Commission.objects.values_list("code", "id"))
    country_ids = dict(Country.objects.values_list("iso3", "id"))
    existing = {
        (membership.commission.code, membership.country.iso3): membership
        for membership in CommissionMembership.objects.select_related("commission", "country")
    }
    to_create, to_update = [], []
    for (commission, iso3), kind in memberships.items():
        membership = existing.pop((commission, iso3), None)
        if membership is None:
            to_create.append(
                CommissionMembership(
                    commission_id=commission_ids[commission],
                    country_id=country_ids[iso3],
                    kind=kind,
                )
            )
        elif membership.kind != kind:
            membership.kind = kind
            to_update.append(membership)
        else:
            count.unchanged += 1
    CommissionMembership.objects.bulk_create(to_create)
    CommissionMembership.objects.bulk_update(to_update, ["kind"])
    # A membership no longer in the file has ended.
    CommissionMembership.objects.filter(pk__in=[m.pk for m in existing.values()]).delete()
    count.created, count.updated, count.removed = len(to_create), len(to_update), len(existing)
    return count


def load_reference(*, data_dir: Path = DATA_DIR) -> LoadReport:
    """Read and check every file, then bring the database in line with them in one transaction."""
    data = read_reference_data(data_dir)
    report = LoadReport()
    with transaction.atomic():
        report.counts["commissions"] = _sync(Commission, "code", data.commissions)
        report.counts["countries"] = _sync(Country, "iso3", data.countries)
        report.counts["memberships"] = _sync_memberships(data.memberships)
        report.counts["objectives"] = _sync(Objective, "number", data.objectives)
        report.counts["guiding principles"] = _sync(GuidingPrinciple, "slug", data.principles)
        report.counts["stakeholder categories"] = _sync(
            StakeholderCategory, "slug", data.categories
        )
    return report
