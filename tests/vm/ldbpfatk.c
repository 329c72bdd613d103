// SPDX-License-Identifier: GPL-2.0-only
/*
 * ldbpfatk: a root attacker's BPF programs (ldbpfatk.bpf.c) against the enforcer, one attempt
 * per call, reported like ldtamper: "ATTEMPT ok|refused|error DETAIL" (exit 0, 1, 3).
 *
 *   ldbpfatk freplace FUNC CMD...  replace the pinned decision program's global function FUNC
 *                                  with one that allows everything, run CMD while it is
 *                                  attached ("ok" and CMD's own line when it attached)
 *   ldbpfatk iter MAP              a map-element iterator given a read-only handle to the
 *                                  pinned map MAP, writing 0 into the second 32-bit word of
 *                                  every value (ld_policy.nrules: no rule, nothing denied)
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "ldbpfatk.skel.h"

#define PIN_DIR "/sys/fs/bpf/lockdown"

enum { OK = 0, REFUSED = 1, ERROR = 3 };

static int report(const char *what, int outcome, const char *stage, int err)
{
	static const char *const names[] = { "ok", "refused", "?", "error" };

	printf("%s %s %s%s%s\n", what, names[outcome], stage, err ? ": " : "",
	       err ? strerror(err) : "");
	fflush(stdout);
	return outcome;
}

/* EPERM and EACCES are the kernel saying no; anything else is an error of the attempt. */
static int refused_or_error(const char *what, const char *stage, int err)
{
	return report(what, err == EPERM || err == EACCES ? REFUSED : ERROR, stage, err);
}

/* The result line is the report: libbpf's own messages only with LDBPFATK_DEBUG set. */
static int quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return getenv("LDBPFATK_DEBUG") && level != LIBBPF_DEBUG ? vfprintf(stderr, fmt, ap) : 0;
}

static int do_freplace(const char *func, char **cmd)
{
	struct ldbpfatk_bpf *s;
	struct bpf_link *l;
	int tfd, err, status = 0;
	pid_t pid;

	tfd = bpf_obj_get(PIN_DIR "/prog");
	if (tfd < 0)
		return refused_or_error("freplace", "a handle to the program", errno);
	s = ldbpfatk_bpf__open();
	if (!s)
		return report("freplace", ERROR, "open", errno);
	bpf_program__set_autoload(s->progs.iter_write, false);
	if (bpf_program__set_attach_target(s->progs.ext_rule, tfd, func))
		return report("freplace", ERROR, "attach target", errno);
	if (ldbpfatk_bpf__load(s)) {
		err = errno;
		return refused_or_error("freplace", "load", err);
	}
	l = bpf_program__attach_freplace(s->progs.ext_rule, tfd, func);
	if (!l) {
		err = errno;
		return refused_or_error("freplace", "attach", err);
	}
	report("freplace", OK, func, 0);
	pid = fork();
	if (pid == 0) {
		execvp(cmd[0], cmd);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	bpf_link__destroy(l);
	ldbpfatk_bpf__destroy(s);
	return OK;
}

static int do_iter(const char *map)
{
	LIBBPF_OPTS(bpf_obj_get_opts, go, .file_flags = BPF_F_RDONLY);
	LIBBPF_OPTS(bpf_iter_attach_opts, o);
	union bpf_iter_link_info li;
	struct ldbpfatk_bpf *s;
	struct bpf_link *l;
	char path[256], buf[64];
	int mfd, ifd, err;

	snprintf(path, sizeof(path), "%s/%s", PIN_DIR, map);
	mfd = bpf_obj_get_opts(path, &go);
	if (mfd < 0)
		return refused_or_error("iter", "a read-only handle", errno);
	s = ldbpfatk_bpf__open();
	if (!s)
		return report("iter", ERROR, "open", errno);
	bpf_program__set_autoload(s->progs.ext_rule, false);
	if (ldbpfatk_bpf__load(s)) {
		err = errno;
		return refused_or_error("iter", "load", err);
	}
	memset(&li, 0, sizeof(li));
	li.map.map_fd = (__u32)mfd;
	o.link_info = &li;
	o.link_info_len = sizeof(li);
	l = bpf_program__attach_iter(s->progs.iter_write, &o);
	if (!l) {
		err = errno;
		return refused_or_error("iter", "attach", err);
	}
	ifd = bpf_iter_create(bpf_link__fd(l));
	if (ifd < 0) {
		err = errno;
		return refused_or_error("iter", "create", err);
	}
	while (read(ifd, buf, sizeof(buf)) > 0)
		;
	if (!s->bss->hits)
		return report("iter", ERROR, "no element written", 0);
	return report("iter", OK, map, 0);
}

int main(int argc, char **argv)
{
	libbpf_set_print(quiet);
	if (argc >= 4 && !strcmp(argv[1], "freplace"))
		return do_freplace(argv[2], argv + 3);
	if (argc == 3 && !strcmp(argv[1], "iter"))
		return do_iter(argv[2]);
	fprintf(stderr, "usage: ldbpfatk freplace FUNC CMD... | iter MAP\n");
	return 2;
}
