// SPDX-License-Identifier: GPL-2.0-only
/*
 * ldtamper: what a root attacker tries against the enforcer, one attempt per call, reported
 * as one line "ATTEMPT ok|refused|error DETAIL" (exit 0 ok, 1 refused, 3 error). The VM
 * scenarios run each attempt unsealed, where it must work (so the test can fail), and sealed,
 * where the kernel must refuse it. Raw bpf(2) calls, no library: the attacker brings nothing.
 *
 *   ldtamper map-write MAP             a writable handle to the pinned map MAP (by id, as any
 *                                      tool would get it), then an update that switches
 *                                      enforcement off (policy, active) or lies (counters)
 *   ldtamper hold MARKER               take writable handles now; once MARKER exists, write
 *   ldtamper prog-write MAP OFF VAL    a socket filter storing VAL at offset OFF of MAP's
 *                                      entry 0, run with BPF_PROG_TEST_RUN
 *   ldtamper map-in-map MAP            an ARRAY_OF_MAPS shaped to hold MAP, and MAP put in it
 *   ldtamper link-detach               BPF_LINK_DETACH on every link of the pinned programs
 *   ldtamper prog-fd                   a handle to each pinned program, by pin and by id
 *   ldtamper serve CMDFILE OUTFILE     a target process: runs the op written into its memory
 *                                      (address printed) or into CMDFILE, appends results
 *                                      (op noop appends "noop done": a marker)
 *   ldtamper poke ptrace|procmem|vmwrite PID ADDR OP
 *                                      write OP into another process's memory
 *   ldtamper pidfd-getfd PID FD        take a copy of another process's descriptor
 *   ldtamper traceme-exec PATH ARG...  run PATH traced by this process (PTRACE_TRACEME)
 *   ldtamper prctl-exe PATH            point this process's executable at PATH, then dev_mem
 *   ld.so ldtamper-dyn prctl-exe-ldso PATH
 *                                      the same after unmapping the loader (the kernel
 *                                      refuses while the old executable is mapped)
 *   ldtamper rewrite PATH SRC          overwrite PATH in place (same inode) with SRC's bytes
 *   ldtamper truncate PATH             truncate(2) PATH to its own size
 *   ldtamper dev_mem                   open /dev/mem (what an exemption allows)
 *   ldtamper dlopen PATH               dlopen() PATH (dynamic build only)
 *   ldtamper json-valid FILE           every line of FILE parses as JSON (no attack)
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef LDTAMPER_DYNAMIC
#include <dlfcn.h>
#endif
#ifdef LDTAMPER_JSON
#include <json-c/json.h>
#endif

#define PIN_DIR "/sys/fs/bpf/lockdown"

enum { OK = 0, REFUSED = 1, ERROR = 3 };

static int report(const char *what, int outcome, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int report(const char *what, int outcome, const char *fmt, ...)
{
	static const char *const names[] = { "ok", "refused", "?", "error" };
	va_list ap;

	printf("%s %s ", what, names[outcome]);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	return outcome;
}

/* EPERM and EACCES are the kernel saying no; anything else is an error of the attempt. */
static int refused_or_error(const char *what, const char *stage, int err)
{
	return report(what, err == EPERM || err == EACCES ? REFUSED : ERROR, "%s: %s", stage,
		      strerror(err));
}

static long sys_bpf(int cmd, union bpf_attr *attr)
{
	return syscall(SYS_bpf, cmd, attr, sizeof(*attr));
}

static int obj_get(const char *path, __u32 flags)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.pathname = (__u64)(unsigned long)path;
	a.file_flags = flags;
	return (int)sys_bpf(BPF_OBJ_GET, &a);
}

static int map_info(int fd, struct bpf_map_info *info)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	memset(info, 0, sizeof(*info));
	a.info.bpf_fd = (__u32)fd;
	a.info.info_len = sizeof(*info);
	a.info.info = (__u64)(unsigned long)info;
	return (int)sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a);
}

