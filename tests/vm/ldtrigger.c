// SPDX-License-Identifier: GPL-2.0-only
/*
 * ldtrigger: perform one operation the kernel guards with security_locked_down() and report
 * what happened. This is the oracle of the VM tests: every outcome is the kernel's own answer.
 *
 *   ldtrigger OP     prints "OP allowed|denied|unavailable|error [detail]"
 *   ldtrigger all    every operation, one line each
 *   ldtrigger list   the operation names
 *   ldtrigger flood OP THREADS_PER_CPU CALLS
 *                    THREADS_PER_CPU threads pinned to each CPU, each making CALLS calls of
 *                    OP; prints "flood OP calls=N allowed=N denied=N unavailable=N error=N
 *                    threads=N cpus=N migrated=N seconds=S", every call counted
 *   ldtrigger mksubvol DIR/NAME
 *                    create btrfs subvolume NAME in DIR (BTRFS_IOC_SUBVOL_CREATE)
 *   ldtrigger finit FILE [compressed]
 *                    finit_module() of FILE (with MODULE_INIT_COMPRESSED_FILE): the kernel
 *                    reads the file; "allowed" once past the signature check (loaded, or
 *                    EEXIST: already loaded), the module is not removed
 *   ldtrigger initmod FILE
 *                    init_module() of FILE's bytes: the same module, handed over from memory
 *   ldtrigger kexec_file KERNEL
 *                    kexec_file_load() of KERNEL without an initramfs, then unload it again
 *                    (never executed)
 *   ldtrigger --ruid N ...
 *                    the rest with real uid N, effective and saved uid 0 (root keeps its
 *                    capabilities: a uid rule can be tried on operations that need them)
 *
 * Exit status: 0 allowed, 1 denied (EPERM), 2 unavailable (no device, driver or kernel
 * support), 3 any other error. Nothing here changes the machine: each operation is chosen to
 * be harmless when allowed (kexec unload, a module blob that fails ELF checks, a PCI config
 * byte written back unchanged, /sys/power/state read but never written).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <linux/btrfs.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <fcntl.h>
#include <glob.h>
#include <linux/bpf.h>
#include <linux/kexec.h>
#include <linux/magic.h>
#include <linux/perf_event.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

enum { ALLOWED = 0, DENIED = 1, UNAVAILABLE = 2, ERROR = 3 };

static const char *const outcome_names[] = { "allowed", "denied", "unavailable", "error" };

struct result {
	int outcome;
	char detail[160];
};

static struct result res(int outcome, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static struct result res(int outcome, const char *fmt, ...)
{
	struct result r = { .outcome = outcome };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r.detail, sizeof(r.detail), fmt, ap);
	va_end(ap);
	return r;
}

/* The symbolic name of an errno value, for one-line details ("EINVAL", not a sentence). */
static const char *errname(int err)
{
	static __thread char other[24];

	switch (err) {
#define E(x)                                                                                       \
	case x:                                                                                    \
		return #x
		E(EPERM);
		E(ENOENT);
		E(ESRCH);
		E(EINTR);
		E(EIO);
		E(ENXIO);
		E(E2BIG);
		E(ENOEXEC);
		E(EBADF);
		E(EAGAIN);
		E(ENOMEM);
		E(EACCES);
		E(EFAULT);
		E(EBUSY);
		E(EEXIST);
		E(ENODEV);
		E(ENOTDIR);
		E(EISDIR);
		E(EINVAL);
		E(EMFILE);
		E(ENOTTY);
		E(EFBIG);
		E(ENOSPC);
		E(ESPIPE);
		E(EROFS);
		E(ERANGE);
		E(ENOSYS);
		E(EOPNOTSUPP);
		E(EKEYREJECTED);
		E(ENOKEY);
		E(EBADMSG);
#undef E
	}
	snprintf(other, sizeof(other), "errno %d", err);
	return other;
}

/* Map an errno of the guarded call: EPERM is the lockdown answer. */
static struct result from_errno(int err, const char *what)
{
	if (err == EPERM)
		return res(DENIED, "%s: EPERM", what);
	if (err == ENOENT || err == ENODEV || err == ENXIO || err == ENOSYS || err == EOPNOTSUPP)
		return res(UNAVAILABLE, "%s: %s", what, errname(err));
	return res(ERROR, "%s: %s (%s)", what, errname(err), strerror(err));
}

