# boot: flood
# smp: 4
# append: preempt=full
# singlestep: yes
# timeout: 300
# Counters under concurrency: threads pinned to each of 4 CPUs, several per CPU (with full
# preemption they preempt each other inside the hook), call a denied operation and an audited
# one. Afterwards the counters equal the calls made exactly: a lost per-CPU increment, a call
# the hook did not run for, or a call decided by neither policy shows as a difference; and
# every audited or denied call is one event written, rate-limited or dropped.
#   reload: dev_mem (denied) and hibernation (audited) while the policy is reloaded back and
#     forth between two policies that differ in RateLimit= and in a rule, and both deny
#     dev_mem and audit hibernation and ioport.
#   preempt: dev_mem and ioport (audited) with QEMU at one instruction per translation block.
#     TCG takes interrupts only between blocks, and a block holds the few instructions of a
#     counter's load, add and store: without this, a preemption never lands between them.

cpus=$(nproc)
expect_eq cpus "$cpus" 4 "nproc"

# preempt=full: on 6.x Debian kernels (PREEMPT_DYNAMIC) the boot parameter selects full
# preemption; 5.10 has no PREEMPT_DYNAMIC and ignores it (voluntary preemption).
if [ -r /sys/kernel/debug/sched/preempt ]; then
	mode=$(cat /sys/kernel/debug/sched/preempt)
	case $mode in
	*"(full)"*) ok preempt-full ;;
	*) not_ok preempt-full "sched/preempt says '$mode' with preempt=full on the command line" ;;
	esac
elif [ "$(kernel_major_minor)" = 5.10 ]; then
	skip preempt-full "5.10 has no PREEMPT_DYNAMIC: preempt=full is ignored (voluntary preemption)"
else
	not_ok preempt-full "no /sys/kernel/debug/sched/preempt on $(uname -r)"
fi

lockdown remove >/dev/null 2>&1
printf '[Policy]\nDeny=dev_mem\nAudit=hibernation ioport\nRateLimit=20\n' >/tmp/flood-a.conf
printf '[Policy]\nDeny=dev_mem\nAudit=hibernation ioport\nRateLimit=500\n[flood-other]\nUser=4242\nDeny=kexec\n' \
	>/tmp/flood-b.conf
expect_rc apply 0 lockdown apply /tmp/flood-a.conf
# The trigger operations answer as expected before the flood (else the flood means nothing).
expect_trig before-dev_mem dev_mem denied
expect_trig before-hibernation hibernation allowed
expect_trig before-ioport ioport allowed

# counters FILE REASON: "allowed audited denied events ratelimited dropped" of REASON.
counters() {
	lockdown stats -j >"$1.json"
	row=$(grep -o "{\"reason\":\"$2\"[^}]*}" "$1.json")
	for k in allowed audited denied events ratelimited dropped; do
		v=$(echo "$row" | sed -n "s/.*\"$k\":\([0-9]*\).*/\1/p")
		printf '%s ' "${v:-missing}"
	done
}
# field FILE KEY: KEY=N in ldtrigger flood's line.
field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" "$1"; }
# num FILE KEY: the same, 0 when missing (a batch that printed nothing made no call).
num() {
	_v=$(field "$1" "$2")
	echo "${_v:-0}"
}
# delta BEFORE AFTER INDEX: the INDEXth counter's growth
# (1 allowed, 2 audited, 3 denied, 4 events, 5 ratelimited, 6 dropped).
delta() {
	b=$(echo "$1" | cut -d' ' -f"$3")
	a=$(echo "$2" | cut -d' ' -f"$3")
	echo $((a - b))
}

