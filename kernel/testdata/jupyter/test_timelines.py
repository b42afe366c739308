"""Goroutine timelines through real Jupyter clients.

test_outputs executes a notebook with nbclient (Jupyter's own notebook
runner) and checks each timeline output: the three MIME types, the SVG as
XML, the image as that SVG, names that look like markup escaped.
test_browser serves the executed notebook with Notebook 6 and looks at a
headless Chromium screenshot for the timeline's colours: the image must be
drawn, not only present in the HTML.

Run with /usr/bin/python3 -m pytest, with JUPYTER_PATH pointing at a
directory holding kernels/goconc (see .ci/test).
"""
import base64
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET

import nbformat
from nbclient import NotebookClient

POOL = """jobs := make(chan int, 5)
results := make(chan int)
var wg sync.WaitGroup
worker := func(id int) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(2 * time.Millisecond)
		results <- j * j
	}
}
for w := 1; w <= 3; w++ {
	wg.Add(1)
	go worker(w)
}
go func() {
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
}()
go func() { wg.Wait(); close(results) }()
sum := 0
for r := range results {
	sum += r
}
sum"""

MARKUP = """import "github.com/goconc/goconc/lib/trace"

evil := make(chan string, 1)
trace.Name(evil, "<script>alert('channel')</script>")
done := make(chan bool)
spy := func(tag string) { evil <- tag; done <- true }
go spy("<script>alert(1)</script>")
<-done
fmt.Println(<-evil)"""

PLAIN = "x := 20\nx*2 + 2"


def notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "goconc", "display_name": "Go (goconc)", "language": "go"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src in (PLAIN, POOL, MARKUP)]
    return nb


def execute(nb):
    NotebookClient(nb, kernel_name="goconc", timeout=120).execute()
    return nb


def timelines(cell):
    return [o for o in cell.outputs if o.output_type == "display_data" and "image/svg+xml" in o.data]


def test_outputs():
    nb = execute(notebook())
    plain, pool, markup = nb.cells

    assert timelines(plain) == [], "a cell with no goroutines shows no timeline"
    assert plain.outputs[0].data["text/plain"] == "42"

    for cell in (pool, markup):
        shown = timelines(cell)
        assert len(shown) == 1, f"one timeline per cell, got {len(shown)}"
        data = shown[0].data
        assert set(data) == {"text/html", "image/svg+xml", "text/plain"}
        svg = data["image/svg+xml"]
        root = ET.fromstring(svg)  # the SVG is XML
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        for tag in ("script", "style", "foreignObject"):
            assert not list(root.iter("{http://www.w3.org/2000/svg}" + tag)), f"the SVG holds a <{tag}> element"
            assert f"<{tag}" not in svg, f"the SVG holds a <{tag}> element"
        html = data["text/html"]
        prefix = '<img src="data:image/svg+xml;base64,'
        assert html.startswith(prefix)
        b64 = html[len(prefix):html.index('"', len(prefix))]
        assert base64.b64decode(b64).decode() == svg, "the image is not the SVG"
        assert "goroutine timeline of cell" in data["text/plain"]

    pool_text = timelines(pool)[0].data["text/plain"]
    assert "worker(1) @ [2]:" in pool_text and "results" in pool_text

    # Names that look like markup are text: escaped in the SVG source, and
    # read back as the names by an XML parser.
    svg = timelines(markup)[0].data["image/svg+xml"]
    assert "<script" not in svg
    text = "".join(ET.fromstring(svg).itertext())
    assert "<script>alert('channel')</script>" in text, "the channel's name is not shown"
    assert 'spy("<script>al' in text, "the goroutine's name is not shown"
    html = timelines(markup)[0].data["text/html"]
    assert "<script" not in html
    assert markup.outputs[0].text == "<script>alert(1)</script>\n", "the cell's own output is untouched"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds, server):
    """Waits until url answers (True) or server exits (False)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if server.poll() is not None:
            return False
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return True
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds}s")


def near(pixel, rgb, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], rgb))


def test_browser():
    from PIL import Image

    work = tempfile.mkdtemp()
    try:
        nb = notebook()
        nb.cells = nb.cells[:2]  # the plain cell and the worker pool
        nbformat.write(execute(nb), os.path.join(work, "pool.ipynb"))
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=os.path.join(work, "runtime"))
        # A port taken before the server binds it: the server exits (no
        # retries on the next ports), and a fresh port is tried.
        for attempt in range(1, 6):
            port = free_port()
            server = subprocess.Popen(
                ["/usr/bin/jupyter", "notebook", "--no-browser", "--allow-root", "--port", str(port), "--ip", "127.0.0.1",
                 "--NotebookApp.port_retries=0",
                 "--NotebookApp.token=", "--NotebookApp.password=", "--notebook-dir", work],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if wait_for(f"http://127.0.0.1:{port}/api", 300, server) or attempt == 5:
                break
        try:
            url = f"http://127.0.0.1:{port}/notebooks/pool.ipynb"
            shot = os.path.join(work, "shot.png")
            subprocess.run(
                ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--user-data-dir=" + os.path.join(work, "chromium"), "--virtual-time-budget=15000",
                 "--window-size=1200,2000", "--screenshot=" + shot, url],
                check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        finally:
            server.terminate()
            server.wait(timeout=30)
        img = Image.open(shot).convert("RGB")
        pixels = list(img.getdata())
        # The timeline's colours for channel receives and sends, and its
        # goroutine lines: none of them is a colour of Notebook 6 itself.
        recv = sum(near(p, (0x4E, 0x79, 0xA7)) for p in pixels)
        send = sum(near(p, (0xF2, 0x8E, 0x2B)) for p in pixels)
        assert recv > 200 and send > 50, (
            f"the screenshot shows no timeline ({recv} receive and {send} send pixels); see {shot}")
    finally:
        if os.environ.get("GOCONC_KEEP_SCREENSHOT"):
            print("screenshot kept in", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
