#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the end-to-end test of `repro build-report --slurm`
# (and for trying it by hand). Debian 12 (Slurm 22.05, munge), run as root, no systemd needed.
#
#   scripts/slurm-local.sh up       install what is missing, write /etc/slurm/slurm.conf, start
#                                   munged, slurmctld and slurmd, wait until the node is idle
#   scripts/slurm-local.sh down     stop the three daemons and remove their state and logs
#   scripts/slurm-local.sh status   whether each daemon runs, and the node's state
#
# `up` twice is fine (it leaves running daemons alone); `down` when nothing runs is fine too.
# SLURM_LOCAL_TIMEOUT (seconds, default 60) bounds the wait for an idle node.
set -euo pipefail

conf=/etc/slurm/slurm.conf
timeout=${SLURM_LOCAL_TIMEOUT:-60}
packages=(slurmctld slurmd slurm-client munge)

say() { echo "slurm-local: $*"; }
fail() { echo "slurm-local: $*" >&2; exit 1; }

# The pid in a pid file, if that process is alive.
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

need_root() {
    [ "$(id -u)" = 0 ] || fail "run as root (it installs packages and starts daemons), e.g. sudo $0 $1"
}

install_packages() {
    local missing=()
    for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} = 0 ] && return
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

write_conf() {
    local host cpus mem_kib mem_mib
    host=$(hostname -s)
    cpus=$(nproc)
    mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
    # Leave the system some room: slurmd refuses a node that claims more than it has.
    mem_mib=$(( mem_kib / 1024 * 9 / 10 ))
    install -d /etc/slurm
    local tmp
    tmp=$(mktemp /etc/slurm/.slurm.conf.XXXXXX)
    cat > "$tmp" <<EOF
# Written by repro's scripts/slurm-local.sh: a one-node cluster on $host.
ClusterName=repro
SlurmctldHost=$host
AuthType=auth/munge
CredType=cred/munge
SlurmUser=slurm
SlurmdUser=root
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
NodeName=$host CPUs=$cpus RealMemory=$mem_mib State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
    chmod 644 "$tmp"
    mv "$tmp" "$conf"
}

node_state() { sinfo -h -o %T 2>/dev/null | head -n 1; }

up() {
    need_root up
    install_packages
    if alive /run/slurmctld.pid && alive /run/slurmd.pid && [ "$(node_state)" = idle ]; then
        say "already up ($(hostname -s) idle)"
        return
    fi
    write_conf
    install -d -o slurm -g slurm /var/lib/slurm/slurmctld /var/lib/slurm/slurmd /var/log/slurm
    install -d -o munge -g munge /run/munge
    [ -s /etc/munge/munge.key ] || fail "/etc/munge/munge.key is missing; reinstall munge (apt-get install --reinstall munge)"
    alive /run/munge/munged.pid || runuser -u munge -- /usr/sbin/munged
    alive /run/slurmctld.pid || /usr/sbin/slurmctld -c
    alive /run/slurmd.pid || /usr/sbin/slurmd
    local waited=0 state=""
    while :; do
        state=$(node_state)
        case "$state" in
            idle|mixed|allocated) break ;;
        esac
        if [ "$waited" -ge "$timeout" ]; then
            fail "the node is not idle after ${timeout} s (state '${state:-none}'); see /var/log/slurm/slurmctld.log and slurmd.log"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    say "up: node $(hostname -s), $(nproc) CPUs, state $state after ${waited} s"
}

stop_pid() {
    local file=$1 pid waited=0
    alive "$file" || return 0
    pid=$(cat "$file")
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 20 ]; do sleep 0.5; waited=$((waited + 1)); done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
}

down() {
    need_root down
    stop_pid /run/slurmd.pid
    stop_pid /run/slurmctld.pid
    stop_pid /run/munge/munged.pid
    rm -f /run/slurmd.pid /run/slurmctld.pid
    rm -rf /var/lib/slurm/slurmctld/* /var/lib/slurm/slurmd/* /var/log/slurm/*
    say "down"
}

status() {
    local name file
    for name in munged slurmctld slurmd; do
        case $name in
            munged) file=/run/munge/munged.pid ;;
            *) file=/run/$name.pid ;;
        esac
        if alive "$file"; then echo "$name: running (pid $(cat "$file"))"; else echo "$name: stopped"; fi
    done
    if command -v sinfo >/dev/null; then echo "node: $(node_state || true)"; fi
    alive /run/slurmctld.pid
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) status ;;
    *) echo "usage: $0 up|down|status" >&2; exit 64 ;;
esac
