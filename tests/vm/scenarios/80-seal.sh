# boot: seal
# timeout: 900
# The seal, tried the way a root attacker would. Every attempt first runs against an unsealed
# enforcer, where it must work (the enforcer is switched off, or an exemption is borrowed:
# otherwise this test could not fail), then against the same policy sealed, where the kernel
# must refuse it while /dev/mem stays denied and exempt programs keep working.
#
# The policy: the kernel's integrity level, and dev_mem for two exempt programs, one static
# (/opt/ex/ldtamper) and one dynamically linked (/opt/dyn/ldtamper-dyn).

mkdir -p /opt/ex /opt/dyn /tmp/mv
cp /bin/ldtamper /opt/ex/ldtamper
cp /bin/ldtamper-dyn /opt/dyn/ldtamper-dyn
cat >/tmp/seal.conf <<'EOP'
[Policy]
Deny=integrity

[agent]
Executable=/opt/ex/ldtamper /opt/dyn/ldtamper-dyn
Allow=dev_mem
EOP

# The target process for the borrow attempts: serve_start runs it (exempt) and waits for the
# address it prints; serve OP hands it an op through a file renamed into place (a file being
# written could be read empty and unlinked) and waits until it is consumed; served waits up to
# 10 s for a result line.
serve_start() {
	rm -f /tmp/cmd /tmp/serve.out /tmp/serve.addr
	/opt/ex/ldtamper serve /tmp/cmd /tmp/serve.out >/tmp/serve.addr &
	server=$!
	wait_for 10 test -s /tmp/serve.addr
	addr=$(awk '{ print $2 }' /tmp/serve.addr)
}
serve() {
	echo "$1" >/tmp/cmd.new && mv /tmp/cmd.new /tmp/cmd
	wait_for 10 test ! -e /tmp/cmd
}
served() {
	wait_for 10 test -s /tmp/serve.out
	cat /tmp/serve.out 2>/dev/null
}

# fresh: an unsealed enforcer with the policy, whatever the last attempt left.
mounted() { awk -v d="$1" '$2 == d { f = 1 } END { exit !f }' /proc/mounts; }
fresh() {
	mounted /sys || remount_sys
	mounted /sys/fs/bpf || mount -t bpf bpf /sys/fs/bpf
	lockdown remove >/dev/null 2>&1
	rm -rf /sys/fs/bpf/x /sys/fs/bpf/lockdown 2>/dev/null
	lockdown apply /tmp/seal.conf >/tmp/fresh.out 2>&1 || not_ok "fresh-$1" "$(cat /tmp/fresh.out)"
}
remount_sys() {
	mount -t sysfs sys /sys
	mount -t securityfs securityfs /sys/kernel/security
	mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
	mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
	mount -t cgroup2 cgroup2 /sys/fs/cgroup
}
# off CHECK: enforcement is gone (5.10 detaches an unpinned link from a work queue: wait).
off() {
	_i=0
	while [ $_i -lt 30 ] && [ "$(trig dev_mem)" = denied ]; do sleep 0.1; _i=$((_i + 1)); done
	expect_trig "$1" dev_mem allowed
}
# attempt CHECK WANT CMD...: ldtamper's outcome word (ok, refused, error) of its first line.
attempt() {
	_c=$1 _w=$2
	shift 2
	_l=$("$@" 2>&1 | head -n1)
	_o=$(echo "$_l" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(ok|refused|error)$/) { print $i; exit } }')
	expect_eq "$_c" "$_o" "$_w" "$_l"
}
devmem_by() { "$@" 2>&1 | grep '^dev_mem ' | awk '{ print $2 }'; } # ldtamper's dev_mem outcome

# ---- Policies a seal would not protect: refused before anything changes -------------------
lockdown remove >/dev/null 2>&1
expect_rc refuse-desktop 1 lockdown apply --profile desktop --seal --yes
grep -q 'hibernation' /tmp/out && grep -q -- '--force' /tmp/out && ok refuse-desktop-says-why ||
	not_ok refuse-desktop-says-why "$(head -c 300 /tmp/out)"
