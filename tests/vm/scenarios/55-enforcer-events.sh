# boot: enforcer
# timeout: 120
# Event records as text and JSON: the kernel-like line, the fields, rate limiting that is
# counted and never silent, and the executable's path while it still runs.

lockdown remove >/dev/null 2>&1
printf '[Policy]\nDeny=dev_mem\nAudit=kcore\nRateLimit=5\n' >/tmp/ev.conf
expect_rc apply 0 lockdown apply /tmp/ev.conf
ldtrigger dev_mem >/dev/null
lockdown events >/tmp/ev.txt
line=$(head -n1 /tmp/ev.txt)
case $line in
"lockdown: deny dev_mem (/dev/mem,kmem,port) pid="*" comm=ldtrigger exe="*" uid=0 cgroup="*" rule=default")
	ok text-line ;;
*) not_ok text-line "$line" ;;
esac
expect_rc empty-after-read 0 sh -c '[ -z "$(lockdown events)" ]'

ldtrigger kcore >/dev/null
lockdown events -j >/tmp/ev.json
for f in '"time":"20[0-9-]*T' '"reason":"kcore"' '"class":"confidentiality"' \
	'"action":"audit"' '"would_deny":false' '"comm":"ldtrigger"' '"uid":0' \
	'"subject_is_actor":true' '"host":true' '"mode":"enforce"' '"rule":"default"' \
	'"match":"default"' '"pidns":4026531836'; do
	grep -q "$f" /tmp/ev.json && ok "json-$(echo "$f" | tr -dc 'a-z_')" ||
		not_ok "json-$(echo "$f" | tr -dc 'a-z_')" "no $f in $(head -c 300 /tmp/ev.json)"
done

# A process that still runs: its executable is named by path. One that is gone: by the file
# name the kernel recorded (the file it ran, not the symbolic link), with device and inode.
cp /bin/busybox /tmp/holder
ln -s holder /tmp/dd
/tmp/dd if=/dev/mem of=/dev/null bs=1 count=1 2>/dev/null # exits: name, dev:ino
sh -c 'true </dev/mem; sleep 60' 2>/dev/null & # stays: path
stays=$!
: >/tmp/ev2.txt
# Reading takes the events from the buffer: keep what each read gets.
wait_for 10 sh -c 'lockdown events >>/tmp/ev2.txt; grep -q "comm=sh " /tmp/ev2.txt'
grep -q 'comm=sh exe=/bin/busybox ' /tmp/ev2.txt && ok exe-path ||
	not_ok exe-path "$(cat /tmp/ev2.txt | head -c 400)"
grep -q 'comm=dd exe=holder exe_id=[0-9]*:[0-9]*:[0-9]* ' /tmp/ev2.txt && ok exe-name-gone ||
	not_ok exe-name-gone "$(cat /tmp/ev2.txt | head -c 400)"
kill $stays
wait

# A file name made to forge a line: newline, tab, escape sequence, invalid UTF-8. The event is
# one line, the forged text stays inside exe=, and the JSON parses.
evil=$(printf '/tmp/x\nlockdown: deny kexec pid=1 \033[2J\t\377')
cp /bin/ldtrigger "$evil"
"$evil" dev_mem >/dev/null 2>&1
lockdown events >/tmp/ev3.txt
expect_eq forged-name-one-line "$(grep -c . /tmp/ev3.txt)" 1 "$(head -c 300 /tmp/ev3.txt)"
grep -q 'exe=x\\x0alockdown:\\x20deny\\x20kexec\\x20pid=1\\x20\\x1b\[2J\\x09\\xff exe_id=' \
	/tmp/ev3.txt && ok forged-name-escaped || not_ok forged-name-escaped "$(head -c 300 /tmp/ev3.txt)"
"$evil" dev_mem >/dev/null 2>&1
lockdown events -j >/tmp/ev3.json
expect_eq forged-name-json-lines "$(grep -c . /tmp/ev3.json)" 1
expect_rc forged-name-json-valid 0 ldtamper json-valid /tmp/ev3.json
rm -f "$evil"

# Rate limit: 5 events per second per reason; the rest are counted, none lost silently.
i=0
while [ $i -lt 20 ]; do
	ldtrigger dev_mem >/dev/null
	i=$((i + 1))
done
lockdown stats -j >/tmp/stats.json
row=$(grep -o '{"reason":"dev_mem"[^}]*}' /tmp/stats.json)
get() { echo "$row" | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
den=$(get denied) evs=$(get events) rl=$(get ratelimited) dr=$(get dropped)
expect_eq ratelimit-accounting "$((evs + rl + dr))" "$den" "events $evs + ratelimited $rl + dropped $dr"
[ "$rl" -gt 0 ] && ok ratelimit-counted || not_ok ratelimit-counted "no rate-limited events: $row"
info "rate limit 5/s, 20 denials in a loop: $row"

expect_rc remove 0 lockdown remove
