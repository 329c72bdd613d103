// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown events: read the enforcer's reports (audited and denied calls) from its ring
 * buffer and print them like the kernel's own notices, or as JSON lines.
 */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "util.h"

#include <bpf/libbpf.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct events_state {
	const struct ld_pinned *p;
	struct ld_reasons rs;
	bool have_rs;
	struct ld_meta meta[LD_GENS];
	bool have_meta[LD_GENS];
	__s64 mono_to_real;
	bool journal; /* --journal: to the systemd journal, not stdout */
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* Stop at SIGINT or SIGTERM; a closed pipe is an output error (EPIPE), never a signal. */
static void handle_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: the poll returns at once */
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static __s64 ts_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (__s64)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void refresh(struct events_state *s)
{
	for (unsigned int g = 0; g < LD_GENS; g++)
		s->have_meta[g] = ld_pinned_meta(s->p, g, &s->meta[g]) == 0;
	s->mono_to_real = ts_ns(CLOCK_REALTIME) - ts_ns(CLOCK_MONOTONIC);
}

/* The executable's path, if /proc/PID/exe still is the file the kernel saw. */
static const char *exe_path(const struct ld_event *e, char *buf, size_t len)
{
	char link[64];
	struct stat st;
	ssize_t n;

	if (e->flags & LD_EV_NO_EXE)
		return NULL;
	snprintf(link, sizeof(link), "/proc/%u/exe", e->pid);
	if (stat(link, &st) != 0 || (__u64)st.st_ino != e->exe_ino ||
	    ld_dev_to_kernel(st.st_dev) != e->exe_dev)
		return NULL;
	n = readlink(link, buf, len - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

static void event_metas(const struct events_state *s, const struct ld_meta *out[LD_GENS])
{
	for (unsigned int g = 0; g < LD_GENS; g++)
		out[g] = s->have_meta[g] ? &s->meta[g] : NULL;
}

static int on_event(void *ctx, void *data, size_t size)
{
	struct events_state *s = ctx;
	const struct ld_event *e = data;
	struct ld_event_ctx ec = { .rs = s->have_rs ? &s->rs : NULL };
	char path[PATH_MAX], line[1024];

	if (size < sizeof(*e))
		return 0;
	event_metas(s, ec.meta);
	if (!ld_event_meta(e, ec.meta)) { /* applied since the last refresh, or replaced */
		refresh(s);
		event_metas(s, ec.meta);
	}
	ec.mono_to_real_ns = s->mono_to_real;
	ec.exe_path = exe_path(e, path, sizeof(path));
	if (s->journal) {
		int err = ld_journal_event(e, &ec);

		if (err < 0)
			ld_warn("events: writing to the journal: %s", strerror(-err));
		return 0;
	}
	if (ld_g.json) {
		ld_json_print(ld_event_json(e, &ec));
	} else {
		ld_event_text(e, &ec, line, sizeof(line));
		puts(line);
	}
	/* A reader that went away (EPIPE) ends the command, quietly. */
	return ferror(stdout) || fflush(stdout) != 0 ? -EPIPE : 0;
}

int cmd_events(int argc, char **argv)
{
	struct events_state s = { 0 };
	struct ring_buffer *rb;
	struct ld_pinned p;
	struct ld_args a;
	bool follow;
	char why[512];
	int err;

	if (!ld_args_parse("events", argc, argv, &a))
		return a.exit;
	follow = ld_flag(&a, "follow");
	s.journal = ld_flag(&a, "journal");
	if (s.journal && !ld_journal_available())
		return ld_usage_error("events", "--journal: this lockdown was built without "
						"libsystemd");
	err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	if (err) {
		ld_err("events: %s", why);
		return err == -EPROTO ? LD_EXIT_FAIL : LD_EXIT_ERR;
	}
	s.p = &p;
	s.have_rs = ld_reasons_load(NULL, &s.rs, why, sizeof(why)) == 0;
	if (!s.have_rs)
		ld_warn("reason names unavailable (%s): printing numbers", why);
	refresh(&s);

	rb = ring_buffer__new(p.events, on_event, &s, NULL);
	if (!rb) {
		ld_err("events: opening the event buffer: %s", strerror(errno));
		ld_pinned_close(&p);
		return LD_EXIT_ERR;
	}
	handle_signals();
	if (!follow) {
		err = ring_buffer__consume(rb);
	} else {
		while (!stop) {
			err = ring_buffer__poll(rb, 500);
			if (err == -EINTR)
				err = 0;
			if (err < 0)
				break;
			if (err == 0 && access(LD_PIN_DIR "/link", F_OK) != 0 && errno == ENOENT) {
				/* Removed: this buffer gets no more reports (a new apply has its own). */
				err = ring_buffer__consume(rb);
				if (err >= 0)
					ld_warn("events: the enforcer was removed");
				break;
			}
		}
	}
	ring_buffer__free(rb);
	ld_pinned_close(&p);
	if (err < 0 && err != -EPIPE) {
		ld_err("events: reading the event buffer: %s", strerror(-err));
		return LD_EXIT_ERR;
	}
	return LD_EXIT_OK;
}
