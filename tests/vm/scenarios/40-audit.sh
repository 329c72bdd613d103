# boot: audit
# timeout: 60
# lockdown audit on the running kernel, before and after `lockdown raise integrity`. The
# guest has no kernel config, so the checks below are decided by runtime evidence: loaded
# modules (/proc/modules), module.sig_enforce, kernel.kexec_load_disabled and the securityfs
# level make module-signature enforcement and kexec_load fail before the raise and pass after.

lockdown audit -j >/tmp/audit0.json 2>/tmp/audit0.err
rc=$?
case $rc in
0 | 1) ok before-exit ;;
*) not_ok before-exit "exit $rc: $(head -c 200 /tmp/audit0.err)" ;;
esac
if grep -q '"checks":\[' /tmp/audit0.json && grep -q '"summary":{' /tmp/audit0.json; then
	ok before-json
else
	not_ok before-json "$(head -c 200 /tmp/audit0.json)"
fi
expect_eq before-level "$(audit_status /tmp/audit0.json lockdown.level)" fail \
	"$(audit_evidence /tmp/audit0.json lockdown.level)"
for id in modules.sig_enforced kexec.load; do
	expect_eq "before-$id" "$(audit_status /tmp/audit0.json $id)" fail \
		"$(audit_evidence /tmp/audit0.json $id)"
done
ev=$(audit_evidence /tmp/audit0.json modules.sig_enforced)
case $ev in
*"loaded modules"*"module.sig_enforce=N"*) ok before-modules-evidence ;;
*) not_ok before-modules-evidence "$ev" ;;
esac
ev=$(audit_evidence /tmp/audit0.json kexec.load)
case $ev in
*"kernel.kexec_load_disabled present"*"kernel.kexec_load_disabled=0"*) ok before-kexec-evidence ;;
*) not_ok before-kexec-evidence "$ev" ;;
esac
# No enforcer loaded in this boot: the interfaces it could close are decided without it.
expect_eq before-enforcer "$(audit_status /tmp/audit0.json enforcer.loaded)" info
# The guest boots with lsm=...,bpf: the runtime LSM list decides.
expect_eq before-bpf-lsm "$(audit_status /tmp/audit0.json bpf.lsm)" pass
expect_eq before-no-config "$(grep -c '"kconfig":{"path":null' /tmp/audit0.json)" 1

expect_rc raise 0 lockdown raise integrity --yes

lockdown audit -j >/tmp/audit1.json 2>/tmp/audit1.err
rc=$?
case $rc in
0 | 1) ok after-exit ;;
*) not_ok after-exit "exit $rc: $(head -c 200 /tmp/audit1.err)" ;;
esac
for id in modules.sig_enforced kexec.load lockdown.level memory.devmem memory.hibernation \
	interfaces.msr interfaces.acpi_configfs; do
	expect_eq "after-$id" "$(audit_status /tmp/audit1.json $id)" pass \
		"$(audit_evidence /tmp/audit1.json $id)"
done
expect_eq after-evidence "$(audit_evidence /tmp/audit1.json modules.sig_enforced)" \
	"kernel lockdown level is integrity"
# kexec_file_load's signature check needs the config (KEXEC_SIG): without it, unknown.
st=$(audit_status /tmp/audit1.json kexec.file)
if [ "$st" = pass ] || [ "$st" = unknown ]; then ok "after-kexec.file-$st"; else
	not_ok after-kexec.file "status '$st': $(audit_evidence /tmp/audit1.json kexec.file)"
fi
# The kspp profile wants confidentiality: integrity still fails there.
lockdown audit --profile kspp -j >/tmp/audit2.json 2>&1
expect_eq after-kspp-exit $? 1
expect_eq after-kspp-level "$(audit_status /tmp/audit2.json lockdown.level)" fail
info "audit after raise: $(sed -n 's/.*"summary":{\([^}]*\)}.*/\1/p' /tmp/audit1.json)"
