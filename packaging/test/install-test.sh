#!/bin/sh
# Install and upgrade test of the praefect .deb on a clean Debian 12 minbase root, through chroot.
#
#   install-test.sh <praefect_N.deb> <praefect_N+1.deb> <cache dir> <results file>
#
# The root comes from `debootstrap --variant=minbase bookworm`, made once and kept as a tar in
# <cache dir> (not committed); each run unpacks a copy into a scratch dir. Every step appends
# "outcome<TAB>step<TAB>message<TAB>seconds" to <results file> (outcome: pass, fail, skip); the
# Cake target PackageCheck turns those into test results. Run as root. Exit status: 0 when no
# step failed.
set -u

deb=$1
next_deb=$2
cache=$3
results=$4

here=$(cd "$(dirname "$0")" && pwd)
suite=bookworm
mirror=http://deb.debian.org/debian
cache_tar="$cache/debootstrap-$suite-minbase.tar"
archives="$cache/debootstrap-$suite-archives"
scratch=$(mktemp -d /tmp/praefect-install-test.XXXXXX)
root="$scratch/root"
praefect_pid=""
runsvdir_pid=""
failures=0
last=$(date +%s)

# --- reporting ------------------------------------------------------------------------------

report() {
    now=$(date +%s)
    message=$(printf '%s' "$3" | tr '\t\n' '  ')
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$message" "$((now - last))" >> "$results"
    echo "[install-test] $1: $2: $message"
    last=$now
    if [ "$1" = fail ]; then failures=$((failures + 1)); fi
}
pass() { report pass "$1" "$2"; }
fail() { report fail "$1" "$2"; }
skip() { report skip "$1" "$2"; }

# Last lines of a log, on one line, for a failure message.
tail_of() { tail -n "${2:-15}" "$1" 2>/dev/null | tr '\n' ' '; }

# --- the chroot -----------------------------------------------------------------------------

in_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}

stop_praefect() {
    if [ -n "$praefect_pid" ]; then
        kill "$praefect_pid" 2>/dev/null
        # Bounded wait for the graceful stop, then force.
        i=0
        while kill -0 "$praefect_pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
        kill -9 "$praefect_pid" 2>/dev/null
        wait "$praefect_pid" 2>/dev/null
        praefect_pid=""
    fi
}

