"""JupyterHub for a goconc class on one machine (docker/compose.yaml).

Every student gets a goconc container of their own (DockerSpawner) with a home
volume that outlives the container, the course mounted read-only, and a
memory and CPU limit. Login is one shared workshop password: good for a
workshop, not for a course with real accounts (use an OAuthenticator there).
"""

import os
import sys

c = get_config()  # noqa: F821 (provided by JupyterHub)


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None or value == "":
        sys.exit(f"goconc hub: set {name} (see docker/compose.yaml)")
    return value


def password(name, at_least):
    value = env(name)
    if len(value) < at_least:
        sys.exit(f"goconc hub: {name} has {len(value)} characters; JupyterHub wants at least {at_least}")
    return value


# Students: any user name, one shared password (at least 8 characters); the
# teacher logs in as "teacher" with a password of their own (at least 32).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = password("GOCONC_PASSWORD", 8)
c.SharedPasswordAuthenticator.admin_password = password("GOCONC_ADMIN_PASSWORD", 32)
if c.SharedPasswordAuthenticator.user_password == c.SharedPasswordAuthenticator.admin_password:
    sys.exit("goconc hub: GOCONC_PASSWORD and GOCONC_ADMIN_PASSWORD must differ")
c.Authenticator.admin_users = {"teacher"}
c.Authenticator.allow_all = True

# One goconc container per student, on the compose network.
c.JupyterHub.spawner_class = "dockerspawner.DockerSpawner"
c.DockerSpawner.image = env("GOCONC_IMAGE", "goconc:latest")
c.DockerSpawner.network_name = env("GOCONC_NETWORK", "goconc_hub")
c.DockerSpawner.use_internal_ip = True  # the hub reaches students on that network
c.DockerSpawner.remove = True  # the container goes, the home volume stays
c.DockerSpawner.volumes = {
    "goconc-student-{username}": "/home/jovyan",
    env("GOCONC_COURSE_HOST_DIR"): {"bind": "/home/jovyan/course-readonly", "mode": "ro"},
}
c.DockerSpawner.mem_limit = env("GOCONC_STUDENT_MEMORY", "1G")
c.DockerSpawner.cpu_limit = float(env("GOCONC_STUDENT_CPUS", "1"))
# Every student's server opens on the welcome notebook (the start hook has
# copied the course into the home by then).
c.Spawner.default_url = "/lab/tree/goconc-course/00-welcome.ipynb"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60

# The hub listens on all interfaces of its container; student containers
# reach it by its compose service name.
c.JupyterHub.bind_url = "http://0.0.0.0:8000"
c.JupyterHub.hub_ip = "0.0.0.0"
c.JupyterHub.hub_connect_ip = "hub"
c.JupyterHub.db_url = "sqlite:////srv/jupyterhub/data/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "/srv/jupyterhub/data/jupyterhub_cookie_secret"

# Stop servers idle for an hour, so a forgotten tab does not hold memory.
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"],
    }
]
