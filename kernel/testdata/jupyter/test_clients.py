"""goconc through more of the clients people run notebooks with.

papermill (parameterised runs, scheduled reports) executes course notebooks
with the goconc kernel: every cell runs, cells that start goroutines keep
their timelines, and errors come exactly from the cells tagged
raises-exception.
(nbval re-runs the course as a pytest plugin: .ci/test calls it directly.)

Run with the virtual environment's python -m pytest (see .ci/test), with
JUPYTER_PATH pointing at a directory holding kernels/goconc.
"""
import os
import tempfile

import nbformat
import papermill
import pytest

NOTEBOOKS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "notebooks")


@pytest.mark.parametrize("name", ["00-welcome.ipynb", "04-mutex.ipynb", "12-worker-pools.ipynb"])
def test_papermill(name):
    # papermill fails a run on any error output, even in a cell tagged
    # raises-exception (its CLI has no way round that), and every course
    # notebook shows mistakes on purpose: so the run is made through its
    # API, and the errors are checked to be exactly the tagged ones.
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, name)
        try:
            papermill.execute_notebook(os.path.join(NOTEBOOKS, name), out, kernel_name="goconc",
                                       execution_timeout=300, progress_bar=False)
        except papermill.PapermillExecutionError as e:
            # Reported for the first error output; checked below with the rest.
            print(f"papermill reports: {e.ename}: {e.evalue}")
        nb = nbformat.read(out, 4)
    # papermill puts a note of its error before the first failing cell.
    nb.cells = [c for c in nb.cells if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
    saved = nbformat.read(os.path.join(NOTEBOOKS, name), 4)
    assert [c.source for c in saved.cells] == [c.source for c in nb.cells], "papermill changed the cells"
    for i, (cell, was) in enumerate(zip(nb.cells, saved.cells)):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        assert cell.execution_count, f"cell {i} was not run"
        tagged = "raises-exception" in cell.metadata.get("tags", [])
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        assert bool(errors) == tagged, \
            f"cell {i}: errors {[(o.ename, o.evalue) for o in errors]}, tagged raises-exception: {tagged}"
        # The cells that show a timeline in the saved course show one here.
        assert timelines(cell) == timelines(was), f"cell {i}: {timelines(cell)} timelines, the saved course has {timelines(was)}"


def timelines(cell):
    n = 0
    for o in cell.get("outputs", []):
        if o.output_type == "display_data" and "image/svg+xml" in o.data:
            assert o.data["image/svg+xml"].lstrip().startswith("<svg"), "a timeline is no SVG"
            assert "text/html" in o.data and "text/plain" in o.data, "a timeline lacks a MIME type"
            n += 1
    return n
