# boot: enforcer-matrix
# timeout: 300
# `--profile integrity` and `--profile confidentiality` give exactly the allowed/denied matrix
# of the kernel's own `raise integrity` / `raise confidentiality`, operation by operation.
# The presets run first at kernel level none; raising is one way, so this has its own boot.

lockdown remove >/dev/null 2>&1
expect_eq level-none "$(kernel_level)" none

# row FILE: every operation and its outcome word.
row() { ldtrigger all | awk '{ print $1, $2 }' >"$1"; }

expect_rc apply-integrity 0 lockdown apply --profile integrity
row /tmp/preset-integrity
expect_rc apply-confidentiality 0 lockdown apply --profile confidentiality
row /tmp/preset-confidentiality
expect_rc remove 0 lockdown remove
row /tmp/none

expect_rc raise-integrity 0 lockdown raise integrity --yes
row /tmp/kernel-integrity
expect_rc raise-confidentiality 0 lockdown raise confidentiality --yes
row /tmp/kernel-confidentiality

for level in integrity confidentiality; do
	while read -r op got; do
		want=$(awk -v o="$op" '$1 == o { print $2 }' /tmp/kernel-$level)
		info "enforcer $level $op: preset $got, kernel $want"
		if [ "$want" = unavailable ]; then skip "$level-$op" "unavailable in this guest"
		else expect_eq "$level-$op" "$got" "$want" "preset vs kernel level $level"; fi
	done </tmp/preset-$level
	cmp -s /tmp/preset-$level /tmp/kernel-$level && ok "$level-matrix-equal" ||
		not_ok "$level-matrix-equal" "$(diff /tmp/preset-$level /tmp/kernel-$level | tr '\n' ' ')"
done
# The presets did deny something (the comparison is not between two empty rows).
grep -q ' denied$' /tmp/preset-integrity && ok integrity-denies-something ||
	not_ok integrity-denies-something "$(tr '\n' ' ' </tmp/preset-integrity)"
grep -q ' denied$' /tmp/none && not_ok none-allows-all "$(grep denied /tmp/none)" || ok none-allows-all
