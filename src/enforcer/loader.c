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
 * The steps live beside this file: system.c (what the system must offer), tables.c (writing
 * a table set, waiting for readers of the old one), seal.c (the seal), pinned.c (the pins).
 *
 * Memory on 5.10: before memory-cgroup accounting of BPF (5.11), a map's whole size is charged
 * up front to RLIMIT_MEMLOCK of the creating *user*, and stays charged while it is pinned. If
 * root were that user, every other root BPF user with the default 64 KiB limit would get
 * EPERM until the maps go away. So on such kernels the loader creates its maps and program
 * with its real uid set to LD_CHARGE_UID (effective uid and capabilities stay root's), which
 * charges a user nobody else uses, and switches back right after.
 */
#include "loader.h"
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LD_CHARGE_UID 2147483646u /* charged for map memory on 5.10; owns nothing */

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
	ld_meta_from_compiled(c, a.gen + 1, ld_sys_realtime_ns(), &m);
	if (ld_pinned_meta(&p, cur, &old) == 0) {
		m.loaded_ns = old.loaded_ns;
		m.variant = old.variant;
		m.init_netns = old.init_netns;
	}
	err = ld_tables_write(&p, next, c, &m, why, whylen);
	if (err)
		goto out;
	a.gen++;
	if (bpf_map_update_elem(p.active, &zero, &a, BPF_ANY) != 0) {
		err = -errno;
		snprintf(why, whylen, "switching to the new policy: %s", strerror(-err));
		ld_tables_clear(&p, next);
		goto out;
	}
	ld_tables_wait_readers();
	/* The old set's policy and metadata stay: they name the rules of its buffered events. */
	ld_tables_clear(&p, cur);
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
				  ld_sys_has_lsm_hook(opts->btf, "bpf_map_alloc_security"));
	bpf_program__set_autoload(g->progs.ld_guard_map_create,
				  ld_sys_has_lsm_hook(opts->btf, "bpf_map_create"));
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

/*
 * What a first load needs before anything is created: BPF LSM active, the initial pid
 * namespace (to learn the host's network namespace from /proc/1), the BPF file system, and
 * for a seal a kernel level below confidentiality.
 */
