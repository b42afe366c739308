"""goconc in JupyterLab 4 and Notebook 7, driven in headless Chromium.

One Jupyter server (JupyterLab with Notebook 7 beside it, from the pinned
virtual environment) serves copies of course notebooks; Playwright drives
Debian's /usr/bin/chromium (Playwright's own browser download does not work
on these machines). What a test checks is done as a person does it (the
launcher, Run All, the toolbar's stop button, Tab, Shift-Tab, the input
box); the page's own application object (the server exposes it) only tells
the tests when the kernel is idle, so that they wait for that, however long
a busy machine takes.

Every test leaves a screenshot in $GOCONC_SCREENSHOTS (a temporary folder
if unset), named after the test. GOCONC_PATIENCE_MS shortens the 3-minute
bound on every wait, for a quicker failure while working on these tests.

Run with the virtual environment's python -m pytest, with JUPYTER_PATH
pointing at a directory holding kernels/goconc (see .ci/test).
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

NOTEBOOKS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "notebooks")
COURSE = ["00-welcome.ipynb", "07-channels.ipynb"]
# Every wait is for an event (the kernel idle, an output shown); this only
# bounds how long a broken page may keep a test waiting.
PATIENCE_MS = int(os.environ.get("GOCONC_PATIENCE_MS", "180000"))
SHOTS = os.environ.get("GOCONC_SCREENSHOTS") or tempfile.mkdtemp(prefix="goconc-screenshots-")
# The timeline's colours for channel receives and sends: neither is a
# colour of JupyterLab's or Notebook's own.
RECV, SEND = (0x4E, 0x79, 0xA7), (0xF2, 0x8E, 0x2B)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    root = tempfile.mkdtemp(prefix="goconc-frontends-")
    for name in COURSE:
        shutil.copy(os.path.join(NOTEBOOKS, name), root)
    # Settings of its own: no news pop-up over the page.
    settings = os.path.join(root, ".settings", "@jupyterlab", "apputils-extension")
    os.makedirs(settings)
    with open(os.path.join(settings, "notification.jupyterlab-settings"), "w") as f:
        json.dump({"fetchNews": "false", "checkForUpdates": False}, f)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=os.path.join(root, ".runtime"))
    log = open(os.path.join(SHOTS, "jupyter-server.log"), "w")
    # The port is free when chosen, but another process may take it before
    # the server binds it: the server then exits (no retries on the next
    # ports, where this test would not look), and a fresh port is tried.
    for attempt in range(1, 6):
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
             "--ServerApp.port_retries=0",
             "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}",
             "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True",
             f"--LabApp.user_settings_dir={root}/.settings", f"--LabApp.workspaces_dir={root}/.workspaces",
             "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
            env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + PATIENCE_MS / 1000
        while proc.poll() is None:
            try:
                urllib.request.urlopen(url + "/api/status", timeout=5)
                break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError(f"the Jupyter server did not start; see {log.name}")
                time.sleep(0.2)
        if proc.poll() is None:
            break
        if attempt == 5:
            raise RuntimeError(f"the Jupyter server exited at start five times; see {log.name}")
    yield {"url": url, "root": root}
    proc.terminate()
    proc.wait(timeout=60)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    ctx.set_default_timeout(PATIENCE_MS)
    pg = ctx.new_page()
    yield pg
    try:
        pg.screenshot(path=os.path.join(SHOTS, request.node.name.replace("/", "_") + ".png"), full_page=True)
    finally:
        ctx.close()


# The notebook panel that has focus, in JupyterLab and in Notebook 7.
PANEL = "(() => { const w = window.jupyterapp.shell.currentWidget; return w && w.content && w.sessionContext ? w : null })()"


def wait_idle(pg):
    """Waits until the notebook's kernel is idle with no cell queued or running."""
    pg.wait_for_function(f"""() => {{
        const p = {PANEL};
        if (!p || !p.sessionContext.session || !p.sessionContext.session.kernel) return false;
        if (p.sessionContext.session.kernel.status !== 'idle') return false;
        return p.content.widgets.every(c => c.model.type !== 'code' || !c.node.querySelector('.jp-InputPrompt')
            || !c.node.querySelector('.jp-InputPrompt').textContent.includes('*'));
    }}""", polling=200)