/* A sysctl-like file holding "1": an administrator's switch that would look like lockdown. */
static int file_says_one(const char *path)
{
	char buf[8] = "";
	FILE *f = fopen(path, "re");

	if (!f)
		return 0;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	return buf[0] == '1';
}

static struct result open_file(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);

	if (fd < 0)
		return from_errno(errno, path);
	close(fd);
	return res(ALLOWED, "%s", path);
}

static struct result t_dev_mem(void)
{
	return open_file("/dev/mem", O_RDONLY);
}

static struct result t_dev_port(void)
{
	return open_file("/dev/port", O_RDONLY);
}

static struct result t_ioport(void)
{
	if (ioperm(0x80, 1, 1) != 0)
		return from_errno(errno, "ioperm(0x80)");
	ioperm(0x80, 1, 0);
	return res(ALLOWED, "ioperm(0x80)");
}

static struct result t_iopl(void)
{
	if (iopl(3) != 0)
		return from_errno(errno, "iopl(3)");
	iopl(0);
	return res(ALLOWED, "iopl(3)");
}

static struct result t_msr(void)
{
	/* Writing an MSR is guarded; write IA32_TSC_AUX (0xc0000103) with its own value. */
	uint64_t v;
	int fd = open("/dev/cpu/0/msr", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return from_errno(errno, "/dev/cpu/0/msr (msr driver)");
	if (pread(fd, &v, sizeof(v), 0xc0000103) != sizeof(v)) {
		close(fd);
		return from_errno(errno == EIO ? ENODEV : errno, "rdmsr 0xc0000103");
	}
	if (pwrite(fd, &v, sizeof(v), 0xc0000103) != sizeof(v)) {
		int err = errno;

		close(fd);
		return from_errno(err, "wrmsr 0xc0000103");
	}
	close(fd);
	return res(ALLOWED, "wrmsr 0xc0000103");
}

static struct result t_kexec(void)
{
	/* No segments: unload any loaded image, which there is none of. */
	if (file_says_one("/proc/sys/kernel/kexec_load_disabled"))
		return res(UNAVAILABLE,
			   "kernel.kexec_load_disabled is 1 (EPERM would not be lockdown)");
	if (syscall(SYS_kexec_load, 0UL, 0UL, NULL, KEXEC_ARCH_DEFAULT) != 0)
		return from_errno(errno, "kexec_load(unload)");
	return res(ALLOWED, "kexec_load(unload)");
}

static struct result t_module_signature(void)
{
	/* Unsigned junk: the signature check (and lockdown) come before the ELF checks. */
	static char blob[4096];

	if (file_says_one("/proc/sys/kernel/modules_disabled"))
		return res(UNAVAILABLE,
			   "kernel.modules_disabled is 1 (EPERM would not be lockdown)");
	if (syscall(SYS_init_module, blob, sizeof(blob), "") == 0)
		return res(ERROR, "init_module accepted junk");
	if (errno == ENOEXEC)
		return res(ALLOWED, "init_module(unsigned junk): ENOEXEC past the signature check");
	if (errno == EKEYREJECTED)
		return res(UNAVAILABLE, "module signatures are enforced (sig_enforce)");
	return from_errno(errno, "init_module(unsigned junk)");
}

static struct result t_hibernation(void)
{
	/* Reading the file asks the hook; "disk" is offered only while hibernation is allowed. */
	char buf[256] = "";
	struct stat st;
	FILE *f;

	/*
	 * /sys/power/disk exists only with CONFIG_HIBERNATION: without it "no disk" means nothing.
	 * stat(), not access(): access() asks for the real uid, which --ruid changes.
	 */
	if (stat("/sys/power/disk", &st) != 0)
		return res(UNAVAILABLE, "no /sys/power/disk (kernel without hibernation)");
	f = fopen("/sys/power/state", "re");
	if (!f)
		return from_errno(errno, "/sys/power/state");
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	if (strstr(buf, "disk"))
		return res(ALLOWED, "/sys/power/state offers disk (%s)", buf);
	return res(DENIED, "/sys/power/state without disk (%s)", buf);
}

static struct result t_pci_access(void)
{
	glob_t g;
	unsigned char b;
	struct result r;
	int fd;

