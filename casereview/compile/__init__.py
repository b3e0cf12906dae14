"""The justice bureau's compilation (``casereview compile``) and the random draw (``casereview sample``).

| module | what |
| --- | --- |
| ``periods`` | review periods (2024Q3, 2024H2, 2024): parsing, containment, the previous period, the one dates lie in |
| ``load`` | reading and checking results files; a file's period (recorded, ``--period``, or from its decision dates) |
| ``store`` | the SQLite results store: imports, cases, findings; versioned schema, upserts in one transaction |
| ``rubrics`` | the rubrics behind the figures: grade sets and bands, veto items, titles and categories |
| ``stats`` | per-department figures, ranking, 不合格/优秀 files, problems by category (veto items first), comparison |
| ``coverage`` | self-review coverage per quarter and county reviews per half-year |
| ``workbook`` | ``compile.xlsx`` (汇总, 单位排名, 问题统计, 覆盖情况, one 整改台账 per department) |
| ``bulletin`` | ``bulletin.docx``: a draft 评查情况通报 |
| ``sampling`` | the stratified, seeded draw of files to review (``sample``) |
"""

from __future__ import annotations


class CompileError(Exception):
    """A problem the user must fix (bad results file, locked or newer store, bad period); Chinese message."""