/* The id of the pinned map NAME, learnt through a read-only handle (which a seal allows). */
static int map_id_of(const char *name, struct bpf_map_info *info)
{
	char path[256];
	int fd, ret;

	snprintf(path, sizeof(path), "%s/%s", PIN_DIR, name);
	fd = obj_get(path, BPF_F_RDONLY);
	if (fd < 0)
		return -errno;
	ret = map_info(fd, info);
	close(fd);
	return ret ? -errno : 0;
}

static int map_fd_by_id(__u32 id, __u32 flags)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.map_id = id;
	a.open_flags = flags;
	return (int)sys_bpf(BPF_MAP_GET_FD_BY_ID, &a);
}

static int map_update(int fd, const void *key, const void *value)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.map_fd = (__u32)fd;
	a.key = (__u64)(unsigned long)key;
	a.value = (__u64)(unsigned long)value;
	a.flags = BPF_ANY;
	return (int)sys_bpf(BPF_MAP_UPDATE_ELEM, &a);
}

static int map_lookup(int fd, const void *key, void *value)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.map_fd = (__u32)fd;
	a.key = (__u64)(unsigned long)key;
	a.value = (__u64)(unsigned long)value;
	return (int)sys_bpf(BPF_MAP_LOOKUP_ELEM, &a);
}

/*
 * The write that hurts, per map: every policy entry zeroed (everything allowed), the active
 * entry's seal flag cleared and its generation moved, the counters zeroed.
 */
static int hurt(int fd, const struct bpf_map_info *info)
{
	unsigned char *v = calloc(1, (size_t)info->value_size * 256);
	__u32 key = 0;
	int ret = 0;

	if (!v)
		return -ENOMEM;
	if (!strcmp(info->name, "active")) {
		if (map_lookup(fd, &key, v) == 0) {
			((__u32 *)v)[0] ^= 1; /* gen: the other table set */
			((__u32 *)v)[1] = 0;  /* sealed */
		}
		ret = map_update(fd, &key, v);
	} else if (!strcmp(info->name, "policy")) {
		for (key = 0; key < info->max_entries && ret == 0; key++)
			ret = map_update(fd, &key, v);
	} else {
		ret = map_update(fd, &key, v); /* counters, rate, ...: entry 0 zeroed */
	}
	free(v);
	return ret ? -errno : 0;
}

static int do_map_write(const char *name)
{
	struct bpf_map_info info;
	char what[64];
	int fd, err;

	snprintf(what, sizeof(what), "map-write %s", name);
	err = map_id_of(name, &info);
	if (err)
		return report(what, ERROR, "finding the map: %s", strerror(-err));
	fd = map_fd_by_id(info.id, 0);
	if (fd < 0)
		return refused_or_error(what, "writable handle", errno);
	err = hurt(fd, &info);
	close(fd);
	if (err)
		return refused_or_error(what, "update", -err);
	return report(what, OK, "map %u written", info.id);
}

/* Handles taken before a seal, used after it: the freeze must stop them. */
static int do_hold(const char *marker)
{
	static const char *const names[] = { "policy", "active", "counters" };
	struct bpf_map_info info[3];
	int fds[3], outcome = REFUSED;

	for (int i = 0; i < 3; i++) {
		if (map_id_of(names[i], &info[i]) != 0 ||
		    (fds[i] = map_fd_by_id(info[i].id, 0)) < 0)
			return report("hold", ERROR, "taking a handle to %s: %s", names[i],
				      strerror(errno));
	}
	printf("hold ready\n");
	fflush(stdout);
	while (access(marker, F_OK) != 0)
		usleep(50 * 1000);
	for (int i = 0; i < 3; i++) {
		int err = hurt(fds[i], &info[i]);

		printf("hold %s %s\n", names[i], err ? strerror(-err) : "written");
		if (!err)
			outcome = OK;
		close(fds[i]);
	}
	return report("hold", outcome, "%s",
		      outcome == OK ? "a held handle wrote" : "every write failed");
}

/* ---- programs -------------------------------------------------------------------------- */