	if (glob("/sys/bus/pci/devices/*/config", 0, NULL, &g) != 0)
		return res(UNAVAILABLE, "no PCI devices");
	fd = open(g.gl_pathv[0], O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		r = from_errno(errno, g.gl_pathv[0]);
		globfree(&g);
		return r;
	}
	/* Interrupt line register: read it and write the same value back. */
	if (pread(fd, &b, 1, 0x3c) != 1)
		r = from_errno(errno, "read config byte 0x3c");
	else if (pwrite(fd, &b, 1, 0x3c) != 1)
		r = from_errno(errno, "write config byte 0x3c");
	else
		r = res(ALLOWED, "%s byte 0x3c rewritten", g.gl_pathv[0]);
	close(fd);
	globfree(&g);
	return r;
}

/* A regular debugfs file (not the tracefs automount under it) that has a write bit. */
static int debugfs_candidate(const char *path)
{
	struct statfs fs;
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0222) &&
	       statfs(path, &fs) == 0 && fs.f_type == DEBUGFS_MAGIC;
}

static struct result t_debugfs(void)
{
	/*
	 * A debugfs file with a write bit asks the hook even when opened read-only. Known harmless
	 * files first; otherwise the first such file in the top two levels, in name order.
	 */
	static const char *const files[] = {
		"/sys/kernel/debug/fault_around_bytes",
		"/sys/kernel/debug/clear_warn_once",
	};
	static char path[600];
	struct dirent **top = NULL, **sub = NULL;
	int n, m, found = 0;

	/* LDTRIGGER_DEBUGFS_SEARCH=1 skips the known files (to test the search itself). */
	for (size_t i = 0;
	     !getenv("LDTRIGGER_DEBUGFS_SEARCH") && i < sizeof(files) / sizeof(files[0]); i++)
		if (debugfs_candidate(files[i]))
			return open_file(files[i], O_RDONLY);
	n = scandir("/sys/kernel/debug", &top, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		const char *d = top[i]->d_name;

		if (found || d[0] == '.' || strcmp(d, "tracing") == 0)
			continue;
		snprintf(path, sizeof(path), "/sys/kernel/debug/%s", d);
		if (debugfs_candidate(path)) {
			found = 1;
			continue;
		}
		sub = NULL;
		m = scandir(path, &sub, NULL, alphasort);
		for (int j = 0; j < m; j++) {
			if (!found && sub[j]->d_name[0] != '.') {
				snprintf(path, sizeof(path), "/sys/kernel/debug/%s/%s", d,
					 sub[j]->d_name);
				found = debugfs_candidate(path);
			}
			free(sub[j]);
		}
		free(sub);
	}
	for (int i = 0; i < n; i++)
		free(top[i]);
	free(top);
	if (found)
		return open_file(path, O_RDONLY);
	return res(UNAVAILABLE, "no writable debugfs file (debugfs not mounted?)");
}

static struct result t_kcore(void)
{
	return open_file("/proc/kcore", O_RDONLY);
}

static struct result t_tracefs(void)
{
	struct stat st;

	/* stat(), not access(): access() asks for the real uid, which --ruid changes. */
	if (stat("/sys/kernel/tracing/trace", &st) == 0)
		return open_file("/sys/kernel/tracing/trace", O_RDONLY);
	return res(UNAVAILABLE, "tracefs not mounted on /sys/kernel/tracing");
}

