# boot: enforcer
# timeout: 180
# apply -> reload with a different policy -> remove, with the outcome checked after each step;
# a malformed policy during reload leaves the previous policy enforcing; the enforcer keeps
# working after `events --follow` is killed; a reload under load never lets a call through
# that both policies deny.

lockdown remove >/dev/null 2>&1
expect_rc apply-integrity 0 lockdown apply --profile integrity
expect_trig step1-dev_mem dev_mem denied
expect_trig step1-hibernation hibernation denied
expect_trig step1-kcore kcore allowed

expect_rc reload-desktop 0 lockdown apply --profile desktop
expect_trig step2-dev_mem dev_mem denied
expect_trig step2-hibernation hibernation allowed
lockdown status -j | grep -q '"source":"profile:desktop"' && ok step2-status ||
	not_ok step2-status "$(lockdown status -j | grep -o '"source":"[^"]*"')"

printf '[Policy]\nDeny=dev_mem\nAllow=kcore\n' >/tmp/p3.conf
expect_rc reload-file 0 lockdown apply /tmp/p3.conf
expect_trig step3-dev_mem dev_mem denied
expect_trig step3-hibernation hibernation allowed
expect_trig step3-ioport ioport allowed

# Malformed: exit 1, the file:line error, and p3 still in force.
printf '[Policy]\nDeny=dev_men\n' >/tmp/bad.conf
lockdown apply /tmp/bad.conf >/tmp/out 2>&1
expect_eq malformed-exit $? 1
grep -q 'bad.conf:2:.*did you mean dev_mem' /tmp/out && ok malformed-message ||
	not_ok malformed-message "$(head -c 200 /tmp/out)"
expect_trig malformed-keeps-dev_mem dev_mem denied
expect_trig malformed-keeps-ioport ioport allowed
lockdown status -j | grep -q '"source":"/tmp/p3.conf"' && ok malformed-status ||
	not_ok malformed-status "$(lockdown status -j | grep -o '"source":"[^"]*"')"

# A missing executable is an error too, and changes nothing.
printf '[Policy]\nDeny=ioport\n[x]\nExecutable=/no/such/file\nAllow=all\n' >/tmp/bad2.conf
expect_rc missing-exe-exit 1 lockdown apply /tmp/bad2.conf
expect_trig missing-exe-keeps dev_mem denied

# events --follow, killed: enforcement goes on.
lockdown events -j --follow >/tmp/follow.json 2>&1 &
pid=$!
sleep 1
ldtrigger dev_mem >/dev/null
wait_for 10 grep -q '"reason":"dev_mem"' /tmp/follow.json
kill $pid
wait $pid 2>/dev/null
grep -q '"reason":"dev_mem"' /tmp/follow.json && ok follow-saw-event ||
	not_ok follow-saw-event "$(head -c 300 /tmp/follow.json)"
expect_trig after-events-killed dev_mem denied

# Swaps under load: dev_mem is denied by both policies, so no call may get through.
printf '[Policy]\nDeny=dev_mem\nAudit=ioport\n' >/tmp/p4.conf
(
	i=0
	while [ $i -lt 6 ]; do
		lockdown apply /tmp/p3.conf >/dev/null
		lockdown apply /tmp/p4.conf >/dev/null
		i=$((i + 1))
	done
) &
swapper=$!
leaked=0
calls=0
while kill -0 $swapper 2>/dev/null; do
	[ "$(ldtrigger dev_mem | awk '{ print $2 }')" = denied ] || leaked=$((leaked + 1))
	calls=$((calls + 1))
done
wait $swapper
expect_eq swap-never-allows "$leaked" 0 "$calls calls during 12 swaps"
info "swaps: $calls denied calls during 12 table swaps"

expect_rc remove 0 lockdown remove
expect_trig step4-dev_mem dev_mem allowed
expect_trig step4-hibernation hibernation allowed