#define INSN(c, d, s, o, i)                                                                        \
	((struct bpf_insn){ .code = (c), .dst_reg = (d), .src_reg = (s), .off = (o), .imm = (i) })

static int do_prog_write(const char *name, int off, int val)
{
	struct bpf_map_info info;
	char what[64], log[4096] = "";
	union bpf_attr a;
	unsigned char pkt[64] = { 0 };
	int mfd, pfd, err;

	snprintf(what, sizeof(what), "prog-write %s", name);
	err = map_id_of(name, &info);
	if (err)
		return report(what, ERROR, "finding the map: %s", strerror(-err));
	/* The attacker takes what it gets: a read-only handle is enough to name the map. */
	mfd = map_fd_by_id(info.id, 0);
	if (mfd < 0)
		mfd = map_fd_by_id(info.id, BPF_F_RDONLY);
	if (mfd < 0)
		return refused_or_error(what, "handle", errno);
	{
		/* key: 32 zero bytes at fp-32 (every map of the enforcer has a smaller key) */
		struct bpf_insn insns[] = {
			INSN(BPF_ST | BPF_DW | BPF_MEM, BPF_REG_10, 0, -32, 0),
			INSN(BPF_ST | BPF_DW | BPF_MEM, BPF_REG_10, 0, -24, 0),
			INSN(BPF_ST | BPF_DW | BPF_MEM, BPF_REG_10, 0, -16, 0),
			INSN(BPF_ST | BPF_DW | BPF_MEM, BPF_REG_10, 0, -8, 0),
			INSN(BPF_LD | BPF_DW | BPF_IMM, BPF_REG_1, BPF_PSEUDO_MAP_FD, 0, mfd),
			INSN(0, 0, 0, 0, 0),
			INSN(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_2, BPF_REG_10, 0, 0),
			INSN(BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_2, 0, 0, -32),
			INSN(BPF_JMP | BPF_CALL, 0, 0, 0, BPF_FUNC_map_lookup_elem),
			INSN(BPF_JMP | BPF_JEQ | BPF_K, BPF_REG_0, 0, 1, 0),
			INSN(BPF_ST | BPF_B | BPF_MEM, BPF_REG_0, 0, (short)off, val),
			INSN(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, 0),
			INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
		};

		memset(&a, 0, sizeof(a));
		a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
		a.insns = (__u64)(unsigned long)insns;
		a.insn_cnt = sizeof(insns) / sizeof(insns[0]);
		a.license = (__u64)(unsigned long)"GPL";
		a.log_buf = (__u64)(unsigned long)log;
		a.log_size = sizeof(log);
		a.log_level = 1;
		pfd = (int)sys_bpf(BPF_PROG_LOAD, &a);
	}
	err = errno;
	close(mfd);
	if (pfd < 0) {
		char *last = strstr(log, "write into map forbidden");

		if (last)
			return report(what, REFUSED,
				      "load: the verifier: write into map forbidden");
		return refused_or_error(what, "load", err);
	}
	memset(&a, 0, sizeof(a));
	a.test.prog_fd = (__u32)pfd;
	a.test.data_in = (__u64)(unsigned long)pkt;
	a.test.data_size_in = sizeof(pkt);
	err = sys_bpf(BPF_PROG_TEST_RUN, &a) ? errno : 0;
	close(pfd);
	if (err)
		return refused_or_error(what, "test run", err);
	return report(what, OK, "map %u written at offset %d", info.id, off);
}