static long perf_open(struct perf_event_attr *a)
{
	return syscall(SYS_perf_event_open, a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
}

static struct result t_perf(void)
{
	struct perf_event_attr a = {
		.type = PERF_TYPE_SOFTWARE,
		.size = sizeof(a),
		.config = PERF_COUNT_SW_CPU_CLOCK,
		.sample_period = 100000,
		.sample_type = PERF_SAMPLE_REGS_INTR,
		.sample_regs_intr = 1, /* AX */
		.disabled = 1,
	};
	long fd = perf_open(&a);

	if (fd < 0)
		return from_errno(errno, "perf_event_open(cpu-clock, PERF_SAMPLE_REGS_INTR)");
	close((int)fd);
	return res(ALLOWED, "perf_event_open(cpu-clock, PERF_SAMPLE_REGS_INTR)");
}

static struct result t_kprobes(void)
{
	struct perf_event_attr a = { .size = sizeof(a), .disabled = 1 };
	char buf[32];
	FILE *f = fopen("/sys/bus/event_source/devices/kprobe/type", "re");
	long fd;

	if (!f)
		return res(UNAVAILABLE, "no kprobe PMU");
	if (!fgets(buf, sizeof(buf), f)) {
		fclose(f);
		return res(ERROR, "kprobe PMU type unreadable");
	}
	fclose(f);
	a.type = (uint32_t)strtoul(buf, NULL, 10);
	a.kprobe_func = (uint64_t)(uintptr_t) "do_sys_openat2";
	fd = perf_open(&a);
	if (fd < 0)
		return from_errno(errno, "perf kprobe on do_sys_openat2");
	close((int)fd);
	return res(ALLOWED, "perf kprobe on do_sys_openat2");
}

/* LINUX_VERSION_CODE of the running kernel, which old kernels want for kprobe programs. */
static uint32_t kernel_version(void)
{
	struct utsname u;
	unsigned int a = 0, b = 0, c = 0;

	uname(&u);
	sscanf(u.release, "%u.%u.%u", &a, &b, &c);
	return (a << 16) | (b << 8) | (c > 255 ? 255 : c);
}

#define INSN(c, d, s, o, i)                                                                        \
	((struct bpf_insn){ .code = (c), .dst_reg = (d), .src_reg = (s), .off = (o), .imm = (i) })

static long prog_load(const struct bpf_insn *insns, unsigned int n, char *log, size_t loglen)
{
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_KPROBE;
	attr.insns = (uint64_t)(uintptr_t)insns;
	attr.insn_cnt = n;
	attr.license = (uint64_t)(uintptr_t) "GPL";
	attr.kern_version = kernel_version();
	attr.log_buf = (uint64_t)(uintptr_t)log;
	attr.log_size = (uint32_t)loglen;
	attr.log_level = 1;
	log[0] = '\0';
	return syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
}

/*
 * A kprobe program calling a lockdown-guarded helper. When the kernel is locked down the
 * verifier does not offer the helper and the load fails with EINVAL ("unknown func"); a
 * program without the helper must load, or BPF itself is unavailable.
 */
static struct result bpf_helper(int helper, const char *name)
{
	const struct bpf_insn base[] = {
		INSN(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),
		INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
	};
	const struct bpf_insn with[] = {
		/* *(u64 *)(r10 - 8) = 0 */
		INSN(BPF_ST | BPF_MEM | BPF_DW, 10, 0, -8, 0),
		/* read_kernel(dst=fp-8, 8, src=0) / write_user(dst=0, src=fp-8, 8) */
		INSN(BPF_ALU64 | BPF_MOV | BPF_X, helper == BPF_FUNC_probe_write_user ? 2 : 1, 10,
		     0, 0),
		INSN(BPF_ALU64 | BPF_ADD | BPF_K, helper == BPF_FUNC_probe_write_user ? 2 : 1, 0, 0,
		     -8),
		INSN(BPF_ALU64 | BPF_MOV | BPF_K, helper == BPF_FUNC_probe_write_user ? 3 : 2, 0, 0,
		     8),
		INSN(BPF_ALU64 | BPF_MOV | BPF_K, helper == BPF_FUNC_probe_write_user ? 1 : 3, 0, 0,
		     0),
		INSN(BPF_JMP | BPF_CALL, 0, 0, 0, helper),
		INSN(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),
		INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
	};
	static char log[16384];
	long fd;
	int err;

	fd = prog_load(base, 2, log, sizeof(log));
	if (fd < 0)
		return from_errno(errno, "BPF_PROG_LOAD(kprobe) without helpers");
	close((int)fd);
	fd = prog_load(with, sizeof(with) / sizeof(with[0]), log, sizeof(log));
	if (fd >= 0) {
		close((int)fd);
		return res(ALLOWED, "kprobe program with %s loaded", name);
	}
	/* "unknown func" before 6.2, "cannot use helper" since. */
	if (errno == EINVAL && (strstr(log, "unknown func") || strstr(log, "cannot use helper")))
		return res(DENIED, "verifier does not offer %s (EINVAL)", name);
	if (errno == EPERM)
		return res(DENIED, "%s: EPERM", name);
	err = errno;
	if (getenv("LDTRIGGER_LOG"))
		fputs(log, stderr);
	log[strcspn(log, "\n")] = '\0';
	return res(ERROR, "loading with %s: %s (%.80s)", name, errname(err), log);
}

static struct result t_bpf_read_kernel(void)
{
	return bpf_helper(BPF_FUNC_probe_read_kernel, "bpf_probe_read_kernel");
}

static struct result t_bpf_write_user(void)
{
	return bpf_helper(BPF_FUNC_probe_write_user, "bpf_probe_write_user");
}

/* Not a lockdown operation: shows that other BPF users still work while we are loaded. */
static struct result t_bpf_map(void)
{
	union bpf_attr attr;
	long fd;

	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 8;
	attr.max_entries = 1024;
	fd = syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof(attr));
	if (fd < 0)
		return from_errno(errno, "BPF_MAP_CREATE(array, 8 KiB)");
	close((int)fd);
	return res(ALLOWED, "BPF_MAP_CREATE(array, 8 KiB)");
}

