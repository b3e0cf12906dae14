"""samples/README.md, written from the case data so it never drifts from the files."""

from __future__ import annotations

HEAD = """# Sample case files

Realistic, entirely fictional case files (行政处罚案卷, general procedure) of county agencies of
eight sectors (市场监管, 生态环境, 交通运输, 城管 / 综合执法 including a township government,
农业农村, 应急管理, 卫生健康, 文化旅游), each in its own house style drawn from its sector's
national templates, for demos, tests and accuracy benchmarks of casereview. All agencies,
counties, people, companies, ID numbers (valid check digits) and credit codes are invented;
phone numbers are masked (`139****2817`).

- `cases/` is a **batch**: each direct child is one case (a folder, a bound `.pdf` / `.docx`,
  or a `.zip`).
- `truth/<case_id>.json` is the ground truth of each case, written from the same data the
  documents are rendered from (never by parsing the output): summary, every document with
  type, title, source file, PDF pages, date, 文号 and fields, and `breaks`, the exact set of
  requirement codes (../shared/spec/requirements.md) the case fails.

Regenerate (deterministic; ~3–5 minutes, mostly LibreOffice):

```
python samples/generate.py                 # all cases, README included
python samples/generate.py --only np-shijian-2024-036
```

It needs python-docx, Pillow, pypdfium2, LibreOffice (`soffice`) and the Debian CJK fonts
(fonts-noto-cjk, fonts-arphic-uming); `gen/fonts.conf` maps 宋体/仿宋_GB2312/黑体/方正小标宋简体
to them for the conversion. The generator re-decides every code from the truth files with an
independent reading of the spec (`gen/oracle.py`) and stops with `PROBLEM:` lines if a case
breaks a code it was not meant to (or misses one), if a file does not open, or if the PDF
pages in the truth do not match the PDFs.

## The cases

"""

