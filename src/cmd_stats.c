// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown stats: the enforcer's exact per-reason counters, summed over CPUs, as text, JSON
 * or the Prometheus text format (for node_exporter's textfile collector).
 */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "kstate.h"
#include "util.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum format { TEXT, JSON, PROMETHEUS };

static struct json_object *row_json(const char *name, int number, const char *class,
				    const struct ld_counters *c)
{
	struct json_object *o = json_object_new_object();

	if (name)
		json_object_object_add(o, "reason", json_object_new_string(name));
	if (number >= 0)
		json_object_object_add(o, "number", json_object_new_int(number));
	if (class)
		json_object_object_add(o, "class", json_object_new_string(class));
	ld_counters_json_add(o, c);
	return o;
}

static bool nonzero(const struct ld_counters *c)
{
	static const struct ld_counters zero;

	return memcmp(c, &zero, sizeof(zero)) != 0;
}

static void row_text(FILE *f, const char *name, const char *class, const struct ld_counters *c)
{
	fprintf(f, "%-22s %-16s %10llu %10llu %10llu %10llu %11llu %9llu\n", name, class,
		(unsigned long long)c->outcome[LD_OUT_ALLOWED],
		(unsigned long long)c->outcome[LD_OUT_AUDITED],
		(unsigned long long)c->outcome[LD_OUT_DENIED], (unsigned long long)c->events,
		(unsigned long long)c->ratelimited, (unsigned long long)c->dropped);
}

static void write_json(FILE *f, const struct ld_snapshot *s)
{
	struct json_object *o = json_object_new_object(), *arr = json_object_new_array();
	struct ld_counters total;
	char name[32];

	for (unsigned int n = 0; n < LD_REASONS; n++) {
		const struct ld_reason *r = s->rs ? ld_reason_by_number(s->rs, n) : NULL;

		if (!r && !nonzero(&s->per[n]))
			continue;
		snprintf(name, sizeof(name), "reason%u", n);
		json_object_array_add(arr,
				      row_json(r ? r->name : name, (int)n,
					       r ? ld_class_name(r->class) : NULL, &s->per[n]));
	}
	json_object_object_add(o, "reasons", arr);
	ld_counters_total(s->per, &total);
	json_object_object_add(o, "total", row_json(NULL, -1, NULL, &total));
	arr = json_object_new_array();
	for (unsigned int k = 0; k < LD_TAMPER_KINDS; k++) {
		struct json_object *t = row_json(NULL, -1, NULL, &s->per[LD_REASONS + k]);

		json_object_object_add(t, "kind", json_object_new_string(ld_tamper_name(k)));
		json_object_array_add(arr, t);
	}
	json_object_object_add(o, "tamper", arr);
	if (f == stdout) {
		ld_json_print(o);
		return;
	}
	fprintf(f, "%s\n",
		json_object_to_json_string_ext(o, ld_g.pretty ? JSON_C_TO_STRING_PRETTY
							      : JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
}

static void write_text(FILE *f, const struct ld_snapshot *s)
{
	struct ld_counters total;
	char name[48];

	fprintf(f, "%-22s %-16s %10s %10s %10s %10s %11s %9s\n", "REASON", "CLASS", "ALLOWED",
		"AUDITED", "DENIED", "EVENTS", "RATELIMITED", "DROPPED");
	for (unsigned int n = 0; n < LD_REASONS; n++) {
		const struct ld_reason *r = s->rs ? ld_reason_by_number(s->rs, n) : NULL;

		if (!nonzero(&s->per[n]))
			continue;
		snprintf(name, sizeof(name), "reason%u", n);
		row_text(f, r ? r->name : name, r ? ld_class_name(r->class) : "?", &s->per[n]);
	}
	ld_counters_total(s->per, &total);
	row_text(f, "total", "", &total);
	for (unsigned int k = 0; k < LD_TAMPER_KINDS; k++) {
		if (!nonzero(&s->per[LD_REASONS + k]))
			continue;
		snprintf(name, sizeof(name), "tamper %s", ld_tamper_name(k));
		row_text(f, name, "refused", &s->per[LD_REASONS + k]);
	}
}

/* The kernel's own level, for the metrics; false when securityfs cannot tell. */
static bool read_kernel_level(int *level)
{
	struct ld_securityfs fs;
	enum ld_level l;
	char path[300], why[256];

	if (ld_securityfs_find(&fs, false, why, sizeof(why)) != 0)
		return false;
	snprintf(path, sizeof(path), "%s/lockdown", fs.dir);
	if (ld_read_level_file(path, &l) != 0)
		return false;
	*level = (int)l;
	return true;
}

/* Write into path through a temporary file in the same directory, renamed over it. */
static int write_atomically(const char *path, enum format fmt, const struct ld_snapshot *s)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	FILE *f;
	int fd, err = 0;

	if (!tmp)
		return -ENOMEM;
	snprintf(tmp, n + 16, "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		err = -errno;
		free(tmp);
		return err;
	}
	f = fdopen(fd, "w");
	if (!f) {
		err = -errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		return err;
	}
	if (fmt == PROMETHEUS)
		ld_prom_write(f, s);
	else if (fmt == JSON)
		write_json(f, s);
	else
		write_text(f, s);
	if (fchmod(fd, 0644) != 0 || fflush(f) != 0 || fsync(fd) != 0)
		err = -errno;
	if (fclose(f) != 0 && !err)
		err = -errno;
	if (!err && rename(tmp, path) != 0)
		err = -errno;
	if (err)
		unlink(tmp);
	free(tmp);
	return err;
}

/* Read the counters, the seal and the kernel level into s. 0, or an exit status. */
static int gather(struct ld_snapshot *s, enum format fmt, struct ld_reasons *rs)
{
	struct ld_pinned p;
	char why[512];
	int err;

	memset(s, 0, sizeof(*s));
	s->have_level = read_kernel_level(&s->kernel_level);
	err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	if (err == -EPROTO) {
		ld_err("stats: %s", why);
		return LD_EXIT_FAIL;
	}
	if (err && !(err == -ENOENT && fmt == PROMETHEUS)) {
		ld_err("stats: %s", why);
		return LD_EXIT_ERR;
	}
	if (!err) {
		s->loaded = true;
		err = ld_pinned_counters(&p, s->per);
		if (!err)
			err = ld_pinned_active(&p, &s->active);
		if (!err)
			s->have_meta = ld_pinned_meta(&p, s->active.gen & 1, &s->meta) == 0 &&
				       s->meta.gen == s->active.gen;
		ld_pinned_close(&p);
		if (err) {
			ld_err("stats: reading the counters: %s", strerror(-err));
			return LD_EXIT_ERR;
		}
	}
	s->rs = rs;
	return LD_EXIT_OK;
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

int cmd_stats(int argc, char **argv)
{
	static struct ld_snapshot s;
	enum format fmt;
	const char *output, *format, *interval;
	struct ld_reasons rs, *rsp = NULL;
	struct ld_args a;
	unsigned long every = 0;
	char why[512];
	int ret;

	if (!ld_args_parse("stats", argc, argv, &a))
		return a.exit;
	output = ld_arg(&a, "output");
	format = ld_arg(&a, "format");
	interval = ld_arg(&a, "interval");
	fmt = ld_g.json ? JSON : TEXT; /* -j anywhere, known once parsed */
	if (format && !strcmp(format, "text"))
		fmt = TEXT;
	else if (format && !strcmp(format, "json"))
		fmt = JSON;
	else if (format && !strcmp(format, "prometheus"))
		fmt = PROMETHEUS;
	else if (format)
		return ld_usage_error("stats", "--format %s: expected text, json or prometheus",
				      ld_safe(format));
	if (interval) {
		char *end;

		errno = 0;
		every = strtoul(interval, &end, 10);
		if (!*interval || *end || errno || every < 1 || every > 86400)
			return ld_usage_error("stats",
					      "--interval %s: expected seconds, 1 to 86400",
					      ld_safe(interval));
		if (!output)
			return ld_usage_error("stats", "--interval needs --output FILE");
	}
	if (ld_reasons_load(NULL, &rs, why, sizeof(why)) == 0)
		rsp = &rs;
	else
		ld_warn("reason names unavailable (%s): printing numbers", why);

	if (every) {
		struct sigaction sa = { .sa_handler = on_signal };

		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
	}
	do {
		ret = gather(&s, fmt, rsp);
		if (ret != LD_EXIT_OK && !every)
			return ret;
		if (ret == LD_EXIT_OK && output) {
			int err = write_atomically(output, fmt, &s);

			if (err) {
				ld_err("stats: %s: %s", output, ld_errno_hint(-err));
				if (!every)
					return LD_EXIT_ERR;
			}
		} else if (ret == LD_EXIT_OK) {
			if (fmt == PROMETHEUS)
				ld_prom_write(stdout, &s);
			else if (fmt == JSON)
				write_json(stdout, &s);
			else
				write_text(stdout, &s);
			return fflush(stdout) == 0 ? LD_EXIT_OK : LD_EXIT_ERR;
		}
		for (unsigned long t = 0; every && t < every && !stop; t++)
			sleep(1);
	} while (every && !stop);
	return LD_EXIT_OK;
}
