# boot: enforcer
# timeout: 150
# The enforcer when things are not tidy: no BPF file system mounted, pins a crash left behind,
# two applies at once, a non-root re-apply, rule names of events read after two reloads, and
# `events --follow` ended by SIGINT, by a closed pipe, or by `remove`.

lockdown remove >/dev/null 2>&1

# No BPF file system on /sys/fs/bpf: apply mounts it (once, even when two applies race).
umount /sys/fs/bpf
lockdown apply --profile integrity >/tmp/a1 2>&1 &
p1=$!
lockdown apply --profile desktop >/tmp/a2 2>&1 &
p2=$!
wait $p1
r1=$?
wait $p2
r2=$?
expect_eq race-exit "$r1 $r2" "0 0" "$(cat /tmp/a1 /tmp/a2 | tr '\n' ' ')"
expect_eq race-one-first-load "$(cat /tmp/a1 /tmp/a2 | grep -c 'program loaded and pinned')" 1
expect_eq bpffs-mounted-once "$(grep -c ' /sys/fs/bpf bpf ' /proc/mounts)" 1
expect_trig race-enforced dev_mem denied
expect_rc race-remove 0 lockdown remove
expect_trig race-nothing-left dev_mem allowed

# Two applies at once on a loaded enforcer: both succeed, one of the policies is in force.
expect_rc load 0 lockdown apply --profile integrity
i=0
pids=
while [ $i -lt 4 ]; do
	lockdown apply --profile desktop >/dev/null 2>&1 &
	pids="$pids $!"
	lockdown apply --profile integrity >/dev/null 2>&1 &
	pids="$pids $!"
	i=$((i + 1))
done
fails=0
for p in $pids; do wait "$p" || fails=$((fails + 1)); done
expect_eq concurrent-reapply "$fails" 0
expect_trig concurrent-enforced dev_mem denied
gen=$(lockdown status -j | sed -n 's/.*"generation":\([0-9]*\).*/\1/p')
expect_eq concurrent-generations "$gen" 8

# Not root: refused with one line, the policy in force unchanged.
su -s /bin/sh nobody -c 'lockdown apply --profile allow' >/tmp/out 2>&1
expect_eq nonroot-reapply-exit $? 2
grep -q 'run as root' /tmp/out && ok nonroot-reapply-message ||
	not_ok nonroot-reapply-message "$(head -c 200 /tmp/out)"
expect_trig nonroot-reapply-keeps dev_mem denied

# A crash after pinning the maps but before the link: the program is not attached, status
# says nothing is loaded, and the next apply starts afresh.
rm /sys/fs/bpf/lockdown/link
# 5.10 releases an unpinned link from an RCU callback and a work queue: give it a moment.
i=0
while [ $i -lt 20 ] && [ "$(trig dev_mem)" = denied ]; do
	sleep 0.1
	i=$((i + 1))
done
expect_trig stale-detached dev_mem allowed
lockdown status | grep -q '^enforcer *not loaded' && ok stale-status ||
	not_ok stale-status "$(lockdown status | grep '^enforcer')"
expect_rc stale-apply 0 lockdown apply --profile integrity
grep -q 'program loaded' /tmp/out && ok stale-first-load || not_ok stale-first-load "$(cat /tmp/out)"
expect_trig stale-enforced dev_mem denied

# A map pin gone while the link stays: apply refuses and the old policy keeps enforcing;
# remove cleans up.
rm /sys/fs/bpf/lockdown/rate
expect_rc partial-apply 2 lockdown apply --profile allow
grep -q 'partial pin; run lockdown remove' /tmp/out && ok partial-message ||
	not_ok partial-message "$(head -c 200 /tmp/out)"
expect_trig partial-keeps-old dev_mem denied
expect_rc partial-remove 0 lockdown remove
expect_trig partial-removed dev_mem allowed
expect_eq partial-unpinned "$(ls /sys/fs/bpf | grep -c lockdown)" 0

# Rule names: an event of generation 0 read after two reloads (generation 2 reuses table set
# 0) must not take the name of generation 2's rule 1.
printf '[Policy]\nDeny=dev_mem\n[alpha]\nUser=root\nDeny=dev_mem\n' >/tmp/g0.conf
printf '[Policy]\nDeny=dev_mem\n[beta]\nUser=root\nDeny=dev_mem\n' >/tmp/g1.conf
printf '[Policy]\nDeny=dev_mem\n[gamma]\nUser=root\nDeny=dev_mem\n' >/tmp/g2.conf
expect_rc names-g0 0 lockdown apply /tmp/g0.conf
ldtrigger dev_mem >/dev/null
expect_rc names-g1 0 lockdown apply /tmp/g1.conf
expect_rc names-g2 0 lockdown apply /tmp/g2.conf
ldtrigger dev_mem >/dev/null
lockdown events -j >/tmp/names.json
first=$(head -n1 /tmp/names.json)
last=$(tail -n1 /tmp/names.json)
case $first in
*'"rule":null'*'"rule_index":1'*'"generation":0'*) ok names-old-event ;;
*) not_ok names-old-event "$first" ;;
esac
case $last in
*'"rule":"gamma"'*'"generation":2'*) ok names-new-event ;;
*) not_ok names-new-event "$last" ;;
esac

# events --follow: SIGINT ends it quietly with status 0.
lockdown events --follow >/tmp/f.out 2>/tmp/f.err &
pid=$!
sleep 1
ldtrigger dev_mem >/dev/null
wait_for 10 grep -q '^lockdown: deny dev_mem' /tmp/f.out
kill -INT $pid
wait $pid
expect_eq follow-sigint-exit $? 0
expect_eq follow-sigint-quiet "$(cat /tmp/f.err)" ""
grep -q '^lockdown: deny dev_mem' /tmp/f.out && ok follow-sigint-saw ||
	not_ok follow-sigint-saw "$(head -c 200 /tmp/f.out)"

# A reader that goes away (head): exit 0 at the next report, nothing on stderr.
(
	lockdown events --follow 2>/tmp/p.err
	echo $? >/tmp/p.rc
) | head -n1 >/tmp/p.out &
sleep 1
ldtrigger dev_mem >/dev/null
wait_for 10 test -s /tmp/p.out
# The next reports find the pipe closed: one is enough, more while the reader is slow.
for i in 1 2 3 4 5 6 7 8 9 10; do
	ldtrigger dev_mem >/dev/null
	wait_for 1 test -e /tmp/p.rc && break
done
wait
expect_eq follow-pipe-exit "$(cat /tmp/p.rc 2>/dev/null)" 0
expect_eq follow-pipe-quiet "$(cat /tmp/p.err)" ""
expect_eq follow-pipe-line "$(grep -c '^lockdown: deny dev_mem' /tmp/p.out)" 1

# remove while following: the reader ends (its buffer gets nothing more).
lockdown events --follow >/dev/null 2>/tmp/r.err &
pid=$!
sleep 1
expect_rc follow-remove 0 lockdown remove
if ! wait_for 10 sh -c "! kill -0 $pid"; then
	not_ok follow-ends-on-remove "still running after remove"
	kill $pid
else
	ok follow-ends-on-remove
fi
wait $pid
expect_eq follow-remove-exit $? 0