expect_rc refuse-allow 1 lockdown apply --profile allow --seal --yes
expect_rc refuse-audit-mode 1 lockdown apply --profile integrity --audit --seal --yes
expect_rc refuse-no-tty 2 sh -c 'lockdown apply --profile integrity --seal </dev/null'
printf '[Policy]\nDeny=integrity\n[ops]\nUser=nobody\nAllow=perf\n' >/tmp/uid.conf
lockdown check /tmp/uid.conf >/dev/null 2>&1
expect_rc refuse-root-uid 1 sh -c "printf '[Policy]\nDeny=integrity\n[r]\nUser=0\nAllow=kexec\n' >/tmp/u0.conf && lockdown apply /tmp/u0.conf --seal --yes"
expect_eq refused-nothing-loaded "$(ls /sys/fs/bpf | grep -c lockdown)" 0

# ---- Unsealed: each attempt works --------------------------------------------------------
fresh remove
expect_rc u-remove 0 lockdown remove
off u-remove-off
fresh rm
rm -rf /sys/fs/bpf/lockdown
off u-rm-off
fresh mv
mv /sys/fs/bpf/lockdown /sys/fs/bpf/x && rm -rf /sys/fs/bpf/x
off u-mv-off
fresh umount
umount /sys/fs/bpf
off u-umount-off
fresh umount-lazy
umount -l /sys/fs/bpf
off u-umount-lazy-off
fresh umount-parent
umount -l /sys
off u-umount-parent-off
fresh move
mount --move /sys/fs/bpf /tmp/mv && umount -l /tmp/mv
off u-move-off
fresh map-policy
attempt u-map-write-policy ok ldtamper map-write policy
off u-map-write-policy-off
fresh map-active
attempt u-map-write-active ok ldtamper map-write active
off u-map-write-active-off
fresh map-counters
attempt u-map-write-counters ok ldtamper map-write counters
attempt u-map-write-loading ok ldtamper map-write loading
fresh prog
attempt u-prog-write-counters ok ldtamper prog-write counters 16 0
attempt u-prog-write-revoked ok ldtamper prog-write revoked 0 0
# No program may write the policy maps, sealed or not (BPF_F_RDONLY_PROG).
attempt u-prog-write-policy-never refused ldtamper prog-write policy 0 1
mim=$(ldtamper map-in-map counters 2>&1)
case $mim in
"map-in-map counters ok "*) ok u-map-in-map ;;
*"insert: Invalid argument") skip u-map-in-map "this kernel takes no such inner map: $mim" ;;
*) not_ok u-map-in-map "$mim" ;;
esac
attempt u-link-detach-never refused ldtamper link-detach
attempt u-prog-fd ok ldtamper prog-fd
# BPF against BPF: an extension replacing the decision program's global function (the one this
# kernel's program variant calls) allows everything while it is attached; a map-element
# iterator writes the policy through a read-only handle.
fn=ld_object_rule_btf
lockdown status -j | grep -q '"program":"probe-read' && fn=ld_object_rule_probe
fresh freplace
_l=$(ldbpfatk freplace $fn ldtrigger dev_mem 2>&1)
case $_l in
"freplace ok $fn"*"dev_mem allowed"*) ok u-freplace ;;
*) not_ok u-freplace "$(echo "$_l" | tr '\n' ' ' | head -c 300)" ;;
esac
expect_trig u-freplace-detached dev_mem denied
fresh iter
attempt u-iter-policy ok ldbpfatk iter policy
expect_trig u-iter-policy-off dev_mem allowed
# kernel.ftrace_enabled=0 turns the trampolines off (6.1 and later; 5.10 refuses with EBUSY),
# and a seal is refused while it is 0.
fresh ftrace
if (echo 0 >/proc/sys/kernel/ftrace_enabled) 2>/tmp/ft.err; then
	expect_trig u-ftrace-off dev_mem allowed
	lockdown apply /tmp/seal.conf --seal --yes >/tmp/ft.out 2>&1
	rc=$?
	[ $rc -ne 0 ] && grep -q 'ftrace_enabled is 0' /tmp/ft.out && ok u-ftrace-seal-refused ||
		not_ok u-ftrace-seal-refused "exit $rc: $(cat /tmp/ft.out)"
	echo 1 >/proc/sys/kernel/ftrace_enabled
	expect_trig u-ftrace-on-again dev_mem denied
