# boot: objects
# timeout: 240
# Module= and Kexec=: an unsigned module loads only from a listed file (finit_module, the
# kernel reading the file), never from the same bytes handed over (init_module) nor from a
# copy; a compressed listed file loads through the kernel's decompression; a Module= section
# narrowed by Executable= lets that program alone load it; a kexec image loads (and is
# unloaded, never executed) with kexec_file_load only when listed, and raw kexec_load never;
# events name the file; explain agrees with the kernel; sealed, the listed file cannot be
# written and still loads. The module is the kernel's own crc16, its signature cut off
# (tests/vm/mkinitramfs).

lockdown remove >/dev/null 2>&1
M=/lib/modules/$(uname -r)/test
mod=$M/crc16.ko
out() { "$@" 2>&1 | head -n1 | awk '{ print $2 }'; }
gone() { rmmod crc16 >/dev/null 2>&1; ! grep -q '^crc16 ' /proc/modules; }
# crc16 may be built in or already loaded by something else: then loading it says nothing.
if [ ! -f "$mod" ]; then
	skip setup "no $mod in the initramfs"
	return 0 2>/dev/null || exit 0
fi
gone || { skip setup "crc16 cannot be unloaded"; return 0 2>/dev/null || exit 0; }

# Without a policy: the unsigned module loads both ways, the kernel image loads.
expect_eq none-finit "$(out ldtrigger finit $mod)" allowed
gone && ok none-finit-loaded || not_ok none-finit-loaded "crc16 still loaded after rmmod"
expect_eq none-initmod "$(out ldtrigger initmod $mod)" allowed
gone
kx=$(ldtrigger kexec_file /boot/vmlinuz 2>&1 | head -n1)
info "objects: without a policy: $kx"
case $kx in
*" allowed "*) ok none-kexec-file ;;
*" unavailable "*) skip none-kexec-file "$kx" ;;
*) not_ok none-kexec-file "$kx" ;;
esac

# Deny=integrity: all of it denied.
printf '[Policy]\nDeny=integrity\n' >/tmp/deny.conf
expect_rc apply-deny 0 lockdown apply /tmp/deny.conf
expect_eq deny-finit "$(out ldtrigger finit $mod)" denied
expect_eq deny-initmod "$(out ldtrigger initmod $mod)" denied
case $kx in *" allowed "*) expect_eq deny-kexec-file "$(out ldtrigger kexec_file /boot/vmlinuz)" denied ;; esac
gone

# Listed: the file loads, its bytes and its copy do not.
cp $mod /tmp/copy.ko
cp /boot/vmlinuz /tmp/vmlinuz.copy
cat >/tmp/obj.conf <<EOP
[Policy]
Deny=integrity

[dkms]
Module=/lib/modules/*/test/crc16.ko
Allow=module_signature

[image]
Kexec=/boot/vmlinuz
Allow=kexec
EOP
lockdown check /tmp/obj.conf >/tmp/check.out 2>&1
grep -q "$mod" /tmp/check.out && ok check-lists-file || not_ok check-lists-file "$(head -c 300 /tmp/check.out)"
expect_rc apply-listed 0 lockdown apply /tmp/obj.conf
expect_eq listed-finit "$(out ldtrigger finit $mod)" allowed
gone
expect_eq listed-initmod "$(out ldtrigger initmod $mod)" denied
expect_eq listed-copy "$(out ldtrigger finit /tmp/copy.ko)" denied
expect_eq listed-other-reason "$(out ldtrigger dev_mem)" denied
case $kx in *" allowed "*)
	expect_eq listed-kexec-file "$(out ldtrigger kexec_file /boot/vmlinuz)" allowed
	expect_eq listed-kexec-copy "$(out ldtrigger kexec_file /tmp/vmlinuz.copy)" denied
	;;
esac
expect_eq listed-kexec-load "$(out ldtrigger kexec)" denied
# A finit_module of a listed file first must not open the door to init_module after it.
ldtrigger finit $mod >/dev/null 2>&1
expect_eq listed-initmod-after-finit "$(out ldtrigger initmod $mod)" denied
gone

# Debian 12's kmod (30): its insmod reads an uncompressed module with finit_module, so the
# listed file loads; a compressed one it decompresses itself and hands over as bytes, which no
# Module= matches.
if [ -x /opt/kmod/insmod ]; then
	info "objects: $(/opt/kmod/kmod --version 2>&1 | head -n1)"
	if /opt/kmod/insmod $mod >/tmp/kmod.out 2>&1; then ok kmod-insmod-listed; else
		not_ok kmod-insmod-listed "$(cat /tmp/kmod.out)"; fi
	gone
	if /opt/kmod/insmod /tmp/copy.ko >/tmp/kmod.out 2>&1; then
		not_ok kmod-insmod-copy "an unlisted copy loaded"
	else
		ok kmod-insmod-copy
	fi
	gone
else
	skip kmod-insmod "no kmod on the host to put in the initramfs"
fi

# Events name the file (path from the kernel's dentry, and device:inode).
lockdown events -j >/tmp/obj-ev.json
grep '"reason":"module_signature"' /tmp/obj-ev.json | grep '"outcome":"denied"' | grep -q '"object":{"name":"copy.ko"' &&
	ok event-names-copy || not_ok event-names-copy "$(grep module_signature /tmp/obj-ev.json | head -c 400)"
ino=$(stat -c %i /tmp/copy.ko)
grep '"name":"copy.ko"' /tmp/obj-ev.json | grep -q "\"ino\":$ino" && ok event-object-inode ||
	not_ok event-object-inode "want ino $ino: $(grep copy.ko /tmp/obj-ev.json | head -c 300)"
# (a read takes the events from the buffer: one more denial for the text form)
ldtrigger finit /tmp/copy.ko >/dev/null 2>&1
lockdown events >/tmp/obj-ev.txt 2>&1
grep -q 'module_signature.*object=copy.ko object_id=' /tmp/obj-ev.txt && ok event-text ||
	not_ok event-text "$(grep module_signature /tmp/obj-ev.txt | head -c 300)"

# explain says what the kernel did.
ex() { lockdown explain /tmp/obj.conf --reason module_signature "$@" -j 2>/dev/null | sed -n 's/.*"outcome":"\([a-z]*\)".*/\1/p' | head -n1; }
expect_eq explain-listed "$(ex --module $mod)" allowed
expect_eq explain-copy "$(ex --module /tmp/copy.ko)" denied
expect_eq explain-no-file "$(ex)" denied