static int preflight(const struct ld_apply_opts *opts, __u32 *netns, enum ld_level *level,
		     char *why, size_t whylen)
{
	__u32 pidns = 0;
	int err;

	err = ld_sys_check_bpf_lsm(why, whylen);
	if (err)
		return err;
	if (ld_sys_ns_inode("/proc/self/ns/pid", &pidns) != 0 ||
	    ld_sys_ns_inode("/proc/1/ns/net", netns) != 0) {
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
	err = ld_sys_ensure_bpffs(why, whylen);
	if (err)
		return err;
	*level = ld_sys_kernel_level();
	if (opts->seal && *level == LD_LEVEL_CONFIDENTIALITY) {
		snprintf(why, whylen,
			 "the kernel's own lockdown level is confidentiality, which withholds "
			 "bpf_probe_read_kernel() from the seal's guards: seal before raising "
			 "the level to confidentiality (nothing was loaded)");
		return -EOPNOTSUPP;
	}
	return 0;
}

/* Open and load the enforcer object with the one program variant this kernel runs. */
static int load_enforcer(const struct ld_apply_opts *opts, enum ld_variant variant, __u32 netns,
			 enum ld_level level, struct lockdown_bpf **out, char *why, size_t whylen)
{
	LIBBPF_OPTS(bpf_object_open_opts, oo, .btf_custom_path = opts->btf);
	struct lockdown_bpf *skel;
	const char *last;
	int err;

	*out = NULL;
	skel = lockdown_bpf__open_opts(&oo);
	if (!skel) {
		err = -errno;
		snprintf(why, whylen, "opening the embedded BPF object: %s", strerror(-err));
		return err;
	}
	bpf_program__set_autoload(skel->progs.ld_locked_down, variant == LD_VARIANT_BTF);
	bpf_program__set_autoload(skel->progs.ld_locked_down_probe, variant == LD_VARIANT_PROBE);
	skel->rodata->ld_init_netns = netns;
	skel->rodata->ld_hz = ld_sys_kernel_hz();
	/* Probe reads are refused at load under the kernel's confidentiality level. */
	skel->rodata->ld_probe_ok = level != LD_LEVEL_CONFIDENTIALITY;

	err = lockdown_bpf__load(skel);
	if (!err) {
		*out = skel;
		return 0;
	}
	err = err < 0 ? err : -errno;
	last = ld_libbpf_log_last();
	if (err == -EPERM)
		snprintf(why, whylen, "the kernel refused to load the BPF LSM program (EPERM): %s",
			 ld_sys_perm_hint());
	else if (variant == LD_VARIANT_PROBE && strstr(last, "unknown func") &&
		 level == LD_LEVEL_CONFIDENTIALITY)
		snprintf(why, whylen,
			 "this kernel lacks bpf_get_current_task_btf() (before 5.11), so the "
			 "program reads the task with bpf_probe_read_kernel(), which the kernel's "
			 "own lockdown level (confidentiality) withholds: apply before raising the "
			 "level to confidentiality");
	else if (err == -EACCES)
		snprintf(why, whylen, "the kernel's verifier rejected the BPF LSM program%s%s",
			 last[0] ? ": " : "", last);
	else
		snprintf(why, whylen, "the kernel rejected the BPF LSM program (%s)%s%s",
			 strerror(-err), last[0] ? ": " : "", last);
	lockdown_bpf__destroy(skel);
	return err;
}

/* The object programs (lockdown.bpf.c): which file a module or kexec load reads. */
#define NOBJ 2
static struct bpf_program *obj_prog(struct lockdown_bpf *skel, int i)
{
	return i == 0 ? skel->progs.ld_obj_read : skel->progs.ld_obj_load;
}

/* Attach the object programs: from the first load on, whatever the policy says. */
static int attach_objects(struct lockdown_bpf *skel, struct bpf_link *links[NOBJ], char *why,
			  size_t whylen)
{
	for (int i = 0; i < NOBJ; i++) {
		links[i] = bpf_program__attach_lsm(obj_prog(skel, i));
		if (!links[i]) {
			int err = -errno;

			snprintf(why, whylen, "attaching the BPF LSM program %s: %s",
				 bpf_program__name(obj_prog(skel, i)), strerror(-err));
			return err;
		}
	}
	return 0;
}

/* The pin of an object program: LD_OBJ_PREFIX + its name without "ld_obj_" (+ link). */
static void obj_pin_path(struct lockdown_bpf *skel, int i, bool link, char *path, size_t len)
{
	snprintf(path, len, "%s/%s%s%s", LD_PIN_DIR, LD_OBJ_PREFIX,
		 bpf_program__name(obj_prog(skel, i)) + strlen("ld_obj_"),
		 link ? LD_GUARD_LINK : "");
}

/*
 * Pin maps, guards, the object programs and their links, program and, last, the link: from
 * then on the programs stay attached.
 */
static int pin_enforcer(const struct ld_pinned *p, struct seal_bpf *guards,
			struct lockdown_bpf *skel, struct bpf_link *const olinks[NOBJ],
			struct bpf_program *prog, struct bpf_link *link, char *why, size_t whylen)
{
	char path[128];
	int err;

	if (mkdir(LD_PIN_DIR, 0700) != 0 && errno != EEXIST) {
		err = -errno;
		snprintf(why, whylen, "%s: %s", LD_PIN_DIR, ld_errno_hint(-err));
		return err;
	}
	err = ld_pinned_pin(p, path, sizeof(path));
	if (!err && guards)
		err = pin_guards(guards, path, sizeof(path));
	for (int i = 0; i < NOBJ && !err; i++) {
		obj_pin_path(skel, i, false, path, sizeof(path));
		if (bpf_obj_pin(bpf_program__fd(obj_prog(skel, i)), path) != 0) {
			err = -errno;
			break;
		}
		obj_pin_path(skel, i, true, path, sizeof(path));
		if (bpf_obj_pin(bpf_link__fd(olinks[i]), path) != 0)
			err = -errno;
	}
	if (!err) {
		snprintf(path, sizeof(path), "%s/prog", LD_PIN_DIR);
		if (bpf_obj_pin(bpf_program__fd(prog), path) != 0)
			err = -errno;
	}
	if (!err) {
		snprintf(path, sizeof(path), "%s/link", LD_PIN_DIR);
		if (bpf_obj_pin(bpf_link__fd(link), path) != 0)
			err = -errno;
	}
	if (err) {
		snprintf(why, whylen, "pinning %s: %s", path, ld_errno_hint(-err));
		unpin_all();
	}
	return err;
}

/*
 * The first apply: preflight, load the program (and the guards, so that a later seal only
 * attaches them), write generation 0, attach, pin; then seal if asked. On failure nothing
 * stays loaded or pinned.
 */
static int first_load(const struct ld_compiled *c, const struct ld_apply_opts *opts,
		      struct ld_apply_result *res, char *why, size_t whylen)
{
	struct ld_seal_plan plan = { 0 };
	struct lockdown_bpf *skel = NULL;
	struct seal_bpf *guards = NULL;
	struct bpf_program *prog;
	struct bpf_link *link = NULL, *olinks[NOBJ] = { NULL };
	struct ld_pinned p;
	struct ld_meta m;
	struct ld_active a = { 0 };
	char gwhy[512];
	__u32 netns = 0, zero = 0;
	enum ld_level level = LD_LEVEL_NONE;
	bool switched = false;
	int err;

	err = preflight(opts, &netns, &level, why, whylen);
	if (err)
		return err;
	res->variant = ld_sys_variant();
	if (!ld_sys_memcg_accounting()) {
		if (setresuid(LD_CHARGE_UID, (uid_t)-1, (uid_t)-1) == 0)
			switched = res->charged_other_user = true;
		else
			ld_warn("map memory is charged to root's RLIMIT_MEMLOCK (%s)",
				strerror(errno));
	}
	err = load_enforcer(opts, res->variant, netns, level, &skel, why, whylen);
	if (err)
		goto fail;
	prog = res->variant == LD_VARIANT_BTF ? skel->progs.ld_locked_down
					      : skel->progs.ld_locked_down_probe;
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
	err = ld_tables_write_abi(&p, why, whylen);
	if (err)
		goto fail;
	ld_meta_from_compiled(c, 0, ld_sys_realtime_ns(), &m);
	m.loaded_ns = m.applied_ns;
	m.variant = res->variant;
	m.init_netns = netns;
	err = ld_tables_write(&p, 0, c, &m, why, whylen);
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
				 "the kernel refused to attach the BPF LSM program (EPERM): %s",
				 ld_sys_perm_hint());
		else
			snprintf(why, whylen, "attaching the BPF LSM program: %s", strerror(-err));
		goto fail;
	}
	err = attach_objects(skel, olinks, why, whylen);
	if (err)
		goto fail;
	err = pin_enforcer(&p, guards, skel, olinks, prog, link, why, whylen);
	if (err)
		goto fail;

	if (switched && setresuid(0, (uid_t)-1, (uid_t)-1) != 0)
		ld_warn("restoring the real uid: %s", strerror(errno));
	switched = false;
	res->first_load = true;
	res->gen = 0;
	if (opts->seal) {
		err = ld_seal_commit(&p, &plan, res, why, whylen);
		res->in_force_unsealed = err != 0;
	}
