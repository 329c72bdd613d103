// SPDX-License-Identifier: GPL-2.0-only
/*
 * Access to the pinned maps for commands that run after `apply` has exited (events, stats,
 * status, a re-apply, remove).
 */
#include "enforcer.h"
#include "util.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
	const char *name;
	size_t off;
} pinned_maps[] = {
	{ "active", offsetof(struct ld_pinned, active) },
	{ "policy", offsetof(struct ld_pinned, policy) },
	{ "exes", offsetof(struct ld_pinned, exes) },
	{ "cgroups", offsetof(struct ld_pinned, cgroups) },
	{ "uids", offsetof(struct ld_pinned, uids) },
	{ "counters", offsetof(struct ld_pinned, counters) },
	{ "rate", offsetof(struct ld_pinned, rate) },
	{ "events", offsetof(struct ld_pinned, events) },
	{ "meta", offsetof(struct ld_pinned, meta) },
};

#define NMAPS	 (sizeof(pinned_maps) / sizeof(pinned_maps[0]))
#define FD(p, i) (*(int *)((char *)(p) + pinned_maps[i].off))

static void map_path(size_t i, char *path, size_t len)
{
	snprintf(path, len, "%s/%s", LD_PIN_DIR, pinned_maps[i].name);
}

int ld_pinned_from_object(struct bpf_object *obj, struct ld_pinned *p)
{
	for (size_t i = 0; i < NMAPS; i++) {
		struct bpf_map *m = bpf_object__find_map_by_name(obj, pinned_maps[i].name);

		FD(p, i) = m ? bpf_map__fd(m) : -1;
		if (FD(p, i) < 0)
			return -ENOENT;
	}
	return 0;
}

int ld_pinned_pin(const struct ld_pinned *p, char *path, size_t len)
{
	for (size_t i = 0; i < NMAPS; i++) {
		map_path(i, path, len);
		if (bpf_obj_pin(FD(p, i), path) != 0)
			return -errno;
	}
	return 0;
}

void ld_pinned_unpin(void)
{
	char path[128];

	for (size_t i = 0; i < NMAPS; i++) {
		map_path(i, path, sizeof(path));
		unlink(path);
	}
}

void ld_pinned_close(struct ld_pinned *p)
{
	for (size_t i = 0; i < NMAPS; i++) {
		if (FD(p, i) >= 0)
			close(FD(p, i));
		FD(p, i) = -1;
	}
}

int ld_pinned_open(struct ld_pinned *p, char *why, size_t whylen)
{
	char path[128];
	int err;

	for (size_t i = 0; i < NMAPS; i++)
		FD(p, i) = -1;
	if (access(LD_PIN_DIR "/link", F_OK) != 0) {
		err = -errno;
		if (err == -ENOENT)
			snprintf(why, whylen, "no policy is loaded (nothing pinned under %s)",
				 LD_PIN_DIR);
		else
			snprintf(why, whylen, "%s: %s", LD_PIN_DIR, ld_errno_hint(-err));
		return err;
	}
	for (size_t i = 0; i < NMAPS; i++) {
		map_path(i, path, sizeof(path));
		FD(p, i) = bpf_obj_get(path);
		if (FD(p, i) < 0) {
			err = -errno;
			snprintf(why, whylen, "%s: %s", path,
				 err == -ENOENT ? "missing (partial pin; run lockdown remove)"
						: ld_errno_hint(-err));
			ld_pinned_close(p);
			return err;
		}
	}
	return 0;
}

int ld_pinned_active(const struct ld_pinned *p, struct ld_active *a)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(p->active, &zero, a) ? -errno : 0;
}

int ld_pinned_meta(const struct ld_pinned *p, unsigned int set, struct ld_meta *m)
{
	__u32 key = set;

	if (bpf_map_lookup_elem(p->meta, &key, m))
		return -errno;
	return m->magic == LD_META_MAGIC ? 0 : -ENODATA;
}

int ld_pinned_counters(const struct ld_pinned *p, struct ld_counters out[LD_REASONS])
{
	int ncpus = libbpf_num_possible_cpus();
	struct ld_counters *percpu;

	if (ncpus <= 0)
		return ncpus < 0 ? ncpus : -EINVAL;
	percpu = calloc((size_t)ncpus, sizeof(*percpu));
	if (!percpu)
		return -ENOMEM;
	for (__u32 r = 0; r < LD_REASONS; r++) {
		if (bpf_map_lookup_elem(p->counters, &r, percpu)) {
			int err = -errno;

			free(percpu);
			return err;
		}
		ld_counters_sum(percpu, (unsigned int)ncpus, &out[r]);
	}
	free(percpu);
	return 0;
}
