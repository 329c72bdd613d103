# boot: enforcer
# timeout: 180
# Audit mode denies nothing and reports every would-deny; the counters are exact: they equal
# the number of triggers.

lockdown remove >/dev/null 2>&1
ldtrigger list >/tmp/ops
expect_rc apply-audit 0 lockdown apply --profile restricted --audit
lockdown status -j | grep -q '"mode":"audit"' && ok status-mode-audit ||
	not_ok status-mode-audit "$(lockdown status -j | grep -o '"mode":"[^"]*"')"

# Every available operation goes through; each one is one would-deny event.
n=0
while read -r op reason; do
	line=$(ldtrigger "$op" 2>&1 | head -n1)
	case $(echo "$line" | awk '{ print $2 }') in
	allowed) ok "audit-$op"; n=$((n + 1)) ;;
	unavailable) skip "audit-$op" "$line" ;;
	*) not_ok "audit-$op" "$line" ;;
	esac
done </tmp/ops
lockdown events -j >/tmp/ev.json
events=$(grep -c '"would_deny":true' /tmp/ev.json)
if [ "$events" -ge "$n" ] && [ "$n" -gt 0 ]; then ok would-deny-events; else
	not_ok would-deny-events "$events would-deny events for $n operations"
fi
grep '"action":"deny"' /tmp/ev.json | head -n1 | grep -q . && not_ok no-deny-events \
	"$(grep '"action":"deny"' /tmp/ev.json | head -n1)" || ok no-deny-events
grep -q '"mode":"audit"' /tmp/ev.json && ok event-mode || not_ok event-mode "no mode audit"
lockdown events >/tmp/ev.txt
lockdown stats -j >/tmp/stats.json
denied=$(sed -n 's/.*"total":{[^}]*"denied":\([0-9]*\).*/\1/p' /tmp/stats.json)
expect_eq nothing-denied "$denied" 0

# Exact counters: a fresh load, then K triggers of one operation.
lockdown remove >/dev/null
expect_rc apply-integrity 0 lockdown apply --profile integrity
k=7
i=0
while [ $i -lt $k ]; do
	ldtrigger dev_mem >/dev/null
	i=$((i + 1))
done
ldtrigger kcore >/dev/null
ldtrigger kcore >/dev/null
lockdown stats -j >/tmp/stats.json
row() { grep -o "{\"reason\":\"$1\"[^}]*}" /tmp/stats.json; }
field() { row "$1" | sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p"; }
expect_eq counter-dev_mem-denied "$(field dev_mem denied)" $k
expect_eq counter-dev_mem-allowed "$(field dev_mem allowed)" 0
expect_eq counter-kcore-allowed "$(field kcore allowed)" 2
expect_eq counter-events "$(field dev_mem events)" $k
expect_eq counter-dropped "$(field dev_mem dropped)" 0
lockdown events | grep -c '^lockdown: deny dev_mem ' >/tmp/n
expect_eq events-buffered "$(cat /tmp/n)" $k

expect_rc remove 0 lockdown remove
