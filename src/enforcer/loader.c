// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loading, pinning and table swaps.
 *
 * First apply: load the program (nothing is enforced yet, so a policy that later denies
 * `bpf_read_kernel` cannot lock the loader out of its own load), write the policy into
 * generation 0, attach, and pin program, link and maps under LD_PIN_DIR; then the command
 * exits and the pinned link keeps the program attached.
 *
 * Later applies never load a program: each is a new generation, written into the table set
 * that is not in force; then the one-entry `active` map moves to it (one aligned 32-bit word:
 * the program sees either the old or the new generation, never a mix), the loader waits until
 * every program call that may still use the old set has returned, and only then clears it.
 *
 * apply and remove hold an exclusive flock() on LD_LOCK_FILE while they change the pins, so
 * two of them never interleave (two first loads would otherwise both load and pin).
 *
 * Waiting: an update of a BPF_MAP_TYPE_ARRAY_OF_MAPS makes the kernel call synchronize_rcu()
 * before the syscall returns (maybe_wait_bpf_programs(), 5.10 through 7.2), and LSM programs
 * run under RCU, so after that update no call that read the old index is still running.
 *
 * Memory on 5.10: before memory-cgroup accounting of BPF (5.11), a map's whole size is charged
 * up front to RLIMIT_MEMLOCK of the creating *user*, and stays charged while it is pinned. If
 * root were that user, every other root BPF user with the default 64 KiB limit would get
 * EPERM until the maps go away. So on such kernels the loader creates its maps and program
 * with its real uid set to LD_CHARGE_UID (effective uid and capabilities stay root's), which
 * charges a user nobody else uses, and switches back right after.
 */
#include "enforcer.h"
#include "libbpf_log.h"
#include "kstate.h"
#include "util.h"

#include "lockdown.skel.h"
#include "seal.skel.h"

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define LD_CHARGE_UID	 2147483646u /* charged for map memory on 5.10; owns nothing */
#define LD_BPF_FS	 "/sys/fs/bpf"
#define LD_BPF_FS_MAGIC	 0xcafe4a11
#define LD_PROC_PID_INIT 0xEFFFFFFCu
#ifndef CAP_PERFMON
#define CAP_PERFMON 38
#endif
#ifndef CAP_BPF
#define CAP_BPF 39
#endif

/* ---- small system helpers --------------------------------------------------------------- */

static bool have_cap(int cap)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d) != 0)
		return false;
	return d[cap / 32].effective & (1u << (cap % 32));
}

static void raise_memlock(void)
{
	struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };

	if (setrlimit(RLIMIT_MEMLOCK, &r) != 0) {
		/* Without CAP_SYS_RESOURCE: as high as the hard limit allows. */
		if (getrlimit(RLIMIT_MEMLOCK, &r) == 0) {
			r.rlim_cur = r.rlim_max;
			setrlimit(RLIMIT_MEMLOCK, &r);
		}
	}
}

/* Memory-cgroup accounting of BPF memory (5.11+) came with bpf_ktime_get_coarse_ns(). */
static bool memcg_accounting(void)
{
	return libbpf_probe_bpf_helper(BPF_PROG_TYPE_SOCKET_FILTER, BPF_FUNC_ktime_get_coarse_ns,
				       NULL) == 1;
}

static __u64 realtime_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (__u64)ts.tv_sec * 1000000000ULL + (__u64)ts.tv_nsec;
}

/* Jiffies per second: the coarse clocks tick once per jiffy (their resolution is 1/HZ). */
static __u32 kernel_hz(void)
{
	struct timespec res;

	if (clock_getres(CLOCK_MONOTONIC_COARSE, &res) != 0 || res.tv_sec || !res.tv_nsec)
		return 1000; /* the highest HZ: a window of at least one second */
	return (__u32)((1000000000L + res.tv_nsec / 2) / res.tv_nsec);
}

/*
 * The BPF file system on /sys/fs/bpf, where pins live: mounted by systemd at boot; mounted
 * here when it is not (as systemd would), so that enforcement does not depend on the init.
 */