# Any process whose root is our scratch root (started by us or by the package): stop it, so that
# /proc can be unmounted.
kill_root_processes() {
    for link in /proc/[0-9]*/root; do
        target=$(readlink "$link" 2>/dev/null) || continue
        case "$target" in
            "$root"|"$root"/*) pid=${link#/proc/}; kill -9 "${pid%/root}" 2>/dev/null ;;
        esac
    done
}

mounted_under_scratch() { grep -q " $scratch/" /proc/mounts; }

cleanup() {
    stop_praefect
    [ -n "$runsvdir_pid" ] && kill "$runsvdir_pid" 2>/dev/null
    kill_root_processes
    if grep -q " $root/proc " /proc/mounts; then
        umount "$root/proc" 2>/dev/null || umount -l "$root/proc"
    fi
    if mounted_under_scratch; then
        echo "[install-test] something is still mounted under $scratch; leaving it in place" >&2
    else
        rm -rf --one-file-system "$scratch"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A grpc.health.v1.Health/Check request: 5-byte gRPC frame header, empty HealthCheckRequest. The
# answer SERVING is the header then HealthCheckResponse{status: SERVING} = 08 01.
printf '\000\000\000\000\000' > "$scratch/health-request"

prepare_root() {
    mkdir -p "$cache"
    if [ ! -f "$cache_tar" ]; then
        started=$(date +%s)
        if ! debootstrap --variant=minbase "$suite" "$scratch/new" "$mirror" > "$scratch/debootstrap.log" 2>&1; then
            fail "debootstrap root" "debootstrap --variant=minbase $suite failed: $(tail_of "$scratch/debootstrap.log" 5)"
            return 1
        fi
        chroot "$scratch/new" apt-get clean
        tar -C "$scratch/new" -cf "$cache_tar.partial" . && mv "$cache_tar.partial" "$cache_tar"
        rm -rf --one-file-system "$scratch/new"
        cache_state="cold: debootstrap took $(($(date +%s) - started)) s, cached in $cache_tar"
    else
        cache_state="warm: $cache_tar"
    fi
    mkdir -p "$root"
    tar -C "$root" -xf "$cache_tar"
    mount -t proc proc "$root/proc"
    pass "debootstrap root" "$cache_state"
}

# The package's declared dependencies that minbase lacks, from the mirror (downloads cached
# beside the root), so that dpkg -i finds them present. Returns the names it installed.
install_dependencies() {
    names=$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/,/ /g')
    mkdir -p "$archives"
    cp "$archives"/*.deb "$root/var/cache/apt/archives/" 2>/dev/null
    missing=""
    for name in $names; do
        in_root dpkg-query -W -f '${Status}' "$name" 2>/dev/null | grep -q "ok installed" || missing="$missing $name"
    done
    if [ -n "$missing" ]; then
        # shellcheck disable=SC2086
        if ! in_root apt-get install -y --no-install-recommends $missing > "$scratch/apt.log" 2>&1; then
            in_root apt-get update > "$scratch/apt.log" 2>&1
            # shellcheck disable=SC2086
            if ! in_root apt-get install -y --no-install-recommends $missing >> "$scratch/apt.log" 2>&1; then
                fail "declared dependencies" "apt-get install$missing failed: $(tail_of "$scratch/apt.log" 5)"
                return 1
            fi
        fi
        cp "$root"/var/cache/apt/archives/*.deb "$archives/" 2>/dev/null
    fi
    pass "declared dependencies" "Depends: $(dpkg-deb -f "$deb" Depends); minbase lacked:${missing:- nothing}"
}

# The test harness's supervisor for the upgrade part: runit, as Omnibus runs services (not a
# dependency of the package; installed before the "before" snapshot).
install_runit() {
    if ! in_root apt-get install -y --no-install-recommends runit > "$scratch/runit.log" 2>&1; then
        in_root apt-get update > "$scratch/runit.log" 2>&1
        if ! in_root apt-get install -y --no-install-recommends runit >> "$scratch/runit.log" 2>&1; then
            fail "test harness: runit" "apt-get install runit failed: $(tail_of "$scratch/runit.log" 5)"
            return 1
        fi
    fi
    cp "$root"/var/cache/apt/archives/*.deb "$archives/" 2>/dev/null
    mkdir -p "$root/opt/gitlab/service"
    return 0
}

start_runsvdir() {
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin runsvdir -P /opt/gitlab/service > "$scratch/runsvdir.log" 2>&1 &
    runsvdir_pid=$!
}

# Every path in the root except the ones that change by themselves (logs, caches, proc).
snapshot() {
    (cd "$root" && find . -xdev \( -path ./proc -o -path ./tmp -o -path ./var/cache/apt -o -path ./var/lib/apt \
        -o -path ./dev \) -prune -o -print) | sort
}

free_port() {
    while :; do
        port=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000 + 20000 ))
        hex=$(printf ':%04X ' "$port")
        if ! grep -q "$hex" /proc/net/tcp /proc/net/tcp6 2>/dev/null; then echo "$port"; return; fi
    done
}

# --- steps ------------------------------------------------------------------------------------

step_install() {
    cp "$deb" "$root/tmp/praefect.deb"
    if in_root dpkg -i /tmp/praefect.deb > "$scratch/install.log" 2>&1; then
        pass "dpkg -i $(basename "$deb")" "$(grep '^praefect:' "$scratch/install.log" | tail -n 2 | tr '\n' ' ')"
    else
        fail "dpkg -i $(basename "$deb")" "$(tail_of "$scratch/install.log")"
        return 1
    fi
    mode=$(stat -c '%a %U' "$root/etc/gitlab/gitlab.rb" 2>/dev/null)
    if [ "$mode" = "600 root" ] && cmp -s "$root/etc/gitlab/gitlab.rb" "$root/opt/praefect/etc/gitlab.rb.template"; then
        pass "postinst created gitlab.rb" "/etc/gitlab/gitlab.rb is the template, mode 600, owner root"
    else
        fail "postinst created gitlab.rb" "expected the template with mode 600 root, found mode '$mode'"
    fi
}

step_libraries() {
    unresolved=$(in_root sh -c 'for f in /opt/praefect/bin/*; do case "$(head -c 4 "$f" | od -An -c | tr -d " ")" in 177ELF) ldd "$f" | sed "s|^|$f: |" ;; esac; done' | grep 'not found')
    if [ -z "$unresolved" ]; then
        pass "shared libraries resolve" "ldd finds every library of every ELF file in /opt/praefect/bin"
    else
        fail "shared libraries resolve" "$unresolved"
    fi
}

step_version() {
    expected=$1
    output=$(in_root praefect --version 2>&1)
    status=$?
    if [ $status -eq 0 ] && printf '%s' "$output" | grep -q "$expected"; then
        pass "praefect --version ($expected)" "$output"
    else
        fail "praefect --version ($expected)" "exit $status: $output"
    fi
}

# The admin writes the seed's gitlab.rb.
write_seed_gitlab_rb() {
    listen_port=$(free_port)
    metrics_port=$(free_port)
    sed "s/@LISTEN_PORT@/$listen_port/g; s/@METRICS_PORT@/$metrics_port/g" "$here/gitlab.rb" > "$root/etc/gitlab/gitlab.rb"
    chmod 600 "$root/etc/gitlab/gitlab.rb"
}

step_ctl() {
    name="praefect-ctl $*"
    output=$(in_root praefect-ctl "$@" 2>&1)
    status=$?
    if [ $status -eq 0 ]; then pass "$name" "$(printf '%s' "$output" | tail -n 1)"; else fail "$name" "exit $status: $output"; fi
    return $status
}

step_health() {
    config=/var/opt/gitlab/praefect/config.yml
    if [ ! -f "$root$config" ]; then
        fail "praefect serves grpc health" "no $config was rendered"
        return 1
    fi
    user_spec=""
    if in_root getent passwd git >/dev/null; then user_spec="--userspec=git:git"; fi
    # shellcheck disable=SC2086
    chroot $user_spec "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp /opt/praefect/bin/praefect --config "$config" \
        > "$scratch/praefect.log" 2>&1 &
    praefect_pid=$!
    if service_serving; then
        pass "praefect serves grpc health" "SERVING on 127.0.0.1:$listen_port (as ${user_spec:-root})"
    else
        fail "praefect serves grpc health" "no SERVING answer on 127.0.0.1:$listen_port; praefect log: $(tail_of "$scratch/praefect.log")"
    fi
    stop_praefect
}

step_remove() {
    if in_root dpkg -r praefect > "$scratch/remove.log" 2>&1 && [ ! -e "$root/opt/praefect/bin/praefect" ] \
        && [ ! -e "$root/usr/bin/praefect-ctl" ] && [ -f "$root/etc/gitlab/gitlab.rb" ]; then
        pass "dpkg -r praefect" "binaries gone, /etc/gitlab/gitlab.rb kept"
    else
        fail "dpkg -r praefect" "$(tail_of "$scratch/remove.log")"
    fi
}

# After purge: compare with the snapshot taken before the install. What may stay (listed in
# packaging/README.md): the admin's gitlab.rb, the data dir with the queue database, the log dir
# with its logs, and the service user (useradd's backups of passwd, group, shadow, gshadow).
documented_leftovers='^\./etc/gitlab(/gitlab\.rb)?$|^\./var/opt(/gitlab(/praefect(/praefect\.db(-wal|-shm|-journal)?)?)?)?$|^\./var/log/gitlab(/praefect(/.*)?)?$|^\./etc/(passwd|group|shadow|gshadow|subuid|subgid)-$'
step_purge() {
    label=$1
    before=$2
    if ! in_root dpkg -P praefect > "$scratch/purge.log" 2>&1; then
        fail "$label" "dpkg -P failed: $(tail_of "$scratch/purge.log")"
        return 1
    fi
    snapshot > "$scratch/after-purge"
    left=$(comm -13 "$before" "$scratch/after-purge" | tr '\n' ' ')
    unexpected=$(comm -13 "$before" "$scratch/after-purge" | grep -Ev "$documented_leftovers")
    if [ -z "$unexpected" ]; then
        pass "$label" "left: ${left:-nothing}"
    else
        fail "$label" "undocumented leftovers: $(echo "$unexpected" | tr '\n' ' ')"
    fi
}

# The service's pid as 'praefect-ctl status' reports it under runit ("run: praefect: (pid 42) 3s").
service_pid() {
    in_root praefect-ctl status praefect 2>/dev/null | sed -n 's/^run: praefect: (pid \([0-9]*\)).*/\1/p'
}