static int do_map_in_map(const char *name)
{
	struct bpf_map_info info;
	union bpf_attr a;
	char what[64];
	__u32 key = 0;
	int tmpl, outer, mfd, err;

	snprintf(what, sizeof(what), "map-in-map %s", name);
	if ((err = map_id_of(name, &info)) != 0)
		return report(what, ERROR, "finding the map: %s", strerror(-err));
	mfd = map_fd_by_id(info.id, BPF_F_RDONLY);
	if (mfd < 0)
		return refused_or_error(what, "handle", errno);
	memset(&a, 0, sizeof(a));
	a.map_type = info.type;
	a.key_size = info.key_size;
	a.value_size = info.value_size;
	a.max_entries = info.max_entries;
	a.map_flags = info.map_flags;
	tmpl = (int)sys_bpf(BPF_MAP_CREATE, &a);
	if (tmpl < 0) {
		err = errno;
		close(mfd);
		return refused_or_error(what, "template", err);
	}
	memset(&a, 0, sizeof(a));
	a.map_type = BPF_MAP_TYPE_ARRAY_OF_MAPS;
	a.key_size = 4;
	a.value_size = 4;
	a.max_entries = 1;
	a.inner_map_fd = (__u32)tmpl;
	outer = (int)sys_bpf(BPF_MAP_CREATE, &a);
	err = errno;
	close(tmpl);
	if (outer < 0) {
		close(mfd);
		return refused_or_error(what, "outer map", err);
	}
	err = map_update(outer, &key, &mfd) ? errno : 0;
	close(outer);
	close(mfd);
	if (err)
		return refused_or_error(what, "insert", err);
	return report(what, OK, "map %u is an inner map of an attacker's map", info.id);
}

/* The program a pinned link holds, learnt from the link (a seal refuses handles to programs). */
static __u32 link_prog_id(const char *pin)
{
	struct bpf_link_info linfo;
	union bpf_attr a;
	int lfd = obj_get(pin, 0);

	if (lfd < 0)
		return 0;
	memset(&a, 0, sizeof(a));
	memset(&linfo, 0, sizeof(linfo));
	a.info.bpf_fd = (__u32)lfd;
	a.info.info_len = sizeof(linfo);
	a.info.info = (__u64)(unsigned long)&linfo;
	if (sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a) != 0)
		linfo.prog_id = 0;
	close(lfd);
	return linfo.prog_id;
}

/* The enforcer's attached programs: the decision program and the object programs. */
static const char *const link_pins[] = { PIN_DIR "/link", PIN_DIR "/obj-read-link",
					 PIN_DIR "/obj-load-link" };
#define NLINKS (sizeof(link_pins) / sizeof(link_pins[0]))

static int do_link_detach(void)
{
	__u32 progs[NLINKS], id = 0;
	union bpf_attr a;
	int n = 0, detached = 0, last = 0;

	for (size_t i = 0; i < NLINKS; i++)
		progs[i] = link_prog_id(link_pins[i]);
	if (!progs[0])
		return report("link-detach", ERROR, "the pinned link: %s", strerror(errno));
	for (;;) {
		struct bpf_link_info linfo;
		bool ours = false;
		int lfd;

		memset(&a, 0, sizeof(a));
		a.start_id = id;
		if (sys_bpf(BPF_LINK_GET_NEXT_ID, &a) != 0)
			break;
		id = a.next_id;
		memset(&a, 0, sizeof(a));
		a.link_id = id;
		lfd = (int)sys_bpf(BPF_LINK_GET_FD_BY_ID, &a);
		if (lfd < 0)
			continue;
		memset(&a, 0, sizeof(a));
		memset(&linfo, 0, sizeof(linfo));
		a.info.bpf_fd = (__u32)lfd;
		a.info.info_len = sizeof(linfo);
		a.info.info = (__u64)(unsigned long)&linfo;
		for (size_t i = 0; i < NLINKS; i++)
			ours |= progs[i] && sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a) == 0 &&
				linfo.prog_id == progs[i];
		if (ours) {
			n++;
			memset(&a, 0, sizeof(a));
			a.link_detach.link_fd = (__u32)lfd;
			if (sys_bpf(BPF_LINK_DETACH, &a) == 0)
				detached++;
			else
				last = errno;
		}
		close(lfd);
	}
	if (!n)
		return report("link-detach", ERROR, "no link of program %u", progs[0]);
	if (detached)
		return report("link-detach", OK, "%d of %d links detached", detached, n);
	/* Tracing links cannot be detached at all (EOPNOTSUPP): the kernel said no. */
	return report("link-detach", REFUSED, "BPF_LINK_DETACH: %s", strerror(last));
}