# run_flood OP CALLS OUT: `ldtrigger flood OP THREADS CALLS`, again until /tmp/flood.enough
# exists (once at least); OUT gets the sums, as one ldtrigger flood line with batches= and
# status= (0, or the last failing exit status; that batch's output is kept in OUT.err).
run_flood() {
	c=0 al=0 de=0 un=0 er=0 mi=0 n=0 st=0
	while :; do
		ldtrigger flood "$1" "$THREADS" "$2" >"$3.one" 2>&1
		rc=$?
		[ $rc -eq 0 ] || { st=$rc; cp "$3.one" "$3.err"; }
		c=$((c + $(num "$3.one" calls))) al=$((al + $(num "$3.one" allowed)))
		de=$((de + $(num "$3.one" denied))) un=$((un + $(num "$3.one" unavailable)))
		er=$((er + $(num "$3.one" error))) mi=$((mi + $(num "$3.one" migrated)))
		n=$((n + 1))
		[ ! -e /tmp/flood.enough ] || break
	done
	echo "flood $1 calls=$c allowed=$al denied=$de unavailable=$un error=$er migrated=$mi" \
		"batches=$n status=$st" >"$3"
}

# flood ROUND DENIED_OP DENIED_CALLS AUDITED_OP AUDITED_CALLS RELOADS: both floods at once,
# THREADS threads per CPU each, in batches until the reloader has done RELOADS reloads (one
# batch if 0), then every check on what they did.
flood() {
	r=$1 dop=$2 dcalls=$3 aop=$4 acalls=$5
	before_d=$(counters /tmp/s0 "$dop")
	before_a=$(counters /tmp/s0 "$(ldtrigger list | awk -v o="$aop" '$1 == o { print $2 }')")
	rm -f /tmp/flood.done /tmp/flood.enough /tmp/reloads /tmp/reload.err
	if [ "$6" -gt 0 ]; then
		# The reloader: back and forth until the floods are done.
		(
			n=0 bad=0
			while [ ! -e /tmp/flood.done ]; do
				for p in /tmp/flood-b.conf /tmp/flood-a.conf; do
					if lockdown apply $p >/tmp/reload.out 2>&1; then n=$((n + 1)); else
						bad=$((bad + 1))
						cp /tmp/reload.out /tmp/reload.err
					fi
				done
				[ $n -lt "$6" ] || touch /tmp/flood.enough
			done
			echo "$n $bad" >/tmp/reloads
		) &
		reloader=$!
	else
		touch /tmp/flood.enough
	fi
	run_flood "$dop" "$dcalls" /tmp/flood-d &
	fd=$!
	run_flood "$aop" "$acalls" /tmp/flood-a
	wait $fd
	touch /tmp/flood.done
	reloads=0
	if [ "$6" -gt 0 ]; then
		wait $reloader
		read -r reloads reload_failures </tmp/reloads
		expect_eq "$r-reload-failures" "$reload_failures" 0 \
			"$(head -c 200 /tmp/reload.err 2>/dev/null)"
		# Every batch ran while reloads went on; the floods stopped only after RELOADS.
		if [ "$reloads" -ge "$6" ]; then ok "$r-reloads-during-flood"; else
			not_ok "$r-reloads-during-flood" "$reloads reloads, want $6 at least"
		fi
	fi
	rd=$(field /tmp/flood-d status) ra=$(field /tmp/flood-a status)
	after_d=$(counters /tmp/s1 "$dop")
	after_a=$(counters /tmp/s1 "$(ldtrigger list | awk -v o="$aop" '$1 == o { print $2 }')")

	expect_eq "$r-$dop-exit" "$rd" 0 "$(cat /tmp/flood-d.err 2>/dev/null)"
	expect_eq "$r-$aop-exit" "$ra" 0 "$(cat /tmp/flood-a.err 2>/dev/null)"
	d_calls=$(field /tmp/flood-d calls)
	a_calls=$(field /tmp/flood-a calls)
	expect_eq "$r-$dop-calls" "$d_calls" \
		$(($(field /tmp/flood-d batches) * THREADS * cpus * dcalls)) "$(cat /tmp/flood-d)"
	expect_eq "$r-$aop-calls" "$a_calls" \
		$(($(field /tmp/flood-a batches) * THREADS * cpus * acalls)) "$(cat /tmp/flood-a)"
	# What the callers saw: every call of the denied operation denied, every call of the
	# audited one allowed (both policies say so); the threads stayed on their CPUs.
	expect_eq "$r-$dop-all-denied" "$(field /tmp/flood-d denied)" "$d_calls" "$(cat /tmp/flood-d)"
	expect_eq "$r-$aop-all-allowed" "$(field /tmp/flood-a allowed)" "$a_calls" "$(cat /tmp/flood-a)"
	expect_eq "$r-pinned" "$(field /tmp/flood-d migrated) $(field /tmp/flood-a migrated)" "0 0"

	d_al=$(delta "$before_d" "$after_d" 1) d_au=$(delta "$before_d" "$after_d" 2)
	d_de=$(delta "$before_d" "$after_d" 3) d_ev=$(delta "$before_d" "$after_d" 4)
	d_rl=$(delta "$before_d" "$after_d" 5) d_dr=$(delta "$before_d" "$after_d" 6)
	a_al=$(delta "$before_a" "$after_a" 1) a_au=$(delta "$before_a" "$after_a" 2)
	a_de=$(delta "$before_a" "$after_a" 3) a_ev=$(delta "$before_a" "$after_a" 4)
	a_rl=$(delta "$before_a" "$after_a" 5) a_dr=$(delta "$before_a" "$after_a" 6)
	expect_eq "$r-stats-$dop-denied" "$d_de" "$d_calls" \
		"counted $d_de denials for $d_calls calls: $((d_calls - d_de)) lost"
	expect_eq "$r-stats-$dop-not-allowed" "$d_al $d_au" "0 0" "allowed, audited"
	expect_eq "$r-stats-$aop-audited" "$a_au" "$a_calls" \
		"counted $a_au audits for $a_calls calls: $((a_calls - a_au)) lost"
	expect_eq "$r-stats-$aop-not-other" "$a_al $a_de" "0 0" "allowed, denied"
	expect_eq "$r-reports-$dop" "$((d_ev + d_rl + d_dr))" "$((d_au + d_de))" \
		"events $d_ev + ratelimited $d_rl + dropped $d_dr vs audited $d_au + denied $d_de"
	expect_eq "$r-reports-$aop" "$((a_ev + a_rl + a_dr))" "$((a_au + a_de))" \
		"events $a_ev + ratelimited $a_rl + dropped $a_dr vs audited $a_au + denied $a_de"

	info "flood $r: $cpus CPUs x $THREADS threads; $reloads reloads"
	info "flood $r $dop: $(cut -d' ' -f3- /tmp/flood-d); stats denied $d_de (lost $((d_calls - d_de))), events $d_ev, ratelimited $d_rl, dropped $d_dr (unaccounted $((d_de + d_au - d_ev - d_rl - d_dr)))"
	info "flood $r $aop: $(cut -d' ' -f3- /tmp/flood-a); stats audited $a_au (lost $((a_calls - a_au))), events $a_ev, ratelimited $a_rl, dropped $a_dr (unaccounted $((a_de + a_au - a_ev - a_rl - a_dr)))"
}

THREADS=3 # per CPU
# Batches of a few seconds at TCG's usual speed, until 4 reloads are done.
flood reload dev_mem 4000 hibernation 1500 4

# One instruction per block: every instruction boundary can take the timer interrupt.
normal=$(spin_cs)
qemu_singlestep on
slow=$(spin_cs)
if [ "$slow" -ge $((normal * 3)) ]; then ok singlestep-slower; else
	not_ok singlestep-slower "a loop took $slow cs, $normal cs before: QEMU's speed did not change"
fi
flood preempt dev_mem 800 ioport 800 0
qemu_singlestep off
info "flood: loop of 4000 iterations: $normal cs, $slow cs one instruction per block"

expect_rc remove 0 lockdown remove