# Bounded wait (30 s) until praefect on the listen port answers the health check with SERVING.
service_serving() {
    i=0
    while [ $i -lt 300 ]; do
        if curl -s --http2-prior-knowledge --max-time 2 -H 'content-type: application/grpc' -H 'te: trailers' \
            --data-binary @"$scratch/health-request" -o "$scratch/health-response" \
            "http://127.0.0.1:$listen_port/grpc.health.v1.Health/Check" \
            && [ "$(od -An -tx1 "$scratch/health-response" | tr -d ' \n')" = "00000000020801" ]; then
            return 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# Upgrade, Omnibus style under runit: N is installed and its postinst reconfigures and starts the
# service. The rendered config.yml is then changed behind reconfigure's back, so that only a
# reconfigure by N+1's postinst can restore it.
step_upgrade() {
    version_next=$(dpkg-deb -f "$next_deb" Version)
    config="$root/var/opt/gitlab/praefect/config.yml"
    cp "$deb" "$root/tmp/praefect.deb"
    cp "$next_deb" "$root/tmp/praefect-next.deb"
    if ! in_root dpkg -i /tmp/praefect.deb > "$scratch/upgrade-n.log" 2>&1; then
        fail "upgrade: install N" "$(tail_of "$scratch/upgrade-n.log")"
        return 1
    fi
    if ! grep -q "praefect: reconfigure done" "$scratch/upgrade-n.log" || [ ! -f "$config" ]; then
        fail "upgrade: postinst of N reconfigured and started praefect" "$(tail_of "$scratch/upgrade-n.log")"
        return 1
    fi
    pid_before=$(service_pid)
    if [ -n "$pid_before" ] && service_serving; then
        pass "upgrade: postinst of N reconfigured and started praefect" "runit runs praefect (pid $pid_before), health SERVING"
    else
        fail "upgrade: postinst of N reconfigured and started praefect" "pid '$pid_before'; postinst: $(grep -v '^[(]Reading' "$scratch/upgrade-n.log" | tail -n 8 | tr '\n' ' ')"
    fi
    rendered=$(sha256sum < "$config")
    echo "# changed behind reconfigure's back" >> "$config"
    admin_hash=$(sha256sum < "$root/etc/gitlab/gitlab.rb")
    if ! in_root dpkg -i /tmp/praefect-next.deb > "$scratch/upgrade.log" 2>&1; then
        fail "upgrade: dpkg -i N+1 ($version_next)" "$(tail_of "$scratch/upgrade.log")"
        return 1
    fi
    pass "upgrade: dpkg -i N+1 ($version_next)" "$(grep '^praefect:' "$scratch/upgrade.log" | tr '\n' ' ')"
    if grep -q "praefect: reconfigure done" "$scratch/upgrade.log" && [ "$(sha256sum < "$config")" = "$rendered" ]; then
        pass "upgrade: postinst of N+1 reconfigured" "config.yml rendered again"
    else
        fail "upgrade: postinst of N+1 reconfigured" "config.yml not restored; postinst said: $(grep '^praefect:' "$scratch/upgrade.log" | tr '\n' ' ')"
    fi
    if [ "$(sha256sum < "$root/etc/gitlab/gitlab.rb")" = "$admin_hash" ]; then
        pass "upgrade: admin's gitlab.rb untouched" "sha256 unchanged across the upgrade"
    else
        fail "upgrade: admin's gitlab.rb untouched" "/etc/gitlab/gitlab.rb changed during the upgrade"
    fi
    step_version "$version_next"
    pid_after=$(service_pid)
    if [ -n "$pid_after" ] && [ "$pid_after" != "$pid_before" ] && service_serving; then
        pass "upgrade: service restarted on N+1" "pid $pid_before -> $pid_after, health SERVING"
    else
        fail "upgrade: service restarted on N+1" "pid before '$pid_before', after '$pid_after'"
    fi
}

# A gitlab.rb that does not parse: reinstalling still succeeds, says why, and leaves the
# rendered files as they were.
step_failed_reconfigure() {
    config="$root/var/opt/gitlab/praefect/config.yml"
    cp "$root/etc/gitlab/gitlab.rb" "$scratch/gitlab.rb.good"
    rendered=$(sha256sum < "$config")
    printf "praefect['listen_addr'] = 'unterminated\n" >> "$root/etc/gitlab/gitlab.rb"
    in_root dpkg -i /tmp/praefect-next.deb > "$scratch/broken.log" 2>&1
    status=$?
    state=$(in_root dpkg-query -W -f '${Status}' praefect 2>/dev/null)
    if [ $status -eq 0 ] && [ "$state" = "install ok installed" ] && grep -q "praefect-ctl reconfigure failed" "$scratch/broken.log" \
        && [ "$(sha256sum < "$config")" = "$rendered" ]; then
        pass "failed reconfigure keeps the package installed" "dpkg exit 0, state '$state', config.yml unchanged; $(grep -i 'error\|^praefect:' "$scratch/broken.log" | head -n 4 | tr '\n' ' ')"
    else
        fail "failed reconfigure keeps the package installed" "dpkg exit $status, state '$state': $(tail_of "$scratch/broken.log")"
    fi
    cp "$scratch/gitlab.rb.good" "$root/etc/gitlab/gitlab.rb"
}

# /etc/gitlab/skip-auto-reconfigure: the postinst says so and leaves the rendered files alone.
step_skip_auto_reconfigure() {
    config="$root/var/opt/gitlab/praefect/config.yml"
    touch "$root/etc/gitlab/skip-auto-reconfigure"
    echo "# changed behind reconfigure's back" >> "$config"
    changed=$(sha256sum < "$config")
    in_root dpkg -i /tmp/praefect-next.deb > "$scratch/skip.log" 2>&1
    status=$?
    if [ $status -eq 0 ] && grep -q "skip-auto-reconfigure exists" "$scratch/skip.log" && [ "$(sha256sum < "$config")" = "$changed" ]; then
        pass "skip-auto-reconfigure honoured" "$(grep '^praefect:' "$scratch/skip.log" | tr '\n' ' ')"
    else
        fail "skip-auto-reconfigure honoured" "dpkg exit $status: $(tail_of "$scratch/skip.log")"
    fi
    rm -f "$root/etc/gitlab/skip-auto-reconfigure"
}

# Any praefect process running in the root.
praefect_processes() {
    for link in /proc/[0-9]*/root; do
        [ "$(readlink "$link" 2>/dev/null)" = "$root" ] || continue
        dir=${link%/root}
        tr '\0' ' ' < "$dir/cmdline" 2>/dev/null | grep -q '^/opt/praefect/bin/praefect ' && echo "${dir#/proc/}"
    done
}

# Remove stops the service that runit runs (prerm: praefect-ctl stop). Bounded wait for the exit.
step_remove_stops_service() {
    pid=$(service_pid)
    running=$(praefect_processes)
    in_root dpkg -r praefect > "$scratch/remove-runit.log" 2>&1
    status=$?
    i=0
    while [ -n "$(praefect_processes)" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    left=$(praefect_processes)
    if [ $status -eq 0 ] && [ -n "$pid" ] && [ "$running" = "$pid" ] && [ -z "$left" ]; then
        pass "dpkg -r stops the service" "praefect (pid $pid) stopped by prerm: $(grep -i 'ok:\|stop' "$scratch/remove-runit.log" | head -n 2 | tr '\n' ' ')"
    else
        fail "dpkg -r stops the service" "dpkg exit $status, service pid '$pid', praefect processes before '$running', after '$left'; $(tail_of "$scratch/remove-runit.log")"
    fi
}

# --- main -------------------------------------------------------------------------------------

: > "$results"
prepare_root || exit 1
install_dependencies || exit 1
install_runit || exit 1
snapshot > "$scratch/before-install"
step_install || exit 1
step_libraries
step_version "$(dpkg-deb -f "$deb" Version)"
write_seed_gitlab_rb
step_ctl check
step_ctl reconfigure --no-restart
step_health
step_remove
step_purge "dpkg -P praefect leaves only documented data" "$scratch/before-install"

snapshot > "$scratch/before-upgrade"
start_runsvdir
step_upgrade && step_failed_reconfigure && step_skip_auto_reconfigure
step_remove_stops_service
step_purge "upgrade: dpkg -P under runit leaves only documented data" "$scratch/before-upgrade"
[ "$failures" -eq 0 ]
