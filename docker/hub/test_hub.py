"""The classroom hub for real, on a machine without a Docker engine.

JupyterHub runs with the project's own jupyterhub_config.py. A small config
of the test's loads it and overrides only what cannot exist here: the
spawner (a local process per student instead of a DockerSpawner container,
started as the image starts it: the course start hook, then
jupyterhub-singleuser, with goconc installed by docker/install.sh), and where
the hub listens and keeps its database (the compose network and volume).
Everything a class meets goes over HTTP, as a browser would send it: login
with the shared password, a refused wrong password, a server per student
opening the welcome notebook, course notebooks run through each server's
kernel API with their timelines, the teacher's user list, the idle culler.

Needs jupyterhub, dockerspawner and jupyterhub-idle-culler (the pinned
versions of .ci/requirements.txt) and configurable-http-proxy on PATH
(.ci/test installs it from npm). Run with the virtual environment's
python -m pytest.
"""
import contextlib
import datetime
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import types
import uuid

import nbformat
import pytest
import requests
import websocket
from traitlets.config import PyFileConfigLoader

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROJECT_CONFIG = os.path.join(HERE, "jupyterhub_config.py")
WELCOME = "/lab/tree/goconc-course/00-welcome.ipynb"

# How long to wait for something that is on its way (the hub up, a server
# started, a cell's reply). Every wait ends as soon as its event comes; this
# only bounds a machine that is slow and loaded, never a step's expected time.
PATIENCE = float(os.environ.get("GOCONC_PATIENCE_MS", "180000")) / 1000

STUDENT_PASSWORD = "gophers-welcome"
TEACHER_PASSWORD = "the-teacher-password-is-at-least-32-characters"

OVERRIDE = '''\
# The test's hub: the project's config, with a local spawner.
import os
from jupyterhub.spawner import SimpleLocalProcessSpawner

c = get_config()  # noqa: F821
load_subconfig({project!r})  # noqa: F821


class CourseSpawner(SimpleLocalProcessSpawner):
    """A student's server as a local process in its own home, with goconc
    from the classroom prefix and the course copied by the image's start hook."""

    def user_env(self, env):
        env = super().user_env(env)
        env.update({{
            "JUPYTER_PATH": {prefix!r} + "/share/jupyter",
            "JUPYTER_CONFIG_PATH": {prefix!r} + "/etc/jupyter",
            "GOCONC_COURSE_SOURCE": {prefix!r} + "/share/goconc/course",
            "GOCONC_START_HOOK": {prefix!r} + "/share/goconc/copy-course.sh",
            # As docker-stacks sets it; no /home/<name> exists here, so the
            # hook copies into HOME.
            "NB_USER": self.user.name,
            "PATH": {path!r},
        }})
        return env


c.JupyterHub.spawner_class = CourseSpawner
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
# docker-stacks' start.sh sources the before-notebook hooks, then execs the server.
c.Spawner.cmd = ["bash", "-c", '. "$GOCONC_START_HOOK" && exec jupyterhub-singleuser "$@"', "start-goconc"]
if os.getuid() == 0:
    c.Spawner.args = ["--allow-root"]

# Where the hub listens and keeps its data (compose's network and volume
# do not exist here).
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.hub_connect_ip = "127.0.0.1"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
c.JupyterHub.db_url = "sqlite:///{data}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{data}/jupyterhub_cookie_secret"
'''