static const struct op {
	const char *name;
	const char *reason; /* lockdown reason it asks for */
	struct result (*fn)(void);
	int shared_state; /* uses static buffers: not for flood's threads */
} ops[] = {
	{ "dev_mem", "dev_mem", t_dev_mem, 0 },
	{ "dev_port", "dev_mem", t_dev_port, 0 },
	{ "ioport", "ioport", t_ioport, 0 },
	{ "iopl", "ioport", t_iopl, 0 },
	{ "msr", "msr", t_msr, 0 },
	{ "kexec", "kexec", t_kexec, 0 },
	{ "module_signature", "module_signature", t_module_signature, 0 },
	{ "hibernation", "hibernation", t_hibernation, 0 },
	{ "pci_access", "pci_access", t_pci_access, 0 },
	{ "debugfs", "debugfs", t_debugfs, 1 },
	{ "kcore", "kcore", t_kcore, 0 },
	{ "tracefs", "tracefs", t_tracefs, 0 },
	{ "perf", "perf", t_perf, 0 },
	{ "kprobes", "kprobes", t_kprobes, 0 },
	{ "bpf_read_kernel", "bpf_read_kernel", t_bpf_read_kernel, 1 },
	{ "bpf_write_user", "bpf_write_user", t_bpf_write_user, 1 },
};

/* ---- flood: many threads on every CPU, every call counted ---------------------------- */

struct flooder {
	pthread_t thread;
	const struct op *op;
	int cpu;
	unsigned long calls;
	unsigned long done;	  /* calls made */
	unsigned long outcome[4]; /* by outcome */
	unsigned long migrated;	  /* calls that ran on another CPU than the pinned one */
	int pin_err;		  /* sched_setaffinity's errno, or 0 */
	pthread_barrier_t *start;
};

static void *flood_thread(void *arg)
{
	struct flooder *f = arg;
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(f->cpu, &set);
	/* Pid 0: this thread only. */
	if (sched_setaffinity(0, sizeof(set), &set) != 0)
		f->pin_err = errno;
	pthread_barrier_wait(f->start);
	for (unsigned long i = 0; i < f->calls; i++) {
		struct result r = f->op->fn();

		f->outcome[r.outcome]++;
		f->done++;
		if (sched_getcpu() != f->cpu)
			f->migrated++;
	}
	return NULL;
}

static unsigned long parse_count(const char *s, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || !*s || v == 0 || v > 100000000UL) {
		fprintf(stderr, "ldtrigger: %s '%s' is not a number from 1 to 100000000\n", what,
			s);
		exit(ERROR);
	}
	return v;
}

