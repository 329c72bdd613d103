// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown learn: from recorded events (a file of `lockdown events -j` lines), or live for a
 * while, write the tightest policy that still allows what was used (see src/learn/learn.h).
 */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "learn/learn.h"
#include "policy/policy.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int add_rec(const struct ld_rec *r, void *arg)
{
	return ld_learner_add(arg, r);
}

struct live {
	struct ld_learner *l;
	unsigned long long seen[LD_REASONS];
};

static int add_event(const struct ld_event *e, const struct ld_event_ctx *ctx, void *arg)
{
	struct live *lv = arg;
	struct json_object *o = ld_event_json(e, ctx);
	struct ld_rec r;
	char why[128];
	int got = ld_rec_from_json(o, &r, why, sizeof(why)), err = 0;

	json_object_put(o);
	if (e->kind == LD_EVK_REASON && e->reason < LD_REASONS)
		lv->seen[e->reason]++;
	if (got > 0)
		err = ld_learner_add(lv->l, &r);
	return err;
}

/* "90", "90s", "10m", "2h", "1d": seconds. */
static long duration(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || v <= 0 || end == s)
		return -1;
	switch (*end) {
	case '\0':
	case 's':
		break;
	case 'm':
		v *= 60;
		break;
	case 'h':
		v *= 3600;
		break;
	case 'd':
		v *= 86400;
		break;
	default:
		return -1;
	}
	if (*end && end[1])
		return -1;
	return v <= 7 * 86400 ? v : -1;
}

/* Watch for `seconds`, with the allow preset audited if nothing is in force (removed again
 * afterwards). What the counters saw used but no event reported is noted. */
static int learn_live(struct ld_learner *l, long seconds, const struct ld_reasons *rs)
{
	struct ld_counters before[LD_SLOTS], after[LD_SLOTS];
	struct live lv = { .l = l };
	struct ld_read_opts o = { .follow = true, .for_ms = seconds * 1000, .stop = &stop };
	struct ld_pinned p;
	bool loaded_here = false;
	char why[1024];
	int err;

	err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	if (err == -ENOENT) {
		struct ld_policy_opts popts = { .force_audit = true };
		struct ld_apply_opts aopts = { 0 };
		struct ld_apply_result res;
		struct ld_compiled c;
		struct ld_diag d = { 0 };

		err = ld_policy_compile_profile("allow", rs, &popts, &c, &d);
		ld_diag_free(&d);
		if (!err) {
			/* Every call reported: no rate limit to speak of. */
			c.pol.rate_limit = 65535;
			err = ld_compiled_compute_digest(&c, rs);
		}
		if (!err)
			err = ld_enforcer_apply(&c, &aopts, &res, why, sizeof(why));
		else
			snprintf(why, sizeof(why), "compiling the allow preset: %s",
				 strerror(-err));
		ld_compiled_free(&c);
		if (err) {
			ld_err("learn: %s", why);
			return LD_EXIT_ERR;
		}
		loaded_here = true;
		fprintf(stderr, "lockdown: learn: nothing was in force: the allow preset audits "
				"every call for now\n");
		err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	} else if (!err) {
		fprintf(stderr,
			"lockdown: learn: a policy is in force: only the calls it audits or "
			"denies are seen\n");
	}
	if (err) {
		ld_err("learn: %s", why);
		return err == -EPROTO ? LD_EXIT_FAIL : LD_EXIT_ERR;
	}
	err = ld_pinned_counters(&p, before);
	if (!err)
		err = ld_events_read(&p, rs, &o, add_event, &lv);
	if (!err)
		err = ld_pinned_counters(&p, after);
	ld_pinned_close(&p);
	if (!err) {
		for (unsigned int n = 0; n < LD_REASONS; n++) {
			unsigned long long used = (after[n].outcome[LD_OUT_AUDITED] +
						   after[n].outcome[LD_OUT_DENIED]) -
						  (before[n].outcome[LD_OUT_AUDITED] +
						   before[n].outcome[LD_OUT_DENIED]);
			const struct ld_reason *r = ld_reason_by_number(rs, n);

			if (r && used > lv.seen[n])
				ld_learner_note_unreported(l, r->name, used - lv.seen[n]);
		}
	}
	if (loaded_here && ld_enforcer_remove(why, sizeof(why)) != 0)
		ld_warn("learn: removing the allow preset again: %s", why);
	if (err) {
		ld_err("learn: reading the events: %s", strerror(-err));
		return LD_EXIT_ERR;
	}
	return LD_EXIT_OK;
}

