#!/usr/bin/env bash
# What CI checks of the classroom image on a machine without a Docker engine:
# docker/install.sh, run natively into a temporary prefix exactly as the
# Dockerfile runs it, gives a Jupyter that
#   - lists the goconc kernel spec from the prefix (JUPYTER_PATH),
#   - makes goconc the default kernel of new notebooks (JUPYTER_CONFIG_PATH,
#     asked of a running Notebook server through its REST API),
# and the start hook copies the course into a fresh home, where one course
# notebook runs through `jupyter execute` with that kernel spec.
# Needs Debian's jupyter-notebook and jupyter-nbconvert (.ci/test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
JUPYTER=${JUPYTER:-/usr/bin/jupyter}
PY=${PY:-/usr/bin/python3}

work=$(mktemp -d)
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
prefix="$work/opt/goconc"

bash docker/install.sh --prefix "$prefix"

export JUPYTER_PATH="$prefix/share/jupyter"
export JUPYTER_CONFIG_PATH="$prefix/etc/jupyter"
export JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config"
export PYDEVD_DISABLE_FILE_VALIDATION=1

echo "check: kernel spec from the prefix"
$JUPYTER kernelspec list | tee "$work/specs"
grep -q "goconc *$prefix/share/jupyter/kernels/goconc" "$work/specs"

echo "check: goconc is the default kernel of a running Notebook server"
token=check-install-$$
port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
root=; [ "$(id -u)" = 0 ] && root=--allow-root
$JUPYTER notebook $root --no-browser --ip=127.0.0.1 --port="$port" --NotebookApp.token="$token" \
	--notebook-dir="$work" >"$work/server.log" 2>&1 &
server=$!
default=
for _ in $(seq 1 100); do
	default=$($PY - "$port" "$token" <<-'PYEOF' 2>/dev/null || true
	import json, sys, urllib.request
	port, token = sys.argv[1:]
	with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}", timeout=2) as r:
	    print(json.load(r)["default"])
	PYEOF
	)
	[ -n "$default" ] && break
	kill -0 "$server" 2>/dev/null || break
	sleep 0.2
done
if [ "$default" != goconc ]; then
	echo "the Notebook server's default kernel is '${default:-<no answer>}', want goconc"
	cat "$work/server.log"
	exit 1
fi
echo "default kernel: $default"

echo "check: the start hook copies the course into a fresh home, and a course notebook runs"
home="$work/home/jovyan"
mkdir -p "$home"
GOCONC_COURSE_SOURCE="$prefix/share/goconc/course" HOME="$home" NB_USER=no-such-user \
	bash -c 'source docker/copy-course.sh'
nb="$home/goconc-course/00-welcome.ipynb"
test -f "$nb"
$JUPYTER execute --timeout=120 --kernel_name=goconc "$nb" 2>&1 | tail -n 3
echo "check-install: all good"