fail:
	bpf_link__destroy(link); /* pinned, the link stays; unpinned, this detaches */
	for (int i = 0; i < NOBJ; i++)
		bpf_link__destroy(olinks[i]);
	seal_bpf__destroy(guards);
	lockdown_bpf__destroy(skel);
	ld_seal_plan_free(&plan);
	if (switched && setresuid(0, (uid_t)-1, (uid_t)-1) != 0)
		ld_warn("restoring the real uid: %s", strerror(errno));
	return err;
}

/* ---- entry points ------------------------------------------------------------------------ */

int ld_enforcer_apply(const struct ld_compiled *c, const struct ld_apply_opts *opts,
		      struct ld_apply_result *res, char *why, size_t whylen)
{
	static const struct ld_apply_opts no_opts;
	int err, lock;

	memset(res, 0, sizeof(*res));
	if (!opts)
		opts = &no_opts;
	ld_libbpf_log_install();
	if (!ld_sys_privileged()) {
		snprintf(why, whylen,
			 "applying a policy needs CAP_SYS_ADMIN (or CAP_BPF and CAP_PERFMON): "
			 "run as root");
		return -EPERM;
	}
	ld_sys_raise_memlock();
	lock = ld_sys_lock_pins(why, whylen);
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
	if (!ld_sys_privileged()) {
		snprintf(why, whylen, "removing the enforcer needs CAP_SYS_ADMIN: run as root");
		return -EPERM;
	}
	lock = ld_sys_lock_pins(why, whylen);
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
	prog_id = ld_sys_pinned_prog_id(LD_PIN_DIR "/prog");
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