# A compressed file, read and decompressed by the kernel (6.12 and later in Debian).
if [ -f $mod.xz ]; then
	expect_eq xz-unlisted "$(out ldtrigger finit $mod.xz compressed)" denied
	sed "s|crc16.ko$|crc16.ko.xz|" /tmp/obj.conf >/tmp/objxz.conf
	expect_rc apply-xz 0 lockdown apply /tmp/objxz.conf
	expect_eq xz-listed "$(out ldtrigger finit $mod.xz compressed)" allowed
	gone
	expect_eq xz-uncompressed-not-listed "$(out ldtrigger finit $mod)" denied
else
	skip xz "no compressed module: the kernel does not decompress modules"
fi

# Narrowed by Executable=: only that program loads the listed file.
mkdir -p /opt/kmod
cp /bin/ldtrigger /opt/kmod/ldtrigger
cat >/tmp/objexe.conf <<EOP
[Policy]
Deny=integrity

[dkms]
Module=$mod
Executable=/opt/kmod/ldtrigger
Allow=module_signature
EOP
expect_rc apply-narrowed 0 lockdown apply /tmp/objexe.conf
expect_eq narrowed-other-program "$(out ldtrigger finit $mod)" denied
expect_eq narrowed-program "$(out /opt/kmod/ldtrigger finit $mod)" allowed
gone
expect_eq narrowed-program-bytes "$(out /opt/kmod/ldtrigger initmod $mod)" denied
expect_eq narrowed-program-dev-mem "$(out /opt/kmod/ldtrigger dev_mem)" denied

# A module built after the apply (a DKMS rebuild): status says it waits, refresh applies it.
printf '[Policy]\nDeny=integrity\n[dkms]\nModule=%s/*.ko\nAllow=module_signature\n' $M >/tmp/objglob.conf
expect_rc apply-glob 0 lockdown apply /tmp/objglob.conf
cp $mod $M/rebuilt.ko
expect_eq rebuilt-waits "$(out ldtrigger finit $M/rebuilt.ko)" denied
lockdown status -j >/tmp/st.json
grep -q "\"objects_waiting\":\[\"$M/rebuilt.ko\"\]" /tmp/st.json && ok status-waiting-json ||
	not_ok status-waiting-json "$(grep -o '"objects_waiting":[^]]*]' /tmp/st.json)"
lockdown status 2>&1 | grep -q "waiting.*$M/rebuilt.ko is listed but not the file in force" && ok status-waiting-text ||
	not_ok status-waiting-text "$(lockdown status 2>&1 | grep -i wait)"
lockdown refresh >/tmp/refresh.out 2>&1
expect_eq refresh-exit $? 0
grep -q "^lockdown: refreshed Module \[dkms\] $M/rebuilt.ko (now " /tmp/refresh.out && ok refresh-says ||
	not_ok refresh-says "$(cat /tmp/refresh.out)"
expect_eq rebuilt-loads "$(out ldtrigger finit $M/rebuilt.ko)" allowed
gone
lockdown status -j | grep -q '"objects_waiting":\[\]' && ok status-current ||
	not_ok status-current "$(lockdown status -j | grep -o '"objects_waiting":[^]]*]')"
rm -f $M/rebuilt.ko

