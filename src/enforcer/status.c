// SPDX-License-Identifier: GPL-2.0-only
/* The enforcer section of `lockdown status`: read from the pinned maps, rendered from JSON. */
#include "enforcer.h"
#include "libbpf_log.h"
#include "policy/policy.h"
#include "util.h"

#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ld_enforcer_status_gather(struct json_object *st, struct json_object *errors)
{
	struct json_object *e = json_object_new_object();
	struct ld_counters per[LD_SLOTS], total, tamper;
	struct ld_pinned p;
	struct ld_active a;
	struct ld_meta m = { 0 };
	char why[300], buf[80];
	int err;

	ld_libbpf_log_install();
	err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	if (err == -ENOENT) {
		json_object_object_add(e, "loaded", json_object_new_boolean(false));
		json_object_object_add(st, "enforcer", e);
		return;
	}
	if (err) {
		json_object_put(e);
		json_object_object_add(st, "enforcer", NULL);
		json_object_object_add(errors, "enforcer", json_object_new_string(why));
		return;
	}
	json_object_object_add(e, "loaded", json_object_new_boolean(true));
	if (ld_pinned_active(&p, &a) == 0 && ld_pinned_meta(&p, a.gen & 1, &m) == 0 &&
	    m.gen == a.gen) {
		struct ld_compiled tmp;

		json_object_object_add(e, "generation", json_object_new_int64(a.gen));
		json_object_object_add(e, "sealed", json_object_new_boolean(a.sealed != 0));
		if (a.sealed) {
			ld_format_time(a.sealed_ns, buf, sizeof(buf));
			json_object_object_add(e, "sealed_at", json_object_new_string(buf));
		}
		json_object_object_add(e, "mode", json_object_new_string(ld_mode_name(m.mode)));
		json_object_object_add(e, "source", json_object_new_string(m.source));
		memcpy(tmp.pol.digest, m.digest, sizeof(m.digest));
		ld_compiled_digest_hex(&tmp, buf);
		json_object_object_add(e, "digest", json_object_new_string(buf));
		ld_format_time(m.applied_ns, buf, sizeof(buf));
		json_object_object_add(e, "applied_at", json_object_new_string(buf));
		ld_format_time(m.loaded_ns, buf, sizeof(buf));
		json_object_object_add(e, "loaded_at", json_object_new_string(buf));
		json_object_object_add(e, "program",
				       json_object_new_string(ld_variant_name(m.variant)));
		json_object_object_add(e, "rules", json_object_new_int((int)m.nrules));
		json_object_object_add(e, "executables", json_object_new_int((int)m.nexes));
		json_object_object_add(e, "cgroups", json_object_new_int((int)m.ncgroups));
		json_object_object_add(e, "uids", json_object_new_int((int)m.nuids));
	} else {
		json_object_object_add(errors, "enforcer",
				       json_object_new_string("pinned metadata unreadable"));
	}
	if (m.nexes || m.nobjects) {
		struct ld_compiled now;
		struct ld_stale *stale;
		size_t nstale;
		struct json_object *arr = json_object_new_array();
		struct json_object *objs = json_object_new_array();

		if (ld_stale_exemptions(&p, &now, &stale, &nstale, why, sizeof(why)) == 0) {
			for (size_t i = 0; i < nstale; i++)
				json_object_array_add(strcmp(stale[i].key, "Executable") ? objs
											 : arr,
						      json_object_new_string(stale[i].path));
			free(stale);
			ld_compiled_free(&now);
		}
		json_object_object_add(e, "stale_exemptions", arr);
		json_object_object_add(e, "objects_waiting", objs);
	}
	if (ld_pinned_counters(&p, per) == 0) {
		struct json_object *c = json_object_new_object();

		ld_counters_total(per, &total);
		ld_counters_json_add(c, &total);
		json_object_object_add(e, "counters", c);
		ld_counters_sum(per + LD_REASONS, LD_TAMPERS, &tamper);
		json_object_object_add(e, "tamper_refused",
				       json_object_new_uint64(tamper.outcome[LD_OUT_DENIED]));
	}
	ld_pinned_close(&p);
	json_object_object_add(st, "enforcer", e);
}

static const char *str(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) && v ? json_object_get_string(v) : "?";
}

static unsigned long long num(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) && v
		       ? (unsigned long long)json_object_get_uint64(v)
		       : 0;
}

void ld_enforcer_status_render(struct json_object *st)
{
	struct json_object *e, *v, *c, *errors, *why;
	bool sealed;

	if (!json_object_object_get_ex(st, "enforcer", &e) || !e) {
		if (json_object_object_get_ex(st, "errors", &errors) &&
		    json_object_object_get_ex(errors, "enforcer", &why))
			printf("%-20s %s\n", "enforcer", json_object_get_string(why));
		return;
	}
	if (!json_object_object_get_ex(e, "loaded", &v) || !json_object_get_boolean(v)) {
		printf("%-20s not loaded (lockdown apply puts a policy in force)\n", "enforcer");
		return;
	}
	printf("%-20s loaded: %s, %s mode\n", "enforcer", str(e, "source"), str(e, "mode"));
	if (json_object_object_get_ex(e, "sealed", &v) && json_object_get_boolean(v))
		printf("%-20s sealed since %s: nothing changes or removes it until reboot "
		       "(%llu attempts refused)\n",
		       "seal", str(e, "sealed_at"), num(e, "tamper_refused"));
	else
		printf("%-20s not sealed (lockdown apply --seal)\n", "seal");
	printf("%-20s %s\n", "policy digest", str(e, "digest"));
	printf("%-20s %s (program loaded %s)\n", "applied since", str(e, "applied_at"),
	       str(e, "loaded_at"));
	if (json_object_object_get_ex(e, "counters", &c))
		printf("%-20s allowed %llu, audited %llu, denied %llu; events %llu, "
		       "rate-limited %llu, dropped %llu\n",
		       "decisions", num(c, "allowed"), num(c, "audited"), num(c, "denied"),
		       num(c, "events"), num(c, "ratelimited"), num(c, "dropped"));
	sealed = json_object_object_get_ex(e, "sealed", &c) && json_object_get_boolean(c);
	if (json_object_object_get_ex(e, "stale_exemptions", &v) && v) {
		for (size_t i = 0; i < json_object_array_length(v); i++)
			printf("%-20s exemption for %s is stale: the file was replaced since the "
			       "policy was applied (%s)\n",
			       "warning",
			       ld_safe(json_object_get_string(json_object_array_get_idx(v, i))),
			       sealed ? "sealed: until reboot"
				      : "lockdown refresh applies it again");
	}
	if (json_object_object_get_ex(e, "objects_waiting", &v) && v) {
		for (size_t i = 0; i < json_object_array_length(v); i++)
			printf("%-20s %s is listed but not the file in force (built or replaced "
			       "since the policy was applied): it loads %s\n",
			       "waiting",
			       ld_safe(json_object_get_string(json_object_array_get_idx(v, i))),
			       sealed ? "after the next boot" : "once lockdown refresh applies it");
	}
	if (json_object_object_get_ex(st, "kernel_level", &v) && v &&
	    strcmp(json_object_get_string(v), "none") != 0)
		printf("%-20s the kernel's own level (%s) denies its reasons before the enforcer "
		       "is asked\n",
		       "", json_object_get_string(v));
}