int cmd_learn(int argc, char **argv)
{
	struct ld_learn_opts lo = { .base = "all", .by = LD_LEARN_BY_EXE };
	const char *from, *for_s, *out_path, *by;
	struct ld_learner *l;
	struct ld_reasons rs;
	struct ld_args a;
	char why[1024], *text = NULL;
	size_t textlen = 0;
	FILE *mem;
	int ret, n;

	if (!ld_args_parse("learn", argc, argv, &a))
		return a.exit;
	from = ld_arg(&a, "from");
	for_s = ld_arg(&a, "for");
	out_path = ld_arg(&a, "output");
	by = ld_arg(&a, "by");
	if (ld_arg(&a, "base"))
		lo.base = ld_arg(&a, "base");
	if (!!from == !!for_s)
		return ld_usage_error("learn", "give --from FILE or --for DURATION");
	if (strcmp(lo.base, "all") && strcmp(lo.base, "integrity") &&
	    strcmp(lo.base, "confidentiality"))
		return ld_usage_error("learn",
				      "--base %s: expected all, integrity or confidentiality",
				      ld_safe(lo.base));
	if (by && !strcmp(by, "cgroup"))
		lo.by = LD_LEARN_BY_CGROUP;
	else if (by && strcmp(by, "exe"))
		return ld_usage_error("learn", "--by %s: expected exe or cgroup", ld_safe(by));
	if (for_s && duration(for_s) < 0)
		return ld_usage_error(
			"learn", "--for %s: expected a duration (90s, 10m, 2h, 1d; at most 7d)",
			ld_safe(for_s));
	if (ld_reasons_load(ld_arg(&a, "btf"), &rs, why, sizeof(why)) != 0) {
		ld_err("learn: %s", why);
		return LD_EXIT_ERR;
	}
	lo.source = from ? (!strcmp(from, "-") ? "standard input" : from) : "live events";
	l = ld_learner_new(&rs, &lo);
	if (!l) {
		ld_err("learn: out of memory");
		return LD_EXIT_ERR;
	}
	if (from) {
		FILE *f;

		ret = ld_open_input(from, &f);
		if (ret) {
			ld_err("learn: %s: %s", ld_safe(from), ld_errno_hint(-ret));
			ld_learner_free(l);
			return LD_EXIT_ERR;
		}
		ret = ld_recs_read(f, lo.source, add_rec, l, why, sizeof(why));
		if (f != stdin)
			fclose(f);
		if (ret) {
			ld_err("learn: %s", why);
			ld_learner_free(l);
			return ret == -EINVAL ? LD_EXIT_FAIL : LD_EXIT_ERR;
		}
	} else {
		struct sigaction sa = { .sa_handler = on_signal };

		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		ret = learn_live(l, duration(for_s), &rs);
		if (ret) {
			ld_learner_free(l);
			return ret;
		}
	}

	/* Written to memory first: it must compile before anyone sees it. */
	mem = open_memstream(&text, &textlen);
	n = mem ? ld_learner_write(l, mem, stderr) : -ENOMEM;
	if (mem)
		fclose(mem);
	ld_learner_free(l);
	if (n < 0) {
		ld_err("learn: writing the policy: %s", strerror(-n));
		free(text);
		return LD_EXIT_ERR;
	}
	{
		struct ld_compiled c;
		struct ld_diag d = { 0 };

		ret = ld_policy_compile_buffer("learned policy", text, textlen, &rs, NULL, &c, &d);
		if (ret) {
			ld_diag_print(&d, stderr);
			ld_err("learn: the learned policy does not compile (a bug): nothing "
			       "written");
		}
		ld_diag_free(&d);
		ld_compiled_free(&c);
		if (ret) {
			free(text);
			return LD_EXIT_ERR;
		}
	}
	if (out_path) {
		FILE *f = fopen(out_path, "we");

		if (!f || fwrite(text, 1, textlen, f) != textlen || fclose(f) != 0) {
			ld_err("learn: %s: %s", ld_safe(out_path), strerror(errno));
			free(text);
			return LD_EXIT_ERR;
		}
		fprintf(stderr, "lockdown: learn: %d section%s written to %s\n", n,
			n == 1 ? "" : "s", ld_safe(out_path));
	}
	if (ld_g.json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "sections", json_object_new_int(n));
		json_object_object_add(o, "output",
				       out_path ? json_object_new_string(out_path) : NULL);
		json_object_object_add(o, "policy", json_object_new_string_len(text, (int)textlen));
		ld_json_print(o);
	} else if (!out_path) {
		fwrite(text, 1, textlen, stdout);
	}
	free(text);
	return LD_EXIT_OK;
}