/*
 * A handle to each of the enforcer's attached programs, by its pin and by its id: what
 * BPF_PROG_TYPE_EXT (replacing a global function of it), fentry/fexit on it or a prog array
 * would start from.
 */
static int do_prog_fd(void)
{
	static const char *const prog_pins[] = { PIN_DIR "/prog", PIN_DIR "/obj-read",
						 PIN_DIR "/obj-load" };
	int got = 0, tries = 0, err = 0;

	for (size_t i = 0; i < NLINKS; i++) {
		__u32 id = link_prog_id(link_pins[i]);
		union bpf_attr a;
		int fds[2];

		if (!id)
			return report("prog-fd", ERROR, "%s: no program", link_pins[i]);
		fds[0] = obj_get(prog_pins[i], 0);
		if (fds[0] < 0)
			err = errno;
		memset(&a, 0, sizeof(a));
		a.prog_id = id;
		fds[1] = (int)sys_bpf(BPF_PROG_GET_FD_BY_ID, &a);
		if (fds[1] < 0)
			err = errno;
		for (int k = 0; k < 2; k++, tries++)
			if (fds[k] >= 0 && ++got)
				close(fds[k]);
	}
	if (got)
		return report("prog-fd", OK, "%d of %d handles", got, tries);
	return refused_or_error("prog-fd", "every handle", err);
}

/* ---- exemptions ------------------------------------------------------------------------- */

static int dev_mem(void)
{
	int fd = open("/dev/mem", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return refused_or_error("dev_mem", "open /dev/mem", errno);
	close(fd);
	return report("dev_mem", OK, "/dev/mem open");
}

/* What a borrowed process is made to do: written here by an attacker, or by CMDFILE. */
static volatile char serve_cmd[64];

static void serve_run(const char *op, const char *outfile)
{
	FILE *f = fopen(outfile, "a");
	int fd = -1;

	if (!f)
		return;
	if (!strcmp(op, "noop")) { /* a marker: every earlier op has run */
		fputs("noop done\n", f);
		fclose(f);
		return;
	}
	if (!strcmp(op, "dev_mem"))
		fd = open("/dev/mem", O_RDONLY | O_CLOEXEC);
	fprintf(f, "%s %s\n", op, fd >= 0 ? "allowed" : errno == EPERM ? "denied" : "error");
	if (fd >= 0)
		close(fd);
	fclose(f);
}

static __attribute__((noreturn)) void do_serve(const char *cmdfile, const char *outfile)
{
	printf("serve %p\n", (void *)serve_cmd);
	fflush(stdout);
	for (;;) {
		char op[64];
		FILE *f;

		if (serve_cmd[0]) {
			size_t i;

			for (i = 0; i < sizeof(op) - 1 && serve_cmd[i]; i++)
				op[i] = serve_cmd[i];
			op[i] = '\0';
			serve_cmd[0] = '\0';
			serve_run(op, outfile);
		}
		f = fopen(cmdfile, "r");
		if (f) {
			if (fgets(op, sizeof(op), f)) {
				op[strcspn(op, "\n")] = '\0';
				serve_run(op, outfile);
			}
			fclose(f);
			unlink(cmdfile);
		}
		usleep(20 * 1000);
	}
}

static int do_poke(const char *how, pid_t pid, unsigned long addr, const char *text)
{
	char what[64], path[64];
	size_t len = strlen(text) + 1;

	snprintf(what, sizeof(what), "poke %s", how);
	if (!strcmp(how, "ptrace")) {
		int status;

		if (ptrace(PTRACE_ATTACH, pid, 0, 0) != 0)
			return refused_or_error(what, "PTRACE_ATTACH", errno);
		waitpid(pid, &status, 0);
		for (size_t i = 0; i < len; i += sizeof(long)) {
			long word = 0;

			memcpy(&word, text + i, len - i < sizeof(long) ? len - i : sizeof(long));
			if (ptrace(PTRACE_POKEDATA, pid, addr + i, word) != 0) {
				int err = errno;

				ptrace(PTRACE_DETACH, pid, 0, 0);
				return refused_or_error(what, "PTRACE_POKEDATA", err);
			}
		}
		ptrace(PTRACE_DETACH, pid, 0, 0);
	} else if (!strcmp(how, "procmem")) {
		int fd;

		snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0)
			return refused_or_error(what, "open /proc/PID/mem", errno);
		if (pwrite(fd, text, len, (off_t)addr) != (ssize_t)len) {
			int err = errno;

			close(fd);
			return refused_or_error(what, "pwrite", err);
		}
		close(fd);
	} else if (!strcmp(how, "vmwrite")) {
		struct iovec local = { (void *)text, len }, remote = { (void *)addr, len };

		if (process_vm_writev(pid, &local, 1, &remote, 1, 0) != (ssize_t)len)
			return refused_or_error(what, "process_vm_writev", errno);
	} else {
		return report(what, ERROR, "unknown method");
	}
	return report(what, OK, "wrote '%s' into %d", text, (int)pid);
}

