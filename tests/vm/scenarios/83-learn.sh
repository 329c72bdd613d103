# boot: learn
# timeout: 180
# From audit to enforce: under the allow preset an agent uses perf, kprobes and tracefs, a
# tool opens /dev/mem, a root shell does nothing special; learn writes a policy from the
# events; replay of it over the same events denies nothing; applied, the agent and the tool
# still work and any other program is denied every reason. Then the same, live (--for).

lockdown remove >/dev/null 2>&1
mkdir -p /opt/agent /opt/tool
cp /bin/ldtrigger /opt/agent/agent
cp /bin/ldtrigger /opt/tool/tool
expect_rc allow 0 lockdown apply --profile allow
for op in perf kprobes tracefs; do /opt/agent/agent $op >/dev/null; done
/opt/tool/tool dev_mem >/dev/null
sh -c 'true'
lockdown events -j >/tmp/week.json
expect_rc learn 0 lockdown learn --from /tmp/week.json -o /tmp/learned.conf
sed 's/^/learned: /' /tmp/learned.conf | while read -r line; do info "$line"; done
expect_rc learned-checks 0 lockdown check /tmp/learned.conf
sect() { awk -v s="[$1]" '$0 == s { on = 1; next } /^\[/ { on = 0 } on && /^Allow=/ { sub(/ #.*/, ""); print }' /tmp/learned.conf | tr '\n' ' '; }
expect_eq learned-agent "$(sect agent)" "Allow=kprobes Allow=perf Allow=tracefs "
expect_eq learned-tool "$(sect tool)" "Allow=dev_mem "
grep -q '^Executable=/opt/agent/agent$' /tmp/learned.conf && ok learned-agent-path ||
	not_ok learned-agent-path "$(grep Executable /tmp/learned.conf)"
grep -q '^Deny=all$' /tmp/learned.conf && ok learned-base || not_ok learned-base "$(head -n8 /tmp/learned.conf)"
grep -q '^Allow=perf # [0-9]* calls, first 20.*, last 20' /tmp/learned.conf && ok learned-comments ||
	not_ok learned-comments "$(grep perf /tmp/learned.conf)"
lockdown learn --from /tmp/week.json >/tmp/learned2.conf 2>/dev/null
expect_rc learned-stable 0 cmp /tmp/learned.conf /tmp/learned2.conf
expect_rc replay-learned 0 lockdown replay /tmp/learned.conf --from /tmp/week.json
grep -q '^0 calls allowed then would be denied' /tmp/out && ok replay-says ||
	not_ok replay-says "$(tail -n3 /tmp/out)"
expect_rc replay-restricted 1 lockdown replay --profile restricted --from /tmp/week.json
grep -q ' dev_mem pid=[0-9]* comm=tool exe=tool uid=0 rule=default$' /tmp/out && ok replay-names-call ||
	not_ok replay-names-call "$(grep dev_mem /tmp/out | head -n2)"
lockdown replay --profile restricted --from /tmp/week.json -j >/tmp/replay.json
expect_rc replay-json 0 ldtamper json-valid /tmp/replay.json

# By cgroup, for container workloads: the cgroup's path, found from its id.
mkdir -p /sys/fs/cgroup/batch
lockdown apply --profile allow >/dev/null
lockdown events >/dev/null
sh -c 'echo $$ >/sys/fs/cgroup/batch/cgroup.procs && exec /opt/tool/tool kexec' >/dev/null
lockdown events -j >/tmp/cg.json
expect_rc learn-cgroup 0 lockdown learn --from /tmp/cg.json --by cgroup -o /tmp/cg.conf
grep -q '^Cgroup=/sys/fs/cgroup/batch$' /tmp/cg.conf && ok learned-cgroup-path ||
	not_ok learned-cgroup-path "$(grep -v '^#' /tmp/cg.conf | tr '\n' ' ')"
grep -q '^Allow=kexec # 1 calls' /tmp/cg.conf && ok learned-cgroup-reason ||
	not_ok learned-cgroup-reason "$(grep Allow /tmp/cg.conf)"
expect_rc learned-cgroup-checks 0 lockdown check /tmp/cg.conf

expect_rc enforce 0 lockdown apply /tmp/learned.conf
for op in perf kprobes tracefs; do
	expect_eq "agent-$op" "$(/opt/agent/agent $op | awk '{ print $2 }')" allowed
	expect_trig "others-$op" "$op" denied
done
expect_eq tool-dev_mem "$(/opt/tool/tool dev_mem | awk '{ print $2 }')" allowed
expect_trig others-dev_mem dev_mem denied
expect_eq agent-not-dev_mem "$(/opt/agent/agent dev_mem | awk '{ print $2 }')" denied

# Live: nothing in force, learn audits with the allow preset for a while, then removes it.
expect_rc remove 0 lockdown remove
lockdown learn --for 8s -o /tmp/live.conf 2>/tmp/live.err &
learner=$!
# The first load (program and guards verified under TCG) takes a few seconds.
i=0
while [ $i -lt 300 ] && [ ! -e /sys/fs/bpf/lockdown/link ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.5
/opt/tool/tool dev_mem >/dev/null
wait $learner
expect_eq live-exit $? 0 "$(cat /tmp/live.err)"
info "live learn: $(tr '\n' ' ' </tmp/live.err)"
expect_eq live-tool "$(awk '$0 == "[tool]" { on = 1; next } /^\[/ { on = 0 } on && /^Allow=/ { sub(/ #.*/, ""); print }' /tmp/live.conf)" "Allow=dev_mem"
expect_eq live-removed-after "$(ls /sys/fs/bpf | grep -c lockdown)" 0