static int ensure_bpffs(char *why, size_t whylen)
{
	struct statfs sf;
	int err;

	if (statfs(LD_BPF_FS, &sf) != 0) {
		err = errno;
		snprintf(why, whylen,
			 "%s: %s (sysfs not mounted on /sys, or a kernel without "
			 "CONFIG_BPF_SYSCALL)",
			 LD_BPF_FS, strerror(err));
		return -err;
	}
	if ((unsigned long)sf.f_type == LD_BPF_FS_MAGIC)
		return 0;
	if (mount("bpf", LD_BPF_FS, "bpf", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0700") != 0) {
		err = errno;
		snprintf(why, whylen,
			 "the BPF file system is not mounted on %s and mounting it failed (%s): "
			 "mount it with 'mount -t bpf bpf %s' and apply again",
			 LD_BPF_FS, strerror(err), LD_BPF_FS);
		return -err;
	}
	return 0;
}

/* BPF LSM must be in the active LSM list, or the program would attach and never run. */
static int check_bpf_lsm(char *why, size_t whylen)
{
	struct ld_securityfs fs;
	struct ld_lsm_list lsms;
	char path[300], buf[512], param[512];
	long n;

	if (ld_securityfs_find(&fs, false, buf, sizeof(buf)) != 0)
		return 0; /* cannot tell: the attach will say more */
	snprintf(path, sizeof(path), "%s/lsm", fs.dir);
	n = ld_read_file(path, buf, sizeof(buf));
	if (n < 0 || ld_parse_lsm_list(buf, &lsms) != 0)
		return 0;
	if (ld_lsm_list_has(&lsms, "bpf"))
		return 0;
	if (ld_lsm_bpf_param(&lsms, param, sizeof(param)) != 0)
		snprintf(param, sizeof(param), "lsm=...,bpf");
	snprintf(why, whylen,
		 "BPF LSM is not active on this kernel (active LSMs: %s): add %s to the kernel "
		 "command line and reboot",
		 ld_rstrip(buf), param);
	return -EOPNOTSUPP;
}

static enum ld_level kernel_level(void)
{
	struct ld_securityfs fs;
	enum ld_level level = LD_LEVEL_NONE;
	char path[300], buf[256];

	if (ld_securityfs_find(&fs, false, buf, sizeof(buf)) == 0) {
		snprintf(path, sizeof(path), "%s/lockdown", fs.dir);
		if (ld_read_level_file(path, &level) != 0)
			level = LD_LEVEL_NONE;
	}
	return level;
}

static bool privileged(void)
{
	return have_cap(CAP_SYS_ADMIN) || (have_cap(CAP_BPF) && have_cap(CAP_PERFMON));
}

static const char *perm_hint(void)
{
	if (!privileged())
		return "this process lacks CAP_SYS_ADMIN (or CAP_BPF and CAP_PERFMON): run as root";
	return "the process has CAP_SYS_ADMIN, so this kernel or a sandbox around it forbids "
	       "BPF LSM programs";
}

/* ---- writing tables ---------------------------------------------------------------------- */

/* Delete every key of generation gen (the first 32 bits of every subject key). */
static int clear_gen(int fd, size_t keysize, __u32 gen)
{
	size_t cap = 256, n = 0;
	unsigned char *keys = malloc(cap * keysize), *cur = NULL, next[32];
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

static int clear_subjects(const struct ld_pinned *p, __u32 set)
{
	int e1 = clear_gen(p->exes, sizeof(struct ld_exe_key), set);
	int e2 = clear_gen(p->cgroups, sizeof(struct ld_cgroup_key), set);
	int e3 = clear_gen(p->uids, sizeof(struct ld_uid_key), set);

	return e1 ? e1 : e2 ? e2 : e3;
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
static int write_gen(const struct ld_pinned *p, __u32 set, const struct ld_compiled *c,
		     const struct ld_meta *m, char *why, size_t whylen)
{
	struct ld_policy pol = c->pol;
	int err = clear_subjects(p, set);

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
	pol.subjects = (c->nexes ? LD_HAS_EXE : 0) | (c->ncgroups ? LD_HAS_CGROUP : 0) |
		       (c->nuids ? LD_HAS_UID : 0);
	if (bpf_map_update_elem(p->policy, &set, &pol, BPF_ANY) != 0 ||
	    bpf_map_update_elem(p->meta, &set, m, BPF_ANY) != 0) {
		err = -errno;
		snprintf(why, whylen, "writing the policy table: %s", strerror(-err));
		goto fail;
	}
	return 0;
fail:
	clear_subjects(p, set);
	return err;
}

/* Return once no program call that may have read the previous `active` is running. */
static void wait_for_programs(void)
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

/* ---- re-apply ---------------------------------------------------------------------------- */

/*
 * The pinned maps, writable, and the active entry; refused when sealed. Read-only first: a
 * sealed enforcer refuses writable handles, and the seal is the thing to report.
 */
static int open_unsealed(struct ld_pinned *p, struct ld_active *a, char *why, size_t whylen)
{
	int err = ld_pinned_open(p, LD_PIN_READ, why, whylen);

	if (err)
		return err;
	err = ld_pinned_active(p, a);
	ld_pinned_close(p);
	if (err) {
		snprintf(why, whylen, "reading the active generation: %s", strerror(-err));
		return err;
	}
	if (a->sealed) {
		snprintf(why, whylen, "the policy in force is sealed: it stays until reboot");
		return -EBUSY;
	}
	err = ld_pinned_open(p, LD_PIN_WRITE, why, whylen);
	if (err)
		return err;
	/* A seal may have come in between: the writable open would then have failed. */
	return 0;
}

static int reapply(const struct ld_compiled *c, const struct ld_apply_opts *opts,
		   struct ld_apply_result *res, char *why, size_t whylen)
{
	struct ld_seal_plan plan = { 0 };
	struct ld_pinned p;
	struct ld_active a;
	struct ld_meta old, m;
	__u32 cur, next, zero = 0;
	int err;

	err = open_unsealed(&p, &a, why, whylen);
	if (err)
		return err;
	if (opts->seal) {
		err = ld_seal_prepare(c, &p, &plan, why, whylen);
		if (err)
			goto out;
	}
	cur = a.gen & 1;
	next = cur ^ 1;
	ld_meta_from_compiled(c, a.gen + 1, realtime_ns(), &m);
	if (ld_pinned_meta(&p, cur, &old) == 0) {
		m.loaded_ns = old.loaded_ns;
		m.variant = old.variant;
		m.init_netns = old.init_netns;
	}
	err = write_gen(&p, next, c, &m, why, whylen);
	if (err)
		goto out;
	a.gen++;
	if (bpf_map_update_elem(p.active, &zero, &a, BPF_ANY) != 0) {
		err = -errno;
		snprintf(why, whylen, "switching to the new policy: %s", strerror(-err));
		clear_subjects(&p, next);
		goto out;
	}
	wait_for_programs();
	/* The old set's policy and metadata stay: they name the rules of its buffered events. */
	clear_subjects(&p, cur);
	res->gen = a.gen;
	res->variant = m.variant;
	if (opts->seal) {
		err = ld_seal_commit(&p, &plan, res, why, whylen);
		res->in_force_unsealed = err != 0;
	}
out:
	ld_seal_plan_free(&plan);
	ld_pinned_close(&p);
	return err;
}

/* ---- first load -------------------------------------------------------------------------- */

/*
 * Unlink everything under LD_PIN_DIR (whatever version of lockdown pinned it), the link
 * first: unpinning it detaches the program. 0, or the first -errno (EPERM: the kernel
 * refused, which a sealed enforcer's guards do).
 */
static int unpin_all(void)
{
	DIR *d;
	struct dirent *de;
	int err = 0;

	if (unlink(LD_PIN_DIR "/link") != 0 && errno != ENOENT)
		err = -errno;
	d = opendir(LD_PIN_DIR);
	if (d) {
		while ((de = readdir(d)) != NULL) {
			char path[512];

			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", LD_PIN_DIR, de->d_name);
			if (unlink(path) != 0 && errno != ENOENT && !err)
				err = -errno;
		}
		closedir(d);
	}
	if (rmdir(LD_PIN_DIR) != 0 && errno != ENOENT && !err)
		err = -errno;
	return err;
}

static int inode_of(const char *path, __u32 *ino)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return -errno;
	*ino = (__u32)st.st_ino;
	return 0;
}

static enum ld_variant pick_variant(void)
{
	return libbpf_probe_bpf_helper(BPF_PROG_TYPE_KPROBE, BPF_FUNC_get_current_task_btf, NULL) ==
			       1
		       ? LD_VARIANT_BTF
		       : LD_VARIANT_PROBE;
}

/* Whether the kernel (or the BTF file given) has the LSM hook `name`. */
static bool kernel_has_hook(const char *btf_path, const char *name)
{
	struct btf *btf = btf_path ? btf__parse(btf_path, NULL) : btf__load_vmlinux_btf();
	char fn[96];
	bool has;

	if (!btf)
		return false;
	snprintf(fn, sizeof(fn), "bpf_lsm_%s", name);
	has = btf__find_by_name_kind(btf, fn, BTF_KIND_FUNC) >= 0;
	btf__free(btf);
	return has;
}

/* The pin of a guard program: LD_GUARD_PREFIX + its name without "ld_guard_". */
static void guard_pin_path(const char *prog_name, char *path, size_t len)
{
	const char *short_name = prog_name;

	if (!strncmp(short_name, "ld_guard_", 9))
		short_name += 9;
	snprintf(path, len, "%s/%s%s", LD_PIN_DIR, LD_GUARD_PREFIX, short_name);
}

/*
 * Load the seal's guards (seal.bpf.c) with the maps of the enforcer just loaded, so that a
 * later `apply --seal` only attaches them: they are verified now, before any policy could
 * deny this loader what the verifier asks of it. Nothing is attached here.
 */
static int load_guards(struct lockdown_bpf *skel, const struct ld_apply_opts *opts,
		       struct seal_bpf **out, char *why, size_t whylen)
{
	LIBBPF_OPTS(bpf_object_open_opts, oo, .btf_custom_path = opts->btf);
	struct seal_bpf *g;
	struct bpf_map *m;
	int err;

	*out = NULL;
	g = seal_bpf__open_opts(&oo);
	if (!g) {
		err = -errno;
		snprintf(why, whylen, "opening the embedded guard object: %s", strerror(-err));
		return err;
	}
	bpf_object__for_each_map(m, g->obj)
	{
		struct bpf_map *src;

		if (bpf_map__is_internal(m))
			continue;
		src = bpf_object__find_map_by_name(skel->obj, bpf_map__name(m));
		err = src ? bpf_map__reuse_fd(m, bpf_map__fd(src)) : -ENOENT;
		if (err) {
			snprintf(why, whylen, "sharing map %s with the guards: %s",
				 bpf_map__name(m), strerror(-err));
			seal_bpf__destroy(g);
			return err;
		}
	}
	g->rodata->ld_task_btf = bpf_program__autoload(skel->progs.ld_locked_down);
	g->rodata->ld_probe_ok = skel->rodata->ld_probe_ok;
	g->rodata->ld_init_netns = skel->rodata->ld_init_netns;
	g->rodata->ld_hz = skel->rodata->ld_hz;
	/* Kernel change: 6.9 renamed bpf_map_alloc_security to bpf_map_create. */
	bpf_program__set_autoload(g->progs.ld_guard_map_alloc,
				  kernel_has_hook(opts->btf, "bpf_map_alloc_security"));
	bpf_program__set_autoload(g->progs.ld_guard_map_create,
				  kernel_has_hook(opts->btf, "bpf_map_create"));
	err = seal_bpf__load(g);
	if (err) {
		err = err < 0 ? err : -errno;
		snprintf(why, whylen, "the kernel rejected the seal's guard programs (%s)%s%s",
			 strerror(-err), ld_libbpf_log_last()[0] ? ": " : "", ld_libbpf_log_last());
		seal_bpf__destroy(g);
		return err;
	}
	*out = g;
	return 0;
}

static int pin_guards(struct seal_bpf *g, char *path, size_t len)
{
	struct bpf_program *prog;

	bpf_object__for_each_program(prog, g->obj)
	{
		if (bpf_program__fd(prog) < 0)
			continue; /* not loaded: a hook this kernel lacks */
		guard_pin_path(bpf_program__name(prog), path, len);
		if (bpf_obj_pin(bpf_program__fd(prog), path) != 0)
			return -errno;
	}
	return 0;
}

static int write_abi(const struct ld_pinned *p, char *why, size_t whylen)
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

static int first_load(const struct ld_compiled *c, const struct ld_apply_opts *opts,
		      struct ld_apply_result *res, char *why, size_t whylen)
{
	LIBBPF_OPTS(bpf_object_open_opts, oo, .btf_custom_path = opts->btf);
	struct ld_seal_plan plan = { 0 };
	struct lockdown_bpf *skel = NULL;
	struct seal_bpf *guards = NULL;
	struct bpf_program *prog;
	struct bpf_link *link = NULL;
	struct ld_pinned p;
	struct ld_meta m;
	struct ld_active a = { 0 };
	char path[128], gwhy[512];
	__u32 pidns = 0, netns = 0, zero = 0;
	enum ld_level level;
	bool switched = false;
	int err;

	err = check_bpf_lsm(why, whylen);
	if (err)
		return err;
	if (inode_of("/proc/self/ns/pid", &pidns) != 0 || inode_of("/proc/1/ns/net", &netns) != 0) {
		snprintf(why, whylen,
			 "/proc is not mounted or unreadable: the loader needs the "
			 "initial network namespace from /proc/1/ns/net");
		return -ENOENT;
	}
	if (pidns != LD_PROC_PID_INIT) {
		snprintf(why, whylen,
			 "run apply from the initial pid namespace (this one is a "
			 "container's: its pid 1 does not show the host's namespaces)");
		return -EPERM;
	}
	err = ensure_bpffs(why, whylen);
	if (err)
		return err;
	level = kernel_level();
	if (opts->seal && level == LD_LEVEL_CONFIDENTIALITY) {
		snprintf(why, whylen,
			 "the kernel's own lockdown level is confidentiality, which withholds "
			 "bpf_probe_read_kernel() from the seal's guards: seal before raising "
			 "the level to confidentiality (nothing was loaded)");
		return -EOPNOTSUPP;
	}

	res->variant = pick_variant();
	if (!memcg_accounting()) {
		if (setresuid(LD_CHARGE_UID, (uid_t)-1, (uid_t)-1) == 0)
			switched = res->charged_other_user = true;
		else
			ld_warn("map memory is charged to root's RLIMIT_MEMLOCK (%s)",
				strerror(errno));
	}

	skel = lockdown_bpf__open_opts(&oo);
	if (!skel) {
		err = -errno;
		snprintf(why, whylen, "opening the embedded BPF object: %s", strerror(-err));
		goto fail;
	}
	bpf_program__set_autoload(skel->progs.ld_locked_down, res->variant == LD_VARIANT_BTF);
	bpf_program__set_autoload(skel->progs.ld_locked_down_probe,
				  res->variant == LD_VARIANT_PROBE);
	prog = res->variant == LD_VARIANT_BTF ? skel->progs.ld_locked_down
					      : skel->progs.ld_locked_down_probe;
	skel->rodata->ld_init_netns = netns;
	skel->rodata->ld_hz = kernel_hz();
	/* Probe reads are refused at load under the kernel's confidentiality level. */
	skel->rodata->ld_probe_ok = level != LD_LEVEL_CONFIDENTIALITY;

	err = lockdown_bpf__load(skel);
	if (err) {
		err = err < 0 ? err : -errno;
		if (err == -EPERM)
			snprintf(why, whylen,
				 "the kernel refused to load the BPF LSM program (EPERM): %s",
				 perm_hint());
		else if (res->variant == LD_VARIANT_PROBE &&
			 strstr(ld_libbpf_log_last(), "unknown func") &&
			 level == LD_LEVEL_CONFIDENTIALITY)
			snprintf(why, whylen,
				 "this kernel lacks bpf_get_current_task_btf() (before 5.11), so "
				 "the program reads the task with bpf_probe_read_kernel(), which "
				 "the kernel's own lockdown level (confidentiality) withholds: "
				 "apply before raising the level to confidentiality");
		else if (err == -EACCES)
			snprintf(why, whylen,
				 "the kernel's verifier rejected the BPF LSM program%s%s",
				 ld_libbpf_log_last()[0] ? ": " : "", ld_libbpf_log_last());
		else
			snprintf(why, whylen, "the kernel rejected the BPF LSM program (%s)%s%s",
				 strerror(-err), ld_libbpf_log_last()[0] ? ": " : "",
				 ld_libbpf_log_last());
		goto fail;
	}
	if (skel->rodata->ld_probe_ok) {
		err = load_guards(skel, opts, &guards, gwhy, sizeof(gwhy));
		if (err && opts->seal) {
			snprintf(why, whylen, "%s", gwhy);
			goto fail;
		}
		if (err)
			ld_warn("%s; this enforcer cannot be sealed", gwhy);
	}

	if (ld_pinned_from_object(skel->obj, &p) != 0) {
		err = -ENOENT;
		snprintf(why, whylen, "the embedded BPF object lacks a map");
		goto fail;
	}
	if (opts->seal) {
		err = ld_seal_prepare(c, &p, &plan, why, whylen);
		if (err)
			goto fail;
	}
	err = write_abi(&p, why, whylen);
	if (err)
		goto fail;
	ld_meta_from_compiled(c, 0, realtime_ns(), &m);
	m.loaded_ns = m.applied_ns;
	m.variant = res->variant;
	m.init_netns = netns;
	err = write_gen(&p, 0, c, &m, why, whylen);
	if (err)
		goto fail;
	if (bpf_map_update_elem(p.active, &zero, &a, BPF_ANY) != 0) {
		err = -errno;
		snprintf(why, whylen, "setting the active generation: %s", strerror(-err));
		goto fail;
	}

	link = bpf_program__attach_lsm(prog);
	if (!link) {
		err = -errno;
		if (err == -EPERM || err == -EACCES)
			snprintf(why, whylen,
				 "the kernel refused to attach the BPF LSM program "
				 "(EPERM): %s",
				 perm_hint());
		else
			snprintf(why, whylen, "attaching the BPF LSM program: %s", strerror(-err));
		goto fail;
	}

	if (mkdir(LD_PIN_DIR, 0700) != 0 && errno != EEXIST) {
		err = -errno;
		snprintf(why, whylen, "%s: %s", LD_PIN_DIR, ld_errno_hint(-err));
		goto fail;
	}
	err = ld_pinned_pin(&p, path, sizeof(path));
	if (!err && guards)
		err = pin_guards(guards, path, sizeof(path));
	if (err)
		goto pin_fail;
	snprintf(path, sizeof(path), "%s/prog", LD_PIN_DIR);
	if (bpf_obj_pin(bpf_program__fd(prog), path) != 0) {
		err = -errno;
		goto pin_fail;
	}
	/* Last: from here on the pinned link keeps the program attached. */
	snprintf(path, sizeof(path), "%s/link", LD_PIN_DIR);
	if (bpf_obj_pin(bpf_link__fd(link), path) != 0) {
		err = -errno;
		goto pin_fail;
	}

	if (switched && setresuid(0, (uid_t)-1, (uid_t)-1) != 0)
		ld_warn("restoring the real uid: %s", strerror(errno));
	switched = false;
	res->first_load = true;
	res->gen = 0;
	if (opts->seal) {
		err = ld_seal_commit(&p, &plan, res, why, whylen);
		res->in_force_unsealed = err != 0;
	}
	bpf_link__destroy(link); /* closes our fd; the pinned link stays */
	seal_bpf__destroy(guards);
	lockdown_bpf__destroy(skel);
	ld_seal_plan_free(&plan);
	return err;

pin_fail:
	snprintf(why, whylen, "pinning %s: %s", path, ld_errno_hint(-err));
	unpin_all();
fail:
	bpf_link__destroy(link); /* unpinned: detaches */
	seal_bpf__destroy(guards);
	lockdown_bpf__destroy(skel);
	ld_seal_plan_free(&plan);
	if (switched && setresuid(0, (uid_t)-1, (uid_t)-1) != 0)
		ld_warn("restoring the real uid: %s", strerror(errno));
	return err;
}

/* ---- entry points ------------------------------------------------------------------------ */

/* Wait for the exclusive lock of LD_LOCK_FILE; its fd (close it to unlock), or -errno. */
static int lock_pins(char *why, size_t whylen)
{
	int fd, err;

	/* /run exists on any running system; an initramfs may lack it. */
	if ((mkdir("/run", 0755) != 0 && errno != EEXIST) ||
	    (mkdir(LD_LOCK_DIR, 0700) != 0 && errno != EEXIST)) {
		err = errno;
		snprintf(why, whylen, "creating %s: %s", LD_LOCK_DIR, strerror(err));
		return -err;
	}
	fd = open(LD_LOCK_FILE, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		err = errno;
		snprintf(why, whylen, "%s: %s", LD_LOCK_FILE, strerror(err));
		return -err;
	}
	while (flock(fd, LOCK_EX) != 0) {
		err = errno;
		if (err == EINTR)
			continue;
		close(fd);
		snprintf(why, whylen, "locking %s: %s", LD_LOCK_FILE, strerror(err));
		return -err;
	}
	return fd;
}

int ld_enforcer_apply(const struct ld_compiled *c, const struct ld_apply_opts *opts,
		      struct ld_apply_result *res, char *why, size_t whylen)
{
	static const struct ld_apply_opts no_opts;
	int err, lock;

	memset(res, 0, sizeof(*res));
	if (!opts)
		opts = &no_opts;
	ld_libbpf_log_install();
	if (!privileged()) {
		snprintf(why, whylen,
			 "applying a policy needs CAP_SYS_ADMIN (or CAP_BPF and CAP_PERFMON): "
			 "run as root");
		return -EPERM;
	}
	raise_memlock();
	lock = lock_pins(why, whylen);
	if (lock < 0)
		return lock;
	if (access(LD_PIN_DIR "/link", F_OK) == 0) {
		err = reapply(c, opts, res, why, whylen);
	} else if (errno != ENOENT) {
		err = -errno;
		snprintf(why, whylen, "%s: %s", LD_PIN_DIR, ld_errno_hint(-err));
	} else {
		unpin_all(); /* leftovers of an interrupted first apply */
		err = first_load(c, opts, res, why, whylen);
	}
	close(lock);
	return err;
}

/* Id of the pinned program, or 0. */
static __u32 pinned_prog_id(void)
{
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	int fd = bpf_obj_get(LD_PIN_DIR "/prog");

	if (fd < 0)
		return 0;
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0)
		info.id = 0;
	close(fd);
	return info.id;
}

/*
 * Unpinning drops the last references, but some kernels (5.10) release a bpffs inode from
 * an RCU callback and detach the program later from a work queue. The program's id goes
 * away only after its link released it, so wait for that (at most 5 s).
 */
static void wait_prog_gone(__u32 id)
{
	for (int i = 0; id && i < 500; i++) {
		int fd = bpf_prog_get_fd_by_id(id);

		if (fd < 0 && errno == ENOENT)
			return;
		if (fd >= 0)
			close(fd);
		usleep(10 * 1000);
	}
}

int ld_enforcer_remove(char *why, size_t whylen)
{
	__u32 prog_id;
	struct ld_pinned p;
	struct ld_active a;
	struct stat st;
	int err, lock;

	ld_libbpf_log_install();
	if (stat(LD_PIN_DIR, &st) != 0) {
		snprintf(why, whylen, "no policy is loaded (nothing pinned under %s)", LD_PIN_DIR);
		return -ENOENT;
	}
	if (!privileged()) {
		snprintf(why, whylen, "removing the enforcer needs CAP_SYS_ADMIN: run as root");
		return -EPERM;
	}
	lock = lock_pins(why, whylen);
	if (lock < 0)
		return lock;
	/*
	 * Pins of another ABI cannot be read, but can be removed; -ENOENT is a partial pin
	 * (no link), cleaned up below.
	 */
	err = ld_pinned_open(&p, LD_PIN_READ, why, whylen);
	if (err && err != -ENOENT && err != -EPROTO) {
		close(lock);
		return err;
	}
	if (err == 0) {
		if (ld_pinned_active(&p, &a) == 0 && a.sealed) {
			snprintf(why, whylen,
				 "the policy in force is sealed: it stays until reboot");
			ld_pinned_close(&p);
			close(lock);
			return -EBUSY;
		}
		ld_pinned_close(&p);
	}
	prog_id = pinned_prog_id();
	err = unpin_all();
	if (err == -EPERM) {
		/* The kernel refused: another version's sealed enforcer guards these pins. */
		snprintf(why, whylen,
			 "the kernel refused to remove the pins under %s: the enforcer is "
			 "sealed and stays until reboot",
			 LD_PIN_DIR);
		close(lock);
		return -EBUSY;
	}
	wait_prog_gone(prog_id);
	err = stat(LD_PIN_DIR, &st) == 0 ? -ENOTEMPTY : 0;
	if (err)
		snprintf(why, whylen, "%s: could not remove every pinned object", LD_PIN_DIR);
	close(lock);
	return err;
}
