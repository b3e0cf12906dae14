"""The workspace end to end in a real browser: ``casereview serve --demo`` driven by headless Chromium.

One server (a subprocess, its own data directory and SQLite database) and one
browser serve the whole module; the tests run in file order as one story:

1. a department user signs in and sees the self-check round (not the county round);
2. uploads a zip of a sample case through the page's file input and waits until
   the background review shows 已评查 with a score;
3. opens the case, follows a finding's evidence link: the page picture loads and
   its quote is highlighted (the caption says so, the PNG has the highlight colours);
4. settles a passed item as 不符合 with a note: the score drops, the audit record shows;
5. downloads the .xlsx sheet with the browser's session: the case and the settled item are in it;
6. another department's user sees neither the case in the round nor its page (404);
7. the administrator opens the round's figures: the ranking table.

Screenshots of the main pages go to ``$CASEREVIEW_SCREENSHOTS`` (the ones in
docs/screenshots/ are made so) or a temporary folder. Skipped only when
/usr/bin/chromedriver is missing (Debian's chromium-driver; CI installs it).
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.web.support import ROOT, SAMPLES

CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM = Path("/usr/bin/chromium")
DEMO_PASSWORD = "casereview-demo"
SAMPLE = "fa-nongye-2024-012"  # a folder of text PDFs with findings whose evidence sits on a PDF page
CASE_ID = f"e2e-{SAMPLE}"  # uploaded under its own name: the demo round holds the sample itself too
START_TIMEOUT = 180  # seconds for the server to migrate, load the demo and listen
REVIEW_TIMEOUT = 300  # the upload waits behind the demo's ~25 queued cases (about 2-3 s each)
NOTE = "浏览器复核：原件核对后认定不符合"

pytestmark = pytest.mark.skipif(
    not CHROMEDRIVER.exists(), reason="/usr/bin/chromedriver is missing (apt-get install chromium-driver)"
)


# -- the server -------------------------------------------------------------------------------------------


@dataclass
class Server:
    url: str
    accounts: dict[str, str]  # department name -> demo username
    proc: subprocess.Popen
    log: Path
    lines: list[str] = field(default_factory=list)

    def tail(self) -> str:
        err = self.log.read_text("utf-8", errors="replace")[-3000:] if self.log.exists() else ""
        return "\n".join(self.lines[-20:]) + "\n--- stderr ---\n" + err


def _start(data: Path, log: Path) -> Server:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("CASEREVIEW_DB", None)  # its own SQLite in ``data``, never the test process's database
    cmd = [
        sys.executable,
        "-m",
        "casereview.cli",
        "serve",
        "--demo",
        "--data",
        str(data),
        "--port",
        "0",
        "--ocr",
        "off",
    ]
    with log.open("wb") as err:
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            start_new_session=True,
        )  # its own process group, killed as one
    lines: list[str] = []
    ready = threading.Event()
    found: dict[str, str] = {}

    def read() -> None:  # keeps draining stdout for the server's whole life
        for raw in proc.stdout:
            line = raw.decode("utf-8", errors="replace").rstrip("\n")
            lines.append(line)
            m = re.search(r"案卷评查工作台已启动：(http://[^\s（]+/)", line)
            if m:
                found["url"] = m.group(1)
                ready.set()
        ready.set()  # the server ended

    threading.Thread(target=read, daemon=True).start()
    ready.wait(START_TIMEOUT)
    accounts = {}
    for line in lines:
        m = re.match(r"\s+(\S+)\s+执法单位：(.+)$", line)
        if m:
            accounts[m.group(2).strip()] = m.group(1)
    server = Server(found.get("url", ""), accounts, proc, log, lines)
    if not server.url:
        _stop(proc)
        pytest.fail(f"casereview serve did not start within {START_TIMEOUT} s:\n{server.tail()}")
    return server


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(15)
        except ProcessLookupError:
            pass
    try:  # review workers (forkserver, LibreOffice) share the group: none may outlive the test
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    srv = _start(tmp / "data", tmp / "serve-stderr.log")
    yield srv
    _stop(srv.proc)


# -- the browser ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    if CHROMIUM.exists():
        opts.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--lang=zh-CN",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.set_window_size(1400, 1000)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where the screenshots go: $CASEREVIEW_SCREENSHOTS (docs/screenshots/ is made so) or a temporary folder."""
    wanted = os.environ.get("CASEREVIEW_SCREENSHOTS")
    path = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def story() -> dict:
    """What one step leaves for the next (the uploaded case's page, the settled item)."""
    return {}


