# boot: enforcer
# timeout: 120
# Subjects: an executable exemption lets one binary through while a copy of the same binary
# at another path (same comm) is denied; a cgroup exemption; a uid rule; the precedence
# executable > cgroup > uid > default. (The uid rule audits: allowed, and reported.)

lockdown remove >/dev/null 2>&1
mkdir -p /opt/a /opt/b /sys/fs/cgroup/exempt
cp /bin/ldtrigger /opt/a/ldtrigger
cp /bin/ldtrigger /opt/b/ldtrigger
cat >/tmp/subjects.conf <<'EOP'
[Policy]
Deny=integrity

[tool]
Executable=/opt/a/ldtrigger
Allow=dev_mem

[exempt-cgroup]
Cgroup=/sys/fs/cgroup/exempt
Allow=dev_mem,ioport

[nobody]
User=nobody
Audit=hibernation
EOP
expect_rc apply 0 lockdown apply /tmp/subjects.conf

out() { "$@" 2>&1 | head -n1 | awk '{ print $2 }'; }
expect_eq exe-exempt "$(out /opt/a/ldtrigger dev_mem)" allowed
expect_eq exe-copy-same-comm "$(out /opt/b/ldtrigger dev_mem)" denied
expect_eq exe-original "$(out ldtrigger dev_mem)" denied
expect_eq exe-other-reason "$(out /opt/a/ldtrigger ioport)" denied

in_cgroup() { sh -c 'echo $$ >/sys/fs/cgroup/exempt/cgroup.procs && exec "$@"' sh "$@"; }
expect_eq cgroup-exempt "$(out in_cgroup ldtrigger dev_mem)" allowed
expect_eq cgroup-exempt-ioport "$(out in_cgroup ldtrigger ioport)" allowed
expect_eq cgroup-not-kexec "$(out in_cgroup ldtrigger kexec)" denied
expect_eq outside-cgroup "$(out ldtrigger ioport)" denied
# The executable rule is more specific than the cgroup rule.
expect_eq exe-over-cgroup "$(out in_cgroup /opt/a/ldtrigger ioport)" denied

as_nobody() { su -s /bin/sh nobody -c "$*"; }
expect_eq uid-allow "$(out as_nobody ldtrigger hibernation)" allowed
expect_eq root-not-uid "$(out ldtrigger hibernation)" denied

lockdown events -j >/tmp/ev.json
grep '"match":"executable"' /tmp/ev.json | grep -q '"rule":"tool"' && ok event-names-rule ||
	not_ok event-names-rule "no event matched rule tool: $(head -c 300 /tmp/ev.json)"
grep '"match":"uid"' /tmp/ev.json | grep -q '"uid":65534' && ok event-uid ||
	not_ok event-uid "no uid event: $(grep -c . /tmp/ev.json) events"

expect_rc remove 0 lockdown remove