def wait_all_ran(pg):
    """Waits until every code cell has run (it has an execution count) and
    the kernel is idle. After Run All, the frontend may hand cells to the
    kernel one by one, so an idle kernel between two cells is no sign that
    the run is over."""
    try:
        pg.wait_for_function(f"""() => {{
            const p = {PANEL};
            if (!p || !p.sessionContext.session || !p.sessionContext.session.kernel) return false;
            if (p.sessionContext.session.kernel.status !== 'idle') return false;
            return p.content.widgets.every(c => c.model.type !== 'code' || !c.model.sharedModel.getSource().trim()
                || c.model.executionCount !== null);
        }}""", polling=200)
    except PlaywrightTimeout:
        missing = pg.evaluate(f"""() => {PANEL}.content.widgets.map((c, i) => [i, c.model.type, c.model.executionCount])
            .filter(([i, t, n]) => t === 'code' && n === null).map(([i]) => i)""")
        raise AssertionError(f"Run All did not run code cells {missing}")
    wait_idle(pg)


def lab(pg, server, path=""):
    """Opens JupyterLab in a workspace of the page's own, reset: JupyterLab
    keeps each workspace's layout on the server, so /lab would reopen the
    tabs of the test before."""
    name = f"w{time.monotonic_ns()}"
    pg.goto(f"{server['url']}/lab/workspaces/{name}/tree/{path}?reset" if path else f"{server['url']}/lab/workspaces/{name}?reset")


def open_notebook(pg, server, path, app="lab"):
    if app == "lab":
        lab(pg, server, path)
    else:
        pg.goto(f"{server['url']}/notebooks/{path}")
    pg.wait_for_function(f"() => window.jupyterapp && {PANEL}")
    wait_idle(pg)


def command(pg, name, args=None):
    """Runs a JupyterLab command and waits for it to finish."""
    pg.evaluate("([n, a]) => window.jupyterapp.commands.execute(n, a || {})", [name, args])


def run(pg, name="notebook:run-cell"):
    """Starts a run command without waiting for it: its promise settles only
    when the cell ends (a `for {}` never does), and evaluate has no time
    limit. It returns once the kernel has begun a cell of this run (it
    published an execute_input), so that a wait_idle after it cannot see the
    kernel idle before the run began (a loaded machine delays commands).
    The evidence is counted by a listener, not looked for in the page: a
    short Run All can begin and end between two polls of a busy page, and
    the execution counts it leaves may be the ones the notebook was saved
    with."""
    before = pg.evaluate(f"""() => {{
        const p = {PANEL};
        if (!p.__goconcInputs) {{
            p.__goconcInputs = {{n: 0}};
            p.sessionContext.iopubMessage.connect((_, m) => {{
                if (m.header.msg_type === 'execute_input') p.__goconcInputs.n++;
            }});
        }}
        return p.__goconcInputs.n;
    }}""")
    pg.evaluate("n => { window.jupyterapp.commands.execute(n); }", name)
    pg.wait_for_function(f"before => {PANEL}.__goconcInputs.n > before", arg=before, polling=50)


def saved_notebook(pg, server, path):
    """Saves the notebook from the page and reads what the frontend wrote."""
    command(pg, "docmanager:save")
    pg.wait_for_function(f"() => !{PANEL}.context.model.dirty")
    with open(os.path.join(server["root"], path)) as f:
        return json.load(f)


def timeline_count(cell):
    return sum(1 for o in cell.get("outputs", []) if "image/svg+xml" in o.get("data", {}))


def colour_pixels(png, rgb, tolerance=12):
    img = Image.open(png).convert("RGB")
    return sum(all(abs(a - b) <= tolerance for a, b in zip(p, rgb)) for p in img.get_flattened_data())