else
	skip u-ftrace-off "the kernel refuses it anyway: $(cat /tmp/ft.err)"
fi
fresh reapply
expect_rc u-reapply-allow 0 lockdown apply --profile allow
off u-reapply-allow-off
fresh reapply-audit
expect_rc u-reapply-audit 0 lockdown apply /tmp/seal.conf --audit
off u-reapply-audit-off

# Exemptions: what the exempt programs may do, any other code can borrow.
fresh exemptions
expect_eq u-exempt-static "$(devmem_by /opt/ex/ldtamper dev_mem)" ok
expect_eq u-exempt-dynamic "$(devmem_by /opt/dyn/ldtamper-dyn dev_mem)" ok
expect_eq u-not-exempt "$(devmem_by ldtamper dev_mem)" refused
serve_start
for how in ptrace procmem vmwrite; do
	: >/tmp/serve.out
	attempt "u-poke-$how" ok ldtamper poke $how $server "$addr" dev_mem
	expect_eq "u-poke-$how-borrowed" "$(served)" "dev_mem allowed"
done
attempt u-pidfd-getfd ok ldtamper pidfd-getfd $server 1
kill $server
expect_eq u-traceme-exec "$(devmem_by ldtamper traceme-exec /opt/ex/ldtamper dev_mem)" ok
# The kernel changes a process's executable link only once the old one is unmapped: started
# through the dynamic loader, the process unmaps the loader and points its link at the exempt
# file, then opens /dev/mem as that file.
expect_eq u-prctl-exe-borrowed \
	"$(/lib64/ld-linux-x86-64.so.2 /bin/ldtamper-dyn prctl-exe-ldso /opt/ex/ldtamper 2>&1 | tr '\n' ' ' | awk '{ print $2, $NF }')" \
	"ok open"
attempt u-rewrite ok ldtamper rewrite /opt/ex/ldtamper /bin/ldtrigger
expect_eq u-rewrite-borrowed "$(/opt/ex/ldtamper dev_mem 2>&1 | awk '{ print $1, $2 }')" "dev_mem allowed"
cp /bin/ldtamper /tmp/orig && ldtamper rewrite /opt/ex/ldtamper /tmp/orig >/dev/null
attempt u-truncate ok ldtamper truncate /opt/ex/ldtamper
cp /opt/evil/libldevil.so /tmp/libevil.so
rm -f /tmp/evil.out
LDEVIL_OUT=/tmp/evil.out LD_PRELOAD=/tmp/libevil.so /opt/dyn/ldtamper-dyn dev_mem >/dev/null 2>&1
expect_eq u-ld-preload-borrowed "$(cat /tmp/evil.out 2>/dev/null)" "libldevil dev_mem allowed"
rm -f /tmp/evil.out
LDEVIL_OUT=/tmp/evil.out /opt/dyn/ldtamper-dyn dlopen /tmp/libevil.so >/dev/null 2>&1
expect_eq u-dlopen-borrowed "$(cat /tmp/evil.out 2>/dev/null)" "libldevil dev_mem allowed"
mkdir -p /tmp/lib && cp /lib/x86_64-linux-gnu/libc.so.6 /tmp/lib/
expect_eq u-ld-library-path "$(devmem_by env LD_LIBRARY_PATH=/tmp/lib /opt/dyn/ldtamper-dyn dev_mem)" ok