static int flood(const char *name, const char *per_cpu_s, const char *calls_s)
{
	const struct op *op = NULL;
	unsigned long per_cpu = parse_count(per_cpu_s, "flood: THREADS_PER_CPU");
	unsigned long calls = parse_count(calls_s, "flood: CALLS");
	unsigned long total[4] = { 0 }, done = 0, migrated = 0;
	struct flooder *fs;
	struct timespec t0, t1;
	pthread_barrier_t start;
	cpu_set_t online;
	size_t n = 0, cpus = 0;
	int pin_err = 0;

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(name, ops[i].name) == 0)
			op = &ops[i];
	if (!op) {
		fprintf(stderr, "ldtrigger: flood: unknown operation '%s' (see ldtrigger list)\n",
			name);
		return ERROR;
	}
	if (op->shared_state) {
		fprintf(stderr,
			"ldtrigger: flood: %s keeps state in static buffers; not for threads\n",
			name);
		return ERROR;
	}
	if (sched_getaffinity(0, sizeof(online), &online) != 0) {
		fprintf(stderr, "ldtrigger: flood: sched_getaffinity: %s\n", strerror(errno));
		return ERROR;
	}
	cpus = (size_t)CPU_COUNT(&online);
	if (per_cpu * cpus > 4096) {
		fprintf(stderr, "ldtrigger: flood: %lu threads on %zu CPUs is more than 4096\n",
			per_cpu, cpus);
		return ERROR;
	}
	fs = calloc(per_cpu * cpus, sizeof(*fs));
	if (!fs || pthread_barrier_init(&start, NULL, (unsigned int)(per_cpu * cpus + 1)) != 0) {
		fprintf(stderr, "ldtrigger: flood: out of memory\n");
		return ERROR;
	}
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &online))
			continue;
		for (unsigned long t = 0; t < per_cpu; t++, n++) {
			fs[n] = (struct flooder){
				.op = op, .cpu = cpu, .calls = calls, .start = &start
			};
			if (pthread_create(&fs[n].thread, NULL, flood_thread, &fs[n]) != 0) {
				fprintf(stderr, "ldtrigger: flood: pthread_create failed\n");
				exit(ERROR); /* threads waiting at the barrier die with the process */
			}
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pthread_barrier_wait(&start);
	for (size_t i = 0; i < n; i++) {
		pthread_join(fs[i].thread, NULL);
		for (int o = 0; o < 4; o++)
			total[o] += fs[i].outcome[o];
		done += fs[i].done;
		migrated += fs[i].migrated;
		if (fs[i].pin_err)
			pin_err = fs[i].pin_err;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("flood %s calls=%lu allowed=%lu denied=%lu unavailable=%lu error=%lu threads=%zu "
	       "cpus=%zu migrated=%lu seconds=%.1f\n",
	       op->name, done, total[ALLOWED], total[DENIED], total[UNAVAILABLE], total[ERROR], n,
	       cpus, migrated,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	free(fs);
	if (pin_err) {
		fprintf(stderr, "ldtrigger: flood: sched_setaffinity: %s\n", strerror(pin_err));
		return ERROR;
	}
	/* Every call made and counted once: the sums must add up. */
	if (done != per_cpu * cpus * calls ||
	    total[ALLOWED] + total[DENIED] + total[UNAVAILABLE] + total[ERROR] != done)
		return ERROR;
	return 0;
}

/* Not a lockdown operation: a btrfs subvolume for the file system tests. */
static int mksubvol(const char *path)
{
	struct btrfs_ioctl_vol_args args;
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd;

	if (!slash || !slash[1] || (size_t)(slash - path) >= sizeof(dir) ||
	    strlen(slash + 1) > BTRFS_PATH_NAME_MAX) {
		fprintf(stderr, "ldtrigger: mksubvol: '%s' is not DIR/NAME\n", path);
		return ERROR;
	}
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	fd = open(dir[0] ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "ldtrigger: mksubvol: %s: %s\n", dir, strerror(errno));
		return ERROR;
	}
	memset(&args, 0, sizeof(args));
	snprintf(args.name, sizeof(args.name), "%s", slash + 1);
	if (ioctl(fd, BTRFS_IOC_SUBVOL_CREATE, &args) != 0) {
		fprintf(stderr, "ldtrigger: mksubvol: BTRFS_IOC_SUBVOL_CREATE %s: %s\n", path,
			strerror(errno));
		close(fd);
		return ERROR;
	}
	close(fd);
	printf("mksubvol %s\n", path);
	return 0;
}

/* The operations on a file (module_signature and kexec, decided by the file: Module=, Kexec=). */
#ifndef MODULE_INIT_COMPRESSED_FILE
#define MODULE_INIT_COMPRESSED_FILE 4
#endif

static struct result past_module_check(long r, const char *what)
{
	if (r == 0)
		return res(ALLOWED, "%s: loaded", what);
	if (errno == EEXIST)
		return res(ALLOWED, "%s: EEXIST past the signature check", what);
	if (errno == EKEYREJECTED)
		return res(UNAVAILABLE, "module signatures are enforced (sig_enforce)");
	return from_errno(errno, what);
}

static struct result t_finit(const char *path, unsigned int flags)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct result r;

	if (fd < 0)
		return res(ERROR, "%s: %s", path, strerror(errno));
	r = past_module_check(syscall(SYS_finit_module, fd, "", flags), "finit_module");
	close(fd);
	return r;
}

