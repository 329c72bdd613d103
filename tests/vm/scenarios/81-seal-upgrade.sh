# boot: seal-upgrade
# timeout: 90
# A sealed enforcer pinned by a lockdown of another ABI: this lockdown neither reads nor
# changes it, remove is refused (by the kernel), and the policy stays in force until reboot.

expect_rc skew-seal 0 lockdown-skew apply --profile integrity --seal --yes
expect_rc skew-remove-refused 1 lockdown remove
grep -q 'sealed' /tmp/out && ok skew-remove-says || not_ok skew-remove-says "$(cat /tmp/out)"
expect_rc skew-apply-refused 1 lockdown apply --profile allow
grep -q 'reboot' /tmp/out && ok skew-apply-says || not_ok skew-apply-says "$(cat /tmp/out)"
expect_trig skew-sealed-enforced dev_mem denied
expect_eq skew-pins-intact "$(ls /sys/fs/bpf/lockdown | grep -c -- '^guard-.*-link$')" 16
