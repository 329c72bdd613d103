// SPDX-License-Identifier: GPL-2.0-only
/*
 * What a root attacker loads against the enforcer with BPF itself (ldbpfatk.c runs them):
 * an extension (freplace) of the decision program's global function, and a map-element
 * iterator that writes the values of a map it was given a read-only handle to.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

const volatile __u32 ret_val = 0xfffe; /* a rule past the table: ld_decide() allows */
const volatile __u32 wr_word = 1;      /* the value's 32-bit word to write (ld_policy.nrules) */
const volatile __u32 wr_val = 0;
__u32 hits = 0;

/* Replaces lockdown.bpf.c's ld_object_rule_btf (the name is the attach target's). */
SEC("freplace/ld_object_rule_btf")
__u32 ext_rule(__u32 set, __u32 reason, __u32 sealed, __u32 subjects)
{
	return ret_val;
}

struct bpf_iter_meta {
	void *seq;
	__u64 session_id;
	__u64 seq_num;
} __attribute__((preserve_access_index));

struct bpf_iter__bpf_map_elem {
	struct bpf_iter_meta *meta;
	void *map;
	void *key;
	void *value;
} __attribute__((preserve_access_index));

SEC("iter/bpf_map_elem")
int iter_write(struct bpf_iter__bpf_map_elem *ctx)
{
	__u32 *v = ctx->value;

	if (!v)
		return 0;
	v[wr_word & 1] = wr_val; /* the verifier knows the value is 8 bytes or more */
	__sync_fetch_and_add(&hits, 1);
	return 0;
}
