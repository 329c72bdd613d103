# boot: raise
# timeout: 180
# The kernel's own lockdown, as the oracle for the enforcer: every guarded operation is
# triggered for real at levels none, integrity and confidentiality, and each outcome must
# agree with its reason's class. Also the ratchet: raising works, lowering is refused.
# Raising is one-way until reboot, so this scenario has a boot of its own.

# matrix LEVEL: run every operation, print the row and check it against the class.
matrix() {
	ldtrigger list >/tmp/ops
	while read -r op reason; do
		line=$(ldtrigger "$op" 2>&1 | head -n1)
		got=$(echo "$line" | awk '{ print $2 }')
		info matrix "$1" "$op" "$got"
		class=$(reason_class "$reason")
		case "$1/$class" in
		none/*) want=allowed ;;
		integrity/integrity) want=denied ;;
		integrity/confidentiality) want=allowed ;;
		confidentiality/*) want=denied ;;
		*) not_ok "$1-$op" "reason $reason has no class on this kernel"; continue ;;
		esac
		case $got in
		unavailable) skip "$1-$op" "$line" ;;
		"$want") ok "$1-$op" ;;
		*) not_ok "$1-$op" "got $got, want $want for a $class reason at $1 ($line)" ;;
		esac
	done </tmp/ops
}

# debugfs_search CHECK WANT: ldtrigger's fallback (the first writable debugfs file it finds,
# for kernels without the usual files) must meet the hook as well.
debugfs_search() {
	_line=$(LDTRIGGER_DEBUGFS_SEARCH=1 ldtrigger debugfs 2>&1 | head -n1)
	info "$1: $_line"
	case $_line in
	"debugfs $2 "*) ok "$1" ;;
	"debugfs unavailable"*) skip "$1" "$_line" ;;
	*) not_ok "$1" "want $2: $_line" ;;
	esac
}

expect_eq level-none "$(kernel_level)" none
matrix none
debugfs_search none-debugfs-search allowed

expect_rc raise-integrity 0 lockdown raise integrity --yes
expect_eq level-integrity "$(kernel_level)" integrity
expect_trig dev_mem-after-raise dev_mem denied
matrix integrity
debugfs_search integrity-debugfs-search denied

expect_rc raise-confidentiality 0 lockdown raise confidentiality --yes
expect_eq level-confidentiality "$(kernel_level)" confidentiality
matrix confidentiality

# The ratchet: lowering is refused with exit 1 and says why; the level stays.
expect_rc lower-refused 1 lockdown raise integrity --yes
if grep -q 'cannot be lowered' /tmp/out; then ok lower-message; else
	not_ok lower-message "$(head -c 200 /tmp/out)"
fi
expect_eq level-stays "$(kernel_level)" confidentiality
expect_rc raise-same-level-noop 0 lockdown raise confidentiality --yes
