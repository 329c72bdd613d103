# boot: enforcer
# timeout: 120
# The enforcer's life cycle: apply loads, attaches and pins, then exits while enforcement goes
# on; status, stats and events see it from other processes; other BPF users keep working
# (5.10 charges map memory to RLIMIT_MEMLOCK); remove detaches and unpins everything.
# Failures leave nothing pinned: no root, BPF LSM inactive (checked in 56-enforcer-no-bpf-lsm).

lockdown remove >/dev/null 2>&1
expect_trig before-apply dev_mem allowed

# Not root: one clear line, exit 2, nothing pinned.
su -s /bin/sh nobody -c 'lockdown apply --profile integrity' >/tmp/out 2>&1
expect_eq nonroot-exit $? 2
if grep -q 'run as root' /tmp/out && [ "$(wc -l </tmp/out)" -eq 1 ]; then ok nonroot-message
else not_ok nonroot-message "$(head -c 200 /tmp/out)"; fi
expect_eq nonroot-nothing-pinned "$(ls /sys/fs/bpf | grep -c lockdown)" 0

expect_rc apply 0 lockdown apply --profile integrity
# The apply process has exited: the pinned link keeps the program attached.
expect_trig enforced-after-exit dev_mem denied
expect_trig confidentiality-untouched kcore allowed
# Exactly the link, the program, the object programs and their links, the maps, and the
# seal's guard programs (loaded, not attached).
expect_eq pinned "$(ls /sys/fs/bpf/lockdown | grep -v '^guard-' | tr '\n' ' ')" \
	"abi active cgroups counters events exes link loading meta obj-load obj-load-link obj-read obj-read-link objects policy prog rate revoked seal sealstate trusted uids "
expect_eq pinned-guards "$(ls /sys/fs/bpf/lockdown | grep -c '^guard-')" 16
expect_eq guards-not-attached "$(ls /sys/fs/bpf/lockdown | grep -c -- '^guard-.*-link$')" 0

lockdown status -j >/tmp/st.json
grep -q '"enforcer":{"loaded":true' /tmp/st.json && ok status-loaded ||
	not_ok status-loaded "$(grep -o '"enforcer":{[^}]*' /tmp/st.json)"
grep -q '"source":"profile:integrity"' /tmp/st.json && ok status-source || not_ok status-source \
	"$(grep -o '"source":"[^"]*"' /tmp/st.json)"
grep -q '"digest":"[0-9a-f]\{64\}"' /tmp/st.json && ok status-digest || not_ok status-digest \
	"no digest"
program=$(sed -n 's/.*"program":"\([^"]*\)".*/\1/p' /tmp/st.json)
case $(kernel_major_minor) in
5.10) expect_eq program-variant "$program" "probe-read (5.10)" ;;
*) expect_eq program-variant "$program" btf ;;
esac
info "enforcer program on $(uname -r): $program"
lockdown status | grep -q '^enforcer *loaded: profile:integrity, enforce mode' && ok status-text ||
	not_ok status-text "$(lockdown status | grep -A3 '^enforcer')"

# Another BPF user with the old 64 KiB default RLIMIT_MEMLOCK still creates its maps.
line=$( (ulimit -l 64 && ldtrigger bpf_map) 2>&1 | head -n1)
case $line in
"bpf_map allowed"*) ok other-bpf-users ;;
*) not_ok other-bpf-users "$line (ulimit -l 64)" ;;
esac

# A second apply of the same policy is a table swap, not a second program.
expect_rc reapply 0 lockdown apply --profile integrity
expect_trig enforced-after-reapply dev_mem denied

expect_rc remove 0 lockdown remove
expect_trig after-remove dev_mem allowed
expect_eq unpinned "$(ls /sys/fs/bpf | grep -c lockdown)" 0
lockdown status | grep -q '^enforcer *not loaded' && ok status-unloaded ||
	not_ok status-unloaded "$(lockdown status | grep '^enforcer')"
expect_rc remove-again 0 lockdown remove
expect_rc stats-unloaded 2 lockdown stats