def _shot(driver, folder: Path, name: str) -> None:
    """A screenshot of the window, stored as an optimised PNG (the committed ones stay small)."""
    from PIL import Image

    png = driver.get_screenshot_as_png()
    img = Image.open(io.BytesIO(png)).convert("RGB")
    out = folder / f"{name}.png"
    img.save(out, optimize=True)
    if out.stat().st_size > 300_000:  # a page full of colour: a 256-colour palette is plenty for text
        img.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)


def _wait(driver, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.5)


def _css(driver, sel: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, sel)


def _csss(driver, sel: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, sel)


def _text(driver) -> str:
    return _css(driver, "body").text


def _login(driver, server: Server, username: str) -> None:
    driver.delete_all_cookies()
    driver.get(server.url + "login/")
    _css(driver, "#id_username").send_keys(username)
    _css(driver, "#id_password").send_keys(DEMO_PASSWORD)
    _css(driver, "#login-button").click()
    _wait(driver).until(lambda d: _csss(d, "#logout"), f"{username} could not sign in")


def _logout(driver) -> None:
    _css(driver, "#logout").click()
    _wait(driver).until(lambda d: _csss(d, "#login-form"), "signing out did not lead to the login page")


def _session(driver):
    """A requests session carrying the browser's cookies (its signed-in user)."""
    import requests

    s = requests.Session()
    for c in driver.get_cookies():
        s.cookies.set(c["name"], c["value"])
    return s


def _self_round_link(driver):
    """The link of the self-check round (季度自查) on the home page."""
    from selenium.webdriver.common.by import By

    rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "#rounds tbody tr") if "季度自查" in r.text]
    assert rows, f"no self-check round on the home page:\n{_text(driver)}"
    return rows[0].find_element(By.TAG_NAME, "a")


def _agency(sample: str) -> str:
    return json.loads((SAMPLES.parent / "truth" / f"{sample}.json").read_text("utf-8"))["summary"]["agency"]


def _zip_case(tmp: Path) -> Path:
    """The sample folder as a zip whose top folder (the case id) is CASE_ID."""
    src = SAMPLES / SAMPLE
    out = tmp / f"{CASE_ID}.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(src.rglob("*")):
            if p.is_file():
                z.write(p, f"{CASE_ID}/{p.relative_to(src).as_posix()}")
    return out


def _number(text: str) -> float:
    m = re.search(r"-?\d+(?:\.\d+)?", text)
    assert m, f"no number in {text!r}"
    return float(m.group())


# -- the story --------------------------------------------------------------------------------------------


def test_department_uploads_a_case_and_it_is_reviewed(server, browser, shots, story, tmp_path):
    """Steps 1-2: sign in as the sample's department, upload its zip, wait for 已评查 with a score."""
    from selenium.webdriver.common.by import By

    d = browser
    dept = _agency(SAMPLE)
    assert dept in server.accounts, f"no demo account for {dept}: {server.accounts}"
    story["department"], story["username"] = dept, server.accounts[dept]

    d.get(server.url)
    _wait(d).until(lambda d: _csss(d, "#login-form"), "the home page does not ask to sign in")
    _shot(d, shots, "01-login")
    _login(d, server, server.accounts[dept])
    home = _text(d)
    assert dept in home  # the user's department in the header
    assert "季度自查" in home and "县级评查" not in home  # a department never sees a county round
    _self_round_link(d).click()
    _wait(d).until(lambda d: _csss(d, "#upload-form"), "the self-check round offers no upload")
    story["round_url"] = d.current_url

    _css(d, "#files").send_keys(str(_zip_case(tmp_path)))
    _wait(d, 10).until(lambda d: "已选择 1 个文件" in _css(d, "#chosen").text)
    _css(d, "#upload-button").click()
    row_xpath = f"//table[@id='cases']//tr[td/a[normalize-space()='{CASE_ID}']]"
    _wait(d, 120).until(
        lambda d: d.find_elements(By.XPATH, row_xpath),
        f"the uploaded case did not appear in the round:\n{_text(d)}",
    )
    row = d.find_element(By.XPATH, row_xpath)
    assert dept in row.text
    assert any(s in row.find_element(By.CSS_SELECTOR, ".status").text for s in ("排队中", "评查中", "已评查"))
    _shot(d, shots, "02-round-progress")

    def reviewed(d):
        row = d.find_element(By.XPATH, row_xpath)
        status = row.find_element(By.CSS_SELECTOR, ".status").text
        assert "无法评查" not in status, f"the review failed: {status}\n{server.tail()}"
        score = row.find_element(By.CSS_SELECTOR, ".score").text
        return status.startswith("已评查") and re.fullmatch(r"\d+(\.\d+)?", score) and row

    started = time.monotonic()
    row = _wait(d, REVIEW_TIMEOUT).until(
        reviewed, f"not reviewed within {REVIEW_TIMEOUT} s (the page polls status.json):\n{server.tail()}"
    )
    story["review_wait_s"] = round(time.monotonic() - started)
    assert row.find_element(By.CSS_SELECTOR, ".grade").text not in ("", "—")
    story["case_pk"] = int(row.get_attribute("data-id"))
    story["case_url"] = f"{server.url}cases/{story['case_pk']}/"


