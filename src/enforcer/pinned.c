// SPDX-License-Identifier: GPL-2.0-only
/*
 * Access to the pinned maps for commands that run after `apply` has exited (events, stats,
 * status, a re-apply, remove).
 *
 * Pins outlive the lockdown that made them: after an upgrade, the lockdown that reads them
 * may have another ABI. So before any lookup or update, ld_pinned_open() checks the `abi`
 * stamp, then every map's type, key size, value size and maximum entries against the maps
 * of the BPF object built into this binary. Pins of another ABI are refused, untouched, with
 * what to do: `lockdown remove` then `lockdown apply` (and, when they are sealed, a reboot).
 *
 * Readers open every map read-only, except the ring buffer, whose consumer position they
 * write; a sealed enforcer refuses writable handles to the other maps (seal.bpf.c).
 */
#include "enforcer.h"
#include "util.h"

#include "lockdown.skel.h"

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
	{ "abi", offsetof(struct ld_pinned, abi) },
	{ "active", offsetof(struct ld_pinned, active) },
	{ "policy", offsetof(struct ld_pinned, policy) },
	{ "meta", offsetof(struct ld_pinned, meta) },
	{ "seal", offsetof(struct ld_pinned, seal) },
	{ "exes", offsetof(struct ld_pinned, exes) },
	{ "cgroups", offsetof(struct ld_pinned, cgroups) },
	{ "uids", offsetof(struct ld_pinned, uids) },
	{ "objects", offsetof(struct ld_pinned, objects) },
	{ "trusted", offsetof(struct ld_pinned, trusted) },
	{ "revoked", offsetof(struct ld_pinned, revoked) },
	{ "sealstate", offsetof(struct ld_pinned, sealstate) },
	{ "loading", offsetof(struct ld_pinned, loading) },
	{ "counters", offsetof(struct ld_pinned, counters) },
	{ "rate", offsetof(struct ld_pinned, rate) },
	{ "events", offsetof(struct ld_pinned, events) },
};

#define NMAPS	 (sizeof(pinned_maps) / sizeof(pinned_maps[0]))
#define FD(p, i) (*(int *)((char *)(p) + pinned_maps[i].off))

_Static_assert(NMAPS <= LD_SEAL_MAPS, "the seal lists every map");

static void map_path(size_t i, char *path, size_t len)
{
	snprintf(path, len, "%s/%s", LD_PIN_DIR, pinned_maps[i].name);
}

size_t ld_pinned_count(void)
{
	return NMAPS;
}

int ld_pinned_fd(const struct ld_pinned *p, size_t i)
{
	return i < NMAPS ? FD(p, i) : -1;
}

const char *ld_pinned_name(size_t i)
{
	return i < NMAPS ? pinned_maps[i].name : NULL;
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

void ld_pinned_close(struct ld_pinned *p)
{
	for (size_t i = 0; i < NMAPS; i++) {
		if (FD(p, i) >= 0)
			close(FD(p, i));
		FD(p, i) = -1;
	}
}

/* ---- the ABI check --------------------------------------------------------------------- */

struct shape {
	__u32 type, key, value, max;
};

/* The shape of each map as this binary's BPF object declares it (opened, never loaded). */
static int expected_shapes(struct shape out[NMAPS])
{
	static struct shape cache[NMAPS];
	static bool have;
	struct lockdown_bpf *skel;

	if (!have) {
		skel = lockdown_bpf__open();
		if (!skel)
			return -errno ? -errno : -ENOMEM;
		for (size_t i = 0; i < NMAPS; i++) {
			struct bpf_map *m =
				bpf_object__find_map_by_name(skel->obj, pinned_maps[i].name);

			if (!m) {
				lockdown_bpf__destroy(skel);
				return -ENOENT;
			}
			cache[i].type = (__u32)bpf_map__type(m);
			cache[i].key = bpf_map__key_size(m);
			cache[i].value = bpf_map__value_size(m);
			cache[i].max = bpf_map__max_entries(m);
		}
		lockdown_bpf__destroy(skel);
		have = true;
	}
	memcpy(out, cache, sizeof(cache));
	return 0;
}

static int foreign(char *why, size_t whylen, const char *what)
{
	snprintf(why, whylen,
		 "the enforcer pinned under %s was loaded by another version of lockdown (%s): "
		 "nothing was changed; run 'lockdown remove' and apply again (if it is sealed, "
		 "it stays until reboot)",
		 LD_PIN_DIR, what);
	return -EPROTO;
}

/*
 * The checks themselves, on what the kernel reported (pure, so fuzz/fuzz_events.c feeds them
 * forged values): 0, or -EPROTO with why.
 */

/* The `abi` map's own layout: one entry of struct ld_abi under a __u32 key. */
static int stamp_layout_check(const struct bpf_map_info *info, char *why, size_t whylen)
{
	if (info->type != BPF_MAP_TYPE_ARRAY || info->key_size != 4 ||
	    info->value_size != sizeof(struct ld_abi) || info->max_entries != 1)
		return foreign(why, whylen, "its ABI stamp has another layout");
	return 0;
}

/* The stamp it holds. */
static int stamp_check(const struct ld_abi *a, char *why, size_t whylen)
{
	char what[96];

	if (a->magic != LD_ABI_MAGIC || a->version != LD_ABI_VERSION) {
		snprintf(what, sizeof(what), "ABI %u; this lockdown has ABI %u",
			 a->magic == LD_ABI_MAGIC ? a->version : 0, LD_ABI_VERSION);
		return foreign(why, whylen, what);
	}
	return 0;
}

/* Another map against the shape this binary's object declares for it. */
static int shape_check(const struct bpf_map_info *info, const char *name, const struct shape *want,
		       char *why, size_t whylen)
{
	char what[160];

	if (info->type == want->type && info->key_size == want->key &&
	    info->value_size == want->value && info->max_entries == want->max)
		return 0;
	snprintf(what, sizeof(what),
		 "map %s is type %u, key %u, value %u, %u entries; this lockdown expects %u, %u, "
		 "%u, %u",
		 name, info->type, info->key_size, info->value_size, info->max_entries, want->type,
		 want->key, want->value, want->max);
	return foreign(why, whylen, what);
}

/* The stamp in the pinned `abi` map, read before anything else is trusted. */
static int check_stamp(int fd, char *why, size_t whylen)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info), zero = 0;
	struct ld_abi a;
	int err;

	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0)
		return -errno;
	err = stamp_layout_check(&info, why, whylen);
	if (err)
		return err;
	if (bpf_map_lookup_elem(fd, &zero, &a) != 0)
		return -errno;
	return stamp_check(&a, why, whylen);
}

