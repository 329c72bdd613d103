# boot: nobpf
# lsm: lockdown,capability
# A kernel booted without bpf in its LSM list: status says so and names the boot parameter
# that fixes it; apply refuses with that parameter, exits 2 and pins nothing.

# The parameter to add is the active list (which the kernel completes with ima, evm, ... on
# newer kernels) plus bpf.
want="lsm=$(cat /sys/kernel/security/lsm),bpf"
lockdown status -j >/tmp/st.json 2>&1
expect_eq status-exit $? 0
if grep -q '"bpf_lsm_active":false' /tmp/st.json; then ok status-bpf-inactive; else
	not_ok status-bpf-inactive "$(head -c 300 /tmp/st.json)"
fi
if grep -qF "\"bpf_lsm_boot_parameter\":\"$want\"" /tmp/st.json; then
	ok status-names-parameter
else
	not_ok status-names-parameter "$(head -c 300 /tmp/st.json)"
fi
lockdown status >/tmp/st.txt 2>&1
if grep -qF "add $want" /tmp/st.txt; then ok status-text-hint; else
	not_ok status-text-hint "$(tr '\n' ' ' </tmp/st.txt | head -c 300)"
fi

expect_rc apply-refused 2 lockdown apply --profile integrity
if grep -qF "$want" /tmp/out && [ "$(wc -l </tmp/out)" -eq 1 ]; then
	ok apply-one-line-with-parameter
else
	not_ok apply-one-line-with-parameter "$(tr '\n' ' ' </tmp/out | head -c 300)"
fi
if [ -e /sys/fs/bpf/lockdown ]; then not_ok nothing-pinned "$(ls /sys/fs/bpf/lockdown)"; else
	ok nothing-pinned
fi
expect_trig dev_mem-still-allowed dev_mem allowed
