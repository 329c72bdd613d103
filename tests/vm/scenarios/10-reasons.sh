# boot: main
# The guest kernel's reasons, read from its BTF by `lockdown reasons`, against facts measured
# on Debian kernels: tracefs is 24 on 5.10 and 27 from 6.1; every integrity reason comes
# before every confidentiality reason; text and JSON list the same reasons.

lockdown reasons >/tmp/reasons.txt 2>&1
expect_eq text-exit $? 0
lockdown reasons -j >/tmp/reasons.json 2>&1
expect_eq json-exit $? 0

case $(kernel_major_minor) in
5.10) want_tracefs=24 ;;
*) want_tracefs=27 ;;
esac
expect_eq tracefs-number "$(awk '$2 == "tracefs" { print $1 }' /tmp/reasons.txt)" "$want_tracefs"
expect_eq dev_mem-class "$(awk '$2 == "dev_mem" { print $3 }' /tmp/reasons.txt)" integrity
expect_eq kcore-class "$(awk '$2 == "kcore" { print $3 }' /tmp/reasons.txt)" confidentiality
# 5.10.y carries the bpf_read_kernel rename; either spelling is listed under the new name.
expect_eq bpf_read_kernel-listed "$(awk '$2 == "bpf_read_kernel" { print $3 }' /tmp/reasons.txt)" \
	confidentiality

# The class split follows the kernel's own LOCKDOWN_INTEGRITY_MAX marker: numbers of the
# integrity class all lie below those of the confidentiality class.
max_i=$(awk 'NR > 1 && $3 == "integrity" { if ($1 > m) m = $1 } END { print m + 0 }' /tmp/reasons.txt)
min_c=$(awk 'NR > 1 && $3 == "confidentiality" { if (!m || $1 < m) m = $1 } END { print m + 0 }' \
	/tmp/reasons.txt)
if [ "$max_i" -lt "$min_c" ] && [ "$max_i" -gt 0 ]; then ok class-split; else
	not_ok class-split "integrity up to $max_i, confidentiality from $min_c"
fi

rows=$(awk 'NR > 1' /tmp/reasons.txt | wc -l)
objs=$(grep -o '"number":' /tmp/reasons.json | wc -l)
expect_eq json-matches-text "$objs" "$rows"
for field in name class description; do
	expect_eq "json-has-$field" "$(grep -o "\"$field\":" /tmp/reasons.json | wc -l)" "$rows"
done
unknown=$(grep -c 'not described' /tmp/reasons.txt)
[ "$unknown" -eq 0 ] || info "reasons unknown to this lockdown version: $(grep 'not described' /tmp/reasons.txt | awk '{ print $2 }' | tr '\n' ' ')"
info "reasons: $rows ($(grep -c ' integrity ' /tmp/reasons.txt) integrity):" \
	"$(awk 'NR > 1 { printf "%s=%s ", $2, $1 }' /tmp/reasons.txt)"
