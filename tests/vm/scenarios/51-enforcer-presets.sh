# boot: enforcer
# timeout: 240
# Every preset gives, at kernel level none, the outcome it promises for every operation of
# the trigger library: integrity and confidentiality deny exactly their class (the exact
# comparison with the kernel's own levels is 58-enforcer-matrix), desktop is integrity with
# hibernation allowed, restricted denies everything, allow denies nothing, baseline denies in
# a new pid+net namespace only.

lockdown remove >/dev/null 2>&1
ldtrigger list >/tmp/ops

# preset_matrix PRESET: every operation against what PRESET promises for its reason's class.
preset_matrix() {
	expect_rc "$1-apply" 0 lockdown apply --profile "$1"
	while read -r op reason; do
		class=$(reason_class "$reason")
		case "$1/$class/$reason" in
		allow/*) want=allowed ;;
		restricted/*) want=denied ;;
		baseline/*) want=allowed ;; # the host
		integrity/integrity/*) want=denied ;;
		integrity/confidentiality/*) want=allowed ;;
		confidentiality/*) want=denied ;;
		desktop/*/hibernation) want=allowed ;;
		desktop/integrity/*) want=denied ;;
		desktop/confidentiality/*) want=allowed ;;
		desktop-sleep/confidentiality/*) want=allowed ;;
		desktop-sleep/*) want=denied ;; # ldtrigger is not systemd's sleep program
		*) not_ok "$1-$op" "reason $reason has no class on this kernel"; continue ;;
		esac
		expect_trig "$1-$op" "$op" "$want"
	done </tmp/ops
}

for p in integrity confidentiality desktop desktop-sleep restricted allow baseline; do
	preset_matrix $p
done

# desktop in particular.
expect_rc desktop-apply 0 lockdown apply --profile desktop
expect_trig desktop-hibernation hibernation allowed
expect_trig desktop-dev_mem dev_mem denied

# desktop-sleep: hibernation for systemd's sleep program and logind only, where they exist.
# Without them (this initramfs has no systemd) the preset applies with a warning as integrity.
expect_rc desktop-sleep-absent-apply 0 lockdown apply --profile desktop-sleep
grep -q "optional executable '/usr/lib/systemd/systemd-sleep' is absent" /tmp/out &&
	ok desktop-sleep-absent-warns || not_ok desktop-sleep-absent-warns "$(head -c 300 /tmp/out)"
expect_trig desktop-sleep-absent-hibernation hibernation denied
# With the program in place (ldtrigger under systemd-sleep's path): it may, root's shell and
# any other program may not; for dev_mem the program is no exception.
mkdir -p /usr/lib/systemd
cp /bin/ldtrigger /usr/lib/systemd/systemd-sleep
expect_rc desktop-sleep-apply 0 lockdown apply --profile desktop-sleep
line=$(/usr/lib/systemd/systemd-sleep hibernation 2>&1 | head -n1)
expect_eq desktop-sleep-program-hibernates "$(echo "$line" | awk '{ print $2 }')" allowed "$line"
line=$(/usr/lib/systemd/systemd-sleep dev_mem 2>&1 | head -n1)
expect_eq desktop-sleep-program-dev_mem "$(echo "$line" | awk '{ print $2 }')" denied "$line"
expect_trig desktop-sleep-root-hibernation hibernation denied
# As an attacker would: root writing "disk" to /sys/power/state is refused before anything
# freezes (under desktop the same read says hibernation is possible: 51's matrix above).
if [ -e /sys/power/disk ]; then
	err=$(sh -c 'echo disk >/sys/power/state' 2>&1) && not_ok desktop-sleep-root-write "write succeeded" ||
		{ echo "$err" | grep -qi "not permitted" && ok desktop-sleep-root-write ||
			not_ok desktop-sleep-root-write "$err"; }
else
	skip desktop-sleep-root-write "no /sys/power/disk (kernel without hibernation)"
fi
rm -rf /usr/lib/systemd

# baseline: the host may, a process in a new pid and net namespace may not.
expect_rc baseline-apply 0 lockdown apply --profile baseline
expect_trig baseline-host dev_mem allowed
line=$(unshare -pn -f ldtrigger dev_mem 2>&1 | head -n1)
expect_eq baseline-container "$(echo "$line" | awk '{ print $2 }')" denied "$line"
line=$(unshare -n ldtrigger dev_mem 2>&1 | head -n1)
expect_eq baseline-netns-only "$(echo "$line" | awk '{ print $2 }')" denied "$line"
line=$(unshare -p -f ldtrigger dev_mem 2>&1 | head -n1)
expect_eq baseline-pidns-only "$(echo "$line" | awk '{ print $2 }')" denied "$line"
lockdown events -j >/tmp/ev.json
grep '"reason":"dev_mem"' /tmp/ev.json | grep -q '"host":false' && ok baseline-event-not-host ||
	not_ok baseline-event-not-host "$(tail -n1 /tmp/ev.json | head -c 300)"

expect_rc remove 0 lockdown remove
