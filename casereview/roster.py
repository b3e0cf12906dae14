"""The roster of certified enforcement officers (name, cert_no), which enables S03."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from casereview.text.normalize import compact


class RosterError(ValueError):
    """A roster that cannot be used; the message names the line."""


def load_roster(path: str | Path) -> frozenset[tuple[str, str]]:
    """Read a CSV with the columns ``name`` and ``cert_no`` (UTF-8, UTF-8 BOM or GB18030)."""
    data = Path(path).read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RosterError(f"{path}: 无法识别文件编码（应为 UTF-8 或 GB18030）")
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise RosterError(f"{path}: 文件为空，应有表头 name,cert_no") from None
    if "name" not in header or "cert_no" not in header:
        raise RosterError(f"{path} 第 1 行：表头应包含 name 和 cert_no 两列，实际为 {','.join(header)}")
    i_name, i_cert = header.index("name"), header.index("cert_no")
    out = set()
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise RosterError(f"{path} 第 {line_no} 行：应有 {len(header)} 列，实际 {len(row)} 列")
        name, cert = compact(row[i_name]), compact(row[i_cert])
        if not name or not cert:
            raise RosterError(f"{path} 第 {line_no} 行：姓名或执法证号为空")
        if not any(ch.isdigit() for ch in cert):
            raise RosterError(f"{path} 第 {line_no} 行：执法证号“{row[i_cert]}”不含数字，不是有效的证号")
        out.add((name, cert))
    if not out:
        raise RosterError(f"{path}: 名单中没有任何执法人员")
    return frozenset(out)