def drawn(png):
    """Reports whether a screenshot of a timeline shows one: mostly its
    white background, with dark text and lines on it."""
    img = Image.open(png).convert("L")
    px = list(img.get_flattened_data())
    return sum(p > 245 for p in px) > 0.4 * len(px) and sum(p < 100 for p in px) > 200


def shown_timelines(pg, name):
    """Checks that every timeline image on the page is drawn, and the
    colours of one of them in a screenshot; returns how many there are."""
    imgs = pg.locator(".jp-OutputArea-output img[src^='data:image/svg+xml']")
    n = imgs.count()
    for i in range(n):
        imgs.nth(i).scroll_into_view_if_needed()
        pg.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=imgs.nth(i).element_handle())
    if n:
        shot = os.path.join(SHOTS, f"{name}-timeline.png")
        imgs.nth(0).screenshot(path=shot)
        assert drawn(shot), f"the timeline is not drawn; see {shot}"
    return n


def new_cell(pg, code):
    """Adds a code cell at the end holding code, and runs it. (Typing is
    tested where it is the point: here the cell's text is set directly.)"""
    pg.evaluate(f"""async code => {{
        const nb = {PANEL}.content;
        nb.mode = 'command';
        nb.activeCellIndex = nb.widgets.length - 1;
        await window.jupyterapp.commands.execute('notebook:insert-cell-below');
        nb.activeCell.model.sharedModel.setSource(code);
    }}""", code)
    run(pg)


def last_output(pg):
    return pg.locator(".jp-Cell").last.locator(".jp-OutputArea")


def new_goconc_notebook(pg, server):
    """Opens the launcher and starts a notebook with the Go (goconc) card."""
    lab(pg, server)
    card = pg.locator(".jp-LauncherCard[title='Go (goconc)']").first
    card.wait_for()
    card.click()
    pg.wait_for_function(f"() => {PANEL}")
    wait_idle(pg)
    command(pg, "notebook:enter-edit-mode")


@pytest.mark.parametrize("name", COURSE)
def test_lab_run_all(page, server, name):
    open_notebook(page, server, name)
    run(page, "notebook:run-all-cells")
    wait_all_ran(page)
    saved = saved_notebook(page, server, name)
    want = 0
    for i, cell in enumerate(saved["cells"]):
        if cell["cell_type"] != "code":
            continue
        assert cell.get("execution_count"), f"cell {i} did not run"
        tagged = "raises-exception" in cell["metadata"].get("tags", [])
        errors = [o for o in cell.get("outputs", []) if o["output_type"] == "error"]
        assert bool(errors) == tagged, f"cell {i}: {len(errors)} errors, tagged raises-exception: {tagged}"
        want += timeline_count(cell)
    assert want > 0, f"{name}: no timeline in the executed notebook"
    assert shown_timelines(page, "lab-" + name) == want, "a timeline is not shown as an image"


def test_lab_launcher_and_highlighting(page, server):
    lab(page, server)
    card = page.locator(".jp-LauncherCard[title='Go (goconc)']").first
    card.wait_for()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=card.locator("img").element_handle())
    card.click()
    page.wait_for_function(f"() => {PANEL}")
    wait_idle(page)
    assert page.evaluate(f"{PANEL}.sessionContext.session.kernel.name") == "goconc"
    command(page, "notebook:enter-edit-mode")
    page.keyboard.insert_text('func add(a, b int) int {\n\treturn a + b // sum\n}\nfmt.Println("hi", add(1, 2))')
    # Go syntax is highlighted: keywords, strings and comments each get a
    # colour of their own.
    colours = page.evaluate("""() => {
        const spans = [...document.querySelectorAll('.jp-Cell .cm-content .cm-line span')];
        const of = t => spans.filter(s => s.textContent.trim() === t).map(s => getComputedStyle(s).color);
        return {func: of('func'), ret: of('return'), str: of('"hi"'), comment: of('// sum'), plain: getComputedStyle(document.querySelector('.jp-Cell .cm-line')).color};
    }""")
    for k in ("func", "ret", "str", "comment"):
        assert colours[k] and colours[k][0] != colours["plain"], f"{k} is not highlighted: {colours}"
    assert colours["func"][0] != colours["str"][0], colours
    run(page)
    wait_idle(page)
    assert "hi 3" in last_output(page).inner_text()