# learn: a module loaded from a file becomes a Module= line, not an exemption of its loader.
printf '[Policy]\nMode=audit\nDeny=integrity\n' >/tmp/learn-audit.conf
expect_rc apply-learn-audit 0 lockdown apply /tmp/learn-audit.conf
lockdown events -j >/dev/null 2>&1 # what came before
expect_eq learn-load "$(out ldtrigger finit $mod)" allowed
gone
lockdown events -j >/tmp/learn-ev.json
expect_rc learn 0 lockdown learn --from /tmp/learn-ev.json --base integrity -o /tmp/learned.conf
grep -q "^Module=$mod # 1 loads" /tmp/learned.conf && ok learn-module-line ||
	not_ok learn-module-line "$(tr '\n' '|' </tmp/learned.conf | head -c 400)"
grep -q '^Executable=' /tmp/learned.conf && not_ok learn-no-loader "$(grep Executable= /tmp/learned.conf)" ||
	ok learn-no-loader
expect_rc apply-learned 0 lockdown apply /tmp/learned.conf
expect_eq learned-file "$(out ldtrigger finit $mod)" allowed
gone
expect_eq learned-copy "$(out ldtrigger finit /tmp/copy.ko)" denied
# replay: the learned policy denies nothing the events did
lockdown replay /tmp/learned.conf --from /tmp/learn-ev.json >/tmp/replay.out 2>&1
expect_eq replay-exit $? 0

# Sealed: a listed file cannot be written, truncated or replaced, and still loads. Unsealed,
# root writes a listed file (its code would then load): the attack the seal closes.
cp $mod /tmp/listed2.ko
if (echo x >>/tmp/listed2.ko) 2>/dev/null; then ok unsealed-write; else
	not_ok unsealed-write "root could not append to a listed file before the seal"; fi
cp $mod /tmp/listed2.ko # the same inode, its content back
sed "s|^Module=.*|Module=$M/*.ko /tmp/listed2.ko|" /tmp/obj.conf >/tmp/objseal.conf
expect_rc seal 0 lockdown apply /tmp/objseal.conf --seal --yes
for f in $mod /tmp/listed2.ko; do
	if (echo x >>$f) 2>/dev/null; then not_ok "sealed-write-${f##*/}" "appended to $f"; else
		ok "sealed-write-${f##*/}"; fi
	if truncate -s 0 $f 2>/dev/null; then not_ok "sealed-truncate-${f##*/}" "truncated $f"; else
		ok "sealed-truncate-${f##*/}"; fi
	if (: >$f) 2>/dev/null; then not_ok "sealed-o-trunc-${f##*/}" "emptied $f"; else
		ok "sealed-o-trunc-${f##*/}"; fi
done
expect_eq sealed-listed "$(out ldtrigger finit $mod)" allowed
gone
expect_eq sealed-listed2 "$(out ldtrigger finit /tmp/listed2.ko)" allowed
gone
expect_eq sealed-copy "$(out ldtrigger finit /tmp/copy.ko)" denied
# The audit names the files a sealed policy still lets load unsigned, and fails the check.
lockdown audit -j >/tmp/audit.json 2>/dev/null
expect_eq audit-modules "$(audit_status /tmp/audit.json modules.sig_enforced)" fail
case $(audit_evidence /tmp/audit.json modules.sig_enforced) in
*"except the files its Module= or Kexec= rules name:"*"$mod"*) ok audit-names-modules ;;
*) not_ok audit-names-modules "$(audit_evidence /tmp/audit.json modules.sig_enforced)" ;;
esac
case $(audit_evidence /tmp/audit.json kexec.load) in
*"except the files its Module= or Kexec= rules name: /boot/vmlinuz"*) ok audit-names-kexec ;;
*) not_ok audit-names-kexec "$(audit_evidence /tmp/audit.json kexec.load)" ;;
esac

# Built since the seal: it waits for the next boot, and status and refresh (exit 1) say so.
cp $mod $M/late.ko
expect_eq sealed-late "$(out ldtrigger finit $M/late.ko)" denied
lockdown status 2>&1 | grep -q "waiting.*$M/late.ko is listed but not the file in force.*after the next boot" &&
	ok sealed-status-waiting || not_ok sealed-status-waiting "$(lockdown status 2>&1 | grep -i wait)"
lockdown refresh >/tmp/refresh.out 2>&1
expect_eq sealed-refresh-exit $? 1
grep -q "Module \[dkms\] $M/late.ko is stale until reboot" /tmp/refresh.out && ok sealed-refresh-says ||
	not_ok sealed-refresh-says "$(cat /tmp/refresh.out)"
rm -f $M/late.ko
# Replaced by rename: the new file is another inode, not listed.
cp /tmp/copy.ko /tmp/new.ko
if mv /tmp/new.ko $mod 2>/dev/null; then
	expect_eq sealed-replaced "$(out ldtrigger finit $mod)" denied
else
	ok sealed-replace-refused
fi
