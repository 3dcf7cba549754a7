import datetime
import re
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from reference.loading import DATA_DIR, ReferenceDataError, load_reference
from reference.models import (
    Commission,
    CommissionMembership,
    Country,
    GuidingPrinciple,
    Objective,
    StakeholderCategory,
)

pytestmark = pytest.mark.django_db


def test_load_reference_loads_the_facts_of_the_compact():
    load_reference()
    assert list(Commission.objects.values_list("code", flat=True)) == [
        "ECA",
        "ECE",
        "ECLAC",
        "ESCAP",
        "ESCWA",
    ]
    assert Objective.objects.count() == 23
    groups = {
        rt: sorted(Objective.objects.filter(imrf_roundtable=rt).values_list("number", flat=True))
        for rt in (1, 2, 3, 4)
    }
    assert groups == {
        1: [2, 5, 6, 12, 18],
        2: [4, 8, 9, 10, 11, 13, 21],
        3: [14, 15, 16, 19, 20, 22],
        4: [1, 3, 7, 17, 23],
    }
    assert Country.objects.filter(un_member_state=True).count() == 193
    assert GuidingPrinciple.objects.count() == 10
    assert StakeholderCategory.objects.count() == 15
    assert Country.objects.filter(ldc=True).count() == 44
    assert Country.objects.filter(lldc=True).count() == 32


def test_memberships_are_loaded_per_commission():
    load_reference()
    members = CommissionMembership.objects.filter(kind="member")
    associates = CommissionMembership.objects.filter(kind="associate")
    assert members.filter(commission__code="ECE").count() == 56
    assert members.filter(commission__code="ECA").count() == 54
    assert associates.filter(commission__code="ECLAC").count() == 14
    assert associates.filter(commission__code="ESCAP").count() == 9
    france = Country.objects.get(iso3="FRA")
    assert sorted(france.commissions.values_list("code", flat=True)) == ["ECE", "ECLAC", "ESCAP"]
    assert Country.objects.get(iso3="PSE").un_member_state is False
    assert Country.objects.get(iso3="PRI").un_member_state is False


def test_ldc_status_follows_graduation_dates():
    load_reference()
    laos = Country.objects.get(iso3="LAO")
    assert laos.is_ldc_on(datetime.date(2026, 11, 23)) is True
    assert laos.is_ldc_on(datetime.date(2026, 11, 24)) is False
    vanuatu = Country.objects.get(iso3="VUT")
    assert vanuatu.is_ldc_on(datetime.date(2019, 6, 1)) is True
    assert vanuatu.is_ldc_on(datetime.date(2021, 6, 1)) is False
    assert Country.objects.get(iso3="FRA").is_ldc_on(datetime.date(2020, 1, 1)) is False


def test_names_are_translated_into_the_un_languages():
    load_reference()
    eca = Commission.objects.get(code="ECA")
    objective = Objective.objects.get(number=1)
    with translation.override("fr"):
        assert eca.name.startswith("Commission économique pour l")
    with translation.override("ar"):
        assert any("\u0600" <= ch <= "\u06ff" for ch in eca.name)
        assert any("\u0600" <= ch <= "\u06ff" for ch in objective.title)
    with translation.override("zh-hans"):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in Country.objects.get(iso3="CHN").name)
    with translation.override("ru"):
        assert any("\u0400" <= ch <= "\u04ff" for ch in Country.objects.get(iso3="KEN").name)


def test_second_run_changes_nothing_and_says_so(capsys):
    call_command("load_reference")
    first = capsys.readouterr().out
    snapshot = list(Country.objects.order_by("pk").values())
    call_command("load_reference")
    second = capsys.readouterr().out
    assert "Reference data loaded." in first
    assert "nothing changed" in second
    assert "0 created, 0 updated" in second
    assert list(Country.objects.order_by("pk").values()) == snapshot


def test_a_changed_file_updates_only_what_changed(tmp_path):
    load_reference()
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "gcm_objectives.csv"
    path.write_text(path.read_text().replace("accurate and disaggregated data", "precise data"))
    report = load_reference(data_dir=data)
    assert report.counts["objectives"].updated == 1
    assert report.counts["countries"].changed == 0
    assert "precise data" in Objective.objects.get(number=1).title


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "gcm_objectives.csv",
            "1,Collect",
            "x,Collect",
            "gcm_objectives.csv, line 2, field 'number': 'x' is not a whole number",
        ),
        (
            "ldc_lldc.csv",
            "AFG,Afghanistan,true,true",
            "AFG,Afghanistan,maybe,true",
            "ldc_lldc.csv, line 2, field 'ldc': 'maybe' is not true or false",
        ),
        (
            "commission_membership.csv",
            "AFG,AF,Afghanistan,ESCAP,member",
            "AFG,AF,Afghanistan,ESCAP,observer",
            "commission_membership.csv, line 2, field 'membership'",
        ),
        (
            "commission_membership.csv",
            "AFG,AF,Afghanistan,ESCAP,member",
            "AFG,AF,Afghanistan,XYZ,member",
            "'XYZ' is not in regional_commissions.csv",
        ),
        (
            "gcm_objectives.csv",
            "number,title,imrf_roundtable",
            "number,name,imrf_roundtable",
            "gcm_objectives.csv, line 1, field 'title': column missing from the header",
        ),
    ],
)
def test_malformed_file_is_rejected_and_nothing_loaded(tmp_path, file, old, new, message):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / file
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(ReferenceDataError, match=re.escape(message)):
        load_reference(data_dir=data)
    assert Commission.objects.count() == 0
    assert Country.objects.count() == 0


def test_command_reports_a_malformed_file_clearly(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "gcm_objectives.csv").write_text("number,title,imrf_roundtable\n1,Data,9\n")
    with pytest.raises(CommandError, match=r"^Nothing was loaded") as error:
        call_command("load_reference", data_dir=data)
    assert str(error.value) == (
        "Nothing was loaded. gcm_objectives.csv, line 2, field 'imrf_roundtable': "
        "9 is not between 1 and 4"
    )