def test_lab_interrupt_and_restart(page, server):
    new_goconc_notebook(page, server)
    page.keyboard.insert_text("x := 42")
    run(page, "notebook:run-cell-and-insert-below")
    wait_idle(page)
    page.keyboard.insert_text('fmt.Println("looping")\nfor {\n}')
    run(page)
    last = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea")
    last.get_by_text("looping").wait_for()
    start = time.time()
    page.locator(".jp-NotebookPanel-toolbar [data-command='notebook:interrupt-kernel']").click()
    last.get_by_text("Interrupted").wait_for()
    took = time.time() - start
    print(f"interrupted in {took:.2f}s")
    # An interrupt that does not reach the cell ends in the 5 s kill, which
    # restores the session and says so.
    assert "restored the session" not in last.inner_text()
    wait_idle(page)
    new_cell(page, "x")
    wait_idle(page)
    assert "42" in last_output(page).inner_text()
    # Restart clears the variables.
    page.locator(".jp-NotebookPanel-toolbar [data-command='notebook:restart-kernel']").click()
    page.locator(".jp-Dialog-button.jp-mod-accept").click()
    wait_idle(page)
    new_cell(page, "x")
    wait_idle(page)
    assert "undefined: x" in last_output(page).inner_text()


def test_lab_complete_and_inspect(page, server):
    new_goconc_notebook(page, server)
    page.keyboard.insert_text("fmt.Pri")
    page.keyboard.press("Tab")
    items = page.locator(".jp-Completer-item")
    items.first.wait_for()
    assert "Println" in [t.strip() for t in page.locator(".jp-Completer-item .jp-Completer-match").all_inner_texts()]
    page.keyboard.press("Escape")
    page.keyboard.insert_text("ntln")
    page.keyboard.press("Shift+Tab")
    tip = page.locator(".jp-Tooltip")
    tip.wait_for()
    assert "Println" in tip.inner_text() and "standard output" in tip.inner_text()


def test_lab_stdin(page, server):
    new_goconc_notebook(page, server)
    page.keyboard.insert_text('var name string\nfmt.Print("name? ")\nfmt.Scanln(&name)\nfmt.Println("hello,", name)')
    run(page)
    box = page.locator(".jp-Stdin-input")
    box.wait_for()
    box.fill("gopher")
    box.press("Enter")
    wait_idle(page)
    assert "hello, gopher" in last_output(page).inner_text()


