// SPDX-License-Identifier: GPL-2.0-only
/* lockdown stats: the enforcer's exact per-reason counters, summed over CPUs. */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
	fprintf(f, "usage: lockdown stats [-j]\n\n"
		   "Per reason, how many calls the enforcer allowed, audited (allowed and\n"
		   "reported, including would-denies in audit mode) and denied since it was\n"
		   "loaded; how many reports went to the event buffer, how many were held back\n"
		   "by the per-reason rate limit, and how many were dropped because the buffer\n"
		   "was full. Counts are exact (per-CPU counters, summed). The text view lists\n"
		   "reasons with a nonzero count; JSON lists every reason of this kernel.\n"
		   "A sealed enforcer also counts the attempts on itself it refused, per kind\n"
		   "(tamper unlink, umount, map-write, ptrace, ...), in the DENIED column.\n\n"
		   "options:\n"
		   "  -j, -p   JSON: {\"reasons\": [...], \"total\": {...}, \"tamper\": [...]}\n\n"
		   "exit status: 0 ok, 2 nothing loaded or system error.\n\n"
		   "example:\n"
		   "  lockdown stats -j | jq '.total.denied'\n");
}

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

static void row_text(const char *name, const char *class, const struct ld_counters *c)
{
	printf("%-22s %-16s %10llu %10llu %10llu %10llu %11llu %9llu\n", name, class,
	       (unsigned long long)c->outcome[LD_OUT_ALLOWED],
	       (unsigned long long)c->outcome[LD_OUT_AUDITED],
	       (unsigned long long)c->outcome[LD_OUT_DENIED], (unsigned long long)c->events,
	       (unsigned long long)c->ratelimited, (unsigned long long)c->dropped);
}

int cmd_stats(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	static struct ld_counters per[LD_SLOTS];
	struct ld_counters total;
	struct ld_reasons rs;
	struct ld_pinned p;
	bool have_rs;
	char why[512], name[32];
	int ch, err;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'h') {
			usage(stdout);
			return LD_EXIT_OK;
		}
		usage(stderr);
		return LD_EXIT_ERR;
	}
	if (optind != argc) {
		ld_err("stats: unexpected argument '%s'", argv[optind]);
		return LD_EXIT_ERR;
	}
	err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	if (err) {
		ld_err("stats: %s", why);
		return err == -EPROTO ? LD_EXIT_FAIL : LD_EXIT_ERR;
	}
	err = ld_pinned_counters(&p, per);
	ld_pinned_close(&p);
	if (err) {
		ld_err("stats: reading the counters: %s", strerror(-err));
		return LD_EXIT_ERR;
	}
	ld_counters_total(per, &total);
	have_rs = ld_reasons_load(NULL, &rs, why, sizeof(why)) == 0;
	if (!have_rs)
		ld_warn("reason names unavailable (%s): printing numbers", why);

	if (ld_g.json) {
		struct json_object *o = json_object_new_object(), *arr = json_object_new_array();

		for (unsigned int n = 0; n < LD_REASONS; n++) {
			const struct ld_reason *r = have_rs ? ld_reason_by_number(&rs, n) : NULL;

			if (!r && !nonzero(&per[n]))
				continue;
			snprintf(name, sizeof(name), "reason%u", n);
			json_object_array_add(arr, row_json(r ? r->name : name, (int)n,
							    r ? ld_class_name(r->class) : NULL,
							    &per[n]));
		}
		json_object_object_add(o, "reasons", arr);
		json_object_object_add(o, "total", row_json(NULL, -1, NULL, &total));
		arr = json_object_new_array();
		for (unsigned int k = 0; k < LD_TAMPER_KINDS; k++) {
			struct json_object *t = row_json(NULL, -1, NULL, &per[LD_REASONS + k]);

			json_object_object_add(t, "kind",
					       json_object_new_string(ld_tamper_name(k)));
			json_object_array_add(arr, t);
		}
		json_object_object_add(o, "tamper", arr);
		ld_json_print(o);
		return LD_EXIT_OK;
	}
	printf("%-22s %-16s %10s %10s %10s %10s %11s %9s\n", "REASON", "CLASS", "ALLOWED",
	       "AUDITED", "DENIED", "EVENTS", "RATELIMITED", "DROPPED");
	for (unsigned int n = 0; n < LD_REASONS; n++) {
		const struct ld_reason *r = have_rs ? ld_reason_by_number(&rs, n) : NULL;

		if (!nonzero(&per[n]))
			continue;
		snprintf(name, sizeof(name), "reason%u", n);
		row_text(r ? r->name : name, r ? ld_class_name(r->class) : "?", &per[n]);
	}
	row_text("total", "", &total);
	for (unsigned int k = 0; k < LD_TAMPER_KINDS; k++) {
		if (!nonzero(&per[LD_REASONS + k]))
			continue;
		snprintf(name, sizeof(name), "tamper %s", ld_tamper_name(k));
		row_text(name, "refused", &per[LD_REASONS + k]);
	}
	return LD_EXIT_OK;
}