def free_ports(n):
    """n distinct ports free now: each socket is held until all are bound, so
    the system cannot hand one out twice (it did, and the hub and its
    proxy met on one port)."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def hub_env(tmp):
    env = dict(os.environ)
    env.update({
        "GOCONC_PASSWORD": STUDENT_PASSWORD,
        "GOCONC_ADMIN_PASSWORD": TEACHER_PASSWORD,
        "GOCONC_COURSE_HOST_DIR": os.path.join(ROOT, "notebooks"),
        # The hub runs with the Python it was installed into, and finds
        # jupyterhub-singleuser and the culler beside it.
        "PATH": os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", ""),
        "JUPYTER_DATA_DIR": os.path.join(tmp, "jupyter-data"),
        "JUPYTER_RUNTIME_DIR": os.path.join(tmp, "jupyter-runtime"),
        "JUPYTER_CONFIG_DIR": os.path.join(tmp, "jupyter-config"),
    })
    return env


class Hub:
    def __init__(self, url, proc, log_path):
        self.url, self.proc, self.log_path = url, proc, log_path

    def log(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def started(self):
        """Waits until the hub answers (True) or exits (False)."""
        deadline = time.monotonic() + PATIENCE
        while self.proc.poll() is None and time.monotonic() < deadline:
            if answers(self.url + "/hub/api/"):
                return True
            time.sleep(0.2)
        return False

    def wait(self, what, check):
        """Calls check until it returns something true, the hub dies, or PATIENCE runs out."""
        deadline = time.monotonic() + PATIENCE
        while True:
            got = check()
            if got:
                return got
            if self.proc.poll() is not None:
                pytest.fail(f"the hub exited ({self.proc.returncode}) while waiting for {what}:\n{self.log()[-4000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"no {what} after {PATIENCE:.0f} s:\n{self.log()[-4000:]}")
            time.sleep(0.2)


@pytest.fixture(scope="module")
def hub():
    if subprocess.run(["which", "configurable-http-proxy"], capture_output=True).returncode != 0:
        pytest.fail("configurable-http-proxy is not on PATH (npm ci in .ci/proxy, see .ci/test)")
    with tempfile.TemporaryDirectory(prefix="goconc-hub-") as tmp:
        prefix = os.path.join(tmp, "opt", "goconc")
        # As the image's build stage installs it; the warm-up (for %%race)
        # is not what this test is about.
        subprocess.run(["bash", os.path.join(ROOT, "docker", "install.sh"), "--prefix", prefix, "--no-warm"],
                       check=True, cwd=ROOT)
        data = os.path.join(tmp, "data")
        homes = os.path.join(tmp, "home")
        os.makedirs(data)
        os.makedirs(homes)
        env = hub_env(tmp)
        config = os.path.join(tmp, "jupyterhub_config.py")
        log_path = os.path.join(tmp, "hub.log")
        # The ports are free when chosen, but another process may take one
        # before the hub binds it: then the hub exits, and a fresh set is
        # tried.
        for attempt in range(1, 6):
            port, hub_port, proxy_port = free_ports(3)
            with open(config, "w") as f:
                f.write(OVERRIDE.format(project=PROJECT_CONFIG, prefix=prefix, homes=homes, path=env["PATH"],
                                        port=port, hub_port=hub_port, proxy_port=proxy_port, data=data))
            with open(log_path, "w") as log:
                proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", config, "--debug"], cwd=tmp, env=env,
                                        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            h = Hub(f"http://127.0.0.1:{port}", proc, log_path)
            if h.started() or attempt == 5 or "Address already in use" not in h.log():
                break
            stop(proc, tmp)
        try:
            h.wait("hub API answering", lambda: answers(h.url + "/hub/api/"))
            yield h
        finally:
            keep = os.environ.get("GOCONC_SCREENSHOTS")
            if keep:
                with contextlib.suppress(OSError):
                    with open(os.path.join(keep, "hub.log"), "w") as f:
                        f.write(h.log())
            stop(proc, tmp)


def stop(proc, tmp):
    # SIGTERM lets the hub stop the students' servers and its proxy.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=PATIENCE)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    # The hub starts its proxy in a session of its own, to outlive a
    # restart: a hub that died at start left it running, on its ports.
    with contextlib.suppress(OSError, ValueError):
        with open(os.path.join(tmp, "jupyterhub-proxy.pid")) as f:
            pid = int(f.read().strip())
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            if b"configurable-http-proxy" in f.read():
                os.kill(pid, signal.SIGTERM)


def answers(url):
    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.RequestException:
        return False


class Browser:
    """One person's cookies, logging in through the hub's form as a browser does."""

    def __init__(self, hub):
        self.hub = hub
        self.s = requests.Session()

    def login(self, name, password):
        self.name = name
        self.s.get(self.hub.url + "/hub/login").raise_for_status()
        return self.s.post(self.hub.url + "/hub/login", allow_redirects=False,
                           data={"username": name, "password": password, "_xsrf": self.s.cookies.get("_xsrf")})

    def token(self):
        # A cookie-authenticated API call needs the XSRF token, as the hub's own pages send it.
        r = self.s.post(f"{self.hub.url}/hub/api/users/{self.name}/tokens", json={"note": "goconc test"},
                        headers={"X-XSRFToken": self.s.cookies.get("_xsrf")})
        assert r.status_code == 201, f"{self.name} could not get an API token: {r.status_code} {r.text}"
        return r.json()["token"]


def api(hub, token, method, path, **kw):
    r = requests.request(method, hub.url + path, headers={"Authorization": f"token {token}"}, timeout=60, **kw)
    assert r.status_code < 300, f"{method} {path}: {r.status_code} {r.text[:500]}"
    return r.json() if r.content else None


def logged_in(hub, name, password):
    b = Browser(hub)
    r = b.login(name, password)
    assert r.status_code == 302, f"{name} could not log in: {r.status_code}"
    return b


def test_wrong_password_is_refused(hub):
    r = Browser(hub).login("mallory", "not-the-password")
    assert r.status_code == 403, f"a wrong password got {r.status_code}"
    assert "Invalid username or password" in r.text
    # Nor can a student log in as the teacher with the students' password.
    assert Browser(hub).login("teacher", STUDENT_PASSWORD).status_code == 403


@pytest.mark.parametrize("name,notebook", [("alice", "04-mutex.ipynb"), ("bob", "07-channels.ipynb")])
def test_student_runs_the_course(hub, name, notebook):
    b = logged_in(hub, name, STUDENT_PASSWORD)
    token = b.token()
    api(hub, token, "POST", f"/hub/api/users/{name}/server")
    hub.wait(f"{name}'s server ready",
             lambda: (api(hub, token, "GET", f"/hub/api/users/{name}")["servers"].get("") or {}).get("ready"))

    # The default URL: the browser follows the hub's redirects (and the
    # server's OAuth login) to the welcome notebook in JupyterLab.
    r = b.s.get(f"{hub.url}/user/{name}/")
    assert r.status_code == 200, r.status_code
    assert r.url == f"{hub.url}/user/{name}{WELCOME}", f"{name}'s server opened {r.url}"
    assert "jupyter-config-data" in r.text, "the default URL is not a JupyterLab page"

    server = f"/user/{name}/api"
    copied = sorted(x["name"] for x in api(hub, token, "GET", server + "/contents/goconc-course")["content"])
    course = sorted(n for n in os.listdir(os.path.join(ROOT, "notebooks")) if n.endswith(".ipynb") or n == "README.md")
    assert copied == course, "the start hook did not copy the course into the home"
    specs = api(hub, token, "GET", server + "/kernelspecs")
    assert specs["default"] == "goconc", f"default kernel {specs['default']}"
    assert "goconc" in specs["kernelspecs"]

    nb = nbformat.from_dict(api(hub, token, "GET", f"{server}/contents/goconc-course/{notebook}")["content"])
    kernel = api(hub, token, "POST", server + "/kernels", json={"name": "goconc"})
    try:
        run_notebook(hub, token, name, kernel["id"], nb)
    finally:
        api(hub, token, "DELETE", f"{server}/kernels/{kernel['id']}")


def run_notebook(hub, token, name, kernel_id, nb):
    """Runs every code cell over the kernel's websocket, as JupyterLab does,
    and checks what a student sees: every cell ran, errors only where the
    course shows a mistake on purpose, a timeline wherever the saved course
    has one."""
    ws_url = hub.url.replace("http", "ws", 1) + f"/user/{name}/api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(ws_url, header=[f"Authorization: token {token}"], timeout=PATIENCE)
    session = uuid.uuid4().hex
    try:
        ran = 0
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            outputs = execute(ws, session, cell.source)
            ran += 1
            tagged = "raises-exception" in cell.metadata.get("tags", [])
            errors = [o["content"] for o in outputs if o["msg_type"] == "error"]
            assert bool(errors) == tagged, \
                f"cell {i}: errors {[(e['ename'], e['evalue']) for e in errors]}, tagged raises-exception: {tagged}"
            got = sum(1 for o in outputs if o["msg_type"] == "display_data"
                      and o["content"]["data"].get("image/svg+xml", "").lstrip().startswith("<svg"))
            want = sum(1 for o in cell.get("outputs", []) if o.output_type == "display_data"
                       and "image/svg+xml" in o.data)
            assert got == want, f"cell {i}: {got} timelines, the saved course has {want}"
        assert ran > 5, f"only {ran} code cells"
    finally:
        ws.close()


def execute(ws, session, code):
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": session, "username": "test",
                   "version": "5.3", "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": False},
    }))
    outputs, replied, idle = [], False, False
    while not (replied and idle):
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if msg["channel"] == "shell" and msg["msg_type"] == "execute_reply":
            replied = True
        elif msg["channel"] == "iopub":
            if msg["msg_type"] == "status":
                idle = msg["content"]["execution_state"] == "idle"
            else:
                outputs.append(msg)
    return outputs


def test_teacher_lists_the_students(hub):
    # Runs after the students' test in this file: both have servers.
    token = logged_in(hub, "teacher", TEACHER_PASSWORD).token()
    users = {u["name"]: u for u in api(hub, token, "GET", "/hub/api/users")}
    assert {"alice", "bob"} <= users.keys(), f"users {sorted(users)}"
    assert users["teacher"]["admin"], "the teacher is no admin"
    assert not users["alice"]["admin"]
    for name in ("alice", "bob"):
        assert users[name]["servers"][""]["ready"], f"the teacher does not see {name}'s server"


def test_idle_culler_is_running(hub):
    token = logged_in(hub, "teacher", TEACHER_PASSWORD).token()
    culler = api(hub, token, "GET", "/hub/api/services/idle-culler")
    pid = culler["pid"]
    assert pid, f"the idle-culler service has no process: {culler}"
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        cmdline = f.read().replace(b"\0", b" ").decode()
    assert "jupyterhub_idle_culler" in cmdline and "--timeout=3600" in cmdline, cmdline
    # It culls once at start: it has asked the hub for the users with its own token.
    hub.wait("a request of the idle culler in the hub's log",
             lambda: re.search(r"200 GET /hub/api/users\S* \(idle-culler@", hub.log()))


def test_no_config_option_is_ignored(hub):
    # traitlets warns, and goes on, on an option no class knows.
    ignored = re.findall(r".*not recognized by.*", hub.log())
    assert not ignored, ignored


def test_docker_spawner_settings_load(monkeypatch, caplog):
    # The hub above replaced the spawner; here DockerSpawner itself takes
    # the project's settings, as the classroom's hub does when it starts.
    from dockerspawner import DockerSpawner
    from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
    for k, v in hub_env("/nonexistent").items():
        monkeypatch.setenv(k, v)
    loader = PyFileConfigLoader(os.path.basename(PROJECT_CONFIG), HERE)
    config = loader.load_config()
    with caplog.at_level(logging.WARNING):
        spawner = DockerSpawner(config=config, user=types.SimpleNamespace(name="alice", id=1, url="/user/alice/"))
        auth = SharedPasswordAuthenticator(config=config)
    assert not [r.getMessage() for r in caplog.records if "not recognized" in r.getMessage()]
    assert spawner.image == "goconc:latest"
    assert spawner.network_name == "goconc_hub"
    assert spawner.mem_limit == 1024 ** 3
    assert spawner.cpu_limit == 1.0
    assert spawner.default_url == WELCOME
    assert spawner.remove
    assert spawner.object_name == "jupyter-alice"
    assert spawner.volumes["goconc-student-{username}"] == "/home/jovyan"
    assert auth.user_password == STUDENT_PASSWORD
    assert auth.admin_users == {"teacher"}


def test_kubernetes_values_load(caplog):
    # Zero to JupyterHub hands hub.config to the same traitlets classes.
    import yaml
    from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
    from traitlets.config import Config
    with open(os.path.join(ROOT, "docker", "jupyterhub", "values.yaml")) as f:
        values = yaml.safe_load(f)
    with caplog.at_level(logging.WARNING):
        auth = SharedPasswordAuthenticator(config=Config(values["hub"]["config"]))
        auth.check_allow_config()
    assert not [r.getMessage() for r in caplog.records], "values.yaml's login settings draw warnings"
    assert auth.admin_users == {"teacher"} and auth.admin_password
