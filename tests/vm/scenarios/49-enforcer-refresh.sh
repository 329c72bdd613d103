# boot: enforcer
# timeout: 60
# A package upgrade replaces an exempt executable (a new inode): status says the exemption is
# stale, and lockdown refresh applies the policy again so that it follows the new file.

lockdown remove >/dev/null 2>&1
mkdir -p /opt/r
cp /bin/ldtrigger /opt/r/tool
printf '[Policy]\nDeny=integrity\n[tool]\nExecutable=/opt/r/tool\nAllow=dev_mem\n' >/tmp/r.conf
expect_rc apply 0 lockdown apply /tmp/r.conf
expect_rc current 0 lockdown refresh
grep -q 'is current' /tmp/out && ok current-says || not_ok current-says "$(cat /tmp/out)"
expect_eq exempt "$(/opt/r/tool dev_mem | awk '{ print $2 }')" allowed
# What dpkg does: unpack the new file beside the old one, rename it over.
cp /bin/ldtrigger /opt/r/tool.dpkg-new && mv /opt/r/tool.dpkg-new /opt/r/tool
expect_eq replaced-not-exempt "$(/opt/r/tool dev_mem | awk '{ print $2 }')" denied
lockdown status | grep -q '^warning .*exemption for /opt/r/tool is stale.*lockdown refresh' &&
	ok status-stale || not_ok status-stale "$(lockdown status | grep -i stale)"
lockdown status -j | grep -q '"stale_exemptions":\["/opt/r/tool"\]' && ok status-stale-json ||
	not_ok status-stale-json "$(lockdown status -j | head -c 400)"
expect_rc refresh 0 lockdown refresh
grep -q '^lockdown: refreshed exemption \[tool\] /opt/r/tool ' /tmp/out && ok refresh-says ||
	not_ok refresh-says "$(cat /tmp/out)"
expect_eq refreshed-exempt "$(/opt/r/tool dev_mem | awk '{ print $2 }')" allowed
lockdown status -j | grep -q '"stale_exemptions":\[\]' && ok status-current ||
	not_ok status-current "$(lockdown status -j | head -c 400)"
rm /tmp/r.conf
expect_rc source-gone 2 lockdown refresh
expect_rc remove 0 lockdown remove
