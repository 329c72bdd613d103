// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading the enforcer's event buffer for `lockdown events` and `lockdown learn`: each record
 * with what rendering it needs (the reason names, the metadata of its generation, the wall
 * clock, the executable's path while /proc/PID/exe still names the file the kernel saw).
 */
#include "enforcer.h"

#include <bpf/libbpf.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct reader {
	const struct ld_pinned *p;
	const struct ld_reasons *rs;
	struct ld_meta meta[LD_GENS];
	bool have_meta[LD_GENS];
	__s64 mono_to_real;
	ld_event_fn fn;
	void *arg;
};

static __s64 ts_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (__s64)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void refresh(struct reader *r)
{
	for (unsigned int g = 0; g < LD_GENS; g++)
		r->have_meta[g] = ld_pinned_meta(r->p, g, &r->meta[g]) == 0;
	r->mono_to_real = ts_ns(CLOCK_REALTIME) - ts_ns(CLOCK_MONOTONIC);
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
	    ld_kdev_of(st.st_dev) != e->exe_dev)
		return NULL;
	n = readlink(link, buf, len - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

static void event_metas(const struct reader *r, const struct ld_meta *out[LD_GENS])
{
	for (unsigned int g = 0; g < LD_GENS; g++)
		out[g] = r->have_meta[g] ? &r->meta[g] : NULL;
}

static int on_record(void *ctx, void *data, size_t size)
{
	struct reader *r = ctx;
	const struct ld_event *e = data;
	struct ld_event_ctx ec = { .rs = r->rs };
	char path[PATH_MAX];

	if (size < sizeof(*e))
		return 0;
	event_metas(r, ec.meta);
	if (!ld_event_meta(e, ec.meta)) { /* applied since the last refresh, or replaced */
		refresh(r);
		event_metas(r, ec.meta);
	}
	ec.mono_to_real_ns = r->mono_to_real;
	ec.exe_path = exe_path(e, path, sizeof(path));
	return r->fn(e, &ec, r->arg);
}

static __s64 now_ms(void)
{
	return ts_ns(CLOCK_MONOTONIC) / 1000000;
}

int ld_events_read(const struct ld_pinned *p, const struct ld_reasons *rs,
		   const struct ld_read_opts *o, ld_event_fn fn, void *arg)
{
	struct reader r = { .p = p, .rs = rs, .fn = fn, .arg = arg };
	struct ring_buffer *rb;
	__s64 end = o->for_ms ? now_ms() + o->for_ms : 0;
	int err = 0;

	refresh(&r);
	rb = ring_buffer__new(p->events, on_record, &r, NULL);
	if (!rb)
		return errno ? -errno : -ENOMEM;
	if (!o->follow) {
		err = ring_buffer__consume(rb);
	} else {
		while (!(o->stop && *o->stop) && (!end || now_ms() < end)) {
			err = ring_buffer__poll(rb, 200);
			if (err == -EINTR)
				err = 0;
			if (err < 0)
				break;
			if (err == 0 && access(LD_PIN_DIR "/link", F_OK) != 0 && errno == ENOENT) {
				/* Removed: this buffer gets no more reports (a new apply has its own). */
				err = ring_buffer__consume(rb);
				if (err >= 0)
					err = -ENOENT;
				break;
			}
		}
		if (err >= 0)
			err = ring_buffer__consume(rb); /* what came in at the end */
	}
	ring_buffer__free(rb);
	return err < 0 ? err : 0;
}
