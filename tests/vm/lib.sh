# Helpers for guest scenarios (busybox sh). Each check prints one result line:
#   LDT ok SCENARIO/CHECK
#   LDT not ok SCENARIO/CHECK # what went wrong
#   LDT skip SCENARIO/CHECK # why
# and "LDT info ..." lines carry figures and tables for the host to show.

ok() { echo "LDT ok $SCEN/$1"; }
not_ok() { echo "LDT not ok $SCEN/$1 # $2"; }
skip() { echo "LDT skip $SCEN/$1 # $2"; }
info() { echo "LDT info $*"; }

# expect_eq CHECK GOT WANT [DETAIL]
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', want '$3'${4:+ ($4)}"; fi
}

# expect_rc CHECK WANT_RC COMMAND...: run a command, check its exit status.
expect_rc() {
	_check=$1 _want=$2
	shift 2
	"$@" >/tmp/out 2>&1
	_rc=$?
	if [ $_rc -eq "$_want" ]; then ok "$_check"; else
		not_ok "$_check" "'$*' exited $_rc, want $_want: $(head -c 200 /tmp/out | tr '\n' ' ')"
	fi
}

# trig OP: the outcome word of one guarded operation (allowed, denied, unavailable, error).
trig() { ldtrigger "$1" 2>&1 | awk 'NR == 1 { print $2 }'; }

# expect_trig CHECK OP WANT: an unavailable operation is a skip, not a pass.
expect_trig() {
	_line=$(ldtrigger "$2" 2>&1 | head -n1)
	_got=$(echo "$_line" | awk '{ print $2 }')
	if [ "$_got" = unavailable ]; then skip "$1" "$_line"
	elif [ "$_got" = "$3" ]; then ok "$1"
	else not_ok "$1" "$2: got $_got, want $3 ($_line)"; fi
}

# wait_for SECONDS COMMAND...: run COMMAND every tenth of a second until it succeeds (status
# 0) or SECONDS have passed (status 1). Under TCG on a busy host a fixed sleep can be too short.
wait_for() {
	_wt=$(($1 * 10))
	shift
	while ! "$@" >/dev/null 2>&1; do
		[ $_wt -le 0 ] && return 1
		sleep 0.1
		_wt=$((_wt - 1))
	done
}

# audit_status FILE ID, audit_evidence FILE ID: the status or evidence of one check in
# `lockdown audit -j` output.
audit_status() {
	tr '{' '\n' <"$1" | grep "\"id\":\"$2\"" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p'
}
audit_evidence() {
	tr '{' '\n' <"$1" | grep "\"id\":\"$2\"" | sed -n 's/.*"evidence":"\([^"]*\)".*/\1/p'
}

# reason_class NAME: integrity or confidentiality on this kernel, from lockdown reasons.
reason_class() { lockdown reasons | awk -v r="$1" '$2 == r { print $3 }'; }

# kernel_level: the kernel's own lockdown level as lockdown status -j reports it.
kernel_level() {
	lockdown status -j | tr -d '\n' | sed -n 's/.*"kernel_level": *"\([a-z]*\)".*/\1/p'
}

# kernel_major_minor: "5.10", "6.1", ...
kernel_major_minor() { uname -r | cut -d. -f1-2; }

# disk FS: the virtio disk the runner attached for the boot group's "# disk: FS" header
# (/dev/vda, /dev/vdb, ... in header order); nothing if there is none.
disk() {
	_i=0
	for _fs in $(sed -n 's/.*ldt\.disks=\([^ ]*\).*/\1/p' /proc/cmdline | tr ',' ' '); do
		if [ "$_fs" = "$1" ]; then
			echo "/dev/vd$(echo abcdefghijklmnop | cut -c$((_i + 1)))"
			return 0
		fi
		_i=$((_i + 1))
	done
	return 1
}

# qemu_singlestep on|off: ask the host to switch QEMU to one guest instruction per translation
# block, where an interrupt (and so a preemption) can land between any two instructions, or
# back. Needs the boot group's "# singlestep: yes"; the host counts each request done as a
# pass and each one refused as a failure. It acts when it reads the line: give it a second.
qemu_singlestep() {
	echo "LDT qemu singlestep $1"
	sleep 1
}

# spin_cs: centiseconds a fixed shell loop takes (to see QEMU's speed change).
spin_cs() {
	_t0=$(cut -d' ' -f1 /proc/uptime | tr -d .)
	_i=0
	while [ $_i -lt 4000 ]; do _i=$((_i + 1)); done
	_t1=$(cut -d' ' -f1 /proc/uptime | tr -d .)
	echo $((_t1 - _t0))
}