/* pidfd_getfd(2) (5.6): take a copy of another process's file descriptor. */
static int do_pidfd_getfd(pid_t pid, int target_fd)
{
	int pidfd = (int)syscall(434 /* pidfd_open */, pid, 0), fd;

	if (pidfd < 0)
		return report("pidfd-getfd", ERROR, "pidfd_open: %s", strerror(errno));
	fd = (int)syscall(438 /* pidfd_getfd */, pidfd, target_fd, 0);
	if (fd < 0) {
		int err = errno;

		close(pidfd);
		return refused_or_error("pidfd-getfd", "pidfd_getfd", err);
	}
	close(fd);
	close(pidfd);
	return report("pidfd-getfd", OK, "took fd %d of %d", target_fd, (int)pid);
}

static int do_traceme_exec(char **argv)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0)
		return report("traceme-exec", ERROR, "fork: %s", strerror(errno));
	/* Stopped at the exec (SIGTRAP): from here a tracer owns the process; let it run. */
	waitpid(pid, &status, 0);
	while (WIFSTOPPED(status)) {
		ptrace(PTRACE_CONT, pid, 0, 0);
		waitpid(pid, &status, 0);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : ERROR;
}

/*
 * The kernel lets a process change its executable link only once the old executable is no
 * longer mapped. Started as "ld.so ldtamper-dyn ...", the executable is the dynamic loader,
 * which a program started with -z now no longer needs: unmap it, then the way is open.
 */
static int unmap_own_exe(void)
{
	char exe[4096], line[4096 + 128];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	FILE *f;
	int count = 0;

	if (n <= 0)
		return -1;
	exe[n] = '\0';
	f = fopen("/proc/self/maps", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;
		char *path = strchr(line, '/');

		if (!path || sscanf(line, "%lx-%lx", &lo, &hi) != 2)
			continue;
		path[strcspn(path, "\n")] = '\0';
		if (strcmp(path, exe) == 0 && munmap((void *)lo, hi - lo) == 0)
			count++;
	}
	fclose(f);
	return count;
}

static int do_prctl_exe(const char *path, bool unmap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (unmap && unmap_own_exe() <= 0)
		return report("prctl-exe", ERROR, "could not unmap the old executable");
	if (fd < 0)
		return report("prctl-exe", ERROR, "open %s: %s", path, strerror(errno));
	if (prctl(PR_SET_MM, PR_SET_MM_EXE_FILE, fd, 0, 0) != 0) {
		int err = errno;

		close(fd);
		/* No strerror() once the loader is gone (its translations reach into it). */
		return report("prctl-exe", err == EPERM ? REFUSED : ERROR,
			      "PR_SET_MM_EXE_FILE: errno %d%s", err,
			      err == EPERM ? " (EPERM)" : "");
	}
	close(fd);
	report("prctl-exe", OK, "executable link now %s", path);
	return dev_mem();
}