static struct result t_initmod(const char *path)
{
	static char buf[16 << 20];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return res(ERROR, "%s: %s", path, strerror(errno));
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n <= 0)
		return res(ERROR, "%s: cannot read", path);
	return past_module_check(syscall(SYS_init_module, buf, (unsigned long)n, ""),
				 "init_module");
}

static struct result t_kexec_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	long r;

	if (fd < 0)
		return res(ERROR, "%s: %s", path, strerror(errno));
	r = syscall(SYS_kexec_file_load, fd, -1, 1UL, "", (unsigned long)KEXEC_FILE_NO_INITRAMFS);
	close(fd);
	if (r != 0) {
		if (errno == EKEYREJECTED)
			return res(UNAVAILABLE, "kexec image signatures are enforced");
		return from_errno(errno, "kexec_file_load");
	}
	if (syscall(SYS_kexec_file_load, -1, -1, 0UL, NULL, (unsigned long)KEXEC_FILE_UNLOAD) != 0)
		return res(ERROR, "kexec_file_load: loaded, but unload failed: %s",
			   strerror(errno));
	return res(ALLOWED, "kexec_file_load: loaded and unloaded");
}

static int run(const struct op *o)
{
	struct result r = o->fn();

	printf("%s %s %s\n", o->name, outcome_names[r.outcome], r.detail);
	fflush(stdout);
	return r.outcome;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "--ruid") == 0) {
		uid_t uid = (uid_t)parse_count(argv[2], "--ruid");

		if (setresuid(uid, 0, 0) != 0 || getuid() != uid || geteuid() != 0) {
			fprintf(stderr, "ldtrigger: --ruid %s: %s\n", argv[2], strerror(errno));
			return ERROR;
		}
		argc -= 2;
		argv += 2;
	}
	if (argc == 5 && strcmp(argv[1], "flood") == 0)
		return flood(argv[2], argv[3], argv[4]);
	if (argc == 3 && strcmp(argv[1], "mksubvol") == 0)
		return mksubvol(argv[2]);
	if ((argc == 3 || (argc == 4 && !strcmp(argv[3], "compressed"))) &&
	    (!strcmp(argv[1], "finit") || !strcmp(argv[1], "initmod") ||
	     !strcmp(argv[1], "kexec_file"))) {
		struct result r =
			!strcmp(argv[1], "finit")
				? t_finit(argv[2], argc == 4 ? MODULE_INIT_COMPRESSED_FILE : 0)
			: !strcmp(argv[1], "initmod") ? t_initmod(argv[2])
						      : t_kexec_file(argv[2]);

		printf("%s %s %s\n", argv[1], outcome_names[r.outcome], r.detail);
		return r.outcome;
	}
	if (argc != 2) {
		fprintf(stderr,
			"usage: ldtrigger [--ruid N] OP|all|list|bpf_map | flood OP "
			"THREADS_PER_CPU CALLS | mksubvol DIR/NAME | finit FILE [compressed] "
			"| initmod FILE | kexec_file KERNEL\n");
		return ERROR;
	}
	if (strcmp(argv[1], "list") == 0) {
		for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
			printf("%s %s\n", ops[i].name, ops[i].reason);
		return 0;
	}
	if (strcmp(argv[1], "all") == 0) {
		for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
			run(&ops[i]);
		return 0;
	}
	if (strcmp(argv[1], "bpf_map") == 0) {
		const struct op o = { "bpf_map", "", t_bpf_map, 0 };

		return run(&o);
	}
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(argv[1], ops[i].name) == 0)
			return run(&ops[i]);
	fprintf(stderr, "ldtrigger: unknown operation '%s' (see ldtrigger list)\n", argv[1]);
	return ERROR;
}
