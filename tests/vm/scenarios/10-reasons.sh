# boot: main
# The guest kernel's reasons, read from its BTF by `lockdown reasons`, against facts measured
# on Debian kernels: tracefs is 24 on 5.10 and 27 from 6.1; the class split is the kernel's
# own (LOCKDOWN_INTEGRITY_MAX); names resolve; text and JSON list the same reasons.

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

# The class split follows the kernel's own markers: enum lockdown_reason is LOCKDOWN_NONE (0),
# the integrity reasons, LOCKDOWN_INTEGRITY_MAX, the confidentiality reasons,
# LOCKDOWN_CONFIDENTIALITY_MAX. So integrity is exactly 1..I-1 and confidentiality exactly
# I+1..C-1, both without gaps, where I is the one number that is missing.
max_i=$(awk 'NR > 1 && $3 == "integrity" { if ($1 > m) m = $1 } END { print m + 0 }' /tmp/reasons.txt)
min_c=$(awk 'NR > 1 && $3 == "confidentiality" { if (!m || $1 < m) m = $1 } END { print m + 0 }' \
	/tmp/reasons.txt)
max_c=$(awk 'NR > 1 && $3 == "confidentiality" { if ($1 > m) m = $1 } END { print m + 0 }' \
	/tmp/reasons.txt)
n_i=$(awk 'NR > 1 && $3 == "integrity"' /tmp/reasons.txt | wc -l)
n_c=$(awk 'NR > 1 && $3 == "confidentiality"' /tmp/reasons.txt | wc -l)
if [ "$max_i" -gt 0 ] && [ "$min_c" -eq $((max_i + 2)) ] && [ "$n_i" -eq "$max_i" ] &&
	[ "$n_c" -eq $((max_c - min_c + 1)) ]; then
	ok class-split
else
	not_ok class-split "integrity: $n_i reasons up to $max_i; confidentiality: $n_c reasons" \
		"$min_c..$max_c; want 1..I-1 and I+1..C-1"
fi
other=$(awk 'NR > 1 && $3 != "integrity" && $3 != "confidentiality" { print $2 "=" $3 }' \
	/tmp/reasons.txt | tr '\n' ' ')
expect_eq no-other-class "$other" ""

# Names resolve: every reason has a lower-case enum name, none is a bare number.
bad=$(awk 'NR > 1 && $2 !~ /^[a-z][a-z0-9_]*$/ { print $1 "=" $2 }' /tmp/reasons.txt | tr '\n' ' ')
expect_eq names-resolve "$bad" ""

# JSON and text say the same thing, object by object (number, name, class).
# One object per line (the descriptions hold no braces), whatever the JSON's layout.
tr -d '\n' </tmp/reasons.json | sed 's/}/}\n/g' >/tmp/j.objs
sed -n 's/.*"number": *\([0-9]*\).*/\1/p' /tmp/j.objs >/tmp/j.num
sed -n 's/.*"name": *"\([^"]*\)".*/\1/p' /tmp/j.objs >/tmp/j.name
sed -n 's/.*"class": *"\([^"]*\)".*/\1/p' /tmp/j.objs >/tmp/j.class
paste -d' ' /tmp/j.num /tmp/j.name /tmp/j.class >/tmp/j.rows
awk 'NR > 1 { print $1, $2, $3 }' /tmp/reasons.txt >/tmp/t.rows
if cmp -s /tmp/j.rows /tmp/t.rows; then ok json-equals-text; else
	not_ok json-equals-text "$(diff /tmp/t.rows /tmp/j.rows | grep '^[-+][^-+]' | head -n 4 | tr '\n' ' ')"
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