# ---- Sealed --------------------------------------------------------------------------------
fresh seal
lockdown audit -j >/tmp/audit-u.json 2>&1
expect_eq u-audit-sealed "$(audit_status /tmp/audit-u.json enforcer.sealed)" fail
st=$(audit_status /tmp/audit-u.json interfaces.msr)
ev=$(audit_evidence /tmp/audit-u.json interfaces.msr)
case "$st/$ev" in
pass/*) not_ok u-audit-msr "$st: $ev" ;;
*"loaded but not sealed"*) ok u-audit-msr ;;
*) not_ok u-audit-msr "$st: $ev" ;;
esac
ldtamper hold /tmp/hold.go >/tmp/hold.out 2>&1 &
holder=$!
wait_for 10 grep -q '^hold ready' /tmp/hold.out
expect_rc seal 0 lockdown apply /tmp/seal.conf --seal --yes
grep -q 'sealed until reboot' /tmp/out && ok seal-says || not_ok seal-says "$(cat /tmp/out)"
lockdown status -j >/tmp/st.json
grep -q '"sealed":true' /tmp/st.json && grep -q '"sealed_at":"20' /tmp/st.json && ok status-sealed ||
	not_ok status-sealed "$(head -c 400 /tmp/st.json)"
lockdown status | grep -q '^seal .*sealed since ' && ok status-text-sealed ||
	not_ok status-text-sealed "$(lockdown status | grep seal)"
# The audit takes a sealed enforcer as evidence for a reason it denies to every task, never
# for one it exempts a program from (dev_mem here), and an unsealed one (above) for neither.
lockdown audit -j >/tmp/audit-s.json 2>&1
expect_eq s-audit-sealed "$(audit_status /tmp/audit-s.json enforcer.sealed)" pass
st=$(audit_status /tmp/audit-s.json interfaces.msr)
ev=$(audit_evidence /tmp/audit-s.json interfaces.msr)
case "$st/$ev" in
pass/*"sealed lockdown enforcer denies msr to every task"*) ok s-audit-msr ;;
*) not_ok s-audit-msr "$st: $ev" ;;
esac
st=$(audit_status /tmp/audit-s.json memory.devmem)
ev=$(audit_evidence /tmp/audit-s.json memory.devmem)
case "$st/$ev" in
pass/* | */*"denies dev_mem to every"*) not_ok s-audit-devmem-exempted "$st: $ev" ;;
*"does not deny dev_mem to every task"*) ok s-audit-devmem-exempted ;;
*) not_ok s-audit-devmem-exempted "$st: $ev" ;;
esac
pins=$(ls /sys/fs/bpf/lockdown | wc -l)
touch /tmp/hold.go
wait $holder
expect_eq s-held-handles "$(tail -n1 /tmp/hold.out | awk '{ print $2 }')" refused "$(cat /tmp/hold.out | tr '\n' ' ')"

expect_rc s-remove 1 lockdown remove
grep -q 'sealed' /tmp/out && ok s-remove-says || not_ok s-remove-says "$(cat /tmp/out)"
expect_rc s-reapply-allow 1 lockdown apply --profile allow
expect_rc s-reapply-audit 1 lockdown apply /tmp/seal.conf --audit
expect_rc s-reapply-same 1 lockdown apply /tmp/seal.conf --seal --yes
expect_rc s-rm 1 rm -rf /sys/fs/bpf/lockdown
expect_rc s-rm-link 1 rm /sys/fs/bpf/lockdown/link
expect_rc s-mv 1 mv /sys/fs/bpf/lockdown /sys/fs/bpf/x
expect_rc s-rename-into 1 sh -c 'touch /tmp/f; mv /sys/fs/bpf/lockdown/link /sys/fs/bpf/l2'
expect_rc s-rmdir 1 rmdir /sys/fs/bpf/lockdown
expect_rc s-umount 1 umount /sys/fs/bpf
expect_rc s-umount-lazy 1 umount -l /sys/fs/bpf
expect_rc s-umount-parent-lazy 1 umount -l /sys
expect_rc s-umount-root-lazy 1 umount -l /
expect_rc s-move 1 mount --move /sys/fs/bpf /tmp/mv
expect_rc s-cover 1 mount -t tmpfs none /sys/fs/bpf
expect_rc s-cover-pins 1 mount -t tmpfs none /sys/fs/bpf/lockdown
expect_rc s-umount-other-ns 1 unshare -m umount -l /sys/fs/bpf
expect_eq s-pins-intact "$(ls /sys/fs/bpf/lockdown | wc -l)" "$pins"
attempt s-map-write-policy refused ldtamper map-write policy
attempt s-map-write-active refused ldtamper map-write active
attempt s-map-write-exes refused ldtamper map-write exes
attempt s-map-write-trusted refused ldtamper map-write trusted
attempt s-map-write-seal refused ldtamper map-write seal
attempt s-map-write-counters refused ldtamper map-write counters
attempt s-map-write-rate refused ldtamper map-write rate
attempt s-map-write-objects refused ldtamper map-write objects
attempt s-map-write-loading refused ldtamper map-write loading
attempt s-prog-write-counters refused ldtamper prog-write counters 16 0
attempt s-prog-write-revoked refused ldtamper prog-write revoked 0 0
attempt s-prog-write-policy refused ldtamper prog-write policy 0 1
attempt s-map-in-map-counters refused ldtamper map-in-map counters
attempt s-map-in-map-rate refused ldtamper map-in-map rate
attempt s-link-detach refused ldtamper link-detach
attempt s-prog-fd refused ldtamper prog-fd
attempt s-freplace refused ldbpfatk freplace $fn ldtrigger dev_mem
attempt s-iter-policy refused ldbpfatk iter policy
attempt s-iter-seal refused ldbpfatk iter seal
if (echo 0 >/proc/sys/kernel/ftrace_enabled) 2>/tmp/ft.err; then
	not_ok s-ftrace-off "ftrace_enabled written: $(cat /proc/sys/kernel/ftrace_enabled)"
	echo 1 >/proc/sys/kernel/ftrace_enabled
