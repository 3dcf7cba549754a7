"""The three cost categories of Annex 4, in the six languages."""

from django.db import migrations

CATEGORIES = [
    {
        "code": "ldc_lldc_travel",
        "basis": "participant",
        "default_per_diem_days": 3,
        "funds_ldc_travel": True,
        "position": 10,
        "name": {
            "en": "Travel of participants from LDCs and LLDCs (per diem and flights)",
            "fr": "Voyage des participants des PMA et des PDSL (indemnité journalière et vols)",
            "es": "Viajes de participantes de PMA y PDSL (viáticos y vuelos)",
            "ru": "Поездки участников из НРС и РСНВМ (суточные и авиабилеты)",
            "zh_hans": "最不发达国家和内陆发展中国家与会者的差旅(每日生活津贴和机票)",
            "ar": "سفر المشاركين من أقل البلدان نمواً والبلدان النامية غير الساحلية (بدل الإقامة اليومي وتذاكر الطيران)",
        },
    },
    {
        "code": "stakeholder_travel",
        "basis": "participant",
        "default_per_diem_days": 4,
        "funds_ldc_travel": False,
        "position": 20,
        "name": {
            "en": "Travel of stakeholder participants (per diem and flights)",
            "fr": "Voyage des participants des parties prenantes (indemnité journalière et vols)",
            "es": "Viajes de participantes de las partes interesadas (viáticos y vuelos)",
            "ru": "Поездки участников от заинтересованных сторон (суточные и авиабилеты)",
            "zh_hans": "利益攸关方与会者的差旅(每日生活津贴和机票)",
            "ar": "سفر المشاركين من أصحاب المصلحة (بدل الإقامة اليومي وتذاكر الطيران)",
        },
    },
    {
        "code": "conference_costs",
        "basis": "lump_sum",
        "default_per_diem_days": None,
        "funds_ldc_travel": False,
        "position": 30,
        "name": {
            "en": "Conference costs",
            "fr": "Frais de conférence",
            "es": "Gastos de la conferencia",
            "ru": "Расходы на проведение конференции",
            "zh_hans": "会议费用",
            "ar": "تكاليف المؤتمر",
        },
    },
]


def add_categories(apps, schema_editor):
    BudgetCategory = apps.get_model("budgets", "BudgetCategory")
    for data in CATEGORIES:
        names = {f"name_{language}": name for language, name in data["name"].items()}
        BudgetCategory.objects.update_or_create(
            code=data["code"],
            defaults={
                "name": data["name"]["en"],
                **names,
                "basis": data["basis"],
                "default_per_diem_days": data["default_per_diem_days"],
                "funds_ldc_travel": data["funds_ldc_travel"],
                "position": data["position"],
                "built_in": True,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("budgets", "0001_initial")]

    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]