def test_evidence_link_shows_the_page_with_the_quote_highlighted(server, browser, shots, story):
    """Step 3: a finding's evidence link opens its page picture, the quote highlighted."""
    import numpy as np
    from PIL import Image
    from selenium.webdriver.common.by import By

    if "case_url" not in story:
        pytest.skip("needs the case uploaded by test_department_uploads_a_case_and_it_is_reviewed")
    d = browser
    d.get(story["case_url"])
    assert _css(d, "h1").text == CASE_ID
    links = _csss(d, "tr.st-fail a.evidence-link") or _csss(d, "a.evidence-link")
    assert links, "the case page shows no evidence link for its findings"
    code = links[0].find_element(By.XPATH, "./ancestor::tr[1]").get_attribute("id").removeprefix("item-")
    links[0].click()
    _wait(d).until(lambda d: _csss(d, "#evidence-picture"), "the evidence page has no picture")
    assert _css(d, "h1").text.startswith(f"{code} 的证据")
    _wait(d, 120).until(
        lambda d: d.execute_script(
            "const i = document.getElementById('evidence-picture'); return i.complete && i.naturalWidth > 0;"
        ),
        "the evidence picture did not load",
    )
    # app.js asks the picture's headers and says whether the quote was found on the page
    _wait(d, 60).until(
        lambda d: re.match(r"第 \d+ 页，引用文字以黄色框标出", _css(d, "#evidence-caption").text),
        "the caption does not say the quote is highlighted",
    )
    d.execute_script(
        "document.getElementById('evidence-picture').scrollIntoView({block: 'start'});"
        "window.scrollBy(0, -260);"
    )
    _shot(d, shots, "04-evidence")

    src = _css(d, "#evidence-picture").get_attribute("src")
    r = _session(d).get(src, timeout=120)
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    assert r.headers["X-Evidence-Found"] == "1"
    img = Image.open(io.BytesIO(r.content)).convert("RGB")
    assert img.width == d.execute_script("return document.getElementById('evidence-picture').naturalWidth")
    px = np.asarray(img, dtype=np.int16)
    red, green, blue = px[..., 0], px[..., 1], px[..., 2]
    fill = int(
        ((red >= 245) & (green >= 215) & (green <= 245) & (blue >= 140) & (blue <= 180)).sum()
    )  # yellow on paper
    outline = int(((red >= 190) & (green <= 50) & (blue <= 50)).sum())  # the red outline
    assert fill > 200 and outline > 50, (
        f"no highlight on the page picture (fill {fill}, outline {outline} px)"
    )


