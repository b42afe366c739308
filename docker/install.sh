#!/usr/bin/env bash
# Installs goconc for a classroom into one prefix, outside any home directory:
#
#   PREFIX/bin/goconc                         the kernel
#   PREFIX/share/jupyter/kernels/goconc       its kernel spec (add PREFIX/share/jupyter to JUPYTER_PATH)
#   PREFIX/etc/jupyter/jupyter_{server,notebook}_config.json
#                                             goconc as the default kernel of new notebooks
#                                             (add PREFIX/etc/jupyter to JUPYTER_CONFIG_PATH)
#   PREFIX/share/goconc/course                the course notebooks, read-only reference
#   PREFIX/share/goconc/copy-course.sh        start hook copying the course into a home
#   PREFIX/share/goconc/install.sh            this script, for --warm-only in a later stage
#
# The Dockerfile runs it (build stage: everything but the warm-up; final stage,
# as the notebook user: --warm-only), and so does CI, natively, into a
# temporary prefix. Usage:
#
#   docker/install.sh --prefix DIR [--no-warm | --warm-only]
#
# The warm-up runs a %%race and a %%vet cell through goconc itself, so the Go
# build cache (GOCACHE) and module cache (GOMODCACHE) hold what those magics
# need: the race runtime, the standard library built with -race, and
# golang.org/x/sync at the version goconc was built with. It needs the Go
# toolchain and a C compiler.
set -euo pipefail

prefix= warm=1 build=1
while [ $# -gt 0 ]; do
	case "$1" in
	--prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
	--prefix=*) prefix=${1#--prefix=}; shift ;;
	--no-warm) warm=0; shift ;;
	--warm-only) build=0; shift ;;
	-h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "install.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
done
if [ -z "$prefix" ]; then
	echo "install.sh: --prefix DIR is required (for example /opt/goconc)" >&2
	exit 2
fi
case "$prefix" in
/home/*) echo "install.sh: $prefix is under /home, which JupyterHub hides behind each student's volume; choose a prefix such as /opt/goconc" >&2; exit 2 ;;
esac
if ! command -v go >/dev/null; then
	echo "install.sh: the go command is not on PATH; install Go 1.26 (https://go.dev/dl) first" >&2
	exit 1
fi
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
share="$prefix/share/goconc"
step() { printf 'install.sh: %s\n' "$*"; }

if [ "$build" = 1 ]; then
	repo=$(cd "$(dirname "$0")/.." && pwd)
	if [ ! -f "$repo/go.mod" ] || [ ! -d "$repo/kernel/cmd/goconc" ]; then
		echo "install.sh: run it from a goconc checkout (no kernel/cmd/goconc beside $0)" >&2
		exit 1
	fi
	step "building goconc into $prefix/bin"
	mkdir -p "$prefix/bin" "$share/course" "$prefix/etc/jupyter"
	(cd "$repo" && go build -trimpath -o "$prefix/bin/goconc" ./kernel/cmd/goconc)
	"$prefix/bin/goconc" version

	step "kernel spec into $prefix/share/jupyter/kernels"
	"$prefix/bin/goconc" install --prefix "$prefix" --binary "$prefix/bin/goconc"

	# Jupyter Server (JupyterLab, Notebook 7) and Notebook 6 read
	# jupyter_server_config.json and jupyter_notebook_config.json from every
	# directory of the config path: goconc becomes the kernel of "New
	# notebook", and the server opens on the course.
	cat >"$prefix/etc/jupyter/jupyter_server_config.json" <<-'JSON'
	{
	  "MultiKernelManager": {"default_kernel_name": "goconc"},
	  "ServerApp": {"default_url": "/lab/tree/goconc-course/00-welcome.ipynb"}
	}
	JSON
	cat >"$prefix/etc/jupyter/jupyter_notebook_config.json" <<-'JSON'
	{
	  "MultiKernelManager": {"default_kernel_name": "goconc"}
	}
	JSON

	step "course into $share/course"
	rm -rf "$share/course"
	mkdir -p "$share/course"
	cp "$repo"/notebooks/*.ipynb "$share/course/"
	[ -f "$repo/notebooks/README.md" ] && cp "$repo/notebooks/README.md" "$share/course/"
	chmod a+r,a-w "$share"/course/*
	install -m 0755 "$repo/docker/copy-course.sh" "$share/copy-course.sh"
	install -m 0755 "$repo/docker/install.sh" "$share/install.sh"
fi

if [ "$warm" = 1 ]; then
	step "warming the Go build and module caches for %%race and %%vet (GOCACHE=$(go env GOCACHE))"
	if ! command -v cc >/dev/null && ! command -v gcc >/dev/null; then
		echo "install.sh: no C compiler (cc or gcc): %%race needs one; install gcc and libc6-dev" >&2
		exit 1
	fi
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	# One notebook, two magic cells that use sync, context and x/sync:
	# building them is exactly what a student's first %%race cell does.
	cat >"$tmp/warm.ipynb" <<-'JSON'
	{"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "goconc", "display_name": "Go (goconc)", "language": "go"}},
	 "cells": [
	  {"cell_type": "code", "id": "race", "metadata": {}, "execution_count": null, "outputs": [],
	   "source": "%%race\nimport (\n\t\"context\"\n\t\"sync\"\n\t\"golang.org/x/sync/errgroup\"\n)\nvar mu sync.Mutex\nn := 0\ng, _ := errgroup.WithContext(context.Background())\nfor range 4 {\n\tg.Go(func() error { mu.Lock(); n++; mu.Unlock(); return nil })\n}\ng.Wait()\nfmt.Println(\"warm:\", n)"},
	  {"cell_type": "code", "id": "vet", "metadata": {}, "execution_count": null, "outputs": [],
	   "source": "%%vet\nvar wg sync.WaitGroup\nwg.Go(func() {})\nwg.Wait()"}
	 ]}
	JSON
	"$prefix/bin/goconc" run --timeout 10m -o "$tmp/out.ipynb" "$tmp/warm.ipynb"
	if ! grep -q 'warm: 4' "$tmp/out.ipynb"; then
		echo "install.sh: the %%race warm-up cell did not print its result; see the output above" >&2
		exit 1
	fi
fi
step "done"
