#!/usr/bin/env bash
# Start hook (docker-stacks runs it from /usr/local/bin/before-notebook.d):
# copies the course from the image into the student's home, never
# overwriting what is there. A student's edited notebook stays as it is; a
# notebook added to the course in a newer image appears at the next start;
# a deleted one comes back fresh. The pristine course stays read-only at
# GOCONC_COURSE_SOURCE.
#
# It runs as root (containers started as root, as JupyterHub's DockerSpawner
# may do) or as the notebook user; as root it gives the copies to NB_UID.
# It is sourced by run-hooks.sh when its name ends in .sh, so it must not
# exit the calling shell: everything happens in a subshell, whose failures
# are checked one by one (set -e does not apply in a subshell followed by ||).
(
	set -u
	src=${GOCONC_COURSE_SOURCE:-/opt/goconc/share/goconc/course}
	home=/home/${NB_USER:-jovyan}
	[ -d "$home" ] || home=${HOME:-/home/jovyan}
	dest=${GOCONC_COURSE_DIR:-$home/goconc-course}
	if [ ! -d "$src" ]; then
		echo "goconc: no course at $src; nothing copied" >&2
		exit 0
	fi
	mkdir -p "$dest" || exit 1
	copied=0
	for f in "$src"/*; do
		name=$(basename "$f")
		if [ ! -e "$dest/$name" ]; then
			cp "$f" "$dest/$name" || exit 1
			chmod u+w "$dest/$name" || exit 1
			copied=$((copied + 1))
		fi
	done
	if [ "$(id -u)" = 0 ]; then
		chown -R "${NB_UID:-1000}:${NB_GID:-100}" "$dest" || exit 1
	fi
	echo "goconc: course in $dest ($copied notebook(s) copied, the others kept as they were)"
) || echo "goconc: could not copy the course into the home directory (see above); it is still at ${GOCONC_COURSE_SOURCE:-/opt/goconc/share/goconc/course}" >&2