def test_settling_an_item_rescores_and_records_it(server, browser, shots, story):
    """Step 4: 不符合 with a note on a passed item: the score drops, 复核记录 shows who and why."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    if "case_url" not in story:
        pytest.skip("needs the case uploaded by test_department_uploads_a_case_and_it_is_reviewed")
    d = browser
    d.get(story["case_url"])
    before = _number(_css(d, "#score").text)

    def scored_pass(row) -> bool:
        points = row.find_elements(By.CSS_SELECTOR, "td.num")[0].text
        return re.fullmatch(r"\d+(\.\d+)?", points) is not None and float(points) > 0

    row = next((r for r in _csss(d, "tr.item.st-pass") if scored_pass(r)), None)
    assert row is not None, "no passed item with points to settle"
    code = row.get_attribute("id").removeprefix("item-")
    Select(row.find_element(By.CSS_SELECTOR, "select[name=decision]")).select_by_value("不符合")
    row.find_element(By.CSS_SELECTOR, "input[name=note]").send_keys(NOTE)
    row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(d).until(lambda d: _csss(d, "#audit"), f"no 复核记录 after settling {code}:\n{_text(d)}")

    after = _number(_css(d, "#score").text)
    assert after < before, f"settling {code} as 不符合 did not lower the score ({before} → {after})"
    assert f"{code} 已复核" in _css(d, ".messages").text
    audit = _css(d, "#audit").text
    assert "复核记录" in _text(d) and code in audit and NOTE in audit and "pass → fail" in audit
    verdict = _css(d, f"#item-{code} td.verdict").text
    assert "不符合" in verdict
    story["settled"] = code
    d.execute_script("window.scrollTo(0, 0);")
    _shot(d, shots, "03-case")


def test_the_sheet_download_holds_the_settled_item(server, browser, story, tmp_path):
    """Step 5: the .xlsx link, fetched with the browser's session, is the case's sheet with the settlement."""
    import openpyxl

    if "settled" not in story:
        pytest.skip("needs the item settled by test_settling_an_item_rescores_and_records_it")
    d = browser
    d.get(story["case_url"])
    href = _css(d, "#sheet-xlsx").get_attribute("href")
    r = _session(d).get(href, timeout=120)
    assert r.status_code == 200, r.text[:500]
    assert "attachment" in r.headers["Content-Disposition"]
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(r.content)
    wb = openpyxl.load_workbook(path)
    rows = [
        [str(v) for v in row if v is not None]
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
    ]
    text = "\n".join(" ".join(row) for row in rows)
    assert CASE_ID in text
    settled = [row for row in rows if story["settled"] in row]
    assert settled, f"no row of {story['settled']} in the sheet"
    assert any(NOTE in " ".join(row) and "不符合" in " ".join(row) for row in settled), settled


def test_another_department_sees_neither_the_case_nor_its_page(server, browser, story):
    """Step 6: another department's user: not in the round's list, and its page is the 404 page."""
    if "case_url" not in story:
        pytest.skip("needs the case uploaded by test_department_uploads_a_case_and_it_is_reviewed")
    d = browser
    other = sorted((name, user) for name, user in server.accounts.items() if name != story["department"])[0]
    d.get(server.url)
    _logout(d)
    _login(d, server, other[1])
    assert other[0] in _text(d)
    _self_round_link(d).click()
    _wait(d).until(lambda d: _csss(d, "#cases"))
    assert d.current_url == story["round_url"]
    assert CASE_ID not in d.page_source and story["department"] not in _css(d, "#cases").text

    d.get(story["case_url"])
    assert CASE_ID not in d.page_source
    assert "未找到该页面" in d.page_source  # the workspace's 404 page (DEBUG off)
    s = _session(d)
    pk = story["case_pk"]
    r = s.get(story["case_url"], timeout=60)
    assert r.status_code == 404 and CASE_ID not in r.text
    for url in (f"{story['case_url']}sheet.xlsx", f"{story['case_url']}evidence/H02/0.png"):
        assert s.get(url, timeout=60).status_code == 404
    status = s.get(story["round_url"] + "status.json", timeout=60).json()
    assert pk not in [c["id"] for c in status["cases"]]


def test_admin_sees_the_round_figures(server, browser, shots, story):
    """Step 7: the administrator sees every case of the round and its figures page with the ranking."""
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server.url)
    if _csss(d, "#logout"):
        _logout(d)
    _login(d, server, "admin")
    assert "县级评查" in _text(d)  # the administrator sees every round
    _self_round_link(d).click()
    _wait(d).until(lambda d: _csss(d, "#figures-link"), "the administrator's round page has no figures link")
    if "case_pk" in story:
        assert _csss(d, f"#cases tr[data-id='{story['case_pk']}']")
    _wait(d, REVIEW_TIMEOUT).until(
        lambda d: not _csss(d, "#cases .s-queued, #cases .s-running"),
        "the demo cases are still being reviewed",
    )
    _shot(d, shots, "05-round")
    _css(d, "#figures-link").click()
    _wait(d, 120).until(lambda d: _csss(d, "#ranking"), f"no ranking table on the figures page:\n{_text(d)}")
    rows = _css(d, "#ranking").find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) >= 3  # departments and the total
    ranking = _css(d, "#ranking").text
    assert "合计" in ranking and _agency(SAMPLE) in ranking
    assert _csss(d, "#compile-xlsx") and _csss(d, "#coverage")
    _shot(d, shots, "06-figures")
