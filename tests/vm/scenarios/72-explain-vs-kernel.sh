# boot: subjects
# timeout: 300
# `lockdown explain` against the kernel: one policy gives each subject kind (executable,
# cgroup, uid, host, default) its own action per reason, in three patterns that make every
# two kinds differ for some reason; every trigger operation is run as each kind, and the
# kernel's outcome (which of its counters moved: allowed, audited or denied, and what
# ldtrigger saw) must be what explain says for that task, or the row fails by name.

lockdown remove >/dev/null 2>&1
ldtrigger list >/tmp/ops
mkdir -p /opt/explain /sys/fs/cgroup/lt-explain
cp /bin/ldtrigger /opt/explain/ldtrigger
RUID=4321

# Actions by kind (executable cgroup uid host default), pattern = a reason's index mod 3.
pattern() {
	case $(($1 % 3)) in
	0) echo allow audit deny allow audit ;;
	1) echo deny allow audit audit deny ;;
	2) echo audit deny allow deny allow ;;
	esac
}
reasons=$(awk '{ print $2 }' /tmp/ops | awk '!seen[$0]++')
# section NAME SUBJECT_LINE KIND_INDEX: a section with each reason's action for that kind.
section() {
	if [ "$1" = Policy ]; then echo "[Policy]"; else printf '[%s]\n%s\n' "$1" "$2"; fi
	i=0
	for r in $reasons; do
		case $(pattern $i | cut -d' ' -f"$3") in
		allow) echo "Allow=$r" ;;
		audit) echo "Audit=$r" ;;
		deny) echo "Deny=$r" ;;
		esac
		i=$((i + 1))
	done
}
{
	section exe "Executable=/opt/explain/ldtrigger" 1
	section cg "Cgroup=lt-explain" 2
	section user "User=$RUID" 3
	section host "Host=yes" 4
	section Policy "" 5
} >/tmp/explain.conf
expect_rc apply 0 lockdown apply /tmp/explain.conf

# counters REASON: "allowed audited denied" of REASON from lockdown stats.
counters() {
	row=$(lockdown stats -j | grep -o "{\"reason\":\"$1\"[^}]*}")
	for k in allowed audited denied; do
		printf '%s ' "$(echo "$row" | sed -n "s/.*\"$k\":\([0-9]*\).*/\1/p")"
	done
}

# run KIND OP: OP's first line of output, run as a task of that kind.
run() {
	case $1 in
	executable) /opt/explain/ldtrigger "$2" ;;
	cgroup) sh -c 'echo $$ >/sys/fs/cgroup/lt-explain/cgroup.procs && exec ldtrigger "$1"' - "$2" ;;
	uid) ldtrigger --ruid $RUID "$2" ;;
	host) ldtrigger "$2" ;;
	default) unshare -p -n -f ldtrigger "$2" ;;
	esac 2>&1 | head -n1
}
# explain_args KIND: how explain is told about that task.
explain_args() {
	case $1 in
	executable) echo "--exe /opt/explain/ldtrigger" ;;
	cgroup) echo "--cgroup lt-explain" ;;
	uid) echo "--uid $RUID" ;;
	host) echo "" ;;
	default) echo "--container" ;;
	esac
}

rows=0
while read -r op reason; do
	for kind in executable cgroup uid host default; do
		row="$op-$kind"
		# shellcheck disable=SC2046 # explain_args is words
		lockdown explain /tmp/explain.conf --reason "$reason" $(explain_args $kind) -j \
			>/tmp/ex.json 2>&1
		want=$(sed -n 's/.*"outcome":"\([a-z]*\)".*/\1/p' /tmp/ex.json)
		match=$(sed -n 's/.*"match":"\([a-z]*\)".*/\1/p' /tmp/ex.json)
		if [ -z "$want" ] || [ "$match" != "$kind" ]; then
			not_ok "$row" "explain matched '$match', want $kind: $(head -c 200 /tmp/ex.json)"
			continue
		fi
		before=$(counters "$reason")
		line=$(run $kind "$op")
		after=$(counters "$reason")
		word=$(echo "$line" | awk '{ print $2 }')
		# The kernel's outcome: the one counter of this reason that moved.
		set -- $before
		b_al=$1 b_au=$2 b_de=$3
		set -- $after
		got=
		[ "$1" = "$b_al" ] || got="$got allowed"
		[ "$2" = "$b_au" ] || got="$got audited"
		[ "$3" = "$b_de" ] || got="$got denied"
		got=${got# }
		if [ -z "$got" ] && [ "$word" = unavailable ]; then
			skip "$row" "$line"
			continue
		fi
		# What ldtrigger saw must fit: an audited call is allowed.
		case $want in denied) fits=denied ;; *) fits=allowed ;; esac
		rows=$((rows + 1))
		if [ "$got" = "$want" ] && [ "$word" = "$fits" ]; then ok "$row"; else
			not_ok "$row" "explain says $want ($match); the kernel counted '$got', ldtrigger saw: $line"
		fi
	done
done </tmp/ops
info "explain vs kernel: $rows rows compared ($(wc -l </tmp/ops) operations x 5 subject kinds)"
expect_rc remove 0 lockdown remove
