# Result lines for the host (tests/systemd/run), as in tests/vm/lib.sh.
ok() { echo "LDT ok $SCEN/$1"; }
not_ok() { echo "LDT not ok $SCEN/$1 # $2"; }
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', want '$3'${4:+ ($4)}"; fi
}
expect_rc() {
	_c=$1 _w=$2
	shift 2
	"$@" >/tmp/out 2>&1
	_r=$?
	if [ $_r -eq "$_w" ]; then ok "$_c"; else
		not_ok "$_c" "'$*' exited $_r, want $_w: $(head -c 300 /tmp/out | tr '\n' ' ')"
	fi
}
# The monotonic time (µs) a unit became active.
active_at() { systemctl show -P ActiveEnterTimestampMonotonic "$1"; }