static int check_shape(int fd, const char *name, const struct shape *want, char *why, size_t whylen)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);

	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0)
		return -errno;
	return shape_check(&info, name, want, why, whylen);
}

int ld_pinned_open(struct ld_pinned *p, enum ld_pin_access acc, char *why, size_t whylen)
{
	struct shape want[NMAPS];
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
	err = expected_shapes(want);
	if (err) {
		snprintf(why, whylen, "reading the embedded BPF object: %s", strerror(-err));
		return err;
	}
	for (size_t i = 0; i < NMAPS; i++) {
		LIBBPF_OPTS(bpf_obj_get_opts, o);
		bool rw = acc == LD_PIN_WRITE || !strcmp(pinned_maps[i].name, "events");

		o.file_flags = rw ? 0 : BPF_F_RDONLY;
		map_path(i, path, sizeof(path));
		FD(p, i) = bpf_obj_get_opts(path, &o);
		if (FD(p, i) < 0) {
			err = -errno;
			if (err == -ENOENT && i == 0)
				err = foreign(why, whylen, "its pins carry no ABI stamp");
			else
				snprintf(why, whylen, "%s: %s", path,
					 err == -ENOENT
						 ? "missing (partial pin; run lockdown remove)"
						 : ld_errno_hint(-err));
			goto fail;
		}
		err = i == 0 ? check_stamp(FD(p, i), why, whylen) : 0;
		if (!err)
			err = check_shape(FD(p, i), pinned_maps[i].name, &want[i], why, whylen);
		if (err) {
			if (err != -EPROTO)
				snprintf(why, whylen, "%s: %s", path, strerror(-err));
			goto fail;
		}
	}
	return 0;
fail:
	ld_pinned_close(p);
	return err;
}

int ld_pinned_active(const struct ld_pinned *p, struct ld_active *a)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(p->active, &zero, a) ? -errno : 0;
}

int ld_pinned_seal(const struct ld_pinned *p, struct ld_seal *s)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(p->seal, &zero, s) ? -errno : 0;
}

/*
 * A `meta` entry as read from the map: 0 when this format wrote it, else -ENODATA. Its source
 * must end within its bytes, as ld_meta_from_compiled() writes it: status and the stale
 * exemptions use it as a C string. (Rule names are only read within their bytes.)
 */
static int meta_check(const struct ld_meta *m)
{
	if (m->magic != LD_META_MAGIC || !memchr(m->source, '\0', sizeof(m->source)))
		return -ENODATA;
	return 0;
}

int ld_pinned_meta(const struct ld_pinned *p, unsigned int set, struct ld_meta *m)
{
	__u32 key = set;

	if (bpf_map_lookup_elem(p->meta, &key, m))
		return -errno;
	return meta_check(m);
}

int ld_pinned_policy(const struct ld_pinned *p, unsigned int set, struct ld_policy *pol)
{
	__u32 key = set;

	return bpf_map_lookup_elem(p->policy, &key, pol) ? -errno : 0;
}

int ld_pinned_counters(const struct ld_pinned *p, struct ld_counters out[LD_SLOTS])
{
	int ncpus = libbpf_num_possible_cpus();
	struct ld_counters *percpu;

	if (ncpus <= 0)
		return ncpus < 0 ? ncpus : -EINVAL;
	percpu = calloc((size_t)ncpus, sizeof(*percpu));
	if (!percpu)
		return -ENOMEM;
	for (__u32 r = 0; r < LD_SLOTS; r++) {
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
