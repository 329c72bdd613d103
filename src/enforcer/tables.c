// SPDX-License-Identifier: GPL-2.0-only
/*
 * Table sets of the pinned maps (see loader.h and the generation swap in loader.c): every
 * subject key starts with its set (0 or 1), the policy and meta maps have one entry per set.
 */
#include "loader.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_KEY 64
_Static_assert(sizeof(struct ld_exe_key) <= MAX_KEY && sizeof(struct ld_obj_key) <= MAX_KEY,
	       "every subject key fits clear_gen()'s buffer");

/* Delete every key of generation gen (the first 32 bits of every subject key). */
static int clear_gen(int fd, size_t keysize, __u32 gen)
{
	size_t cap = 256, n = 0;
	unsigned char *keys = malloc(cap * keysize), *cur = NULL, next[MAX_KEY];
	int err = 0;

	if (!keys)
		return -ENOMEM;
	while (bpf_map_get_next_key(fd, cur, next) == 0) {
		if (n == cap) {
			unsigned char *k = realloc(keys, 2 * cap * keysize);

			if (!k) {
				free(keys);
				return -ENOMEM;
			}
			keys = k;
			cap *= 2;
		}
		memcpy(keys + n * keysize, next, keysize);
		cur = keys + n * keysize;
		n++;
	}
	for (size_t i = 0; i < n; i++) {
		__u32 g;

		memcpy(&g, keys + i * keysize, sizeof(g));
		if (g == gen && bpf_map_delete_elem(fd, keys + i * keysize) != 0 && errno != ENOENT)
			err = -errno;
	}
	free(keys);
	return err;
}

int ld_tables_clear(const struct ld_pinned *p, __u32 set)
{
	int e1 = clear_gen(p->exes, sizeof(struct ld_exe_key), set);
	int e2 = clear_gen(p->cgroups, sizeof(struct ld_cgroup_key), set);
	int e3 = clear_gen(p->uids, sizeof(struct ld_uid_key), set);
	int e4 = clear_gen(p->objects, sizeof(struct ld_obj_key), set);

	return e1 ? e1 : e2 ? e2 : e3 ? e3 : e4;
}

static int map_full(char *why, size_t whylen, const char *what, size_t n, unsigned int max)
{
	int err = errno;

	if (err == E2BIG || err == ENOMEM)
		snprintf(why, whylen, "%zu %s subjects do not fit the kernel table (at most %u)", n,
			 what, max);
	else
		snprintf(why, whylen, "writing the %s table: %s", what, strerror(err));
	return -err;
}

/* Write c into table set `set` (which is not in force). On failure its subjects are empty. */
int ld_tables_write(const struct ld_pinned *p, __u32 set, const struct ld_compiled *c,
		    const struct ld_meta *m, char *why, size_t whylen)
{
	struct ld_policy pol = c->pol;
	int err = ld_tables_clear(p, set);

	if (err) {
		snprintf(why, whylen, "clearing table set %u: %s", set, strerror(-err));
		return err;
	}
	for (size_t i = 0; i < c->nexes; i++) {
		struct ld_exe_key k = { .gen = set, .dev = c->exes[i].dev, .ino = c->exes[i].ino };

		if (bpf_map_update_elem(p->exes, &k, &c->exes[i].rule, BPF_ANY) != 0) {
			err = map_full(why, whylen, "executable", c->nexes, LD_EXE_MAX);
			goto fail;
		}
	}
	for (size_t i = 0; i < c->ncgroups; i++) {
		struct ld_cgroup_key k = { .gen = set, .id = c->cgroups[i].id };

		if (bpf_map_update_elem(p->cgroups, &k, &c->cgroups[i].rule, BPF_ANY) != 0) {
			err = map_full(why, whylen, "cgroup", c->ncgroups, LD_CGROUP_MAX);
			goto fail;
		}
	}
	for (size_t i = 0; i < c->nuids; i++) {
		struct ld_uid_key k = { .gen = set, .uid = c->uids[i].uid };

		if (bpf_map_update_elem(p->uids, &k, &c->uids[i].rule, BPF_ANY) != 0) {
			err = map_full(why, whylen, "uid", c->nuids, LD_UID_MAX);
			goto fail;
		}
	}
	for (size_t i = 0; i < c->nobjects; i++) {
		const struct ld_obj_rule *o = &c->objects[i];
		struct ld_obj_key k = ld_obj_rule_key(set, o);

		if (bpf_map_update_elem(p->objects, &k, &o->rule, BPF_ANY) != 0) {
			err = map_full(why, whylen, "object", c->nobjects, LD_OBJECT_MAX);
			goto fail;
		}
	}
	pol.subjects = (c->nexes ? LD_HAS_EXE : 0) | (c->ncgroups ? LD_HAS_CGROUP : 0) |
		       (c->nuids ? LD_HAS_UID : 0) | (c->nobjects ? LD_HAS_OBJECT : 0);
	if (bpf_map_update_elem(p->policy, &set, &pol, BPF_ANY) != 0 ||
	    bpf_map_update_elem(p->meta, &set, m, BPF_ANY) != 0) {
		err = -errno;
		snprintf(why, whylen, "writing the policy table: %s", strerror(-err));
		goto fail;
	}
	return 0;
fail:
	ld_tables_clear(p, set);
	return err;
}

int ld_tables_write_abi(const struct ld_pinned *p, char *why, size_t whylen)
{
	struct ld_abi a = {
		.magic = LD_ABI_MAGIC,
		.version = LD_ABI_VERSION,
		.event_size = sizeof(struct ld_event),
		.policy_size = sizeof(struct ld_policy),
		.meta_size = sizeof(struct ld_meta),
		.seal_size = sizeof(struct ld_seal),
	};
	__u32 zero = 0;

	if (bpf_map_update_elem(p->abi, &zero, &a, BPF_ANY) == 0)
		return 0;
	snprintf(why, whylen, "writing the ABI stamp: %s", strerror(errno));
	return -errno;
}

/*
 * Return once no program call that may have read the previous `active` is running. An update
 * of a BPF_MAP_TYPE_ARRAY_OF_MAPS makes the kernel call synchronize_rcu() before the syscall
 * returns (maybe_wait_bpf_programs(), 5.10 through 7.2), and LSM programs run under RCU, so
 * after that update no call that read the old index is still running.
 */
void ld_tables_wait_readers(void)
{
	LIBBPF_OPTS(bpf_map_create_opts, o);
	__u32 key = 0;
	int inner, outer;

	inner = bpf_map_create(BPF_MAP_TYPE_ARRAY, NULL, 4, 4, 1, NULL);
	if (inner >= 0) {
		o.inner_map_fd = inner;
		outer = bpf_map_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, NULL, 4, 4, 1, &o);
		if (outer >= 0) {
			int ok = bpf_map_update_elem(outer, &key, &inner, BPF_ANY) == 0;

			close(outer);
			close(inner);
			if (ok)
				return;
		} else {
			close(inner);
		}
	}
	/* No map-in-map: a grace period is far below a second on any kernel. */
	usleep(200 * 1000);
}