def test_lab_display_update_clear_and_live_timeline(page, server):
    new_goconc_notebook(page, server)
    page.keyboard.insert_text('Display(display.WithID("p", display.HTML("<b id=\\"progress\\">0%</b>")))\n'
                              'display.Update("p", display.HTML("<b id=\\"progress\\">100%</b>"))')
    run(page)
    wait_idle(page)
    out = page.locator(".jp-Cell").last.locator(".jp-OutputArea")
    assert out.locator("#progress").inner_text() == "100%"
    assert out.locator("#progress").count() == 1, "the update added an output instead of changing it"

    new_cell(page, 'fmt.Println("before")\ndisplay.Clear()\nfmt.Println("after")')
    wait_idle(page)
    text = last_output(page).inner_text()
    assert "after" in text and "before" not in text

    # A cell that runs for 3 s shows its timeline while it runs, and
    # updates it in place: the page samples the cell's timeline image and
    # counts the different ones it showed, and the outputs it had at once.
    new_cell(page, "ch := make(chan int)\ngo func() {\n\tfor i := 0; i < 30; i++ {\n\t\tch <- i\n"
                   "\t\ttime.Sleep(100 * time.Millisecond)\n\t}\n\tclose(ch)\n}()\nfor range ch {\n}")
    page.evaluate("""() => {
        window.timelines = new Set(); window.mostAtOnce = 0;
        const cell = [...document.querySelectorAll('.jp-Cell')].pop();
        window.sampler = setInterval(() => {
            const imgs = cell.querySelectorAll(".jp-OutputArea-output img[src^='data:image/svg+xml']");
            imgs.forEach(i => window.timelines.add(i.src));
            window.mostAtOnce = Math.max(window.mostAtOnce, imgs.length);
        }, 20);
    }""")
    wait_idle(page)
    seen, at_once = page.evaluate("() => { clearInterval(window.sampler); return [window.timelines.size, window.mostAtOnce] }")
    assert seen >= 3, f"the cell showed {seen} different timelines: a live one updated at least twice was expected"
    assert at_once == 1, f"{at_once} timelines at once: updates must replace the live timeline, not add to it"
    assert shown_timelines(page, "lab-live") >= 1
    shot = os.path.join(SHOTS, "lab-live-timeline.png")
    # The cell waits in receives (the sender sleeps, so it never waits).
    assert colour_pixels(shot, RECV) > 50, f"no receives drawn; see {shot}"


def test_lab_dark_theme(page, server):
    new_goconc_notebook(page, server)
    command(page, "apputils:change-theme", {"theme": "JupyterLab Dark"})
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'")
    # The cell's text is set directly, not typed: the theme's change
    # restyles the editor meanwhile, and on a loaded machine typing went
    # into it half done (only the first line ran, with no timeline).
    page.evaluate(f"code => {{ {PANEL}.content.activeCell.model.sharedModel.setSource(code) }}",
                  "ch := make(chan int)\ngo func() { ch <- 1 }()\n<-ch")
    run(page)
    wait_idle(page)
    assert shown_timelines(page, "lab-dark") == 1
    # The page is dark; the timeline keeps its own light background, so its
    # dark text stays readable.
    shot = os.path.join(SHOTS, "lab-dark-timeline.png")
    img = Image.open(shot).convert("L")
    light = sum(1 for p in img.get_flattened_data() if p > 200) / (img.width * img.height)
    page_bg = page.evaluate("getComputedStyle(document.querySelector('.jp-Notebook')).backgroundColor")
    assert light > 0.5, f"the timeline is mostly dark in the dark theme ({light:.0%} light pixels); see {shot}"
    assert page_bg not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), f"the dark theme did not apply: {page_bg}"
    page.screenshot(path=os.path.join(SHOTS, "lab-dark-page.png"))
    # The theme is a user setting, shared by the tests after this one.
    command(page, "apputils:change-theme", {"theme": "JupyterLab Light"})
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'true'")
    page.locator("#jupyterlab-splash").wait_for(state="detached")


@pytest.mark.parametrize("name", COURSE[:1])
def test_notebook7_run_all_and_interrupt(page, server, name):
    open_notebook(page, server, name, app="notebook")
    run(page, "notebook:run-all-cells")
    wait_all_ran(page)
    saved = saved_notebook(page, server, name)
    want = 0
    for i, cell in enumerate(saved["cells"]):
        if cell["cell_type"] == "code":
            tagged = "raises-exception" in cell["metadata"].get("tags", [])
            errors = [o for o in cell.get("outputs", []) if o["output_type"] == "error"]
            assert cell.get("execution_count") and bool(errors) == tagged, f"cell {i}"
            want += timeline_count(cell)
    assert want > 0 and shown_timelines(page, "nb7-" + name) == want
    new_cell(page, 'fmt.Println("looping")\nfor {\n}')
    last = last_output(page)
    last.get_by_text("looping").wait_for()
    page.locator("[data-command='notebook:interrupt-kernel']").first.click()
    last.get_by_text("Interrupted").wait_for()
    assert "restored the session" not in last.inner_text()
    wait_idle(page)