NOTES = """
## What the parser authors should know

- **Document order.** `documents` in a truth file are in file order: page order for bound
  files, and for folders / the zip the logical order of the 卷内目录, which is *not* always the
  text order of the file names (`材料10.docx` sorts before `材料2.docx`; `10.案件处理审批表.pdf`
  before `2.目录.pdf`). Types must come from the content: several cases use uninformative names
  (`扫描件_0007.pdf`, `材料5.docx`, `03.pdf`) and two receipts in one folder may share a name stem.
- **Pages.** `pages` lists every 1-based PDF page a document occupies (`null` for .docx, .txt,
  .jpg and zip members). In bound PDFs each document starts on a new page; the cover and the
  卷内目录 carry no page number, the body is numbered from 1 in the footer (so printed numbers and
  PDF page indexes differ), the 卷内备考表 is unnumbered. The 页号 column of the 卷内目录 uses
  the printed (archive) numbering. Folder cases number each file from 1.
- **Titles.** Agency line, then the title, then the 文号 line. Some titles are letter-spaced with
  real spaces (`行 政 处 罚 案 卷`), others with character spacing (no spaces in the text; PDF
  extraction may still insert them). Variants used: 行政处罚告知书 / 行政处罚事先告知书 /
  行政处罚事先（听证）告知书 (an advance_notice that includes the hearing right, not a
  hearing_notice); 立案审批表 / 立案呈批表; 现场检查笔录 / 现场检查（勘验）笔录; 询问笔录 /
  调查询问笔录; 案件调查终结报告 / 案件调查报告 / 案件处理审批表; 结案审批表 / 结案报告;
  法制审核意见书 / 重大执法决定法制审核表; 案件集体讨论记录 / 重大案件集体讨论笔录;
  线索登记表; 公示截图说明; 执法全过程记录说明; 听证申请书 (statement_record with
  `hearing_requested`); 陈述申辩笔录 / 陈述申辩书 / 放弃陈述申辩声明. The later agencies add
  现场检查记录 (应急) and 现场笔录 (卫生) (inspection_record); 案件受理记录, 投诉举报登记表,
  举报登记表 (case_source); 立案报告 (filing_approval); 案件处理呈批表, 案件调查终结审批表
  (investigation_report); 陈述申辩告知书 and 违法行为通知书 (advance_notice);
  行政处罚听证告知书 — a separate notice of the hearing right only, a hearing_notice with
  `hearing_date` null; 重大执法决定集体讨论记录; 送达回执 and 邮寄送达回执 (the post office's
  return receipt) (service_receipt); 网上银行电子回单 and 非税收入电子票据 (payment_proof);
  放弃陈述申辩及听证权利声明 / 放弃陈述、申辩权利声明书.
- **Officers on records.** A record's `officers` lists every officer it names, wherever: rows
  `执法人员 | 张三 | 执法证号 | …` (the next officer in the row below, the label cell merged),
  one labelled row per officer (`检查人`, `勘验人`, `调查人`, `承办人`), a `询问人` row and a
  separate `记录人` row (the recorder is an officer too), only the opening statement
  (`我们是…执法人员张三、李四，执法证号分别为…`), or only the signature line
  (`卫生监督员（签名）：谷晓燕（执法证号：豫卫执141207） …`). Certificate numbers take many forms:
  10, 11 or 8 digits, `NY36112600214`, `CG-0512-033`, `WH-3624-0117`, `NYZF-3611-0093`, with a
  province/sector prefix (`鲁交执3717150`, `陕HB21047`, `豫卫执141207`) or as `应急执字第0021号`;
  `cert_no` is the number as printed, prefix included. Officers are 卫生监督员 in health.
- **Signatures.** `signature_kind` says how the party's / recipient's signature was rendered:
  `text` (typed name in the signature field), `image` (a handwriting picture: an inline PNG in
  the run right after the label, e.g. `被询问人签名：` or in the table cell `受送达人签名或盖章`),
  `blank` (nothing after the label). Later styles put the signature in the table cell next to
  its label (`被询问人签名 | [picture] | 日期 | …`, `受送达人签名（盖章） | [empty]`). Officers sign the
  same three ways (`officers_signed` lists who did), sometimes side by side after one label.
  Approval forms may sign each approval on one line (`承办人：孟凡军 葛晓宁  2024 年 3 月 6 日`);
  `signer` joins the names with 、 however they are printed. In PDFs the pictures are image
  XObjects placed after the label text.
- **Service.** Besides 送达回证: 送达回执; a 签收栏 at the foot of a notice (the recipient signs in
  the cell beside 受送达人签名 / 当事人签名: the notice's `recipient_signed` and `receipt_date`); the
  post office's 邮寄送达回执 (EMS number, 交寄日期, the recipient's signature and 签收日期 = the
  service date); one 送达回证 may serve two documents (`served_types`).
- **Seals.** A red round stamp PNG (RGBA, transparent) in the 落款 of decisions, notices,
  hearing notices and preservation documents; `seal_mode` per agency: *inline* (its own
  right-aligned paragraph above the agency name: `doc.inline_shapes` sees it) or *float*
  (a `wp:anchor` drawing over the agency name: **not** in `inline_shapes`; look for
  `w:drawing` / `wp:anchor` or red pixels on the page). Payment vouchers carry the bank's stamp;
  lab reports the lab's stamp. `seal: false` in the truth means the document has none (G03).
- **Numbers.** `case_number` is the 文号 printed on the document (own header number, or the
  处罚决定书文号 stated on covers, closure reports, payment vouchers and publicity records).
  Within one case the document kinds have different prefixes but share year and serial
  (`青市监罚告〔2024〕17号`, `青市监处罚〔2024〕17号`, `青市监先保〔2024〕17号`): that is normal
  and not a C02 failure; C02 is a different year/serial (`第32号` vs `第23号`). Brackets vary
  (〔〕), some agencies write `第N号` or zero-pad (`009号`). Numbers of documents from other
  bodies or of a different series (lab report `临环监字〔2024〕第0412号`, weighing slip
  `临超检字〔2024〕第0912036号`, voucher `No.…`) are not case numbers: `case_number` is null there.
- **Dates.** Forms use `2024年3月5日`, `2024年03月05日`, `2024-03-05`, `2024.3.5`,
  `2024/03/05` or `2024 年 3 月 5 日` per agency; 落款 of decisions and notices mostly
  `二〇二四年三月五日`, else `2024年4月30日`; the 卷内目录 may use `20240305`;
  times `2024年3月5日9时30分`, `2024年09月12日 10:20`, `2024-05-23 09:30`, `2024/04/23 10:00`,
  `2024.4.9 10:20` or `2024 年 3 月 5 日 9 时 30 分`. A record's `date` is its start date;
  a receipt's is the service date; an approval form's is its last approval date.
- **Amounts.** `人民币伍万元整（¥50,000.00）`, `280000元（大写：贰拾捌万元整）`,
  `罚款人民币贰仟元整`, `罚款6800元`, `伍仟元整`, `罚款1.3万元`, `¥8,000.00`,
  `¥1,261.50（壹仟贰佰陆拾壹元伍角）`, `2万元` with `885.95元`. `amounts_words` / `amounts_figures` list, pair
  by pair, the sums a document states both ways. `confiscation_yuan` is the 违法所得 confiscated
  (money); confiscated goods (没收非法财物) are described, not valued.
- **Party kinds.** `party_kind` is `organization` for companies and for 个体工商户 trading under a shop's
  name, `person` for natural persons; `individual_business` marks a 个体工商户, which counts as a natural
  person for the hearing thresholds (`party_subtype` names the kind). 个体工商户 fines are kept below the
  10000 person threshold, so no case depends on how they are classed — except
  `fa-nongye-2024-012`, where the hearing is due because of 吊销许可证件.
- **Citations.** `cited_laws` / `summary.legal_basis` hold the violated provision and the penalty
  basis as printed (plus a mitigation article where the decision cites one); `summary.violated` holds the
  provision violated (违反了…) and `summary.penalty_basis` the ones the penalty is imposed under (依据…). Facts may name
  standards in 书名号 (《陶瓷工业污染物排放标准》（GB 25464-2010）): not legal basis, not D04.
- **Payment.** Decisions name a bank, the fines account (户名 / 开户行 / 账号), a bank's outlets
  (持本决定书到…各营业网点缴纳) or the non-tax e-payment platform and its 缴款码;
  `payment_place` is that bank or platform, null when the decision says only
  十五日内缴纳罚款 (D05).
- **Index.** The 卷内目录 lists titles as printed or shortened and spelled another way
  (询问笔录（邵宏伟）, 现场笔录, 告知书, 处罚决定书), with or without 文号 (own numbers of notices
  and decisions only), 责任者 and 备注 columns, pages as `3-4`, `3—4` or `第3-4页`; `listed`
  holds the 题名 column as printed.
- **How the oracle reads the looser codes.** T07 checks service before the served document's date,
  closure / payment / publicity before the decision, and a notice after the decision; a legal
  review or collective discussion after the decision is L03 / L05 only. T03 counts a statement,
  written defence or waiver dated before the decision as the party's statement. N06 accepts a
  送达回证 for the notice or a signed 回执 on the notice itself. P02 needs any av_record when a
  hearing, 留置送达 or seizure is in the file. S03 is `na` (no roster is shipped). A04 counts an
  index entry as held when, ignoring bracketed additions and 复印件, one title is the other with
  characters left out (决定书 / 行政处罚决定书, 现场笔录 / 现场检查笔录). N04 is met by a
  行政处罚听证告知书 as by a hearing right stated in the advance notice.
- **Formats.** `.txt` files are UTF-8 (`lc-jiaotong-2024-027`, `nc-huanjing-2024-033`) or GB18030 with CRLF
  (`lc-nongye-2024-012`); `lc-nongye-2024-012/现场照片.jpg` is a scanned page with no text
  layer (`needs_ocr: true`). The zip has one top folder and UTF-8 member names.
- **Not covered.** No case breaks S03 (needs a roster), E01, E02, N03, H01, L02, L04, D01–D03,
  D07 or T05. No seizure (查封扣押), compulsory execution, 90-day count with excluded
  periods (testing, hearing time) or 2023/2025 dates appear (the work calendar covers 2024).
"""


def write_readme(path, cases, truths):
    lines = [
        HEAD,
        "| case id | agency | sector | format | breaks | what is wrong |",
        "|---|---|---|---|---|---|",
    ]
    for c, t in zip(cases, truths, strict=False):
        brk = ", ".join(t["breaks"]) or "— (clean)"
        note = c.notes.replace("|", "/").replace("\n", " ")
        lines.append(f"| `{c.case_id}` | {c.agency.name} | {c.agency.sector} | {c.fmt} | {brk} | {note} |")
    covered = sorted({b for t in truths for b in t["breaks"]})
    lines.append("")
    lines.append(
        f"{len(cases)} cases, {sum(1 for t in truths if not t['breaks'])} clean. "
        f"Codes broken somewhere: {', '.join(covered)}."
    )
    lines.append(NOTES)
    path.write_text("\n".join(lines), encoding="utf-8")