else
	grep -q 'Operation not permitted' /tmp/ft.err && ok s-ftrace-off || not_ok s-ftrace-off "$(cat /tmp/ft.err)"
fi
expect_eq s-ftrace-still-on "$(cat /proc/sys/kernel/ftrace_enabled)" 1
expect_rc s-ftrace-read 0 cat /proc/sys/kernel/ftrace_enabled
expect_trig s-still-denied dev_mem denied

# Exemptions hold, and cannot be borrowed.
expect_eq s-exempt-static "$(devmem_by /opt/ex/ldtamper dev_mem)" ok
expect_eq s-exempt-dynamic "$(devmem_by /opt/dyn/ldtamper-dyn dev_mem)" ok
expect_eq s-not-exempt "$(devmem_by ldtamper dev_mem)" refused
# (While the file runs, the kernel itself refuses writes with ETXTBSY: try them first.)
attempt s-rewrite refused ldtamper rewrite /opt/ex/ldtamper /bin/ldtrigger
expect_rc s-rewrite-unchanged 0 cmp /opt/ex/ldtamper /bin/ldtamper
attempt s-truncate refused ldtamper truncate /opt/ex/ldtamper
expect_rc s-shell-append 1 sh -c 'echo x >>/opt/ex/ldtamper'
serve_start
serve dev_mem
expect_eq s-serve-legit "$(served)" "dev_mem allowed"
for how in ptrace procmem vmwrite; do
	: >/tmp/serve.out
	attempt "s-poke-$how" refused ldtamper poke $how $server "$addr" dev_mem
	# The server reads its memory before the file: after two noops, a poked op has run.
	serve noop
	serve noop
	expect_eq "s-poke-$how-nothing" "$(served | tr '\n' ' ')" "noop done noop done "
done
attempt s-pidfd-getfd refused ldtamper pidfd-getfd $server 1
attempt s-ptrace-init refused ldtamper poke ptrace 1 0 x
expect_eq s-traceme-exec "$(devmem_by ldtamper traceme-exec /opt/ex/ldtamper dev_mem)" refused
attempt s-prctl-exe refused /lib64/ld-linux-x86-64.so.2 /bin/ldtamper-dyn prctl-exe-ldso /opt/ex/ldtamper
rm -f /tmp/evil.out
LDEVIL_OUT=/tmp/evil.out LD_PRELOAD=/tmp/libevil.so /opt/dyn/ldtamper-dyn dev_mem >/dev/null 2>&1
expect_eq s-ld-preload "$(cat /tmp/evil.out 2>/dev/null)" ""
LDEVIL_OUT=/tmp/evil.out LD_PRELOAD=/opt/evil/libldevil.so /opt/dyn/ldtamper-dyn dev_mem >/dev/null 2>&1
expect_eq s-ld-preload-unlisted "$(cat /tmp/evil.out 2>/dev/null)" ""
attempt s-dlopen refused env LDEVIL_OUT=/tmp/evil.out /opt/dyn/ldtamper-dyn dlopen /tmp/libevil.so
expect_eq s-dlopen-nothing "$(cat /tmp/evil.out 2>/dev/null)" ""
expect_eq s-ld-library-path "$(devmem_by env LD_LIBRARY_PATH=/tmp/lib /opt/dyn/ldtamper-dyn dev_mem)" ""
# Not exempt programs may still load any library.
expect_eq s-others-preload "$(LDEVIL_OUT=/tmp/evil.out LD_PRELOAD=/tmp/libevil.so ldtamper-dyn dev_mem 2>&1 | awk '{ print $2 }')" refused
expect_eq s-others-preload-ran "$(cat /tmp/evil.out 2>/dev/null)" "libldevil dev_mem denied"

