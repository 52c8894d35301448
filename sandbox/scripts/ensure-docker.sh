#!/usr/bin/env bash
# Make a Docker engine reachable for the sandbox, doing only what is missing:
#   1. install docker.io with apt when no docker client or dockerd exists;
#   2. start dockerd in the background when no engine answers;
#   3. wait until the engine answers (DOCKER_WAIT_SECONDS, default 90);
#   4. install debootstrap with apt when missing (the offline image build needs it).
# Idempotent, and safe while an engine already runs (then it changes nothing).
# Concurrent runs are serialised with a lock, so two callers never start two daemons.
set -euo pipefail

WAIT_SECONDS="${DOCKER_WAIT_SECONDS:-90}"
LOG="${DOCKERD_LOG:-/var/log/grpo-rewards-dockerd.log}"
LOCK="${TMPDIR:-/tmp}/grpo-rewards-ensure-docker.lock"

say() { echo "ensure-docker: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "need root for: $*  (run this script as root, or start Docker yourself)"; exit 1
    fi
}

engine_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

APT_UPDATED=0
apt_install() {
    say "installing $* with apt"
    if [ "$APT_UPDATED" = 0 ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >/dev/null
}

install_docker() {
    if command -v docker >/dev/null 2>&1 && command -v dockerd >/dev/null 2>&1; then return; fi
    if [ -n "${DOCKER_HOST:-}" ] && command -v docker >/dev/null 2>&1; then return; fi
    apt_install docker.io
}

install_debootstrap() {
    if command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ]; then return; fi
    apt_install debootstrap
}

start_dockerd() {
    if [ -n "${DOCKER_HOST:-}" ]; then
        say "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine (this script only starts a local dockerd)"
        exit 1
    fi
    if pgrep -x dockerd >/dev/null 2>&1; then
        say "dockerd is running but does not answer yet; waiting"
        return
    fi
    say "starting dockerd (log: $LOG)"
    as_root mkdir -p "$(dirname "$LOG")"
    as_root setsid nohup dockerd >>"$LOG" 2>&1 </dev/null &
}

wait_for_engine() {
    local waited=0
    until engine_answers; do
        if [ "$waited" -ge "$WAIT_SECONDS" ]; then
            say "no Docker engine answered within ${WAIT_SECONDS}s; see $LOG"
            tail -n 20 "$LOG" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

main() {
    if command -v docker >/dev/null 2>&1 && engine_answers; then install_debootstrap; return; fi
    exec 9>"$LOCK"
    flock -w "$WAIT_SECONDS" 9 || { say "could not take $LOCK"; exit 1; }
    install_docker
    install_debootstrap
    if ! engine_answers; then start_dockerd; fi
    wait_for_engine
    say "engine $(docker version --format '{{.Server.Version}}') answers"
}

main "$@"
