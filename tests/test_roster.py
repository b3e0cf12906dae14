"""The roster of certified officers (S03)."""

from __future__ import annotations

import pytest

from casereview.roster import RosterError, load_roster


def test_roster_reads_utf8_bom_and_gb18030(tmp_path):
    p = tmp_path / "r.csv"
    p.write_bytes("name,cert_no\n张伟,16010012345\n李 明, 16010012346 \n".encode("utf-8-sig"))
    assert load_roster(p) == {("张伟", "16010012345"), ("李明", "16010012346")}
    g = tmp_path / "g.csv"
    g.write_bytes("cert_no,name\n16010012345,王䶮\n".encode("gb18030"))
    assert load_roster(g) == {("王䶮", "16010012345")}


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("姓名,证号\n张伟,1\n", "第 1 行"),
        ("name,cert_no\n张伟,16010012345\n李明\n", "第 3 行"),
        ("name,cert_no\n张伟,\n", "第 2 行"),
        ("name,cert_no\n张伟,无证\n", "第 2 行"),
        ("", "文件为空"),
    ],
)
def test_bad_roster_names_the_line(tmp_path, content, needle):
    p = tmp_path / "r.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(RosterError) as exc:
        load_roster(p)
    assert needle in str(exc.value)