# The kernel's own integrity level, operation by operation, while sealed.
for op in $(ldtrigger list | awk '{ print $1 }'); do
	reason=$(ldtrigger list | awk -v o="$op" '$1 == o { print $2 }')
	class=$(reason_class "$reason")
	[ -n "$class" ] || continue
	want=allowed
	[ "$class" = integrity ] && want=denied
	expect_trig "s-matrix-$op" "$op" "$want"
done

# The record: refusals counted per kind and reported as events.
lockdown stats -j >/tmp/stats.json
for kind in unlink rename rmdir umount mount map-write prog-maps map-in-map ptrace file-write truncate code exe-link prog-fd map-iter knob; do
	n=$(tr -d '\n ' </tmp/stats.json | grep -o "{[^{}]*\"kind\":\"$kind\"}" | sed -n 's/.*"denied":\([0-9]*\).*/\1/p')
	[ "${n:-0}" -gt 0 ] && ok "s-counted-$kind" || not_ok "s-counted-$kind" "denied=${n:-none}"
done
lockdown events >/tmp/ev.txt
grep -q '^lockdown: deny tamper unlink (.*) pid=[0-9]* comm=rm exe=' /tmp/ev.txt && ok s-event-text ||
	not_ok s-event-text "$(grep tamper /tmp/ev.txt | head -n3)"
lockdown events -j >/tmp/ev.json
expect_rc s-events-json 0 ldtamper json-valid /tmp/ev.json

# A protected file removed: its inode number may come back, the exemption does not. The
# running exempt process loses it (withheld: replaced), and a new file at the path is new.
serve dev_mem
: >/tmp/serve.out
rm /opt/ex/ldtamper
serve dev_mem
expect_eq s-revoked "$(served)" "dev_mem denied"
lockdown events -j | grep -q '"exemption_withheld":"replaced"' && ok s-revoked-event ||
	not_ok s-revoked-event "no event says replaced"
cp /bin/ldtamper /opt/ex/ldtamper
expect_eq s-new-file-not-exempt "$(devmem_by /opt/ex/ldtamper dev_mem)" refused
expect_rc s-refresh-stale 1 lockdown refresh
grep -q 'exemption \[agent\] /opt/ex/ldtamper is stale until reboot' /tmp/out && ok s-refresh-says ||
	not_ok s-refresh-says "$(cat /tmp/out)"
lockdown status | grep -q '^warning .*exemption for /opt/ex/ldtamper is stale.*sealed: until reboot' &&
	ok s-status-stale || not_ok s-status-stale "$(lockdown status | grep -i stale)"
kill $server
expect_trig s-end-still-denied dev_mem denied

# Metrics for node_exporter's textfile collector, written atomically; the host checks the
# lines printed here with promtool and a real node_exporter (tests/metrics/check-prometheus).
mkdir -p /tmp/prom
expect_rc prom-output 0 lockdown stats --format prometheus -o /tmp/prom/lockdown.prom
lockdown stats --format prometheus >/tmp/prom.stdout
expect_rc prom-same 0 cmp /tmp/prom/lockdown.prom /tmp/prom.stdout
expect_eq prom-no-temp-left "$(ls /tmp/prom)" lockdown.prom
grep -q '^lockdown_sealed 1$' /tmp/prom.stdout && ok prom-sealed || not_ok prom-sealed "$(head -c 300 /tmp/prom.stdout)"
grep -q '^lockdown_tamper_refused_total{kind="unlink"} [1-9]' /tmp/prom.stdout && ok prom-tamper ||
	not_ok prom-tamper "$(grep tamper_refused /tmp/prom.stdout | head -n3)"
sed 's/^/LDTPROM /' /tmp/prom.stdout
