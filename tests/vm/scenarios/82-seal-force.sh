# boot: seal-force
# timeout: 60
# A seal forced on a policy that leaves root a way in (desktop: hibernation): it goes through
# with one warning naming the reason, and holds like any other seal.

expect_rc force 0 lockdown apply --profile desktop --seal --yes --force
grep -q 'warning: .*hibernation' /tmp/out && ok force-warns || not_ok force-warns "$(cat /tmp/out)"
expect_eq sealed "$(lockdown status -j | grep -o '"sealed":true')" '"sealed":true'
expect_trig hibernation-allowed hibernation allowed
expect_trig dev-mem-denied dev_mem denied
expect_rc remove-refused 1 lockdown remove