static int do_rewrite(const char *path, const char *src)
{
	char buf[65536];
	int in, out, err = 0;
	ssize_t n;
	off_t off = 0;

	in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return report("rewrite", ERROR, "open %s: %s", src, strerror(errno));
	out = open(path, O_WRONLY | O_CLOEXEC);
	if (out < 0) {
		err = errno;
		close(in);
		return refused_or_error("rewrite", "open for writing", err);
	}
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (pwrite(out, buf, (size_t)n, off) != n) {
			err = errno;
			break;
		}
		off += n;
	}
	if (!err && ftruncate(out, off) != 0)
		err = errno;
	close(in);
	close(out);
	if (err)
		return refused_or_error("rewrite", "write", err);
	return report("rewrite", OK, "%s now holds %s (same inode)", path, src);
}

static int do_truncate(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return report("truncate", ERROR, "%s: %s", path, strerror(errno));
	if (truncate(path, st.st_size) != 0)
		return refused_or_error("truncate", "truncate", errno);
	return report("truncate", OK, "%s", path);
}

static int do_dlopen(const char *path)
{
#ifdef LDTAMPER_DYNAMIC
	void *h = dlopen(path, RTLD_NOW);

	if (!h)
		return report("dlopen", REFUSED, "%s", dlerror());
	return report("dlopen", OK, "%s loaded", path);
#else
	return report("dlopen", ERROR, "%s: not a dynamic build", path);
#endif
}

static int do_json_valid(const char *file)
{
#ifdef LDTAMPER_JSON
	FILE *f = fopen(file, "r");
	char line[65536];
	int n = 0;

	if (!f)
		return report("json-valid", ERROR, "%s: %s", file, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		struct json_object *o = json_tokener_parse(line);

		n++;
		if (!o) {
			fclose(f);
			return report("json-valid", REFUSED, "line %d does not parse", n);
		}
		json_object_put(o);
	}
	fclose(f);
	return report("json-valid", OK, "%d lines", n);
#else
	return report("json-valid", ERROR, "%s: built without json-c", file);
#endif
}

int main(int argc, char **argv)
{
	const char *op = argc > 1 ? argv[1] : "";

	if (!strcmp(op, "map-write") && argc == 3)
		return do_map_write(argv[2]);
	if (!strcmp(op, "hold") && argc == 3)
		return do_hold(argv[2]);
	if (!strcmp(op, "prog-write") && argc == 5)
		return do_prog_write(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(op, "map-in-map") && argc == 3)
		return do_map_in_map(argv[2]);
	if (!strcmp(op, "link-detach") && argc == 2)
		return do_link_detach();
	if (!strcmp(op, "prog-fd") && argc == 2)
		return do_prog_fd();
	if (!strcmp(op, "serve") && argc == 4)
		do_serve(argv[2], argv[3]);
	if (!strcmp(op, "poke") && argc == 6)
		return do_poke(argv[2], (pid_t)atoi(argv[3]), strtoul(argv[4], NULL, 0), argv[5]);
	if (!strcmp(op, "pidfd-getfd") && argc == 4)
		return do_pidfd_getfd((pid_t)atoi(argv[2]), atoi(argv[3]));
	if (!strcmp(op, "traceme-exec") && argc >= 3)
		return do_traceme_exec(argv + 2);
	if (!strcmp(op, "prctl-exe") && argc == 3)
		return do_prctl_exe(argv[2], false);
	if (!strcmp(op, "prctl-exe-ldso") && argc == 3)
		return do_prctl_exe(argv[2], true);
	if (!strcmp(op, "rewrite") && argc == 4)
		return do_rewrite(argv[2], argv[3]);
	if (!strcmp(op, "truncate") && argc == 3)
		return do_truncate(argv[2]);
	if (!strcmp(op, "dev_mem") && argc == 2)
		return dev_mem();
	if (!strcmp(op, "dlopen") && argc == 3)
		return do_dlopen(argv[2]);
	if (!strcmp(op, "json-valid") && argc == 3)
		return do_json_valid(argv[2]);
	fprintf(stderr, "usage: ldtamper OP [ARGS] (see the comment at the top of ldtamper.c)\n");
	return 2;
}
