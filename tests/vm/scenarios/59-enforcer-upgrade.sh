# boot: enforcer
# timeout: 90
# Pins left by a lockdown of another ABI (lockdown-skew: another ABI stamp and a changed
# struct): every command refuses them with one line that says what to do, exit 1, nothing
# touched, the old policy still enforced; remove works on them.

lockdown remove >/dev/null 2>&1
expect_rc skew-apply 0 lockdown-skew apply --profile integrity
expect_trig skew-enforced dev_mem denied
for cmd in stats events "apply --profile allow" "apply --profile integrity --seal --yes"; do
	name=$(echo "$cmd" | tr ' ' '-' | tr -d -- '-' | cut -c1-20)
	# shellcheck disable=SC2086 # the words of cmd are arguments
	expect_rc "skew-$name-refused" 1 lockdown $cmd
	if [ "$(wc -l </tmp/out)" -eq 1 ] && grep -q 'another version of lockdown' /tmp/out &&
		grep -q "lockdown remove" /tmp/out; then
		ok "skew-$name-says"
	else
		not_ok "skew-$name-says" "$(head -c 300 /tmp/out)"
	fi
	expect_trig "skew-$name-still-enforced" dev_mem denied
done
lockdown status >/tmp/st.txt 2>&1
grep -q '^enforcer .*another version of lockdown' /tmp/st.txt && ok skew-status-says ||
	not_ok skew-status-says "$(grep enforcer /tmp/st.txt)"
expect_rc skew-status-j 0 sh -c 'lockdown status -j | grep -q "\"enforcer\":null"'
expect_rc skew-remove 0 lockdown remove
expect_trig skew-removed dev_mem allowed
expect_eq skew-nothing-left "$(ls /sys/fs/bpf | grep -c lockdown)" 0
